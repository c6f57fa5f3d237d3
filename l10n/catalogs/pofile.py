"""Reading and writing PO/POT files as GNU gettext does (polib's objects), with clear errors.

:func:`read_po` takes bytes and a name for messages, decodes them in the
charset the header declares, reads them with GNU gettext's grammar (its
lexer's tokens: comment markers without a space, a comment after a string,
``domain``, raw VT/FF/U+2028 inside strings) and raises
:class:`~l10n.errors.CatalogError` naming the line ``msgfmt`` names for
anything it rejects: an unterminated string, a missing msgstr, a duplicate
(obsolete entries count), ``msgstr[0]`` without ``msgid_plural``, a plural
entry without the locale's number of forms.

Each entry remembers the lines it was read from; :func:`generate_po` writes
them back as they were while the entry's fields keep the values read, and
writes changed parts as polib does (79 columns, ``no-wrap`` honoured); the
header's fields are rewritten in place. :func:`encode_po` encodes in the
catalog's charset. Tested against the PO texts of polib, Babel,
translate-toolkit and GNU gettext (tests/catalogs/test_pofile_peers.py).
"""

from __future__ import annotations

import gc
import io
import re
import textwrap
from collections.abc import Iterable, Iterator

import polib

from l10n.errors import CatalogError

__all__ = ["carry_layout", "encode_po", "encode_po_parts", "generate_po", "po_charset", "read_po", "read_po_unchecked", "shared_values", "write_po"]

_WRAP = 79
#: Most continuation lines one string may have: each one copies the string so far (500,000 took 4 s, and the
#: time grows with the square); no catalog comes near it (gettext's own fixtures: a few hundred).
MAX_STRING_LINES = 20_000


#: The escapes GNU msgfmt accepts in a string (po-lex.c): C's simple escapes, octal and hex.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]|[0-7]|.|$)")
_VALID_ESCAPES = frozenset('ntbrfva\\"')  # msgfmt rejects \' and \? ("invalid control sequence")


def invalid_escape(body: str) -> str | None:
    """The first escape in a quoted PO string that ``msgfmt`` rejects (e.g. ``\\q``), or None.

    >>> invalid_escape(r'"a \\"b\\" \\\\q \\x41"') is None
    True
    >>> invalid_escape(r'"Sig\\q"')
    '\\\\q'
    """
    if "\\" not in body:
        return None
    for m in _NUMERIC_ESCAPE.finditer(body):
        g = m.group(1)
        if (int(g[1:], 16) if g[0] == "x" else int(g, 8)) == 4:
            return "\\" + g + " (the context separator <EOT>)"
    for m in _ESCAPE.finditer(body):
        g = m.group(1)
        if len(g) == 1 and g not in _VALID_ESCAPES and not g.isdigit():
            return "\\" + g
        if g.isdigit() and g in "89":
            return "\\" + g
    return None


_NUMERIC_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\(x[0-9A-Fa-f]+|[0-7]{1,3})")


#: One lexical token of a PO file as GNU gettext's lexer (po-lex.c) reads it. The first alternative is the
#: commonest line, keyword, string and end of line in one match; the others are single tokens.
_TOKEN = re.compile(
    r'(?:(msgctxt|msgid_plural|msgid|msgstr)[ \t]+)?("(?:[^"\\\n]|\\[^\n]|\\\n)*")[ \t]*(\n)?'  # 1 kw 2 str 3 nl
    r'|(\n)'                                   # 4 newline
    r'|[ \t\r\f\v]+'                           # whitespace, skipped between tokens
    r'|(msgctxt|msgid_plural|msgid|msgstr|domain)(?![A-Za-z0-9_$])'  # 5 a keyword alone
    r'|\[[ \t\r\f\v]*(\d+)[ \t\r\f\v]*\]'      # 6 a plural index
    r'|(#~\||#~|#\|)'                          # 7 the obsolete / previous markers
    r'|#([^\n]*)(\n)?'                         # 8 a comment, 9 its newline
    r'|([A-Za-z_$][A-Za-z0-9_$]*)'             # 10 an unknown keyword
    r'|(")'                                    # 11 an unterminated string
    r'|(.)',                                   # 12 anything else
)


def _body_key(e: polib.POEntry) -> tuple:
    return (bool(e.obsolete), e.msgctxt, e.msgid, e.msgid_plural, e.msgstr,
            tuple(sorted(e.msgstr_plural.items())) if e.msgstr_plural else ())


def _comment_key(e: polib.POEntry) -> tuple:
    return (e.tcomment, e.comment, tuple(e.occurrences), tuple(e.flags), e.previous_msgctxt, e.previous_msgid,
            e.previous_msgid_plural)


class _Raw:
    """How one entry was written in its file: its comment lines and its keyword lines (each part's lines
    joined, None when that part is not the entry's alone), with the field values they stand for. The writer
    writes a part back as it was while its fields still have those values. A catalog read without its layout
    (``l10n check``) keeps only the line numbers: no keys, no lines."""

    __slots__ = ("comment_key", "body_key", "comment", "body", "first", "msgid_after", "msgstr_after")

    def __init__(self, comment_key, body_key, comment: str | None, body: str | None, msgid_line: int,
                 msgstr_line: int = 0, first: int = 0) -> None:
        self.comment_key = comment_key
        self.body_key = body_key
        self.comment = comment  # "" for no lines: the first of a part's lines is never blank
        self.body = body
        # the line numbers as the entry's first line (the entry's own int) and how many lines after it: small
        # numbers, one object each for the whole program, not two ints per entry
        self.first = first
        self.msgid_after = msgid_line - first
        self.msgstr_after = msgstr_line - first

    @property
    def msgid_line(self) -> int:
        return self.first + self.msgid_after

    @property
    def msgstr_line(self) -> int:
        return self.first + self.msgstr_after

    @property
    def comment_lines(self) -> list[str] | None:
        return None if self.comment is None else self.comment.split("\n") if self.comment else []

    @property
    def body_lines(self) -> list[str] | None:
        return None if self.body is None else self.body.split("\n") if self.body else []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Raw) and all(getattr(self, a) == getattr(other, a) for a in (
            "comment_key", "body_key", "comment_lines", "body_lines", "msgid_line", "msgstr_line"))

    def __repr__(self) -> str:
        return f"_Raw(lines={self.comment_lines!r} + {self.body_lines!r})"


def _unless_written_so(e: polib.POEntry, comment: list[str] | None,
                       body: list[str] | None) -> tuple[list[str] | None, list[str] | None]:
    """An entry's comment and keyword lines as read, each None where it is what the writer writes for the
    entry (the lines need not be kept: written anew while the fields are unchanged, they come back the same)."""
    if comment is not None and comment == _comment_text(e, _WRAP):
        comment = None
    if body is not None and body == _body_text(e, _WRAP):
        body = None
    return comment, body


class _FileInfo:
    """How a catalog was written as a whole: its charset, its header entry's lines, what they stood for."""

    __slots__ = ("charset", "codec", "had_header", "header_index", "header_comment", "header_fuzzy", "header_raw", "header_msgstr",
                 "metadata", "trailing")

    def __init__(self) -> None:
        self.charset = "UTF-8"
        self.codec = "utf-8"
        self.had_header = False
        self.header_index = 0  # how many entries came before the header entry (msgcat keeps it there)
        self.header_comment = ""
        self.header_fuzzy = False
        self.header_raw: _Raw | None = None
        self.header_msgstr = ""
        self.metadata: list[tuple[str, str]] = []
        self.trailing: list[str] = []


