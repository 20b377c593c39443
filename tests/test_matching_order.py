"""Work the matcher may skip without changing a finding (docs/internals/matching-speed.md, part 3).

Each shortcut is checked two ways: it does skip the work (the expressions are called on fewer units), and
the answer is the one the full work gives (the same occurrences as with the shortcut turned off).
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import md
from newslint.language import patternset as patternset_module
from newslint.language.context import Context, Occurrence, UnitIndex
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet

PAGE = """# Markets today

Infosys shares rose 3% after results. Tata Motors stock fell.

## Our advisory

Join our premium advisory for the best calls: Kaveri Chemicals shares are in our model portfolio.

## Other news

The securities desk said Wipro shares were flat, according to analysts.

## Picks

Subscribe to our advisory: HDFC Bank shares and Reliance stock are this week's picks.
"""


def occurrences(spec: dict, gate: bool, monkeypatch: pytest.MonkeyPatch, text: str = PAGE) -> tuple[list, list]:
    """The set's occurrences over the page's blocks, and the texts its expressions were run on."""
    doc = md(text)
    ctx = Context(doc, date(2026, 11, 29), {}, 2.0)
    ps = PatternSet.build(spec)
    if not gate:
        monkeypatch.setattr(PatternSet, "_block_gate", lambda self, ctx: None)
    seen: list[str] = []
    original = Pattern.finditer

    def counting(self: Pattern, text: str, deadline: float | None, lower: str | None = None) -> list:
        seen.append(text)
        return original(self, text, deadline, lower)

    monkeypatch.setattr(Pattern, "finditer", counting)
    found = ps.occurrences(ctx, ctx.units("document"))
    monkeypatch.undo()
    return [(o.block.index, o.start, o.end, o.text) for o in found], seen


TRIGGER = r"\b[A-Z]\w+(?:\s+[A-Z]\w+)?\s+(?:shares|stock)\b"
ADVISORY = r"(?i)\b(?:join|subscribe\s+to)\s+our\b"


@pytest.mark.parametrize(
    "spec",
    [
        {"patterns": [TRIGGER], "case_sensitive": True, "near": {"patterns": [ADVISORY]}, "near_within": "block"},
        {"patterns": [TRIGGER], "case_sensitive": True, "unless": {"patterns": [ADVISORY]}, "unless_within": "block"},
        {"patterns": [TRIGGER], "case_sensitive": True, "near": {"patterns": [ADVISORY]}, "near_within": "section"},
        {
            "patterns": [TRIGGER],
            "case_sensitive": True,
            "near": {"patterns": [r"(?i)\bmodel\s+portfolio\b"]},
            "near_within": "block",
            "unless": {"patterns": [r"\baccording\s+to\b"]},
            "unless_within": "block",
        },
    ],
)
def test_a_block_context_is_asked_first_and_the_matches_are_the_same(
    spec: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated, gated_calls = occurrences(spec, True, monkeypatch)
    full, full_calls = occurrences(spec, False, monkeypatch)
    assert gated == full
    assert gated  # the examples find something
    assert len(gated_calls) < len(full_calls)  # and skip the blocks whose context rules every match out


def test_a_document_context_that_is_absent_spares_every_expression_call(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = {
        "patterns": [TRIGGER],
        "case_sensitive": True,
        "near": {"patterns": [r"(?i)\bfor\s+educational\s+purposes\b"]},
        "near_within": "document",
    }
    found, calls = occurrences(spec, True, monkeypatch)
    assert found == [] and calls == []
    educational = PAGE + "\nFor educational purposes only.\n"
    gated, _ = occurrences(spec, True, monkeypatch, educational)
    full, _ = occurrences(spec, False, monkeypatch, educational)
    assert gated == full and len(gated) == 6


def test_a_sentence_context_is_asked_first_only_of_the_literals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Around a match, a sentence depends on where the match is: a block whose text lacks the context's
    literals is skipped, and in the others the expressions run and ``_accept`` decides."""
    spec = {"patterns": [TRIGGER], "case_sensitive": True, "near": {"patterns": [ADVISORY]}}
    gated, gated_calls = occurrences(spec, True, monkeypatch)
    full, full_calls = occurrences(spec, False, monkeypatch)
    assert gated == full
    assert [t for _, _, _, t in gated] == ["Kaveri Chemicals shares", "HDFC Bank shares", "Reliance stock"]
    assert all(text.startswith(("Join our", "Subscribe to our")) for text in gated_calls)
    assert len(full_calls) == 4
    # The sentence decides, not the block: the advisory and the shares in two sentences of one block.
    apart = "Join our advisory today. Infosys shares rose.\n"
    assert occurrences(spec, True, monkeypatch, apart) == occurrences(spec, False, monkeypatch, apart)
    assert occurrences(spec, True, monkeypatch, apart)[0] == []


