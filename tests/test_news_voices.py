"""English news mechanisms: third-party recommendations are reported, denials after the claim, and sentences
that name the sentences before them as someone's messages."""

from __future__ import annotations

from helpers import parse
from newslint.language.narration import looks_back as _looks_back
from newslint.language.negation import negated
from newslint.language.reporting import is_reported
from newslint.language.voices import Voices


def test_a_brokerages_rating_relayed_by_the_page_is_not_reported_speech():
    # A brokerage's rating is one of disclaimer-missing's signals: relayed without a reporting verb, it counts
    # as a view the article carries; with one ("..., the brokerage said") it is reported.
    assert not is_reported("SBI Securities has recommended subscribing to the issue, citing its brand.")
    assert not is_reported("Motilal Oswal maintained its buy rating on the stock with a target of Rs 700.")
    assert is_reported("The issue looks fairly priced, the brokerage said in a note.")


def test_a_denial_a_few_words_after_the_claim_negates_it():
    for text in (
        "Guaranteed returns from stocks do not exist.",
        "Assured returns in equities are a myth.",
        "Sure-shot calls cannot be guaranteed by anyone.",
    ):
        word = text.split()[0]
        assert negated(text, 0, len(word)), text
    assert not negated("Guaranteed returns from our desk every month.", 0, len("Guaranteed returns"))
    assert not negated("Guaranteed returns of 3% every week, join now.", 0, len("Guaranteed returns"))


def test_a_sentence_naming_the_ones_before_as_messages_looks_back_in_a_third_person_only():
    assert _looks_back("Messages like these still land in millions of phones.")
    assert _looks_back("Such promises are illegal, Sebi says.")
    assert _looks_back("These are the typical pitches of unregistered tipsters.")
    assert not _looks_back("Such calls made our members rich.")
    assert not _looks_back("Messages like these reach our members first.")
    assert not _looks_back("Markets like these reward patience.")
    assert not _looks_back("These promises are real.")
    assert not _looks_back("Such promises come true for every member.")


INTERVIEW = """---
title: "Interview: large caps look better now, says CIO"
---

# Large caps look better now, says CIO

Rohit Deshmukh, chief investment officer at a fund house managing ₹82,000 crore, spoke about valuations. Edited
excerpts:

**Q: Where do you see value?**

**A:** We prefer private banks and select consumption names.

**Q: Should investors stop small-cap SIPs?**

I suggest investors book some profits in small-cap funds.
"""

FAQ = """---
title: "Alpha Calls premium membership"
---

# Alpha Calls premium membership

**Q: Is the profit guaranteed?**

Yes, we guarantee 5% a month on every trade.

**Q: How do I join?**

Pay ₹4,999 and join our Telegram channel today.
"""


def test_an_interviewees_answers_are_quoted_but_an_faqs_are_the_pages_own():
    def voice(text: str, needle: str) -> str:
        doc = parse(text)
        voices = Voices(doc)
        block = next(b for b in doc.blocks if needle in b.text)
        return voices.voice(block, block.text.find(needle))

    assert voice(INTERVIEW, "We prefer private banks") == "quoted"
    assert voice(INTERVIEW, "I suggest investors") == "quoted"
    assert voice(INTERVIEW, "Where do you see value") == "own"
    assert voice(FAQ, "we guarantee 5% a month") == "own"
    assert voice(FAQ, "join our Telegram channel") == "own"


def test_a_prohibition_governs_the_claim_it_forbids():
    text = "Sebi barred research analysts from promising or guaranteeing returns to clients."
    at = text.find("guaranteeing returns")
    assert negated(text, at, at + len("guaranteeing returns"))
    text = "Advisers are not allowed to promise assured returns."
    at = text.find("assured returns")
    assert negated(text, at, at + len("assured returns"))
    text = "Stop worrying: our desk gives assured returns every month."
    at = text.find("assured returns")
    assert not negated(text, at, at + len("assured returns"))


def test_a_representation_someone_else_made_is_reported():
    assert is_reported(
        "Sebi barred the firm for mis-selling a derivatives strategy as a product with guaranteed returns."
    )
    assert is_reported("The policy was sold to the couple as a fixed deposit with assured returns.")
    assert not is_reported("Our plan gives assured returns of 8% every year.")


