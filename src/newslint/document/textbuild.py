"""Build a block's matching text from pieces of the source while recording where each piece came from.

Matching text is normalised so that rules see what a reader sees: entities are decoded; runs of whitespace,
NBSP and line breaks become one space; curly quotes and the various dashes become their ASCII forms;
zero-width characters and soft hyphens disappear. Folding quotes and dashes keeps the length, so those
characters stay in identity segments of the ``TextMap``; only entities and folded whitespace need segments of
their own.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Final

from newslint.document.positions import TextMap

# One character to one character, so positions stay 1:1.
FOLD_TABLE: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
    }
)

# The characters FOLD_TABLE changes. ``str.translate`` looks every character of a non-ASCII text up in its table
# (about 200 instructions a character: 3% of a check of the shared corpus); most non-ASCII text (Hindi, a rupee
# sign, an accented name) holds none of them, and ``re`` finds those it holds in a few instructions a character.
_FOLDABLE: Final = re.compile("[" + "".join(re.escape(chr(c)) for c in FOLD_TABLE) + "]")


def fold_chars(text: str) -> str:
    """``text.translate(FOLD_TABLE)``: each character found replaced in C (no value of the table is a key)."""
    found = _FOLDABLE.findall(text)
    if not found:
        return text
    for ch in set(found):
        text = text.replace(ch, FOLD_TABLE[ord(ch)])
    return text


_WS: Final = " \t\n\r\f\v\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000"
_DELETED: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Anything that breaks the 1:1 correspondence between source and text.
_ENTITY_SOURCE: Final = r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};)"
_SPECIAL_HTML: Final = re.compile(_ENTITY_SOURCE + r"|[" + _WS + r"]{2,}|[\t\n\r\f\v\u2028\u2029]|[" + _DELETED + r"]")
_SPECIAL_PLAIN: Final = re.compile(r"[" + _WS + r"]{2,}|[\t\n\r\f\v\u2028\u2029]|[" + _DELETED + r"]")
_NEEDS_WORK_HTML: Final = re.compile(r"[&\t\n\r\f\v\u2028\u2029" + _DELETED + r"]|[" + _WS + r"]{2}")
_NEEDS_WORK_PLAIN: Final = re.compile(r"[\t\n\r\f\v\u2028\u2029" + _DELETED + r"]|[" + _WS + r"]{2}")


def _needs_work(text: str, entities: bool) -> bool:
    """Whether ``text`` holds anything but single spaces and plain characters (see ``_NEEDS_WORK_HTML``)."""
    if text.isascii():
        # Most text. In ASCII only these can need work, and seven searches in C (memchr) beat an expression
        # that tests a character class at every position.
        return (
            ("&" in text and entities)
            or "\n" in text
            or "  " in text
            or "\t" in text
            or "\r" in text
            or "\f" in text
            or "\v" in text
        )
    return (_NEEDS_WORK_HTML if entities else _NEEDS_WORK_PLAIN).search(text) is not None


_ENTITY: Final = re.compile(_ENTITY_SOURCE)
_ASCII_BREAKS: Final = ("\n", "\r", "\t", "  ")  # where a special whitespace run can be found in ASCII (see below)


def _ascii_specials(chunk: str, entities: bool) -> list[tuple[int, int]] | None:
    """The spans ``_SPECIAL_HTML`` (or ``_PLAIN``) finds in an ASCII ``chunk``, found with ``str.find``.

    In ASCII a special is an entity at a '&' or a run of whitespace that is not one lone space; every such
    run holds a line break, a tab or two spaces in a row. The expression tries a match at every space of
    the text (a tenth of a parse went there); this looks only where one of those can start. Returns None
    for text with a form feed or vertical tab (rare): the expression decides it. A property test holds this
    to the expression.
    """
    if "\f" in chunk or "\v" in chunk:
        return None
    n = len(chunk)
    needles = [b for b in _ASCII_BREAKS if b in chunk]
    if entities and "&" in chunk:
        needles.append("&")
    found = [chunk.find(b) for b in needles]
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        p = n
        for i in range(len(needles)):
            f = found[i]
            if 0 <= f < pos:
                f = found[i] = chunk.find(needles[i], pos)
            if 0 <= f < p:
                p = f
        if p == n:
            return spans
        if chunk[p] == "&":
            m = _ENTITY.match(chunk, p)
            if m is None:
                pos = p + 1  # a lone '&' is text
                continue
            spans.append((p, m.end()))
            pos = m.end()
            continue
        # A run of whitespace: at most one space before what was found (a second would have been found).
        a = p - 1 if p > pos and chunk[p - 1] == " " else p
        q = p + 1
        while q < n and chunk[q] in " \n\r\t":
            q += 1
        spans.append((a, q))
        pos = q


# Decoded entities by spelling: pages repeat the same few (``&nbsp;``, ``&amp;``, ``&#8217;``) thousands of times.
_ENTITIES: Final[dict[str, str]] = {}


def _decode_entity(token: str) -> str:
    """The entity decoded and folded (the token itself, unchanged, when it is not an entity)."""
    decoded = unescape(token)
    if decoded == token:
        decoded = token
    else:
        folded = decoded.translate(FOLD_TABLE)
        decoded = " " if folded and folded.isspace() else decoded
    if len(_ENTITIES) < 4096:
        _ENTITIES[token] = decoded
    return decoded


def fold(text: str) -> str:
    """Fold quotes, dashes and spaces of a plain string the way block text is folded (no position map)."""
    text = fold_chars(unescape(text))
    for ch in _DELETED:
        if ch in text:
            text = text.replace(ch, "")
    return " ".join(text.split())


class TextBuilder:
    """Accumulates normalised text and its ``TextMap``."""

    __slots__ = ("_len", "_map", "_parts", "_space_pending", "_space_src")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._map = TextMap()
        self._len = 0
        self._space_pending = False
        self._space_src = (0, 0)

    def __len__(self) -> int:
        return self._len

    def position(self) -> int:
        """Where the next visible character will go (after a pending space)."""
        return self._len + 1 if self._space_pending and self._len else self._len

    @property
    def empty(self) -> bool:
        return self._len == 0

    def _emit(self, text: str, s0: int, s1: int, identity: bool) -> None:
        tmap = self._map
        n = self._len
        if self._space_pending:
            self._space_pending = False
            if n:
                a, b = self._space_src
                self._parts.append(" ")
                tmap._t0.append(n)
                tmap._s0.append(a)
                tmap._s1.append(b)
                tmap._ident.append(b - a == 1)
                n += 1
        self._parts.append(text)
        tmap._t0.append(n)
        tmap._s0.append(s0)
        tmap._s1.append(s1)
        tmap._ident.append(identity)
        self._len = n + len(text)

    def space(self, s0: int, s1: int) -> None:
        """A break between words (whitespace, ``<br>``, a soft line break): at most one space is kept."""
        if not self._space_pending:
            self._space_pending = True
            self._space_src = (s0, s1)

    def literal(self, text: str, s0: int, s1: int) -> None:
        """Text that stands for the whole source span ``[s0, s1)`` (an escape, an entity)."""
        text = fold_chars(text)
        if not text:
            return
        if text.isspace():
            self.space(s0, s1)
            return
        if text[0] == " ":
            self.space(s0, s0)
            text = text.lstrip(" ")
        trailing = text.endswith(" ")
        text = text.rstrip(" ")
        if text:
            self._emit(text, s0, s1, len(text) == s1 - s0)
        if trailing:
            self.space(s1, s1)

    def _plain(self, piece: str, s0: int) -> None:
        """A run of source text that has no specials: single spaces only, no entities."""
        if not piece.isascii():  # (an O(1) check) only non-ASCII text has quotes or dashes to fold
            piece = fold_chars(piece)
        if piece[0] == " ":
            self.space(s0, s0 + 1)
            piece = piece[1:]
            s0 += 1
            if not piece:
                return
        if piece[-1] == " ":
            body = piece[:-1]
            self._emit(body, s0, s0 + len(body), True)
            self.space(s0 + len(body), s0 + len(piece))
        else:
            self._emit(piece, s0, s0 + len(piece), True)

    def source(self, src: str, start: int, end: int, entities: bool = True) -> None:
        """Add ``src[start:end]``, decoding entities (HTML) and folding whitespace."""
        if start >= end:
            return
        self.chunk(src[start:end], start, entities)

    def chunk(self, chunk: str, start: int, entities: bool = True) -> None:
        """Add ``chunk``, the source text that starts at offset ``start``."""
        if not _needs_work(chunk, entities):
            self._plain(chunk, start)
            return
        # The common case in HTML: text indented between tags, whitespace only around it.
        body = chunk.strip(_WS)
        if not body:
            self.space(start, start + len(chunk))
            return
        if not _needs_work(body, entities):
            lead = len(chunk) - len(chunk.lstrip(_WS))
            if lead:
                self.space(start, start + lead)
            self._plain(body, start + lead)
            tail = lead + len(body)
            if tail < len(chunk):
                self.space(start + tail, start + len(chunk))
            return
        spans = _ascii_specials(chunk, entities) if chunk.isascii() else None
        if spans is None:
            spans = [m.span() for m in (_SPECIAL_HTML if entities else _SPECIAL_PLAIN).finditer(chunk)]
        pos = 0
        for a, b in spans:
            if a > pos:
                self._plain(chunk[pos:a], start + pos)
            token = chunk[a:b]
            if token[0] == "&":
                decoded = _ENTITIES.get(token)
                if decoded is None:
                    decoded = _decode_entity(token)
                if decoded == token:
                    self._plain(token, start + a)
                elif decoded == " ":
                    self.space(start + a, start + b)
                elif len(decoded) == 1 and decoded not in _WS and decoded not in _DELETED:
                    # The common case (&amp;, &rsquo;, &#8377;): one character standing for the entity.
                    self._emit(decoded.translate(FOLD_TABLE), start + a, start + b, False)
                else:
                    self.literal(decoded, start + a, start + b)
            elif token in _DELETED:
                pass
            else:
                self.space(start + a, start + b)
            pos = b
        if pos < len(chunk):
            self._plain(chunk[pos:], start + pos)

    def finish(self) -> tuple[str, TextMap]:
        """The text (no leading or trailing space) and its map; the builder is reset."""
        text = "".join(self._parts)
        tmap = self._map
        self._parts = []
        self._map = TextMap()
        self._len = 0
        self._space_pending = False
        return text, tmap
