"""House facts: the publisher's own SEBI registration numbers, checked against every number on the page.

Configured in ``.newslint.yaml`` (``house: {INZ000123456: Example Broking Ltd}``); the two rules exist only
then. For each registration number in the page's prose (body and furniture: footers are where a broker's
numbers usually sit), the check finds whose it is, within the number's sentence:

* a *name* is a house name (case, spacing and a trailing Ltd/Limited/Pvt/LLP may differ) or a run of
  capitalised words that is not only registration vocabulary ("SEBI Registration No.", "Research Analyst")
  and not just the sentence's first word ("Our", "The");
* the number's *owner* is the nearest name before it in its *segment* (the part of the sentence between
  ``|`` or ``•`` separators, as footers list several entities on one line), else the nearest name after it
  in the segment, else the nearest name before the segment in the sentence ("Example Broking Ltd | SEBI
  Reg. No.: INZ000123456");
* owner is a house name and the number is not one of that name's numbers -> ``sebi-house-number-mismatch``
  (error: the page shows the house with someone else's number), unless the owner was found outside the
  segment and the number belongs to another house entity (a footer listing the house's entities);
* no owner and the number is not the house's -> ``sebi-registration-number-unknown`` (warning: whose number
  is this?). A number with another owner is explained ("Analyst Jane Doe, SEBI Reg. No. INH000000002").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from newslint.checks.base import Check
from newslint.language.context import Context
from newslint.language.model import Hit, Rule
from newslint.language.spec import Obj

NUMBER = re.compile(r"(?<![A-Za-z0-9])IN[HAZPM][0-9]{9}(?![0-9])", re.I)
_CAPITALISED = re.compile(r"(?<![\w&])[A-Z][\w'’.&-]*(?:[ \t]+(?:(?:&|and|of|for|the)[ \t]+)?[A-Z][\w'’.&-]*)*")
_SEBI_NAME = re.compile(r"securities\s+and\s+exchange\s+board\s+of\s+india", re.I)
SEPARATORS = ("|", "•", "·", "¦")
LEGAL_SUFFIX = r"(?:[ \t,]+(?:Pvt\.?|Private))?(?:[ \t,]+(?:Ltd\.?|Limited|LLP|Inc\.?|Co\.?))?"
_VOCABULARY_TEXT = """
    sebi registration registered regd reg regn no nos number numbers id research analyst analysts investment
    investments adviser advisor advisers advisors stock broker brokers broking portfolio manager managers
    merchant banker bankers ra ia the a an our this that these its his her their we you it is are was
    disclaimer disclosure disclosures note details india nse bse mcx ncdex member code cin gst amfi arn
    contact email phone address website compliance officer grievance with under by for and of in at as on
    from see reg.no inh ina inz inp inm mr ms mrs dr grievance grievances complaint complaints helpline
    support customer care office head registered corporate toll free validity valid till
"""
VOCABULARY = frozenset(_VOCABULARY_TEXT.split())


@dataclass(frozen=True)
class HouseFacts:
    """Registration number -> the names it belongs to."""

    numbers: dict[str, tuple[str, ...]]

    def name_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        out = []
        for names in self.numbers.values():
            for name in names:
                core = re.sub(
                    r"(?:[\s,]+(?:pvt\.?|private|ltd\.?|limited|llp|inc\.?|co\.?))+\s*$", "", name, flags=re.I
                )
                words = core.split() or name.split()
                body = r"[\s,]+".join(re.escape(w) for w in words)
                out.append((re.compile(rf"(?<!\w){body}{LEGAL_SUFFIX}(?!\w)", re.I), name))
        # Longer names first: "Example Broking Research" before "Example Broking".
        out.sort(key=lambda item: -len(item[1]))
        return out

    def numbers_of(self, name: str) -> list[str]:
        return [n for n, names in self.numbers.items() if name in names]

    def describe(self) -> str:
        return ", ".join(sorted(self.numbers))


@dataclass
class _Name:
    start: int
    end: int
    text: str
    house: str | None  # the configured house name, when this is one


def names_in(sentence: str, patterns: list[tuple[re.Pattern[str], str]]) -> list[_Name]:
    """House names and other capitalised names in a sentence (see the module's rule)."""
    found: list[_Name] = []
    taken: list[tuple[int, int]] = []
    for pattern, house in patterns:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            found.append(_Name(m.start(), m.end(), m.group(0), house))
    masked = _SEBI_NAME.sub(lambda m: " " * len(m.group(0)), sentence)
    first_word = re.match(r"\s*[\"'(\[]?", masked)
    first_at = first_word.end() if first_word else 0
    for m in _CAPITALISED.finditer(masked):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        words = m.group(0).split()
        if m.start() == first_at:
            words = words[1:]  # a capital at the start of a sentence says nothing
        meaningful = [w for w in words if w.lower().strip(".,:;") not in VOCABULARY and not NUMBER.fullmatch(w)]
        if meaningful:
            found.append(_Name(m.start(), m.end(), m.group(0), None))
    found.sort(key=lambda n: n.start)
    return found


def _segment(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around ``start:end`` between separators such as ``|`` (footers list several
    entities in one line)."""
    before = max(text.rfind(sep, s, start) for sep in SEPARATORS)
    after = [i for i in (text.find(sep, end, e) for sep in SEPARATORS) if i >= 0]
    return (before + 1 if before >= s else s), (min(after) if after else e)


def owner_of(names: list[_Name], start: int, end: int) -> _Name | None:
    before = [n for n in names if n.end <= start]
    if before:
        return before[-1]
    after = [n for n in names if n.start >= end]
    return after[0] if after else None


class HouseCheck(Check):
    """Not a rule-file check kind: built in code from the configuration (see ``coderules``)."""

    kind = "house"
    summary = "Registration numbers on the page agree with the house facts."
    options: ClassVar[Obj] = Obj("house", {})

    def __init__(self, facts: HouseFacts, report: str) -> None:
        super().__init__({})
        self.facts = facts
        self.report = report  # "unknown" | "mismatch"
        self._patterns = facts.name_patterns()

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        for unit in ctx.units("document"):
            block = unit.block
            text = block.text
            if "in" not in block.lower():
                continue
            for m in NUMBER.finditer(text):
                number = m.group(0).upper()
                s, e = ctx.sentence_at(block, m.start())
                names = names_in(text[s:e], self._patterns)
                a, b = m.start() - s, m.end() - s
                g0, g1 = _segment(text, s, e, m.start(), m.end())
                owner = owner_of([n for n in names if n.start >= g0 - s and n.end <= g1 - s], a, b)
                in_segment = owner is not None
                if owner is None:
                    before = [n for n in names if n.end <= g0 - s]
                    owner = before[-1] if before else None
                hit = self._judge(number, owner, in_segment)
                if hit is not None:
                    yield Hit(block, m.start(), m.end(), hit)

    def _judge(self, number: str, owner: _Name | None, in_segment: bool) -> dict[str, Any] | None:
        facts = self.facts
        if owner is not None and owner.house is not None:
            expected = facts.numbers_of(owner.house)
            listed = not in_segment and number in facts.numbers
            if number not in expected and not listed and self.report == "mismatch":
                return {"name": owner.text, "house": owner.house, "expected": ", ".join(expected)}
            return None
        if owner is None and number not in facts.numbers and self.report == "unknown":
            return {"house": facts.describe()}
        return None
