"""What deep-translator and most engines lack, around every provider alike.

* :class:`RateLimiter` — at most ``rate`` requests per second per provider,
  shared by all its workers;
* :func:`call_with_retries` — retries on 429, 5xx and timeouts with
  exponential backoff and jitter, honouring ``Retry-After``;
* :func:`translate_texts` — bounded concurrency with **one client per
  worker** (a shared deep-translator instance mixes up answers), batching
  to each engine's limits, chunking of over-long texts, and isolation of a
  bad answer: a batch whose answer is unusable is split in halves until the
  culprit is alone, so one failure never loses the rest of the batch.

Results come back on the calling thread, batch by batch, so the caller can
commit each batch (the translation memory is not shared across threads).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from l10n.errors import ProviderBadOutput, ProviderError, ProviderRateLimited
from l10n.translate.base import Provider, retryable
from l10n.translate.protect import chunk, join_chunks

__all__ = ["Backoff", "RateLimiter", "call_with_retries", "translate_texts"]

#: Never wait longer than this for one Retry-After.
MAX_RETRY_AFTER = 120.0


class RateLimiter:
    """A thread-safe limiter spacing requests ``1/rate`` seconds apart (0 = no limit)."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._clock, self._sleep = clock, sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Block until the next request may start."""
        if not self.interval:
            return
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)

    def hold(self, seconds: float) -> None:
        """Push every worker's next request back (the engine said Retry-After)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with equal jitter: attempt n waits in [d/2, d], d = base·2ⁿ ≤ cap."""

    base: float = 0.5
    cap: float = 30.0

    def delay(self, attempt: int, rng: random.Random | None = None,
              retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (0-based)."""
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, MAX_RETRY_AFTER)
        d = min(self.cap, self.base * (2 ** attempt))
        r = (rng or random).random()
        return d / 2 + r * d / 2


def call_with_retries(fn: Callable[[], list[str]], *, retries: int, backoff: Backoff,
                      limiter: RateLimiter | None = None, sleep: Callable[[float], None] = time.sleep,
                      rng: random.Random | None = None) -> list[str]:
    """Call ``fn`` (after the rate limiter) and retry transient ProviderErrors."""
    attempt = 0
    while True:
        if limiter is not None:
            limiter.acquire()
        try:
            return fn()
        except ProviderError as exc:
            if attempt >= retries or not retryable(exc):
                raise
            retry_after = exc.retry_after if isinstance(exc, ProviderRateLimited) else None
            wait_s = backoff.delay(attempt, rng, retry_after)
            if limiter is not None and retry_after:
                limiter.hold(wait_s)
            sleep(wait_s)
            attempt += 1


Outcome = str | ProviderError


def _batches(items: Sequence[tuple[int, str]], batch_size: int, max_chars: int) -> list[list[tuple[int, str]]]:
    """Group (index, text) pairs so that each batch respects both limits."""
    out: list[list[tuple[int, str]]] = []
    size = 0
    for item in items:
        n = len(item[1])
        if not out or len(out[-1]) >= batch_size or (out[-1] and size + n > max_chars):
            out.append([])
            size = 0
        out[-1].append(item)
        size += n
    return out


class _Clients:
    """One provider per worker thread (a shared deep-translator instance mixes up answers); the first
    thread gets the probe the limits were read from."""

    def __init__(self, factory: Callable[[], Provider]) -> None:
        self.factory = factory
        self.probe: Provider | None = factory()
        self._local = threading.local()
        self._lock = threading.Lock()

    def get(self) -> Provider:
        prov = getattr(self._local, "provider", None)
        if prov is None:
            with self._lock:
                prov, self.probe = self.probe, None
            self._local.provider = prov = prov or self.factory()
        return prov


@dataclass(frozen=True)
class _Sender:
    """Sends one batch with retries; an unusable answer is split in halves until the culprit is alone."""

    clients: _Clients
    source: str
    target: str
    retries: int
    backoff: Backoff
    limiter: RateLimiter | None
    sleep: Callable[[float], None]

    def __call__(self, batch: list[tuple[int, str]]) -> list[tuple[int, Outcome]]:
        prov = self.clients.get()
        try:
            answers = self._answers(prov, [t for _, t in batch])
            return [(i, a) for (i, _), a in zip(batch, answers)]
        except ProviderBadOutput as exc:
            if len(batch) == 1:
                return [(batch[0][0], exc)]
            half = len(batch) // 2
            return self(batch[:half]) + self(batch[half:])
        except ProviderError as exc:
            return [(i, exc) for i, _ in batch]

    def _answers(self, prov: Provider, texts: list[str]) -> list[str]:
        answers = call_with_retries(lambda: prov.translate_batch(texts, source=self.source, target=self.target),
                                    retries=self.retries, backoff=self.backoff, limiter=self.limiter,
                                    sleep=self.sleep)
        if not isinstance(answers, list) or len(answers) != len(texts):
            got = len(answers) if isinstance(answers, list) else type(answers).__name__
            raise ProviderBadOutput(f"{prov.name}: {len(texts)} texts sent, {got} answers received")
        return answers


class _Pieces:
    """The texts cut to the engine's limit (an over-long text is sent in chunks, each its own request),
    and the re-assembly of their answers: a text is finished when all its pieces are in."""

    def __init__(self, texts: Sequence[str], limit: int) -> None:
        self.pieces: list[tuple[int, str]] = []
        self.owners: dict[int, list[int]] = {}
        for i, text in enumerate(texts):
            for part in chunk(text, limit):
                self.owners.setdefault(i, []).append(len(self.pieces))
                self.pieces.append((len(self.pieces), part))
        self._result: dict[int, Outcome] = {}
        self._remaining = {i: len(p) for i, p in self.owners.items()}
        self._owner = {p: i for i, ps in self.owners.items() for p in ps}

    def add(self, answered: list[tuple[int, Outcome]]) -> list[tuple[int, Outcome]]:
        """Take the outcomes of some pieces; return the texts they finish, with their outcome."""
        finished: list[tuple[int, Outcome]] = []
        for p, outcome in answered:
            self._result[p] = outcome
            owner = self._owner[p]
            self._remaining[owner] -= 1
            if self._remaining[owner] == 0:
                finished.append((owner, _joined([self._result[q] for q in self.owners[owner]])))
        return finished


def _joined(parts: list[Outcome]) -> Outcome:
    """The outcome of a text from those of its pieces: the first error, else the chunks joined."""
    errors = [x for x in parts if isinstance(x, ProviderError)]
    if errors:
        return errors[0]
    if len(parts) == 1:
        return parts[0]
    if any(not isinstance(x, str) or not x.strip() for x in parts):
        return ProviderBadOutput("empty answer for a chunk")
    return join_chunks(parts)  # type: ignore[arg-type]


def translate_texts(factory: Callable[[], Provider], texts: Sequence[str], *, source: str, target: str,
                    concurrency: int = 1, retries: int = 4, backoff: Backoff | None = None,
                    limiter: RateLimiter | None = None, sleep: Callable[[float], None] = time.sleep,
                    max_chars: int | None = None, batch_size: int | None = None,
                    ) -> Iterator[list[tuple[int, Outcome]]]:
    """Translate ``texts`` and yield ``[(index, translation or ProviderError), ...]`` per batch.

    ``factory`` makes one provider per worker thread. ``KeyboardInterrupt``
    (or any non-ProviderError) stops the run at once: pending batches are
    cancelled and the exception propagates after the batches already done
    were yielded.
    """
    clients = _Clients(factory)
    limit = max_chars or clients.probe.max_chars  # type: ignore[union-attr]
    per_call = batch_size or clients.probe.batch_size  # type: ignore[union-attr]
    pieces = _Pieces(texts, limit)
    send = _Sender(clients, source, target, retries, backoff or Backoff(), limiter, sleep)
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="l10n-mt")
    try:
        order = {pool.submit(send, batch): n for n, batch in enumerate(_batches(pieces.pieces, per_call, limit))}
        yield from _as_finished(order, pieces)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _as_finished(order: dict[Future, int], pieces: _Pieces) -> Iterator[list[tuple[int, Outcome]]]:
    """The finished texts of the batches, as they complete (in submission order among those done together).

    An exception a batch raised (Ctrl-C in a worker) is raised once the batches done with it are handed over.
    """
    pending = set(order)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        deferred: BaseException | None = None
        for fut in sorted(done, key=order.__getitem__):
            try:
                answered = fut.result()
            except BaseException as exc:  # Ctrl-C in a worker: first hand over what is done
                deferred = deferred or exc
                continue
            finished = pieces.add(answered)
            if finished:
                yield finished
        if deferred is not None:
            raise deferred
