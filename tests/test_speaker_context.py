"""Speaker context (``newslint.language.voices``): whose claim a stretch of text is.

Each case names a phrase of a small article and the voice it must get: the page's own, a quotation, or reported
speech. The packs report claims and promotions in the page's own voice only, so a wrong voice here is a false
alarm on a news report or a missed promotion.
"""

from __future__ import annotations

import pytest

from helpers import parse
from newslint.document.model import Document
from newslint.language.reporting import is_reported
from newslint.language.voices import Voices, quoted_spans, reported_sentences


def voice_of(text: str, needle: str, fmt: str | None = None) -> str:
    doc = parse(text, fmt)
    return voice_in(doc, needle)


def voice_in(doc: Document, needle: str) -> str:
    voices = Voices(doc)
    for block in doc.blocks:
        at = block.text.find(needle)
        if at >= 0:
            return voices.voice(block, at)
    raise AssertionError(f"{needle!r} is not in the document")


# -- quotations of every style ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'He wrote "assured returns every month" on his channel.',
        "He wrote \u201cassured returns every month\u201d on his channel.",
        "He wrote 'assured returns every month' on his channel.",
        "He wrote \u2018assured returns every month\u2019 on his channel.",
        "He wrote \u00abassured returns every month\u00bb on his channel.",
        "उसने लिखा \u201cassured returns every month\u201d और चैनल पर डाला।",
    ],
)
def test_text_in_quotation_marks_of_any_style_is_quoted(text: str) -> None:
    assert voice_of(text, "assured returns", "markdown") == "quoted"


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Investors' money doesn't get assured returns from equity funds, and that's the point."
    assert quoted_spans(text) == []
    assert voice_of(text, "assured returns", "markdown") == "own"


def test_html_q_element_is_a_quotation() -> None:
    html = "<article><p>His post read <q>assured returns every month</q> and drew 40,000 views.</p></article>"
    assert voice_of(html, "assured returns", "html") == "quoted"
    # Outside the element the page speaks again.
    assert voice_of(html, "drew 40,000", "html") == "own"


def test_html_q_element_with_entities_and_inline_tags_maps_to_the_text() -> None:
    html = "<p>His banner read <q>Get <b>assured</b> returns &amp; more</q> daily, and Assured Gains grew.</p>"
    doc = parse(html, "html")
    voices = Voices(doc)
    block = doc.blocks[0]
    inside = block.text.index("returns & more")
    after = block.text.index("Assured Gains")
    assert voices.voice(block, inside) == "quoted"
    assert voices.voice(block, after) == "own"


def test_blockquote_and_markdown_block_quote_are_quoted() -> None:
    html = "<article><p>The order cites his post.</p><blockquote><p>Assured returns every month.</p></blockquote></article>"
    assert voice_of(html, "Assured returns", "html") == "quoted"
    md = "The order cites his post.\n\n> Assured returns every month, join now.\n"
    assert voice_of(md, "Assured returns", "markdown") == "quoted"


# -- reported speech and allegations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kaveri Growth Plus is a unit linked plan, with the added benefit of life cover.",
        "Its reported profit doubled, and the plan gives assured returns.",
        "Our plan gives assured returns at the offered price.",
    ],
)
def test_participles_used_as_adjectives_are_not_reporting_verbs(sentence: str) -> None:
    assert not is_reported(sentence)
    assert voice_of(sentence, "plan", "markdown") == "own"


def test_an_allegation_participle_keeps_its_sense() -> None:
    assert is_reported("The alleged scheme offered assured returns.")


@pytest.mark.parametrize(
    "sentence",
    [
        "He said investors would get assured returns.",
        "He says investors will get assured returns.",
        "He has claimed that investors get assured returns.",
        "The adviser promised assured returns to 300 clients.",
        "He promises assured returns to anyone who pays.",
        "The complaint alleges he offered assured returns.",
        "He allegedly offered assured returns.",
        "According to the order, he offered assured returns.",
        "In a press release, the firm offered assured returns.",
        "The accused lured savers with assured returns.",
        "Police said the gang duped savers with assured returns.",
        "The regulator warned that anyone offering assured returns is lying.",
    ],
)
def test_reporting_verbs_and_sources_in_any_inflection_make_reported_speech(sentence: str) -> None:
    assert is_reported(sentence)
    assert voice_of(sentence, "assured returns", "markdown") == "reported"