#: the escapes msgfmt decodes (po-lex.c): C's simple escapes, octal (up to 3 digits) and hex (any number)
_UNESCAPE = re.compile(r'\\(x[0-9A-Fa-f]+|[0-7]{1,3}|[\\ntrvbfa"])')
_UNESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "a": "\a", "\\": "\\",
              '"': '"'}


def _unescape_one(m: re.Match[str]) -> str:
    g = m.group(1)
    if len(g) == 1 and g in _UNESCAPES:
        return _UNESCAPES[g]
    value = (int(g[1:], 16) if g[0] == "x" else int(g, 8)) & 0xFF
    return chr(value) if value < 0x80 else chr(0xDC00 + value)  # a byte of the charset: see _Reader.bytes


_KEYWORDS = frozenset(("msgctxt", "msgid", "msgid_plural", "msgstr"))
_PREV_FIELD = {"msgctxt": "previous_msgctxt", "msgid": "previous_msgid", "msgid_plural": "previous_msgid_plural"}


def _file_comment(entry: polib.POEntry, text: str, shared: dict[str, str] | None = None) -> None:
    """File a comment (the text after ``#``) as gettext's ``po_callback_comment_dispatcher`` does.

    ``shared`` (one per file) gives every entry the same string object for the same extracted comment or
    reference file (``block: paragraph``, ``article.md``): one copy in memory instead of one per entry."""
    c = text[:1]
    if c == ".":
        t = text[2:] if text[1:2] == " " else text[1:]
        if shared is not None:
            t = shared.setdefault(t, t)
        entry.comment = entry.comment + "\n" + t if entry.comment != "" else t
    elif c == ":":
        for occurrence in text[1:].split():
            fil, sep, num = occurrence.rpartition(":")
            if not sep or not num.isdigit():
                fil, num = occurrence, ""
            if shared is not None:
                fil = shared.setdefault(fil, fil)
            occurrence = (fil, num)
            entry.occurrences.append(occurrence if shared is None else shared.get(occurrence, occurrence))
    elif c == "," or c == "!":
        entry.flags += [f for f in (x.strip() for x in text[1:].split(",")) if f]
    else:
        t = text[1:] if c == " " else text
        entry.tcomment = entry.tcomment + "\n" + t if entry.tcomment != "" else t


#: bytes of a UTF-8 file the reader decodes and splits into lines at a time
_CHUNK = 1 << 20
#: the reader's inlined path for the commonest transition (off: the general code; the tests hold the two to
#: the same catalogs)
_SHORTCUTS = True
#: the line shortcuts of :meth:`_Reader.read` (off: every line through the tokenizer; the tests hold the two to
#: the same entries and the same errors)
_LINE_MODE = True


_PLAIN_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NEW = object.__new__
_PROTO = vars(polib.POEntry())


def _new_entry() -> polib.POEntry:
    """``polib.POEntry()``, without its constructor's overhead."""
    e = _NEW(polib.POEntry)
    d = e.__dict__
    d.update(_PROTO)
    d["msgstr_plural"] = {}
    d["occurrences"] = []
    d["flags"] = []
    return e


class ReadEntry:
    """An entry of a catalog that is read and not changed or written (the template ``update`` merges, the
    catalog it merges into): :class:`polib.POEntry`'s fields (and the lines it was read from) in slots, about
    a quarter less memory, and of its methods only ``fuzzy``. The catalog it is in cannot be written."""

    __slots__ = (*_PROTO, "_l10n_raw")

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags  # (as polib)

    def __repr__(self) -> str:
        return f"ReadEntry(msgctxt={self.msgctxt!r}, msgid={self.msgid!r})"


def _refuse(*_args, **_kwargs):
    raise TypeError("an entry read to be merged is not changed")


class _NoItems(list):
    """The empty list every :class:`ReadEntry` without flags or references shares (changing it is an error)."""

    __slots__ = ()
    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


class _NoForms(dict):
    """The empty dict every :class:`ReadEntry` without plural forms shares (changing it is an error)."""

    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = update = setdefault = pop = popitem = clear = _refuse


_NO_ITEMS, _NO_FORMS = _NoItems(), _NoForms()


def _share_empties(e: ReadEntry) -> None:
    """A read entry's empty containers: the shared ones (three objects fewer per entry)."""
    if not e.flags:
        e.flags = _NO_ITEMS
    if not e.occurrences:
        e.occurrences = _NO_ITEMS
    if not e.msgstr_plural:
        e.msgstr_plural = _NO_FORMS


def _new_read_entry() -> ReadEntry:
    """A :class:`ReadEntry` with ``polib.POEntry()``'s values."""
    e = _NEW(ReadEntry)
    e.msgid = e.msgstr = e.msgid_plural = e.comment = e.tcomment = ""
    e.msgstr_plural = {}
    e.msgctxt = e.previous_msgctxt = e.previous_msgid = e.previous_msgid_plural = e.linenum = None
    e.obsolete = False
    e.encoding = "utf-8"
    e.occurrences = []
    e.flags = []
    return e


