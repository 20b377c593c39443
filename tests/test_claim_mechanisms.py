"""The mechanisms the claim rules share: scoped negation, inflected terms, house promotions, the Hindi
sentence splitter and exact positions in Devanagari text."""

from __future__ import annotations

from datetime import date

import pytest
import regex

from helpers import lint, parse
from newslint.document.sentences import split_sentences
from newslint.language.context import Context
from newslint.language.negation import clause, negated
from newslint.language.patterns import Pattern, terms_to_regex
from newslint.language.publisher import house_promotion

# -- negation and hedging, scoped to the claim's clause -------------------------------------------------


def is_negated(text: str, claim: str) -> bool:
    at = text.index(claim)
    return negated(text, at, at + len(claim))


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("There are no assured returns in equity investing.", "assured returns"),
        ("Equity funds do not offer guaranteed returns.", "guaranteed returns"),
        ("Never trust anyone promising sure-shot profits.", "sure-shot profits"),
        ("Beware of advisers selling assured returns.", "assured returns"),
        ("Guaranteed returns are a myth in the stock market.", "Guaranteed returns"),
        ("शेयर बाजार में गारंटीड रिटर्न नहीं मिलता।", "गारंटीड रिटर्न"),
        ("Share market mein guaranteed returns nahi milte.", "guaranteed returns"),
        # "no one can" / "no such thing as" deny their whole clause, however far the claim stands.
        ("No one can give 95% accuracy on Bank Nifty intraday calls.", "intraday calls"),
        ("There is no such thing as a safe and steady source of risk-free trading profits.", "risk-free trading"),
        # the speaker denies it too, or goes on to something else
        ("No adviser can offer you guaranteed returns, and we do not either.", "guaranteed returns"),
        ("No one can promise assured returns, but I can show you how to size a position.", "assured returns"),
    ],
)
def test_denials_and_warnings_negate_the_claim(text: str, claim: str) -> None:
    assert is_negated(text, claim)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # "No." of a registration number is an abbreviation, not a denial.
        ("SEBI Reg. No. INA000012345, SEBI approved advisory for your portfolio.", "SEBI approved"),
        ("Reg. No.: INH000001234 - guaranteed returns on every call.", "guaranteed returns"),
        ("India's No. 1 advisory with assured returns.", "assured returns"),
        # "not only/just ... but also" adds, it does not deny.
        ("Not just assured returns, you also get free intraday calls.", "assured returns"),
        ("Not only guaranteed profits but also a free demat account.", "guaranteed profits"),
        ("No doubt our calls give assured returns.", "assured returns"),
        # A negation in another clause does not reach the claim.
        ("Our fund gives guaranteed returns, unlike shares, which carry no guarantee.", "guaranteed returns"),
        ("Bank deposits carry no risk, but our calls give assured returns.", "assured returns"),
        # Too far before the claim to govern it, and a tease, not a denial.
        ("No one will tell you this secret about the markets and our amazing assured returns.", "assured returns"),
        ("No doubt about it: in this market our new premium plan gives assured returns.", "assured returns"),
        # The others denied, the speaker set against them: the claim is the speaker's own.
        ("Other apps cannot offer you the kind of guaranteed returns we do.", "guaranteed returns"),
        ("No one else gives you assured returns of 2% a week like we do.", "assured returns"),
        ("Other channels cannot give you guaranteed returns, but we can.", "guaranteed returns"),
        ("कोई दूसरा चैनल हर महीने पक्का मुनाफा नहीं देता, जो हम देते हैं।", "पक्का मुनाफा"),
        ("Koi aur group pakka profit nahi deta jo hum dete hain.", "pakka profit"),
    ],
)
def test_abbreviations_additions_and_other_clauses_do_not_negate(text: str, claim: str) -> None:
    assert not is_negated(text, claim)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Ask the expert: Where can I get safe, guaranteed returns at 62?", "guaranteed returns"),
        ("Is there any scheme that gives assured returns of 12% a year?", "assured returns"),
        ("Can you really double your money in a year with options?", "double your money"),
        ("How do finfluencers convince people of sure-shot profits?", "sure-shot profits"),
    ],
)
def test_a_question_that_asks_is_not_a_claim(text: str, claim: str) -> None:
    assert is_negated(text, claim)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A hook addressed to the reader pitches: it is still the page's claim.
        ("Want guaranteed returns? Join our premium group today.", "guaranteed returns"),
        ("Looking for assured returns of 3% a month?", "assured returns"),
        ("Why settle for 6% when our calls give guaranteed returns of 2% a month?", "guaranteed returns"),
        # The question is another sentence's.
        ("Our plan gives assured returns. What are you waiting for?", "assured returns"),
    ],
)
def test_a_question_that_pitches_is_still_a_claim(text: str, claim: str) -> None:
    assert not is_negated(text, claim)


