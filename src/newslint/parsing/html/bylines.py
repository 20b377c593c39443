"""The names in a byline, apart from what bylines also hold: "By", job titles, departments, desks, the
publisher, places and dates.

Real bylines: "By Asha Menon, Senior Correspondent, Markets, Banking and Insurance Desk" (one author),
"Priya Rao (Markets Editor)" (one), "By Ravi Kumar, Asha Menon and Meera Iyer | Updated: ..." (three),
"Written by Farida Shaikh, ET Bureau" (one). The byline is cut where a date or an "Updated" label starts,
parenthesised parts are dropped, and the rest is split at commas, semicolons, "&" and "and"; each part is a
name when it looks like one (capitalised words and initials, no role word). Once a role has been named, a
lone word after a comma continues it ("Markets, Banking"), and a lone word next to a full name is a place or
a desk ("Asha Menon, Mumbai"), not an author.
"""

from __future__ import annotations

import re

from newslint.document.textbuild import fold

# Hindi bylines, as Hindi papers and sites print them: a label and the name ("लेखक: राहुल शर्मा", "द्वारा
# राहुल शर्मा", "रिपोर्ट- राहुल शर्मा", "संवाददाता: राहुल शर्मा"), the name and "द्वारा" (by) after it ("राहुल शर्मा
# द्वारा"), or a desk's credit ("अमर उजाला ब्यूरो, लखनऊ", "हिन्दुस्तान संवाददाता, पटना", "डिजिटल डेस्क"). Labels that
# also start sentences ("रिपोर्ट में कहा गया") need a colon or dash.
_HI_LEAD = (
    r"(?:द्वारा|लेखक|लेखिका|लेखकः)\s*[:：\-–—]?\s*"
    r"|(?:रिपोर्ट|रिपोर्टर|संवाददाता|प्रस्तुति|संपादन|संपादक|एडिटेड\s+बाय|लिखित|एंकर|होस्ट|प्रस्तोता)\s*[:：\-–—]\s*"
)
_HI_CREDIT_WORD = r"(?:संवाददाता|ब्यूरो|डेस्क|एजेंसी|एजेंसियां|न्यूज़?\s*नेटवर्क|टीम)"
_DEVANAGARI_WORD = r"[\u0900-\u097F]+"
# First and second person possessives: "हमारी टीम" (our team), "आपकी टीम" head a page's section, not a byline.
_POSSESSIVE_HI = r"(?:हमारी|हमारा|हमारे|मेरी|मेरा|मेरे|आपकी|आपका|आपके|अपनी|अपना|अपने)"
BYLINE_LINE = re.compile(
    r"^(?:(?:(?:by|written by|posted by|reported by|authored by|story by|words by|compiled by|edited by"
    # a show's presenter, who answers for an episode page as its writer would: "Anchor: ...", "Hosted by ..."
    r"|hosted by|anchored by)\s*:?\s+"
    r"|(?:author|authors|reporter|writer|correspondent|anchor|host|presenter)\s*[:\-\u2013\u2014]\s*)"
    r"(?P<name>.+)"
    # "Priya Nair | Updated: Nov 29, 2026, 10:42 IST": a name before a bar and the article's date line
    r"|(?P<lead_name>(?-i:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){1,3}))\s*[|\u2022\u00b7]\s*"
    r"(?:(?:last\s+)?updated|published|posted|first\s+published)\b.*"
    rf"|(?:{_HI_LEAD})(?P<hi_name>[\u0900-\u097F].+)"
    rf"|(?P<hi_before>{_DEVANAGARI_WORD}(?:\s+{_DEVANAGARI_WORD}){{0,7}})\s+द्वारा(?:\s+(?:लिखित|प्रकाशित))?\s*(?:[|,।:–—-].*)?"
    # (not "हमारी टीम", "हमारी रिसर्च टीम": a firm's own heading of its people, "our team", is no desk's credit)
    rf"|(?!(?:{_DEVANAGARI_WORD}\s+){{0,2}}{_POSSESSIVE_HI}\s)"
    rf"(?P<hi_credit>(?:{_DEVANAGARI_WORD}\s+){{0,3}}{_HI_CREDIT_WORD})\s*(?:[|,।:–—-].*)?"
    r")$",
    re.I,
)
# Where the names end: a separator bar, an "Updated"/"Published" label, a date or a time.
AUTHOR_CUT = re.compile(
    r"\s*(?:\||•|·|\u2022|/\s|\s-\s|\s\u2013\s|,?\s*(?:updated|published|posted|last updated|first published)\b"
    r"|\bon\s+\w+\s+\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[:/.]\d|\d{4}\s*年"
    r"|\s(?:in|on|at)\s+(?=[A-Z0-9])"
    # Hindi: "अपडेटेड", "प्रकाशित", a date with a Hindi month ("5 मई 2025", "मई 5, 2025")
    r"|,?\s*(?:अपडेटेड|अपडेट|प्रकाशित|प्रकाशन)|\d{1,2}\s+(?:जनवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर"
    r"|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)|(?:जनवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर"
    r"|नवंबर|नवम्बर|दिसंबर|दिसम्बर)\s+\d).*$",
    re.I,
)
# Hindi job titles and desks: "वरिष्ठ संवाददाता", "उप संपादक", "ब्यूरो प्रमुख". Apart from ``ROLE_WORDS``: in Python's
# ``re`` a Devanagari vowel sign is not a word character, so ``\b`` does not bound these words.
HI_ROLE_WORDS = re.compile(
    r"(?<![\u0900-\u097F])(?:संवाददाता|ब्यूरो|डेस्क|टीम|संपादक|उप\s*संपादक|वरिष्ठ|विशेष|प्रमुख|रिपोर्टर|एजेंसी|एजेंसियां|"
    r"स्टाफ|पत्रकार|सहयोगी|इनपुट)(?![\u0900-\u097F])"
)
_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_SPLIT = re.compile(r"\s*(?:(?P<comma>[,;\uff0c\u3001])|&|\band\b|\bwith\b|(?<=\s)(?:और|एवं)(?=\s))\s*", re.I)
_WRAPPED = re.compile(r"^\s*[(\[\u3010\u300a]([^()\[\]]*)[)\]\u3011\u300b]\s*$")
ROLE_WORDS = re.compile(
    r"\b(?:editor|editors|correspondent|correspondents|reporter|reporters|writer|journalist|columnist|contributor"
    r"|contributors|analyst|economist|strategist|bureau|desk|team|staff|newsroom|department|dept|head|chief"
    r"|senior|deputy|associate|assistant|principal|special|executive|managing|director|founder|co-founder|ceo"
    r"|cfo|cio|manager|producer|anchor|intern|fellow|professor|advis[eo]r|consultant|partner|officer|president"
    r"|research|researcher|trainee|sub-editor|photographer|photos?|illustrations?|graphics|video|news\s+service"
    r"|agency|agencies|inputs|updated|published|edited|reviewed|fact-checked|sponsored|guest|opinion)\b",
    re.I,
)
_PARTICLES = frozenset(
    ("de", "da", "di", "van", "von", "bin", "binti", "al", "el", "la", "le", "del", "der", "den", "du", "dos", "ibn")
)
MAX_NAME_TOKENS = 5