class _Reader:
    """GNU gettext's PO grammar (po-gram-gen.y) over the tokens of :data:`_TOKEN`: the same entries, and the
    first error ``msgfmt`` reports, as :class:`CatalogError` naming the line it names."""

    def __init__(self, text: str | None, name: str, layout: bool = True, data: bytes | None = None,
                 lean: bool = False, seed: dict | None = None) -> None:
        self.text = text
        self.new_entry = _new_read_entry if lean else _new_entry  # (lean: a catalog only read)
        self.lean = lean
        self.data = data  # (text None) UTF-8 bytes, decoded and split into lines a chunk at a time
        self.name = name
        self.layout = layout  # keep each entry's lines for the writer (else only its line numbers)
        # one copy of each extracted comment and reference file; ``seed``: values another catalog holds (the
        # template's msgids and references), which this one's entries take instead of their own copies
        self.shared: dict = {} if seed is None else seed
        self.seeded = seed is not None
        self.lines = text.split("\n") if text is not None else []  # (from data: the lines still needed)
        self.base = 0  # how many lines of the file come before self.lines[0]
        self.total = len(self.lines) if data is None else data.count(b"\n") + 1
        self.entries: list[polib.POEntry] = []
        self.entry: polib.POEntry | None = None
        self.phase = ""  # "", ctxt, id, plural, str, strN, pctxt, pid, pplural, domain
        self.field = ""
        self.index = -1
        self.need_string = False
        self.entry_obsolete = False
        self.comments: list[str] = []
        self.first_line = 0  # of the entry being read (its first comment, or keyword)
        self.body_line = 0  # of its msgctxt or msgid
        self.msgid_line = 0
        self.msgstr_line = 0
        self.last_line = 0  # of its last token
        self.closed_line = 0  # the last line of the entry read before
        self.split_line = False  # the entry shares its first line with the one before
        self.opened = False  # a comment or domain line began the next entry (first_line is set)
        self.has_bytes = False
        self.trailing: list[str] = []
        self.continued = 0  # continuation lines of the string being read

    def continues(self, line: int) -> None:
        """One more continuation line of a string: bounded (each one copies the string so far)."""
        self.continued += 1
        if self.continued > MAX_STRING_LINES:
            raise self.error(f"a string continues over more than {MAX_STRING_LINES:,} lines", line)

    @classmethod
    def of_utf8(cls, data: bytes, name: str, layout: bool = True, lean: bool = False,
                seed: dict | None = None) -> _Reader:
        """A reader of UTF-8 ``data`` that decodes it a chunk of lines at a time (so neither the whole text nor
        all its lines are ever in memory; :meth:`run` raises UnicodeDecodeError if it is not UTF-8)."""
        if b"\\\n" in data or not _LINE_MODE:  # the tokenizer reads the whole text
            return cls(data.decode("utf-8"), name, layout, lean=lean, seed=seed)
        return cls(None, name, layout, data, lean, seed)

    def _chunks(self) -> Iterator[list[str]]:
        """The file's lines, a chunk at a time; ``self.lines`` keeps those from the last entry read on."""
        data = self.data
        if data is None:
            yield self.lines
            return
        view, pos = memoryview(data), 0
        while True:
            end = data.find(b"\n", pos + _CHUNK) + 1  # just after a newline (0: the rest is the last chunk)
            lines = str(view[pos:end] if end else view[pos:], "utf-8").split("\n")
            if end:
                lines.pop()  # the "" after the chunk's last newline: the next chunk goes on from there
            done = max(self.closed_line - 1 - self.base, 0)  # the lines before the last entry read are written
            del self.lines[:done]
            self.base += done
            self.lines += lines
            yield lines
            if not end:
                return
            pos = end

    def error(self, message: str, line: int) -> CatalogError:
        return CatalogError(message, path=self.name, line=line)

    def value(self, body: str, line: int) -> str:
        inner = body[1:-1]
        if "\\" not in inner:
            return inner
        if "\\\n" in inner:
            inner = inner.replace("\\\n", "")
        bad = invalid_escape('"' + inner + '"')
        if bad:
            raise self.error(f"invalid control sequence {bad} (msgfmt rejects it)", line)
        out = _UNESCAPE.sub(_unescape_one, inner)
        if not self.has_bytes and any("\udc80" <= ch <= "\udcff" for ch in out):
            self.has_bytes = True
        return out

    # --- the grammar
    def close(self, line: int) -> None:
        """The token at ``line`` ends the entry being read (or tells it is incomplete)."""
        phase = self.phase
        if not phase:
            return
        if self.need_string:
            raise self.error("syntax error", line)
        if phase in ("str", "strN"):
            e = self.entry
            e.linenum = self.first_line
            own_body = line != self.last_line  # else the next token shares the line: not the entry's own lines
            e._l10n_raw = self.raw(e, own_body)
            if self.seeded:
                e.msgid = self.shared.get(e.msgid, e.msgid)
            if self.lean:
                _share_empties(e)
            self.entries.append(e)
            self.entry = None
            self.phase = ""
            self.closed_line = self.last_line
            self.split_line = not own_body
            return
        if phase == "domain":
            self.phase = ""
            return
        if phase in ("id", "plural"):
            raise self.error("missing 'msgstr[]' section" if phase == "plural" else "missing 'msgstr' section",
                             self.msgid_line)
        raise self.error("syntax error", line)

    def raw(self, e: polib.POEntry, own_body: bool) -> _Raw:
        """The entry's lines as read (just its line numbers without ``layout``), for the writer."""
        if not self.layout:
            return _Raw(None, None, None, None, self.msgid_line, self.msgstr_line, e.linenum)
        lines, base, body = self.lines, self.base, self.body_line - 1
        comment = None if self.split_line else lines[self.first_line - 1 - base:body - base]
        own = lines[body - base:self.last_line - base] if own_body else None
        if e.msgid or e.msgctxt is not None or e.obsolete:  # (a header's lines are kept: it is written apart)
            comment, own = _unless_written_so(e, comment, own)
        return _Raw(None if comment is None else _comment_key(e), None if own is None else _body_key(e),
                    None if comment is None else "\n".join(comment), None if own is None else "\n".join(own),
                    self.msgid_line, self.msgstr_line, e.linenum)

    def start(self, line: int, obsolete: bool) -> None:
        self.close(line)
        e = self.entry = self.new_entry()
        if self.comments:
            for c in self.comments:
                _file_comment(e, c, self.shared)
            self.comments = []
        if not self.opened:
            self.first_line = line
            self.split_line = line == self.closed_line
        self.opened = False
        self.entry_obsolete = obsolete
        self.msgid_line = 0

    def keyword(self, kw: str, line: int, obsolete: bool, previous: bool) -> None:
        if self.need_string:
            raise self.error("syntax error", line)
        phase = self.phase
        if previous:
            if phase in ("", "str", "strN", "domain") and kw in ("msgctxt", "msgid"):
                self.start(line, obsolete)
                self.phase = "pctxt" if kw == "msgctxt" else "pid"
            elif (phase, kw) in (("pctxt", "msgid"), ("pid", "msgid_plural")):
                self.phase = "pid" if kw == "msgid" else "pplural"
            elif phase in ("id", "plural"):
                self.close(line)
            else:
                raise self.error("syntax error", line)
            self.field = _PREV_FIELD[kw]
            setattr(self.entry, self.field, "")
            self.need_string = True
            self.continued = 0
            return
        if kw == "msgctxt" or (kw == "msgid" and phase != "ctxt"):
            if phase in ("", "str", "strN", "domain"):
                self.start(line, obsolete)
            elif phase in ("pid", "pplural"):
                pass  # the entry the previous msgid began
            elif phase in ("id", "plural"):
                self.close(line)
            else:
                raise self.error("syntax error", line)
            self.entry_obsolete = obsolete
            self.body_line = line
            self.entry.obsolete = obsolete
            if kw == "msgid":
                self.msgid_line = line
            self.phase = "ctxt" if kw == "msgctxt" else "id"
        else:
            if obsolete != self.entry_obsolete and phase:
                raise self.error("inconsistent use of #~", line)
            if kw == "msgid":  # after msgctxt
                self.msgid_line = line
                self.phase = "id"
            elif kw == "msgid_plural" and phase == "id":
                self.phase = "plural"
            elif kw == "msgstr" and phase == "id":
                self.phase = "str"
                self.msgstr_line = line
            elif kw == "msgstr" and phase == "plural":
                raise self.error("missing 'msgstr[]' section", self.msgid_line)
            else:
                raise self.error("syntax error", line)
        self.field = kw
        setattr(self.entry, kw, "")
        self.need_string = True
        self.continued = 0

    def plural(self, index: int, line: int, obsolete: bool, previous: bool) -> None:
        """``msgstr[index]``."""
        phase = self.phase
        if self.need_string or previous:
            raise self.error("syntax error", line)
        if phase and obsolete != self.entry_obsolete:
            raise self.error("inconsistent use of #~", line)
        if phase == "id":
            raise self.error("missing 'msgid_plural' section", self.msgid_line)
        if phase == "plural":
            if index != 0:
                raise self.error("first plural form has nonzero index", line)
            self.msgstr_line = line
        elif phase == "strN":
            if index != self.index + 1:
                raise self.error("plural form has wrong index", line)
        else:
            raise self.error("syntax error", line)
        self.phase = "strN"
        self.index = index
        self.entry.msgstr_plural[index] = ""
        self.need_string = True
        self.continued = 0

    def string(self, value: str, line: int, end_line: int, obsolete: bool, previous: bool) -> None:
        phase = self.phase
        if not phase or previous != (phase[0] == "p" and phase != "plural"):
            raise self.error("syntax error", line)
        if phase == "domain":
            if not self.need_string:
                raise self.error("syntax error", line)
            pass  # (a domain directive: msgfmt writes one MO per domain; l10n has one catalog per file)
        elif obsolete != self.entry_obsolete:
            raise self.error("inconsistent use of #~", line)
        elif phase == "strN":
            if not self.need_string:
                self.continues(line)
            self.entry.msgstr_plural[self.index] += value
        elif self.need_string:
            setattr(self.entry, self.field, value)
        else:
            self.continues(line)
            setattr(self.entry, self.field, getattr(self.entry, self.field) + value)
        if self.need_string:
            self.continued = 0
        self.need_string = False
        self.last_line = end_line

    def comment(self, text: str, line: int) -> None:
        if self.phase:
            if self.phase in ("id", "plural") and not self.need_string:
                self.close(line)  # raises: "missing 'msgstr' section", as msgfmt reports first
            if self.phase not in ("str", "strN", "domain") or self.need_string:
                raise self.error("syntax error", line)
            self.close(line)
        if not self.opened:
            self.first_line = line
            self.split_line = line == self.closed_line
            self.opened = True
        self.comments.append(text[:-1] if text.endswith("\r") else text)

    def run(self) -> list[polib.POEntry]:
        """:meth:`read`, with the cyclic garbage collector paused: a reader makes many objects and no cycles,
        and the collector's passes over them cost a third of the time."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self.read()
        finally:
            if enabled:
                gc.enable()

    def read(self) -> list[polib.POEntry]:
        """Read the text; the commonest lines (a comment, a plain string, ``msgid "..."``, ``msgstr "..."``)
        take a shortcut, any other line goes through the tokenizer (a backslash-newline in a string, which
        joins lines, sends the whole text there)."""
        text = self.text
        if text is not None and ("\\\n" in text or not _LINE_MODE):
            self._tokens(text, 1)
            return self._end(text.count("\n") + 1)
        self.text = text = None  # the lines hold it now: the whole text need not stay in memory meanwhile
        last = self.total
        tokens = self._tokens
        plain = _PLAIN_STRING.fullmatch
        shortcuts = _SHORTCUTS
        lineno = 0
        for lines in self._chunks():
            for line in lines:
                lineno += 1
                if not line:
                    continue
                c = line[0]
                rest = line
                obsolete = previous = False
                if c == "#":
                    c = line[1:2]
                    if c != "~" and c != "|":
                        if (self.phase == "str" or self.phase == "strN") and not self.need_string:
                            self.close(lineno)
                            self.first_line = lineno
                            self.split_line = False
                            self.opened = True
                            self.comments.append(line[1:-1] if line[-1] == "\r" else line[1:])
                        else:
                            self.comment(line[1:], lineno)
                        continue
                    if line[:3] == "#~ ":
                        rest, obsolete = line[3:], True
                    elif line[:3] == "#| ":
                        rest, previous = line[3:], True
                    elif line[:4] == "#~| ":
                        rest, obsolete, previous = line[4:], True, True
                    else:
                        rest = ""
                    c = rest[:1]
                if c == '"':
                    if rest[-1] == '"' and rest.find('"', 1) == len(rest) - 1 and ("\\" not in rest or plain(rest)):
                        value = rest[1:-1] if "\\" not in rest else self.value(rest, lineno)
                        phase = self.phase
                        if (phase == "str" or phase == "id") and not self.need_string \
                                and obsolete == self.entry_obsolete and not previous:
                            e = self.entry
                            self.continues(lineno)
                            if phase == "str":
                                e.msgstr += value
                            else:
                                e.msgid += value
                            self.last_line = lineno
                        else:
                            self.string(value, lineno, lineno, obsolete, previous)
                        continue
                elif c == "m":
                    kw, _, body = rest.partition(" ")
                    if kw in _KEYWORDS and body[:1] == '"' and body[-1] == '"' and body.find('"', 1) == len(body) - 1 \
                            and ("\\" not in body or plain(body)):
                        value = body[1:-1] if "\\" not in body else self.value(body, lineno)
                        phase = self.phase
                        if not shortcuts or obsolete or previous:
                            self.keyword(kw, lineno, obsolete, previous)
                            self.string(value, lineno, lineno, obsolete, previous)
                        elif kw == "msgid" and (not phase or ((phase == "str" or phase == "strN")
                                                              and not self.need_string)):
                            self.start(lineno, False)  # the commonest transitions, as keyword() makes them
                            self.body_line = self.msgid_line = lineno
                            self.phase, self.field = "id", "msgid"
                            self.entry.msgid = value
                            self.last_line = lineno
                            self.continued = 0
                        elif kw == "msgstr" and phase == "id" and not self.need_string and not self.entry_obsolete:
                            self.phase, self.field = "str", "msgstr"
                            self.msgstr_line = self.last_line = lineno
                            self.entry.msgstr = value
                            self.continued = 0
                        else:
                            self.keyword(kw, lineno, False, False)
                            self.string(value, lineno, lineno, False, False)
                        continue
                tokens(line, lineno, lineno < last)
        return self._end(lineno)

    def _tokens(self, text: str, line: int, more_lines: bool = False) -> None:
        """The tokens of ``text`` (the whole file, or its line number ``line``)."""
        match = _TOKEN.match
        shortcuts = _SHORTCUTS
        pos, n = 0, len(text)
        obsolete = previous = False
        while pos < n:
            m = match(text, pos)
            pos = m.end()
            g = m.lastindex
            if g is None:  # whitespace
                continue
            if g <= 3:  # [keyword] "string" [newline]
                body = m.group(2)
                end_line = line + body.count("\n") if "\\\n" in body else line
                kw = m.group(1)
                if kw is not None:
                    if shortcuts and kw == "msgid" and not previous and self.phase in ("str", "strN") and not self.need_string \
                            and obsolete == self.entry_obsolete and not self.comments:
                        self.start(line, obsolete)  # the commonest transition, as keyword() would do it
                        self.body_line = self.msgid_line = line
                        self.entry.obsolete = obsolete
                        self.phase, self.field = "id", "msgid"
                        self.entry.msgid = self.value(body, line)
                        self.last_line = end_line
                        self.need_string = False
                    else:
                        self.keyword(kw, line, obsolete, previous)
                        self.string(self.value(body, line), line, end_line, obsolete, previous)
                else:
                    self.string(self.value(body, line), line, end_line, obsolete, previous)
                line = end_line
                if m.group(3) is not None:
                    line += 1
                    obsolete = previous = False
                continue
            if g == 4:
                line += 1
                obsolete = previous = False
            elif g == 5:
                kw = m.group(5)
                if kw == "domain":
                    if previous or obsolete:
                        raise self.error("syntax error", line)
                    if self.phase:
                        self.comment("", line)
                        self.comments.pop()
                    elif not self.opened:
                        self.first_line = line
                        self.split_line = line == self.closed_line
                        self.opened = True
                    self.phase, self.need_string = "domain", True
                else:
                    nxt = match(text, pos)
                    while nxt is not None and nxt.lastindex is None and nxt.end() < n:
                        nxt = match(text, nxt.end())
                    if kw == "msgstr" and nxt is not None and nxt.lastindex == 6:
                        pos = nxt.end()
                        self.plural(int(nxt.group(6)), line, obsolete, previous)
                    else:
                        self.keyword(kw, line, obsolete, previous)
            elif g == 7:
                mark = m.group(7)
                obsolete = mark[1] == "~"
                previous = mark[-1] == "|"
            elif g == 6:  # a plural index after something else than msgstr
                raise self.error("syntax error", line)
            elif g <= 9:
                self.comment(m.group(8), line)
                if m.group(9) is not None:
                    line += 1
                    obsolete = previous = False
            elif g == 10:
                raise self.error(f'keyword "{m.group(10)}" unknown', line)
            elif g == 11:
                if more_lines or "\n" in text[pos:]:  # msgfmt names the line after, where it read the end of line
                    raise self.error(f"end-of-line within string (the string begun on line {line})", line + 1)
                raise self.error("end-of-file within string", line)
            else:
                ch = m.group(12)
                raise self.error(f"invalid character {ch!r}" if ch.isprintable() else
                                 f"invalid character U+{ord(ch):04X}", line)

    def _end(self, line: int) -> list[polib.POEntry]:
        if self.phase:
            last = self.last_line + 1
            self.close(max(last, line))
        # comments after the last entry (gettext drops them; they are written back after the last entry)
        trailing = self.lines[self.closed_line - self.base:] if self.comments else []
        while trailing and not trailing[-1].strip():
            trailing.pop()
        while trailing and not trailing[0].strip():
            del trailing[0]
        self.trailing = trailing
        return self.entries


_CHARSET = re.compile(r"charset=([^\s;]+)", re.IGNORECASE)
_UTF8 = frozenset(("UTF-8", "UTF8", "CHARSET", "ASCII", "US-ASCII", "ANSI_X3.4-1968"))


def _header_charset(entries: list[polib.POEntry]) -> str | None:
    for e in entries:
        if e.msgid == "" and e.msgctxt is None and not e.obsolete:
            m = _CHARSET.search(e.msgstr)
            return m.group(1) if m else None
    return None


def _codec(charset: str) -> str | None:
    import codecs

    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


_BYTES_CHARSET = re.compile(rb"charset=([^\s;\\\"]+)", re.IGNORECASE)


def _utf8(data: bytes) -> tuple[str | None, UnicodeDecodeError | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, exc


def _bytes_codec(data: bytes, name: str, bad: UnicodeDecodeError) -> tuple[str | None, str]:
    """The charset and codec of a file that is not UTF-8, from the charset its bytes declare."""
    m = _BYTES_CHARSET.search(data)
    charset = m.group(1).decode("ascii", "replace") if m else None
    if charset is None or charset.upper() in ("CHARSET", "ASCII", "US-ASCII", "ANSI_X3.4-1968"):
        return charset, "latin-1"  # bytes of no declared charset: kept as they are
    if charset.upper() in ("UTF-8", "UTF8"):
        line = data.count(b"\n", 0, bad.start) + 1
        raise CatalogError(f"not valid UTF-8 (byte 0x{data[bad.start]:02x})", path=name, line=line)
    codec = _codec(charset)
    if codec is None:
        raise _unknown_charset(charset, data.decode("latin-1"), name)
    return charset, codec


def _text_codec(charset: str | None, data: bytes, name: str) -> str:
    """The codec of a file that decodes as UTF-8, from the charset its header declares."""
    codec = "utf-8" if charset is None or charset.upper() in _UTF8 else _codec(charset)
    if codec is None:
        raise _unknown_charset(charset, data.decode("utf-8"), name)
    return codec


def _decoded(data: bytes, codec: str, charset: str | None, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError(f"not valid {charset} (byte 0x{data[exc.start]:02x})", path=name,
                           line=line) from None


def _decode_byte_escapes(entries: list[polib.POEntry], codec: str) -> None:
    """Octal/hex escapes of bytes: decode them in the charset, as one string."""
    for e in entries:
        for f in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            v = getattr(e, f)
            if v and any("\udc80" <= ch <= "\udcff" for ch in v):
                setattr(e, f, v.encode(codec, "surrogateescape").decode(codec, "replace"))
        for k, v in e.msgstr_plural.items():
            e.msgstr_plural[k] = v.encode(codec, "surrogateescape").decode(codec, "replace")


def _read_utf8(data: bytes, name: str, layout: bool, lean: bool = False, seed: dict | None = None) -> _Reader | None:
    """``data`` read as UTF-8, a chunk at a time; None when it is not UTF-8 (a syntax error met before the
    bytes that are not is not reported: the file is read again in its charset, as it always was)."""
    try:
        reader = _Reader.of_utf8(data, name, layout, lean, seed)
        reader.run()
    except UnicodeDecodeError:
        return None
    except CatalogError:
        if _utf8(data)[1] is not None:
            return None
        raise
    return reader


def _read(data: bytes, name: str, layout: bool = True, lean: bool = False,
          seed: dict | None = None) -> tuple[polib.POFile, _FileInfo]:
    """Decode ``data`` in the charset its header declares (as msgfmt does), and read it.

    A file whose header declares no charset (or xgettext's placeholder
    ``CHARSET``) is read as UTF-8 when it is valid UTF-8, else byte for byte
    (as msgfmt does, with a warning), and written back the same way.
    """
    reader = _read_utf8(data, name, layout, lean, seed)
    utf8 = reader is not None
    if utf8:
        entries = reader.entries
        charset = _header_charset(entries)
        codec = _text_codec(charset, data, name)
    else:
        charset, codec = _bytes_codec(data, name, _utf8(data)[1])
    if not utf8 or codec != "utf-8":
        text = _decoded(data, codec, charset, name)
        reader = _Reader(text, name, layout, lean=lean, seed=seed)
        entries = reader.run()
    if reader.has_bytes:
        _decode_byte_escapes(entries, codec)
    info = _FileInfo()
    info.charset = charset or "UTF-8"
    info.codec = codec
    info.trailing = reader.trailing
    return _assemble(entries, info, codec), info


def _unknown_charset(charset: str, text: str, name: str) -> CatalogError:
    line = next((i for i, ln in enumerate(text.split("\n"), 1) if "charset=" in ln), 1)
    return CatalogError(f"the header's charset {charset!r} is not one l10n can read", path=name, line=line)


def _assemble(entries: list[polib.POEntry], info: _FileInfo, codec: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=_WRAP, encoding=codec, check_for_duplicates=False)
    header = None
    for i, e in enumerate(entries):
        if e.msgid == "" and e.msgctxt is None and not e.obsolete:
            header = i
            break
    if header is not None:
        meta = entries[header]
        del entries[header]
        info.had_header = True
        info.header_index = header
        po.header = info.header_comment = meta.tcomment
        po.metadata_is_fuzzy = meta.flags  # (as polib: the header's flags)
        info.header_fuzzy = bool(meta.flags)
        info.header_raw = meta._l10n_raw
        info.header_raw.comment_key = (meta.tcomment, info.header_fuzzy)
        info.header_msgstr = meta.msgstr
        key = None
        for line in meta.msgstr.split("\n"):
            k, sep, val = line.partition(":")
            if sep:
                key = k.strip()
                po.metadata[key] = val.strip()
            elif key is not None and line.strip():
                po.metadata[key] += "\n" + line.strip()
        info.metadata = list(po.metadata.items())
    list.extend(po, entries)
    po._l10n_file = info
    return po


def read_po(data: bytes, name: str = "<po>", *, nplurals: int | None = None, layout: bool = True,
            lean: bool = False, seed: dict | None = None) -> polib.POFile:
    """Parse a PO or POT file given as bytes, in the charset its header declares.

    Reads what GNU ``msgfmt`` reads and refuses what it refuses, with
    :class:`~l10n.errors.CatalogError` naming the line ``msgfmt`` names.
    ``nplurals``, when given, is the number of plural forms every plural entry
    must have (from the locale's Plural-Forms). ``layout=False`` (a catalog that is read, never written back,
    e.g. the template ``update`` merges) keeps each entry's line numbers but not the lines it was read from.
    ``lean=True`` (a catalog that is read, never changed nor written) reads :class:`ReadEntry` entries.
    ``seed`` (see :func:`shared_values`): the values another catalog in memory holds (the template a catalog
    is merged with), each kept once: an entry takes that catalog's msgid and reference instead of its own copy.
    """
    po, _info = _read(data, name, layout, lean, seed)
    _check_entries(po, name, nplurals)
    return po


def shared_values(po: polib.POFile) -> dict:
    """A seed for :func:`read_po`: the msgids and references of ``po``'s entries (each maps to itself)."""
    seed: dict = {}
    for e in po:
        seed[e.msgid] = e.msgid
        for occurrence in e.occurrences:
            seed[occurrence] = occurrence
    return seed


