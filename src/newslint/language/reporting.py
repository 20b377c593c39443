"""Reported speech: whether a sentence reports what someone else said, claimed, promised or was accused of.

A reporting verb in any inflection (said, told, claimed, alleged, promised, lured...) unless its subject is
first person ("we promise"), or a source phrase (according to, in a press release, in the order, allegedly,
reportedly), in English, Hindi (कहा, आरोप, के मुताबिक, सूत्रों) and Hinglish, read with the lexicons of the
block's language. ``voices.py`` turns these answers into the spans of a block's voices. Written by hand: no
library marks reported speech in Indian English, Hindi and Hinglish.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import regex

from newslint.document.sentences import split_sentences
from newslint.language import expression_store, lexicons
from newslint.language.devanagari import spelling_variants
from newslint.language.lazy_pattern import LazyPattern
from newslint.language.lexicons.forms import verb_forms
from newslint.language.literals import holds_all
from newslint.language.patterns import required_literal_sets
from newslint.language.quotations import quoted_spans, unquoted
from newslint.language.reported_clauses import (
    CONDITIONS,
    INDEFINITE,
    TRAILING_VERBS,
    conditional,
    conditional_expression,
    indefinite_forms,
    trailing_present,
)

if TYPE_CHECKING:
    from newslint.document.model import Block

# Verbs reported in every finite form (said, says, has claimed); "-ing" only for the unambiguous ones ("saying",
# not "promising stocks"); base forms never (imperatives: "Expect 10% a month").
_FINITE = ("VBD", "VBN", "VBZ")
_ING = frozenset(["say", "tell", "claim", "allege", "accuse", "lure", "dupe", "cheat", "defraud", "warn", "caution"])
# Verbs whose present forms are common nouns in promotions ("daily posts", "our reports"): past forms only.
_PAST_ONLY = frozenset(
    [
        "post",
        "note",
        "order",
        "report",
        "quote",
        "offer",
        "ask",
        "cite",
        "find",
        "direct",
        "charge",
        "add",
        "state",
        "point",
        "highlight",
        "stress",
    ]
)
_FIRST_PERSON = frozenset(["we", "i", "us", "our", "my", "i've", "we've", "we're", "i'm", "ours"])
# The plain present ("they promise", "fraudsters who claim", "such apps advertise") is reported only after a
# third-person plural subject: alone, the base form is an imperative ("Promise yourself...", "Ask for a demo").
_THIRD_PLURAL = frozenset(["they", "who"])
_THIRD_DETERMINERS = frozenset(["such", "these", "those", "many", "some", "most"])
# Of the reporting verbs, those whose plain present speaks of what someone says (not "clients who add funds").
_SPEECH_PRESENT = frozenset(lexicons.REPORTING_VERBS).difference(
    [
        "add",
        "find",
        "order",
        "charge",
        "note",
        "post",
        "offer",
        "direct",
        "state",
        "quote",
        "cite",
        "report",
        "write",
        "point",
        "highlight",
        "stress",
        "recall",
        "clarify",
    ]
)
# "claims" is also the insurance noun ("claims support", "cashless claims", "the claims ratio", "a claims manager who
# stays with you"): not a verb there.
_CLAIMS_NOUN_AFTER = LazyPattern(
    r"\s+(?:support|settlements?|settled|ratio|process|processing|team|paid|costs?|experience|assistance|service|"
    r"help|desk|rejections?|history|bonus|approvals?|handling|intimation|TAT|managers?|officers?|executives?|"
    r"specialists?|handlers?|helpline|hotline|portal|tracking|status|concierge|guarantee)\b",
    regex.IGNORECASE,
)
_CLAIMS_NOUN_BEFORE = LazyPattern(
    r"(?:\b(?:cashless|insurance|health|motor|medical|pending|settled|rejected|reimbursement|the|its|their|your|"
    r"no|all|any|of|and|fast|quick|easy|hassle[\s-]free)|-)\s*$",
    regex.IGNORECASE,
)
# "invite" with what a firm asks for as its object is its own solicitation, not a report ("Kaveri Finance invites
# deposits from the public", "we invite applications", "invites you to open an account"); "invited followers to
# join" stays a report.
_INVITE_OBJECT = LazyPattern(
    r"\s+(?:you\b|deposits?|applications?|bids|subscriptions?|investments?|fixed\s+deposits?|FDs?\b|"
    r"investors\s+to\s+(?:invest|apply|subscribe|open|book))",
    regex.IGNORECASE,
)
# ... and the reader invited in the passive is the page's own solicitation too: "you are invited to invest in
# Kaveri Wealth Plus", "You're cordially invited to our investor meet" ("they were invited" stays a report).
_YOU_INVITED_BEFORE = LazyPattern(
    r"\b(?:you\s+are|you(?:'|’)re|you\s+have\s+been|you(?:'|’)ve\s+been)\s+(?:(?:cordially|warmly|specially|personally)\s+)?$",
    regex.IGNORECASE,
)
# A reported clause about the page's own (indirect speech shifts a report's pronouns to the third person).
_OUR_AFTER = expression_store.own(r"^\W*(?:\S+\s+){0,3}?(?:we|our|we're|we've)(?!\w)", regex.IGNORECASE)
_LABEL_PARTICIPLES = frozenset(["offered", "promised", "advertised", "pitched", "posted", "quoted", "listed"])
# Words that make the stretch before a participle a clause ("What was promised", "He promised"), not a label.
_SUBJECT_WORDS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "what",
        "who",
        "which",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
    ]
)
_LABEL_END = expression_store.own(r"\s*(?:[:\u2013\u2014|.-]|$)")  # "Plans offered:", a heading "Plans offered"


def _relative_that(before: list[str]) -> bool:
    """Whether the "that" ending ``before`` is a relative pronoun after a noun ("ads that offered assured returns"),
    not a determiner ("that offered price")."""
    return (
        len(before) >= 2
        and before[-1] == "that"
        and before[-2].isalpha()
        and before[-2] not in _DETERMINERS
        and before[-2] not in _PREPOSITIONS
    )


_PREPOSITIONS = frozenset(["at", "in", "on", "by", "to", "from", "about", "into", "under", "over", "like", "than"])


_BELIEVE_IN = LazyPattern(r"\s+in\b", regex.IGNORECASE)
# The writings a person produces, as the object of "write" or "tweet": a biography line ("now writes a daily
# note for 30,000 subscribers", "has written three books on options", "tweets his charts every day") tells what
# the person does, it reports no words ("wrote that ...", "wrote on his channel", "wrote in a note" do).
_PUBLICATION_OBJECT = LazyPattern(
    r"\s+(?:(?:a|an|the|his|her|their|its|two|three|four|five|several|many|popular|regular|widely[\s-]read)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:notes?|columns?|newsletters?|blogs?|books?|reports?|commentar(?:y|ies)|charts?|"
    r"analys[ie]s|threads|articles|research|letters\s+to\s+(?:clients|investors|subscribers))\b",
    regex.IGNORECASE,
)
# Participles that read as adjectives after a determiner ("the added benefit", "its reported profit"); others
# keep their reporting sense there ("the alleged fraud", "the promised returns").
_ADJECTIVAL = frozenset(
    [
        "added",
        "stated",
        "noted",
        "posted",
        "offered",
        "quoted",
        "described",
        "mentioned",
        "declared",
        "reported",
        "ordered",
        "directed",
        "advertised",
        "announced",
        "disclosed",
        "cited",
        "written",
    ]
)
_PASSIVE_AUXILIARIES = frozenset(["get", "gets", "got", "getting", "be", "been", "being", "is", "are", "was", "were"])
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "with",
        "its",
        "their",
        "our",
        "your",
        "this",
        "that",
        "these",
        "those",
        "any",
        "no",
        "of",
        "for",
        "his",
        "her",
    ]
)


def _verb_alternatives() -> list[str]:
    out: set[str] = set()
    for lemma in lexicons.REPORTING_VERBS:
        tags: tuple[str, ...] = ("VBD", "VBN") if lemma in _PAST_ONLY else _FINITE
        if lemma in _ING:
            tags = (*tags, "VBG")
        out.update(verb_forms(lemma, tags))
    return sorted(out, key=lambda f: (-len(f), f))


class Source:
    """One source expression (see ``source_patterns``): its lexicon, whether a first-person subject before it
    makes it the page's own, and, worked out on first need, the literals it needs and the compiled expression.

    Lazily: most runs never need a Hindi or Hinglish expression (no block in those languages), and most of the
    English ones are ruled out by their literals on every page; compiling all 27 cost about 20 ms a process.
    """

    __slots__ = ("_parted", "_pattern", "_sets", "expression", "guarded", "lexicon")

    def __init__(self, expression: str, lexicon: str, guarded: bool) -> None:
        self.expression = expression
        self.lexicon = lexicon
        self.guarded = guarded
        self._sets: tuple[frozenset[str], ...] | None = None
        self._pattern: regex.Pattern[str] | None = None
        self._parted: tuple[tuple[frozenset[str], tuple[str, ...]], ...] | None = None

    @property
    def sets(self) -> tuple[frozenset[str], ...]:
        """The literals the expression needs (``required_literal_sets``, case keys)."""
        if self._sets is None:
            self._sets = required_literal_sets(self.expression, False)
        return self._sets

    @property
    def parted(self) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
        """Each set of ``sets`` parted into the literals an automaton looks for and the short ones (see
        ``SHORT``) looked for with ``in``."""
        if self._parted is None:
            self._parted = tuple(
                (
                    frozenset(lit for lit in literals if len(lit) > SHORT),
                    tuple(lit for lit in literals if len(lit) <= SHORT),
                )
                for literals in self.sets
            )
        return self._parted

    @property
    def pattern(self) -> regex.Pattern[str]:
        if self._pattern is None:
            self._pattern = expression_store.own(self.expression, regex.IGNORECASE | regex.VERSION0)
        return self._pattern


_sources: list[Source] | None = None
_verbs: frozenset[str] = frozenset()
# Every byte of UTF-8 but the ASCII lower-case letters, as a space: ``_letter_runs`` (the runs ``[a-z]+``).
_ONLY_LOWER_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _letter_runs(lower: str) -> list[str]:
    """The runs of ASCII lower-case letters of ``lower``, in order: what ``re.findall("[a-z]+", lower)`` finds,
    found by translating its UTF-8 and splitting, in C (a character outside ASCII is bytes of 0x80 and above,
    which part words as it did)."""
    return lower.encode("utf-8", "surrogatepass").translate(_ONLY_LOWER_LETTERS).decode("ascii").split()


ALL_LEXICONS = frozenset(["en", "hi", "hinglish"])


def source_patterns() -> list[Source]:
    """Source phrases (according to, in a press release, allegedly), Hinglish and Hindi reporting words: one
    expression each, with the literals it needs (``required_literal_sets``) and the lexicon it belongs to
    (``en``, ``hi``, ``hinglish``: a block is read only with its language's, see ``languages.LEXICONS``), and
    whether a first-person subject before it makes it the page's own (Hindi and Hinglish promise verbs).

    Apart, not as one alternation: ``regex`` tries an alternation of lookbehind-led branches at every
    position (about 100 µs for a paragraph), where each branch alone, behind its literal prefilter, costs a
    few. The reporting verbs are single words, looked up in a set (``_verbs``).
    """
    global _sources, _verbs
    if _sources is None:
        _verbs = frozenset(_verb_alternatives())
        # "हमारी टीम का दावा है", "hamara dawa hai": the page's own claim, not a report of someone else's.
        # The present of a verb of speech is the page's own after a first-person subject ("यह मैं गारंटी के साथ कहता
        # हूं", "main guarantee ke saath bolta hoon"); a claim or promise noun likewise ("हमारी टीम का दावा है").
        own_claim_hi = (
            "दावा",
            "दावे",
            "दावों",
            "वादे",
            "वादों",
            "कहता",
            "कहते",
            "कहती",
            "बताता",
            "बताते",
            "बताती",
            "बोलता",
            "बोलते",
            "लिखता",
            "लिखते",
        )
        own_claim_hinglish = (
            "dawa", "daawa", "dawon", "daawon", "kehta", "kehte", "kehti", "kahta", "kahte", "kahti",
            "bolta", "bolte", "bolti", "batata", "batate", "batati",
        )  # fmt: skip
        hindi = "|".join(
            regex.escape(w) for w in sorted(lexicons.REPORTING_HI, key=len, reverse=True) if w not in own_claim_hi
        )
        hinglish = "|".join(regex.escape(w) for w in lexicons.REPORTING_HINGLISH if w not in own_claim_hinglish)
        sources = [(rf"(?<!\w)(?:{p})(?!\w)", "en", False) for p in lexicons.SOURCE_PHRASES_EN]
        # A future passive promises a service, it reports nothing: "मेरे पेड ग्रुप में आपको बताया जाएगा कि ...",
        # "group mein bataya jayega"; "कहां" (where) is not "कहा" (said).
        sources.append(
            (
                rf"(?<!\w)(?:{hinglish})(?!\w)(?!\s+(?:jayega|jaayega|jayegi|jaayegi|jayenge|jaenge)\b)",
                "hinglish",
                False,
            )
        )
        sources.append(
            (
                spelling_variants(rf"(?<!\w)(?:{hindi})(?![\u0901\u0902])(?!\s+(?:जाएगा|जाएगी|जाएंगे|जायेगा|जायेगी|जायेंगे))"),
                "hi",
                False,
            )
        )
        # A claim or promise is someone else's unless a first-person subject stands before it in its sentence
        # ("हमारा मॉडल पोर्टफोलियो ... के वादे के साथ आता है", "hamari team ka dawa hai"): guarded, as the
        # promise verbs are.
        promise_hi = "|".join(_phrase(w) for w in (*lexicons.PROMISE_VERBS_HI, *own_claim_hi))
        promise_hinglish = "|".join(_phrase(w) for w in (*lexicons.PROMISE_VERBS_HINGLISH, *own_claim_hinglish))
        sources.append((spelling_variants(rf"(?<!\w)(?:{promise_hi})(?!\w)"), "hi", True))
        sources.append((rf"(?<!\w)(?:{promise_hinglish})(?!\w)", "hinglish", True))
        _sources = [Source(p, lexicon, guard) for p, lexicon, guard in sources]
    return _sources


_automata: dict[str, Any] = {}  # lexicon -> an Aho-Corasick automaton of its expressions' literals, or None
# Literals of at most this many letters ("in", "as", "to") are in nearly every block, often many times: looked
# for with ``in`` (which stops at the first), they add nothing to the automaton's matches to go through.
SHORT = 2


def _held_sources(lower: str, lexicons_of: frozenset[str]) -> list[Source]:
    """The source expressions of the lexicons ``lexicons_of`` whose literals ``lower`` (a block's text,
    lower-cased) holds, in order: each of a literal of each of its sets (``holds_all``).

    One Aho-Corasick pass over the block finds every literal of a lexicon's expressions (``pyahocorasick``,
    as for the packs' literal scan), and each expression's sets are tested against what it found. Testing the
    27 prefilters in turn, literal by literal, was the dearest part of a block's voices (118 ms for the 1,704
    blocks asked about on 100 finance pages; about 30 ms this way). Without ``pyahocorasick``, in turn.
    """
    found: dict[str, set[str] | None] = {}
    out = []
    for source in source_patterns():
        lexicon = source.lexicon
        if lexicon not in lexicons_of:
            continue
        if lexicon in found:
            present = found[lexicon]
        else:
            present = found[lexicon] = _literals_in(lower, lexicon)
        if present is None:
            if holds_all(lower, source.sets):
                out.append(source)
            continue
        for literals, short in source.parted:
            if present.isdisjoint(literals) and not any(lit in lower for lit in short):
                break
        else:
            out.append(source)
    return out


def _literals_in(lower: str, lexicon: str) -> set[str] | None:
    """The literals of ``lexicon``'s source expressions that ``lower`` holds (``None``: no automaton)."""
    if lexicon not in _automata:
        _automata[lexicon] = _automaton([s for s in source_patterns() if s.lexicon == lexicon])
    automaton = _automata[lexicon]
    if automaton is None:
        return None
    return set(map(_SECOND, automaton.iter(lower)))  # (collected in C)


