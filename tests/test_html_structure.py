"""HTML: blocks, body versus furniture, sections, what is never prose, robustness of the tree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import find_block, html

PAGE = """<!doctype html>
<html><head><title>x</title><style>p { color: red }</style>
<script>var s = "<p>not prose</p>";</script></head>
<body>
<header class="site-header"><a href="/">Logo</a><nav><ul><li><a href="/markets">Markets</a></li>
<li><a href="/disclaimer">Disclaimer</a></li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience on this site.</p></div>
<main>
<article>
<h1>Sensex ends higher</h1>
<p class="byline">By Meera Iyer</p>
<div class="article-body">
<p>The Sensex rose 300 points on Monday as banking stocks gained across the board.</p>
<aside class="related-stories"><h4>Related</h4><ul><li>Another story about markets and more</li></ul></aside>
<p>Analysts at Kotak Securities said the rally could continue this week.</p>
<pre><code>print("never prose")</code></pre>
<noscript><p>Enable JavaScript</p></noscript>
<template><p>template text</p></template>
<h2>Outlook</h2>
<p>Traders will watch the RBI policy decision on Friday closely.</p>
<footer class="article-footer"><p>Disclaimer: This article is for information only.</p></footer>
</div>
</article>
<div class="sidebar"><h3>Most read</h3><p>Some popular headline that is not part of this article.</p></div>
</main>
<footer><p>Copyright 2025 Example Media Pvt. Ltd.</p></footer>
</body></html>
"""


def test_body_and_furniture():
    doc = html(PAGE)
    assert find_block(doc, "Sensex rose").body
    assert find_block(doc, "Kotak").body
    assert find_block(doc, "Sensex ends higher").body
    for furniture in (
        "Markets",
        "We use cookies",
        "Another story",
        "Some popular headline",
        "Copyright 2025",
    ):
        assert not find_block(doc, furniture).body, furniture
    assert doc.body_container.startswith("<article")


def test_article_footer_stays_in_body():
    doc = html(PAGE)
    assert find_block(doc, "Disclaimer: This article").body


def test_scripts_styles_code_noscript_template_are_never_prose():
    doc = html(PAGE)
    texts = " ".join(b.text for b in doc.blocks)
    for hidden in ("not prose", "color: red", "never prose", "Enable JavaScript", "template text"):
        assert hidden not in texts


def test_kinds_levels_and_sections():
    doc = html(PAGE)
    head = find_block(doc, "Sensex ends higher")
    assert (head.kind, head.level) == ("heading", 1)
    assert doc.headline == head.index
    outlook = find_block(doc, "Outlook")
    assert (outlook.kind, outlook.level) == ("heading", 2)
    rbi = find_block(doc, "RBI policy")
    assert doc.section_title(rbi) == "Outlook"
    assert doc.section_title(find_block(doc, "Sensex rose")) == "Sensex ends higher"
    assert find_block(doc, "Another story").kind == "list-item"


def test_links_with_targets():
    doc = html('<p>Read <a href="https://example.com/?utm_source=x&amp;a=1">our app</a> today.</p>')
    block = find_block(doc, "Read")
    [link] = block.links
    assert block.text[link.start : link.end] == "our app"
    assert link.href == "https://example.com/?utm_source=x&a=1"


def test_a_button_label_is_a_link_label_without_an_address():
    doc = html(
        '<div class="card"><p>Coupon 9%.</p><button class="cta">Invest now</button> <button>Share</button></div>'
    )
    block = find_block(doc, "Invest now")
    labels = [(block.text[lk.start : lk.end], lk.href) for lk in block.links]
    assert labels == [("Invest now", ""), ("Share", "")]


@pytest.mark.parametrize(
    "attrs, target",
    [
        ('HREF="/a"', "/a"),
        ("class=x Href='/b' title=t", "/b"),
        ('data-x="hreflang" href=/c', "/c"),  # "href" inside another value comes first
        ('data-href="/d" href="/e"', "/d"),  # a word boundary before "href", as always
        ('title="\u0130stanbul" href="/f"', "/f"),  # lower-casing U+0130 changes the length
        ('title="\u0130" hrefx="/g"', None),
        ('class="no-link"', None),
    ],
)
def test_link_targets_are_found_wherever_href_stands(attrs: str, target: str | None) -> None:
    page = f"<p>Read <a {attrs}>the note</a> today.</p>"
    block = find_block(html(page), "Read")
    if target is None:
        assert block.links == []
        return
    [link] = block.links
    assert (link.href, page[link.href_start : link.href_end]) == (target, target)


def test_unclosed_paragraphs_and_list_items():
    doc = html("<div><p>one<p>two<ul><li>a<li>b</ul><p>three</div>")
    assert [b.text for b in doc.blocks] == ["one", "two", "a", "b", "three"]


def test_table_cells():
    doc = html("<table><tr><td>Buy ABC<td>Target 120<tr><th>x</table>")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("table-cell", "Buy ABC"),
        ("table-cell", "Target 120"),
        ("table-cell", "x"),
    ]


def test_blockquote_and_caption():
    doc = html(
        "<blockquote><p>Quoted words</p></blockquote><figure><img src=a.png alt='chart'><figcaption>Chart of Nifty</figcaption></figure>"
    )
    assert find_block(doc, "Quoted").kind == "blockquote"
    assert find_block(doc, "Chart of").kind == "caption"
    assert find_block(doc, "chart").kind == "image"


def test_br_separates_words_not_blocks():
    doc = html("<p>Line one<br>line two<br/>end</p>")
    assert [b.text for b in doc.blocks] == ["Line one line two end"]


def test_bold_label_line_starts_a_section():
    doc = html("<div><p><strong>Disclaimer</strong></p><p>Investments carry risk and you may lose money.</p></div>")
    label = find_block(doc, "Disclaimer")
    assert label.is_label
    assert doc.section_title(find_block(doc, "Investments carry")) == "Disclaimer"


def test_deep_nesting_does_not_recurse():
    depth = 100_000
    page = "<div>" * depth + "<p>deep text</p>" + "</div>" * depth
    doc = html(page)
    assert find_block(doc, "deep text").text == "deep text"


def test_unclosed_and_truncated_html():
    doc = html("<html><body><article><p>Truncated para<div><span>more text <b>bold")
    assert " ".join(b.text for b in doc.blocks) == "Truncated para more text bold"


def test_text_without_body_tag_after_head():
    doc = html("<html><head><title>t</title>Stray text starts the body<p>para</p>")
    assert "Stray text starts the body" in [b.text for b in doc.blocks]


def test_itemprop_article_body_wins_over_densest():
    page = (
        """<body><div class="listing"><p>"""
        + "Teaser text that is long enough to count. " * 20
        + """</p></div>
    <article><div itemprop="articleBody"><p>The real article paragraph with enough words to matter here.</p>
    <p>A second paragraph of the real article, long enough that the markup is clearly meant.</p>
    <p>A third paragraph of the real article, so the container holds a real story.</p></div></article></body>"""
    )
    doc = html(page)
    assert find_block(doc, "real article").body


def test_densest_container_when_no_markers():
    page = """<body><div id="a"><p>short nav text</p></div><div id="b">
    <p>First long paragraph of the story with many words in it to count as text.</p>
    <p>Second long paragraph of the story with many words in it to count as text.</p></div>
    <div id="c"><p>Footer-ish text that is also fairly long but alone in its box here.</p></div></body>"""
    doc = html(page)
    assert find_block(doc, "First long").body
    assert not find_block(doc, "short nav").body


def test_comments_are_collected_with_positions():
    doc = html("<p>a</p>\n<!-- newslint-disable sebi-x -->\n<p>b</p>")
    [comment] = doc.comments
    assert comment.text.strip() == "newslint-disable sebi-x"
    assert doc.line_col(comment.start) == (2, 1)


def test_raw_text_elements_with_uppercase_end_tags():
    doc = html("<SCRIPT>var x = '</div>';</SCRIPT><P>after</P>")
    assert [b.text for b in doc.blocks] == ["after"]


def test_layout_class_naming_a_sidebar_does_not_hide_the_story():
    page = """<body><div class="article right-sidebar two-col"><div class="article-body">
