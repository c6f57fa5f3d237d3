"""Golden files: segmentation and catalog updates of representative inputs.

Layout (as mdpo's test cases, input next to expected output)::

    tests/cases/segment/<format>/<name>.<ext>             source article
    tests/cases/segment/<format>/<name>.<ext>.expect.pot  its template (sentence unit)
    tests/cases/catalog/<case>/old.po + new.<ext>         a translated catalog, the edited article
    tests/cases/catalog/<case>/expect.po                  the catalog after `update`

Volatile header dates are normalised to ``DATE`` and the generator version to
``VERSION`` before comparing.

To regenerate after an intended change, run this file as a script and
review the diff before committing::

    .venv/bin/python -m tests.catalogs.test_catalogs_golden
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.support.paths import CASES

SEGMENT_CASES = sorted(p for p in (CASES / "segment").glob("*/*") if not p.name.endswith(".expect.pot"))
CATALOG_CASES = sorted(p for p in (CASES / "catalog").iterdir() if p.is_dir())
DATE = "2026-01-01 00:00+0000"


def normalise(text: str) -> str:
    text = re.sub(r'("(?:POT-Creation|PO-Revision)-Date: )[^\\"]*', r"\1DATE", text)
    return re.sub(r'("X-Generator: l10n )[^\\"]*', r"\1VERSION", text)


def template_text(source: Path) -> str:
    from l10n.catalogs import build_template, generate_po
    from l10n.segment import decode_source, segment_text

    doc = segment_text(decode_source(source.read_bytes(), source.name), source.name)
    return normalise(generate_po(build_template(doc, project="golden", bugs="bugs@example.org", created=DATE)))


def updated_text(case: Path) -> str:
    from l10n.catalogs import build_template, generate_po, read_po, update_catalog
    from l10n.segment import segment_text

    source = next(p for p in case.iterdir() if p.name.startswith("new."))
    doc = segment_text(source.read_text(encoding="utf-8"), "article" + source.suffix)
    pot = build_template(doc, project="golden", bugs="bugs@example.org", created=DATE)
    old = read_po((case / "old.po").read_bytes(), str(case / "old.po"))
    po, _ = update_catalog(pot, old, "es", revised=DATE)
    return normalise(generate_po(po))


@pytest.mark.parametrize("source", SEGMENT_CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_segmentation_golden(source):
    from l10n.render import render_document
    from l10n.segment import decode_source, segment_text

    expected = source.with_name(source.name + ".expect.pot").read_text(encoding="utf-8")
    assert template_text(source) == expected
    text = decode_source(source.read_bytes(), source.name)
    assert render_document(segment_text(text, source.name)) == text


@pytest.mark.parametrize("case", CATALOG_CASES, ids=lambda p: p.name)
def test_update_golden(case):
    assert updated_text(case) == (case / "expect.po").read_text(encoding="utf-8")


def test_there_are_cases_for_every_format():
    assert {p.parent.name for p in SEGMENT_CASES} >= {"markdown", "html", "text"}
    assert CATALOG_CASES


def regenerate() -> None:
    """Rewrite every expected file from the current code (review the diff!)."""
    for source in SEGMENT_CASES:
        out = source.with_name(source.name + ".expect.pot")
        out.write_text(template_text(source), encoding="utf-8")
        print("wrote", out.relative_to(CASES.parent.parent))
    for case in CATALOG_CASES:
        (case / "expect.po").write_text(updated_text(case), encoding="utf-8")
        print("wrote", (case / "expect.po").relative_to(CASES.parent.parent))


if __name__ == "__main__":
    sys.path.insert(0, str(CASES.parent.parent))
    regenerate()
