"""Issue 14, concurrency: commands that write catalogs at once lose nothing, and no segment is paid for twice.

* ``translate`` never writes over a human translation that arrived while it ran;
* two ``translate`` runs share the memory: each segment is sent once;
* a run killed with SIGKILL leaves its answers: the next run sends none of them again;
* the soak: two ``translate`` and one ``xliff import`` at once, as separate processes, against a loopback
  engine with latency.

No test measures time: threads and processes are synchronised on events and on what the server received.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import polib
import pytest

from l10n.translate import TranslationMemory, translate_locale
from l10n.translate.providers.fake import FakeProvider
from l10n.translate.registry import register, unregister
from tests.support.gettext import msgfmt_check, requires_msgfmt
from tests.servers.libre import LibreServer
from tests.support import paths
from tests.support.paths import ROOT

CASES = paths.CASES / "interchange"
WATER = "Drink water."
SOAK_DOC = "# Kratom safety\n\n" + "\n\n".join(
    f"Step {i}: keep dose number {i} small and wait before the next one." for i in range(1, 25)) + "\n"


def _settings(root: Path):
    from l10n.config import load_settings

    return load_settings(root)


def _po(root: Path, loc: str = "es", doc: str = "doc") -> polib.POFile:
    return polib.pofile(str(root / "locales" / loc / "LC_MESSAGES" / f"{doc}.po"))


@pytest.fixture
def project(make_project, cli):
    root = make_project({"doc.md": (CASES / "doc.md").read_text(encoding="utf-8")}, locales=["es"])
    assert cli(root, "extract").exit_code == 0
    assert cli(root, "update").exit_code == 0
    return root


class Gate:
    """A provider that tells when it is called and answers only when released."""

    def __init__(self) -> None:
        self.called = threading.Event()
        self.go = threading.Event()
        self.sent: list[str] = []
        self._lock = threading.Lock()

    def factory(self, config, *, source, target):
        gate = self

        class Gated(FakeProvider):
            def translate_batch(self, texts, *, source, target):
                with gate._lock:
                    gate.sent.extend(texts)
                gate.called.set()
                assert gate.go.wait(60), "the test never released the engine"
                return ["MT " + t.swapcase() for t in texts]

        return Gated()


@pytest.fixture
def gate():
    g = Gate()
    register("gated", g.factory)
    yield g
    g.go.set()
    unregister("gated")


def _run_in_thread(fn, *args, **kwargs):
    box: dict = {}

    def target():
        try:
            box["result"] = fn(*args, **kwargs)
        except BaseException as exc:  # re-raised in the test
            box["error"] = exc

    t = threading.Thread(target=target)
    t.start()
    return t, box


def test_translate_never_writes_over_a_human_translation_that_arrived_meanwhile(project, cli, gate):
    """Issue 14.2: an XLIFF import lands while translate waits for its engine; the human text stays."""
    assert cli(project, "xliff", "export", "-l", "es").exit_code == 0
    xlf = project / "xliff" / "es" / "doc.xlf"
    text = xlf.read_text(encoding="utf-8")
    # the translator fills one unit (every target is empty in this export)
    needle = "<source>Drink water.</source>\n        <target state=\"needs-translation\"/>"
    assert needle in text
    xlf.write_text(text.replace(needle, "<source>Drink water.</source>\n        "
                                        "<target state=\"translated\">Beba agua.</target>"), encoding="utf-8")
    t, box = _run_in_thread(translate_locale, _settings(project), "es", "gated")
    assert gate.called.wait(60)  # translate has read the catalogs and is waiting for the engine
    r = cli(project, "xliff", "import", str(xlf))
    assert r.exit_code == 0 and "1 translations merged" in r.stdout, r.output
    gate.go.set()
    t.join(60)
    assert "error" not in box, box.get("error")
    po = _po(project)
    water = po.find(WATER)
    assert water.msgstr == "Beba agua." and not water.fuzzy and "machine translation" not in (water.tcomment or "")
    others = [e for e in po if e.msgid and e.msgid != WATER]
    assert others and all(e.msgstr.startswith("MT ") and e.fuzzy for e in others)  # the rest was written
    assert box["result"].translated == len(others) and box["result"].kept == 1


def test_two_runs_at_once_send_each_segment_once(project, gate):
    """Issue 14.5: the second run waits for the first run's answers instead of sending them again."""
    settings = _settings(project)
    first, box1 = _run_in_thread(translate_locale, settings, "es", "gated")
    assert gate.called.wait(60)  # the first run holds its claims and waits for the engine
    waiting = threading.Event()

    def sleep(_seconds: float) -> None:  # the second run polls: it is waiting on the first run's claims
        waiting.set()
        gate.go.wait(0.05)

    second, box2 = _run_in_thread(translate_locale, settings, "es", "gated", options={"sleep": sleep})
    assert waiting.wait(60)
    gate.go.set()
    first.join(60)
    second.join(60)
    assert "error" not in box1 and "error" not in box2, (box1.get("error"), box2.get("error"))
    segments = [e.msgid for e in _po(project) if e.msgid]
    assert sorted(Counter(gate.sent).values()) == [1] * len(segments)  # each segment sent once, by one run
    assert box1["result"].sent_segments == len(segments) and box2["result"].sent_segments == 0
    assert all(e.msgstr.startswith("MT ") for e in _po(project) if e.msgid)


