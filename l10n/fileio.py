"""Writing files without ever leaving half of one: the only place l10n replaces a file.

Every command that writes (catalogs, MO files, published pages, the
manifest, exports) goes through :func:`atomic_write`: the bytes go to a
temporary file in the same folder, are flushed to disk, and the temporary
file is renamed over the target. A crash or Ctrl-C at any point leaves
either the old file or the new one, never a truncated mix; an unchanged file
is not rewritten (its modification time and the git index stay as they are).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["atomic_write", "file_stamp"]


def _new_file_mode() -> int:
    """The mode a plain ``open()`` would give a new file: 0o666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | Sequence[bytes]) -> bool:
    """Write ``data`` (or its parts, in order: a large file need not be one object in memory) to ``path``
    atomically and durably; skip the write when unchanged.

    The file keeps its permissions (a new one gets the umask's), so a
    published folder stays readable by the web server. The data is fsynced
    before the rename, and the folder after it, so that a power cut cannot
    leave an empty file behind the new name. If anything fails, the temporary
    file is removed and ``path`` is untouched. Returns True when the file was
    (re)written.
    """
    try:
        if _holds(path, data):
            return False
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _new_file_mode()
    try:
        return _replace(path, data, mode)
    except OSError as exc:
        # name the file the user asked for, not our temporary one (".es.po.x8k2.tmp")
        if exc.filename and Path(exc.filename).name.startswith(f".{path.name}."):
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def _holds(path: Path, data: bytes | Sequence[bytes]) -> bool:
    """True when the file at ``path`` holds exactly ``data`` (or its parts, one after the other); parts are
    compared as they are read (the file is never all in memory next to them)."""
    if isinstance(data, bytes):
        return path.read_bytes() == data
    if path.stat().st_size != sum(map(len, data)):
        return False
    with path.open("rb") as f:
        return all(f.read(len(part)) == part for part in data) and not f.read(1)


def _replace(path: Path, data: bytes | Sequence[bytes], mode: int) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as tmp:
        tmp_name = tmp.name
        try:
            if isinstance(data, bytes):
                tmp.write(data)
            else:
                tmp.writelines(data)
            tmp.flush()
            os.fchmod(tmp.fileno(), mode)
            os.fsync(tmp.fileno())
        except BaseException:
            tmp.close()
            os.unlink(tmp_name)
            raise
    try:
        Path(tmp_name).replace(path)
    except BaseException:
        os.unlink(tmp_name)
        raise
    _sync_folder(path.parent)
    return True


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """``(inode, size, mtime in ns)`` of ``path``, or None when it does not exist.

    :func:`atomic_write` replaces a file by a new inode, so the stamp changes
    whenever anyone writes it: a command compares the stamp it saw when it
    read a catalog with the one under the catalog lock to know whether
    another command wrote it meanwhile.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)