@pytest.mark.parametrize(
    "sentence",
    [
        "सूत्रों के मुताबिक कंपनी ने पक्का मुनाफा देने का वादा किया।",
        "सेबी के आदेश के अनुसार उसने पक्का मुनाफा देने का दावा किया।",
        "Usne kaha ki pakka profit milega.",
        "Sources ke mutabik company ne pakka profit ka daawa kiya.",
    ],
)
def test_hindi_and_hinglish_reporting(sentence: str) -> None:
    assert is_reported(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We promise assured returns to every subscriber.",
        "I said it before: our calls give assured returns.",
        "Get assured returns with our calls.",
        "Promising stocks for assured returns this week.",
    ],
)
def test_first_person_imperatives_and_adjectives_stay_the_pages_own(sentence: str) -> None:
    assert not is_reported(sentence)
    assert voice_of(sentence, "assured returns", "markdown") == "own"


@pytest.mark.parametrize(
    "sentence",
    [
        "Get ₹1 crore term cover at ₹490 a month, with claims support from our own team.",
        "Cashless claims at 9,000 hospitals for your family.",
        "A 98% claims settlement ratio on every health plan.",
        "Cover from ₹5 lakh, and a Ravi Insure claims manager who stays with you till the bill is paid.",
        "Every policy comes with a Dhruv claims officer who handles the hospital's paperwork.",
    ],
)
def test_the_insurance_noun_claims_is_not_a_reporting_verb(sentence: str) -> None:
    assert not is_reported(sentence)


def test_the_verb_claims_still_reports() -> None:
    assert is_reported("The agent claims the plan pays 12% a year.")


def test_a_reporting_verb_inside_a_quotation_belongs_to_the_quoted_speaker() -> None:
    text = 'Get assured returns today. "He said it works," our banner reads.'
    doc = parse(text, "markdown")
    voices = Voices(doc)
    block = doc.blocks[0]
    assert voices.voice(block, block.text.index("assured")) == "own"


def test_only_the_reporting_sentence_is_reported() -> None:
    text = "SEBI said the adviser offered assured returns. Get assured returns with Kaveri Calls today."
    doc = parse(text, "markdown")
    voices = Voices(doc)
    block = doc.blocks[0]
    first = block.text.index("assured returns")
    second = block.text.index("assured returns", first + 1)
    assert voices.voice(block, first) == "reported"
    assert voices.voice(block, second) == "own"


def test_block_search_agrees_with_sentence_search() -> None:
    text = (
        "Shares fell 2% on Monday. The order said he promised assured returns. We promise nothing. "
        "According to police, 300 savers lost money. सूत्रों के मुताबिक जांच जारी है। Prices rose."
    )
    from newslint.document.sentences import split_sentences

    sentences = split_sentences(text)
    expected = [is_reported(text[a:b]) for a, b in sentences]
    assert reported_sentences(text, sentences) == expected
    assert expected == [False, True, False, True, True, False]


def test_a_reporting_sentence_ending_in_a_colon_introduces_what_follows() -> None:
    md = (
        "The SEBI order quotes his Telegram posts, which said:\n\n"
        "- Assured returns of 5% a month\n"
        "- Sure-shot Bank Nifty calls\n\n"
        "The regulator barred him for two years.\n"
    )
    doc = parse(md, "markdown")
    assert voice_in(doc, "Assured returns") == "reported"
    assert voice_in(doc, "Sure-shot") == "reported"
    assert voice_in(doc, "barred him") == "own"


# -- headings and the page's own promotion ---------------------------------------------------------------


@pytest.mark.parametrize(
    "box",
    [
        "> **Premium:** Subscribe to our research desk for weekly stock ideas.\n",
        "> [!NOTE]\n> Subscribe to our research desk for weekly stock ideas.\n",
        "> Advertisement | Subscribe to our research desk for weekly stock ideas.\n",
    ],
)
def test_a_block_quote_opening_with_a_callout_label_is_the_pages_own_box(box: str) -> None:
    assert voice_of(f"Markets rose on Monday.\n\n{box}", "Subscribe to our", "markdown") == "own"


def test_a_block_quote_with_a_speakers_name_stays_a_quotation() -> None:
    md = "The order quotes his post:\n\n> Ramesh: subscribe to our channel for assured returns.\n"
    assert voice_of(md, "assured returns", "markdown") == "quoted"


def test_a_heading_takes_the_voice_of_its_section() -> None:
    md = (
        "# SEBI bars finfluencer\n\n"
        "## Guaranteed profits every week\n\n"
        "The order said he promised guaranteed profits every week to 40,000 followers.\n\n"
        "## What investors should do\n\n"
        "Check an adviser's registration on the SEBI website before paying.\n"
    )
    doc = parse(md, "markdown")
    assert voice_in(doc, "Guaranteed profits every week") == "reported"
    assert voice_in(doc, "What investors should do") == "own"


def test_a_promotions_testimonials_stay_its_own_claims() -> None:
    md = (
        "# Kaveri Calls\n\n"
        "Join our Telegram channel for daily Bank Nifty calls.\n\n"
        '"I got assured returns every month," says Ramesh, a subscriber.\n'
    )
    doc = parse(md, "markdown")
    voices = Voices(doc)
    assert voices.self_promotion
    assert voice_in(doc, "assured returns") == "own"


