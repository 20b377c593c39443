"""The language of each block (English, Hindi, Hinglish) and what it chooses: the rule patterns declared for a
language (``lang:``), the negation cues, the reporting words and the self-promotion expressions."""

from __future__ import annotations

import json
from datetime import date

import pytest

from helpers import parse, source
from newslint.language.languages import LEXICONS, BlockLanguages, guess
from newslint.language.negation import negated
from newslint.language.reporting import is_reported
from newslint.language.voices import Voices
from newslint.rules.loader import Loader, RuleLoadError
from newslint.running.linter import Linter, lint_source

# -- the guess from a block's own text --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Telegram join karo",
        "Abhi join karo!",
        "SEBI registered hain hum",
        "Sure profit milega, call milegi roz",
        "Nifty options me 100% pakka profit, intraday calls daily",
        "Bank Nifty expiry ke liye jackpot calls",
        "Reliance ka share abhi buy karo, target 3000 aur stop loss 2800",
        "Is strategy se aapka paisa 3 mahine mein double ho jayega.",
        "Paisa double in 30 days",
    ],
)
def test_romanised_hindi_is_hinglish_even_in_a_short_line_with_english_finance_words(text: str) -> None:
    assert guess(text) == ("hinglish", True)


@pytest.mark.parametrize(
    "text",
    [
        "रिलायंस (RELIANCE) का टारगेट ₹3000, स्टॉपलॉस ₹2800",
        "BANKNIFTY 48500 CE पर कॉल: टारगेट 260, SL 180",
        'सेबी ने कहा, "Join our Telegram channel for calls"',
        "निफ्टी",
    ],
)
def test_devanagari_with_english_tickers_and_quotes_is_hindi(text: str) -> None:
    assert guess(text) == ("hi", True)


@pytest.mark.parametrize(
    "text",
    [
        # English words that romanised Hindi also uses: the coin, the party, the head of a Hindu family.
        "The rupee fell 12 paise to 83.45 against the US dollar on Friday, dealers said.",
        "AAP leader Atishi said the party would contest the polls in Delhi on its own.",
        "The karta of a Hindu undivided family can open a demat account for the HUF.",
        "Shares of the bank rose 2% to ₹1,620 on the NSE after the results.",
    ],
)
def test_english_is_english(text: str) -> None:
    assert guess(text) == ("en", True)


@pytest.mark.parametrize(
    "text", ["Ravi Menon", "BANKNIFTY 48500 CE @ 210 TGT 260 SL 180", "24,310.55 (+1.2%)", "Join now"]
)
def test_names_numbers_and_ticker_lines_are_undecided(text: str) -> None:
    assert guess(text)[1] is False


# -- the context of short lines: neighbours, then the page's lang -------------------------------------------


def languages_of(md: str) -> list[str]:
    doc = parse(md, "markdown")
    languages = BlockLanguages(doc)
    return [languages.of(b) for b in doc.blocks if b.text]


def test_a_ticker_line_takes_the_language_of_the_blocks_around_it() -> None:
    hinglish = "Aaj ka jackpot call, abhi entry lo aur profit pakka karo.\n\nBANKNIFTY 48500 CE @ 210 TGT 260\n"
    assert languages_of(hinglish) == ["hinglish", "hinglish"]
    english = "Here is today's Bank Nifty trade for our members.\n\nBANKNIFTY 48500 CE @ 210 TGT 260\n"
    assert languages_of(english) == ["en", "en"]


def test_a_short_hinglish_line_on_an_english_page_keeps_its_own_language() -> None:
    md = (
        "The Nifty ended the week at 24,310, up 1.1%, as banks and IT stocks gained.\n\n"
        "Telegram join karo\n\n"
        "Volumes on the NSE were 12% above their 20-day average.\n"
    )
    assert languages_of(md) == ["en", "hinglish", "en"]


def test_a_short_line_of_words_both_english_and_romanised_hindi_goes_with_its_neighbours() -> None:
    for line in ("Application daal do aaj hi, last day kal.", "₹126 ke price pe apply kar do."):
        assert guess(line) == ("en", False), line
        hinglish = f"Narmada Agro ka IPO pehle hi din 18 guna bhar gaya hai, retail hissa bhi full hai.\n\n{line}\n"
        assert languages_of(hinglish) == ["hinglish", "hinglish"], line
        english = f"Narmada Agro's IPO was subscribed 18 times on the first day, exchange data showed.\n\n{line}\n"
        assert languages_of(english) == ["en", "en"], line
    # a longer English paragraph with such a word ("PE" funds, the "karta" of an HUF) stays English on its own
    assert guess(
        "PE funds invested ₹12,000 crore in Indian start-ups in the quarter, a report by Venture data said."
    ) == (
        "en",
        True,
    )


