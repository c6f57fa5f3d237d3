"""`l10n check` on several processes: the same findings, in the same order, as one process.

Large catalogs have their entries checked in forked workers (``jobs`` in
:func:`l10n.checks.check_catalog`); many catalogs are checked one per worker
(``l10n check -j N``). Neither may change a finding, its order, its line or
what the warm cache stores. The thresholds are lowered here so that small
inputs take the parallel paths.
"""

from __future__ import annotations

import concurrent.futures
import json
import pickle

import polib
import pytest

import l10n.checks as checks_mod
import l10n.checks.files as check_files_mod
from l10n.checks import check_catalog
from l10n.errors import CatalogError, GlossaryError, L10nError
from l10n.execute import LocalExecutor
from l10n.parallel import can_fork
from tests.support.checks_speed import VersionedGlossary
from tests.support.checks import make_po, standin_glossary
from tests.support.checks_tamper import DEFECTS, SEGMENTS, _entry

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork")


class PoolSpy:
    """Counts the process pools started (and starts them)."""

    started = 0

    def __init__(self, *args, **kwargs):
        type(self).started += 1
        self._pool = _REAL_POOL(*args, **kwargs)

    def __enter__(self):
        return self._pool.__enter__()

    def __exit__(self, *exc):
        return self._pool.__exit__(*exc)


_REAL_POOL = concurrent.futures.ProcessPoolExecutor


@pytest.fixture
def spy(monkeypatch):
    PoolSpy.started = 0
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", PoolSpy)
    return PoolSpy


def _big_catalog() -> polib.POFile:
    """Every control and every injected defect of the tamper corpus, a waiver, a plural, an untranslated entry."""
    entries = [_entry(s["source"], s["control"]) for s in SEGMENTS]
    entries += [_entry(f"{seg['source']} ({i})", d["target"] + f" ({i})") for i, (seg, d) in enumerate(DEFECTS)]
    waived = _entry("Kratom leaves.", "Kratom leaves.")
    waived.tcomment = "l10n-waive: L10N204 kept as in the source, a label"
    plural = polib.POEntry(msgid="%d tablet", msgid_plural="%d tablets", msgstr_plural={0: "%d comprimido", 1: ""},
                           flags=["c-format"], occurrences=[("doc.md", "9")])
    return make_po(entries + [waived, plural, _entry("Do not drive.", "")])


def _key(findings):
    return [(f.line, f.code, f.message, f.msgid, f.target, f.severity) for f in findings]


def test_entries_checked_in_workers_give_the_serial_findings(monkeypatch, spy):
    monkeypatch.setattr(checks_mod, "PARALLEL_ENTRIES", 8)
    po = _big_catalog()
    serial = check_catalog(po, locale="es", glossary=standin_glossary(), path="es.po")
    assert spy.started == 0
    parallel = check_catalog(po, locale="es", glossary=standin_glossary(), path="es.po", executor=LocalExecutor(3))
    assert spy.started == 1                      # the workers did run
    assert len(serial) > len(DEFECTS) // 2       # a real workload: the defects are found
    assert _key(parallel) == _key(serial)


def test_workers_fill_the_cache_as_the_serial_run_does(monkeypatch, spy):
    monkeypatch.setattr(checks_mod, "PARALLEL_ENTRIES", 8)
    po = _big_catalog()
    one: dict[str, str] = {}
    two: dict[str, str] = {}
    first = check_catalog(po, locale="es", glossary=VersionedGlossary("v1"), cache=one)
    check_catalog(po, locale="es", glossary=VersionedGlossary("v1"), cache=two, executor=LocalExecutor(2))
    assert spy.started == 1 and one == two and len(one) == len([e for e in po if e.msgid])
    # warm: every entry comes from the cache, no worker is needed
    again = check_catalog(po, locale="es", glossary=VersionedGlossary("v1"), cache=two, executor=LocalExecutor(2))
    assert spy.started == 1 and _key(again) == _key(first)


def test_small_catalogs_stay_in_one_process(spy):
    po = make_po([_entry(s["source"], s["control"]) for s in SEGMENTS])
    assert check_catalog(po, locale="es", glossary=standin_glossary(), executor=LocalExecutor(8)) == []
    assert spy.started == 0


def test_errors_keep_their_context_across_processes():
    for exc in (CatalogError("unterminated string", path="es/a.po", line=7),
                GlossaryError("bad glossary", path="glossary.yaml", line=3, problems=["x", "y"])):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc) and str(back) == str(exc) and back.__dict__ == exc.__dict__
        assert isinstance(back, L10nError)


# -- many catalogs through the CLI ------------------------------------------------------------------------------

def _write_catalogs(folder, n: int, *, broken_at: int | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        seg, defect = DEFECTS[i % len(DEFECTS)]
        po = make_po([_entry(s["source"], s["control"]) for s in SEGMENTS[:3]] + [_entry(seg["source"],
                                                                                          defect["target"])])
        text = str(po)
        if i == broken_at:
            text = text.replace('msgstr "', 'msgstr "unterminated\n', 1)
        (folder / f"doc{i:02d}.po").write_text(text, encoding="utf-8")


def test_many_catalogs_with_jobs_match_one_process(tmp_path, cli, spy):
    _write_catalogs(tmp_path / "cats", 12)
    one = cli(tmp_path, "check", "cats", "-l", "es", "--format", "json", "-j", "1")
    assert spy.started == 0
    many = cli(tmp_path, "check", "cats", "-l", "es", "--format", "json", "-j", "3")
    assert spy.started == 1
    assert one.exit_code == many.exit_code == 1
    assert one.stdout == many.stdout
    assert len(json.loads(many.stdout)["findings"]) >= 12


def test_many_catalogs_error_names_the_file_as_one_process_does(tmp_path, cli, spy):
    _write_catalogs(tmp_path / "cats", 10, broken_at=4)
    one = cli(tmp_path, "check", "cats", "-l", "es", "-j", "1")
    many = cli(tmp_path, "check", "cats", "-l", "es", "-j", "2")
    assert spy.started == 1
    assert one.exit_code == many.exit_code == 2
    assert "doc04.po" in many.stdout + many.stderr
    assert one.stdout == many.stdout


def test_jobs_in_a_project_share_the_warm_cache(make_project, cli, spy, monkeypatch):
    monkeypatch.setattr(checks_mod, "PARALLEL_ENTRIES", 4)
    monkeypatch.setattr(check_files_mod, "PARALLEL_FILES", 2)
    root = make_project(bundled=True, glossary=True, locales=("es", "ca", "fr", "pt_BR", "ar"))
    for command in ("extract", "update"):
        r = cli(root, command)
        assert r.exit_code == 0, r.output
    cold = cli(root, "check", "--format", "json", "-j", "2", "--no-cache")
    assert spy.started >= 1
    first = cli(root, "check", "--format", "json", "-j", "2")          # fills .l10n/check-cache.sqlite
    warm = cli(root, "check", "--format", "json", "-j", "2")
    serial = cli(root, "check", "--format", "json", "-j", "1", "--no-cache")
    assert cold.stdout == first.stdout == warm.stdout == serial.stdout
    assert (root / ".l10n" / "check-cache.sqlite").stat().st_size > 0
