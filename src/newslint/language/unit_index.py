"""Units of text and the literal index over a list of them (which units hold a literal), for the prefilters.

A ``Unit`` is a stretch of one block's text (a whole block, a sentence, a link's text) or of a pseudo-block, so
every match anywhere maps back to the file. A ``UnitIndex`` answers "which units hold one of these literals"
once per literal and list: by ``str.find`` over the units' joined lower-cased text, or for long texts by one
Aho-Corasick pass for all the packs' literals (``literal_scan``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter
from typing import Any

from newslint.document.case_key import case_key
from newslint.document.model import Block
from newslint.language.literals import holds_all

LOWERED_MAX = 4_000_000  # characters of a scope's text copied for its document-level prefilter
FEW_UNITS = 8  # units left after a prefilter's first set that are tested one by one for its other sets


class Unit:
    """A stretch ``[start, end)`` of a block's text."""

    __slots__ = ("block", "end", "start")

    def __init__(self, block: Block, start: int, end: int) -> None:
        self.block = block
        self.start = start
        self.end = end

    @property
    def text(self) -> str:
        b = self.block
        if self.start == 0 and self.end == len(b.text):
            return b.text
        return b.text[self.start : self.end]

    @property
    def lower(self) -> str:
        b = self.block
        if self.start == 0 and self.end == len(b.text):
            return b.lower()
        lowered = b.lower()
        if len(lowered) != len(b.text):  # a letter whose lower case is longer ("İ"): offsets differ
            return case_key(b.text[self.start : self.end])
        return lowered[self.start : self.end]

    def key(self) -> tuple[int, int, int]:
        return (id(self.block), self.start, self.end)


_DEVANAGARI = re.compile("[\u0900-\u097f]")
_minimal: dict[frozenset[str], tuple[str, ...]] = {}


def minimal_literals(literals: frozenset[str]) -> tuple[str, ...]:
    """``literals`` less those that hold another of them: a text holding "stocks" holds "stock", so the units
    holding one of them are found with fewer searches (inflected ``terms`` give many such sets)."""
    out = _minimal.get(literals)
    if out is None:
        out = _minimal[literals] = tuple(
            lit for lit in literals if not any(other != lit and other in lit for other in literals)
        )
    return out


