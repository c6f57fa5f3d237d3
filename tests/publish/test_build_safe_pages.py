"""Issue 14.6: nothing unsafe is published — scripts, event handlers and javascript: URLs in source
articles (and translations) never reach dist/, `lint` reports them, `verify` reports them in pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest

from l10n.model import Document, Segment
from l10n.publish import build as build_mod
from l10n.publish.build import build_document, inspectable_page
from l10n.publish.policy import PublishPolicy
from l10n.pages.sanitize import active_content
from tests.support.publish import SVG, translate
from tests.support import paths
from tests.support.paths import ROOT

UNSAFE = paths.CASES / "unsafe"
LOCALES = ("es", "ca", "fr", "pt_BR", "ar")
CONFIG = """
[tool.l10n.engines]
en_XA = "pseudo"

[tool.l10n.publish]
allow_machine_translation = ["en_XA"]
"""
ACTIVE = re.compile(r"<\s*(?:script|iframe|object|embed)\b|\bon[a-z]+\s*=|javascript|http-equiv=\"?refresh", re.I)


def _unsafe_project(make_project, cli) -> Path:
    docs = {"water.md": (UNSAFE / "article-script.md").read_text(encoding="utf-8"),
            "sleep.html": (UNSAFE / "article-script.html").read_text(encoding="utf-8")}
    root = make_project(docs, locales=("es",))
    (root / "source_docs" / "images").mkdir()
    (root / "source_docs" / "images" / "moon.svg").write_text(SVG, encoding="utf-8")
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write(CONFIG)
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "en_XA").exit_code == 0
    translate(root, "en_XA", {"This is not medical advice.": "Ţĥîš îš ñöţ ɱéðîçåļ åðṽîçé."})
    return root


def test_scripts_in_source_articles_never_reach_dist(make_project, cli):
    root = _unsafe_project(make_project, cli)
    r = cli(root, "run")
    assert r.exit_code == 0, r.output
    out = root / "dist-preview" / "en_XA"  # a pseudo-locale is a preview, never published
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix in (".html", ".md")}
    assert set(pages) == {"water.html", "water.md", "sleep.html"}
    for name, text in pages.items():
        visible = text.replace("`<script>not run</script>`", "")  # a code span is text in Markdown
        assert not ACTIVE.search(visible), (name, ACTIVE.search(visible))
        rendered = inspectable_page(name, text.encode("utf-8")).decode("utf-8")
        assert not ACTIVE.search(rendered) and active_content(rendered) == [], name
        assert 'data-disclaimer="not-advice"' in text and "Ţĥîš îš ñöţ ɱéðîçåļ åðṽîçé." in text
    # what is legitimate stays: the image, the https link and its title, the code span as text, the notice
    assert '<img src="images/moon.svg"' in pages["sleep.html"]
    assert 'href="https://example.org/help"' in pages["sleep.html"]
    assert 'title="Help"' in pages["sleep.html"] and 'lang="en-XA"' in pages["sleep.html"]
    assert "<title>" in pages["sleep.html"] and 'data-l10n-notice="machine-translation"' in pages["sleep.html"]
    assert "`<script>not run</script>`" in pages["water.md"]
    assert "&lt;script&gt;not run&lt;/script&gt;" in pages["water.html"]
    assert '<img src="images/moon.svg"' in pages["water.html"] and (out / "images" / "moon.svg").is_file()
    assert cli(root, "verify").exit_code == 0


def test_lint_reports_active_content_in_source_articles(make_project, cli):
    root = _unsafe_project(make_project, cli)
    (root / "glossary.yaml").write_text("disclaimers:\n  - id: not-advice\n    text: This is not medical advice.\n",
                                        encoding="utf-8")
    r = cli(root, "lint")
    assert r.exit_code == 1
    found = {(m.group(1), m.group(2)) for m in re.finditer(r"source_docs/(\w+\.\w+):(\d+): G301 ", r.stdout)}
    assert found == {("water.md", "3"), ("water.md", "5"), ("water.md", "9"), ("water.md", "11"),
                     ("water.md", "13"),
                     ("sleep.html", "5"), ("sleep.html", "6"), ("sleep.html", "8"), ("sleep.html", "11"),
                     ("sleep.html", "12"), ("sleep.html", "13")}, r.stdout
    assert "water.md:11: G301 active content in the article: <a href=javascript:…> URL" in r.stdout
    assert "sleep.html:8: G301 active content in the article: <body onload=…> event handler" in r.stdout
    assert "water.md:15:" not in r.stdout  # a code span is text


def test_the_bundled_articles_have_no_active_content(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=LOCALES)
    r = cli(root, "lint")
    assert r.exit_code == 0 and " G301 " not in r.stdout, r.output  # nothing active (and the seed's misspelling
    # was corrected in the source)


def _seg(source: str, line: int, kind: str = "paragraph") -> Segment:
    return Segment(source, source, ref=f"top/p{line}", line=line, kind=kind)


def _po(table: dict[str, str]) -> polib.POFile:
    po = polib.POFile()
    for k, v in table.items():
        po.append(polib.POEntry(msgid=k, msgstr=v))
    return po


@pytest.mark.parametrize("fmt, parts, table", [
    ("md", ["# ", _seg("Title", 1, "heading"), "\n\n", _seg("Drink <b>water</b>.", 3), "\n"],
     {"Title": "Título", "Drink <b>water</b>.": 'Beba <b onclick="steal()">agua</b>.<script>x()</script>'}),
    ("html", ["<p>", _seg("Drink <b>water</b>.", 1), "</p>\n"],
     {"Drink <b>water</b>.": 'Beba <img src=x onerror="steal()"><a href="jav&#x61;script:x()">agua</a>.'}),
])
def test_active_content_from_translations_is_not_published_either(fmt, parts, table):
    doc = Document(name=f"a.{fmt}", fmt=fmt, parts=tuple(parts))
    copy = build_document(doc, _po(table), locale="es", policy=PublishPolicy())
    assert copy.ok, copy.problems
    for name, data in copy.files.items():
        text = data.decode("utf-8")
        assert not ACTIVE.search(text), (name, text)
        assert "Beba" in text and "agua" in text


def test_bundled_pages_are_byte_identical_with_and_without_the_sanitiser(make_project, cli, monkeypatch):
    root = make_project(bundled=True, glossary=True, locales=LOCALES)
    shutil.copytree(ROOT / "locales" / "fr", root / "locales" / "fr")
    r = cli(root, "build", "-l", "fr")
    assert r.exit_code == 0, r.output
    sanitised = {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()}
    shutil.rmtree(root / "dist")
    for fn in ("sanitize_fragment", "sanitize_markdown", "sanitize_page"):
        monkeypatch.setattr(build_mod, fn, lambda text: text)
    assert cli(root, "build", "-l", "fr").exit_code == 0
    plain = {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "dist").rglob("*") if p.is_file()}
    assert sanitised == plain and "dist/fr/kratom-harm-reduction.html" in plain
