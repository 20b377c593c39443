"""Which body blocks are the article's editorial text (used by placement checks).

Editorial text is a body paragraph, list item or quote of some length that is not closing matter: not under
a heading such as "Disclaimer", "Disclosure", "Related" or "Also read", and not led by "Disclaimer:".
"""

from __future__ import annotations

from typing import Any

from newslint.language import expression_store
from newslint.language.context import Context

EDITORIAL_KINDS = ("paragraph", "list-item", "blockquote")
MIN_EDITORIAL_CHARS = 80
MIN_SENTENCE_WORDS = 12
SENTENCE_ENDS = (".", "\u0964", "!", "?", '."', ".\u201d")  # \u0964: the Devanagari danda
CLOSING_LINE_MAX = 40
CLOSING_SOURCE = (
    r"\b(?:disclaimers?|disclosures?|about the authors?|also read|read more|related|risk warnings?|"
    r"important (?:note|information)|statutory|regulatory|terms|note)\b"
)
CLOSING = expression_store.compiled(CLOSING_SOURCE)


def is_closing(ctx: Context, index: int, closing: Any = CLOSING) -> bool:
    block = ctx.doc.blocks[index]
    title = ctx.doc.section_title(block)
    if title and ctx.search(closing, title):
        return True
    label = ctx.lead_label(block)
    return bool(label and ctx.search(closing, label))


def editorial_indices(ctx: Context, exclude: set[int] | None = None, closing: Any = CLOSING) -> list[int]:
    """Indices of body paragraphs long enough to be reporting, not labels, captions or closing matter.

    A short line that is only a closing title ("Disclaimer", "Related News") written as a plain paragraph
    starts closing matter too, up to the next heading: pages from plain-text CMSs have no heading tags.
    """
    exclude = exclude or set()
    out = []
    closing_line = False
    for b in ctx.doc.blocks:
        if b.kind == "heading" or b.is_label:
            closing_line = False
        if not b.body or b.kind not in EDITORIAL_KINDS or b.index in exclude:
            continue
        if len(b.text) <= CLOSING_LINE_MAX and _only_closing_title(b.text, closing):
            closing_line = True
            continue
        if closing_line or not _long_enough(b.text) or is_closing(ctx, b.index, closing):
            continue
        out.append(b.index)
    return out


def _long_enough(text: str) -> bool:
    """Reporting, not a label, caption or link line: 80 characters, or a whole sentence of twelve words or more
    (news paragraphs are often one short sentence: "The stock has gained 64% this year.")."""
    if len(text) >= MIN_EDITORIAL_CHARS:
        return True
    stripped = text.rstrip()
    return stripped.endswith(SENTENCE_ENDS) and len(stripped.split()) >= MIN_SENTENCE_WORDS


def _only_closing_title(text: str, closing: Any) -> bool:
    m = closing.search(text)
    return m is not None and not text[: m.start()].strip(" *_:-") and len(text.rstrip(" :.")) - m.end() <= 12


def last_editorial_index(ctx: Context) -> int:
    found = editorial_indices(ctx)
    return found[-1] if found else -1