def read_po_unchecked(data: bytes, name: str = "<po>", *, layout: bool = True) -> polib.POFile:
    """:func:`read_po` without the duplicate and plural-form checks (``l10n check`` reports those itself).

    ``layout=False`` (a catalog that is read, not written back) keeps each entry's line numbers but not the
    lines it was read from: :func:`generate_po` would write it as a catalog built in memory."""
    return _read(data, name, layout)[0]


def parse_po_text(text: str, name: str = "<po>") -> polib.POFile:
    """Read a PO text already decoded (no duplicate or plural checks); :class:`CatalogError` as read_po."""
    entries = _Reader(text, name).run()
    info = _FileInfo()
    info.charset = _header_charset(entries) or "UTF-8"
    return _assemble(entries, info, "utf-8")


def msgid_line(e: polib.POEntry) -> int:
    raw = getattr(e, "_l10n_raw", None)
    return raw.msgid_line if raw is not None and raw.msgid_line else e.linenum


def msgstr_line(e: polib.POEntry) -> int:
    """The line of an entry's msgstr (or msgstr[0]) as read, else the entry's first line."""
    raw = getattr(e, "_l10n_raw", None)
    return raw.msgstr_line if raw is not None and raw.msgstr_line else e.linenum


def _check_entries(po: polib.POFile, name: str, nplurals: int | None) -> None:
    """Duplicates (obsolete entries included, as msgfmt counts them) and plural forms."""
    seen: dict[tuple[str | None, str], int] = {}
    info = getattr(po, "_l10n_file", None)
    if info is not None and info.had_header and info.header_raw is not None:
        seen[(None, "")] = info.header_raw.msgid_line
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        line = msgid_line(entry)
        if key in seen:
            raise CatalogError(f"duplicate message definition {entry.msgid[:50]!r} (first at line {seen[key]})",
                               path=name, line=line)
        seen[key] = line
        if entry.obsolete:
            continue
        if entry.msgid_plural and not entry.msgstr_plural:
            raise CatalogError("plural entry without msgstr[0] ... forms", path=name, line=entry.linenum)
        if nplurals and entry.msgid_plural and entry.msgstr_plural:
            have = len(entry.msgstr_plural)
            if have != nplurals:
                raise CatalogError(f"plural entry has {have} forms, the language needs {nplurals}",
                                   path=name, line=entry.linenum)


