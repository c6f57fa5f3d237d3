"""A disclaimer lightly edited in the source keeps its protection.

The segment keeps its ``disclaimer:<id>`` context, the approved translation
comes back fuzzy (stale) with the previous msgid, it is never sent to machine
translation, and the locale is not built until someone reviews it.
"""

from __future__ import annotations

import polib
import pytest

from tests.support import paths

ARTICLE = "source_docs/kratom-addiction-treatment.md"
OLD = "guidance are paramount"
NEW = "guidance are important"
ALL = ("es", "ca", "fr", "pt_BR", "ar")


def _entry(root, locale="es"):
    po = polib.pofile(str(root / "locales" / locale / "LC_MESSAGES" / "kratom-addiction-treatment.po"))
    return next(e for e in po if "responsible use and professional" in e.msgid and not e.obsolete)


def test_edited_disclaimer_stays_a_disclaimer_and_goes_stale(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=ALL)
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "es").exit_code == 0
    before = _entry(root)
    assert before.msgctxt == "disclaimer:responsible-use" and before.msgstr and not before.fuzzy

    path = root / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "es").exit_code == 0
    after = _entry(root)
    assert after.msgctxt == "disclaimer:responsible-use"
    assert NEW in after.msgid
    assert after.fuzzy and OLD in (after.previous_msgid or "")
    assert after.msgstr == before.msgstr  # offered for review, not lost
    assert "STALE" in after.comment


def test_unrelated_sentence_is_not_taken_for_a_disclaimer():
    from l10n.glossary import load_glossary
    from l10n.config import parse_settings
    from l10n.model import Segment

    root = paths.ROOT
    g = load_glossary(root / "glossary.yaml", parse_settings({"locales": list(ALL)}, root))
    seg = Segment("Remember to drink water when it is hot.", "x", ref="a/p1", line=1)
    assert g.disclaimer_id(seg) is None


