"""What checks see of a document: scopes as units of text, regions around a match, classes, caches.

Units and their literal index are ``unit_index.py``. A ``Context`` is made per document and caches everything
checks ask for repeatedly: scope units, sentence splits, lower-cased texts for prefilters, block classes,
presence answers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from newslint.document.dates import DEFAULT_POLICY
from newslint.document.model import Block, Document
from newslint.document.positions import TextMap
from newslint.document.sentences import split_sentences
from newslint.language.patterns import RuleTimeout
from newslint.language.unit_index import Unit, UnitIndex

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
ROW_CELL_MAX = 40  # a table row whose cells are no longer than this reads as one line (see row_of)
LEAD_IN_WORDS = 4  # a block's first sentence of at most this many words is a lead-in to the next (see region)
WITHIN = ("sentence", "block", "row", "section", "document", "body", "section:<pattern>")


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
        self.presence: dict[tuple[Any, Any], bool] = {}  # (a set's shape, its region) or ("langs", languages)
        self.conditions: dict[str, bool] = {}  # answers of rules' preconditions, by their spec
        # A pattern set's shape -> the ids of the blocks where it may match (``PatternSet._block_gate``)
        self.may_match: dict[int, set[int] | None] = {}
        self._document_blocks: set[int] | None = None
        self.rule_id = ""
        self._voices: Any = None
        self._languages: Any = None
        # An expression's matches in a unit's text, by (``Pattern.memo_key``, text); with a third element True,
        # its first match only. Each is a pure function of the expression and the text.
        self.matches: dict[tuple[Any, ...], Any] = {}
        self.memo: dict[str, Any] = {}  # other answers about the page, computed once (e.g. the publisher's names)
        self._scanned: Any = None  # the document's blocks by expression number (``_scan_document``)
        self._block_ids: dict[int, Any] = {}  # id(block) -> the scan's answer, for the body's blocks
        self._unit_positions: dict[int, tuple[list[Unit], Any]] = {}  # id(units) -> (units, positions)
        # (body, section) -> the units of a section region (``region``)
        self._sections: dict[tuple[bool, int | None], list[Unit]] = {}
        # (id(units), class, kinds, in_section) -> (units, the units a pattern set's filters keep: ``PatternSet``)
        self.filtered: dict[tuple[Any, ...], tuple[list[Unit], list[Unit]]] = {}
        # NEWSLINT_TIMING runs: times the page's shared work apart from the rule that first asks for it
        # (``running.timing.SharedWork``); None otherwise, and then nothing here is timed.
        self.shared: Any = None

    def scanned(self, block: Block) -> set[int] | None:
        """The numbers of the scan database's expressions that may match in ``block`` (a body block of the
        document, scanned with all of them once, see ``expression_scan``); ``None``: not scanned (furniture, a
        link target, a metadata value) or any may. Asked only when the database is loaded."""
        self._scan_document()
        return self._block_ids.get(id(block))

    def scan_candidates(self, units: list[Unit], scan_id: int) -> list[Unit] | None:
        """The units of ``units`` (cached by the caller) whose block the scan says may hold a match of
        expression ``scan_id``, in order; ``None`` for a list with a block that was not scanned (furniture, a
        link target, a metadata value): the literal index answers for those lists."""
        entry = self._unit_positions.get(id(units))
        if entry is None or entry[0] is not units:
            entry = self._unit_positions[id(units)] = (units, self._positions(units))
        positions = entry[1]
        if positions is None:
            return None
        by_id, unknown = self._scan_document()
        blocks = by_id.get(scan_id, ())
        if unknown:
            blocks = [*blocks, *unknown]
        if not blocks:
            return []
        found: list[int] = []
        for block in blocks:
            at = positions.get(id(block))
            if at is not None:
                found.extend(at)
        if len(blocks) > 1:
            found.sort()
        return [units[i] for i in found]

    def _positions(self, units: list[Unit]) -> dict[int, list[int]] | None:
        """id(block) -> the indexes of the units in that block; ``None`` if a unit's block was not scanned."""
        self._scan_document()
        blocks = self._block_ids
        out: dict[int, list[int]] = {}
        for i, u in enumerate(units):
            key = id(u.block)
            if key not in blocks:
                return None
            at = out.get(key)
            if at is None:
                out[key] = [i]
            else:
                at.append(i)
        return out

    def _scan_document(self) -> tuple[dict[int, list[Block]], list[Block]]:
        """The body blocks of the document scanned once: the blocks where each expression may match, and the
        blocks the scan cannot tell about (see ``expression_scan.ScanDatabase.may_match``). Furniture is not
        scanned: on real pages it is much of the text and few expressions find candidates there."""
        scanned = self._scanned
        if scanned is None:
            shared = self.shared
            started = shared.enter() if shared is not None else 0.0
            from newslint.language.expression_scan import database

            may_match = database().may_match  # type: ignore[union-attr]
            by_id: dict[int, list[Block]] = {}
            unknown: list[Block] = []
            ids_of: dict[int, Any] = {}
            for block in self.doc.blocks:
                text = block.text
                if not block.body or not text:
                    continue
                ids = ids_of[id(block)] = may_match(text)
                if ids is None:
                    unknown.append(block)
                    continue
                for i in ids:
                    at = by_id.get(i)
                    if at is None:
                        by_id[i] = [block]
                    else:
                        at.append(block)
            self._block_ids = ids_of
            scanned = self._scanned = (by_id, unknown)
            if shared is not None:
                shared.leave("expression scan", started)
        return scanned

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
        if self.shared is None:
            return self._voice(block, offset)
        return str(self._shared("speaker context", self._voice, block, offset))

    def voice_in(self, block: Block, offset: int, voices: frozenset[str]) -> bool:
        """Whether ``voice(block, offset)`` is one of ``voices`` (a quoted match is told without the block's
        reported speech: ``Voices.voice_in``)."""
        if block.index < 0:
            return self.voice(block, offset) in voices
        if self.shared is None:
            return bool(self.voices.voice_in(block, offset, voices))
        return bool(self._shared("speaker context", self.voices.voice_in, block, offset, voices))

    def under_prohibition(self, block: Block) -> bool:
        """Whether ``block`` is an item under a heading or lead-in that prohibits or warns (``Voices``)."""
        voices = self.voices
        if self.shared is None:
            return bool(voices.under_prohibition(block))
        return bool(self._shared("speaker context", voices.under_prohibition, block))

    def self_promotion(self) -> bool:
        """Whether the whole page promotes its publisher's own investment services (``Voices``)."""
        voices = self.voices
        if self.shared is None:
            return bool(voices.self_promotion)
        return bool(self._shared("speaker context", lambda: voices.self_promotion))

    def _shared(self, what: str, compute: Any, *args: Any) -> Any:
        """``compute(*args)``, timed as the page's shared work ``what`` (``NEWSLINT_TIMING`` runs)."""
        started = self.shared.enter()
        try:
            return compute(*args)
        finally:
            self.shared.leave(what, started)

    def _voice(self, block: Block, offset: int) -> str:
        if block.index < 0:
            from newslint.language.reporting import pseudo_voice

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

    @property
    def document_blocks(self) -> set[int]:
        """The ids of the blocks of the ``document`` scope."""
        if self._document_blocks is None:
            self._document_blocks = {id(u.block) for u in self.units("document")}
        return self._document_blocks

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
            shared = self.shared
            started = shared.enter() if shared is not None else 0.0
            index = UnitIndex(units)
            self._indexes[id(units)] = index
            document = self.units("document")
            if units is not document and index.text is not None:
                index.derive(self.unit_index(document))
            if shared is not None:
                index.scan_now()  # (else at its first search, inside whichever rule asks)
                shared.leave("literal index", started)
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

    def _past_lead_in(self, block: Block, end: int) -> int:
        """The end of the sentence after a block's lead-in: a first "sentence" of a few words ("Guaranteed
        income first.", "Warning signs:") heads the one after it, whose context it shares."""
        if len(block.text[:end].split()) > LEAD_IN_WORDS:
            return end
        for s, e in self.sentences(block):
            if s >= end:
                return e
        return end

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

    def row_of(self, block: Block) -> list[Block]:
        """The cells of ``block``'s table row when the row reads as one line (two to eight cells, none over
        ``ROW_CELL_MAX`` characters: a call spread over "stock | buy | target | stop loss"); else ``[block]``."""
        if block.index < 0 or block.kind != "table-cell":
            return [block]
        row = self.table_row(block)
        return row if 2 <= len(row) <= 8 and all(len(b.text) <= ROW_CELL_MAX for b in row) else [block]

    def table_row(self, block: Block) -> list[Block]:
        """The cells of ``block``'s table row (the cells beside it that share its row element), at any length."""
        blocks = self.doc.blocks
        i = j = block.index
        while i > 0 and blocks[i - 1].kind == "table-cell" and blocks[i - 1].group == block.group:
            i -= 1
        while j + 1 < len(blocks) and blocks[j + 1].kind == "table-cell" and blocks[j + 1].group == block.group:
            j += 1
        return blocks[i : j + 1]

    def region(self, occ: Occurrence, within: str) -> list[Unit]:
        """The units around an occurrence that ``within`` names."""
        block = occ.block
        if within in ("sentence", "block") and block.kind == "table-cell":
            row = self.row_of(block)  # a row of short cells is one unit of sense: "Buy X | CMP 612 | TGT 660"
            if len(row) > 1:
                return [Unit(b, 0, len(b.text)) for b in row]
        if within == "sentence":
            if block.index < 0 or block.kind == "heading":
                # a heading is one unit of sense, whatever its stops: "Why do Indians love fixed deposits? It's
                # not just the assured returns"
                return [Unit(block, 0, len(block.text))]
            s, e = self.sentence_at(block, occ.start)
            if s == 0:
                e = self._past_lead_in(block, e)
            return [Unit(block, s, e)]
        if within == "block":
            return [Unit(block, 0, len(block.text))]
        if within == "row":
            # a table cell's whole row, however long its cells ("Guaranteed returns? | No, ... | No, ...");
            # outside a table, the block
            if block.kind != "table-cell" or block.index < 0:
                return [Unit(block, 0, len(block.text))]
            return [Unit(b, 0, len(b.text)) for b in self.table_row(block)]
        if within == "section":
            if block.index < 0:
                return self._whole([block])
            # (one list per section: each set's presence asks the same list, and so the same literal index)
            key = (block.body, block.section)
            units = self._sections.get(key)
            if units is None:
                units = self._sections[key] = self._whole(self.same_section(block))
            return units
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
            shared = self.shared
            started = shared.enter() if shared is not None else 0.0
            definition = self.classes.get(name)
            members = definition.members(self) if definition is not None else set()
            self._class_members[name] = members
            if shared is not None:
                shared.leave(f"class {name}", started)
        return members

    def advertiser_page(self) -> bool:
        """Whether the page is a regulated advertiser's or a brand's own (``page_kind``: own-page or
        advertiser-page), for rules that check only articles (``pages: articles``)."""
        from newslint.language.page_kind import is_advertisers

        return is_advertisers(self.page_kind())

    def page_kind(self) -> str:
        """The page's kind (``page_kind.page_kind``: article, own-page, advertiser-page, not-an-article), decided
        once per page. Its headline is a call to action when a class that tells the publisher's own promotions
        apart (``house:``) holds it."""
        kind = self.memo.get("page_kind")
        if kind is None:
            from newslint.language import page_kind as pk
            from newslint.language.publisher import may_be_advertiser_page

            if pk.product_page(self):
                kind = pk.OWN_PAGE
            elif not may_be_advertiser_page(self):
                # no registration line and no brand's page: an article or not, by its byline and date alone
                kind = pk.ARTICLE if pk.is_article(self, pk.writers(self, set())) else pk.NOT_AN_ARTICLE
            else:
                headline = self.doc.headline
                promotion = headline is not None and any(
                    headline in d.raw_members(self) for d in self.classes.values() if d.house is not None
                )
                kind = pk.page_kind(self, promotion)
            self.memo["page_kind"] = kind
        return kind

    def anchor_span(self) -> tuple[int, int]:
        return self.doc.anchor()

    def self_named_registrant(self, blocks: list[Block]) -> bool:
        """Whether a registration line among ``blocks`` names the firm the page names as itself
        (``own_firm.registration_is_self_named``); here so that ``publisher`` need not import ``own_firm``."""
        from newslint.language.own_firm import registration_is_self_named

        return registration_is_self_named(self, blocks)
