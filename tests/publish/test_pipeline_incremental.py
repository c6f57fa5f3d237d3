"""Incremental `l10n run`: a rerun redoes only the work whose inputs changed, with the same outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from l10n.config import load_settings
from l10n.execute import SerialExecutor
from l10n.execute.stagecache import Work
from l10n.publish.pipeline import run
from tests.support.publish import DOC_HTML, DOC_MD, ES, translate

pytest.importorskip("l10n.translate")

CONFIG = """
[tool.l10n.engines]
en_XA = "pseudo"

[tool.l10n.publish]
allow_machine_translation = ["en_XA"]
"""

DOC_TXT = "Tea\n\nDrink tea slowly.\n"


@pytest.fixture
def root(make_project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764800000")
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    root = make_project({"water.md": DOC_MD, "sleep.html": DOC_HTML, "tea.txt": DOC_TXT}, locales=("es",))
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write(CONFIG)
    return root


def _run(root: Path, *, cache: bool = True):
    return run(load_settings(root), executor=SerialExecutor(), cache=cache)


def _tree(root: Path) -> dict[str, bytes]:
    """Every file of the project but l10n's own state (.l10n/: cache, memory, locks)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".l10n" not in p.relative_to(root).parts}


def _computed(result) -> dict[str, int]:
    return {stage: w.computed for stage, w in result.work.items()}


def _edit(root: Path) -> None:
    path = root / "source_docs" / "water.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Drink water.", "Drink water often."), encoding="utf-8")


def test_unchanged_rerun_computes_nothing(root):
    first = _run(root)
    assert _computed(first) == {"extract": 3, "update": 6, "translate": 1, "assess": 6}
    translate(root, "es", ES)  # a translator's work arrives: only es's catalogs changed
    second = _run(root)
    assert _computed(second) == {"extract": 0, "update": 2, "translate": 0, "assess": 2}
    before = _tree(root)
    third = _run(root)
    assert _computed(third) == {"extract": 0, "update": 0, "translate": 0, "assess": 0}
    assert third.work["assess"] == Work(0, 6) and third.work["extract"] == Work(0, 3)
    assert _tree(root) == before
    assert [a.published for a in third.assessments] == [a.published for a in second.assessments]


def test_editing_one_article_recomputes_only_its_stages(root):
    _run(root)
    _run(root)
    _edit(root)
    result = _run(root)
    # water.md: its template, its catalogs (es, en_XA), en_XA's translation, its two copies
    assert _computed(result) == {"extract": 1, "update": 2, "translate": 1, "assess": 2}
    assert result.work["extract"].reused == 2 and result.work["assess"].reused == 4
    assert "Drink water often." in (root / "locales" / "water.pot").read_text(encoding="utf-8")
    assert _computed(_run(root)) == {"extract": 0, "update": 0, "translate": 0, "assess": 0}


def test_outputs_identical_with_and_without_cache(root, tmp_path):
    plain = tmp_path / "plain"
    shutil.copytree(root, plain)
    for step in ("run", "translate", "edit", "run-again"):
        for where, cache in ((root, True), (plain, False)):
            if step == "translate":
                translate(where, "es", ES)
            elif step == "edit":
                _edit(where)
            else:
                result = _run(where, cache=cache)
                assert result.exit_code in (0, 1)
        if step.startswith("run"):
            assert _tree(root) == _tree(plain), step
    assert not (plain / ".l10n" / "cache").exists()
    assert (root / ".l10n" / "cache" / "assess").is_dir()


def test_corrupt_cache_entry_is_recomputed(root):
    _run(root)
    before = _tree(root)
    entries = sorted((root / ".l10n" / "cache" / "assess").iterdir())
    entries[0].write_bytes(entries[0].read_bytes()[:-10])  # truncated
    entries[1].write_bytes(b"garbage")
    result = _run(root)
    assert result.work["assess"] == Work(2, 4)
    assert _tree(root) == before
    assert _run(root).work["assess"] == Work(0, 6)  # replaced by good entries


def test_no_cache_environment(root, monkeypatch):
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    _run(root)
    assert _computed(_run(root))["assess"] == 6
    assert not (root / ".l10n" / "cache").exists()


def test_a_translation_that_fails_partway_is_checked_and_built_as_written(root, tmp_path, monkeypatch):
    """Catalogs a failing translation wrote before it stopped are what the checks and the build see."""
    import l10n.translate
    from l10n.errors import ProviderError

    plain = tmp_path / "plain"
    shutil.copytree(root, plain)
    real = l10n.translate.translate_locale

    def fails_after_writing(*args, **kwargs):
        real(*args, **kwargs)
        raise ProviderError("the engine stopped answering")

    _run(plain, cache=False)
    monkeypatch.setattr(l10n.translate, "translate_locale", fails_after_writing)
    result = _run(root, cache=False)
    assert "the engine stopped answering" in result.skipped["en_XA"]
    assert _tree(root) == _tree(plain)
