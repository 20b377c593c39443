"""Compliant promotions stay clean, their breaches in other words are caught (issues 16 and 17).

The mechanisms: a regulated advertiser's own page needs no "Advertisement" label; a registration number anywhere
on the page answers a claim of registration; a date of the data shown ("as on 31 October") is not the page's
date; an insurer's guaranteed income is not an assured-return claim. And the obligations added here: PMS returns
need a benchmark, a named insurance product its UIN, a guarantee "Conditions apply".
"""

from __future__ import annotations

import pytest

from helpers import lint, parse

BROKER_PAGE = """<html><head><title>Open a demat account | Sahyadri Broking</title></head><body><main>
<h1>Open a free demat account online in 15 minutes</h1>
<p>Buy shares and apply for IPOs from one app. Brokerage ₹0 on delivery.</p>
</main><footer><p>Sahyadri Broking Ltd. - Member NSE and BSE - SEBI Reg No: INZ000245678</p>
<p>Investment in securities market are subject to market risks. Read all the related documents carefully before
investing.</p></footer></body></html>"""


def rules_of(text: str, *rule_ids: str) -> list[str]:
    return sorted(f.rule for f in lint(text, *rule_ids))


def test_a_regulated_advertisers_own_page_needs_no_advertisement_label() -> None:
    assert rules_of(BROKER_PAGE, "promo-unlabelled", "promo-house-unlabelled") == ["promo-house-unlabelled"]
    assert rules_of(BROKER_PAGE, "promo-broker-identity", "disclaimer-market-risk-missing") == []


def test_without_its_registration_number_the_page_is_not_the_advertisers_own() -> None:
    page = BROKER_PAGE.replace("SEBI Reg No: INZ000245678", "Pune")
    assert "promo-unlabelled" in rules_of(page, "promo-unlabelled")


def test_an_unlabelled_promotion_inside_a_news_article_still_needs_its_label() -> None:
    page = """<html><body><article><h1>Sensex ends 300 points higher</h1>
<p>The Sensex rose 0.4% on Tuesday as banks gained, while the rupee was flat against the dollar.</p>
<p>Open a free demat account with Kaveri Stock Brokers today. SEBI Reg. No. INZ000123456.</p>
<p>Foreign investors bought shares worth ₹1,240 crore, provisional data showed.</p></article></body></html>"""
    assert "promo-unlabelled" in rules_of(page, "promo-unlabelled")


@pytest.mark.parametrize(
    "disclosure",
    [
        "## Regulatory information\n\nType of registration: Non-Individual<br>SEBI Regn. No.: INA200015678",
        "---\n\nNilgiri Wealth LLP | SEBI Reg No: INA200015678 | BASL ID 1789",
        "Disclosures: registration number INA200015678.",
    ],
)
def test_a_registration_number_anywhere_on_the_page_answers_the_claim(disclosure: str) -> None:
    page = f"Nilgiri Wealth is a SEBI Registered Investment Adviser charging a flat fee in India.\n\n{disclosure}\n"
    assert rules_of(page, "sebi-registration-number-missing") == []


def test_a_claim_of_registration_with_no_number_anywhere_is_still_reported() -> None:
    page = "Nilgiri Wealth is a SEBI Registered Investment Adviser charging a flat fee in India.\n\nCall us today.\n"
    assert rules_of(page, "sebi-registration-number-missing") == ["sebi-registration-number-missing"]


@pytest.mark.parametrize(
    "line",
    [
        "Performance (as on 31 October 2026)",
        "NAV as of 31 October 2026",
        "Rates effective 1 November 2026",
        "Returns till 31 October 2026",
        # Hindi puts the postposition after the date
        "पिछला प्रदर्शन (31 अक्टूबर 2026 तक)",
        "31 अक्टूबर 2026 की स्थिति के अनुसार रिटर्न",
        "ब्याज दरें 1 नवंबर 2026 से प्रभावी",
    ],
)
def test_the_date_of_the_data_shown_is_not_the_pages_date(line: str) -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2026-11-02T09:00:00+05:30"></head>'
        f"<body><article><h1>Tungabhadra Flexi Cap Fund</h1><h2>{line}</h2><p>Returns table.</p></article></body></html>"
    )
    assert [v.value for v in parse(page).metadata.get("published") if v.source == "visible"] == []
    assert rules_of(page, "meta-date-mismatch") == []


