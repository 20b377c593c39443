"""``require``: at least one (or ``min_count``) match must appear in scope.

```yaml
- id: disclaimer-missing
  scope: document
  when: {words: [stock, shares, IPO], min_per_1000_words: 4}   # only for financial articles
  require:
    any:
      - {patterns: ['^disclaimers?\\s*[:\\-]'], kinds: [paragraph]}
      - {in_section: '^disclaimers?$', patterns: ['\\w{3,}']}
    min_count: 1
    position: end        # anywhere (default) | end: after the last editorial paragraph
```
A missing requirement is one finding at the headline (or line 1). ``{count}`` and ``{min_count}`` are in the
message values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.checks.base import Check
from newslint.checks.editorial import last_editorial_index
from newslint.language.context import Context
from newslint.language.model import Hit, Rule
from newslint.language.options import _pattern_list_shorthand, pattern_set_fields
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet
from newslint.language.spec import Field, Int, Obj, Str


class Require(Check):
    kind = "require"
    summary = "At least one match (or min_count) must appear in scope."
    options = Obj(
        "require",
        pattern_set_fields(
            min_count=Field(Int(minimum=1), doc="How many matches are needed (default 1)."),
            position=Field(
                Str(enum=("anywhere", "end")),
                doc="`end`: the match must come after the last editorial paragraph of the body.",
            ),
        ),
        doc=summary,
        shorthand=_pattern_list_shorthand,
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.match = PatternSet.build(spec)
        self.min_count: int = spec.get("min_count", 1)
        self.position: str = spec.get("position", "anywhere")

    def patterns(self) -> list[Pattern]:
        return self.match.all_patterns()

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        units = ctx.units_for(scope)
        found = self.match.occurrences(ctx, units, ctx.lowered(scope), first_only=self.min_count == 1)
        if self.position == "end" and found:
            last = last_editorial_index(ctx)
            found = [o for o in found if o.block.index > last or o.block.index < 0]
        if len(found) < self.min_count:
            a, b = ctx.anchor_span()
            yield Hit(None, 0, 0, {"count": len(found), "min_count": self.min_count}, source_span=(a, b))
