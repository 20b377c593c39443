"""Negation and hedging scoped to the claim: is this match denied or warned against in its own clause?

"There are no assured returns" denies; "Reg. No. INA000012345, SEBI approved advisory" does not ("No." is an
abbreviation); "not just assured returns, you also get..." does not ("not only/just ... but also"); "returns are
guaranteed, unlike shares, which carry no guarantee" denies another clause, not this one. The clause is the
stretch of the sentence between punctuation or a contrasting conjunction (but, however, while, लेकिन, lekin)
around the match; a negation counts before the match (within a few words) in English, and after it too in Hindi
and Hinglish, whose verb and negation come last ("गारंटीड रिटर्न नहीं मिलता").

Every pack uses this one mechanism through a pattern set's ``negation: true``, instead of per-rule lists of
negative words. Written by hand: negation scope in a rule engine over regular expressions needs only clause
bounds and a cue list, no parser.
"""

from __future__ import annotations

import regex

from newslint.language import expression_store, lexicons
from newslint.language.devanagari import spelling_variants

WINDOW_WORDS = 6  # how many words before a match a negation may stand and still govern it
_PUNCTUATION_BREAK = r"[;:()\[\]!?|\u0964\u0965\u2013\u2014]|,(?!\d)|\.(?=\s)|\s-\s"
_CONTRAST_EN = "but|however|whereas|while|unlike|although|though"
# "पर"/"par" is "but" only at the head of a clause, after a comma or a danda ("..., पर जोखिम भी है"); elsewhere it is
# the postposition "on" ("फ्री ट्रायल देने पर रोक", "listing par 50%"), which ends no clause.
_CONTRAST_HI = r"लेकिन|मगर|जबकि|(?<=[,;\u0964]\s?)पर"
_CONTRAST_HINGLISH = r"lekin|magar|(?<=[,;]\s?)par"  # "par" is also English ("at par"): Hinglish blocks only
_CLAUSE_BREAK = expression_store.own(
    rf"{_PUNCTUATION_BREAK}|(?<!\w)(?:{_CONTRAST_EN}|{_CONTRAST_HI})(?!\w)",
    regex.IGNORECASE,
)
_CLAUSE_BREAK_HINGLISH = expression_store.own(
    rf"{_PUNCTUATION_BREAK}|(?<!\w)(?:{_CONTRAST_EN}|{_CONTRAST_HI}|{_CONTRAST_HINGLISH})(?!\w)",
    regex.IGNORECASE,
)
_CUE_EN = expression_store.own(
    r"(?<!\w)(?:"
    + "|".join(regex.escape(w) for w in lexicons.NEGATION_EN)
    + "|"
    + "|".join(lexicons.NEGATION_PHRASES_EN)
    + r")(?!\w)",
    regex.IGNORECASE,
)
_NOT_NEGATION = expression_store.own("|".join(lexicons.NOT_NEGATION_EN), regex.IGNORECASE)
_CUE_HI = expression_store.own(
    spelling_variants(
        r"(?<!\w)(?:"
        + "|".join(regex.escape(w) for w in sorted(lexicons.NEGATION_HI, key=len, reverse=True))
        + r")(?!\w)"
    )
)
_CUE_HINGLISH = expression_store.own(
    r"(?<!\w)(?:"
    + "|".join(regex.escape(w) for w in sorted(lexicons.NEGATION_HINGLISH, key=len, reverse=True))
    + r")(?!\w)",
    regex.IGNORECASE,
)
# A denial after the claim, a few words on: "guaranteed returns from stocks do not exist", "assured returns in
# equities are a myth", "sure-shot calls cannot be guaranteed".
_AFTER_EN = expression_store.own(
    r"^\W*(?:[\w-]+\s+){0,4}?(?:(?:is|are|was|were)\s+(?:(?:simply|just|always)\s+)?(?:not|never|a\s+myth|a\s+lie|"
    r"a\s+(?:red\s+flag|warning\s+sign|scam|fraud)|impossible|fake|false|illegal|prohibited|banned)\b"
    r"|(?:do|does|did)\s*(?:n[o']t|never)\s+exist\b|don't\s+exist\b|(?:can\s*not|can't)\s+be\s+(?:guaranteed|assured|promised)\b)",
    regex.IGNORECASE,
)


