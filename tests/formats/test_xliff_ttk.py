"""XLIFF states as other tools read them: translate-toolkit (Weblate's XLIFF reader and its xliff2po).

A reviewed entry must arrive reviewed, a fuzzy or machine-translated one as
needing review; and what a translate-toolkit tool writes back (Weblate
approving or un-approving a unit) must come back as it meant.
Skipped when translate-toolkit (the project's ``bench`` extra) is absent.
"""

from __future__ import annotations

import io
import shutil

import polib
import pytest

pytest.importorskip("translate.storage.xliff")
from translate.convert import xliff2po  # noqa: E402
from translate.storage.xliff import xlifffile  # noqa: E402

from tests.support.interchange import CASES, DOSE, MIX, WATER, interchange_project, po_path  # noqa: E402,F401
from tests.support.paths import ROOT


@pytest.fixture
def project(make_project, cli):
    root = interchange_project(make_project, cli, locales=("es",))
    po_file = po_path(root)
    po = polib.pofile(str(po_file))
    po.find(MIX).flags.append("fuzzy")  # needs review
    mt = po.find(WATER)  # unreviewed machine translation
    mt.flags.append("fuzzy")
    mt.tcomment = "machine translation: apertium, 2026-11-24"
    po.save()
    return root


def _units(data: bytes):
    store = xlifffile.parsestring(data)
    return {u.source: u for u in store.units if not u.isheader()}


def test_translate_toolkit_reads_reviewed_as_translated_and_the_rest_as_needing_review(project, cli):
    assert cli(project, "xliff", "export", "-l", "es").exit_code == 0
    units = _units((project / "xliff" / "es" / "doc.xlf").read_bytes())
    assert units[DOSE].istranslated() and not units[DOSE].isfuzzy() and units[DOSE].isapproved()
    assert units[MIX].isfuzzy() and not units[MIX].istranslated()
    assert units[WATER].isfuzzy()


def test_xliff2po_gives_back_the_same_review_states(project, cli):
    assert cli(project, "xliff", "export", "-l", "es").exit_code == 0
    out = io.BytesIO()
    with open(project / "xliff" / "es" / "doc.xlf", "rb") as src:
        xliff2po.convertxliff(src, out, None)
    po = polib.pofile(out.getvalue().decode("utf-8"))
    assert not po.find(DOSE).fuzzy and po.find(DOSE).msgstr == "Espere 30 minutos antes de una segunda dosis."
    assert po.find(MIX).fuzzy and po.find(WATER).fuzzy


def test_bundled_french_export_is_read_reviewed_by_translate_toolkit(make_project, cli):
    root = make_project(bundled=True, locales=["fr"], glossary=True)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")  # the bundled project's settings
    shutil.copytree(ROOT / "locales", root / "locales", dirs_exist_ok=True)
    r = cli(root, "xliff", "export", "-l", "fr")
    assert r.exit_code == 0, r.output
    reviewed = fuzzy = 0
    for path in sorted((root / "locales" / "fr" / "LC_MESSAGES").glob("*.po")):
        po = polib.pofile(str(path))
        reviewed += sum(1 for e in po.translated_entries())
        fuzzy += len(po.fuzzy_entries())
        store = xlifffile.parsestring((root / "xliff" / "fr" / f"{path.stem}.xlf").read_bytes())
        units = [u for u in store.units if not u.isheader()]
        assert sum(1 for u in units if u.istranslated()) == len(po.translated_entries())
        assert sum(1 for u in units if u.isfuzzy()) == len(po.fuzzy_entries())
    assert reviewed > 30 and fuzzy == 0


def test_what_translate_toolkit_writes_back_comes_back_as_it_meant(project, cli):
    """Weblate approves the fuzzy unit and un-approves a reviewed one: our import follows."""
    assert cli(project, "xliff", "export", "-l", "es").exit_code == 0
    xlf = project / "xliff" / "es" / "doc.xlf"
    store = xlifffile.parsestring(xlf.read_bytes())
    units = {u.source: u for u in store.units}
    units[MIX].target = "Nunca mezcle kratom con alcohol."
    units[MIX].markfuzzy(False)
    units[DOSE].target = "Espere treinta minutos antes de una segunda dosis."
    units[DOSE].markfuzzy(True)
    xlf.write_bytes(bytes(store))
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 0, r.output
    po = polib.pofile(str(project / "locales" / "es" / "LC_MESSAGES" / "doc.po"))
    assert po.find(MIX).msgstr == "Nunca mezcle kratom con alcohol." and not po.find(MIX).fuzzy
    assert po.find(DOSE).msgstr.startswith("Espere treinta") and po.find(DOSE).fuzzy
    assert po.find(WATER).fuzzy  # untouched machine translation stays unreviewed
