"""An ``<img>`` start tag -> an image block: its alt text (positioned in the source) and its ``src``."""

from __future__ import annotations

from html import unescape

from newslint.document.model import Block
from newslint.document.textbuild import TextBuilder
from newslint.parsing.html.tokenizer import parse_attrs


def image_block(src: str, a0: int, a1: int) -> Block | None:
    """The image of the tag whose attributes are ``src[a0:a1]``; None without an alt text or a source."""
    attrs = parse_attrs(src, a0, a1)
    alt = attrs.get("alt")
    image_src = attrs.get("src") or attrs.get("data-src")
    if alt is None and image_src is None:
        return None
    b = TextBuilder()
    if alt is not None:
        b.source(src, alt[1], alt[1] + len(alt[0]))
    text, tmap = b.finish()
    if not text:
        where = alt if alt is not None else image_src
        assert where is not None
        tmap.add(0, where[1], where[1] + len(where[0]), False)
    block = Block(0, "image", text, tmap)
    if image_src is not None:
        block.src = unescape(image_src[0])
        block.src_span = (image_src[1], image_src[1] + len(image_src[0]))
    return block
