"""GNU gettext for the tests: msgfmt's verdict on a file, and a mark that skips a test without it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    """Run GNU ``msgfmt -c --check-format`` on a file."""
    return subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True)


requires_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
