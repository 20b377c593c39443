"""Loaded rules: packs, rules, block classes, preconditions, and the hits checks report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newslint.document.model import Block
from newslint.language.context import Context, Unit
from newslint.language.patternset import PatternSet

if TYPE_CHECKING:
    from newslint.checks.base import Check

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(init=False, slots=True)
class Hit:
    """What a check reports: a span of a block, or of the source, with message values and an optional fix."""

    block: Block | None
    start: int
    end: int
    values: dict[str, Any]
    fix: str | None
    source_span: tuple[int, int] | None

    def __init__(
        self,
        block: Block | None,
        start: int,
        end: int,
        values: dict[str, Any] | None = None,
        fix: str | None = None,
        source_span: tuple[int, int] | None = None,
    ) -> None:
        self.block = block
        self.start = start
        self.end = end
        self.values = {} if values is None else values
        self.fix = fix
        self.source_span = source_span  # when there is no block (metadata, document-level)


@dataclass
class BlockClass:
    """A named class of blocks (e.g. promotional calls to action), defined once per pack."""

    name: str
    match: PatternSet
    links: PatternSet | None = None
    unless: PatternSet | None = None
    scope: tuple[str, ...] = ("document",)
    description: str = ""
    file: str = ""
    line: int = 0
    house: str | None = None  # exclude | only: the publisher's promotion of its own products (see publisher.py)

    def members(self, ctx: Context) -> set[int]:
        if self.house is None:
            return self._raw_members(ctx)
        members = set(self.raw_members(ctx))
        if members:
            from newslint.language.page_kind import is_advertisers
            from newslint.language.publisher import house_promotion

            blocks = ctx.doc.blocks
            keep_house = self.house == "only"
            if is_advertisers(ctx.page_kind()):
                # The whole page is the advertiser's own (see ``page_kind``): its promotions are its own.
                return members if keep_house else {i for i in members if blocks[i].kind == "image"}
            members = {i for i in members if blocks[i].kind == "image" or house_promotion(ctx, blocks[i]) == keep_house}
        return members

    def raw_members(self, ctx: Context) -> set[int]:
        """The class's blocks before ``house`` sets the publisher's own promotions apart (once per document)."""
        cache = ctx.memo.setdefault("raw_class_members", {})
        found = cache.get(id(self))
        if found is None:
            found = cache[id(self)] = self._raw_members(ctx)
        return found

    def _raw_members(self, ctx: Context) -> set[int]:
        units = ctx.units_for(self.scope)
        members = {o.block.index for o in self.match.occurrences(ctx, units, ctx.lowered(self.scope))}
        if self.links is not None:
            # One pass over all link targets (same answer as asking each target alone, far fewer calls).
            members.update(o.block.index for o in self.links.occurrences(ctx, ctx.units("url")))
        if self.unless is not None and members:
            blocks = ctx.doc.blocks
            members = {i for i in members if not self.unless.present(ctx, [Unit(blocks[i], 0, len(blocks[i].text))])}
        if members:
            # Images sit with the promotion they illustrate: same container (of a prose member: an image that
            # is a member by its own alt text does not bring its neighbours in).
            blocks = ctx.doc.blocks
            groups = {blocks[i].group for i in members if i >= 0 and blocks[i].kind != "image"}
            for b in ctx.doc.blocks:
                if b.kind == "image" and b.group in groups:
                    members.add(b.index)
        members.discard(-1)
        return members


@dataclass
class Condition:
    """A rule's precondition (``when``): the rule runs only on documents where this holds."""

    match: PatternSet
    scope: tuple[str, ...]
    min_count: int = 1
    min_per_1000_words: float = 0.0
    key: str = ""  # the precondition as written: rules sharing one (a YAML alias) share its answer per document

    def holds(self, ctx: Context) -> bool:
        if not self.key:
            return self._holds(ctx)
        cache = ctx.conditions
        answer = cache.get(self.key)
        if answer is None:
            answer = cache[self.key] = self._holds(ctx)
        return answer

    def _holds(self, ctx: Context) -> bool:
        units = ctx.units_for(self.scope)
        presence_only = self.min_count == 1 and not self.min_per_1000_words
        found = self.match.occurrences(ctx, units, ctx.lowered(self.scope), first_only=presence_only)
        if len(found) < self.min_count:
            return False
        if self.min_per_1000_words:
            words = sum(len(u.text.split()) for u in units)
            if words == 0 or len(found) * 1000.0 / words < self.min_per_1000_words:
                return False
        return True


