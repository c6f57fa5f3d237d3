"""Markup and links (L10N60x): tags, nesting, URLs, placeholders, unsafe HTML.

The translation must have the same inline HTML tags and Markdown markup as
the source, nested the same way (order may change with word order); every
link URL unchanged; the same printf, Python and brace placeholders; and no
script, event-handler attribute, ``javascript:`` URL or iframe that the
source does not have (an injection into the published page). Nor may it add
HTML that could hide or change what readers see: a tag beyond plain emphasis,
an attribute, a comment, an unfinished tag, or a bidi override (L10N606).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

import polib
import regex

from l10n.checks.context import CatalogContext
from l10n.checks.registry import check
from l10n.model import Severity

__all__ = ["added_markup", "placeholders", "tag_events", "unsafe_html", "urls"]

_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s[^<>]*?)?)\s*(/?)>")
_VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "source", "area", "col", "embed", "param", "track"}
_ATTR_URL = re.compile(r"""\b(?:href|src|action|formaction|poster|cite|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
                       re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
#: a bare URL: it ends before a space, a quote or bracket, or punctuation of another script (a "。" after it,
#: "”" closing a quote around it, "、"), and never with a full stop, comma or colon
_BARE_URL = regex.compile(r"(?<![\"'(=])\b(?:https?|ftp)://[^\s<>()\"'\p{Pi}\p{Pf}\p{Ps}\p{Pe}\p{ea=F}\p{ea=W}]*"
                          r"[^\s<>()\"'.,;:!?\p{Pi}\p{Pf}\p{Ps}\p{Pe}\p{ea=F}\p{ea=W}\p{Sentence_Terminal}]")
_MD_TOKENS = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)|(?<=\S)\*(?![*\w])|`+|!\[|\]\(")
_PRINTF = re.compile(r"%(?:\((\w+)\))?(\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
                     r"([diouxXeEfFgGcrsa%])")
_PRINTF_SAFE = re.compile(r"%\((\w+)\)[-+#0]*\d*(?:\.\d+)?[sdifr]|%(\d+\$)?[sdif](?![a-zA-Z])")
_BRACE = re.compile(r"(?<!\{)\{(\w*(?:\.\w+)*(?:![rsa])?(?::[^{}]*)?)\}(?!\})")
_UNSAFE = {
    "<script>": re.compile(r"<\s*script\b", re.IGNORECASE),
    "<iframe>": re.compile(r"<\s*(?:iframe|frame|object|embed|applet)\b", re.IGNORECASE),
    "event-handler attribute": re.compile(r"<[^<>]*\s(on[a-z]+)\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"(?:java|vb)script\s*:|data\s*:\s*text/html", re.IGNORECASE),
    "<style>/<form>/<meta>": re.compile(r"<\s*(?:style|form|meta|base|link)\b", re.IGNORECASE),
}


#: Tags a translation may add without the source having them: plain emphasis that cannot hide, strike,
#: move or recolour text, and only without attributes.
SAFE_INLINE = frozenset({"em", "strong", "b", "i", "u", "code", "mark", "small", "sub", "sup", "q", "cite", "abbr",
                         "span", "br", "wbr"})
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_TAG_START = re.compile(r"<[A-Za-z!?/]")
#: a Markdown/CommonMark autolink: "<https://example.org>", "<mailto:a@b.org>"
_QUOTES = regex.compile(r"(?<!\\)[\"\p{Pi}\p{Pf}「」『』]")  # not an escaped \" (a stray backslash shows)
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
_BIDI_OVERRIDE = re.compile("[\u202d\u202e]")  # LRO, RLO: draw the following text mirrored
_URL_NOISE = re.compile(r"[\x00-\x20]+")


#: Attributes whose value is text for readers: the translation translates it (its presence must match).
TRANSLATABLE_ATTRS = frozenset({"title", "alt", "aria-label", "aria-description", "placeholder", "label"})


#: Markdown that turns a sentence into another block, or into nothing: a link reference definition
#: ("[text]: #" is not shown at all), or a line that starts a heading, quote, list, rule, table, fence or
#: code block after a line break the translation added.
_MD_BLOCKS = (
    ("a Markdown link reference definition (its text is not shown)", re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.M)),
    ("a line starting a Markdown block (heading, quote, list, rule, table, fence or code)",
     re.compile(r"\n(?: {0,3}(?:#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|[=\-_*]{2,}\s*$|\||```|~~~)"
                r"| {4,}\S|\t)", re.M)),
)