def test_a_date_line_is_still_the_pages_date() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2026-11-02T09:00:00+05:30"></head>'
        "<body><article><h1>Fund news</h1><p>Published: 31 October 2026</p><p>Text.</p></article></body></html>"
    )
    assert rules_of(page, "meta-date-mismatch") == ["meta-date-mismatch"]


def test_a_date_in_a_markdown_table_cell_is_not_the_pages_date() -> None:
    page = "---\ndate: 2026-11-08T10:00:00+05:30\n---\n\n# PMS\n\n| Period (31 Oct 2026) | Return |\n|---|---|\n| 1 year | 13.9% |\n"
    assert rules_of(page, "meta-date-mismatch") == []


INSURER = (
    "Kaveri Life Insurance Co. Ltd., IRDAI Regn. No. 143. Kaveri Income Plan (UIN: 143N089V02), sum assured ₹10 lakh."
)


@pytest.mark.parametrize(
    "promise",
    ["Retire on a guaranteed income for life.", "Get assured income every month for 20 years."],
)
def test_an_insurers_guaranteed_income_is_not_an_assured_return_claim(promise: str) -> None:
    assert rules_of(f"{promise}\n\n{INSURER}\n", "sebi-assured-returns") == []


def test_the_same_promise_from_a_tipster_is_still_an_assured_return_claim() -> None:
    page = (
        f"Retire on a guaranteed income for life with our intraday calls.\n\nJoin our Telegram channel.\n\n{INSURER}\n"
    )
    assert rules_of(page, "sebi-assured-returns") == ["sebi-assured-returns"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Our flagship PMS has grown ₹50 lakh into ₹1.6 crore since 2019.", ["sebi-pms-performance-benchmark-missing"]),
        ("Our PMS compounded at 27% a year for investors in India.", ["sebi-pms-performance-benchmark-missing"]),
        ("Our PMS returned 21.6% a year against 16.7% for the BSE 500 TRI in India.", []),
        ("PMS strategies returned 31% last year, PMS Bazaar data showed, in India.", []),
    ],
)
def test_pms_returns_need_the_benchmark(page: str, expected: list[str]) -> None:
    assert rules_of(page, "sebi-pms-performance-benchmark-missing") == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Buy the Kaveri iSecure Term Plan online from ₹490 a month. IRDAI Regn. No. 143.", ["irdai-uin-missing"]),
        ("Buy the Kaveri iSecure Term Plan online from ₹490 a month. UIN: 143N012V03.", []),
        ("Buy term insurance online from ₹490 a month in India.", []),
    ],
)
def test_a_named_insurance_product_needs_its_uin(page: str, expected: list[str]) -> None:
    assert rules_of(page, "irdai-uin-missing") == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "Buy our income plan: guaranteed monthly income for 20 years, from ₹5,000 a month.",
            ["irdai-conditions-apply-missing"],
        ),
        ("Buy our income plan: guaranteed monthly income for 20 years*, from ₹5,000 a month. *Conditions apply.", []),
        ("Buy our income plan: guaranteed payouts for 20 years (T&C apply), from ₹5,000 a month.", []),
    ],
)
def test_a_guarantee_in_an_insurance_promotion_needs_conditions_apply(page: str, expected: list[str]) -> None:
    assert rules_of(page, "irdai-conditions-apply-missing") == expected


