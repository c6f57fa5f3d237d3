"""scripts/gen_polarity_lexicon.py: Apertium proposes renderings; the committed lexicons never contradict it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

SCRIPT = ROOT / "scripts" / "gen_polarity_lexicon.py"

needs_apertium = pytest.mark.skipif(
    shutil.which("lt-proc") is None or not Path("/usr/share/apertium/apertium-eng-spa").is_dir(),
    reason="Apertium eng-spa not installed")


@needs_apertium
@pytest.mark.parametrize("lang", ["es", "ca"])
def test_no_proposal_is_read_as_the_opposite_pole(lang):
    res = subprocess.run([sys.executable, str(SCRIPT), lang], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"# proposals for l10n/checks/lang/{lang}.yaml")
    assert "# conflict" not in res.stdout


@needs_apertium
def test_proposals_come_from_the_dictionaries():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from gen_polarity_lexicon import propose
    finally:
        sys.path.pop(0)
    forms = propose("es")
    assert {"evite", "evitar"} <= forms["avoid"]     # avoid -> evitar (eng-spa.autobil), inflected by autogen
    assert "menos" in forms["less"] and "sin" in forms["without"]