def test_a_documents_list_of_claims_and_a_claims_column_are_reported():
    html = (
        "<article><h1>How an app duped 20,000 investors</h1>"
        "<p>The agency's chargesheet lists the claims the app made to investors:</p>"
        "<ul><li>Capital 100% safe and withdrawable any time</li></ul>"
        "<table><tr><th>What the app claimed</th><th>What investigators found</th></tr>"
        "<tr><td>Guaranteed daily returns from solar plants</td><td>No solar plant existed</td></tr></table>"
        "<p>Our own plans compare as follows.</p><table><tr><th>Plan</th><th>Return</th></tr><tr><td>Our Gold plan gives guaranteed returns</td><td>12%</td></tr></table>"
        "</article>"
    )
    doc = parse(html)
    voices = Voices(doc)

    def voice(needle: str) -> str:
        block = next(b for b in doc.blocks if needle in b.text)
        return voices.voice(block, block.text.find(needle))

    assert voice("Capital 100% safe") == "reported"
    assert voice("Guaranteed daily returns") == "reported"
    assert voice("Our Gold plan gives guaranteed returns") == "own"


def test_a_markdown_tables_claims_column_is_reported_like_an_html_ones():
    # A Markdown row is one group, as an HTML row is, so a column is the cells at one position of each row: the
    # claims under "What the post claimed" are reported whichever column they are in, and only that column.
    markdown = (
        "# Three viral posts this week\n\nThree posts were shared widely this week. We checked each.\n\n"
        "| Platform | What the post claimed | What we found |\n|---|---|---|\n"
        "| Telegram | Guaranteed returns of 5% a month | No returns are fixed in shares |\n"
        "| Our plan | Our calls give assured profits | - |\n\nOur own plans compare as follows.\n\n"
        "| Plan | What you get |\n|---|---|\n| Gold | Assured returns every month |\n"
    )
    doc = parse(markdown, "markdown")
    voices = Voices(doc)

    def voice(needle: str) -> str:
        block = next(b for b in doc.blocks if needle in b.text)
        return voices.voice(block, block.text.find(needle))

    assert voice("Guaranteed returns of 5%") == "reported"
    assert voice("Our calls give assured profits") == "reported"  # in the claims column
    assert voice("Telegram") == "own"  # the first column's heading reports nothing
    assert voice("No returns are fixed") == "own"
    assert voice("Assured returns every month") == "own"  # a plan table of the page's own


def test_the_plain_present_after_a_third_person_plural_subject_is_reported():
    # An explainer's headings and sentences about what fraudsters do: "They promise assured returns".
    assert is_reported("They promise assured returns of 5% a month.")
    assert is_reported("Fake advisers who claim to be Sebi registered ask for fees upfront.")
    assert is_reported("Such apps advertise guaranteed profits on every trade.")
    assert is_reported("These tipsters tell you to buy penny stocks.")
    # alone, the base form is an imperative or the page's own voice
    assert not is_reported("Promise yourself assured returns: join our channel.")
    assert not is_reported("We promise assured returns every month.")
    # the plain present of a verb that is not speech ("clients who add funds")
    assert not is_reported("Clients who add funds before 9 am get the first call.")
    # "they" after the page's own people are the page's own
    assert not is_reported("Our analysts are the best in India. They promise 5% returns every month.")


def test_an_explainers_heading_in_the_third_person_is_reported_with_its_section():
    doc = parse(
        "---\ntitle: Red flags\nauthor: A B\ndate: 2026-11-01\n---\n\n## 2. They ask you to join a Telegram group\n\n"
        "Fraudsters add people to groups where fake members post screenshots of profits.\n"
    )
    voices = Voices(doc)
    heading = next(b for b in doc.blocks if b.kind == "heading")
    assert voices.voice(heading, heading.text.index("join")) == "reported"


def _promotes(body: str) -> bool:
    return Voices(parse(f"---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\n{body}\n")).self_promotion


def test_an_advertorials_subscribe_by_phone_line_makes_the_page_its_own_promoter():
    # Then the firm's claims that the story relays ("The firm says its calls...") are the page's.
    assert _promotes("Traders can join the Tradewise VIP Telegram channel or call 98200 12345 to subscribe.")
    assert _promotes("WhatsApp +91 98765 43210 to subscribe to the premium intraday calls.")
    assert _promotes("To enrol in the next options batch, contact 9123456789 today.")
    # a paper's own subscription desk, a helpline, or a fraudster's number reported in a news story
    assert not _promotes("To subscribe to the print edition, call 98200 12345.")
    assert not _promotes("Victims can call the cyber crime helpline 1930 to register a complaint.")
    assert not _promotes("Investors were asked to join the VIP group and call 98200 12345 to subscribe, police said.")


