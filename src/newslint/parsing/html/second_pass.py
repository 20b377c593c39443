"""The HTML parser's second pass: pick the article body, classify every block, and gather the metadata.

The first pass (``parser.HtmlExtractor.stream``) builds blocks and keeps a light record of block-level
elements; once the page is read, this chooses the article container (microdata, CMS classes, ``<article>``,
``<main>``, else the densest text container), marks each block as body or furniture, assigns sections and
headline, and reads bylines and dates from the captures near the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newslint.document.model import Block, Document, Metadata
from newslint.document.positions import LineIndex
from newslint.parsing.html.related import contains, mark_related, text_total

if TYPE_CHECKING:
    from newslint.parsing.html.elements import Capture, Elem
    from newslint.parsing.html.parser import HtmlExtractor


# -- second pass --------------------------------------------------------------------------------


_total = text_total
_contains = contains


def _densest(ex: HtmlExtractor, furniture: bool) -> Elem | None:
    """The element holding the most paragraph text (with ``furniture``, also among furniture and headers)."""
    best: Elem | None = None
    for elem in ex.para_owners:
        if (furniture or not (elem.furniture or elem.hf)) and (best is None or elem.para_text > best.para_text):
            best = elem
    return best


def choose_body(ex: HtmlExtractor) -> Elem | None:
    """The article container: microdata, CMS classes, <article>, <main>, else the densest text container."""
    # (No nested functions or lambdas over ``ex`` in this module: compiled with mypyc, a closure's environment
    # and the function it holds form a reference cycle, which would keep each page's extractor alive until the
    # collector runs; a parsed page must hold no cycle, see gc_paused.)
    dense = _densest(ex, False)
    if dense is None or dense.para_text < 100:
        # Everything with text is marked like furniture (a "pagination" wrapper around the story...):
        # the densest container still holds the article.
        dense = _densest(ex, True) or dense
    dense_text = dense.para_text if dense is not None else 0

    for priority in range(4):
        # Explicit body markup wins even inside an element marked like furniture: layout classes such as
        # "article right-sidebar" wrap the story itex. <article> and <main> must not be furniture.
        group = [e for p, e in ex.candidates if p == priority and (priority < 2 or not e.furniture)]
        if not group:
            continue
        best = group[0]
        best_total = _total(ex, best)
        for e in group:  # the first of the largest, as max() with a key
            t = _total(ex, e)
            if t > best_total:
                best, best_total = e, t
        explicit = priority < 2 and best_total >= 150
        if dense is None or explicit or _contains(ex, best, dense) or best_total >= 0.5 * dense_text:
            chosen = best
            # Prefer the enclosing <article> (it holds headline and byline) when it is not much larger.
            if priority < 2:
                p = chosen.parent
                depth = 0
                while p is not None and depth < 64:
                    if p.tag == "article" and not p.furniture:
                        if _total(ex, p) <= 2 * _total(ex, chosen) + 2000:
                            chosen = p
                        break
                    p = p.parent
                    depth += 1
            return chosen
    if dense is not None and dense_text >= 100:
        return dense
    return None


def finish(ex: HtmlExtractor) -> Document:
    forced = ex.forced_body
    body = forced[0] if forced else choose_body(ex)
    src = ex.src
    blocks = ex.blocks
    if body is not None:
        ends = ex.seq + 1
        spans = [(e.open_seq, e.close_seq if e.close_seq >= 0 else ends, e) for e in forced or [body]]
        for block, elem, seq in zip(blocks, ex.block_elems, ex.block_seqs, strict=True):
            # Inside the body, only furniture between the body container and the block counts.
            body_depth = None  # (a plain loop: a generator per block cost a sixth of this pass)
            for a, b, e in spans:
                if a <= seq <= b:
                    body_depth = e.furn_depth - e.aside_depth
                    break
            block.body = elem.furn_depth - elem.aside_depth == body_depth
            block.group = _group(block, elem)
        for index in ex.furniture_blocks:
            blocks[index].body = False
    else:
        for block, elem in zip(blocks, ex.block_elems, strict=True):
            block.body = not elem.furniture and not elem.hf and block.index not in ex.furniture_blocks
            block.group = _group(block, elem)
    comments = mark_related(ex, body, _page_hosts(ex))
    _assign_sections(blocks)
    headline = None
    for block in blocks:
        if block.kind == "heading" and block.level == 1 and block.body:
            headline = block.index
            break
    if headline is None:
        for block in blocks:
            if block.kind == "heading" and block.level == 1 and not ex.block_elems[block.index].furniture:
                headline = block.index
                break
    metadata = _metadata(ex, body, headline)
    if comments:
        # Readers' comments are not the publisher's text: out of the document, once the captures that point at
        # blocks by index have been read.
        blocks, headline = _without(blocks, comments, headline)
    container = ""
    if body is not None:
        label = body.label_words(src)
        container = f"<{body.tag}{' ' + label if label else ''}>" + (" (html.content)" if forced else "")
    doc = Document(
        path=ex.path,
        format="html",
        encoding=ex.encoding,
        source=src,
        lines=LineIndex(src),
        metadata=metadata,
        blocks=blocks,
        comments=ex.comments,
        headline=headline,
        body_container=container,
    )
    doc.warnings.extend(ex.meta.problems_as_text(doc.lines))
    if ex.marks:
        doc.warnings.extend(_untracked_marks(ex.marks, doc))
    return doc


def _without(blocks: list[Block], drop: set[int], headline: int | None) -> tuple[list[Block], int | None]:
    """The blocks without those at ``drop``, renumbered, their sections assigned again; the headline's new index."""
    kept = [b for b in blocks if b.index not in drop]
    new_headline = None
    for i, b in enumerate(kept):
        if b.index == headline:
            new_headline = i
        b.index = i
    _assign_sections(kept)
    return kept, new_headline