@dataclass
class Example:
    text: str
    format: str  # html | markdown
    line: int


@dataclass(init=False)
class Rule:
    id: str
    pack: str
    severity: str
    message: str
    description: str
    references: list[str]
    scope: tuple[str, ...]
    parts: list[tuple[Check, tuple[str, ...] | None]]
    kind: str
    when: Condition | None
    fail_examples: list[Example]
    pass_examples: list[Example]
    file: str
    line: int
    summary: str
    voices: tuple[str, ...]
    languages: dict[str, int]
    definitions: tuple[str, ...]
    pages: str

    def __init__(
        self,
        id: str,
        pack: str,
        severity: str,
        message: str,
        description: str,
        references: list[str],
        scope: tuple[str, ...],
        parts: list[tuple[Check, tuple[str, ...] | None]],
        kind: str,
        when: Condition | None = None,
        fail_examples: list[Example] | None = None,
        pass_examples: list[Example] | None = None,
        file: str = "",
        line: int = 0,
        summary: str = "",
        voices: tuple[str, ...] = ("own", "quoted", "reported"),
        languages: dict[str, int] | None = None,
        definitions: tuple[str, ...] = (),
        pages: str = "all",
    ) -> None:
        self.id = id
        self.pack = pack
        self.severity = severity
        self.message = message
        self.description = description
        self.references = references
        self.scope = scope
        self.parts = parts  # each check with its own scope, if it overrides
        self.kind = kind
        self.when = when
        self.fail_examples = [] if fail_examples is None else fail_examples
        self.pass_examples = [] if pass_examples is None else pass_examples
        self.file = file
        self.line = line
        self.summary = summary
        self.voices = voices  # whose text the rule reports (see voices.py)
        # How many of the patterns it reports apply in blocks of which languages ("any", "hi", "hinglish"...).
        self.languages = {} if languages is None else languages
        self.definitions = definitions  # the shared definitions (``use:``) its pattern sets were written with
        self.pages = pages  # all | articles: not on a regulated advertiser's own page (``Context.advertiser_page``)

    def format_message(self, values: dict[str, Any]) -> str:
        return fill_placeholders(self.message, values)

    @cached_property
    def placeholders(self) -> frozenset[str]:
        """The names the message fills in (``{match}`` -> ``match``; ``{{match}}`` is literal text)."""
        return frozenset(m.group(1) for m in _PLACEHOLDER.finditer(self.message) if m.group(1))


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill_placeholders(template: str, values: dict[str, Any]) -> str:
    """``{name}`` -> the value, ``{{``/``}}`` -> a brace; anything else stays as written.

    Not ``str.format``: a rule file is untrusted, and ``{match.__class__}``, ``{match:>9999999999}`` or a
    stray ``{`` would read attributes, exhaust memory or raise on every file the rule matched.
    """

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name is None:
            return m.group()[0]
        return str(values[name]) if name in values else m.group()

    return _PLACEHOLDER.sub(one, template)


@dataclass(init=False)
class Pack:
    name: str
    description: str
    references: list[str]
    file: str
    rules: list[Rule]
    classes: dict[str, BlockClass]

    def __init__(
        self,
        name: str,
        description: str,
        references: list[str],
        file: str,
        rules: list[Rule] | None = None,
        classes: dict[str, BlockClass] | None = None,
    ) -> None:
        self.name = name
        self.description = description
        self.references = references
        self.file = file
        self.rules = [] if rules is None else rules
        self.classes = {} if classes is None else classes
