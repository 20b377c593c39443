"""HTML page -> positioned ``Document``: the streaming first pass (``second_pass.py`` picks the body after it).

One pass builds blocks of normalised text (inline tags do not break a block; block tags do), tracks the open
block-level elements (``elements.py``, ``open_elements.py``) to tell furniture from body and find the article
container, and gathers the raw material for metadata. For speed the tokenizer is inlined in the loop, plain
inline tags are not tracked unless their attributes mark a byline or a date, attribute strings are classified
once and cached, and raw-text elements are skipped with ``str.find``. Nothing recurses: a page of 100,000
nested ``<div>``s is as safe as any other.
"""

from __future__ import annotations

import re
import types
from functools import partial
from html import unescape
from typing import TYPE_CHECKING, Final

from newslint.document.model import Block, Comment, Document, Link, bold_roles
from newslint.document.textbuild import TextBuilder
from newslint.parsing.html import vocabulary as _vocabulary
from newslint.parsing.html.also_read import ALSO_READ_INLINE, also_read_pieces, cut_blocks
from newslint.parsing.html.attributes import (
    F_ARTICLE_BODY,
    F_BODY,
    F_BYLINE,
    F_COMMENTS,
    F_DATE_MODIFIED,
    F_DATE_PUBLISHED,
    F_FURNITURE,
    F_SOFT,
    INLINE_HINTS,
    classify_attrs,
    flag_cache,
)
from newslint.parsing.html.elements import (
    BLOCKC,
    BODY_CONTAINERS,
    BODYC,
    BOLD,
    BR,
    HEAD_CONTENT,
    HEADC,
    HR,
    HTMLC,
    IMG,
    IMPLIED_CLOSERS,
    INLINE,
    LINKC,
    LIST_TABLE,
    META,
    NONPROSE,
    QUOTE,
    RAWC,
    TAG_CLASS,
    TIME,
    VOIDC,
    A,
    Capture,
    Elem,
    container_words,
)
from newslint.parsing.html.images import image_block
from newslint.parsing.html.metadata import MetaCollector
from newslint.parsing.html.open_elements import block_above, find_open, item_or_cell_to_close, paragraph_to_close
from newslint.parsing.html.second_pass import finish
from newslint.parsing.html.tokenizer import (
    TAG,
    TAG_UNQUOTED,
    comment_end,
    parse_attrs,
    raw_text_end,
    scan_tag,
    starts_tag,
)

# scan_tag finds the common tag with a few str.find calls: compiled, a tenth fewer instructions per parse
# than the TAG expression; interpreted, those calls cost more than the one expression (a fifth of a parse
# slower), so the Python source keeps to TAG. (Compiled, a module's functions are not Python functions.)
SCAN_TAGS: Final = not isinstance(scan_tag, types.FunctionType)

# Module-level constants are Final: compiled with mypyc, a Final name is a C static (or, for a literal,
# a constant), where any other global is a dictionary lookup at every use: a few per tag, 5% of a parse.
BLOCK: Final = _vocabulary.BLOCK
FURNITURE_TAGS: Final = _vocabulary.FURNITURE_TAGS
SOFT_FURNITURE_TAGS: Final = _vocabulary.SOFT_FURNITURE_TAGS
HEADINGS: Final = _vocabulary.HEADINGS
KIND_BY_TAG: Final = _vocabulary.KIND_BY_TAG
NON_PROSE: Final = _vocabulary.NON_PROSE

if TYPE_CHECKING:
    from newslint.parsing.html.selectors import HtmlSelectors

_NAME_INFO: Final[dict[str, tuple[str, int]]] = {}  # tag name as written -> (lower-cased name, tag class)
_NONSPACE: Final = re.compile(r"\S")
_HREF: Final = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)


