"""Findings with the same message share one string (a large catalog may get hundreds of thousands)."""

from __future__ import annotations

from l10n.checks.context import CatalogContext
from l10n.checks.registry import get_check, to_finding


def test_the_same_message_is_one_string() -> None:
    ctx = CatalogContext(locale="es", path="es.po")
    spec = get_check("L10N502")
    one, two = "".join(["'dose' should be ", "translated as 'dosis'"]), "'dose' should be translated as 'dosis'"
    assert one is not two
    a, b = to_finding(spec, one, ctx, None), to_finding(spec, two, ctx, None)
    assert a.message == b.message and a.message is b.message
