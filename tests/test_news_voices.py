"""English news mechanisms: third-party recommendations are reported, denials after the claim, and sentences
that name the sentences before them as someone's messages."""

from __future__ import annotations

from newslint.language.negation import negated
from newslint.language.voices import _looks_back, is_reported


def test_a_named_third_partys_recommendation_is_reported_but_the_pages_own_is_not():
    assert is_reported("SBI Securities has recommended subscribing to the issue, citing its brand.")
    assert is_reported("Motilal Oswal maintained its buy rating on the stock.")
    assert not is_reported("We recommend subscribing for listing gains.")
    assert not is_reported("Our research desk recommends accumulating the stock.")
    assert not is_reported("Buy Kaveri Cement at Rs 1,120 with a target of Rs 1,210.")


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
