"""``conditional``: if A appears in scope, B must appear within the same sentence, block, section or document.

```yaml
- id: sebi-registration-number-missing
  scope: document
  conditional:
    if: {patterns: ['SEBI[- ]registered (?:research analyst|investment advis[eo]r)']}
    then: {patterns: ['\\bIN[AHZPM]\\d{9}\\b']}
    within: [block, 'section:disclos|disclaim']   # any of these regions will do (default: document)
    report: each                                   # each (default) | first
```
The finding points at A. ``then`` may also be a list of pattern sets, all of which must be present.
``old_date: {months: N}`` keeps only the triggers whose sentence writes a date at least N months before the
page's date (see ``checks.recency``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.checks.base import Check
from newslint.checks.recency import dated_long_ago, months_option
from newslint.language.context import Context
from newslint.language.model import Hit, Rule
from newslint.language.options import WITHIN_LIST
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet
from newslint.language.spec import AnyOf, Field, ListOf, Obj, Ref, Str


class Conditional(Check):
    kind = "conditional"
    summary = "If A appears in scope, B must appear within the given region."
    options = Obj(
        "conditional",
        {
            "if": Field(Ref("PatternSet"), required=True, doc="The trigger (A); findings point at its matches."),
            "then": Field(
                AnyOf((Ref("PatternSet"), ListOf(Ref("PatternSet"), min_items=1))),
                required=True,
                doc="What must be present (B); a list means all of them.",
            ),
            "within": Field(WITHIN_LIST, doc="Where B must be, relative to A (default: document)."),
            "report": Field(Str(enum=("each", "first")), doc="Report each trigger (default) or only the first."),
            "old_date": months_option(
                "old_date",
                1200,
                "Only triggers dated long ago: their sentence writes a date at least `months` months before"
                " the page's date (its latest publication or modification date; --now when it has none).",
            ),
        },
        doc=summary,
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.trigger = PatternSet.build(spec["if"])
        then = spec["then"]
        self.required = [PatternSet.build(t) for t in (then if isinstance(then, list) else [then])]
        within = spec.get("within", "document")
        self.within: list[str] = within if isinstance(within, list) else [within]
        self.report_first = spec.get("report", "each") == "first"
        old = spec.get("old_date")
        self.old_months: int | None = old["months"] if old else None

    def patterns(self) -> list[Pattern]:
        out = self.trigger.all_patterns()
        for ps in self.required:
            out.extend(ps.all_patterns())
        return out

    def triggers(self) -> list[PatternSet]:
        return [self.trigger]

    def _satisfied(self, ctx: Context, occ: Any) -> bool:
        return all(any(ps.present(ctx, ctx.region(occ, w)) for w in self.within) for ps in self.required)

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        units = ctx.units_for(scope)
        found = self.trigger.occurrences(ctx, units, ctx.lowered(scope))
        if self.old_months is not None:
            found = [o for o in found if dated_long_ago(ctx, o, self.old_months)]
        if self.report_first and len(found) > 1:
            # A page-level finding points at the article's own text, at furniture only when nothing else.
            found = sorted(found, key=lambda o: not o.block.body)
        for occ in found:
            if not self._satisfied(ctx, occ):
                yield Hit(occ.block, occ.start, occ.end, {"match": occ.text})
                if self.report_first:
                    return
