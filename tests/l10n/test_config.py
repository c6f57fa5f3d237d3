"""``[tool.l10n]``: parsed into Settings; every mistake is a ConfigError naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import load_settings, parse_settings
from l10n.errors import ConfigError


def test_defaults_and_paths(tmp_path):
    s = parse_settings({}, tmp_path)
    assert s.source_language == "en"
    assert s.locales == ("es", "ca", "fr", "pt_BR", "ar")
    assert s.source_docs == (tmp_path / "source_docs").resolve()
    assert s.po_path("pt_BR", "a") == (tmp_path / "locales" / "pt_BR" / "LC_MESSAGES" / "a.po").resolve()
    assert s.pot_path("a").name == "a.pot" and s.unit == "sentence"


def test_locales_normalised_and_resolved(tmp_path):
    s = parse_settings({"locales": ["pt-BR", "es"]}, tmp_path)
    assert s.locales == ("pt_BR", "es")
    assert s.resolve_locales(None) == ("pt_BR", "es")
    assert s.resolve_locales(["pt-br", "pt_BR", "fr"]) == ("pt_BR", "fr")


@pytest.mark.parametrize("table,needle", [
    ({"colour": "blue"}, "colour"),
    ({"locales": []}, "locales"),
    ({"locales": "es"}, "locales"),
    ({"locales": ["es", "es-ES", "es"]}, "twice"),
    ({"locales": ["xx_YY"]}, "xx_YY"),
    ({"locales": ["es/../.."]}, "es/../.."),
    ({"source_language": ""}, "empty"),
    ({"unit": "word"}, "unit"),
    ({"source_docs": ""}, "source_docs"),
    ({"project_name": 3}, "project_name"),
    ({"providers": "deepl"}, "providers"),
    ({"engines": {"xx_YY": "apertium"}}, "xx_YY"),
])
def test_bad_config_is_config_error(tmp_path, table, needle):
    with pytest.raises(ConfigError) as exc:
        parse_settings(table, tmp_path)
    assert needle in str(exc.value)


def test_load_settings_finds_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\nlocales = ["ar"]\n', encoding="utf-8")
    assert load_settings(tmp_path).locales == ("ar",)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"no \[tool\.l10n\]"):
        load_settings(tmp_path)


def test_missing_pyproject(tmp_path: Path):
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "nowhere")
