"""Shared by the tests: what publish/test_verify_hardening.py and the tests that reuse its project, texts and helpers need."""

from __future__ import annotations

import hashlib

import pytest

from l10n.publish.build import mt_notice, sha256_text
from l10n.publish.verify import hiding_declaration, verify_files
from tests.support.publish import ES, translate  # noqa: F401
from tests.support.publish import project  # noqa: F401
from tests.support.verify_tamper import _edit

DISC = "Este artículo es informativo y no constituye consejo médico."
DISC_EN = "This article is informational and is not medical advice."
STD = "Consulte a un profesional de la salud."
STD_EN = "Consult a health professional."
MT = mt_notice("es")

PAGE = f"""<!DOCTYPE html>
<html lang="es" dir="ltr">
<head>
<meta charset="utf-8">
<title>T</title>
<style>body{{color:#1b1b1b}} aside[data-disclaimer]{{background:#eef7f2}}</style>
</head>
<body>
<p data-l10n-notice="machine-translation" role="note">{MT}</p>
<main>
<h1>Agua</h1>
<p>Beba agua.</p>
<p><span data-disclaimer="not-advice">{DISC}</span></p>
</main>
<aside data-disclaimer="std" role="note">{STD}</aside>
</body>
</html>
"""


def _verify(page: str) -> list[str]:
    data = page.encode("utf-8")
    manifest = {"format": 1, "locales": {"es": {"lang": "es", "dir": "ltr", "files": {}, "documents": {"d.md": {
        "machine_translation": 0.5,
        "disclaimers": {"not-advice": {"sha256": sha256_text(DISC), "source_sha256": sha256_text(DISC_EN),
                                       "standard": False},
                        "std": {"sha256": sha256_text(STD), "source_sha256": sha256_text(STD_EN),
                                "standard": True}},
        "files": {"es/d.html": hashlib.sha256(data).hexdigest()}}}}}}
    return [f"{f.code} {f.message}" for f in verify_files(manifest, {"es/d.html": data})]


def _tamper(old: str, new: str) -> str:
    assert old in PAGE
    return PAGE.replace(old, new, 1)


def _codes(page: str) -> set[str]:
    return {f.split()[0] for f in _verify(page)}


SPAN = '<span data-disclaimer="not-advice">'
PARTIAL = [
    "y <span style=\"display:none\">no</span> constituye",
    "y <span hidden>no</span> constituye",
    "y <b aria-hidden=\"true\">no</b> constituye",
    "y <span style=\"font-size:0\">no</span> constituye",
    "y <ruby><rp>no</rp></ruby> constituye",
    "y <template>no</template> constituye",
    "y <canvas>no</canvas> constituye",
    'y <span style="color:#fff">no</span> constituye',
]
