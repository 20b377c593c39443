"""A pattern set: the one way rules name text, with its filters.

```yaml
patterns: ['regex', ...]      # regular expressions
words: ['literal phrase', ...]
statements: ['Mandated sentence.', ...]
case_sensitive: false
any: [<pattern set>, ...]     # more sets, each with its own options; their matches are added
class: promotion              # only inside blocks of this class
in_section: 'disclaimer'      # only in blocks under a heading (or "Label:") that matches
kinds: [paragraph, list-item] # only in blocks of these kinds
near: <pattern set>           # a match counts only if this also occurs...
near_within: sentence         # ...in the same sentence | block | section | document | body
unless: <pattern set>         # a match is exempt if this occurs...
unless_within: sentence       # ...in the same sentence | block | section | document | body
```
"""

from __future__ import annotations

from typing import Any

from newslint.language import expression_store
from newslint.language.context import Context, Occurrence, Unit
from newslint.language.literals import holds_all
from newslint.language.patterns import Pattern

# Below this many units a per-unit literal test is cheaper than building (and caching) an index.
SMALL_UNIT_LIST = 8
# Regions of ``near``/``unless`` that depend only on a match's block, not on where in the block it is.
BLOCK_REGIONS = frozenset(("block", "row", "section", "document", "body"))
WHOLE_REGIONS = frozenset(("document", "body"))  # the same for every block (as is ``section:<pattern>``)


# A pattern set's shape (everything its matches depend on) -> a small number (``PatternSet.shape``)
_SHAPES: dict[tuple[Any, ...], int] = {}