def test_a_readers_question_marked_q_is_not_the_pages_claim() -> None:
    page = (
        "# Ask the expert\n\n"
        "Q: I am 62 and retired. I want guaranteed returns on ₹20 lakh with no risk on the NSE. What should I do?\n\n"
        "A: The Senior Citizens Savings Scheme pays 8.2% a year and is backed by the government of India.\n"
    )
    assert not [f for f in lint(page, "sebi-assured-returns")]
    pitch = "# Our plans\n\nWe give guaranteed returns of 2% a month on the NSE.\n"
    assert [f.rule for f in lint(pitch, "sebi-assured-returns")] == ["sebi-assured-returns"]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A negation heading a coordinated list governs every item of it.
        ("We do not offer free trials, guaranteed returns or profit-sharing plans.", "guaranteed returns"),
        ("We do not offer free trials, guaranteed returns or profit-sharing plans.", "profit-sharing plans"),
        ("Our analysts never sell tips, jackpot calls, or assured returns.", "assured returns"),
        ("We charge no upfront fees, sure-shot calls nor assured returns.", "sure-shot calls"),
        ("There are no lock-ins, guaranteed returns or hidden fees.", "guaranteed returns"),
        ("No lock-in, guaranteed returns or hidden fees.", "guaranteed returns"),
        # ... and one ending it.
        ("Free trials, assured returns or referral bonuses are not offered here.", "assured returns"),
        ("हम फ्री ट्रायल, गारंटीड रिटर्न या मुनाफे में हिस्सेदारी नहीं देते।", "गारंटीड रिटर्न"),
        ("हम गारंटीड रिटर्न, फ्री ट्रायल और रेफ़रल बोनस नहीं देते।", "गारंटीड रिटर्न"),
        ("Hum free trial, pakka munafa ya profit sharing nahi dete.", "pakka munafa"),
        ("Hum pakka munafa, free trial aur cashback nahi dete.", "pakka munafa"),
        # "न ... न": each item carries its own negation.
        ("हम न फ्री ट्रायल देते हैं, न गारंटीड रिटर्न।", "गारंटीड रिटर्न"),
        ("Hum na free trial dete hain, na guaranteed returns.", "guaranteed returns"),
    ],
)
def test_a_negation_governs_every_item_of_its_list(text: str, claim: str) -> None:
    assert is_negated(text, claim)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A comma that starts a new clause (a subject, an auxiliary, a verb of its own) ends the negation.
        ("We do not charge joining fees, guaranteed returns are what we sell.", "guaranteed returns"),
        ("Not just low fees, you also get assured returns and daily tips.", "assured returns"),
        ("We offer assured returns, tips or calls that are not available elsewhere.", "assured returns"),
        # No conjunction: a run of features, not a coordinated list.
        ("We charge no fees, assured returns, zero paperwork.", "assured returns"),
        # A feature list joined by "and" whose first or last item alone is denied.
        ("No lock-in, guaranteed returns and zero fees.", "guaranteed returns"),
        ("Na koi lock-in, pakka munafa aur bonus bhi.", "pakka munafa"),
        ("न कोई लॉक-इन, गारंटीड रिटर्न और बोनस भी।", "गारंटीड रिटर्न"),
        ("फ्री ट्रायल, गारंटीड रिटर्न और कोई छिपा चार्ज नहीं।", "गारंटीड रिटर्न"),
        ("फ्री ट्रायल, गारंटीड रिटर्न और घाटे का डर नहीं।", "गारंटीड रिटर्न"),
        ("Free trial, pakka munafa aur tension nahi.", "pakka munafa"),
        ("मुफ्त ट्रायल, गारंटीड रिटर्न हैं और हमारे ग्राहकों को कभी घाटा नहीं हुआ।", "गारंटीड रिटर्न"),
    ],
)
def test_a_new_clause_or_a_feature_list_is_not_a_negated_list(text: str, claim: str) -> None:
    assert not is_negated(text, claim)


def test_clause_stops_at_punctuation_and_contrast() -> None:
    text = "Shares carry no guarantee, but our calls are guaranteed."
    at = text.index("guaranteed")
    lo, hi = clause(text, at, at + len("guaranteed"))
    assert text[lo:hi].strip() == "our calls are guaranteed."


# -- inflected terms --------------------------------------------------------------------------------------


def matches(term: str, text: str) -> list[str]:
    return [m.group() for m in regex.finditer(terms_to_regex(term), text, regex.IGNORECASE)]


def test_terms_match_every_inflection_of_the_last_word() -> None:
    text = "He promises, promised and is promising; a promise is made."
    assert matches("promise", text) == ["promises", "promised", "promising", "promise"]
    assert matches("research analyst", "Our research analysts and one research analyst.") == [
        "research analysts",
        "research analyst",
    ]
    assert matches("office", "offices and an office") == ["offices", "office"]


