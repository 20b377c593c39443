"""Bylines as pages write them (names apart from roles, desks, the publisher and "By") and the visible
publication date only where articles put it."""

from __future__ import annotations

import pytest

from helpers import lint, parse
from newslint.parsing.html.bylines import clean_author_text


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Asha Menon, Senior Correspondent, Markets, Banking and Insurance Desk", ["Asha Menon"]),
        ("By Asha Menon, Senior Correspondent, Markets, Banking and Insurance Desk", ["Asha Menon"]),
        ("Priya Rao (Markets Editor)", ["Priya Rao"]),
        ("By Ravi Kumar, Asha Menon and Meera Iyer | Updated: May 5, 2025", ["Ravi Kumar", "Asha Menon", "Meera Iyer"]),
        ("Written by Farida Shaikh, ET Bureau", ["Farida Shaikh"]),
        ("By Ravi Kumar and Asha Menon, ET Bureau", ["Ravi Kumar", "Asha Menon"]),
        ("By K. N. Mishra & Ravi Kumar", ["K. N. Mishra", "Ravi Kumar"]),
        ("By Asha Menon, Mumbai", ["Asha Menon"]),
        ("By Priya Rao Updated: 5 May 2025, 10:30 IST", ["Priya Rao"]),
        ("By John de Souza, Mar 3, 2024", ["John de Souza"]),
        ("By Shoba S, Sr. Editor", ["Shoba S"]),
        ("अनिल शर्मा", ["अनिल शर्मा"]),
        ("Express News Service", ["Express News Service"]),
        ("By PTI", ["PTI"]),
    ],
)
def test_names_are_separated_from_roles_desks_places_and_dates(byline, names):
    assert clean_author_text(byline) == names


def test_a_byline_element_with_a_title_and_a_department_is_one_author():
    page = (
        "<html><body><article><h1>Banks lead Nifty higher</h1>"
        '<div class="byline">Asha Menon, Senior Correspondent, Markets, Banking and Insurance Desk</div>'
        "<p>Banks led the Nifty higher on Monday.</p></article></body></html>"
    )
    doc = parse(page)
    authors = doc.metadata.get("authors")
    assert [a.value for a in authors] == ["Asha Menon"]
    assert page[authors[0].start : authors[0].end] == "Asha Menon"


def test_the_publisher_named_beside_the_authors_is_not_an_author():
    page = (
        '<html><head><meta property="og:site_name" content="Market Pulse"></head><body><article>'
        "<h1>Banks lead Nifty higher</h1><p>By Ravi Kumar and Market Pulse</p>"
        "<p>Banks led the Nifty higher on Monday.</p></article></body></html>"
    )
    assert [a.value for a in parse(page).metadata.get("authors")] == ["Ravi Kumar"]


@pytest.mark.parametrize(
    "name",
    [
        "Priya Rao (Markets Editor)",
        "Priya Rao, Markets Editor",
        "Asha Menon, Banking Correspondent",
        "Asha Menon, Senior Correspondent, Markets, Banking and Insurance Desk",
    ],
)
def test_job_titles_in_parentheses_or_after_a_comma_are_flagged(name):
    script = f'{{"@type": "NewsArticle", "headline": "T", "author": {{"@type": "Person", "name": "{name}"}}}}'
    page = f'<html><head><script type="application/ld+json">{script}</script></head><body><h1>T</h1></body></html>'
    assert [f.rule for f in lint(page, "meta-byline-format")] == ["meta-byline-format"]


@pytest.mark.parametrize("name", ["Priya Rao", "K. N. Mishra", "Ravi Kumar-Menon", "John de Souza"])
def test_plain_names_are_not_flagged(name):
    page = f'<html><head><meta name="author" content="{name}"></head><body><h1>T</h1></body></html>'
    assert lint(page, "meta-byline-format") == []


STRUCTURED = '<meta property="article:published_time" content="2024-03-05T09:30:00+05:30">'


def _article(*paragraphs: str, head: str = STRUCTURED) -> str:
    body = "".join(paragraphs)
    return f"<html><head>{head}</head><body><article><h1>Nifty ends higher</h1>{body}</article></body></html>"


def _visible(page: str) -> list[str]:
    return [v.value for v in parse(page).metadata.get("published") if v.source == "visible"]


def test_a_date_in_running_text_is_not_the_publication_date():
    page = _article("<p>By Priya Rao</p>", "<p>Figures released on 2 March 2024 showed exports rose 4%.</p>")
    assert _visible(page) == []
    assert lint(page, "meta-date-mismatch") == []


