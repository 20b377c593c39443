"""The language of each block: English (``en``), Hindi in Devanagari (``hi``) or Hinglish (``hinglish``,
Hindi in Latin letters mixed with English words).

The language chooses what applies to a block: the rule patterns declared for a language (a pattern set's
``lang:``), the negation and hedging cues (``negation.py``) and the reporting words (``voices.py``). An
English paragraph is not read with Hinglish words that are also English ("mat", "par", "mere") and a Hindi
paragraph is read with its own vocabulary.

A block's own text decides when it can: mostly Devanagari letters make it Hindi; romanised Hindi function
words ("hai", "karo", "milega", "nahi", "mein"...) make it Hinglish; a long enough run of English words with
none of them makes it English. A short line with no clue (a name, a ticker line such as "BANKNIFTY 48500 CE
TGT 260", numbers only) takes the language of the nearest decided blocks around it, then the page's ``lang``
(``hi`` pages: Hindi for Devanagari text, Hinglish for Latin text), then English.

Written by hand: language identifiers (fastText, langdetect, lingua) read romanised Hindi as English or as a
random language on lines of two or three words, and know nothing of a page's neighbouring blocks; two word
lists and a count decide these three languages better and in microseconds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.document.model import Block, Document

LANGUAGES = ("en", "hi", "hinglish")
LANGUAGE_NAMES = {"en": "English", "hi": "Hindi (Devanagari)", "hinglish": "Hinglish (romanised Hindi)"}

# Which lexicons a block of each language is read with. Hinglish mixes English words into romanised Hindi;
# a Hindi block quotes English words and phrases in Latin letters (tickers, "SEBI registered", a post in
# English), which only the English lexicon can read, and nothing in it is romanised Hindi.
LEXICONS = {
    "en": frozenset(["en"]),
    "hinglish": frozenset(["en", "hinglish"]),
    "hi": frozenset(["hi", "en"]),
}

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_DEVANAGARI_LETTER = re.compile(r"[\u0904-\u0939\u0958-\u0961\u0972-\u097F]")  # letters, not vowel signs
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# may_have's words: the runs of ASCII letters of the lower-cased page, found by mapping every other byte of its
# UTF-8 to a space and splitting, all in C (about 3x faster than ``re.findall(r"[a-z]+")`` on a page). A
# character outside ASCII is bytes of 0x80 and above in UTF-8, so it parts words as it did. Upper-case ASCII
# maps to lower case for a page that is all ASCII, whose ``lower()`` changes nothing else; any other page is
# lower-cased first (``"İ".lower()`` is ``"i̇"``, an ASCII "i" and a combining dot).
_LETTERS_ONLY = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def _ascii_words(text: str) -> list[bytes]:
    """The runs of ASCII letters ``[a-z]+`` of ``text.lower()``, as bytes, in order."""
    if not text.isascii():
        text = text.lower()
    return text.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Romanised Hindi words that are not English words (nor common Indian names or abbreviations): one of them
# in a short line, two in a paragraph, make it Hinglish. Verb forms, postpositions, pronouns, particles
# and the words of money and markets as finfluencers write them.
STRONG_HINGLISH = _words(
    "hai hain hoga hogi honge hota hoti hote tha thi karo kare karein kariye kijiye karna karke karte "
    "karti kiya kiye milega milegi milenge milta milti milte jayega jayegi jaayega jaega dete deta deti "
    "denge diye lijiye lijie kamao kamaye kamaiye kamayein kamaen kamaaye kamana kamai munafa munaafa rupaye "
    "rupaiye rupye nahi nahin nhi mein aur bhi sirf abhi apna apne apni aapka aapki aapke hamare humare "
    "hamara hamari humara mera meri yeh kya kyun kyunki agar toh lekin magar bahut zyada jyada jaldi pakka "
    "pakki pakke sabse liye wala wali wale mahine mahina hafte hafta rozana kuch kaise jaise yahan "
    "wahan kharido khareedo kharidein becho bechein kholo kholein dugna doguna dogna baar logon unhone usne "
    "unka unki uske uski iska iski inke unke raha rahi rahe gayi gaye bataya kaha sutron mutabik anusar "
    "daawa aarop thagi jhansa lalach laalach paao payein paayein banaya banao chahiye chahte "
    "hua hui huye zaroorat zarurat jaroorat salah salaah lein dekho dekhiye samjho samjhiye jaaniye janiye "
    "padhiye batate batayenge sakte sakta sakti sakenge rahega rahegi rahenge chahta wapas sahi galat accha "
    "acha bilkul zaroor jarur shuru khatam zyada thoda thodi chhota naya nayi purana saath baad pehle pahle "
    "phir sabhi kuchh kisi kaun kitna kitne kitni jitna girawat tezi uchhal nuksan nuksaan faida "
    "ghata shuruaat dosto doston bhaiyon aapko aapke aapki humein unko inko isko usko mujhe tumhe "
    "tumhara guna gunaa tiguna chauguna lagao lagaiye lagayein lagaya daalo bharo bhariye lelo karlo dijiye "
    "dijie chal chalega chalta badhega ghatega upar neeche kamaya kamaye dilaya dilayega "
    "hoon isliye isiliye warna varna yaani matlab lagta lagti lagte jaisa jaisi waise vaise bhejo bhejiye "
    "bhejein aao aaiye jaiye rakho rakhiye samjhe karoge kamaoge paoge jaoge milenge "
    "liya parso chuka chuke chuki kharida kharide kharidna becha beche bechna lekar dekar kamakar humne hamne "
    "aapne jinhone jisne hamesha kabhi ghante ghanton dino dinon mahino saalon kamayenge kamate kamati "
    "utha uthao uthaiye kharid khareed kharidiye pakdo beech paas"
)
# Short words that are romanised Hindi but also English words, names or abbreviations ("paise" is the
# English word for the coin, "ka", "ki", "ab" are abbreviations): they count only beside a strong word.
WEAK_HINGLISH = _words(
    "ki ka ke ye wo se ko pe na ek jab kal diya sab koi ab mai lo pao paisa paise aap aaj gaya karta roz mandi "
    "bhai kahan hume dawa daal bhar tak kar maine"
)
_STRONG_BYTES = frozenset(w.encode() for w in STRONG_HINGLISH)  # (as ``_ascii_words`` gives them)
_WEAK_BYTES = frozenset(w.encode() for w in WEAK_HINGLISH)

_HINDI_PAISA = re.compile(r"(?<![\d.,]\s)(?<![\d.,])\b(?:paisa|paise|paison)\b", re.IGNORECASE)
MIN_ENGLISH_WORDS = 6  # a block of fewer Latin words with no Hinglish word is not clearly English


@lru_cache(maxsize=8192)
def guess(text: str) -> tuple[str, bool]:
    """The language of ``text`` on its own and whether the text decides it (``False``: a short line with no
    clue, whose language the context gives)."""
    devanagari = len(_DEVANAGARI_LETTER.findall(text))
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    latin = sum(len(w) for w in words)
    if devanagari and devanagari * 3 >= latin:
        # Mostly Devanagari (a Devanagari letter stands for about three Latin ones): Hindi, however many
        # English tickers or words it quotes.
        return "hi", True
    strong = sum(1 for w in words if w in STRONG_HINGLISH)
    weak = sum(1 for w in words if w in WEAK_HINGLISH)
    if weak and _HINDI_PAISA.search(text):
        strong += 1  # "paisa double": romanised Hindi money, not the coin after a number ("12 paise")
    if strong and (strong >= 2 or weak or len(words) <= 8 or strong * 12 >= len(words)):
        return "hinglish", True
    if devanagari >= 2:
        # Hindi words in Latin text: a Hindi sentence quoting an English post, or an English one quoting a
        # Hindi phrase. Hindi, whose reading includes English (see ``LEXICONS``), reads both.
        return "hi", True
    if weak and len(words) < 2 * MIN_ENGLISH_WORDS:
        # A short line of English words and romanised Hindi ones that are English too ("Application daal do aaj
        # hi, last day kal", "₹126 ke price pe apply kar do"): undecided, it goes with the blocks around it (a
        # lone line under a Hinglish pitch is Hinglish, "PE funds ..." among English paragraphs English).
        return "en", False
    return "en", len(words) >= MIN_ENGLISH_WORDS


def page_language(doc: Document) -> str:
    """The page's declared language (``<html lang>``, ``og:locale``, front matter), lower-cased, or ''."""
    value = doc.metadata.first("language")
    return value.value.strip().lower().replace("_", "-") if value is not None and value.value else ""