def _attrs(raw: str) -> tuple[tuple[str, str], ...]:
    """A tag's attributes as sorted (name, value) pairs: names lower-cased, values with entities decoded
    (``*`` for the value of a translatable attribute such as ``title`` or ``alt``)."""
    out = []
    if not raw.isascii():
        raw = unicodedata.normalize("NFKC", raw)  # "…" is "...": a quoted "<a rel=… …>" is the same text
    for m in _ATTR.finditer(raw):
        name = m.group(1).lower()
        value = "*" if name in TRANSLATABLE_ATTRS else html.unescape(next((g for g in m.groups()[1:]
                                                                           if g is not None), ""))
        out.append((name, value))
    return tuple(sorted(out))


def _start_tags(text: str) -> Counter:
    """Multiset of (name, attributes) of the start and void tags of ``text``."""
    return Counter((m.group(2).lower(), _attrs(m.group(3))) for m in _TAG.finditer(text) if not m.group(1))


def _shown(tag: str) -> str:
    """A tag as reported: cut to 60 characters."""
    return tag if len(tag) <= 60 else tag[:57] + "..."


def _added_tags(source: str, target: str, langs: tuple[str, ...]) -> list[str]:
    """The start tags of ``target`` that ``source`` does not have, beyond plain emphasis without attributes."""
    out: list[str] = []
    allowed = _start_tags(source)
    if langs:
        allowed = Counter({(n, tuple((k, _lang_free(v, langs)) for k, v in a)): c for (n, a), c in allowed.items()})
    for m in _TAG.finditer(target):
        if m.group(1):
            continue
        name, attrs = m.group(2).lower(), _attrs(m.group(3))
        if langs:  # a link to the same page in the translation's language ("/en/" -> "/fr/")
            attrs = tuple((k, _lang_free(v, langs)) for k, v in attrs)
        if allowed[(name, attrs)] > 0:
            allowed[(name, attrs)] -= 1
        elif name not in SAFE_INLINE or attrs:
            out.append(_shown(m.group(0)))
    return out


def _unfinished_tags(source: str, target: str) -> list[str]:
    """Each ``<`` of ``target`` that starts no whole tag, comment or autolink the source has."""
    out: list[str] = []
    tags = {m.start() for m in _TAG.finditer(target)}
    autolinks = Counter(_AUTOLINK.findall(source))
    for m in _TAG_START.finditer(target):
        if m.start() in tags or target.startswith("<!--", m.start()):
            continue
        link = _AUTOLINK.match(target, m.start())
        if link and autolinks[link.group(0)] > 0:
            autolinks[link.group(0)] -= 1  # "<https://…>" as in the source: a link, not a tag
            continue
        out.append(f"an unfinished tag {target[m.start():m.start() + 20]!r}")
    return out


def _added_html(source: str, target: str, langs: tuple[str, ...]) -> list[str]:
    """Tags, comments and unfinished tags ``target`` adds to ``source``."""
    out = _added_tags(source, target, langs)
    if target.count("<!--") - source.count("<!--") > 0:
        out.append("an HTML comment (<!--)")
    return out + _unfinished_tags(source, target)


def _added_blocks(source: str, target: str) -> list[str]:
    """The kinds of Markdown block line (and link definition) ``target`` has more of than ``source``."""
    return [kind for kind, rx in _MD_BLOCKS if len(rx.findall(target)) > len(rx.findall(source))]