def test_a_date_in_a_table_is_not_the_publication_date():
    page = _article(
        "<p>By Priya Rao</p>",
        "<table><tr><th>1 March 2024</th><th>4 March 2024</th></tr><tr><td>22,100</td><td>22,400</td></tr></table>",
        "<p>The Nifty rose.</p>",
    )
    assert _visible(page) == []
    assert lint(page, "meta-date-mismatch") == []


@pytest.mark.parametrize(
    "line",
    [
        "<p>Published: 7 March 2024</p>",
        "<p>By Priya Rao | March 7, 2024, 10:05 AM IST</p>",
        "<p>Mumbai | Thursday, 7 March 2024</p>",
        '<div class="story-date">Thu 7 Mar 2024, a look at the week ahead for Dalal Street</div>',
        "<p>07 Mar 2024</p>",
    ],
)
def test_the_visible_date_where_articles_put_it_is_compared(line):
    page = _article(line, "<p>The Nifty ended higher on Thursday as banks gained ground.</p>")
    assert len(_visible(page)) == 1
    assert [f.rule for f in lint(page, "meta-date-mismatch")] == ["meta-date-mismatch"]


def test_a_date_line_above_the_headline_is_found():
    page = (
        f"<html><head>{STRUCTURED}</head><body><article><p>March 7, 2024</p><h1>Nifty ends higher</h1>"
        "<p>The Nifty ended higher.</p></article></body></html>"
    )
    assert _visible(page) == ["March 7, 2024"]


def test_markdown_running_text_date_is_not_the_publication_date():
    text = (
        "---\ntitle: Nifty ends higher\ndate: 2024-03-05T09:30:00+05:30\n---\n# Nifty ends higher\n\n"
        "By Priya Rao\n\nData released on 2 March 2024 showed exports up.\n\nThe Nifty rose.\n"
    )
    assert lint(text, "meta-date-mismatch") == []
    dated = text.replace("By Priya Rao\n", "By Priya Rao\n\n2 March 2024\n")
    assert [f.rule for f in lint(dated, "meta-date-mismatch")] == ["meta-date-mismatch"]


# -- shapes found on real pages ------------------------------------------------------------------


def _authors(page: str) -> list[tuple[str, str]]:
    return [(v.value, v.source) for v in parse(page).metadata.get("authors")]


def test_a_structured_list_of_people_is_split_with_positions():
    page = '<html><head><meta name="author" content="Howard Schneider, Lindsay Dunsmuir"></head><body><h1>T</h1></body></html>'
    doc = parse(page)
    values = doc.metadata.get("authors")
    assert [v.value for v in values] == ["Howard Schneider", "Lindsay Dunsmuir"]
    assert [page[v.start : v.end] for v in values] == ["Howard Schneider", "Lindsay Dunsmuir"]
    # Not a list of people: kept whole, for meta-byline-format to judge.
    for kept in ("By Marc Santora, Al Baker and Adam Goldman", "Priya Rao, Senior Editor", "John Pullen, TIME"):
        page = f'<html><head><meta name="author" content="{kept}"></head><body><h1>T</h1></body></html>'
        assert [v.value for v in parse(page).metadata.get("authors")] == [kept]


def test_a_date_in_an_author_field_is_not_an_author():
    page = (
        '<html><body><article><h1>Enough platitudes</h1><span itemprop="author" content="2018-10-29T10:15-500"></span>'
        '<p class="byline">By Jennifer Rubin</p><p>Text of the column.</p></article></body></html>'
    )
    assert [name for name, _ in _authors(page)][:1] == ["Jennifer Rubin"]


def test_lone_words_from_other_byline_elements_beside_a_full_name_are_dropped():
    page = (
        '<html><body><article><h1>Jury finds him guilty</h1><p class="byline">Rebecca Hersher</p>'
        '<p class="byline">Twitter</p><p>The jury deliberated for two hours.</p></article></body></html>'
    )
    assert _authors(page) == [("Rebecca Hersher", "byline")]


def test_the_publisher_as_author_comes_after_the_people_of_the_byline():
    page = (
        '<html><head><meta name="author" content="Market Pulse"><meta property="og:site_name" content="Market Pulse">'
        '</head><body><article><h1>Banks lead</h1><p class="byline">By Ravi Kumar</p><p>Banks led.</p></article></body></html>'
    )
    assert _authors(page)[0] == ("Ravi Kumar", "byline")


def test_a_specific_publication_tag_comes_before_a_generic_date_tag():
    page = (
        '<html><head><meta name="sailthru.date" content="2016-12-15T13:50:38Z">'
        '<meta name="og:article:published_time" content="2016-12-14T06:02:15Z"></head><body><h1>T</h1></body></html>'
    )
    assert parse(page).metadata.first("published").value == "2016-12-14T06:02:15Z"


