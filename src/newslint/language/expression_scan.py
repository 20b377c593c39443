"""One pass of every built-in expression over a block's text, to skip the expression calls that cannot match.

The literal prefilter (``literals``, ``unit_index``) lets an expression run on every unit that holds its
literals, and most of those calls find nothing: on finance pages 88% of the packs' expression calls are on
units where the expression cannot match ("guaranteed" is there, "guaranteed returns of N%" is not). Hyperscan
(``hyperscan``, Intel's multi-pattern engine) compiles all the packs' expressions into one automaton and says,
in one pass over a block's text, which of them may match there; only those are then run by ``regex``.

Hyperscan's syntax is not ``regex``'s (no lookarounds, no Unicode ``\\w``, no ``\\b`` in UTF-8 mode), so each
expression is compiled as a *superset*: a byte pattern over the text's UTF-8 that matches wherever the original
can match, and maybe elsewhere. ``translate`` builds it from the parse that the literal prefilter already uses
(``literals._Parser``):

* anchors, ``\\b`` and lookarounds are dropped (they only ever remove matches);
* every repeat becomes unbounded (``{0,60}`` -> ``*``), and case is ignored everywhere (``(?-i:...)`` too);
* a character that may be non-ASCII (a class, ``\\w``, ``\\d``, ``.``) becomes "its ASCII members, or a run of
  bytes 0x80-0xFF" (every non-ASCII character is such a run in UTF-8); a non-ASCII literal becomes its UTF-8
  bytes, in each case spelling ``regex`` matches when the expression ignores case.

So a block where the superset does not match holds no match of the expression in any stretch of its text (a
stretch matching it would match in the block too: the superset has no context conditions). The findings are
the same with or without the database; only the number of expression calls changes. A text holding one of
the few non-ASCII characters that ``regex`` matches case-insensitively with an ASCII letter (``ſ``, ``K``,
``ı``...) is not trusted to the scan (every expression may match there).

The database is built with the wheel (``python -m newslint.rules.expression_build``, beside the expression
store) for the machine that builds it, and used only when it loads: no ``hyperscan``, another version of it,
another CPU, a damaged file or an editable install mean no scan, never another finding.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

from newslint.language.literals import GiveUp, _Parser

DATABASE_NAME = "expression_scan.bin"
FORMAT = 1

ANY_NON_ASCII = rb"[\x80-\xff]+"
_CLASS_BYTES = {  # the ASCII part of each class escape, as a byte-class body
    "d": rb"0-9",
    "w": rb"A-Za-z0-9_",
    "s": rb"\t-\r\x1c-\x20",
}
# Non-ASCII characters that ``regex`` matches case-insensitively with an ASCII letter (simple case folding):
# a text holding one is not trusted to the scan. ``tests/test_expression_scan.py`` checks the list is whole.
ASCII_FOLDS = frozenset("\u0130\u0131\u017f\u212a")  # İ ı ſ K (Kelvin sign)
WORD_LOOKS = ("?<!\\w)", "?!\\w)")  # after the "(" the parser has read


def _byte_class(body: bytes, negated: bool) -> bytes:
    """One character matched by a byte class: its ASCII members (``body``), or any non-ASCII character."""
    if negated:
        return rb"(?:[^" + body + rb"\x80-\xff]|" + ANY_NON_ASCII + rb")"
    if not body:
        return rb"(?:" + ANY_NON_ASCII + rb")"
    return rb"(?:[" + body + rb"]|" + ANY_NON_ASCII + rb")"


def _escape_byte(b: int) -> bytes:
    return b"\\x%02x" % b


def _spellings(char: str) -> set[str]:
    """The characters ``regex`` matches with ``char`` ignoring case (a superset is harmless)."""
    out = {char}
    for other in (char.lower(), char.upper(), char.title(), char.casefold()):
        if len(other) == 1:
            out.add(other)
    from newslint.document.case_key import case_key

    key = case_key(char)
    if key != char.lower():
        out.add(key)
    return out


def _literal(char: str) -> bytes:
    """A literal character in any case: ASCII letters are matched caselessly by the database's flag."""
    if char.isascii():
        return _escape_byte(ord(char))
    spellings = sorted(_spellings(char))
    parts = [b"".join(_escape_byte(b) for b in s.encode("utf-8")) for s in spellings]
    return parts[0] if len(parts) == 1 else b"(?:" + b"|".join(parts) + b")"


