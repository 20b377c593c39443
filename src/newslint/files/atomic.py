"""Atomic writes: a temporary file in the same folder, flushed, then renamed over the target.

An interrupted run leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it.

    ``durable`` also syncs the data to disk before the rename (for the user's files and reports). A cache
    entry skips it: after a power cut it may be empty, which reads as a miss.
    """
    write_chunks_atomic(path, (data,), durable)


def write_chunks_atomic(path: Path, chunks: Iterable[bytes], durable: bool = True) -> None:
    """``write_bytes_atomic`` for data that comes in pieces (a report written as the run goes)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def create_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write a new file atomically; raises ``FileExistsError`` if it exists (it is never overwritten).

    The temporary file is hard-linked to the target, which fails when the target exists, even if another
    process created it a moment ago.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
