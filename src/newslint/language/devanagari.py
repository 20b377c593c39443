"""Spelling variants of Devanagari that Hindi writers use interchangeably, matched by every pattern.

The same word is written with or without a nukta ("मुनाफ़ा" and "मुनाफा", "ज़्यादा" and "ज्यादा"), with the nukta
letter precomposed (U+095C "ड़") or as the letter and a combining nukta (U+0921 U+093C, what NFC gives), and
with chandrabindu or anusvara ("कमाएँ" and "कमाएं", "हैं" typed "हैँ"), and with an anusvara or a half nasal
letter before a consonant ("गारंटी" and "गारन्टी", "कंपनी" and "कम्पनी", "संपर्क" and "सम्पर्क", "हिंदी" and
"हिन्दी"). Text is matched as written (no normalisation, so positions stay those of the file); instead an
expression is rewritten once, when it is compiled, so that each of these letters matches all its forms: a
nukta letter ``(?:ड़|ड़?)`` (the precomposed letter, or the base with an optional combining nukta), a
chandrabindu or an anusvara ``[ँं]``, and an anusvara before a consonant also a nasal letter with a virama
``(?:[ँं]|[ङञणनम]्)``. A rule author writes one spelling (the anusvara); the packs' Hindi lexicons are written
the same way.

Written by hand: normalisation libraries (``unicodedata``) fold one encoding into another but not the
spellings with and without a nukta, and would change lengths, hence positions.
"""

from __future__ import annotations

import re

NUKTA = "\u093c"
# Precomposed nukta letters and their base letters: क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़.
PRECOMPOSED = {
    "\u0958": "\u0915",
    "\u0959": "\u0916",
    "\u095a": "\u0917",
    "\u095b": "\u091c",
    "\u095c": "\u0921",
    "\u095d": "\u0922",
    "\u095e": "\u092b",
    "\u095f": "\u092f",
}
_BASE_TO_PRECOMPOSED = {base: pre for pre, base in PRECOMPOSED.items()}
NASALS = "\u0901\u0902"  # chandrabindu, anusvara
# The half nasal letters an anusvara stands for before a consonant: ङ् ञ् ण् न् म्.
_HALF_NASAL = "(?:[\u0901\u0902]|[\u0919\u091e\u0923\u0928\u092e]\u094d)"
_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f]")
# Group names and references, copied as written: "(?P<name>", "(?P=name)", "(?P>name)", "(?&name)", "(?<name>".
_GROUP_NAME = re.compile(r"\(\?(?:P<[^>]*>|P=[^)]*\)|P>[^)]*\)|&[^)]*\)|<(?![=!])[^>]*>)")
_VARIANT_LETTER = re.compile("[\u0958-\u095f\u0901\u0902\u0915\u0916\u0917\u091c\u0921\u0922\u092b\u092f]")


def spelling_variants(source: str) -> str:
    """``source`` (a regular expression) with every nukta letter and nasal sign outside a character class
    matching all its spellings (see the module docstring); unchanged when it has none."""
    if _VARIANT_LETTER.search(source) is None:
        return source
    out: list[str] = []
    i = 0
    n = len(source)
    in_class = False
    while i < n:
        c = source[i]
        if c == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        if c == "(" and not in_class:
            m = _GROUP_NAME.match(source, i)
            if m is not None:
                out.append(m.group())
                i = m.end()
                continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            # "[]...]" and "[^]...]": a "]" first in the class is a member
            j = i + 1
            if j < n and source[j] == "^":
                out.append("^")
                j += 1
            if j < n and source[j] == "]":
                out.append("]")
                j += 1
            i = j
            continue
        base = PRECOMPOSED.get(c)
        if base is None and c in _BASE_TO_PRECOMPOSED:
            base = c
            if i + 1 < n and source[i + 1] == NUKTA:
                i += 1
        if base is not None:
            out.append(f"(?:{_BASE_TO_PRECOMPOSED[base]}|{base}{NUKTA}?)")
            i += 1
            continue
        if c in NASALS:
            # before a consonant of the expression, an anusvara may be written as a half nasal letter
            out.append(_HALF_NASAL if i + 1 < n and _CONSONANT.match(source[i + 1]) else f"[{NASALS}]")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)
