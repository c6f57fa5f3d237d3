"""Helpers for the check tests: a small stand-in glossary and PO builders.

The stand-in implements the part of the ``l10n.glossary`` API the checks use
(terms, disclaimers, rules, find_terms, disclaimer, disclaimer_by_text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polib
from tests.support.checks import (  # noqa: F401  (shared with other test modules)
    DID,
    DISCLAIMER_EN,
    DISCLAIMER_ES,
    Disclaimer,
    DisclaimerTranslation,
    HEADER,
    LocaleRules,
    StandInGlossary,
    Term,
    TermHit,
    TermTarget,
    make_po,
    pair_findings,
    standin_glossary,
)

