"""The PO texts of the tools' own test suites (polib, Babel, translate-toolkit, GNU gettext) and hand-made
tricky cases (tests/fixtures/po_peers, origins and licences in its README), held to GNU gettext:

* msgfmt's verdict and l10n's agree (accepted by both, or refused by both, on the line msgfmt names);
* an accepted text read and written back by l10n is gettext-equivalent to it (``msgcat --no-wrap`` of
  both is the same), byte-identical when it was already in msgcat's canonical form;
* its MO is byte for byte msgfmt's (or refused clearly, for system-dependent strings).

``python -m tests.catalogs.test_pofile_peers`` prints the counts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.support.paths import FIXTURES

PEERS = FIXTURES / "po_peers"
FILES = sorted(p for p in PEERS.rglob("*") if p.suffix in (".po", ".pot"))
HAVE_GETTEXT = shutil.which("msgfmt") is not None and shutil.which("msgcat") is not None
_WHERE = re.compile(r"^[^\n:]*:(\d+):", re.M)

pytestmark = [pytest.mark.gettext, pytest.mark.skipif(not HAVE_GETTEXT, reason="GNU gettext not installed")]


def _msgfmt(path: Path) -> tuple[bool, int | None, bytes | None]:
    """msgfmt's verdict, the line of its first error, and the MO it writes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.mo"
        r = subprocess.run(["msgfmt", "-o", str(out), path.name], cwd=path.parent, capture_output=True)
        m = _WHERE.search(r.stderr.decode("utf-8", "replace"))
        return r.returncode == 0, int(m.group(1)) if m and r.returncode else None, (
            out.read_bytes() if out.is_file() else None)


def _msgcat(data: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "x.po"
        p.write_bytes(data)
        r = subprocess.run(["msgcat", "--no-wrap", "-o", "-", str(p)], capture_output=True)
        return r.stdout if r.returncode == 0 else b"refused: " + r.stderr.replace(str(p).encode(), b"x.po")


def _canonical(data: bytes) -> bytes | None:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "x.po"
        p.write_bytes(data)
        r = subprocess.run(["msgcat", "-o", "-", str(p)], capture_output=True)
        return r.stdout if r.returncode == 0 else None


def judge(path: Path) -> dict:
    """Everything the suite compares, for one text."""
    from l10n.catalogs import generate_mo, mo_messages, read_po
    from l10n.catalogs.pofile import encode_po
    from l10n.errors import CatalogError

    data = path.read_bytes()
    ok, line, mo = _msgfmt(path)
    out: dict = {"msgfmt": ok, "msgfmt_line": line}
    try:  # what l10n compile does: read, then pick the MO's messages (msgfmt's compile-time checks)
        po = read_po(data, path.name)
        try:
            pairs = mo_messages(po, name=path.name, check_newlines=True)
        except CatalogError as exc:
            if "system-dependent" not in exc.message:
                raise
            pairs = None
            out["mo"] = "refused: " + exc.message
    except CatalogError as exc:
        out.update(l10n=False, l10n_line=exc.line, message=str(exc))
        return out
    out["l10n"] = True
    if not ok:
        return out
    written = encode_po(po)
    out["identical"] = written == data
    out["canonical"] = _canonical(data) == data
    out["equivalent"] = written == data or _msgcat(written) == _msgcat(data)
    if pairs is not None:
        # (msgfmt writes no file when nothing is left to compile; l10n's MO then has no message either)
        out["mo"] = ("no MO" if not pairs else False) if mo is None else generate_mo(pairs) == mo
    return out


def _id(p: Path) -> str:
    return p.relative_to(PEERS).as_posix()


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_peer_text_is_read_as_gettext_reads_it(path):
    r = judge(path)
    assert r["l10n"] == r["msgfmt"], r
    if not r["msgfmt"]:
        assert r["l10n_line"] == r["msgfmt_line"] or r["msgfmt_line"] is None, r
        return
    assert r["equivalent"], r
    if r["canonical"]:
        assert r["identical"], r
    assert r["mo"] is True or r["mo"] == "no MO" or str(r["mo"]).startswith("refused: a system-dependent"), r


def test_the_fixture_sets_are_there():
    groups = {p.relative_to(PEERS).parts[0] for p in FILES}
    assert {"polib", "babel", "translate", "gettext", "handmade"} <= groups
    assert len(FILES) > 250


if __name__ == "__main__":
    from collections import Counter

    counts: Counter = Counter()
    for p in FILES:
        r = judge(p)
        group = _id(p).split("/")[0]
        counts["texts"] += 1
        counts["verdicts agree"] += r["l10n"] == r["msgfmt"]
        if r["l10n"] != r["msgfmt"]:
            print("DISAGREE", _id(p), r)
        counts["accepted by msgfmt"] += r["msgfmt"]
        if not r["msgfmt"] and not r["l10n"]:
            counts["refused by both"] += 1
            counts["refused on msgfmt's line"] += r["l10n_line"] == r["msgfmt_line"]
            if r["l10n_line"] != r["msgfmt_line"]:
                print("LINE", _id(p), r)
        if r["msgfmt"] and r["l10n"]:
            counts["round trip gettext-equivalent"] += r["equivalent"]
            counts["canonical"] += r["canonical"]
            counts["canonical and byte-identical"] += r["canonical"] and r["identical"]
            counts["byte-identical"] += r["identical"]
            counts["MO compared"] += r["mo"] in (True, False)
            counts["MO byte-identical"] += r["mo"] is True
            counts["MO refused (system-dependent)"] += str(r["mo"]).startswith("refused")
            if not r["equivalent"] or r["mo"] is False or (r["canonical"] and not r["identical"]):
                print("ROUNDTRIP/MO", _id(p), r)
    for k, v in counts.items():
        print(f"{k:34} {v}")
    sys.exit(0)
