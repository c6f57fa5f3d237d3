"""The glossary's local numbers (``rules.<locale>.local_numbers``) are phone-like (from the eighth QA pass)."""

from __future__ import annotations

import pytest


def test_local_numbers_must_be_phone_like():
    from l10n.glossary import parse_glossary
    from l10n.errors import GlossaryError

    with pytest.raises(GlossaryError) as exc:
        parse_glossary({"version": 1, "rules": {"es": {"local_numbers": ["112", "five"]}}}, locales=["es"])
    assert "local_numbers" in str(exc.value) and "five" in str(exc.value)


def test_an_empty_local_number_is_refused():
    from l10n.errors import GlossaryError
    from l10n.glossary import parse_glossary

    with pytest.raises(GlossaryError):
        parse_glossary({"version": 1, "rules": {"es": {"local_numbers": ["---"]}}}, locales=["es"])
