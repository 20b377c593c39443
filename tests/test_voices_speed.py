"""The speaker context's shortcuts give the answers of the plain computations they replace: the page's ASCII
words in C, the source expressions found with an automaton, the self-promotion expressions run as the
alternation of only those a text can match, and expressions compiled on first use."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document.case_key import case_key
from newslint.language import lexicons
from newslint.language.devanagari import spelling_variants
from newslint.language.languages import _ascii_words
from newslint.language.lazy_pattern import LazyPattern
from newslint.language.literals import holds_all
from newslint.language.reporting import ALL_LEXICONS, _held_sources, source_patterns
from newslint.language.self_promotion import promotion_matches

_WORDS = re.compile(r"[a-z]+")
# Letters that lower-case to ASCII or to more than one character, Devanagari, quotes, a lone surrogate.
_ALPHABET = "aAzZqQ09 _-'\"\n\u212aİſıΣςé\u0900कहा₹\ud800"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_ascii_words_are_the_letter_runs_of_the_lower_cased_text(text: str) -> None:
    assert _ascii_words(text) == [w.encode() for w in _WORDS.findall(text.lower())]


def test_ascii_words_of_a_dotted_capital_i() -> None:
    # "İ".lower() is an ASCII "i" and a combining dot: the word is cut there, as findall cuts it
    assert _ascii_words("İstanbul KNIFE") == [b"i", b"stanbul", b"knife"]


# Text built of the source expressions' own literals, so that many of them are held, some partly.
_SOURCE_WORDS = sorted({lit for s in source_patterns() for literals in s.sets for lit in literals})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_SOURCE_WORDS, " ", ",", "we", "x"]), max_size=12))
def test_held_sources_are_those_whose_literals_the_text_holds(words: list[str]) -> None:
    lower = " ".join(words).lower()
    for lexicons_of in (ALL_LEXICONS, frozenset(["en"]), frozenset(["en", "hinglish"])):
        want = [s for s in source_patterns() if s.lexicon in lexicons_of and holds_all(lower, s.sets)]
        assert _held_sources(lower, lexicons_of) == want


def test_held_sources_find_a_report_and_rule_out_the_rest() -> None:
    held = _held_sources("according to the order, the firm allegedly promised returns", frozenset(["en"]))
    expressions = " ".join(s.expression for s in held)
    assert "according" in expressions and "allegedly" in expressions
    assert all(s.lexicon == "en" for s in held)
    assert _held_sources("nifty closed higher", frozenset(["en"])) == []


_FULL = {
    lexicon: regex.compile(spelling_variants("|".join(patterns)), regex.IGNORECASE | regex.VERSION0)
    for lexicon, patterns in lexicons.SELF_PROMOTION_BY_LEXICON.items()
}
_PROMOTIONS = [
    "Join our Telegram channel for daily calls with 90% accuracy.",
    "Our clients made 40% last month; open a demat account with us and trade with us.",
    "Call 9876543210 and subscribe to our premium tips, join now for Rs 999.",
    "Book a free demo, then start receiving our intraday calls.",
    "My mentorship batch starts Monday: enrol now for ₹4,999.",
    "Hamare premium group mein judiye, roz calls milenge aur profit pakka.",
    "हमारे प्रीमियम ग्रुप से जुड़ें और रोज़ कॉल पाएं, कमाई हमारे साथ जॉइन करें।",
    "The regulator said the app promised that users who join its channel get sure calls.",
    "Nifty ended flat; our correspondent reports from Mumbai.",
]


def test_promotion_matches_are_those_of_the_whole_alternation() -> None:
    found = 0
    for text in _PROMOTIONS:
        for lexicon, full in _FULL.items():
            want = [(m.span(), m.group()) for m in full.finditer(text)]
            got = [(m.span(), m.group()) for m in promotion_matches(text, case_key(text), lexicon)]
            assert got == want, (lexicon, text)
            found += bool(want)
    assert found >= 6  # the sample does hold promotions in each lexicon


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_PROMOTIONS, "our", "join", "calls", "my", ". ", "with us"]), max_size=6))
def test_promotion_matches_of_mixed_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for lexicon, full in _FULL.items():
        want = [(m.span(), m.group()) for m in full.finditer(text)]
        assert [(m.span(), m.group()) for m in promotion_matches(text, case_key(text), lexicon)] == want


def test_a_lazy_pattern_compiles_on_first_use_only() -> None:
    lazy = LazyPattern(r"\bviews?\s+are\s+personal\b", regex.IGNORECASE)
    assert lazy._compiled is None
    assert lazy.search("The views are personal.") is not None
    compiled = lazy._compiled
    assert compiled is not None
    assert lazy.match("views are personal") is not None and lazy.match("Our views are personal") is None
    assert lazy._compiled is compiled
