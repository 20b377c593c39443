"""How a story frames the words it tells: a sentence that points back at the messages before it ("Messages
like these land in millions of phones"), one that announces someone's usual pitch ("The pitch is always the
same: ..."), the labels that set a pitch against the facts ("The promise: ..." over "The reality: ..."), and
the nouns that name someone's words, a signed column's note, and a title that lists errors to avoid. ``voices``
uses them to mark what a story reports (moved out of voices.py to keep that module to one job)."""

from __future__ import annotations

import regex

from newslint.document.model import Block
from newslint.language import expression_store
from newslint.language.devanagari import spelling_variants
from newslint.language.lazy_pattern import LazyPattern

# A sentence that names the sentences before it as someone's messages: "Messages like these...", "Such promises
# ...", "Those are the lines ..." (speech nouns only: "such calls made our members rich" is no report).
SPEECH_NOUNS = (
    r"(?:messages?|posts?|promises?|claims?|pitch(?:es)?|lines?|ads?|advertisements?|texts?|forwards?|tweets?|"
    r"slogans?|assurances?)"
)
LOOKS_BACK = expression_store.own(
    rf"^\W*(?:{SPEECH_NOUNS}\s+like\s+(?:these|this|that|those)|(?:such|these|those)\s+(?:[\w-]+\s+)?{SPEECH_NOUNS}|"
    rf"(?:these|those|such)\s+(?:are|were)\s+(?:the\s+|typical\s+)?(?:[\w-]+\s+)?{SPEECH_NOUNS})\b",
    regex.IGNORECASE | regex.VERSION0,
)
# A reported sentence that names someone's words ("the promises such apps make", "the lines fraudsters use"): a
# list right after it holds those words.
NAMES_WORDS = LazyPattern(
    r"\b(?:promises|claims|lines|messages|pitches|offers|posts|assurances|phrases|slogans|representations|"
    r"red\s+flags|warning\s+signs|tactics)\b",
    regex.IGNORECASE | regex.VERSION0,
)


FIRST_PERSON_WORD = LazyPattern(r"(?<!\w)(?:we|our|us|i|my)(?!\w)", regex.IGNORECASE)
# (and in Hindi and Hinglish, for a listicle's points: "3. Hamare plan mein pakka return")
FIRST_PERSON_ANY = LazyPattern(
    r"(?<![\p{L}\p{M}])(?:we|our|us|i|my|hum|ham|hamare|humare|hamari|humari|hamara|humara|main|mera|meri|mere|हम|हमारे|"
    r"हमारी|हमारा|मैं|मेरा|मेरी|मेरे)(?![\p{L}\p{M}])",
    regex.IGNORECASE,
)


# What makes such a sentence a report and not the promoter's own emphasis ("these promises are real"): it
# says where the messages go or what they are, at a distance.
DISTANCE = LazyPattern(
    r"\b(?:land|lands|landed|reach|reaches|reached|flood|floods|flooded|circulat\w*|spread\w*|do\s+the\s+rounds|"
    r"go\s+viral|went\s+viral|appear\w*|pop\s+up|lur\w*|target\w*|dup\w*|trap\w*|hook\w*|prey\w*|"
    r"fake|false|misleading|illegal|unlawful|banned|prohibited|barred|red\s+flags?|warning\s+signs?|scams?|"
    r"fraud\w*|typical|common|classic|hallmarks?|millions|lakhs|crores|thousands|every\s+day|daily|phones?|inbox\w*|"
    r"social\s+media|telegram|whatsapp|instagram|youtube)\b",
    regex.IGNORECASE | regex.VERSION0,
)


def looks_back(sentence: str) -> bool:
    """Whether ``sentence`` reports the sentences before it ("Messages like these land in millions of phones"):
    in the third person, and at a distance (where such messages go, what they are)."""
    return (
        LOOKS_BACK.match(sentence) is not None
        and FIRST_PERSON_WORD.search(sentence) is None
        and DISTANCE.search(sentence) is not None
    )


