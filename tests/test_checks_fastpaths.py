"""Fast paths of `l10n check` give exactly what the straightforward code gives.

Each speed-up that writes or computes something a second way is held here to
the first way, byte for byte, on generated inputs.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks.output import CheckedFile, _record, format_findings, summary
from l10n.model import Finding, Severity

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_FINDING = st.builds(
    Finding, code=st.sampled_from(["L10N101", "L10N311", "L10N999"]), check=_TEXT,
    severity=st.sampled_from(list(Severity)), message=_TEXT, path=_TEXT, line=st.integers(0, 10**6),
    locale=_TEXT, msgctxt=st.none() | _TEXT, msgid=_TEXT, target=_TEXT, suppressible=st.booleans())


def _slow_json(findings, files) -> str:
    return json.dumps({"findings": [_record(f) for f in findings], "summary": summary(findings, len(files))},
                      ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(_FINDING, max_size=6), st.integers(0, 3))
def test_json_report_is_json_dumps_with_indent(findings, n_files):
    files = [CheckedFile(f"f{i}.po") for i in range(n_files)]
    assert format_findings(findings, "json", files) == _slow_json(findings, files)


def test_json_report_edge_values():
    odd = [Finding("L10N101", "syntax", Severity.ERROR, 'a "quoted" \\ line\nnext\t\x00\x1f\u2028é', path="p.po",
                   line=0, msgctxt="disclaimer:x", target="\ud7ff\U0001f600"),
           Finding("L10N201", "untranslated", Severity.WARNING, "", suppressible=False)]
    for findings in ([], odd, odd[:1]):
        assert format_findings(findings, "json", [CheckedFile("a.po")]) == _slow_json(findings, [1])


def test_json_report_of_odd_field_types():
    """Values a Finding's annotations do not promise still come out as json.dumps writes them."""
    odd = [Finding("L10N101", "syntax", 60, "m", line=True, msgctxt=3, suppressible=1),
           Finding("L10N101", "syntax", Severity.INFO, "m", line=2**70, msgctxt=1.5)]
    assert format_findings(odd, "json", []) == _slow_json(odd, [])