def _page_hosts(ex: HtmlExtractor) -> set[str]:
    """The hosts of the page's canonical URLs (link, og:url, JSON-LD url)."""
    hosts = set()
    for name, value in ex.meta._values:
        if name == "canonical":
            try:
                host = urlsplit(value.value).hostname
            except ValueError:
                host = None
            if host:
                hosts.add(host.lower())
    return hosts


def _capture_text(ex: HtmlExtractor, cap: Capture) -> tuple[str, int, int] | None:
    blocks = ex.blocks
    index, s = cap.start_block, cap.start_len
    if index >= len(blocks):
        return None
    block = blocks[index]
    e = min(cap.end_len, len(block.text)) if cap.end_block == index else len(block.text)
    if s >= e and index + 1 < len(blocks) and index + 1 <= cap.end_block:
        # The capture began at a block boundary: its text is the next block.
        block = blocks[index + 1]
        s = 0
        e = min(cap.end_len, len(block.text)) if cap.end_block == index + 1 else len(block.text)
    if s >= e:
        return None
    text = block.text[s:e].strip()
    if not text:
        return None
    a, b = block.source_span(s, e)
    return text, a, b


def _metadata(ex: HtmlExtractor, body: Elem | None, headline: int | None) -> Metadata:
    meta = ex.meta
    for cap in ex.captures + list(ex.open_captures.values()):
        if cap.end_block < 0:
            cap.end_block = len(ex.blocks)
            cap.end_len = 0
        if not _near_article(ex, body, cap.elem) and not (
            # A byline beside the headline, in a header that page furniture classes also mark.
            cap.kind == "author" and headline is not None and headline - 2 <= cap.start_block <= headline + 4
        ):
            continue
        found = _capture_text(ex, cap)
        if found is None:
            continue
        text, a, b = found
        if cap.kind == "author":
            meta.author_text(text, a, b)
        else:
            meta.date_text(cap.kind, text, a, b)
    for elem, kind, a, b in ex.time_elems:
        if _near_article(ex, body, elem):
            meta.time_value(kind, a, b, elem.tag)
    headline_block = ex.blocks[headline] if headline is not None else None
    return meta.finish(ex.blocks, headline_block)


def _near_article(ex: HtmlExtractor, body: Elem | None, elem: Elem) -> bool:
    if body is None:
        return not elem.furniture
    if elem.furn_depth > body.furn_depth:
        return False
    close = body.close_seq if body.close_seq >= 0 else ex.seq + 1
    # The body, or the page header just before it (where bylines and dates often sit).
    return body.open_seq - 400 <= elem.open_seq <= close


def _untracked_marks(marks: dict[int, tuple[str, str]], doc: Document) -> list[str]:
    """Warnings for selected elements that extraction never tracked (inline tags, markup read differently)."""
    by_selector: dict[tuple[str, str], list[int]] = {}
    for start, key in sorted(marks.items()):
        by_selector.setdefault(key, []).append(start)
    out = []
    for (role, selector), starts in by_selector.items():
        n = len(starts)
        out.append(
            f"line {doc.line_col(starts[0])[0]}: html.{role} selector {selector!r} matched {n} element"
            f"{'s' if n != 1 else ''} that body detection does not track (an inline element, or malformed "
            "markup); select block elements (div, section, article, aside...)"
        )
    return out


def _group(block: Block, elem: Elem) -> int:
    """The id of the element that groups a block with its neighbours: its block element's parent (for text)."""
    blk = elem.block_elem()
    return blk.eid if block.kind == "image" or blk.parent is None else blk.parent.eid


def _assign_sections(blocks: list[Block]) -> None:
    """Each block's section is the nearest heading (or label line, or reader's letter) above it in the same region."""
    current: dict[bool, int | None] = {True: None, False: None}
    for block in blocks:
        if block.kind == "heading" or block.is_label or block.asks:
            current[block.body] = block.index
            block.section = None
        else:
            block.section = current[block.body]
