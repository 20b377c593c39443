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

import re
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
# A news page's ad-slot marker ("Advertisement", "Story continues below this ad"): it labels the slot, not the page.
AD_SLOT = re.compile(
    r"^\W*(?:advertisement|advert|ads?|story\s+continues\s+below(?:\s+this)?\s+ad(?:vertisement)?)\W*$", re.I
)


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
            "page_label": Field(
                Ref("PatternSet"),
                doc="A label line at the very start of the page that exempts every member (default: `label`).",
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
        self.page_label = PatternSet.build(spec["page_label"]) if spec.get("page_label") else self.label

    def patterns(self) -> list[Pattern]:
        out = self.label.all_patterns() if self.label else []
        if self.page_label is not None and self.page_label is not self.label:
            out += self.page_label.all_patterns()
        return out + (self.closing_text.all_patterns() if self.closing_text else [])

    def _members(self, ctx: Context, scope: tuple[str, ...]) -> list[int]:
        members = ctx.class_members(self.klass)
        if not members:
            return []
        in_scope = {u.block.index for u in ctx.units_for(scope)}
        return sorted(i for i in members if i in in_scope and ctx.doc.blocks[i].kind != "image")

    def _page_labelled(self, ctx: Context) -> bool:
        """Whether the page carries a label line at its very start ("Ad | Paid partnership with Meru Broking" over a
        post, "Brand Connect" over a sponsored article): the label, upfront as ASCI asks, covers the whole page
        (its members need no label of their own, and a sponsored article has no editorial text for them to
        interrupt). A short block among the first three of the body, before any paragraph of prose, or a short
        closing disclosure as the body's last paragraph."""
        label = self.page_label
        if label is None:
            return False
        cache = ctx.conditions
        key = f"page-label:{id(self)}"
        found = cache.get(key)
        if found is None:
            found = False
            blocks = [b for b in ctx.doc.blocks if b.body and b.kind != "image"]
            # A short post's closing disclosure ("This post is sponsored by CoinVista") labels it too; whether the
            # label is upfront is asci-label-not-upfront's question.
            last = blocks[-1] if len(blocks) > 3 else None
            if (
                last is not None
                and last.kind == "paragraph"
                and len(last.text) <= 2 * LABEL_LINE_MAX + 40
                and not AD_SLOT.match(last.text)
                and label.present(ctx, [Unit(last, 0, len(last.text))])
            ):
                found = True
            for b in blocks[:3] if not found else ():
                if AD_SLOT.match(b.text):
                    continue  # a news page's ad-slot marker labels the slot, not the article
                if len(b.text) <= LABEL_LINE_MAX + 20 and label.present(ctx, [Unit(b, 0, len(b.text))]):
                    found = True
                    break
                if b.kind == "paragraph" and len(b.text) > LABEL_LINE_MAX + 20:
                    break  # the prose has begun
            cache[key] = found
        return found

    def _labelled(self, ctx: Context, index: int) -> bool:
        assert self.label is not None
        if self._page_labelled(ctx):
            return True
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
            if self._page_labelled(ctx):
                return
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