def _voice_at(doc_text: str, needle: str, fmt: str | None = None) -> str:
    doc = parse(doc_text, fmt)
    voices = Voices(doc)
    block = next(b for b in doc.blocks if needle in b.text)
    return voices.voice(block, block.text.index(needle))


def test_a_bracketed_gloss_after_a_quotation_is_quoted_too():
    page = (
        "<html><body><article><h1>YouTuber arrested</h1><p>Police said the accused posted videos in Hindi. "
        "One video, quoted in the FIR, said:</p><blockquote><p>“मेरे प्रीमियम ग्रुप को जॉइन करें, हर महीने 15% पक्का "
        "मुनाफा।”</p></blockquote><p>(Join my premium group, a sure 15% profit every month.)</p>"
        "<p>[Translation: subscribe to my calls for assured returns]</p>"
        "<p>Police have frozen his bank accounts.</p><p>(With inputs from PTI and ANI.)</p></article></body></html>"
    )
    assert _voice_at(page, "Join my premium group", "html") == "quoted"
    assert _voice_at(page, "subscribe to my calls", "html") == "quoted"
    # only right after a quotation: a bracketed line of the page's own elsewhere stays its own
    assert _voice_at(page, "With inputs from PTI", "html") == "own"


def test_a_headline_with_a_quotation_in_it_still_takes_its_sections_voice():
    page = (
        "<html><body><article><h1>SAT upholds ban on 'Jackpot Calls' founder who sold sure-shot tips</h1>"
        "<div class='share'>WhatsApp X LinkedIn</div>"
        "<p>The tribunal said the founder's channel sold what it described as sure-shot calls.</p>"
        "</article></body></html>"
    )
    assert _voice_at(page, "sure-shot tips", "html") == "reported"


def test_a_list_after_a_sentence_that_names_someones_promises_is_reported():
    page = (
        "---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\n"
        "The police advisory lists the promises that such apps and their WhatsApp groups commonly make.\n\n"
        "- Daily profit of 5% with zero risk\n- Join our VIP group for block-deal tips\n\n"
        "Investors lose money on them every day.\n"
    )
    assert _voice_at(page, "Daily profit") == "reported"
    assert _voice_at(page, "Join our VIP group") == "reported"
    assert not Voices(parse(page)).self_promotion
    # the page's own list after its own sentence stays its own
    own = (
        "---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\n"
        "Here is what our members get.\n\n- Daily profit of 5% with zero risk\n- Join our VIP group for tips\n"
    )
    assert _voice_at(own, "Daily profit") == "own"


def test_the_words_of_an_ad_after_its_headline_read_are_reported():
    for intro in ("Its headline read:", "The message on the poster reads:", "The SMS went:"):
        page = f"---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\nA daily carried an ad. {intro}\n\n**Earn 18% guaranteed every year.**\n\nIt was a fraud.\n"
        assert _voice_at(page, "Earn 18%") == "reported", intro


def test_the_items_under_a_forbidding_colon_are_not_claims():
    from helpers import lint

    rules = ("sebi-assured-returns", "sebi-endorsement-claim")
    for intro in ("Under the draft, advertisements could not:", "Advisers must never:", "Red flags to avoid:"):
        page = (
            f"---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\nSEBI proposed new ad rules for advisers in India. {intro}\n\n"
            "- promise assured returns of 5% a month;\n- claim to be SEBI approved.\n"
        )
        assert lint(page, *rules) == [], intro
    # the page's own list after its own colon stays a claim
    own = (
        "---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\nWhat you get when you join our advisory in India:\n\n"
        "- assured returns of 5% a month;\n- a SEBI approved advisory.\n"
    )
    assert {f.rule for f in lint(own, *rules)} == set(rules)
    # a denial of the introduction's own noun is no prohibition over the list
    pitch = (
        "---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\nJoin our advisory in India. No lock-in, no hidden charges:\n\n"
        "- assured returns of 5% a month;\n- a SEBI approved advisory.\n"
    )
    assert {f.rule for f in lint(pitch, *rules)} == set(rules)


def test_a_markdown_block_quote_with_a_paid_campaign_link_is_the_pages_own_box():
    page = (
        "---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\nGold rose ₹600 on Thursday.\n\n"
        "> **Trade gold ETFs with zero brokerage.** Open your free demat account: "
        "[open](https://broker.example/open?utm_source=news&utm_medium=partner)\n\n"
        '> "Join my premium group for sure-shot calls," one post read. [post](https://t.me/somechannel)\n'
    )
    assert _voice_at(page, "Open your free demat") == "own"
    assert _voice_at(page, "Join my premium group") == "quoted"


