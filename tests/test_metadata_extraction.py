"""Metadata extraction and date comparisons that the meta pack relies on (fixes found on real pages)."""

from __future__ import annotations

from helpers import lint, parse


def _values(doc, field):
    return [(v.value, v.source) for v in doc.metadata.get(field)]


def test_meta_value_attribute_is_read_like_content():
    doc = parse('<html><head><meta name="author" value="Priya Rao"></head><body><h1>T</h1></body></html>')
    assert _values(doc, "authors") == [("Priya Rao", "meta")]


def test_time_of_an_embedded_post_is_not_the_article_date():
    page = (
        '<html><head><meta property="article:published_time" content="2025-05-07T09:00:00+05:30"></head>'
        "<body>"
        "<article><h1>Nifty ends higher</h1><p>Published: 7 May 2025</p>"
        '<blockquote class="instagram-media"><p>A post shared by a reader '
        '<time datetime="2025-05-01T08:00:00+00:00">May 1, 2025</time></p></blockquote>'
        "<p>The Nifty ended higher on Wednesday as banks gained.</p></article></body></html>"
    )
    doc = parse(page)
    days = {v.parsed.date().isoformat() for v in doc.metadata.get("published")}
    assert days == {"2025-05-07"}
    assert lint(page, "meta-date-mismatch") == []


def test_visible_day_in_another_zone_matches_a_utc_instant():
    # 04:38 UTC on the 19th is 11:38 pm on the 18th in New York; the page shows the local day.
    page = (
        '<html><head><meta property="article:published_time" content="2014-12-19T04:38:49+00:00"></head>'
        "<body><article><h1>Markets close</h1><p>December 18, 2014 | 11:38pm</p><p>Text.</p>"
        "</article></body></html>"
    )
    assert lint(page, "meta-date-mismatch") == []


def test_visible_day_is_read_in_the_structured_zone_when_it_is_local():
    page = (
        '<html><head><meta property="article:published_time" content="2025-05-05T09:30:00+05:30"></head>'
        "<body><article><h1>Nifty ends higher</h1><p>Published: 4 May 2025</p><p>Text.</p>"
        "</article></body></html>"
    )
    assert [f.rule for f in lint(page, "meta-date-mismatch")] == ["meta-date-mismatch"]


def test_ambiguous_visible_date_matches_either_reading():
    page = (
        '<html><head><meta property="article:published_time" content="2022-10-11T08:00:00-04:00"></head>'
        "<body><article><h1>Vote count</h1><p>10/11/2022 08:00 AM EDT</p><p>Text.</p></article></body></html>"
    )
    assert lint(page, "meta-date-mismatch") == []


def test_modified_seconds_before_published_is_not_reported():
    md = "---\ntitle: T\ndate: 2023-04-09T20:29:46+05:30\nlastmod: 2023-04-09T20:29:45+05:30\n---\nText.\n"
    assert lint(md, "meta-date-modified-before-published") == []
    md = "---\ntitle: T\ndate: 2023-04-09T20:29:46+05:30\nlastmod: 2023-04-09T18:00:00+05:30\n---\nText.\n"
    assert [f.rule for f in lint(md, "meta-date-modified-before-published")] == ["meta-date-modified-before-published"]
