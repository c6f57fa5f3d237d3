"""Words written with an attached proclitic (Arabic و, ف, ب, ل …) are the words behind it."""

from __future__ import annotations

import polib
import pytest

from l10n.checks import check_catalog

HEADER = {"Project-Id-Version": "t", "PO-Revision-Date": "2026-01-01 00:00+0000", "Last-Translator": "t",
          "Language-Team": "ar", "Language": "ar", "MIME-Version": "1.0",
          "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}


def _codes(source: str, translation: str) -> set[str]:
    po = polib.POFile()
    po.metadata = dict(HEADER)
    po.append(polib.POEntry(msgid=source, msgstr=translation, occurrences=[("a.md", "1")]))
    po = polib.pofile(po.__unicode__())
    return {f.code for f in check_catalog(po, locale="ar", glossary=None) if f.severity >= 40}


@pytest.mark.parametrize("source,translation", [
    ("If you stop, cravings may return.", "إذا توقفت، فقد تعود الرغبة الشديدة."),          # fa- + qad
    ("The effect may fade and the dose may be repeated.", "قد يزول الأثر وقد تتكرر الجرعة."),  # wa- + qad
    ("Perhaps the dose is too high.", "فربما تكون الجرعة عالية جدًا."),                   # fa- + rubbama
])
def test_a_hedge_behind_a_proclitic_is_a_hedge(source, translation):
    assert "L10N312" not in _codes(source, translation)


def test_a_dropped_hedge_is_still_seen():
    assert "L10N312" in _codes("If you stop, cravings may return.", "إذا توقفت، تعود الرغبة الشديدة.")


@pytest.mark.parametrize("source,translation,defect", [
    ("Take 2 tablets and 7 drops.", "تناول 2 قرص و7 قطرات.", False),      # wa- written against 7
    ("Take 2 tablets and 7 drops.", "تناول 2 قرص و8 قطرات.", True),       # 7 became 8 behind wa-
    ("Wait 30 minutes.", "انتظر ل30 دقيقة.", False),                        # li- against 30
])
def test_a_number_behind_a_proclitic_is_a_number(source, translation, defect):
    assert ("L10N301" in _codes(source, translation)) is defect
