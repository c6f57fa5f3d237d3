"""translate_locale on an executor: each catalog a task on a worker, the same catalogs as one after another, dated
by the caller's clock."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from l10n.config import load_settings
from l10n.execute import LocalExecutor, SerialExecutor
from l10n.parallel import available_cpus, can_fork
from l10n.project import extract, update
from l10n.translate import is_machine_translation, translate_locale
from tests.support.clock import OtherClockExecutor

SHARED = "Kratom is not a substitute for medical treatment."


def _project(root: Path) -> Path:
    (root / "source_docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.l10n]\nlocales = ["es"]\n', encoding="utf-8")
    for i in range(5):
        body = "\n\n".join(f"Paragraph {j} of leaflet {i} says the dose is {i + j} mg." for j in range(4))
        (root / "source_docs" / f"leaflet{i}.md").write_text(f"# Leaflet {i}\n\n{body}\n\n{SHARED}\n",
                                                               encoding="utf-8")
    settings = load_settings(root)
    extract(settings)
    update(settings, ("es",))
    return root


def _catalogs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "locales").rglob("*.po"))}


@pytest.mark.skipif(not can_fork() or available_cpus() < 1, reason="needs fork")
def test_catalogs_translated_on_workers_equal_those_translated_here(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764800000")
    here = _project(tmp_path / "here")
    there = tmp_path / "there"
    shutil.copytree(here, there)

    serial = translate_locale(load_settings(here), "es", "fake", executor=SerialExecutor())
    with LocalExecutor(2, min_items=2) as workers:
        forked = translate_locale(load_settings(there), "es", "fake", executor=workers)

    assert _catalogs(here) == {k: v for k, v in _catalogs(there).items()}
    assert serial.translated == forked.translated > 0
    # the sentence all five leaflets share went to the engine once, whichever worker claimed it
    assert forked.sent_segments == serial.sent_segments
    assert forked.sent_segments + forked.from_memory == serial.sent_segments + serial.from_memory


def test_without_an_executor_nothing_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764800000")
    a = _project(tmp_path / "a")
    b = tmp_path / "b"
    shutil.copytree(a, b)
    translate_locale(load_settings(a), "es", "fake")
    translate_locale(load_settings(b), "es", "fake", executor=SerialExecutor())
    assert _catalogs(a) == _catalogs(b)



CLIENT, WORKER = 1764800000, 1577836800  # 2025-12-03 22:13 UTC here; 2020-01-01 00:00 UTC on the workers


def test_workers_on_another_clock_date_the_catalogs_with_the_callers(tmp_path, monkeypatch):
    """PO-Revision-Date and the machine-translation notices come from the caller's clock, never a worker's."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(CLIENT))
    root = _project(tmp_path / "p")
    workers = OtherClockExecutor(WORKER)
    summary = translate_locale(load_settings(root), "es", "fake", executor=workers)
    assert workers.tasks == 5 and summary.translated > 0  # every catalog went to a "worker"
    for name, data in _catalogs(root).items():
        po = polib.pofile(data.decode("utf-8"))
        assert po.metadata["PO-Revision-Date"] == "2025-12-03 22:13+0000", name
        notices = [e.tcomment for e in po if is_machine_translation(e)]
        assert notices and all(n.endswith("fake, 2025-12-03") for n in notices), (name, notices[:2])
        assert b"2020-01-01" not in data, name
