"""Metadata from every place publishers put it, each value with its source and position."""

from __future__ import annotations

import pytest

from conftest import html, md


def values(doc, field):
    return [(v.value, v.source) for v in doc.metadata.get(field)]


def at(doc, value):
    assert value.start is not None
    return doc.line_col(value.start)


def test_json_ld_news_article_with_nested_authors_and_publisher():
    doc = html(
        """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Nifty hits record",
 "author": [{"@type": "Person", "name": "Asha Menon"}, {"@type": "Person", "name": "Ravi Kumar"}],
 "datePublished": "2025-05-05T09:30:00+05:30", "dateModified": "2025-05-05T11:00:00+05:30",
 "publisher": {"@type": "Organization", "name": "Example Markets"}, "inLanguage": "en-IN"}
</script></head><body><p>x</p></body></html>"""
    )
    meta = doc.metadata
    assert values(doc, "title")[0] == ("Nifty hits record", "json-ld")
    assert [v for v, _ in values(doc, "authors")] == ["Asha Menon", "Ravi Kumar"]
    assert meta.first("published").parsed.isoformat() == "2025-05-05T09:30:00+05:30"
    assert meta.first("modified").value == "2025-05-05T11:00:00+05:30"
    assert meta.first("publisher").value == "Example Markets"
    assert meta.first("language").value == "en-IN"
    assert at(doc, meta.first("published")) == (4, 20)
    assert at(doc, meta.first("authors")) == (3, 42)


def test_json_ld_graph_and_list_forms():
    graph = html(
        """<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Site"},
        {"@type": ["BlogPosting"], "headline": "Graph post", "author": "Plain Name", "datePublished": "2024-01-02"}]}</script>"""
    )
    assert graph.metadata.first("title").value == "Graph post"
    assert graph.metadata.first("authors").value == "Plain Name"
    listed = html(
        """<script type="application/ld+json">[{"@type": "ReportageNewsArticle", "headline": "Listed",
        "author": {"@type": "Person", "name": ["Only Name"]}}]</script>"""
    )
    assert listed.metadata.first("title").value == "Listed"
    assert listed.metadata.first("authors").value == "Only Name"


def test_broken_json_ld_is_reported_not_fatal():
    doc = html("""<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><p>x</p>""")
    assert doc.metadata.get("title") == []
    assert any("JSON-LD" in w for w in doc.warnings)


def test_json_ld_with_unexpected_types_is_ignored_safely():
    doc = html(
        """<script type="application/ld+json">{"@type": "NewsArticle", "headline": 42, "author": [null, 3, {"name": {}}], "datePublished": ["x"]}</script>"""
    )
    assert doc.metadata.first("title").value == "42"
    assert doc.metadata.get("authors") == []


def test_open_graph_and_article_meta():
    doc = html(
        """<head><meta property="og:title" content="OG Title">
<meta property="article:published_time" content="2025-03-01T08:00:00Z">
<meta property="article:modified_time" content="2025-03-02T08:00:00Z">
<meta property="og:site_name" content="Example Daily">
<meta name="author" content="Neha Shah">
<meta name="description" content="About markets">
<link rel="canonical" href="https://example.com/a"></head>"""
    )
    assert values(doc, "title") == [("OG Title", "meta")]
    assert values(doc, "published") == [("2025-03-01T08:00:00Z", "meta")]
    assert values(doc, "modified") == [("2025-03-02T08:00:00Z", "meta")]
    assert values(doc, "publisher") == [("Example Daily", "meta")]
    assert values(doc, "authors") == [("Neha Shah", "meta")]
    assert values(doc, "canonical") == [("https://example.com/a", "link")]
    assert at(doc, doc.metadata.first("authors")) == (5, 30)


def test_time_element_rel_author_and_byline_class():
    doc = html(
        """<article><h1>Head</h1>
<p class="byline">By <a rel="author" href="/p/1">Kiran Rao</a> and <span class="author">Dev Patel</span></p>
<time datetime="2025-04-04T10:00:00+05:30">April 4</time>
<p>Body text of the article that is long enough to be a paragraph of the story.</p></article>"""
    )
    names = {v for v, _ in values(doc, "authors")}
    assert {"Kiran Rao", "Dev Patel"} <= names
    published = doc.metadata.first("published")
    assert published.source == "time"
    assert at(doc, published) == (3, 17)


def test_itemprop_author_and_dates():
    doc = html(
        """<article><span itemprop="author" itemscope><span itemprop="name">Lata Singh</span></span>
<meta itemprop="datePublished" content="2025-02-02T10:00:00+05:30">
<span itemprop="dateModified">3 Feb 2025</span>
<p>Article body text long enough to count as a real paragraph of the story here.</p></article>"""
    )
    assert ("Lata Singh", "byline") in values(doc, "authors")
    assert doc.metadata.first("published").value == "2025-02-02T10:00:00+05:30"
    modified = doc.metadata.first("modified")
    assert modified.parsed is not None and modified.parsed.date().isoformat() == "2025-02-03"


