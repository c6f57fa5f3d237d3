"""Masking, memory, resilience and translate_locale / `l10n translate` end to end."""

from __future__ import annotations

import json
import threading

import pytest

from l10n.errors import ProviderBadOutput, ProviderRateLimited
from l10n.project import read_catalog
from l10n.translate import TranslationMemory, is_machine_translation, translate_locale
from l10n.translate.protect import chunk, mask, validate
from l10n.translate.providers.fake import FakeProvider
from l10n.translate.registry import register, unregister
from l10n.translate.resilience import Backoff, RateLimiter, call_with_retries, translate_texts

GLOSSARY = """\
terms:
  - source: Mitragyna speciosa
    kind: botanical
    keep: true
  - source: opioid receptor
    kind: pharmacology
    variants: [opioid receptors]
    targets:
      es: {text: receptor opioide, forms: [receptor opioide, receptores opioides]}
  - source: withdrawal symptoms
    kind: medical
    targets:
      es: síntomas de abstinencia
"""

DOC = """\
# Kratom

Kratom comes from *Mitragyna speciosa* and acts on opioid receptors.

It may ease withdrawal symptoms. Read [the guide](https://example.org/guide) first.

<!-- l10n: disclaimer not-advice -->
This is not medical advice.
"""


class StandIn:
    """A glossary stand-in with the attributes masking uses."""

    class Term:
        def __init__(self, source, keep=False, target=None):
            self.source, self.keep, self.targets = source, keep, {"es": target} if target else {}

        def keeps(self, locale):
            return self.keep

    def __init__(self, *terms):
        self.terms = terms

    def find_terms(self, text):
        from types import SimpleNamespace

        hits = []
        for t in self.terms:
            i = text.lower().find(t.source.lower())
            if i >= 0:
                hits.append(SimpleNamespace(term=t, start=i, end=i + len(t.source),
                                            matched=text[i:i + len(t.source)]))
        return hits


# -- masking ---------------------------------------------------------------------------
def test_mask_markup_urls_numbers_terms():
    g = StandIn(StandIn.Term("Mitragyna speciosa", keep=True), StandIn.Term("tolerance", target="tolerancia"))
    m = mask('Take <b>5 mg</b> of *Mitragyna speciosa*; see [tolerance](https://x.org/t "T") at www.x.org.',
             glossary=g, locale="es")
    assert m.text == "Take ⟦0⟧ of ⟦1⟧; see ⟦2⟧ at ⟦3⟧."  # adjacent spans travel as one token
    restored = m.unmask("Tome ⟦0⟧ de ⟦1⟧; vea ⟦2⟧ en ⟦3⟧.")
    assert restored == 'Tome <b>5 mg</b> de *Mitragyna speciosa*; vea [tolerancia](https://x.org/t "T") en www.x.org.'


def test_link_text_stays_translatable():
    m = mask("Read [the guide](https://example.org/g) now.")
    assert "the guide" in m.text and "example.org" not in m.text


@pytest.mark.parametrize("answer,reason", [
    (None, "None"), ("", "empty"), ("  ", "empty"), ("Lea ⟦0⟧la guía ahora.", "lost"),
    ("Lea ⟦0⟧la ⟦0⟧guía⟦1⟧ ahora.", "duplicated"), ("Lea ⟦0⟧la guía⟦1⟧ ⟦7⟧.", "unknown"),
    ("Read ⟦0⟧the guide⟦1⟧ now, please.", None)])
def test_validate(answer, reason):
    m = mask("Read **the guide** now, please.")
    if reason is None:
        with pytest.raises(ProviderBadOutput, match="echoed"):
            validate(m, answer)
    else:
        with pytest.raises(ProviderBadOutput, match=reason):
            validate(m, answer)


def test_echo_allowed_without_translatable_words():
    m = mask("KR-HR-2026")
    assert not m.translatable and validate(m, "KR-HR-2026") == "KR-HR-2026"


def test_truncation_detected():
    m = mask("Kratom can cause dependence: daily use may lead to tolerance.")
    with pytest.raises(ProviderBadOutput, match="truncated"):
        validate(m, "Kratom puede")


def test_chunk_respects_limit_and_tokens():
    text = "First sentence here. " * 10 + "⟦0⟧" * 3
    pieces = chunk(text, 45)
    assert all(len(p) <= 45 for p in pieces)
    assert " ".join(pieces).split() == text.split()