# A sentence that introduces, with a colon, the usual words of someone's pitch: "The pitch is always the same:",
# "Their sales script rarely changes:", "Look at the pitch. It is always the same: ...". The speech noun names
# the words that follow as someone's, and the adverb of habit ("always", "the same", "typical") says they are
# described from outside: a promoter writes "Our promise is simple:" (first person, and no habit).
PITCH_NOUN = LazyPattern(
    r"\b(?:the|their|his|her|its|such|a|every|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:pitch(?:es)?|"
    r"promises?|claims?|messages?|scripts?|spiel|patter|lines?|hooks?|lures?|baits?|playbook|template|formula|"
    r"modus\s+operandi|sales\s+talk|sales\s+pitch|assurances?|ads?|advertisements?)\b",
    regex.IGNORECASE | regex.VERSION0,
)
HABIT = LazyPattern(
    r"\b(?:always|usually|typically|invariably|generally|mostly|often|seldom|"
    r"rarely\s+(?:changes?|changed|varies|varied|vary)|(?:the\s+)?same|familiar|predictable|identical|classic|typical|textbook|"
    r"tried[\s-]and[\s-]tested|goes\s+like\s+this|runs\s+like\s+this)\b",
    regex.IGNORECASE | regex.VERSION0,
)
# A story's short sentence that announces, in the past, the pitch its next sentences tell: "The pitch was simple.",
# "Their promise sounded irresistible." (a promoter's "Our promise is simple." is first person and present).
NARRATED_PITCH = expression_store.own(
    r"\W*(?:the|their|his|her|its)\s+(?:[\w'-]+\s+){0,2}?(?:pitch(?:es)?|promises?|offers?|sales\s+(?:pitch|talk)|"
    r"spiel|script|patter|claims?|assurances?)\s+(?:was|were|sounded|seemed|looked|went|ran)\s+"
    r"(?:(?:very|quite|deceptively|disarmingly|always|too|almost|simply)\s+)?(?:simple|straightforward|seductive|"
    r"tempting|irresistible|attractive|alluring|familiar|(?:the\s+)?same|too\s+good\s+to\s+be\s+true|"
    r"(?:something\s+)?like\s+this)\W*$",
    regex.IGNORECASE | regex.VERSION0,
)
# A story's labels setting a pitch against the facts: "The promise: ..." then "The reality: ...", "Claim:" then
# "Fact:" ("Our promise:" is the page's).
PITCH_LABEL = expression_store.own(
    r"^\W*(?:(?:the|their|his|her|its)\s+(?:[\w-]+\s+)?(?:promises?|pitch(?:es)?|claims?|offers?|hooks?|baits?|"
    r"taglines?|ads?|advertisements?|sales\s+pitch)|claims?|what\s+(?:they|he|she|it|the\s+ads?)\s+"
    r"(?:say|says|said|promise|promises|promised|claim|claims|claimed))\s*[:\u2013\u2014|-]",
    regex.IGNORECASE | regex.VERSION0,
)
REALITY_LABEL = LazyPattern(
    r"^\W*(?:the\s+)?(?:reality|catch|truth|fine\s+print|risks?|problem|facts?|fact[\s-]check|verdict|"
    r"what\s+it\s+(?:really\s+)?means|in\s+practice|what\s+(?:actually\s+)?happen(?:s|ed))\s*[:\u2013\u2014|-]",
    regex.IGNORECASE | regex.VERSION0,
)
PRONOUN_OPENING = LazyPattern(
    r"^\W*(?:it|they|this|these|that|those|the\s+(?:formula|script|template))\b", regex.IGNORECASE
)