def test_an_english_page_is_english_without_a_guess_per_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """No Devanagari and no romanised Hindi word on the page: every block is English, and no block's text is
    guessed (the page-wide test decides); one Hinglish word anywhere and each block is guessed again."""
    from newslint.language import languages

    calls: list[str] = []
    real = languages.guess

    def counting(text: str) -> tuple[str, bool]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(languages, "guess", counting)
    english = (
        "The Nifty ended the week at 24,310.\n\nBANKNIFTY 48500 CE @ 210 TGT 260\n\n"
        "Volumes on the exchange were 12% above their average.\n"
    )
    assert languages_of(english) == ["en", "en", "en"] and calls == []
    mixed = english + "\nTelegram join karo\n"
    assert languages_of(mixed) == ["en", "en", "en", "hinglish"] and calls


def test_mixed_pages_work_block_by_block() -> None:
    md = (
        "The Nifty ended the week at 24,310, up 1.1%, as banks and IT stocks gained.\n\n"
        "हमारी कॉल्स से गारंटीड रिटर्न पाएं, हर महीने 10%।\n\n"
        "Analysts expect the index to stay range-bound next week, brokers said.\n"
    )
    assert languages_of(md) == ["en", "hi", "en"]


def test_an_undecided_block_with_no_decided_neighbour_takes_the_pages_lang() -> None:
    html = '<html lang="hi"><body><article><p>Ravi Menon</p><p>BANKNIFTY 48500 CE</p></article></body></html>'
    doc = parse(html, "html")
    languages = BlockLanguages(doc)
    assert [languages.of(b) for b in doc.blocks if b.text] == ["hinglish", "hinglish"]
    doc = parse(html.replace('lang="hi"', 'lang="en"'), "html")
    languages = BlockLanguages(doc)
    assert [languages.of(b) for b in doc.blocks if b.text] == ["en", "en"]


# -- what the language chooses: lexicons ------------------------------------------------------------------


def test_hinglish_negation_words_do_not_read_english_text() -> None:
    # "MAT" (minimum alternate tax) is the Hinglish "don't" only in romanised Hindi.
    text = "Book MAT credit and guaranteed returns of 2% a month with our Nifty calls."
    at = text.index("guaranteed returns")
    assert not negated(text, at, at + 18, LEXICONS["en"])
    assert negated(text, at, at + 18, LEXICONS["hinglish"])
    hinglish = "Guaranteed returns ka wada mat karo kisi se."
    assert negated(hinglish, 0, 18, LEXICONS["hinglish"])


def test_hinglish_par_ends_a_clause_only_in_hinglish() -> None:
    text = "No adviser at par gives guaranteed returns"
    at = text.index("guaranteed returns")
    # In English "par" is a noun: the "no" governs the clause.
    assert negated(text, at, at + 18, LEXICONS["en"])
    # In Hinglish "par" at the head of a clause is "but" and ends it ...
    text = "Koi bhi adviser nahi deta, par hum guaranteed returns dete hain"
    at = text.index("guaranteed returns")
    assert not negated(text, at, at + 18, LEXICONS["hinglish"])
    # ... and after a noun it is the postposition "on", which ends nothing: the "nahi" governs the claim.
    text = "Listing par guaranteed returns kabhi nahi milte"
    at = text.index("guaranteed returns")
    assert negated(text, at, at + 18, LEXICONS["hinglish"])


def test_hindi_par_as_a_postposition_does_not_end_a_clause() -> None:
    text = "सेबी ने सलाहकारों के फ्री ट्रायल देने पर रोक लगा दी है"
    at = text.index("फ्री ट्रायल")
    assert negated(text, at, at + len("फ्री ट्रायल"), LEXICONS["hi"])
    text = "कोई भी सलाहकार यह नहीं कहता, पर हम गारंटीड रिटर्न देते हैं"
    at = text.index("गारंटीड रिटर्न")
    assert not negated(text, at, at + len("गारंटीड रिटर्न"), LEXICONS["hi"])


def test_hinglish_reporting_words_report_only_in_hinglish() -> None:
    assert is_reported("Police ke mutabik usne pakka profit ka wada kiya", LEXICONS["hinglish"])
    assert not is_reported("Dawa Sherpa guides treks and offers guaranteed returns", LEXICONS["en"])


def test_the_english_word_mere_is_not_a_self_promotion_of_a_news_page() -> None:
    md = (
        "SEBI said the channel was a mere group of tips that promised sure profits.\n\n"
        '"Join for assured returns," a post read.\n'
    )
    doc = parse(md, "markdown")
    assert not Voices(doc).self_promotion
    hinglish = parse("Mere Telegram channel ko join karo, roz calls milegi.\n", "markdown")
    assert Voices(hinglish).self_promotion


# -- what the language chooses: rule patterns (`lang:`) -----------------------------------------------------

RULES = """\
pack: p
rules:
  - id: promise
    severity: error
    message: "'{match}'"
    description: d
    forbid:
      patterns: ['\\bsure\\s+profit\\b']
      any:
        - lang: hi
          patterns: ['पक्का\\s+मुनाफा']
        - lang: hinglish
          patterns: ['\\bpakka\\s+profit\\b']
"""


def findings(rules: str, md: str) -> list[tuple[int, str]]:
    loader = Loader()
    loader.load_text(rules, "r.yaml")
    ruleset = loader.finish()
    result = lint_source(Linter(ruleset, date(2026, 11, 29), ruleset.rules), source(md, "markdown"))
    assert result.error is None
    return [(f.line, f.message.strip("'")) for f in result.findings]


