"""The fuzzy matcher behind `l10n update`: one-word edits found, new text left alone."""

from __future__ import annotations

import polib

from l10n.catalogs import update_catalog
from l10n.catalogs.fuzzy import FuzzyIndex


def test_one_word_edit_of_a_short_sentence_is_found():
    idx = FuzzyIndex(["Call a doctor.", "Take one tablet daily.", "Kratom may cause dependence."])
    assert idx.best("Call a nurse.") == 0          # Indel ratio only 0.74, but one word changed
    assert idx.best("Take two tablets daily.") == 1


def test_edit_introducing_a_rare_word_still_finds_its_original():
    """Candidates are picked by the query's rarest words; a new rare word must not hide the original."""
    common = [f"Kratom use may start within weeks for people in recovery number {i}." for i in range(200)]
    idx = FuzzyIndex(common + ["Kratom helps manage withdrawal symptoms and cravings in recovery."])
    assert idx.best("Kratom helps manage withdrawal symptoms and xylophones in recovery.") == 200


def test_unrelated_sentence_sharing_half_its_words_gets_no_suggestion():
    idx = FuzzyIndex(["The crushed leaves of Mitragyna speciosa plant, has a therapeutic agent."])
    assert idx.best("As with the Mitragyna speciosa plant, has a therapeutic agent.") is None
    assert idx.best("A completely new sentence about dosage.") is None


def test_ties_go_to_the_earliest_candidate():
    idx = FuzzyIndex(["Stop slowly now.", "Stop slowly now!", "Stop slowly now."])
    assert idx.best("Stop slowly now?") == 0


def _cat(pairs):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in pairs:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    return po


def test_update_catalog_fuzzy_and_obsolete_and_stats():
    old = _cat([("Call a doctor.", "Llame a un médico."), ("Gone forever.", "Ido."), ("Same.", "Igual.")])
    pot = _cat([("Same.", ""), ("Call a nurse.", ""), ("Brand new text here.", "")])
    po, stats = update_catalog(pot, old, "es", revised="2026-01-01 00:00+0000")
    e = po.find("Call a nurse.")
    assert e.fuzzy and e.msgstr == "Llame a un médico." and e.previous_msgid == "Call a doctor."
    assert po.find("Brand new text here.").msgstr == ""
    assert [x.msgid for x in po if x.obsolete] == ["Gone forever."]
    assert (stats.kept, stats.fuzzy, stats.new, stats.obsolete) == (1, 1, 1, 1)
    assert po.metadata["Language"] == "es" and po.metadata["PO-Revision-Date"] == "2026-01-01 00:00+0000"


def test_no_fuzzy_matching_option():
    old = _cat([("Call a doctor.", "Llame a un médico.")])
    po, stats = update_catalog(_cat([("Call a nurse.", "")]), old, "es", fuzzy_matching=False)
    assert po.find("Call a nurse.").msgstr == "" and stats.fuzzy == 0
    assert [x.msgid for x in po if x.obsolete] == ["Call a doctor."]


def test_the_index_keeps_one_string_per_word():
    idx = FuzzyIndex(["Take one tablet daily.", "Take two tablets daily."])
    a, b = idx._words
    assert a[0] == b[0] == "take" and a[0] is b[0] and a[-1] is b[-1]
    assert idx.best("Take one tablets daily.") in (0, 1)
