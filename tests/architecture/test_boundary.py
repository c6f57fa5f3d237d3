"""The boundary rule: only the CLI prints, exits or imports typer/rich consoles."""

from __future__ import annotations

import ast

import pytest

from tests.support.paths import PKG

CORE = sorted(p for p in PKG.rglob("*.py") if "cli" not in p.relative_to(PKG).parts)


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(PKG).as_posix())
def test_core_module_does_not_print_or_exit(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
            assert name != "print", f"{path.name}:{node.lineno}: print() in the core"
            assert not (owner == "sys" and name == "exit"), f"{path.name}:{node.lineno}: sys.exit in the core"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mod = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            assert not (mod or "").startswith("typer"), f"{path.name}:{node.lineno}: typer in the core"


def test_every_command_has_examples_in_help():
    from l10n.cli import app
    import typer.main

    group = typer.main.get_command(app)
    missing = []
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs and "Example" not in (cmd.help or ""):
            missing.append(f"{name} (group)")
        for sub_name, sub in (subs or {name: cmd}).items():
            if "Example" not in (sub.help or ""):
                missing.append(f"{name} {sub_name}" if subs else name)
    assert not missing, f"commands without examples in --help: {missing}"
