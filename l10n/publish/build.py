"""Localised copies: a document plus a catalog gives the text to publish.

Pure: :func:`build_document` takes a segmented :class:`~l10n.model.Document`,
its locale catalog and the publishing policy and returns a
:class:`CopyBuild` holding the files' bytes, the figures for the manifest and
the reasons (``problems``) that forbid publishing it. Nothing here reads or
writes files; :mod:`l10n.publish.pipeline` does.

Formats: each document format publishes its copy (:mod:`l10n.formats.documents`,
given the page helpers as :data:`PAGE_KIT`):

* Markdown gives ``<doc>.md`` and a standalone ``<doc>.html`` page rendered
  with markdown-it-py, whose heading ids are the *source* headings' slugs so
  that in-page contents links keep working in every language;
* HTML gives ``<doc>.html`` (the source page with ``lang``, ``dir`` and
  ``<meta charset="utf-8">`` set);
* plain text gives ``<doc>.txt`` and a ``<doc>.html`` page;
* Word gives ``<doc>.docx`` and a ``<doc>.html`` page.

Every safety disclaimer is wrapped in an element marked
``data-disclaimer="<id>"``; the standard safety notices (``standard: true`` in
the glossary) end every copy in an ``<aside data-disclaimer="<id>" role="note">``
(a final paragraph in Markdown). When unreviewed machine translation is
shown, a sentence in the page's language says so at the top. Machine
translation the caller withholds (``withhold``: it failed a check that
blocks publishing) is not shown: its segment falls back to the source text.
Every HTML fragment that goes into a page, from the source article or a
translation, passes the allow-list sanitiser (:mod:`l10n.pages.sanitize`):
no script, event handler, ``javascript:`` URL or embedded frame is published,
and a copy with nothing unsafe is published byte for byte as rendered. Every
HTML page is re-parsed with lxml (no network, no entities); broken markup is a
problem, never a page.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import polib
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from l10n.errors import L10nError
from l10n.formats.xmlsafe import html_parser
from l10n.locales import PSEUDO_LOCALES, direction, to_bcp47
from l10n.model import DISCLAIMER_PREFIX, Document, Segment
from l10n.publish.policy import EntryState, PublishPolicy, entry_state, published_text
from l10n.pages.sanitize import sanitize_fragment, sanitize_markdown, sanitize_page
from l10n.publish.notices import MT_NOTICE, mt_notice
from l10n.render import render_document

__all__ = ["MT_NOTICE", "CopyBuild", "Notice", "build_document", "disclaimer_texts", "external_stylesheets",
           "github_slug", "inspectable_page", "markdown_to_html", "mt_notice", "page_problems", "page_stylesheets",
           "sha256_text", "strip_css_comments", "visible_text"]

_ATTR_KINDS = {"alt", "title", "meta"}

_STYLE = """body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic",sans-serif;\
max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1b1b1b}
[data-l10n-notice]{background:#fff4ce;border:1px solid #c9a800;padding:.6rem 1rem}
aside[data-disclaimer]{margin-top:2rem;border-inline-start:4px solid #0b6e4f;background:#eef7f2;padding:.6rem 1rem}
img{max-width:100%;height:auto}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3rem .6rem}"""


def sha256_text(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fold(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Notice:
    """A standard safety notice for one locale: its id, English text and approved translation."""

    id: str
    source: str
    text: str | None


@dataclass(frozen=True)
class CopyBuild:
    """The localised copy of one document in one locale, ready to write (or refused).

    ``files`` maps a file name relative to ``dist/<locale>/`` to its bytes;
    ``disclaimers`` maps each disclaimer id to its published visible text and
    ``disclaimer_sources`` to the English visible text; ``assets`` lists the
    relative paths of referenced images (relative to the document's folder).
    ``withheld`` maps the key ``(msgctxt, msgid)`` of each unreviewed machine
    translation that was not published (a check that blocks publishing failed
    on it; its segment shows the source text) to those findings, as
    ``path:line: CODE message`` strings.
    """

    document: str
    domain: str
    locale: str
    files: Mapping[str, bytes]
    completeness: float
    machine_share: float
    counts: Mapping[str, int]
    disclaimers: Mapping[str, str]
    disclaimer_sources: Mapping[str, str]
    standard: tuple[str, ...] = ()
    disclaimer_ids: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    published: Mapping[tuple[str | None, str], str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    withheld: Mapping[tuple[str | None, str], tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the copy may be published."""
        return not self.problems


def github_slug(text: str, seen: dict[str, int]) -> str:
    """GitHub's anchor for a heading's plain text, unique within ``seen``.

    >>> seen = {}
    >>> github_slug("What is Kratom?", seen), github_slug("What is Kratom?", seen)
    ('what-is-kratom', 'what-is-kratom-1')
    """
    slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
    if slug in seen:
        seen[slug] += 1
        slug = f"{slug}-{seen[slug]}"
    else:
        seen[slug] = 0
    return slug


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _headings(tokens) -> list[tuple[int, str]]:
    return [(i, _inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


def markdown_to_html(text: str, source: str) -> tuple[str, str]:
    """Render localised Markdown to HTML; heading ids are the slugs of ``source``'s headings.

    Returns ``(body_html, first_heading_text)``.
    :raises L10nError: the copy does not have the source's headings (markup was broken).
    """
    md = _md()
    tokens = md.parse(text)
    target = _headings(tokens)
    origin = _headings(md.parse(source))
    if len(target) != len(origin):
        raise L10nError(f"the copy has {len(target)} headings where the source has {len(origin)} "
                        "(a translation broke the Markdown structure)")
    seen: dict[str, int] = {}
    for (i, _), (_, src_text) in zip(target, origin):
        tokens[i].attrSet("id", github_slug(src_text, seen))
    title = target[0][1] if target else ""
    return md.renderer.render(tokens, md.options, {}), title


def visible_text(fragment: str, fmt: str) -> str:
    """The visible text of a segment's markup (Markdown inline, HTML or plain), whitespace folded."""
    from l10n.formats.documents import get

    inline = get(fmt).inline  # the inline markup its format uses
    if inline == "markdown":
        fragment = _md().renderInline(fragment)
    elif inline != "html":
        return _fold(fragment)
    try:
        el = lxml_html.fragment_fromstring(fragment or " ", create_parent="div", parser=html_parser())
    except (etree.ParserError, ValueError):
        return _fold(html.unescape(re.sub(r"<[^>]*>", "", fragment)))
    return _fold(el.text_content())


def _notice_html(n: Notice, tag: str = "aside") -> str:
    role = ' role="note"' if tag == "aside" else ""
    return f'<{tag} data-disclaimer="{html.escape(n.id)}"{role}>{html.escape(n.text or "")}</{tag}>'


def _page(locale: str, title: str, body: str, *, banner: str, notices: list[Notice]) -> str:
    parts = ["<!DOCTYPE html>",
             f'<html lang="{to_bcp47(locale)}" dir="{direction(locale)}">',
             "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{html.escape(title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>"]
    if banner:
        parts.append(banner)
    parts.append("<main>")
    parts.append(body.rstrip("\n"))
    parts.append("</main>")
    parts.extend(_notice_html(n) for n in notices)
    parts.extend(["</body>", "</html>", ""])
    return "\n".join(parts)


def _banner_html(locale: str) -> str:
    return f'<p data-l10n-notice="machine-translation" role="note">{html.escape(mt_notice(locale))}</p>'


_HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
_HEAD_TAG = re.compile(r"<head\b[^>]*>", re.I)
_BODY_TAG = re.compile(r"<body\b[^>]*>", re.I)
_META_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[^\"'\s>]*[\"']?\s*/?>", re.I)
_META_CT = re.compile(r"<meta\s+http-equiv\s*=\s*[\"']?content-type[\"']?[^>]*>", re.I)


def _decorate_html(text: str, locale: str, *, banner: str, notices: list[Notice], name: str) -> str:
    """Set lang/dir/charset on a full HTML page; add the banner and the notices."""
    m = _HTML_TAG.search(text)
    if m is None:  # a fragment: wrap it in our page
        return _page(locale, "", text, banner=banner, notices=notices)
    attrs = dict(re.findall(r"([^\s=/<>\"']+)\s*=\s*\"([^\"]*)\"", m.group(0)[5:]))
    attrs.update(re.findall(r"([^\s=/<>\"']+)\s*=\s*'([^']*)'", m.group(0)[5:]))
    attrs["lang"] = to_bcp47(locale)
    attrs["dir"] = direction(locale)
    start = "<html" + "".join(f' {k}="{html.escape(html.unescape(v))}"' for k, v in attrs.items()) + ">"
    text = text[:m.start()] + start + text[m.end():]
    text = _META_CT.sub("", text)
    if _META_CHARSET.search(text):
        text = _META_CHARSET.sub('<meta charset="utf-8">', text, count=1)
    elif (h := _HEAD_TAG.search(text)) is not None:
        text = text[:h.end()] + '\n<meta charset="utf-8">' + text[h.end():]
    else:
        pos = _HTML_TAG.search(text).end()
        text = text[:pos] + '\n<head><meta charset="utf-8"></head>' + text[pos:]
    if banner:
        b = _BODY_TAG.search(text)
        if b is None:
            raise L10nError("the page has no <body> to carry the machine-translation notice", path=name)
        text = text[:b.end()] + "\n" + banner + text[b.end():]
    if notices:
        end = text.lower().rfind("</body>")
        if end < 0:
            end = text.lower().rfind("</html>")
        if end < 0:
            end = len(text)
        text = text[:end] + "\n".join(_notice_html(n) for n in notices) + "\n" + text[end:]
    return text


def page_problems(data: bytes, name: str) -> tuple[list[str], etree._Element | None]:
    """Re-parse an HTML page with lxml (no network, no entities); the markup errors found."""
    from l10n.formats.xmlsafe import parse_html  # refuses DTDs and entities

    try:
        parse_html(data, name)
    except L10nError as exc:
        return [f"{name}: {exc.message}"], None
    parser = html_parser()
    root = lxml_html.document_fromstring(data, parser=parser)
    errors = [f"{name}:{e.line}: broken markup: {e.message}" for e in parser.error_log
              if e.level >= etree.ErrorLevels.ERROR and e.type_name != "HTML_UNKNOWN_TAG"]
    return errors, root


def inspectable_page(name: str, data: bytes) -> bytes | None:
    """The HTML to inspect for a published file: the page itself, a Markdown copy rendered, or None."""
    from l10n.formats.documents import view_of

    return view_of(name, data)


_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_CSS_IMPORT = re.compile(r"@import\s+(?:url\(\s*)?[\"']?([^\"')\s;]*)", re.I)


def strip_css_comments(css: str) -> str:
    """CSS text without its ``/* comments */``."""
    return _CSS_COMMENT.sub(" ", css)


def external_stylesheets(root: etree._Element) -> list[str]:
    """Every external stylesheet a page loads: ``<link rel=stylesheet>`` hrefs and ``@import`` URLs (sorted)."""
    out: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "link" and "stylesheet" in (el.get("rel") or "").lower().split():
            out.add(el.get("href") or "")
        elif tag == "style":
            out.update(_CSS_IMPORT.findall(strip_css_comments(el.text or "")))
    return sorted(out)


def page_stylesheets(name: str, data: bytes) -> list[str]:
    """:func:`external_stylesheets` of a published file (empty for files that are not pages)."""
    page = inspectable_page(name, data)
    if page is None:
        return []
    try:
        root = lxml_html.document_fromstring(page, parser=html_parser())
    except (etree.ParserError, ValueError):
        return []
    return external_stylesheets(root)


def disclaimer_texts(root: etree._Element) -> dict[str, list[str]]:
    """Visible text of every ``data-disclaimer`` element, by id (a list: ids may repeat)."""
    out: dict[str, list[str]] = {}
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("data-disclaimer"):
            out.setdefault(el.get("data-disclaimer"), []).append(_fold(el.text_content()))
    return out


def _wrap(seg: Segment, did: str, text: str, fmt: str) -> str:
    from l10n.formats.documents import get

    if seg.kind in _ATTR_KINDS or not get(fmt).marks_disclaimers:
        return text
    return f'<span data-disclaimer="{html.escape(did)}">{text}</span>'


@dataclass(frozen=True, slots=True)
class PageKit:
    """The page helpers a format's ``publish`` uses (passed in: formats do not import the build)."""

    page: Callable[..., str]
    banner: Callable[[str], str]
    mt_notice: Callable[[str], str]
    markdown_to_html: Callable[[str, str], tuple[str, str]]
    decorate_html: Callable[..., str]
    sanitize_markdown: Callable[[str], str]
    sanitize_fragment: Callable[[str], str]
    sanitize_page: Callable[[str], str]
    md_assets: Callable[[str], list[str]]
    html_assets: Callable[[str], list[str]]


def build_document(doc: Document, po: polib.POFile, *, locale: str, policy: PublishPolicy,
                   disclaimer_of: Callable[[Segment], str | None] = lambda s: s.disclaimer_id,
                   approved: Callable[[str], str | None] = lambda did: None,
                   notices: tuple[Notice, ...] = (),
                   is_mt: Callable[[polib.POEntry], bool] = lambda e: False,
                   required: tuple[str, ...] = (),
                   withhold: Mapping[tuple[str | None, str], tuple[str, ...]] | None = None) -> CopyBuild:
    """Build the localised copy of ``doc`` in ``locale`` from its catalog ``po``.

    :param disclaimer_of: the disclaimer id of a segment (the glossary matches by text).
    :param approved: the approved translation of a disclaimer id in this locale, if any.
    :param notices: the standard safety notices that end every copy.
    :param is_mt: whether a fuzzy entry is unreviewed machine translation.
    :param required: disclaimer ids the document must carry (the glossary's ``documents``); one that
        the document or its catalog lacks (the source sentence was edited) forbids publishing.
    :param withhold: ``(msgctxt, msgid)`` of unreviewed machine translations not to publish, with the
        findings that say why: their segments fall back to the source text (counted as
        ``withheld``, against the completeness threshold), the rest of the copy is published.
    """
    keys = _segment_keys(doc, disclaimer_of)
    problems = _required_problems(doc, po, keys, required)
    tr = _translate(keys, po, locale=locale, policy=policy, is_mt=is_mt, approved=approved, withhold=withhold or {})
    problems.extend(tr.problems)
    total = len(keys)
    completeness = round(len(tr.table) / total, 4) if total else 1.0
    machine_share = round(tr.machine / total, 4) if total else 0.0
    if completeness < policy.completeness_threshold:
        held = (f" ({len(tr.withheld)} machine-translated segment(s) withheld because they failed checks)"
                if tr.withheld else "")
        problems.append(f"{completeness:.0%} translated{held}, below the completeness threshold "
                        f"{policy.completeness_threshold:.0%}")
    problems.extend(f"the standard safety notice {n.id!r} has no approved translation for {locale}"
                    for n in notices if not n.text)

    def lookup(seg: Segment) -> str | None:
        did = seg.disclaimer_id or disclaimer_of(seg)
        text = tr.table.get(_key(seg, did))
        if text is None or not did:
            return text
        return _wrap(seg, did, text, doc.fmt)

    expected, sources = _expected_disclaimers(keys, tr.table, notices, doc.fmt)
    files, assets, render_problems = _render_copy(doc, lookup, locale=locale, machine=tr.machine > 0,
                                                  notices=notices, expected=expected)
    problems.extend(render_problems)
    return CopyBuild(document=doc.name, domain=doc.domain, locale=locale, files=files,
                     completeness=completeness, machine_share=machine_share, counts=tr.counts,
                     disclaimers=expected, disclaimer_sources=sources,
                     standard=tuple(n.id for n in notices),
                     disclaimer_ids=tuple(sorted({d for _, d in keys.values() if d} | {n.id for n in notices})),
                     assets=tuple(sorted(set(assets))),
                     published=tr.table, problems=tuple(problems), withheld=tr.withheld)


_Key = tuple[str | None, str]


def _key(seg: Segment, did: str | None) -> _Key:
    """The catalog key of a segment: a disclaimer's entry has its own context."""
    return (f"{DISCLAIMER_PREFIX}{did}" if did else seg.msgctxt, seg.source)


def _segment_keys(doc: Document, disclaimer_of: Callable[[Segment], str | None]
                  ) -> dict[_Key, tuple[Segment, str | None]]:
    """The distinct catalog keys of a document, each with its first segment and disclaimer id (in order)."""
    keys: dict[_Key, tuple[Segment, str | None]] = {}
    for seg in doc.segments:
        did = seg.disclaimer_id or disclaimer_of(seg)
        keys.setdefault(_key(seg, did), (seg, did))
    return keys


def _required_problems(doc: Document, po: polib.POFile, keys: Mapping[_Key, tuple[Segment, str | None]],
                       required: tuple[str, ...]) -> list[str]:
    """A disclaimer the glossary requires that the document, or its catalog, does not carry."""
    carried = {did for _, did in keys.values() if did}
    in_catalog = {e.msgctxt[len(DISCLAIMER_PREFIX):] for e in po
                  if not e.obsolete and e.msgctxt and e.msgctxt.startswith(DISCLAIMER_PREFIX)}
    return [f"document {doc.name} must carry disclaimer {did!r}, but "
            + ("its catalog has no entry for it" if did in carried else
               "neither the document nor its catalog has it (was the sentence edited?)")
            for did in sorted(set(required)) if did not in carried or did not in in_catalog]


@dataclass
class _Translation:
    """What a copy publishes: the text per key, the entries per state, the withheld machine translation."""

    table: dict[_Key, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: {s: 0 for s in (
        EntryState.TRANSLATED, EntryState.MACHINE, EntryState.FUZZY, EntryState.STALE, EntryState.UNTRANSLATED,
        EntryState.WITHHELD)})
    withheld: dict[_Key, tuple[str, ...]] = field(default_factory=dict)
    machine: int = 0
    problems: list[str] = field(default_factory=list)


def _translate(keys: Mapping[_Key, tuple[Segment, str | None]], po: polib.POFile, *, locale: str,
               policy: PublishPolicy, is_mt: Callable[[polib.POEntry], bool],
               approved: Callable[[str], str | None], withhold: Mapping[_Key, tuple[str, ...]]) -> _Translation:
    """Decide, per key, the text to publish (None: the source is shown) and what it says about disclaimers."""
    index = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete and e.msgid}
    out = _Translation()
    for key, (_seg, did) in keys.items():
        entry = index.get(key)
        state = entry_state(entry, is_mt) if entry is not None else EntryState.UNTRANSLATED
        text = published_text(entry, state, locale=locale, policy=policy) if entry is not None else None
        if text is not None and state == EntryState.MACHINE and key in withhold:
            text, state = None, EntryState.WITHHELD  # failed a check: the source text is shown instead
            out.withheld[key] = tuple(withhold[key])
        out.counts[state] += 1
        if did:
            out.problems.extend(_disclaimer_problems(did, text, entry, state, approved))
        if text is not None:
            out.table[key] = text
            if state == EntryState.MACHINE:
                out.machine += 1
    return out


def _disclaimer_problems(did: str, text: str | None, entry: polib.POEntry | None, state: str,
                         approved: Callable[[str], str | None]) -> list[str]:
    """A disclaimer must be published as a reviewed translation, in its approved wording when there is one."""
    if text is None:
        return [f"disclaimer {did!r} is {'missing from the catalog' if entry is None else state}; "
                "disclaimers must be reviewed translations"]
    if (ok := approved(did)) is not None and _fold(ok) != _fold(text):
        return [f"disclaimer {did!r} differs from its approved translation in the glossary"]
    return []


def _expected_disclaimers(keys: Mapping[_Key, tuple[Segment, str | None]], table: Mapping[_Key, str],
                          notices: tuple[Notice, ...], fmt: str) -> tuple[dict[str, str], dict[str, str]]:
    """The visible text each published disclaimer must show, and its English: ``(expected, sources)``."""
    expected: dict[str, str] = {}
    sources: dict[str, str] = {}
    for key, (seg, did) in keys.items():
        if did and key in table and seg.kind not in _ATTR_KINDS:
            expected[did] = visible_text(table[key], fmt)
            sources[did] = visible_text(seg.source, fmt)
    for n in notices:
        if n.text:
            expected[n.id] = _fold(n.text)
            sources[n.id] = _fold(n.source)
    return expected, sources


def _render_copy(doc: Document, lookup: Callable[[Segment], str | None], *, locale: str, machine: bool,
                 notices: tuple[Notice, ...], expected: Mapping[str, str]
                 ) -> tuple[dict[str, bytes], list[str], list[str]]:
    """Render and publish the copy in its format: ``(files, assets, problems)``; its page is re-parsed and
    every expected disclaimer must be marked in it and show its translation."""
    from l10n.formats.documents import PublishInput, get

    files: dict[str, bytes] = {}
    stem = doc.name.rsplit(".", 1)[0]
    try:
        localised = render_document(doc, lookup)
        good_notices = tuple(n for n in notices if n.text)
        out = get(doc.fmt).publish(PublishInput(doc, localised, locale, machine, good_notices, PAGE_KIT))
    except L10nError as exc:
        return files, [], [f"{doc.name}: cannot render: {exc.message}"]
    files.update(out.files)
    data = out.page.encode("utf-8")
    problems, root = page_problems(data, f"{locale}/{stem}.html")
    if root is not None:
        problems.extend(_rendered_disclaimer_problems(root, expected))
    files[f"{stem}.html"] = data
    return files, list(out.assets), problems


def _rendered_disclaimer_problems(root: etree._Element, expected: Mapping[str, str]) -> list[str]:
    found = disclaimer_texts(root)
    out = []
    for did, text in sorted(expected.items()):
        if did not in found:
            out.append(f"disclaimer {did!r} is not marked in the rendered page")
        elif any(t != text for t in found[did]):
            out.append(f"disclaimer {did!r} does not render as its translation")
    return out


def _relative_asset(url: str) -> str | None:
    if not url or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith(("/", "#", "//")):
        return None
    path = url.split("#", 1)[0].split("?", 1)[0]
    if not path or ".." in path.split("/"):
        return None
    return path


def _md_assets(text: str) -> list[str]:
    out = []
    for tok in _md().parse(text):
        for child in tok.children or ():
            if child.type == "image" and (p := _relative_asset(str(child.attrGet("src") or ""))):
                out.append(p)
        if tok.type in ("html_block",):
            out.extend(_html_assets(tok.content))
    return out


def _html_assets(text: str) -> list[str]:
    out = []
    for m in re.finditer(r"<(?:img|source|video|audio)\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']", text, re.I):
        if p := _relative_asset(html.unescape(m.group(1))):
            out.append(p)
    for m in re.finditer(r"<link\b[^>]*?\bhref\s*=\s*[\"']([^\"']+)[\"']", text, re.I):
        if p := _relative_asset(html.unescape(m.group(1))):
            out.append(p)
    return out


def is_pseudo(locale: str) -> bool:
    """True for pseudo-locales such as ``en_XA``."""
    return locale in PSEUDO_LOCALES


PAGE_KIT = PageKit(page=_page, banner=_banner_html, mt_notice=mt_notice, markdown_to_html=markdown_to_html,
                   decorate_html=_decorate_html, sanitize_markdown=sanitize_markdown,
                   sanitize_fragment=sanitize_fragment, sanitize_page=sanitize_page, md_assets=_md_assets,
                   html_assets=_html_assets)
