"""Which of a document's blocks each expression and each pattern set may match in: a page-level table.

Most of a finance page's pattern visits find no candidate (matching-speed.md, part 12): the literal index or
the Hyperscan scan answers "no unit" for a pattern, a few microseconds each, again for every list of units and
every rule that asks. The table answers once per page and expression, from the same two passes (the document's
literal index and the scan's per-block answers), with the document blocks where the expression may match; a
pattern set's entry is the union of its expressions' and its ``any`` children's. A set or an expression whose
blocks miss every block of a list is decided with one lookup.

Both passes are supersets of where an expression matches, for a block and for any stretch of it (a sentence, a
link's text): a stretch's case key is a slice of its block's, and the scan's answer for a block already stands
for its stretches (``Context.scan_candidates``). So the table only rules out what the passes rule out, and the
findings are the same.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from newslint.language import expression_scan
from newslint.language.literals import holds_all

if TYPE_CHECKING:
    from newslint.language.context import Context
    from newslint.language.patternset import PatternSet
    from newslint.language.unit_index import Unit

_MISSING: Any = object()
SMALL_LIST = 8  # lists of at most this many units (regions around a match) are not kept
# In a list's blocks when one of them is a block the scan did not read, and in the entry of every expression of
# the scan's database: such an expression may match in any block the scan did not read.
UNREAD = -1


class CandidateBlocks:
    """A document's table (``Context.candidates``). An entry is a set of ``id(block)`` of the document's blocks,
    or ``None`` when nothing is ruled out (an expression without literals outside the scan, a set that is a
    class on its own, a document too large for a literal index)."""

    __slots__ = ("_ctx", "_document", "_lists", "_patterns", "_sets", "_unread")

    def __init__(self, ctx: Context) -> None:
        # (a weak reference: the context holds the table, and a cycle would keep every page's document alive
        # until the collector runs, see ``many_files.gc_paused``)
        self._ctx = weakref.ref(ctx)
        self._document = ctx.document_blocks
        self._patterns: dict[int, set[int] | None] = {}  # ``Pattern.memo_key`` -> blocks
        self._sets: dict[int, set[int] | None] = {}  # ``PatternSet.shape`` -> blocks
        self._lists: dict[int, tuple[list[Unit], set[int] | None]] = {}  # id(units) -> (units, their blocks)
        self._unread: set[int] | None = None  # the document blocks the scan did not read or cannot tell about

    def of_pattern(self, plan: tuple[Any, ...]) -> set[int] | None:
        """The blocks where the expression of ``plan`` (``Pattern.plan``) may match."""
        key = plan[5]
        found = self._patterns.get(key, _MISSING)
        if found is _MISSING:
            found = self._patterns[key] = self._pattern_blocks(plan)
        return found

    def _pattern_blocks(self, plan: tuple[Any, ...]) -> set[int] | None:
        _generation, sets, exact_sets, _leading, _lower, _memo, scan_id = plan
        ctx: Any = self._ctx()
        if scan_id >= 0:
            # The scan's answer, as ``scan_candidates`` takes it, and ``UNREAD`` for the blocks it did not read
            # (furniture, a block it cannot tell about): no literal question, which costs more than it spares.
            found = {id(block) for block in ctx._scan_document()[0].get(scan_id, ())}
            if self._unread_blocks():
                found.add(UNREAD)
            return found
        if not sets and not exact_sets:
            return None
        index = ctx.unit_index(ctx.units("document"))
        if index.text is None:
            return None
        units = index.holding_all(sets) if sets else index.units
        if exact_sets and units:
            units = [u for u in units if holds_all(u.text, exact_sets)]
        return {id(u.block) for u in units}

    def _unread_blocks(self) -> set[int]:
        """The document blocks the scan did not read (furniture) or cannot tell about; none without a database."""
        unread = self._unread
        if unread is None:
            if expression_scan.database() is None:
                unread = self._unread = set()
            else:
                ctx: Any = self._ctx()
                ctx._scan_document()
                answers = ctx._block_ids
                unread = self._unread = {key for key in self._document if answers.get(key) is None}
        return unread

    def of_list(self, units: list[Unit]) -> set[int] | None:
        """The blocks of ``units``; ``None`` when one is not a document block (a link target, a metadata value,
        an image's alt text), which the table does not cover."""
        if len(units) <= SMALL_LIST:
            return self._list_blocks(units)
        entry = self._lists.get(id(units))
        if entry is None or entry[0] is not units:
            entry = self._lists[id(units)] = (units, self._list_blocks(units))
        return entry[1]

    def _list_blocks(self, units: list[Unit]) -> set[int] | None:
        document = self._document
        out: set[int] = set()
        for u in units:
            key = id(u.block)
            if key not in document:
                return None
            out.add(key)
        unread = self._unread_blocks()
        if unread and not unread.isdisjoint(out):
            out.add(UNREAD)
        return out

    def rules_out(self, ps: PatternSet, units: list[Unit]) -> bool:
        """Whether ``ps`` has no candidate in any block of ``units``. A set's entry is worked out on the way:
        its expressions' and children's blocks are gathered until one may match in ``units`` (then the set
        is not ruled out, and its entry stays unknown: a presence test needs no more), else to the end."""
        blocks = self._sets.get(ps.shape, _MISSING)
        if blocks is _MISSING:
            listed = self.of_list(units)
            if listed is None:
                return False
            blocks = self._gather(ps, listed)
            if blocks is _MISSING:
                return False
        if blocks is None:
            return False
        if len(units) == 1:
            key = id(units[0].block)
            return (
                key in self._document
                and key not in blocks
                and (UNREAD not in blocks or key not in self._unread_blocks())
            )
        listed = self.of_list(units)
        return listed is not None and blocks.isdisjoint(listed)

    def _gather(self, ps: PatternSet, listed: set[int]) -> Any:
        """``ps``'s entry (kept), or ``_MISSING`` as soon as an expression of it may match in ``listed``."""
        if ps.empty:
            found = self._sets[ps.shape] = None if ps.klass is not None else set()
            return found
        out: set[int] = set()
        for pattern in ps.patterns:
            blocks = self.of_pattern(pattern.plan())
            if blocks is not None and blocks.isdisjoint(listed):
                out |= blocks
                continue
            if blocks is None:
                self._sets[ps.shape] = None
            return None if blocks is None else _MISSING
        for child in ps.children:
            # (a child's entry only once it has been asked itself: it may not be asked at all, a Hindi set on an
            # English page, a set whose context the page lacks, and its expressions need no entry then)
            blocks = self._sets.get(child.shape, _MISSING)
            if blocks is not None and blocks is not _MISSING and blocks.isdisjoint(listed):
                out |= blocks
                continue
            if blocks is None:
                self._sets[ps.shape] = None
            return None if blocks is None else _MISSING
        self._sets[ps.shape] = out
        return out
