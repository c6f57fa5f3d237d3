"""The dashboard: one static HTML page a programme manager can read.

Pure: :func:`render_report` takes the assessments of
:func:`l10n.publish.pipeline.assess` (or ``build``) and returns the page:
per locale a progress bar (translated / machine-translated), whether it is
published and why not, the disclaimer status of each document, and the
failing checks with links to the catalog entries (``file:line``).
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path

from l10n.locales import display_name
from l10n.model import Severity
from l10n.publish.status import status_rows

__all__ = ["render_report"]

_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:start}
.bar{display:flex;width:12rem;height:1rem;background:#e5e5e5;border-radius:.3rem;overflow:hidden}
.bar .human{background:#0b6e4f}.bar .machine{background:#e0a800}
.ok{color:#0b6e4f;font-weight:bold}.fail{color:#b00020;font-weight:bold}.muted{color:#666}
section.locale{border:1px solid #ddd;border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _bar(human: float, machine: float, label: str) -> str:
    return (f'<div class="bar" role="img" aria-label="{_e(label)}">'
            f'<span class="human" style="width:{human * 100:.1f}%"></span>'
            f'<span class="machine" style="width:{machine * 100:.1f}%"></span></div>')


def _link(path: str, line: int, base: Path | None, root: Path | None) -> str:
    label = f"{path}:{line}" if line else path
    if base is None or root is None or not path:
        return _e(label)
    target = root / path
    href = os.path.relpath(target, base).replace(os.sep, "/") + (f"#L{line}" if line else "")
    return f'<a href="{_e(href)}">{_e(label)}</a>'


def _locale_label(code: str) -> str:
    """``español (es)``; a name that already shows its code (``Pseudo (en_XA)``) is not repeated."""
    name = display_name(code)
    return _e(name) if code in name else f"{_e(name)} <span class=\"muted\">({_e(code)})</span>"


def render_report(assessments: Iterable, *, title: str = "Translation status", base: Path | None = None,
                  root: Path | None = None) -> str:
    """The dashboard page. ``base`` is the report's folder and ``root`` the project root (for links)."""
    assessments = list(assessments)
    rows = status_rows(assessments)
    out = ["<!DOCTYPE html>", '<html lang="en" dir="ltr">', "<head>", '<meta charset="utf-8">',
           f"<title>{_e(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{_e(title)}</h1>",
           '<table id="summary"><thead><tr><th>Locale</th><th>Progress</th><th>Translated</th>'
           "<th>Machine (unreviewed)</th><th>Disclaimers</th><th>Published</th></tr></thead><tbody>"]
    for a in assessments:
        mine = [r for r in rows if r.locale == a.locale]
        total = sum(r.total for r in mine) or 1
        human = sum(r.translated for r in mine) / total
        machine = sum(r.machine for r in mine) / total
        passing = sum(r.disclaimers_passing for r in mine)
        dtotal = sum(r.disclaimers_total for r in mine)
        state = '<span class="ok">published</span>' if a.ok else '<span class="fail">not published</span>'
        out.append(f'<tr data-locale="{_e(a.locale)}"><td>{_locale_label(a.locale)}</td>'
                   f"<td>{_bar(human, machine, f'{human:.0%} reviewed, {machine:.0%} machine')}</td>"
                   f"<td>{human:.0%}</td><td>{machine:.0%}</td>"
                   f'<td class="{"ok" if passing == dtotal else "fail"}">{passing}/{dtotal}</td><td>{state}</td></tr>')
    out.append("</tbody></table>")
    for a in assessments:
        out.append(f'<section class="locale" id="locale-{_e(a.locale)}">')
        out.append(f"<h2>{_locale_label(a.locale)}</h2>")
        if a.reasons:
            out.append("<p>Not published because:</p><ul class=\"reasons\">")
            out.extend(f"<li>{_e(r)}</li>" for r in a.reasons[:20])
            if len(a.reasons) > 20:
                out.append(f"<li>… and {len(a.reasons) - 20} more</li>")
            out.append("</ul>")
        out.append("<table><thead><tr><th>Document</th><th>Translated</th><th>Machine</th><th>Fuzzy</th>"
                   "<th>Stale</th><th>Untranslated</th><th>Disclaimers</th></tr></thead><tbody>")
        for r in (r for r in rows if r.locale == a.locale):
            out.append(f"<tr><td>{_e(r.document)}</td><td>{r.translated}</td><td>{r.machine}</td><td>{r.fuzzy}</td>"
                       f"<td>{r.stale}</td><td>{r.untranslated}</td>"
                       f'<td class="{"ok" if r.disclaimers_passing == r.disclaimers_total else "fail"}">'
                       f"{r.disclaimers_passing}/{r.disclaimers_total}</td></tr>")
        out.append("</tbody></table>")
        failing = [f for f in a.findings if f.severity >= Severity.ERROR]
        if failing:
            out.append(f"<h3>Failing checks ({len(failing)})</h3><ul class=\"findings\">")
            for f in failing[:50]:
                out.append(f"<li>{_link(f.path, f.line, base, root)} <code>{_e(f.code)}</code> {_e(f.message)}</li>")
            if len(failing) > 50:
                out.append(f"<li>… and {len(failing) - 50} more (see <code>l10n check</code>)</li>")
            out.append("</ul>")
        out.append("</section>")
    out.extend(["</body>", "</html>", ""])
    return "\n".join(out)
