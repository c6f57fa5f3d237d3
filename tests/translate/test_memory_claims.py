"""Claims: a segment another run answered and released since this run looked is not claimed (nor sent) again."""

from __future__ import annotations

import pytest

from l10n.translate.store import MemoryLocation, open_location
from tests.support.postgres import pg_url  # noqa: F401  (fixture)

KEY = {"provider": "fake", "source_lang": "en", "target_lang": "es", "glossary_version": ""}


def _answered_then_released(a, b) -> None:
    assert a.get("Kratom is not a cure.", **KEY) is None and b.get("Kratom is not a cure.", **KEY) is None
    claims = a.claim(["Kratom is not a cure."], **KEY)
    assert claims.mine == ("Kratom is not a cure.",)
    a.put("Kratom is not a cure.", "El kratom no es una cura.", **KEY)
    a.release(["Kratom is not a cure."], **KEY)
    # b looked before a answered (its lookup above missed); now it claims: the answer is there, nothing to send
    late = b.claim(["Kratom is not a cure."], **KEY)
    assert late.mine == () and late.waiting == ()
    assert late.answered == (("Kratom is not a cure.", "El kratom no es una cura."),)


def test_sqlite_a_released_answer_is_not_claimed_again(tmp_path):
    where = MemoryLocation("sqlite", str(tmp_path / "tm.sqlite"))
    a, b = open_location(where), open_location(where)
    try:
        _answered_then_released(a, b)
    finally:
        a.close()
        b.close()


def test_postgresql_a_released_answer_is_not_claimed_again(pg_url):  # noqa: F811
    where = MemoryLocation("postgresql", pg_url)
    a, b = open_location(where), open_location(where)
    try:
        _answered_then_released(a, b)
    finally:
        a.close()
        b.close()
