"""The expressions of a page's own promotion of investment services ("join our channel for calls", "our
clients", "open an account with us"), by lexicon, and their literal prefilter: a page whose own voice says one
of these owns everything on it (see ``voices``)."""

from __future__ import annotations

from functools import lru_cache

import regex

from newslint.document.case_key import case_key
from newslint.language import expression_store, lexicons
from newslint.language.devanagari import spelling_variants
from newslint.language.literals import holds_all
from newslint.language.patterns import required_literal_sets

_literals: list[tuple[frozenset[str], ...]] | None = None
# Each lexicon's expressions as compiled (with their Devanagari spelling variants) and the literals each needs.
_branches: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] | None = None


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


def _lexicon_branches() -> dict[str, list[tuple[str, tuple[frozenset[str], ...]]]]:
    global _branches
    if _branches is None:
        raw = iter(promotion_literals())
        _branches = {}
        for lexicon, patterns in lexicons.SELF_PROMOTION_BY_LEXICON.items():
            out = _branches[lexicon] = []
            for p in patterns:
                sets = next(raw)
                variants = spelling_variants(p)
                out.append((variants, sets if variants == p else required_literal_sets(variants, False)))
    return _branches


@lru_cache(maxsize=256)
def _alternation(lexicon: str, chosen: tuple[int, ...]) -> regex.Pattern[str]:
    """The alternation of the expressions ``chosen`` (their numbers, in order) of ``lexicon``."""
    branches = _lexicon_branches()[lexicon]
    return expression_store.own("|".join(branches[i][0] for i in chosen), regex.IGNORECASE | regex.VERSION0)


@expression_store.on_build
def _compile_single_choices() -> None:
    """Compile each expression alone (the commonest choice), for the store's build to record."""
    for lexicon, branches in _lexicon_branches().items():
        for i in range(len(branches)):
            _alternation(lexicon, (i,))


def promotion_matches(text: str, key: str, lexicon: str) -> list[regex.Match[str]]:
    """The matches in ``text`` (``key``: its case key) of ``lexicon``'s self-promotion expressions, as their
    alternation finds them (leftmost first, the first expression that matches at a position).

    Found with the alternation of only the expressions whose literals the text holds: one that cannot match
    anywhere in the text never takes a position from another, so the matches are the same. On finance pages a
    block holding a promotion's literals holds those of one or two of the fifteen English expressions, and the
    whole alternation tried all fifteen at every position (about 100 µs a block; 15 µs for one). Each choice of
    expressions is compiled once (a page or two of choices in all: a handful per run).
    """
    chosen = tuple(i for i, (_p, sets) in enumerate(_lexicon_branches()[lexicon]) if holds_all(key, sets))
    if not chosen:
        return []
    return list(_alternation(lexicon, chosen).finditer(text))