def test_a_firms_own_site_whose_registration_line_names_the_publisher_needs_no_label() -> None:
    page = """<html><head><title>Konark Stock Broking</title>
<script type="application/ld+json">{"@type": "WebPage", "publisher": {"@type": "Organization", "name": "Konark Stock Broking"}}</script>
</head><body><main><h1>Start trading with Konark</h1>
<p>Open a demat and trading account with us in minutes. Free delivery trades, ₹20 for intraday.</p></main>
<footer><p>Konark Stock Broking Pvt. Ltd. | SEBI Registration: INZ000199887 | Bhubaneswar</p></footer></body></html>"""
    assert rules_of(page, "promo-unlabelled") == []
    # the same promotion on a news site that carries the broker's number in the box is still unlabelled
    news = page.replace('"name": "Konark Stock Broking"', '"name": "Deccan Business Daily"')
    assert rules_of(news, "promo-unlabelled") == ["promo-unlabelled"]


@pytest.mark.parametrize(
    "testimonial",
    [
        '"I started a SIP in 2016. Today my daughter\'s college fund is ready," says Sarita, a teacher from Nagpur.',
        "“Made back my SIP's first year in gains.” – Pooja S., Indore",
    ],
)
def test_a_clients_quoted_words_on_a_funds_own_promotion_are_a_testimonial(testimonial: str) -> None:
    page = f"# Kaveri Flexi Cap Fund\n\nStart your SIP in Kaveri Flexi Cap Fund from ₹500 today.\n\n{testimonial}\n"
    assert rules_of(page, "mf-testimonial-or-ranking") == ["mf-testimonial-or-ranking"]
    news = f"# SIP inflows hit a record in India\n\nSIP inflows rose to ₹26,000 crore, AMFI data showed.\n\n{testimonial}\n"
    assert rules_of(news, "mf-testimonial-or-ranking") == []


def test_a_landing_page_whose_structured_author_is_the_firm_itself_is_not_an_article() -> None:
    page = """<html><head><title>Open account | Konark Stock Broking</title>
<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2026-10-10T09:00:00+05:30",
"author": {"@type": "Organization", "name": "Konark Stock Broking"},
"publisher": {"@type": "Organization", "name": "Konark Stock Broking"}}</script>
</head><body><main><h1>Start trading with Konark</h1>
<p>Open a demat and trading account with us in minutes. Free delivery trades, ₹20 for intraday.</p></main>
<footer><p>Konark Stock Broking Pvt. Ltd. | SEBI Registration: INZ000199887 | Bhubaneswar</p></footer></body></html>"""
    assert rules_of(page, "promo-unlabelled") == []
    signed = page.replace('"name": "Konark Stock Broking"}, \n"publisher"', '"name": "Kiran Desai"},\n"publisher"')
    signed = signed.replace(
        '{"@type": "Organization", "name": "Konark Stock Broking"},\n"publisher"',
        '{"@type": "Person", "name": "Kiran Desai"},\n"publisher"',
    )
    assert rules_of(signed, "promo-unlabelled") == ["promo-unlabelled"]


def test_a_signed_article_headed_by_a_call_to_action_is_not_the_firms_landing_page() -> None:
    page = """<html><head><title>Sindhu Cables IPO: apply now | Meru Broking Blog</title>
<meta name="author" content="Anita Desai">
<meta property="article:published_time" content="2026-11-27T08:00:00+05:30"></head><body><article>
<h1>Sindhu Cables IPO: strong grey market, apply now</h1>
<p>The Sindhu Cables IPO opens on 2 December at a price band of ₹210 to ₹221.</p>
<p>Apply for the Sindhu Cables IPO with UPI on the Meru app. Open your free Meru demat account today.</p>
</article><footer><p>Meru Broking Ltd. SEBI Registration No. INZ000276543.</p></footer></body></html>"""
    assert "promo-unlabelled" in rules_of(page, "promo-unlabelled", "promo-house-unlabelled")
    unsigned = page.replace('<meta name="author" content="Anita Desai">\n', "").replace(
        '<meta property="article:published_time" content="2026-11-27T08:00:00+05:30">', ""
    )
    assert rules_of(unsigned, "promo-unlabelled") == []