def test_claims_of_a_dead_run_are_taken_over_and_its_answers_used(tmp_path):
    tm = TranslationMemory(tmp_path / "tm.sqlite")
    key = {"provider": "p", "source_lang": "en", "target_lang": "es"}
    with tm._db:  # a run (pid that no longer exists) claimed two segments and received one answer
        for src, answer in (("a", "A"), ("b", None)):
            tm._db.execute("INSERT INTO claims VALUES ('p', 'en', 'es', '', ?, 'dead', ?, ?, ?, ?)",
                           (src, __import__("socket").gethostname(), _dead_pid(), 1e12, answer))
    claims = tm.claim(["a", "b", "c"], **key)
    assert claims.answered == (("a", "A"),) and claims.mine == ("b", "c") and claims.waiting == ()
    other = TranslationMemory(tmp_path / "tm.sqlite")
    assert other.claim(["b", "c"], **key).waiting == ("b", "c")  # this process is alive: others wait
    tm.close()
    other.close()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _libre_project(root: Path, server_url: str, *extra: str) -> None:
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    text += f'\n[tool.l10n.providers.libre]\nbase_url = "{server_url}"\nconcurrency = 1\nretries = 0\n'
    text += "".join(f"{line}\n" for line in extra)
    (root / "pyproject.toml").write_text(text, encoding="utf-8")


def _l10n(root: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-m", "l10n", *args], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


@pytest.mark.parametrize("batch", [1, 10], ids=["one-per-call", "batch-of-10"])
def test_a_killed_run_resends_nothing_that_was_answered(make_project, cli, batch):
    """Issue 14.5: SIGKILL after some answers; the rerun sends only the segment that was never answered.

    With a batch of 10 texts per call to an engine that answers one per request, the five answers
    received are in the middle of a call: they are kept as they arrive, not when the call ends.
    """
    root = make_project({"doc.md": SOAK_DOC}, locales=["pt_BR"])
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    with LibreServer() as server:
        _libre_project(root, server.url, f"batch_size = {batch}")
        server.script.extend(["ok"] * 5 + [("stall", 60)])
        proc = _l10n(root, "translate", "-l", "pt_BR", "-p", "libre")
        try:
            for _ in range(3000):  # five answered, the sixth stalls (bounded, so a broken run cannot hang the suite)
                if len(server.requests) >= 6 or proc.poll() is not None:
                    break
                threading.Event().wait(0.02)
            assert proc.poll() is None and len(server.requests) == 6, proc.communicate()
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
        answered, stalled = server.requests[:5], server.requests[5]
        server._stop.set()  # the stall ends; later requests are answered at once
        r = cli(root, "translate", "-l", "pt_BR", "-p", "libre")
        assert r.exit_code == 0, r.output
    counts = Counter(server.requests)
    assert all(counts[t] == 1 for t in answered)  # answered before the kill: never sent again
    assert counts[stalled] == 2  # never answered: sent again, once
    assert all(c == 1 for t, c in counts.items() if t != stalled)
    assert all(e.msgstr for e in _po(root, "pt_BR") if e.msgid)


@requires_msgfmt
def test_soak_two_translates_and_an_import_at_once(make_project, cli):
    """Every human translation present at the end, each segment sent once, every catalog msgfmt -c clean."""
    root = make_project({"doc.md": SOAK_DOC}, locales=["pt_BR"])
    assert cli(root, "extract").exit_code == 0 and cli(root, "update").exit_code == 0
    assert cli(root, "xliff", "export", "-l", "pt_BR").exit_code == 0
    xlf = root / "xliff" / "pt_BR" / "doc.xlf"
    human = {f"Step {i}: keep dose number {i} small and wait before the next one.":
             f"Passo {i}: mantenha a dose número {i} pequena e espere antes da próxima." for i in range(1, 25, 3)}
    text = xlf.read_text(encoding="utf-8")
    for src, tgt in human.items():
        needle = f"<source>{src}</source>\n        <target state=\"needs-translation\"/>"
        assert needle in text
        text = text.replace(needle, f"<source>{src}</source>\n        <target state=\"translated\">{tgt}</target>")
    xlf.write_text(text, encoding="utf-8")
    with LibreServer(latency=0.05) as server:
        _libre_project(root, server.url)
        procs = [_l10n(root, "translate", "-l", "pt_BR", "-p", "libre"),
                 _l10n(root, "xliff", "import", str(xlf)),
                 _l10n(root, "translate", "-l", "pt_BR", "-p", "libre")]
        outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    po = _po(root, "pt_BR")
    lost = [src for src, tgt in human.items() if po.find(src).msgstr != tgt or po.find(src).fuzzy]
    assert lost == []  # no human translation lost
    twice = [t for t, c in Counter(server.requests).items() if c > 1]
    assert twice == []  # no segment sent twice
    assert all(e.msgstr for e in po if e.msgid)  # everything translated, by a person or the engine
    check = msgfmt_check(root / "locales" / "pt_BR" / "LC_MESSAGES" / "doc.po")
    assert check.returncode == 0, check.stderr
