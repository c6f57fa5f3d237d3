"""Fast paths of `l10n check` give exactly what the straightforward code gives.

Each speed-up that writes or computes something a second way is held here to
the first way, byte for byte, on generated inputs.
"""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from l10n.checks.output import CheckedFile, _record, format_findings, summary
from l10n.model import Finding, Severity

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_FINDING = st.builds(
    Finding, code=st.sampled_from(["L10N101", "L10N311", "L10N999"]), check=_TEXT,
    severity=st.sampled_from(list(Severity)), message=_TEXT, path=_TEXT, line=st.integers(0, 10**6),
    locale=_TEXT, msgctxt=st.none() | _TEXT, msgid=_TEXT, target=_TEXT, suppressible=st.booleans())


def _slow_json(findings, files) -> str:
    return json.dumps({"findings": [_record(f) for f in findings], "summary": summary(findings, len(files))},
                      ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(_FINDING, max_size=6), st.integers(0, 3))
def test_json_report_is_json_dumps_with_indent(findings, n_files):
    files = [CheckedFile(f"f{i}.po") for i in range(n_files)]
    assert format_findings(findings, "json", files) == _slow_json(findings, files)


def test_json_report_edge_values():
    odd = [Finding("L10N101", "syntax", Severity.ERROR, 'a "quoted" \\ line\nnext\t\x00\x1f\u2028é', path="p.po",
                   line=0, msgctxt="disclaimer:x", target="\ud7ff\U0001f600"),
           Finding("L10N201", "untranslated", Severity.WARNING, "", suppressible=False)]
    for findings in ([], odd, odd[:1]):
        assert format_findings(findings, "json", [CheckedFile("a.po")]) == _slow_json(findings, [1])


def test_json_report_of_odd_field_types():
    """Values a Finding's annotations do not promise still come out as json.dumps writes them."""
    odd = [Finding("L10N101", "syntax", 60, "m", line=True, msgctxt=3, suppressible=1),
           Finding("L10N101", "syntax", Severity.INFO, "m", line=2**70, msgctxt=1.5)]
    assert format_findings(odd, "json", []) == _slow_json(odd, [])


def _placeholders_reference(text, flags):
    """l10n.checks.markup.placeholders as first written (one Counter update per match)."""
    from collections import Counter

    from l10n.checks.markup import _BRACE, _PRINTF, _PRINTF_SAFE

    ordered, named = [], Counter()
    formatted = any(f in flags for f in ("c-format", "python-format", "python-brace-format", "perl-format",
                                         "php-format", "sh-format"))
    if "%" in text:
        rx = _PRINTF if formatted else _PRINTF_SAFE
        for m in rx.finditer(text):
            tok = m.group(0)
            if tok == "%%":
                continue
            if formatted and (m.group(1) or m.group(2)):
                named[tok] += 1
            elif not formatted and (m.group(1) or m.group(2)):
                named[tok] += 1
            else:
                ordered.append(tok)
    if "{" in text and "no-python-brace-format" not in flags:
        for m in _BRACE.finditer(text):
            named["{" + m.group(1) + "}"] += 1
    return ordered, named


_PH_TEXT = st.lists(st.sampled_from(["%", "%%", "%s", "%d", "%(name)s", "%1$s", "%-5.2f", "{", "}", "{0}", "{x.y!r:>4}",
                                     "{{", "}}", "a", " ", "é", "(", ")", "$", "1", "l", "x"]), max_size=12).map("".join)
_PH_FLAGS = st.lists(st.sampled_from(["c-format", "python-format", "python-brace-format", "no-python-brace-format",
                                      "fuzzy", "sh-format"]), max_size=3)


@settings(max_examples=500, deadline=None)
@given(_PH_TEXT, _PH_FLAGS)
def test_cached_placeholders_equal_the_reference(text, flags):
    from l10n.checks.markup import placeholders

    got, want = placeholders(text, flags), _placeholders_reference(text, flags)
    assert got == want and list(got[1].items()) == list(want[1].items())
    got[0].append("mutated")
    got[1]["mutated"] += 1
    assert placeholders(text, flags) == want  # the cached value is not the caller's to change


