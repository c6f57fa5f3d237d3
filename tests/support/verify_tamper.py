"""Shared by the tests: what publish/test_verify_tamper.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.support.publish import AR, ES, translate  # noqa: F401
from tests.support.publish import DOC_HTML, DOC_MD
from tests.support.publish import project  # noqa: F401
from tests.support.verify import DISC_ES, published  # noqa: F401


def _rehash(root) -> None:
    """Recompute every hash in dist/manifest.json, as an attacker who edited the files would."""
    dist = root / "dist"
    path = dist / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))

    def fix(files):
        for name in files:
            if (dist / name).is_file():
                files[name] = hashlib.sha256((dist / name).read_bytes()).hexdigest()
    for loc in manifest["locales"].values():
        fix(loc["files"])
        for doc in loc["documents"].values():
            fix(doc["files"])
    path.write_text(json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _edit(root, name, old, new, *, rehash=True):
    path = root / "dist" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if rehash:
        _rehash(root)


@pytest.fixture
def machine(make_project, cli):
    """A project publishing unreviewed machine translation in es (a pseudo-locale is never published)."""
    pytest.importorskip("l10n.translate")
    import polib

    from l10n.translate import machine_comment

    root = make_project({"water.md": DOC_MD, "sleep.html": DOC_HTML}, locales=("es",))
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[tool.l10n.publish]\nallow_machine_translation = ["es"]\n')
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    disclaimer = "This is not medical advice."
    translate(root, "es", {disclaimer: ES[disclaimer]})
    for path in sorted((root / "locales" / "es" / "LC_MESSAGES").glob("*.po")):
        po = polib.pofile(str(path))
        for e in po:
            if e.msgid in ES and e.msgid != disclaimer:
                e.msgstr, e.tcomment = ES[e.msgid], machine_comment("apertium", "2026-01-01")
                e.flags.append("fuzzy")
        po.save(str(path))
    assert cli(root, "build").exit_code == 0
    assert cli(root, "verify").exit_code == 0
    return root
