"""Markdown article -> positioned ``Document``.

markdown-it-py (CommonMark, plus tables and strikethrough) gives the block structure with source line maps.
Its inline tokens carry no columns, so each inline child is found in the source from a moving cursor: text
as written, ``text_special`` tokens (escapes and entities, kept separate by disabling ``text_join``) by their
markup, emphasis and link punctuation skipped. Inline markup is thus stripped for matching while every
character keeps its place in the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any
from urllib.parse import urlsplit

from newslint.document.dates import find_dates
from newslint.document.model import UPDATED_COPY, Block, Comment, Document, Link, Metadata, MetaValue, reader_letter
from newslint.document.positions import LineIndex
from newslint.document.textbuild import TextBuilder
from newslint.parsing.html.bylines import byline_line
from newslint.parsing.html.metadata import clean_author_text, impossible_date_line, visible_dates
from newslint.parsing.markdown.frontmatter import metadata_from_front_matter, split_front_matter
from newslint.parsing.markdown.tokens import nesting_cut, tokenize

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# A line that is only a name: two to five capitalised words ("K N Mishra", "Asha Menon").
_NAME_LINE = re.compile(r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,4}$")


# How far past the cursor an inline token's text is looked for. Between two tokens there is only markup
# (emphasis runs, container prefixes of a continuation line); a token whose text is not in the source as
# written (a percent-decoded autolink) must not make every search run to the end of the paragraph.
SEARCH_WINDOW = 4096


class _Inline:
    """Aligns one inline token's children with the source."""

    def __init__(self, src: str, start: int, end: int, builder: TextBuilder) -> None:
        self.src = src
        self.cursor = start
        self.end = end
        self.b = builder
        self.links: list[Link] = []
        self.images: list[Block] = []
        self.code_spans: list[tuple[int, int]] = []  # source spans of inline code

    def find(self, needle: str) -> int:
        if not needle:
            return -1
        return self.src.find(needle, self.cursor, min(self.end, self.cursor + len(needle) + SEARCH_WINDOW))

    def skip(self, needle: str) -> None:
        i = self.find(needle)
        if i >= 0:
            self.cursor = i + len(needle)

    def text(self, content: str) -> None:
        if not content:
            return
        i = self.find(content)
        if "|" in content:
            j = self.find(content.replace("|", "\\|"))
            if j >= 0 and (i < 0 or j < i):  # (the text as written may also occur later: a cell separator)
                self.escaped_pipes(content, j)
                return
        if i >= 0:
            self.b.source(self.src, i, i + len(content), entities=False)
            self.cursor = i + len(content)
        else:
            self.b.literal(content, self.cursor, self.cursor)

    def escaped_pipes(self, content: str, i: int) -> None:
        """A table cell's text: markdown-it unescapes ``\\|`` before the inline parse, so each ``|`` of the
        text stands for two characters of the source."""
        for n, piece in enumerate(content.split("|")):
            if n:
                self.b.literal("|", i, i + 2)
                i += 2
            if piece:
                self.b.source(self.src, i, i + len(piece), entities=False)
                i += len(piece)
        self.cursor = i

    def special(self, content: str, markup: str) -> None:
        i = self.find(markup)
        if i >= 0:
            self.b.literal(content, i, i + len(markup))
            self.cursor = i + len(markup)
        else:
            self.b.literal(content, self.cursor, self.cursor)

    def destination(self) -> tuple[int, int] | None:
        """After a link's text: skip ``](dest "title")`` or ``][ref]``; return the destination's span."""
        src = self.src
        j = src.find("]", self.cursor, self.end)
        if j < 0:
            return None
        k = j + 1
        if k < self.end and src[k] == "(":
            k += 1
            while k < self.end and src[k] in " \t\r\n":
                k += 1
            if k < self.end and src[k] == "<":
                e = src.find(">", k, self.end)
                span = (k + 1, e if e >= 0 else k + 1)
                k = e + 1 if e >= 0 else k + 1
            else:
                d0 = k
                depth = 0
                while k < self.end:
                    c = src[k]
                    if c == "(":
                        depth += 1
                    elif c == ")":
                        if depth == 0:
                            break
                        depth -= 1
                    elif c in " \t\r\n":
                        break
                    k += 1
                span = (d0, k)
            # Skip an optional title up to the closing parenthesis.
            close = k
            quote = None
            while close < self.end:
                c = src[close]
                if quote:
                    if c == quote:
                        quote = None
                elif c in "\"'":
                    quote = c
                elif c == ")":
                    break
                close += 1
            self.cursor = min(close + 1, self.end)
            return span
        if k < self.end and src[k] == "[":
            e = src.find("]", k + 1, self.end)
            self.cursor = e + 1 if e >= 0 else k + 1
            return None
        self.cursor = k
        return None

    def run(self, children: list[Any]) -> None:
        b = self.b
        open_link: tuple[int, str] | None = None
        i = 0
        n = len(children)
        while i < n:
            t = children[i]
            typ = t.type
            if typ == "text":
                self.text(t.content)
            elif typ == "text_special":
                self.special(t.content, t.markup)
            elif typ in ("softbreak", "hardbreak"):
                b.space(self.cursor, self.cursor)
            elif (typ.endswith("_open") and typ != "link_open") or (typ.endswith("_close") and typ != "link_close"):
                self.skip(t.markup)
            elif typ == "link_open":
                if t.markup == "autolink":
                    self.skip("<")
                else:
                    self.skip("[")
                open_link = (len(b), str(t.attrs.get("href", "")))
            elif typ == "link_close":
                if open_link is not None:
                    start, href = open_link
                    if t.markup == "autolink":
                        self.skip(">")
                        span = None
                    else:
                        span = self.destination()
                    link = Link(start, len(b), href)
                    if span is not None:
                        link.href_start, link.href_end = span
                    self.links.append(link)
                    open_link = None
            elif typ == "image":
                self.image(t)
            elif typ == "code_inline":
                i0 = self.find(t.markup)
                if i0 >= 0:
                    close = self.src.find(t.markup, i0 + len(t.markup) + len(t.content.strip()) - 1, self.end)
                    self.cursor = close + len(t.markup) if close >= 0 else i0 + len(t.markup)
                    self.code_spans.append((i0, self.cursor))
                b.space(self.cursor, self.cursor)
            elif typ == "html_inline":
                content = t.content
                j = self.find(content)
                if j >= 0:
                    self.cursor = j + len(content)
                if content[:3].lower() == "<br":
                    b.space(self.cursor, self.cursor)
            i += 1

    def image(self, t: Any) -> None:
        src = self.src
        i0 = self.find("![")
        if i0 < 0:
            return
        self.cursor = i0 + 2
        alt_start = self.cursor
        # The alt text ends at the "]" that closes the image's brackets.
        depth = 0
        k = alt_start
        while k < self.end:
            c = src[k]
            if c == "\\":
                k += 2
                continue
            if c == "[":
                depth += 1
            elif c == "]":
                if depth == 0:
                    break
                depth -= 1
            k += 1
        ab = TextBuilder()
        ab.source(src, alt_start, k, entities=True)
        text, tmap = ab.finish()
        if not text:
            tmap.add(0, alt_start, alt_start, False)
        self.cursor = k
        span = self.destination()
        block = Block(0, "image", text, tmap)
        block.src = str(t.attrs.get("src", ""))
        block.src_span = span
        self.images.append(block)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1  # the last span starting at or before offset
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _bold_chars(tok: Any) -> int:
    """How many characters of an inline token's text are in bold (``**...**``)."""
    depth = n = 0
    for t in tok.children or []:
        depth += (t.type == "strong_open") - (t.type == "strong_close")
        if depth > 0 and t.type in ("text", "code_inline"):
            n += len(t.content)
    return n


