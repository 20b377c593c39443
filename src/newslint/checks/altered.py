"""``altered``: text that is clearly derived from a mandated statement but not the statement itself.

Regulators forbid adding or dropping words in mandated warnings. This check finds the passage of a block
that lines up best with a statement (word alignment), measures how close it is (character similarity of
that passage to the statement), and reports passages at or above ``min_similarity`` that are not an exact
statement. The finding's fix is the exact wording.

```yaml
- id: disclaimer-market-risk-modified
  scope: document
  altered:
    statements:
      - Investment in securities market are subject to market risks. Read all the related documents
        carefully before investing.
    min_similarity: 0.6
    unless:
      statements: [Mutual Fund investments are subject to market risks, read all scheme related documents carefully.]
```
Message values: ``{match}`` (the altered passage), ``{expected}`` (the statement), ``{similarity}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from newslint.checks.base import Check
from newslint.document.textbuild import fold
from newslint.language.context import Context
from newslint.language.model import Hit, Rule
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet
from newslint.language.spec import Field, ListOf, Num, Obj, Ref, Str

_WORD = re.compile(r"\w+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "in",
        "of",
        "and",
        "or",
        "all",
        "are",
        "is",
        "be",
        "before",
        "after",
        "with",
        "for",
        "on",
        "by",
        "at",
        "as",
    ]
)


class _Statement:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _WORD.findall(fold(text).lower())
        self.content = frozenset(t for t in self.tokens if t not in _STOP)
        self.flat = " ".join(self.tokens)


class Altered(Check):
    kind = "altered"
    summary = "Text derived from a mandated statement but altered; the fix is the exact wording."
    options = Obj(
        "altered",
        {
            "statements": Field(ListOf(Str(), min_items=1), required=True, doc="The exact statements (variants)."),
            "min_similarity": Field(
                Num(minimum=0.0, maximum=1.0), doc="Report passages at least this similar (default 0.7)."
            ),
            "unless": Field(Ref("PatternSet"), doc="Blocks where this occurs are not examined."),
        },
        doc=summary,
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.statements = [_Statement(s) for s in spec["statements"]]
        self.exact = PatternSet.build({"statements": spec["statements"]})
        self.min_similarity: float = spec.get("min_similarity", 0.7)
        self.unless = PatternSet.build(spec["unless"]) if spec.get("unless") else None
        # A passage must share at least this many content words with a statement to be examined.
        self.min_shared = {id(s): max(3, int(len(s.content) * 0.4)) for s in self.statements}
        self.keywords = frozenset(t for s in self.statements for t in s.content if len(t) >= 5)

    def patterns(self) -> list[Pattern]:
        out = self.exact.all_patterns()
        if self.unless is not None:
            out.extend(self.unless.all_patterns())
        return out

    def _best(self, text: str) -> tuple[float, int, int, _Statement] | None:
        from difflib import SequenceMatcher  # imported by the first run of this check, not at start-up

        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = text
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(low)]
        tokens = [w for w, _, _ in words]
        token_set = set(tokens)
        best: tuple[float, int, int, _Statement] | None = None
        for stmt in self.statements:
            if len(stmt.content & token_set) < self.min_shared[id(stmt)]:
                continue
            blocks = [
                b for b in SequenceMatcher(None, stmt.tokens, tokens, autojunk=False).get_matching_blocks() if b.size
            ]
            for p in range(len(blocks)):
                matched = 0
                for q in range(p, len(blocks)):
                    matched += blocks[q].size
                    if matched * 2 < len(stmt.content):
                        continue
                    j0 = blocks[p].b
                    j1 = blocks[q].b + blocks[q].size
                    if j1 - j0 > 2 * len(stmt.tokens):
                        break
                    # Word alignment misses changed words at the edges ("Investments" for "Investment"):
                    # try the window grown by up to two words on each side and keep the closest.
                    for a in range(j0, max(j0 - 3, -1), -1):
                        for b in range(j1, min(j1 + 3, len(tokens) + 1)):
                            passage = " ".join(tokens[a:b])
                            matcher = SequenceMatcher(None, stmt.flat, passage, autojunk=False)
                            # The quick ratios are upper bounds of the ratio (same formula, more matches
                            # counted): a window they put at or below the best so far cannot beat it.
                            if best is not None and (
                                matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]
                            ):
                                continue
                            score = matcher.ratio()
                            if best is None or score > best[0]:
                                best = (score, words[a][1], words[b - 1][2], stmt)
        return best

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        lowered = ctx.lowered(scope)
        if lowered is not None and not any(k in lowered for k in self.keywords):
            return
        for unit in ctx.units_for(scope):
            low = unit.lower
            if sum(1 for k in self.keywords if k in low) < 2:
                continue
            whole = [unit]
            if self.exact.present(ctx, whole):
                continue
            if self.unless is not None and self.unless.present(ctx, whole):
                continue
            found = self._best(unit.text)
            if found is None or found[0] < self.min_similarity:
                continue
            score, a, b, stmt = found
            # Extend over a trailing full stop so the fix replaces the whole sentence.
            text = unit.text
            if b < len(text) and text[b] == ".":
                b += 1
            start, end = unit.start + a, unit.start + b
            yield Hit(
                unit.block,
                start,
                end,
                {"match": unit.block.text[start:end], "expected": stmt.text, "similarity": f"{score:.2f}"},
                stmt.text,
            )