def test_terms_keep_word_boundaries_hyphens_and_abbreviations() -> None:
    assert matches("analyst", "psychoanalysts and analysts") == ["analysts"]
    assert matches("assured return", "assured-returns and assured   return") == ["assured-returns", "assured   return"]
    # An abbreviation in capitals is matched as written, not inflected.
    assert matches("PMS", "PMS and PMSs") == ["PMS"]


def test_terms_do_not_add_misspellings() -> None:
    assert matches("guaranteed", "guarenteed and garanteed returns") == []


def test_a_terms_pattern_compiles_with_a_prefilter() -> None:
    pattern = Pattern("registered adviser", "terms", False)
    assert pattern.compile().search("two SEBI registered advisers said") is not None
    assert pattern.literal_sets  # the literal prefilter is derived for terms as for words


# -- house promotions -------------------------------------------------------------------------------------

HOUSE_PAGE = """<html><head><meta property="og:site_name" content="Kaveri Times">
<link rel="canonical" href="https://www.kaveritimes.in/markets/story.html"></head>
<body><article><h1>Sensex ends higher</h1>
<p>The Sensex rose 320 points to 81,540 on Tuesday as banks gained.</p>
<p>{promo}</p></article></body></html>"""


def house(promo: str) -> bool:
    doc = parse(HOUSE_PAGE.format(promo=promo), "html")
    ctx = Context(doc, date(2026, 1, 1), {}, 2.0)
    block = next(b for b in doc.blocks if b.text.startswith(promo[:12]))
    return house_promotion(ctx, block)


@pytest.mark.parametrize(
    "promo",
    [
        "Download the Kaveri Times app for live market news.",
        "Join the KaveriTimes Telegram channel for breaking news alerts.",
        'Register for the summit: <a href="https://www.kaveritimes.in/summit">click here to join</a>.',
        "Subscribe to our newsletter for the morning's top stories.",
    ],
)
def test_the_publishers_own_news_products_are_house_promotions(promo: str) -> None:
    assert house(promo)


@pytest.mark.parametrize(
    "promo",
    [
        "Download the Kaveri Times app for intraday tips and F&O calls.",
        "Open a free demat account with Kaveri Times Broking.",
        "Join our Telegram channel for sure-shot calls.",
        'Get the app: <a href="https://play.google.com/store/apps/details?id=in.example.broker">download</a>.',
    ],
)
def test_investment_services_are_never_house_promotions(promo: str) -> None:
    assert not house(promo)


@pytest.mark.parametrize(
    ("promo", "rule", "severity"),
    [
        ("Download the Kaveri Times app for live market news.", "promo-house-unlabelled", "info"),
        ("Join the KaveriTimes Telegram channel for breaking news alerts.", "promo-house-unlabelled", "info"),
        ("Download the Kaveri Times app for intraday tips and F&O calls.", "promo-unlabelled", "error"),
        ("Open a free demat account with Kaveri Times Broking.", "promo-unlabelled", "error"),
        ("Join the Kaveri Calls Telegram channel for daily Bank Nifty tips.", "promo-unlabelled", "error"),
    ],
)
def test_house_promotions_are_info_and_investment_promotions_errors(promo: str, rule: str, severity: str) -> None:
    findings = lint(HOUSE_PAGE.format(promo=promo), "promo-unlabelled", "promo-house-unlabelled", fmt="html")
    assert [(f.rule, f.severity) for f in findings] == [(rule, severity)]


# -- sentences and positions in Hindi ---------------------------------------------------------------------


def test_the_danda_ends_a_sentence() -> None:
    text = "सेबी ने आदेश दिया। कंपनी ने कहा कि वह अपील करेगी॥ Shares fell. अगले दिन"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "सेबी ने आदेश दिया।",
        "कंपनी ने कहा कि वह अपील करेगी॥",
        "Shares fell.",
        "अगले दिन",
    ]


def test_devanagari_after_a_full_stop_starts_a_sentence_but_abbreviations_hold() -> None:
    text = "Shares rose 4% to Rs. 612. निवेशक खुश हैं। Dr. Rao agreed."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Shares rose 4% to Rs. 612.",
        "निवेशक खुश हैं।",
        "Dr. Rao agreed.",
    ]


