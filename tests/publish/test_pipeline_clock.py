"""`l10n run` on workers whose clock is not this machine's: every date in the outputs is the caller's."""

from __future__ import annotations

import shutil
from pathlib import Path

from l10n.config import load_settings
from l10n.execute import SerialExecutor
from l10n.publish.pipeline import run
from tests.support.clock import OtherClockExecutor

DOCS = {"a.md": "# Kratom\n\nKratom may cause dependence.\n\nAsk a doctor.\n",
        "b.md": "# Water\n\nDrink water.\n"}


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for top in ("locales", "dist", "dist-preview")
            for p in sorted((root / top).rglob("*")) if p.is_file()}


def test_a_run_on_workers_with_another_clock_writes_what_a_run_here_writes(make_project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764800000")  # here; the workers are on 2020-01-01
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    here = make_project(DOCS, locales=("es", "en_XA"))
    with open(here / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write('\n[tool.l10n.engines]\nen_XA = "pseudo"\n')
    there = here.parent / "there"
    shutil.copytree(here, there)
    run(load_settings(here), executor=SerialExecutor())
    workers = OtherClockExecutor(1577836800)
    result = run(load_settings(there), executor=workers)
    assert workers.tasks and "en_XA" in result.translated, result.skipped
    assert _outputs(there) == _outputs(here)
    assert not [name for name, data in _outputs(there).items() if b"2020-01-01" in data]
