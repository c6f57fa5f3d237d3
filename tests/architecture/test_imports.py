"""The import rules of the house: the layers of docs/architecture.md, and no import cycle anywhere.

Imports inside functions count: a lazy ``from l10n.publish.visibility import ...``
in a check is as much a dependency as one at the top of the module (it only
hides the loop until the function runs). Two maintained tools judge them:
import-linter, with the contracts in ``pyproject.toml`` (``[tool.importlinter]``:
the layers, and ``acyclic_siblings`` at every depth), and grimp, the graph it is
built on, read directly here for cycles between single modules (a package's
``__init__`` and its own submodules, which sibling contracts do not see).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import grimp

from tests.support.paths import ROOT


_LINT = ("import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _LINT], cwd=cwd, capture_output=True, text=True, timeout=600)


def module_cycles(package: str) -> list[list[str]]:
    """The import cycles of ``package``: its strongly connected sets of modules (Tarjan), each sorted.

    Every import statement counts, at module level or inside a function (grimp reads both).
    """
    graph = grimp.build_graph(package, cache_dir=None)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        # iterative Tarjan: (node, iterator over its successors)
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, succ = work[-1]
            for nxt in succ:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        m = stack.pop()
                        on_stack.discard(m)
                        comp.append(m)
                        if m == node:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
    return sorted(out)


def _describe(package: str, cycle: list[str]) -> str:
    graph = grimp.build_graph(package, cache_dir=None)
    members = set(cycle)
    lines = []
    for m in cycle:
        for t in sorted(graph.find_modules_directly_imported_by(m) & members):
            for d in graph.get_import_details(importer=m, imported=t):
                lines.append(f"  {m.replace('.', '/')}.py:{d['line_number']}: {d['line_contents']}")
    return "\n".join(lines)


def test_import_linter_contracts_are_kept():
    res = _lint_imports(ROOT)
    assert res.returncode == 0, f"import-linter contracts broken:\n{res.stdout}\n{res.stderr}"
    assert "2 kept, 0 broken" in res.stdout, res.stdout


def test_no_module_of_l10n_is_in_an_import_cycle():
    cycles = module_cycles("l10n")
    assert not cycles, "import cycles (function-level imports included):\n" + "\n".join(
        f"{' <-> '.join(c)}\n{_describe('l10n', c)}" for c in cycles)


def _make_package(tmp_path: Path, name: str, files: dict[str, str]) -> Path:
    pkg = tmp_path / name
    for rel, text in files.items():
        path = pkg / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return pkg


def test_a_cycle_closed_inside_a_function_is_found(tmp_path, monkeypatch):
    # high imports low at the top; low closes the loop only when one of its functions runs
    _make_package(tmp_path, "archcyc", {
        "__init__.py": "",
        "high/__init__.py": "",
        "high/page.py": "from archcyc.low.text import words\n",
        "low/__init__.py": "",
        "low/text.py": """\
            def words(s):
                return s.split()


            def render(s):
                from archcyc.high import page  # the hidden edge
                return page
            """,
    })
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [tool.importlinter]
        root_package = "archcyc"

        [[tool.importlinter.contracts]]
        id = "layers"
        name = "layers"
        type = "layers"
        containers = ["archcyc"]
        layers = ["high", "low"]

        [[tool.importlinter.contracts]]
        id = "acyclic"
        name = "acyclic"
        type = "acyclic_siblings"
        ancestors = ["archcyc"]
        """), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    assert module_cycles("archcyc") == [["archcyc.high.page", "archcyc.low.text"]]
    res = _lint_imports(tmp_path)
    assert res.returncode == 1, res.stdout
    assert "0 kept, 2 broken" in res.stdout, res.stdout
    assert "archcyc.low.text -> archcyc.high.page (l.6)" in res.stdout, res.stdout


def test_a_package_init_and_its_own_modules_form_no_cycle_either(tmp_path, monkeypatch):
    # what the check registry did: the package's __init__ imports the families, a family imports a helper
    # from the __init__ (sibling contracts do not look at a package and its own children: grimp does)
    _make_package(tmp_path, "archreg", {
        "__init__.py": "from archreg import family\n\n\ndef helper():\n    return 1\n",
        "family.py": "def run():\n    from archreg import helper\n    return helper()\n",
    })
    monkeypatch.syspath_prepend(str(tmp_path))
    assert module_cycles("archreg") == [["archreg", "archreg.family"]]


def test_the_check_registry_is_complete_without_importing_the_checks_package_itself():
    # all_checks() no longer imports l10n.checks (that closed a loop with every family): the registry
    # is still complete, because Python runs the package's __init__ (which imports the families) first
    from l10n.checks.registry import all_checks

    code = "from l10n.checks.registry import all_checks, get_check; print(len(all_checks()), bool(get_check('L10N701')))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == [str(len(all_checks())), "True"]
    assert len(all_checks()) > 40
