"""The catalog stages as pure tasks over bytes: the same bytes as the commands, and fixed points."""

from __future__ import annotations

import os

import pytest

from l10n.config import load_settings
from l10n.errors import SourceError
from l10n.execute import LocalExecutor, SerialExecutor
from l10n.project import load_annotator
from l10n.stages import (CatalogItem, TemplateContext, TemplateItem, UpdateContext, extract_template,
                         update_catalog_bytes)

DOCS = {"water.md": "# Water\n\nDrink water. Rest well.\n", "tea.txt": "Tea\n\nDrink tea.\n"}
FRESH = "2025-12-04 22:13+0000"  # SOURCE_DATE_EPOCH below


@pytest.fixture
def proj(make_project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764886380")  # FRESH
    root = make_project(DOCS, locales=("es", "ca", "fr", "pt_BR", "ar"), glossary=True)
    return root, load_settings(root)


def _ctx(settings) -> TemplateContext:
    return TemplateContext(load_annotator(settings), settings.project_name, settings.bugs_address, settings.unit,
                           settings.source_language)


def _item(settings, name: str, old: bytes | None) -> TemplateItem:
    data = (settings.source_docs / name).read_bytes()
    return TemplateItem(name, f"source_docs/{name}", data, old, FRESH)


def test_extract_task_writes_what_extract_writes(proj, cli):
    root, settings = proj
    ctx = _ctx(settings)
    new = extract_template(ctx, _item(settings, "water.md", None))
    assert new.changed and new.messages == 3
    assert cli(root, "extract").exit_code == 0
    assert new.data == (root / "locales" / "water.pot").read_bytes()
    again = extract_template(ctx, _item(settings, "water.md", new.data))
    assert not again.changed and again.data == new.data  # the template is its own fixed point


def test_extract_keeps_the_creation_date_until_the_text_changes(proj):
    root, settings = proj
    ctx = _ctx(settings)
    old = extract_template(ctx, _item(settings, "water.md", None)).data.replace(FRESH.encode(), b"2020-01-01 00:00+0000")
    same = extract_template(ctx, _item(settings, "water.md", old))
    assert not same.changed and same.data == old
    (settings.source_docs / "water.md").write_text("# Water\n\nDrink more water.\n", encoding="utf-8")
    changed = extract_template(ctx, _item(settings, "water.md", old))
    assert changed.changed and FRESH.encode() in changed.data and b"2020-01-01" not in changed.data


def test_extract_error_names_the_file(proj):
    _, settings = proj
    item = TemplateItem("bad.docx", "source_docs/bad.docx", b"not a zip", None, FRESH)
    with pytest.raises(SourceError) as err:
        extract_template(_ctx(settings), item)
    assert err.value.path == "source_docs/bad.docx"


def test_update_task_writes_what_update_writes(proj, cli):
    root, settings = proj
    assert cli(root, "extract").exit_code == 0
    pot = (root / "locales" / "water.pot").read_bytes()
    ctx = UpdateContext(load_annotator(settings), FRESH)
    item = CatalogItem("es", "locales/water.pot", pot, "locales/es/LC_MESSAGES/water.po", None)
    out = update_catalog_bytes(ctx, item)
    assert out.stats.new == 3
    assert cli(root, "update").exit_code == 0
    path = root / "locales" / "es" / "LC_MESSAGES" / "water.po"
    assert out.data == path.read_bytes()
    again = update_catalog_bytes(ctx, CatalogItem("es", "locales/water.pot", pot, "x.po", out.data))
    assert again.data == out.data and again.stats.kept == 3 - again.stats.new


def test_tasks_read_no_file(proj, tmp_path, monkeypatch):
    root, settings = proj
    items = [_item(settings, name, None) for name in sorted(DOCS)]
    ctx = _ctx(settings)
    monkeypatch.chdir(tmp_path)
    os.rename(root, tmp_path / "gone")  # the project is gone: the tasks have their bytes
    serial = SerialExecutor().map(extract_template, items, shared=ctx)
    assert [o.messages for o in serial] == [2, 3]
    assert LocalExecutor(2).map(extract_template, items, shared=ctx) == serial


def test_parse_catalog_without_layout_reads_the_same_entries_without_their_lines():
    from l10n.stages import parse_catalog

    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n#. note\nmsgid "a"\nmsgstr ""\n""\n'
    lean, full = parse_catalog(data, "t.pot", layout=False), parse_catalog(data, "t.pot")
    assert [(e.msgid, e.comment, e.linenum) for e in lean] == [(e.msgid, e.comment, e.linenum) for e in full]
    assert lean.metadata == full.metadata
    assert lean[0]._l10n_raw.body is None and full[0]._l10n_raw.body == 'msgid "a"\nmsgstr ""\n""'


def test_a_new_catalog_of_an_undated_template_takes_the_callers_date_not_the_workers(proj, cli, monkeypatch):
    root, settings = proj
    assert cli(root, "extract").exit_code == 0
    pot = (root / "locales" / "water.pot").read_text(encoding="utf-8")
    undated = "".join(line for line in pot.splitlines(keepends=True) if not line.startswith('"POT-Creation-Date:'))
    item = CatalogItem("es", "locales/water.pot", undated.encode("utf-8"), "locales/es/LC_MESSAGES/water.po", None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")  # the worker's clock: 2020-01-01 00:00 UTC
    out = update_catalog_bytes(UpdateContext(load_annotator(settings), FRESH), item)
    assert f'"PO-Revision-Date: {FRESH}\\n"'.encode() in out.data and b"2020-01-01" not in out.data
