"""Link lists and reader comments inside the article body: furniture, found by structure rather than by class.

News pages put "Related", "Also read", "More from Markets", "Trending" and tag lists, and reader comments, inside
the element that holds the article, often under class names no word list knows ("relArticles", "raltedTopics",
"cmnts_wrapper"). Their text is not the article's: a related headline ("New debt ETF: should you invest?") or a
reader's comment ("these seem to be the best bets") must not be read as the publisher's advice. Three tests,
each structural:

- a heading or bold label line that names such a list or the comments ("Related", "Read more news on",
  "Also read", "10 Comments on this story"): the smallest element around it that holds more than the heading is
  furniture when its other text is mostly link text (comments: whatever it holds), unless that element is the
  article container itself or holds it; with no such element (the heading sits in the article's flow), the link
  blocks that follow it are furniture, up to the first block of prose;
- a run of two or more list items that are each all link text, headline-like (four words or more) and point at
  article pages of the page's own site (an unlabelled related list; a list of names or of other sites stays);
- a paragraph that is an "Also read: <link>" line.

A block of prose is never taken, whatever its heading says: the link-text share is what decides.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from newslint.document.model import Block
    from newslint.parsing.html.elements import Elem
    from newslint.parsing.html.parser import HtmlExtractor

_LIST_WORDS = r"(?:articles?|stories|news|posts|reads?|reading|coverage|links|content|videos|topics|headlines|updates)"
# A heading that names a list of links to other pages (anchored: the whole heading says it).
RELATED_HEADING = re.compile(
    r"^\W*(?:"
    rf"(?:related|similar)(?:\s+{_LIST_WORDS})?(?:\s+(?:on|to|from)\b.{{0,40}})?"
    r"|(?:also|must|recommended|further)\s+(?:read|see|watch|reading)"
    rf"|read\s+(?:also|more|next|this)(?:\s+{_LIST_WORDS})?(?:\s+(?:on|about|from|in)\b.{{0,40}})?"
    r"|see\s+also|what\s+to\s+read\s+next|in\s+case\s+you\s+missed\s+it|don'?t\s+miss"
    rf"|more\s+(?:from|on|in|about|like\s+this|to\s+read|{_LIST_WORDS})\b.{{0,40}}"
    rf"|(?:latest|trending|popular|top|editor'?s?\s+picks?|most\s+(?:read|popular|viewed|shared|commented))"
    rf"(?:\s+(?:now|today|this\s+week|{_LIST_WORDS}|in\s+[\w ]{{1,30}}))*"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|read|enjoy|be\s+interested\s+in)"
    r"|tags?|topics?"
    r")\W*$",
    re.IGNORECASE,
)
COMMENTS_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:reader'?s?\s+|user\s+)?comments?(?:\s+on\s+this\s+(?:story|article|post))?\W*$"
    r"|^\W*(?:leave|post|add|write)\s+a\s+(?:comment|reply)\W*$|^\W*join\s+the\s+(?:discussion|conversation)\W*$",
    re.IGNORECASE,
)
# "Also read: <link>" as a line of its own.
ALSO_READ = re.compile(
    r"^\W*(?:also\s+(?:read|see|watch|check)|read\s+(?:also|more|next)|must\s+read|related|see\s+also|"
    r"recommended|don'?t\s+miss)\s*(?:[:|\-–—>»]+|\s+(?=\S))\s*",
    re.IGNORECASE,
)
_FUNCTION = frozenset(["a", "an", "and", "at", "by", "de", "for", "from", "in", "of", "on", "or", "the", "to", "with"])
_WORD = re.compile(r"\w+")
_ARTICLE_PATH = re.compile(r"\d{5,}|[a-z0-9]+(?:[-_][a-z0-9]+){3,}", re.IGNORECASE)
_TWO_PART_SUFFIXES = frozenset(("co", "com", "net", "org", "gov", "ac", "edu", "nic", "gen", "firm", "ind"))

MOSTLY_LINKS = 0.8  # share of a block's text that is link text
CONTAINER_LINKS = 0.6  # share of a container's text (heading aside) that is link text


def site_of(host: str) -> str:
    """The registrable part of a host name, near enough: economictimes.indiatimes.com -> indiatimes.com."""
    parts = host.lower().removeprefix("www.").split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _TWO_PART_SUFFIXES:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def link_share(block: Block, elem: Elem | None = None) -> float:
    """How much of the block's text (spaces aside) is link text (all of it inside a link that wraps blocks)."""
    depth = 0
    while elem is not None and depth < 6:
        if elem.tag == "a":
            return 1.0
        elem = elem.parent
        depth += 1
    n = len(block.text.strip())
    if not n or not block.links:
        return 0.0
    return min(1.0, sum(max(0, lk.end - lk.start) for lk in block.links) / n)