def test_positions_in_devanagari_count_combining_marks_exactly() -> None:
    line = "हमारे टेलीग्राम चैनल से जुड़ें। निफ्टी ऑप्शन कॉल्स में पक्का मुनाफा और गारंटीड रिटर्न पाएं।"
    md = f"# शेयर बाजार टिप्स\n\n{line}\n"
    findings = [f for f in lint(md, "sebi-assured-returns", fmt="markdown")]
    got = [(f.line, f.column, f.end_column, f.snippet) for f in findings]
    first = line.index("पक्का मुनाफा")
    second = line.index("गारंटीड रिटर्न")
    assert got == [
        (3, first + 1, first + 1 + len("पक्का मुनाफा"), "पक्का मुनाफा"),
        (3, second + 1, second + 1 + len("गारंटीड रिटर्न"), "गारंटीड रिटर्न"),
    ]


def test_positions_in_devanagari_html_through_entities_and_tags() -> None:
    html = "<html><body><article><h1>टिप्स</h1>\n<p>निफ्टी&nbsp;कॉल्स <b>में</b> पक्का मुनाफा पाएं।</p></article></body></html>"
    findings = lint(html, "sebi-assured-returns", fmt="html")
    assert len(findings) == 1
    source_line = html.splitlines()[1]
    assert (findings[0].line, findings[0].column) == (2, source_line.index("पक्का") + 1)


# -- Hindi dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("प्रकाशित: 5 मई 2025, 10:30 AM IST", "2025-05-05T10:30:00+05:30"),
        ("सितंबर 12, 2025", "2025-09-12T00:00:00"),
        ("12 दिसम्बर 2024 को", "2024-12-12T00:00:00"),
        ("५ मई २०२५", "2025-05-05T00:00:00"),
        ("3 फ़रवरी 2026", "2026-02-03T00:00:00"),
    ],
)
def test_hindi_month_names_in_visible_dates(text: str, expected: str) -> None:
    from newslint.document.dates import find_dates

    found = find_dates(text)
    assert [f.value.isoformat() for f in found] == [expected]


def test_hindi_published_and_updated_lines_give_the_pages_dates() -> None:
    html = (
        '<html lang="hi"><body><article><h1>सेंसेक्स 500 अंक चढ़ा</h1>\n'
        "<p>प्रकाशित: 5 मई 2025, 10:30 AM IST | अपडेटेड: 6 मई 2025, 09:00 AM IST</p>\n"
        "<p>सेंसेक्स मंगलवार को 500 अंक चढ़कर 81,540 पर बंद हुआ।</p></article></body></html>"
    )
    meta = parse(html, "html").metadata
    assert meta.get("published")[0].parsed.isoformat() == "2025-05-05T10:30:00+05:30"
    assert meta.get("modified")[0].parsed.isoformat() == "2025-05-06T09:00:00+05:30"


def test_a_short_lead_in_shares_the_context_of_the_sentence_it_heads() -> None:
    """ "Guaranteed income first." heads a paragraph about annuities and government schemes: the fixed-income
    products in the next sentence exempt it, as they would in one sentence."""
    explainer = (
        "# Income after retirement\n\n"
        "Assured income first. A pension plan from a life insurer pays a fixed sum every month in India, "
        "and post office schemes pay 7.4%.\n"
    )
    assert not lint(explainer, "sebi-assured-returns")
    pitch = "# Our calls\n\nAssured income first. Join our intraday group on the NSE for 3% a month.\n"
    assert [f.rule for f in lint(pitch, "sebi-assured-returns")] == ["sebi-assured-returns"]


# -- whose page it is: a regulated firm's registration line ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Godavari Life Insurance Ltd. | IRDAI Regn. No. 151 | CIN U66010MH2007PLC170001", True),
        ("Registered with IRDA, Registration Code 151", False),
        ("IRDA Registration No. 151", True),
        ("Sahyadri Insurance Brokers Pvt Ltd, IRDAI Broker Licence No. 702", True),
        ("IRDAI Corporate Agency Registration No. CA0412", True),
        ("IRDAI पंजीकरण संख्या 151", True),
        ("The new IRDAI registration norms take effect in April.", False),
        (
            "The company is having a valid Certificate of Registration dated 3 June 1999 issued by the Reserve "
            "Bank of India under Section 45-IA of the Reserve Bank of India Act, 1934.",
            True,
        ),
        ("RBI Registration No. B-14.01122", True),
        ("The RBI cancelled the certificate of registration of four NBFCs on Monday.", False),
        ("SEBI Reg. No. INA000012345", True),
        ("SEBI RA Registration: INH 000012345", True),
        ("A loan of INR 250000000 was raised.", False),
    ],
)
def test_registration_lines_that_say_whose_page_it_is(text: str, found: bool) -> None:
    from newslint.language.publisher import _IDENTITY_HEADS, REGULATED_IDENTITY

    assert bool(REGULATED_IDENTITY.search(text)) is found
    if found:  # the cheap first test (``may_be_advertiser_page``) finds what the full one does
        assert any(head.search(text.lower()) for head in _IDENTITY_HEADS)