def test_a_byline_in_a_header_marked_as_furniture_is_read():
    page = (
        '<html><body><article><h1>Standing Rock protesters hold out</h1><div class="share-tools">'
        '<p><a rel="author" href="/profile/a">Julia Carrie Wong</a> and <a rel="author" href="/profile/b">Sam Levin</a></p>'
        "</div><p>Police violence against protesters has risen, witnesses said on Tuesday.</p>"
        "<p>More text of the article follows here.</p></article></body></html>"
    )
    assert [name for name, _ in _authors(page)] == ["Julia Carrie Wong", "Sam Levin"]


def test_front_matter_people_are_split_at_their_places():
    text = '---\ntitle: T\nauthor: "Ravi Kumar, Asha Menon and Meera Iyer"\n---\n# T\n\nText.\n'
    values = parse(text).metadata.get("authors")
    assert [(v.value, text[v.start : v.end]) for v in values] == [
        ("Ravi Kumar", "Ravi Kumar"),
        ("Asha Menon", "Asha Menon"),
        ("Meera Iyer", "Meera Iyer"),
    ]
    kept = '---\ntitle: T\nauthor: "CA Ravi Menon, SEBI Registered Research Analyst"\n---\n# T\n\nText.\n'
    assert [v.value for v in parse(kept).metadata.get("authors")] == ["CA Ravi Menon, SEBI Registered Research Analyst"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("[田中宏昌，ITmedia]", ["田中宏昌", "ITmedia"]),
        ("Michael Larabel in Valve on 1 June 2019 at 10:05", ["Michael Larabel"]),
        ("Lena deCasparis", ["Lena deCasparis"]),
        ("ZDNet Japan Staff 2019年04月28日 08時00分", ["ZDNet Japan Staff"]),
        ("Staff Writer", []),
        ("By", []),
    ],
)
def test_bylines_of_real_pages(byline, names):
    assert clean_author_text(byline) == names


def test_a_paragraph_of_a_post_marked_publish_is_not_a_date_line():
    # WordPress marks the whole post "status-publish": its paragraphs are running text, not date lines.
    page = _article(
        '<div class="post status-publish hentry"><p>By Paul Ausick</p>'
        "<p>December 28, 2014: Here are four stocks among the 66 equities making new 52-week lows today, as "
        "volumes stay low.</p></div>"
    )
    assert _visible(page) == []


def test_a_date_in_a_list_marked_as_the_post_meta_is_read():
    page = _article('<ul class="post-meta"><li>Priya Rao</li><li>2024/03/07</li></ul>', "<p>The Nifty rose.</p>")
    assert _visible(page) == ["2024/03/07"]
    other = _article('<ul class="related"><li>2024/03/07</li></ul>', "<p>The Nifty rose.</p>")
    assert _visible(other) == []


def test_a_line_of_capitalised_names_around_a_date_is_a_date_line():
    page = _article("<p>Medical Daily 9/21/2016 Lizette Borreli</p>", "<p>The study was published on Tuesday.</p>")
    assert _visible(page) == ["9/21/2016"]


def test_a_later_second_date_on_a_date_line_is_the_modification():
    page = _article(
        "<p>December 6, 2016 - 6:22 PM EST December 7, 2016 - 1:55 PM EST</p>",
        "<p>Stocks rose.</p>",
        head='<meta property="article:published_time" content="2016-12-06T23:22:22Z">',
    )
    doc = parse(page)
    assert [v.value for v in doc.metadata.get("modified")] == ["December 7, 2016 - 1:55 PM EST"]
    assert lint(page, "meta-date-mismatch") == []


def test_a_desk_credit_as_structured_author_comes_after_the_byline_people():
    page = (
        '<html><head><meta name="author" content="Us Weekly Staff"></head><body><article><h1>Gaga shares photo</h1>'
        '<p class="byline">By Megan French</p><p>The singer shared a photo.</p></article></body></html>'
    )
    assert _authors(page)[0] == ("Megan French", "byline")


def test_an_updated_line_alone_gives_the_publication_date():
    # Times of India prints only "Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST".
    page = _article("<p>Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST</p>", "<p>Text.</p>", head="")
    doc = parse(page)
    published = doc.metadata.first("published")
    assert published.value == "Oct 9, 2019, 11:05 IST" and published.parsed.isoformat() == "2019-10-09T11:05:00+05:30"
    assert lint(page, "meta-date-missing") == []
    text = "# Nifty ends higher\n\nBy Priya Rao\n\nUpdated: 9 October 2019, 11:05 IST\n\nThe Nifty rose.\n"
    assert lint(text, "meta-date-missing") == []
    # With a publication date, "Updated" stays the modification date only.
    both = _article("<p>Published: 8 Oct 2019 | Updated: Oct 9, 2019, 11:05 IST</p>", "<p>Text.</p>", head="")
    assert [v.value for v in parse(both).metadata.get("published")] == ["8 Oct 2019"]


