"""Shared by the tests: what checks/test_checks_speed.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import json
from dataclasses import dataclass

import polib

from l10n.checks import RunMemo, check_catalog
from l10n.checks.cache import SqliteCache, catalog_key, entry_key
from l10n.checks.context import CatalogContext, PhraseCounter
from l10n.checks.triggers import catalog_triggers, first_word_regex, hit_positions
from tests.support.checks import make_po, standin_glossary


class VersionedGlossary:
    """The stand-in glossary with a version, as the real one has (the cache needs it)."""

    def __init__(self, version: str) -> None:
        self._g = standin_glossary()
        self.version = version

    def __getattr__(self, name):
        return getattr(self._g, name)


@dataclass
class _Run:
    report: str
    code: int
