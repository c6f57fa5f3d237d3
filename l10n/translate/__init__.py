"""Machine translation that obeys the glossary and never touches a disclaimer.

* :func:`translate_locale` — fill a locale's catalogs (the project-level verb)
* :func:`is_machine_translation` / :func:`is_unreviewed_machine_translation`
  — provenance of an entry (``# machine translation: <provider>, <date>``)
* :mod:`~l10n.translate.base` — the Provider protocol, provider settings, error mapping
* :mod:`~l10n.translate.registry` — provider names, ``l10n.providers`` plug-ins
* :mod:`~l10n.translate.protect` — masking, unmasking, answer validation
* :mod:`~l10n.translate.memory` — the SQLite translation memory
* :mod:`~l10n.translate.resilience` — timeouts, retries, rate limit, workers, chunking
"""

from l10n.translate.memory import TMEntry, TranslationMemory
from l10n.translate.run import (MT_MARKER, TranslationSummary, is_machine_translation,
                                is_unreviewed_machine_translation, machine_comment, translate_locale)
from l10n.translate.store import require_shared_memory

__all__ = ["MT_MARKER", "TMEntry", "TranslationMemory", "TranslationSummary", "is_machine_translation",
           "is_unreviewed_machine_translation", "machine_comment", "require_shared_memory", "translate_locale"]
