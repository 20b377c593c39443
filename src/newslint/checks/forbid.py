"""``forbid``: none of these patterns may appear in scope.

```yaml
- id: sebi-assured-returns
  scope: body
  forbid:
    words: [guaranteed returns, assured returns, risk-free]
    unless: {patterns: ['\\bno\\b'], }   # a negation in the same sentence exempts the match
    fix: ''                              # optional replacement offered with each finding
    per: sentence                        # optional: one finding per sentence (its first match), not per match
    recent_date: {months: 3}             # optional: only matches whose sentence writes a date of the page's
                                         # last 3 months (see ``checks.recency``)
```
Each match is a finding; ``{match}`` in the message is the matched text. ``per: sentence`` reports one claim
once when several of its patterns match in the same sentence (a client's quote and its star rating).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.checks.base import Check
from newslint.checks.recency import dated_recently, months_option
from newslint.language.context import Context
from newslint.language.model import Hit, Rule
from newslint.language.options import _pattern_list_shorthand, pattern_set_fields
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet
from newslint.language.spec import Field, Obj, Str


class Forbid(Check):
    kind = "forbid"
    summary = "None of these patterns may appear in scope."
    options = Obj(
        "forbid",
        pattern_set_fields(
            fix=Field(Str(), doc="Replacement offered as a fix; `{match}` is the matched text."),
            per=Field(Str(enum=("match", "sentence")), doc="One finding per match (default) or per sentence."),
            recent_date=months_option(
                "recent_date",
                120,
                "Only matches dated recently: a date in their sentence within `months` months of the page's date.",
                inner_doc=(
                    "A match counts only when its sentence writes a date no more than `months` months before"
                    " the page's date (its latest publication or modification date; --now when it has none),"
                    " or after it."
                ),
            ),
        ),
        doc=summary,
        shorthand=_pattern_list_shorthand,
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.match = PatternSet.build(spec)
        self.fix: str | None = spec.get("fix")
        self.per_sentence = spec.get("per") == "sentence"
        recent = spec.get("recent_date")
        self.recent_months: int | None = recent["months"] if recent else None

    def patterns(self) -> list[Pattern]:
        return self.match.all_patterns()

    def triggers(self) -> list[PatternSet]:
        return [self.match]

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        units = ctx.units_for(scope)
        seen: set[tuple[int, int]] = set()
        found = self.match.occurrences(ctx, units, ctx.lowered(scope))
        if self.per_sentence:
            found = sorted(found, key=lambda o: (o.block.index, o.start, o.end))
        if self.recent_months is not None:
            found = [o for o in found if dated_recently(ctx, o, self.recent_months)]
        for occ in found:
            if self.per_sentence:
                sentence = ctx.region(occ, "sentence")[0]
                key = (occ.block.index, sentence.start)
                if key in seen:
                    continue
                seen.add(key)
            fix = self.fix.replace("{match}", occ.text) if self.fix is not None else None
            yield Hit(occ.block, occ.start, occ.end, {"match": occ.text}, fix)
