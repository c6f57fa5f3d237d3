"""Formatters for findings: text, json, junit, sarif (2.1.0), github annotations.

Each formatter is pure: findings (and the list of what was checked) in, a
string out (:func:`format_findings`), or the same text written to a stream
(:func:`write_findings`). ``CheckedFile`` tells JUnit which test cases exist (one per
catalog and one per disclaimer), so a clean run still lists them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from l10n.model import Finding, Severity, disclaimer_context, disclaimer_of

_encode_str = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring

__all__ = ["FORMATS", "CheckedFile", "format_findings", "summary", "write_findings"]

FORMATS = ("text", "json", "junit", "sarif", "github")
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A file that was checked: its path, locale and the disclaimers it carries."""

    path: str
    locale: str = ""
    disclaimers: tuple[str, ...] = field(default=())


def summary(findings: Sequence[Finding], files: int = 0) -> dict[str, int]:
    """Counts by severity, plus files checked and total."""
    c = Counter(str(f.severity) for f in findings)
    return {"files": files, "findings": len(findings), **{str(s): c.get(str(s), 0) for s in Severity}}


def _short(text: str, n: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _text_chunks(findings: Sequence[Finding], files: Sequence[CheckedFile]) -> Iterator[str]:
    for f in findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        yield f"{where}: {f.severity} {f.code} [{f.check}] {f.message}\n"
        if f.target:
            yield f"    > {_short(f.target)}\n"
    s = summary(findings, len(files))
    yield (f"{s['files']} file(s) checked: {s['findings']} finding(s) "
           f"({s['critical']} critical, {s['error']} error, {s['warning']} warning, {s['info']} info)\n")


def _record(f: Finding) -> dict:
    return {"file": f.path, "line": f.line, "locale": f.locale, "msgctxt": f.msgctxt, "msgid": f.msgid,
            "code": f.code, "check": f.check, "severity": str(f.severity), "message": f.message,
            "target": f.target, "suppressible": f.suppressible}


def _json_value(value: object) -> str:
    """One scalar of a record as ``json.dumps(..., ensure_ascii=False)`` writes it."""
    if value.__class__ is str:
        return _encode_str(value)
    if value.__class__ is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return json.dumps(value, ensure_ascii=False)


_SEVERITY_JSON = {s: _encode_str(str(s)) for s in Severity}


def _json_record(f: Finding, enc=_encode_str) -> str:
    """``_record(f)`` as ``json.dumps(..., indent=2)`` writes it two levels deep (strings encoded in C)."""
    ctxt, sev = f.msgctxt, f.severity
    return (f'    {{\n      "file": {enc(f.path)},\n      "line": {_json_value(f.line)},\n'
            f'      "locale": {enc(f.locale)},\n'
            f'      "msgctxt": {"null" if ctxt is None else enc(ctxt) if ctxt.__class__ is str else _json_value(ctxt)},\n'
            f'      "msgid": {enc(f.msgid)},\n      "code": {enc(f.code)},\n      "check": {enc(f.check)},\n'
            f'      "severity": {_SEVERITY_JSON[sev] if sev.__class__ is Severity else enc(str(sev))},\n      "message": {enc(f.message)},\n'
            f'      "target": {enc(f.target)},\n      "suppressible": {_json_value(f.suppressible)}\n    }}')


def _json_chunks(findings: Sequence[Finding], files: Sequence[CheckedFile]) -> Iterator[str]:
    # Same text as json.dumps({"findings": [_record(f) ...], "summary": ...}, ensure_ascii=False, indent=2):
    # with an indent, json encodes in Python; the records are flat, so they are written here with the C
    # string encoder (tests/checks/test_checks_fastpaths.py holds the two to the same bytes).
    if not all(type(f.path) is str and type(f.locale) is str and type(f.msgid) is str and type(f.code) is str
               and type(f.check) is str and type(f.message) is str and type(f.target) is str
               for f in findings):
        yield json.dumps({"findings": [_record(f) for f in findings], "summary": summary(findings, len(files))},
                         ensure_ascii=False, indent=2) + "\n"
        return
    yield '{\n  "findings": [\n' if findings else '{\n  "findings": [],\n'
    sep = ""
    for f in findings:
        yield sep + _json_record(f)
        sep = ",\n"
    if findings:
        yield "\n  ],\n"
    tail = json.dumps({"summary": summary(findings, len(files))}, ensure_ascii=False, indent=2)
    yield tail[2:] + "\n"


def _junit(findings: Sequence[Finding], files: Sequence[CheckedFile]) -> str:
    from xml.sax.saxutils import escape, quoteattr

    by_case: dict[tuple[str, str], list[Finding]] = {}
    order: list[tuple[str, str, str]] = []
    for cf in files:
        order.append((cf.path, "catalog", cf.locale))
        for did in cf.disclaimers:
            order.append((cf.path, disclaimer_context(did), cf.locale))
    known = {(p, n) for p, n, _ in order}
    for f in findings:
        name = f.msgctxt if disclaimer_of(f.msgctxt) is not None else "catalog"
        if (f.path, name) not in known:
            order.append((f.path, name, f.locale))
            known.add((f.path, name))
        by_case.setdefault((f.path, name), []).append(f)
    failures = sum(1 for k in known if any(x.severity >= Severity.ERROR for x in by_case.get(k, [])))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="l10n check" tests="{len(order)}" failures="{failures}">',
           f'<testsuite name="l10n check" tests="{len(order)}" failures="{failures}" errors="0">']
    for path, name, locale in order:
        found = by_case.get((path, name), [])
        errors = [f for f in found if f.severity >= Severity.ERROR]
        out.append(f"<testcase classname={quoteattr(path)} name={quoteattr(name + (f' [{locale}]' if locale else ''))}>")
        if errors:
            body = "\n".join(f"{f.path}:{f.line}: {f.code} {f.message}" for f in errors)
            out.append(f"<failure message={quoteattr(f'{len(errors)} finding(s) at error severity')} "
                       f"type=\"{errors[0].code}\">{escape(body)}</failure>")
        rest = [f for f in found if f.severity < Severity.ERROR]
        if rest:
            out.append("<system-out>" + escape("\n".join(f"{f.path}:{f.line}: {f.severity} {f.code} {f.message}"
                                                         for f in rest)) + "</system-out>")
        out.append("</testcase>")
    out += ["</testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


_LEVEL = {Severity.INFO: "note", Severity.WARNING: "warning", Severity.ERROR: "error", Severity.CRITICAL: "error"}


def _sarif(findings: Sequence[Finding], files: Sequence[CheckedFile]) -> str:
    from l10n import __version__
    from l10n.checks.registry import all_checks

    specs = [s for s in all_checks()]
    index = {s.code: i for i, s in enumerate(specs)}
    rules = [{"id": s.code, "name": s.name, "shortDescription": {"text": s.title},
              "fullDescription": {"text": " ".join((s.doc or s.title).split())},
              "defaultConfiguration": {"level": _LEVEL[s.severity]},
              "properties": {"suppressible": s.suppressible, "family": s.family}} for s in specs]
    results = []
    for f in findings:
        r: dict = {"ruleId": f.code, "level": _LEVEL[f.severity], "message": {"text": f.message}}
        if f.code in index:
            r["ruleIndex"] = index[f.code]
        if f.path:
            loc: dict = {"physicalLocation": {"artifactLocation": {"uri": f.path}}}
            if f.line > 0:
                loc["physicalLocation"]["region"] = {"startLine": f.line}
            r["locations"] = [loc]
        r["properties"] = {"locale": f.locale, "msgctxt": f.msgctxt or "", "msgid": f.msgid, "check": f.check,
                           "severity": str(f.severity)}
        results.append(r)
    doc = {"$schema": _SARIF_SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "l10n check", "version": __version__,
                                         "informationUri": "https://example.org/l10n/docs/checks", "rules": rules}},
                     "artifacts": [{"location": {"uri": cf.path}} for cf in files],
                     "results": results}]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _github(findings: Sequence[Finding], files: Sequence[CheckedFile]) -> str:
    lines = []
    for f in findings:
        kind = "error" if f.severity >= Severity.ERROR else "warning" if f.severity >= Severity.WARNING else "notice"
        props = [f"file={_gh_escape(f.path, True)}"] if f.path else []
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_gh_escape(f'{f.code} {f.check}', True)}")
        lines.append(f"::{kind} {','.join(props)}::{_gh_escape(f.message + (' — ' + _short(f.target) if f.target else ''))}")
    return "\n".join(lines) + ("\n" if lines else "")


#: the formatters that write a report piece by piece (a large one is never held as one string)
_CHUNKED = {"text": _text_chunks, "json": _json_chunks}
_WHOLE = {"junit": _junit, "sarif": _sarif, "github": _github}


def _chunks(findings: Iterable[Finding], fmt: str, files: Sequence[CheckedFile]) -> Iterator[str]:
    items = list(findings)
    if fmt in _CHUNKED:
        return _CHUNKED[fmt](items, list(files))
    if fmt in _WHOLE:
        return iter((_WHOLE[fmt](items, list(files)),))
    from l10n.errors import L10nError

    raise L10nError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def format_findings(findings: Iterable[Finding], fmt: str, files: Sequence[CheckedFile] = ()) -> str:
    """Render findings in one of :data:`FORMATS`."""
    return "".join(_chunks(findings, fmt, files))


def write_findings(out: TextIO, findings: Iterable[Finding], fmt: str, files: Sequence[CheckedFile] = ()) -> None:
    """Write :func:`format_findings`'s text to ``out``, a piece at a time for text and JSON (a report of
    400,000 findings is some 300 MB of text)."""
    for chunk in _chunks(findings, fmt, files):
        out.write(chunk)
