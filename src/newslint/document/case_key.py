"""The case key of a text: what literal prefilters compare (see ``rules.literals``).

The text lower-cased, with the few characters that the ``regex`` module matches case-insensitively with another
but that lower-case differently (``ſ`` and ``s``, ``ı`` and ``i``, ``ς`` and ``σ``, ``µ`` and ``μ``...) mapped to
one of them: every spelling an expression matches case-insensitively has the same key. Each character maps to
one character, so offsets in the key are those of ``text.lower()``.
"""

from __future__ import annotations

import re
import unicodedata


def _regex_version() -> str:
    import regex  # already loaded by any run that matches expressions

    return str(regex.__version__)


# Built by ``build_fold_table`` for these versions (the test suite checks it is current); another version of
# ``regex`` or of Python's Unicode tables rebuilds it on first use (about a second).
FOLD_STAMP = ("2026.12.2", "14.0.0")
FOLD_PAIRS = "µμıiſsͅιςσϐβϑθϕφϖπϰκϱρϵεᲀвᲁдᲂоᲃсᲄтᲅтᲆъᲇѣᲈꙋẛṡιι"  # (from, to) pairs, built by ``build_fold_table``

_fold: dict[int, int] | None = None
_folded: re.Pattern[str] | None = None  # the characters ``_fold`` maps


def build_fold_table() -> dict[int, int]:
    """Characters to map after lower-casing so that any two characters ``regex`` matches case-insensitively
    (simple case folding) get the same key: every code point is tried against its case mappings."""
    import regex

    flags = regex.IGNORECASE | regex.VERSION0
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.get(a, a) != a:
            a = parent[a]
        return a

    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        x = chr(cp)
        for y in {x.lower(), x.upper(), x.casefold(), x.title()}:
            if len(y) == 1 and y != x and regex.fullmatch(regex.escape(y), x, flags=flags):
                ra, rb = find(x), find(y)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for x in list(parent) + list(parent.values()):
        groups.setdefault(find(x), set()).add(x)
    table: dict[int, int] = {}
    for members in groups.values():
        lowers = {m.lower() for m in members}
        if len(lowers) < 2:
            continue
        # The key: the lower case of the group's capital letter (ſ, ı -> s, i; ς -> σ).
        capitals = sorted(m.lower() for m in members if m.upper() == m and len(m.lower()) == 1)
        key = capitals[0] if capitals else min(lowers)
        for low in lowers:
            if low != key:
                if len(low) != 1 or len(key) != 1:  # pragma: no cover - not in today's Unicode
                    raise ValueError(f"case group {sorted(members)!r} lower-cases to several characters")
                table[ord(low)] = ord(key)
    return table


def fold_table() -> dict[int, int]:
    global _fold
    if _fold is None:
        if (_regex_version(), unicodedata.unidata_version) == FOLD_STAMP:
            _fold = {ord(a): ord(b) for a, b in zip(FOLD_PAIRS[::2], FOLD_PAIRS[1::2], strict=True)}
        else:  # pragma: no cover - another regex or Python
            _fold = build_fold_table()
    return _fold


def case_key(text: str) -> str:
    """``text`` lower-cased, with case-equivalent characters mapped to one (see the module docstring). A
    character maps to one character, so offsets are those of ``text.lower()``."""
    low = text.lower()
    if low.isascii():
        return low
    # ``str.translate`` looks up every character of a non-ASCII text (about 200 instructions each); the
    # characters of the table are rare (µ, ς, ſ), and ``re`` finds whether the text holds any far faster.
    global _folded
    if _folded is None:
        _folded = re.compile("[" + "".join(re.escape(chr(c)) for c in fold_table()) + "]")
    if _folded.search(low) is None:
        return low
    return low.translate(fold_table())