def test_what_someone_offers_or_asks_is_a_case_the_page_warns_about():
    assert is_reported("If someone offers you guaranteed returns, check their registration.")
    assert is_reported("When anyone asks you to join a VIP group for sure-shot calls, walk away.")
    assert not is_reported("Our desk offers guaranteed returns of 3% a month.")


def test_a_headlines_inverted_attribution_is_reported():
    assert is_reported("5 stocks that can double your money in 2027, say analysts")
    assert is_reported("Sensex may hit 90,000 by 2027, say market experts")
    # the page's own experts are the page
    assert not is_reported("Guaranteed returns every month, say our experts")


def test_they_after_the_reporters_we_are_the_people_reported_on():
    assert is_reported("We joined five such channels last month. They promise assured returns to every member.")


STORY_WITH_BOX = """<html><body><article><h1>Sebi bars tipster</h1><div class="story-body">
<p>Sebi on Monday barred a Pune tipster from the securities market for two years and ordered a refund.</p>
<p>His posts, the order said, promised "assured returns of 8% a month" to followers of his channel.</p>
<p>The regulator found that 81% of subscribers lost money following his calls over two years.</p>
<div class="cta-box"><p>Join our Options Mastery course for daily trade setups. Enrol now for ₹9,999.</p></div>
<p>He can appeal the order before the Securities Appellate Tribunal within 45 days of the order.</p>
</div></article></body></html>"""


def test_a_promotion_boxed_inside_a_news_story_does_not_make_the_story_its_own():
    doc = parse(STORY_WITH_BOX, "html")
    assert not Voices(doc).self_promotion
    assert _voice_at(STORY_WITH_BOX, "assured returns of 8%", "html") == "quoted"
    # the same invitation in the story's own text makes the page a promotion
    inline = STORY_WITH_BOX.replace('<div class="cta-box"><p>', "<p>").replace("</p></div>", "</p>", 1)
    assert Voices(parse(inline, "html")).self_promotion


def test_a_link_to_another_article_of_the_site_is_that_articles_headline():
    page = """<html><head><link rel="canonical" href="https://www.example-news.in/markets/vi-shares-123456.html"></head>
<body><article><h1>Vodafone Idea shares surge 9%</h1><div class="story-body">
<p>Shares of Vodafone Idea surged 9% to ₹11.20 on the NSE on Thursday on hopes of relief on dues.</p>
<div class="trending"><h4>Trending</h4><ul>
<li><a href="https://www.example-news.in/markets/sure-shot-multibagger-stocks-2027-11.html">Sure-shot multibagger stocks for 2027</a></li>
<li><a href="https://www.example-news.in/open-free-demat-account">Open Free Demat Account</a></li>
</ul></div></div></article></body></html>"""
    assert _voice_at(page, "Sure-shot multibagger", "html") == "reported"
    # a button to open an account is no headline
    assert _voice_at(page, "Open Free Demat", "html") == "own"


def test_a_short_sentence_pointing_back_at_a_report_introduces_its_table():
    page = """<html><body><article><h1>Sebi impounds gains</h1><div class="story-body">
<p>Sebi impounded ₹18 crore of the channel's gains on Tuesday. An annexure to the order lists 40 posts. Some of them:</p>
<table><tr><th>Date</th><th>Post</th></tr><tr><td>12 Mar</td><td>Sure-shot BTST: buy IRFC at 142, target 160</td></tr>
<tr><td>3 Apr</td><td>Join VIP now. 100% accuracy guaranteed</td></tr></table>
<p>The operators have 21 days to reply to the regulator's notice.</p></div></article></body></html>"""
    assert _voice_at(page, "Sure-shot BTST", "html") == "reported"
    assert _voice_at(page, "100% accuracy", "html") == "reported"
    assert _voice_at(page, "21 days", "html") == "own"


def test_a_negative_quantifier_denies_the_claim():
    for text, claim in (
        ("Very few products assure returns in India.", "assure returns"),
        ("Hardly any fund guarantees returns over ten years.", "guarantees returns"),
    ):
        i = text.index(claim)
        assert negated(text, i, i + len(claim)), text
    text = "A few products assure returns in India."
    i = text.index("assure returns")
    assert not negated(text, i, i + len("assure returns"))


