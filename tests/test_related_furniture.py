"""Related-article lists, tag lists, "Also read" lines and reader comments inside the article body are furniture."""

from __future__ import annotations

from helpers import parse
from newslint.parsing.html.parser import parse_html

ARTICLE = (
    "<p>The Sensex rose 300 points on Monday as banks gained after the quarterly results of the large lenders.</p>"
)


def blocks(html: str) -> dict[str, bool]:
    doc = parse_html(
        f"<html><head><link rel=canonical href='https://news.example.in/a/1'></head><body>{html}</body></html>",
        "t.html",
        "utf-8",
    )
    return {b.text: b.body for b in doc.blocks if b.kind != "image"}


def test_related_list_under_a_heading_in_an_unknown_class_is_furniture():
    got = blocks(
        f"<article>{ARTICLE}<div class='relArticles'><h3>Related</h3><ul>"
        "<li><a href='/mf/new-debt-etf-proposed-should-you-invest/articleshow/73837436.cms'>New debt ETF proposed; should you invest?</a></li>"
        "<li><a href='/news/tax-cut-for-cooperatives/articleshow/73837729.cms'>Govt cuts tax on cooperative societies</a></li>"
        f"</ul></div>{ARTICLE.replace('Monday', 'Tuesday')}</article>"
    )
    assert got["Related"] is False
    assert got["New debt ETF proposed; should you invest?"] is False
    assert got["Govt cuts tax on cooperative societies"] is False
    assert all(v for k, v in got.items() if k.startswith("The Sensex"))


def test_a_prose_section_under_a_list_like_heading_stays_article_text():
    got = blocks(
        f"<article>{ARTICLE}<section class='box'><h2>Trending stocks</h2>"
        "<p>Shares of Kaveri Chemicals rose 4% after it reported a record profit, and <a href='/q/kc'>Sunrise</a> fell.</p>"
        f"</section>{ARTICLE}</article>"
    )
    assert got["Trending stocks"] is True
    assert any(k.startswith("Shares of Kaveri") and v for k, v in got.items())


def test_unlabelled_list_of_own_site_headlines_is_furniture_but_a_list_of_names_is_not():
    headlines = blocks(
        f"<article>{ARTICLE}<ul>"
        "<li><a href='https://news.example.in/markets/sensex-falls-500-points-as-it-stocks-drag/123456'>Sensex falls 500 points as IT stocks drag the index</a></li>"
        "<li><a href='/economy/rbi-keeps-repo-rate-unchanged-at-6-5-per-cent'>RBI keeps repo rate unchanged for the eighth time</a></li>"
        "</ul></article>"
    )
    assert headlines["Sensex falls 500 points as IT stocks drag the index"] is False
    names = blocks(
        f"<article>{ARTICLE}<ul>"
        "<li><a href='/blog/2011/09/09/secretary-leon-panetta-remembering-september-11'>Secretary of Defense Leon Panetta</a></li>"
        "<li><a href='/blog/2011/09/09/attorney-general-eric-holder-remembers'>Attorney General Eric Holder</a></li>"
        "</ul></article>"
    )
    assert names["Secretary of Defense Leon Panetta"] is True
    other_site = blocks(
        f"<article>{ARTICLE}<ul>"
        "<li><a href='https://www.sebi.gov.in/enforcement/orders/jun-2024/final-order-in-the-matter-of-xyz_84321.html'>Final order in the matter of XYZ Advisory Services</a></li>"
        "<li><a href='https://www.sebi.gov.in/enforcement/orders/jun-2024/order-in-the-matter-of-abc_84322.html'>Order in the matter of ABC Research and its partners</a></li>"
        "</ul></article>"
    )
    assert other_site["Final order in the matter of XYZ Advisory Services"] is True


def test_also_read_line_inside_a_paragraph_is_cut_out():
    html = (
        "<article><h1>Sensex rises</h1><p>The Sensex rose 300 points on Monday.<br>ALSO READ: "
        "<a href='/markets/five-stocks-to-buy-now/articleshow/123456.cms'>Five stocks to buy now, say analysts</a>"
        "<br>Banks led the gains, with HDFC Bank up 2%.</p><p>Read more: <a href='/x/gold-now'>Should you invest in gold now?</a></p></article>"
    )
    doc = parse_html(html, "t.html", "utf-8")
    got = {b.text: b.body for b in doc.blocks}
    assert got["The Sensex rose 300 points on Monday."] is True
    assert got["ALSO READ: Five stocks to buy now, say analysts"] is False
    assert got["Banks led the gains, with HDFC Bank up 2%."] is True
    assert got["Read more: Should you invest in gold now?"] is False
    # Positions of the pieces stay those of the original file.
    banks = next(b for b in doc.blocks if b.text.startswith("Banks"))
    start, _ = banks.source_span(0, 5)
    assert html[start : start + 5] == "Banks"


