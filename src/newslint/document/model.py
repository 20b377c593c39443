"""The positioned document: one representation of an article for both HTML and Markdown.

A ``Document`` holds metadata (each value with where it came from and its position) and an ordered list of
``Block``s. Every block keeps its normalised text and a ``TextMap`` back to the decoded source, so any span of
any block can be reported at the exact line and column of the original file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import regex

from newslint.document.case_key import case_key
from newslint.document.positions import LineIndex, TextMap

BLOCK_KINDS = (
    "heading",
    "paragraph",
    "list-item",
    "blockquote",
    "table-cell",
    "caption",
    "image",
    "link",
)


# A reader's letter to an advice column: the reader speaks in the first person, sets out a situation before the
# question or signs it ("I am 34 and my employer covers me for ₹5 lakh. Do I need a policy? – Arvind, Kochi"), in
# English, Hindi ("पाठक का सवाल: मेरी उम्र 40 है ... क्या करूं? — नाम, शहर") or Hinglish ("Sawaal: Main 29 saal ka hoon
# ... kya karoon?"). A label that names the reader's question ("Q:", "प्रश्न:", "सवाल:", "Sawaal:", "Aapka sawaal:")
# marks it as bold would.
_ASKER = regex.compile(
    r"(?<!\w)(?:I|I'm|I've|I'd|my|me|we|our)(?!\w)"
    r"|(?<![\p{L}\p{M}])(?:मैं|मै|मेरी|मेरा|मेरे|मुझे|मुझसे|हम|हमारी|हमारा|हमारे|हमें)(?![\p{L}\p{M}])"
    r"|(?<!\w)(?:main|mai|meri|mera|mere|mujhe|mujhse|hum|hamari|hamara|hamare|humare|hamein|humein)(?!\w)",
    regex.IGNORECASE,
)
_SIGNATURE = regex.compile(r"\s*[-–—]+\s*\S[^?\n]{0,60}")
_Q_MARK = regex.compile(
    r"^\W*(?:Q\s*\d*\s*[:.)\-–]|(?:(?:reader'?s'?\s+)?question|(?:पाठक\s+का\s+|आपका\s+)?(?:सवाल|प्रश्न)"
    r"|(?:paathak\s+ka\s+|pathak\s+ka\s+|aapka\s+|apka\s+)?(?:sawaa?l|savaa?l|prashn))\s*\d*\s*[:：.\-–])",
    regex.IGNORECASE,
)


def reader_letter(text: str, bold: int) -> bool:
    """Whether a paragraph with ``bold`` characters in bold (or marked "Q:", "सवाल:", "Sawaal:") is a reader's
    letter: bold up to its final question mark, in the first person, and either signed after the question or
    setting out a situation before it. Such a block heads the expert's answer under it as a label line does; an
    FAQ's "Can I buy it online?" is neither signed nor told, and stays a paragraph."""
    q = text.rfind("?")
    if q < 20 or (bold < q and _Q_MARK.match(text) is None):
        return False
    tail = text[q + 1 :]
    signed = _SIGNATURE.fullmatch(tail) is not None
    if not (signed or not tail.strip()) or _ASKER.search(text, 0, q) is None:
        return False
    return signed or regex.search(r"[.!।]\s", text[:q]) is not None


def bold_roles(text: str, bold: int) -> tuple[bool, bool]:
    """Whether a paragraph with ``bold`` characters in bold is a label line (short, bold only, no full stop:
    "Disclaimer") and whether it is a reader's letter."""
    label = len(text) <= 60 and bold >= len(text) - 1 and not text.endswith(".")
    return label, not label and reader_letter(text, bold)


@dataclass(slots=True)
class Link:
    """A link inside a block: its text span in the block and its target with the target's source span."""

    start: int
    end: int
    href: str
    href_start: int | None = None
    href_end: int | None = None


@dataclass(init=False, slots=True, eq=False)
class Block:
    """One unit of text: a heading, paragraph, list item, quote, table cell, caption or image alt text."""

    index: int
    kind: str
    text: str
    tmap: TextMap
    body: bool
    level: int
    section: int | None
    container_words: str | None
    container_fn: Callable[[], str] | None
    group: int
    links: list[Link]
    src: str | None
    src_span: tuple[int, int] | None
    is_label: bool
    asks: bool
    lowered: str | None
    sentences: list[tuple[int, int]] | None

    def __init__(
        self,
        index: int,
        kind: str,
        text: str,
        tmap: TextMap,
        body: bool = True,
        level: int = 0,
        section: int | None = None,
        container_words: str | None = None,
        container_fn: Callable[[], str] | None = None,
        group: int = 0,
        links: list[Link] | None = None,
        src: str | None = None,
        src_span: tuple[int, int] | None = None,
        is_label: bool = False,
        lowered: str | None = None,
        sentences: list[tuple[int, int]] | None = None,
    ) -> None:
        self.index = index
        self.kind = kind
        self.text = text
        self.tmap = tmap
        self.body = body
        self.level = level
        self.section = section  # index of the heading (or label) block this block sits under
        self.container_words = container_words  # class/id/aria-label words of the enclosing elements (lazy)
        self.container_fn = container_fn
        self.group = group  # id of the nearest enclosing container element: blocks sharing it sit together
        self.links = [] if links is None else links
        self.src = src  # image blocks: the src attribute
        self.src_span = src_span
        self.is_label = is_label  # a short bold-only line that acts as a heading ("Disclaimer")
        self.asks = False  # a reader's letter in an advice column: it heads the answer below it (``reader_letter``)
        self.lowered = lowered  # cache of case_key(text) for prefilters
        self.sentences = sentences  # cache, filled by the sentence splitter

    @property
    def container(self) -> str:
        """Class, id and aria-label words of the elements around this block, nearest first (for labels)."""
        if self.container_words is None:
            self.container_words = self.container_fn() if self.container_fn is not None else ""
            self.container_fn = None
        return self.container_words

    def lower(self) -> str:
        if self.lowered is None:
            self.lowered = case_key(self.text)
        return self.lowered

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.tmap.source_span(start, end)

    @property
    def source_start(self) -> int:
        return self.tmap.source_start(0)


