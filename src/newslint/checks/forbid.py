"""``forbid``: none of these patterns may appear in scope.

```yaml
- id: sebi-assured-returns
  scope: body
  forbid:
    words: [guaranteed returns, assured returns, risk-free]
    unless: {patterns: ['\\bno\\b'], }   # a negation in the same sentence exempts the match
    fix: ''                              # optional replacement offered with each finding
```
Each match is a finding; ``{match}`` in the message is the matched text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.checks.base import Check
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
        pattern_set_fields(fix=Field(Str(), doc="Replacement offered as a fix; `{match}` is the matched text.")),
        doc=summary,
        shorthand=_pattern_list_shorthand,
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.match = PatternSet.build(spec)
        self.fix: str | None = spec.get("fix")

    def patterns(self) -> list[Pattern]:
        return self.match.all_patterns()

    def triggers(self) -> list[PatternSet]:
        return [self.match]

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        units = ctx.units_for(scope)
        for occ in self.match.occurrences(ctx, units, ctx.lowered(scope)):
            fix = self.fix.replace("{match}", occ.text) if self.fix is not None else None
            yield Hit(occ.block, occ.start, occ.end, {"match": occ.text}, fix)
