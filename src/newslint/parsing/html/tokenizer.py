"""A fast HTML tokenizer that reports source offsets.

It does one job: walk the decoded page and yield start tags, end tags, text runs, comments and the raw
content of ``<script>``/``<style>``-like elements, each with its offsets. It is a single compiled regular
expression driven by ``str.find``, so the scanning happens in C and the Python loop runs once per tag. Scripts
and styles are skipped with one search for their end tag. Attribute strings are parsed only when a caller asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

# The attribute part is an unrolled loop (runs of plain characters between quoted values): several times
# faster in ``re`` than an alternation per character. The quantifiers are possessive: a tag that never ends
# (``<a<a<a...`` or an unclosed quote) fails in one scan instead of backtracking through every split of it.
# With possessive quantifiers a start or end tag fails to match only when the page ends inside it.
TAG: Final = re.compile(
    r"""<(?:(/?)([a-zA-Z][^\t\n\f\r />]*+)([^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+)>"""
    r"""|!--.*?(?:--!?>|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)|![^>]*>?|\?[^>]*>?)""",
    re.S,
)
# After a quote that is never closed, quotes no longer group anything: a tag ends at the next '>'. Scanning
# on with ``TAG`` would rescan to the end of the page at every later '<' (quadratic time).
TAG_UNQUOTED: Final = re.compile(
    r"""<(?:(/?)([a-zA-Z][^\t\n\f\r />]*+)([^>]*+)>"""
    r"""|!--.*?(?:--!?>|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)|![^>]*>?|\?[^>]*>?)""",
    re.S,
)


_ASCII_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def starts_tag(s: str, lt: int) -> bool:
    """Whether the '<' at ``lt`` opens a start or end tag (a letter follows, or '/' and a letter)."""
    c = s[lt + 1 : lt + 2]
    if c == "/":
        c = s[lt + 2 : lt + 3]
    return c in _ASCII_LETTERS  # (compiled, one set lookup; isascii() and isalpha() are generic calls)


def scan_tag(s: str, lt: int, stop: int) -> tuple[int, int, int]:
    """``TAG.match(s, lt, stop)`` for the common start or end tag, with ``str.find`` instead of the expression.

    ``lt`` must open a tag (``starts_tag``). Returns ``(end, name_end, attrs_end)``: the tag is
    ``s[lt:end]``, its name runs from after ``<`` or ``</`` to ``name_end``, and its attributes (group 3 of
    ``TAG``) from ``name_end`` to ``attrs_end``. ``end`` is -1 where this does not decide, and ``TAG`` must:
    a quote that is never closed, no ``>`` before ``stop``. Where it decides, it agrees with ``TAG`` (a
    property test holds it to that). Each step is a ``find`` or ``count`` bounded by the ``>`` in question, in
    C, where ``re`` spends a dozen instructions a character on ``[^>"']``: compiled, this takes a tenth off the
    instructions of a parse (interpreted, the calls cost more than the expression: see ``SCAN_TAGS``).
    """
    start = lt + 2 if s[lt + 1] == "/" else lt + 1
    gt = s.find(">", start, stop)
    if gt < 0:
        return -1, 0, 0
    name_end = gt
    space = s.find(" ", start, gt)
    if space >= 0:
        name_end = space
    slash = s.find("/", start, name_end)
    if slash >= 0:
        name_end = slash
    name = s[start:name_end]
    if not name.isalnum():
        # A tab or line break may end the name before any space does (<div\n  class="...">: one tag in
        # twenty-five on the shared corpus). Anything else belongs to the name, as in TAG (<yt-icon>, <o:p>).
        cut = len(name)
        for c in "\t\n\r\f":
            i = name.find(c)
            if 0 <= i < cut:
                cut = i
        name_end = start + cut
    # A quoted value may hold a '>'. Where the attributes hold quotes of one kind only and an even number
    # of them, every value closes before the first '>': most tags, decided by a count and a find.
    double = s.count('"', name_end, gt)
    if double % 2 == 0 and s.find("'", name_end, gt) < 0:
        return gt + 1, name_end, gt
    if double == 0 and s.count("'", name_end, gt) % 2 == 0:
        return gt + 1, name_end, gt
    # Otherwise pair the quotes. The next quote of each kind is remembered, and searched again only once it
    # is behind: searching both anew after every pair made a tag of many values quadratic.
    pos = name_end
    dq = s.find('"', pos, gt)
    sq = s.find("'", pos, gt)
    while True:
        if dq < 0 and sq < 0:
            return gt + 1, name_end, gt
        q = dq if sq < 0 or 0 <= dq < sq else sq
        close = s.find(s[q], q + 1, stop)
        if close < 0:
            return -1, 0, 0
        pos = close + 1
        if gt < pos:  # the '>' was inside the value: the tag ends at a later one, with quotes before it
            gt = s.find(">", pos, stop)
            if gt < 0:
                return -1, 0, 0
            dq = s.find('"', pos, gt)
            sq = s.find("'", pos, gt)
            continue
        if 0 <= dq < pos:  # (-1: none before the '>', and it has not moved)
            dq = s.find('"', pos, gt)
        if 0 <= sq < pos:
            sq = s.find("'", pos, gt)


def comment_end(s: str, lt: int, stop: int) -> int:
    """Where the comment opened by the ``<!--`` at ``lt`` ends: ``TAG.match(s, lt, stop).end()``, found with
    ``str.find``. ``TAG`` reads a comment with a lazy ``.*?``, which tests every character of it for ``-->``
    (the shared corpus's comments hold 2.3 million characters: commented-out markup, conditional comments).
    The comment ends after the first ``-->`` or ``--!>`` that starts after ``<!--`` (``<!-->`` does not end
    itself), or at ``stop``. A property test holds it to ``TAG``."""
    pos = lt + 4
    while True:
        dash = s.find("--", pos, stop)
        if dash < 0:
            return stop
        after = dash + 2
        if after < stop and s[after] == ">":
            return after + 1
        if after + 1 < stop and s[after] == "!" and s[after + 1] == ">":
            return after + 2
        pos = dash + 1


RAW_TEXT: Final = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
RAW_TEXT_SET: Final = frozenset(RAW_TEXT)


def raw_text_end(s: str, name: str, pos: int, n: int) -> int:
    """Where the end tag of raw-text element ``name`` starts (``n`` when it is missing).

    A plain ``find`` for ``</`` and a check of the name: a case-insensitive regex search cannot use CPython's
    fast literal search, and scripts are most of a page's bytes.
    """
    size = len(name)
    while True:
        j = s.find("</", pos, n)
        if j < 0:
            return n
        if s[j + 2 : j + 2 + size].lower() == name and (j + 2 + size >= n or s[j + 2 + size] in " \t\n\r\f/>"):
            return j
        pos = j + 2


ATTR: Final = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")

# Token kinds
START: Final = 0
END: Final = 1
TEXT: Final = 2
COMMENT: Final = 3
RAW: Final = 4  # the content of a raw-text element: (RAW, name, start, end)


def iter_tokens(s: str, pos: int = 0, n: int | None = None) -> Iterator[tuple]:
    """Yield tokens:

    * ``(START, name, start, end, attrs_start, attrs_end)``: ``attrs`` is ``s[attrs_start:attrs_end]``
    * ``(END, name, start, end)``
    * ``(TEXT, start, end)``
    * ``(COMMENT, start, end)``: the whole ``<!-- ... -->``
    * ``(RAW, name, start, end)``: content of a raw-text element such as ``<script>``
    """
    if n is None:
        n = len(s)
    find = s.find
    match = TAG.match
    last_gt = s.rfind(">", pos, n)  # no tag can start after the last '>'
    while pos < n:
        lt = find("<", pos, n)
        if lt < 0:
            yield (TEXT, pos, n)
            return
        if lt > pos:
            yield (TEXT, pos, lt)
        m = match(s, lt, n) if lt < last_gt or not starts_tag(s, lt) else None
        if m is None and lt < last_gt and match is not TAG_UNQUOTED.match and starts_tag(s, lt):
            # A quote in this tag is never closed: from here on, tags end at the next '>' (see TAG).
            match = TAG_UNQUOTED.match
            m = match(s, lt, n)
        if m is None:
            if lt > last_gt and starts_tag(s, lt):
                return  # the page ends inside this tag: as in browsers, the rest is not text
            # A stray '<': it is text.
            nxt = find("<", lt + 1, n)
            if nxt < 0:
                nxt = n
            yield (TEXT, lt, nxt)
            pos = nxt
            continue
        name = m.group(2)
        end = m.end()
        if name is None:
            if s.startswith("<!--", lt):
                yield (COMMENT, lt, end)
            pos = end
            continue
        name = name.lower()
        if m.group(1):
            yield (END, name, lt, end)
            pos = end
            continue
        yield (START, name, lt, end, m.start(3), m.end(3))
        if name in RAW_TEXT_SET and not s.startswith("/", end - 2):
            stop = raw_text_end(s, name, end, n)
            yield (RAW, name, end, stop)
            pos = stop
            continue
        pos = end


def parse_attrs(s: str, start: int, end: int) -> dict[str, tuple[str, int]]:
    """Attributes of a start tag as ``{name: (raw value, value start offset)}``; first occurrence wins."""
    out: dict[str, tuple[str, int]] = {}
    if start >= end:
        return out
    for m in ATTR.finditer(s, start, end):
        name = m.group(1).lower()
        if name in out or name == "/":
            continue
        for g in (2, 3, 4):
            v = m.group(g)
            if v is not None:
                out[name] = (v, m.start(g))
                break
        else:
            out[name] = ("", m.end(1))
    return out
