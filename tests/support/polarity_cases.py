"""Shared loader for the polarity cases (tests/cases/polarity/*.yaml), split in two halves by a fixed rule.

Half A (sha256 of the case id, even) was used to tune the lexicons; half B (odd) was held out and run once.
"""

from __future__ import annotations

import hashlib
import polib
import yaml

from tests.support import paths

CASES = paths.CASES / "polarity"
CODES = frozenset({"L10N321", "L10N322", "L10N323", "L10N324"})


def half(case_id: str) -> str:
    return "A" if int(hashlib.sha256(case_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def load(which: str) -> list[dict]:
    out = []
    for f in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for c in data["cases"]:
            if half(c["id"]) == which:
                out.append(dict(c, locale=data["locale"]))
    return out


def findings(case: dict) -> list:
    from l10n.checks import check_catalog

    po = polib.POFile()
    po.metadata = {"Language": case["locale"], "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid=case["src"], msgstr=case["tgt"]))
    return [f for f in check_catalog(po, locale=case["locale"], glossary=None, select=set(CODES))
            if f.code in CODES]


def caught(case: dict) -> bool:
    return bool(findings(case))
