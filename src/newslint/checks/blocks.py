"""``blocks``: rules about a class of blocks (e.g. promotional calls to action) as a whole.

Classes are defined once per pack under ``classes:`` (see docs/writing-rules.md); a rule then checks one thing about
the class's members in the rule's scope:

```yaml
- id: promo-unlabelled
  scope: body
  blocks:
    class: promotion
    label: {words: [Advertisement, Sponsored, Promoted, Partner content, Ad]}
    # or  placement: after-body   members must not sit between editorial paragraphs
    # or  max_count: 1            at most this many members
```
A label counts when it is in the block, in the heading (or label line) above it, in the class, id or
aria-label of its container, or in a short line just before it. For ``placement``, closing matter (under a
heading such as "Disclaimer", or matching ``closing_text``, e.g. a risk warning) may follow the members.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.checks.base import Check
from newslint.checks.editorial import CLOSING, editorial_indices
from newslint.language import expression_store
from newslint.language.context import Context, Unit
from newslint.language.model import Hit, Rule
from newslint.language.options import REGEX
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet
from newslint.language.spec import Field, Int, Obj, Ref, Str

LABEL_LINE_MAX = 40


class Blocks(Check):
    kind = "blocks"
    summary = "Rules about a class of blocks: labelled, placed after the editorial text, how many."
    options = Obj(
        "blocks",
        {
            "class": Field(Str(), required=True, doc="The class name (defined under the pack's `classes`)."),
            "label": Field(Ref("PatternSet"), doc="Each member must carry one of these labels."),
            "placement": Field(Str(enum=("after-body",)), doc="Members must not sit between editorial paragraphs."),
            "max_count": Field(Int(minimum=0), doc="At most this many members."),
            "closing": Field(REGEX, doc="Headings or 'Label:' lead-ins of closing matter (default: disclaimers etc.)."),
            "closing_text": Field(
                Ref("PatternSet"), doc="Blocks whose text matches are closing matter too (a warning without a heading)."
            ),
            "article_label": Field(
                Ref("PatternSet"),
                doc="With `placement`: an article labelled as a whole with one of these (a short line just above or "
                "below its headline: a paid story) is itself the promotion, and its members are not checked.",
            ),
        },
        doc=summary,
        exactly_one_of=("label", "placement", "max_count"),
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.klass: str = spec["class"]
        self.label = PatternSet.build(spec["label"]) if spec.get("label") else None
        self.placement = spec.get("placement")
        self.max_count = spec.get("max_count")
        self.closing = expression_store.compiled(spec["closing"]) if spec.get("closing") else CLOSING
        self.closing_text = PatternSet.build(spec["closing_text"]) if spec.get("closing_text") else None
        self.article_label = PatternSet.build(spec["article_label"]) if spec.get("article_label") else None

    def patterns(self) -> list[Pattern]:
        out = self.label.all_patterns() if self.label else []
        out += self.article_label.all_patterns() if self.article_label else []
        return out + (self.closing_text.all_patterns() if self.closing_text else [])

    def _members(self, ctx: Context, scope: tuple[str, ...]) -> list[int]:
        members = ctx.class_members(self.klass)
        if not members:
            return []
        in_scope = {u.block.index for u in ctx.units_for(scope)}
        return sorted(i for i in members if i in in_scope and ctx.doc.blocks[i].kind != "image")

    def _labelled(self, ctx: Context, index: int) -> bool:
        assert self.label is not None
        doc = ctx.doc
        block = doc.blocks[index]
        units = [Unit(block, 0, len(block.text))]
        if block.section is not None:
            head = doc.blocks[block.section]
            units.append(Unit(head, 0, len(head.text)))
        if index > 0:
            prev = doc.blocks[index - 1]
            if prev.kind != "image" and len(prev.text) <= LABEL_LINE_MAX:
                units.append(Unit(prev, 0, len(prev.text)))
        # A label line set just above or below the headline labels the whole article ("Brand Connect" over
        # a paid story): every promotion in it is labelled.
        if block.body:
            units.extend(_headline_lines(ctx, index))
        if self.label.present(ctx, units):
            return True
        container = block.container
        if container:
            from newslint.language.context import pseudo_block

            pb = pseudo_block(container.replace("-", " ").replace("_", " "), None, None, "container")
            return self.label.present(ctx, [Unit(pb, 0, len(pb.text))])
        return False

    def _hit(self, ctx: Context, index: int, **values: Any) -> Hit:
        block = ctx.doc.blocks[index]
        text = block.text
        short = text if len(text) <= 60 else text[:57] + "..."
        return Hit(block, 0, len(text), {"class": self.klass, "match": short, **values})

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        members = self._members(ctx, scope)
        if not members:
            return
        if self.label is not None:
            for index in members:
                if not self._labelled(ctx, index):
                    yield self._hit(ctx, index)
        elif self.placement == "after-body":
            if self.article_label is not None and self.article_label.present(ctx, _headline_lines(ctx, -1)):
                return  # a paid story labelled as a whole is the promotion: nothing in it interrupts it
            exclude = set(ctx.class_members(self.klass))
            if self.closing_text is not None:
                body = ctx.units("body")
                exclude |= {o.block.index for o in self.closing_text.occurrences(ctx, body, ctx.lowered(("body",)))}
            editorial = editorial_indices(ctx, exclude=exclude, closing=self.closing)
            if not editorial:
                return
            first, last = editorial[0], editorial[-1]
            for index in members:
                if ctx.doc.blocks[index].body and first < index < last:
                    yield self._hit(ctx, index)
        elif self.max_count is not None and len(members) > self.max_count:
            for index in members[self.max_count :]:
                yield self._hit(ctx, index, count=len(members), max_count=self.max_count)


def _headline_lines(ctx: Context, index: int) -> list[Unit]:
    """The short body lines just above and below the page's headline (not block ``index``): where a paid story
    carries its label ("Brand Connect", "Sponsored")."""
    doc = ctx.doc
    headline = doc.headline
    out = []
    if headline is not None:
        for near in (headline - 1, headline + 1):
            if 0 <= near < len(doc.blocks) and near != index:
                line = doc.blocks[near]
                if line.body and line.kind != "image" and len(line.text) <= LABEL_LINE_MAX:
                    out.append(Unit(line, 0, len(line.text)))
    return out
