"""Writing GNU MO files in linear time.

polib's and Babel's MO writers are quadratic (100,000 entries: minutes);
this one sorts once, lays out the strings in one pass and builds the same
hash table as GNU ``msgfmt`` (hashpjw, double hashing, msgfmt's table size):
for every catalog msgfmt compiles without system-dependent strings, the MO
is byte for byte msgfmt's (tests/catalogs/test_pofile_peers.py).
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable

import polib

from l10n.errors import CatalogError

__all__ = ["generate_mo", "hash_table_size", "hashpjw", "hashpjw_many", "mo_messages"]

_MAGIC = 0x950412DE


def hashpjw(data: bytes) -> int:
    """GNU gettext's string hash (``hash_string`` in hash-string.h), on 32 bits.

    Each step shifts in a byte; when the top nibble is set it is folded into
    bits 4-7 and cleared.

    >>> hashpjw(b""), hashpjw(b"Risks")
    (0, 5835299)
    """
    h = 0
    for byte in data:
        h = (h << 4) + byte
        top = h >> 28
        if top:
            h = (h & 0x0FFFFFFF) ^ ((top & 0xF) << 4)
    return h


def hashpjw_many(keys: list[bytes]) -> list[int]:
    """:func:`hashpjw` of many strings at once, about 10x faster.

    The strings of one length bucket are hashed together, as 64-bit lanes of
    one big integer: each step shifts every lane by 4 bits, adds each
    string's next byte, and folds every top nibble, in a few big-integer
    operations (C loops) instead of a Python loop per byte. Strings are
    left-padded with NUL bytes to the bucket width, which leaves their hash
    unchanged (a leading 0 keeps the hash 0). Lanes never overflow: a lane
    holds at most 28 bits between steps, 33 within one.

    >>> hashpjw_many([b"", b"Risks", b"x" * 40]) == [hashpjw(b""), hashpjw(b"Risks"), hashpjw(b"x" * 40)]
    True
    """
    out = [0] * len(keys)
    buckets: dict[int, list[int]] = {}
    for i, key in enumerate(keys):
        buckets.setdefault(-(-len(key) // 16) * 16, []).append(i)
    for width, idx in buckets.items():
        if not width:
            continue
        n = len(idx)
        block = b"".join(keys[i].rjust(width, b"\0") for i in idx)
        lanes = bytearray(8 * n)
        low28 = int.from_bytes((0x0FFFFFFF).to_bytes(8, "little") * n, "little")
        nibble = int.from_bytes((0xF).to_bytes(8, "little") * n, "little")
        h = 0
        for col in range(width):
            lanes[0::8] = block[col::width]
            h = (h << 4) + int.from_bytes(lanes, "little")
            h = (h & low28) ^ (((h >> 28) & nibble) << 4)
        values = memoryview(h.to_bytes(8 * n, "little")).cast("Q")
        for j, i in enumerate(idx):
            out[i] = values[j]
    return out


def _is_prime(candidate: int) -> bool:
    """GNU gettext's ``is_prime`` (gettext-tools/src/write-mo.c via gnulib), quirks included: it takes odd
    numbers only and calls 3 not prime, so that msgfmt sizes a 2-string table 5, not 3."""
    divn = 3
    sq = divn * divn
    while sq < candidate and candidate % divn != 0:
        divn += 1
        sq += 4 * divn
        divn += 1
    return candidate % divn != 0


def _next_prime(seed: int) -> int:
    seed |= 1
    while not _is_prime(seed):
        seed += 2
    return seed


def hash_table_size(n: int) -> int:
    """The size of the hash table msgfmt writes for ``n`` strings.

    >>> [hash_table_size(n) for n in (0, 1, 2, 3, 10, 100)]
    [3, 3, 5, 5, 13, 137]
    """
    size = _next_prime(n * 4 // 3)
    return size if size > 2 else 3


#: a C format directive that is system-dependent (``%<PRIu32>``, the ``I`` flag): msgfmt puts such strings
#: in a second table of a revision-1 MO file
_SYSDEP = re.compile(r"%(?:[0-9]+\$)?[-+ #0'I]*I|%[-+ #0'I0-9$*.]*<PRI[a-zA-Z0-9]+>")
_SYSDEP_FLAGS = frozenset(("c-format", "objc-format"))


def _header_bytes(po: polib.POFile) -> str | None:
    """The header's text as msgfmt puts it in the MO: as in the PO (fields in order, spacing as written),
    without the POT-Creation-Date line (GNU gettext 0.20+), or None when there is no header."""
    from l10n.catalogs.pofile import header_msgstr

    text = header_msgstr(po)
    if text is None:
        return None
    if "POT-Creation-Date:" in text:  # (the first such line only, as msgfmt)
        start = 0 if text.startswith("POT-Creation-Date:") else text.find("\nPOT-Creation-Date:") + 1
        if start or text.startswith("POT-Creation-Date:"):
            end = text.find("\n", start)
            text = text[:start] + (text[end + 1:] if end >= 0 else "")
    return text


def _newline_mismatch(e: polib.POEntry, forms: list[str]) -> str | None:
    """msgfmt's check (always on) that a translation begins and ends with a newline exactly when its msgid
    does (msgfmt.c ``check_pair``)."""
    for where, test in (("begin", str.startswith), ("end", str.endswith)):
        want = test(e.msgid, "\n")
        if e.msgid_plural is not None and e.msgid_plural != "" and test(e.msgid_plural, "\n") != want:
            return f"'msgid' and 'msgid_plural' entries do not both {where} with '\\n'"
        for i, form in enumerate(forms):
            if test(form, "\n") != want:
                return (f"'msgid' and 'msgstr[{i}]' entries do not both {where} with '\\n'" if e.msgid_plural
                        else f"'msgid' and 'msgstr' entries do not both {where} with '\\n'")
    return None


def _plural_forms(e: polib.POEntry) -> list[str]:
    return [e.msgstr_plural[k] for k in sorted(e.msgstr_plural)]


def _mo_value(e: polib.POEntry, use_fuzzy: bool) -> str | None:
    """The MO msgstr of an entry (plural forms NUL-separated), or None if msgfmt leaves the entry out."""
    if e.obsolete or (not use_fuzzy and "fuzzy" in e.flags):
        return None
    if e.msgid_plural:
        forms = _plural_forms(e)
        return "\0".join(forms) if forms and forms[0] else None
    return e.msgstr or None


def _refuse_newline_mismatch(e: polib.POEntry, value: str, name: str) -> None:
    if not e.msgid:
        return
    if not (e.msgid_plural or (e.msgid[0] == "\n") != (value[0] == "\n")
            or (e.msgid[-1] == "\n") != (value[-1] == "\n")):
        return  # the quick test: the full one only where it can fail
    bad = _newline_mismatch(e, _plural_forms(e) if e.msgid_plural else [value])
    if bad:
        from l10n.catalogs.pofile import msgstr_line

        raise CatalogError(bad + " (msgfmt refuses to compile it)", path=name, line=msgstr_line(e))


def _refuse_sysdep(e: polib.POEntry, value: str, name: str) -> None:
    if "%" not in value or not _SYSDEP_FLAGS.intersection(e.flags):
        return
    texts = (e.msgid, e.msgid_plural or "", *(e.msgstr_plural.values() if e.msgid_plural else [value]))
    if any(_SYSDEP.search(t.replace("%%", "")) for t in texts):
        raise CatalogError("a system-dependent format directive (%<PRI...>, %I...) needs a revision-1 MO "
                           "file, which l10n does not write (compile this catalog with msgfmt)",
                           path=name, line=e.linenum or None)


def _mo_key(e: polib.POEntry) -> str:
    """The MO msgid: context and EOT before it, the plural msgid after a NUL."""
    key = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
    if e.msgid_plural:
        key += "\0" + e.msgid_plural
    return key


def mo_messages(po: polib.POFile, *, use_fuzzy: bool = False, name: str = "<po>",
                check_newlines: bool = False) -> list[tuple[bytes, bytes]]:
    """The (msgid, msgstr) byte pairs that belong in the MO, header first, as ``msgfmt`` picks them.

    In the catalog's charset (msgfmt does not convert). Left out: obsolete
    entries, entries whose first form is empty, fuzzy entries unless
    ``use_fuzzy`` (but not a fuzzy header). With ``check_newlines`` (``l10n
    compile``), a translation whose leading or trailing newline disagrees
    with its msgid's is refused, as msgfmt refuses it (naming the msgstr
    line). A C-format entry with a
    system-dependent directive (``%<PRIu32>``, ``%Id``) is refused with
    :class:`CatalogError` (l10n does not write revision-1 MO files).
    """
    from l10n.catalogs.pofile import po_charset

    codec = po_charset(po)
    pairs: list[tuple[bytes, bytes]] = []
    header = _header_bytes(po)
    if header:
        pairs.append((b"", header.encode(codec, "replace")))
    for e in po:
        value = _mo_value(e, use_fuzzy)
        if value is None:
            continue
        if check_newlines:
            _refuse_newline_mismatch(e, value, name)
        _refuse_sysdep(e, value, name)
        pairs.append((_mo_key(e).encode(codec), value.encode(codec)))
    return pairs


def generate_mo(pairs: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An MO file from (msgid, msgstr) byte pairs, sorted by msgid as required."""
    items = sorted(dict(pairs).items())
    n = len(items)
    size = hash_table_size(n)
    orig_tab = 28
    trans_tab = orig_tab + 8 * n
    hash_tab = trans_tab + 8 * n
    data_start = hash_tab + 4 * size
    msgids = [msgid for msgid, _ in items]
    msgstrs = [msgstr for _, msgstr in items]
    ids = b"\0".join(msgids) + b"\0" if items else b""
    strs = b"\0".join(msgstrs) + b"\0" if items else b""
    str_start = data_start + len(ids)
    offsets: list[int] = []
    for strings, pos in ((msgids, data_start), (msgstrs, str_start)):
        for s in strings:
            offsets += (len(s), pos)
            pos += len(s) + 1
    table = [0] * size
    hashes = hashpjw_many([msgid.split(b"\0", 1)[0] for msgid, _ in items])
    for i, h in enumerate(hashes):
        idx = h % size
        incr = 1 + (h % (size - 2))
        while table[idx]:
            idx += incr
            if idx >= size:
                idx -= size
        table[idx] = i + 1
    words = array("I", [_MAGIC, 0, n, orig_tab, trans_tab, size, hash_tab])
    words.extend(offsets)
    words.extend(table)
    if sys.byteorder == "big":
        words.byteswap()
    return words.tobytes() + ids + strs