@pytest.mark.parametrize(
    "testimonial",
    [
        '> "By June I was making ₹40,000 a month from options." — Harshad K., Surat',
        '> "I\'m now clearing ₹2,500 a day on most days." - Ankit, Bhopal',
        '> "My capital has doubled since the course." — Anil R., Nagpur',
    ],
)
def test_a_learners_quoted_earnings_on_the_page_that_sells_the_course_are_its_claim(testimonial: str) -> None:
    page = f"# Options course\n\nLearn Nifty options in 16 live classes.\n\n{testimonial}\n\nCourse fee: ₹18,500.\n"
    assert rules_of(page, "adviser-performance-claim") == ["adviser-performance-claim"]
    news = f"# Course buyers complain\n\nForty buyers of a Nifty options course complained to the police.\n\n{testimonial}\n"
    assert rules_of(news, "adviser-performance-claim") == []


def test_bonds_are_fixed_income_except_on_the_page_that_sells_corporate_bonds_as_guaranteed() -> None:
    claim = "These bonds give you a fixed, guaranteed return every month."
    seller = f"# Bonds\n\nEarn 11% to 13% a year on handpicked corporate bonds in India.\n\n{claim}\n"
    assert rules_of(seller, "sebi-assured-returns") == ["sebi-assured-returns"]
    explainer = f"# Bonds explained\n\nGovernment bonds in India pay a coupon twice a year.\n\n{claim}\n"
    assert rules_of(explainer, "sebi-assured-returns") == []


HINDI_BROKER_PAGE = """---
title: "कावेरी ब्रोकिंग - डीमैट खाता"
author: "कावेरी ब्रोकिंग प्राइवेट लिमिटेड"
date: 2026-11-20
---
# कावेरी ब्रोकिंग में डीमैट खाता खोलें

दस मिनट में ऑनलाइन डीमैट अकाउंट खोलें और एक ही ऐप से शेयर और आईपीओ में निवेश करें।

कावेरी ब्रोकिंग प्राइवेट लिमिटेड, सदस्य एनएसई और बीएसई। SEBI Reg. No. INZ000214365।
"""


def test_a_hindi_firms_own_page_is_its_advertisement_as_a_whole() -> None:
    # the author is the firm its registration line names, in Devanagari: not the writer of an article
    assert rules_of(HINDI_BROKER_PAGE, "promo-unlabelled") == []
    # a person's byline makes it an article, whose promotion needs its label
    signed = HINDI_BROKER_PAGE.replace('कावेरी ब्रोकिंग प्राइवेट लिमिटेड"', 'सुनीता राव"')
    assert "promo-unlabelled" in rules_of(signed, "promo-unlabelled")
    # and another firm's number does not make it the firm's own page
    other = HINDI_BROKER_PAGE.replace("कावेरी ब्रोकिंग प्राइवेट लिमिटेड, सदस्य", "नर्मदा सिक्योरिटीज लिमिटेड, सदस्य")
    assert "promo-unlabelled" in rules_of(other, "promo-unlabelled")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a news channel named by its link alone is the paper's own
        ("ताजा खबरों के लिए [यहां क्लिक करें](https://t.me/arthnews_live)।", ["promo-house-unlabelled"]),
        ("Market ki har khabar ke liye [yahan click karein](https://t.me/arthnews_live).", ["promo-house-unlabelled"]),
        # tips are no news: a calls channel stays an unlabelled promotion
        ("टिप्स और ताजा खबरों के लिए [यहां क्लिक करें](https://t.me/arthnews_live)।", ["promo-unlabelled"]),
    ],
)
def test_a_news_channel_named_by_its_link_is_a_house_promotion(line: str, expected: list[str]) -> None:
    page = f"सेंसेक्स 200 अंक चढ़कर 81,400 पर बंद हुआ और निफ्टी भी बढ़त में रहा।\n\n{line}\n"
    assert rules_of(page, "promo-unlabelled", "promo-house-unlabelled") == expected