_SECOND = itemgetter(1)  # the value (the literal) of an automaton's ``(end, value)`` match


def _automaton(sources: list[Source]) -> Any:
    """An Aho-Corasick automaton of the literals of ``sources`` longer than ``SHORT``; ``None`` without
    ``pyahocorasick`` or such literals."""
    try:
        import ahocorasick
    except ImportError:
        return None
    literals = {lit for source in sources for literals, _short in source.parted for lit in literals}
    if not literals:
        return None
    automaton = ahocorasick.Automaton()
    for lit in sorted(literals):
        automaton.add_word(lit, lit)
    automaton.make_automaton()
    return automaton


@expression_store.on_build
def _compile_sources() -> None:
    """Compile every source expression and the conditional one, for the store's build to record."""
    for source in source_patterns():
        source.pattern  # noqa: B018 - compiles it
    conditional_expression()


def _phrase(words: str) -> str:
    """A phrase of the lexicons as an expression: its words in order, any spacing between them."""
    return r"\s+".join(regex.escape(w) for w in words.split())


_FIRST_PERSON_HI = LazyPattern(lexicons.FIRST_PERSON_HI, regex.IGNORECASE)


def is_reported(sentence: str, lexicons_of: frozenset[str] = ALL_LEXICONS) -> bool:
    """Whether ``sentence`` is reported speech: it holds a source phrase or a reporting verb (not after a
    first-person subject: "we promise" is the page's own voice), read with the lexicons ``lexicons_of``."""
    return reported_sentences(sentence, [(0, len(sentence))], lexicons_of)[0]