class UnitIndex:
    """The lower-cased texts of a list of units joined by newlines, to find the units that hold a literal.

    Most patterns are decided by their literal prefilter: instead of testing every unit for every pattern,
    ``str.find`` over the joined text jumps from one unit holding a literal to the next (in C), so a pattern
    whose literals occur in three units costs three finds, not one test per unit of the document.

    The units holding a literal are kept as a bit mask (bit ``i``: unit ``i``), so that a question's literal
    sets are joined and intersected as whole integers, not as sets of indexes.
    """

    __slots__ = (
        "_blocks",
        "_devanagari",
        "_found",
        "_held",
        "_members",
        "_ordered",
        "_parent",
        "_parent_map",
        "_scanned",
        "starts",
        "text",
        "units",
    )

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        # Units holding each literal searched so far, as a mask: the packs' patterns share many literals
        # ('sebi', 'invest', 'research'), and each search scans the whole text when a literal is absent.
        self._found: dict[str, int] = {}
        self._held: dict[tuple[frozenset[str], ...], list[Unit]] = {}  # answers of ``holding_all``, by question
        self._scanned = False  # whether the one-pass scan for the long literals ran (see ``literal_scan``)
        self._devanagari: bool | None = None  # whether the text has any Devanagari letter (asked once)
        # A list of whole blocks asks the document's index instead of searching its own text (see ``derive``):
        # its questions are answered in the parent's units, ``_members`` the mask of those in this list.
        self._parent: UnitIndex | None = None
        self._parent_map: list[int] = []  # for each unit of the parent, its index here, or -1
        self._members = -1
        self._ordered = True  # whether this list's units are in the parent's order (else answers are sorted)
        self._blocks: dict[int, int] | None = None  # id(block) -> index, for a parent's whole-block units
        self.text: str | None = None
        self.starts: list[int] = []
        if sum(u.end - u.start for u in units) > LOWERED_MAX:
            # A huge scope (a 50 MB page): no joined copy; each unit is tested on its own.
            return
        lowers = [u.lower for u in units]
        self.text = "\n".join(lowers)
        starts = []
        pos = 0
        for low in lowers:
            starts.append(pos)
            pos += len(low) + 1
        self.starts = starts

    def derive(self, parent: UnitIndex) -> None:
        """Take the literal hits from ``parent`` (the document's index) when every unit of this list is a
        whole block of it: the document's index has scanned its text once for every long literal and keeps
        each literal's hits, so the body, the paragraphs, a class's blocks... cost no search of their own.
        Both answers are supersets of the exact one in the same way (see ``holding_all``)."""
        if self.text is None or parent.text is None or parent is self:
            return
        blocks = parent._blocks
        if blocks is None:
            blocks = parent._blocks = {id(u.block): j for j, u in enumerate(parent.units) if u.start == 0}
        mapping = [-1] * len(parent.units)
        members = 0
        last = -1
        ordered = True
        for i, u in enumerate(self.units):
            j = blocks.get(id(u.block))
            if j is None or u.start != 0 or u.end != len(u.block.text) or mapping[j] >= 0:
                return
            mapping[j] = i
            members |= 1 << j
            ordered = ordered and j > last  # (a merge of scopes, "paragraph" then "list-item", is not)
            last = j
        self._parent = parent
        self._parent_map = mapping
        self._members = members
        self._ordered = ordered
        self._scanned = True  # the parent scans

    def holding_all(self, sets: tuple[frozenset[str], ...]) -> list[Unit]:
        """The units (in order) whose lower-cased text contains a literal of each of ``sets`` (not empty).

        The first set is searched in the joined text; each further one only narrows what the first found:
        in the joined text when its literals were searched already or many units are left, else in the few
        units left, which costs less than a search of the whole text. A superset is harmless (the expression
        decides); a literal that spans the newline between two units can only add a unit, never lose one,
        since the search resumes at the start of the next unit.
        """
        units = self.units
        if self.text is None:
            return [u for u in units if holds_all(u.lower, sets)]
        held = self._held.get(sets)
        if held is None:
            held = self._held[sets] = self._holding_all(sets)
        return held

    def _holding_all(self, sets: tuple[frozenset[str], ...]) -> list[Unit]:
        """``holding_all`` of a list with a joined text, not asked before (the packs' expressions share many
        prefilters: a third of the questions a page's index is asked are repeated). A derived list asks its
        parent, in the parent's units, and keeps its own among them."""
        parent = self._parent
        root = self if parent is None else parent
        known = root._found
        if _absent_set(sets, known):
            return []
        found = root._mask(sets[0]) & self._members
        for literals in sets[1:]:
            if not found:
                break
            if all(lit in known for lit in literals) or found.bit_count() > FEW_UNITS:
                found &= root._mask(literals)
            else:
                for i in _bits(found):
                    if not root._unit_holds(i, literals):
                        found ^= 1 << i
        if not found:
            return []
        if found == self._members or (parent is None and found.bit_count() == len(self.units)):
            return self.units
        if parent is None:
            return [self.units[i] for i in _bits(found)]
        mapping = self._parent_map
        units = self.units
        if self._ordered:
            return [units[mapping[j]] for j in _bits(found)]
        return [units[i] for i in sorted(mapping[j] for j in _bits(found))]

    def _unit_holds(self, i: int, literals: frozenset[str]) -> bool:
        """Whether unit ``i`` holds one of ``literals``: a search of its stretch of the joined text, no copy."""
        assert self.text is not None
        find = self.text.find
        starts = self.starts
        start = starts[i]
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
        for lit in literals:  # noqa: SIM110 - a plain loop: this runs per unit and literal set
            if find(lit, start, end) >= 0:
                return True
        return False

    def _mask(self, literals: frozenset[str]) -> int:
        """The units holding one of ``literals`` (``text`` is not None, not a derived list)."""
        found = 0
        for lit in minimal_literals(literals):
            found |= self.hits(lit)
        return found

    def hits(self, lit: str) -> int:
        """The mask of the units holding ``lit`` (a superset, see ``holding_all``), searched once; a derived
        list answers in its parent's units."""
        if self._parent is not None:
            return self._parent.hits(lit) & self._members
        hits = self._found.get(lit)
        if hits is not None:
            return hits
        if not self._scanned:
            self._scanned = True
            scan = literal_scan() if self.text is not None and len(self.text) >= SCAN_MIN_TEXT else None
            if scan is not None:
                scan(self)
                hits = self._found.get(lit)
                if hits is not None:
                    return hits
        hits = self._found[lit] = self._holding_one(lit)
        return hits

    def scan_now(self) -> None:
        """Run now the one-pass literal scan that the first search would run (``NEWSLINT_TIMING`` runs, so that
        its time counts as the page's shared work, not the asking rule's)."""
        if not self._scanned and self.text is not None and len(self.text) >= SCAN_MIN_TEXT:
            self._scanned = True
            scan = literal_scan()
            if scan is not None:
                scan(self)

    def _holding_one(self, lit: str) -> int:
        """The mask of the units whose lower-cased text contains ``lit`` (``text`` is not None)."""
        assert self.text is not None
        if not lit.isascii() and _DEVANAGARI.search(lit) is not None:
            # A Hindi literal in an English page: one scan of the page for any Devanagari answers them all.
            if self._devanagari is None:
                self._devanagari = _DEVANAGARI.search(self.text) is not None
            if not self._devanagari:
                return 0
        find = self.text.find
        starts = self.starts
        last = len(starts) - 1
        hits: list[int] = []
        pos = find(lit)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            hits.append(i)
            if i >= last:
                break
            pos = find(lit, starts[i + 1])
        return _mask_of(hits, len(starts))


