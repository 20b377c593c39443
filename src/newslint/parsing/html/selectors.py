"""Configured CSS selectors (``html: {content: ..., furniture: ...}``) -> start-tag offsets for the extractor.

BeautifulSoup's ``html.parser`` builder records each tag's ``sourceline`` (1-based, counting ``\\n`` only, as
Python's ``HTMLParser`` does) and ``sourcepos`` (characters into that line), and soupsieve evaluates the
selectors. The selected elements' start tags become offsets in the page, which ``HtmlExtractor`` matches
against the start tags it tracks. Only runs when selectors are configured: bs4 is imported here, never at
start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTENT, FURNITURE = "content", "furniture"


@dataclass(frozen=True)
class HtmlSelectors:
    content: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.content or self.furniture)


def _newline_starts(src: str) -> list[int]:
    starts = [0]
    find = src.find
    pos = find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def select_marks(src: str, selectors: HtmlSelectors) -> dict[int, tuple[str, str]]:
    """Start-tag offset -> (role, selector) for every element the selectors match.

    Furniture wins over content when one element matches both. An element whose computed offset does not
    hold its start tag (the two parsers disagreed about markup) is left out rather than misplaced.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(src, "html.parser")
    starts = _newline_starts(src)
    marks: dict[int, tuple[str, str]] = {}
    for role, group in ((CONTENT, selectors.content), (FURNITURE, selectors.furniture)):
        for selector in group:
            for element in soup.select(selector):
                line, column = element.sourceline, element.sourcepos
                if line is None or column is None or not 1 <= line <= len(starts):
                    continue
                offset = starts[line - 1] + column
                name = element.name or ""
                if src.startswith("<", offset) and src[offset + 1 : offset + 1 + len(name)].lower() == name.lower():
                    marks[offset] = (role, selector)
    return marks
