"""Every character of matching text maps back to the exact line and column of the original file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import find_block, html, md, position_of
from newslint.files.source import read_source
from newslint.parsing.parse import parse_source


def test_entities_map_to_their_source_span():
    doc = html("<p>Tata &amp; Sons rose &#8377;120 &mdash; a &quot;record&quot;.</p>")
    assert find_block(doc, "Tata").text == 'Tata & Sons rose \u20b9120 - a "record".'
    assert position_of(doc, "&")[4] == "&amp;"
    assert position_of(doc, "Sons")[:2] == (1, 15)
    assert position_of(doc, "\u20b9120")[4] == "&#8377;120"
    assert position_of(doc, '"record"')[4] == "&quot;record&quot;"


def test_inline_tags_do_not_break_text_and_positions_skip_them():
    doc = html("<p>Open a <b>free</b> <a href='/x'>demat</a> account.</p>")
    block = find_block(doc, "Open")
    assert block.text == "Open a free demat account."
    line, col, end_line, end_col, raw = position_of(doc, "free demat account")
    assert (line, col) == (1, 14)
    assert raw == "free</b> <a href='/x'>demat</a> account"
    assert (end_line, end_col) == (1, 14 + len(raw))


def test_word_split_by_inline_tag_is_one_word():
    doc = html("<p><b>Dis</b>claimer: read this.</p>")
    assert find_block(doc, "Disclaimer").text == "Disclaimer: read this."


def test_line_breaks_inside_a_sentence_fold_to_one_space():
    doc = html("<p>Shares of Example\n      Broking rose\n\n  sharply.</p>")
    block = find_block(doc, "Example")
    assert block.text == "Shares of Example Broking rose sharply."
    assert position_of(doc, "Broking")[:2] == (2, 7)
    assert position_of(doc, "sharply")[:2] == (4, 3)
    line, col, end_line, end_col, raw = position_of(doc, "Example Broking")
    assert (line, col, end_line, end_col) == (1, 14, 2, 14)
    assert raw == "Example\n      Broking"


def test_nbsp_as_entity_and_as_character():
    doc = html("<p>Rs.&nbsp;500 and Rs.\u00a0600</p>")
    block = find_block(doc, "Rs.")
    assert block.text == "Rs. 500 and Rs. 600"
    assert position_of(doc, "600")[:2] == (1, 25)
    assert position_of(doc, "500")[:2] == (1, 13)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_all_count_as_lines(newline):
    text = newline.join(["<html><body>", "<p>first line</p>", "<p>second", "line here</p>", "</body></html>"])
    doc = html(text)
    assert position_of(doc, "first")[:2] == (2, 4)
    assert position_of(doc, "here")[:2] == (4, 6)
    assert find_block(doc, "second").text == "second line here"


def test_mixed_line_endings():
    doc = html("<p>a</p>\r\n<p>b</p>\r<p>c</p>\n<p>target</p>")
    assert position_of(doc, "target")[:2] == (4, 4)


def test_minified_one_line_page():
    page = "<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav><article><h1>Head</h1><p>Alpha beta gamma.</p><p>Second para.</p></article></body></html>"
    doc = html(page)
    line, col, _, _, raw = position_of(doc, "gamma")
    assert line == 1
    assert page[col - 1 : col - 1 + 5] == "gamma"
    assert raw == "gamma"


def test_markdown_inline_markup_is_stripped_with_positions_kept():
    text = '# Title\n\nJoin **our** [Telegram channel](https://t.me/x "t") for *calls* \\* now &amp; later.\n'
    doc = md(text)
    block = find_block(doc, "Join")
    assert block.text == "Join our Telegram channel for calls * now & later."
    assert position_of(doc, "our")[:2] == (3, 8)
    assert position_of(doc, "Telegram channel")[:2] == (3, 15)
    assert position_of(doc, "for calls")[4] == "for *calls"
    assert position_of(doc, "&")[4] == "&amp;"
    assert position_of(doc, "*")[4] == "\\*"
    link = block.links[0]
    assert link.href == "https://t.me/x"
    assert text[link.href_start : link.href_end] == "https://t.me/x"


def test_markdown_front_matter_offsets_lines():
    text = "---\ntitle: A title\nauthor: K N Rao\ndate: 2025-05-05\n---\n\n# A title\n\nSecond paragraph with target word.\n"
    doc = md(text)
    assert position_of(doc, "target")[:2] == (9, 23)
    author = doc.metadata.first("authors")
    assert author is not None and author.value == "K N Rao"
    assert doc.line_col(author.start) == (3, 9)


def test_markdown_soft_breaks_blockquotes_and_lists():
    text = "> Quoted text that\n> continues here.\n\n- item one\n  continues\n- item two\n"
    doc = md(text)
    quote = find_block(doc, "Quoted")
    assert quote.kind == "blockquote"
    assert quote.text == "Quoted text that continues here."
    assert position_of(doc, "continues here")[:2] == (2, 3)
    item = find_block(doc, "item one")
    assert item.kind == "list-item"
    assert position_of(doc, "item one continues")[:2] == (4, 3)
    s, _ = item.source_span(item.text.index("continues"), len(item.text))
    assert doc.line_col(s) == (5, 3)


def test_markdown_crlf():
    doc = md("# Head\r\n\r\nLine one\r\nline two target\r\n")
    assert position_of(doc, "target")[:2] == (4, 10)


def test_markdown_table_cells():
    doc = md("| Stock | Call |\n|---|---|\n| ABC &amp; Co | Buy at 120 |\n")
    cell = find_block(doc, "Buy at")
    assert cell.kind == "table-cell"
    assert position_of(doc, "Buy at 120")[:2] == (3, 18)
    assert position_of(doc, "ABC & Co")[4] == "ABC &amp; Co"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_cp1252_page_without_declaration(tmp_path):
    page = "<html><body><p>Caf\u00e9 owner\u2019s shares rose \u20ac5.</p></body></html>".encode("cp1252")
    doc = parse_source(read_source(_write(tmp_path, "a.html", page), "a.html", None))
    assert doc.encoding in ("cp1252", "windows-1252")
    block = find_block(doc, "Caf")
    assert block.text == "Caf\u00e9 owner's shares rose \u20ac5."
    assert position_of(doc, "shares")[:2] == (1, 29)


def test_declared_latin1_reads_as_windows_1252(tmp_path):
    page = b'<html><head><meta charset="iso-8859-1"></head><body><p>Quote \x93here\x94 caf\xe9</p></body></html>'
    doc = parse_source(read_source(_write(tmp_path, "b.html", page), "b.html", None))
    assert find_block(doc, "Quote").text == 'Quote "here" caf\u00e9'


def test_shift_jis_page_columns_count_characters(tmp_path):
    page = '<html><head><meta charset="shift_jis"></head><body><p>\u682a\u5f0f\u5e02\u5834 target</p></body></html>'
    data = page.encode("shift_jis")
    doc = parse_source(read_source(_write(tmp_path, "c.html", data), "c.html", None))
    assert doc.encoding == "shift_jis"
    line, col, *_ = position_of(doc, "target")
    assert (line, col) == (1, page.index("target") + 1)


def test_wrong_declared_charset_utf8_wins(tmp_path):
    page = '<html><head><meta charset="shift_jis"></head><body><p>\u20b9100 cr\u00e8me target</p></body></html>'
    doc = parse_source(read_source(_write(tmp_path, "d.html", page.encode("utf-8")), "d.html", None))
    assert doc.encoding == "utf-8"
    assert any("shift_jis" in w for w in doc.warnings)
    assert position_of(doc, "target")[:2] == (1, page.index("target") + 1)


def test_utf16_with_bom(tmp_path):
    page = "<html><body>\n<p>Sixteen bit target</p></body></html>"
    data = b"\xff\xfe" + page.encode("utf-16-le")
    doc = parse_source(read_source(_write(tmp_path, "e.html", data), "e.html", None))
    assert doc.encoding == "utf-16-le"
    assert position_of(doc, "target")[:2] == (2, 16)


def test_utf8_bom_does_not_shift_columns(tmp_path):
    page = "<p>first target</p>"
    doc = parse_source(read_source(_write(tmp_path, "f.html", b"\xef\xbb\xbf" + page.encode()), "f.html", None))
    assert position_of(doc, "target")[:2] == (1, 10)


def test_attribute_values_have_positions():
    page = '<p>x</p>\n<img alt="SEBI &amp; NSE logo" src="/img/sebi-logo.png">'
    doc = html(page)
    image = next(b for b in doc.blocks if b.kind == "image")
    assert image.text == "SEBI & NSE logo"
    s, e = image.source_span(0, len(image.text))
    assert doc.line_col(s) == (2, 11)
    assert doc.source[s:e] == "SEBI &amp; NSE logo"
    assert image.src_span is not None
    assert doc.source[image.src_span[0] : image.src_span[1]] == "/img/sebi-logo.png"
