"""The prefilter of an expression: literals that every match must contain, derived from its own syntax.

Most rules never fire on most documents, and a ``str`` search for a literal decides that many times faster than
running the expression. ``required_literal_sets`` gives up to four sets of literals such that any text the
expression can match holds a literal of each set ("(?:click|tap) here to (?:open|join)" needs "here", one of
"open"/"join" and one of "click"/"tap").

The expressions are written for the ``regex`` module (version 0 syntax), so this module reads them with a
parser of its own for the part of that syntax it fully understands: literals and escapes, character classes,
groups (capturing, named, non-capturing, atomic), alternation, greedy, lazy and possessive repeats, anchors and
lookarounds. Anything else (fuzzy matching ``{e<=1}``, POSIX classes ``[[:space:]]``, nested sets, named
lists, recursion, conditionals, verbose or full-case flags, an unknown escape, a ``{`` that is not a repeat)
means no prefilter: the expression then runs on every unit, so a construct it does not know can cost time,
never a finding. (Python's ``re`` parser, used before, read ``{e<=1}`` as six literal characters and
``[[:space:]]`` as a class and a ``]``, and so ruled out every page for such rules.)

Literals are compared on a *case key* (``case_key``): the text lower-cased, with the few characters that the
``regex`` module matches case-insensitively with another but that lower-case differently (``ſ`` and ``s``,
``ı`` and ``i``, ``ς`` and ``σ``...) mapped to one of them. Because the key is the same for every spelling that
an expression matches case-insensitively, one literal serves both case-sensitive and case-insensitive
expressions.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from newslint.document.case_key import case_key

# -- parsing ---------------------------------------------------------------------------------------------


class GiveUp(Exception):
    """A construct this parser does not fully understand: no prefilter."""


# Nodes: ("lit", char) | ("cls", frozenset of chars or None for a wide class) | ("at",) a zero-width anchor
# | ("opaque",) something zero-width or unknown that breaks a literal run | ("alt", [sequence, ...])
# | ("rep", minimum, sequence). A sequence is a list of nodes.

INLINE_FLAGS = frozenset("imsauw")  # flags that change no literal's key and no parse (not x, f, V1, L)
ANCHOR_ESCAPES = frozenset("bBAZmMG")
CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "a": "\a", "v": "\v"}
MAX_CLASS = 8  # characters of a class that still count as spellings


class _Parser:
    """With ``exact``, the parse serves exact-case literals (``exact_literal_sets``): a character or class that
    the expression matches case-insensitively (all of a case-insensitive expression but its ``(?-i:...)``
    groups; the ``(?i:...)`` groups of a case-sensitive one) is read as a wide class, so no literal spelled in
    one case comes from it; a global ``(?i)`` or ``(?-i)`` gives up."""

    def __init__(self, source: str, exact: bool = False, caseless: bool = False) -> None:
        self.s = source
        self.i = 0
        self.exact = exact
        self.caseless = exact and caseless  # (exact parse) whether the current group matches in any case

    def parse(self) -> list[Any]:
        alts = self.alternation()
        if self.i != len(self.s):
            raise GiveUp("unbalanced )")
        return [("alt", alts)] if len(alts) > 1 else alts[0]

    def alternation(self) -> list[list[Any]]:
        alts = [self.sequence()]
        while self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            alts.append(self.sequence())
        return alts

    def sequence(self) -> list[Any]:
        seq: list[Any] = []
        s = self.s
        while self.i < len(s) and s[self.i] not in "|)":
            atom = self.atom()
            if atom is None:
                continue
            seq.append(self.quantified(atom))
        return seq

    def quantified(self, atom: Any) -> Any:
        s = self.s
        if self.i >= len(s):
            return atom
        c = s[self.i]
        if c in "*+?":
            self.i += 1
            low = 1 if c == "+" else 0
        elif c == "{":
            low = self.counted()
        else:
            return atom
        if self.i < len(s) and s[self.i] in "?+":  # lazy or possessive
            self.i += 1
        if self.i < len(s) and (s[self.i] in "*+?" or s[self.i] == "{"):
            raise GiveUp("repeat of a repeat")
        if atom[0] in ("at", "opaque"):
            raise GiveUp("repeated zero-width item")
        return ("rep", low, [atom])

    def counted(self) -> int:
        """``{m}``, ``{m,}``, ``{,n}``, ``{m,n}``; anything else after ``{`` (fuzzy matching) gives up."""
        s = self.s
        close = s.find("}", self.i)
        if close < 0:
            raise GiveUp("{")
        body = s[self.i + 1 : close]
        low, comma, high = body.partition(",")
        if not (low.isdigit() or (comma and low == "")) or not (high == "" or high.isdigit()):
            raise GiveUp("{ that is not a repeat")
        if not (low.isascii() and high.isascii()):
            raise GiveUp("non-ASCII digits")
        if low and high and int(low) > int(high):
            raise GiveUp("bad repeat")
        self.i = close + 1
        return int(low) if low else 0

    def atom(self) -> Any:
        s = self.s
        c = s[self.i]
        self.i += 1
        if c == "(":
            return self.group()
        if c == "[":
            node = self.char_class()
        elif c == "\\":
            node = self.escape(in_class=False)
        elif c == ".":
            return ("cls", None)
        elif c in "^$":
            return ("at",)
        elif c in "*+?{":
            raise GiveUp(f"nothing to repeat before {c}")
        else:
            node = ("lit", c)
        if self.caseless and node[0] in ("lit", "cls"):
            return ("cls", None)  # (exact parse) matched in any case: no exact spelling
        return node

    def group(self) -> Any:
        s = self.s
        kind = "plain"
        if s.startswith("?", self.i):
            rest = s[self.i + 1 : self.i + 4]
            if rest.startswith(":") or rest.startswith(">"):
                self.i += 2
            elif rest.startswith("P<") or (rest.startswith("<") and not rest.startswith(("<=", "<!"))):
                close = s.find(">", self.i)
                name = s[self.i + (3 if rest.startswith("P") else 2) : close] if close > 0 else ""
                if not name.isidentifier():
                    raise GiveUp("group name")
                self.i = close + 1
            elif rest.startswith(("=", "!", "<=", "<!")):
                self.i += 2 if rest[0] in "=!" else 3
                kind = "look"
            else:
                return self.flags()
        alts = self.alternation()
        if self.i >= len(s) or s[self.i] != ")":
            raise GiveUp("unclosed group")
        self.i += 1
        if kind == "look":
            return ("opaque",)
        return ("alt", alts)

    def flags(self) -> Any:
        """``(?flags)`` or ``(?flags-flags:...)`` with flags that change nothing here; else give up. (An exact
        parse follows ``i``: on or off for a group's content; a global setting of it gives up.)"""
        s = self.s
        j = self.i + 1
        while j < len(s) and (s[j] in INLINE_FLAGS or s[j] == "-"):
            j += 1
        if j == self.i + 1 or j >= len(s) or s[j] not in ":)":
            raise GiveUp("unknown group")
        on, _, off = s[self.i + 1 : j].partition("-")
        self.i = j + 1
        if s[j] == ")":
            if self.exact and "i" in on + off:
                raise GiveUp("a global case flag")
            return None  # a flag setting: no item
        outer = self.caseless
        if self.exact:
            self.caseless = ("i" in on) or (outer and "i" not in off)
        alts = self.alternation()
        self.caseless = outer
        if self.i >= len(s) or s[self.i] != ")":
            raise GiveUp("unclosed group")
        self.i += 1
        return ("alt", alts)

    def escape(self, in_class: bool) -> Any:
        s = self.s
        if self.i >= len(s):
            raise GiveUp("trailing backslash")
        c = s[self.i]
        self.i += 1
        if c in CHAR_ESCAPES and c != "v":
            return ("lit", CHAR_ESCAPES[c])
        if c in "dDwWsS":
            return ("cls", None)
        if c in "pP":
            if self.i < len(s) and s[self.i] == "{":
                close = s.find("}", self.i)
                if close < 0:
                    raise GiveUp("\\p{")
                self.i = close + 1
            else:
                self.i += 1
            return ("cls", None)
        if c == "X":
            raise GiveUp("\\X matches several characters")
        if not in_class and c in ANCHOR_ESCAPES:
            return ("at",)
        if c in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[c]
            digits = s[self.i : self.i + width]
            if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise GiveUp("hex escape")
            self.i += width
            return ("lit", chr(int(digits, 16)))
        if c == "N" and s.startswith("{", self.i):
            close = s.find("}", self.i)
            try:
                char = unicodedata.lookup(s[self.i + 1 : close])
            except KeyError:
                raise GiveUp("\\N{") from None
            self.i = close + 1
            return ("lit", char)
        if c.isalnum() or c == "_":  # octal, back-references, \L<...>, \K, \g<...>: not understood
            raise GiveUp(f"escape \\{c}")
        return ("lit", c)  # an escaped symbol: itself

    def range_end(self, low: str) -> str | None:
        """In a class, after its item ``low``: the end of a range ``low-hi`` (read), or ``None`` if none
        follows."""
        s = self.s
        if not (s.startswith("-", self.i) and self.i + 1 < len(s) and s[self.i + 1] != "]"):
            return None
        self.i += 1
        hi = s[self.i]
        self.i += 1
        if hi == "\\":
            item = self.escape(in_class=True)
            if item[0] != "lit":
                raise GiveUp("range to a class")
            hi = item[1]
        elif hi == "[":
            raise GiveUp("[ inside a class")
        if ord(hi) < ord(low):
            raise GiveUp("bad range")
        return str(hi)

    def char_class(self) -> Any:
        """``[...]``: a small set of characters, or wide (negated, ``\\w``, a big range); nested sets and POSIX
        classes give up."""
        s = self.s
        negated = s.startswith("^", self.i)
        if negated:
            self.i += 1
        chars: set[str] = set()
        wide = negated
        first = True
        while True:
            if self.i >= len(s):
                raise GiveUp("unclosed [")
            c = s[self.i]
            if c == "]":
                if first:
                    raise GiveUp("[] or []...]")
                self.i += 1
                break
            first = False
            if c == "[":
                raise GiveUp("[ inside a class (POSIX class or nested set)")
            if s.startswith(("&&", "||", "--", "~~"), self.i):
                raise GiveUp("set operation")
            self.i += 1
            if c == "\\":
                item = self.escape(in_class=True)
                if item[0] != "lit":
                    wide = True
                    continue
                c = item[1]
            hi = self.range_end(c)
            if hi is not None:
                if ord(hi) - ord(c) >= MAX_CLASS:
                    wide = True
                else:
                    chars.update(chr(x) for x in range(ord(c), ord(hi) + 1))
                continue
            chars.add(c)
        if wide or not chars or len(chars) > MAX_CLASS:
            return ("cls", None)
        return ("cls", frozenset(chars))


def parse(source: str, exact: bool = False, case_sensitive: bool = True) -> list[Any] | None:
    """The expression as a sequence of nodes, or ``None`` if it uses a construct not understood here (see
    ``_Parser`` for ``exact``)."""
    try:
        return _Parser(source, exact, not case_sensitive).parse()
    except (GiveUp, IndexError, ValueError):
        return None


def _same(char: str) -> str:
    """The key of an exact-case literal: the character itself."""
    return char


# -- requirements ----------------------------------------------------------------------------------------

MAX_ALTERNATIVES = 32  # a literal run that branches into more spellings than this is cut
RARE_SIGNS = frozenset('%@#/$"')  # lone characters worth a prefilter when an expression offers nothing longer
MAX_LITERAL_SETS = 4  # the prefilter's sets, most selective first; more cost more searches than they save


def _leading_literals(seq: list[Any], key_of: Any = case_key) -> tuple[str, bool]:
    """The literal characters (keys) a sequence starts with, and whether that is all it is."""
    chars: list[str] = []
    for node in seq:
        if node[0] == "lit":
            key = key_of(node[1])
            if len(key) != 1:  # "İ" (see ``_requirements``)
                return "".join(chars), False
            chars.append(key)
        elif node[0] != "at":
            return "".join(chars), False
    return "".join(chars), True


def _best(candidates: list[set[str]]) -> set[str]:
    """The most selective requirement: its shortest spelling is longest, then it has the fewest spellings."""
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _requirements(seq: list[Any], depth: int = 0, key_of: Any = case_key) -> list[set[str]]:
    """Sets of keys such that every match of this sequence contains one key of each set.

    A run of literal characters becomes a set; a small character class inside a run multiplies its spellings
    (``IN[AHZ]`` -> ``INA``, ``INH``, ``INZ``); a group or a repeat of at least one adds the sets of its
    content; an alternation adds the union of each alternative's best set. A zero-width anchor keeps a run
    going; anything else ends it.
    """
    if depth > 40:
        return []
    candidates: list[set[str]] = []
    run: list[str] = [""]

    def end_run() -> None:
        if run != [""]:
            candidates.append(set(run))
        run[:] = [""]

    for node in seq:
        kind = node[0]
        if kind == "lit":
            key = key_of(node[1])
            if len(key) != 1:
                # "İ" lower-cases to "i" and a combining dot, but regex also matches it with a plain "i": no
                # key spells both, so the character ends the run like an unknown one.
                end_run()
                continue
            run[:] = [r + key for r in run]
        elif kind == "at":
            continue
        elif kind == "cls":
            chars = node[1]
            keys = sorted({key_of(c) for c in chars}) if chars is not None else None
            if keys is not None and any(len(k) != 1 for k in keys):
                keys = None  # "İ" in the class (see above)
            if keys is None or len(run) * len(keys) > MAX_ALTERNATIVES:
                end_run()
            else:
                run[:] = [r + k for r in run for k in keys]
        elif kind == "rep":
            end_run()
            if node[1] >= 1:
                candidates.extend(_requirements(node[2], depth + 1, key_of))
        elif kind == "alt":
            alts = node[1]
            if len(alts) == 1:
                end_run()
                candidates.extend(_requirements(alts[0], depth + 1, key_of))
                continue
            # A run before an alternation goes on into each alternative's leading literals ("R(?:A|IA)"),
            # and past it when every alternative is nothing but literals ("(?:ab|a)c": "abc" or "ac").
            leads = [_leading_literals(alt, key_of) for alt in alts]
            if len(run) * len(leads) <= MAX_ALTERNATIVES:
                extended = [r + lead for r in run for lead, _whole in leads]
                if all(whole for _lead, whole in leads):
                    run[:] = extended
                    continue
                if run != [""]:
                    candidates.append(set(extended))
            end_run()
            union: set[str] = set()
            for alt in alts:
                req = _requirements(alt, depth + 1, key_of)
                if not req:
                    union = set()
                    break
                union |= _best(req)
            if union:
                candidates.append(union)
        else:  # opaque
            end_run()
    end_run()
    return candidates


def required_literal_sets(source: str, case_sensitive: bool = False) -> tuple[frozenset[str], ...]:
    """Sets of literals (case keys, see ``case_key``) such that ``source`` can only match a text whose case key
    holds one literal of each set, most selective first; empty when none is known or the expression uses a
    construct not understood here. The same for both case sensitivities (the key is the same for every case
    spelling); the argument is kept for the callers' keys.

    A set that holds a lone ASCII character is left out (such a character is in nearly every text), unless
    nothing better is known and its lone characters are rare in prose (``%``, ``@``, ``#``, ``/``, ``$``): an
    expression such as a UPI handle's or a percentage's then runs only on the units that hold its sign, not on
    every unit of its scope.
    """
    del case_sensitive
    seq = parse(source)
    return () if seq is None else _literal_sets(seq, case_key)


def exact_literal_sets(source: str, case_sensitive: bool) -> tuple[frozenset[str], ...]:
    """Sets of literals *in the case the expression spells them* such that it can only match a text holding
    one literal of each set (``()``: none known), from its case-sensitive parts (all of a case-sensitive
    expression but its ``(?i:...)`` groups; the ``(?-i:...)`` groups of a case-insensitive one).

    ``\\b\\d{3,6}\\s?(?:CE|PE)\\b`` needs "CE" or "PE": the case-key prefilter's "ce" and "pe" are in nearly every
    paragraph ("once", "people"), the capitals in few."""
    if not case_sensitive and "(?-i" not in source:
        return ()  # matched in any case throughout
    seq = parse(source, True, case_sensitive)
    return () if seq is None else _literal_sets(seq, _same)


def _literal_sets(seq: list[Any], key_of: Any) -> tuple[frozenset[str], ...]:
    """The prefilter of a parsed expression, keyed by ``key_of`` (see ``required_literal_sets``)."""
    sets: list[frozenset[str]] = []
    signs: list[frozenset[str]] = []
    for candidate in _requirements(seq, 0, key_of):
        lits = frozenset(candidate)
        if not lits or "" in lits or lits in sets or lits in signs:
            continue
        lone = [s for s in lits if len(s) < 2 and s.isascii()]
        if not lone:
            sets.append(lits)
        elif all(s in RARE_SIGNS for s in lone):
            signs.append(lits)
    if not sets:
        sets = signs
    sets.sort(key=lambda c: (min(len(s) for s in c), -len(c)), reverse=True)  # stable: ties keep their order
    return tuple(sets[:MAX_LITERAL_SETS])


def holds_any(text: str, literals: frozenset[str]) -> bool:
    """Whether ``text`` holds one of ``literals``. A plain loop: any() over a generator costs a frame per
    call, and this runs per unit and pattern."""
    for lit in literals:  # noqa: SIM110
        if lit in text:
            return True
    return False


def holds_all(text: str, sets: tuple[frozenset[str], ...]) -> bool:
    """Whether ``text`` holds a literal of each set (the prefilter of one pattern)."""
    for literals in sets:  # noqa: SIM110
        if not holds_any(text, literals):
            return False
    return True


# -- where a match can start -----------------------------------------------------------------------------

MAX_LEADING = 24  # spellings of a leading literal beyond which the expression's own search is left to do it
LEADING_LENGTH = 8  # characters of a leading literal worth knowing (a prefix of one is still a start)


class _Unbounded(Exception):
    """The expression can start with anything (a wide class, an empty match), or too many spellings."""


def _leading(seq: list[Any], depth: int = 0, key_of: Any = case_key) -> set[str]:
    """Keys one of which every match of ``seq`` starts with (zero-width items skipped)."""
    if depth > 40:
        raise _Unbounded
    i = 0
    while i < len(seq) and seq[i][0] in ("at", "opaque"):
        i += 1
    if i == len(seq):
        raise _Unbounded  # the sequence can match the empty string here
    node, rest = seq[i], seq[i + 1 :]
    kind = node[0]
    if kind == "alt":  # each alternative, followed by the rest (an empty alternative starts with the rest)
        out: set[str] = set()
        for alt in node[1]:
            out |= _leading(alt + rest, depth + 1, key_of)
            if len(out) > MAX_LEADING:
                raise _Unbounded
        return out
    if kind == "rep":  # its content first; when it may be absent, or the rest
        out = _leading(node[2] + rest, depth + 1, key_of)
        if node[1] == 0:
            out |= _leading(rest, depth + 1, key_of)
        if len(out) > MAX_LEADING:
            raise _Unbounded
        return out
    runs = [""]  # a run of literal characters and small classes
    for item in seq[i:]:
        if item[0] == "lit":
            key = key_of(item[1])
            if len(key) != 1:
                break
            runs = [r + key for r in runs]
        elif item[0] == "cls" and item[1] is not None:
            keys = sorted({key_of(c) for c in item[1]})
            if any(len(k) != 1 for k in keys) or len(runs) * len(keys) > MAX_LEADING:
                break
            runs = [r + k for r in runs for k in keys]
        elif item[0] != "at":
            break
        if min(len(r) for r in runs) >= LEADING_LENGTH:
            break
    if runs == [""]:
        raise _Unbounded  # a wide class (\w, ., [^...])
    return set(runs)


def leading_literals(source: str) -> frozenset[str] | None:
    """Keys (see ``case_key``) one of which every match of ``source`` starts with, or ``None``.

    ``\\b(?:best|top(?:-rated)?|no\\.?\\s*1)\\s+advis`` can only start where the case key of the text reads
    "best", "top" or "no": the expression then need only be tried at those places (``Pattern.finditer``)
    instead of searching the whole text, which is where the ``regex`` module spends its time on the units a
    prefilter lets through (19 in 20 of them hold no match). ``None`` when a match can start with anything
    (a wide class, ``\\d``, an optional everything), with a lone common letter, or with more than
    ``MAX_LEADING`` spellings: the expression's own search is then as good.
    """
    seq = parse(source)
    if seq is None or "\\G" in source:
        return None
    return _leading_keys(seq, case_key)


def exact_leading_literals(source: str, case_sensitive: bool) -> frozenset[str] | None:
    """Literals in the case the expression spells them, one of which every match starts with
    (``leading_literals``), or ``None``: from its case-sensitive parts (see ``exact_literal_sets``).

    ``\\b(?:Rs\\.?|INR)\\s?\\d`` can only start at "Rs" or "INR", far rarer places than every "rs" of "years" and
    "others"."""
    if not case_sensitive and "(?-i" not in source:
        return None
    seq = parse(source, True, case_sensitive)
    if seq is None or "\\G" in source:
        return None
    return _leading_keys(seq, _same)


def _leading_keys(seq: list[Any], key_of: Any) -> frozenset[str] | None:
    try:
        keys = _leading(seq, 0, key_of)
    except _Unbounded:
        return None
    keys = {k for k in keys if not any(other != k and k.startswith(other) for other in keys)}
    if any(len(k) < 2 and k.isascii() and k not in RARE_SIGNS for k in keys):
        return None
    return frozenset(keys)
