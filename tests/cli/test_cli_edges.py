"""Edges found by the third user-perspective QA pass: messages, exit codes, msgfmt parity."""

from __future__ import annotations

import shutil
import subprocess

import pytest

DOC = "# Water\n\nDrink water. Do not drink seawater.\n\nRest for 30 minutes.\n"


def _project(make_project, cli, locales=("es", "ca")):
    root = make_project({"water.md": DOC}, locales=locales)
    for command in ("extract", "update"):
        r = cli(root, command)
        assert r.exit_code == 0, r.output
    return root


def _po(root, locale="es"):
    return root / "locales" / locale / "LC_MESSAGES" / "water.po"


def test_error_line_numbers_are_not_turned_into_emoji(make_project, cli):
    # rich would print "water.po:100:" as "water.po💯"
    root = _project(make_project, cli)
    po = _po(root)
    lines = po.read_text(encoding="utf-8").split("\n")
    lines += ["#. filler"] * (98 - len(lines)) + ['msgid "broken']  # msgfmt names the line after it: 100
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli(root, "update", "-l", "es")
    assert r.exit_code == 2
    assert "water.po:100:" in r.stderr and "\U0001f4af" not in r.stderr


def _set_msgstr(po, msgid: str, escaped: str) -> None:
    text = po.read_text(encoding="utf-8")
    head = f'msgid "{msgid}"\nmsgstr ""'
    assert head in text
    po.write_text(text.replace(head, f'msgid "{msgid}"\nmsgstr "{escaped}"'), encoding="utf-8")


def _line_of(po, needle: str) -> int:
    return next(i for i, ln in enumerate(po.read_text(encoding="utf-8").split("\n"), 1) if needle in ln)


def test_invalid_escape_is_rejected_like_msgfmt_by_every_reader(make_project, cli):
    root = _project(make_project, cli)
    po = _po(root)
    _set_msgstr(po, "Drink water.", "Beba agua\\q.")
    line = _line_of(po, "Beba agua")
    r = cli(root, "check", "-l", "es")
    assert r.exit_code == 2
    assert f"water.po:{line}:" in r.stdout and "invalid control sequence \\q" in r.stdout
    for command in (("update", "-l", "es"), ("compile", "-l", "es"), ("build", "-l", "es")):
        r = cli(root, *command)
        assert r.exit_code == 2, (command, r.output)
        assert f"water.po:{line}: invalid control sequence \\q" in r.stderr
    if shutil.which("msgfmt"):
        gnu = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert gnu.returncode != 0 and f":{line}:" in gnu.stderr and "invalid control sequence" in gnu.stderr


def test_valid_escapes_msgfmt_accepts_are_accepted(make_project, cli):
    root = _project(make_project, cli)
    po = _po(root)
    _set_msgstr(po, "Drink water.", 'Beba \\"agua\\"\\t\\\\q.')
    assert cli(root, "update", "-l", "es").exit_code == 0
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)]).returncode == 0


def test_a_legacy_charset_catalog_is_read_in_it_and_kept_by_every_command(make_project, cli):
    # (was: a non-UTF-8 charset was bad input; GNU gettext, polib and Babel read such catalogs, and so does l10n)
    root = _project(make_project, cli)
    po = _po(root)
    _set_msgstr(po, "Drink water.", "Beba agua, señor.")
    latin1 = po.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=ISO-8859-1").encode("latin-1")
    po.write_bytes(latin1)
    r = cli(root, "update", "-l", "es")
    assert r.exit_code == 0, r.output
    assert po.read_bytes() == latin1  # nothing changed: the same bytes, still ISO-8859-1
    for command in ("check", "compile", "build"):
        r = cli(root, command, "-l", "es")
        assert r.exit_code in (0, 1), (command, r.output)
        assert "Traceback" not in r.output
    mo = po.with_suffix(".mo").read_bytes()
    assert "señor".encode("latin-1") in mo and b"charset=ISO-8859-1" in mo
    if shutil.which("msgfmt"):
        gnu = subprocess.run(["msgfmt", "-o", "-", str(po)], capture_output=True)
        assert gnu.returncode == 0 and gnu.stdout == mo


