"""Regenerate the interchange case files (run from the repository: python tests/cases/interchange/make_cases.py).

A mini project (doc.md, locales es and fr) is extracted and updated; es.po
and fr.po get the translations below; the exports are edited the way the
hostile scenarios of issue 14 describe. The files are committed; the tests
only read them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOC = (HERE / "doc.md").read_text(encoding="utf-8")
PYPROJECT = """[tool.l10n]
source_language = "en"
locales = ["es", "fr"]
source_docs = "source_docs"
locales_dir = "locales"
project_name = "interchange cases"
bugs_address = "bugs@example.org"
"""
ES = {"Kratom": "Kratom", "Wait 30 minutes before a second dose.": "Espere 30 minutos antes de una segunda dosis.",
      "Do not mix kratom with alcohol.": "No mezcle kratom con alcohol.", "Drink water.": "Beba agua."}
FR = {"Kratom": "Kratom", "Wait 30 minutes before a second dose.": "Attendez 30 minutes avant une deuxième dose.",
      "Do not mix kratom with alcohol.": "Ne mélangez pas le kratom avec de l'alcool.", "Drink water.": "Buvez de l'eau."}


def l10n(root: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "l10n", *args], cwd=root, check=True, capture_output=True)


def fill(path: Path, table: dict[str, str]) -> None:
    import polib

    po = polib.pofile(str(path))
    for e in po:
        if e.msgid in table:
            e.msgstr = table[e.msgid]
    po.save()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "source_docs").mkdir()
        (root / "source_docs" / "doc.md").write_text(DOC, encoding="utf-8")
        (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
        l10n(root, "extract")
        l10n(root, "update")
        for loc, table in (("es", ES), ("fr", FR)):
            po = root / "locales" / loc / "LC_MESSAGES" / "doc.po"
            fill(po, table)
            l10n(root, "update", "-l", loc)  # normalise the layout as l10n writes it
            shutil.copy(po, HERE / f"{loc}.po")
        l10n(root, "xliff", "export", "-o", "out")
        es = (root / "out" / "es" / "doc.xlf").read_text(encoding="utf-8")
        fr = (root / "out" / "fr" / "doc.xlf").read_text(encoding="utf-8")
    (HERE / "es-export.xlf").write_text(es, encoding="utf-8")
    # 1. the translator edits one unit in the file (the catalog may or may not have moved meanwhile)
    (HERE / "es-edited-water.xlf").write_text(
        es.replace(">Beba agua.<", ">Beba mucha agua.<"), encoding="utf-8")
    # 3. a French export relabelled as Spanish
    (HERE / "fr-relabelled-es.xlf").write_text(
        fr.replace('target-language="fr"', 'target-language="es"'), encoding="utf-8")
    # 3b. a French export without l10n's export record, relabelled as Spanish (the file from another tool)
    (HERE / "fr-relabelled-es-no-phase.xlf").write_text(
        re.sub(r"\s*<phase-group>.*?</phase-group>", "", fr.replace('target-language="fr"', 'target-language="es"'),
               flags=re.S), encoding="utf-8")
    # 3c. ... and without the locale each unit records (only the bases' hashes are left)
    (HERE / "fr-relabelled-es-no-records.xlf").write_text(
        re.sub(r"\s*<phase-group>.*?</phase-group>", "", fr.replace('target-language="fr"', 'target-language="es"'),
               flags=re.S).replace('context-type="x-l10n-base">fr:', 'context-type="x-l10n-base">'),
        encoding="utf-8")
    # 3d. an export whose original was changed
    (HERE / "es-other-original.xlf").write_text(es.replace('original="doc.md"', 'original="other.md"', 1),
                                               encoding="utf-8")
    # 4. a changed dose, confirmed by the translator
    (HERE / "es-dose-changed.xlf").write_text(es.replace("30 minutos", "3 minutos"), encoding="utf-8")


if __name__ == "__main__":
    main()