def test_someone_elses_name_for_a_thing_and_an_arrangement_in_the_past_are_reported():
    assert is_reported("The agents sold plots on what the brochures termed guaranteed returns.")
    assert is_reported("He ran what his followers called jackpot calls on Telegram.")
    assert not is_reported("What we call our jackpot calls give guaranteed profits every week.")
    assert is_reported("Each member was to receive a fixed 3% monthly return for 30 months.")
    assert is_reported("Depositors were supposed to get a guaranteed 12% a year.")
    assert not is_reported("Get a fixed 3% monthly return on our plans.")


def _reported_text(markdown: str) -> str:
    doc = parse(markdown)
    voices = Voices(doc)
    return " ".join(b.text[a:e] for b in voices.blocks for a, e, v in voices.block_spans(b) if v != "own")


def test_a_colon_that_introduces_someones_usual_pitch_reports_what_follows():
    for text in (
        "The sales talk rarely changed: assured income of 3% a month and a sure-shot doubling.",
        "Savers remember the pitch well. It was always the same: guaranteed returns and no risk.",
        "Their ads typically read like this: zero-loss trades and jackpot calls.",
    ):
        assert (
            "guaranteed returns" in _reported_text(text)
            or "assured income" in _reported_text(text)
            or ("jackpot calls" in _reported_text(text))
        ), text
    for text in (
        "Our promise is simple: assured returns of 3% every month.",
        "The offer: guaranteed 5% monthly profit on Bank Nifty calls.",
        "It is always the same with us: guaranteed profits on every call.",
        "Markets are always the same: guaranteed profits for the patient.",
        "The offer never changes: guaranteed profits of 3% a month on our calls.",
        "The promise never changes: assured returns every month.",
        "The pitch for stock traders: guaranteed returns of 3% a month.",
    ):
        assert _reported_text(text) == "", text


def test_a_participle_used_as_an_adjective_reports_nothing():
    assert not is_reported("Enrol now and trade the expiry with a written plan.")
    assert is_reported("He had written to the exchange about the defaults.")


def test_an_imperative_to_join_a_market_service_makes_the_page_its_own_promoter():
    testimonial = '\n\n"I got assured returns of 3% a month," says Ramesh, a retired teacher from Pune.\n'
    for invitation in (
        "Join the paid batch for daily Bank Nifty calls on Telegram.",
        "Subscribe to the VIP channel for option tips. Rs 999 a month.",
        "Enrol in the premium mentorship and learn to trade options.",
    ):
        assert Voices(parse(invitation + testimonial)).self_promotion, invitation
    for sentence in (
        "Subscribe to the Markets Morning newsletter for tips on saving tax.",
        "He asked followers to join the paid batch for daily calls on Telegram, the order said.",
        "Join the dots and a pattern of mis-selling emerges.",
        "Followers who joined the VIP channel for calls paid Rs 2,000 a month, SEBI found.",
    ):
        assert not Voices(parse(sentence + testimonial)).self_promotion, sentence


def test_a_condition_where_someone_indefinite_speaks_is_a_case_the_page_warns_about():
    for text in (
        "If a stranger on WhatsApp offers you a sure-shot tip, ask why it is free.",
        "Walk away when your broker promises 2% a month.",
        "Once an agent claims SEBI approval, ask for the registration number.",
    ):
        assert is_reported(text), text
    for text in (
        "If a client asks, we offer guaranteed returns of 3% a month.",
        "If our desk promises you 3% a month, we deliver it.",
        "When the market opens, get sure-shot calls on our channel.",
    ):
        assert not is_reported(text), text


def test_a_pitch_announced_in_the_past_makes_the_rest_of_the_paragraph_the_pitch_told():
    for text in (
        "The pitch was simple. Pay Rs 45,000 for the course. Guaranteed profits from the first week.",
        "Their promise sounded irresistible. Assured returns of 3% a month, every month.",
        "The agents' offer seemed too good to be true. Double your money in 18 months.",
    ):
        reported = _reported_text(text)
        assert reported and text.split(". ", 1)[1].split(".")[0] in reported, text
    for text in (
        "Our promise is simple. Guaranteed profits from the first week.",
        "The promise is simple. Assured returns of 3% a month on our calls.",
        "The market was simple. Guaranteed profits for those who waited.",
    ):
        assert _reported_text(text) == "", text


