"""Writing files without losing data: atomic replacement, and the writes that must not be atomic.

* ``write_bytes_atomic``: a temporary file in the same folder, flushed, then renamed over the target. An
  interrupted run leaves either the old file or the new one, never half of one.
* ``write_report``: ``--output-file``. A regular file (or a link to one: the link is kept, its target is
  replaced) is replaced atomically; a device, a FIFO or anything under ``/dev`` or ``/proc`` is written
  *through*, as the shell's ``>`` would: replacing ``/dev/stdout`` with a regular file is never what was asked.
* ``replace_checked``: ``--fix``. The target of a link is fixed, not the link; the file must be unchanged
  (size, modification time, content hash) immediately before it is replaced; owner, group and mode are kept,
  and where a rename cannot keep them (another owner, hard links) the file is rewritten in place instead.

Temporary files are named ``.NAME.newslint-PID-<random>.tmp``: a run killed with ``kill -9`` may leave one
behind, and ``remove_stale_temporaries`` (called by the next run on the folders it writes to) deletes those
whose process is gone.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

_TEMP = re.compile(r"\A\..*\.newslint-(\d+)-[A-Za-z0-9_]+\.tmp\Z", re.S)
STALE_AFTER = 3600.0  # seconds: a temporary file this old is stale even if its pid was reused
_PREFIX_NAME = 80  # characters of the target's name kept in a temporary file's name (NAME_MAX is 255 bytes)


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{name[:_PREFIX_NAME]}.newslint-{os.getpid()}-", suffix=".tmp", dir=folder)


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def write_bytes_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it.

    ``durable`` also syncs the data to disk before the rename (for the user's files and reports). A cache
    entry skips it: after a power cut it may be empty, which reads as a miss.
    """
    write_chunks_atomic(path, (data,), durable)


