"""A firm's own product page is told from a report by the firm the page names as itself (``language.own_firm``);
a show's episode page takes its anchor or host as its author (``parsing.html.media_credits``, ``bylines``)."""

from __future__ import annotations

import pytest

import newslint

BYLINE = ["meta-byline-missing", "meta-date-missing"]


def _rules(html: str) -> list[str]:
    return sorted({f.rule for f in newslint.check_text(html, format="html", select=BYLINE, now="2026-12-01")})


def _page(head: str, body: str, footer: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body><main>'
        f"{body}</main><footer>{footer}</footer></body></html>"
    )


_LD = '<script type="application/ld+json">{}</script>'
_PLAN = "<h1>Steady income plan for 15 years</h1><p>Pay premiums for 8 years and get a yearly income.</p>"
_REG = "<p>Kaveri Life Insurance Co. Ltd. | IRDAI Registration No. 171 | Registered office: MG Road, Bengaluru</p>"


@pytest.mark.parametrize(
    "head, footer",
    [
        # the product's brand in its structured data
        (
            _LD.format(
                '{"@type":"Product","name":"Steady income","brand":{"@type":"Organization",'
                '"name":"Kaveri Life Insurance Co. Ltd."}}'
            ),
            _REG,
        ),
        # the firm as the title tag's last part
        ("<title>Steady income plan | Kaveri Life Insurance</title>", _REG),
        # the footer's copyright line
        ("<title>Steady income plan</title>", _REG + "<p>© 2026 Kaveri Life Insurance Co. Ltd.</p>"),
    ],
)
def test_registration_naming_the_page_own_firm_makes_an_own_page(head: str, footer: str) -> None:
    assert _rules(_page(head, _PLAN, footer)) == []


@pytest.mark.parametrize(
    "head, footer",
    [
        # a newsroom's page quoting the insurer's registration line: the newsroom is the page's firm
        (
            _LD.format(
                '{"@type":"WebPage","name":"Insurers cut premiums","publisher":{"@type":"Organization",'
                '"name":"Konkan Business Daily"}}'
            ),
            "<p>© 2026 Konkan Business Daily</p>",
        ),
        ("<title>Insurers cut premiums | Konkan Business Daily</title>", "<p>© 2026 Konkan Business Daily</p>"),
        # an article's structured data names no product's firm, whatever its publisher
        (
            _LD.format(
                '{"@type":"NewsArticle","headline":"Insurers cut premiums","brand":{"@type":"Organization",'
                '"name":"Kaveri Life Insurance Co. Ltd."}}'
            ),
            "",
        ),
        # a headline naming no firm, and nothing else naming the page's own
        ("", ""),
    ],
)
def test_unsigned_report_quoting_a_registration_line_is_still_an_article(head: str, footer: str) -> None:
    body = "<h1>Insurers cut term premiums</h1><p>Three insurers cut premiums this week.</p>" + _REG
    assert _rules(_page(head, body, footer)) == BYLINE


def test_statutory_masthead_with_corporate_identity_number() -> None:
    body = (
        "<h1>KRISHNA PULP &amp; BOARD LIMITED</h1>"
        "<p>Corporate Identity Number: U21012GJ2003PLC041234. Registered office: Vapi, Gujarat.</p>"
        "<p>Initial public offer of equity shares; price band ₹148 to ₹156.</p>"
    )
    assert _rules(_page("<title>Krishna Pulp &amp; Board Limited - Price band</title>", body)) == []
    news = _page("<title>IPO news | Gujarat Market Wire</title>", body.replace("<h1>KRISHNA", "<h1>News: KRISHNA"))
    assert "meta-byline-missing" in _rules(news)


@pytest.mark.parametrize(
    "credit",
    ["Anchor: Kavita Menon | Telecast: 28 November 2026", "Hosted by Kavita Menon", "एंकर: कविता मेनन"],
)
def test_show_anchor_is_the_byline(credit: str) -> None:
    body = f"<h1>Closing Bell: what a weaker rupee means</h1><p>{credit}</p><p>Two economists on the rupee.</p>"
    assert "meta-byline-missing" not in _rules(_page("", body))


def test_video_author_is_no_byline_of_a_news_article() -> None:
    head = _LD.format('{"@type":"NewsArticle","headline":"Rupee falls"}') + _LD.format(
        '{"@type":"VideoObject","name":"Closing Bell","author":{"@type":"Person","name":"Farhan Qureshi"}}'
    )
    assert "meta-byline-missing" in _rules(_page(head, "<h1>Rupee falls</h1><p>The rupee fell on Thursday.</p>"))
    episode = _LD.format(
        '{"@type":"TVEpisode","name":"Closing Bell","author":{"@type":"Person","name":"Farhan Qureshi"}}'
    )
    assert "meta-byline-missing" not in _rules(_page(episode, "<h1>Closing Bell</h1><p>On the rupee.</p>"))