def is_article_link(href: str, sites: set[str]) -> bool:
    """A link to an article page of the page's own site (relative, or the same registrable host)."""
    return _is_article_link(href, sites)


def link_sites(sites: set[str], href: str, named: bool) -> set[str]:
    """The sites a link may lead to and still be another article's: the page's own, and the link's own host when
    the page names the link as another story's ("Also read:", under "Related stories")."""
    if not named or "//" not in href:
        return sites
    try:
        host = urlsplit(href).hostname
    except ValueError:
        return sites
    return sites | {site_of(host)} if host else sites


def _is_article_link(href: str, sites: set[str]) -> bool:
    """A link to an article page of the page's own site (relative, or the same registrable host)."""
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if parts.hostname:
        if not sites or site_of(parts.hostname) not in sites:
            return False
    elif parts.scheme:
        return False
    return bool(_ARTICLE_PATH.search(parts.path))


def text_total(ex: HtmlExtractor, e: Elem) -> int:
    """How much text an element holds."""
    close = e.close_text if e.close_text >= 0 else ex.text_total
    return close - e.open_text


def contains(ex: HtmlExtractor, outer: Elem, inner: Elem) -> bool:
    """Whether ``inner`` lies inside ``outer`` (or is it)."""
    close = outer.close_seq if outer.close_seq >= 0 else ex.seq + 1
    inner_close = inner.close_seq if inner.close_seq >= 0 else ex.seq
    return outer.open_seq <= inner.open_seq and inner_close <= close


def _container(ex: HtmlExtractor, elem: Elem, text_len: int) -> Elem | None:
    """The smallest element around a heading that holds more than the heading's own text."""
    box = elem.block_elem().parent
    depth = 0
    while box is not None and box.parent is not None and depth < 4:
        if text_total(ex, box) > text_len + 2:
            return box
        box = box.parent
        depth += 1
    return None


def _inside(ex: HtmlExtractor, box: Elem, seq: int) -> bool:
    close = box.close_seq if box.close_seq >= 0 else ex.seq + 1
    return box.open_seq <= seq <= close


def mark_related(ex: HtmlExtractor, body: Elem | None, hosts: set[str]) -> set[int]:
    """Mark the body's related-link lists, tag lists, "Also read" lines and reader comments as furniture; the
    indices of the blocks of reader comments (under a comments heading, or in an element whose class or id
    says comments), which are not the publisher's text at all."""
    boxes = _Boxes(ex, body)
    mark_in_flow(ex.blocks, {site_of(h) for h in hosts}, boxes.share, boxes.boxed)
    return boxes.comments_at | _comment_elements(ex, body)


class _Boxes:
    """The HTML side of ``mark_in_flow``: the element around a list heading, and the blocks' link shares.

    (Methods, not functions nested in ``mark_related``: compiled with mypyc, a closure's environment and the
    functions it holds form a reference cycle, which would keep the page's extractor alive until the
    collector runs.)"""

    def __init__(self, ex: HtmlExtractor, body: Elem | None) -> None:
        self.ex = ex
        self.body = body
        self.shares: dict[int, float] = {}
        self.comments_at: set[int] = set()

    def share(self, k: int) -> float:
        """The block's link share, worked out for the few blocks near a list heading only."""
        got = self.shares.get(k)
        if got is None:
            got = self.shares[k] = link_share(self.ex.blocks[k], self.ex.block_elems[k])
        return got

    def boxed(self, i: int, comments: bool) -> int | None:
        """The list or comments in the element around heading ``i``: marked, and the index after them."""
        ex = self.ex
        blocks = ex.blocks
        seqs = ex.block_seqs
        share = self.share
        block = blocks[i]
        box = _container(ex, ex.block_elems[i], len(block.text))
        if box is None or not _apart(ex, box, self.body):
            return None
        inside = [j for j in range(i + 1, len(blocks)) if _inside(ex, box, seqs[j]) and blocks[j].body]
        prose = [blocks[j] for j in inside if blocks[j].kind != "image"]
        total = sum(len(b.text.strip()) for b in prose)
        linked = sum(share(j) * len(blocks[j].text.strip()) for j in inside if blocks[j].kind != "image")
        if not prose or not (comments or linked >= CONTAINER_LINKS * total):
            return None
        block.body = False
        if comments:
            self.comments_at.add(i)
            self.comments_at.update(inside)
        for j in inside:
            # Comments: all of them. A related list: its links, images and short labels (a date, a section
            # name), not a paragraph of prose that happens to share the box.
            if comments or _list_part(blocks[j], share(j)):
                blocks[j].body = False
        return (inside[-1] if inside else i) + 1