class HtmlExtractor:
    """Streams one page and produces the document. Use ``parse_html``."""

    def __init__(self, src: str, path: str, encoding: str, marks: dict[int, tuple[str, str]] | None = None) -> None:
        self.src = src
        # Configured CSS selectors: start-tag offset -> ("content" | "furniture", selector); see selectors.py.
        self.marks = marks
        self.forced_body: list[Elem] = []
        self.path = path
        self.encoding = encoding
        self.meta = MetaCollector(src)
        self.builder = TextBuilder()
        self.blocks: list[Block] = []
        self.block_elems: list[Elem] = []
        self.block_seqs: list[int] = []
        self.furniture_blocks: set[int] = set()  # "Also read" lines cut out of a paragraph
        self.comment_elems: list[Elem] = []  # elements of reader comments (by class or id)
        self.pending_images: list[Block] = []
        self.links: list[Link] = []
        self.open_link: tuple[int, str, int | None, int | None] | None = None
        self.comments: list[Comment] = []
        self.captures: list[Capture] = []
        self.open_captures: dict[int, Capture] = {}
        self.candidates: list[tuple[int, Elem]] = []  # (priority, element)
        self.para_owners: list[Elem] = []
        self.time_elems: list[tuple[Elem, str, int, int]] = []
        self.seq = 0
        self.text_total = 0
        self.bold_depth = 0
        self.bold_len = 0
        self.skip_depth = 0
        self.quote_depth = 0
        self.eid = 0
        self.root = Elem("#root", 0, 0, None, 0)
        self.stack: list[Elem] = [self.root]
        self.open_counts: dict[str, int] = {}
        self.head: Elem | None = None
        self.untracked_a: tuple[int, int] | None = None  # attributes of an open <a> not on the stack

    # -- blocks -------------------------------------------------------------------------------------

    def boundary(self) -> None:
        """A block boundary: the text gathered so far becomes a block."""
        if self.builder._len:
            self._flush_text()
        else:
            self.builder._space_pending = False
            if self.links or self.open_link is not None:
                self.links = []
                self.open_link = None
            self.bold_len = 0
            if self.pending_images:
                self._flush_images()

    def _flush_text(self) -> None:
        text, tmap = self.builder.finish()
        top = self.stack[-1]
        blk = top.block_elem()
        tag = blk.tag
        level = HEADINGS.get(tag, 0)
        if level:
            kind = "heading"
        elif self.quote_depth:
            kind = "blockquote"
        else:
            kind = "paragraph" if tag == "blockquote" else KIND_BY_TAG.get(tag, "paragraph")  # a pull quote
        if self.open_link is not None:
            self._close_link(len(text))
        links = self.links
        if links:
            n = len(text)
            links = [lk for lk in links if lk.end > lk.start and lk.start < n]
            for lk in links:
                if lk.end > n:
                    lk.end = n
        pieces = None
        if links and kind == "paragraph" and ALSO_READ_INLINE.search(text) is not None:
            # not when a byline or date capture points into this block (its offsets must stay those of one block)
            if all(c.start_block != len(self.blocks) for c in self.open_captures.values()):
                pieces = also_read_pieces(text, links)
        if pieces is None:
            block = Block(len(self.blocks), kind, text, tmap, level=level, links=links)
            if kind == "paragraph":
                block.is_label, block.asks = bold_roles(text, self.bold_len)
            self._add_block(block, top)
        else:
            for block, furniture in cut_blocks(len(self.blocks), kind, text, tmap, links, pieces):
                if furniture:
                    self.furniture_blocks.add(block.index)
                self._add_block(block, top)
        if kind == "paragraph" and len(text) >= 40:
            owner = blk.parent if blk.tag == "p" and blk.parent is not None else blk
            if owner.para_text == 0:
                self.para_owners.append(owner)
            owner.para_text += len(text)
        self.text_total += len(text)
        self.links = []
        self.bold_len = 0
        if self.pending_images:
            self._flush_images()

    def _add_block(self, block: Block, top: Elem) -> None:
        block.container_fn = partial(container_words, top, self.src)
        self.blocks.append(block)
        self.block_elems.append(top)
        self.block_seqs.append(self.seq)

    def _flush_images(self) -> None:
        for image in self.pending_images:
            image.index = len(self.blocks)
            self._add_block(image, self.stack[-1])
        self.pending_images = []

    def _close_link(self, at: int) -> None:
        assert self.open_link is not None
        start, href, h0, h1 = self.open_link
        self.links.append(Link(start, at, href, h0, h1))
        self.open_link = None

    def _image(self, a0: int, a1: int) -> None:
        block = image_block(self.src, a0, a1)
        if block is not None:
            self.pending_images.append(block)

    # -- stack --------------------------------------------------------------------------------------

    def push(self, tag: str, a0: int, a1: int, flags: int) -> Elem:
        parent = self.stack[-1]
        self.eid += 1
        self.seq += 1
        own = bool(flags & F_FURNITURE) or tag in FURNITURE_TAGS
        soft = (tag in SOFT_FURNITURE_TAGS and not flags & F_FURNITURE) or bool(flags & F_SOFT)
        elem = Elem(
            tag,
            a0,
            a1,
            parent,
            self.eid,
            None if tag in BLOCK else parent.block_elem(),
            parent.furniture or own,
            parent.hf or tag == "header" or tag == "footer",
            self.seq,
            self.text_total + self.builder._len,
            parent.furn_depth + own,
            parent.aside_depth + soft,
        )
        if self.marks is not None:
            self._apply_mark(elem, a0 - 1 - len(tag))
        if flags:
            if flags & F_COMMENTS and tag in BLOCK:
                self.comment_elems.append(elem)
            if tag in BODY_CONTAINERS:
                if flags & F_ARTICLE_BODY:
                    self.candidates.append((0, elem))
                elif flags & F_BODY:
                    self.candidates.append((1, elem))
            if flags & F_BYLINE:
                content = elem.attrs(self.src).get("content")
                if content is not None:
                    self.meta.author_attr(content, elem.furniture, elem)
                else:
                    self._open_capture("author", elem)
            if flags & (F_DATE_PUBLISHED | F_DATE_MODIFIED):
                kind = "datemodified" if flags & F_DATE_MODIFIED else "datepublished"
                a = elem.attrs(self.src)
                value = a.get("content") or a.get("datetime")
                if value is not None:
                    self.time_elems.append((elem, kind, value[1], value[1] + len(value[0])))
                elif tag != "time":
                    self._open_capture(kind, elem)
        if tag == "article":
            self.candidates.append((2, elem))
        elif tag == "main":
            self.candidates.append((3, elem))
        self.stack.append(elem)
        counts = self.open_counts
        counts[tag] = counts.get(tag, 0) + 1
        return elem

    def _apply_mark(self, elem: Elem, start: int) -> None:
        mark = self.marks.pop(start, None) if self.marks else None
        if mark is None:
            return
        if mark[0] == "content":
            elem.furniture = False
            self.forced_body.append(elem)
        else:
            elem.furniture = True
            elem.furn_depth += 1

    def pop_to(self, index: int) -> None:
        """Close every element from the top of the stack down to ``index`` (inclusive)."""
        stack = self.stack
        counts = self.open_counts
        builder = self.builder
        while len(stack) > index:
            elem = stack[-1]
            tag = elem.tag
            if tag in BLOCK:
                self.untracked_a = None  # a link opened inside this block ends with it
                if builder._len:
                    self._flush_text()
                elif builder._space_pending or self.links or self.open_link is not None or self.pending_images:
                    self.boundary()
                else:
                    self.bold_len = 0
            stack.pop()
            counts[tag] -= 1
            self.seq += 1
            elem.close_seq = self.seq
            elem.close_text = self.text_total + self.builder._len
            if tag == "a":
                if self.open_link is not None:
                    self._close_link(self.builder._len)
            elif tag == "b" or tag == "strong":
                self.bold_depth -= 1
            elif tag == "blockquote" and not elem.pull_quote(self.src):
                self.quote_depth -= 1
            elif tag == "code":
                self.builder.space(0, 0)
            if tag in NON_PROSE:
                self.skip_depth -= 1
                if tag == "head":
                    self.head = None
            if self.open_captures:
                capture = self.open_captures.pop(elem.eid, None)
                if capture is not None:
                    capture.end_block = len(self.blocks)
                    capture.end_len = self.builder._len
                    self.captures.append(capture)

    def _open_capture(self, kind: str, elem: Elem) -> None:
        self.open_captures[elem.eid] = Capture(kind, elem, len(self.blocks), self.builder.position())

    def _implied_close(self, tag: str) -> None:
        i = paragraph_to_close(self.stack, self.open_counts, tag)
        if i > 0:
            self.pop_to(i)
        i = item_or_cell_to_close(self.stack, tag)
        if i > 0:
            self.pop_to(i)

    def _leave_head(self) -> None:
        i = find_open(self.stack, self.open_counts, "head")
        if i > 0:
            self.pop_to(i)
        self.head = None

    # -- main loop ----------------------------------------------------------------------------------

    def run(self) -> Document:
        self.stream(0, len(self.src))
        return finish(self)

    def stream(self, pos: int, stop: int) -> None:
        src = self.src
        builder = self.builder
        # (No local aliases of src.find or dict.get: compiled, a method call is a direct C call and an alias a
        # generic call that parses its arguments, 5% of a parse for src.find alone.)
        quoted = True  # until a quote is never closed: then tags are read with TAG_UNQUOTED
        last_gt = src.rfind(">", pos, stop)  # no tag can start after the last '>'
        open_counts = self.open_counts
        while pos < stop:
            lt = src.find("<", pos, stop)
            if lt < 0:
                lt = stop
            if lt > pos:  # text
                if self.skip_depth == 0:
                    chunk = src[pos:lt]
                    if chunk.isspace():  # indentation between tags: at most a space between words
                        if builder._len and not builder._space_pending:
                            builder._space_pending = True
                            builder._space_src = (pos, lt)
                    elif self.bold_depth:
                        before = builder._len
                        builder.chunk(chunk, pos)
                        self.bold_len += builder._len - before
                    else:
                        builder.chunk(chunk, pos)
                elif self.head is not None and self.skip_depth == 1 and _NONSPACE.search(src, pos, lt):
                    # Text in <head> means the page forgot to open <body>: browsers start it here. Text inside
                    # a <template> or <noscript> of the head is not (skip_depth counts them too).
                    self._leave_head()
                    builder.source(src, pos, lt)
                if lt >= stop:
                    break
            # Compiled, most tags are found with str.find (scan_tag); the rest and declarations with TAG.
            if SCAN_TAGS and lt < last_gt and quoted and starts_tag(src, lt):
                end, a0, a1 = scan_tag(src, lt, stop)
            else:
                end = -1
            if end >= 0:
                slash = src[lt + 1] == "/"
                name = src[lt + 2 if slash else lt + 1 : a0]
            elif src.startswith("<!--", lt):  # a comment: its end found with str.find (comment_end)
                pos = comment_end(src, lt, stop)
                self.comments.append(Comment(src[lt + 4 : max(lt + 4, pos - 3)], lt, pos))
                continue
            else:
                expression = TAG if quoted else TAG_UNQUOTED
                m = expression.match(src, lt, stop) if lt < last_gt or not starts_tag(src, lt) else None
                if m is None and lt < last_gt and quoted and starts_tag(src, lt):
                    # A quote in this tag is never closed: from here on, tags end at the next '>' (see TAG).
                    quoted = False
                    m = TAG_UNQUOTED.match(src, lt, stop)
                if m is None:
                    if lt > last_gt and starts_tag(src, lt):
                        break  # the page ends inside this tag: as in browsers, the rest is not text
                    # A stray '<' is text.
                    nxt = src.find("<", lt + 1, stop)
                    if nxt < 0:
                        nxt = stop
                    if self.skip_depth == 0:
                        builder.source(src, lt, nxt)
                    pos = nxt
                    continue
                end = m.end()
                # (Not straight into `name`: compiled, a variable keeps the type of its first value, str.)
                slash_text, matched_name = m.group(1, 2)
                if matched_name is None:  # a declaration, CDATA, a processing instruction
                    pos = end
                    continue
                name = matched_name
                slash = bool(slash_text)
                a0, a1 = m.span(3)
            pos = end
            known = _NAME_INFO.get(name)
            if known is None:
                tag = name.lower()
                if len(_NAME_INFO) > 10_000:  # a page of made-up tag names must not grow it without bound
                    _NAME_INFO.clear()
                known = _NAME_INFO[name] = (tag, TAG_CLASS.get(tag, INLINE))
            tag, cls = known
            if slash:
                # The end tag of an inline element that is not tracked (most <span>, <em>, <i>...) changes nothing.
                if cls != INLINE or open_counts.get(tag):
                    self._end_tag(tag, cls, lt, end)
                continue
            if self.head is not None and tag not in HEAD_CONTENT and self.skip_depth == 1:
                self._leave_head()  # (not from inside a <template> or <noscript> of the head)
            if cls == INLINE:
                if a1 > a0:
                    low = src[a0:a1].lower()
                    for hint in INLINE_HINTS:
                        if hint in low:
                            flags = classify_attrs(src[a0:a1])
                            if flags:
                                self.push(tag, a0, a1, flags & ~F_FURNITURE)
                            break
            elif cls in (BLOCKC, QUOTE):
                if self.untracked_a is not None:
                    a_start, a_end = self.untracked_a
                    self.untracked_a = None
                    self.push("a", a_start, a_end, 0)
                if tag in IMPLIED_CLOSERS and (open_counts.get("p") or open_counts.get(tag) or tag in LIST_TABLE):
                    self._implied_close(tag)
                if (
                    builder._len
                    or builder._space_pending
                    or self.links
                    or self.pending_images
                    or self.open_link is not None
                ):
                    self.boundary()
                else:
                    self.bold_len = 0
                if a1 > a0:
                    raw = src[a0:a1]
                    cached = flag_cache.get(raw)
                    flags = classify_attrs(raw) if cached is None else cached
                else:
                    flags = 0
                elem = self.push(tag, a0, a1, flags)
                if cls == QUOTE and not elem.pull_quote(src):
                    self.quote_depth += 1  # (a pull quote is the article's own text, set large)
            elif cls == A and tag == "button":  # a button's label: a link label without an address (a call to action)
                self.open_link = self.open_link or (None if self.skip_depth else (builder.position(), "", a0, a0))
            elif cls == A:
                # Links are not tracked on the stack (a page has thousands): the open link is state of the
                # block being built, closed by </a> or by the block's end. A byline link is tracked, and so is
                # a link that turns out to wrap blocks (a teaser card): it is pushed when its first block starts.
                self.untracked_a = (a0, a1)
                if a1 > a0:
                    low = src[a0:a1].lower()
                    if ("author" in low or "byline" in low) and classify_attrs(src[a0:a1]) & F_BYLINE:
                        self.push(tag, a0, a1, F_BYLINE)
                        self.untracked_a = None
                    if self.skip_depth == 0:
                        # Every match starts with "href" in some case: search from its first occurrence. sre finds
                        # no literal prefix in a case-insensitive expression that starts with \b, and tried every
                        # position of the attributes (3% of a check's instructions). Where lower-casing
                        # changed the length (U+0130), offsets differ: search it all.
                        at = low.find("href") if len(low) == a1 - a0 else 0
                        h = _HREF.search(src, a0 + at, a1) if at >= 0 else None
                        if h is not None:
                            g = 1 if h.group(1) is not None else 2 if h.group(2) is not None else 3
                            if self.open_link is not None:
                                self._close_link(builder._len)
                            self.open_link = (builder.position(), unescape(h.group(g)), h.start(g), h.end(g))
            elif cls == BOLD:
                self.push(tag, a0, a1, 0)
                self.bold_depth += 1
            elif cls == RAWC:
                if src.startswith("/", end - 2):
                    continue
                content_end = raw_text_end(src, tag, end, stop)
                if tag == "script":
                    if a1 > a0 and "ld+json" in src[a0:a1].lower():
                        kind = parse_attrs(src, a0, a1).get("type", ("", 0))[0].strip().lower()
                        if kind == "application/ld+json":
                            self.meta.json_ld(end, content_end)
                elif tag == "title":
                    if not self.open_counts.get("svg"):
                        self.meta.title_tag(end, content_end)
                close = src.find(">", content_end, stop)
                pos = close + 1 if close >= 0 else stop
            elif cls == BR:
                builder.space(lt, end)
            elif cls == IMG:
                if self.skip_depth == 0:
                    self._image(a0, a1)
            elif cls == META:
                self.meta.meta_tag(parse_attrs(src, a0, a1))
            elif cls == LINKC:
                if a1 > a0 and "canonical" in src[a0:a1].lower():
                    self.meta.link_tag(parse_attrs(src, a0, a1))
            elif cls == HR:
                self.boundary()
            elif cls == VOIDC:
                pass
            elif cls == TIME:
                elem = self.push(tag, a0, a1, 0)
                a = elem.attrs(src)
                dt = a.get("datetime")
                if dt is not None and not self.quote_depth:  # not the date of an embedded post
                    prop = a.get("itemprop", ("", 0))[0].lower()
                    klass = a.get("class", ("", 0))[0].lower()
                    kind = "datemodified" if prop == "datemodified" or "updat" in klass or "modif" in klass else "time"
                    self.time_elems.append((elem, kind, dt[1], dt[1] + len(dt[0])))
            elif cls == NONPROSE:
                if tag == "pre":
                    self._implied_close(tag)
                    self.boundary()
                elif tag == "code":
                    builder.space(lt, lt)
                elem = self.push(tag, a0, a1, 0)
                self.skip_depth += 1
                if tag == "head":
                    self.head = elem
            elif cls == HTMLC:
                if a1 > a0:
                    lang = parse_attrs(src, a0, a1).get("lang")
                    if lang is not None:
                        self.meta.language(lang)
            elif cls == BODYC:
                if self.head is not None:
                    self._leave_head()
                if not self.open_counts.get("body"):
                    self.boundary()
                    self.push(tag, a0, a1, 0)
            elif cls == HEADC:
                if not self.open_counts.get("head") and not self.open_counts.get("body"):
                    self.head = self.push(tag, a0, a1, 0)
                    self.skip_depth += 1
        self.pop_to(1)
        self.boundary()

    def _end_tag(self, tag: str, cls: int, start: int, end: int) -> None:
        if cls == BR:
            self.builder.space(start, end)
            return
        if cls == INLINE and not self.open_counts.get(tag):
            return
        if cls == A and not self.open_counts.get("a"):
            self.untracked_a = None
            if self.open_link is not None:
                self._close_link(self.builder._len)
            return
        stack = self.stack
        if stack[-1].tag == tag and len(stack) > 1:
            self.pop_to(len(stack) - 1)  # the common case: the innermost element closes
            return
        i = find_open(self.stack, self.open_counts, tag)
        if i > 0:
            if i < len(self.stack) - 1 and cls in (INLINE, A, BOLD, TIME) and block_above(self.stack, i):
                # An inline end tag does not close the blocks opened inside its element (here the matching
                # start tag is often an outer one: inner plain inline tags are not tracked).
                if cls == A and self.open_link is not None:
                    self._close_link(self.builder._len)
                return
            self.pop_to(i)
        elif tag == "p":
            self.boundary()


def parse_html(src: str, path: str, encoding: str, selectors: HtmlSelectors | None = None) -> Document:
    marks = None
    if selectors:
        from newslint.parsing.html.selectors import select_marks

        marks = select_marks(src, selectors)
    return HtmlExtractor(src, path, encoding, marks).run()
