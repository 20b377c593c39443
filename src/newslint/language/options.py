"""Option types shared by several checks: pattern sets, scopes, regions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newslint.document.model import BLOCK_KINDS, METADATA_FIELDS
from newslint.language.context import BLOCK_SCOPES, WITHIN
from newslint.language.patterns import PatternError, statement_to_regex, words_to_regex
from newslint.language.spec import AnyOf, Bool, Field, ListOf, Obj, Ref, Str

PLAIN_SCOPES = (
    "document",
    "body",
    "furniture",
    "title",
    *BLOCK_SCOPES,
    "sentence",
    "link",
    "url",
    "alt",
    "image",
)


_trusted = False


@contextmanager
def trusted_patterns() -> Iterator[None]:
    """Skip compiling expressions during validation (built-in packs: the test suite compiles every one).

    Compiling is most of the cost of loading a pack (the ``regex`` module compiles in Python); the built-in
    packs then compile each expression on first use, so a run pays only for what its files need.
    """
    global _trusted
    previous, _trusted = _trusted, True
    try:
        yield
    finally:
        _trusted = previous


def check_regex(value: str) -> str | None:
    if _trusted:
        return None
    import regex

    try:
        regex.compile(value, regex.IGNORECASE | regex.VERSION0)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        return f"invalid regular expression {value!r}: {exc}"
    return None


def _check_words(value: str) -> str | None:
    try:
        words_to_regex(value)
    except PatternError as exc:
        return str(exc)
    return None


def _check_statement(value: str) -> str | None:
    try:
        statement_to_regex(value)
    except PatternError as exc:
        return str(exc)
    return None


def check_scope(value: str) -> str | None:
    if value in PLAIN_SCOPES:
        return None
    if value.startswith("section:"):
        return check_regex(value[len("section:") :])
    if value.startswith("meta:"):
        field = value[len("meta:") :]
        if field not in METADATA_FIELDS:
            return f"unknown metadata field {field!r} (one of {', '.join(METADATA_FIELDS)})"
        return None
    return f"unknown scope {value!r} (one of {', '.join(PLAIN_SCOPES)}, section:<pattern>, meta:<field>)"


def check_within(value: str) -> str | None:
    if value in ("sentence", "block", "section", "document", "body"):
        return None
    if value.startswith("section:"):
        return check_regex(value[len("section:") :])
    return f"unknown region {value!r} (one of {', '.join(WITHIN)})"


REGEX = Str(doc="A regular expression (Python `regex` module syntax).", check=check_regex)
SCOPE = AnyOf(
    (
        Str(check=check_scope, examples=("body", "sentence", "section:disclaimer", "meta:authors")),
        ListOf(Str(check=check_scope), min_items=1),
    ),
    doc="Where to look: " + ", ".join(PLAIN_SCOPES) + ", section:<heading pattern>, meta:<field>; or a list.",
)
WITHIN_ONE = Str(check=check_within, doc="A region around a match: " + ", ".join(WITHIN) + ".")
WITHIN_LIST = AnyOf((WITHIN_ONE, ListOf(WITHIN_ONE, min_items=1)), doc="One region or a list (any suffices).")


def _pattern_list_shorthand(value: Any) -> dict[str, Any] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return {"patterns": value}
    if isinstance(value, str):
        return {"patterns": [value]}
    return None


PATTERN_SET_FIELDS: dict[str, Field] = {
    "patterns": Field(ListOf(REGEX, single=True), doc="Regular expressions; a group named `match` narrows the span."),
    "words": Field(
        ListOf(Str(check=_check_words), single=True),
        doc="Literal phrases: word-bounded, any whitespace between words, hyphen = space.",
    ),
    "statements": Field(
        ListOf(Str(check=_check_statement), single=True),
        doc="Mandated statements: exact words in order; case, spacing, quotes and the final full stop may differ.",
    ),
    "case_sensitive": Field(Bool(), doc="Match case exactly (default false)."),
    "any": Field(ListOf(Ref("PatternSet"), min_items=1), doc="More pattern sets whose matches are added."),
    "class": Field(Str(), doc="Only inside blocks of this class (see the pack's `classes`)."),
    "in_section": Field(REGEX, doc="Only in blocks under a heading, label line or 'Label:' lead-in matching this."),
    "kinds": Field(ListOf(Str(enum=BLOCK_KINDS), min_items=1), doc="Only in blocks of these kinds."),
    "near": Field(Ref("PatternSet"), doc="A match counts only when this also occurs near it."),
    "near_within": Field(WITHIN_ONE, doc="Where `near` must occur (default: sentence)."),
    "unless": Field(Ref("PatternSet"), doc="A match is exempt when this occurs near it."),
    "unless_within": Field(WITHIN_ONE, doc="Where `unless` looks (default: sentence)."),
}

PATTERN_SET = Obj(
    "PatternSet",
    PATTERN_SET_FIELDS,
    doc="What text to match. A plain list is short for `patterns:`.",
    shorthand=_pattern_list_shorthand,
    shorthand_schema=AnyOf((Str(), ListOf(Str()))),
)


def pattern_set_fields(**extra: Field) -> dict[str, Field]:
    out = dict(PATTERN_SET_FIELDS)
    out.update(extra)
    return out