def added_markup(source: str, target: str, langs: tuple[str, ...] = ()) -> list[str]:
    """What the translation adds that could hide or change what readers see, one description each.

    A start tag is allowed when the source has the same tag with the same
    attributes, or when it is plain emphasis (:data:`SAFE_INLINE`) without
    attributes. Comments, processing instructions and tags that never end
    are reported, and so are bidi overrides (U+202D, U+202E) the source has not.

    >>> added_markup('Read the <a href="/g">guide</a>.', 'Lea la <a href="/g">guía</a>, <em>ya</em>.')
    []
    >>> added_markup('Do not mix.', '<span hidden>No</span> mezcle.')
    ['<span hidden>']
    >>> added_markup('<img src="m.svg" alt="A moon">', '<img src="m.svg" alt="Una luna">')
    []
    """
    out: list[str] = []
    if "<" in target:
        out += _added_html(source, target, langs)
    if "\n" in target or "]:" in target:
        out += _added_blocks(source, target)
    if _BIDI_OVERRIDE.search(target) and len(_BIDI_OVERRIDE.findall(target)) > len(_BIDI_OVERRIDE.findall(source)):
        out.append("a bidi override character (U+202D/U+202E: the text after it is drawn mirrored)")
    return out


def tag_events(text: str) -> list[tuple[str, str]]:
    """``("open"|"close"|"void", name)`` for each HTML tag of ``text``."""
    return list(_tag_events(text))


@lru_cache(maxsize=16384)
def _tag_events(text: str) -> tuple[tuple[str, str], ...]:
    if "<" not in text:
        return ()
    out = []
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if name in _VOID or m.group(4):
            out.append(("void", name))
        else:
            out.append(("close" if m.group(1) else "open", name))
    return tuple(out)


def _structure(events: list[tuple[str, str]]) -> tuple[Counter, bool]:
    """(multiset of tag paths, well-formed?)."""
    stack: list[str] = []
    paths: Counter = Counter()
    ok = True
    for kind, name in events:
        if kind == "open":
            stack.append(name)
            paths["/".join(stack)] += 1
        elif kind == "void":
            paths["/".join([*stack, name])] += 1
        elif stack and stack[-1] == name:
            stack.pop()
        else:
            ok = False
            if name in stack:
                while stack and stack.pop() != name:
                    pass
    return paths, ok and not stack


def urls(text: str) -> Counter:
    """Every URL of ``text``: attributes, Markdown link targets, bare URLs."""
    found: Counter = Counter()
    if "<" in text:
        for m in _TAG.finditer(text):
            for a in _ATTR_URL.finditer(m.group(3)):
                found[next(g for g in a.groups() if g is not None)] += 1
    if "](" in text:
        for m in _MD_LINK.finditer(text):
            found[m.group(1)] += 1
    if "://" in text:
        stripped = _MD_LINK.sub(" ", _TAG.sub(" ", text))
        for m in _BARE_URL.finditer(stripped):
            found[m.group(0)] += 1
    return found


_FORMAT_FLAGS = frozenset(("c-format", "python-format", "python-brace-format", "perl-format", "php-format",
                           "sh-format", "javascript-format"))


def placeholders(text: str, flags: list[str]) -> tuple[list[str], Counter]:
    """(ordered unnamed printf placeholders, multiset of the named/positional/brace ones)."""
    ordered, named = _placeholders(text, not _FORMAT_FLAGS.isdisjoint(flags), "no-python-brace-format" not in flags)
    return list(ordered), Counter(named)