def test_visible_by_published_updated_lines():
    doc = html(
        """<article><h1>Rupee weakens</h1><p>By Anil Gupta</p>
<p>Published: May 5, 2025, 10:30 AM IST</p><p>Updated: 06 May 2025</p>
<p>The rupee weakened against the dollar on Monday as oil prices rose sharply again.</p></article>"""
    )
    assert ("Anil Gupta", "visible") in values(doc, "authors")
    published = doc.metadata.first("published")
    assert published.source == "visible" and published.parsed.isoformat() == "2025-05-05T10:30:00+05:30"
    assert at(doc, published) == (2, 15)
    assert doc.metadata.first("modified").parsed.date().isoformat() == "2025-05-06"


def test_structured_sources_rank_before_visible():
    doc = html(
        """<head><meta property="article:published_time" content="2025-05-05T09:00:00+05:30"></head>
<article><h1>T</h1><p>Published: 04/05/2025</p><p>Text of the article long enough to be a paragraph here.</p></article>"""
    )
    sources = [v.source for v in doc.metadata.get("published")]
    assert sources == ["meta", "visible"]


def test_title_from_h1_and_title_tag():
    doc = html("<html><head><title>Tag &amp; Title</title></head><body><h1>The Headline</h1></body></html>")
    assert values(doc, "title") == [("The Headline", "heading"), ("Tag & Title", "title-tag")]


def test_markdown_yaml_front_matter():
    doc = md(
        """---
title: "Quoted: title"
authors:
  - Meera Iyer
  - name: Sanjay Das
date: 2025-05-05T10:00:00+05:30
lastmod: 2025-05-06
tags: [ipo, markets]
---

Body.
"""
    )
    assert values(doc, "title")[0] == ("Quoted: title", "front-matter")
    assert [v for v, _ in values(doc, "authors")] == ["Meera Iyer", "Sanjay Das"]
    published = doc.metadata.first("published")
    assert published.value == "2025-05-05T10:00:00+05:30"
    assert at(doc, published) == (6, 7)
    assert doc.metadata.first("modified").value == "2025-05-06"
    assert [v for v, _ in values(doc, "tags")] == ["ipo", "markets"]
    assert at(doc, doc.metadata.first("title")) == (2, 9)


def test_markdown_toml_front_matter():
    doc = md('+++\ntitle = "TOML post"\nauthor = "Ira Sen"\ndate = 2025-01-01T00:00:00Z\n+++\n\nText.\n')
    assert doc.metadata.first("title").value == "TOML post"
    assert doc.metadata.first("authors").value == "Ira Sen"
    assert doc.metadata.first("published").parsed.year == 2025


@pytest.mark.parametrize(
    ("front", "author", "published"),
    [
        ("writer: Ira Sen\ncreated: 2026-11-29", "Ira Sen", 2026),
        ("reporter: Ira Sen\npublished_at: 2026-11-29T10:00:00+05:30", "Ira Sen", 2026),
        ("लेखक: प्रिया नायर\nतारीख: 2026-11-29", "प्रिया नायर", 2026),
    ],
)
def test_front_matter_keys_that_generators_also_write(front, author, published):
    doc = md(f"---\ntitle: T\n{front}\n---\n\nText.\n")
    assert doc.metadata.first("authors").value == author
    assert doc.metadata.first("published").parsed.year == published


def test_markdown_by_list_like_go_blog():
    doc = md("---\ntitle: T\nby:\n- Russ Example\n- Ana Example\n---\n\nText.\n")
    assert [v for v, _ in values(doc, "authors")] == ["Russ Example", "Ana Example"]


def test_plain_markdown_heading_byline_and_date_line():
    doc = md(
        "# Markets turn cautious after the policy meeting\n\nK N Mishra\n\n05/May/2025\n\nThe text of the article begins here and goes on.\n"
    )
    assert doc.metadata.first("title").value == "Markets turn cautious after the policy meeting"
    assert doc.metadata.first("authors").value == "K N Mishra"
    published = doc.metadata.first("published")
    assert published.parsed.date().isoformat() == "2025-05-05"
    assert at(doc, published) == (5, 1)


def test_invalid_front_matter_is_a_warning():
    doc = md("---\ntitle: [unclosed\n---\n\nText.\n")
    assert any("front matter" in w for w in doc.warnings)
    assert doc.metadata.get("title") == []


def test_declared_types_of_the_page_not_of_nested_values():
    """``types``: the @type of a JSON-LD script's own objects (an @graph's members, their mainEntity) and og:type;
    not the types nested inside them (an article's publisher Organization, a breadcrumb's ListItems)."""
    doc = html(
        """<html><head><meta property="og:type" content="article">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "name": "p", "mainEntity": {"@type": "FinancialProduct", "name": "FD"}},
 {"@type": ["NewsArticle", "Article"], "headline": "h", "publisher": {"@type": "Organization", "name": "X"},
  "author": {"@type": "Person", "name": "Asha Menon"}},
 {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1}]}]}</script>
</head><body><p>x</p></body></html>"""
    )
    assert sorted(values(doc, "types")) == [
        ("Article", "json-ld"),
        ("BreadcrumbList", "json-ld"),
        ("FinancialProduct", "json-ld"),
        ("NewsArticle", "json-ld"),
        ("WebPage", "json-ld"),
        ("article", "meta"),
    ]
    first = doc.metadata.first("types")
    assert (first.value, at(doc, first)) == ("WebPage", (3, 13))  # JSON-LD first, each value at its position
