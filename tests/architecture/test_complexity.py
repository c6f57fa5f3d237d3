"""Functions a reader can hold: the cyclomatic-complexity budget of the house (issue 16).

radon ranks a block D–F above 20 decisions. No function of the core may rank
above C, except the PO fast parser's reader (a hand-written tokenizer, kept as
one loop for speed and property-tested against the general parser in
tests/catalogs/); the whole package, CLI included, holds at most 10 such blocks.
"""

from __future__ import annotations

import pytest

from tests.support.paths import PKG

radon_complexity = pytest.importorskip("radon.complexity", reason="radon is a dev dependency (pip install -e .[dev])")

PACKAGE = PKG
LIMIT = 20          # rank C ends here
MAX_OVER = 10       # D–F blocks allowed in the whole package
EXEMPT = {          # (module, block): why
    ("catalogs/pofile.py", "_Reader.read"): "fast PO parser",
    ("catalogs/pofile.py", "_Reader._tokens"): "fast PO parser",
    ("catalogs/pofile.py", "_Reader.keyword"): "fast PO parser",
}


def _blocks() -> list[tuple[str, str, int]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for block in radon_complexity.cc_visit(path.read_text(encoding="utf-8")):
            name = f"{block.classname}.{block.name}" if getattr(block, "classname", None) else block.name
            out.append((rel, name, block.complexity))
            for sub in getattr(block, "closures", []):
                out.append((rel, f"{name}.{sub.name}", sub.complexity))
    return out


def test_no_core_function_above_rank_c():
    over = [(m, n, c) for m, n, c in _blocks()
            if c > LIMIT and not m.startswith("cli/") and (m, n) not in EXEMPT]
    assert not over, "core functions above complexity C: " + ", ".join(f"{m}:{n} ({c})" for m, n, c in over)


def test_at_most_ten_blocks_ranked_d_to_f():
    over = sorted((m, n, c) for m, n, c in _blocks() if c > LIMIT)
    assert len(over) <= MAX_OVER, f"{len(over)} blocks ranked D–F: " + ", ".join(f"{m}:{n} ({c})" for m, n, c in over)


def test_the_budget_sees_a_complex_function(tmp_path):
    """The counter is real: a function with 21 branches ranks D."""
    body = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(21))
    (block,) = radon_complexity.cc_visit(f"def f(x):\n{body}\n    return -1\n")
    assert block.complexity > LIMIT
