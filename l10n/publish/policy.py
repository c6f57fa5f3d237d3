"""What may be published: the rules applied to every catalog entry.

Pure. :func:`parse_policy` validates ``[tool.l10n.publish]``;
:func:`entry_state` classifies one catalog entry; :func:`published_text`
says which text of an entry (if any) may appear in a localised copy.

Rules (in order):

* an obsolete entry (``#~``) is never published;
* a stale translation (fuzzy with a previous msgid ``#|``) is never published;
* a fuzzy entry is published only when it is unreviewed machine translation
  and the locale allows machine translation (then the page says so);
* such machine translation is checked as if it were translated (numbers,
  negations, hedges, markup...): one with a finding that would block a
  reviewed translation is *withheld* and its segment falls back to the
  source text, like an untranslated one (see :func:`published_as_machine`);
* a safety disclaimer is published only when reviewed (not fuzzy) and
  translated: a copy never shows a machine-translated disclaimer;
* an untranslated segment falls back to the source text, which the build
  accepts only while the locale's completeness stays at or above
  ``completeness_threshold``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import polib

from l10n.model import DISCLAIMER_PREFIX
from l10n.errors import ConfigError, LocaleError
from l10n.locales import normalize_locale

__all__ = ["DEFAULT_THRESHOLD", "EntryState", "PublishPolicy", "entry_state", "is_disclaimer_entry",
           "machine_translation_detector", "parse_policy", "published_as_machine", "published_text"]

DEFAULT_THRESHOLD = 0.9
_KEYS = ("allow_machine_translation", "completeness_threshold")


class EntryState:
    """The states of a catalog entry, as strings (stable names used in the manifest and status)."""

    TRANSLATED = "translated"
    MACHINE = "machine"          # unreviewed machine translation (fuzzy + MT marker)
    FUZZY = "fuzzy"              # fuzzy, not stale, not machine translation
    STALE = "stale"              # fuzzy with a previous msgid: the source changed
    UNTRANSLATED = "untranslated"
    OBSOLETE = "obsolete"
    #: not a state of the catalog entry but of its publication: unreviewed machine translation that
    #: would be published, held back because a check that blocks publishing failed on it
    WITHHELD = "withheld"


@dataclass(frozen=True, slots=True)
class PublishPolicy:
    """The validated ``[tool.l10n.publish]`` table.

    ``allow_machine_translation`` is ``True`` (every locale), ``False`` or a
    frozenset of locales.

    >>> PublishPolicy(allow_machine_translation=frozenset({"es"})).allows_machine_translation("es")
    True
    """

    allow_machine_translation: bool | frozenset[str] = False
    completeness_threshold: float = DEFAULT_THRESHOLD

    def allows_machine_translation(self, locale: str) -> bool:
        """Whether unreviewed machine translation may be published for ``locale``."""
        if isinstance(self.allow_machine_translation, frozenset):
            return locale in self.allow_machine_translation
        return bool(self.allow_machine_translation)


def parse_policy(table: Mapping[str, Any] | None) -> PublishPolicy:
    """Validate ``[tool.l10n.publish]``; every problem is a :class:`ConfigError` naming the key.

    >>> parse_policy({"allow_machine_translation": ["pt-BR"], "completeness_threshold": 0.8})
    PublishPolicy(allow_machine_translation=frozenset({'pt_BR'}), completeness_threshold=0.8)
    >>> parse_policy({"completeness_threshold": 2})
    Traceback (most recent call last):
    ...
    l10n.errors.ConfigError: [tool.l10n.publish] completeness_threshold must be a number between 0 and 1, not 2
    """
    table = dict(table or {})
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"[tool.l10n.publish] unknown key(s): {', '.join(unknown)} "
                          f"(known: {', '.join(_KEYS)})")
    allow: bool | frozenset[str] = False
    raw = table.get("allow_machine_translation", False)
    if isinstance(raw, bool):
        allow = raw
    elif isinstance(raw, list) and all(isinstance(x, str) for x in raw):
        try:
            allow = frozenset(normalize_locale(x) for x in raw)
        except LocaleError as exc:
            raise ConfigError(f"[tool.l10n.publish] allow_machine_translation: {exc}") from None
    else:
        raise ConfigError("[tool.l10n.publish] allow_machine_translation must be true, false "
                          f"or a list of locales, not {raw!r}")
    thr = table.get("completeness_threshold", DEFAULT_THRESHOLD)
    if isinstance(thr, bool) or not isinstance(thr, (int, float)) or not 0 <= thr <= 1:
        raise ConfigError("[tool.l10n.publish] completeness_threshold must be a number between 0 and 1, "
                          f"not {thr!r}")
    return PublishPolicy(allow_machine_translation=allow, completeness_threshold=float(thr))


def machine_translation_detector() -> Callable[[polib.POEntry], bool]:
    """``is_machine_translation`` from the translation stage, or "never" when it is absent."""
    try:
        from l10n.catalogs.provenance import is_machine_translation
    except ImportError:
        return lambda entry: False
    return is_machine_translation


def is_disclaimer_entry(entry: polib.POEntry) -> bool:
    """True for a safety-disclaimer entry (``msgctxt "disclaimer:<id>"``)."""
    return bool(entry.msgctxt and entry.msgctxt.startswith(DISCLAIMER_PREFIX))


def _says_something(text: str, source: str) -> bool:
    """A translation with words or numbers, or a source without any (a "." for a sentence is no translation)."""
    return bool(text.strip()) and (any(c.isalnum() for c in text) or not any(c.isalnum() for c in source))


def _translation(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)] if entry.msgstr_plural else []
        return forms[0] if forms and all(_says_something(f, entry.msgid) for f in forms) else ""
    return entry.msgstr if _says_something(entry.msgstr, entry.msgid) else ""


def entry_state(entry: polib.POEntry, is_mt: Callable[[polib.POEntry], bool]) -> str:
    """Classify an entry (see :class:`EntryState`)."""
    if entry.obsolete:
        return EntryState.OBSOLETE
    if not _translation(entry):
        return EntryState.UNTRANSLATED
    if "fuzzy" in entry.flags:
        if entry.previous_msgid or entry.previous_msgid_plural:
            return EntryState.STALE
        return EntryState.MACHINE if is_mt(entry) else EntryState.FUZZY
    return EntryState.TRANSLATED


def published_text(entry: polib.POEntry, state: str, *, locale: str, policy: PublishPolicy) -> str | None:
    """The translation a copy may show for ``entry``, or None (the source text is used instead)."""
    if state == EntryState.TRANSLATED:
        return _translation(entry)
    if state == EntryState.MACHINE and not is_disclaimer_entry(entry) and policy.allows_machine_translation(locale):
        return _translation(entry)
    return None


def published_as_machine(entry: polib.POEntry, *, locale: str, policy: PublishPolicy,
                         is_mt: Callable[[polib.POEntry], bool]) -> bool:
    """True when ``entry`` would be published as unreviewed machine translation.

    Those entries are fuzzy in the catalog, so ``l10n check`` skips their
    content checks; the build checks them as published (see
    :func:`l10n.publish.pipeline.assess`).
    """
    return entry_state(entry, is_mt) == EntryState.MACHINE and \
        published_text(entry, EntryState.MACHINE, locale=locale, policy=policy) is not None
