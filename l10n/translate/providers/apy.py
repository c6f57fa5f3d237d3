"""Apertium's HTTP API (APy) at a base URL: ``GET <base>/translate?q=…&langpair=eng|spa``.

APy silently truncates long requests, so requests stay small (one segment,
at most ``max_chars`` = 1,000 characters by default, longer ones chunked)
and a short answer is refused: one that lost the source's final punctuation
or is much shorter than the source is a :class:`~l10n.errors.ProviderBadOutput`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import requests

from l10n.errors import ProviderBadOutput, ProviderTimeout, ProviderUnavailable
from l10n.translate.base import ProviderConfig, status_error
from l10n.translate.providers.apertium import apertium_code

__all__ = ["ApyProvider"]

_END = re.compile(r"[.!?:;…)\]\"”’»⟧]\s*$")


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class ApyProvider:
    """One segment per request, to an APy server (``base_url`` required)."""

    name = "apy"
    max_chars = 1000
    batch_size = 1

    def __init__(self, config: ProviderConfig, *, source: str = "en", target: str = "es") -> None:
        if not config.base_url:
            raise ProviderUnavailable("apy: set base_url in [tool.l10n.providers.apy] or pass --base-url")
        self.url = config.base_url.rstrip("/") + "/translate"
        self.timeout = config.timeout
        self.pair = str(config.extra.get("pair") or f"{apertium_code(source)}|{apertium_code(target)}").replace(
            "-", "|")
        self.max_chars = config.max_chars or self.max_chars
        self.session = requests.Session()  # one per worker: the registry makes one provider per worker

    def _one(self, text: str) -> str:
        try:
            r = self.session.get(self.url, params={"q": text, "langpair": self.pair, "markUnknown": "no"},
                                 timeout=self.timeout)
        except requests.Timeout:
            raise ProviderTimeout(f"apy: no answer within {self.timeout:g} s") from None
        except requests.RequestException as exc:
            err = ProviderUnavailable(f"apy: {type(exc).__name__}")
            err.transient = True  # type: ignore[attr-defined]
            raise err from None
        if r.status_code != 200:
            raise status_error("apy", r.status_code, retry_after=_retry_after(r))
        try:
            out = r.json()["responseData"]["translatedText"]
        except (ValueError, KeyError, TypeError):
            raise ProviderBadOutput("apy: answer is not APy JSON") from None
        if isinstance(out, str) and _END.search(text) and out.strip() and not _END.search(out):
            raise ProviderBadOutput("apy: the answer lost the end of the sentence (truncated)")
        return out

    def translate_batch(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """Translate each text with its own small request."""
        return [self._one(t) for t in texts]
