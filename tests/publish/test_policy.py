"""The publishing policy: what is shown to readers in place of a translation (from the fifth QA pass)."""

from __future__ import annotations

from tests.support.publish import project  # noqa: F401
from tests.support.publish_mt import DOC, GOOD_MT, MT_ES, REVIEWED, WATER, fill


def test_a_translation_of_only_punctuation_is_never_published(project, cli):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC}, publish=MT_ES + "completeness_threshold = 0.5")
    # reviewed: L10N202 is an error that stands, so the locale is not built until it is fixed or waived
    fill(root, reviewed=REVIEWED | {k: v for k, v in GOOD_MT.items() if k != WATER} | {WATER: "."})
    r = cli(root, "build", "-l", "es")
    assert r.exit_code == 1 and "L10N202" in r.stderr and not (root / "dist" / "es").exists()
    # waived (a reason given): still not shown as the translation; the English sentence is
    po = root / "locales" / "es" / "LC_MESSAGES" / "kratom.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Drink water."', '# l10n-waive: L10N202 kept for now\nmsgid "Drink water."'),
                  encoding="utf-8")
    assert cli(root, "build", "-l", "es").exit_code == 0
    page = (root / "dist" / "es" / "kratom.html").read_text(encoding="utf-8")
    assert WATER in page  # the English sentence, not a lone "."