def write_chunks_atomic(path: Path, chunks: Iterable[bytes], durable: bool = True) -> None:
    """``write_bytes_atomic`` for data that comes in pieces (a report written as the run goes)."""
    path = Path(path)
    fd, tmp = _temporary(_folder(path), path.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
            os.chmod(tmp, mode)
        except FileNotFoundError:
            os.chmod(tmp, 0o666 & ~_umask())  # a new file gets the usual permissions, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def create_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write a new file atomically; raises ``FileExistsError`` if it exists (it is never overwritten).

    The temporary file is hard-linked to the target, which fails when the target exists, even if another
    process created it a moment ago.
    """
    path = Path(path)
    fd, tmp = _temporary(_folder(path), path.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode(encoding))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system: check, then rename
            if path.exists():
                raise FileExistsError(str(path)) from None
            os.replace(tmp, path)
    finally:
        _unlink(tmp)


# -- reports -------------------------------------------------------------------------------------------------


def writes_through(path: Path) -> bool:
    """Whether ``--output-file PATH`` is written through rather than replaced: a device, a FIFO, a socket,
    or a link under ``/dev`` or ``/proc`` (``/dev/stdout`` leads to whatever standard output is, a regular
    file included, and must stay the process's own output)."""
    absolute = os.path.abspath(path)
    if absolute.startswith(("/dev/", "/proc/")) and os.path.islink(absolute):
        return True
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode)


def write_report(path: Path, data: bytes) -> None:
    """Write a report where the user asked: through a device or FIFO; else atomically, to a link's target."""
    write_report_chunks(path, (data,))


def write_report_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """``write_report`` for a report that comes in pieces (written as the run goes)."""
    if writes_through(path):
        with open(path, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
        return
    real = Path(os.path.realpath(path))
    sweep_once(_folder(real))
    write_chunks_atomic(real, chunks)


# -- fixing a user's file ------------------------------------------------------------------------------------


class Snapshot(NamedTuple):
    """What a file was when it was read: compared again immediately before it is replaced."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: bytes


class FileChanged(Exception):
    """The file changed after it was read (an editor saved it): it is left as it is."""


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def read_snapshot(path: Path, limit: int = 1 << 40) -> tuple[bytes, Snapshot]:
    """The bytes of a regular file and its snapshot, from one open file (no race between stat and read)."""
    from newslint.files.bounded_read import read_regular_stat

    data, st = read_regular_stat(path, limit)
    return data, Snapshot(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, digest(data))


def unchanged(path: Path, snap: Snapshot) -> bool:
    """Whether the file is still exactly what ``snap`` saw (identity, size, modification time, content)."""
    try:
        data, now = read_snapshot(path)
    except OSError:
        return False
    return now == snap and len(data) == snap.size


def is_read_only(st: os.stat_result, path: Path) -> bool:
    """No write permission for this user, or no write bit at all (which root would otherwise ignore)."""
    return not (st.st_mode & 0o222) or not os.access(path, os.W_OK)


def replace_checked(path: Path, data: bytes, snap: Snapshot) -> str:
    """Replace the file (the target of ``path`` if it is a link) with ``data``, if it is still ``snap``.

    Returns how it was written: ``"replaced"`` (a temporary file with the old owner, group and mode renamed
    over it) or ``"in place"`` (rewritten through the existing inode: the file has hard links, or this user
    cannot give a new file the file's owner and group). Raises ``FileChanged`` if it changed since
    ``snap``, ``OSError`` if it cannot be written (a read-only folder, for example).
    """
    real = Path(os.path.realpath(path))
    st = os.stat(real)
    if st.st_nlink > 1:
        return _rewrite_in_place(real, data, snap)
    sweep_once(_folder(real))
    fd, tmp = _temporary(_folder(real), real.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        new = os.stat(tmp)
        if (new.st_uid, new.st_gid) != (st.st_uid, st.st_gid) and hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:  # only root gives a file away: keep the owner by writing in place
                _unlink(tmp)
                return _rewrite_in_place(real, data, snap)
        os.chmod(tmp, stat.S_IMODE(st.st_mode))  # after chown, which clears set-id bits
        if not unchanged(real, snap):
            raise FileChanged(str(path))
        os.replace(tmp, real)
    except BaseException:
        _unlink(tmp)
        raise
    return "replaced"


def _rewrite_in_place(real: Path, data: bytes, snap: Snapshot) -> str:
    """Overwrite the file's content through its own inode: owner, group, mode and hard links stay."""
    with open(real, "r+b") as fh:
        if not unchanged(real, snap):
            raise FileChanged(str(real))
        if len(data) > snap.size and hasattr(os, "fstatvfs"):
            # A write that fails half-way cannot be undone here: check there is room before a byte changes.
            vfs = os.fstatvfs(fh.fileno())
            if vfs.f_bavail * vfs.f_frsize < len(data) - snap.size + (1 << 20):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())
    return "in place"


# -- stale temporary files -----------------------------------------------------------------------------------


_swept: set[str] = set()


def sweep_once(folder: Path) -> None:
    """``remove_stale_temporaries`` in ``folder``, the first time this process writes there."""
    key = os.path.abspath(folder)
    if key not in _swept:
        _swept.add(key)
        remove_stale_temporaries(folder)


def remove_stale_temporaries(folder: Path | int, name: str | None = None, now: float | None = None) -> int:
    """Delete temporary files of newslint's own naming in ``folder`` (a path, or a descriptor of an open
    folder) for ``name`` only, if given, whose process is gone or that are over an hour old; returns how
    many. Never follows a link."""
    removed = 0
    now = time.time() if now is None else now
    prefix = f".{name[:_PREFIX_NAME]}.newslint-" if name is not None else "."
    dir_fd = folder if isinstance(folder, int) else None
    try:
        entries = os.scandir(folder)
    except OSError:
        return 0
    with entries:
        for entry in entries:
            m = _TEMP.match(entry.name)
            if m is None or not entry.name.startswith(prefix):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            if _alive(int(m.group(1))) and now - st.st_mtime < STALE_AFTER:
                continue
            try:
                if dir_fd is not None:
                    os.unlink(entry.name, dir_fd=dir_fd)
                else:
                    os.unlink(os.path.join(folder, entry.name))  # type: ignore[arg-type]
                removed += 1
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
