"""Which body blocks are the article's editorial text (used by placement checks).

Editorial text is a body paragraph, list item or quote of some length that is not closing matter: not under
a heading such as "Disclaimer", "Disclosure", "Related" or "Also read", and not led by "Disclaimer:".
"""

from __future__ import annotations

from typing import Any

import regex

from ..context import Context

EDITORIAL_KINDS = ("paragraph", "list-item", "blockquote")
MIN_EDITORIAL_CHARS = 80
CLOSING = regex.compile(
    r"\b(?:disclaimers?|disclosures?|about the authors?|also read|read more|related|risk warnings?|"
    r"important (?:note|information)|statutory|regulatory|terms|note)\b",
    regex.I,
)


def is_closing(ctx: Context, index: int, closing: Any = CLOSING) -> bool:
    block = ctx.doc.blocks[index]
    title = ctx.doc.section_title(block)
    if title and ctx.search(closing, title):
        return True
    label = ctx.lead_label(block)
    return bool(label and ctx.search(closing, label))


def editorial_indices(ctx: Context, exclude: set[int] | None = None, closing: Any = CLOSING) -> list[int]:
    """Indices of body paragraphs long enough to be reporting, not labels, captions or closing matter."""
    exclude = exclude or set()
    out = []
    for b in ctx.doc.blocks:
        if not b.body or b.kind not in EDITORIAL_KINDS or b.index in exclude:
            continue
        if len(b.text) < MIN_EDITORIAL_CHARS or is_closing(ctx, b.index, closing):
            continue
        out.append(b.index)
    return out


def last_editorial_index(ctx: Context) -> int:
    found = editorial_indices(ctx)
    return found[-1] if found else -1
