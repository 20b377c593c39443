"""Split a block's text into sentences, keeping abbreviations of Indian business writing together.

"Rs. 1,200.50 crore", "Example Broking Pvt. Ltd.", "Dr. Rao", "Smt. Devi", "No. 1", "U.S. markets", "e.g.",
initials such as "K. N. Mishra" and a list item's number ("2. Buy term insurance") do not end a sentence; a
full stop, "!" or "?" followed by space and a capital, digit, quote, rupee sign or Devanagari letter does, and
so does the Hindi danda ("।").
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "rs",
        "re",
        "inr",
        "no",
        "nos",
        "dr",
        "mr",
        "mrs",
        "ms",
        "smt",
        "shri",
        "sri",
        "kum",
        "ltd",
        "pvt",
        "co",
        "inc",
        "corp",
        "llp",
        "plc",
        "vs",
        "v",
        "e.g",
        "i.e",
        "eg",
        "ie",
        "u.s",
        "u.k",
        "u.s.a",
        "st",
        "jr",
        "sr",
        "govt",
        "dept",
        "approx",
        "est",
        "fig",
        "viz",
        "cf",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "bn",
        "mn",
        "cr",
        "regd",
        "reg",
        "ph",
        "prof",
        "hon",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "messrs",
        "mssrs",
        "a.m",
        "p.m",
        "hrs",
        "min",
        "max",
    ]
)

# A full stop, "!" or "?" before a capital, digit, quote, rupee sign or Devanagari; or the Hindi full stop
# ("।", danda; "॥") before anything.
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u20b9\u0900-\u097F])|[\u0964\u0965]+[\"')\]]*\s*")


_ITEM_NUMBER = re.compile(r"\d{1,2}|[ivx]{1,4}|[a-h]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences in ``text`` (whitespace between them excluded)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        punct_at = m.start()
        if text[punct_at] == ".":
            # The word before the full stop.
            w0 = text.rfind(" ", 0, punct_at) + 1
            word = text[w0:punct_at].lstrip("(\"'[").lower()
            if word in ABBREVIATIONS:
                continue
            if len(word) == 1 and word.isalpha():
                continue  # an initial: "K. N. Mishra"
            if "." in word and len(word) <= 6 and word.replace(".", "").isalpha():
                continue  # "U.S." style dotted abbreviations
            if w0 == start and _ITEM_NUMBER.fullmatch(word):
                continue  # a list item's number opening the sentence: "2. Buy term insurance", "iv. Review"
        end = m.end()
        sentence_end = end
        while sentence_end > start and text[sentence_end - 1].isspace():
            sentence_end -= 1
        if sentence_end > start:
            spans.append((start, sentence_end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]