@settings(max_examples=100, deadline=None)
@given(st.lists(_FINDING, max_size=4))
def test_findings_come_back_equal_from_a_worker(findings):
    import pickle

    findings = findings + [Finding("L10N101", "syntax", Severity.ERROR, "m", extra=(("k", "v"),))]
    back = pickle.loads(pickle.dumps(findings))
    assert back == findings and all(type(b) is Finding for b in back)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:/]([<*_`%{}hrefsc 5²¼⁴₉⅓③❶\x00é.-")), max_size=14))
def test_one_search_for_the_mark_features_is_their_union(text):
    import l10n.checks as K

    union = bool(K._DIGIT.search(text) or K._MARKUP_CHARS.search(text)
                 or any(k in text for k in ("://", "](", "href", "src", "%", "{")))
    assert bool(K._ANY_MARK.search(text)) == union



_PO_LINES = ['msgid ""', 'msgstr ""', '"Language: es\\n"', 'msgid "a"', 'msgid "a b"', 'msgstr "b\\n"', 'msgstr "c d"',
             '"cont"', '"x \\" y"', '"bad \\q"', '"a"b"', '"', '""', 'msgid "x" y', 'msgstr "', 'msgstr  "two"',
             'msgid\t"tab"', 'msgid "e\\t\\101"', 'msgstr "\\x41\\\\"', '"\\004"', '"\\377"', '#, fuzzy',
             '#, c-format, fuzzy', '# tc', '#', '#: f.py:1 g.py', '#. gc', '#~ msgid "o"', '#~ msgstr "p"', '#~ "q"',
             '#~| msgid "q"', 'msgctxt "c"', 'msgid_plural "ps"', 'msgstr[0] "z"', 'msgstr[1] "w"',
             '#| msgid "prev"', '#| "more"', '', '  ', ' msgid "sp"', 'msgstr "x"  ', 'msgid "é"', 'msgstr "ü"', 'junk']


_STR = st.sampled_from(['""', '"a"', '"a b"', '"b\\n"', '"x \\" y"', '"e\\t\\101"', '"\\x41\\\\"', '"é"', '"\\q"',
                        '"\\004"', '"a"b"', '"'])
_CONT = st.lists(_STR, max_size=2)


@st.composite
def _po_entry(draw) -> list[str]:
    lines = draw(st.lists(st.sampled_from(["#, fuzzy", "# tc", "#: f.py:1", "#. gc", '#| msgid "p"']), max_size=2))
    obsolete = "#~ " if draw(st.integers(0, 9)) == 0 else ""
    if draw(st.booleans()):
        lines += [obsolete + "msgctxt " + draw(_STR)] + draw(_CONT)
    lines += [obsolete + draw(st.sampled_from(["msgid ", "msgid  ", "msgid\t"])) + draw(_STR)] + draw(_CONT)
    if draw(st.integers(0, 3)) == 0:
        lines += ["msgid_plural " + draw(_STR), "msgstr[0] " + draw(_STR)] + draw(_CONT) + ["msgstr[1] " + draw(_STR)]
    else:
        lines += [obsolete + draw(st.sampled_from(["msgstr ", "msgstr  "])) + draw(_STR)] + draw(_CONT)
    return lines + [""]


@st.composite
def _po_text(draw) -> str:
    lines = ['msgid ""', 'msgstr ""', '"Language: es\\n"', ""] if draw(st.booleans()) else []
    for entry in draw(st.lists(_po_entry(), max_size=5)):
        lines += entry
    for _ in range(draw(st.integers(0, 2))):  # a stray line anywhere
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(_PO_LINES)))
    return "\n".join(lines) + "\n"


@settings(max_examples=2000, deadline=None)
@given(_po_text())
def test_fast_po_reader_shortcuts_build_what_its_general_code_builds(text):
    from l10n.catalogs import pofile

    results = []
    for shortcuts in (True, False):
        pofile._SHORTCUTS = shortcuts
        try:
            po = pofile.parse_po_text(text)
            results.append(([list(vars(e).items()) for e in po], po.metadata, po.header, po.metadata_is_fuzzy))
        except Exception as exc:  # noqa: BLE001 - the same refusal is what is compared
            results.append(type(exc))
        finally:
            pofile._SHORTCUTS = True
    assert results[0] == results[1]


_WORDS = st.lists(st.text(alphabet="abdeo'", min_size=1, max_size=5), min_size=1, max_size=12, unique=True)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.lists(st.text(alphabet="abdeo' .", max_size=30), max_size=6))
def test_trie_regex_finds_what_the_longest_first_alternation_finds(words, texts):
    import re

    from l10n.checks.triggers import hit_positions
    from l10n.checks.wordtrie import _W, _trie

    plain = re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + f")(?!{_W})")
    trie = re.compile(_trie(tuple(words)) + f"(?!{_W})")
    assert hit_positions(trie, texts) == hit_positions(plain, texts)
    for text in texts:
        for i in range(len(text) + 1):
            a, b = plain.match(text, i), trie.match(text, i)
            assert (a is None) == (b is None), (words, text, i)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="nosdue ,.;", max_size=40))
@example("no dude en llamar, no")
@example("sin duda no. no solo")
@example("no solo eso; no dude, en")
def test_neutral_phrase_prefilter_changes_nothing(text):
    from l10n.checks.context import PhraseCounter

    counter = PhraseCounter(["no", "sin"], neutral=["no dude en", "sin duda", "no solo …"])
    reference = PhraseCounter(["no", "sin"], neutral=["no dude en", "sin duda", "no solo …"])
    class _All:  # no prefilter: the regex always runs
        def isdisjoint(self, _other):
            return False

    reference._neutral_keys = _All()
    assert counter.find(text) == reference.find(text)


_NUM_PIECES = ["5", "2,5", "2.5", "-20", "−20", "1/2", "½", "30.000", "cinco", "dos", "two", "twice", "un", "una",
               "media", "medio", "doscientos", "cincuenta", "mil", "menos", "bajo cero", "y", "and a half"]
_UNIT_PIECES = ["mg", "g", "°C", "grados", "horas", "hours", "minutos", "minutes", "comprimidos", "tablets",
                "veces", "times", "días", "semanas", "", ""]
_FILL = ["Tome", "Take", "al día", "a day", "cada", "every", ",", ".", "de", "con", "agua", "después"]


@st.composite
def _number_text(draw):
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        parts.append(draw(st.sampled_from(_FILL)))
        parts.append(draw(st.sampled_from(_NUM_PIECES)))
        parts.append(draw(st.sampled_from(_UNIT_PIECES)))
    return " ".join(p for p in parts if p)


@settings(max_examples=500, deadline=None)
@given(_number_text(), _number_text())
def test_the_numbers_fast_path_says_what_the_full_comparison_says(source, translation):
    """numbers._analyse answers "nothing to report" from equal spellings without comparing values: it must
    be what the full comparison finds (for a pair, and for a translation copied into another sentence)."""
    import polib

    from l10n.checks import numbers as N
    from l10n.checks.context import CatalogContext

    for src, tgt in ((source, translation), (translation.replace("Tome", "Take"), translation)):
        ctx = CatalogContext(locale="es")
        fast = N._analyse(polib.POEntry(msgid=src, msgstr=tgt), ctx)
        src_fmt = ((ctx.src_decimal, ctx.src_groups),)
        tgt_fmt = ((ctx.decimal, ctx.groups), (ctx.src_decimal, ctx.src_groups))
        full = N._compare(N.extract_numbers(N._num_text(src), src_fmt, fallback=tgt_fmt, lang="en"),
                          N.extract_numbers(N._num_text(tgt), tgt_fmt[:1], fallback=tgt_fmt[1:], lang="es"))
        if fast is None:  # no number on either side: nothing to compare
            fast = N._SAME
        assert fast == full, (src, tgt)


_WORDY = st.lists(st.sampled_from(["dos", "d'onze", "l'un", "cinco", "vingt-cinq", "mil·ligrams", "cent", "un",
                                   "una", "deu", "nou", "treinta", "y", "media", "hora", "twice", "Dos", "ｔｒｅｓ",
                                   "5dos", "dos'", "<b>tres</b>", "[cuatro](#x)", "de", "agua", ",", ".", "-"]),
                  max_size=8).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_WORDY, _WORDY, st.sampled_from(["es", "fr", "ca", "pt_BR"]))
def test_the_number_words_pass_flags_every_entry_whose_words_are_read(source, translation, locale):
    """The runner skips number-word reading for entries the whole-catalog pass did not flag (entry_features):
    the pass must flag every entry in which word_numbers reads a number."""
    from l10n.checks.context import CatalogContext
    from l10n.checks.numbers import _num_text
    from l10n.checks.numwords import has_number_words, word_numbers
    from l10n.checks.triggers import catalog_triggers

    ctx = CatalogContext(locale=locale)
    hits = catalog_triggers([source], [translation], ctx, {"number-words"})["number-words"]
    read = [list(word_numbers(_num_text(source), ctx.source_lang)), list(word_numbers(_num_text(translation), ctx.lang))]
    if read[0] or read[1]:
        assert hits == {0}, (source, translation, read)
    for text, lang, found in ((source, ctx.source_lang, read[0]), (translation, ctx.lang, read[1])):
        if found:
            assert has_number_words(_num_text(text), lang), (text, found)
