"""l10n: health articles into other languages through gettext catalogs.

Stages, one module or package each: ``segment`` (articles to segments),
``catalogs`` (POT/PO/MO), ``glossary`` (terms and safety disclaimers),
``translate`` (machine translation), ``checks`` (QA), ``publish``
(localised copies), ``config`` (``[tool.l10n]``) and ``cli``.
"""

__version__ = "0.1.0"