def _bold_box(tok: Any, text: str) -> bool:
    """A block quote's paragraph in bold from end to end, not opening with a quotation mark."""
    if len(text) < 40 or text[0] in "\"'“‘«„":
        return False
    kinds = [t.type for t in tok.children or [] if not (t.type in ("text", "softbreak") and not t.content.strip())]
    return (
        len(kinds) >= 3
        and kinds[0] == "strong_open"
        and kinds[-1] == "strong_close"
        and _bold_chars(tok) >= 0.9 * len(text.replace(" ", ""))
    )


def _bold_label(children: list[Any], text: str) -> bool:
    """A short bold-only paragraph (``**Disclaimer**``) heads what follows, like a bold label line in HTML."""
    if len(text) > 60 or text.endswith("."):
        return False
    kinds = [t.type for t in children if not (t.type == "text" and not t.content.strip())]
    if len(kinds) < 3 or kinds[0] != "strong_open" or kinds[-1] != "strong_close":
        return False
    return "strong_open" not in kinds[1:]


def _visible_meta(blocks: list[Block], meta: Metadata, title_index: int | None) -> None:
    """A heading title followed by a byline line and a date line, as plain articles are often written."""
    start = title_index + 1 if title_index is not None else 0
    # Table cells hold data ("Period (to 31 Oct 2026)"), not the article's date, as in HTML.
    window = [b for b in blocks[start : start + 6] if b.kind not in ("image", "table-cell")]
    for pos, block in enumerate(window[:4]):
        text = block.text
        if len(text) > 160:
            break
        m = byline_line(text, block.kind)
        if m or (pos == 0 and title_index is not None and _NAME_LINE.match(text) and not find_dates(text)):
            for name in clean_author_text(text):
                i = text.find(name)
                if i >= 0:
                    s, e = block.source_span(i, i + len(name))
                    meta.add("authors", MetaValue(name, "visible", "byline line", s, e))
        dates = find_dates(text)
        if not dates:
            for field, a, b in impossible_date_line(text):
                s, e = block.source_span(a, b)
                meta.add(field, MetaValue(text[a:b], "visible", "date line", s, e))
        if dates:
            for i, found in enumerate(visible_dates(text, dates, m is not None)[:2]):
                before = text[: found.start].lower()
                later = i > 0 and found.value.date() > dates[0].value.date()  # "5 May 2025 | 7 May 2025"
                field = (
                    "modified" if later or any(w in before for w in ("updated", "modified", "अपडेट")) else "published"
                )
                s, e = block.source_span(found.start, found.end)
                meta.add(field, MetaValue(text[found.start : found.end], "visible", "date line", s, e, found.value))
    if not meta.get("published"):
        # Only an "Updated: ..." line: the date readers see for the article (as on the HTML side).
        updated = next((v for v in meta.get("modified") if v.source == "visible"), None)
        if updated is not None:
            meta.add(
                "published",
                MetaValue(updated.value, "visible", UPDATED_COPY, updated.start, updated.end, updated.parsed),
            )


