"""Queries on the stack of open elements: where an end tag's element is, and which open elements a start tag
implies the end of (HTML's implied end tags, kept to the cases real pages need: ``<p>``, list items, table
cells and rows). The parser (``parser.py``) pops what these find; nothing here changes the stack.

Compiled with mypyc in the parser's group (hatch_build.py): the calls from the per-tag loop are native calls.
"""

from __future__ import annotations

from typing import Final

from newslint.parsing.html.elements import BLOCK, CLOSES_P, FRAGMENT_ROOTS, MAX_END_TAG_SEARCH, Elem

LISTS: Final = ("ul", "ol", "dl", "menu")


def find_open(stack: list[Elem], counts: dict[str, int], tag: str) -> int:
    """Index of the innermost open ``tag`` (not the root), or -1; looks no deeper than MAX_END_TAG_SEARCH."""
    if not counts.get(tag):
        return -1
    low = max(1, len(stack) - MAX_END_TAG_SEARCH)
    for i in range(len(stack) - 1, low - 1, -1):
        if stack[i].tag == tag:
            return i
    return -1


def block_above(stack: list[Elem], index: int) -> bool:
    """Whether a block-level element is open inside the one at ``index``."""
    return any(stack[j].tag in BLOCK for j in range(index + 1, len(stack)))


def paragraph_to_close(stack: list[Elem], counts: dict[str, int], tag: str) -> int:
    """Index of the open ``<p>`` that start tag ``tag`` closes, or -1 (only among the innermost elements, and
    not across another block or a fragment root)."""
    if tag not in CLOSES_P or not counts.get("p"):
        return -1
    for i in range(len(stack) - 1, max(0, len(stack) - 8), -1):
        t = stack[i].tag
        if t == "p":
            return i
        if t in BLOCK or t in FRAGMENT_ROOTS:
            return -1
    return -1


def item_or_cell_to_close(stack: list[Elem], tag: str) -> int:
    """Index of the open list item (``li``, ``dt``, ``dd``) or table cell or row that start tag ``tag`` closes,
    or -1; a list or table (or fragment root) in between stops the search."""
    if tag == "li" or tag == "dt" or tag == "dd":
        for i in range(len(stack) - 1, max(0, len(stack) - 16), -1):
            t = stack[i].tag
            if t in LISTS or t in FRAGMENT_ROOTS:
                return -1
            if t == tag or (tag != "li" and t in ("dt", "dd")):
                return i
    elif tag == "td" or tag == "th" or tag == "tr":
        stop = ("table",) if tag == "tr" else ("tr", "table")
        closes = ("tr", "td", "th") if tag == "tr" else ("td", "th")
        for i in range(len(stack) - 1, max(0, len(stack) - 16), -1):
            t = stack[i].tag
            if t in closes:
                return i
            if t in stop or t in FRAGMENT_ROOTS:
                return -1
    return -1