@pytest.mark.parametrize(
    "pitch",
    [
        "Download our CoinVista crypto app and buy Bitcoin from ₹100.",
        "Invest in our Suvarna Flexi Cap Fund today.",
        "Start your SIP with us from ₹500 a month.",
        "Buy our term plan online in two minutes.",
        "Apply for the Tarang Foods IPO now on our app.",
    ],
)
def test_promotions_of_funds_policies_apps_and_ipos_own_their_quotations(pitch: str) -> None:
    doc = parse(f'{pitch}\n\n"It is the best decision I made," says Anita, a customer.\n', "markdown")
    assert Voices(doc).self_promotion
    assert voice_in(doc, "best decision") == "own"


def test_a_publishers_app_is_not_a_promotion_of_investment_services() -> None:
    doc = parse('Download our news app for live updates.\n\n"Markets will recover," says Ravi Menon.\n', "markdown")
    assert not Voices(doc).self_promotion
    assert voice_in(doc, "Markets will recover") == "quoted"


def test_a_news_report_is_not_a_self_promotion() -> None:
    md = (
        "# SEBI bars finfluencer\n\n"
        'His posts said "join our channel for sure-shot calls" and promised assured returns.\n'
    )
    doc = parse(md, "markdown")
    assert not Voices(doc).self_promotion
    assert voice_in(doc, "sure-shot calls") == "quoted"


def test_describe_lists_the_non_own_spans() -> None:
    doc = parse('The order said he promised returns. "Join now," he wrote. We report.', "markdown")
    spans = Voices(doc).describe(doc.blocks[0])
    assert [s["voice"] for s in spans] == ["reported", "quoted", "reported"]
    assert spans[0]["text"] == "The order said he promised returns."
    assert spans[1]["text"] == '"Join now,"'


# -- visible to users: inspect and explain ---------------------------------------------------------------


def test_inspect_shows_each_blocks_quoted_and_reported_stretches() -> None:
    import json

    from newslint.cli.inspect_cmd import render_inspect

    doc = parse('The order said he promised "assured returns" to followers.\n\nShares rose 2%.\n', "markdown")
    data = json.loads(render_inspect(doc, "json"))
    assert data["self_promotion"] is False
    first, second = data["blocks"]
    assert [(s["voice"], s["text"]) for s in first["voices"]] == [
        ("reported", 'The order said he promised "assured returns" to followers.'),
        ("quoted", '"assured returns"'),
    ]
    assert second["voices"] == []
    assert first["text"] and first["line"] == 1  # the existing fields stay
    text = render_inspect(doc, "text")
    assert '(quoted) "assured returns"' in text


def test_explain_names_the_voices_a_rule_reports() -> None:
    import json

    from newslint.cli.rules_cmd import render_explain
    from newslint.rules.loader import load_rules

    rules = {r.id: r for r in load_rules([]).rules}
    assert "Voices:    own (the page's own text;" in render_explain(rules["sebi-assured-returns"], None, "text")
    assert json.loads(render_explain(rules["sebi-assured-returns"], None, "json"))["voices"] == ["own"]
    assert "Voices:    any" in render_explain(rules["meta-byline-missing"], None, "text")


def test_a_promotion_spelt_with_letters_a_case_insensitive_match_equates_is_found() -> None:
    """The self-promotion prefilter compares case keys, as the expressions match: "ſ" is an "s"."""
    for pitch in ("ſubscribe to my daily tips.", "Join my Telegram channel for daily ſtock tips, ſignals."):
        doc = parse(f'{pitch}\n\n"It works," says Anita.\n', "markdown")
        assert Voices(doc).self_promotion, pitch
        assert voice_in(doc, "It works") == "own"


@pytest.mark.parametrize(
    "sentence",
    [
        "Shree Ganesh Finance Ltd, an NBFC in Gujarat, invites deposits from the public at 9.1% a year.",
        "Kaveri Finance invites fixed deposits from ₹10,000 for 12 to 60 months.",
        "Our team invites applications for the December batch.",
        "Pay ₹999 and message us on WhatsApp to get added to the group.",
        "The stock was added to the Nifty Next 50 index in September.",
    ],
)
def test_a_firms_solicitation_and_a_passive_added_are_not_reported_speech(sentence: str) -> None:
    assert not is_reported(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The finfluencer invited followers to join his paid Telegram group.",
        "Kaveri Finance added that its deposits were rated AA.",
        "The company invited investors to a meeting, the regulator said.",
    ],
)
def test_an_invitation_reported_and_a_said_added_stay_reported(sentence: str) -> None:
    assert is_reported(sentence)
