"""Shared by the tests: what publish/test_pipeline_mt_checks.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from tests.support.publish import project  # noqa: F401

from l10n.translate.run import machine_comment  # noqa: E402
from tests.support.paths import ROOT

pytest.importorskip("l10n.translate")

DOC = """\
# Kratom

Wait 30 minutes before taking more.

Do not mix kratom with alcohol.

Effects may vary.

Drink water.

<!-- l10n: disclaimer not-advice -->
This is not medical advice.
"""

WAIT, MIX, VARY, WATER = ("Wait 30 minutes before taking more.", "Do not mix kratom with alcohol.",
                          "Effects may vary.", "Drink water.")
REVIEWED = {"Kratom": "Kratom", "This is not medical advice.": "Esto no es un consejo médico."}
GOOD_MT = {WAIT: "Espere 30 minutos antes de tomar más.", MIX: "No mezcle kratom con alcohol.",
           VARY: "Los efectos pueden variar.", WATER: "Beba agua."}
#: machine translations that a reviewed translation could not get away with
BAD_MT = {WAIT: ("Espere 300 minutos antes de tomar más.", "L10N301"),
          MIX: ("Mezcle kratom con alcohol.", "L10N311"),
          VARY: ("Los efectos varían mucho.", "L10N312")}
PO = Path("locales") / "es" / "LC_MESSAGES" / "kratom.po"
MT_ES = 'allow_machine_translation = ["es"]\n'


def fill(root: Path, *, reviewed: dict[str, str], machine: dict[str, str] = {},  # noqa: B006
         human_fuzzy: dict[str, str] = {}) -> dict[str, int]:  # noqa: B006
    """Fill es/kratom.po: reviewed entries, machine translation (as l10n.translate stores it), human guesses.

    Returns the line number of every entry (what findings point at).
    """
    path = root / PO
    po = polib.pofile(str(path))
    for e in po:
        if e.msgid in reviewed:
            e.msgstr = reviewed[e.msgid]
        elif e.msgid in machine:
            e.msgstr = machine[e.msgid]
            e.tcomment = machine_comment("apertium", "2026-01-01")
            e.flags.append("fuzzy")
        elif e.msgid in human_fuzzy:
            e.msgstr = human_fuzzy[e.msgid]
            e.flags.append("fuzzy")
    po.save(str(path))
    return {e.msgid: e.linenum for e in polib.pofile(str(path))}


def _status(cli, root: Path) -> dict:
    r = cli(root, "status", "-l", "es", "--format", "json")
    assert r.exit_code == 0, r.output
    (row,) = json.loads(r.stdout)
    return row


def _manifest_doc(root: Path) -> dict:
    return json.loads((root / "dist" / "manifest.json").read_text(encoding="utf-8"))["locales"]["es"][
        "documents"]["kratom.md"]


# --- the Spanish and Catalan hedge lists know how Apertium and translators say "still being studied" ----------

STILL = ("However, the specific compounds and their interactions are still being studied to optimize dosage "
         "and efficacy for addiction treatment without causing adverse effects.")
FURTHER = ("While further studies are needed to fully understand its efficacy and safety, kratom’s natural "
           "origins and relatively low risk profile make it an intriguing option for individuals seeking "
           "alternative approaches to overcome addiction.")


#: per locale: Apertium's "still being studied", a translator's, and Apertium's "further studies are needed"
HEDGED = {
    "es": ("Aun así, los compuestos concretos y sus interacciones todavía están siendo estudiados para optimizar "
           "dosificación y eficacia para tratamiento de la adicción sin causar efectos adversos.",
           "Sin embargo, los compuestos concretos y sus interacciones aún se están estudiando para optimizar la "
           "dosis y la eficacia en el tratamiento de la adicción sin causar efectos adversos.",
           # "the farther studies are needy": the call for more research is lost
           "Mientras los estudios más lejanos están necesitados a plenamente entender su eficacia y seguridad, "
           "kratom es orígenes naturales y relativamente perfil de riesgo bajo lo hace una opción intrigante para "
           "las personaje que buscan aproximaciones alternativas para vencer adicción."),
    "ca": ("Tanmateix, els compostos concrets i les seves interaccions encara estan sent estudiats per optimitzar "
           "dosificació i eficàcia per tractament de l'addicció sense causar efectes adversos.",
           "Tanmateix, els compostos concrets i les seves interaccions encara són en estudi per optimitzar la "
           "dosi i l'eficàcia en el tractament de l'addicció sense causar efectes adversos.",
           "Estona els estudis més llunyans són necessitats a plenament entendre el seu eficàcia i seguretat, "
           "kratomha orígens naturals i relativament perfil de risc baix fer-lo un intrigant opció per als "
           "individus que busquen apropaments alternatius per vèncer addicció."),
}


def _has_pair(pair: str) -> bool:
    import subprocess

    return subprocess.run(["apertium", "-u", pair], input=b"dog\n", capture_output=True).returncode == 0
