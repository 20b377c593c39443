"""The HTML parser's element records and tag tables: what the streaming pass (``parser.py``) tracks per element.

Split from the parser so that each module keeps one job; both are compiled together with mypyc (see
hatch_build.py), where a ``Final`` name of another module of the group is still a C static or a literal, and
``Elem``'s attributes stay native slots.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Final

from newslint.parsing.html import vocabulary as _vocabulary
from newslint.parsing.html.tokenizer import RAW_TEXT_SET, parse_attrs

BLOCK: Final = _vocabulary.BLOCK
CLOSES_P: Final = _vocabulary.CLOSES_P
NON_PROSE: Final = _vocabulary.NON_PROSE
VOID: Final = _vocabulary.VOID

# Elements that can hold an article body (a <p class="post-body-paragraph"> cannot).
BODY_CONTAINERS: Final = frozenset(("div", "section", "article", "main", "td", "body", "span", "font", "center"))
# a pull quote's class or id: "pull-quote", "pullquote", "wp-block-pullquote", "pull_out"
PULL_QUOTE: Final = re.compile(r"(?<![a-z])pull[\s_-]?(?:quote|out)")
MAX_END_TAG_SEARCH: Final = 256  # how deep an end tag looks for its start tag before it is ignored
# Elements whose content is a separate fragment: an implied end tag inside never closes what is outside.
FRAGMENT_ROOTS: Final = frozenset(("template", "noscript"))
HEAD_CONTENT: Final = frozenset(("meta", "link", "title", "script", "style", "base", "noscript", "template", "head"))

# Tag classes for the dispatch in the main loop.
INLINE: Final = 0
BLOCKC: Final = 1
VOIDC: Final = 2
BR: Final = 3
IMG: Final = 4
META: Final = 5
LINKC: Final = 6
HR: Final = 7
A: Final = 8
BOLD: Final = 9
TIME: Final = 10
NONPROSE: Final = 11
HTMLC: Final = 12
BODYC: Final = 13
HEADC: Final = 14
RAWC: Final = 15
QUOTE: Final = 16
TAG_CLASS: Final[dict[str, int]] = {}
for _t in BLOCK:
    TAG_CLASS[_t] = BLOCKC
for _t in VOID:
    TAG_CLASS[_t] = VOIDC
for _t in NON_PROSE:
    TAG_CLASS[_t] = NONPROSE
for _t in RAW_TEXT_SET:
    TAG_CLASS[_t] = RAWC
TAG_CLASS.update(
    {
        "br": BR,
        "img": IMG,
        "meta": META,
        "link": LINKC,
        "hr": HR,
        "a": A,
        "button": A,  # a button's label is a link label without an address (a call to action)
        "b": BOLD,
        "strong": BOLD,
        "time": TIME,
        "html": HTMLC,
        "body": BODYC,
        "head": HEADC,
        "blockquote": QUOTE,
    }
)

# Start tags that may close open elements first (see ``open_elements.py``).
LIST_TABLE: Final = frozenset(("li", "dt", "dd", "td", "th", "tr"))
IMPLIED_CLOSERS: Final = CLOSES_P | LIST_TABLE


class Elem:
    """An element that extraction tracks: block-level ones, links, bold, and marked inline ones."""

    __slots__ = (
        "_attrs",
        "a0",
        "a1",
        "aside_depth",
        "blk",
        "close_seq",
        "close_text",
        "eid",
        "furn_depth",
        "furniture",
        "hf",
        "open_seq",
        "open_text",
        "para_text",
        "parent",
        "tag",
    )

    def __init__(
        self,
        tag: str,
        a0: int,
        a1: int,
        parent: Elem | None,
        eid: int,
        blk: Elem | None = None,
        furniture: bool = False,
        hf: bool = False,
        open_seq: int = 0,
        open_text: int = 0,
        furn_depth: int = 0,
        aside_depth: int = 0,
    ) -> None:
        self.tag = tag
        self.a0 = a0
        self.a1 = a1
        self.parent = parent
        self.eid = eid
        self._attrs: dict[str, tuple[str, int]] | None = None
        # The block-level element whose text this one's belongs to; None for a block-level element itself
        # (a reference to itself would make every document a reference cycle left to the garbage collector).
        self.blk: Elem | None = blk
        self.furniture = furniture  # this element or an ancestor is furniture
        self.furn_depth = furn_depth  # how many furniture elements enclose it (itself included)
        self.hf = hf  # inside <header> or <footer>
        # How many of those are plain <aside>s (no furniture class or role): inside the article body such an
        # aside (a box, an ad slot) is part of the article; elsewhere it is a sidebar.
        self.aside_depth = aside_depth
        self.open_seq = open_seq
        self.close_seq = -1
        self.open_text = open_text
        self.close_text = -1
        self.para_text = 0  # text of paragraph blocks directly inside (for the density fallback)

    def block_elem(self) -> Elem:
        return self if self.blk is None else self.blk

    def attrs(self, src: str) -> dict[str, tuple[str, int]]:
        if self._attrs is None:
            self._attrs = parse_attrs(src, self.a0, self.a1)
        return self._attrs

    def attr(self, src: str, name: str) -> str:
        value = self.attrs(src).get(name)
        return unescape(value[0]) if value else ""

    def label_words(self, src: str) -> str:
        if self.a0 >= self.a1:
            return ""
        a = self.attrs(src)
        parts = [unescape(a[k][0]) for k in ("class", "id", "aria-label", "data-label", "data-type") if k in a]
        return " ".join(p for p in parts if p)

    def pull_quote(self, src: str) -> bool:
        """A ``<blockquote class="pull-quote">`` (or one in a ``<figure class="wp-block-pullquote">``): the
        article's own words set large, not someone else's quotation."""
        for elem in (self, self.parent):
            if elem is not None and elem.a0 < elem.a1:
                a = elem.attrs(src)
                if PULL_QUOTE.search(" ".join(a[k][0] for k in ("class", "id") if k in a).lower()) is not None:
                    return True
        return False


class Capture:
    """Text being captured for metadata (a byline or date element's text), from where it opened to its end."""

    def __init__(self, kind: str, elem: Elem, start_block: int, start_len: int) -> None:
        self.kind = kind
        self.elem = elem
        self.start_block = start_block
        self.start_len = start_len
        self.end_block = -1
        self.end_len = 0


def container_words(elem: Elem | None, src: str) -> str:
    """The class, id and label words of an element and its nearest ancestors (what a block's container says)."""
    words = []
    depth = 0
    while elem is not None and depth < 4 and elem.parent is not None:
        w = elem.label_words(src)
        if w:
            words.append(w)
        elem = elem.parent
        depth += 1
    return " ".join(words)
