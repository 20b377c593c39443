"""``substitution``: wrong -> right pairs; each finding carries the replacement as its fix.

```yaml
- id: house-sebi-wording
  scope: body
  message: "Use '{replacement}' instead of '{match}'"
  substitution:
    swap:
      SEBI Regd.: SEBI Registered
      stock tips: research recommendations
    regex: false          # keys are literal phrases (default) or regular expressions
```
The replacement keeps the case of the first letter of the match.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.checks.base import Check
from newslint.language.context import Context
from newslint.language.model import Hit, Rule
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet
from newslint.language.spec import Bool, Field, MapOf, Obj, Str


def keep_case(match: str, replacement: str) -> str:
    if match.isupper() and len(match) > 1 and replacement.lower() == replacement:
        return replacement.upper()
    if match[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Substitution(Check):
    kind = "substitution"
    summary = "Wrong -> right pairs; each finding offers the replacement as a fix."
    options = Obj(
        "substitution",
        {
            "swap": Field(MapOf(Str()), required=True, doc="Mapping of wrong text to the right text."),
            "regex": Field(Bool(), doc="Treat the keys as regular expressions (default: literal phrases)."),
            "case_sensitive": Field(Bool(), doc="Match case exactly (default false)."),
        },
        doc=summary,
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        key = "patterns" if spec.get("regex") else "words"
        case = bool(spec.get("case_sensitive", False))
        self.pairs = [
            (PatternSet.build({key: [wrong], "case_sensitive": case}), right) for wrong, right in spec["swap"].items()
        ]

    def patterns(self) -> list[Pattern]:
        return [p for ps, _ in self.pairs for p in ps.all_patterns()]

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        units = ctx.units_for(scope)
        lowered = ctx.lowered(scope)
        for ps, right in self.pairs:
            for occ in ps.occurrences(ctx, units, lowered):
                if occ.text == right:
                    continue
                replacement = keep_case(occ.text, right)
                yield Hit(
                    occ.block,
                    occ.start,
                    occ.end,
                    {"match": occ.text, "replacement": replacement},
                    replacement,
                )
