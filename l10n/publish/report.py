"""The dashboard: one static HTML page a programme manager can read.

Pure: :func:`render_report` takes the assessments of
:func:`l10n.publish.pipeline.assess` (or ``build``) and returns the page:
per locale a progress bar (reviewed / machine-translated, as
:class:`~l10n.publish.status.Progress` defines them), how many of its
articles are published, per article its status (published, not ready, held
back, withdrawn) and why, the disclaimer status of each article, and the
failing checks with links to the catalog entries (``file:line``).
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path

from l10n.locales import display_name
from l10n.model import Severity
from l10n.publish.status import locale_progress, status_rows

__all__ = ["render_report"]

_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:start}
.bar{display:flex;width:12rem;height:1rem;background:#e5e5e5;border-radius:.3rem;overflow:hidden}
.bar .human{background:#0b6e4f}.bar .machine{background:#e0a800}
.ok{color:#0b6e4f;font-weight:bold}.partial{color:#8a5a00;font-weight:bold}.fail{color:#b00020;font-weight:bold}.muted{color:#666}
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


def _meaning_cell(a) -> str:
    """Which meaning checks vouch for the locale (a preview has none to give)."""
    meaning = getattr(a, "meaning", "")
    if not meaning:
        return '<span class="muted">-</span>'
    missing = getattr(a, "not_checked", ())
    if meaning == "meaning verified":
        return '<span class="ok">verified</span>'
    return (f'<span class="partial" title="not checked: {_e(", ".join(missing))}">unverified: '
            f"{_e(', '.join(missing))} not checked; no unreviewed machine translation published</span>")


_INTRO = ('<p class="muted">Reviewed: translated by a person. Machine: unreviewed machine translation that is '
          "published (with a notice). Published: what readers see in the language. Each article is published "
          "or held back on its own.</p>")
_SUMMARY_HEAD = ('<table id="summary"><thead><tr><th>Locale</th><th>Progress</th><th>Reviewed</th>'
                 "<th>Machine (unreviewed)</th><th>Published</th><th>Disclaimers</th><th>Articles</th>"
                 "<th>Meaning checks</th></tr></thead><tbody>")
_ARTICLES_HEAD = ("<table><thead><tr><th>Article</th><th>Status</th><th>Reviewed</th><th>Machine</th>"
                  "<th>Withheld</th><th>Fuzzy</th><th>Stale</th><th>Untranslated</th><th>Disclaimers</th>"
                  "</tr></thead><tbody>")
#: reasons shown per article, failing checks shown per locale
_MAX_REASONS, _MAX_FINDINGS = 20, 50


def render_report(assessments: Iterable, *, title: str = "Translation status", base: Path | None = None,
                  root: Path | None = None) -> str:
    """The dashboard page. ``base`` is the report's folder and ``root`` the project root (for links)."""
    assessments = list(assessments)
    rows = status_rows(assessments)
    out = ["<!DOCTYPE html>", '<html lang="en" dir="ltr">', "<head>", '<meta charset="utf-8">',
           f"<title>{_e(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{_e(title)}</h1>", _INTRO, _SUMMARY_HEAD]
    out.extend(_summary_row(a, [r for r in rows if r.locale == a.locale]) for a in assessments)
    out.append("</tbody></table>")
    for a in assessments:
        out.extend(_locale_section(a, [r for r in rows if r.locale == a.locale], base, root))
    out.extend(["</body>", "</html>", ""])
    return "\n".join(out)


def _articles_state(a, mine: list) -> str:
    """How many of the locale's articles are published (or in the preview)."""
    shown = sum(1 for r in mine if r.publishable)
    word = "preview" if getattr(a, "pseudo", False) else "published"
    if mine and shown == len(mine):
        return f'<span class="ok">{word}</span>'
    if shown:
        return f'<span class="partial">{shown} of {len(mine)} {word}</span>'
    return f'<span class="fail">not {word}</span>'


def _summary_row(a, mine: list) -> str:
    """The summary table's row of one locale (``mine``: its status rows)."""
    p = locale_progress(a)
    human, machine = p.share(p.reviewed), p.share(p.machine)
    passing = sum(r.disclaimers_passing for r in mine)
    dtotal = sum(r.disclaimers_total for r in mine)
    return (f'<tr data-locale="{_e(a.locale)}"><td>{_locale_label(a.locale)}</td>'
            f"<td>{_bar(human, machine, f'{human:.0%} reviewed, {machine:.0%} machine')}</td>"
            f"<td>{human:.0%}</td><td>{machine:.0%}</td><td>{p.share(p.published):.0%}</td>"
            f'<td class="{"ok" if passing == dtotal else "fail"}">{passing}/{dtotal}</td>'
            f"<td>{_articles_state(a, mine)}</td><td>{_meaning_cell(a)}</td></tr>")


def _locale_section(a, mine: list, base: Path | None, root: Path | None) -> list[str]:
    """One locale's section: its articles, why some are not published, its failing checks."""
    out = [f'<section class="locale" id="locale-{_e(a.locale)}">', f"<h2>{_locale_label(a.locale)}</h2>",
           _ARTICLES_HEAD]
    out.extend(_article_row(r) for r in mine)
    out.append("</tbody></table>")
    out.extend(_not_published([r for r in mine if r.reasons]))
    out.extend(_failing_checks([f for f in a.findings if f.severity >= Severity.ERROR], base, root))
    out.append("</section>")
    return out


def _article_row(r) -> str:
    cls = "ok" if r.publishable else "muted" if r.status == "not ready" else "fail"
    return (f'<tr data-article="{_e(r.document)}"><td>{_e(r.document)}</td>'
            f'<td class="{cls}">{_e(r.status)}</td><td>{r.translated}</td><td>{r.machine}</td>'
            f"<td>{r.withheld}</td><td>{r.fuzzy}</td><td>{r.stale}</td><td>{r.untranslated}</td>"
            f'<td class="{"ok" if r.disclaimers_passing == r.disclaimers_total else "fail"}">'
            f"{r.disclaimers_passing}/{r.disclaimers_total}</td></tr>")


def _not_published(held: list) -> list[str]:
    """The articles held back, each with its reasons (at most :data:`_MAX_REASONS`)."""
    if not held:
        return []
    out = ['<p>Not published:</p><ul class="reasons">']
    for r in held:
        out.append(f'<li data-article="{_e(r.document)}"><strong>{_e(r.document)}</strong> '
                   f"({_e(r.status)}):<ul>")
        out.extend(f"<li>{_e(x)}</li>" for x in r.reasons[:_MAX_REASONS])
        if len(r.reasons) > _MAX_REASONS:
            out.append(f"<li>… and {len(r.reasons) - _MAX_REASONS} more</li>")
        out.append("</ul></li>")
    out.append("</ul>")
    return out


def _failing_checks(failing: list, base: Path | None, root: Path | None) -> list[str]:
    """The locale's failing checks, linked to their catalog lines (at most :data:`_MAX_FINDINGS`)."""
    if not failing:
        return []
    out = [f"<h3>Failing checks ({len(failing)})</h3><ul class=\"findings\">"]
    out.extend(f"<li>{_link(f.path, f.line, base, root)} <code>{_e(f.code)}</code> {_e(f.message)}</li>"
               for f in failing[:_MAX_FINDINGS])
    if len(failing) > _MAX_FINDINGS:
        out.append(f"<li>… and {len(failing) - _MAX_FINDINGS} more (see <code>l10n check</code>)</li>")
    out.append("</ul>")
    return out
