"""Issue 14.7: hostile glossary.yaml (alias bombs, cycles, deep nesting, size) is exit 2 with one line."""

from __future__ import annotations

import shutil

import pytest

from l10n.errors import GlossaryError
from l10n.glossary import yamlio
from l10n.glossary.yamlio import check_limits, read_yaml
from tests.support import paths
from tests.support.paths import ROOT

UNSAFE = paths.CASES / "unsafe"


@pytest.mark.parametrize("case, line, words", [
    ("glossary-alias-bomb.yaml", 7, "aliases expand to more than 200,000 values"),  # nine levels of 9 aliases
    ("glossary-deep-nesting.yaml", 2, "nest"),  # 100,000 "[": a segfault with an older libyaml
    ("glossary-alias-cycle.yaml", 5, "alias *loop is used inside its own anchor"),  # RecursionError before
])
def test_hostile_glossary_is_one_line_exit_2(make_project, cli, case, line, words):
    root = make_project({"a.md": "Text.\n"}, locales=("es",))
    shutil.copy(UNSAFE / case, root / "glossary.yaml")
    r = cli(root, "lint")
    assert r.exit_code == 2, r.output
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.output
    assert f"glossary.yaml:{line}:" in r.stderr and words in r.stderr


def test_alias_bomb_is_refused_before_anything_is_composed(monkeypatch):
    text = (UNSAFE / "glossary-alias-bomb.yaml").read_text(encoding="utf-8")

    def composed(*a, **k):  # the refusal comes from the event scan, not from walking composed nodes
        raise AssertionError("composed a bomb")

    monkeypatch.setattr(yamlio, "_walk", composed)
    with pytest.raises(GlossaryError, match="alias bomb") as exc:
        read_yaml(text, "g.yaml")
    assert exc.value.line == 7 and exc.value.problems == [str(exc.value.problems[0])]


def test_aliases_within_the_limit_still_load():
    text = "defaults: &d {kind: botanical, keep: true}\nterms:\n  - {<<: *d, source: Kratom}\n  - *d\n"
    data, _ = read_yaml(text, "g.yaml")
    assert data["terms"][1] == {"kind": "botanical", "keep": True}
    assert data["terms"][0]["source"] == "Kratom"


def test_size_limit(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_BYTES", 100)
    with pytest.raises(GlossaryError, match="the limit is 100"):
        check_limits("version: 1\n" + "# padding\n" * 20, "g.yaml")


def test_node_count_counts_plain_values_too(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_NODES", 50)
    with pytest.raises(GlossaryError, match="more than 50 values") as exc:
        check_limits("terms:\n" + "".join(f"  - t{i}\n" for i in range(60)), "g.yaml")
    assert exc.value.line is not None


def test_depth_limit_in_block_style():
    text = "terms:\n" + "".join("  " * i + "- \n" for i in range(100)) + "  " * 100 + "- x\n"
    with pytest.raises(GlossaryError, match="nested deeper than 64 levels") as exc:
        check_limits(text, "g.yaml")
    assert exc.value.line == 65


def test_bundled_glossary_is_well_within_the_limits():
    data, _ = read_yaml((ROOT / "glossary.yaml").read_text(encoding="utf-8"), "glossary.yaml")
    assert data["version"] == 1


def test_syntax_errors_are_still_reported_by_the_parser_with_their_line():
    with pytest.raises(GlossaryError, match="YAML syntax error") as exc:
        read_yaml("terms:\n  - [unclosed\n", "g.yaml")
    assert exc.value.line is not None
