"""One format registry: the pipeline asks it, nothing else branches on a format, and a new format is one module."""

from __future__ import annotations

import html
import re

import pytest

from l10n.formats import documents
from l10n.formats.documents import DocFormat, Published, PublishInput, all_formats, copy_format, format_for_file
from l10n.formats.inline import format_of as inline_of
from l10n.model import Document
from l10n.segment.base import DocumentBuilder
from tests.support.paths import ROOT

#: the modules that used to branch on md/html/txt, and must now ask the registry
BRANCH_POINTS = ["l10n/render.py", "l10n/publish/build.py", "l10n/checks/rendered.py", "l10n/formats/xliff.py",
                 "l10n/translate/protect.py", "l10n/publish/verify.py", "l10n/project.py",
                 *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "l10n" / "segment").glob("*.py"))]
# (``fmt == "html"`` in the XLIFF module is the *inline markup* of a message, which the registry names)
_BRANCH = re.compile(r"""\bfmt\s*[!=]=\s*["'](?:md|txt|docx)["']|\.fmt\s*[!=]=|\bfmt\s+(?:not\s+)?in\s*\(\s*["'](?:md|html|txt)"""
                     r"""|endswith\(\(?["']\.(?:md|txt|docx)["']""")


@pytest.mark.parametrize("path", BRANCH_POINTS)
def test_no_format_branches_outside_the_registry(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    hits = [f"{path}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}" for m in _BRANCH.finditer(text)]
    assert not hits, hits


def test_every_source_suffix_has_one_format():
    names = [f.name for f in all_formats()]
    assert names == ["md", "html", "txt", "docx"]
    for fmt in all_formats():
        for suffix in fmt.suffixes:
            assert format_for_file("a/b" + suffix.upper()) is fmt
        assert copy_format(fmt.copy_suffix) is fmt
    assert inline_of("x.docx") == "html" and inline_of("x.md#p1") == "markdown" and inline_of("x.txt") == "plaintext"
    assert inline_of("x.xhtml") == "html" and inline_of("x.unknown") == "plaintext"


# -- adding a format is adding one module -------------------------------------------------------------------

def _load_lines(data: bytes, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """A toy format: ``.lines``, one paragraph a line."""
    text = data.decode("utf-8")
    b = DocumentBuilder(text, name, "lines", unit=unit, lang=lang)
    pos = 0
    for line in text.split("\n"):
        b.add_block(pos, pos + len(line), split=False)
        pos += len(line) + 1
    return b.finish()


def _publish_lines(job: PublishInput) -> Published:
    body = "\n".join(f"<p>{html.escape(x)}</p>" if "data-disclaimer" not in x else f"<p>{x}</p>"
                     for x in job.localised.split("\n") if x.strip())
    page = job.kit.page(job.locale, job.doc.domain, body, banner="", notices=list(job.notices))
    stem = job.doc.name.rsplit(".", 1)[0]
    return Published({f"{stem}.lines": job.localised.encode("utf-8")}, page)


def test_a_new_format_is_one_registration(make_project, cli, monkeypatch):
    toy = DocFormat(name="lines", suffixes=(".lines",), inline="plaintext", load=_load_lines,
                    publish=_publish_lines, copy_suffix=".lines", marks_disclaimers=False)
    documents.all_formats()  # the built-in ones first
    monkeypatch.setitem(documents._REGISTRY, "lines", toy)
    monkeypatch.setitem(documents._BY_SUFFIX, ".lines", toy)
    root = make_project({"notes.lines": "First line of the leaflet.\nSecond line, with a dose of 5 mg.\n"},
                        locales=("fr",))
    assert cli(root, "extract").exit_code == 0
    pot = (root / "locales" / "notes.pot").read_text(encoding="utf-8")
    assert 'msgid "Second line, with a dose of 5 mg."' in pot and "notes.lines#top/p2" in pot
    assert cli(root, "update").exit_code == 0
    po = root / "locales" / "fr" / "LC_MESSAGES" / "notes.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "First line of the leaflet."\nmsgstr ""',
                        'msgid "First line of the leaflet."\nmsgstr "Première ligne du dépliant."')
    text = text.replace('msgid "Second line, with a dose of 5 mg."\nmsgstr ""',
                        'msgid "Second line, with a dose of 5 mg."\nmsgstr "Deuxième ligne, avec une dose de 5 mg."')
    po.write_text(text, encoding="utf-8")
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    assert (root / "dist" / "fr" / "notes.lines").read_text(encoding="utf-8").startswith(
        "Première ligne du dépliant.\nDeuxième ligne")
    assert "Deuxième ligne" in (root / "dist" / "fr" / "notes.html").read_text(encoding="utf-8")
    assert cli(root, "verify").exit_code == 0
