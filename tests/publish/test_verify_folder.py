"""verify_folder: `l10n verify` as a core function returning values (the CLI only prints them)."""

from __future__ import annotations

import pytest

from l10n.errors import PublishError
from l10n.publish.verify import catalog_hashes, verify_folder
from l10n.publish.pipeline import load_published_manifest
from tests.support.publish import translate
from tests.support.verify import published  # noqa: F401  (fixture)
from tests.support.publish import project  # noqa: F401  (fixture the one above uses)


def test_a_clean_folder_verifies_with_its_counts(published):  # noqa: F811
    result = verify_folder(published / "dist", project_root=published)
    assert result.findings == [] and result.errors == [] and result.locales == 2 and result.copies > 4


def test_a_catalog_changed_since_the_build_is_a_warning_only_in_the_project(published):  # noqa: F811
    translate(published, "es", {"Drink water.": "Tome agua."})
    assert verify_folder(published / "dist").findings == []
    result = verify_folder(published / "dist", project_root=published)
    assert {f.code for f in result.findings} == {"L10N808"} and result.errors == []
    hashes = catalog_hashes(load_published_manifest(published / "dist"), published)
    assert any(path.startswith("locales/es/") for path in hashes)


def test_no_folder_or_no_manifest_is_an_error(published, tmp_path):  # noqa: F811
    with pytest.raises(PublishError, match="does not exist"):
        verify_folder(tmp_path / "nowhere")
    with pytest.raises(PublishError, match="no manifest.json"):
        verify_folder(tmp_path)
