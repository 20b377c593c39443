"""Block classes: which blocks are members (images join the prose they sit with, not each other)."""

from __future__ import annotations

from datetime import date

from helpers import parse
from newslint.language.context import Context
from newslint.rules.loader import Loader

PACK = """
pack: t
classes:
  pitch:
    match: {words: [open a free demat account]}
  logo-alt:
    scope: alt
    match: {patterns: ['\\bsebi\\b']}
rules:
  - id: t-rule
    severity: info
    message: m
    description: d
    forbid: {class: pitch}
"""

PAGE = (
    "<html><body><article><p>Markets rose on Monday as banks gained in late trade across the board.</p>"
    '<div class="promo"><p>Open a free demat account today.</p><img src="/a.png" alt="SEBI logo">'
    '<img src="/b.png" alt="Our app"></div>'
    '<div class="gallery"><img src="/c.png" alt="SEBI building"><img src="/d.png" alt="Trading floor"></div>'
    "</article></body></html>"
)


def _members(name: str) -> list[str]:
    loader = Loader()
    loader.load_text(PACK, "t.yaml")
    ruleset = loader.finish()
    doc = parse(PAGE)
    ctx = Context(doc, date(2026, 11, 29), ruleset.classes, 2.0)
    return [doc.blocks[i].text for i in sorted(ctx.class_members(name))]


def test_images_in_the_container_of_a_prose_member_are_members():
    assert _members("pitch") == ["Open a free demat account today.", "SEBI logo", "Our app"]


def test_an_image_member_does_not_bring_its_neighbours():
    assert _members("logo-alt") == ["SEBI logo", "SEBI building"]
