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
        '<html><head><meta property="article:published_time" content="2025-05-07T09:00:00+05:30"></head><body>'
        "<article><h1>Nifty ends higher</h1><p>Published: 7 May 2025</p>"
        '<blockquote class="instagram-media"><p>A post shared by a reader '
        '<time datetime="2025-05-01T08:00:00+00:00">May 1, 2025</time></p></blockquote>'
        "<p>The Nifty ended higher on Wednesday as banks gained.</p></article></body></html>"
    )
    doc = parse(page)
    days = {v.parsed.date().isoformat() for v in doc.metadata.get("published")}
    assert days == {"2025-05-07"}
    assert lint(page, "meta-date-mismatch") == []
