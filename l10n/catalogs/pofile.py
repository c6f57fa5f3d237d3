"""Reading and writing PO/POT files (polib underneath), with clear errors.

:func:`read_po` takes bytes and a name for messages, and raises
:class:`~l10n.errors.CatalogError` naming the line for anything ``msgfmt``
would reject: an unterminated string, a duplicate msgid, a plural entry
without the locale's number of forms. :func:`generate_po` is pure and
deterministic (entries in the order given, wrapped at 79 columns as GNU
gettext does); :func:`write_po` only encodes.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import polib

from l10n.errors import CatalogError

__all__ = ["generate_po", "read_po", "write_po"]

_LINE = re.compile(r"line (\d+)")
_WRAP = 79


def _check_strings(text: str, name: str) -> None:
    """Find unterminated or badly escaped strings that polib would accept."""
    for lineno, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("#~"):
            stripped = stripped[2:].strip()
        elif stripped.startswith("#|"):
            stripped = stripped[2:].strip()
        elif not stripped or stripped.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(".*)?$', stripped)
        if not m or not m.group(2):
            raise CatalogError(f"syntax error: {stripped[:40]!r}", path=name, line=lineno)
        body = m.group(2)
        if not re.fullmatch(r'"(?:[^"\\]|\\.)*"', body):
            raise CatalogError("unterminated or malformed string", path=name, line=lineno)


def read_po(data: bytes, name: str = "<po>", *, nplurals: int | None = None) -> polib.POFile:
    """Parse a PO or POT file given as bytes.

    ``nplurals``, when given, is the number of plural forms every plural entry
    must have (from the locale's Plural-Forms).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path=name, line=line) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_strings(text, name)
    try:
        po = polib.pofile(text, wrapwidth=_WRAP, encoding="utf-8", check_for_duplicates=False)
    except (OSError, ValueError, IndexError, KeyError) as exc:
        m = _LINE.search(str(exc))
        msg = re.sub(r"\s*\(line \d+\)", "", str(exc)) or "syntax error"
        raise CatalogError(msg.lower().replace("in po file ", ""), path=name,
                           line=int(m.group(1)) if m else None) from None
    seen: dict[tuple[str | None, str], int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise CatalogError(f"duplicate message definition {entry.msgid[:50]!r} (first at line {seen[key]})",
                               path=name, line=entry.linenum)
        seen[key] = entry.linenum
        if nplurals and entry.msgid_plural and entry.msgstr_plural:
            have = len(entry.msgstr_plural)
            if have != nplurals:
                raise CatalogError(f"plural entry has {have} forms, the language needs {nplurals}",
                                   path=name, line=entry.linenum)
    return po


def generate_po(po: polib.POFile) -> str:
    """The PO file text, deterministic for the same catalog."""
    po.wrapwidth = _WRAP
    text = po.__unicode__()
    return text if text.endswith("\n") else text + "\n"


def write_po(fileobj, po: polib.POFile) -> None:
    """Write ``po`` as UTF-8 to a binary file object."""
    fileobj.write(generate_po(po).encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; skip the write when unchanged.

    Returns True when the file was (re)written.
    """
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as tmp:
        tmp.write(data)
        tmp.flush()
        tmp_name = tmp.name
    Path(tmp_name).replace(path)
    return True
