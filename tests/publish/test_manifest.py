"""dist/manifest.json as a typed value: read and written in l10n.publish.manifest, byte for byte."""

from __future__ import annotations

import json

import pytest

from l10n.errors import PublishError
from l10n.publish.manifest import (FORMAT, ArticleRecord, DocumentRecord, LocaleRecord, Manifest, Meaning,
                                   WithheldRecord, merge_manifest)
from tests.support.verify import published  # noqa: F401  (fixture)
from tests.support.publish import project  # noqa: F401  (fixture the one above uses)

H = "0" * 64


def _full() -> dict:
    """A manifest with every kind of record the build writes."""
    return {
        "format": 1, "tool": "l10n", "version": "0.1.0", "source_language": "en",
        "locales": {"es": {
            "lang": "es", "dir": "ltr", "files": {"es/images/x.svg": H},
            "meaning": {"status": "meaning verified", "not_checked": []},
            "documents": {"a.md": {
                "completeness": 0.9744, "machine_translation": 1.0,
                "catalog": {"path": "locales/es/LC_MESSAGES/a.po", "revision": "2026-01-01 10:00+0000", "sha256": H},
                "disclaimers": {"consult": {"sha256": H, "source_sha256": H, "standard": False},
                                "std": {"sha256": H, "source_sha256": H, "standard": True}},
                "files": {"es/a.md": H, "es/a.html": H, "es/LC_MESSAGES/a.mo": H},
                "stylesheets": {"es/a.html": ["site.css"]},
                "withheld_machine_translation": [{"msgctxt": None, "msgid": "Take 5 mg.",
                                                  "findings": ["es/a.po:7: L10N301 number changed"]}]}}}},
        "articles": {"es": {"a.md": {"status": "published", "completeness": 0.9744, "machine_translation": 1.0,
                                     "reasons": []}},
                     "fr": {"a.md": {"status": "not ready", "completeness": 0.0, "machine_translation": 0.0,
                                     "reasons": ["a.md: 0% translated"]}}}}