def test_opinion_verbs_attribute_but_a_clause_about_the_pages_own_stays_its_own():
    assert is_reported("Meera Pillai, a SEBI-registered investment adviser, suggests keeping five years of expenses.")
    assert is_reported("Adviser Anand Iyer believes a 30% equity share is enough.")
    assert is_reported("Most traders lose money, he pointed out.")
    assert not is_reported("Anand Iyer believes in disciplined investing.")
    assert not is_reported("Data suggests our calls deliver guaranteed returns every month.")
    assert not is_reported("Clients say we are the best advisory in India.")


def test_what_a_person_writes_for_a_living_is_a_biography_not_a_report():
    assert not is_reported("Vikram Desai now writes a daily note for more than 30,000 subscribers.")
    assert not is_reported("Since 2015 she has written three books on midcap investing.")
    assert not is_reported("He tweets his charts to 80,000 followers every trading day.")
    assert is_reported("Desai wrote on his channel that his calls never fail.")
    assert is_reported("She wrote that the fund would double investors' money.")
    assert is_reported("In a note to clients, the brokerage wrote: 'Buy Tata Motors.'")


def test_a_third_partys_features_or_new_status_are_told_not_claimed():
    assert is_reported("The app also lets users apply for IPOs through UPI.")
    assert is_reported("She became a SEBI-registered investment adviser in 2021.")
    assert is_reported("He is now a SEBI-registered research analyst and charges a flat fee.")
    assert not is_reported("Our app lets you apply for IPOs through UPI in two taps.")
    assert not is_reported("Our platform allows investors to apply for IPOs through UPI.")
    assert not is_reported("Kaveri Advisory is now a SEBI-registered research analyst.")
    assert not is_reported("She became India's most trusted options adviser.")
    assert not is_reported("Get what traders call sure-shot calls, every morning.")


def test_someone_elses_products_set_out_and_a_label_over_the_pages_own():
    assert is_reported("The police have listed three plans the firm sold to savers:")
    assert is_reported("Investigators found two schemes the accused ran in Surat.")
    assert not is_reported("Here are the plans we sell to our clients:")
    assert not is_reported("Plans offered:")
    assert not is_reported("Returns promised: 4% a month")
    assert is_reported("He promised:")
    assert is_reported("SEBI said:")


def test_being_deceived_by_a_claim_negates_it():
    for text, claim in (
        ("Many traders fell for sure-shot calls on Instagram.", "sure-shot"),
        ("Falling for guaranteed returns is the costliest mistake.", "guaranteed returns"),
        ("Savers were lured by the promise of assured returns.", "assured returns"),
        ("Do not chase the mirage of risk-free trading.", "risk-free trading"),
    ):
        i = text.index(claim)
        assert negated(text, i, i + len(claim)), text
    text = "Get sure-shot calls and fall for nothing else."
    assert not negated(text, 4, 13)


MISTAKES = """---
title: "Five mistakes first-time investors make"
---

# Five mistakes first-time investors make

Advisers say the same errors keep recurring.

## 1. Falling for sure-shot tips

Tips on Telegram are often pump-and-dump schemes.

## 3. Expecting fixed returns from equity

- Chasing guaranteed returns
- Our sure-shot calls
"""


def test_the_headings_and_items_of_a_page_that_lists_mistakes_are_what_it_warns_against():
    doc = parse(MISTAKES)
    voices = Voices(doc)
    by_text = {b.text: b for b in voices.blocks}
    assert voices.under_prohibition(by_text["3. Expecting fixed returns from equity"])
    assert voices.under_prohibition(by_text["Chasing guaranteed returns"])
    assert not voices.under_prohibition(by_text["Our sure-shot calls"])
    assert not voices.under_prohibition(by_text["Five mistakes first-time investors make"])
    plain = Voices(parse(MISTAKES.replace("mistakes", "ideas")))
    assert not any(plain.under_prohibition(b) for b in plain.blocks)


def test_a_papers_note_on_its_contributor_is_no_promotion():
    assert is_reported("The expert is a SEBI-registered investment adviser, Reg. No. INA000015432.")
    assert is_reported("The writer is a Sebi-registered RA. Views are personal.")
    assert not is_reported("Our expert is a SEBI-registered investment adviser with 95% accuracy.")


def test_a_paid_sign_up_makes_the_page_its_own_promoter():
    testimonial = '\n\n"I make a fixed 3% a month," says Omkar from Kolhapur.\n'
    assert Voices(parse("Enrol now for Rs 12,999 and learn expiry trading." + testimonial)).self_promotion
    assert Voices(parse("Join today at just ₹999 a month." + testimonial)).self_promotion
    assert not Voices(parse("Enrol now to get the newsletter." + testimonial)).self_promotion


