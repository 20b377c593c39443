"""Property-based tests: random HTML and Markdown articles (nesting, unclosed tags, entities, comments,
scripts, JSON-LD, front matter, CRLF/CR, encodings) through the whole pipeline.

For every generated article: newslint never raises; every reported line and column lies inside the file and
ends do not come before starts; two runs give identical output; and each planted phrase is reported exactly
once, at exactly its place in the file.

The default profile is small and derandomized (fast, the same examples every run, as CI needs). For a long
search: ``NEWSLINT_HYPOTHESIS=heavy python -m pytest tests/test_properties.py`` (random, thousands of
examples); a failure prints the example and a ``@reproduce_failure`` line.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from robustness.invariants import check_result, lint_bytes, planted_spans
from robustness.strategies import Article, articles, encoded, html_articles, markdown_articles

PROFILES = {
    "ci": settings(max_examples=40, derandomize=True, database=None),
    "heavy": settings(max_examples=2000),
}
PROFILE = PROFILES[os.environ.get("NEWSLINT_HYPOTHESIS", "ci")]
COMMON = settings(
    PROFILE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def name_for(article: Article) -> str:
    return "article.html" if article.format == "html" else "article.md"


@COMMON
@given(st.data())
def test_never_raises_and_positions_lie_inside_the_file(data):
    article = data.draw(articles)
    raw, codec = data.draw(encoded(article))
    outcome = lint_bytes(raw, name_for(article))
    check_result(outcome)
    if codec == "utf-16-le" and outcome.source is None:
        # UTF-16 without a byte-order mark is recognised by its NUL bytes, which mostly-ASCII text has in
        # every pair; a short text with much CJK in it is refused as binary, with that reason.
        assert outcome.result.error == "not an article: a binary file (it contains NUL bytes)"
        return
    assert outcome.source is not None and outcome.result.error is None, outcome.result.error


@COMMON
@given(articles)
def test_two_runs_give_identical_output(article):
    first = lint_bytes(article.text.encode(), name_for(article))
    second = lint_bytes(article.text.encode(), name_for(article))
    assert first.json == second.json
    assert first.text == second.text


@COMMON
@given(html_articles())
def test_planted_phrases_in_html_are_reported_at_their_place(article):
    outcome = lint_bytes(article.text.encode(), "article.html")
    assert len(planted_spans(outcome)) == article.phrases


@COMMON
@given(markdown_articles())
def test_planted_phrases_in_markdown_are_reported_at_their_place(article):
    outcome = lint_bytes(article.text.encode(), "article.md")
    assert len(planted_spans(outcome)) == article.phrases


@COMMON
@given(st.data())
def test_planted_phrases_survive_any_encoding(data):
    article = data.draw(articles)
    raw, codec = data.draw(encoded(article))
    outcome = lint_bytes(raw, name_for(article))
    if outcome.source is None:
        assert codec == "utf-16-le", outcome.result.error  # see the first test
        return
    if outcome.source.text == article.text:  # Windows-1252 guessed right (it is a guess for random text)
        assert len(planted_spans(outcome)) == article.phrases
    else:
        assert codec == "cp1252", (codec, outcome.source.encoding)


@COMMON
@given(st.text(alphabet="ab\r\n\x85\u2028é", max_size=80), st.lists(st.integers(0, 90), max_size=20))
def test_line_positions_by_counting_equal_the_line_table(text, offsets):
    from newslint.positions import LineIndex

    table = LineIndex(text)
    table.starts  # noqa: B018 - the full table first
    counted = LineIndex(text)
    for offset in offsets:
        line, col = counted.line_col(offset)
        assert (line, col) == table.line_col(offset)
        assert counted.line_text(line) == table.line_text(line)
        assert counted.offset(line, col) == table.offset(line, col) == min(offset, len(text))


@given(st.text(alphabet="a &;#x\t\n\r\f\v\u00a0\u2028\u200b\u00ad\u2003é", max_size=40), st.booleans())
def test_the_ascii_fast_test_for_text_needing_work_equals_the_expression(text, entities):
    from newslint.textbuild import _NEEDS_WORK_HTML, _NEEDS_WORK_PLAIN, _needs_work

    expression = _NEEDS_WORK_HTML if entities else _NEEDS_WORK_PLAIN
    assert _needs_work(text, entities) == (expression.search(text) is not None)
