"""The rule-file language, declared once: validation, the JSON Schema and the docs all come from here."""

from __future__ import annotations

from typing import Any

from newslint.checks import CHECKS
from newslint.language.model import SEVERITIES
from newslint.language.options import PATTERN_SET, SCOPE, VOICES_LIST, pattern_set_fields
from newslint.language.spec import AnyOf, Field, Int, ListOf, MapOf, Num, Obj, Ref, Str, Type

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID = Str(pattern=ID_PATTERN, pattern_hint="use kebab-case: lower-case words and digits joined by '-'")


def _example_shorthand(value: Any) -> dict[str, Any] | None:
    return {"text": value} if isinstance(value, str) else None


EXAMPLE = Obj(
    "Example",
    {
        "text": Field(Str(), required=True, doc="The snippet: Markdown, or HTML if it starts with '<'."),
        "format": Field(Str(enum=("html", "markdown")), doc="Force the snippet's format."),
    },
    doc="A snippet, as text or {text, format}.",
    shorthand=_example_shorthand,
    shorthand_schema=Str(),
)

EXAMPLES = Obj(
    "Examples",
    {
        "fail": Field(ListOf(Ref("Example")), doc="Snippets on which the rule must report."),
        "pass": Field(ListOf(Ref("Example")), doc="Snippets on which the rule must stay silent."),
    },
    doc="Examples double as tests: `newslint test` checks them.",
)

WHEN = Obj(
    "When",
    pattern_set_fields(
        scope=Field(SCOPE, doc="Where to count (default: body)."),
        min_count=Field(Int(minimum=1), doc="At least this many matches (default 1)."),
        min_per_1000_words=Field(Num(minimum=0.0), doc="At least this many matches per 1,000 words of the scope."),
    ),
    doc="A precondition: the rule runs only on documents where this holds.",
)

CLASS = Obj(
    "Class",
    {
        "description": Field(Str(), doc="What the class is."),
        "match": Field(Ref("PatternSet"), required=True, doc="Blocks whose text matches are members."),
        "links": Field(Ref("PatternSet"), doc="Blocks with a link whose target matches are members too."),
        "unless": Field(Ref("PatternSet"), doc="Blocks where this occurs are not members."),
        "scope": Field(SCOPE, doc="Where members are looked for (default: document)."),
        "house": Field(
            Str(enum=("exclude", "only")),
            doc="exclude: leave out the publisher's promotions of its own non-financial products (its app, "
            "newsletter, channel, events); only: just those.",
        ),
    },
    doc="A named class of blocks, e.g. promotional calls to action.",
)


def _with_scope(obj: Obj) -> Obj:
    """A check's options plus an optional `scope` override (used when a rule lists several parts)."""
    fields = dict(obj.fields)
    fields["scope"] = Field(SCOPE, doc="Overrides the rule's scope for this part.")
    return Obj(obj.name, fields, obj.doc, obj.exactly_one_of, obj.shorthand, obj.shorthand_schema)


CHECK_OPTIONS: dict[str, Obj] = {kind: _with_scope(cls.options) for kind, cls in CHECKS.items()}

RULE = Obj(
    "Rule",
    {
        "id": Field(ID, required=True, doc="Unique id, kebab-case."),
        "severity": Field(Str(enum=SEVERITIES), required=True, doc="error, warning or info."),
        "message": Field(Str(), required=True, doc="What the editor reads; placeholders such as {match}."),
        "description": Field(Str(), required=True, doc="Why the rule exists, in plain words."),
        "summary": Field(Str(), doc="One line for `newslint rules` (default: the description's first sentence)."),
        "references": Field(ListOf(Str(), single=True), doc="URLs or circular numbers of the regulation."),
        "scope": Field(SCOPE, doc="Where the check looks (default: body)."),
        "when": Field(Ref("When"), doc="Run only when this precondition holds."),
        "voices": Field(
            VOICES_LIST,
            doc="Whose text the rule's findings may be in: own (the page's voice), quoted, reported (default: "
            "the pack's `voices`, else all three). See docs/claims-and-languages.md.",
        ),
        "pages": Field(
            Str(enum=("all", "articles")),
            doc="Which pages the rule checks: all (default), or articles: not a regulated advertiser's own page (a "
            "broker's account-opening page, a fund house's scheme page), which has no byline or dateline to give.",
        ),
        "examples": Field(Ref("Examples"), doc="fail/pass snippets, checked by `newslint test`."),
        **{
            kind: Field(AnyOf((Ref(f"check.{kind}"), ListOf(Ref(f"check.{kind}"), min_items=1))), doc=cls.summary)
            for kind, cls in CHECKS.items()
        },
    },
    doc="A rule: metadata plus exactly one check kind.",
    exactly_one_of=tuple(CHECKS),
)

PACK = Obj(
    "Pack",
    {
        "pack": Field(ID, required=True, doc="The pack's name."),
        "description": Field(Str(), doc="What the pack checks."),
        "references": Field(ListOf(Str(), single=True), doc="Sources for the pack as a whole."),
        "classes": Field(MapOf(Ref("Class"), key=ID), doc="Named classes of blocks used by the pack's rules."),
        "voices": Field(VOICES_LIST, doc="The default `voices` of the pack's rules and classes (default: all three)."),
        "definitions": Field(
            MapOf(Ref("PatternSet"), key=ID),
            doc="Named pattern sets that this file's and later files' pattern sets can `use`.",
        ),
        "rules": Field(ListOf(Ref("Rule"), min_items=1), required=True, doc="The rules."),
    },
    doc="A newslint rule file.",
)

# A file of definitions only (the built-in rules/definitions.yaml, or a house's shared vocabulary).
DEFINITIONS_FILE = Obj(
    "DefinitionsFile",
    {
        "description": Field(Str(), doc="What the definitions are for."),
        "definitions": Field(
            MapOf(Ref("PatternSet"), key=ID), required=True, doc="Named pattern sets that rule files can `use`."
        ),
    },
    doc="A newslint file of shared definitions (no pack, no rules).",
)

DEFS: dict[str, Type] = {
    "PatternSet": PATTERN_SET,
    "Example": EXAMPLE,
    "Examples": EXAMPLES,
    "When": WHEN,
    "Class": CLASS,
    "Rule": RULE,
    **{f"check.{kind}": obj for kind, obj in CHECK_OPTIONS.items()},
}


def json_schema() -> dict[str, Any]:
    schema = PACK.schema(DEFS)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newslint.dev/schema/rules.json"
    schema["title"] = "newslint rule file"
    schema["$defs"] = {name: t.schema(DEFS) for name, t in sorted(DEFS.items())}
    return schema