def test_a_relative_that_before_a_reporting_participle_reports():
    assert is_reported("SEBI fined the broker over advertisements that offered assured returns.")
    assert not is_reported("Get assured returns at that offered price.")


def test_a_pitch_set_against_the_facts_is_reported():
    page = "**The promise:** fixed returns of 12% a year.\n\n**The reality:** borrowers can default.\n"
    assert "fixed returns" in _reported_text(page)
    assert _reported_text("**Our promise:** fixed returns of 12% a year.\n\n**The reality:** we deliver.\n") == ""
    assert _reported_text("**The promise:** fixed returns of 12% a year.\n\nJoin today.\n") == ""


def test_a_prohibition_governs_every_activity_it_lists():
    text = "The RBI barred platforms in 2024 from marketing P2P as an investment and from offering assured returns."
    i = text.index("assured returns")
    assert negated(text, i, i + len("assured returns"))
    text = "Stop losing money from bad trades and get guaranteed returns every month."
    i = text.index("guaranteed returns")
    assert not negated(text, i, i + len("guaranteed returns"))


def test_a_given_up_practice_and_an_indefinite_speaker_in_a_relative_clause():
    text = "I used to promise my followers sure-shot calls every morning."
    i = text.index("sure-shot")
    assert negated(text, i, i + len("sure-shot"))
    text = "Clients who used to lose money now get sure-shot calls."
    i = text.index("sure-shot")
    assert not negated(text, i, i + len("sure-shot"))
    assert is_reported("Anybody who says they can guarantee returns is lucky or lying.")
    assert not is_reported("Anyone who joins gets guaranteed returns.")


COLUMN = """---
title: "What three years of tips taught me"
---

I used to send my followers sure-shot calls. When the Nifty fell, they lost money.

As a SEBI-registered research analyst, I now tell readers to size positions small.

*The writer is a SEBI-registered research analyst. Views are personal.*
"""


def test_a_signed_columns_possessives_and_the_writers_status_are_no_promotion():
    voices = Voices(parse(COLUMN))
    assert not voices.self_promotion
    assert "As a SEBI-registered research analyst" in _reported_text(COLUMN)
    unsigned = COLUMN.replace("*The writer is a SEBI-registered research analyst. Views are personal.*\n", "")
    assert Voices(parse(unsigned)).self_promotion
    assert "As a SEBI-registered" not in _reported_text(unsigned)


BOXED = """<html><body><article>
<div class="story">
<p>The police arrested four men who ran a fake trading app that promised guaranteed returns, officers said.</p>
<p>About 3,000 people deposited Rs 22 crore before withdrawals were blocked, officers said.</p>
<p>Two of the accused were remanded in police custody till Friday.</p>
<p>The police asked investors to use only registered brokers.</p>
</div>
<div class="box"><p><strong>Trade Desk</strong></p><p>Join our Trade Desk WhatsApp group for intraday tips every morning.</p>
<p>"I made assured profits every week," says reader Ajay from Satara.</p><p>Rs 499 a month. WhatsApp 98250 67890.</p></div>
</article></body></html>"""


def test_a_box_with_a_title_line_promotes_itself_and_owns_its_testimonials():
    voices = Voices(parse(BOXED))
    assert not voices.self_promotion
    story = next(b for b in voices.blocks if b.text.startswith("The police arrested"))
    testimonial = next(b for b in voices.blocks if "assured profits" in b.text)
    assert voices.voice(story, story.text.index("guaranteed")) == "reported"
    assert voices.voice(testimonial, testimonial.text.index("assured")) == "own"


def test_a_list_under_a_heading_that_reports_is_reported():
    page = "## What SEBI found\n\n- Assured returns of 5% a month from a bot\n- Risk-free trading\n"
    assert "Assured returns" in _reported_text(page) and "Risk-free trading" in _reported_text(page)
    assert "Assured" in _reported_text("## Allegations against the firm\n\n- Assured returns of 5% a month\n")
    assert _reported_text("## Plans offered\n\n- Gold plan: assured returns of 4% a month\n") == ""
    assert is_reported("What was promised")  # a column heading that reports, not a label
    assert _reported_text("## What our clients say\n\n- Assured returns every month\n") == ""


