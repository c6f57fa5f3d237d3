"""The fast paths of `l10n check`: run memo, whole-catalog trigger passes, warm cache.

None of these may change a finding; these tests check what each one skips or reuses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import polib

from l10n.checks import RunMemo, check_catalog
from l10n.checks.cache import SqliteCache, catalog_key, entry_key
from l10n.checks.context import CatalogContext, PhraseCounter
from l10n.checks.triggers import catalog_triggers, first_word_regex, hit_positions
from tests.support.checks import make_po, standin_glossary
from tests.support.checks_speed import (  # noqa: F401  (shared with other test modules)
    VersionedGlossary,
    _Run,
)


def test_hit_positions_maps_offsets_to_entries_and_respects_word_boundaries():
    rx = first_word_regex(PhraseCounter(["not", "no one", "n'"]))
    texts = ["it is nothing", "do not", "", "knot", "no one knows", "n'est pas", "cannot not"]
    # "nothing", "knot" hold "not"/"no" inside a word: not hits; "n'" is a prefix
    assert hit_positions(rx, texts) == {1, 4, 5, 6}
    assert hit_positions(rx, []) == set()


def test_catalog_triggers_per_family():
    ctx = CatalogContext(locale="es", glossary=standin_glossary())
    src = ["Do not take it.", "It may help.", "Read about opioid receptors.", "Kratom is a plant."]
    tgt = ["No lo tome.", "Puede ayudar; es seguro.", "Lea sobre los receptores opiáceos.", "El kratom es una planta."]
    hits = catalog_triggers(src, tgt, ctx, {"negation-src", "hedge-src", "inflated-tgt", "terms", "forbidden"})
    assert hits["negation-src"] == {0}
    # hedges: "not" and "is" can start "not enough evidence" and "is needed": a superset, never fewer
    assert hits["hedge-src"] == {0, 1, 3}
    assert hits["inflated-tgt"] == {1}           # "seguro" in the translation
    assert hits["terms"] == {2, 3}               # opioid receptors, kratom
    assert hits["forbidden"] == {2}              # receptores opiáceos


def test_trigger_skips_keep_findings_identical_to_the_checks():
    # a dropped negation, an added inflated claim, a forbidden term, and entries without any of them
    po = make_po([("Do not take more than 2 g.", "Tome más de 2 g."),
                  ("It may help.", "Ayuda, es seguro."),
                  ("Bind to opioid receptors.", "Se une a receptores opiáceos."),
                  ("A plant.", "Una planta.")])
    codes = {f.code for f in check_catalog(po, locale="es", glossary=standin_glossary())}
    assert {"L10N311", "L10N312", "L10N313", "L10N503"} <= codes


def test_run_memo_analyses_each_distinct_msgid_once():
    memo = RunMemo()
    g = standin_glossary()
    a = make_po([("Do not take it. It may not help.", "No lo tome. Puede que no ayude.")])
    b = make_po([("Do not take it. It may not help.", "Ne le prenez pas. Cela peut ne pas aider.")],
                header={"Language": "fr"})
    check_catalog(a, locale="es", glossary=g, memo=memo)
    check_catalog(b, locale="fr", glossary=g, memo=memo)
    (source,) = memo.source.values()  # one source language, one glossary: one table shared by both catalogs
    assert ("neg", "Do not take it. It may not help.") in source
    assert len(memo.target) == 2      # target side per locale
    assert all(("neg", t) in tab for tab, t in zip(memo.target.values(), (a[0].msgstr, b[0].msgstr)))


def test_cache_reuses_entry_findings_and_recomputes_catalog_checks():
    g = VersionedGlossary("v1")
    po = make_po([("Do not take more than 2 g.", "Tome más de 2 g.")])
    cache: dict[str, str] = {}
    first = check_catalog(po, locale="es", glossary=g, cache=cache, path="a.po")
    assert len(cache) == 1 and "L10N311" in {f.code for f in first}
    # the stored findings are what a second run reports: plant a marker to see them come back
    (key,) = cache
    stored = json.loads(cache[key])
    stored[0][3] = "from the cache"
    cache[key] = json.dumps(stored)
    second = check_catalog(po, locale="es", glossary=g, cache=cache, path="a.po")
    assert "from the cache" in {f.message for f in second}
    # catalog-level checks are not cached: a header defect shows up though every entry is cached
    po.metadata.pop("Language-Team")
    third = check_catalog(po, locale="es", glossary=g, cache=cache, path="a.po")
    assert "L10N102" in {f.code for f in third}


def test_cache_key_changes_with_everything_findings_depend_on():
    base = catalog_key(locale="es", glossary=VersionedGlossary("v1"), codes=["L10N311"], options={},
                       plural_forms="nplurals=2;", nplurals=2)
    assert base != catalog_key(locale="es", glossary=VersionedGlossary("v2"), codes=["L10N311"], options={},
                               plural_forms="nplurals=2;", nplurals=2)
    assert base != catalog_key(locale="ca", glossary=VersionedGlossary("v1"), codes=["L10N311"], options={},
                               plural_forms="nplurals=2;", nplurals=2)
    assert base != catalog_key(locale="es", glossary=VersionedGlossary("v1"), codes=["L10N311", "L10N312"],
                               options={}, plural_forms="nplurals=2;", nplurals=2)
    assert base != catalog_key(locale="es", glossary=VersionedGlossary("v1"), codes=["L10N311"],
                               options={"length_ratio": {"es": [0.5, 2]}}, plural_forms="nplurals=2;", nplurals=2)
    # a glossary without a version cannot be keyed: no caching
    assert catalog_key(locale="es", glossary=standin_glossary(), codes=[], options={}, plural_forms="",
                       nplurals=2) is None
    e = polib.POEntry(msgid="Do not.", msgstr="No.")
    k = entry_key(base, e)
    for change in ({"msgstr": "Sí."}, {"tcomment": "l10n-waive: L10N402 short"}, {"flags": ["fuzzy"]},
                   {"msgctxt": "x"}, {"previous_msgid": "Do not!"}):
        assert entry_key(base, polib.POEntry(**{"msgid": "Do not.", "msgstr": "No.", **change})) != k


def test_code_change_invalidates_the_cache(monkeypatch):
    from l10n.checks import cache as C

    before = catalog_key(locale="es", glossary=None, codes=[], options={}, plural_forms="", nplurals=2)
    monkeypatch.setattr(C, "code_hash", lambda: "another build of the checks")
    assert catalog_key(locale="es", glossary=None, codes=[], options={}, plural_forms="", nplurals=2) != before


def test_sqlite_cache_round_trip(tmp_path):
    path = tmp_path / ".l10n" / "check-cache.sqlite"
    c = SqliteCache(path)
    c["a"] = "[]"
    assert c["a"] == "[]" and c.get_many(["a", "b"]) == {"a": "[]"}
    c.close()
    c = SqliteCache(path)
    assert c.get_many(["a", "b"]) == {"a": "[]"} and len(c) == 1
    c.close()


def test_cli_warm_run_matches_cold_run_and_no_cache_writes_nothing(make_project, cli, tmp_path):
    root = make_project({}, locales=["es"])
    po = make_po([("Do not take more than 2 g.", "Tome más de 2 g."), ("It may help.", "Puede ayudar.")])
    target = root / "cat.po"
    target.write_text(po.__unicode__(), encoding="utf-8")
    db = root / ".l10n" / "check-cache.sqlite"
    cold = cli(root, "check", "--no-cache", "--format", "json", "cat.po")
    assert not db.exists()
    fill = cli(root, "check", "--format", "json", "cat.po")
    assert db.exists()
    warm = cli(root, "check", "--format", "json", "cat.po")
    assert cold.exit_code == fill.exit_code == warm.exit_code == 1
    assert cold.stdout == fill.stdout == warm.stdout
    assert "L10N311" in warm.stdout
