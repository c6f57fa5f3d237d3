"""l10n.checks.files: a set of files checked as values, by any executor, with the findings of a serial run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import l10n
import l10n.checks as checks_mod
import l10n.checks.files as files_mod
from l10n.checks.files import CatalogInput, CheckRequest, FileResult, PageInput, check_files
from l10n.execute import LocalExecutor, SerialExecutor
from l10n.parallel import can_fork
from tests.support.checks import make_po, standin_glossary
from tests.support.checks_tamper import DEFECTS, SEGMENTS, _entry

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs fork")


class CountingExecutor(LocalExecutor):
    """A LocalExecutor that records how many items each map was given."""

    def __init__(self, workers: int) -> None:
        super().__init__(workers)
        self.maps: list[int] = []

    def map(self, fn, items, **kwargs):
        self.maps.append(len(items))
        return super().map(fn, items, **kwargs)


def _catalogs(n: int, *, broken_at: int | None = None) -> list[CatalogInput]:
    """``n`` small Spanish catalogs in two locale folders, each with a defect; one unparsable if asked."""
    out = []
    for i in range(n):
        seg, defect = DEFECTS[i % len(DEFECTS)]
        po = make_po([_entry(s["source"], s["control"]) for s in SEGMENTS[:3]] + [_entry(seg["source"],
                                                                                          defect["target"])])
        text = str(po)
        if i == broken_at:
            text = text.replace('msgstr "', 'msgstr "unterminated\n', 1)
        out.append(CatalogInput(f"{'ab'[i % 2]}/es/doc{i:02d}.po", text.encode("utf-8")))
    return out


def _key(results: list[FileResult]):
    return [([(f.path, f.line, f.code, f.message, f.msgid, f.target, f.severity) for f in r.findings], r.checked)
            for r in results]


REQUEST = CheckRequest(glossary=standin_glossary(), locale="es")


@needs_fork
def test_one_and_two_workers_give_the_same_findings_in_the_same_order():
    inputs = _catalogs(files_mod.PARALLEL_FILES + 3)
    serial = check_files(inputs, REQUEST, executor=SerialExecutor())
    two = CountingExecutor(2)
    parallel = check_files(inputs, REQUEST, executor=two)
    assert two.maps == [len(inputs)]  # one task per file, through the executor
    assert sum(len(r.findings) for r in serial) >= len(inputs)  # a real workload: every defect is found
    assert _key(parallel) == _key(serial)
    assert [r.checked.path for r in parallel] == [x.path for x in inputs]


@needs_fork
def test_a_large_catalogs_entries_go_through_the_executor(monkeypatch):
    monkeypatch.setattr(checks_mod, "PARALLEL_ENTRIES", 8)
    entries = [_entry(s["source"], s["control"]) for s in SEGMENTS]
    entries += [_entry(f"{seg['source']} ({i})", d["target"] + f" ({i})") for i, (seg, d) in enumerate(DEFECTS)]
    inputs = [CatalogInput("es/big.po", str(make_po(entries)).encode("utf-8"))]
    two = CountingExecutor(2)
    parallel = check_files(inputs, REQUEST, executor=two)
    assert len(two.maps) == 1 and two.maps[0] > 1  # the entries, in slices
    assert _key(parallel) == _key(check_files(inputs, REQUEST))


@pytest.mark.parametrize("executor", [SerialExecutor(), LocalExecutor(2)], ids=["serial", "local2"])
def test_an_unparsable_catalog_names_its_file_and_line_and_hides_no_other(executor):
    inputs = _catalogs(files_mod.PARALLEL_FILES + 1, broken_at=4)
    results = check_files(inputs, REQUEST, executor=executor)
    broken = results[4].findings
    assert broken and {f.code for f in broken} == {"L10N101"}
    assert all(f.path == "a/es/doc04.po" and f.line for f in broken)
    alone = [check_files([x], REQUEST)[0] for i, x in enumerate(inputs) if i != 4]
    assert _key([r for i, r in enumerate(results) if i != 4]) == _key(alone)


def test_pages_are_checked_in_input_order_among_the_catalogs():
    page = PageInput("es/doc.html", '<html lang="es"><body><p>Hola.</p></body></html>', "html", "es", {})
    inputs = [*_catalogs(2), page]
    results = check_files(inputs, CheckRequest(glossary=standin_glossary(), locale="es"))
    assert [r.checked.path for r in results] == ["a/es/doc00.po", "b/es/doc01.po", "es/doc.html"]
    assert results[2].checked.locale == "es"


def test_the_progress_callback_hears_of_every_file():
    inputs = _catalogs(3)
    heard: list[int] = []
    check_files(inputs, REQUEST, on_result=heard.append)
    assert sorted(heard) == [0, 1, 2]


# -- no module-level job state outside the executor -----------------------------------------------------------

ROOT = Path(l10n.__file__).parent
CHECKING = ["checks/__init__.py", "checks/files.py", "cli/check.py"]


@pytest.mark.parametrize("module", CHECKING)
def test_checking_keeps_no_job_in_a_module_global(module):
    """Jobs for forked workers are the executor's business (l10n.execute): no ``global`` statement, no
    garbage-collector tuning, no process pool in the modules that check files."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    globals_ = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Global)]
    assert globals_ == [], f"{module}: `global` at lines {globals_}"
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    imported = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    assert not ({"ProcessPoolExecutor", "freeze", "set_threshold"} & (names | imported)), module
    assert "gc" not in imported and "multiprocessing" not in imported, module
