"""TMX 1.4: records out and back, origins marked, hostile files refused, CLI through the memory."""

from __future__ import annotations


import pytest
from lxml import etree

from l10n.errors import CatalogError, XMLSecurityError
from l10n.formats.tmx import TMRecord, generate_tmx, parse_tmx
from tests.support import paths

CASES = paths.CASES / "xml"

RECORDS = [
    TMRecord("Take <b>one</b> dose.", "Toma <b>una</b> dosis.", "en", "es", "human", "", "2024-05-01 12:15+0200"),
    TMRecord("Wait & see.", "Espera y verás.", "en", "pt_BR", "machine", "deepl", "2024-05-02T08:00:00+00:00"),
]


def test_generate_marks_origin_and_provider():
    root = etree.fromstring(generate_tmx(RECORDS))
    assert root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "en"
    tus = root.findall("body/tu")
    assert [tu.findtext("prop[@type='x-origin']") for tu in tus] == ["human", "machine"]
    assert tus[1].get("creationid") == "deepl" and tus[1].get("creationdate") == "20240502T080000Z"
    assert tus[0].get("creationdate") == "20240501T101500Z"
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tus[1].findall("tuv")]
    assert langs == ["en", "pt-BR"]


def test_round_trip_keeps_text_and_origin():
    back = parse_tmx(generate_tmx(RECORDS), "m.tmx")
    assert [(r.source, r.target, r.origin) for r in back] == [(r.source, r.target, r.origin) for r in RECORDS]
    assert back[1].provider == "deepl" and back[1].target_lang == "pt-BR"


def test_parse_foreign_tmx_with_inline_codes_and_several_languages():
    data = b"""<?xml version="1.0"?>
<tmx version="1.4"><header creationtool="memoQ" creationtoolversion="9" segtype="sentence" o-tmf="mq"
 adminlang="en-US" srclang="en-US" datatype="plaintext"/>
<body><tu><tuv xml:lang="en-US"><seg>Take <bpt i="1">&lt;b&gt;</bpt>one<ept i="1">&lt;/b&gt;</ept></seg></tuv>
<tuv xml:lang="es-ES"><seg>Toma <bpt i="1">&lt;b&gt;</bpt>una<ept i="1">&lt;/b&gt;</ept></seg></tuv>
<tuv xml:lang="fr-FR"><seg>Prenez-en une</seg></tuv></tu></body></tmx>"""
    recs = parse_tmx(data, "mq.tmx")
    assert [(r.target_lang, r.target) for r in recs] == [("es-ES", "Toma <b>una</b>"), ("fr-FR", "Prenez-en une")]
    assert recs[0].source == "Take <b>one</b>" and recs[0].origin == "human"


def test_not_tmx_is_a_catalog_error():
    with pytest.raises(CatalogError):
        parse_tmx(b"<xliff/>", "x.tmx")
    with pytest.raises(CatalogError):
        generate_tmx([TMRecord("a", "b", "en", "es", origin="robot")])


@pytest.mark.parametrize("name", ["xxe-passwd.tmx", "billion-laughs.tmx"])
def test_hostile_tmx_is_refused(name):
    with pytest.raises(XMLSecurityError):
        parse_tmx((CASES / name).read_bytes(), name)


def test_cli_import_seeds_memory_and_export_marks_origins(make_project, cli):
    pytest.importorskip("l10n.translate.memory")
    from l10n.translate.memory import TranslationMemory

    root = make_project({"a.md": "# Hi\n\nTake one dose.\n"}, locales=["es"])
    tmx = root / "in.tmx"
    tmx.write_bytes(generate_tmx([
        TMRecord("Take one dose.", "Toma una dosis.", "en", "es", "human"),
        TMRecord("Hi", "Hola", "en", "es", "machine", "deepl"),
    ]))
    r = cli(root, "tm", "import", str(tmx))
    assert r.exit_code == 0, r.output
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as tm:
        entries = list(tm.entries())
        tm.put("Hi", "Hola", provider="apertium", source_lang="en", target_lang="es")
    assert [(e.source, e.target, e.origin) for e in entries] == [("Take one dose.", "Toma una dosis.", "human")]
    r = cli(root, "tm", "export", "--format", "tmx", "-o", str(root / "out.tmx"))
    assert r.exit_code == 0, r.output
    recs = parse_tmx((root / "out.tmx").read_bytes(), "out.tmx")
    assert {(r.source, r.origin, r.provider) for r in recs} == {("Take one dose.", "human", "human"),
                                                              ("Hi", "machine", "apertium")}


