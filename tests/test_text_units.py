"""Sentences, dates, prefilters, text building."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newslint.dates import find_dates, has_utc_offset, parse_iso
from newslint.positions import LineIndex
from newslint.rules.patterns import required_literals, statement_to_regex, words_to_regex
from newslint.sentences import split_sentences
from newslint.textbuild import TextBuilder


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
        ("\\p{L}+ invalid for sre", None),
    ],
)
def test_required_literals(pattern, expected):
    got = required_literals(pattern, False)
    assert (set(got) if got else None) == expected


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