@dataclass(slots=True)
class MetaValue:
    """A metadata value with its provenance: which source gave it and where it sits in the file."""

    value: str
    source: str  # json-ld, meta, time, front-matter, visible, title-tag, heading, microdata, link
    detail: str = ""  # e.g. 'meta[property="article:published_time"]'
    start: int | None = None  # source offsets of the value, when known
    end: int | None = None
    parsed: datetime | None = None  # dates only

    @property
    def structured(self) -> bool:
        return self.source not in ("visible", "heading")


# The ``detail`` of a publication date copied from the page's only "Updated:" date: rules that judge the
# value itself (format, future) skip the copy, since the modification date it came from is judged already.
UPDATED_COPY = "updated date"

METADATA_FIELDS = (
    "title",
    "authors",
    "published",
    "modified",
    "publisher",
    "description",
    "language",
    "canonical",
    "tags",
    # what the page declares itself to be: JSON-LD @type of its own objects ("NewsArticle", "WebPage",
    # "FinancialProduct"), og:type ("article", "website")
    "types",
)


@dataclass(init=False, slots=True)
class Metadata:
    fields: dict[str, list[MetaValue]]
    front_matter: dict[str, Any] | None
    json_ld: list[Any]
    _seen: set[tuple[str, str, str]] | None = field(default=None, repr=False, compare=False)

    def __init__(
        self,
        fields: dict[str, list[MetaValue]] | None = None,
        front_matter: dict[str, Any] | None = None,
        json_ld: list[Any] | None = None,
    ) -> None:
        self.fields = {} if fields is None else fields
        self.front_matter = front_matter
        self.json_ld = [] if json_ld is None else json_ld
        self._seen = None  # (field, value, source) already added

    def add(self, name: str, value: MetaValue) -> None:
        """Keep ``value`` unless the field already has the same text from the same source (a set makes the
        check constant-time: a page with 20,000 JSON-LD authors must not take quadratic time)."""
        if not value.value:
            return
        seen = self._seen
        if seen is None:
            seen = self._seen = set()
        key = (name, value.value, value.source)
        if key in seen:
            return
        seen.add(key)
        self.fields.setdefault(name, []).append(value)

    def get(self, name: str) -> list[MetaValue]:
        return self.fields.get(name, [])

    def first(self, name: str) -> MetaValue | None:
        values = self.fields.get(name)
        return values[0] if values else None


@dataclass(slots=True)
class Comment:
    """An HTML comment (in HTML or Markdown) with its position: carries suppressions and test annotations."""

    text: str
    start: int
    end: int


@dataclass(init=False, slots=True, eq=False)
class Document:
    path: str
    format: str
    encoding: str
    source: str
    lines: LineIndex
    metadata: Metadata
    blocks: list[Block]
    comments: list[Comment]
    headline: int | None
    body_container: str
    warnings: list[str]

    def __init__(
        self,
        path: str,
        format: str,
        encoding: str,
        source: str,
        lines: LineIndex,
        metadata: Metadata,
        blocks: list[Block],
        comments: list[Comment] | None = None,
        headline: int | None = None,
        body_container: str = "",
        warnings: list[str] | None = None,
    ) -> None:
        self.path = path
        self.format = format  # html | markdown
        self.encoding = encoding
        self.source = source  # the decoded file
        self.lines = lines
        self.metadata = metadata
        self.blocks = blocks
        self.comments = [] if comments is None else comments
        self.headline = headline  # index of the headline block, when one was found
        self.body_container = body_container  # what the HTML body detection chose, for `inspect`
        self.warnings = [] if warnings is None else warnings

    def line_col(self, offset: int) -> tuple[int, int]:
        return self.lines.line_col(offset)

    def anchor(self) -> tuple[int, int]:
        """Where a document-level finding points: the headline, else the first line."""
        if self.headline is not None and self.headline < len(self.blocks):
            block = self.blocks[self.headline]
            return block.source_span(0, len(block.text))
        title = self.metadata.first("title")
        if title is not None and title.start is not None and title.end is not None:
            return title.start, title.end
        return 0, 0

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.body]

    def section_title(self, block: Block) -> str:
        if block.section is None:
            return ""
        return self.blocks[block.section].text
