"""What checks see of a document: scopes as units of text, regions around a match, classes, caches.

A ``Unit`` is a stretch of one block's text (a whole block, a sentence, a link's text) or of a pseudo-block
(a link target, an image's ``src``, a metadata value), so every match anywhere maps back to the file.
A ``Context`` is made per document and caches everything checks ask for repeatedly: scope units, sentence
splits, lower-cased texts for prefilters, block classes, presence answers.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from newslint.document.case_key import case_key
from newslint.document.dates import DEFAULT_POLICY
from newslint.document.model import Block, Document
from newslint.document.positions import TextMap
from newslint.document.sentences import split_sentences
from newslint.language.literals import holds_all
from newslint.language.patterns import RuleTimeout

if TYPE_CHECKING:
    from newslint.language.model import BlockClass

BLOCK_SCOPES = {
    "heading": ("heading",),
    "paragraph": ("paragraph",),
    "list-item": ("list-item",),
    "blockquote": ("blockquote",),
    "table-cell": ("table-cell",),
    "caption": ("caption",),
}
SCOPES = (
    "document",
    "body",
    "furniture",
    "title",
    "heading",
    "paragraph",
    "list-item",
    "blockquote",
    "table-cell",
    "caption",
    "sentence",
    "link",
    "url",
    "alt",
    "image",
    "section:<pattern>",
    "meta:<field>",
)
LOWERED_MAX = 4_000_000  # characters of a scope's text copied for its document-level prefilter
FEW_UNITS = 8  # units left after a prefilter's first set that are tested one by one for its other sets
WITHIN = ("sentence", "block", "section", "document", "body", "section:<pattern>")


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
    """

    __slots__ = (
        "_blocks",
        "_devanagari",
        "_found",
        "_held",
        "_parent",
        "_parent_map",
        "_scanned",
        "starts",
        "text",
        "units",
    )

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        # Units holding each literal searched so far: the packs' patterns share many literals ('sebi',
        # 'invest', 'research'), and each search scans the whole text when a literal is absent.
        self._found: dict[str, list[int]] = {}
        self._held: dict[tuple[frozenset[str], ...], list[Unit]] = {}  # answers of ``holding_all``, by question
        self._scanned = False  # whether the one-pass scan for the long literals ran (see ``literal_scan``)
        self._devanagari: bool | None = None  # whether the text has any Devanagari letter (asked once)
        # A list of whole blocks asks the document's index instead of searching its own text (see ``derive``).
        self._parent: UnitIndex | None = None
        self._parent_map: list[int] = []  # for each unit of the parent, its index here, or -1
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
        """Answer literal searches from ``parent`` (the document's whole blocks) when every unit here is a
        whole block of it: the document's index has scanned its text once for every long literal and keeps
        each literal's hits, so the body, the paragraphs, a class's blocks... cost no search of their own.
        Both answers are supersets of the exact one in the same way (see ``holding_all``)."""
        if self.text is None or parent.text is None or parent is self:
            return
        blocks = parent._blocks
        if blocks is None:
            blocks = parent._blocks = {id(u.block): j for j, u in enumerate(parent.units) if u.start == 0}
        mapping = [-1] * len(parent.units)
        for i, u in enumerate(self.units):
            j = blocks.get(id(u.block))
            if j is None or u.start != 0 or u.end != len(u.block.text) or mapping[j] >= 0:
                return
            mapping[j] = i
        self._parent = parent
        self._parent_map = mapping
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
        prefilters: a third of the questions a page's index is asked are repeated)."""
        units = self.units
        found = self._indexes(sets[0])
        known = self._found
        for literals in sets[1:]:
            if not found:
                break
            if len(found) > FEW_UNITS or all(lit in known for lit in literals):
                found = found & self._indexes(literals)
            else:
                found = {i for i in found if self._unit_holds(i, literals)}
        if len(found) == len(units):
            return units
        return [units[i] for i in sorted(found)]

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

    def _indexes(self, literals: frozenset[str]) -> set[int]:
        """The indexes of the units holding one of ``literals`` (``text`` is not None)."""
        found: set[int] = set()
        for lit in minimal_literals(literals):
            found.update(self.hits(lit))
        return found

    def hits(self, lit: str) -> list[int]:
        """The indexes of the units holding ``lit`` (a superset, see ``holding_all``), searched once."""
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
        parent = self._parent
        if parent is not None:
            mapping = self._parent_map
            hits = [k for k in [mapping[j] for j in parent.hits(lit)] if k >= 0]
        else:
            hits = self._holding_one(lit)
        self._found[lit] = hits
        return hits

    def _holding_one(self, lit: str) -> list[int]:
        """The indexes of the units whose lower-cased text contains ``lit`` (``text`` is not None)."""
        assert self.text is not None
        if not lit.isascii() and _DEVANAGARI.search(lit) is not None:
            # A Hindi literal in an English page: one scan of the page for any Devanagari answers them all.
            if self._devanagari is None:
                self._devanagari = _DEVANAGARI.search(self.text) is not None
            if not self._devanagari:
                return []
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
        return hits