def test_a_capitalised_and_between_two_people_splits_them():
    script = '{"@type": "NewsArticle", "headline": "T", "author": {"@type": "Person", "name": "Manish Anand And Amit Agnihotri"}}'
    page = f'<html><head><script type="application/ld+json">{script}</script></head><body><h1>T</h1></body></html>'
    assert [name for name, _ in _authors(page)] == ["Manish Anand", "Amit Agnihotri"]


def test_the_copied_publication_date_is_not_judged_twice():
    text = "# Nifty ends higher\n\nBy Priya Rao\n\nUpdated: 05/06/2099\n\nThe Nifty rose.\n"
    assert [f.rule for f in lint(text, "meta-date-format")] == ["meta-date-format"]
    assert [f.rule for f in lint(text, "meta-date-future")] == ["meta-date-future"]


def test_the_display_byline_meta_tag_gives_the_names_after_its_by():
    """``<meta name="byl" content="By ...">`` holds the byline as shown: the "By" is no part of the name and no
    format problem of the page's."""
    page = (
        '<html><head><meta name="byl" content="By Ravi Kumar and Anita Rao">'
        '<meta property="article:published_time" content="2026-11-26T10:40:00+05:30"></head>'
        "<body><article><h1>Sensex rises as banks gain</h1><p>The Sensex rose 0.5% on Monday.</p>"
        "</article></body></html>"
    )
    authors = parse(page).metadata.get("authors")
    assert [a.value for a in authors] == ["Ravi Kumar", "Anita Rao"]
    assert page[authors[0].start : authors[0].end] == "Ravi Kumar"
    assert not lint(page, "meta-byline-format", fmt="html")


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Priya Nair | Updated: Nov 29, 2026, 10:42 IST", ["Priya Nair"]),
        ("Arjun Dev • Published 29 November 2026", ["Arjun Dev"]),
        ("Author: Priya Nair", ["Priya Nair"]),
        ("Reporter - Ravi Kumar, Mumbai", ["Ravi Kumar"]),
        ("Stock Market | Updated: Nov 29, 2026", []),  # a section's label before the date line
        ("Personal Finance | Published: 29 Nov 2026", []),
    ],
)
def test_a_name_before_the_date_line_and_an_author_label_are_bylines(byline, names):
    assert clean_author_text(byline) == names


@pytest.mark.parametrize(
    "meta",
    [
        '<p class="meta">Priya Nair | Updated: Nov 29, 2026, 10:42 IST</p>',
        '<ul class="post-meta"><li>Author: Priya Nair</li><li>Date: 2026-11-29</li></ul>',
    ],
)
def test_an_unlabelled_byline_on_the_date_line_is_read(meta):
    page = _article(meta, "<p>Shares of Tata Motors rose 3% on Friday after results.</p>", head="")
    assert [name for name, _ in _authors(page)] == ["Priya Nair"]
    assert lint(page, "meta-byline-missing") == []
    # Without the name, the same page still lacks a byline.
    bare = _article("<p>Updated: Nov 29, 2026, 10:42 IST</p>", "<p>Shares rose 3% on Friday.</p>", head="")
    assert [f.rule for f in lint(bare, "meta-byline-missing")] == ["meta-byline-missing"]


@pytest.mark.parametrize(
    ("author", "flagged"),
    [
        ("Konkan Times Brand Studio", False),  # the paper's branded-content unit, as it credits sponsored stories
        ("Konkan Times Spotlight", False),
        ("Konkan Times News Desk", False),
        ("Priya Rao Konkan Times", True),  # a person with the publisher appended
    ],
)
def test_the_papers_own_content_units_are_credits_not_a_name_with_the_publisher(author, flagged):
    script = (
        '{"@type": "NewsArticle", "headline": "T", "author": {"@type": "Person", "name": "' + author + '"},'
        ' "publisher": {"@type": "Organization", "name": "Konkan Times"}, "datePublished": "2026-11-24T09:00:00+05:30"}'
    )
    page = f'<html><head><script type="application/ld+json">{script}</script></head><body><h1>T</h1><p>Text.</p></body></html>'
    assert bool(lint(page, "meta-byline-format", fmt="html")) is flagged