def clause(text: str, start: int, end: int, hinglish: bool = True) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)`` (``hinglish``: Hinglish conjunctions end clauses too)."""
    breaks = _CLAUSE_BREAK_HINGLISH if hinglish else _CLAUSE_BREAK
    lo = 0
    for m in breaks.finditer(text, 0, start):
        lo = m.end()
    hi = len(text)
    m = breaks.search(text, end)
    if m is not None:
        hi = m.start()
    return lo, hi


ALL_LEXICONS = frozenset(["en", "hi", "hinglish"])


# Denials of a whole clause: "no one can give 95% accuracy on intraday calls" denies the calls however many words
# stand between; the window of ``WINDOW_WORDS`` is for single negative words ("no", "not").
# A prohibition governs every activity it lists, however far: "barred platforms in 2024 from marketing P2P as an
# investment product and from offering assured returns" ("stop"/"prevent" are left to the window: "Stop losing money
# from bad trades and get guaranteed returns" is a pitch).
_CLAUSE_DENIAL = expression_store.own(
    r"(?<!\w)(?:no\s*(?:one|body)|nobody)\s+(?:can|could)\b|(?<!\w)(?:there\s+is\s+)?no\s+such\s+thing\s+as\b"
    # "No equity or derivatives strategy can promise a fixed monthly return" ("No." of a registration number is
    # followed by a full stop, not a space)
    # (not "no doubt our calls will deliver ...": an avowal; the verb may open the match: "can | guarantee a fixed ...")
    r"|(?<!\w)no\s+(?!(?:doubt|wonder|matter|surprise|question|problem|worries)\b)(?:[\w&-]+\s+){1,7}?(?:can|could|will|would)\s+"
    r"(?:ever\s+)?(?:(?:promise|guarantee|assure|give|offer|deliver|ensure|predict)\b|$)"
    r"|(?<!\w)(?:bar|bars|barred|barring|debar\w*|ban|bans|banned|banning|prohibit\w*|forbid\w*|forbade|restrain\w*|"
    r"refrain\w*|desist)\s+(?:[\w-]+\s+){0,4}?from\b"
    # a rule's "may not": "platforms cannot show lenders features such as assured minimum returns", "advisers must not
    # promise ...", "are not allowed to offer ..." (the verb of showing or offering, not "you can't miss our ...")
    r"|(?<!\w)(?:cannot|can\s*not|can't|may\s+not|must\s+not|shall\s+not|should\s+not|(?:are|is)\s+not\s+(?:allowed|permitted)\s+to)\s+"
    r"(?:(?:also|even|legally|now)\s+)?(?:show|offer|promise|advertise|market|promote|give|provide|guarantee|assure|display|"
    r"claim|publish|feature|pitch|sell|run|use)\b"
    # a rule that does not let anyone offer it: "its rules do not allow any registered intermediary to promise
    # guaranteed returns", "the code never permits advisers to advertise ..."
    r"|(?<!\w)(?:(?:do|does|did|will|would)\s*(?:not|n't)|don't|doesn't|didn't|won't|never)\s+(?:allow|permit|let|authori[sz]e)\s+"
    r"(?:[\w&-]+\s+){0,6}?(?:to\s+)?(?:show|offer|promise|advertise|give|provide|guarantee|assure|claim|pitch|sell)\b"
    # nothing in a rule lets anyone offer it: "Nothing in the framework lets a fund house offer assured returns"
    r"|(?<!\w)nothing\s+(?:[\w&-]+\s+){0,6}?(?:lets|allows|permits|entitles|authori[sz]es|empowers)\s+(?:[\w&-]+\s+){0,4}?"
    r"(?:to\s+)?(?:show|offer|promise|advertise|give|provide|guarantee|assure|claim|pitch|sell)\b",
    regex.IGNORECASE,
)


# A myth named as one: "Myth 1: doubling your money is easy", "मिथक: ...", "Galatfahmi 2: ..." (the label
# denies the sentence it heads), and a fact-check's claim under check ("Claim 1: ...", "Dava 2: ...").
_MYTH_LABEL = expression_store.own(
    r"(?:^|[.!?\u0964]\s+)\W*(?:(?:myths?|मिथक|भ्रम|ग़लतफ़हमी|गलतफहमी|galatfahmi|galat\s+fehmi)\s*#?\d*"
    # a fact-check's numbered label on the claim it checks: "Claim 2: ...", "Dava 1: ...", "दावा 3: ..." (numbered: an
    # insurer's "Claims:" or "दावा:" heads its claim settlement)
    r"|(?:claim|dava|daava|dawa|दावा)\s*#?\d+)\s*[:\-\u2013]\s*$",
    regex.IGNORECASE,
)


# A glossary's entry that denies its own term: a short term opening the block before a colon, glossed as nothing
# real or as a warning ("**पक्का मुनाफा / फिक्स इनकम:** शेयर बाजार में ऐसी कोई चीज नहीं होती", "**Guaranteed
# returns:** No market product can promise them.", "**Sure-shot call:** a red flag"). A seller's feature line
# ("**Assured returns:** 2% every month") glosses its term with the offer, not with a denial.
_GLOSS_TERM = expression_store.own(r"^[^:.!?\u0964\n]{2,60}:", regex.IGNORECASE)
_GLOSS_DENIES = expression_store.own(
    r"\b(?:no\s+such\s+thing|there\s+is\s+no\s+such|(?:does|do)\s*(?:not|n't)\s+exist|not\s+possible|impossible|"
    r"no\s+(?:market[\s-]linked\s+|listed\s+)?(?:product|investment|stock|trader|adviser|advisor|analyst|one|fund|strategy)\s+"
    r"can|(?:is|are)\s+(?:a\s+|an\s+)?(?:red\s+flag|warning\s+sign|myth|lie|illegal|banned|forbidden)|"
    r"aisi\s+koi\s+(?:\w+\s+)?nahi[n]?|mumkin\s+nahi[n]?|sambhav\s+nahi[n]?|jhooth|dhokha)\b"
    r"|(?<![\p{L}\p{M}])(?:ऐसी|ऐसा|ऐसे)\s+कोई\s+(?:\S+\s+){0,4}?नहीं|(?:संभव|मुमकिन|मुम्किन)\s+नहीं|झूठ|धोखा|खतरे\s+की\s+घंटी",
    regex.IGNORECASE,
)


def _glossed_denied(text: str, start: int, end: int) -> bool:
    """Whether the match is (in) a glossary's term whose gloss denies it (``_GLOSS_DENIES``, in the gloss's first
    sentence)."""
    term = _GLOSS_TERM.match(text)
    if term is None or end >= term.end() or len(text[: term.end()].split()) > 7:
        return False
    stop = regex.search(r"[.!?\u0964](?:\s|$)", text[term.end() : term.end() + 240])
    gloss = text[term.end() : term.end() + (stop.end() if stop else 240)]
    return _GLOSS_DENIES.search(gloss) is not None


# A question that asks rather than pitches: "Where can I get safe, guaranteed returns at 62?", "Is there any
# scheme with assured returns?", "Can you really double your money in a year?". A hook addressed to the reader
# ("Want guaranteed returns?", "Looking for sure-shot calls?", "Why settle for 6%...?") is not one of these.
_QUESTION_OPENING = expression_store.own(
    r"\W*(?:(?:where|how|what|which|who|whom|when)\b(?!\s+(?:about|if)\b)"
    r"|(?:is|are|was|were|can|could|should|shall|do|does|did|will|would|may|might|must)\s+(?:i|we|you|one|there|it|"
    r"they|he|she|any|my|our|such|these|those|this|that|retirees|investors|people|seniors|savers)\b)",
    regex.IGNORECASE,
)
_SENTENCE_OPENING = expression_store.own(r"[.!?:\u0964]\s+|\n")


def asked(text: str, start: int, end: int) -> bool:
    """Whether the match ``text[start:end]`` is in an English question that asks (see ``_QUESTION_OPENING``):
    the sentence (from the last full stop, question or exclamation mark or colon) ends in a question mark and
    opens with a question word or an inverted verb."""
    opening = 0
    for m in _SENTENCE_OPENING.finditer(text, 0, start):
        opening = m.end()
    q = text.find("?", end)
    if q < 0:
        return False
    stop = min((i for i in (text.find(". ", end, q), text.find("!", end, q)) if i >= 0), default=-1)
    return stop < 0 and _QUESTION_OPENING.match(text, opening) is not None


# A Hinglish question whether any such thing exists: "Kya share market mein koi guaranteed return hota hai?", "Kya
# kisi scheme mein pakka munafa milta hai?" ("kya" opening the sentence, "koi"/"kisi" before the claim, a question
# mark closing it); not a hook addressed to the reader ("Kya aap pakka return chahte hain?").
_KYA_OPENING = expression_store.own(
    r"\W*kya\s+(?!(?:\w+\s+){0,3}?(?:aap|aapko|aapka|aapke|tum|tumhe|tumhara)\b)", regex.IGNORECASE
)
_KOI = expression_store.own(r"\b(?:koi|kisi|kahin|kahi)\b", regex.IGNORECASE)


def _asked_hinglish(text: str, start: int, end: int) -> bool:
    """Whether the match is in a Hinglish question that asks whether any such thing exists (``_KYA_OPENING``)."""
    opening = 0
    for m in _SENTENCE_OPENING.finditer(text, 0, start):
        opening = m.end()
    q = text.find("?", end)
    if q < 0 or any(text.find(c, end, q) >= 0 for c in (". ", "!", "\n")):
        return False
    return _KYA_OPENING.match(text, opening) is not None and _KOI.search(text, opening, start) is not None


# The speaker set against the others it denies: "Other apps cannot offer you the kind of assured 12% returns we do",
# "No one else gives you 3% a month like we do", "..., but we do", "और कोई नहीं देता ... जो हम देते हैं", "koi aur nahi
# deta ... jo hum dete hain": the negation is the others'; the claim is the speaker's own ("we do not" denies it too).
_SPEAKER_COMPARED = expression_store.own(
    r"(?<!\w)(?:(?:that|which|as|like|but|while|whereas|unlike)\s+)?(?:we|I)\s+(?:(?:do|does|can|will)(?=\s*(?:[.,!;)]|$)|"
    r"\s+(?:too|so|it|that|this|exactly|every|each|always|daily)\b)|(?:give|offer|provide|deliver|promise|guarantee|assure)\b"
    r"(?!\s+(?:not|never)\b))|(?<!\w)(?:like|than|except|but)\s+(?:us|me)\b"
    r"|(?<![\p{L}\p{M}])(?:जो|जैसा|जैसे|जैसी|पर|लेकिन|मगर)\s+(?:सिर्फ\s+|केवल\s+)?हम(?:ारी\s+टीम)?\s+(?:\S+\s+){0,2}?"
    r"(?:देते|दिलाते|करते|दे\s+रहे|देंगे|देता)(?![\p{L}\p{M}])|(?:हमारी|हमारे|हमारा)\s+(?:तरह|जैसा|जैसे|जैसी)(?![\p{L}\p{M}])"
    r"|\b(?:jo|jaisa|jaise|jaisi|par|lekin|magar)\s+(?:sirf\s+|bas\s+)?(?:hum|ham)\s+(?:\w+\s+){0,2}?(?:dete|dilate|karte|"
    r"de\s+rahe|denge)\b|\b(?:hamari|humari|hamare|humare|hamara|humara)\s+(?:tarah|jaisa|jaise|jaisi)\b",
    regex.IGNORECASE,
)


def _speaker_compared(text: str, end: int) -> bool:
    """Whether the sentence goes on, after the match ending at ``end``, to set the speaker against the others its
    negation denies (``_SPEAKER_COMPARED``)."""
    stop = _SENTENCE_END.search(text, end)
    return _SPEAKER_COMPARED.search(text, end, stop.start() if stop else len(text)) is not None


def negated(text: str, start: int, end: int, lexicons_of: frozenset[str] = ALL_LEXICONS) -> bool:
    """Whether the match ``text[start:end]`` is negated or warned against in its clause, or asked about in a
    question (``asked``), read with the lexicons ``lexicons_of`` (``en``, ``hi``, ``hinglish``: the block's, see
    ``languages.LEXICONS``); in an item of a coordinated list, the negation of the list counts (``coordinated``)."""
    if "en" in lexicons_of and asked(text, start, end):
        return True
    if "hinglish" in lexicons_of and _asked_hinglish(text, start, end):
        return True
    hinglish = "hinglish" in lexicons_of
    lo, hi = clause(text, start, end, hinglish)
    if lo and _MYTH_LABEL.search(text, max(0, lo - 40), lo):
        return True
    if _glossed_denied(text, start, end):
        return True
    return (
        _denied_before(text, lo, start, lexicons_of)
        or _denied_after(text, start, end, hi, lexicons_of)
        or _list_denied(text, lo, hi, lexicons_of)
    ) and not _speaker_compared(text, end)


def _denied_before(text: str, lo: int, start: int, lexicons_of: frozenset[str], window: int = WINDOW_WORDS) -> bool:
    """Whether a negation in ``text[lo:start]`` (a clause up to the match) governs what follows it."""
    before = text[lo:start]
    if _CLAUSE_DENIAL.search(before):
        return True
    # Hinglish "na ... na" ("na free trial, na pakka munafa"): a "na" heading its clause (a tag "na" ends one).
    if "hinglish" in lexicons_of and _NA_HEAD.match(before) and not _NOT_NEGATION_HI.match(before.lstrip()):
        return True
    words = before.split()
    if len(words) > window:
        cut = before.rfind(" ".join(words[-window:]))
        lo += max(cut, 0)
        before = text[lo:start]
    for m in _CUE_EN.finditer(before):
        if _NOT_NEGATION.match(text, lo + m.start()):
            continue
        return True
    for cue, used in ((_CUE_HI, "hi" in lexicons_of), (_CUE_HINGLISH, "hinglish" in lexicons_of)):
        if used:
            for m in cue.finditer(before):
                if not _NOT_NEGATION_HI.match(before, m.start()):
                    return True
    return False


def _denied_after(text: str, start: int, end: int, hi: int, lexicons_of: frozenset[str]) -> bool:
    """Whether a denial in ``text[end:hi]`` (the rest of the clause after the match) governs the match."""
    hindi, hinglish = "hi" in lexicons_of, "hinglish" in lexicons_of
    after = text[end:hi]
    if _AFTER_EN.search(after) or _denied_next(text, end):
        return True
    # A prohibition governs every item it lists, across "और": "मुफ्त ट्रायल और 'पहला महीना फ्री' जैसे ऑफर पर पूरी रोक".
    if (hindi or hinglish) and _PROHIBITION_AFTER.search(after) is not None:
        return True
    # A Hindi or Hinglish negation after the claim governs it up to the next coordinated clause ("... हैं और
    # हमारे ग्राहकों को कभी घाटा नहीं हुआ": the "नहीं" is the second clause's).
    m = _AND.search(after)
    if m is not None:
        after = after[: m.start()]
    # Hindi and Hinglish put the negation after the claim, at the end of the clause.
    return (
        hindi and lexicons.DEVANAGARI.search(text, start, hi) is not None and _CUE_HI.search(after) is not None
    ) or (hinglish and _HINGLISH_AFTER.search(after) is not None)


# A sentence that only denies the one before: "Many think a low-risk fund gives guaranteed returns. That is not true.",
# "Kai log sochte hain ki ... pakka return deta hai. Aisa nahi hai.", "... पक्का मुनाफा मिलता है। यह सच नहीं है।"
_SENTENCE_END = expression_store.own(r"[.!?\u0964](?=\s|$)")
_NEXT_DENIAL = expression_store.own(
    r"\s*(?:(?:that|this|it)(?:'s|’s|\s+is)\s+(?:simply\s+|just\s+|absolutely\s+|completely\s+)?(?:not\s+(?:true|correct|"
    r"right|so|the\s+case)|untrue|false|wrong|incorrect|a\s+myth|a\s+misconception)|not\s+(?:true|so)"
    r"|(?:aisa|yeh|ye|yah)\s+(?:bilkul\s+)?(?:nahi|nahin|sach\s+nahi|sahi\s+nahi|galat|myth)(?:\s+(?:hai|he))?"
    r"|(?:ऐसा|यह|ये)\s+(?:बिल्कुल\s+)?(?:नहीं|सच\s+नहीं|सही\s+नहीं|गलत|ग़लत|भ्रम|मिथक)(?:\s+है)?"
    # a fact-check's one-word verdict on the claim it quotes: "False.", "Galat.", "गलत।", "Fake hai."
    r"|(?:false|fake|untrue|galat|ghalat|jhooth|jhoot|jhuth|farzi|गलत|ग़लत|झूठ|फर्जी|फ़र्ज़ी|फेक)(?:\s+(?:hai|he|है))?"
    r")\s*[.!\u0964]?\s*",
    regex.IGNORECASE,
)


def _denied_next(text: str, end: int) -> bool:
    """Whether the sentence after the one that holds ``end`` only denies it ("That is not true.", "Aisa nahi hai.")."""
    m = _SENTENCE_END.search(text, end)
    if m is None or text[m.start()] == "?":
        return False
    start = m.end()
    n = _SENTENCE_END.search(text, start)
    stop = n.end() if n is not None else len(text)
    return _NEXT_DENIAL.fullmatch(text, start, stop) is not None


# "न केवल ... बल्कि", "na sirf ... balki": "not only ... but also" adds, it does not deny.
_NOT_NEGATION_HI = expression_store.own(
    spelling_variants(r"(?:न|ना)\s+(?:केवल|सिर्फ|सिर्फ़)(?!\w)") + r"|(?:na|naa)\s+(?:sirf|keval|kewal)\b",
    regex.IGNORECASE,
)
_NA_HEAD = expression_store.own(r"\W*(?:hum\s+|ham\s+)?(?:na|naa)(?:\s+to)?\s", regex.IGNORECASE)
_PROHIBITION_AFTER = expression_store.own(
    spelling_variants(r"(?<!\w)(?:पर|par)\s+(?:\S+\s+){0,2}?(?:रोक|प्रतिबंध|पाबंदी|मनाही)(?!\w)")
    + r"|(?<!\w)par\s+(?:\S+\s+){0,2}?(?:rok|pabandi|pratibandh|manaahi)(?!\w)"
    # the act said to be forbidden, after it: "advisers ko free trial dena mana hai", "... देना मना है", "... वर्जित है"
    + spelling_variants(r"|(?<!\w)(?:मना|वर्जित|गैरकानूनी|गैर-कानूनी|अवैध)\s+(?:है|हैं)(?!\w)")
    + r"|(?<!\w)(?:mana|varjit|gair[\s-]?kanooni|gairkanuni|avaidh)\s+(?:hai|hain|he)(?!\w)",
    regex.IGNORECASE,
)
_AND = expression_store.own(r"(?<!\w)(?:और|तथा|एवं|aur|tatha)(?!\w)", regex.IGNORECASE)
# A warning after the claim denies it too: "pakka profit wale groups se door rahein", "... se savdhan".
_HINGLISH_AFTER = expression_store.own(
    r"(?<!\w)(?:nahi|nahin|nhi|mat|door\s+(?:rahein|rahen|rahe|raho)|savdhan|saavdhan|satark|bachein|rok|pabandi|pratibandh"
    # a debunking title: "Jackpot calls ka sach", "pakke munafe ka jaal", "sure-shot tips ki asliyat"
    r"|k[aie]\s+(?:sach|sachch?ai|asliyat|haqeeqat|jaal|khel|dhandha|fareb)|doori\s+(?:banayein|banaye|banao|rakhein)"
    # a rule that forbids the act: "advisers ko returns ki guarantee dene se rokte hain", "... dikhane se mana kiya hai"
    r"|se\s+(?:rok(?:te|ta|ti|a|aa|e|ti)|mana\s+(?:kiya|karta|karte|karti|kar\s+(?:diya|rakha|chuka))))(?!\w)",
    regex.IGNORECASE,
)


# -- coordinated lists ---------------------------------------------------------------------------------------
# A negation governs every item of the list it heads or ends: "We do not offer free trials, guaranteed returns or
# profit-sharing plans" denies all three, and so do "हम फ्री ट्रायल, गारंटीड रिटर्न या प्रॉफिट-शेयरिंग प्लान नहीं
# देते" and "Free trials, tips or guaranteed returns are not offered". An item is a stretch between commas that
# is short and has no subject pronoun, auxiliary or finite verb of its own; a stretch that has one starts a new
# clause ("We do not charge fees, guaranteed returns are ours"; "Not just fees, you also get ..."). A list is
# coordinated: a conjunction joins its last item. With "and", the negation must deny the verb: "No lock-in,
# guaranteed returns and zero fees" and "फ्री ट्रायल, गारंटीड रिटर्न और घाटे का डर नहीं" list a pitch's features,
# of which only the first or the last is denied; with "or" ("nor", या, "ya") the whole list is negative.
MAX_ITEM_WORDS = 12
_OR = r"or|nor|and/or|या|अथवा|ya"
_CONJUNCTION = expression_store.own(rf"(?<!\w)(?:{_OR}|and|और|एवं|तथा|aur|tatha)(?!\w)", regex.IGNORECASE)
_OR_CONJUNCTION = expression_store.own(rf"(?<!\w)(?:{_OR})(?!\w)", regex.IGNORECASE)
_NOT_AN_ITEM = expression_store.own(
    # English: a subject pronoun, an auxiliary or modal, a common main verb
    r"(?<!\w)(?:i|we|you|they|he|she|it|there|am|is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|"
    r"could|shall|should|may|might|must|also|get|gets|got|give|gives|gave|make|makes|earn|earns|deliver|delivers|"
    r"provide|provides|ensure|ensures|pay|pays"
    # Hindi and Hinglish: an auxiliary or a common finite verb (the subject pronoun heads the list: "हम फ्री ट्रायल, ...")
    r"|है|हैं|था|थे|थी|हो|होगा|होगी|होंगे|रहा|रहे|रही|करें|करते|करता|करती|देते|देता|देती|मिलता|मिलते|मिलती|मिलेगा|मिलेगी"
    r"|मिलेंगे|लें|दें|पाएं|पाएँ|पाइए|कमाएं|कमाएँ|hai|hain|tha|thi|hoga|hogi|honge|milta|milte|milti|milega|milegi|dete|"
    r"deta|deti|karte|karta|karein|karen|lein|paayein|paayen|kamaayein|kamayein)(?!\w)",
    regex.IGNORECASE,
)
# The last item denied on its own: "... और कोई छिपा चार्ज नहीं", "... and no hidden charges", "... aur koi fees nahi".
_OWN_DENIAL = expression_store.own(
    spelling_variants(r"\W*(?:कोई|न|ना|बिना)(?!\w)") + r"|\W*(?:no|not|never|without|koi|na|bina)\b",
    regex.IGNORECASE,
)
# a head that is only a negative determiner and its noun: "No lock-in, ...", "Na koi lock-in, ...", "न कोई लॉक-इन, ..."
_BARE_NO = expression_store.own(
    spelling_variants(r"\W*(?:न|ना|कोई)(?!\w)") + r"|\W*(?:no|na|naa|koi)\b", regex.IGNORECASE
)
_VERB_AFTER_CUE = expression_store.own(r"\s+\w", regex.IGNORECASE)


def _item(text: str, lo: int, hi: int) -> bool:
    return len(text[lo:hi].split()) <= MAX_ITEM_WORDS and _NOT_AN_ITEM.search(text, lo, hi) is None


def _comma_before(text: str, lo: int) -> bool:
    return lo > 0 and text[lo - 1] == ","


def _comma_after(text: str, hi: int) -> bool:
    return hi < len(text) and text[hi] == ","


def _list_denied(text: str, lo: int, hi: int, lexicons_of: frozenset[str]) -> bool:
    """Whether the clause ``text[lo:hi]`` is an item of a coordinated list (see above) that a negation heading
    it (in English) or ending it (in English, Hindi and Hinglish) denies."""
    if not (_comma_before(text, lo) or _comma_after(text, hi)) or not _item(text, lo, hi):
        return False
    hinglish = "hinglish" in lexicons_of
    # the list's items from ``first`` (after the comma that ends the head) to ``last`` (the clause that ends it)
    first = lo
    while _comma_before(text, first):
        prev, _ = clause(text, first - 1, first - 1, hinglish)
        if not _item(text, prev, first - 1) or _denied_before(text, prev, first - 1, lexicons_of):
            break  # the head: a clause of its own, or the item that carries the negation ("No lock-in, ...")
        first = prev
    last_lo, last_hi = lo, hi
    while _comma_after(text, last_hi) and _CONJUNCTION.search(text, last_lo, last_hi) is None:
        nxt = last_hi + 1
        _, nxt_hi = clause(text, nxt, nxt, hinglish)
        last_lo, last_hi = nxt, nxt_hi
    conjunctions = list(_CONJUNCTION.finditer(text, first, last_hi))
    if not conjunctions:
        return False
    joined_by_or = _OR_CONJUNCTION.fullmatch(conjunctions[-1].group()) is not None
    # A negation heading the list: the clause before its first item ("We do not offer free trials, ...").
    if _comma_before(text, first) and all(_item(text, a, b) for a, b in _items(text, first, last_hi, hinglish)):
        head, _ = clause(text, first - 1, first - 1, hinglish)
        if (joined_by_or or not _BARE_NO.match(text, head)) and _denied_before(
            text, head, first - 1, lexicons_of, WINDOW_WORDS + 2
        ):
            return True
    # A negation ending the list, after its last item ("X, Y या Z नहीं देते", "X, Y or Z are not offered").
    if last_lo == lo and not _comma_before(text, lo):
        return False  # the clause is not an item of a list: it has no comma either side that joins it to one
    final = conjunctions[-1]
    if final.start() < last_lo or _NOT_AN_ITEM.search(text, last_lo, final.start()) is not None:
        return False
    if _OWN_DENIAL.match(text, final.end()):
        return False
    after = text[final.end() : last_hi]
    if not joined_by_or:
        cue = _CUE_HI.search(after) or _CUE_HINGLISH.search(after)
        if cue is not None and _VERB_AFTER_CUE.match(after, cue.end()) is None:
            return False
    return _denied_after(text, final.start(), final.end(), last_hi, lexicons_of)


def _items(text: str, first: int, last_hi: int, hinglish: bool):
    """The comma-separated stretches of ``text[first:last_hi]``."""
    a = first
    while a < last_hi:
        _, b = clause(text, a, a, hinglish)
        b = min(b, last_hi)
        yield a, b
        a = b + 1
