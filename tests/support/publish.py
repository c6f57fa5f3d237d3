"""Shared by the tests: what publish/test_build.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n.model import Document, Segment
from l10n.publish.build import build_document, mt_notice, page_problems
from l10n.publish.policy import PublishPolicy, parse_policy
from l10n.errors import ConfigError

DOC_MD = """\
# Water

See [rest](#rest-well).

Drink water.

## Rest well

<!-- l10n: disclaimer not-advice -->
This is not medical advice.
"""

DOC_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
<title>Sleep</title>
</head>
<body>
<h1>Sleep</h1>
<p>Sleep at night.</p>
<img src="images/moon.svg" alt="A moon">
<!-- l10n: disclaimer not-advice -->
<p>This is not medical advice.</p>
</body>
</html>
"""

ES = {"Water": "Agua", "See [rest](#rest-well).": "Vea [descanso](#rest-well).", "Drink water.": "Beba agua.",
      "Rest well": "Descanse bien", "This is not medical advice.": "Esto no es un consejo médico.",
      "Sleep": "Sueño", "Sleep at night.": "Duerma de noche.", "A moon": "Una luna"}
AR = {"Water": "ماء", "See [rest](#rest-well).": "انظر [الراحة](#rest-well).", "Drink water.": "اشرب الماء.",
      "Rest well": "استرح جيدا", "This is not medical advice.": "هذه ليست نصيحة طبية.",
      "Sleep": "النوم", "Sleep at night.": "نم في الليل.", "A moon": "قمر"}

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'


def translate(root: Path, locale: str, table: dict[str, str], *, fuzzy=(), stale=(), skip=()) -> None:
    """Fill the locale's catalogs from ``table``; some entries fuzzy, stale or left out."""
    for path in sorted((root / "locales" / locale / "LC_MESSAGES").glob("*.po")):
        po = polib.pofile(str(path))
        for e in po:
            if e.msgid in skip or e.msgid not in table:
                continue
            e.msgstr = table[e.msgid]
            if e.msgid in fuzzy or e.msgid in stale:
                e.flags.append("fuzzy")
            if e.msgid in stale:
                e.previous_msgid = e.msgid.replace(".", "!")
        po.save(str(path))


@pytest.fixture
def project(make_project, cli):
    def make(locales=("es", "ar"), publish: str = "", docs=None):
        root = make_project(docs or {"water.md": DOC_MD, "sleep.html": DOC_HTML}, locales=locales)
        (root / "source_docs" / "images").mkdir(exist_ok=True)
        (root / "source_docs" / "images" / "moon.svg").write_text(SVG, encoding="utf-8")
        if publish:
            with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
                fh.write("\n[tool.l10n.publish]\n" + publish + "\n")
        assert cli(root, "extract").exit_code == 0
        assert cli(root, "update").exit_code == 0
        return root
    return make


def _seg(source: str, ref: str, line: int, **kw) -> Segment:
    return Segment(source, source, ref=ref, line=line, **kw)


def _mini_doc() -> tuple[Document, polib.POFile]:
    doc = Document("a.md", "md", ("# ", _seg("Hello", "top/h1", 1, kind="heading"), "\n\n",
                                  _seg("Take care.", "hello/p1", 3), "\n"))
    po = polib.POFile()
    po.metadata = {"Language": "es"}
    po.append(polib.POEntry(msgid="Hello", msgstr="Hola"))
    po.append(polib.POEntry(msgid="Take care.", msgstr="Cuídese.", flags=["fuzzy"]))
    return doc, po