def test_patterns_apply_in_the_blocks_of_their_language() -> None:
    md = (
        "A sure profit, says the ad; pakka profit is a phrase in the ad.\n\n"  # English: only the English pattern
        "Is call mein pakka profit milega.\n\n"  # Hinglish: English and Hinglish patterns
        "इस कॉल में पक्का मुनाफा, sure profit.\n"  # Hindi: Hindi and English patterns
    )
    assert findings(RULES, md) == [
        (1, "sure profit"),
        (3, "pakka profit"),
        (5, "पक्का मुनाफा"),
        (5, "sure profit"),
    ]


def test_unknown_language_is_a_load_error_with_its_line() -> None:
    loader = Loader()
    loader.load_text(RULES.replace("lang: hinglish", "lang: urdu"), "r.yaml")
    with pytest.raises(RuleLoadError) as exc:
        loader.finish()
    assert any(
        p.startswith("r.yaml:12:") and "must be one of en, hi, hinglish; got 'urdu'" in p for p in exc.value.problems
    )


def test_explain_and_inspect_show_languages() -> None:
    from newslint.cli.inspect_cmd import render_inspect
    from newslint.cli.rules_cmd import render_explain

    loader = Loader()
    loader.load_text(RULES, "r.yaml")
    rule = loader.finish().rules[0]
    text = render_explain(rule, None, "text")
    assert "Languages: 1 pattern in every block; 1 pattern in Hindi blocks; 1 pattern in Hinglish blocks" in text
    assert json.loads(render_explain(rule, None, "json"))["languages"] == {"any": 1, "hi": 1, "hinglish": 1}
    doc = parse("Shares rose 2% on the NSE after the results today.\n\nTelegram join karo\n", "markdown")
    data = json.loads(render_inspect(doc, "json"))
    assert [b["language"] for b in data["blocks"]] == ["en", "hinglish"]
    assert "hinglish Telegram join karo" in render_inspect(doc, "text")


def test_the_builtin_packs_declare_their_hindi_and_hinglish_patterns() -> None:
    from newslint.rules.loader import load_rules

    rules = {r.id: r for r in load_rules([]).rules}
    assert rules["sebi-assured-returns"].languages.get("hi", 0) >= 6
    assert rules["sebi-assured-returns"].languages.get("hinglish", 0) >= 3
    assert rules["sebi-calls-solicitation"].languages.get("hi, hinglish", 0) >= 2


def test_a_language_set_is_not_tried_in_blocks_of_other_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The block gate skips a `lang: hinglish` set's expressions in English and Hindi blocks (its matches there
    would be dropped anyway): the findings are the same, with fewer expression calls."""
    from newslint.language import patterns as patterns_module

    tried: list[str] = []
    original = patterns_module.Pattern.finditer

    def counting(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "pakka" in self.text:
            tried.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(patterns_module.Pattern, "finditer", counting)
    md = (
        "The ad's words were pakka profit, the regulator found in its order on Monday.\n\n"
        "Is call mein pakka profit milega.\n\n"
        "इस कॉल में पक्का मुनाफा, pakka profit.\n"
    )
    assert (3, "pakka profit") in findings(RULES, md)
    assert tried and all("milega" in text for text in tried)


def test_a_language_set_is_skipped_on_a_page_without_that_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.language import patterns as patterns_module

    tried: list[str] = []
    original = patterns_module.Pattern.finditer

    def counting(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "pakka" in self.text:
            tried.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(patterns_module.Pattern, "finditer", counting)
    md = "The ad's words were pakka profit, the regulator found in its order on Monday, quoting the channel.\n"
    assert findings(RULES, md) == []
    assert tried == []


@pytest.mark.parametrize(
    ("text", "hindi", "hinglish"),
    [
        ("# Sensex ends higher\n\nThe Sensex rose 0.4% on Monday as banks gained.\n", False, False),
        ("# Sensex\n\nThe Sensex rose.\n\nहर महीने 10% पक्का मुनाफा।\n", True, False),
        ("# Nifty\n\nThe Nifty rose.\n\nTelegram channel join karo, roz profit milega.\n", False, True),
    ],
)
def test_may_have_rules_out_hindi_and_hinglish_on_a_page_without_them(text: str, hindi: bool, hinglish: bool) -> None:
    """The cheap page test never says no where a block is in the language (then every block is worked out)."""
    doc = parse(text, "markdown")
    languages = BlockLanguages(doc)
    assert languages.may_have("hi") is hindi
    assert languages.may_have("hinglish") is hinglish
    found = {languages.of(b) for b in doc.blocks if b.text}
    assert ("hi" in found) <= hindi and ("hinglish" in found) <= hinglish


@pytest.mark.parametrize(
    "text",
    [
        'Main SEBI registered hoon, isliye 100% trust kar sakte ho. DM "THETA" for details.',
        "Paid group ka screenshot bhejo aur admin ko message karo for the premium link today.",
    ],
)
def test_first_person_and_connectives_of_romanised_hindi_make_a_long_line_hinglish(text: str) -> None:
    assert guess(text) == ("hinglish", True)