@lru_cache(maxsize=256)
def _words_pattern(words: frozenset[str]) -> regex.Pattern[str]:
    """The whole words ``words`` in any case (the few reporting verbs a block holds: pages repeat them)."""
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE | regex.VERSION0)


# An amount after "added": a gain, not speech ("Ethereum added 19% in October", "the index added 310 points").
_AMOUNT_AFTER = LazyPattern(
    r"\s+(?:(?:another|over|nearly|about|almost|just)\s+)?(?:[₹$+]|rs\.?\s?)?\d", regex.IGNORECASE
)


def reported_sentences(
    text: str, sentences: list[tuple[int, int]], lexicons_of: frozenset[str] = ALL_LEXICONS
) -> list[bool]:
    """For each sentence of ``text`` (a block, quotations blanked), whether ``is_reported`` finds it reported
    (read with the lexicons ``lexicons_of``).

    One search of the block instead of one per sentence: no source phrase or reporting verb holds the
    punctuation that ends a sentence, so none spans two, and a sentence's matches are the block's matches
    that start in it; a verb's first-person subject is looked for within its own sentence.
    """
    starts = [s for s, _e in sentences]
    reported = [False] * len(sentences)
    lower = text.lower()
    for source in _held_sources(lower, lexicons_of):
        guarded = source.guarded
        for m in source.pattern.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < sentences[i][1]:
                if guarded and _FIRST_PERSON_HI.search(text, sentences[i][0], m.start()):
                    continue  # "हम ... वादा करते हैं": the page's own promise
                reported[i] = True
    # The words of ASCII letters: a verb standing alone (between non-word characters) is one of them.
    words = _letter_runs(lower)
    _plain_present(text, sentences, starts, reported, words)
    if "," in text and not TRAILING_VERBS.isdisjoint(words):
        trailing_present(text, sentences, reported)
    if not CONDITIONS.isdisjoint(words):
        conditional(text, sentences, starts, reported)
    present = _verbs.intersection(words)
    if not present:
        return reported
    for w in _words_pattern(frozenset(present)).finditer(text):
        i = bisect_right(starts, w.start()) - 1
        if i < 0 or reported[i] or w.start() >= sentences[i][1]:
            continue
        if w.group().lower() == "claims" and (
            _CLAIMS_NOUN_AFTER.match(text, w.end())
            or _CLAIMS_NOUN_BEFORE.search(text[max(0, w.start() - 30) : w.start()])
        ):
            continue
        if w.group().lower().startswith("invit") and (
            _INVITE_OBJECT.match(text, w.end()) or _YOU_INVITED_BEFORE.search(text[max(0, w.start() - 40) : w.start()])
        ):
            continue  # "invites deposits from the public", "you are invited to invest": the firm's own solicitation
        if w.group().lower() in _LABEL_PARTICIPLES and _LABEL_END.match(text, w.end()):
            head = text[starts[i] : w.start()].lower().split()
            if len(head) <= 2 and _SUBJECT_WORDS.isdisjoint(head):
                continue  # "Plans offered:", "Returns promised:": a label over what follows ("He promised:" reports)
        if w.group().lower().startswith("believ") and _BELIEVE_IN.match(text, w.end()):
            continue  # "believes in disciplined investing": a creed, not an attributed opinion
        if w.group().lower().startswith(("writ", "wrot", "tweet")) and _PUBLICATION_OBJECT.match(text, w.end()):
            continue  # "now writes a daily note", "has written three books": what a person does, not what was said
        before = text[max(starts[i], w.start() - 40) : w.start()].lower().split()[-3:]
        if w.group().lower() == "added" and (
            (before and before[-1] in _PASSIVE_AUXILIARIES) or _AMOUNT_AFTER.match(text, w.end())
        ):
            continue  # "get added to the group", "Ethereum added 19%": put in or gained, not said
        if before and before[-1] in _DETERMINERS and w.group().lower() in _ADJECTIVAL and not _relative_that(before):
            continue  # "with the added benefit", "the reported profit", "an offered price": an adjective
        if any(x.strip("(,\"'") in _FIRST_PERSON for x in before):
            continue
        if _OUR_AFTER.search(text[w.end() : min(sentences[i][1], w.end() + 60)]):
            continue  # "Data suggests our calls win", "Clients say we deliver": the page speaks of its own
        reported[i] = True
    return reported


