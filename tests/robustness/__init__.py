"""Shared material of the robustness tests (bad articles, hostile markup, properties, corpus, fuzzing)."""

from __future__ import annotations

import re
from pathlib import Path

EVERY_CHECK_RULES = Path(__file__).resolve().parent / "every_check.yaml"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in decoded ``text``; LF, CRLF and CR each end a line.

    A plain oracle, independent of ``newslint.document.positions``, to check reported positions against."""
    line_start = 0
    line = 1
    for m in re.finditer(r"\r\n|\r|\n", text[:offset]):
        line += 1
        line_start = m.end()
    return line, offset - line_start + 1


def span_of(text: str, raw: str, nth: int = 0) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of the ``nth`` occurrence of ``raw`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(raw, at + 1)
    return (*line_col(text, at), *line_col(text, at + len(raw)))