def introduces_pitch(text: str, sentences: list[tuple[int, int]], k: int) -> bool:
    """Whether sentence ``k`` of ``text`` introduces someone's usual pitch with a colon (see ``PITCH_NOUN``): the
    stretch before its colon holds a habit word and, itself or (opening with a pronoun) the sentence before,
    names the pitch, in the third person."""
    s, e = sentences[k]
    head = text[s : text.find(":", s, e)]
    if len(head) > 160 or HABIT.search(head) is None or FIRST_PERSON_WORD.search(head) is not None:
        return False
    if PITCH_NOUN.search(head) is not None:
        return True
    if k == 0 or PRONOUN_OPENING.match(head) is None:
        return False
    before = text[sentences[k - 1][0] : sentences[k - 1][1]]
    return PITCH_NOUN.search(before) is not None and FIRST_PERSON_WORD.search(before) is None


# A signed column's note, and a promotion expression that is only a possessive ("my calls", "our clients").
COLUMN_NOTE = expression_store.own(
    r"\b(?:views?\s+(?:expressed\s+)?(?:are|is)\s+(?:personal|(?:his|her|their|the\s+(?:author|writer)'?s?)\s+own)|"
    r"the\s+(?:writer|author|columnist)\s+is\b)",
    regex.IGNORECASE | regex.VERSION0,
)


# The writer describing their own registration in a signed column: "As a SEBI-registered investment adviser, I
# ...", "I have since registered with SEBI as a research analyst", "I am a registered RA".
WRITER_STATUS = LazyPattern(
    r"\b(?:as\s+an?\s+(?:[\w-]+\s+){0,2}?(?:SEBI|Sebi)[\s-]*registered|I\s+(?:am|'m|became|have\s+(?:since\s+)?"
    r"(?:become|registered|been\s+registered)|registered|got\s+registered)\b[^.!?]{0,40}?\b(?:SEBI|Sebi|registered))",
    regex.IGNORECASE | regex.VERSION0,
)


# A page that lists errors to avoid: "Five mistakes first-time investors make", "7 myths about mutual funds",
# "Red flags of a Ponzi scheme", "Common pitfalls ...".
ERRORS_TITLE = LazyPattern(
    r"\b(?:mistakes|myths|pitfalls|red\s+flags|warning\s+signs|traps|errors|blunders|don'?ts|things\s+to\s+avoid|"
    r"signs\s+of\s+(?:a\s+)?(?:scam|fraud|ponzi)|galtiyan|galtiyaan|galtiyon|galatiyan|galtiya)\b"
    r"|(?<![\p{L}\p{M}])(?:गलतियां|गलतियाँ|गलतियों|ग़लतियां|ग़लतियाँ)(?![\p{L}\p{M}])"
    # a glossary of the words a fraud uses, named as a warning: "A scam-spotter's glossary: 8 phrases to run from",
    # "धोखाधड़ी पहचानने की शब्दावली: ये शब्द सुनते ही सावधान हो जाएं", "Thagi ke 6 shabd jinse savdhan rahein"
    r"|^(?=.*?(?<![\p{L}\p{M}])(?:glossary|dictionary|vocabulary|lingo|jargon|words|phrases|terms|buzzwords|"
    r"shabd|shabdon|shabdkosh|jumle|jumlon|शब्द|शब्दों|शब्दकोश|शब्दावली|जुमले|जुमलों)(?![\p{L}\p{M}]))"
    r"(?=.*?(?<![\p{L}\p{M}])(?:scams?|scammers?|fraud\w*|frauds?ters?|beware|red[\s-]+flags?|warning|"
    r"savdhan|saavdhan|satark|sawdhan|dhokha\w*|thagi|thag|सावधान|सतर्क|धोखाधड़ी|धोखा|ठगी|ठगों|ठग|फर्जीवाड़ा|फ्रॉड|स्कैम)"
    r"(?![\p{L}\p{M}]))",
    regex.IGNORECASE | regex.VERSION0,
)


