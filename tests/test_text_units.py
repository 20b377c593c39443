"""Sentences, dates, prefilters, text building."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.document.dates import find_dates, has_utc_offset, parse_iso
from newslint.document.positions import LineIndex
from newslint.document.sentences import split_sentences
from newslint.document.textbuild import TextBuilder
from newslint.language.patterns import (
    required_literal_sets,
    required_literals,
    statement_to_regex,
    words_to_regex,
)


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentence_splitter_keeps_indian_business_abbreviations():
    text = (
        "Example Broking Pvt. Ltd. raised Rs. 1,200.50 crore. Dr. Rao and Smt. Devi met Mr. K. N. Mishra at No. 1 "
        "Road. The U.S. markets fell 84.2 points, e.g. tech. Shri. Sen left! Did it work? Yes."
    )
    assert sentences(text) == [
        "Example Broking Pvt. Ltd. raised Rs. 1,200.50 crore.",
        "Dr. Rao and Smt. Devi met Mr. K. N. Mishra at No. 1 Road.",
        "The U.S. markets fell 84.2 points, e.g. tech.",
        "Shri. Sen left!",
        "Did it work?",
        "Yes.",
    ]


def test_a_list_items_number_does_not_end_a_sentence():
    assert sentences("2. Buy term insurance") == ["2. Buy term insurance"]
    assert sentences("iv. Review your cover. Then buy.") == ["iv. Review your cover.", "Then buy."]
    # A number ending a sentence still ends it.
    assert sentences("The index rose 2. Banks led.") == ["The index rose 2.", "Banks led."]


def test_dates_in_visible_text():
    found = find_dates("Published: May 5, 2025, 10:30 AM IST | Updated 06/05/2025 and 2025-05-07T09:00:00+05:30")
    assert [f.shape for f in found] == ["text", "numeric", "iso"]
    assert found[0].value == datetime(2025, 5, 5, 10, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert found[1].value.date().isoformat() == "2025-05-06" and found[1].ambiguous
    assert not find_dates("on 25/06/2025")[0].ambiguous
    assert find_dates("05/May/2025")[0].value.date().isoformat() == "2025-05-05"
    assert find_dates("no date here 1,200.50") == []


def test_iso_with_offset():
    assert has_utc_offset("2025-05-05T10:00:00+05:30")
    assert has_utc_offset("2025-05-05T10:00:00Z")
    assert not has_utc_offset("2025-05-05T10:00:00")
    assert not has_utc_offset("2025-05-05")
    assert not has_utc_offset("May 5, 2025")
    assert parse_iso("2025-05-05T10:00:00+0530") is not None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("guaranteed returns", {"guaranteed returns"}),
        ("(?:guaranteed|assured)\\s+returns", {"returns"}),
        ("\\bIN[AHZ]\\d{9}\\b", {"ina", "inh", "inz"}),
        ("[Ss]ebi", {"sebi"}),
        ("sure[- ]?shot", {"sure"}),
        ("(a|aa)+$", None),
        ("t\\.me/", {"t.me/"}),
        ("\\d+% accuracy", {"% accuracy"}),
        ("(?:SEBI)?\\s*registered", {"registered"}),
        ("\\p{L}+ understood by the prefilter", {" understood by the prefilter"}),
        ("₹\\s?\\d", {"₹"}),  # a lone non-ASCII symbol is selective enough
        ("#\\s*1", {"#"}),  # a lone digit is not; a rare sign is, when nothing longer is known
        ("a\\s*1", None),  # a lone ASCII letter or digit is not
        ("İ", None),  # regex matches "İ" with "i", whose key lacks the combining dot of "İ"'s
        ("İstanbul", {"stanbul"}),  # so "İ" ends a literal
        ("(?:RA|RIA)", {"ra", "ria"}),  # the parser factors the R out of the two alternatives
        ("x(?:ab|cd)y", {"xaby", "xcdy"}),
        ("(?:ab|a)c", {"abc", "ac"}),
        ("(?:ab|)c", None),  # only "c" is certain
    ],
)
def test_required_literals(pattern, expected):
    got = required_literals(pattern, False)
    assert (set(got) if got else None) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # Every part of a sequence is required at once: one set per literal run, group or alternation.
        ("(?:guaranteed|assured)\\s+returns", [{"returns"}, {"guaranteed", "assured"}]),
        ("\\b(?:click|tap)\\s+here\\s+to\\s+(?:open|join)\\b", [{"here"}, {"open", "join"}, {"click", "tap"}, {"to"}]),
        ("sebi\\s+(?:registered\\s+)?analyst", [{"analyst"}, {"sebi"}]),  # an optional part requires nothing
        ("(?:x|yy)+\\s*zz", [{"zz"}]),  # a set holding a lone ASCII letter is left out
        ("a\\s*b\\s*c\\s*dd\\s*ee\\s*ff\\s*ggg\\s*hhhh", [{"hhhh"}, {"ggg"}, {"dd"}, {"ee"}]),  # the 4 best
        ("\\d+", []),
        # A lone sign that prose rarely holds, only when nothing longer is known
        ("[a-z0-9][\\w.-]{1,60}@[a-z]{2,20}", [{"@"}]),
        ("[1-5]\\s*(?:/\\s*5|out\\s+of\\s+5)", [{"/", "out"}]),
        ("\\d+\\s*%\\s*returns", [{"returns"}]),
        ("\\d+\\s*,\\s*\\d", []),  # a comma is in nearly every text
    ],
)
def test_required_literal_sets(pattern, expected):
    assert [set(s) for s in required_literal_sets(pattern, False)] == expected


def test_words_and_statements_become_tolerant_regexes():
    import regex

    words = regex.compile(words_to_regex("sure-shot"), regex.I)
    assert words.search("a Sure shot call") and words.search("sure - shot") and not words.search("sureshotx")
    statement = regex.compile(statement_to_regex("Read all the related documents carefully before investing."), regex.I)
    assert statement.search("READ all the  related documents carefully before investing")
    assert not statement.search("Read all related documents carefully before investing.")


def test_text_builder_maps_folded_whitespace_and_entities():
    src = "a  &amp;\n b"
    builder = TextBuilder()
    builder.source(src, 0, len(src))
    text, tmap = builder.finish()
    assert text == "a & b"
    assert tmap.source_span(2, 3) == (3, 8)
    assert tmap.source_span(4, 5) == (10, 11)
    assert tmap.source_span(0, 5) == (0, 11)


def test_line_index():
    index = LineIndex("ab\r\ncd\ref\ngh")
    assert [index.line_col(i) for i in (0, 4, 7, 10)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert index.line_text(2) == "cd"


def _full_table(text: str) -> LineIndex:
    index = LineIndex(text)
    index.starts  # noqa: B018 - build the table first: every lookup below uses it
    return index


@pytest.mark.parametrize(
    "text",
    ["", "one line", "a\nb\n", "a\r\nb\r\nc", "a\rb\nc\r\n", "x\u2028y\nz", "\n\n\n", "é\nü\r\n\x85ö", "tail\n"],
)
def test_line_index_counting_agrees_with_the_table(text):
    """Positions found by counting line breaks (a few findings) equal those from the full table."""
    table = _full_table(text)
    counted = LineIndex(text)
    # Forward, backward and repeated lookups: the counter resumes from its last position when it can.
    offsets = [*range(len(text) + 1), *reversed(range(len(text) + 1)), 0, len(text)]
    for offset in offsets:
        assert counted.line_col(offset) == table.line_col(offset), (text, offset)
    for line in range(1, table.line_count + 1):
        fresh = LineIndex(text)
        fresh.line_col(table.starts[line - 1])
        assert fresh.line_text(line) == table.line_text(line), (text, line)


@pytest.mark.parametrize("text", ["a\nbc\n", "a\r\nbc", "a\rbc\n"])
def test_line_index_offset_inverts_line_col(text):
    counted, table = LineIndex(text), _full_table(text)
    for offset in range(len(text) + 1):
        line, column = counted.line_col(offset)
        assert counted.offset(line, column) == table.offset(line, column) == offset, (text, offset)
    assert table.offset(99, 1) == 0 and LineIndex(text).offset(0, 1) == 0


def test_line_index_builds_the_table_after_many_lookups():
    text = "ab\n" * 200
    index = LineIndex(text)
    for i in range(LineIndex.LAZY_QUERIES):
        assert index.line_col(3 * i + 1) == (i + 1, 2)
    assert index._starts is None  # so far, counted
    assert index.line_col(3 * 150) == (151, 1)
    assert index._starts is not None and len(index._starts) == 201


def test_first_match_stops_at_the_first_non_empty_match():
    import time

    from newslint.language.patterns import Pattern, RuleTimeout

    # After "x", the second alternative backtracks exponentially on the run of a's: finditer, looking for
    # every match, runs out of time; a presence test needs only the first match and returns at once.
    text = "x " + "a" * 40 + "!"
    runaway = Pattern("x|(a|aa)+$", "pattern", case_sensitive=False)
    assert runaway.first(text, time.monotonic() + 5) == (0, 1, "x")
    with pytest.raises(RuleTimeout):
        runaway.finditer(text, time.monotonic() + 0.2)
    # Empty matches are skipped, as finditer skips them; a group named "match" narrows the span.
    assert Pattern(r"\b(?=y)|yes", "pattern", case_sensitive=False).first("a yes", time.monotonic() + 5) == (
        2,
        5,
        "yes",
    )
    narrowed = Pattern(r"no\.\s*(?P<match>\d+)", "pattern", case_sensitive=False)
    assert narrowed.first("Reg no. 42 and no. 7", time.monotonic() + 5) == (8, 10, "42")
    assert narrowed.first("nothing here", time.monotonic() + 5) is None


# Pieces of expressions, and of texts made of the same letters, for the soundness property below.
_LITERAL_PIECES = ["ra", "ria", "ab", "a", "c", "x", "b", "[eo]", "[ab]", "#"]
_PIECES = [*_LITERAL_PIECES, "\\s*", "\\s+", "\\b", "\\d", "."]


@st.composite
def _expressions(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["piece", "piece", "group", "optional", "repeat"] if depth < 2 else ["piece"]))
        if kind == "piece":
            parts.append(draw(st.sampled_from(_PIECES)))
        elif kind == "group":
            alternatives = draw(st.lists(_expressions(depth + 1) | st.just(""), min_size=1, max_size=4))
            parts.append("(?:" + "|".join(alternatives) + ")")
        elif kind == "optional":
            parts.append("(?:" + draw(_expressions(depth + 1)) + ")?")
        else:  # a repeat of literals only: anything looser makes the generator's own check backtrack for hours
            parts.append(
                "(?:" + "".join(draw(st.lists(st.sampled_from(_LITERAL_PIECES), min_size=1, max_size=3))) + ")+"
            )
    return "".join(parts)


@given(_expressions(), st.data())
def test_required_literals_never_rule_out_a_text_that_matches(expression, data):
    """A prefilter may let through texts that do not match, never hold back one that does: every text the
    expression matches holds a literal of each of its sets."""
    import re

    sets = required_literal_sets(expression, False)
    if not sets:
        assert required_literals(expression, False) is None
        return
    assert required_literals(expression, False) == sets[0]
    text = data.draw(st.from_regex(re.compile(expression, re.IGNORECASE)))  # a text the expression matches
    for literals in sets:
        assert any(lit in text.lower() for lit in literals), (expression, text, sets)


def test_a_presence_test_stops_at_the_first_alternative_set_that_matches():
    """``any:`` sets are tried in order for a presence test (a condition, near, unless): once one matches,
    the others never run, so a slow expression in a later set costs nothing where an earlier one decides.
    A search for every occurrence still runs them all."""
    from datetime import date

    from helpers import parse
    from newslint.language.context import Context
    from newslint.language.patterns import RuleTimeout
    from newslint.language.patternset import PatternSet

    runaway = "(a|aa)+$"  # backtracks exponentially on a long run of a's that does not end the text
    ps = PatternSet.build({"any": [{"words": ["stock tips"]}, {"patterns": [runaway]}]})
    doc = parse("# Tips\n\nOur stock tips. " + "a" * 40 + "!\n")
    ctx = Context(doc, date(2026, 11, 29), {}, 0.5)
    units = ctx.units("body")
    assert ps.present(ctx, units)
    found = ps.occurrences(ctx, units, first_only=True)
    assert [o.text for o in found] == ["stock tips"]
    with pytest.raises(RuleTimeout):
        ps.occurrences(ctx, units)
