"""Hostile markup: inputs that once made a parser hang, recurse, lose text or misplace it.

Each test states the bound it holds the parser to. Bounds are generous (a slow CI machine must pass) yet far
below what the old behaviour took: a quadratic or worse parser blows through them by orders of magnitude.
"""

from __future__ import annotations

import time

from conftest import html, position_of
from newslint.html.tokenizer import END, START, TEXT, iter_tokens


def timed(fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - started


# -- HTML tags that never end ------------------------------------------------------------------------------


def test_tag_names_that_never_end_parse_in_linear_time():
    # `<a<a<a...` with no '>' anywhere: each '<' used to rescan the rest of the page, with backtracking
    # (cubic: 24 KB took seconds, 1 MB never finished).
    doc, seconds = timed(html, "<p>guaranteed returns</p>" + "<a" * 400_000)
    assert seconds < 10
    assert doc.blocks[0].text == "guaranteed returns"


def test_unclosed_quotes_parse_in_linear_time():
    for page in ('<a x="' * 400_000, "<a x='" * 400_000, '<a x=">" ' * 200_000):
        doc, seconds = timed(html, "<p>guaranteed returns</p>" + page)
        assert seconds < 10, page[:12]
        assert doc.blocks[0].text == "guaranteed returns"


def test_after_an_unclosed_quote_tags_end_at_the_next_gt():
    # The quote after `alt=` is never closed; the tags after it are still tags, not text.
    doc = html("<p>Before</p><img alt=don't src=x.png><p>Shares <b>rose</b> today</p>")
    assert [b.text for b in doc.blocks if b.kind != "image"] == ["Before", "Shares rose today"]
    assert position_of(doc, "rose today")[:2] == (1, 52)


def test_a_page_that_ends_inside_a_tag_keeps_the_text_before_it():
    doc = html('<article><h1>Head</h1><p>guaranteed returns</p><a href="https://x.example/?q=')
    assert [b.text for b in doc.blocks] == ["Head", "guaranteed returns"]


def test_tokenizer_agrees_after_an_unclosed_quote():
    src = "<p x='>a</p><b>c</b>"
    kinds = [(t[0], t[1]) if t[0] in (START, END) else (t[0],) for t in iter_tokens(src)]
    assert kinds == [(START, "p"), (TEXT,), (END, "p"), (START, "b"), (TEXT,), (END, "b")]
    assert list(iter_tokens("x <a<a")) == [(TEXT, 0, 2)]  # the page ends inside a tag
    assert list(iter_tokens("1 < 2")) == [(TEXT, 0, 2), (TEXT, 2, 5)]