class _ScanParser(_Parser):
    """``literals._Parser`` with classes kept as byte-pattern fragments (``("hs", bytes)``) instead of the
    literal prefilter's "wide class"."""

    def atom(self) -> Any:
        s = self.s
        if s[self.i] == ".":
            self.i += 1
            return ("hs", _byte_class(rb"\x00-\x09\x0b-\x7f", False))
        return super().atom()

    def group(self) -> Any:
        s = self.s
        for look in WORD_LOOKS:  # (?<!\w), (?!\w): a word boundary where the other side is a word character
            if s.startswith(look, self.i):
                self.i += len(look)
                return ("wb",)
        return super().group()

    def escape(self, in_class: bool) -> Any:
        s = self.s
        c = s[self.i] if self.i < len(s) else ""
        if c == "b" and not in_class:
            self.i += 1
            return ("wb",)
        if c in ("d", "w", "s", "D", "W", "S") and c:
            self.i += 1
            return ("hs", _byte_class(_CLASS_BYTES[c.lower()], c.isupper()), c)
        if c in ("p", "P") and c:
            super().escape(in_class)  # skips the property's name
            return ("hs", _byte_class(rb"\x00-\x7f", False), c)
        return super().escape(in_class)

    def char_class(self) -> Any:
        s = self.s
        negated = s.startswith("^", self.i)
        if negated:
            self.i += 1
        ascii_body = b""
        non_ascii: set[str] = set()
        wide_non_ascii = False
        first = True
        while True:
            if self.i >= len(s):
                raise GiveUp("unclosed [")
            c = s[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "[" or s.startswith(("&&", "||", "--", "~~"), self.i):
                raise GiveUp("nested set or set operation")
            self.i += 1
            if c == "\\":
                item = self.escape(in_class=True)
                if item[0] == "hs":
                    letter = item[2]
                    if letter in "pP":
                        ascii_body += rb"\x00-\x7f"
                    elif letter.islower():
                        ascii_body += _CLASS_BYTES[letter]
                    else:  # \D, \W, \S in a class: every ASCII character outside the class
                        ascii_body += _complement(_CLASS_BYTES[letter.lower()])
                    wide_non_ascii = True
                    continue
                if item[0] != "lit":
                    raise GiveUp("class item")
                c = item[1]
            hi = self.range_end(c) or c
            lo_cp, hi_cp = ord(c), ord(hi)
            if lo_cp < 0x80:
                top = min(hi_cp, 0x7F)
                ascii_body += _escape_byte(lo_cp) + (b"-" + _escape_byte(top) if top > lo_cp else b"")
            if hi_cp >= 0x80:
                if hi_cp - max(lo_cp, 0x80) > 16:
                    wide_non_ascii = True
                else:
                    non_ascii.update(chr(x) for x in range(max(lo_cp, 0x80), hi_cp + 1))
        if negated or wide_non_ascii:
            return ("hs", _byte_class(ascii_body, negated))
        alternatives = []
        if ascii_body:
            alternatives.append(b"[" + ascii_body + b"]")
        alternatives.extend(_literal(ch) for ch in sorted(non_ascii))
        if not alternatives:
            raise GiveUp("empty class")
        return ("hs", b"(?:" + b"|".join(alternatives) + b")")


def _complement(body: bytes) -> bytes:
    """The ASCII characters outside a byte-class body, as a body (for ``\\D``, ``\\W``, ``\\S`` in a class)."""
    import re

    inside = re.compile(b"[" + body + b"]")
    return b"".join(_escape_byte(b) for b in range(0x80) if not inside.match(bytes([b])))


def _ascii_word_edge(node: Any, last: bool) -> bool:
    """Whether every match of ``node`` starts (ends, with ``last``) with an ASCII letter, digit or ``_``: then
    an ASCII word boundary there holds wherever ``regex``'s Unicode one does (a non-ASCII neighbour is a
    non-word byte to Hyperscan), so ``\b`` can be kept instead of dropped."""
    kind = node[0]
    if kind == "lit":
        return node[1].isascii() and (node[1].isalnum() or node[1] == "_")
    if kind == "alt":
        return all(seq and _ascii_word_edge(seq[-1 if last else 0], last) for seq in node[1])
    if kind == "rep":
        return node[1] > 0 and bool(node[2]) and _ascii_word_edge(node[2][-1 if last else 0], last)
    return False


def _emit(seq: list[Any]) -> bytes:
    out = []
    for n, node in enumerate(seq):
        kind = node[0]
        if kind == "wb":
            before = n > 0 and _ascii_word_edge(seq[n - 1], True)
            after = n + 1 < len(seq) and _ascii_word_edge(seq[n + 1], False)
            if before or after:
                out.append(rb"\b")
            continue
        if kind == "lit":
            out.append(_literal(node[1]))
        elif kind == "hs":
            out.append(node[1])
        elif kind in ("at", "opaque"):
            continue
        elif kind == "alt":
            out.append(b"(?:" + b"|".join(_emit(a) for a in node[1]) + b")")
        elif kind == "rep":
            body = _emit(node[2])
            if not body:
                continue
            out.append(b"(?:" + body + (b")*" if node[1] == 0 else b")+"))
        else:  # pragma: no cover - _ScanParser makes no other node (its classes are "hs" fragments)
            raise GiveUp(kind)
    return b"".join(out)


def translate(source: str) -> bytes | None:
    """The byte pattern (for Hyperscan, caseless, not UTF-8 mode) that matches the UTF-8 of every text where
    ``source`` (a ``regex`` expression, either case sensitivity) matches; ``None`` when the parser does not
    understand it or nothing of it is left to require (an expression that can match anywhere)."""
    try:
        tree = _ScanParser(source).parse()
        out = _emit(tree)
    except (GiveUp, IndexError, ValueError, KeyError):
        return None
    return out or None


# -- building and loading -----------------------------------------------------------------------------------


MAX_SHARE = 0.1  # an expression the scan says may match in more of the sample's texts than this is left out
MIN_SPARED = 10  # ... and one that would spare fewer expression calls than this on the sample


def build_database(keys: list[tuple[str, bool]], sample: list[str] | None = None) -> bytes:
    """The database file for ``keys`` (expression, case-sensitive): the expressions it covers and Hyperscan's
    serialised database, stamped with Hyperscan's version.

    Left out: expressions ``translate`` cannot read, and with a ``sample`` of texts (blocks of real and
    written articles), those the scan would not pay for. A scan's cost grows with the number of expressions
    in the database and with each expression it reports (a call back into Python), and it pays only where
    it rules out a text that the literal prefilter lets through. So an expression is kept when, on the
    sample, the scan rules out at least ``MIN_SPARED`` texts that hold its literals, and reports it in at
    most ``MAX_SHARE`` of them ("stocks", "crore", any letter: reported nearly everywhere, sparing little).
    The others run on their literal prefilter's units as before: the sample decides only the speed, never a
    finding."""
    import hyperscan

    covered: list[tuple[str, bool]] = []
    patterns: list[bytes] = []
    seen: set[str] = set()
    for source, case_sensitive in keys:
        if source in seen:  # the superset ignores case: one entry per expression
            continue
        seen.add(source)
        pattern = translate(source)
        if pattern is not None:
            covered.append((source, case_sensitive))
            patterns.append(pattern)
    database = _compile(patterns)
    if sample:
        keep = _worth_scanning(database, covered, sample)
        covered = [covered[i] for i in keep]
        patterns = [patterns[i] for i in keep]
        database = _compile(patterns)
    return marshal.dumps(
        {
            "format": FORMAT,
            "hyperscan": _hyperscan_version(),
            "sources": [source for source, _ in covered],
            "database": hyperscan.dumpb(database),
        }
    )


def _worth_scanning(database: Any, covered: list[tuple[str, bool]], sample: list[str]) -> list[int]:
    """The indexes of the expressions of ``covered`` worth keeping in the database (see ``build_database``)."""
    from newslint.document.case_key import case_key
    from newslint.language.literals import holds_all, required_literal_sets

    probe = ScanDatabase(database, [source for source, _ in covered])
    sets = [required_literal_sets(source, case_sensitive) for source, case_sensitive in covered]
    reported = [0] * len(covered)
    spared = [0] * len(covered)
    for text in sample:
        found = probe.may_match(text)
        if found is None:
            continue
        lower = case_key(text)
        for i, literal_sets in enumerate(sets):
            if i in found:
                reported[i] += 1
            elif holds_all(lower, literal_sets):
                spared[i] += 1
    limit = MAX_SHARE * len(sample)
    return [i for i in range(len(covered)) if reported[i] <= limit and spared[i] >= MIN_SPARED]


def _compile(patterns: list[bytes]) -> Any:
    import hyperscan

    flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=patterns, flags=[flags] * len(patterns), ids=list(range(len(patterns))))
    database.scratch = hyperscan.Scratch(database)
    return database


