"""The layout of the test tree (issue 16) as rules to apply to any tree (tests/architecture/test_test_layout.py).

A test file in ``tests/<package>/`` is named after a module of ``l10n/<package>/``, optionally followed by
``_<topic>``; a package's ``__init__`` counts as a module named after the package (``tests/checks/test_checks_*``
tests ``l10n/checks/__init__.py``), and a leading underscore is dropped (``l10n/cli/_app.py``: ``test_app``).
Modules directly in ``l10n/`` are tested in ``tests/l10n/``.
"""

from __future__ import annotations

import ast
from pathlib import Path

#: folders of tests/ that test the house as a whole, not one package
GROUPS = frozenset({"architecture", "e2e"})
#: folders of tests/ that hold helpers and data, never tests
HELPERS = frozenset({"support", "servers", "cases", "fixtures"})
#: the folder for the modules directly in l10n/ (l10n/config.py: tests/l10n/test_config.py)
TOP = "l10n"


def collected(tests: Path) -> list[Path]:
    """Every file of the tree that pytest collects as a test module."""
    return sorted(p for p in tests.rglob("test_*.py") if "__pycache__" not in p.parts)


def modules(package: Path) -> set[str]:
    """The names a test file in the mirror of ``package`` may start with."""
    names = set()
    for path in package.glob("*.py"):
        name = package.name if path.stem == "__init__" else path.stem
        names.add(name.lstrip("_"))
    return names


def misplaced(path: Path, tests: Path, pkg: Path) -> str | None:
    """Why the test file ``path`` is not where the layout wants it, or None (``tests``: tests/, ``pkg``: l10n/)."""
    parts = path.relative_to(tests).parts
    if len(parts) == 1:
        return "a test file directly in tests/: move it to tests/<package>/ (or tests/l10n/ for l10n/<module>.py)"
    group = parts[0]
    if group in GROUPS:
        return None
    if group in HELPERS:
        return f"tests/{group}/ holds helpers and data, not tests"
    if group == TOP:
        package = pkg if len(parts) == 2 else None
    else:
        package = pkg.joinpath(*parts[:-1])
    if package is None or not (package / "__init__.py").is_file():
        where = "/".join(parts[:-1])
        return f"tests/{where}/ mirrors no package of l10n/ (the groups of the whole house: {sorted(GROUPS)})"
    stem = path.stem.removeprefix("test_")
    names = modules(package)
    if not any(stem == m or stem.startswith(m + "_") for m in names):
        return (f"named after no module of {package.relative_to(pkg.parent)}/ (test_<module>[_topic].py; "
                f"modules: {', '.join(sorted(names))})")
    return None


def imported(tree: ast.Module, path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every module an import statement of ``tree`` may bring in, relative ones resolved.

    ``from a import b`` may bring in the module ``a.b``, so both ``a`` and ``a.b`` are listed.
    """
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = path.parent.relative_to(root).parts
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ((node.module,) if node.module else ()))
            else:
                base = node.module or ""
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def is_test_module(dotted: str) -> bool:
    last = dotted.rsplit(".", 1)[-1]
    return last == "conftest" or last.startswith("test_")


def imports_of_test_modules(tests: Path) -> list[str]:
    """Every import, in the Python files of the test tree ``tests``, of a test module or of conftest.

    tests/cases/ and tests/fixtures/ are data (and the scripts that made it), not read.
    """
    bad = []
    for path in sorted(tests.rglob("*.py")):
        rel = path.relative_to(tests)
        if rel.parts[0] in ("cases", "fixtures") or "__pycache__" in rel.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, dotted in imported(tree, path, tests.parent):
            if is_test_module(dotted):
                bad.append(f"{path.relative_to(tests.parent)}:{line}: imports {dotted}")
    return sorted(set(bad), key=lambda s: (s.split(":")[0], int(s.split(":")[1])))