@lru_cache(maxsize=65536)
def _placeholders(text: str, formatted: bool, braces: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The placeholders of ``text`` in order: (unnamed printf ones, named/positional/brace ones).

    Once per text and flags (a msgid recurs in every locale's catalog).
    """
    ordered: list[str] = []
    named: list[str] = []
    if "%" in text:
        for m in (_PRINTF if formatted else _PRINTF_SAFE).finditer(text):
            tok = m.group(0)
            if tok == "%%":
                continue
            if m.group(1) or m.group(2):
                named.append(tok)
            else:
                ordered.append(tok)
    if braces and "{" in text:
        named += ["{" + g + "}" for g in _BRACE.findall(text)]
    return tuple(ordered), tuple(named)


def unsafe_html(text: str) -> Counter:
    """How many times each kind of unsafe HTML occurs in ``text``.

    URLs in attributes are read as a browser reads them: entities decoded
    (``JaVa&#83;cript:``, ``javascript&colon;``), tabs, newlines and control
    characters dropped (``java&#x09;script:``).
    """
    c: Counter = Counter()
    if "<" in text or ":" in text:
        for kind, rx in _UNSAFE.items():
            n = len(rx.findall(text))
            if n:
                c[kind] = n
    if "<" in text and "&" in text:
        hidden = 0
        for m in _TAG.finditer(text):
            if "&" in m.group(3):
                decoded = _URL_NOISE.sub("", html.unescape(m.group(3))).lower()
                if ("javascript:" in decoded or "vbscript:" in decoded or "data:text/html" in decoded) and \
                        not _UNSAFE["javascript: URL"].search(m.group(3)):
                    hidden += 1
        if hidden:
            c["javascript: URL"] += hidden
    return c


_MARKDOWN_FILES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")


def _md_ref(refs) -> bool:
    return any(path.split("#", 1)[0].lower().endswith(_MARKDOWN_FILES) for path, _line in refs)


def markdown_source(entry: polib.POEntry, ctx: CatalogContext | None = None) -> bool:
    """Whether the entry's source text is Markdown: its template came from a Markdown file.

    A template records where it came from: ``#:`` references to ``.md`` files, and l10n's header comment
    ("Template of x.md"). A catalog of program strings (references to ``.py``, ``.html``, ``.js``...) has no
    Markdown: a backtick there is a quote, an asterisk a character. An entry without references follows its
    catalog: Markdown when the catalog's header or another entry names a Markdown file, or when the catalog
    is not known (a check called on its own); a foreign catalog without any reference or header is not.
    """
    refs = entry.occurrences
    if refs:
        return _md_ref(refs)
    po = getattr(ctx, "catalog", None) if ctx is not None else None
    if po is None:
        return True
    return ctx.memo(("markdown-catalog",), lambda: _catalog_markdown(po))


def _catalog_markdown(po: Any) -> bool:
    header = (getattr(po, "header", "") or "").lower()
    if any(ext + ":" in header or ext + " " in header or header.rstrip().endswith(ext) for ext in _MARKDOWN_FILES):
        return True
    any_refs = False
    for e in po:
        if e.occurrences:
            any_refs = True
            if _md_ref(e.occurrences):
                return True
    return not any_refs and not header.strip() and not _foreign(po)


def _foreign(po: Any) -> bool:
    """A catalog that names a program's tool chain rather than l10n (Transifex, Weblate, Django's own)."""
    meta = getattr(po, "metadata", {}) or {}
    gen = (meta.get("X-Generator", "") + meta.get("Project-Id-Version", "")).lower()
    return bool(gen) and "l10n" not in gen and "test" not in gen


def _unpaired_extra(extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The extra tags of a translation without the plain emphasis (:data:`SAFE_INLINE`) it adds as whole
    elements: French "{}<sup>e</sup>" for "{}th" is typography; a lone "</em>" is still reported. (Added
    attributes and other tags are L10N606's.)"""
    c = Counter(extra)
    for kind, name in list(c):
        if kind == "open" and name in SAFE_INLINE:
            n = min(c[("open", name)], c[("close", name)])
            c[("open", name)] -= n
            c[("close", name)] -= n
        elif kind == "void" and name in SAFE_INLINE:
            c[(kind, name)] = 0
    return sorted(c.elements())


_LANG_SEGMENT = re.compile(r"(?<=/)([a-z]{2,3})(?:[-_]([a-z]{2,4}))?(?=/)", re.IGNORECASE)


def _lang_free(url: str, langs: tuple[str, ...]) -> str:
    """``url`` with a path segment naming one of ``langs`` ("/en/", "/fr/", "/pt-br/") made neutral."""
    return _LANG_SEGMENT.sub(lambda m: "{lang}" if m.group(1).lower() in langs else m.group(0), url)


def _localised_links(miss: list[str], extra: list[str], ctx: CatalogContext | None) -> tuple[list[str], list[str]]:
    """``miss`` and ``extra`` without the pairs that are one link localised: the same URL with the source's
    language segment replaced by the translation's ("docs/en/5.2/" -> "docs/fr/5.2/")."""
    if not miss or not extra or ctx is None:
        return miss, extra
    langs = (ctx.source_lang, ctx.lang)
    extra = list(extra)
    kept = []
    for u in miss:
        key = _lang_free(u, langs)
        twin = next((x for x in extra if x != u and _lang_free(x, langs) == key and key != u), None)
        if twin is None:
            kept.append(u)
        else:
            extra.remove(twin)
    return kept, extra


def _diff(src: Counter, tgt: Counter) -> tuple[list[str], list[str]]:
    return sorted((src - tgt).elements()), sorted((tgt - src).elements())


def _forms(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs: plural form 0 against msgid, others against msgid_plural."""
    if entry.msgid_plural:
        return [(entry.msgid if k == 0 else entry.msgid_plural, v) for k, v in sorted(entry.msgstr_plural.items())]
    return [(entry.msgid, entry.msgstr)]


def _drop_quoted_q(miss: list[tuple[str, str]], src: str, tgt: str) -> None:
    """Take out of ``miss`` the ``<q>`` pairs written as quotation marks: "<q>x</q>" written "«x»", '"x"',
    "„x“" (the marks a browser would draw)."""
    if miss and _QUOTES.search(tgt) and not _QUOTES.search(src):
        n = min(miss.count(("open", "q")), miss.count(("close", "q")))
        for _ in range(n):
            miss.remove(("open", "q"))
            miss.remove(("close", "q"))


def _tag_list(events: list[tuple[str, str]]) -> str:
    return " ".join(f"<{'/' if k == 'close' else ''}{n}>" for k, n in events)


def _tags_differ(src: str, tgt: str) -> str | None:
    """How the inline tags of ``tgt`` differ from those of ``src``, or None."""
    s, t = Counter(_tag_events(src)), Counter(_tag_events(tgt))
    if s == t:
        return None
    miss, extra = _diff(s, t)
    extra = _unpaired_extra(extra)
    _drop_quoted_q(miss, src, tgt)
    if not miss and not extra:
        return None  # only plain emphasis added, opened and closed ("{}<sup>e</sup>")
    parts = []
    if miss:
        parts.append("missing " + _tag_list(miss))
    if extra:
        parts.append("extra " + _tag_list(extra))
    return "tags differ from the source: " + "; ".join(parts)


def _markdown_differs(src: str, tgt: str) -> str | None:
    """How the Markdown markup of ``tgt`` differs from that of ``src``, or None."""
    s2 = Counter(_MD_TOKENS.findall(_TAG.sub("", src)))
    t2 = Counter(_MD_TOKENS.findall(_TAG.sub("", tgt)))
    if s2 == t2:
        return None
    miss, extra = _diff(s2, t2)
    return ("Markdown markup differs from the source:" + (f" missing {' '.join(miss)}" if miss else "")
            + (f" extra {' '.join(extra)}" if extra else ""))


@check("L10N601", "markup", Severity.ERROR, when=("markup",))
def markup(entry: polib.POEntry, ctx: CatalogContext):
    """The translation does not have the same inline tags and Markdown markup as the source."""
    for src, tgt in _forms(entry):
        if "<" in src or "<" in tgt:
            why = _tags_differ(src, tgt)
            if why is not None:
                yield why
        if any(c in src or c in tgt for c in "*_`[") and markdown_source(entry, ctx):
            why = _markdown_differs(src, tgt)
            if why is not None:
                yield why


@check("L10N602", "nesting", Severity.ERROR, when=("target-tag",))
def nesting(entry: polib.POEntry, ctx: CatalogContext):
    """The translation's tags are not nested as in the source (or not closed)."""
    for src, tgt in _forms(entry):
        if "<" not in tgt:
            continue
        s_paths, s_ok = _structure(_tag_events(src))
        t_events = _tag_events(tgt)
        t_paths, t_ok = _structure(t_events)
        if s_ok and not t_ok:
            yield "tags are not properly nested or closed"
        elif s_ok and Counter(t_events) == Counter(_tag_events(src)) and s_paths != t_paths:
            yield "tags are nested differently from the source"


@check("L10N603", "url-changed", Severity.ERROR, when=("url",))
def url_changed(entry: polib.POEntry, ctx: CatalogContext):
    """A link URL differs from the source (changed, dropped or added)."""
    for src, tgt in _forms(entry):
        if not any(k in src or k in tgt for k in ("href", "src", "](", "://")):
            continue
        s, t = urls(src), urls(tgt)
        if s != t:
            miss, extra = _diff(s, t)
            miss, extra = _localised_links(miss, extra, ctx)
            if not miss and not extra:
                continue
            if miss and extra:
                yield f"URL {miss[0]!r} changed to {extra[0]!r}"
            elif miss:
                yield f"URL {miss[0]!r} missing"
            else:
                yield f"URL {extra[0]!r} added"


@check("L10N604", "placeholders", Severity.ERROR, suppressible=False, when=("placeholder",))
def placeholder_mismatch(entry: polib.POEntry, ctx: CatalogContext):
    """Printf, Python or brace placeholders differ from the source (the program would crash)."""
    plural = bool(entry.msgid_plural)
    if plural:  # every form may use what either source form has (the same arguments are passed to all)
        _o, both = placeholders(entry.msgid + " " + entry.msgid_plural, entry.flags)
    for src, tgt in _forms(entry):
        if "%" not in src and "{" not in src and "%" not in tgt and "{" not in tgt:
            continue
        so, sn = placeholders(src, entry.flags)
        to, tn = placeholders(tgt, entry.flags)
        # a named placeholder may be used any number of times ("%(name)s", "{name}" are looked up by name):
        # only one missing or unknown matters
        sn, tn = Counter(set(sn)), Counter(set(tn))
        if sn != tn:
            miss, extra = _diff(sn, tn)
            if plural:
                # a form may leave out a named argument (Hebrew "שעה" is "one hour", no number), and may use
                # one of the other source form ("%(count)s minuto" for "a minute ago" where one form serves 1
                # and 21): only a name neither source form has would crash
                miss = [p for p in miss if not p.startswith("%(")]
                extra = sorted((Counter(extra) - both).elements())
                if not miss and not extra:
                    continue
            yield ("placeholders differ:" + (f" missing {' '.join(miss)}" if miss else "")
                   + (f" extra {' '.join(extra)}" if extra else ""))
        if so != to and not (entry.msgid_plural and not to):
            yield f"unnamed placeholders differ: source {' '.join(so) or 'none'}, translation {' '.join(to) or 'none'}"


@check("L10N605", "unsafe-html", Severity.CRITICAL, suppressible=False, when=("target-html",))
def unsafe(entry: polib.POEntry, ctx: CatalogContext):
    """The translation contains unsafe HTML: script, event handler, javascript: URL, iframe."""
    for src, tgt in _forms(entry):
        t = unsafe_html(tgt)
        if not t:
            continue
        extra = t - unsafe_html(src)
        for kind in sorted(extra):
            yield f"unsafe HTML in the translation: {kind}"


@check("L10N606", "markup-added", Severity.ERROR, suppressible=False, when=("target-markup",))
def markup_added(entry: polib.POEntry, ctx: CatalogContext):
    """The translation adds HTML or Markdown that could hide or change what readers see (a tag beyond plain
    emphasis, an attribute, a comment, an unfinished tag, a bidi override, a Markdown link definition or block
    line); it is never published.

    A translator may add ``<em>``, ``<strong>`` and other plain emphasis; any
    other tag, or any attribute, must be in the source. ``<span hidden>No</span>``
    would hide a negation from readers while the checks still see it, an open
    ``<details>`` or ``<noscript>`` would swallow the disclaimer after it.
    """
    for src, tgt in _forms(entry):
        if "<" in tgt or "\u202d" in tgt or "\u202e" in tgt or "\n" in tgt or "]:" in tgt:
            for what in added_markup(src, tgt, (ctx.source_lang, ctx.lang)):
                yield f"the translation adds {what}, which its source does not have"
