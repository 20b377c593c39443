"""An "Also read: <link>" line inside a paragraph's flow: the paragraph cut around it, the line itself marked
as furniture (a related article's link, not the report)."""

from __future__ import annotations

import re
from typing import Final

from newslint.document.model import Block, Link
from newslint.document.positions import TextMap

# "Also read: <link>" (a label and the link right after it), in a paragraph's flow, after a space, a sentence's
# end or a closing quote or bracket (``_AFTER``) or at the start. Each branch starts with its capital letter, and
# the check of the character before it comes after that letter: ``re`` then looks for the four capitals alone and
# tries a match only there. Written as ``(?<!...)(?:ALSO\s+READ|...)`` the expression was tried at every
# character of every paragraph with a link (three times slower on the shared corpus); it finds the same matches.
_AFTER = r"(?<![^\s.!?\"”'’)].)"  # (one character more: the capital just matched)
ALSO_READ_INLINE: Final = re.compile(
    rf"(?:A{_AFTER}(?:LSO\s+READ|lso\s+[Rr]ead)|R{_AFTER}(?:EAD\s+ALSO|ead\s+[Aa]lso|EAD\s+MORE|ead\s+[Mm]ore|"
    rf"ELATED|elated)|S{_AFTER}(?:EE\s+ALSO|ee\s+[Aa]lso)|M{_AFTER}(?:UST\s+READ|ust\s+[Rr]ead))"
    r"\s*(?:[:|\-–—>»]+\s*)"
)


def also_read_pieces(text: str, links: list[Link]) -> list[tuple[int, int, bool]] | None:
    """The paragraph ``text`` cut around its "Also read: <link>" lines, as (start, end, furniture) pieces without
    spaces at either end; None when it has none."""
    pieces: list[tuple[int, int, bool]] = []
    done = 0
    for m in ALSO_READ_INLINE.finditer(text):
        if m.start() < done:
            continue
        link = next((lk for lk in links if m.end() <= lk.start <= m.end() + 2), None)
        if link is None:
            continue
        end = link.end
        while True:  # and the links that follow it with nothing between (a list of them)
            while end < len(text) and text[end] in " .,;|)]":
                end += 1
            following = next((lk for lk in links if end <= lk.start <= end + 1 and lk.end > end), None)
            if following is None:
                break
            end = following.end
        if done < m.start() and text[done : m.start()].strip():
            pieces.append((done, m.start(), False))
        pieces.append((m.start(), end, True))
        done = end
    if not pieces:
        return None
    if done < len(text) and text[done:].strip():
        pieces.append((done, len(text), False))
    out: list[tuple[int, int, bool]] = []
    for a, b, furniture in pieces:  # without the spaces at either end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b, furniture))
    return out


def cut_blocks(
    first: int, kind: str, text: str, tmap: TextMap, links: list[Link], pieces: list[tuple[int, int, bool]]
) -> list[tuple[Block, bool]]:
    """The blocks of ``pieces`` (numbered from ``first``), each with its own links, and whether it is furniture."""
    out: list[tuple[Block, bool]] = []
    for a, b, furniture in pieces:
        part = [Link(lk.start - a, lk.end - a, lk.href, lk.href_start, lk.href_end) for lk in links]
        part = [lk for lk in part if lk.start >= 0 and lk.end <= b - a]
        out.append((Block(first + len(out), kind, text[a:b], tmap.sliced(a, b), links=part), furniture))
    return out
