"""The runner calls an entry check only on entries that have one of the features it is gated on."""

from __future__ import annotations

import pytest

import l10n.checks as checks
from l10n.checks import check_catalog
from l10n.checks.registry import FEATURES, check
from l10n.model import Severity
from tests.support.checks import make_po


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
    ("L10N606", ("Take it: now.", "Tómelo: ya."), ("Take it now.", "<span hidden>No</span> lo tome ahora.")),
    ("L10N606", ("Take it now.", "Tómelo ahora."), ("Take it now.", "Tómelo\n# ahora.")),
    ("L10N201", ("Take it now.", "Tómelo ahora."), ("Take it now.", "")),
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


def test_syntax_scan_accepts_only_what_msgfmt_accepts():
    # (was a whole-file regular expression, _ALL_LINES_OK; parse_catalog now reads as GNU gettext does)
    from l10n.checks.catalog import parse_catalog

    good = '# c\n#, fuzzy\n#| msgid "old"\nmsgid "a"\nmsgstr ""\n"b \\" c"\n\n#~ msgid "x"\n#~ msgstr "y"'
    assert parse_catalog(good.encode())[1] == []
    for bad in ('msgid "a\nmsgstr ""\n', 'msgid "a"\nmsgstr "b" x\n', '#~| msgid "a"\n', 'msgid "a\\"\n'):
        assert parse_catalog(bad.encode())[1], bad


def test_numbers_fast_path_still_reports_changes():
    from l10n.checks.numbers import _spelled

    assert _spelled("Take 5 mg, 2 horas") == (("5", "mg"), ("2", "h"))
    found = check_catalog(make_po([("Take 5 mg twice.", "Tome 5 g dos veces."),
                                   ("Take 5 mg twice.", "Tome 50 mg dos veces."),
                                   ("Take 2.5 mg twice.", "Tome 2,5 mg dos veces.")]), locale="es", glossary=None)
    got = sorted((f.msgid, f.code) for f in found if f.code.startswith("L10N30"))
    assert got == [("Take 5 mg twice.", "L10N301"), ("Take 5 mg twice.", "L10N302")]
