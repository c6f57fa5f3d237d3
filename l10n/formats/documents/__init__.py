"""Document formats as plug-ins: one module per format, one registry.

A format is a :class:`DocFormat`: how a source file of it is read into a
:class:`~l10n.model.Document` (``load``), how a translation replaces a segment
(``escape``, ``marks_disclaimers``), how the localised copy is published
(``publish``: the copy's files and the HTML page every copy also gets) and
the view that ``verify`` and the rendered-copy checks take of a published
file of it (``view``: an HTML page, or None when a copy has no markup to
inspect). Segmentation, rendering, building, verifying, XLIFF and masking ask
this registry; nothing outside a format's module branches on a format's name.

Adding a format is adding one module that calls :func:`register` (and listing
it in :data:`_MODULES`), plus its golden tests: see ``docs/formats.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from l10n.errors import SourceError
from l10n.model import Document

__all__ = ["DocFormat", "Published", "PublishInput", "all_formats", "copy_format", "format_for_file", "get", "load",
           "register", "source_suffixes", "view_of"]


@dataclass(frozen=True, slots=True)
class PublishInput:
    """What a format's ``publish`` gets: the document, its rendered text, and the page helpers of the build.

    ``kit`` is :class:`l10n.publish.build.PageKit` (passed in, so that formats never import the build).
    """

    doc: Document
    localised: str
    locale: str
    mt_used: bool
    notices: Sequence[Any]
    kit: Any


@dataclass(frozen=True, slots=True)
class Published:
    """A format's published copy: files by name (relative to ``dist/<locale>/``), the HTML page, assets."""

    files: Mapping[str, bytes]
    page: str
    assets: tuple[str, ...] = ()


def _no_escape(value: str, kind: str, before: str) -> str:
    return value


@dataclass(frozen=True, slots=True)
class DocFormat:
    """One document format (see the module's docstring)."""

    name: str
    suffixes: tuple[str, ...]
    inline: str
    load: Callable[..., Document]
    publish: Callable[[PublishInput], Published]
    view: Callable[[bytes, str], "bytes | None"] | None = None
    escape: Callable[[str, str, str], str] = _no_escape
    marks_disclaimers: bool = True
    copy_suffix: str = ""
    #: the element of the view that carries the machine-translation notice when the copy cannot mark it
    notice_element: str = ""
    binary: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)


_REGISTRY: dict[str, DocFormat] = {}
_BY_SUFFIX: dict[str, DocFormat] = {}
#: The modules that register the built-in formats, in this order (imported with this package).
_MODULES = ("l10n.formats.documents.text", "l10n.formats.documents.docx")
_loaded = False


def register(fmt: DocFormat) -> DocFormat:
    """Add a format (its name and suffixes must be new)."""
    if fmt.name in _REGISTRY or any(s in _BY_SUFFIX for s in fmt.suffixes):
        raise ValueError(f"format {fmt.name!r} or one of its suffixes is registered already")
    _REGISTRY[fmt.name] = fmt
    for s in fmt.suffixes:
        _BY_SUFFIX[s] = fmt
    return fmt


def _ensure() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for mod in _MODULES:
            importlib.import_module(mod)


def all_formats() -> tuple[DocFormat, ...]:
    """Every registered format, in registration order."""
    _ensure()
    return tuple(_REGISTRY.values())


def get(name: str) -> DocFormat:
    """The format called ``name`` (a :class:`~l10n.model.Document`'s ``fmt``)."""
    _ensure()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise SourceError(f"unknown document format {name!r} (one of {', '.join(sorted(_REGISTRY))})") from None


def source_suffixes() -> frozenset[str]:
    """The file suffixes (lower case, with the dot) of source articles."""
    _ensure()
    return frozenset(_BY_SUFFIX)


def _suffix(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


def format_for_file(name: str) -> DocFormat:
    """The format of a source file from its name.

    >>> format_for_file("leaflet.HTML").name
    'html'
    """
    _ensure()
    suffix = _suffix(name)
    try:
        return _BY_SUFFIX[suffix]
    except KeyError:
        raise SourceError(f"unsupported source format {suffix or '(no suffix)'!r}; expected one of "
                          + ", ".join(sorted(_BY_SUFFIX)), path=name) from None


def load(data: bytes, name: str, *, unit: str = "sentence", lang: str = "en") -> Document:
    """Read and segment the source file ``name`` (its bytes)."""
    return format_for_file(name).load(data, name, unit=unit, lang=lang)


def copy_format(suffix: str) -> DocFormat | None:
    """The format whose published copies have the suffix ``suffix`` ("md", ".docx"…), or None."""
    _ensure()
    suffix = "." + suffix.lstrip(".").lower()
    return next((f for f in _REGISTRY.values() if f.copy_suffix == suffix), None)


def view_of(name: str, data: bytes) -> bytes | None:
    """The HTML page to inspect for a published file (by its suffix), or None (nothing to inspect)."""
    _ensure()
    suffix = _suffix(name)
    for fmt in _REGISTRY.values():
        if fmt.view is not None and suffix in (fmt.copy_suffix, *fmt.suffixes[:1]):
            return fmt.view(data, name)
    return None


_ensure()  # the built-in formats, in a fixed order whichever module is imported first
