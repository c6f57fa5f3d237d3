"""Cross-checks with real tools: GNU gettext, polib and Babel read what l10n writes.

Tests that need GNU gettext are skipped when ``msgfmt`` is missing (CI
installs the ``gettext`` package, so they run there).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po as babel_read_po

from tests.support.gettext import msgfmt_check, requires_msgfmt
from tests.support.catalogs import DOC, ok, po, po_path, translate_all

HTML = """<!DOCTYPE html>
<html><head><title>Leaflet "quoted" title</title></head>
<body>
<h1>Kratom &amp; you</h1>
<p>Start <b>low</b>, go slow. Percent signs like 100% or %s or {name} are text.</p>
<p>A backslash \\ and a tab\there; a very long sentence that goes on and on so that the writer must wrap it over several lines at seventy-nine columns.</p>
<img src="a.png" alt="Leaves">
</body></html>
"""


@pytest.fixture
def worked_project(make_project, cli):
    """A project whose catalogs hold translated, fuzzy, obsolete and new entries in every locale."""
    root = make_project({"a.md": DOC, "b.html": HTML}, locales=["es", "ca", "fr", "pt_BR", "ar"], bundled=True)
    ok(cli(root, "extract"))
    ok(cli(root, "update"))
    for loc in ("es", "ar"):
        translate_all(root, loc, "a", prefix=f"{loc}: ")
        translate_all(root, loc, "b", prefix=f"{loc}: ")
    src = root / "source_docs" / "a.md"
    src.write_text(DOC.replace("Stop slowly.", "Stop very slowly.").replace("## Help\n", "## Help\n\nNew text.\n")
                   .replace("Call a doctor if you feel unwell.\n\n", ""), encoding="utf-8")
    ok(cli(root, "extract"))
    ok(cli(root, "update"))
    ok(cli(root, "compile"))
    return root


def written_catalogs(root: Path) -> list[Path]:
    return sorted((root / "locales").rglob("*.pot")) + sorted((root / "locales").rglob("*.po"))


def test_worked_project_has_every_kind_of_entry(worked_project):
    cat = po(worked_project)
    assert any(e.fuzzy and e.previous_msgid for e in cat)
    assert any(e.obsolete for e in cat)
    assert any(not e.msgstr and not e.obsolete for e in cat)


@requires_msgfmt
def test_every_catalog_passes_msgfmt_check(worked_project):
    paths = written_catalogs(worked_project)
    assert len(paths) == 5 + 5 * 5  # a.md, b.html and the 3 bundled articles
    for path in paths:
        r = msgfmt_check(path)
        assert r.returncode == 0, f"{path}: {r.stderr}"
        # a PO must be clean; a POT may only warn that Language is left for msginit
        noise = [ln for ln in r.stderr.splitlines() if "header field 'Language'" not in ln]
        assert noise == [], f"{path}: {r.stderr}"


def _entries_polib(text: str):
    cat = polib.pofile(text)
    return [(e.msgctxt, e.msgid, e.msgstr, e.fuzzy, e.obsolete, tuple(e.occurrences)) for e in cat]


def _entries_babel(data: bytes):
    cat = babel_read_po(io.BytesIO(data))
    out = []
    for m in cat:
        if not m.id:
            continue
        out.append((m.context, m.id, m.string, m.fuzzy, False, tuple((f, "") for f, _ in m.locations)))
    for m in cat.obsolete.values():
        out.append((m.context, m.id, m.string, m.fuzzy, True, ()))
    return out


def test_polib_and_babel_read_back_the_same_entries(worked_project):
    for path in written_catalogs(worked_project):
        data = path.read_bytes()
        ours = _entries_polib(data.decode("utf-8"))
        theirs = _entries_babel(data)
        # Babel drops the references of obsolete entries and splits "file#anchor" refs on ':' only
        ours_cmp = [(c, i, s, f, o, () if o else tuple((r, "") for r, _ in occ)) for c, i, s, f, o, occ in ours]
        assert sorted(ours_cmp, key=repr) == sorted(theirs, key=repr), path
        babel_cat = babel_read_po(io.BytesIO(data))
        if path.suffix == ".po":
            assert not babel_cat.fuzzy  # the header is never fuzzy
            assert babel_cat.locale is not None


@requires_msgfmt
def test_mo_identical_to_msgfmt_and_msgunfmt_accepts_it(worked_project, tmp_path):
    for loc in ("es", "ar", "fr"):
        for name in ("a", "b"):
            po_file = po_path(worked_project, loc, name)
            ours = po_file.with_suffix(".mo").read_bytes()
            ref = tmp_path / f"{loc}-{name}.mo"
            subprocess.run(["msgfmt", "-o", str(ref), str(po_file)], check=True)
            assert ours == ref.read_bytes(), f"{po_file}: MO differs from msgfmt's"
            r = subprocess.run(["msgunfmt", str(po_file.with_suffix(".mo"))], capture_output=True, text=True)
            assert r.returncode == 0, r.stderr
            if loc == "es" and name == "a":
                assert 'msgstr "es: Risks"' in r.stdout


@requires_msgfmt
def test_mo_with_context_and_plurals_matches_msgfmt(tmp_path):
    from l10n.catalogs import generate_mo, mo_messages, read_po

    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: ar\\n"\n"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : '
        'n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\\n"\n\n'
        'msgctxt "disclaimer:x"\nmsgid "Not advice."\nmsgstr "ليست نصيحة."\n\n'
        'msgid "%d day"\nmsgid_plural "%d days"\n' + "".join(f'msgstr[{i}] "ي{i} %d"\n' for i in range(6)) + "\n"
        'msgid "Zebra"\nmsgstr "حمار وحشي"\n\n'
        '#, fuzzy\nmsgid "Fuzzy one"\nmsgstr "غامض"\n'
    )
    src = tmp_path / "x.po"
    src.write_text(text, encoding="utf-8")
    ours = generate_mo(mo_messages(read_po(src.read_bytes(), "x.po", nplurals=6)))
    subprocess.run(["msgfmt", "-o", str(tmp_path / "x.mo"), str(src)], check=True)
    assert ours == (tmp_path / "x.mo").read_bytes()


def test_compiled_mo_has_no_fuzzy_or_obsolete(worked_project):
    import gettext

    with po_path(worked_project).with_suffix(".mo").open("rb") as fh:
        t = gettext.GNUTranslations(fh)
    assert t.gettext("Stop very slowly.") == "Stop very slowly."
    assert t.gettext("Call a doctor if you feel unwell.") == "Call a doctor if you feel unwell."
    assert t.gettext("Risks") == "es: Risks"


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext not installed")
def test_gnu_msgcat_reads_the_same_entries(worked_project):
    """GNU msgcat re-reads and re-writes our PO files without losing anything.

    (It wraps long lines slightly differently from polib, so the text is not
    compared byte for byte; see bench/README.md.)
    """
    for path in (po_path(worked_project), po_path(worked_project, "ar", "b"), worked_project / "locales" / "b.pot"):
        r = subprocess.run(["msgcat", "--width=79", str(path)], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert _entries_polib(r.stdout) == _entries_polib(path.read_text(encoding="utf-8"))