def _hyperscan_version() -> str:
    import hyperscan

    return str(getattr(hyperscan, "__version__", "")) + "/" + str(hyperscan.__dict__.get("HS_VERSION", ""))


def database_path() -> Path:
    return Path(__file__).resolve().parent / DATABASE_NAME


class ScanDatabase:
    """The loaded database: which of its expressions may match in a text."""

    __slots__ = ("_database", "_ids", "_scan")

    def __init__(self, database: Any, sources: list[str]) -> None:
        self._database = database
        self._ids = {source: i for i, source in enumerate(sources)}
        self._scan = database.scan

    def id_of(self, source: str) -> int:
        """The expression's number in the database, or -1."""
        return self._ids.get(source, -1)

    def may_match(self, text: str) -> set[int] | None:
        """The numbers of the expressions that may match somewhere in ``text``; ``None`` when the scan cannot
        tell (a character that folds to ASCII, see ``ASCII_FOLDS``)."""
        if not text.isascii() and not ASCII_FOLDS.isdisjoint(text):
            return None
        found: set[int] = set()
        add = found.add
        self._scan(text.encode("utf-8", "surrogatepass"), match_event_handler=lambda i, *_: add(i))
        return found


_loaded: Any = None  # None: not tried yet; False: no database
generation = 0  # bumped by ``reset``: what a pattern's remembered number (``Pattern.scan_id``) belongs to


def database() -> ScanDatabase | None:
    """The wheel's database, loaded on first use; ``None`` when there is none or it cannot be used here."""
    global _loaded
    if _loaded is None:
        _loaded = _load(database_path()) or False
    return _loaded or None


def _load(path: Path) -> ScanDatabase | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        import hyperscan

        entry = marshal.loads(data)
        # The file's bytes, the database's bytes in it and the database Hyperscan rebuilds from them would
        # otherwise be held at once: 13 MB of a check's peak memory.
        del data
        if entry.get("format") != FORMAT or entry.get("hyperscan") != _hyperscan_version():
            return None
        db = hyperscan.loadb(entry["database"], hyperscan.HS_MODE_BLOCK)
        db.scratch = hyperscan.Scratch(db)
        return ScanDatabase(db, list(entry["sources"]))
    except Exception:  # no hyperscan, another CPU or version, a damaged file: no scan
        return None


def reset(path: Path | None = None) -> None:
    """Forget the loaded database; with ``path``, load that one instead (tests)."""
    global _loaded, generation
    _loaded = None if path is None else (_load(path) or False)
    generation += 1
