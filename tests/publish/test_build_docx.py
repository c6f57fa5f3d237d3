"""A Word article published: built into dist/<locale>/<doc>.docx, checked, and verified against tampering."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.support.paths import ROOT

DID = "consult-addiction-specialist"


@pytest.fixture
def word_project(make_project, cli):
    root = make_project(locales=("es", "ca", "fr", "pt_BR", "ar"), glossary=True)
    shutil.copy(ROOT / "source_docs" / "kratom-leaflet.docx", root / "source_docs")
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    shutil.copy(ROOT / "locales" / "fr" / "LC_MESSAGES" / "kratom-leaflet.po",
                root / "locales" / "fr" / "LC_MESSAGES" / "kratom-leaflet.po")
    r = cli(root, "build")
    assert r.exit_code == 0, r.output
    return root


def _xml(path: Path) -> str:
    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def _replace_xml(path: Path, fix) -> None:
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                new = fix(body.decode("utf-8"))
                assert new != body.decode("utf-8")
                body = new.encode("utf-8")
            zf.writestr(info, body)
    path.write_bytes(buf.getvalue())


def _rehash(root: Path) -> None:
    """An attacker who edits a file and recomputes the manifest's hashes."""
    dist = root / "dist"
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    for loc in manifest["locales"].values():
        for files in [loc["files"], *(d["files"] for d in loc["documents"].values())]:
            for name in files:
                if (dist / name).is_file():
                    files[name] = hashlib.sha256((dist / name).read_bytes()).hexdigest()
    (dist / "manifest.json").write_text(json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n",
                                        encoding="utf-8")


def test_word_copy_is_published_with_its_disclaimer_and_verifies(word_project, cli):
    copy = word_project / "dist" / "fr" / "kratom-leaflet.docx"
    assert copy.is_file() and (word_project / "dist" / "fr" / "kratom-leaflet.html").is_file()
    xml = _xml(copy)
    assert f'w:val="l10n-disclaimer:{DID}"' in xml and "médecine des addictions" in xml
    assert "Ne combinez " in xml and ">pas<" in xml and "la page de la FDA sur le kratom" in xml
    manifest = json.loads((word_project / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert "fr/kratom-leaflet.docx" in manifest["locales"]["fr"]["documents"]["kratom-leaflet.docx"]["files"]
    r = cli(word_project, "verify")
    assert r.exit_code == 0, r.output
    before = copy.read_bytes()
    assert cli(word_project, "build").exit_code == 0
    assert copy.read_bytes() == before  # a rebuild gives the same bytes


def _sdt(xml: str) -> tuple[int, int]:
    start = xml.index("<w:sdt>", xml.index(f"l10n-disclaimer:{DID}") - 200)
    return start, xml.index("</w:sdt>", start) + len("</w:sdt>")


def _delete(xml: str) -> str:
    a, b = _sdt(xml)
    return xml[:a] + xml[b:]


def _edit(xml: str) -> str:
    return xml.replace("médecine des addictions", "médecine douce", 1)


def _run_prop(prop: str):
    def fix(xml: str) -> str:
        a, b = _sdt(xml)
        part = re.sub(r"<w:rPr>", "<w:rPr>" + prop, xml[a:b])
        if "<w:rPr>" not in xml[a:b]:
            part = xml[a:b].replace("<w:r>", "<w:r><w:rPr>" + prop + "</w:rPr>")
        return xml[:a] + part + xml[b:]
    return fix


@pytest.mark.parametrize("tamper,code", [
    (_delete, "L10N803"),
    (_edit, "L10N804"),
    (_run_prop("<w:vanish/>"), "L10N806"),
    (_run_prop('<w:color w:val="FFFFFF"/>'), "L10N806"),
    (_run_prop('<w:sz w:val="2"/>'), "L10N806"),
    (_run_prop('<w:w w:val="5"/>'), "L10N806"),
    (_run_prop('<w:highlight w:val="black"/><w:color w:val="000000"/>'), "L10N806"),
])
def test_verify_catches_a_tampered_word_copy(word_project, cli, tamper, code):
    _replace_xml(word_project / "dist" / "fr" / "kratom-leaflet.docx", tamper)
    _rehash(word_project)
    r = cli(word_project, "verify")
    assert r.exit_code == 1, r.output
    assert re.search(rf"fr/kratom-leaflet\.docx: {code}\b.*{DID}", r.output), r.output


def test_verify_catches_text_hidden_by_a_character_style(word_project, cli):
    """Hidden through a style, not on the run: the view resolves the styles as Word does."""
    copy = word_project / "dist" / "fr" / "kratom-leaflet.docx"
    src = zipfile.ZipFile(io.BytesIO(copy.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            body = src.read(info).decode("utf-8") if info.filename.endswith(".xml") else src.read(info)
            if info.filename == "word/styles.xml":
                body = body.replace("</w:styles>", '<w:style w:type="character" w:styleId="Quiet"><w:name '
                                    'w:val="Quiet"/><w:rPr><w:vanish/></w:rPr></w:style></w:styles>')
            elif info.filename == "word/document.xml":
                body = _run_prop('<w:rStyle w:val="Quiet"/>')(body)
            zf.writestr(info, body if isinstance(body, bytes) else body.encode("utf-8"))
    copy.write_bytes(buf.getvalue())
    _rehash(word_project)
    r = cli(word_project, "verify")
    assert r.exit_code == 1 and "L10N806" in r.output and "display:none" in r.output, r.output


def test_an_unchanged_hash_is_still_caught_as_tampered(word_project, cli):
    _replace_xml(word_project / "dist" / "fr" / "kratom-leaflet.docx", _edit)
    r = cli(word_project, "verify")
    assert r.exit_code == 1 and "L10N802" in r.output


def test_l10n_check_reads_a_published_word_copy(word_project, cli):
    copy = word_project / "dist" / "fr" / "kratom-leaflet.docx"
    r = cli(word_project, "check", str(copy))
    assert r.exit_code == 0, r.output
    _replace_xml(copy, _run_prop("<w:vanish/>"))
    r = cli(word_project, "check", str(copy))
    assert r.exit_code == 1 and DID in r.output and "hidden" in r.output, r.output