<p>The story paragraph that readers came for, long enough to be the article text.</p>
<div class="related-links"><p>Related: another story you might like to read later.</p></div>
</div><div class="sidebar"><p>Sidebar text about something else entirely, not the story.</p></div></div></body>"""
    doc = html(page)
    assert find_block(doc, "story paragraph").body
    assert not find_block(doc, "Related: another").body
    assert not find_block(doc, "Sidebar text").body


def test_meta_value_attribute_is_read_like_content():
    doc = html('<meta value="Jo Writer" name="author"><p>x</p>')
    assert doc.metadata.first("authors").value == "Jo Writer"


def test_a_linted_document_is_freed_without_the_garbage_collector():
    """Reference cycles in a parsed document (an element naming itself, a closure holding the extractor) leave
    thousands of objects per page to the collector: measured, a twentieth of a whole-corpus check."""
    import gc
    from datetime import date
    from pathlib import Path

    from newslint.rules.loader import load_rules
    from newslint.running.linter import Linter, lint_file

    linter = Linter(load_rules([]), date(2026, 11, 29))
    examples = sorted((Path(__file__).parent.parent / "examples").iterdir())
    assert {p.suffix for p in examples} >= {".html", ".md"}
    for path in examples:  # first use: imports, compiled expressions, caches
        lint_file(linter, path, path.name, None, 10_000_000)
    gc.collect()
    gc.disable()
    try:
        for path in examples:
            result = lint_file(linter, path, path.name, None, 10_000_000)
            assert result.findings, path  # the examples are there to be caught
            del result
            assert gc.collect() == 0, path
    finally:
        gc.enable()


def _label_word_first_parts() -> frozenset[str]:
    """The first part of every spelling of the label words, derived from their expressions again."""
    import re._constants as sre_c
    import re._parser as sre_parse

    from newslint.parsing.html import vocabulary as v

    def spellings(items) -> list[str]:
        out = [""]
        for op, av in items:
            if op is sre_c.LITERAL:
                out = [o + chr(av) for o in out]
            else:
                assert op is sre_c.MAX_REPEAT and av[:2] == (0, 1), f"not a literal or an optional one: {op}"
                out = out + [o + s for o in out for s in spellings(av[2])]
        return out

    words = f"{v.BODY_WORDS}|{v.BYLINE_WORDS}|{v.FURNITURE_WORDS}|{v.SOFT_FURNITURE_WORDS}".split("|")
    return frozenset(v.LABEL_SEPARATORS.split(s)[0] for w in words for s in spellings(sre_parse.parse(w)))


def test_the_label_word_prefilter_knows_every_first_part():
    from newslint.parsing.html.vocabulary import LABEL_FIRST_PARTS

    assert _label_word_first_parts() == LABEL_FIRST_PARTS


LABEL_PIECES = [
    "article",
    "body",
    "content",
    "story",
    "post",
    "nav",
    "bar",
    "menu",
    "author",
    "by",
    "line",
    "most",
    "read",
    "popular",
    "td",
    "x",
    "main",
    "site",
    "header",
    "related",
    "share",
    "comments",
    "arttextxml",
    "navigation",
    "writer",
    "posted",
    "canvas",
    "unavailable",
    "s",
    "__",
    "_",
    "-",
    " ",
    "\t",
    "\u00a0",
    "\x1c",  # whitespace to both str.split and \s
    "\u2003",
    "--",
]


@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=8))
def test_the_label_word_prefilter_never_changes_the_answer(pieces):
    from newslint.parsing.html.attributes import label_kinds
    from newslint.parsing.html.vocabulary import LABEL_WORDS

    low = "".join(pieces)
    assert label_kinds(low) == {m.lastgroup for m in LABEL_WORDS.finditer(low)}


TAG_SHAPES = [
    "<div class=x>",
    "<div\n  class=\"story-body\" id='a'>",
    "<p>",
    "</p>",
    "</div >",
    "<br/>",
    '<img\tsrc="a.png" alt=\'A "quoted" chart\'>',
    '<a href="/x?a=1&amp;b=2" title="it\'s > here">',
    "<my-widget data-x=1>",
    "<!-- a comment with <p>inside</p> -->",
    '<span class="byline">By </span>',
    "<b>",
    "</b>",
    '<time datetime="2026-11-28T09:30:00+05:30">',
    "</time>",
    "<h1>",
    "</h1>",
    "<li>",
    '<a href="never closed>',
]


@given(st.lists(st.one_of(st.sampled_from(TAG_SHAPES), st.sampled_from(["Sensex rose.", " ", "\n", "&amp;", "x"]))))
def test_the_tag_scan_and_the_tag_expression_give_the_same_document(pieces):
    """Compiled, the parser finds tags with scan_tag; interpreted, with TAG. Both must read a page alike
    (here both run in Python: SCAN_TAGS is switched for the test)."""
    from newslint.cli.app import is_compiled
    from newslint.parsing.html import parser

    if is_compiled("newslint.parsing.html.parser"):
        pytest.skip("compiled: SCAN_TAGS cannot be switched (CI tests the compiled parser on its own)")
    page = "<html><body><article>" + "".join(pieces) + "</article></body></html>"
    documents = []
    original = parser.SCAN_TAGS
    try:
        for scan in (False, True):
            parser.SCAN_TAGS = scan
            documents.append(_document_snapshot(html(page)))
    finally:
        parser.SCAN_TAGS = original
    assert documents[0] == documents[1]


def _document_snapshot(doc) -> tuple:
    blocks = [
        (
            b.kind,
            b.text,
            b.body,
            b.level,
            b.section,
            repr(b.links),
            list(b.tmap._t0),
            list(b.tmap._s0),
            list(b.tmap._s1),
        )
        for b in doc.blocks
    ]
    return blocks, repr(doc.comments), repr(doc.metadata), doc.headline, doc.body_container, doc.warnings
