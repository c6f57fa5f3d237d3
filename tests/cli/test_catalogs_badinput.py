"""Bad input: one line naming the file and line, exit 2, no traceback, nothing written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.support.catalogs import DOC, ok, po_path, snapshot

ONE_LINE = re.compile(r"^error: (?P<path>[^:\n]+):(?P<line>\d+): .+$")


def assert_clean_failure(result, path: str, line: int | None) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    if line is None:
        assert lines[0].startswith(f"error: {path}: "), lines[0]
    else:
        m = ONE_LINE.match(lines[0])
        assert m, lines[0]
        assert (m["path"], int(m["line"])) == (path, line), lines[0]


def test_non_utf8_markdown(make_project, cli):
    root = make_project({"a.md": DOC, "b.md": "# Fine\n"})
    (root / "source_docs" / "b.md").write_bytes(b"# Title\n\nLine two\nCaf\xe9 latin-1 here.\n")
    before = snapshot(root)
    r = cli(root, "extract")
    assert_clean_failure(r, "source_docs/b.md", 4)
    assert "UTF-8" in r.stderr
    assert snapshot(root) == before  # a.pot was not written either


def test_non_utf8_html(make_project, cli):
    root = make_project({"a.html": "<p>x</p>"})
    (root / "source_docs" / "a.html").write_bytes(b"<p>ok</p>\n<p>\xff\xfe bad</p>\n")
    before = snapshot(root)
    assert_clean_failure(cli(root, "extract"), "source_docs/a.html", 2)
    assert snapshot(root) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_markdown_by_mode(make_project, cli):
    root = make_project({"a.md": DOC})
    path = root / "source_docs" / "a.md"
    path.chmod(0)
    try:
        r = cli(root, "extract")
        assert_clean_failure(r, "source_docs/a.md", None)
        assert not (root / "locales").exists()
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name", ["b.md", "b.html"])
def test_unreadable_source(make_project, cli, monkeypatch, name):
    """An I/O error while reading (permissions, a vanished network share) is one clean line."""
    root = make_project({"a.md": DOC, name: "<p>Fine.</p>\n"})
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    before = snapshot(root)
    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", read_bytes)
        r = cli(root, "extract")
    assert_clean_failure(r, f"source_docs/{name}", None)
    assert "Permission denied" in r.stderr
    assert snapshot(root) == before


def test_unknown_directive_names_line(make_project, cli):
    root = make_project({"a.md": "# T\n\nText.\n\n<!-- l10n: translate-me-not -->\n\nMore.\n"})
    before = snapshot(root)
    assert_clean_failure(cli(root, "extract"), "source_docs/a.md", 5)
    assert snapshot(root) == before


# --- PO edited by hand into an invalid state ---------------------------------------


@pytest.fixture
def translated(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es", "ar"])
    ok(cli(root, "extract"))
    ok(cli(root, "update"))
    return root


def _edit_po(root, locale, fn):
    path = po_path(root, locale)
    lines = path.read_text(encoding="utf-8").split("\n")
    lineno = fn(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    return lineno


def _find(lines, text):
    return next(i for i, ln in enumerate(lines) if ln == text)


def test_po_unterminated_string(translated, cli):
    def edit(lines):
        i = _find(lines, 'msgid "Stop slowly."')
        lines[i + 1] = 'msgstr "Para despacio.'
        return i + 3  # the line msgfmt names: where it reads the end of line (the string begins on the one before)

    line = _edit_po(translated, "es", edit)
    for command in ("update", "compile"):
        before = snapshot(translated)
        r = cli(translated, command, "-l", "es")
        assert_clean_failure(r, "locales/es/LC_MESSAGES/a.po", line)
        assert snapshot(translated) == before


def test_po_duplicate_msgid(translated, cli):
    def edit(lines):
        lines += ['', 'msgid "Risks"', 'msgstr "Riesgos"', '']
        return len(lines) - 2

    line = _edit_po(translated, "es", edit)
    for command in ("update", "compile"):
        before = snapshot(translated)
        r = cli(translated, command, "-l", "es")
        assert_clean_failure(r, "locales/es/LC_MESSAGES/a.po", line)
        assert "duplicate" in r.stderr
        assert snapshot(translated) == before


def test_po_missing_plural_forms(translated, cli):
    def edit(lines):
        lines += ['', 'msgid "%d day"', 'msgid_plural "%d days"', 'msgstr[0] "يوم"', 'msgstr[1] "يومان"', '']
        return len(lines) - 2  # the first msgstr[] line, which msgfmt names

    line = _edit_po(translated, "ar", edit)
    for command in ("update", "compile"):
        before = snapshot(translated)
        r = cli(translated, command, "-l", "ar")
        assert_clean_failure(r, "locales/ar/LC_MESSAGES/a.po", line)
        assert "6" in r.stderr
        assert snapshot(translated) == before


def test_po_garbage_line(translated, cli):
    def edit(lines):
        i = _find(lines, 'msgid "Help"')
        lines.insert(i, "this is not PO syntax")
        return i + 1

    line = _edit_po(translated, "es", edit)
    before = snapshot(translated)
    assert_clean_failure(cli(translated, "update", "-l", "es"), "locales/es/LC_MESSAGES/a.po", line)
    assert snapshot(translated) == before


def test_po_not_utf8(translated, cli):
    path = po_path(translated, "es")
    path.write_bytes(path.read_bytes().replace(b'msgid "Help"\nmsgstr ""', b'msgid "Help"\nmsgstr "Ayuda \xe9"'))
    line = path.read_bytes().split(b"\n").index(b'msgstr "Ayuda \xe9"') + 1
    before = snapshot(translated)
    assert_clean_failure(cli(translated, "compile", "-l", "es"), "locales/es/LC_MESSAGES/a.po", line)
    assert snapshot(translated) == before


def test_broken_template(translated, cli):
    pot = translated / "locales" / "a.pot"
    lines = pot.read_text(encoding="utf-8").split("\n")
    i = _find(lines, 'msgid "Risks"')
    lines[i] = 'msgid "Risks'
    pot.write_text("\n".join(lines), encoding="utf-8")
    before = snapshot(translated)
    # the line msgfmt names: the one after the string that lacks its closing quote (the message names both)
    assert_clean_failure(cli(translated, "update"), "locales/a.pot", i + 2)
    assert snapshot(translated) == before


def test_failure_in_second_locale_writes_nothing(translated, cli):
    """A bad catalog for one locale does not leave the others half-updated."""
    (translated / "source_docs" / "a.md").write_text(DOC + "\nA new sentence.\n", encoding="utf-8")
    ok(cli(translated, "extract"))

    def edit(lines):
        lines += ['', 'msgid "Risks"', 'msgstr "x"', '']
        return len(lines) - 2

    _edit_po(translated, "ar", edit)
    before = snapshot(translated)
    for command in ("update", "compile"):
        r = cli(translated, command)
        assert r.exit_code == 2
        assert snapshot(translated) == before


# --- broken configuration ------------------------------------------------------------


@pytest.mark.parametrize("extra,needle", [
    ('colour = "blue"\n', "colour"),
    ('unit = "word"\n', "unit"),
])
def test_broken_config(make_project, cli, extra, needle):
    root = make_project({"a.md": DOC})
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write(extra)
    before = snapshot(root)
    r = cli(root, "extract")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1 and needle in r.stderr
    assert snapshot(root) == before


def test_bad_locale_in_config(make_project, cli):
    root = make_project({"a.md": DOC}, locales=["es", "xx_YY"])
    before = snapshot(root)
    r = cli(root, "extract")
    assert r.exit_code == 2 and "xx_YY" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert snapshot(root) == before


def test_toml_syntax_error_names_line(make_project, cli):
    root = make_project({"a.md": DOC})
    (root / "pyproject.toml").write_text('[tool.l10n]\nsource_language = "en"\nlocales = ["es"\n', encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.l10n]\nsource_language = "en"\nlocales = ["es" "ca"]\n',
                                         encoding="utf-8")
    r = cli(root, "extract")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1
    # tomllib (3.11) reports the line only inside its message
    assert re.search(r"pyproject\.toml:(3: |.*line 3\b)", r.stderr), r.stderr


def test_msgmerge_style_obsolete_previous_msgid_is_accepted(tmp_path):
    """`#~|` lines (msgmerge writes them for obsolete fuzzy entries) are valid PO."""
    from l10n.catalogs import read_po

    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            '#, fuzzy\n#~| msgid "Old text."\n#~ msgid "Older text."\n#~ msgstr "Texto."\n')
    po = read_po(text.encode(), "x.po")
    assert [(e.msgid, e.obsolete) for e in po] == [("Older text.", 1)]


@pytest.mark.parametrize("bad,line", [
    # (msgfmt accepts '#~ # a comment' and 'msgstr "b" "c"': see tests/catalogs/test_pofile_reader.py)
    ('msgid "a"\nmsgstr "b\n', 7),  # (msgfmt names the line after the unterminated string)
    ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', None),
    ('#| msgid\n', None),
])
def test_malformed_po_lines_are_errors(bad, line):
    from l10n.catalogs import read_po
    from l10n.errors import CatalogError

    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + bad
    with pytest.raises(CatalogError) as exc:
        read_po(text.encode(), "x.po")
    assert exc.value.path == "x.po"
    if line:
        assert exc.value.line == line