def _plain_present(
    text: str, sentences: list[tuple[int, int]], starts: list[int], reported: list[bool], words: list[str]
) -> None:
    """Marks reported the sentences with a reporting verb in its plain present after a third-person plural
    subject: "They promise assured returns", "advisers who claim to be registered", "Such apps advertise ...";
    and with any present form after an indefinite one ("If someone offers you guaranteed returns", "anyone who
    asks you to join"), which is nobody's claim but a case the page warns about.
    """
    plural = bool(_THIRD_PLURAL.intersection(words) or _THIRD_DETERMINERS.intersection(words))
    indefinite = bool(INDEFINITE.intersection(words))
    if not plural and not indefinite:
        return
    present = _SPEECH_PRESENT.intersection(words) if plural else set()
    if indefinite:
        present |= indefinite_forms().intersection(words)
    if not present:
        return
    for w in _words_pattern(frozenset(present)).finditer(text):
        i = bisect_right(starts, w.start()) - 1
        if i < 0 or reported[i] or w.start() >= sentences[i][1]:
            continue
        before = text[max(starts[i], w.start() - 40) : w.start()].lower().split()[-2:]
        word = w.group().lower()
        after_indefinite = word in indefinite_forms() and (
            (bool(before) and before[-1] in INDEFINITE)
            or (len(before) == 2 and before[0] in INDEFINITE and before[1] in ("who", "that"))
        )  # "If someone offers you...", "anybody who says they can guarantee returns"
        after_plural = word in _SPEECH_PRESENT and (
            (bool(before) and before[-1] in _THIRD_PLURAL) or (len(before) == 2 and before[0] in _THIRD_DETERMINERS)
        )
        if after_plural and before[-1] == "they" and _OURS.search(text, max(0, w.start() - 200), w.start()):
            after_plural = False  # "Our analysts are the best. They promise 5% a month": "they" are ours
        if after_indefinite or after_plural:
            reported[i] = True