def test_configured_glossary_that_is_missing_is_an_error(make_project, cli):
    """Running without the glossary would strip every disclaimer of its protection."""
    root = make_project({"a.md": "Text.\n"}, locales=("es",))
    py = root / "pyproject.toml"
    py.write_text(py.read_text(encoding="utf-8") + 'glossary = "glossary.yaml"\n', encoding="utf-8")
    for args in (("extract",), ("check",), ("run",)):
        result = cli(root, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "glossary.yaml: glossary not found" in result.stderr
    assert not (root / "locales").exists() and not (root / "dist").exists()


def test_unwritable_output_is_a_one_line_error(make_project, cli, tmp_path):
    root = make_project(bundled=True, glossary=True, locales=ALL)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = cli(root, "glossary", "export", "--format", "csv", "-o", str(blocker / "out.csv"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_page_title_is_element_text_not_an_attribute():
    from l10n.render import render_document
    from l10n.segment import segment_text

    doc = segment_text('<html><head><title>Leaflet</title></head><body><p x="1" title="Tip">Hi.</p></body></html>',
                       "a.html")
    kinds = {s.source: s.kind for s in doc.segments}
    assert kinds == {"Leaflet": "page_title", "Tip": "title", "Hi.": "paragraph"}
    out = render_document(doc, {(None, "Leaflet"): 'Folleto "A"', (None, "Tip"): 'Consejo "B"'})
    assert '<title>Folleto "A"</title>' in out and 'title="Consejo &quot;B&quot;"' in out


def test_xliff_export_writes_nothing_when_a_catalog_is_malformed(make_project, cli):
    root = make_project(bundled=True, glossary=True, locales=ALL)
    assert cli(root, "extract").exit_code == 0 and cli(root, "update", "-l", "es").exit_code == 0
    bad = root / "locales" / "es" / "LC_MESSAGES" / "kratom-harm-reduction.po"
    bad.write_text(bad.read_text(encoding="utf-8") + '\nmsgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    result = cli(root, "xliff", "export", "-l", "es")
    assert result.exit_code == 2 and "kratom-harm-reduction.po:" in result.stderr
    assert not (root / "xliff").exists()


def test_pseudo_text_never_lands_in_a_real_locale(make_project, cli):
    root = make_project({"a.md": "Kratom may cause dependence.\n"}, locales=("es", "ar"))
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    result = cli(root, "translate", "-l", "ar", "--provider", "pseudo")
    assert result.exit_code == 2 and "pseudo provider writes pseudo-locales" in result.stderr


def test_source_language_is_not_a_target(make_project, cli):
    root = make_project({"a.md": "Text.\n"}, locales=("es",))
    assert cli(root, "extract").exit_code == 0
    result = cli(root, "update", "-l", "en")
    assert result.exit_code == 2 and "source language" in result.stderr
    assert not (root / "locales" / "en").exists()


def test_check_on_a_malformed_catalog_is_bad_input(tmp_path, cli):
    po = tmp_path / "broken.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "a\nmsgstr "b"\n', encoding="utf-8")
    result = cli(tmp_path, "check", str(po), "-l", "es")
    assert result.exit_code == 2
    assert "broken.po:7" in result.output and "L10N101" in result.output  # msgfmt's line (string begun on 6)


def test_long_notes_stay_one_line_each_in_po_and_xliff(make_project, cli):
    """A wrapped note would show as two notes in Poedit and XLIFF."""
    root = make_project(bundled=True, glossary=True, locales=ALL)
    assert cli(root, "extract").exit_code == 0 and cli(root, "update", "-l", "fr").exit_code == 0
    text = (root / "locales" / "fr" / "LC_MESSAGES" / "kratom-harm-reduction.po").read_text(encoding="utf-8")
    notes = [ln for ln in text.splitlines() if ln.startswith("#. ")]
    assert any(len(ln) > 79 for ln in notes)
    assert all(ln[3:].startswith(("glossary:", "block:", "SAFETY", "approved", "misspelling")) for ln in notes), \
        [ln for ln in notes if not ln[3:].startswith(("glossary:", "block:", "SAFETY", "approved"))][:3]
    assert cli(root, "xliff", "export", "-l", "fr").exit_code == 0
    xlf = (root / "xliff" / "fr" / "kratom-harm-reduction.xlf").read_text(encoding="utf-8")
    import re
    for note in re.findall(r'<note from="l10n"[^>]*>([^<]*)</note>', xlf):
        assert note.count("glossary:") <= 1 and note.count("block:") <= 1, note


def test_update_keeps_the_translators_header_fields(make_project, cli):
    root = make_project({"a.md": "One.\n\nTwo.\n"}, locales=("es",))
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    po = root / "locales" / "es" / "LC_MESSAGES" / "a.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('"X-Generator: l10n', '"X-Generator: Poedit 3.4\\n"\n"X-Old: l10n')
    text = text.replace('msgid "One."\nmsgstr ""', 'msgid "One."\nmsgstr "Uno."')
    po.write_text(text, encoding="utf-8")
    revised = [ln for ln in text.splitlines() if ln.startswith('"PO-Revision-Date')]
    (root / "source_docs" / "a.md").write_text("One.\n\nTwo.\n\nThree.\n", encoding="utf-8")
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    after = po.read_text(encoding="utf-8")
    assert '"X-Generator: Poedit 3.4\\n"' in after and 'msgstr "Uno."' in after and 'msgid "Three."' in after
    assert [ln for ln in after.splitlines() if ln.startswith('"PO-Revision-Date')] == revised


def test_broken_link_in_source_docs_is_an_error(make_project, cli):
    root = make_project({"a.md": "Text.\n"}, locales=("es",))
    (root / "source_docs" / "link.md").symlink_to(root / "nowhere.md")
    result = cli(root, "extract")
    assert result.exit_code == 2 and "link.md" in result.stderr and "cannot read" in result.stderr
    assert not (root / "locales").exists()


def test_machine_translation_is_marked_as_such_in_xliff(make_project, cli):
    root = make_project({"a.md": "Kratom may cause dependence.\n\nCall a doctor.\n"}, locales=("es",))
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    po = root / "locales" / "es" / "LC_MESSAGES" / "a.po"
    text = po.read_text(encoding="utf-8").replace(
        'msgid "Call a doctor."\nmsgstr ""',
        '# machine translation: apertium, 2026-11-24\n#, fuzzy\nmsgid "Call a doctor."\nmsgstr "Llame a un médico."')
    po.write_text(text, encoding="utf-8")
    assert cli(root, "xliff", "export", "-l", "es").exit_code == 0
    xlf = (root / "xliff" / "es" / "a.xlf").read_text(encoding="utf-8")
    assert 'state-qualifier="mt-suggestion"' in xlf and 'state-qualifier="fuzzy-match"' not in xlf


def test_run_twice_leaves_every_file_byte_identical(make_project, cli):
    """Includes the pseudo-locale, whose generated disclaimer notes once churned."""
    import hashlib

    root = make_project(bundled=True, glossary=True, locales=ALL)
    py = root / "pyproject.toml"
    py.write_text(py.read_text(encoding="utf-8") + '\n[tool.l10n.engines]\nen_XA = "pseudo"\n\n'
                  '[tool.l10n.publish]\nallow_machine_translation = ["en_XA"]\n', encoding="utf-8")

    def snapshot():
        return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(root.rglob("*")) if p.is_file() and ".l10n" not in p.parts}

    assert cli(root, "run").exit_code == 0
    first = snapshot()
    assert any(k.startswith("dist-preview/en_XA/") for k in first)  # a pseudo-locale is a preview (issue 12.8)
    assert cli(root, "run").exit_code == 0
    assert snapshot() == first


@pytest.mark.parametrize("locale,target", [
    ("fr", "Cet article examine ses risques potentiels."),
    ("es", "Este artículo examina sus riesgos potenciales."),
    ("pt_BR", "Este artigo examina seus riscos potenciais."),
    ("ca", "Aquest article examina els seus riscos potencials."),
])
def test_plural_hedges_are_hedges(locale, target):
    """A plural adjective keeps the hedge (found by the French translation of the seed)."""
    import polib

    from l10n.checks import check_catalog
    from l10n.config import parse_settings
    from l10n.glossary import load_glossary

    root = paths.ROOT
    g = load_glossary(root / "glossary.yaml", parse_settings({"locales": list(ALL)}, root))
    po = polib.POFile()
    po.metadata = {"Language": locale, "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="This article explores its potential risks.", msgstr=target))
    assert not [f for f in check_catalog(po, locale=locale, glossary=g) if f.code == "L10N312"]


def test_written_files_follow_the_umask_and_keep_their_mode(tmp_path):
    """A published page must be readable by the web server (not 0600)."""
    import os

    from l10n.fileio import atomic_write

    old = os.umask(0o022)
    try:
        new = tmp_path / "page.html"
        assert atomic_write(new, b"<p>hola</p>")
        assert new.stat().st_mode & 0o777 == 0o644
        new.chmod(0o664)
        assert atomic_write(new, b"<p>adios</p>")
        assert new.stat().st_mode & 0o777 == 0o664
        assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temp file left
    finally:
        os.umask(old)


def test_edited_disclaimer_cannot_be_published_by_clearing_its_fuzzy_flag(make_project, cli):
    """What Poedit's "needs work" toggle would do must not launder a stale disclaimer."""
    root = make_project(bundled=True, glossary=True, locales=ALL)
    assert cli(root, "extract").exit_code == 0 and cli(root, "update", "-l", "es").exit_code == 0
    path = root / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    assert cli(root, "extract").exit_code == 0 and cli(root, "update", "-l", "es").exit_code == 0
    po_path = root / "locales" / "es" / "LC_MESSAGES" / "kratom-addiction-treatment.po"
    po = polib.pofile(str(po_path))
    e = _entry(root)
    entry = next(x for x in po if x.msgid == e.msgid and not x.obsolete)
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    entry.previous_msgid = None
    po.save(str(po_path))
    result = cli(root, "check", "-l", "es", "--format", "json")
    assert result.exit_code == 1 and "L10N706" in result.stdout


def test_reviewed_machine_translation_is_not_reported_as_unreviewed():
    import polib as _polib

    from l10n.checks import check_catalog

    po = _polib.POFile()
    po.metadata = {"Language": "es", "Content-Type": "text/plain; charset=UTF-8"}
    mt = "machine translation: apertium, 2026-11-24"
    po.append(_polib.POEntry(msgid="Call a doctor.", msgstr="Llame a un médico.", tcomment=mt, flags=["fuzzy"]))
    po.append(_polib.POEntry(msgid="Call a nurse.", msgstr="Llame a una enfermera.", tcomment=mt))
    found = [(f.msgid, f.code) for f in check_catalog(po, locale="es", glossary=None) if f.code == "L10N206"]
    assert found == [("Call a doctor.", "L10N206")]


def test_escaped_pipe_in_a_table_cell_round_trips():
    from l10n.render import render_document
    from l10n.segment import segment_text

    text = "| a | b |\n| - | - |\n| x | `p \\| q` and more |\n"
    doc = segment_text(text, "t.md")
    assert "`p \\| q` and more" in [s.source for s in doc.segments]
    assert render_document(doc) == text


@pytest.mark.skipif(__import__("shutil").which("apertium") is None, reason="apertium not installed")
def test_a_missing_apertium_pair_fails_once_and_clearly(make_project, cli):
    root = make_project({"a.md": "Kratom may cause dependence.\n\nCall a doctor.\n"}, locales=("fr",))
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    result = cli(root, "translate", "-l", "fr", "--provider", "apertium")
    assert result.exit_code == 2
    assert "eng-fra pair is not installed" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_html_comments_are_not_sent_to_translators():
    from l10n.render import render_document
    from l10n.segment import segment_text

    text = ("<body>\n<!-- internal note: do not publish -->\n<p><!-- lead -->Hello <!-- inline --> world.</p>\n"
            "<div>Text <!-- trailing --></div></body>\n")
    doc = segment_text(text, "a.html")
    assert [s.source for s in doc.segments] == ["Hello <!-- inline --> world.", "Text"]
    assert render_document(doc) == text


def test_plain_text_directives_mark_disclaimers():
    from l10n.render import render_document
    from l10n.segment import segment_text

    text = ("Intro. Two sentences.\n\n<!-- l10n: disclaimer not-advice -->\nThis is not medical advice. Ask a doctor.\n\n"
            "<!-- l10n: skip -->\nInternal line.\n\nEnd.\n")
    doc = segment_text(text, "a.txt")
    assert [(s.source, s.msgctxt) for s in doc.segments] == [
        ("Intro.", None), ("Two sentences.", None),
        ("This is not medical advice. Ask a doctor.", "disclaimer:not-advice"), ("End.", None)]
    assert render_document(doc) == text


def test_help_shows_readable_option_placeholders(cli, tmp_path):
    result = cli(tmp_path, "check", "--help")
    assert result.exit_code == 0
    assert "--format FMT" in result.stdout and "--locale LOCALE" in result.stdout and "<str>" not in result.stdout


def test_parallel_extraction_equals_serial_and_reports_bad_input(make_project, cli, monkeypatch):
    """Large projects are segmented on every core; same bytes, same errors."""
    import l10n.project as project

    docs = {f"a{i:02d}.md": f"# Title {i}\n\nKratom may cause dependence. Call a doctor {i}.\n" for i in range(6)}
    docs["b.html"] = "<p>Do not mix <b>kratom</b> with alcohol.</p>\n"
    root = make_project(docs, locales=("es",))
    monkeypatch.setattr(project, "PARALLEL_FROM", 10**9)
    assert cli(root, "extract", env={"SOURCE_DATE_EPOCH": "1700000000"}).exit_code == 0
    serial = {p.name: p.read_bytes() for p in (root / "locales").glob("*.pot")}
    for p in (root / "locales").glob("*.pot"):
        p.unlink()
    monkeypatch.setattr(project, "PARALLEL_FROM", 2)
    assert cli(root, "extract", env={"SOURCE_DATE_EPOCH": "1700000000"}).exit_code == 0
    assert {p.name: p.read_bytes() for p in (root / "locales").glob("*.pot")} == serial

    (root / "source_docs" / "a03.md").write_bytes(b"# ok\n\nbad \xff byte\n")
    result = cli(root, "extract")
    assert result.exit_code == 2 and "source_docs/a03.md:3: not valid UTF-8" in result.stderr