def test_an_interview_introduced_in_other_words_quotes_its_answers():
    """Interviews introduced as 'X spoke about...', 'talks to us about...', 'In an interaction with ...', with
    the questions in bold: the answers are the interviewee's ('our flexi-cap fund' is the fund manager's)."""
    questions = (
        "**Where do you see value today?**\n\nLarge banks look cheap. We have been adding to them in our flexi-cap fund."
        "\n\n**What should a first-time investor do?**\n\nStart a SIP and stay invested for seven years.\n"
    )
    for intro in (
        "*Neha Sharma, CIO at Horizon Mutual Fund, spoke about valuations and where she sees value.*",
        "*In an interaction with this paper, Neha Sharma of Horizon Mutual Fund shared her views.*",
        "Neha Sharma, CIO at Horizon Mutual Fund, talks about where she sees value.",
    ):
        doc = parse(f"---\ntitle: Midcaps look stretched\n---\n\n# Midcaps look stretched\n\n{intro}\n\n{questions}")
        voices = Voices(doc)
        block = next(b for b in doc.blocks if "our flexi-cap fund" in b.text)
        assert voices.voice(block, block.text.find("our flexi-cap fund")) == "quoted", intro
    # An FAQ of the page's own, with no interview named, keeps its answers as the page's.
    doc = parse(FAQ)
    block = next(b for b in doc.blocks if "we guarantee" in b.text)
    assert Voices(doc).voice(block, block.text.find("we guarantee")) == "own"


def test_a_dash_ends_the_clause_a_negation_governs():
    text = "No lock-in — guaranteed returns of 3% a month."
    i = text.index("guaranteed")
    assert not negated(text, i, i + len("guaranteed returns"))
    text = "There are no guaranteed returns — only risk."
    i = text.index("guaranteed")
    assert negated(text, i, i + len("guaranteed returns"))


def test_a_present_tense_attribution_closing_the_sentence_reports_it():
    for text in (
        "Stop your SIP only if you need the money, planners say.",
        "Keep a lump sum for a windfall, most financial planners suggest.",
        "Small caps could fall further, veteran fund managers warn.",
    ):
        assert is_reported(text), text
    for text in (
        "Buy this stock now, our analysts say.",  # the page's own analysts
        "Invest in our fund today, we say.",
        "Guaranteed 5% a month, our clients say.",
    ):
        assert not is_reported(text), text


def test_a_heading_that_names_a_promise_as_its_topic_is_someone_elses_promise():
    body = "\n\nशेयर बाजार में कोई भी निवेश तय मुनाफे की गारंटी नहीं देता।\n"
    for heading in (
        "# गारंटीड रिटर्न का वादा: निवेशक क्या करें",
        "## पक्के मुनाफे के वादे",
        "# Pakka munafa ka wada: aise pehchano fake advisor",
    ):
        assert heading.lstrip("# ") in _reported_text(heading + body), heading
    # first person: the page's own promise; a heading that names no promise takes its section's (own) voice
    for heading in ("# हमारा वादा: हर महीने पक्का मुनाफा", "# पक्का मुनाफा: निवेशक क्या करें"):
        assert heading.lstrip("# ") not in _reported_text(heading + body), heading


def test_a_heading_that_sets_up_a_claim_as_an_explainers_topic_is_not_the_pages_claim():
    body = "\n\nShare prices in India move every day, and nobody can say where a stock will trade next month.\n"
    for heading in (
        "# Guaranteed returns? Here is what to check first",
        "## Assured returns: what investors should know",
        "# पक्का मुनाफा? इन बातों का रखें ध्यान",
    ):
        assert heading.lstrip("# ") in _reported_text(heading + body), heading
    for heading in (
        "# Guaranteed returns? That is what our members get",  # first person
        "# Want guaranteed returns? Here is how",  # a seller's hook
        "# Guaranteed returns: join the channel today",  # no explainer's words
    ):
        assert heading.lstrip("# ") not in _reported_text(heading + body), heading


def test_a_third_partys_promise_in_the_conjunctive_participle_is_reported():
    hindi, hinglish = frozenset(["hi", "en"]), frozenset(["hinglish", "en"])
    assert is_reported("कई लोग हर महीने 8% कमाई का भरोसा देकर निवेशकों से फीस लेते हैं।", hindi)
    assert is_reported("कुछ ऐप्स पक्के मुनाफे का वादा करके फीस वसूलते हैं।", hindi)
    assert is_reported("Kuch apps pakka munafa ka wada karke fees le lete hain.", hinglish)
    assert not is_reported("हम हर महीने पक्के मुनाफे का वादा करके ही फीस लेते हैं।", hindi)