def _from_page(page: str, text: str) -> str:
    if page.startswith("hi"):
        return "hi" if _DEVANAGARI.search(text) else "hinglish"
    return "en"


class BlockLanguages:
    """Every block's language in a document, worked out on first need and kept.

    A block the text decides keeps its own language; an undecided one (see ``guess``) takes the language of
    the nearest decided block before or after it (the one before when both are near, as a short line usually
    belongs with the paragraph above it), within ``NEIGHBOURS`` blocks, else the page's.
    """

    NEIGHBOURS = 3

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.page = page_language(doc)
        self._blocks: list[Block] | None = None  # the blocks in order, listed when a block needs its neighbours
        self._position: dict[int, int] = {}
        self._languages: dict[int, str] = {}
        self._may: dict[str, bool] = {}  # may_have's answers
        self._text: str | None = None  # the blocks' text, joined, for may_have
        self._english: bool | None = None  # whether the whole page is English (see ``of``)

    @property
    def blocks(self) -> list[Block]:
        if self._blocks is None:
            self._blocks = [b for b in self.doc.blocks if b.kind != "image" and b.text]
            self._position = {id(b): i for i, b in enumerate(self._blocks)}
        return self._blocks

    def of(self, block: Block) -> str:
        """The language of ``block`` (a pseudo-block, such as a metadata value, is judged on its own text
        with the page's language as the context)."""
        found = self._languages.get(id(block))
        if found is not None:
            return found
        if self._english is None:
            # A page with no Devanagari letter and no romanised Hindi word anywhere (``may_have``): every block
            # of it is English, without guessing each one.
            self._english = not (self.page.startswith("hi") or self.may_have("hi") or self.may_have("hinglish"))
        if self._english and id(block) in self._position:
            self._languages[id(block)] = "en"
            return "en"
        language, decided = guess(block.text)
        if not decided:
            self.blocks  # noqa: B018 - lists the blocks and their positions
            i = self._position.get(id(block))
            context = self._neighbour(i) if i is not None else None
            language = context or (_from_page(self.page, block.text) if self.page else language)
        self._languages[id(block)] = language
        return language

    def _neighbour(self, i: int) -> str | None:
        blocks = self.blocks
        for distance in range(1, self.NEIGHBOURS + 1):
            for j in (i - distance, i + distance):
                if 0 <= j < len(blocks) and blocks[j].body == blocks[i].body:
                    language, decided = guess(blocks[j].text)
                    if decided:
                        return language
        return None

    def lexicons(self, block: Block) -> frozenset[str]:
        """The lexicons ``block`` is read with (see ``LEXICONS``)."""
        return LEXICONS[self.of(block)]

    def may_have(self, language: str) -> bool:
        """Whether a block of the page can be in ``language`` (``hi`` or ``hinglish``): a cheap test of the
        whole page (one search), so that an English page never has every block's language worked out.

        A block is Hindi only with Devanagari letters, Hinglish only with a strong romanised Hindi word (or a
        weak one beside "paisa"); an undecided block takes its neighbours' language or the page's ``lang``.
        """
        if self.page.startswith("hi"):
            return True
        answer = self._may.get(language)
        if answer is None:
            text = self._text
            if text is None:
                text = self._text = "\n".join(b.text for b in self.blocks)  # (both languages search it)
            if language == "hi":
                answer = not text.isascii() and _DEVANAGARI_LETTER.search(text) is not None
            else:
                words = _ascii_words(text)
                answer = not _STRONG_BYTES.isdisjoint(words) or (
                    not _WEAK_BYTES.isdisjoint(words) and _HINDI_PAISA.search(text) is not None
                )
            self._may[language] = answer
        return answer
