"""What an element's attributes say about it: furniture, article body, byline, date (as bit flags).

Class and id words ("post-body", "byline", "related-stories"), ``role`` and ``itemprop`` are read once per
distinct attribute string and cached, since pages repeat the same attributes many times. Compiled with mypyc
together with the parser (see ``hatch_build.py``): it runs for most start tags.
"""

from __future__ import annotations

from typing import Final

from newslint.parsing.html import vocabulary as _vocabulary
from newslint.parsing.html.tokenizer import ATTR

FURNITURE_ROLES: Final = _vocabulary.FURNITURE_ROLES
LABEL_FIRST_PARTS: Final = _vocabulary.LABEL_FIRST_PARTS
LABEL_WORD_AT: Final = _vocabulary.LABEL_WORD_AT

# Flags from an element's attributes.
F_FURNITURE: Final = 1
F_BODY: Final = 2
F_ARTICLE_BODY: Final = 4
F_BYLINE: Final = 8
F_DATE_PUBLISHED: Final = 16
F_DATE_MODIFIED: Final = 32
F_COMMENTS: Final = 64  # reader comments (also furniture)
F_SOFT: Final = 128  # furniture outside the article body only (a "widget" box), like an <aside>
COMMENT_WORD: Final = _vocabulary.COMMENT_WORD
INLINE_HINTS: Final = ("author", "byline", "by-line", "writer", "itemprop", "rel=", "posted")
flag_cache: Final[dict[str, int]] = {}


def _attr_values(raw: str) -> dict[str, str]:
    """``parse_attrs`` without the offsets (first occurrence wins): one ``findall`` in C."""
    out: dict[str, str] = {}
    for name, v1, v2, v3 in ATTR.findall(raw):
        name = name.lower()
        if name not in out and name != "/":
            out[name] = v1 or v2 or v3
    return out


def label_kinds(low: str) -> set[str | None]:
    """The kinds of label word (body, byline, furniture) in lower-cased class and id words.

    What ``LABEL_WORDS.finditer`` finds, with less work: a label word starts where a part of the string
    starts (a part: what ``LABEL_SEPARATORS`` splits it into), and with a part in ``LABEL_FIRST_PARTS``. Most
    class strings have none and are done after one split; elsewhere ``LABEL_WORD_AT`` is tried at those parts
    only, instead of the whole expression at every character.
    """
    spaced = low.replace("_", " ").replace("-", " ")  # same length: a part is a run of non-space here
    parts = spaced.split()
    if LABEL_FIRST_PARTS.isdisjoint(parts):
        return set()
    kinds: set[str | None] = set()
    pos = 0
    taken = 0  # the end of the last match: a later one cannot start inside it
    for part in parts:
        at = spaced.find(part, pos)
        pos = at + len(part)
        if at >= taken and part in LABEL_FIRST_PARTS:
            m = LABEL_WORD_AT.match(low, at)
            if m is not None:
                kinds.add(m.lastgroup)
                taken = m.end()
    return kinds


def classify_attrs(raw: str) -> int:
    """Flags for a raw attribute string; cached, since pages repeat the same attributes many times."""
    flags = flag_cache.get(raw)
    if flags is not None:
        return flags
    flags = 0
    a = _attr_values(raw)
    role = a.get("role")
    if role and role.strip().lower() in FURNITURE_ROLES:
        flags |= F_FURNITURE
    words = " ".join(a[k] for k in ("class", "id") if k in a)
    if words:
        kinds = label_kinds(words.lower())
        if "body" in kinds:
            flags |= F_BODY  # a body container is neither furniture nor a byline, whatever else it says
        else:
            if "furniture" in kinds:
                flags |= F_FURNITURE
                if COMMENT_WORD.search(words.lower()):
                    flags |= F_COMMENTS
            elif "soft" in kinds:
                flags |= F_FURNITURE | F_SOFT
            if "byline" in kinds:
                flags |= F_BYLINE
    itemprop = a.get("itemprop", "").lower().split()
    if itemprop:
        if "articlebody" in itemprop:
            flags |= F_ARTICLE_BODY
        if "author" in itemprop:
            flags |= F_BYLINE
        if "datepublished" in itemprop or "datecreated" in itemprop:
            flags |= F_DATE_PUBLISHED
        if "datemodified" in itemprop:
            flags |= F_DATE_MODIFIED
    if "author" in a.get("rel", "").lower().split():
        flags |= F_BYLINE
    if len(flag_cache) > 50_000:
        flag_cache.clear()
    flag_cache[raw] = flags
    return flags