# -- memory ------------------------------------------------------------------------------
def test_memory_persists_and_exports(tmp_path):
    path = tmp_path / ".l10n" / "tm.sqlite"
    with TranslationMemory(path) as tm:
        tm.put("Hello ⟦0⟧", "Hola ⟦0⟧", provider="apertium", source_lang="en", target_lang="es",
               glossary_version="v1", plain_source="Hello *x*", plain_target="Hola *x*")
        tm.add_human("Good", "Bueno", "en", "es")
    with TranslationMemory(path) as tm:
        assert tm.get("Hello ⟦0⟧", provider="apertium", source_lang="en", target_lang="es",
                      glossary_version="v1") == "Hola ⟦0⟧"
        assert tm.get("Hello ⟦0⟧", provider="apertium", source_lang="en", target_lang="es",
                      glossary_version="v2") is None
        assert tm.human("Good", "en", "es") == "Bueno"
        entries = list(tm.entries())
    assert [(e.source, e.target, e.origin) for e in entries] == [("Good", "Bueno", "human"),
                                                                 ("Hello *x*", "Hola *x*", "machine")]


# -- resilience --------------------------------------------------------------------------
def test_retry_after_honoured_and_rate_limited_retry():
    calls, sleeps = [], []

    def fn():
        calls.append(1)
        if len(calls) < 3:
            raise ProviderRateLimited("slow down", retry_after=4)
        return ["ok"]

    assert call_with_retries(fn, retries=5, backoff=Backoff(), sleep=sleeps.append) == ["ok"]
    assert sleeps == [4, 4]


def test_rate_limiter_spaces_requests():
    clock, slept = [0.0], []
    limiter = RateLimiter(4, clock=lambda: clock[0], sleep=slept.append)
    for _ in range(3):
        limiter.acquire()
    assert slept == [0.25, 0.5]


def test_bad_answer_isolated_by_bisection():
    class Batchy(FakeProvider):
        def translate_batch(self, texts, *, source, target):
            if "poison pill" in texts and len(texts) > 1:
                return ["?"]  # wrong count for the whole batch
            return ["" if t == "poison pill" else t.upper() for t in texts]

    texts = ["a dog", "poison pill", "a cat", "a cow"]
    out = {}
    for batch in translate_texts(lambda: Batchy(), texts, source="en", target="es"):
        out.update(batch)
    assert out[0] == "A DOG" and out[2] == "A CAT" and out[3] == "A COW" and out[1] == ""


def test_one_client_per_worker_thread():
    owners: dict[int, set[int]] = {}

    class Recorder(FakeProvider):
        batch_size = 1

        def translate_batch(self, texts, *, source, target):
            owners.setdefault(id(self), set()).add(threading.get_ident())
            return [t.upper() for t in texts]

    list(translate_texts(lambda: Recorder(), [f"t{i}" for i in range(40)], source="en", target="es",
                         concurrency=4))
    assert all(len(threads) == 1 for threads in owners.values())  # never shared between threads