def test_a_catalog_not_in_its_declared_charset_is_bad_input(make_project, cli):
    root = _project(make_project, cli)
    po = _po(root)
    po.write_bytes(po.read_bytes().replace(b"charset=UTF-8", b"charset=EUC-JP") + b'\n# \xff\xff\n')
    for command in ("update", "compile"):
        r = cli(root, command, "-l", "es")
        assert r.exit_code == 2, (command, r.output)
        assert "water.po:" in r.stderr and "not valid EUC-JP" in r.stderr and "Traceback" not in r.output


def test_compile_names_locales_it_cannot_compile(make_project, cli):
    root = _project(make_project, cli, locales=("es", "ca"))
    r = cli(root, "compile", "-l", "de")
    assert r.exit_code == 2 and "locale de is not configured and has no catalogs" in r.stderr
    shutil.rmtree(root / "locales" / "ca")
    r = cli(root, "compile", "-l", "ca", "-l", "es")
    assert r.exit_code == 0
    assert "ca: no catalogs yet, nothing compiled" in r.stderr
    assert (root / "locales" / "es" / "LC_MESSAGES" / "water.mo").is_file()


def test_xliff_with_an_unknown_target_language_names_the_file(make_project, cli):
    root = _project(make_project, cli)
    assert cli(root, "xliff", "export", "-l", "es", "-o", "handoff").exit_code == 0
    (xlf,) = (root / "handoff" / "es").glob("*.xlf")
    xlf.write_text(xlf.read_text(encoding="utf-8").replace('target-language="es"', 'target-language="xx"'),
                   encoding="utf-8")
    r = cli(root, "xliff", "import", str(xlf))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"error: {xlf}") and "'xx'" in r.stderr


@pytest.mark.parametrize("group", ["glossary", "xliff", "tm"])
def test_group_help_has_examples(make_project, cli, group):
    root = make_project({"water.md": DOC})
    r = cli(root, group, "--help")
    assert r.exit_code == 0 and "Examples:" in r.stdout and f"l10n {group} " in r.stdout


@pytest.mark.parametrize("escaped,text", [("Beba agua\\x41.", "Beba aguaA."), ("Beba agua\\101.", "Beba aguaA."),
                                          ("Beba\\aagua.", "Beba\aagua.")])
def test_numeric_escapes_are_decoded_as_msgfmt_decodes_them(make_project, cli, escaped, text):
    import gettext

    root = _project(make_project, cli)
    po = _po(root)
    _set_msgstr(po, "Drink water.", escaped)
    assert cli(root, "compile", "-l", "es").exit_code == 0
    with (root / "locales" / "es" / "LC_MESSAGES" / "water.mo").open("rb") as fh:
        assert gettext.GNUTranslations(fh).gettext("Drink water.") == text
    if shutil.which("msgfmt"):
        ref = root / "ref.mo"
        assert subprocess.run(["msgfmt", "-o", str(ref), str(po)]).returncode == 0
        with ref.open("rb") as fh:
            assert gettext.GNUTranslations(fh).gettext("Drink water.") == text


@pytest.mark.parametrize("escaped,shown", [("Beba agua\\'.", "\\'"), ("Beba agua\\?.", "\\?"),
                                           ("Beba agua\\x4ne.", "\\x4 (the context separator <EOT>)")])
def test_escapes_msgfmt_rejects_are_bad_input(make_project, cli, escaped, shown):
    root = _project(make_project, cli)
    po = _po(root)
    _set_msgstr(po, "Drink water.", escaped)
    line = _line_of(po, "Beba agua")
    r = cli(root, "check", "-l", "es")
    assert r.exit_code == 2 and f"water.po:{line}:" in r.stdout and f"invalid control sequence {shown}" in r.stdout
    r = cli(root, "update", "-l", "es")
    assert r.exit_code == 2 and f"water.po:{line}: invalid control sequence {shown}" in r.stderr
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True).returncode != 0