_WORDSEP = textwrap.TextWrapper.wordsep_re
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\r": "\\r", "\n": "\\n", "\v": "\\v", "\b": "\\b",
                          "\f": "\\f", '"': '\\"'})


_NEEDS_ESCAPE = re.compile(r'[\\\t\r\n\v\b\f"]')


def _escape(st: str) -> str:
    """polib's ``escape``."""
    if not _NEEDS_ESCAPE.search(st):
        return st
    return st.translate(_ESCAPES)


def _wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)``, faster.

    The same chunks (TextWrapper's own word-separator expression) and the
    same greedy filling, without the options polib does not use. ``text`` is
    an escaped PO string: it has no tabs or newlines to expand or replace.
    """
    if "-" not in text:
        return _wrap_at_spaces(text, width)
    chunks = [c for c in _WORDSEP.split(text) if c]
    lines: list[str] = []
    line: list[str] = []
    length = 0
    for chunk in chunks:
        n = len(chunk)
        if length + n <= width:
            line.append(chunk)
            length += n
            continue
        if line:
            lines.append("".join(line))
        line, length = [chunk], n  # an over-long chunk gets a line of its own
        if n > width:
            lines.append(chunk)
            line, length = [], 0
    if line:
        lines.append("".join(line))
    return lines


def _wrap_at_spaces(text: str, width: int) -> list[str]:
    """:func:`_wrap` for a text without hyphens, whose chunks are runs of spaces and of non-spaces.

    Each line ends at the last chunk boundary that fits, found with
    ``str.rfind`` instead of a loop over chunks; a chunk longer than the
    width gets a line of its own, as textwrap does.
    """
    lines: list[str] = []
    start, n = 0, len(text)
    while start < n:
        end = start + width
        if end >= n:
            lines.append(text[start:])
            break
        before, after = text[end - 1] == " ", text[end] == " "
        if before != after:
            cut = end  # a boundary right at the width
        elif after:  # inside a run of spaces: cut where it starts
            cut = len(text[start:end].rstrip(" ")) + start
        else:  # inside a word: cut after the last space before it
            cut = text.rfind(" ", start, end) + 1
        if cut <= start:  # the first chunk alone is too long: it gets the line
            first_space = text[start] == " "
            cut = start + (len(text[start:]) - len(text[start:].lstrip(" ")) if first_space else
                           (text.find(" ", start) if text.find(" ", start) >= 0 else n) - start)
        lines.append(text[start:cut])
        start = cut
    return lines


_NL_CHUNK = re.compile(r"[^\n]*\n|[^\n]+")


def _str_field(out: list[str], fieldname: str, delflag: str, plural_index: str, field: str, width: int) -> None:
    """polib's ``_BaseEntry._str_field``, appending to ``out``; lines break after ``\\n`` only (not at the
    other characters ``str.splitlines`` breaks at); ``width`` 0 never wraps (``#, no-wrap``)."""
    lines = _field_lines(fieldname, plural_index, field, width)
    if fieldname.startswith("previous_"):
        fieldname = fieldname[9:]
    out.append(f'{delflag}{fieldname}{plural_index} "{lines[0]}"')
    for line in lines[1:]:
        out.append(f'{delflag}"{line}"')


def _field_lines(fieldname: str, plural_index: str, field: str, width: int) -> list[str]:
    """The strings of a field's lines, escaped: one line per ``\\n`` when it has several, else wrapped at
    ``width`` (polib: the escaped text wrapped, each line unescaped and escaped again; a line without a
    backslash is its own escape)."""
    chunks = _NL_CHUNK.findall(field) if "\n" in field else None
    if chunks is not None and len(chunks) > 1:
        return ["", *(_escape(c) for c in chunks)]
    escaped = _escape(field)
    specials = len(escaped) - len(field)  # each special character is escaped as two
    if width > 0 and len(field) > width - (len(fieldname) + 3 + len(plural_index)) + specials:
        items = _wrap(escaped, width - 2)
        if "\\" in escaped:
            items = [_escape(polib.unescape(item)) for item in items]
        return ["", *items]
    return [escaped]


def _comment_text(e: polib.POEntry, width: int) -> list[str]:
    """The comment lines of an entry, as GNU gettext writes them (obsolete entries keep theirs too)."""
    out: list[str] = []
    if e.tcomment:
        for comment in e.tcomment.split("\n"):
            out.append("# " + comment if comment else "#")
    if e.comment:
        for comment in e.comment.split("\n"):
            out.append("#. " + comment if comment else "#.")
    if e.occurrences:
        filestr = " ".join(f"{path}:{line}" if line else path for path, line in e.occurrences)
        if len(filestr) + 3 > width:
            out += [ln.replace("*", "-") for ln in textwrap.wrap(
                filestr.replace("-", "*"), width, initial_indent="#: ", subsequent_indent="#: ",
                break_long_words=False)]
        else:
            out.append("#: " + filestr)
    if e.flags:
        out.append("#, " + ", ".join(e.flags))
    prefix = "#~| " if e.obsolete else "#| "
    wrap = 0 if "no-wrap" in e.flags else width
    for name in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
        value = getattr(e, name)
        if value is not None:
            _str_field(out, name, prefix, "", value, wrap)
    return out


def _body_text(e: polib.POEntry, width: int) -> list[str]:
    out: list[str] = []
    delflag = "#~ " if e.obsolete else ""
    if "no-wrap" in e.flags:
        width = 0
    if e.msgctxt is not None:
        _str_field(out, "msgctxt", delflag, "", e.msgctxt, width)
    _str_field(out, "msgid", delflag, "", e.msgid, width)
    if e.msgid_plural:
        _str_field(out, "msgid_plural", delflag, "", e.msgid_plural, width)
    if e.msgstr_plural:
        for index in sorted(e.msgstr_plural):
            _str_field(out, "msgstr", delflag, f"[{index}]", e.msgstr_plural[index], width)
    else:
        _str_field(out, "msgstr", delflag, "", e.msgstr, width)
    return out


def _entry_text(e: polib.POEntry, width: int) -> str:
    """One entry: the lines it was read from where its fields are unchanged, new lines where they changed."""
    raw = getattr(e, "_l10n_raw", None)
    if raw is None:
        out = _comment_text(e, width) + _body_text(e, width)
    else:
        comments = raw.comment_lines if raw.comment_lines is not None and raw.comment_key == _comment_key(e) \
            else _comment_text(e, width)
        body = raw.body_lines if raw.body_lines is not None and raw.body_key == _body_key(e) \
            else _body_text(e, width)
        out = comments + body
    out.append("")
    return "\n".join(out)


def _header_msgstr(po: polib.POFile, info: _FileInfo) -> str:
    """The header's text: as read, with the fields a command changed rewritten in place, the fields it
    removed left out and the fields it added at the end."""
    meta = po.metadata
    old = dict(info.metadata)
    out: list[str] = []
    done: set[str] = set()
    skipping = False
    lines = info.header_msgstr.split("\n")
    final = lines.pop() if lines else ""
    for line in lines:
        k, sep, _val = line.partition(":")
        key = k.strip() if sep else None
        if key is not None and key in old and key not in done:
            done.add(key)
            skipping = False
            if key not in meta:
                skipping = True
            elif meta[key] == old[key]:
                out.append(line)
            else:
                out.append(f"{key}: {meta[key]}")
                skipping = True  # its continuation lines go with the old value
            continue
        if not skipping:
            out.append(line)
    for key, value in meta.items():
        if key not in done:
            out.append(f"{key}: {value}")
    text = "\n".join(out) + "\n"
    return text + final if final and not out else text


def _memory_header(po: polib.POFile) -> str:
    """The header of a catalog built in memory, as polib writes it."""
    head = "".join("#\n" if not line else f"#{line}\n" if line[:1] in (",", ":") else f"# {line}\n"
                   for line in po.header.split("\n"))  # (as polib)
    return head + po.metadata_as_entry().__unicode__(_WRAP)


def _header_comment_lines(po: polib.POFile, raw: _Raw | None) -> list[str]:
    """The header's comment lines: as read if unchanged, else from the header text and fuzzy flag."""
    if raw is not None and raw.comment_lines is not None and raw.comment_key == (po.header,
                                                                                 bool(po.metadata_is_fuzzy)):
        return list(raw.comment_lines)
    out = ["# " + line if line else "#" for line in po.header.split("\n")] if po.header else []
    if po.metadata_is_fuzzy:
        out.append("#, fuzzy")
    return out


def _header_body_lines(po: polib.POFile, info: _FileInfo, raw: _Raw | None) -> list[str]:
    """The header entry's msgid and msgstr lines: as read if the fields are unchanged."""
    if raw is not None and raw.body_lines is not None and list(po.metadata.items()) == info.metadata:
        return list(raw.body_lines)
    text = _header_msgstr(po, info) if info.had_header else "".join(f"{k}: {v}\n" for k, v in po.metadata.items())
    return ['msgid ""', 'msgstr ""', *(f'"{_escape(chunk)}"' for chunk in _NL_CHUNK.findall(text))]


def _header_text(po: polib.POFile) -> str:
    info = getattr(po, "_l10n_file", None)
    if info is None:  # a catalog built in memory
        return _memory_header(po)
    if not info.had_header and not po.metadata and not po.header and not po.metadata_is_fuzzy:
        return ""
    raw = info.header_raw
    out = _header_comment_lines(po, raw) + _header_body_lines(po, info, raw)
    return "\n".join(out) + "\n"


def header_msgstr(po: polib.POFile) -> str | None:
    """The header entry's msgstr as it would be written, or None when the catalog has none."""
    info = getattr(po, "_l10n_file", None)
    if info is None:
        return "".join(f"{k}: {v}\n" for k, v in po.metadata.items()) if po.metadata else None
    if not info.had_header:
        return "".join(f"{k}: {v}\n" for k, v in po.metadata.items()) if po.metadata else None
    if list(po.metadata.items()) == info.metadata:
        return info.header_msgstr
    return _header_msgstr(po, info)


def _plain(po: polib.POFile) -> bool:
    """True for a catalog of plain polib entries (a subclass writes itself)."""
    return type(po) is polib.POFile and all(type(e) is polib.POEntry for e in po)


def generate_po(po: polib.POFile) -> str:
    """The PO file text, deterministic for the same catalog.

    What was read comes back as it was read (comment lines, wrapping,
    header fields and their order), except what a command changed; new or
    changed entries are written as polib writes them at 79 columns (comment
    lines never wrapped, ``#, no-wrap`` strings not wrapped), obsolete
    entries last, with all their comments.
    """
    po.wrapwidth = _WRAP
    if not _plain(po):
        po.wrapwidth = 10**6 if any(len(c) > 70 for e in po for c in f"{e.comment}\n{e.tcomment}".split("\n")) \
            else _WRAP  # a subclass writes itself; keep its comment lines whole
        text = po.__unicode__()
        po.wrapwidth = _WRAP
        return text if text.endswith("\n") else text + "\n"
    text = "\n".join(_parts(po))
    return text if text.endswith("\n") or not text else text + "\n"


def _in_order(po: polib.POFile) -> Iterator[polib.POEntry]:
    """A catalog's entries in the order they are written: live ones, then obsolete ones."""
    for obsolete in (False, True):
        for e in po:
            if bool(e.obsolete) is obsolete:
                yield e


def _handed_out(po: polib.POFile) -> Iterator[polib.POEntry]:
    """:func:`_in_order`, each entry let go of by ``po`` as it is handed out (``po`` ends a list of None)."""
    for obsolete in (False, True):
        for i, e in enumerate(po):
            if e is not None and bool(e.obsolete) is obsolete:
                po[i] = None
                yield e


def _parts(po: polib.POFile, entries: Iterable[polib.POEntry] | None = None) -> Iterator[str]:
    """The texts :func:`generate_po` joins with newlines (for a catalog of plain polib entries), one at a
    time: live entries, then obsolete ones (``entries``: those, in that order), the header among them where
    it was read, trailing comments last."""
    head = _header_text(po)
    info = getattr(po, "_l10n_file", None)
    at = info.header_index if info is not None else 0
    count = 0
    for e in _in_order(po) if entries is None else entries:
        if head and count == at:
            yield head
        yield _entry_text(e, _WRAP)
        count += 1
    if head and count <= at:  # read after the last entry (or no entries at all)
        yield head
    if info is not None and info.trailing:
        yield "\n".join(info.trailing) + "\n"


def _utf8_bytes(po: polib.POFile) -> bytes:
    """``generate_po(po).encode("utf-8")``, encoded a part at a time into one growing buffer: neither the
    file's text nor its parts are ever all in memory (at 100,000 entries that is tens of MB, twice that when
    one character needs two bytes in memory); only the bytes are."""
    out = io.BytesIO()
    sep = b""
    for part in _parts(po):
        out.write(sep)
        out.write(part.encode("utf-8"))
        sep = b"\n"
    data = out.getvalue()  # (the buffer itself, not a copy)
    return data if data.endswith(b"\n") or not data else data + b"\n"


def encode_po_parts(po: polib.POFile, *, name: str | None = None, consume: bool = False) -> list[bytes]:
    """:func:`encode_po`'s bytes as parts that make the file one after the other: a UTF-8 catalog's one per
    entry, each encoded as it is written (small objects fit in memory freed before, e.g. by the catalog the
    new one was merged from: no one block the size of the file); else one part.

    ``consume=True`` (a catalog encoded to be written, then dropped): ``po`` lets go of each entry once it is
    encoded, so the parts take the memory the entries had (``po`` is left a list of None); text UTF-8 cannot
    hold (a lone surrogate) is :class:`CatalogError` naming the line, as :func:`encode_po` names it."""
    if po_charset(po) != "utf-8" or not _plain(po):
        return [encode_po(po, name=name)]
    if consume:
        return _utf8_parts(_parts(po, _handed_out(po)), name)
    try:
        return _utf8_parts(_parts(po), name)
    except CatalogError:
        return [encode_po(po, name=name)]  # (raises it, from the whole text)


def _utf8_parts(parts: Iterator[str], name: str | None) -> list[bytes]:
    out: list[bytes] = []
    last = None
    for part in parts:
        if last is not None:
            out.append(_encoded(last + "\n", out, name))
        last = part
    if last is not None:  # the file ends with a newline, unless it is empty
        out.append(_encoded(last + "\n" if last and not last.endswith("\n") else last, out, name))
    return out


def _encoded(text: str, before: list[bytes], name: str | None) -> bytes:
    """``text`` in UTF-8; a lone surrogate is :class:`CatalogError` on its line (after the lines ``before``)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = sum(b.count(b"\n") for b in before) + text.count("\n", 0, exc.start) + 1
        raise CatalogError(f"{text[exc.start]!r} cannot be written in the catalog's charset utf-8", path=name,
                           line=line) from None


def po_charset(po: polib.POFile) -> str:
    """The Python codec a catalog's file is written in: the charset its header declares (UTF-8 if none)."""
    m = _CHARSET.search(po.metadata.get("Content-Type", ""))
    if not m or m.group(1).upper() in _UTF8:
        info = getattr(po, "_l10n_file", None)  # no charset declared: as the file was (UTF-8 or bytes)
        return info.codec if info is not None and info.codec == "latin-1" else "utf-8"
    return _codec(m.group(1)) or "utf-8"


def encode_po(po: polib.POFile, text: str | None = None, *, name: str | None = None,
              or_utf8: bool = False) -> bytes:
    """``generate_po(po)`` (or ``text``) as the bytes of the file, in the charset the header declares.

    Text that charset cannot hold is :class:`CatalogError` naming the line, or, with ``or_utf8`` (for
    commands that add text, e.g. machine translation), the catalog becomes UTF-8 and says so in its header.
    """
    codec = po_charset(po)
    if text is None and codec == "utf-8" and _plain(po):
        try:
            return _utf8_bytes(po)
        except UnicodeEncodeError:
            pass  # (a lone surrogate) reported below, with its line
    if text is None:
        text = generate_po(po)
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        if or_utf8:
            m = _CHARSET.search(po.metadata.get("Content-Type", ""))
            if m:
                ctype = po.metadata["Content-Type"]
                po.metadata["Content-Type"] = ctype[:m.start(1)] + "UTF-8" + ctype[m.end(1):]
            elif po.metadata or getattr(getattr(po, "_l10n_file", None), "had_header", False):
                po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
            info = getattr(po, "_l10n_file", None)
            if info is not None:
                info.codec = "utf-8"
            return generate_po(po).encode("utf-8")
        line = text.count("\n", 0, exc.start) + 1
        raise CatalogError(f"{text[exc.start]!r} cannot be written in the catalog's charset {codec}",
                           path=name, line=line) from None


def _keep_charset(new: polib.POFile, old: polib.POFile, info: _FileInfo) -> None:
    """``new`` keeps ``old``'s charset where its text fits in it (else it becomes UTF-8)."""
    codec = po_charset(old)
    ctype = new.metadata.get("Content-Type", "")
    if codec == po_charset(new) or not ctype:
        return
    m = _CHARSET.search(ctype)
    if not m:
        return
    kept = ctype[:m.start(1)] + info.charset + ctype[m.end(1):]
    try:
        generate_po(new).encode(codec)
    except UnicodeEncodeError:
        return  # the new text does not fit the old charset: the catalog becomes UTF-8
    new.metadata["Content-Type"] = kept


def _carry_obsolete(e: polib.POEntry, o: polib.POEntry) -> None:
    """An obsolete entry written bare keeps the comments, references and previous msgids it had."""
    if e.comment or e.occurrences or e.previous_msgid is not None:
        return
    e.comment, e.occurrences = o.comment, list(o.occurrences)
    e.previous_msgctxt, e.previous_msgid = o.previous_msgctxt, o.previous_msgid
    e.previous_msgid_plural = o.previous_msgid_plural
    if not e.tcomment:
        e.tcomment = o.tcomment
    for flag in o.flags:
        if flag not in e.flags:
            e.flags.append(flag)


def _layout_key(e: polib.POEntry) -> str | tuple:
    """An entry's message and whether it is obsolete: a live one's msgid (with its msgctxt, if any, a pair), an
    obsolete one's a triple (no two entries share a key; a live one without context needs no tuple)."""
    if e.obsolete:
        return (1, e.msgctxt, e.msgid)
    return e.msgid if e.msgctxt is None else (e.msgctxt, e.msgid)


def carry_layout(new: polib.POFile, old: polib.POFile) -> None:
    """Let ``new`` (built from ``old`` by a command, e.g. update) be written as ``old`` was where it did not
    change: the lines of unchanged entries, the header's text and field order, the charset; obsolete entries
    keep the comments, references and previous msgids they had."""
    info = getattr(old, "_l10n_file", None)
    if info is not None and getattr(new, "_l10n_file", None) is None:
        new._l10n_file = info
        if info.had_header and not old.header.strip():
            new.header = old.header  # a catalog without header comment is not given one
        _keep_charset(new, old, info)
    by_key = {_layout_key(e): e for e in old}
    for e in new:
        o = by_key.get(_layout_key(e))
        if o is None:
            continue
        if e.obsolete and o.obsolete:
            _carry_obsolete(e, o)
        raw = getattr(o, "_l10n_raw", None)
        if raw is not None and getattr(e, "_l10n_raw", None) is None:
            e._l10n_raw = raw


def write_po(fileobj, po: polib.POFile) -> None:
    """Write ``po`` to a binary file object, in its charset."""
    fileobj.write(encode_po(po))