# -- translate_locale and the command ------------------------------------------------------
@pytest.fixture
def project(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es"], glossary=GLOSSARY)
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    return root


@pytest.fixture
def recorder():
    calls: list[str] = []

    def factory(config, *, source, target):
        prov = FakeProvider(fn=lambda t: "ES " + t.swapcase())
        orig = prov.translate_batch

        def tb(texts, *, source, target):
            calls.extend(texts)
            return orig(texts, source=source, target=target)

        prov.translate_batch = tb
        return prov

    register("rec", factory)
    yield calls
    unregister("rec")


def _po(root):
    return read_catalog(root / "locales" / "es" / "LC_MESSAGES" / "a.po")


def test_translate_fills_fuzzy_with_provenance_and_glossary(project, cli, recorder):
    r = cli(project, "translate", "-l", "es", "--provider", "rec")
    assert r.exit_code == 0, r.output
    po = _po(project)
    by_id = {e.msgid: e for e in po}
    e = by_id["Kratom comes from *Mitragyna speciosa* and acts on opioid receptors."]
    assert "*Mitragyna speciosa*" in e.msgstr and "receptores opioides" in e.msgstr
    assert "fuzzy" in e.flags and is_machine_translation(e) and "machine translation: rec, " in e.tcomment
    link = by_id["Read [the guide](https://example.org/guide) first."]
    assert "](https://example.org/guide)" in link.msgstr and "THE GUIDE" in link.msgstr
    assert not any("medical advice" in c for c in recorder)  # the disclaimer is never sent
    assert "disclaimer not-advice: no approved translation" in r.stdout
    assert not any("Mitragyna" in c or "https" in c for c in recorder)


def test_second_run_sends_nothing_and_memory_is_used(project, cli, recorder):
    settings_args = ("translate", "-l", "es", "-p", "rec")
    cli(project, *settings_args)
    sent = len(recorder)
    assert sent > 0
    # forget the catalog translations: the memory still has them
    cli(project, "update")
    po_path = project / "locales" / "es" / "LC_MESSAGES" / "a.po"
    po = _po(project)
    for e in po:
        if is_machine_translation(e):
            e.msgstr, e.tcomment, e.flags = "", "", []
    po.save(str(po_path))
    r = cli(project, *settings_args, "--dry-run", "--format", "json")
    data = json.loads(r.stdout)[0]
    assert data["sent_chars"] == 0 and data["from_memory"] >= sent
    r = cli(project, *settings_args)
    assert len(recorder) == sent and "sent 0 segments (0 characters)" in r.stdout


def test_human_translation_never_overwritten_and_reused(project, cli, recorder):
    po_path = project / "locales" / "es" / "LC_MESSAGES" / "a.po"
    po = _po(project)
    po.find("Kratom").msgstr = "Kratom (humano)"
    po.save(str(po_path))
    cli(project, "translate", "-l", "es", "-p", "rec")
    assert _po(project).find("Kratom").msgstr == "Kratom (humano)"
    assert "Kratom" not in recorder


def test_failing_segment_stays_untranslated_with_reason(project, cli):
    register("half", lambda config, **kw: FakeProvider(fn=lambda t: "" if "withdrawal" in t.lower()
                                                       or "⟦" in t and "ease" in t else "ES " + t.swapcase()))
    try:
        r = cli(project, "translate", "-l", "es", "-p", "half")
    finally:
        unregister("half")
    assert r.exit_code == 1 and "untranslated: 'It may ease" in r.stdout and "empty" in r.stdout
    po = _po(project)
    assert po.find("It may ease withdrawal symptoms.").msgstr == ""
    assert po.find("Kratom").msgstr  # the rest of the batch is in


def test_interrupted_run_loses_nothing(project, recorder):
    from l10n.config import load_settings

    seen, calm = [], []

    class Interrupting(FakeProvider):
        batch_size = 1

        def translate_batch(self, texts, *, source, target):
            seen.extend(texts)
            if len(seen) == 3 and not calm:
                raise KeyboardInterrupt
            return ["ES " + t.swapcase() for t in texts]

    register("ctrlc", lambda config, **kw: Interrupting())
    try:
        settings = load_settings(project)
        before = translate_locale(settings, "es", "ctrlc", dry_run=True).sent_segments
        with pytest.raises(KeyboardInterrupt):
            translate_locale(settings, "es", "ctrlc")
        po = _po(project)
        assert sum(1 for e in po if is_machine_translation(e)) >= 2  # both answers written despite Ctrl-C
        after = translate_locale(settings, "es", "ctrlc", dry_run=True)
        # the next run sends only what is left: at least the two answers written above are not sent again,
        # and at most every call but the interrupted one was answered (a worker thread may or may not have
        # stored one more answer before the interrupt reached the run: which, is a race)
        assert before - (len(seen) - 1) <= after.sent_segments <= before - 2
        calm.append(True)  # no more interruptions
        sent_before = len(seen)
        done = translate_locale(settings, "es", "ctrlc")
        # what was left is sent once or comes from the memory (a worker of the interrupted run may still store
        # an answer after the run returned): never sent twice, and nothing is lost
        assert done.sent_segments + done.from_memory == after.sent_segments and not done.failed
        assert len(seen) - sent_before == done.sent_segments
    finally:
        unregister("ctrlc")


def test_pseudo_locale(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["en_XA"])
    cli(root, "extract")
    cli(root, "update")
    r = cli(root, "translate", "-l", "en_XA", "-p", "pseudo")
    assert r.exit_code == 0, r.output
    po = read_catalog(root / "locales" / "en_XA" / "LC_MESSAGES" / "a.po")
    e = po.find("Read [the guide](https://example.org/guide) first.")
    assert e.msgstr.startswith("[Ŕéåđ [ţĥé ĝûîđé](https://example.org/guide)") and e.msgstr.endswith("]")


def test_unknown_provider_is_an_error(project, cli):
    r = cli(project, "translate", "-l", "es", "-p", "nosuch")
    assert r.exit_code == 2 and "unknown provider 'nosuch'" in r.stderr
