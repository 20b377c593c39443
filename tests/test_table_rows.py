"""A table row of short cells is one unit of sense: a call spread over "Buy X | CMP 612 | TGT 660" reads as one
sentence for the rules' context, while a row with a long cell stays cell by cell."""

from __future__ import annotations

from helpers import lint

HEAD = (
    '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "A B"},'
    ' "datePublished": "2026-11-21T08:00:00+05:30"}</script></head><body><article><h1>Trades for the week</h1>'
    "<p>Three trades on the NSE.</p><table>"
)
TAIL = "</table><p>Trade small.</p></article></body></html>"


def _calls(row: str) -> list[str]:
    return [f.rule for f in lint(HEAD + row + TAIL, "sebi-recommendation-disclosure", fmt="html")]


def test_a_call_split_over_a_rows_short_cells_is_a_call():
    assert _calls("<tr><td>Buy Godavari Paper</td><td>CMP 212</td><td>TGT 236</td></tr>") == [
        "sebi-recommendation-disclosure"
    ]


def test_a_long_cell_keeps_the_row_apart():
    long = "Buy Godavari Paper, whose paper mills in Andhra Pradesh run at full capacity this year"
    assert _calls(f"<tr><td>{long}</td><td>CMP 212</td><td>TGT 236</td></tr>") == []


def test_a_data_row_is_no_call():
    assert _calls("<tr><td>FIIs</td><td>Sold</td><td>₹1,240 crore</td></tr>") == []
