"""Markdown: a bold-only short paragraph heads what follows, as a bold label line does in HTML."""

from __future__ import annotations

from helpers import lint, parse

ARTICLE = """# Five stocks to watch as the Nifty nears 25,000

Shares of Kaveri Chemicals rose 4% to ₹612 on the NSE. Investors bought stocks of Sunrise Textiles, whose
shares hit a 52-week high. Traders expect the Nifty to test 25,000 and brokerages raised their target price on
both stocks after strong trading volumes in the shares.

**Disclaimer**

The views above are those of individual analysts and not of this website; check with a certified expert.
"""


def test_bold_line_is_a_label_heading_the_next_paragraph():
    doc = parse(ARTICLE)
    label = next(b for b in doc.blocks if b.text == "Disclaimer")
    assert label.is_label
    after = doc.blocks[label.index + 1]
    assert after.section == label.index
    assert doc.section_title(after) == "Disclaimer"


def test_bold_words_inside_a_paragraph_are_not_a_label():
    doc = parse("# T\n\n**Note** that prices rose.\n\n**Sensex** and **Nifty**\n")
    assert [b.is_label for b in doc.blocks] == [False, False, False]


def test_disclaimer_under_a_bold_label_counts():
    assert [f.rule for f in lint(ARTICLE, "disclaimer-missing")] == []
