"""The runner calls an entry check only on entries that have one of the features it is gated on."""

from __future__ import annotations

import pytest

import l10n.checks as checks
from l10n.checks import check_catalog
from l10n.checks.registry import FEATURES, check
from l10n.model import Severity
from test_checks_support import make_po


def _crashing(monkeypatch, code):
    spec = checks.get_check(code)

    def boom(entry, ctx):
        raise RuntimeError("called")
        yield  # pragma: no cover

    monkeypatch.setattr(spec.func, "__code__", boom.__code__)


@pytest.mark.parametrize("code,quiet,triggered", [
    ("L10N604", ("Take it with food.", "Tómelo con comida."), ("Take %(n)s with food.", "Tome %(n)s con comida.")),
    ("L10N301", ("Take it with food.", "Tómelo con comida."), ("Take it with food.", "Tómelo con 5 comidas.")),
    ("L10N602", ("Take <b>it</b> now.", "Tómelo ahora."), ("Take it now.", "Tómelo <b>ahora.")),
    ("L10N401", ("Take it with food", "Tómelo con comida"), ("Take it. Now", "Tómelo ahora")),
    ("L10N703", ("Take it with food.", "Tómelo con comida."), None),
])
def test_a_gated_check_runs_only_where_its_feature_is(monkeypatch, code, quiet, triggered):
    _crashing(monkeypatch, code)
    assert not [f for f in check_catalog(make_po([quiet]), locale="es", glossary=None) if f.code == "L10N000"]
    if triggered:
        found = check_catalog(make_po([triggered]), locale="es", glossary=None)
        assert [f for f in found if f.code == "L10N000" and code in f.message]


def test_every_gate_names_a_known_feature():
    for spec in checks.all_checks():
        assert set(getattr(spec.func, "when", None) or ()) <= set(FEATURES)
    with pytest.raises(ValueError):
        check("L10N999", "bogus", Severity.WARNING, when=("no-such-feature",))