def _name_token(token: str) -> bool:
    """A word of a name: capitalised (or in a script without case: Devanagari, Tamil...), an initial, or a
    particle (de, van, bin)."""
    first = token[0]
    if first.isalpha():
        # "deCasparis", "d'Souza": a lower-case particle joined to a capitalised name
        return not first.islower() or token.rstrip(".") in _PARTICLES or any(c.isupper() for c in token[1:])
    return False


def _looks_like_name(part: str) -> bool:
    tokens = part.split()
    if not 1 <= len(tokens) <= MAX_NAME_TOKENS or len(part) > 60:
        return False
    if any(c.isdigit() for c in part) or part.lower().startswith(("http", "www.")) or "@" in part:
        return False
    return all(_name_token(t) for t in tokens) and tokens[0].rstrip(".") not in _PARTICLES


# (and a paper's branded-content unit: "Konkan Times Brand Studio", "ET Spotlight", "HT Brand Studio")
_CREDIT = re.compile(
    r"\b(?:bureau|desk|news\s+service|newsroom|news\s+network|agency|agencies|team|staff|studio|spotlight)\b", re.I
)
_JOB = re.compile(
    r"\b(?:writer|editor|correspondent|reporter|journalist|columnist|contributor|analyst|economist|strategist"
    r"|producer|anchor|intern|photographer)s?\b",
    re.I,
)
_SECTION_WORDS = re.compile(
    r"\b(?:markets?|stocks?|shares?|news|business|economy|companies|money|finance|personal|latest|live|home|world"
    r"|india|nation|tech|technology|sports?|opinion|politics|city|states?|ipo|mutual|funds?|commodities|crypto)\b",
    re.I,
)
_NOT_NAMES = frozenset(("by", "and", "with", "from", "story", "author", "authors", "written"))


