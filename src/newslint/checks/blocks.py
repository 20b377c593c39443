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
aria-label of its container, or in a short line just before it; a label on the whole article (a short
line just before or after its headline, or opening the headline: "Sponsored: ...") covers every member
(``page_label`` gives those labels to a ``placement`` or ``max_count`` rule). For ``placement``, closing
matter (under a heading such as "Disclaimer", or matching ``closing_text``, e.g. a risk warning) may follow
the members, and with ``slot_label`` a member in a labelled slot (under a short "Advertisement" line of its own, or
in a container so named: a news page's ad slot) is a declared advertisement, not a part of the article.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

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
AD_SLOT = expression_store.own(
    r"^\W*(?:advertisement|advert|ads?|story\s+continues\s+below(?:\s+this)?\s+ad(?:vertisement)?)\W*$", regex.I
)
_HEADLINE_LABEL_END = expression_store.own(r"\s*[:|\u2013\u2014]\s|\s+-\s")  # "Sponsored: ...", "Partner Content | ..."


class Blocks(Check):
    kind = "blocks"
    summary = "Rules about a class of blocks: labelled, placed after the editorial text, how many."
    options = Obj(
        "blocks",
        {
            "class": Field(Str(), required=True, doc="The class name (defined under the pack's `classes`)."),
            "label": Field(Ref("PatternSet"), doc="Each member must carry one of these labels."),
            "placement": Field(Str(enum=("after-body",)), doc="Members must not sit between editorial paragraphs."),
            "page_label": Field(
                Ref("PatternSet"),
                doc="With placement or max_count: a page labelled as a whole with one of these (a short line just "
                "before or after its headline, or opening it) is exempt: a sponsored article is all promotion.",
            ),
            "slot_label": Field(
                Ref("PatternSet"),
                doc="With placement: a member in a slot labelled with one of these (a short line just before it, or "
                "its container's class, id or aria-label) is a declared ad, exempt.",
            ),
            "max_count": Field(Int(minimum=0), doc="At most this many members."),
            "closing": Field(REGEX, doc="Headings or 'Label:' lead-ins of closing matter (default: disclaimers etc.)."),
            "closing_text": Field(
                Ref("PatternSet"), doc="Blocks whose text matches are closing matter too (a warning without a heading)."
            ),
        },
        doc=summary,
        exactly_one_of=("label", "placement", "max_count"),
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.klass: str = spec["class"]
        self.label = PatternSet.build(spec["label"]) if spec.get("label") else None
        self.page_label = PatternSet.build(spec["page_label"]) if spec.get("page_label") else None
        self.slot_label = PatternSet.build(spec["slot_label"]) if spec.get("slot_label") else None
        self.placement = spec.get("placement")
        self.max_count = spec.get("max_count")
        self.closing = expression_store.compiled(spec["closing"]) if spec.get("closing") else CLOSING
        self.closing_text = PatternSet.build(spec["closing_text"]) if spec.get("closing_text") else None

    def patterns(self) -> list[Pattern]:
        out = self.label.all_patterns() if self.label else []
        out += self.page_label.all_patterns() if self.page_label else []
        out += self.slot_label.all_patterns() if self.slot_label else []
        return out + (self.closing_text.all_patterns() if self.closing_text else [])

    def _members(self, ctx: Context, scope: tuple[str, ...]) -> list[int]:
        members = ctx.class_members(self.klass)
        if not members:
            return []
        in_scope = {u.block.index for u in ctx.units_for(scope)}
        return sorted(i for i in members if i in in_scope and ctx.doc.blocks[i].kind != "image")

    def _page_labelled(self, ctx: Context, label: PatternSet, members: list[int]) -> bool:
        """Whether the whole article carries a label up front: a short line just before or after its headline
        ("Brand Connect" above the title), or a label that opens the headline ("Sponsored: ...", "Partner
        Content | ..."). A label word inside a headline ("SEBI tightens rules on advertisements") is not one, nor
        is a news page's lone ad-slot marker ("Advertisement") below it. A label line that opens the page a few
        blocks above the headline labels it too. A short post's closing disclosure ("This post is sponsored by
        CoinVista", its last paragraph) labels it too: whether the label is upfront is asci-label-not-upfront's
        question."""
        doc = ctx.doc
        units = []
        body = [b for b in doc.blocks if b.body and b.kind != "image"]
        if len(body) > 3 and body[-1].kind == "paragraph" and len(body[-1].text) <= 2 * LABEL_LINE_MAX + 40:
            last = body[-1]
            # (a labelled promotion closing the page labels itself, not the others)
            if not AD_SLOT.match(last.text) and last.index not in members:
                units.append(Unit(last, 0, len(last.text)))
        h = doc.headline
        if h is None or not 0 <= h < len(doc.blocks):
            return bool(units) and label.present(ctx, units)
        for i in (h - 1, h + 1):
            if (
                0 <= i < len(doc.blocks)
                and doc.blocks[i].kind != "image"
                and len(doc.blocks[i].text) <= LABEL_LINE_MAX + 20  # "Ad | Paid partnership with Meru Broking"
                # (a lone "Advertisement" below the headline is a news page's ad slot; above it, the ad's own label)
                and not (i > h and AD_SLOT.match(doc.blocks[i].text))
            ):
                units.append(Unit(doc.blocks[i], 0, len(doc.blocks[i].text)))
        # the label line that opens the page, above the headline with a mandated warning or a kicker between them
        # ("Advertisement", the VDA risk line, then the ad's title)
        first = body[0] if body else None
        if (
            first is not None
            and first.index < h - 1
            and h - first.index <= 3
            and len(first.text) <= LABEL_LINE_MAX + 20
            and first.index not in members
        ):
            units.append(Unit(first, 0, len(first.text)))
        head = doc.blocks[h]
        cut = _HEADLINE_LABEL_END.search(head.text, 0, LABEL_LINE_MAX)
        if cut is not None:
            units.append(Unit(head, 0, cut.start()))
        elif AD_SLOT.match(head.text):
            # a page whose headline is the label alone ("# Advertisement" over an ad's own heading) is labelled
            units.append(Unit(head, 0, len(head.text)))
        return bool(units) and label.present(ctx, units)

    def _labelled(self, ctx: Context, index: int, label: PatternSet) -> bool:
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
        if label.present(ctx, units):
            return True
        container = block.container
        if container:
            from newslint.language.context import pseudo_block

            pb = pseudo_block(container.replace("-", " ").replace("_", " "), None, None, "container")
            return label.present(ctx, [Unit(pb, 0, len(pb.text))])
        return False

    def _in_slot(self, ctx: Context, index: int, label: PatternSet) -> bool:
        """Whether a member sits in a labelled ad slot: under a short marker line of its own ("Advertisement" over
        the box) or in a container whose class, id or aria-label names it. A label inside the member's own
        sentence ("Advertisement: download our app...") leaves it a paragraph of the article."""
        doc = ctx.doc
        units = []
        if index > 0:
            prev = doc.blocks[index - 1]
            if prev.kind != "image" and len(prev.text) <= LABEL_LINE_MAX:
                units.append(Unit(prev, 0, len(prev.text)))
        container = doc.blocks[index].container
        if container:
            from newslint.language.context import pseudo_block

            pb = pseudo_block(container.replace("-", " ").replace("_", " "), None, None, "container")
            units.append(Unit(pb, 0, len(pb.text)))
        return bool(units) and label.present(ctx, units)

    def _hit(self, ctx: Context, index: int, **values: Any) -> Hit:
        block = ctx.doc.blocks[index]
        text = block.text
        short = text if len(text) <= 60 else text[:57] + "..."
        return Hit(block, 0, len(text), {"class": self.klass, "match": short, **values})

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        members = self._members(ctx, scope)
        if not members:
            return
        page_label = self.label or self.page_label
        if page_label is not None and self._page_labelled(ctx, page_label, members):
            return
        if self.label is not None:
            for index in members:
                if not self._labelled(ctx, index, self.label):
                    yield self._hit(ctx, index)
        elif self.placement == "after-body":
            exclude = set(ctx.class_members(self.klass))
            if self.closing_text is not None:
                body = ctx.units("body")
                exclude |= {o.block.index for o in self.closing_text.occurrences(ctx, body, ctx.lowered(("body",)))}
            editorial = editorial_indices(ctx, exclude=exclude, closing=self.closing)
            if not editorial:
                return
            first, last = editorial[0], editorial[-1]
            for index in members:
                if not (ctx.doc.blocks[index].body and first < index < last):
                    continue
                if self.slot_label is not None and self._in_slot(ctx, index, self.slot_label):
                    continue  # a labelled ad in its slot, as news pages place them
                yield self._hit(ctx, index)
        elif self.max_count is not None and len(members) > self.max_count:
            for index in members[self.max_count :]:
                yield self._hit(ctx, index, count=len(members), max_count=self.max_count)
