"""Publishing: localised copies that are safe by construction, and the proof.

* :mod:`~l10n.publish.policy` — what may be published (``[tool.l10n.publish]``)
* :mod:`~l10n.publish.build` — document + catalog → localised copy (pure)
* :mod:`~l10n.publish.manifest` — ``dist/manifest.json``
* :mod:`~l10n.publish.verify` — re-check a published folder
* :mod:`~l10n.publish.render_check` — `verify --browser`: disclaimers judged as headless Chromium renders them
* :mod:`~l10n.publish.status` — per-locale progress figures
* :mod:`~l10n.publish.report` — the static HTML dashboard
* :mod:`~l10n.publish.pipeline` — ``build`` / ``run`` on disk
"""

from l10n.publish.build import CopyBuild, Notice, build_document
from l10n.publish.policy import PublishPolicy, parse_policy

__all__ = ["CopyBuild", "Notice", "PublishPolicy", "build_document", "parse_policy"]