SCAN_MIN_TEXT = 10_000  # characters of a unit list's text below which per-literal searches are cheaper
SCAN_MIN_LENGTH = 3  # two-letter literals ("in", "ra", "to") are in every unit: str.find stays cheaper for them
_scanner: Any = None  # False: no scanner (pyahocorasick missing, or no literals known)


def literal_scan() -> Any:
    """A function filling a ``UnitIndex``'s hits for every long literal of the built-in packs in one pass over
    its text (Aho-Corasick, ``pyahocorasick``), instead of one ``str.find`` pass per literal; ``None`` when
    unavailable. Built once per process from the packs' prefilter table."""
    global _scanner
    if _scanner is None:
        _scanner = _build_scanner() or False
    return _scanner or None


def _build_scanner() -> Any:
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
        automaton.add_word(lit, (len(lit) - 1, lit))
    automaton.make_automaton()
    matches = automaton.iter

    def scan(index: UnitIndex) -> None:
        text = index.text
        if text is None:
            return
        starts = index.starts
        found: dict[str, list[int]] = {}
        for end, (back, lit) in matches(text):
            i = bisect_right(starts, end - back) - 1
            hits = found.get(lit)
            if hits is None:
                found[lit] = [i]
            elif hits[-1] != i:
                hits.append(i)
        known = index._found
        for lit in literals:
            known[lit] = found.get(lit, [])

    scan.literals = literals  # type: ignore[attr-defined]
    return scan


@dataclass(slots=True)
class Occurrence:
    block: Block
    start: int
    end: int
    text: str


def pseudo_block(text: str, start: int | None, end: int | None, kind: str) -> Block:
    """A block for text that is not prose (a URL, an image src, a metadata value), mapped to its source."""
    tmap = TextMap()
    if start is not None and end is not None:
        tmap.add(0, start, end, end - start == len(text))
    block = Block(-1, kind, text, tmap, body=True)
    return block


