"""JSON-LD as real CMSs write it: each tolerated form is read, and every value keeps its exact position."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import lint, parse
from newslint.parsing.html.tolerant_json import JStr, parse_values

ARTICLE = '"@type": "NewsArticle", "headline": "Nifty ends higher", "datePublished": "2025-05-05T09:30:00+05:30"'


def page(script: str) -> str:
    return (
        f'<html><head><script type="application/ld+json">{script}</script></head>'
        "<body><h1>Nifty ends higher</h1><p>The Nifty ended higher.</p></body></html>"
    )


def published(text: str):
    doc = parse(text)
    value = doc.metadata.first("published")
    assert value is not None, doc.metadata.fields
    assert value.source == "json-ld"
    # The position is that of the value in the file, between its quotes.
    assert text[value.start : value.end] == "2025-05-05T09:30:00+05:30"
    return doc, value


@pytest.mark.parametrize(
    "script",
    [
        "<![CDATA[{" + ARTICLE + "}]]>",
        "//<![CDATA[\n{" + ARTICLE + "}\n//]]>",
        "\n// <![CDATA[\n{" + ARTICLE + "}\n// ]]>\n",
        "/*<![CDATA[*/{" + ARTICLE + "}/*]]>*/",
    ],
    ids=["cdata", "cdata-with-slashes", "cdata-with-spaced-slashes", "cdata-in-block-comments"],
)
def test_cdata_wrapped_json_ld_is_read(script):
    doc, _ = published(page(script))
    assert not doc.warnings
    assert lint(page(script), "meta-date-missing") == []


def test_html_comment_around_json_ld_is_read():
    published(page("<!--\n{" + ARTICLE + "}\n-->"))


def test_trailing_commas_are_tolerated():
    script = (
        '{"@type": "NewsArticle", "author": [{"name": "Priya Rao",}, ], "datePublished": "2025-05-05T09:30:00+05:30",}'
    )
    doc, _ = published(page(script))
    assert [v.value for v in doc.metadata.get("authors")] == ["Priya Rao"]


def test_raw_line_breaks_and_control_characters_in_strings_are_tolerated():
    script = '{"@type": "NewsArticle", "headline": "Nifty ends\nhigher\tagain", "description": "A\x01B", "datePublished": "2025-05-05T09:30:00+05:30"}'
    doc, _ = published(page(script))
    assert doc.metadata.first("title").value == "Nifty ends higher again"  # folded, as every title is


def test_several_objects_in_one_script():
    for sep in ("\n", ",\n", ";"):
        script = '{"@type": "WebSite", "name": "Example Markets"}' + sep + "{" + ARTICLE + "}"
        doc, _ = published(page(script))
        assert doc.metadata.first("title").value == "Nifty ends higher"


def test_graph_and_top_level_array_and_type_list():
    graph = '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Page"}, {"@type": ["NewsArticle", "Article"], "headline": "Nifty ends higher", "datePublished": "2025-05-05T09:30:00+05:30"}]}'
    doc, _ = published(page(graph))
    assert doc.metadata.first("title").value == "Nifty ends higher"
    array = '[{"@type": "BreadcrumbList"}, {"@type": ["ReportageNewsArticle"], "datePublished": "2025-05-05T09:30:00+05:30"}]'
    published(page(array))


def test_escaped_strings_keep_their_source_span():
    script = '{"@type": "NewsArticle", "author": {"name": "Asha \\u004Denon"}, "headline": "R\\u00e9sum\\u00e9 \\x"}'
    text = page(script)
    doc = parse(text)
    author = doc.metadata.first("authors")
    assert author.value == "Asha Menon"
    assert text[author.start : author.end] == "Asha \\u004Denon"
    assert doc.metadata.first("title").value == "Résumé x"  # an unknown escape stands for its character


def test_positions_are_exact_on_multi_line_scripts():
    text = page('\n  {\n    "@type": "NewsArticle",\n    "datePublished": "2025-05-05T09:30:00+05:30"\n  }\n')
    doc, value = published(text)
    assert doc.line_col(value.start) == (4, 23)


def test_values_before_a_broken_part_are_kept_and_the_script_is_reported():
    script = '{"@type": "NewsArticle", "datePublished": "2025-05-05T09:30:00+05:30"} {"@type": "Thing", "name": '
    doc, _ = published(page(script))
    assert any("JSON-LD" in w for w in doc.warnings)


def test_reader_is_iterative_and_bounded():
    deep = "[" * 100_000 + "]" * 100_000
    values, failed = parse_values(deep, 0, len(deep))
    assert values == [] and failed is not None  # too deep: refused, no RecursionError
    long_number = '{"a": ' + "9" * 5000 + "}"
    values, failed = parse_values(long_number, 0, len(long_number))
    assert failed is None and values[0]["a"] == "9" * 5000


def test_strings_know_their_spans():
    text = 'x = {"k": ["a", "b\\n"]}'
    values, failed = parse_values(text, 4, len(text))
    assert failed is None
    items = values[0]["k"]
    assert all(isinstance(i, JStr) for i in items)
    assert [(i, text[i.start : i.end]) for i in items] == [("a", "a"), ("b\n", "b\\n")]


def test_escaped_line_breaks_between_values_are_tolerated():
    # Pages saved from a JSON-escaped copy have the two characters \r\n where the line breaks were.
    script = '\\r\\n\\t{\\r\\n  "@type": "NewsArticle",\\r\\n  "datePublished": "2025-05-05T09:30:00+05:30"\\r\\n}'
    published(page(script))


_JSONISH = st.text(alphabet=st.sampled_from(list('{}[],:"\\ \n\t/*<!-[]>CDATAabc019.eE+-ntrufl\x01')), max_size=200)


@settings(max_examples=300, deadline=None)
@given(_JSONISH)
def test_reader_never_raises_and_strings_point_into_the_text(text):
    values, failed = parse_values(text, 0, len(text))
    assert failed is None or 0 <= failed <= len(text)
    stack = list(values)
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, JStr):
            assert 0 <= item.start <= item.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=20,
    )
)
def test_reader_agrees_with_json_on_valid_json(value):
    import json

    text = json.dumps(value, ensure_ascii=False)
    values, failed = parse_values(text, 0, len(text))
    assert failed is None and values == [value]
