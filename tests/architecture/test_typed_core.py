"""The typed core: one name for the disclaimer context prefix, severities compared as the enum, notices as data."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from l10n.errors import ConfigError
from l10n.model import DISCLAIMER_PREFIX, Severity, disclaimer_context, disclaimer_of
from l10n.publish.notices import MT_NOTICE, load_notices, mt_notice
from tests.support.paths import PKG

SOURCES = sorted(PKG.rglob("*.py"))

#: files another branch rewrites today (the format registry): their raw prefixes go when it is merged
_PREFIX_PENDING: set[str] = set()


def _rel(path: Path) -> str:
    return path.relative_to(PKG).as_posix()


def _spelled_prefix(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value == DISCLAIMER_PREFIX
    if isinstance(node, ast.JoinedStr) and node.values:  # f"disclaimer:{did}"
        first = node.values[0]
        return isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.startswith(DISCLAIMER_PREFIX)
    return False


def test_the_disclaimer_prefix_is_spelled_once():
    found = []
    for path in SOURCES:
        if _rel(path) in _PREFIX_PENDING | {"model.py"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _spelled_prefix(node):
                found.append(f"{_rel(path)}:{node.lineno}")
    # (the constant part of an f-string is walked too: one report per site)
    assert not sorted(set(found)), f"spell it DISCLAIMER_PREFIX / disclaimer_context() (l10n.model): {sorted(set(found))}"


def test_disclaimer_context_and_id_are_inverse():
    for did in ("not-medical-advice", "a:b", ""):
        assert disclaimer_of(disclaimer_context(did)) == did
    assert disclaimer_of("menu") is None and disclaimer_of(None) is None and disclaimer_of("Disclaimer:x") is None


def _int_literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


def _names_severity(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr in ("severity", "level")) or \
        (isinstance(node, ast.Name) and node.id in ("severity", "sev"))


def test_severities_are_compared_as_the_enum_never_as_bare_numbers():
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(_names_severity(s) for s in sides) and any(_int_literal(s) for s in sides):
                    found.append(f"{_rel(path)}:{node.lineno}")
    assert not found, f"compare with Severity.ERROR etc., not a number: {found}"
    assert Severity.ERROR > Severity.WARNING > Severity.INFO and Severity.CRITICAL > Severity.ERROR


def test_the_notices_are_the_data_file():
    data = json.loads((PKG / "publish" / "data" / "mt-notices.json").read_text(encoding="utf-8"))["notices"]
    assert dict(MT_NOTICE) == data
    assert mt_notice("pt_BR") == data["pt_BR"] and mt_notice("es_MX") == data["es"] and mt_notice("de") == data["en"]
    with pytest.raises(TypeError):
        MT_NOTICE["de"] = "Diese Seite ..."  # read-only: the data file is the one place


def test_a_language_is_added_by_data(tmp_path):
    notices = load_notices(json.dumps({"notices": {"en": "Machine translated.", "de": "Maschinell übersetzt."}})
                           .encode(), "notices.json")
    assert notices["de"] == "Maschinell übersetzt."


@pytest.mark.parametrize("data,where", [
    (b'{"notices": {"en": "x",\n  "es": }}', "mt-notices.json:2: not JSON"),
    (b'{"notices": {"es": "Traducido."}}', "mt-notices.json: no English notice"),
    (b'{"notices": {"en": "x", "fr": ""}}', "mt-notices.json: the notice for 'fr' is not a non-empty string"),
    (b'["en"]', "mt-notices.json: expected an object"),
    (b'\xff\xfe', "mt-notices.json: not UTF-8"),
])
def test_a_bad_notices_file_is_one_line_naming_it(data, where):
    with pytest.raises(ConfigError) as exc:
        load_notices(data, "mt-notices.json")
    assert str(exc.value).startswith(where) and "\n" not in str(exc.value)
