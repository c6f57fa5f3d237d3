"""The text formats: Markdown, HTML and plain text.

Each is read as UTF-8 and segmented by its parser in :mod:`l10n.segment`;
the localised text is what :func:`l10n.render.render_document` gives.

* Markdown gives ``<doc>.md`` and a standalone ``<doc>.html`` page rendered
  with markdown-it-py, whose heading ids are the *source* headings' slugs;
* HTML gives ``<doc>.html`` (the source page with ``lang``, ``dir`` and
  ``<meta charset="utf-8">`` set);
* plain text gives ``<doc>.txt`` and a ``<doc>.html`` page.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from l10n.formats.documents import DocFormat, Published, PublishInput, register
from l10n.model import Document
from l10n.segment import decode_source
from l10n.segment.html import segment_html
from l10n.segment.markdown import segment_markdown
from l10n.segment.plaintext import segment_plaintext

__all__ = ["HTML", "MARKDOWN", "PLAINTEXT"]


def _stem(doc: Document) -> str:
    return doc.name.rsplit(".", 1)[0]


def _source_text(doc: Document) -> str:
    return "".join(p if isinstance(p, str) else p.raw for p in doc.parts)


# -- Markdown ---------------------------------------------------------------------------------------------

def _load_md(data: bytes, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    return segment_markdown(decode_source(data, name), name, unit=unit, lang=lang)


def _escape_md(value: str, kind: str, before: str) -> str:
    if kind == "title":
        return value.replace('"', '\\"')
    return value.replace("]", "\\]")


def _publish_md(job: PublishInput) -> Published:
    kit, locale = job.kit, job.locale
    localised = kit.sanitize_markdown(job.localised)  # its raw HTML, source's and translations' alike
    body_html, title = kit.markdown_to_html(localised, _source_text(job.doc))
    body_html = kit.sanitize_fragment(body_html)
    md_text = localised
    if job.mt_used:
        md_text = f"*{kit.mt_notice(locale)}*\n\n" + md_text
    if job.notices:
        md_text = md_text.rstrip("\n") + "\n\n" + "\n\n".join(
            f'<span data-disclaimer="{html.escape(n.id)}">{html.escape(n.text or "")}</span>'
            for n in job.notices) + "\n"
    page = kit.page(locale, title, body_html, banner=kit.banner(locale) if job.mt_used else "",
                    notices=list(job.notices))
    return Published({f"{_stem(job.doc)}.md": md_text.encode("utf-8")}, page, tuple(kit.md_assets(localised)))


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _view_md(data: bytes, name: str) -> bytes:
    body = _md().render(data.decode("utf-8", errors="replace"))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + body +
            "</body></html>").encode("utf-8")


MARKDOWN = register(DocFormat(
    name="md", suffixes=(".md", ".markdown"), inline="markdown", load=_load_md, publish=_publish_md,
    view=_view_md, escape=_escape_md, copy_suffix=".md", notice_element="em"))


# -- HTML -------------------------------------------------------------------------------------------------

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)


def _load_html(data: bytes, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    return segment_html(decode_source(data, name), name, unit=unit, lang=lang)


def _escape_html(value: str, kind: str, before: str) -> str:
    """A translation made safe for the attribute it replaces (``before`` tells its quote)."""
    quote = before[-1:] if before[-1:] in ('"', "'") else ""
    if quote == "'":
        return value.replace("'", "&#39;")
    value = value.replace('"', "&quot;")
    return value if quote else f'"{value}"'


def _publish_html(job: PublishInput) -> Published:
    kit, locale = job.kit, job.locale
    text = job.localised
    localised = kit.sanitize_page(text) if _HTML_TAG.search(text) else kit.sanitize_fragment(text)
    page = kit.decorate_html(localised, locale, banner=kit.banner(locale) if job.mt_used else "",
                             notices=list(job.notices), name=job.doc.name)
    return Published({}, page, tuple(kit.html_assets(localised)))


def _view_html(data: bytes, name: str) -> bytes:
    return data


HTML = register(DocFormat(
    name="html", suffixes=(".html", ".htm"), inline="html", load=_load_html, publish=_publish_html,
    view=_view_html, escape=_escape_html, copy_suffix=".html"))


# -- plain text -------------------------------------------------------------------------------------------

def _load_txt(data: bytes, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    return segment_plaintext(decode_source(data, name), name, unit=unit, lang=lang)


def _publish_txt(job: PublishInput) -> Published:
    kit, locale = job.kit, job.locale
    localised = job.localised
    body = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", localised) if p.strip())
    txt = localised
    if job.mt_used:
        txt = kit.mt_notice(locale) + "\n\n" + txt
    if job.notices:
        txt = txt.rstrip("\n") + "\n\n" + "\n\n".join(n.text or "" for n in job.notices) + "\n"
    page = kit.page(locale, job.doc.domain, body, banner=kit.banner(locale) if job.mt_used else "",
                    notices=list(job.notices))
    return Published({f"{_stem(job.doc)}.txt": txt.encode("utf-8")}, page)


PLAINTEXT = register(DocFormat(
    name="txt", suffixes=(".txt", ".text"), inline="plaintext", load=_load_txt, publish=_publish_txt,
    marks_disclaimers=False, copy_suffix=".txt"))