_OURS = LazyPattern(r"(?<!\w)(?:our|my)(?!\w)", regex.IGNORECASE)  # a team of the page's: "Our analysts..."


def pseudo_voice(block: Block, offset: int, lexicons_of: frozenset[str] = ALL_LEXICONS) -> str:
    """The voice in a block outside the document's flow (the title in metadata, a link target), read with
    the lexicons ``lexicons_of``."""
    text = block.text
    quotes = quoted_spans(text)
    if any(a <= offset < e for a, e in quotes):
        return "quoted"
    for s, e in split_sentences(text):
        if s <= offset < e or e <= offset:
            if s <= offset < e and is_reported(unquoted(text[s:e], s, quotes), lexicons_of):
                return "reported"
    return "own"


def alt_spans(text: str) -> list[tuple[int, int, str]]:
    """An image's alt text's spans that are not the page's own: its quotations and reported sentences ("Screenshot
    of an ad claiming 'assured 14% yield'", "The banner SEBI said promised sure profits"), else it is the page's."""
    quotes = quoted_spans(text)
    sentences = split_sentences(text)
    flags = reported_sentences(unquoted(text, 0, quotes), sentences)
    reported = [(s, e, "reported") for (s, e), r in zip(sentences, flags, strict=True) if r]
    return sorted([(a, e, "quoted") for a, e in quotes] + reported)