def test_the_regions_asked_first_depend_only_on_the_block() -> None:
    """The shortcut asks a region with the match at the block's start: true only of regions that ignore where
    in its block the match is."""
    doc = md(PAGE)
    ctx = Context(doc, date(2026, 11, 29), {}, 2.0)
    for within in (*sorted(patternset_module.BLOCK_REGIONS), "section:advisory"):
        for block in doc.blocks:
            keys = {
                tuple(u.key() for u in ctx.region(Occurrence(block, at, at + 1, ""), within))
                for at in range(0, len(block.text), 7)
            }
            assert len(keys) == 1, (within, block.text)
    block = next(b for b in doc.blocks if b.text.startswith("Infosys"))
    starts = {ctx.region(Occurrence(block, at, at + 1, ""), "sentence")[0].start for at in range(len(block.text))}
    assert len(starts) == 2  # a sentence is not such a region


def test_a_block_without_the_contexts_literals_needs_no_presence_test(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = {"patterns": [TRIGGER], "case_sensitive": True, "near": {"patterns": [ADVISORY]}, "near_within": "block"}
    asked: list[str] = []
    original = PatternSet.present

    def counting(self: PatternSet, ctx: Context, units: list) -> bool:
        asked.append(units[0].text)
        return original(self, ctx, units)

    monkeypatch.setattr(PatternSet, "present", counting)
    doc = md(PAGE)
    ctx = Context(doc, date(2026, 11, 29), {}, 2.0)
    found = PatternSet.build(spec).occurrences(ctx, ctx.units("document"))
    assert {o.text for o in found} == {"Kaveri Chemicals shares", "HDFC Bank shares", "Reliance stock"}
    # Only the blocks holding "join" or "subscribe to" and "our" are asked (by the shortcut, then by _accept).
    assert asked and all(text.startswith(("Join our", "Subscribe to our")) for text in asked)


def test_an_index_answers_a_repeated_question_from_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = md(PAGE * 3)
    ctx = Context(doc, date(2026, 11, 29), {}, 2.0)
    units = ctx.units("document")
    sets = (frozenset({"shares", "stock"}), frozenset({"our"}))
    first = ctx.unit_index(units).holding_all(sets)
    assert [u.text[:7] for u in first] == ["Join ou", "Subscri"] * 3

    def no_search(*args: object) -> None:
        raise AssertionError("searched again")

    monkeypatch.setattr(UnitIndex, "_mask", no_search)
    assert ctx.unit_index(units).holding_all(sets) is first
    monkeypatch.undo()
    assert UnitIndex(units).holding_all(sets) == first  # a fresh index finds the same units


def test_a_context_whose_own_context_is_absent_rules_out_every_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crypto word counts only on a page that promotes crypto: on a page that does not, the context (near a
    sentence holding "we") is present nowhere, so the set's expressions run nowhere."""
    spec = {
        "patterns": [r"\bsecurities\b"],
        "near": {
            "patterns": [r"\b(?:crypto\w*|tokens?|we)\b"],
            "near": {"patterns": [r"\bbuy\s+bitcoin\b"]},
            "near_within": "body",
        },
    }
    page = "# Markets\n\nWe expect the securities desk to stay busy.\n\nSecurities rose as we said.\n"
    found, calls = occurrences(spec, True, monkeypatch, page)
    assert found == [] and calls == []
    assert occurrences(spec, False, monkeypatch, page)[1]  # without the shortcut the expression runs
    promoting = page + "\nBuy Bitcoin on our app today.\n"
    gated, _ = occurrences(spec, True, monkeypatch, promoting)
    full, _ = occurrences(spec, False, monkeypatch, promoting)
    assert gated == full and [t for _, _, _, t in gated] == ["securities", "Securities"]


def test_the_gate_is_made_only_when_a_unit_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = {"patterns": [TRIGGER], "case_sensitive": True, "near": {"patterns": [ADVISORY]}, "near_within": "block"}
    made: list[int] = []
    original = PatternSet._block_gate

    def counting(self: PatternSet, ctx: Context) -> object:
        made.append(1)
        return original(self, ctx)

    monkeypatch.setattr(PatternSet, "_block_gate", counting)
    ctx = Context(md("# Markets\n\nThe Sensex rose 320 points on Tuesday.\n"), date(2026, 11, 29), {}, 2.0)
    assert PatternSet.build(spec).occurrences(ctx, ctx.units("document")) == []
    assert made == []  # no block holds "shares" or "stock": no unit to try, no gate
    ctx = Context(md(PAGE), date(2026, 11, 29), {}, 2.0)
    assert PatternSet.build(spec).occurrences(ctx, ctx.units("document"))
    assert made == [1]  # made once for all the units tried


@pytest.mark.parametrize(
    ("context", "absent"),
    [
        ({"near": {"patterns": [r"(?i)\beducational\s+purposes\b"]}, "near_within": "document"}, True),
        ({"near": {"patterns": [r"(?i)\bmodel\s+portfolio\b"]}, "near_within": "body"}, False),
        ({"unless": {"patterns": [r"(?i)\baccording\s+to\b"]}, "unless_within": "document"}, True),
        ({"unless": {"patterns": [r"(?i)\beducational\s+purposes\b"]}, "unless_within": "document"}, False),
    ],
)
def test_a_page_wide_context_rules_out_the_children_before_they_run(
    context: dict, absent: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``near`` or ``unless`` over the whole document or body is the same for every match: when it rules them
    all out, no expression of the set or of its ``any`` children runs, and otherwise the matches are those the
    filters keep."""
    spec = {"any": [{"patterns": [TRIGGER], "case_sensitive": True}], **context}
    found, calls = occurrences(spec, True, monkeypatch)
    if absent:
        assert found == [] and calls == []
    else:
        assert found and calls
        plain, _ = occurrences({"any": spec["any"]}, True, monkeypatch)
        assert found == plain


def test_one_expression_in_two_sets_runs_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sets holding the same expression (a YAML alias, one trigger in two rules) share its matches in a
    document: the second set's occurrences are the first's, with no expression call of its own; a presence
    test after them needs none either, and another document runs the expression again."""
    seen: list[str] = []
    original_all, original_first = Pattern.finditer, Pattern.first

    def counting(self: Pattern, text: str, deadline: float | None, lower: str | None = None) -> list:
        seen.append(text)
        return original_all(self, text, deadline, lower)

    def counting_first(self: Pattern, text: str, deadline: float | None, lower: str | None = None) -> object:
        seen.append(text)
        return original_first(self, text, deadline, lower)

    monkeypatch.setattr(Pattern, "finditer", counting)
    monkeypatch.setattr(Pattern, "first", counting_first)
    spec = {"patterns": [TRIGGER], "case_sensitive": True}
    one, two = PatternSet.build(spec), PatternSet.build(dict(spec))
    ctx = Context(md(PAGE), date(2026, 11, 29), {}, 2.0)
    units = ctx.units("document")
    first = [(o.block.index, o.start, o.end, o.text) for o in one.occurrences(ctx, units)]
    calls = len(seen)
    assert len(first) == 6 and calls > 0
    assert [(o.block.index, o.start, o.end, o.text) for o in two.occurrences(ctx, units)] == first
    assert PatternSet.build(dict(spec)).present(ctx, units)
    assert len(seen) == calls
    other = Context(md(PAGE), date(2026, 11, 29), {}, 2.0)
    assert [(o.block.index, o.start, o.end, o.text) for o in two.occurrences(other, other.units("document"))] == first
    assert len(seen) == 2 * calls


def test_sets_written_alike_share_their_presence_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sets written the same way (a YAML alias, one shared definition's context in two rules) have one shape,
    and a page's presence answer found for one is the other's, with no work of its own; a set that differs in an
    expression, an option or its context has a shape of its own."""
    spec = {"patterns": [TRIGGER], "case_sensitive": True, "near": {"patterns": [ADVISORY]}, "near_within": "block"}
    one, two = PatternSet.build(spec), PatternSet.build(dict(spec))
    assert one.shape == two.shape
    assert one.shape != PatternSet.build({**spec, "near_within": "section"}).shape
    assert one.shape != PatternSet.build({**spec, "near": {"patterns": [r"(?i)\bjoin\b"]}}).shape
    assert one.shape != PatternSet.build({**spec, "voices": ["own"]}).shape
    assert one.shape != PatternSet.build({**spec, "case_sensitive": False}).shape
    ctx = Context(md(PAGE), date(2026, 11, 29), {}, 2.0)
    units = ctx.units("document")
    assert one.present(ctx, units)
    monkeypatch.setattr(PatternSet, "occurrences", lambda *args, **kwargs: pytest.fail("asked again"))
    assert two.present(ctx, units)
