"""write_findings: a report written a piece at a time, the same text as format_findings."""

from __future__ import annotations

import io

import pytest

from l10n.checks.output import FORMATS, CheckedFile, format_findings, write_findings
from l10n.model import Finding, Severity


class _Recorder(io.StringIO):
    """A text stream that remembers its largest single write."""

    def __init__(self) -> None:
        super().__init__()
        self.largest = 0

    def write(self, s: str) -> int:
        self.largest = max(self.largest, len(s))
        return super().write(s)


def _findings(n: int) -> list[Finding]:
    return [Finding("L10N301", "number-mismatch", Severity.ERROR, f"number {i} is not in the translation",
                    path="es.po", line=10 + i, locale="es", msgid=f"Take {i} mg “twice”.",
                    target=f"Tome mg dos veces ({i}).") for i in range(n)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("n", [0, 1, 50])
def test_write_findings_writes_format_findings_text(fmt: str, n: int) -> None:
    findings, files = _findings(n), [CheckedFile("es.po", "es")]
    out = io.StringIO()
    write_findings(out, findings, fmt, files)
    assert out.getvalue() == format_findings(findings, fmt, files)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_large_report_is_never_one_string(fmt: str) -> None:
    findings = _findings(2000)
    out = _Recorder()
    write_findings(out, findings, fmt, [CheckedFile("es.po", "es")])
    assert len(out.getvalue()) > 100_000
    assert out.largest < 2_000  # one finding at a time
