"""The project read once: bytes and hashes of every input of a run."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from l10n.config import load_settings
from l10n.errors import ConfigError
from l10n.snapshot import Blob, config_hash, read_snapshot

DOC = "# Water\n\nDrink water.\n"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_snapshot_holds_every_input_with_its_hash(make_project, cli):
    root = make_project({"water.md": DOC, "sub/tea.txt": "Tea\n"}, locales=("es", "ca", "fr", "pt_BR", "ar"), glossary=True)
    (root / "source_docs" / "moon.svg").write_text("<svg/>", encoding="utf-8")
    assert cli(root, "extract").exit_code == 0 and cli(root, "update", "-l", "es").exit_code == 0
    settings = load_settings(root)
    snap = read_snapshot(settings, ("es", "ca"))
    assert [d.name for d in snap.documents] == ["sub/tea.txt", "water.md"]
    assert [d.domain for d in snap.documents] == ["tea", "water"]
    water = snap.documents[1]
    assert water.data == DOC.encode() and water.sha256 == _sha(water.data)
    assert set(snap.templates) == {"tea", "water"}
    assert snap.template("water").data == (root / "locales" / "water.pot").read_bytes()
    assert set(snap.catalogs) == {("es", "tea"), ("es", "water")}  # ca has none yet
    assert snap.catalog("ca", "water") is None
    assert snap.glossary is not None and snap.glossary_hash == _sha((root / "glossary.yaml").read_bytes())
    assert snap.config_hash == config_hash(settings)


def test_hashes_follow_the_content(make_project):
    root = make_project({"water.md": DOC})
    (root / "source_docs" / "moon.svg").write_text("<svg/>", encoding="utf-8")
    settings = load_settings(root)
    one = read_snapshot(settings)
    assert read_snapshot(settings) == one  # same bytes, same snapshot
    (root / "source_docs" / "moon.svg").write_text("<svg></svg>", encoding="utf-8")
    two = read_snapshot(settings)
    assert two.assets_hash != one.assets_hash and two.documents == one.documents
    assert config_hash(dataclasses.replace(settings, unit="block")) != config_hash(settings)
    assert two.scriptable == {"moon.svg": b"<svg></svg>"}  # the bytes publishing judges, read with the rest


def test_where_the_work_runs_is_not_part_of_the_configuration_hash(make_project, tmp_path):
    """A scheduler or a shared memory changes where the work is done, not what it produces: the stage cache
    stays valid; so does moving the project. Every other setting is part of the hash."""
    settings = load_settings(make_project({"water.md": DOC}))
    same = [dataclasses.replace(settings, scheduler="tcp://10.0.0.1:8786"),
            dataclasses.replace(settings, tm="postgresql://tm@db.example.org/tm")]
    moved = tmp_path / "elsewhere"
    same.append(dataclasses.replace(settings, **{f.name: moved / getattr(settings, f.name).relative_to(settings.root)
                                                 for f in dataclasses.fields(settings)
                                                 if f.name != "root" and isinstance(getattr(settings, f.name), type(moved))},
                                         root=moved))
    assert {config_hash(s) for s in same} == {config_hash(settings)}
    changed = [dataclasses.replace(settings, locales=("es",)), dataclasses.replace(settings, check={"x": 1}),
               dataclasses.replace(settings, publish={"allow_machine_translation": ["es"]}),
               dataclasses.replace(settings, engines={"es": "apertium"}),
               dataclasses.replace(settings, output=settings.root / "public")]
    assert len({config_hash(s) for s in changed} | {config_hash(settings)}) == len(changed) + 1


def test_with_files_and_reread(make_project, cli):
    root = make_project({"water.md": DOC}, locales=("es",))
    assert cli(root, "extract").exit_code == 0
    settings = load_settings(root)
    snap = read_snapshot(settings, ("es",))
    assert snap.catalog("es", "water") is None
    path = settings.po_path("es", "water")
    changed = snap.with_files(catalogs={("es", "water"): Blob.of(path, b"x")})
    assert changed.catalog("es", "water").data == b"x" and snap.catalog("es", "water") is None  # immutable
    assert cli(root, "update").exit_code == 0
    assert changed.reread_catalogs(("es",)).catalog("es", "water").data == path.read_bytes()


def test_missing_source_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.l10n]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="source folder not found"):
        read_snapshot(load_settings(tmp_path))
