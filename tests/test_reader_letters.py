"""An advice column's reader's letter (bold, first person, signed or setting out a situation before its
question) heads the expert's answer under it, in Markdown and HTML alike; an FAQ's short question does not."""

from __future__ import annotations

from helpers import parse
from newslint.document.model import reader_letter

COLUMN = """# Money Clinic

Readers write in every week.

**I am 36 and my company covers us for ₹4 lakh. Do I need a separate policy? – Nikhil, Thrissur**

Buy a family floater now.

**Can I buy it online?**

Yes.
"""

HTML = """<html><body><article><h1>Ask the planner</h1>
<p><strong>We just had a child and I earn ₹18 lakh. How much cover do I need?</strong> – Deepa Nair, Kochi</p>
<p>Aim for about ₹2 crore.</p>
<p>Can I change insurers later? Yes, you can port the policy.</p>
<p>Fine print follows.</p>
</article></body></html>"""


def test_reader_letter_heads_its_answer_in_markdown():
    doc = parse(COLUMN)
    letter = next(b for b in doc.blocks if b.text.startswith("I am 36"))
    assert letter.asks and not letter.is_label
    assert doc.blocks[letter.index + 1].section == letter.index
    faq = next(b for b in doc.blocks if b.text == "Can I buy it online?")
    assert faq.is_label and not faq.asks  # a short bold question is a label line, as before


def test_reader_letter_heads_its_answer_in_html():
    doc = parse(HTML, "page.html")
    letter = next(b for b in doc.blocks if b.text.startswith("We just had"))
    assert letter.asks
    answer = next(b for b in doc.blocks if b.text.startswith("Aim for"))
    assert answer.section == letter.index
    plain = next(b for b in doc.blocks if b.text.startswith("Can I change"))
    assert not plain.asks  # not in bold


def test_what_is_not_a_reader_letter():
    assert reader_letter("I am 50. Should I buy a term plan? – Ravi, Pune", 0) is False  # nothing in bold
    assert reader_letter("Can I buy this policy online without a medical test?", 60) is False  # an FAQ: untold
    assert reader_letter("Premiums rose 10%. Will they rise again? – Ravi, Pune", 60) is False  # no first person
    assert reader_letter("Q: I am 62 and retired. Where can I get safe returns?", 0) is True  # marked "Q:"
