"""Map offsets in decoded source text to (line, column), and normalised text back to source offsets.

Two layers keep findings exact:

* ``LineIndex`` turns a character offset in the decoded file into a 1-based line and column. Lines end at
  LF, CRLF or CR alike; columns count characters of the decoded line.
* ``TextMap`` records how a block's normalised text (entities decoded, whitespace folded) was built from the
  source, as a few segments rather than one entry per character, so building it costs almost nothing and a
  lookup is a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import ClassVar

_NEWLINE = re.compile(r"\r\n|\r|\n")
# Characters that str.splitlines also treats as line breaks but a file's lines do not end at.
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


class LineIndex:
    """Offsets of line starts in a decoded text.

    Most documents are asked for a handful of positions (their findings), so a position is first found by
    counting line breaks with ``str.count`` (in C, no list built); the full table of line starts is built
    only when many positions are asked for, or when the text has lone CRs.
    """

    __slots__ = ("_known", "_last", "_plain", "_queries", "_starts", "text")

    LAZY_QUERIES: ClassVar[int] = 64  # positions found by counting before the full table is built

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._plain: bool | None = None  # every line ends with LF or CRLF (no lone CR): counting LFs works
        self._queries = 0
        self._last = (0, 1)  # (offset, line) of the last counted position: the next count starts there
        self._known: dict[int, int] = {}  # line -> offset of its start, for the lines found by counting

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            starts = [0]
            text = self.text
            if _OTHER_BREAKS.search(text) is None:
                # str.splitlines breaks at LF, CRLF and CR exactly as we count lines (and at a few rare
                # separators, excluded above): the lengths of its lines give the line starts, all in C.
                ends = list(accumulate(map(len, text.splitlines(True))))
                if ends and not text.endswith(("\n", "\r")):
                    ends.pop()  # the last line has no break: no line starts after it
                starts.extend(ends)
            elif "\r" in text and text.count("\r") != text.count("\r\n"):
                # A lone CR ends a line too: the (slower) regular expression.
                starts.extend(m.end() for m in _NEWLINE.finditer(text))
            else:
                find = self.text.find
                pos = find("\n")
                while pos >= 0:
                    starts.append(pos + 1)
                    pos = find("\n", pos + 1)
            self._starts = starts
        return self._starts

    def _counting(self) -> bool:
        if self._starts is not None or self._queries >= self.LAZY_QUERIES:
            return False
        if self._plain is None:
            text = self.text
            self._plain = "\r" not in text or text.count("\r") == text.count("\r\n")
        return self._plain

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; the column counts characters."""
        text = self.text
        offset = max(0, min(offset, len(text)))
        if self._counting():
            self._queries += 1
            last_offset, last_line = self._last
            if offset >= last_offset:
                line = last_line + text.count("\n", last_offset, offset)
            else:
                line = 1 + text.count("\n", 0, offset)
            self._last = (offset, line)
            start = text.rfind("\n", 0, offset) + 1
            self._known[line] = start
            return line, offset - start + 1
        starts = self.starts
        i = bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def _line_start(self, line: int) -> int | None:
        """Where a 1-based line starts (from counting if it found the line, else the table); None if no such line."""
        if self._starts is None and line in self._known:
            return self._known[line]
        starts = self.starts
        return starts[line - 1] if 1 <= line <= len(starts) else None

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based (line, column); 0 for a line the text does not have."""
        start = self._line_start(line)
        return 0 if start is None else start + column - 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_start(line)
        if start is None:
            return ""
        text = self.text
        if self._starts is None:  # found by counting: lines end with LF or CRLF
            end = text.find("\n", start)
        else:
            end = self._starts[line] if line < len(self._starts) else -1
        return text[start : end if end >= 0 else len(text)].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        return len(self.starts)


class TextMap:
    """Maps each character of a normalised text to a span of the source.

    Segments are stored in parallel lists. In an *identity* segment, text character ``t0 + k`` is source
    character ``s0 + k``. In any other segment (a decoded entity, a folded run of whitespace, an escape) the
    whole segment stands for the source span ``[s0, s1)``.
    """

    __slots__ = ("_ident", "_s0", "_s1", "_t0")

    def __init__(self) -> None:
        self._t0: list[int] = []
        self._s0: list[int] = []
        self._s1: list[int] = []
        self._ident: list[bool] = []

    def add(self, t0: int, s0: int, s1: int, identity: bool) -> None:
        self._t0.append(t0)
        self._s0.append(s0)
        self._s1.append(s1)
        self._ident.append(identity)

    def __len__(self) -> int:
        return len(self._t0)

    def _segment(self, index: int) -> int:
        return max(0, bisect_right(self._t0, index) - 1)

    def source_start(self, index: int) -> int:
        """Source offset where text character ``index`` begins."""
        if not self._t0:
            return 0
        k = self._segment(index)
        if self._ident[k]:
            return min(self._s0[k] + (index - self._t0[k]), self._s1[k])
        return self._s0[k]

    def source_end(self, index: int) -> int:
        """Source offset just after text character ``index``."""
        if not self._t0:
            return 0
        k = self._segment(index)
        if self._ident[k]:
            return min(self._s0[k] + (index - self._t0[k]) + 1, self._s1[k])
        return self._s1[k]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span ``[s, e)`` covering text characters ``[start, end)``."""
        if end <= start:
            s = self.source_start(start)
            return s, s
        return self.source_start(start), self.source_end(end - 1)

    def sliced(self, start: int, end: int) -> TextMap:
        """The map of ``text[start:end]`` (used to make sub-units such as link texts)."""
        out = TextMap()
        if not self._t0 or end <= start:
            return out
        k = self._segment(start)
        last = self._segment(end - 1)
        for i in range(k, last + 1):
            t0 = max(self._t0[i], start)
            if self._ident[i]:
                s0 = self._s0[i] + (t0 - self._t0[i])
                out.add(t0 - start, s0, self._s1[i], True)
            else:
                out.add(t0 - start, self._s0[i], self._s1[i], False)
        return out

    @classmethod
    def identity(cls, source_start: int, length: int) -> TextMap:
        out = cls()
        out.add(0, source_start, source_start + length, True)
        return out