def _bytes(value: dict) -> bytes:
    return (json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def test_a_manifest_reads_as_records_and_writes_back_the_same_bytes():
    data = _bytes(_full())
    m = Manifest.from_bytes(data, "dist/manifest.json")
    assert m.schema == FORMAT and m.source_language == "en" and not m.preview
    es = m.locales["es"]
    assert es.direction == "ltr" and es.meaning == Meaning("meaning verified")
    doc = es.documents["a.md"]
    assert doc.machine and doc.catalog.path == "locales/es/LC_MESSAGES/a.po"
    assert doc.disclaimers["std"].standard and not doc.disclaimers["consult"].standard
    assert doc.stylesheets == {"es/a.html": ("site.css",)}
    assert doc.withheld_machine_translation == (WithheldRecord(None, "Take 5 mg.", ("es/a.po:7: L10N301 number changed",)),)
    assert m.articles["fr"]["a.md"] == ArticleRecord("not ready", 0.0, 0.0, ("a.md: 0% translated",))
    assert m.to_bytes() == data


def test_a_preview_manifest_round_trips_with_its_flag():
    value = _full() | {"preview": True}
    m = Manifest.from_bytes(_bytes(value), "dist-preview/manifest.json")
    assert m.preview and m.to_bytes() == _bytes(value)


def test_the_manifest_the_build_writes_round_trips(published):  # noqa: F811
    data = (published / "dist" / "manifest.json").read_bytes()
    m = Manifest.from_bytes(data, "dist/manifest.json")
    assert set(m.locales) == {"es", "ar"} and m.locales["ar"].direction == "rtl"
    assert m.to_bytes() == data


def test_keys_an_older_manifest_lacks_read_as_empty():
    m = Manifest.from_json({"format": 1, "locales": {"es": {"documents": {"a.md": {"files": {"es/a.md": H}}}}}})
    doc = m.locales["es"].documents["a.md"]
    assert doc == DocumentRecord(files={"es/a.md": H}) and not doc.machine and doc.catalog is None
    assert m.articles == {} and m.locales["es"].meaning is None


@pytest.mark.parametrize("edit, where", [
    (lambda v: v["locales"]["es"]["documents"]["a.md"].update(completeness="95%"),
     "locales.es.documents.a.md.completeness must be a number"),
    (lambda v: v["locales"]["es"]["documents"]["a.md"].update(machine_translation=True),
     "locales.es.documents.a.md.machine_translation must be a number"),
    (lambda v: v["locales"]["es"]["documents"]["a.md"]["disclaimers"]["std"].update(standard="yes"),
     "locales.es.documents.a.md.disclaimers.std.standard must be true or false"),
    (lambda v: v["locales"]["es"]["documents"]["a.md"].update(files=["es/a.md"]),
     "locales.es.documents.a.md.files must be a table"),
    (lambda v: v["locales"]["es"]["documents"]["a.md"]["files"].update({"es/a.md": 5}),
     "locales.es.documents.a.md.files.es/a.md must be a string"),
    (lambda v: v["locales"]["es"]["documents"]["a.md"]["stylesheets"].update({"es/a.html": "site.css"}),
     "locales.es.documents.a.md.stylesheets.es/a.html must be a list of strings"),
    (lambda v: v["locales"]["es"]["documents"]["a.md"].update(catalog="a.po"), "catalog must be a table"),
    (lambda v: v["locales"]["es"].update(meaning="verified"), "locales.es.meaning must be a table"),
    (lambda v: v["locales"]["es"].update(documents=[]), "locale 'es' has no 'documents' table"),
    (lambda v: v["articles"]["es"]["a.md"].update(reasons="none"), "articles.es.a.md.reasons must be a list"),
    (lambda v: v["articles"].update(es=["a.md"]), "'articles' must map each locale"),
    (lambda v: v.update(format=2), "unsupported manifest format 2"),
    (lambda v: v.update(locales=[]), "no 'locales' table"),
    (lambda v: v.update(preview="no"), "preview must be true or false"),
])
def test_a_value_of_the_wrong_type_is_an_error_naming_the_file(edit, where):
    value = _full()
    edit(value)
    with pytest.raises(PublishError) as info:
        Manifest.from_bytes(_bytes(value), "dist/manifest.json")
    assert info.value.path == "dist/manifest.json" and where in str(info.value)


def test_verify_of_a_manifest_with_a_wrong_type_exits_2_naming_it(published, cli):  # noqa: F811
    path = published / "dist" / "manifest.json"
    value = json.loads(path.read_text(encoding="utf-8"))
    value["locales"]["es"]["documents"]["water.md"]["machine_translation"] = "none"
    path.write_text(json.dumps(value), encoding="utf-8")
    r = cli(published, "verify")
    assert r.exit_code == 2 and "manifest.json" in r.stderr and "machine_translation must be a number" in r.stderr
    r = cli(published, "build")
    assert r.exit_code == 2 and "manifest.json" in r.stderr


def test_merge_replaces_built_locales_and_keeps_the_others():
    old = Manifest.from_json(_full())
    fr = LocaleRecord("fr", "ltr", {"a.md": DocumentRecord(completeness=1.0)})
    new = merge_manifest(old, version="9", source_language="en", built={"fr": fr},
                         articles={"fr": {"a.md": ArticleRecord("published", 1.0)}})
    assert new.locales == {"es": old.locales["es"], "fr": fr} and new.version == "9"
    assert new.articles["fr"]["a.md"].status == "published" and new.articles["es"] == old.articles["es"]
    gone = merge_manifest(new, version="9", source_language="en", built={}, removed=("es",))
    assert set(gone.locales) == {"fr"} and "es" not in gone.articles


def test_published_before_counts_withdrawn_articles():
    value = _full()
    value["articles"]["es"]["b.md"] = {"status": "withdrawn", "completeness": 0.0, "machine_translation": 0.0,
                                       "reasons": []}
    assert Manifest.from_json(value).published_before("es") == {"a.md", "b.md"}
    assert Manifest.from_json(value).published_before("fr") == set()