class Context:
    def __init__(self, doc: Document, now: date, classes: dict[str, BlockClass], timeout: float) -> None:
        self.doc = doc
        self.now = now
        self.dates = DEFAULT_POLICY  # the zone of --now and the scheduling policy (``dates:`` in the config)
        self.classes = classes
        self.timeout = timeout
        # The current rule's deadline, checked by each expression call; None while a timer interrupts the
        # rule instead (see ``time_limit``).
        self.deadline: float | None = time.monotonic() + timeout
        self._units: dict[str, list[Unit]] = {}
        self._units_for: dict[tuple[str, ...], list[Unit]] = {}
        self._indexes: dict[int, UnitIndex] = {}
        self._class_members: dict[str, set[int]] = {}
        self.presence: dict[tuple[Any, Any], bool] = {}  # (a set's id, its region) or ("langs", languages)
        self.conditions: dict[str, bool] = {}  # answers of rules' preconditions, by their spec
        self.rule_id = ""
        self._voices: Any = None
        self._languages: Any = None

    # -- speaker ------------------------------------------------------------------------------------

    @property
    def voices(self) -> Any:
        """The document's speaker context (``voices.Voices``), computed once, on first need."""
        if self._voices is None:
            from newslint.language.voices import Voices

            self._voices = Voices(self.doc, self)
        return self._voices

    def voice(self, block: Block, offset: int) -> str:
        """Whose text ``block`` holds at ``offset``: own, quoted or reported. A pseudo-block (a metadata value,
        a link target) is judged on its own text."""
        if block.index < 0:
            from newslint.language.voices import pseudo_voice

            if self.voices.self_promotion:
                return "own"
            return pseudo_voice(block, offset, self.languages.lexicons(block))
        return self.voices.voice(block, offset)

    # -- language -----------------------------------------------------------------------------------

    @property
    def languages(self) -> Any:
        """Every block's language (``languages.BlockLanguages``), worked out on first need."""
        if self._languages is None:
            from newslint.language.languages import BlockLanguages

            self._languages = BlockLanguages(self.doc)
        return self._languages

    def start_rule(self, rule_id: str, deadline: float | None = None) -> None:
        """A rule starts: its deadline (None: a timer interrupts it, see ``time_limit``)."""
        self.rule_id = rule_id
        self.deadline = deadline

    def search(self, pattern: Any, text: str) -> bool:
        """Search with an expression from a rule file (``section:``, ``in_section``, ``closing``) within the
        current rule's time limit: such an expression can backtrack catastrophically on a long heading."""
        if self.deadline is None:
            return pattern.search(text) is not None
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise RuleTimeout()
        try:
            return pattern.search(text, timeout=remaining) is not None
        except TimeoutError:
            raise RuleTimeout() from None

    # -- scopes -------------------------------------------------------------------------------------

    def units(self, scope: str) -> list[Unit]:
        cached = self._units.get(scope)
        if cached is None:
            cached = self._build_units(scope)
            self._units[scope] = cached
        return cached

    def units_for(self, scopes: tuple[str, ...]) -> list[Unit]:
        if len(scopes) == 1:
            return self.units(scopes[0])
        cached = self._units_for.get(scopes)
        if cached is None:
            cached = self._merge_units(scopes)
            self._units_for[scopes] = cached
        return cached

    def _merge_units(self, scopes: tuple[str, ...]) -> list[Unit]:
        out: list[Unit] = []
        seen: set[tuple[int, int, int]] = set()
        for scope in scopes:
            for unit in self.units(scope):
                k = unit.key()
                if k not in seen:
                    seen.add(k)
                    out.append(unit)
        return out

    def lowered(self, scopes: tuple[str, ...]) -> str | None:
        """All the scope's text, lower-cased, for document-level prefilters; ``None`` for a huge scope."""
        return self.unit_index(self.units_for(scopes)).text

    def unit_index(self, units: list[Unit]) -> UnitIndex:
        """The (cached) literal index of a list of units; the index keeps the list alive, so ids stay unique."""
        index = self._indexes.get(id(units))
        if index is None or index.units is not units:
            index = UnitIndex(units)
            self._indexes[id(units)] = index
            document = self.units("document")
            if units is not document and index.text is not None:
                index.derive(self.unit_index(document))
        return index

    def _whole(self, blocks: list[Block]) -> list[Unit]:
        return [Unit(b, 0, len(b.text)) for b in blocks if b.text]

    def _build_units(self, scope: str) -> list[Unit]:
        doc = self.doc
        blocks = doc.blocks
        prose = [b for b in blocks if b.kind != "image"]
        if scope == "document":
            return self._whole(prose)
        if scope == "body":
            return self._whole([b for b in prose if b.body])
        if scope == "furniture":
            return self._whole([b for b in prose if not b.body])
        if scope in BLOCK_SCOPES:
            kinds = BLOCK_SCOPES[scope]
            return self._whole([b for b in prose if b.kind in kinds and b.body])
        if scope == "title":
            return self._meta_units("title")
        if scope == "sentence":
            out = []
            for b in prose:
                if b.body and b.text:
                    for s, e in self.sentences(b):
                        out.append(Unit(b, s, e))
            return out
        if scope == "link":
            return [Unit(b, lk.start, lk.end) for b in prose for lk in b.links if lk.end > lk.start]
        if scope == "url":
            out = []
            for b in prose:
                for lk in b.links:
                    if lk.href:
                        pb = pseudo_block(lk.href, lk.href_start, lk.href_end, "url")
                        pb.body = b.body
                        pb.group = b.group
                        pb.index = b.index
                        out.append(Unit(pb, 0, len(lk.href)))
            return out
        if scope == "alt":
            return self._whole([b for b in blocks if b.kind == "image"])
        if scope == "image":
            out = self._whole([b for b in blocks if b.kind == "image"])
            for b in blocks:
                if b.kind == "image" and b.src:
                    span = b.src_span or (None, None)
                    pb = pseudo_block(b.src, span[0], span[1], "image")
                    pb.body = b.body
                    pb.group = b.group
                    pb.index = b.index
                    out.append(Unit(pb, 0, len(b.src)))
            return out
        if scope.startswith("section:"):
            from newslint.language import expression_store

            pattern = expression_store.compiled(scope[len("section:") :])
            return self._whole(self.section_blocks(pattern))
        if scope.startswith("meta:"):
            return self._meta_units(scope[len("meta:") :])
        raise ValueError(f"unknown scope {scope!r}")  # pragma: no cover - validated at load

    def _meta_units(self, field: str) -> list[Unit]:
        out = []
        for mv in self.doc.metadata.get(field):
            pb = pseudo_block(mv.value, mv.start, mv.end, "meta")
            out.append(Unit(pb, 0, len(mv.value)))
        return out

    # -- structure ----------------------------------------------------------------------------------

    def sentences(self, block: Block) -> list[tuple[int, int]]:
        if block.sentences is None:
            block.sentences = split_sentences(block.text)
        return block.sentences

    def sentence_at(self, block: Block, offset: int) -> tuple[int, int]:
        for s, e in self.sentences(block):
            if s <= offset < e:
                return s, e
        return 0, len(block.text)

    def lead_label(self, block: Block) -> str:
        """A lead-in label such as "Disclaimer:" at the start of a block, acting as its own section title."""
        text = block.text
        colon = text.find(":", 0, 48)
        if colon > 0:
            return text[:colon]
        return ""

    def section_blocks(self, pattern: Any) -> list[Block]:
        """Blocks under a heading (or label line) that matches, and blocks led by a matching "Label:"."""
        doc = self.doc
        out = []
        for b in doc.blocks:
            if b.kind == "heading" or b.is_label:
                continue
            title = doc.section_title(b)
            if title and self.search(pattern, title):
                out.append(b)
                continue
            label = self.lead_label(b)
            if label and self.search(pattern, label):
                out.append(b)
        return out

    def same_section(self, block: Block) -> list[Block]:
        if block.index < 0:
            return [block]
        return [
            b
            for b in self.doc.blocks
            if b.body == block.body and (b.section == block.section or b.index == block.section) and b.kind != "image"
        ]

    def region(self, occ: Occurrence, within: str) -> list[Unit]:
        """The units around an occurrence that ``within`` names."""
        block = occ.block
        if within == "sentence":
            if block.index < 0:
                return [Unit(block, 0, len(block.text))]
            s, e = self.sentence_at(block, occ.start)
            return [Unit(block, s, e)]
        if within == "block":
            return [Unit(block, 0, len(block.text))]
        if within == "section":
            return self._whole(self.same_section(block))
        if within == "document":
            return self.units("document")
        if within == "body":
            return self.units("body")
        if within.startswith("section:"):
            return self.units(within)
        raise ValueError(f"unknown region {within!r}")  # pragma: no cover - validated at load

    # -- classes ------------------------------------------------------------------------------------

    def class_members(self, name: str) -> set[int]:
        members = self._class_members.get(name)
        if members is None:
            definition = self.classes.get(name)
            members = definition.members(self) if definition is not None else set()
            self._class_members[name] = members
        return members

    def anchor_span(self) -> tuple[int, int]:
        return self.doc.anchor()
