"""Reading a file newslint did not write (a rule file, a configuration, a cache entry) without trusting it.

Only a regular file is read, and never more than a limit: ``/dev/zero`` would fill the memory, a FIFO would
block forever, and a ``stat`` size taken before the read proves nothing about either. The file is opened
non-blocking (a FIFO opens at once instead of waiting for a writer), checked with ``fstat`` on the open file
(no race between the check and the read), and read up to one byte past the limit. ``follow=False`` also
refuses a symbolic link as the last component (``O_NOFOLLOW``).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegular(OSError):
    """Not a regular file (a folder, FIFO, device, socket, or a link where links are refused)."""


class TooLarge(OSError):
    """Larger than the limit."""


def read_regular(path: Path | str, limit: int, follow: bool = True, dir_fd: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``NotRegular``, ``TooLarge`` or ``OSError``."""
    return read_regular_stat(path, limit, follow, dir_fd)[0]


def read_regular_stat(
    path: Path | str, limit: int, follow: bool = True, dir_fd: int | None = None
) -> tuple[bytes, os.stat_result]:
    """``read_regular``, with the ``fstat`` of the file that was read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, dir_fd=dir_fd)
    except OSError as exc:
        if not follow and exc.errno == errno.ELOOP:
            raise NotRegular(exc.errno, "a symbolic link") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(0, "not a regular file")
        if st.st_size > limit:
            raise TooLarge(0, f"larger than {limit} bytes")
        parts: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            parts.append(chunk)
            left -= len(chunk)
        data = b"".join(parts)
        if len(data) > limit:
            raise TooLarge(0, f"larger than {limit} bytes")
        return data, st
    finally:
        os.close(fd)
