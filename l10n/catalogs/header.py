"""PO/POT headers that Poedit, Weblate and ``msgfmt -c`` accept, deterministically."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

from l10n import __version__
from l10n.catalogs.plurals import plural_forms
from l10n.locales import normalize_locale

__all__ = ["format_date", "now", "po_header", "pot_header"]


def now() -> datetime:
    """The current time, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def format_date(when: datetime) -> str:
    """gettext's date format: ``2026-11-24 20:36+0000``.

    >>> format_date(datetime(2026, 11, 24, 20, 36, tzinfo=timezone.utc))
    '2026-11-24 20:36+0000'
    """
    return when.strftime("%Y-%m-%d %H:%M%z")


def pot_header(project: str, bugs: str, created: str) -> dict[str, str]:
    """The header of a template."""
    return {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": bugs,
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"l10n {__version__}",
    }


def po_header(pot_meta: dict[str, str], old_meta: dict[str, str] | None, locale: str, revised: str, *,
              plurals: bool = False) -> dict[str, str]:
    """The header of a locale's catalog.

    A new catalog gets a complete header (``Plural-Forms`` from the project's
    own data: what ``msginit`` writes). An existing catalog's header is the
    translator's: every field keeps its value and its place, as ``msgmerge``
    keeps them; only ``POT-Creation-Date`` and ``Report-Msgid-Bugs-To`` follow
    the template; a required field the header lacks altogether is added at
    the end. ``Plural-Forms`` is filled in only where it is still
    ``msginit``'s placeholder (``nplurals=INTEGER; plural=EXPRESSION;``, written
    for a language its table does not know), or missing while the template
    (``plurals``) has plural entries.
    """
    locale = normalize_locale(locale)
    from l10n.locales import display_name

    fresh = {
        "Project-Id-Version": pot_meta.get("Project-Id-Version", ""),
        "Report-Msgid-Bugs-To": pot_meta.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": pot_meta.get("POT-Creation-Date", revised),
        "PO-Revision-Date": revised,
        "Last-Translator": "l10n <noreply@localhost>",
        "Language-Team": f"{display_name(locale)} <noreply@localhost>",
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(locale),
        "X-Generator": f"l10n {__version__}",
    }
    if not old_meta:
        return fresh
    header = dict(old_meta)
    for key in ("Report-Msgid-Bugs-To", "POT-Creation-Date"):  # msgmerge takes these two from the template
        if pot_meta.get(key):
            header[key] = pot_meta[key]
    for key, fill in fresh.items():  # a field the header lacks altogether (not one left empty on purpose)
        if key not in header and key not in ("Plural-Forms", "X-Generator"):
            header[key] = fill
    value = header.get("Plural-Forms")
    if (value is not None and _PLACEHOLDER.search(value)) or (value is None and plurals):
        header["Plural-Forms"] = fresh["Plural-Forms"]
    return header


#: what msginit writes when it does not know the language's rule
_PLACEHOLDER = re.compile(r"\bnplurals\s*=\s*INTEGER\b|\bplural\s*=\s*EXPRESSION\b")
