"""Metadata that attacks the limits (issue 21): huge numbers in front matter, Hugo's zero date, many values."""

from __future__ import annotations

import json
import time

import pytest

from helpers import lint, parse
from newslint.files.yaml_positions import load
from newslint.parsing.markdown.frontmatter import split_front_matter

# Huge metadata checked for linear time (seconds): run by .ci/run's slow stage with the other limits.
pytestmark = pytest.mark.slow


def _body(front: str, fence: str = "---") -> str:
    return f"{fence}\n{front}\n{fence}\n# Nifty ends higher\n\nBy Priya Rao\n\nThe Nifty ended higher.\n"


def test_base_60_number_in_front_matter_is_read_in_linear_time():
    # YAML 1.1 reads 1:1:1:... as a base-60 integer; building it is quadratic (1.2 MB took 90 s).
    text = _body("title: T\nfoo: 1" + ":1" * 300_000)
    started = time.monotonic()
    fm = split_front_matter(text)
    assert time.monotonic() - started < 3
    assert fm.data["foo"].startswith("1:1:1")  # kept as the text written


def test_long_integers_in_front_matter_do_not_make_the_file_uncheckable():
    for front, fence in (
        ("title: 0x" + "f" * 4400, "---"),  # hexadecimal: Python refuses str() of it
        ("title: " + "9" * 4400, "---"),  # decimal: Python refuses int() of it
        ("title = 0x" + "f" * 4400, "+++"),
        ("title = " + "9" * 4400, "+++"),
    ):
        findings = lint(_body(front, fence))  # lint() asserts there was no internal error
        assert all(f.rule != "newslint-internal-error" for f in findings)


def test_long_number_in_a_yaml_file_stays_text():
    assert load("a: 0x" + "f" * 5000)["a"] == "0x" + "f" * 5000
    assert load("a: 12\nb: 0x1f") == {"a": 12, "b": 31}


def test_hugo_zero_date_in_front_matter_and_json_ld_is_reported_not_an_internal_error():
    page = _body("title: T\ndate: 0001-01-01T00:00:00Z\nlastmod: 0001-01-01T00:00:00Z")
    assert [f.rule for f in lint(page, "meta-date-invalid")] == ["meta-date-invalid", "meta-date-invalid"]
    assert lint(page, "meta-date-modified-before-published", "meta-date-future", "meta-date-mismatch") == []
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "T", '
        '"datePublished": "0001-01-01T00:00:00Z", "dateModified": "0001-01-01T00:00:00Z"}</script></head>'
        "<body><h1>T</h1><p>Published: 5 May 2025</p><p>Text.</p></body></html>"
    )
    assert [f.rule for f in lint(html, "meta-date-invalid")] == ["meta-date-invalid", "meta-date-invalid"]
    assert lint(html, "meta-date-modified-before-published", "meta-date-future", "meta-date-mismatch") == []


def _timed_parse(text: str) -> tuple[float, object]:
    started = time.monotonic()
    doc = parse(text)
    return time.monotonic() - started, doc


def test_many_json_ld_authors_take_linear_time():
    # 20,000 authors took 7.7 s (each value searched for from the start of the script, then compared
    # with every value kept); 40,000 would take about 30 s.
    authors = [{"@type": "Person", "name": f"Author Number{i}"} for i in range(40_000)]
    data = json.dumps({"@type": "NewsArticle", "headline": "x", "author": authors})
    page = f'<html><head><script type="application/ld+json">{data}</script></head><body><h1>x</h1></body></html>'
    elapsed, doc = _timed_parse(page)
    assert len(doc.metadata.get("authors")) == 40_000
    assert elapsed < 6
    last = doc.metadata.get("authors")[-1]
    assert page[last.start : last.end] == "Author Number39999"


def test_many_meta_tags_and_front_matter_authors_take_linear_time():
    tags = "".join(f'<meta name="author" content="Author Number{i}">' for i in range(40_000))
    elapsed, doc = _timed_parse(f"<html><head>{tags}</head><body><h1>x</h1></body></html>")
    assert len(doc.metadata.get("authors")) == 40_000 and elapsed < 6
    front = "title: x\nauthors:\n" + "".join(f"  - Author Number{i}\n" for i in range(40_000))
    elapsed, doc = _timed_parse(f"---\n{front}---\n# x\n\nHi.\n")
    assert len(doc.metadata.get("authors")) == 40_000 and elapsed < 6


def test_duplicate_values_from_one_source_are_kept_once():
    tags = '<meta name="author" content="Priya Rao">' * 3 + '<meta property="article:author" content="Priya Rao">'
    doc = parse(f"<html><head>{tags}</head><body><h1>x</h1></body></html>")
    assert [(v.value, v.source) for v in doc.metadata.get("authors")] == [("Priya Rao", "meta")]
