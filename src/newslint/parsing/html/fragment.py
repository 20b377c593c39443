"""An HTML fragment embedded in another format (a Markdown HTML block) -> its blocks, all article text."""

from __future__ import annotations

from newslint.document.model import Block
from newslint.parsing.html.parser import HtmlExtractor


def extract_fragment(src: str, start: int, end: int) -> list[Block]:
    """Blocks of an HTML fragment embedded in another format (a Markdown HTML block)."""
    extractor = HtmlExtractor(src, "", "")
    extractor.stream(start, end)
    for block in extractor.blocks:
        block.body = True
    return extractor.blocks
