"""An image with a script is never published; a hostile manifest is exit 2, not a traceback."""

from __future__ import annotations

import polib

DOC = "# Kratom\n\n![A leaf](images/leaf.svg)\n\nKratom may cause dependence.\n"
SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'
EVIL_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
            '<script>alert(document.cookie)</script></svg>\n')


def _translated(make_project, cli, svg: str):
    root = make_project({"a.md": DOC, "images/leaf.svg": svg}, locales=["es"])
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update", "-l", "es").exit_code == 0
    po_path = root / "locales" / "es" / "LC_MESSAGES" / "a.po"
    cat = polib.pofile(str(po_path))
    for e in cat:
        e.msgstr = {"Kratom": "Kratom", "A leaf": "Una hoja", "Kratom may cause dependence.":
                    "El kratom puede causar dependencia."}.get(e.msgid, e.msgid)
    cat.save()
    return root


def test_a_safe_image_is_published(make_project, cli):
    root = _translated(make_project, cli, SAFE_SVG)
    res = cli(root, "build", "-l", "es")
    assert res.exit_code == 0, res.output
    assert (root / "dist" / "es" / "images" / "leaf.svg").is_file()


def test_an_image_with_a_script_holds_the_article_back(make_project, cli):
    root = _translated(make_project, cli, EVIL_SVG)
    res = cli(root, "build", "-l", "es")
    assert res.exit_code == 1, res.output
    assert "leaf.svg carries active content" in res.output
    assert not (root / "dist" / "es" / "images" / "leaf.svg").exists()
    assert not (root / "dist" / "es" / "a.md").exists()


def test_a_deeply_nested_manifest_is_exit_2(tmp_path, cli):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    res = cli(tmp_path, "verify", str(dist))
    assert res.exit_code == 2 and "Traceback" not in res.output and "manifest" in res.stderr