# A paragraph that opens as a numbered point, as listicles set them in bold ("**3. Expecting fixed returns.** ..."):
# one of the errors an errors page lists, as a list item is.
NUMBERED_LEAD = LazyPattern(r"\s*\d{1,2}[.)]\s+\S", regex.VERSION0)

# A glossary's entry: a short term (numbered, quoted or not) before a colon or a dash that opens its gloss
# ("**सेबी अप्रूव्ड** – सेबी किसी ऐप को मंज़ूरी नहीं देता", "4. "Jackpot call" - ..."); one of the errors an errors page
# lists when it is at most seven words.
_GLOSS_LEAD = LazyPattern(r"\s*(?:\d{1,2}[.)]\s+)?([^:.!?\u0964\n–—]{2,60}?)\s*(?::|\s[–—-]\s)", regex.VERSION0)


def listed_lead(text: str) -> bool:
    """Whether a paragraph opens as a listed point: numbered (``NUMBERED_LEAD``) or as a glossary's entry."""
    if NUMBERED_LEAD.match(text) is not None:
        return True
    m = _GLOSS_LEAD.match(text)
    return m is not None and len(m.group(1).split()) <= 7


# A short sentence that points back at what the one before it reported: "Some of them:", "Among them:", "They
# include:", "Here are a few:", "For example:".
POINTS_BACK = LazyPattern(
    r"^\W*(?:(?:some|a\s+few|several|many|two|three|four|five)\s+(?:of\s+)?(?:them|these|those|which)|among\s+them|"
    r"(?:they|these|those)\s+(?:include|included|read|are|were|said)|here\s+(?:are|is)\s+(?:a\s+few|some|one|two|three)"
    r"|for\s+(?:example|instance)|excerpts?|samples?)\W{0,3}:\s*$",
    regex.IGNORECASE | regex.VERSION0,
)


# A heading that names a promise as its topic: "गारंटीड रिटर्न का वादा: निवेशक क्या करें", "पक्के मुनाफे का वादा",
# "Pakka munafa ka wada: aise pehchano fake advisor". The claim is the object of the
# promise noun, the thing the section is about, not the page's promise ("हमारा वादा: ..." is first person).
NAMED_PROMISE = LazyPattern(
    spelling_variants(
        r"(?<!\w)(?:का|के|की)\s+(?:वादा|वादे|वायदा|वायदे|झांसा|झांसे|भरोसा)(?!\w)"
        r"|\b(?:ka|ke|ki)\s+(?:wada|waada|vaada|vada|wade|waade|vaade|jhansa|jhaansa|bharosa)\b"
    ),
    regex.IGNORECASE | regex.VERSION0,
)


# Stems that any such heading holds: most headings hold none, and are answered without compiling the expressions.
_PROMISE_STEMS = ("वाद", "वायद", "झांस", "झाँस", "भरोस", "wad", "vaad", "vad", "jhans", "jhaans", "bharos")


def names_promise(heading: str) -> bool:
    """Whether ``heading`` names a promise as its topic (``NAMED_PROMISE``), in the third person."""
    lower = heading.lower()
    if not any(stem in lower for stem in _PROMISE_STEMS):
        return False
    return NAMED_PROMISE.search(heading) is not None and _third_person(heading)


