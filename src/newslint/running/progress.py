"""A progress line on stderr for long runs on a terminal: ``[####----] 120/400 files, 37 findings``.

Shown only when a person watches: stderr is a terminal, ``CI`` is not set, ``TERM`` is not ``dumb``, the
output format is for people (``text``, ``concise``), ``--quiet`` is off and there are at least two files.
Nothing is drawn in pipes, CI logs or machine formats. Plain ANSI (carriage return, erase line), no
dependency; redrawn at most ten times a second; erased before the report is printed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import TextIO

HUMAN_FORMATS = ("text", "concise")
MIN_FILES = 2
INTERVAL = 0.1


def progress_wanted(stream: TextIO, env: Mapping[str, str], output_format: str, quiet: bool, total: int) -> bool:
    if quiet or total < MIN_FILES or output_format not in HUMAN_FORMATS:
        return False
    if env.get("CI") or env.get("TERM") == "dumb" or env.get("GITHUB_ACTIONS"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def render_line(done: int, total: int, findings: int, width: int) -> str:
    noun = "finding" if findings == 1 else "findings"
    label = f" {done}/{total} files, {findings} {noun}"
    bar_width = max(0, min(30, width - len(label) - 3))
    if bar_width < 5:
        return label.strip()[: max(width - 1, 1)]
    filled = bar_width * done // total if total else bar_width
    return f"[{'#' * filled}{'-' * (bar_width - filled)}]{label}"


class Progress:
    def __init__(self, stream: TextIO, total: int, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.last = 0.0
        self.drawn = False

    def update(self, done: int, findings: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < INTERVAL and done < self.total:
            return
        self.last = now
        import shutil

        width = shutil.get_terminal_size((80, 24)).columns
        self.stream.write("\r\x1b[2K" + render_line(done, self.total, findings, width))
        self.stream.flush()
        self.drawn = True

    def message(self, text: str) -> None:
        """Print a line on the stream without mixing it into the progress line."""
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.drawn = False
            self.last = 0.0
        from newslint.files.printable import message_text

        self.stream.write(message_text(text) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False


def for_run(stream: TextIO, output_format: str, quiet: bool, total: int) -> Progress:
    return Progress(stream, total, progress_wanted(stream, os.environ, output_format, quiet, total))
