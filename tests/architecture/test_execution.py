"""Execution is a core service: only l10n.execute starts processes (its forked workers inherit their job there);
no stage hands work to workers through globals of its own."""

from __future__ import annotations

import ast

from tests.support.paths import PKG

#: modules that may start or configure processes themselves
EXECUTORS = {"execute/__init__.py", "execute/dask.py", "parallel.py"}
#: module-level state that is no job handed to workers (a registry loaded once)
GLOBALS_ALLOWED = {("formats/documents/__init__.py", "_loaded")}


def _modules():
    for path in sorted(PKG.rglob("*.py")):
        yield path.relative_to(PKG).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def test_only_the_executors_start_processes():
    found = []
    for rel, tree in _modules():
        if rel in EXECUTORS:
            continue
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            if any(n.split(".")[0] == "multiprocessing" or n.endswith("ProcessPoolExecutor") for n in names):
                found.append(f"{rel}:{node.lineno}")
    assert not found, f"processes started outside l10n.execute: {found}"


def test_no_job_handed_over_in_a_global():
    found = [f"{rel}:{node.lineno} ({name})" for rel, tree in _modules() if rel not in EXECUTORS
             for node in ast.walk(tree)
             if isinstance(node, ast.Global) for name in node.names if (rel, name) not in GLOBALS_ALLOWED]
    assert not found, f"module globals set at run time: {found}"
