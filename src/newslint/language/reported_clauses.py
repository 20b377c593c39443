"""Two passes of ``reporting.reported_sentences`` that read a sentence's frame, not its verb: a condition whose
subject is someone indefinite ("If a stranger on WhatsApp offers you a sure-shot tip, ...") and a present-tense
attribution closing the sentence ("..., planners say.", "..., says Priya Rao.")."""

from __future__ import annotations

from bisect import bisect_right

import regex

from newslint.language import expression_store, lexicons
from newslint.language.lazy_pattern import LazyPattern
from newslint.language.lexicons.forms import verb_forms

CONDITIONS = frozenset(["if", "when", "whenever", "unless", "once"])
_conditional_pattern: regex.Pattern[str] | None = None


def conditional_expression() -> regex.Pattern[str]:
    """A condition whose subject is someone indefinite saying something ("if a stranger ... offers")."""
    global _conditional_pattern
    if _conditional_pattern is None:
        forms = "|".join(sorted(indefinite_forms(), key=lambda f: (-len(f), f)))
        _conditional_pattern = expression_store.own(
            r"\b(?:if|when|whenever|unless|once)\s+(?:a|an|any|some|your|such\s+an?)\s+"
            rf"(?:(?!(?:we|i|our|my|us)\b)[\w'-]+\s+){{0,5}}?(?:{forms})\b",
            regex.IGNORECASE | regex.VERSION0,
        )
    return _conditional_pattern


def conditional(text: str, sentences: list[tuple[int, int]], starts: list[int], reported: list[bool]) -> None:
    """Marks reported the sentences whose condition has someone indefinite say something: "If a stranger on
    WhatsApp offers you a sure-shot tip, ...", "When your broker promises 2% a month, walk away": a case the page
    warns about, nobody's claim (not "If our desk promises...": the first person is the page)."""
    for m in conditional_expression().finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= sentences[i][1]:
            continue
        s, e = sentences[i]
        comma = text.find(",", m.end(), e)
        main = text[comma:e] if comma >= 0 else text[s : m.start()]
        if _FIRST_PERSON_MAIN.search(main) is None:  # "If a client asks, we promise 3% a month": the page's
            reported[i] = True


_FIRST_PERSON_MAIN = LazyPattern(r"(?<!\w)(?:we|our|us|i|my)(?!\w)", regex.IGNORECASE)
# A present-tense attribution closing the sentence: "..., planners say.", "..., most advisers suggest.", "...,
# says Priya Rao." (the past, "..., planners said", is a reporting verb anywhere).
_TRAILING_BASES = ("say", "argue", "believe", "suggest", "warn", "reckon", "feel", "note", "agree", "caution", "advise")
_TRAILING_THIRD = ("says", "argues", "believes", "suggests", "warns", "notes", "cautions", "advises")  # ", says X"
TRAILING_VERBS = frozenset((*_TRAILING_BASES, *(f"{v}s" for v in _TRAILING_BASES)))  # (the words that call for it)
_TRAILING_PRESENT = LazyPattern(
    r",\s+(?:(?!(?:we|us|our|i|my)\b)[a-z][a-z-]*\s+){0,3}?(?!(?:we|us|our|i|my)\b)[a-z][a-z-]+s\s+"
    rf"(?:{'|'.join(_TRAILING_BASES)})\W*$"
    rf"|,\s+(?:{'|'.join(_TRAILING_THIRD)})\s+(?-i:[A-Z])[^,;]{{0,80}}$",
    regex.IGNORECASE | regex.VERSION0,
)


def trailing_present(text: str, sentences: list[tuple[int, int]], reported: list[bool]) -> None:
    """Marks reported the sentences closed by a present-tense attribution to a third party."""
    for i, (s, e) in enumerate(sentences):
        if not reported[i] and _TRAILING_PRESENT.search(text[s:e].rstrip()) is not None:
            reported[i] = True


INDEFINITE = frozenset(["someone", "anyone", "somebody", "anybody"])
_indefinite: frozenset[str] | None = None


def indefinite_forms() -> frozenset[str]:
    """The third-person present of every reporting verb ("offers", "asks", "promises"): after "someone"."""
    global _indefinite
    if _indefinite is None:
        _indefinite = frozenset(f for lemma in lexicons.REPORTING_VERBS for f in verb_forms(lemma, ("VBZ",)))
    return _indefinite
