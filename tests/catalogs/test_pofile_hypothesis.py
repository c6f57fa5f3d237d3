"""Generated catalogs (comments of every kind, with and without a space after the marker, obsolete entries,
previous msgids, flags, escapes, strings split over lines, contexts, plurals) read and written back by l10n:
gettext-equivalent to the input (``msgcat --no-wrap`` of both the same), byte-identical when the input was
msgcat's canonical form, and an edited entry written so that gettext reads the edit."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from l10n.catalogs import generate_mo, mo_messages, read_po
from l10n.catalogs.pofile import encode_po

pytestmark = [pytest.mark.gettext,
              pytest.mark.skipif(shutil.which("msgcat") is None or shutil.which("msgfmt") is None,
                                 reason="GNU gettext not installed")]

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORD = st.text(alphabet="abcdeéñ日 .,-%\n\t\"\\", min_size=1, max_size=12)
TEXT = st.lists(WORD, min_size=1, max_size=12).map("".join)
COMMENT = st.text(alphabet="abcé#:.,|~-", max_size=20).map(lambda c: c.replace("é", " é"))
_ESC = {"\n": "\\n", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


@st.composite
def quoted(draw, value: str) -> list[str]:
    """``value`` as quoted string lines, split where the draw says (as editors do), escapes of every kind."""
    out = []
    for ch in value:
        if ch.isascii() and ch.isalpha() and draw(st.integers(0, 30)) == 0:
            out.append(f"\\{ord(ch):03o}")  # an octal escape
        else:
            out.append(_ESC.get(ch, ch))
    cut = sorted(draw(st.sets(st.integers(0, len(out)), max_size=3)))
    pieces, last = [], 0
    for c in cut + [len(out)]:
        pieces.append("".join(out[last:c]))
        last = c
    if len(pieces) > 1 and draw(st.booleans()):
        pieces.insert(0, "")
    pieces = [p for i, p in enumerate(pieces) if p or i == 0]
    return [f'"{p}"' for p in pieces]


@st.composite
def entry(draw, msgid: str, obsolete: bool) -> list[str]:
    sp = lambda: " " if draw(st.integers(0, 3)) else ""  # noqa: E731 - a marker without space, sometimes
    lines = []
    for _ in range(draw(st.integers(0, 2))):
        lines.append("#" + sp() + draw(COMMENT).lstrip(".:,|~!"))
    for _ in range(draw(st.integers(0, 2))):
        lines.append("#." + sp() + draw(COMMENT))
    if draw(st.booleans()):
        lines.append("#:" + sp() + " ".join(f"f{draw(st.integers(0, 9))}.c:{draw(st.integers(1, 99))}"
                                            for _ in range(draw(st.integers(1, 3)))))
    flags = draw(st.lists(st.sampled_from(["fuzzy", "c-format", "no-wrap", "python-format"]), unique=True,
                          max_size=3))
    if flags:
        lines.append("#," + sp() + ", ".join(flags))
    pre = "#~ " if obsolete else ""
    if draw(st.integers(0, 3)) == 0:
        prev = quoted_lines = draw(quoted(draw(TEXT)))
        lines.append(("#~| " if obsolete else "#| ") + "msgid " + prev[0])
        lines += [("#~| " if obsolete else "#| ") + q for q in quoted_lines[1:]]
    if draw(st.integers(0, 4)) == 0:
        ctx = draw(quoted(draw(TEXT)))
        lines += [pre + "msgctxt " + ctx[0]] + [pre + q for q in ctx[1:]]
    ids = draw(quoted(msgid))
    lines += [pre + "msgid " + ids[0]] + [pre + q for q in ids[1:]]
    if draw(st.integers(0, 4)) == 0:
        plural = draw(quoted(msgid + " (n)"))
        lines += [pre + "msgid_plural " + plural[0]] + [pre + q for q in plural[1:]]
        for i in range(draw(st.integers(1, 3))):
            form = draw(quoted(draw(st.one_of(st.just(""), TEXT))))
            lines += [pre + f"msgstr[{i}] " + form[0]] + [pre + q for q in form[1:]]
    else:
        s = draw(quoted(draw(st.one_of(st.just(""), TEXT))))
        lines += [pre + "msgstr " + s[0]] + [pre + q for q in s[1:]]
    return lines


@st.composite
def catalog(draw) -> str:
    lines = []
    if True:  # always a header: msgcat needs one naming the charset for non-ASCII text
        for _ in range(draw(st.integers(0, 2))):
            lines.append("# " + draw(COMMENT))
        if draw(st.booleans()):
            lines.append("#, fuzzy")
        lines += ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"',
                  '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);\\n"', ""]
    ids = draw(st.lists(TEXT, unique=True, max_size=8))
    for i, msgid in enumerate(ids):
        lines += draw(entry(msgid, obsolete=draw(st.integers(0, 4)) == 0)) + [""]
    return "\n".join(lines) + "\n"


def _gettext(tool: list[str], data: bytes) -> tuple[int, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "x.po"
        p.write_bytes(data)
        r = subprocess.run([*tool, str(p)], capture_output=True)
        return r.returncode, r.stdout


@SETTINGS
@given(catalog(), st.data())
def test_generated_catalogs_round_trip_as_gettext_reads_them(text, data):
    raw = text.encode("utf-8")
    ok, _ = _gettext(["msgfmt", "-o", "/dev/null"], raw)
    assume(ok == 0)  # (a msgctxt that makes two entries the same, a newline mismatch: msgfmt's refusals)
    po = read_po(raw, "gen.po")
    written = encode_po(po)
    assert written == raw or _gettext(["msgcat", "--no-wrap", "-o", "-"], written) == \
        _gettext(["msgcat", "--no-wrap", "-o", "-"], raw)
    rc, canonical = _gettext(["msgcat", "-o", "-"], raw)
    assert rc == 0
    assert read_po(canonical, "canonical.po") is not None
    assert encode_po(read_po(canonical, "canonical.po")) == canonical
    rc, gnu_mo = _gettext(["msgfmt", "-o", "-"], raw)
    if gnu_mo:
        assert generate_mo(mo_messages(po)) == gnu_mo
    # an edit: gettext reads the new text, everything else as it was
    if len(po):
        i = data.draw(st.integers(0, len(po) - 1))
        e = po[i]
        new = data.draw(TEXT)
        if e.msgid_plural:
            e.msgstr_plural[0] = new
        else:
            e.msgstr = new
        again = read_po(encode_po(po), "edited.po")
        assert [(x.msgctxt, x.msgid, x.msgstr, x.msgstr_plural, x.obsolete, x.flags, x.comment, x.tcomment,
                 x.occurrences, x.previous_msgid) for x in again] == [
            (x.msgctxt, x.msgid, x.msgstr, x.msgstr_plural, x.obsolete, x.flags, x.comment, x.tcomment,
             x.occurrences, x.previous_msgid) for x in sorted(po, key=lambda x: bool(x.obsolete))]  # obsolete last