class PatternSet:
    __slots__ = (
        "_shape",
        "case_sensitive",
        "children",
        "in_section",
        "kinds",
        "klass",
        "langs",
        "near",
        "near_within",
        "negation",
        "patterns",
        "unless",
        "unless_within",
        "voices",
    )

    def __init__(self) -> None:
        self.patterns: list[Pattern] = []
        self.children: list[PatternSet] = []
        self.klass: str | None = None
        self.in_section: Any = None
        self.kinds: frozenset[str] | None = None
        self.near: PatternSet | None = None
        self.near_within = "sentence"
        self.unless: PatternSet | None = None
        self.unless_within = "sentence"
        self.case_sensitive = False
        self.voices: frozenset[str] | None = None  # None: any voice
        self.langs: frozenset[str] | None = None  # None: every block, whatever its language
        self.negation = False
        self._shape = -1  # ``shape``, given on first use (after the loader's ``default_voices``)

    @classmethod
    def build(cls, spec: dict[str, Any], inherited_case: bool = False) -> PatternSet:
        """From a validated mapping (see ``definitions.PATTERN_SET``)."""
        ps = cls()
        ps.case_sensitive = bool(spec.get("case_sensitive", inherited_case))
        line = spec.get("__line__", 0)
        for text in spec.get("patterns") or ():
            ps.patterns.append(Pattern(text, "pattern", ps.case_sensitive, line))
        for text in spec.get("words") or ():
            ps.patterns.append(Pattern(text, "words", ps.case_sensitive, line))
        for text in spec.get("terms") or ():
            ps.patterns.append(Pattern(text, "terms", ps.case_sensitive, line))
        for text in spec.get("statements") or ():
            ps.patterns.append(Pattern(text, "statement", ps.case_sensitive, line))
        langs = spec.get("lang")
        if langs is not None:
            ps.langs = frozenset([langs] if isinstance(langs, str) else langs)
        for child in spec.get("any") or ():
            ps.children.append(cls.build(child, ps.case_sensitive))
            if ps.langs is not None and ps.children[-1].langs is None:
                ps.children[-1].langs = ps.langs  # an `any` child reads like its parent unless it says
        voices = spec.get("voices")
        if voices is not None:
            ps.voices = frozenset([voices] if isinstance(voices, str) else voices)
        ps.negation = bool(spec.get("negation", False))
        ps.klass = spec.get("class")
        if spec.get("in_section"):
            ps.in_section = expression_store.compiled(spec["in_section"])
        if spec.get("kinds"):
            ps.kinds = frozenset(spec["kinds"])
        if spec.get("near"):
            ps.near = cls.build(spec["near"], ps.case_sensitive)
            ps.near_within = spec.get("near_within", "sentence")
        if spec.get("unless"):
            ps.unless = cls.build(spec["unless"], ps.case_sensitive)
            ps.unless_within = spec.get("unless_within", "sentence")
        return ps

    def default_voices(self, voices: frozenset[str] | None) -> None:
        """Give this set and its ``any`` children (not ``near``/``unless``, which are context) ``voices`` unless
        they declare their own: a rule's or pack's ``voices`` applies to the matches it reports."""
        if voices is None:
            return
        if self.voices is None:
            self.voices = voices
        for child in self.children:
            child.default_voices(self.voices)

    def declared_languages(self, inherited: frozenset[str] | None = None) -> dict[str, int]:
        """How many of the patterns whose matches the set reports (its own and its ``any`` children's, not the
        ``near``/``unless`` context) apply in blocks of which languages: ``{"any": 12, "hi": 5, "hinglish": 3}``,
        for ``newslint explain``."""
        out: dict[str, int] = {}
        langs = self.langs if self.langs is not None else inherited
        if self.patterns:
            key = ", ".join(sorted(langs)) if langs else "any"
            out[key] = out.get(key, 0) + len(self.patterns)
        for child in self.children:
            for key, n in child.declared_languages(langs).items():
                out[key] = out.get(key, 0) + n
        return out

    def all_patterns(self) -> list[Pattern]:
        out = list(self.patterns)
        for child in self.children:
            out.extend(child.all_patterns())
        for other in (self.near, self.unless):
            if other is not None:
                out.extend(other.all_patterns())
        return out

    @property
    def shape(self) -> int:
        """A number shared by every set written the same way (expressions, options, children, context): the packs
        repeat many sets (a YAML alias, a shared definition's ``near``), and a page's presence answers
        (``present``) are kept by shape, so that each is worked out once for all the rules that ask it."""
        if self._shape < 0:
            section = self.in_section
            written = (
                tuple((p.text, p.kind, p.case_sensitive) for p in self.patterns),
                tuple(child.shape for child in self.children),
                self.klass,
                None if section is None else (section.pattern, section.flags),
                self.kinds,
                -1 if self.near is None else self.near.shape,
                self.near_within,
                -1 if self.unless is None else self.unless.shape,
                self.unless_within,
                self.case_sensitive,
                self.voices,
                self.langs,
                self.negation,
            )
            self._shape = _SHAPES.setdefault(written, len(_SHAPES))
        return self._shape

    @property
    def empty(self) -> bool:
        return not self.patterns and not self.children

    # -- matching -----------------------------------------------------------------------------------

    def _raw(
        self,
        ctx: Context,
        units: list[Unit],
        lowered: str | None,
        first_only: bool,
        accept: Any = None,
        gated: bool = False,
    ) -> list[Occurrence]:
        """Every match in ``units`` (children's added); with ``first_only``, the first one that ``accept``
        (the set's own per-match filters, or ``None``) keeps, found without looking for the others. The set's
        own expressions skip, when ``gated``, the units whose block fails the set's block gate (``_block_gate``,
        made when the first unit needs it: most sets find no unit to try on most pages)."""
        out: list[Occurrence] = []
        deadline = ctx.deadline
        matches = ctx.matches
        gate: Any = None
        if self.empty and self.klass is not None:
            # A class on its own: each member block is an occurrence.
            found = [Occurrence(u.block, u.start, u.end, u.text) for u in units]
            if first_only:
                return [o for o in found if accept is None or accept(o)][:1]
            return found
        index = ctx.unit_index(units) if len(units) > SMALL_UNIT_LIST and self.patterns else None
        for pattern in self.patterns:
            # (where a match can start, ``leading``: the unit's case key is fetched only for a pattern that has them
            # and no exact-case ones, ``wants_lower``)
            _generation, sets, exact_sets, _exact_leading, wants_lower, memo_key, scan_id = pattern.plan()
            # The units whose block the one-pass scan says may hold a match (``expression_scan``), when the
            # expression is in the scan's database and the list is of the document's blocks.
            from_scan = ctx.scan_candidates(units, scan_id) if scan_id >= 0 and index is not None else None
            scanned = from_scan is not None
            candidates: list[Unit]
            if from_scan is not None:
                candidates = from_scan
            elif not sets:
                candidates = units
            elif index is not None:
                candidates = index.holding_all(sets)
            else:
                candidates = [u for u in units if holds_all(u.lower, sets)]
            if exact_sets and candidates:
                # the case-sensitive parts' literals, in their case ("CE"/"PE", not every "ce" of "once")
                candidates = [u for u in candidates if holds_all(u.text, exact_sets)]
            if candidates and scan_id >= 0 and not scanned:
                # a list with unscanned blocks, or too short for an index: the scanned blocks' answers still
                # rule units out
                answer = ctx.scanned
                candidates = [u for u in candidates if (ids := answer(u.block)) is None or scan_id in ids]
            for unit in candidates:
                if gated:
                    if gate is None:
                        gate = self._block_gate(ctx) or (lambda block: True)
                    if not gate(unit.block):
                        continue
                text = unit.text
                # The expression's matches in this text, once per document (``Context.matches``): a
                # presence test's first match is the first of all of them when those are known.
                known: list[tuple[int, int, str]] | None = matches.get((memo_key, text))
                if first_only and accept is None:
                    if known is not None:
                        hit = known[0] if known else None
                    else:
                        key = (memo_key, text, True)
                        if key in matches:
                            hit = matches[key]
                        else:
                            lower = unit.lower if wants_lower else None
                            hit = matches[key] = pattern.first(text, deadline, lower)
                    if hit is not None:
                        return [Occurrence(unit.block, unit.start + hit[0], unit.start + hit[1], hit[2])]
                    continue
                if known is None:
                    lower = unit.lower if wants_lower else None
                    known = matches[(memo_key, text)] = pattern.finditer(text, deadline, lower)
                for a, b, t in known:
                    occ = Occurrence(unit.block, unit.start + a, unit.start + b, t)
                    if first_only:
                        if accept(occ):
                            return [occ]
                        continue
                    out.append(occ)
        for child in self.children:
            if first_only:
                found = child.occurrences(ctx, units, lowered, first_only=True)
                if found and accept is not None and not accept(found[0]):
                    # The child's first match is not this set's: look at all of the child's.
                    found = [o for o in child.occurrences(ctx, units, lowered) if accept(o)][:1]
                if found:
                    return found[:1]
                continue
            out.extend(child.occurrences(ctx, units, lowered))
        return out

    def _ruled_out_by_page(self, ctx: Context) -> bool:
        """Whether a ``near`` or ``unless`` over the whole document or body rules out every match before any
        expression runs, the set's own and its ``any`` children's: the region is the same for every match, so
        ``_accept`` would reject them all ("educational" content on a page that never calls itself so)."""
        if self.near is not None and self.near_within in WHOLE_REGIONS:
            if not self.near.present(ctx, ctx.units(self.near_within)):
                return True
        if self.unless is not None and self.unless_within in WHOLE_REGIONS:
            if self.unless.present(ctx, ctx.units(self.unless_within)):
                return True
        return False

    def _accept(self, ctx: Context) -> Any:
        """The set's per-match filters as one test (``None`` when it has none)."""
        tests = []
        if self.langs is not None:
            langs = self.langs
            languages = ctx.languages
            tests.append(lambda o: not langs.isdisjoint(languages.lexicons(o.block)))
        if self.voices is not None and len(self.voices) < 3:
            voices = self.voices
            tests.append(lambda o: ctx.voice_in(o.block, o.start, voices))
        if self.negation:
            from newslint.language.negation import negated

            languages = ctx.languages
            tests.append(
                lambda o: (
                    not negated(o.block.text, o.start, o.end, languages.lexicons(o.block))
                    and not ctx.under_prohibition(o.block)
                )
            )
        if self.near is not None:
            near, near_within = self.near, self.near_within
            tests.append(lambda o: near.present(ctx, ctx.region(o, near_within)))
        if self.unless is not None:
            unless, unless_within = self.unless, self.unless_within
            tests.append(lambda o: not unless.present(ctx, ctx.region(o, unless_within)))
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        return lambda o: all(t(o) for t in tests)

    def _block_gate(self, ctx: Context) -> Any:
        """What the set's ``near``/``unless`` filters say of a block before its expressions run there: a test
        of a block that fails only where ``_accept`` would reject every match in the block, or ``None``.

        * A region that depends only on a match's block (``block``, ``section``, ``document``, ``body``,
          ``section:...``): the filter itself, asked once per region.
        * A ``near`` within the sentence: the sentence lies in the block, so a block whose text lacks the
          ``near`` set's literals (the document's literal index says so) holds no sentence that has it.

        It spares the costly triggers of rules whose context is absent ("X shares" in a block that promotes
        no advisory, a live call on a page that does not call itself educational). The matches found are still
        filtered by ``_accept``: the findings are the same, found with fewer expression calls."""
        tests = []  # (set, region, the answer a match needs)
        if self.near is not None and (
            self.near_within in BLOCK_REGIONS
            or self.near_within.startswith("section:")
            or self.near_within == "sentence"
        ):
            tests.append((self.near, self.near_within, True))
        if self.unless is not None and (
            self.unless_within in BLOCK_REGIONS or self.unless_within.startswith("section:")
        ):
            tests.append((self.unless, self.unless_within, False))
        # A set declared for some languages (``lang``) runs only in the blocks read with them: a Hindi or
        # Hinglish pattern is not tried on every English paragraph only for ``_accept`` to drop its matches.
        in_language = None
        if self.langs is not None:
            langs, languages = self.langs, ctx.languages

            def in_language(block: Any) -> bool:
                return not langs.isdisjoint(languages.lexicons(block))

        if not tests:
            return in_language
        answers: dict[int, bool] = {}
        # For a ``block`` or ``sentence`` region, the blocks whose text may hold a match of the set: in the
        # others it is absent (found once per page and shape, from the document's literal index; None: not known).
        may_match = ctx.may_match

        def absent_from(ps: PatternSet, block: Any) -> bool:
            """Whether the literals say ``ps`` cannot match in ``block``'s text."""
            shape = ps.shape
            if shape not in may_match:
                may_match[shape] = ps._blocks_that_may_match(ctx)
            possible = may_match[shape]
            document = ctx.document_blocks
            # (a cell of a short table row: the row is its sentence, so the set must be absent from every cell)
            row = ctx.row_of(block) if block.kind == "table-cell" else (block,)
            return possible is not None and all(id(b) in document and id(b) not in possible for b in row)

        def passes(ps: PatternSet, within: str, want: bool, block: Any) -> bool:
            if within == "sentence":  # only the literals decide here; the sentence itself is asked by _accept
                return not absent_from(ps, block)
            if within == "block" and absent_from(ps, block):
                return not want
            return ps.present(ctx, ctx.region(Occurrence(block, 0, 0, ""), within)) is want

        # Each filter's answer, by its region: one for a document-wide region, one per block for the others.
        held: dict[tuple[int, int], bool] = {}

        def gate(block: Any) -> bool:
            answer = answers.get(id(block))
            if answer is None:
                answer = in_language is None or in_language(block)
                for ps, within, want in tests if answer else ():
                    key = (id(ps), 0 if within in WHOLE_REGIONS or within.startswith("section:") else id(block))
                    ok = held.get(key)
                    if ok is None:
                        ok = held[key] = passes(ps, within, want, block)
                    if not ok:
                        answer = False
                        break
                answers[id(block)] = answer
            return answer

        return gate

    def _blocks_that_may_match(self, ctx: Context) -> set[int] | None:
        """The ids of the document's blocks where the set may have an occurrence: their text holds a literal of
        each prefilter set of one of the set's expressions (or its children's), and the set's own block gate
        (``_block_gate``: its ``near``/``unless``, e.g. a crypto word only counts on a page that promotes
        crypto) does not rule them out. ``None`` when nothing rules a block out, or the document is too large
        for an index."""
        if self.empty:
            return None
        index = ctx.unit_index(ctx.units("document"))
        if index.text is None:
            return None
        blocks = self._blocks_holding_literals(ctx, index)
        gate = (
            self._block_gate(ctx)
            if self.near is not None or self.unless is not None or self.langs is not None
            else None
        )
        if gate is None:
            return None if blocks is None else set(blocks)
        if blocks is None:
            blocks = {id(u.block): u.block for u in index.units}
        return {key for key, block in blocks.items() if gate(block)}

    def _blocks_holding_literals(self, ctx: Context, index: Any) -> dict[int, Any] | None:
        """The blocks (by id) whose text holds the literals of one of the set's expressions or its children's
        occurrences (``None``: an expression without a prefilter)."""
        out: dict[int, Any] = {}
        for pattern in self.patterns:
            sets = pattern.literal_sets
            if not sets:
                return None
            for u in index.holding_all(sets):
                out[id(u.block)] = u.block
        for child in self.children:
            more = child._blocks_that_may_match(ctx)
            if more is None:
                return None
            for u in index.units:
                if id(u.block) in more:
                    out[id(u.block)] = u.block
        return out

    def _filter_units(self, ctx: Context, units: list[Unit]) -> list[Unit]:
        """``units`` less those outside the set's class, kinds and section; one list per page for each list and
        filter (the packs repeat them: the same list object keeps its literal index's answers for every rule)."""
        key = (id(units), self.klass, self.kinds, self.in_section)
        entry = ctx.filtered.get(key)
        if entry is not None and entry[0] is units:
            return entry[1]
        kept = self._filtered(ctx, units)
        ctx.filtered[key] = (units, kept)
        return kept

    def _filtered(self, ctx: Context, units: list[Unit]) -> list[Unit]:
        if self.klass is not None:
            members = ctx.class_members(self.klass)
            units = [u for u in units if u.block.index in members]
        if self.kinds is not None:
            units = [u for u in units if u.block.kind in self.kinds]
        if self.in_section is not None:
            doc = ctx.doc
            pattern = self.in_section
            keep = []
            for u in units:
                title = doc.section_title(u.block) if u.block.index >= 0 else ""
                label = ctx.lead_label(u.block)
                if (title and ctx.search(pattern, title)) or (label and ctx.search(pattern, label)):
                    keep.append(u)
            units = keep
        return units

    def occurrences(
        self, ctx: Context, units: list[Unit], lowered: str | None = None, first_only: bool = False
    ) -> list[Occurrence]:
        """Matches in ``units``, filtered, without overlaps, in document order."""
        if self.klass is not None or self.kinds is not None or self.in_section is not None:
            units = self._filter_units(ctx, units)
            lowered = None
        if not units:
            return []
        if self.langs is not None and not _page_has_language(ctx, self.langs):
            return []  # a Hindi or Hinglish set on a page with no block read in those languages
        if self._ruled_out_by_page(ctx):
            return []
        accept = self._accept(ctx)
        gated = accept is not None and (self.near is not None or self.unless is not None or self.langs is not None)
        if first_only:
            # The first match that passes the filters is all the caller needs (a presence test).
            return self._raw(ctx, units, lowered, True, accept, gated)
        found = self._raw(ctx, units, lowered, False, None, gated)
        if not found:
            return found
        if accept is not None:
            found = [o for o in found if accept(o)]
        if len(found) > 1:
            found.sort(key=lambda o: (o.block.index, id(o.block), o.start, -o.end))
            kept: list[Occurrence] = []
            for o in found:
                if kept and kept[-1].block is o.block and o.start < kept[-1].end:
                    continue
                kept.append(o)
            found = kept
        return found

    def present(self, ctx: Context, units: list[Unit]) -> bool:
        if not units:
            return False
        if len(units) <= 8:
            region: Any = tuple(u.key() for u in units)
        else:
            # Regions are runs of units (a section, the body, the document): length and ends identify them.
            first, last = units[0], units[-1]
            region = ("many", len(units), first.key(), last.key())
        key = (self.shape, region)
        cached = ctx.presence.get(key)
        if cached is None:
            cached = bool(self.occurrences(ctx, units, first_only=True))
            ctx.presence[key] = cached
        return cached


def _page_has_language(ctx: Context, langs: frozenset[str]) -> bool:
    """Whether a block of the page is read with one of ``langs`` (``lang:``), asked once per page and set."""
    key = ("langs", langs)
    answer = ctx.presence.get(key)
    if answer is None:
        languages = ctx.languages
        if "en" not in langs and not any(languages.may_have(lang) for lang in langs):
            answer = ctx.presence[key] = False  # an English page: no block's language needs working out
        else:
            answer = ctx.presence[key] = any(
                not langs.isdisjoint(languages.lexicons(u.block)) for u in ctx.units("document")
            )
    return answer