def test_cli_export_includes_reviewed_catalog_translations(make_project, cli):
    root = make_project({"a.md": "# Hi\n\nTake one dose.\n"}, locales=["es"])
    cli(root, "extract")
    cli(root, "update")
    po = root / "locales" / "es" / "LC_MESSAGES" / "a.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgid "Hi"\nmsgstr ""', 'msgid "Hi"\nmsgstr "Hola"'),
                  encoding="utf-8")
    r = cli(root, "tm", "export", "-o", str(root / "out.tmx"))
    assert r.exit_code == 0, r.output
    recs = parse_tmx((root / "out.tmx").read_bytes(), "out.tmx")
    assert [(r.source, r.target, r.origin) for r in recs] == [("Hi", "Hola", "human")]


def test_cli_import_hostile_tmx_exits_2_and_writes_nothing(make_project, cli):
    root = make_project({"a.md": "Hi\n"}, locales=["es"])
    r = cli(root, "tm", "import", str(CASES / "xxe-passwd.tmx"))
    assert r.exit_code == 2 and "refused" in r.stderr
    assert not (root / ".l10n" / "tm.sqlite").exists()


def _tmx(srclang: str, *tuvs: tuple[str, str]) -> bytes:
    variants = "".join(f'<tuv xml:lang="{lang}"><seg>{text}</seg></tuv>' for lang, text in tuvs)
    return (f'<?xml version="1.0"?><tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
            f'segtype="sentence" o-tmf="x" adminlang="en" srclang="{srclang}" datatype="plaintext"/>'
            f"<body><tu>{variants}</tu></body></tmx>").encode()


def test_parse_matches_source_language_by_bcp47_language():
    recs = parse_tmx(_tmx("en", ("en-US", "Hi"), ("fr-FR", "Salut")), "t.tmx")
    assert [(r.source, r.source_lang, r.target, r.target_lang) for r in recs] == [("Hi", "en-US", "Salut", "fr-FR")]
    recs = parse_tmx(_tmx("EN-us", ("en-US", "Hi"), ("es", "Hola")), "t.tmx")
    assert [(r.source, r.target) for r in recs] == [("Hi", "Hola")]


def test_language_matching_rules():
    from l10n.formats.tmx import lang_matches, match_locale, same_language

    assert same_language("en-US", "en") and same_language("EN", "en_GB") and not same_language("en", "es")
    assert lang_matches("fr-FR", "fr") and lang_matches("pt-br", "pt_BR")
    assert not lang_matches("pt-PT", "pt_BR") and not lang_matches("pt", "pt_BR")
    assert match_locale("fr-FR", ("es", "fr", "pt_BR")) == "fr"
    assert match_locale("pt-BR", ("pt", "pt_BR")) == "pt_BR"
    assert match_locale("pt-PT", ("es", "pt_BR")) is None


def test_cli_import_matches_regional_tags_to_project_locales(make_project, cli):
    pytest.importorskip("l10n.translate.memory")
    from l10n.translate.memory import TranslationMemory

    root = make_project({"a.md": "Hi\n"}, locales=["fr", "pt_BR"])
    tmx = root / "in.tmx"
    tmx.write_bytes(_tmx("en", ("en-US", "Take one dose."), ("fr-FR", "Prenez une dose."),
                         ("pt-PT", "Tome uma dose (PT)."), ("pt-BR", "Tome uma dose.")))
    r = cli(root, "tm", "import", str(tmx))
    assert r.exit_code == 0, r.output
    assert "3 human translations imported, 0 skipped" in r.stdout
    with TranslationMemory(root / ".l10n" / "tm.sqlite") as tm:
        got = {(e.target_lang, e.target) for e in tm.entries()}
    assert ("fr", "Prenez une dose.") in got and ("pt_BR", "Tome uma dose.") in got
    assert ("pt_BR", "Tome uma dose (PT).") not in got

    tmx.write_bytes(_tmx("en-US", ("en-US", "Wait."), ("fr-FR", "Attendez.")))
    r = cli(root, "tm", "import", str(tmx))
    assert r.exit_code == 0 and "1 human translations imported, 0 skipped" in r.stdout, r.output
