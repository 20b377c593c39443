"""Turn decoded source text into a ``Document`` (the one entry point for both formats)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.document.model import Document
from newslint.files.source import SourceText

if TYPE_CHECKING:
    from newslint.parsing.html.selectors import HtmlSelectors


def parse_source(source: SourceText, html_selectors: HtmlSelectors | None = None) -> Document:
    if source.format == "markdown":
        from newslint.parsing.markdown.parser import parse_markdown

        doc = parse_markdown(source.text, source.path, source.encoding)
    else:
        from newslint.parsing.html.parser import parse_html

        doc = parse_html(source.text, source.path, source.encoding, html_selectors)
    doc.warnings[:0] = source.notes
    return doc


def parse_text(text: str, fmt: str, path: str = "<text>", encoding: str = "utf-8") -> Document:
    """Parse an already decoded text (tests, rule examples, stdin)."""
    return parse_source(SourceText(path, fmt, text, encoding, len(text)))
