"""Apertium, offline: the local ``apertium`` command, one process per batch.

A batch is one ``apertium -u <pair>`` run (``-u`` drops the ``*`` marks of
unknown words). Segments are separated by a line holding ``⟦§n⟧`` between
blank lines: Apertium treats blank lines as paragraph breaks and passes the
separator through untouched, so the answer is split on it and its count and
order checked; a mismatch is a :class:`~l10n.errors.ProviderBadOutput` and
the caller bisects the batch to isolate the segment that caused it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence

from l10n.errors import ProviderBadOutput, ProviderTimeout, ProviderUnavailable
from l10n.translate.base import ProviderConfig

__all__ = ["ApertiumProvider", "apertium_code", "join_segments", "split_segments"]

#: ISO 639-1 → Apertium's three-letter codes for the pairs people use most.
_CODES = {"en": "eng", "es": "spa", "ca": "cat", "fr": "fra", "pt": "por", "gl": "glg", "it": "ita",
          "oc": "oci", "eu": "eus", "ro": "ron", "de": "deu", "nl": "nld", "ar": "ara", "eo": "epo",
          "nb": "nob", "nn": "nno", "da": "dan", "sv": "swe", "is": "isl", "cy": "cym", "br": "bre"}
_SEP = re.compile(r"^[ \t]*⟦§(\d+)⟧[ \t]*$", re.M)
_TOKEN = re.compile(r"⟦(\d+)⟧")
_BRACKET = re.compile(r"\[(\d+)\]")


def encode_tokens(text: str) -> str:
    """``⟦n⟧`` → ``[n]``: Apertium's transfer can split ``⟦n⟧`` when it reorders words,
    while ``[n]`` stays whole and in place. Texts that already contain ``[n]`` keep ``⟦n⟧``."""
    return text if _BRACKET.search(text) else _TOKEN.sub(r"[\1]", text)


def decode_tokens(sent: str, answer: str) -> str:
    """Undo :func:`encode_tokens` on an answer."""
    return answer if _BRACKET.search(sent) else _BRACKET.sub(r"⟦\1⟧", answer)


def apertium_code(locale: str) -> str:
    """``es`` → ``spa``; ``pt_BR`` → ``por``; an unknown code is returned as is."""
    base = locale.replace("-", "_").split("_")[0].lower()
    return _CODES.get(base, base)


def join_segments(texts: Sequence[str]) -> str:
    """One input for one process: segments between ``⟦§n⟧`` separator paragraphs."""
    out = []
    for i, text in enumerate(texts):
        if i:
            out.append(f"\n\n⟦§{i}⟧\n\n")
        out.append(encode_tokens(" ".join(text.split())))
    return "".join(out) + "\n"


def split_segments(output: str, expected: int) -> list[str]:
    """Split Apertium's answer on the separators; check their number and order."""
    seps = [int(m.group(1)) for m in _SEP.finditer(output)]
    if seps != list(range(1, expected)):
        raise ProviderBadOutput(f"apertium: {expected} segments sent, separators back: {len(seps)}"
                                + (" (out of order)" if len(seps) == expected - 1 else ""))
    return [" ".join(part.split()) for part in _SEP.split(output)[::2]]


def installed_pairs(command: str = "apertium") -> frozenset[str] | None:
    """The language pairs ``apertium -l`` lists, or None when it cannot tell."""
    try:
        proc = subprocess.run([command, "-l"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return frozenset(line.strip() for line in proc.stdout.decode("utf-8", "replace").splitlines() if line.strip())


class ApertiumProvider:
    """``apertium -u <pair>`` (the pair from ``pair`` in the config, or from the locales)."""

    name = "apertium"
    max_chars = 200_000
    batch_size = 20_000

    def __init__(self, config: ProviderConfig | None = None, *, source: str = "en", target: str = "es") -> None:
        extra = dict(config.extra) if config else {}
        self.command = str(extra.get("command", "apertium"))
        self.pair = str(extra.get("pair") or f"{apertium_code(source)}-{apertium_code(target)}")
        self.timeout = config.timeout if config else 120.0
        self.max_chars = (config.max_chars if config and config.max_chars else self.max_chars)
        self.batch_size = (config.batch_size if config and config.batch_size else self.batch_size)
        if shutil.which(self.command) is None:
            raise ProviderUnavailable(f"apertium: command {self.command!r} not found; install apertium and "
                                      f"the {self.pair} pair (e.g. apt-get install apertium apertium-eng-spa)")
        pairs = installed_pairs(self.command)
        if pairs is not None and self.pair not in pairs:
            raise ProviderUnavailable(
                f"apertium: the {self.pair} pair is not installed (installed: {', '.join(sorted(pairs)) or 'none'});"
                f" e.g. apt-get install apertium-{self.pair}")

    def translate_batch(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """Translate ``texts`` in one ``apertium`` process."""
        if not texts:
            return []
        try:
            proc = subprocess.run([self.command, "-u", self.pair], input=join_segments(texts).encode("utf-8"),
                                  capture_output=True, timeout=self.timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ProviderTimeout(f"apertium: no answer within {self.timeout:g} s") from None
        except OSError as exc:
            raise ProviderUnavailable(f"apertium: cannot run {self.command!r}: {exc.strerror}") from None
        if proc.returncode != 0:
            detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ProviderUnavailable(f"apertium {self.pair}: exit {proc.returncode}"
                                      + (f": {detail[-1]}" if detail else ""))
        answers = split_segments(proc.stdout.decode("utf-8", "replace"), len(texts))
        return [decode_tokens(t, a) for t, a in zip(texts, answers)]
