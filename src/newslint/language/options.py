"""Option types shared by several checks: pattern sets, scopes, regions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newslint.document.model import BLOCK_KINDS, METADATA_FIELDS
from newslint.language.context import BLOCK_SCOPES, WITHIN
from newslint.language.patterns import PatternError, statement_to_regex, terms_to_regex, words_to_regex
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


# Per thread: the editor server and the API load rule sets on several threads at once, and a shared flag
# restored by one thread while another still holds it would leave every later validation skipping expressions.
_state = threading.local()


@contextmanager
def trusted_patterns() -> Iterator[None]:
    """Skip compiling expressions during validation (built-in packs: the test suite compiles every one).

    Compiling is most of the cost of loading a pack (the ``regex`` module compiles in Python); the built-in
    packs then compile each expression on first use, so a run pays only for what its files need.
    """
    previous = getattr(_state, "trusted", False)
    _state.trusted = True
    try:
        yield
    finally:
        _state.trusted = previous


def check_regex(value: str) -> str | None:
    if getattr(_state, "trusted", False):
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


def _check_terms(value: str) -> str | None:
    try:
        terms_to_regex(value, lazy=True)
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
    if value in ("sentence", "block", "row", "section", "document", "body"):
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
VOICE_NAMES = ("own", "quoted", "reported")
VOICES_LIST = AnyOf(
    (Str(enum=VOICE_NAMES), ListOf(Str(enum=VOICE_NAMES), min_items=1)),
    doc="Voices: own (the page's own text), quoted (inside quotation marks or a block quote), reported (said, "
    "claimed, alleged, according to...). One or a list.",
)
LANGUAGE_NAMES = ("en", "hi", "hinglish")
LANG_LIST = AnyOf(
    (Str(enum=LANGUAGE_NAMES), ListOf(Str(enum=LANGUAGE_NAMES), min_items=1)),
    doc="Languages: en (English), hi (Hindi in Devanagari), hinglish (romanised Hindi). One or a list.",
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
    "terms": Field(
        ListOf(Str(check=_check_terms), single=True),
        doc="Like `words`, and each phrase's last word also matches its inflected forms (promise: promises, "
        "promised, promising; analyst: analysts), generated by an English inflection library.",
    ),
    "statements": Field(
        ListOf(Str(check=_check_statement), single=True),
        doc="Mandated statements: exact words in order; case, spacing, quotes and the final full stop may differ.",
    ),
    "case_sensitive": Field(Bool(), doc="Match case exactly (default false)."),
    "voices": Field(VOICES_LIST, doc="Matches count only in these voices (default: the rule's `voices`)."),
    "lang": Field(
        LANG_LIST,
        doc="Matches count only in blocks read in these languages: en (English, Hinglish and Hindi blocks), "
        "hi (Hindi blocks), hinglish (Hinglish blocks); default: every block. See docs/claims-and-languages.md.",
    ),
    "negation": Field(
        Bool(),
        doc="A match is exempt when a negation or hedge governs it in its own clause (no, not, never, without, "
        "beware of, नहीं, nahi...); 'Reg. No.' and 'not only ... but also' are not negations.",
    ),
    "use": Field(
        Str(pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*", pattern_hint="a definition's name: kebab-case"),
        doc="A shared definition (`definitions:` of this or an earlier rule file, or the built-in "
        "rules/definitions.yaml): its keys, plus the ones given beside `use`, which add to them or replace them.",
    ),
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