# Masks of more units than this are built and read through bytes and strings: an operation on a Python integer
# costs in proportion to its length, so bit by bit they would cost the square of a huge page's units.
SMALL_MASK = 2048


def _mask_of(indexes: list[int], size: int) -> int:
    """The mask with the bits ``indexes`` set (each below ``size``)."""
    if size <= SMALL_MASK:
        mask = 0
        for i in indexes:
            mask |= 1 << i
        return mask
    octets = bytearray((size >> 3) + 1)
    for i in indexes:
        octets[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(octets, "little")


def _bits(mask: int) -> list[int]:
    """The positions of the set bits of ``mask``, in increasing order."""
    out = []
    if mask.bit_length() <= SMALL_MASK:
        while mask:
            low = mask & -mask
            out.append(low.bit_length() - 1)
            mask ^= low
        return out
    digits = bin(mask)[:1:-1]  # digit i is bit i
    i = digits.find("1")
    while i >= 0:
        out.append(i)
        i = digits.find("1", i + 1)
    return out


def _absent_set(sets: tuple[frozenset[str], ...], known: dict[str, int]) -> bool:
    """Whether a set's literals are known to be nowhere in the text (``known``: the hits found so far): then
    no unit holds all the sets, the commonest answer, given without building any set of units."""
    for literals in sets:
        for lit in literals:
            hits = known.get(lit)
            if hits is None or hits:
                break
        else:
            return True
    return False


SCAN_MIN_TEXT = 10_000  # characters of a unit list's text below which per-literal searches are cheaper
SCAN_MIN_LENGTH = 3  # two-letter literals ("in", "ra", "to") are in every unit: str.find stays cheaper for them
_scanner: Any = None  # False: no scanner (pyahocorasick missing, or no literals known)


def literal_scan() -> Any:
    """A callable filling a ``UnitIndex``'s hits for every long literal of the built-in packs in one pass over
    its text (Aho-Corasick, ``pyahocorasick``), instead of one ``str.find`` pass per literal; ``None`` when
    unavailable. Built once per process from the packs' prefilter table."""
    global _scanner
    if _scanner is None:
        _scanner = _build_scanner() or False
    return _scanner or None


def _build_scanner() -> LiteralScanner | None:
    from newslint.language.patterns import KNOWN_LITERALS

    literals = sorted(
        {lit for sets in KNOWN_LITERALS.values() for s in sets for lit in s if len(lit) >= SCAN_MIN_LENGTH}
    )
    if not literals:
        return None
    try:
        import ahocorasick
    except ImportError:
        return None
    automaton = ahocorasick.Automaton()
    for lit in literals:
        automaton.add_word(lit, lit)
    automaton.make_automaton()
    return LiteralScanner(literals, automaton)


class LiteralScanner:
    """Fills a ``UnitIndex``'s hits for every literal of ``literals`` in one Aho-Corasick pass per unit.

    The distinct literals of a unit are collected in C (``set(map(...))`` over the automaton's matches), so
    the Python work is per unit and literal found, not per occurrence: "the" or "our" occur thousands of times
    in a long page."""

    __slots__ = ("_absent", "_matches", "literals")

    def __init__(self, literals: list[str], automaton: Any) -> None:
        self.literals = literals
        self._matches = automaton.iter
        # Once a text is scanned every literal is known: the absent ones hold no unit.
        self._absent: dict[str, int] = dict.fromkeys(literals, 0)

    def __call__(self, index: UnitIndex) -> None:
        text = index.text
        if text is None:
            return
        matches = self._matches
        literal_of = _SECOND
        starts = index.starts
        last = len(starts) - 1
        known = index._found
        known.update(self._absent)
        if len(starts) <= SMALL_MASK:
            masks: dict[str, int] = {}
            get = masks.get
            for i, start in enumerate(starts):
                stop = starts[i + 1] - 1 if i < last else len(text)
                bit = 1 << i
                # (the unit's own slice: pyahocorasick copies the whole string it is given to UCS-4 at each
                # call, whatever the bounds, which made the pass quadratic in the page's length)
                for lit in set(map(literal_of, matches(text[start:stop]))):
                    masks[lit] = get(lit, 0) | bit
            known.update(masks)
            return
        found: dict[str, list[int]] = {}  # (a huge page: each literal's units listed, then made a mask)
        for i, start in enumerate(starts):
            stop = starts[i + 1] - 1 if i < last else len(text)
            for lit in set(map(literal_of, matches(text[start:stop]))):
                hits = found.get(lit)
                if hits is None:
                    found[lit] = [i]
                else:
                    hits.append(i)
        size = len(starts)
        known.update((lit, _mask_of(hits, size)) for lit, hits in found.items())


_SECOND = itemgetter(1)  # the value (the literal) of an automaton's ``(end, value)`` match