def is_credit(text: str) -> bool:
    """A desk's or agency's credit rather than a person: "Us Weekly Staff", "ET Bureau", "News Desk"."""
    return _CREDIT.search(text) is not None and _JOB.search(text) is None


def _looks_like_credit(text: str) -> bool:
    """A desk's or agency's credit ("Express News Service", "ET Bureau"), not a job title ("Staff Writer")."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= 4
        and len(text) <= 40
        and all(_name_token(t) for t in tokens)
        and _CREDIT.search(text) is not None
        and _JOB.search(text) is None
    )


def byline_line(text: str, kind: str) -> re.Match[str] | None:
    """``BYLINE_LINE``'s match of a block's text, except a desk credit that is a heading: "रिसर्च टीम" or
    "सपोर्ट डेस्क" as a heading names a section of a firm's page, not the desk that wrote it."""
    m = BYLINE_LINE.match(text)
    return None if m and kind == "heading" and m.group("hi_credit") else m


def clean_author_text(text: str) -> list[str]:
    """The names in a byline: "By A, Senior Editor, Markets Desk | Updated: ..." -> ["A"];
    "A, B and C" -> ["A", "B", "C"]."""
    text = fold(text)
    m = BYLINE_LINE.match(text)
    if m:
        if m.group("hi_credit"):
            return [m.group("hi_credit")]  # "अमर उजाला ब्यूरो": a desk's credit is the byline there is
        if m.group("lead_name") and _SECTION_WORDS.search(m.group("lead_name")):
            return []  # "Stock Market | Updated: ...": a section's label before the date line, not a name
        text = m.group("name") or m.group("lead_name") or m.group("hi_name") or m.group("hi_before")
    text = AUTHOR_CUT.sub("", text)
    wrapped = _WRAPPED.match(text)  # "[Tanaka Hiromasa, ITmedia]": the whole byline in brackets
    text = wrapped.group(1) if wrapped else _PARENS.sub("", text)
    text = text.strip(" :,-")
    parts: list[tuple[str, bool]] = []  # (part, came after a comma)
    pos = 0
    after_comma = False
    for sep in _SPLIT.finditer(text):
        parts.append((text[pos : sep.start()], after_comma))
        after_comma = sep.group("comma") is not None
        pos = sep.end()
    parts.append((text[pos:], after_comma))
    candidates: list[str] = []
    role_seen = False
    for raw, comma in parts:
        part = raw.strip(" .,:;-")
        if not part:
            continue
        if ROLE_WORDS.search(part) or HI_ROLE_WORDS.search(part):
            role_seen = True
            continue
        if part.casefold() in _NOT_NAMES or not _looks_like_name(part):
            continue
        if role_seen and comma and " " not in part:
            continue  # "Senior Correspondent, Markets, Banking": the role's words, not a name
        candidates.append(part)
    if any(" " in c for c in candidates):
        # A lone word beside full names is a place or a desk ("Asha Menon, Mumbai"), unless it is an
        # initial-led name ("K. Menon" has a space; "Menon" alone does not).
        candidates = [c for c in candidates if " " in c]
    if not candidates and parts and _looks_like_credit(text):
        return [text]  # "Express News Service", "ET Bureau": a desk's credit is the byline there is
    names: list[str] = []
    for c in candidates:
        if c not in names:
            names.append(c)
    return names


_LIST_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)


def split_name_list(value: str) -> list[tuple[str, int]] | None:
    """A structured author value that lists several people ("Howard Schneider, Lindsay Dunsmuir", "A and
    B"): each name with its offset in ``value``. ``None`` unless every part is a full name (two words or
    more, no role word): a value with a job title or a credit stays whole for ``meta-byline-format``."""
    if "," not in value and "&" not in value and " and " not in value.lower():
        return None
    out: list[tuple[str, int]] = []
    pos = 0
    for sep in [*_LIST_SPLIT.finditer(value), None]:
        end = sep.start() if sep is not None else len(value)
        part = value[pos:end]
        name = part.strip()
        if (
            not name
            or " " not in name
            or name.split()[0].casefold() in _NOT_NAMES
            or ROLE_WORDS.search(name)
            or not _looks_like_name(name)
        ):
            return None
        out.append((name, pos + part.index(name)))
        if sep is not None:
            pos = sep.end()
    return out if len(out) >= 2 else None
