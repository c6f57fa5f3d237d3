"""l10n.fileio.atomic_write: old file or new file, never half of one; durable before the rename."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from l10n import fileio
from l10n.fileio import atomic_write


def test_data_is_on_disk_before_the_rename(tmp_path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, Path.replace

    def fsync(fd):
        events.append("fsync")
        return real_fsync(fd)

    def replace(self, target):
        events.append("rename")
        return real_replace(self, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(Path, "replace", replace)
    target = tmp_path / "es.po"
    assert atomic_write(target, b"msgid \"\"\n")
    # the file's bytes first, then the rename, then the folder entry
    assert events == ["fsync", "rename", "fsync"]
    assert target.read_bytes() == b"msgid \"\"\n"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "es.po"
    target.write_bytes(b"old")

    def broken(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["es.po"]


def test_unchanged_data_is_not_rewritten_and_mode_is_kept(tmp_path):
    target = tmp_path / "page.html"
    assert atomic_write(target, b"<p>hola</p>")
    os.chmod(target, 0o644)
    before = target.stat().st_mtime_ns
    assert not atomic_write(target, b"<p>hola</p>")
    assert target.stat().st_mtime_ns == before
    assert atomic_write(target, b"<p>adios</p>")
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_folder_that_cannot_be_synced_is_not_an_error(tmp_path, monkeypatch):
    real_open = os.open

    def no_dirs(path, flags, *a):
        if Path(path).is_dir():
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *a)

    monkeypatch.setattr(fileio.os, "open", no_dirs)
    assert atomic_write(tmp_path / "a.mo", b"\x00")


def test_errors_name_the_target_not_the_temporary_file(tmp_path, monkeypatch):
    import tempfile

    target = tmp_path / "es.po"

    def refuse(*args, dir=None, prefix="", suffix="", **kw):
        raise PermissionError(13, "Permission denied", str(Path(dir) / f"{prefix}abc123{suffix}"))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(OSError) as info:
        atomic_write(target, b"x")
    assert info.value.filename == str(target) and info.value.strerror == "Permission denied"


def test_data_in_parts_is_written_as_one_file_and_compared_as_one(tmp_path):
    target = tmp_path / "es.po"
    assert atomic_write(target, [b"msgid ", b'"a"\n', b"", b'msgstr "b"\n'])
    assert target.read_bytes() == b'msgid "a"\nmsgstr "b"\n'
    before = target.stat().st_mtime_ns
    assert not atomic_write(target, [b'msgid "a"\nmsgstr', b' "b"\n'])  # the same bytes, other parts
    assert target.stat().st_mtime_ns == before
    for other in ([b'msgid "a"\nmsgstr "b"\n', b"\n"], [b'msgid "a"\n'], [b'msgid "a"\nmsgstr "c"\n'], []):
        assert atomic_write(target, other)
        assert target.read_bytes() == b"".join(other)


def test_parts_are_compared_with_the_file_as_it_is_read(tmp_path, monkeypatch):
    target = tmp_path / "es.po"
    target.write_bytes(b"abcdef")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the whole file read"))
    assert not atomic_write(target, [b"abc", b"def"])
    assert atomic_write(target, [b"abc", b"deg"]) and atomic_write(target, [b"abc", b"deg", b"h"])
    monkeypatch.undo()
    assert target.read_bytes() == b"abcdegh"
