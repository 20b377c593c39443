"""The expressions of a page's own promotion of investment services ("join our channel for calls", "our
clients", "open an account with us"), one alternation per lexicon, and their literal prefilter: a page whose
own voice says one of these owns everything on it (see ``voices``)."""

from __future__ import annotations

import regex

from newslint.document.case_key import case_key
from newslint.language import lexicons
from newslint.language.devanagari import spelling_variants
from newslint.language.literals import holds_all
from newslint.language.patterns import required_literal_sets

_patterns: dict[str, regex.Pattern[str]] | None = None
_literals: list[tuple[frozenset[str], ...]] | None = None


def promotion_patterns() -> dict[str, regex.Pattern[str]]:
    """The self-promotion expressions of each lexicon, one alternation each."""
    global _patterns
    if _patterns is None:
        _patterns = {
            lexicon: regex.compile(spelling_variants("|".join(patterns)), regex.IGNORECASE | regex.VERSION0)
            for lexicon, patterns in lexicons.SELF_PROMOTION_BY_LEXICON.items()
        }
    return _patterns


def promotion_literals() -> list[tuple[frozenset[str], ...]]:
    """The literals each self-promotion expression needs (``required_literal_sets``)."""
    global _literals
    if _literals is None:
        _literals = [
            required_literal_sets(p, False)
            for patterns in lexicons.SELF_PROMOTION_BY_LEXICON.values()
            for p in patterns
        ]
    return _literals


def maybe_promotion(text: str) -> bool:
    """Whether ``text`` holds the literals one of the self-promotion expressions needs (a cheap prefilter)."""
    key = case_key(text)  # the prefilter's literals are case keys ("ſ" is an "s" to a case-insensitive match)
    return any(holds_all(key, sets) for sets in promotion_literals())
