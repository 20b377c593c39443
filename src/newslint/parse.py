"""Turn decoded source text into a ``Document`` (the one entry point for both formats)."""

from __future__ import annotations

from .document import Document
from .source import SourceText


def parse_source(source: SourceText) -> Document:
    if source.format == "markdown":
        from .markdown.parser import parse_markdown

        doc = parse_markdown(source.text, source.path, source.encoding)
    else:
        from .html.parser import parse_html

        doc = parse_html(source.text, source.path, source.encoding)
    doc.warnings[:0] = source.notes
    return doc


def parse_text(text: str, fmt: str, path: str = "<text>", encoding: str = "utf-8") -> Document:
    """Parse an already decoded text (tests, rule examples, stdin)."""
    return parse_source(SourceText(path, fmt, text, encoding, len(text)))