def test_reader_comments_are_not_part_of_the_document():
    # Under a comments heading, whatever the class names say.
    got = blocks(
        f"<article>{ARTICLE}{ARTICLE.replace('Monday', 'Friday')}"
        "<section class='wrapX'><h2>10 Comments on this Story</h2><table><tr><td>Dilip 471 days ago</td>"
        "<td>Reliance Retail and Nazara seem to be the best bets.</td></tr></table></section></article>"
    )
    assert "Reliance Retail and Nazara seem to be the best bets." not in got
    assert "10 Comments on this Story" not in got
    assert sum(1 for k in got if k.startswith("The Sensex")) == 2
    # In an element whose class says comments, with no heading.
    html = (
        f"<article><h1>Sensex rises</h1>{ARTICLE}</article><div class='cmnts_wrapper'><div class='cmt_txt'>"
        "Buy Paytm now, target Rs 1,200, sure-shot multibagger!</div></div><p>Copyright 2026</p>"
    )
    doc = parse_html(html, "t.html", "utf-8")
    texts = [b.text for b in doc.blocks]
    assert not any("Paytm" in t for t in texts)
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert doc.blocks[doc.headline].text == "Sensex rises"


def test_a_comments_heading_around_the_whole_article_takes_nothing():
    got = blocks(f"<div><h2>Comments</h2><article>{ARTICLE}{ARTICLE.replace('Monday', 'Friday')}</article></div>")
    assert all(v for k, v in got.items() if k.startswith("The Sensex"))


def test_markdown_related_lists_and_also_read_lines_are_furniture():
    from helpers import parse

    doc = parse(
        "# Gold rises\n\nGold rose ₹600 on Monday.\n\n**Also read:** [Five stocks to buy now](/m/five-stocks-to-buy-now-123)\n\n"
        "Silver gained ₹950.\n\n## Related stories\n\n- [Should you buy gold ETFs now? Top picks](/m/gold-etf-picks-now-1)\n"
        "- [Sensex falls 500 points as IT stocks drag](/m/sensex-falls-500-points-2)\n\nBanks rose after the results.\n"
    )
    got = {b.text: b.body for b in doc.blocks}
    assert got["Also read: Five stocks to buy now"] is False
    assert got["Related stories"] is False
    assert got["Should you buy gold ETFs now? Top picks"] is False
    assert got["Silver gained ₹950."] is True
    assert got["Banks rose after the results."] is True


def test_a_list_heading_over_prose_in_the_flow_takes_nothing():
    from helpers import parse

    doc = parse(
        "# Markets\n\nThe Nifty rose 1% on Monday.\n\n## Trending stocks\n\n"
        "Shares of [Kaveri Chemicals](/q/kc) rose 4% after it reported a record quarterly profit on Monday.\n"
    )
    got = {b.text: b.body for b in doc.blocks}
    assert got["Trending stocks"] is True
    assert got["Shares of Kaveri Chemicals rose 4% after it reported a record quarterly profit on Monday."] is True


WIDGET_PAGE = """<html><head><title>Nifty ends flat</title></head><body>
<article><h1>Nifty ends flat as IT drags</h1>
<div class="story-body">
<p>Indian shares ended little changed on Tuesday as losses in IT stocks offset gains in metals on the NSE.</p>
<div class="inline-widget"><p>Open a free demat account with Kestrel Broking today and trade at zero brokerage.</p></div>
<div class="related-widget"><p>Metal index hits 3-month high on China stimulus hopes today</p></div>
<p>IT stocks fell after a US brokerage cut its outlook for the sector.</p>
</div></article>
<div class="widget sidebar-box"><p>Download the Kestrel app to trade F&amp;O with zero delays.</p></div>
</body></html>"""


def test_a_widget_box_inside_the_article_body_is_part_of_the_article():
    # Like an <aside>: the page's own box between paragraphs (a broker's pitch) is the article's; outside the
    # body, or saying what furniture it is ("related-widget"), it stays furniture.
    doc = parse(WIDGET_PAGE, "html")
    body = {b.text[:20]: b.body for b in doc.blocks if b.kind == "paragraph"}
    assert body["Open a free demat ac"] is True
    assert body["Metal index hits 3-m"] is False
    assert body["Download the Kestrel"] is False
    assert body["IT stocks fell after"] is True
