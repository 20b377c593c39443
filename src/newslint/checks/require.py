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
    position: end        # anywhere (default) | end: after the last editorial paragraph | start: see below
```
``position: start`` asks for the match at the very start of the body: in the first sentence of its first text
block (paragraph, list item or quote of at least 40 characters) or any heading or short line before it. ASCI
wants disclosure labels and SEBI a registered person's name and number "upfront", before the content.
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

START_KINDS = ("paragraph", "list-item", "blockquote", "table-cell")
START_MIN_CHARS = 40  # shorter lines before it ("Sponsored", "Ravi Menon | INH000012345") are part of the start


def first_text_index(ctx: Context) -> int:
    """The index of the body's first text block (not a heading, short line or image); -1 when there is none."""
    for b in ctx.doc.blocks:
        if b.body and b.kind in START_KINDS and len(b.text.strip()) >= START_MIN_CHARS:
            return b.index
    return -1


def at_start(ctx: Context, block: Any, offset: int) -> bool:
    """Whether ``offset`` in ``block`` is at the start of the body: in a heading or short line before the first
    text block, or in that block's first sentence (a one-paragraph post ends long after its start)."""
    if block.index < 0 or not block.body:
        return False
    first = first_text_index(ctx)
    if first < 0:  # only short lines: the whole body is its start
        return True
    if block.index < first:
        return True
    if block.index > first:
        return False
    sentences = ctx.sentences(block)
    return not sentences or offset < sentences[0][1]


class Require(Check):
    kind = "require"
    summary = "At least one match (or min_count) must appear in scope."
    options = Obj(
        "require",
        pattern_set_fields(
            min_count=Field(Int(minimum=1), doc="How many matches are needed (default 1)."),
            position=Field(
                Str(enum=("anywhere", "end", "start")),
                doc="`end`: after the last editorial paragraph of the body; `start`: in the body's first text block"
                " or a heading before it.",
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
        # With a position, the first match may be in the wrong place: every match is needed.
        first_only = self.min_count == 1 and self.position == "anywhere"
        found = self.match.occurrences(ctx, units, ctx.lowered(scope), first_only=first_only)
        if self.position == "end" and found:
            last = last_editorial_index(ctx)
            found = [o for o in found if o.block.index > last or o.block.index < 0]
        elif self.position == "start" and found:
            found = [o for o in found if at_start(ctx, o.block, o.start)]
        if len(found) < self.min_count:
            a, b = ctx.anchor_span()
            yield Hit(None, 0, 0, {"count": len(found), "min_count": self.min_count}, source_span=(a, b))