def parse_markdown(src: str, path: str, encoding: str, budget: float | None = None) -> Document:
    """Parse a Markdown article; raises ``ParseLimitError`` when parsing takes longer than ``budget`` seconds."""
    lines = LineIndex(src)
    fm = split_front_matter(src)
    meta = Metadata()
    metadata_from_front_matter(src, fm, meta)
    body_start = fm.body_start
    body = src[body_start:]
    first_line = lines.line_col(body_start)[0] - 1 if body_start else 0
    starts = lines.starts
    tokens = tokenize(body, budget)
    warnings = list(fm.problems)
    cut = nesting_cut(tokens)
    if cut is not None:
        warnings.append(
            f"line {first_line + cut + 1}: Markdown nested too deeply; text from here on may not be checked"
        )

    def line_offset(line: int) -> int:
        k = first_line + line
        return starts[k] if k < len(starts) else len(src)

    blocks: list[Block] = []
    containers: list[str] = []
    heading_level = 0
    group = 0
    groups: list[int] = []
    row_cursor = 0  # where the previous cell of a table row ended: cells of a row share its line map
    code_spans: list[tuple[int, int]] = []  # code blocks and spans, in source order: their comments are code
    tokens.reverse()
    while tokens:
        tok = tokens.pop()  # each token is freed once used: on a huge file they outweigh the blocks
        typ = tok.type
        if typ.endswith("_open") and tok.nesting == 1:
            if typ == "tr_open":
                # A table row is one group, its cells share it (as an HTML row's cells do): a column is then the
                # cells at one position of each row, and a column heading can speak for its cells.
                row_cursor = 0
                containers.append(typ)
                group += 1
                groups.append(group)
            elif typ in ("td_open", "th_open"):
                containers.append(typ)
                groups.append(groups[-1] if groups else 0)
            elif typ == "heading_open":
                heading_level = int(tok.tag[1:])
            elif typ in (
                "blockquote_open",
                "list_item_open",
                "bullet_list_open",
                "ordered_list_open",
                "table_open",
            ):
                containers.append(typ)
                group += 1
                groups.append(group)
            continue
        if typ.endswith("_close"):
            if typ == "heading_close":
                heading_level = 0
            elif containers and typ.replace("_close", "_open") == containers[-1]:
                containers.pop()
                groups.pop()
            continue
        if typ == "inline" and tok.map:
            s = line_offset(tok.map[0])
            e = line_offset(tok.map[1])
            in_cell = bool(containers) and containers[-1] in ("td_open", "th_open")
            if in_cell:
                s = max(s, row_cursor)
            builder = TextBuilder()
            inline = _Inline(src, s, e, builder)
            inline.run(tok.children or [])
            if in_cell:
                row_cursor = inline.cursor
            code_spans.extend(inline.code_spans)
            text, tmap = builder.finish()
            if heading_level:
                kind = "heading"
            elif "td_open" in containers or "th_open" in containers:
                kind = "table-cell"
            elif "list_item_open" in containers:
                kind = "list-item"
            elif "blockquote_open" in containers:
                # (a block quote set wholly in bold, not in quotation marks, is the page's own box set off between
                # items, a pitch or a callout: read like a paragraph, as an HTML pull quote is)
                kind = "paragraph" if _bold_box(tok, text) else "blockquote"
            else:
                kind = "paragraph"
            if text:
                block = Block(len(blocks), kind, text, tmap, level=heading_level, links=inline.links)
                block.group = groups[-1] if groups else 0
                block.is_label = kind == "paragraph" and _bold_label(tok.children or [], text)
                block.asks = kind == "paragraph" and not block.is_label and reader_letter(text, _bold_chars(tok))
                blocks.append(block)
            for image in inline.images:
                image.index = len(blocks)
                image.group = groups[-1] if groups else 0
                blocks.append(image)
        elif (typ == "fence" or typ == "code_block") and tok.map:
            code_spans.append((line_offset(tok.map[0]), line_offset(tok.map[1])))
        elif typ == "html_block" and tok.map:
            from newslint.parsing.html.fragment import extract_fragment

            s = line_offset(tok.map[0])
            e = line_offset(tok.map[1])
            for block in extract_fragment(src, s, e):
                block.index = len(blocks)
                blocks.append(block)
    # Related lists and "Also read" lines are furniture, as on an HTML page (see parsing.html.related).
    from newslint.parsing.html.related import mark_in_flow, site_of

    hosts = {urlsplit(mv.value).hostname or "" for mv in meta.get("canonical")}
    mark_in_flow(blocks, {site_of(h) for h in hosts if h})
    # Sections and the title.
    current: int | None = None
    title_index: int | None = None
    for block in blocks:
        if block.kind == "heading":
            if title_index is None:
                title_index = block.index
            current = block.index
        elif block.is_label or block.asks:
            current = block.index
        else:
            block.section = current
    if title_index is not None:
        head = blocks[title_index]
        a, b = head.source_span(0, len(head.text))
        meta.add("title", MetaValue(head.text, "heading", f"h{head.level}", a, b))
    _visible_meta(blocks, meta, title_index)
    comments = [
        Comment(m.group(1), m.start(), m.end())
        for m in _COMMENT.finditer(src, body_start)
        if not _inside(m.start(), code_spans)
    ]
    doc = Document(
        path=path,
        format="markdown",
        encoding=encoding,
        source=src,
        lines=lines,
        metadata=meta,
        blocks=blocks,
        comments=comments,
        headline=title_index,
        body_container="markdown",
    )
    doc.warnings.extend(warnings)
    return doc