def asks_named_promise(text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether a block opens with a short question that names a promise as its topic, the run-in lead of an
    explainer's item ("**3. Pakka return ka wada?** Wahin ruk jaiye.", "पक्के मुनाफे का वादा? सावधान रहें।"), in
    the third person in that sentence and the next ("Pakka munafa ka wada? Hum dete hain." is the page's)."""
    s, e = sentences[0]
    first = text[s:e].rstrip()
    if not first.endswith("?") or len(first.split()) > 8 or not names_promise(first):
        return False
    return len(sentences) < 2 or _third_person(text[sentences[1][0] : sentences[1][1]])


# A heading that asks about a claim or sets it up as the topic of an explainer: "Guaranteed returns? Here is what to
# check first", "Assured returns: what investors should know", "पक्का मुनाफा? इन बातों का रखें ध्यान". A short phrase,
# then a question mark or a colon, then the explainer's words (a seller's hook, "Want sure-shot profits? ...", and
# a first-person heading, "Guaranteed returns? That is what our members get", stay the page's). Plain string tests,
# not an expression: compiling one cost more than all the headings a run asks about.
_TOPIC_HOOKS = frozenset(
    ["want", "wanna", "looking", "need", "tired", "searching", "wish", "dreaming", "ready", "get", "earn", "join"]
)
_TOPIC_OPENINGS = (
    "here's", "here is", "heres", "what", "how", "which", "should", "is it", "are they", "can you", "can they",
    "can it", "think again", "read the fine print", "check", "the truth", "the reality", "the catch", "the fact",
    "the fine print", "explained", "myth", "fact", "beware", "don't", "do not", "a reality check", "things to know",
    "जानिए", "जानें", "ऐसे", "इन बातों", "क्या", "कैसे", "क्यों", "सच", "सावधान", "सतर्क", "समझिए", "समझें",
    "kya ", "kaise", "kyun", "aise ", "jaaniye", "janiye", "sach ", "samjhiye",
)  # fmt: skip
# ("main", "ham" and "mai" are English words too)
_FIRST_PERSON_WORDS = frozenset((
    "we", "our", "us", "i", "my", "ours", "we're", "we've", "i'm", "i've", "हम", "मैं", "हमने", "मैंने", "हमारी", "हमारे",
    "हमारा", "मेरी", "मेरे", "मेरा", "hum", "humne", "hamne", "maine", "hamari", "hamare", "hamara", "humari", "humare",
    "humara", "meri", "mere", "mera",
))  # fmt: skip


def names_topic(heading: str) -> bool:
    """Whether ``heading`` sets up a claim as an explainer's topic (see ``_TOPIC_OPENINGS``), in the third person."""
    cut = min((i for i in (heading.find("?"), heading.find(":")) if i > 0), default=-1)
    if cut < 0:
        return False
    head = heading[:cut].lower().split()
    tail = heading[cut + 1 :].lstrip(" ?:").lower().replace("\u2019", "'")
    if not head or len(head) > 5 or head[0].strip("\"'*#") in _TOPIC_HOOKS:
        return False
    if not tail.startswith(_TOPIC_OPENINGS) or tail.startswith(("why not", "what we", "how we")):
        return False
    return _third_person(heading)


def _third_person(heading: str) -> bool:
    """Whether ``heading`` holds no first-person word (English, Hindi, Hinglish)."""
    return {w.strip(".,;:!?\"'()|") for w in heading.lower().split()}.isdisjoint(_FIRST_PERSON_WORDS)


# An interview's questions, and a page that says it is one.
QUESTION = expression_store.own(r"^\W*(?:Q\s*\d*\s*[:.)\-–]|Question\s*\d*\s*[:.])", regex.IGNORECASE)
INTERVIEW = LazyPattern(
    r"\b(?:interview(?:ed|s)?|edited\s+excerpts|excerpts|Q\s*&\s*A|in\s+(?:a\s+)?conversation\s+with|"
    r"(?:spoke|speaks|talked|talks)\s+(?:to|with|about)|in\s+an?\s+(?:interaction|chat)\s+with|"
    r"told\s+(?:us|[A-Z][\w-]+)\s+in\s+an?\s+(?:interview|chat))\b",
    regex.IGNORECASE,
)


ASKER = LazyPattern(r"(?<!\w)(?-i:I|I'm|I've|I'd)(?!\w)|\b(?:my|me|mine)\b", regex.IGNORECASE)


def is_question(b: Block) -> bool:
    """An interviewer's question: "Q: ...", "Question 2: ...", or a bold line of its own ending in "?"."""
    return QUESTION.match(b.text) is not None or (b.is_label and b.text.rstrip().endswith("?"))
