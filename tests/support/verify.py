"""Shared by the tests: what publish/test_verify.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import pytest

from tests.support.publish import AR, ES, translate  # noqa: F401  (fixtures reuse)
from tests.support.publish import project  # noqa: F401

DISC_ES = '<span data-disclaimer="not-advice">Esto no es un consejo médico.</span>'


@pytest.fixture
def published(project, cli):  # noqa: F811
    root = project()
    translate(root, "es", ES)
    translate(root, "ar", AR)
    assert cli(root, "build").exit_code == 0
    return root


def _edit(root, name, old, new):
    path = root / "dist" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
