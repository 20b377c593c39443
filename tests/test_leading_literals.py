"""Where a match can start (``leading_literals``) and the search that tries an expression only there.

The search must give exactly what the expression's own ``finditer`` gives: the last test replays every
built-in expression that has leading literals over the annotated fixtures' paragraphs and compares."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.document.case_key import case_key
from newslint.language.literals import exact_leading_literals, exact_literal_sets, holds_all, leading_literals
from newslint.language.patterns import Pattern
from newslint.rules.compiled_table import load_table
from newslint.rules.loader import builtin_rules_dir

FIXTURES = Path(__file__).parent / "fixtures" / "annotated"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\b(?:best|top(?:[\s-]rated)?|no\.?\s*1)\s+advis", {"best", "top", "no"}),
        (r"(?:₹|\bRs\.?|\bINR)\s?\d", {"₹", "rs", "inr"}),
        (r"(?<![\w,;]\s)(?:invest|apply)\s+now", {"invest", "apply"}),
        (r"(?-i:SEBI)\s+registered", {"sebi"}),
        (r"IN[AH]\d{9}", {"ina", "inh"}),
        (r"(?:sure|pakka)?\s*profit", None),  # may start with a space
        (r"(?:guaranteed\s+)?returns?", {"guarante", "return"}),  # an optional head: it, or what follows
        (r"\bguaranteed\s+returns", {"guarante"}),  # a prefix of a start is a start
        (r"#\s*1\s+advisor", {"#"}),  # a rare sign on its own is worth it
        (r"\d+%", None),
        (r"[A-Z][a-z]+\s+said", None),
        (r"(?:a|an)\s+offer", None),  # a lone common letter starts matches everywhere
        (r"(?:foo)?", None),  # can match the empty string
        (r"\Gfoo", None),
    ],
)
def test_leading_literals(source: str, expected: set[str] | None) -> None:
    found = leading_literals(source)
    assert (None if found is None else set(found)) == expected


def _plain(p: Pattern, text: str) -> list[tuple[int, int, str]]:
    """What the expression's own search finds (``finditer`` without any leading literals)."""
    out = []
    for m in p.compile().finditer(text):
        a, b = m.span("match") if "match" in m.re.groupindex and m.start("match") >= 0 else m.span()
        if b > a:
            out.append((a, b, text[a:b]))
    return out


def _both(source: str, text: str, case_sensitive: bool = False) -> tuple[list, list]:
    p = Pattern(source, "pattern", case_sensitive)
    return _plain(p, text), p.finditer(text, None, case_key(text))


def test_the_search_at_leading_literals_gives_what_finditer_gives() -> None:
    text = "Best advisor? TOP-rated advisory! No. 1 advisers, and the best advice. Top advisors."
    plain, led = _both(r"\b(?:best|top(?:[\s-]rated)?|no\.?\s*1)\s+advis\w+", text)
    assert led == plain
    assert [t for _a, _b, t in led] == ["Best advisor", "TOP-rated advisory", "No. 1 advisers", "Top advisors"]


def test_overlapping_starts_are_skipped_after_a_match() -> None:
    # "sure sure shot": the second "sure" lies inside the first match, as finditer would skip it
    plain, led = _both(r"\bsure(?:\s+sure)?\s+shot", "a sure sure shot and a sure shot")
    assert led == plain == [(2, 16, "sure sure shot"), (23, 32, "sure shot")]


def test_a_match_group_narrows_the_span_in_both() -> None:
    plain, led = _both(r"\bour\s+calls\s+gave\s+(?P<match>\d+%)", "Our calls gave 62% and our calls gave 40%")
    assert led == plain == [(15, 18, "62%"), (38, 41, "40%")]


def test_case_sensitive_parts_stay_case_sensitive() -> None:
    plain, led = _both(r"(?-i:SEBI)\s+registered", "sebi registered, SEBI registered", case_sensitive=False)
    assert led == plain == [(17, 32, "SEBI registered")]


def test_exact_case_starts_are_tried_without_a_case_key() -> None:
    # "Rs" and "INR" in their case: the many "rs" of "years" and "others" are not tried
    p = Pattern(r"\b(?:Rs\.?|INR)\s?\d", "pattern", True)
    text = "Over the years, others paid Rs. 500 and INR 20; rs 5 is not it."
    assert p.exact[1] == {"Rs", "INR"}
    assert p._starts(text, None) == [28, 40]
    assert p.finditer(text, None) == _plain(p, text) == [(28, 33, "Rs. 5"), (40, 45, "INR 2")]


def test_first_gives_the_first_match_or_none() -> None:
    p = Pattern(r"\b(?:assured|guaranteed)\s+returns", "pattern", False)
    text = "No assured returns here, but guaranteed returns there"
    assert p.first(text, None, case_key(text)) == p.first(text, None) == (3, 18, "assured returns")
    assert p.first("nothing here", None, "nothing here") is None


def test_an_empty_match_falls_back_to_the_expression_s_own_search() -> None:
    # "(?:ab)?" has no leading literals; "ab|(?=c)" can match empty before "c": both searches must agree
    for source in (r"ab|(?=c)", r"(?:x)?y?"):
        for text in ("abcab", "cc", "xyxy"):
            plain, led = _both(source, text)
            assert led == plain


def test_another_case_key_length_uses_the_plain_search() -> None:
    # "İ" lower-cases to two characters: offsets in the case key would not be the text's
    text = "İstanbul: guaranteed returns"
    p = Pattern(r"guaranteed\s+returns", "pattern", False)
    assert p.finditer(text, None, case_key(text)) == p.finditer(text, None) == [(10, 28, "guaranteed returns")]


def _paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted(FIXTURES.iterdir()):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", " ", text)  # the words, not the markup
        out.extend(p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 40)
    return out


def _replay(every: int) -> tuple[int, int]:
    """Each expression of the packs with leading literals, on every ``every``-th fixture paragraph that its
    prefilter lets through (what the rules would run it on), with and without the case key: (compared, with
    matches)."""
    load_table(builtin_rules_dir())
    from newslint.language.patterns import KNOWN_EXACT, KNOWN_LEADING, KNOWN_LITERALS

    paragraphs = [(p, case_key(p)) for p in _paragraphs()[::every]]
    paragraphs = [(p, key) for p, key in paragraphs if len(key) == len(p)]
    compared = matched = 0
    for (source, case_sensitive), sets in KNOWN_LITERALS.items():
        assert KNOWN_LEADING.get(source, "absent") == leading_literals(source)  # the table is current
        exact = (exact_literal_sets(source, case_sensitive), exact_leading_literals(source, case_sensitive))
        assert KNOWN_EXACT.get((source, case_sensitive), "absent") == exact
        if leading_literals(source) is None and exact[1] is None:
            continue
        pattern = Pattern(source, "pattern", case_sensitive)
        for text, key in paragraphs:
            if sets and not holds_all(key, sets):
                continue
            led = pattern.finditer(text, None, key)
            assert led == _plain(pattern, text), (source, text)
            compared += 1
            matched += bool(led)
    return compared, matched


def test_every_built_in_expression_finds_the_same_matches_both_ways() -> None:
    compared, matched = _replay(every=4)  # a quarter of the paragraphs: the slow stage replays them all
    assert compared > 3_000 and matched > 1_000  # the comparison saw real matches, not only empty lists


@pytest.mark.slow
def test_every_built_in_expression_on_every_fixture_paragraph() -> None:
    compared, matched = _replay(every=1)
    assert compared > 15_000 and matched > 6_000
