"""Shared fixtures: mini projects in tmp_path, a CLI runner (GNU gettext detection: tests/support/gettext.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.support.paths import ROOT

# No property test has a time limit: Hypothesis's default deadline (200 ms an example) and its too_slow health
# check judge the machine, not the code, and fail at random on a loaded CI machine (a process descheduled for
# 300 ms fails an example that takes 1 ms: "Unreliable test timings"). Tests that set their own settings
# inherit these.
settings.register_profile("l10n", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("l10n")

MINI_PYPROJECT = """\
[tool.l10n]
source_language = "en"
locales = {locales}
source_docs = "source_docs"
locales_dir = "locales"
output = "dist"
project_name = "test project"
bugs_address = "bugs@example.org"
"""


@pytest.fixture
def make_project(tmp_path):
    """Create a mini project: ``make_project({"a.md": "..."}, locales=["es"])``."""

    def make(docs: dict[str, str] | None = None, *, locales=("es", "ca"), glossary: bool | str = False,
             bundled: bool = False) -> Path:
        root = tmp_path / "proj"
        (root / "source_docs").mkdir(parents=True, exist_ok=True)
        (root / "pyproject.toml").write_text(
            MINI_PYPROJECT.format(locales="[" + ", ".join(f'"{x}"' for x in locales) + "]"), encoding="utf-8")
        if bundled:
            shutil.copytree(ROOT / "source_docs", root / "source_docs", dirs_exist_ok=True)
        for name, text in (docs or {}).items():
            path = root / "source_docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if glossary is True:
            shutil.copy(ROOT / "glossary.yaml", root / "glossary.yaml")
        elif isinstance(glossary, str):
            (root / "glossary.yaml").write_text(glossary, encoding="utf-8")
        return root

    return make


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run ``l10n`` in-process in a project folder: ``cli(root, "extract")``.

    Goes through :func:`l10n.cli.main`, so exit codes and the one-line
    error handling are those a user sees.
    """
    from l10n.cli import main

    def run(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
        monkeypatch.chdir(root)
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        capsys.readouterr()
        code = 0
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
