"""Tasks for the Dask executor's tests: module-level, importable by the workers (tests/ on their path)."""

from __future__ import annotations

import hashlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import SourceError


def square_plus(shared, item):
    return item * item + shared["offset"]


def shared_identity(shared, item):
    """Where the shared context lives on the worker: one copy per worker, whatever the number of tasks."""
    return id(shared), len(shared["blob"])


def fail_on(shared, item):
    if item in shared:
        raise SourceError(f"bad {item}", path=f"source_docs/{item}.md", line=item)
    return item


def engine(text: str, calls: Path) -> str:
    with open(calls, "a", encoding="utf-8") as log:  # one line per text sent to the "engine"
        log.write(text + "\n")
    return text.upper()


async def die() -> None:
    """Kill the worker process that runs this (``Client.run(die, workers=[...], wait=False)``: a coroutine)."""
    os.kill(os.getpid(), signal.SIGKILL)


def square_when_told(shared, item):
    """``item * item + offset``, once the file ``shared["go"]`` exists: the tasks stay pending until then."""
    go, deadline = Path(shared["go"]), time.monotonic() + 120
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return item * item + shared["offset"]


def digest(shared, item):
    """The sha256 of the item's bytes, after ``shared["salt"]``: the item reached the worker whole."""
    return hashlib.sha256(shared["salt"] + item).hexdigest()


@dataclass(frozen=True)
class Article:
    """A value only this checkout's Python can unpickle (``tests`` is not importable on a bare scheduler)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Unit:
    unit: str


def article_stage(shared: Unit, item: Article) -> Article:
    """:func:`stage` on values of classes from this module and l10n, giving one back."""
    return Article(item.name, stage({"unit": shared.unit}, (item.name, item.data)))


def translate_once(shared, item):
    """A stage that asks a memory before the engine, and kills its worker the first time it sees item 3."""
    folder = Path(shared)
    memory = folder / ("mem-" + hashlib.sha256(item.encode()).hexdigest())
    if memory.exists():
        return memory.read_text(encoding="utf-8")
    if item == "text 3" and not (folder / "killed").exists():
        (folder / "killed").write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)  # the worker dies mid-task, before the engine is asked
    with open(folder / "runs", "a", encoding="utf-8") as log:
        log.write(item + "\n")
    out = engine(item, folder / "calls")
    memory.write_text(out, encoding="utf-8")
    return out


def stage(shared, item):
    """Stage-like: article bytes in, segmented and pseudo-translated page bytes out (no path read)."""
    from l10n.pseudo import pseudo_translate
    from l10n.segment import decode_source, segment_text

    name, data = item
    doc = segment_text(decode_source(data, name), name, unit=shared["unit"])
    return "\n".join(f"{s.ref}\t{pseudo_translate(s.source)}" for s in doc.segments).encode("utf-8")


def fail_first_time(shared, item):
    """Raises on its first try only (``shared``: a folder that counts the tries)."""
    tries = Path(shared) / "tries"
    with open(tries, "a", encoding="utf-8") as log:
        log.write("x")
    if tries.read_text() == "x":
        raise SourceError("failed the first time")
    return item


def current_key(shared, item):
    """The key of the task running this (as Dask's dashboard sees it)."""
    from distributed import get_worker

    return get_worker().get_current_task()
