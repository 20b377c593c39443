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
_offsets: dict[str, int] = {}  # lexicon -> the number of its first expression in ``promotion_literals``
_indexable: bool | None = None  # whether every expression has literals and none holds a line break
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


def indexable() -> bool:
    """Whether a page's literal index can tell the blocks holding each expression's literals exactly: every
    expression has some and none spans a line break (the break between two blocks in the index's text)."""
    global _indexable
    if _indexable is None:
        _indexable = all(
            sets and not any("\n" in lit for literals in sets for lit in literals) for sets in promotion_literals()
        )
    return _indexable


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
            _offsets[lexicon] = sum(len(branches) for branches in _branches.values())
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


def promotion_matches(text: str, key: str, lexicon: str, held: set[int] | None = None) -> list[regex.Match[str]]:
    """The matches in ``text`` (``key``: its case key) of ``lexicon``'s self-promotion expressions, as their
    alternation finds them (leftmost first, the first expression that matches at a position).

    Found with the alternation of only the expressions whose literals the text holds: one that cannot match
    anywhere in the text never takes a position from another, so the matches are the same. On finance pages a
    block holding a promotion's literals holds those of one or two of the fifteen English expressions, and the
    whole alternation tried all fifteen at every position (about 100 µs a block; 15 µs for one). Each choice of
    expressions is compiled once (a page or two of choices in all: a handful per run).

    ``held``: the numbers (in ``promotion_literals``) of the expressions whose literals the page's literal index
    found in the text, which spares testing them again; an expression whose spelling variants need other
    literals is tested on ``key`` all the same.
    """
    branches = _lexicon_branches()[lexicon]
    if held is None:
        chosen = tuple(i for i, (_p, sets) in enumerate(branches) if holds_all(key, sets))
    else:
        flat = promotion_literals()
        at = _offsets[lexicon]
        chosen = tuple(
            i
            for i, (_p, sets) in enumerate(branches)
            if (at + i in held if sets is flat[at + i] else holds_all(key, sets))
        )
    if not chosen:
        return []
    return list(_alternation(lexicon, chosen).finditer(text))
