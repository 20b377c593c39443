"""The one-pass literal scan (Aho-Corasick) finds exactly the units that one ``str.find`` per literal finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import md
from newslint.language import unit_index as context
from newslint.language.unit_index import Unit, UnitIndex
from newslint.rules.loader import builtin_rules_dir
from newslint.rules.precompiled import load_table

pytest.importorskip("ahocorasick")


def scanner():
    load_table(builtin_rules_dir())  # the packs' prefilter table: the scanner's literals
    context._scanner = None
    scan = context.literal_scan()
    assert scan is not None and len(scan.literals) > 100
    return scan


SCAN = scanner()
WORDS = [*SCAN.literals[::7], "the", "market", "in", "SEBI", "returns.", "ra", "₹", "-", "İstanbul", "ſure"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), min_size=1, max_size=25))
def test_the_scan_finds_the_units_str_find_finds(paragraphs):
    doc = md("# T\n\n" + "\n\n".join(p or "x" for p in paragraphs) + "\n")
    units = [Unit(b, 0, len(b.text)) for b in doc.blocks if b.text]
    scanned = UnitIndex(units)
    SCAN(scanned)
    plain = UnitIndex(units)
    for lit in SCAN.literals:
        assert scanned._found[lit] == plain._holding_one(lit), lit


def test_only_long_texts_are_scanned(monkeypatch):
    calls = []
    monkeypatch.setattr(context, "_scanner", lambda index: calls.append(len(index.text)))
    short = md("# T\n\nguaranteed returns\n")
    UnitIndex([Unit(b, 0, len(b.text)) for b in short.blocks])._mask(frozenset({"guaranteed"}))
    long = md("# T\n\n" + "guaranteed returns on the market today.\n\n" * 1000)
    UnitIndex([Unit(b, 0, len(b.text)) for b in long.blocks])._mask(frozenset({"guaranteed"}))
    assert len(calls) == 1 and calls[0] >= context.SCAN_MIN_TEXT


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), min_size=1, max_size=25),
    st.lists(st.booleans(), min_size=25, max_size=25),
    st.lists(st.frozensets(st.sampled_from(WORDS), min_size=1, max_size=3), min_size=1, max_size=4),
    st.integers(min_value=0, max_value=24),
)
def test_a_list_of_whole_blocks_asks_the_documents_index_and_finds_the_same_units(paragraphs, keep, sets, turn):
    """The body, the paragraphs, a class's blocks, a merge of scopes in another order than the document's: their
    literal searches come from the document's index (scanned once when long) and find what their own searches
    would find, in the list's order."""
    doc = md("# T\n\n" + "\n\n".join(p or "x" for p in paragraphs) + "\n")
    units = [Unit(b, 0, len(b.text)) for b in doc.blocks if b.text]
    parent = UnitIndex(units)
    SCAN(parent)  # as a long document's index would be
    some = [Unit(u.block, 0, u.end) for u, k in zip(units, keep, strict=False) if k] or units[:1]
    some = some[turn % len(some) :] + some[: turn % len(some)]  # (turned: "list-item" units after "paragraph")
    derived = UnitIndex(some)
    derived.derive(parent)
    assert derived._parent is parent
    plain = UnitIndex(some)
    for lits in sets:
        assert derived.holding_all((lits,)) == plain.holding_all((lits,)), lits
    assert derived.holding_all(tuple(sets)) == plain.holding_all(tuple(sets))


def test_a_list_that_is_not_made_of_whole_blocks_of_the_document_searches_its_own_text():
    doc = md("# T\n\nGuaranteed returns. Market today.\n\nSecond paragraph.\n")
    units = [Unit(b, 0, len(b.text)) for b in doc.blocks if b.text]
    parent = UnitIndex(units)
    for other in (
        [Unit(units[1].block, 0, 10)],  # part of a block
        [units[1], Unit(units[1].block, 0, len(units[1].block.text))],  # a block twice
        [Unit(md("# Other\n").blocks[0], 0, 5)],  # a block of another document
    ):
        index = UnitIndex(other)
        index.derive(parent)
        assert index._parent is None


@pytest.mark.parametrize("size", [1, 7, 2048, 2049, 9000])
def test_masks_of_many_units_hold_the_same_bits(size):
    """A huge page's masks are built and read through bytes and strings; the bits are those of a small one."""
    from newslint.language.unit_index import _bits, _mask_of

    indexes = sorted({(k * 7919) % size for k in range(size // 3 + 1)} | {size - 1})
    mask = _mask_of(indexes, size)
    assert mask == sum(1 << i for i in indexes)
    assert _bits(mask) == indexes
    assert _bits(0) == []


def test_the_scan_of_a_page_of_many_units_finds_the_units_str_find_finds():
    """Past ``SMALL_MASK`` units the scan lists each literal's units and makes the mask once."""
    paragraphs = [" ".join(WORDS[(k * j) % len(WORDS)] for j in range(1, 6)) for k in range(context.SMALL_MASK + 50)]
    doc = md("# T\n\n" + "\n\n".join(paragraphs) + "\n")
    units = [Unit(b, 0, len(b.text)) for b in doc.blocks if b.text]
    assert len(units) > context.SMALL_MASK
    scanned = UnitIndex(units)
    SCAN(scanned)
    plain = UnitIndex(units)
    for lit in SCAN.literals[::5]:
        assert scanned._found[lit] == plain._holding_one(lit), lit
    lits = frozenset({"market", "the"})
    assert scanned.holding_all((lits,)) == [u for u in units if "market" in u.lower or "the" in u.lower]
