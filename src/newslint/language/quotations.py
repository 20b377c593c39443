"""Quotations in a block's text: between quotation marks, or inside HTML ``<q>`` elements.

The text builder folds every quotation mark (straight, typographic, single, guillemets) to ``"`` or ``'``, so
two expressions find them; an apostrophe ("don't", "investors' money") is no quotation mark. Written by hand:
what counts as a quotation in Indian news copy (a paragraph that opens one and goes on in the next) is a
reading convention, not a grammar a library has.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslint.language import expression_store

if TYPE_CHECKING:
    from newslint.document.model import Block, Document

_MAX_QUOTE = 2000  # characters: a quotation longer than this is a stray mark, not a quotation

_DOUBLE = expression_store.own(rf'"[^"]{{1,{_MAX_QUOTE}}}"')
# A single quotation mark opens after a space or bracket and closes before a non-letter: apostrophes
# ("don't", "investors' money") are neither.
_SINGLE = expression_store.own(rf"(?<![\w'])'(?=[^\s'])[^']{{1,{_MAX_QUOTE}}}?(?<=[^\s'])'(?![\w])")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` inside quotation marks; a block that opens a quotation and never closes it (a
    quoted paragraph continued in the next) is quoted to its end."""
    spans = [m.span() for m in _DOUBLE.finditer(text)]
    for m in _SINGLE.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            spans.append(m.span())
    if text.count('"') % 2 == 1:
        last = text.rfind('"')
        if not any(a <= last < b for a, b in spans) and text.lstrip().startswith('"'):
            spans.append((last, len(text)))
    return sorted(spans)


_Q_TAG = re.compile(r"<(/?)q(?=[\s/>])[^>]*>", re.IGNORECASE)


def q_spans(source: str, block: Block) -> list[tuple[int, int]]:
    """Spans of ``block``'s text inside HTML ``<q>`` elements (the browser adds the quotation marks, so the
    text has none), found in the block's stretch of the source and mapped back to the text."""
    text = block.text
    if not text:
        return []
    s, e = block.source_span(0, len(text))
    if source.find("<q", s, e) < 0 and source.find("<Q", s, e) < 0:
        return []
    tmap = block.tmap

    def text_at(offset: int) -> int:
        """The first character of the text at or after source ``offset``."""
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi) // 2
            if tmap.source_start(mid) < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    for m in _Q_TAG.finditer(source, s, e):
        if not m.group(1):
            opened.append(text_at(m.end()))
        elif opened:
            start = opened.pop()
            if not opened:  # a quotation inside a quotation is part of the outer one
                spans.append((start, text_at(m.start())))
    if opened:
        spans.append((opened[0], len(text)))
    return [(a, b) for a, b in spans if b > a]


def unquoted(sentence: str, start: int, quotes: list[tuple[int, int]]) -> str:
    """The sentence with its quotations blanked (a reporting verb inside a quotation is the quoted speaker's)."""
    if not quotes:
        return sentence
    chars = list(sentence)
    for a, e in quotes:
        for k in range(max(a, start), min(e, start + len(sentence))):
            chars[k - start] = " "
    return "".join(chars)


def pull_quote_set_large(doc: Document, b: Block, quotes: list[tuple[int, int]]) -> bool:
    """Whether ``b`` is a pull quote wholly in quotation marks, with no one named after it, on a page that no writer
    signs and no date dates (a firm's own page): the marks only set the page's own words large ("Earn an assured
    11% a year, with your capital never at risk." on a lending platform's page). A news page's pull quote repeats
    someone's words from its story, and stays quoted."""
    if len(quotes) != 1 or b.container_fn is None or doc.metadata.get("authors") or doc.metadata.get("published"):
        return False
    from newslint.parsing.html.elements import PULL_QUOTE

    a, e = quotes[0]
    n = len(b.text.rstrip())
    return a <= 2 and e >= n - 2 and PULL_QUOTE.search(b.container_fn().lower()) is not None
