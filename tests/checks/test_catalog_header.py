"""L10N102: what msgfmt -c warns about is a warning, not an error (an error must be a defect)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

PO = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n{extra}\nmsgid "Not found."\nmsgstr "Nicht gefunden."\n'


@pytest.mark.parametrize("extra", ["", '"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"\n'])
def test_missing_or_placeholder_header_fields_warn(tmp_path, cli, extra):
    po = tmp_path / "de" / "LC_MESSAGES" / "x.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO.format(extra=extra), encoding="utf-8")
    if shutil.which("msgfmt"):  # GNU gettext compiles it (with warnings)
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True).returncode == 0
    res = cli(tmp_path, "check", str(po), "--format", "json", "--no-cache")
    found = [(f["code"], f["severity"]) for f in json.loads(res.stdout)["findings"]]
    assert ("L10N102", "warning") in found and ("L10N102", "error") not in found
    assert res.exit_code == 0
