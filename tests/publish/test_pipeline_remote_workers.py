"""`l10n run` on workers that cannot see the project (another machine): a task reads no file, so an image
with a script is held back there exactly as it is here."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polib
import pytest

from l10n.config import load_settings
from l10n.execute import Executor, SerialExecutor
from l10n.publish.pipeline import run

pickle = pytest.importorskip("cloudpickle", reason="what Dask pickles tasks with (pip install -e '.[dask]')")

DOC = "# Kratom\n\n![A leaf](images/leaf.svg)\n\nKratom may cause dependence.\n"
SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'
EVIL_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            '<script>alert(document.cookie)</script></svg>\n')
ES = {"Kratom": "Kratom", "A leaf": "Una hoja", "Kratom may cause dependence.": "El kratom puede causar dependencia."}


class ElsewhereExecutor(Executor):
    """Runs each task as a worker on another machine would: from a pickled copy of its inputs, while the
    project's folder is out of sight (renamed), so a task that reads a file of the project finds none."""

    def __init__(self, root: Path) -> None:
        self.root, self.tasks = root, 0

    def map(self, fn, items: Sequence[Any], *, shared: Any = None, meanwhile=None, on_result=None) -> list[Any]:
        shared, items = pickle.loads(pickle.dumps((shared, list(items))))
        hidden = self.root.with_name(self.root.name + "-elsewhere")
        os.rename(self.root, hidden)
        try:
            out = []
            for i, item in enumerate(items):
                out.append(fn(shared, item))
                self.tasks += 1
                if on_result is not None:
                    on_result(i)
        finally:
            os.rename(hidden, self.root)
        if meanwhile is not None:
            meanwhile()
        return pickle.loads(pickle.dumps(out))

    @property
    def distributed(self) -> bool:
        return True


@pytest.fixture
def project(make_project, monkeypatch):
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764800000")

    def make(svg: str) -> Path:
        root = make_project({"a.md": DOC, "images/leaf.svg": svg}, locales=("es",))
        run(load_settings(root), executor=SerialExecutor())  # the templates and catalogs
        path = root / "locales" / "es" / "LC_MESSAGES" / "a.po"
        po = polib.pofile(str(path))
        for e in po:
            e.msgstr = ES.get(e.msgid, e.msgid)
        po.save()
        return root

    return make


def _published(root: Path) -> set[str]:
    return {p.relative_to(root / "dist").as_posix() for p in (root / "dist").rglob("*") if p.is_file()}


@pytest.mark.parametrize("svg", [EVIL_SVG, SAFE_SVG], ids=["script", "safe"])
def test_workers_that_cannot_see_the_project_judge_images_as_here(project, svg):
    root = project(svg)
    executor = ElsewhereExecutor(root)
    result = run(load_settings(root), executor=executor)
    assert executor.tasks  # the assessment did run "elsewhere"
    a = {x.locale: x for x in result.assessments}["es"]
    if svg is EVIL_SVG:
        assert "a.md" not in a.published
        assert any("leaf.svg carries active content (<script>)" in r.message for r in a.reasons), a.reasons
        assert "es/images/leaf.svg" not in _published(root) and "es/a.md" not in _published(root)
    else:
        assert a.published == ["a.md"], a.reasons
        assert {"es/a.md", "es/images/leaf.svg"} <= _published(root)


def test_an_image_changed_after_the_run_read_it_is_not_published_with_a_script(project, monkeypatch):
    """Judged as read; judged again as written: a script put in meanwhile never reaches the published folder."""
    import l10n.publish.pipeline as pipeline

    root = project(SAFE_SVG)
    real = pipeline.build

    def build(*args, **kwargs):
        (root / "source_docs" / "images" / "leaf.svg").write_text(EVIL_SVG, encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "build", build)
    run(load_settings(root), executor=SerialExecutor())
    assert "es/images/leaf.svg" not in _published(root)
