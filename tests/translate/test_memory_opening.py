"""Opening a SQLite memory while another run writes to the new file: it waits its turn, it does not fail."""

from __future__ import annotations

import sqlite3
import threading

from l10n.translate.memory import TranslationMemory


def test_a_new_memory_opens_while_another_connection_writes_to_it(tmp_path):
    # two workers opening a new memory at once: one writes while the other switches the file to WAL, which
    # SQLite refuses at once ("database is locked") instead of waiting
    path = tmp_path / "tm.sqlite"
    other = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE unrelated (a)")
    timer = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    timer.start()
    try:
        with TranslationMemory(path) as tm:
            tm.put("Hello", "Hola", provider="fake", source_lang="en", target_lang="es")
            assert tm.get("Hello", provider="fake", source_lang="en", target_lang="es") == "Hola"
    finally:
        timer.join()
        other.close()
    check = sqlite3.connect(str(path))
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    check.close()


def test_many_workers_open_one_new_memory_together(tmp_path):
    errors: list[BaseException] = []

    def open_it(path) -> None:
        try:
            TranslationMemory(path).close()
        except BaseException as exc:  # noqa: BLE001  (collected for the assertion)
            errors.append(exc)

    for round_ in range(20):
        threads = [threading.Thread(target=open_it, args=(tmp_path / f"tm{round_}.sqlite",)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert errors == []
