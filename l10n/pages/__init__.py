"""Published pages as readers get them: what a page may contain and what its reader sees.

Below both of the page's judges: the build and ``l10n verify``
(:mod:`l10n.publish`) and the rendered-copy checks (:mod:`l10n.checks.rendered`)
use these modules; they import neither.

* :mod:`.sanitize` — the allow-list sanitiser every published fragment passes;
* :mod:`.visibility` — the one static visibility analysis (hidden, faded, struck text);
* :mod:`.css` — the small CSS and colour facts both rely on.
"""