def mark_in_flow(
    blocks: list[Block],
    sites: set[str],
    share: Callable[[int], float] | None = None,
    boxed: Callable[[int, bool], int | None] | None = None,
) -> None:
    """The tests on the blocks' sequence (HTML and Markdown alike): a list heading and the link blocks after it,
    an "Also read: <link>" paragraph, an unlabelled run of own-site headline links. ``boxed`` tries the
    element around a heading first (HTML)."""
    n = len(blocks)
    if share is None:
        share = partial(_block_share, blocks)  # (no nested function: see _Boxes)

    i = 0
    while i < n:
        block = blocks[i]
        if not block.body or block.kind == "image":
            i += 1
            continue
        text = block.text.strip()
        short = block.kind == "paragraph" and len(text) <= 40
        if (block.kind == "heading" or block.is_label or short) and len(text) <= 80:
            related = RELATED_HEADING.match(text) is not None
            comments = not related and (block.kind == "heading" or block.is_label) and COMMENTS_HEADING.match(text)
            if related or comments:
                after = boxed(i, bool(comments)) if boxed is not None else None
                if after is not None:
                    i = after
                    continue
                if related:
                    # In the article's flow: the link blocks right after the heading.
                    j = i + 1
                    while j < n and (blocks[j].kind == "image" or share(j) >= MOSTLY_LINKS):
                        j += 1
                    if any(blocks[k].kind != "image" for k in range(i + 1, j)):
                        for k in range(i, j):
                            blocks[k].body = False
                        i = j
                        continue
        if block.links:
            m = ALSO_READ.match(block.text)
            if m is not None and m.end() < len(block.text):
                rest = len(block.text) - m.end()
                linked = sum(max(0, min(lk.end, len(block.text)) - max(lk.start, m.end())) for lk in block.links)
                if linked >= MOSTLY_LINKS * rest:
                    block.body = False
                    i += 1
                    continue
            if block.kind == "list-item":
                j = i
                while j < n and _related_item(blocks[j], blocks[i].group, sites):
                    j += 1
                if j - i >= 2:
                    for k in range(i, j):
                        blocks[k].body = False
                    i = j
                    continue
        i += 1


def _block_share(blocks: list[Block], k: int) -> float:
    return link_share(blocks[k])


def _comment_elements(ex: HtmlExtractor, body: Elem | None) -> set[int]:
    """The blocks inside elements marked as reader comments by class or id, apart from the article (an
    element that holds the article, or most of the page's text, is a layout wrapper, not comments)."""
    out: set[int] = set()
    seqs = ex.block_seqs
    for box in ex.comment_elems:
        if body is not None and (box is body or contains(ex, box, body)):
            continue
        if body is None and text_total(ex, box) >= 0.5 * ex.text_total:
            continue
        close = box.close_seq if box.close_seq >= 0 else ex.seq + 1
        j = bisect_left(seqs, box.open_seq)
        while j < len(seqs) and seqs[j] <= close:
            out.add(j)
            j += 1
    return out


def _apart(ex: HtmlExtractor, box: Elem, body: Elem | None) -> bool:
    """Whether a heading's box is a part of the page apart from the article: not its container, nor around it,
    nor holding most of its text."""
    if body is None:
        return True
    if box is body or contains(ex, box, body):
        return False
    return text_total(ex, box) < 0.5 * text_total(ex, body)


def _list_part(block: Block, share: float) -> bool:
    """A block of a related list: an image, mostly link text, or a short label (a date, a section name)."""
    if block.kind == "image" or share >= 0.5:
        return True
    words = _WORD.findall(block.text)
    return len(words) <= 4 and not any(w.lower() == "by" for w in words)  # (not a credit: "Text by ...")


def _related_item(block: Block, group: int, sites: set[str]) -> bool:
    """A list item of an unlabelled related list: all link text, headline-like, to the site's own articles."""
    if block.kind != "list-item" or not block.body or block.group != group:
        return False
    if link_share(block) < MOSTLY_LINKS:
        return False
    words = _WORD.findall(block.text)
    # A headline, not a name: seven words or more, or four with a lower-case word that is not a function word
    # ("Secretary of Defense Leon Panetta" is a name; "PE firms eye Yes Bank stake" a headline).
    if len(words) < 7 and not (len(words) >= 4 and any(w[0].islower() and w not in _FUNCTION for w in words)):
        return False
    return all(_is_article_link(lk.href, sites) for lk in block.links)
