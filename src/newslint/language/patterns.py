"""Compile the three ways a rule names text (``patterns``, ``words``, ``statements``) into regular expressions.

* ``patterns`` are regular expressions in the ``regex`` module's syntax, case-insensitive unless asked.
* ``words`` are literal phrases: escaped, word-bounded, any whitespace between words, and a hyphen equal to a
  space ("sure-shot" = "sure shot").
* ``statements`` are mandated sentences: words in order with any whitespace, punctuation spacing free, the
  final full stop optional, case free. Quotes and dashes are folded in the text already.

Each compiled pattern also gets a *prefilter*: up to four sets of literals such that any text the pattern can
match holds a literal of each set (see ``literals``).
"""

from __future__ import annotations

import re
import time
from typing import Any

import regex

from newslint.document.textbuild import fold
from newslint.language import expression_scan, expression_store
from newslint.language.devanagari import spelling_variants
from newslint.language.literals import (
    exact_leading_literals,
    exact_literal_sets,
    leading_literals,
    required_literal_sets,
)


class RuleTimeout(Exception):
    """A pattern ran out of its time budget."""


class PatternError(Exception):
    """A pattern that does not compile."""


def words_to_regex(phrase: str) -> str:
    tokens = [t for t in re.split(r"[\s\-\u2010-\u2015]+", fold(phrase)) if t]
    if not tokens:
        raise PatternError(f"empty phrase {phrase!r}")
    body = r"(?:\s+|\s*-\s*)".join(regex.escape(t) for t in tokens)
    head = r"(?<!\w)" if re.match(r"\w", tokens[0]) else ""
    tail = r"(?!\w)" if re.search(r"\w$", tokens[-1]) else ""
    return head + body + tail


def terms_to_regex(phrase: str, lazy: bool = False) -> str:
    """``words_to_regex``, with the phrase's last word matching each of its inflected forms ("assured
    return": returns; "promise": promises, promised, promising). ``lazy``: only check the phrase (validation
    must not import the inflection library)."""
    tokens = [t for t in re.split(r"[\s\-\u2010-\u2015]+", fold(phrase)) if t]
    if not tokens:
        raise PatternError(f"empty phrase {phrase!r}")
    if lazy:
        return ""
    from newslint.language.lexicons.forms import inflections

    last = tokens[-1]
    forms = inflections(last) if last.isalpha() else (last,)
    if last.lower() not in forms:
        forms = (last, *forms)
    body = r"(?:\s+|\s*-\s*)".join(regex.escape(t) for t in tokens[:-1])
    alternatives = "|".join(regex.escape(f) for f in forms)
    body = (body + r"(?:\s+|\s*-\s*)" if body else "") + f"(?:{alternatives})"
    head = r"(?<!\w)" if re.match(r"\w", tokens[0]) else ""
    return head + body + r"(?!\w)"


def statement_to_regex(statement: str) -> str:
    text = fold(statement)
    tokens = re.findall(r"\w+|[^\w\s]", text)
    if not tokens:
        raise PatternError(f"empty statement {statement!r}")
    optional_stop = tokens[-1] == "."
    if optional_stop:
        tokens = tokens[:-1]
    parts = []
    for i, tok in enumerate(tokens):
        if i:
            prev = tokens[i - 1]
            parts.append(
                r"\s+" if (prev[0].isalnum() or prev[0] == "_") and (tok[0].isalnum() or tok[0] == "_") else r"\s*"
            )
        parts.append(regex.escape(tok))
    out = r"(?<!\w)" + "".join(parts)
    out += r"(?:\s*\.)?" if optional_stop else r"(?!\w)"
    return out


# -- prefilter ------------------------------------------------------------------------------------------


def required_literals(source: str, case_sensitive: bool) -> frozenset[str] | None:
    """Literals (case keys) one of which must occur for ``source`` to match; ``None`` when unknown."""
    sets = required_literal_sets(source, case_sensitive)
    return sets[0] if sets else None


# Prefilters already derived, by (expression, case_sensitive): the built-in packs ship theirs
# (``rules/compiled.json``, see ``precompiled``), which saves deriving them at every start.
KNOWN_LITERALS: dict[tuple[str, bool], tuple[frozenset[str], ...]] = {}
# Where matches can start (``leading_literals``), by expression: shipped with the packs' prefilters too.
KNOWN_LEADING: dict[str, frozenset[str] | None] = {}
# The exact-case prefilter and starts of an expression with case-sensitive parts (``exact_literal_sets``,
# ``exact_leading_literals``), by (expression, case_sensitive): shipped with the packs' prefilters too.
KNOWN_EXACT: dict[tuple[str, bool], tuple[tuple[frozenset[str], ...], frozenset[str] | None]] = {}
NO_EXACT: tuple[tuple[frozenset[str], ...], frozenset[str] | None] = ((), None)
UNKNOWN: Any = object()


NO_LIMIT: dict[str, float] = {}  # the keyword arguments of a call that a timer interrupts (no ``timeout=``)


# -- compiled pattern ------------------------------------------------------------------------------------


# (expression, case-sensitive) -> a small number, for ``Pattern.memo_key``
_MEMO_KEYS: dict[tuple[str, bool], int] = {}


class Pattern:
    """One compiled expression, with its origin and prefilter. Compiled once per run, on first use."""

    __slots__ = (
        "_compiled",
        "_exact",
        "_has_group",
        "_leading",
        "_literal_sets",
        "_memo_key",
        "_plan",
        "_scan_generation",
        "_scan_id",
        "_source",
        "case_sensitive",
        "kind",
        "line",
        "text",
    )

    def __init__(self, text: str, kind: str, case_sensitive: bool, line: int = 0) -> None:
        self.text = text  # as written in the rule file
        self.kind = kind  # pattern | words | statement
        self.case_sensitive = case_sensitive
        self.line = line
        # Every kind becomes its expression on first use (Devanagari spellings included): validation has tried
        # them already (rule files) or the test suite has (built-in packs), and most patterns of a run are
        # never needed.
        self._source: str | None = None
        self._compiled: Any = None
        self._has_group = False  # whether a group named "match" narrows the reported span
        self._literal_sets: tuple[frozenset[str], ...] | None = None  # None: not derived yet
        self._leading: Any = UNKNOWN  # where a match can start (``leading``), derived on first use
        self._exact: Any = UNKNOWN  # the exact-case prefilter and starts (``exact``), derived on first use
        self._memo_key = -1  # the expression's number in ``_MEMO_KEYS``, given on first use
        self._scan_id = -2  # the expression's number in the scan database (``expression_scan``), -1: none
        self._scan_generation = 0  # the database that number is in (``expression_scan.generation``)
        self._plan: tuple[Any, ...] | None = None  # what a pattern set's search asks of it (``plan``)

    @property
    def memo_key(self) -> int:
        """A number shared by every pattern with the same expression and case sensitivity: what a document's
        memo of matches (``Context.matches``) is keyed on, so that the packs' many copies of one expression
        (YAML aliases, the same trigger in several rules) run once per text."""
        key = self._memo_key
        if key < 0:
            key = self._memo_key = _MEMO_KEYS.setdefault((self.regex_source, self.case_sensitive), len(_MEMO_KEYS))
        return key

    @property
    def scan_id(self) -> int:
        """The expression's number in the one-pass scan database (``expression_scan``), or -1 when it has
        none (no database, or an expression outside the built-in packs)."""
        found = self._scan_id
        if found == -2 or self._scan_generation != expression_scan.generation:
            database = expression_scan.database()
            found = self._scan_id = database.id_of(self.regex_source) if database is not None else -1
            self._scan_generation = expression_scan.generation
        return found

    def plan(self) -> tuple[Any, ...]:
        """What a pattern set's search asks of the pattern before it looks at any unit, gathered once (it is
        asked for each pattern of each set, several hundred times a page): the scan database's generation, the
        literal sets, the exact-case sets and leading literals, whether the search wants a unit's case key
        (leading literals and no exact-case ones), ``memo_key`` and ``scan_id``."""
        plan = self._plan
        if plan is None or plan[0] != expression_scan.generation:
            exact_sets, exact_leading = self.exact
            wants_lower = exact_leading is None and self.leading is not None
            plan = (expression_scan.generation, self.literal_sets, exact_sets, exact_leading, wants_lower)
            plan = self._plan = (*plan, self.memo_key, self.scan_id)
        return plan

    @property
    def regex_source(self) -> str:
        """The expression: a pattern as written, words and statements turned into one."""
        source = self._source
        if source is None:
            if self.kind not in ("words", "terms", "statement"):
                source = self.text  # a regular expression as written
            elif self.kind == "words":
                source = words_to_regex(self.text)
            elif self.kind == "terms":
                source = terms_to_regex(self.text)
            else:
                source = statement_to_regex(self.text)
            source = self._source = spelling_variants(source)
        return source

    @property
    def literal_sets(self) -> tuple[frozenset[str], ...]:
        """The prefilter (see ``required_literal_sets``), derived on first use: patterns behind a trigger that
        never fires never need one."""
        sets = self._literal_sets
        if sets is None:
            key = (self.regex_source, self.case_sensitive)
            sets = KNOWN_LITERALS.get(key)
            if sets is None:
                sets = required_literal_sets(self.regex_source, self.case_sensitive)
            self._literal_sets = sets
        return sets

    @property
    def leading(self) -> frozenset[str] | None:
        """The case keys one of which every match starts with (``leading_literals``), or ``None``."""
        found = self._leading
        if found is UNKNOWN:
            source = self.regex_source
            found = KNOWN_LEADING[source] if source in KNOWN_LEADING else leading_literals(source)
            self._leading = found
        return found

    @property
    def exact(self) -> tuple[tuple[frozenset[str], ...], frozenset[str] | None]:
        """What the expression's case-sensitive parts require, in the case they spell it: literal sets a text
        must hold (checked on the unit's own text after the case-key prefilter) and the literals a match
        starts with (``exact_literal_sets``, ``exact_leading_literals``); ``((), None)`` when none."""
        found = self._exact
        if found is UNKNOWN:
            key = (self.regex_source, self.case_sensitive)
            found = KNOWN_EXACT.get(key)
            if found is None:
                if not self.case_sensitive and "(?-i" not in key[0]:
                    found = NO_EXACT
                else:
                    found = (exact_literal_sets(*key), exact_leading_literals(*key))
            self._exact = found
        return found

    def compile(self) -> Any:
        if self._compiled is None:
            source = self.regex_source
            # The built-in packs' expressions come ready-made from the wheel's store; anything else compiles.
            compiled = expression_store.rebuild(source, self.case_sensitive)
            if compiled is None:
                try:
                    compiled = regex.compile(source, expression_store.pattern_flags(self.case_sensitive))
                except (regex.error, OverflowError, RecursionError, ValueError) as exc:
                    raise PatternError(f"invalid regular expression {self.text!r}: {exc}") from None
            self._has_group = "match" in compiled.groupindex
            self._compiled = compiled
        return self._compiled

    def _start(self, deadline: float | None) -> tuple[Any, dict[str, float]]:
        """The compiled expression and the keyword arguments of a call: none when a timer interrupts the rule
        (``deadline`` None, see ``time_limit``), else the time left before ``deadline`` (none left:
        ``RuleTimeout``)."""
        compiled = self._compiled or self.compile()
        if deadline is None:
            return compiled, NO_LIMIT
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuleTimeout()
        return compiled, {"timeout": remaining}

    def finditer(self, text: str, deadline: float | None, lower: str | None = None) -> list[tuple[int, int, str]]:
        """Non-empty matches as ``(start, end, text)``; a group named ``match`` narrows the span. Obeys the
        deadline. With ``lower``, the case key of ``text`` (``Unit.lower``), an expression whose matches start
        with known literals is tried only where they occur (``_starts``). (Loops, not a generator: this is the
        innermost loop of matching.)"""
        compiled, limit = self._start(deadline)
        try:
            starts = self._starts(text, lower)
            if starts is not None:
                found = self._match_at(compiled, text, starts, limit, False)
                if found is not None:
                    return found
            out = []
            if self._has_group:
                for m in compiled.finditer(text, **limit):
                    a, b = m.span("match") if m.start("match") >= 0 else m.span()
                    if b > a:
                        out.append((a, b, text[a:b]))
            else:
                for m in compiled.finditer(text, **limit):
                    a, b = m.span()
                    if b > a:
                        out.append((a, b, text[a:b]))
        except TimeoutError:
            raise RuleTimeout() from None
        return out

    def first(self, text: str, deadline: float | None, lower: str | None = None) -> tuple[int, int, str] | None:
        """The first match ``finditer`` would give, without looking for the others (a presence test)."""
        compiled, limit = self._start(deadline)
        try:
            starts = self._starts(text, lower)
            if starts is not None:
                found = self._match_at(compiled, text, starts, limit, True)
                if found is not None:
                    return found[0] if found else None
            for m in compiled.finditer(text, **limit):
                a, b = m.span("match") if self._has_group and m.start("match") >= 0 else m.span()
                if b > a:
                    return a, b, text[a:b]
        except TimeoutError:
            raise RuleTimeout() from None
        return None

    def _starts(self, text: str, lower: str | None) -> list[int] | None:
        """The sorted offsets where a match may start: where ``text`` holds an exact-case leading literal
        (``exact``), else where ``lower`` holds a leading literal (``leading``); ``None`` when not known (no
        leading literals, no ``lower``, or a case key of another length)."""
        exact = self._exact
        if exact is UNKNOWN:
            exact = self.exact
        leading = exact[1]
        if leading is not None:
            find = text.find
        else:
            if lower is None or len(lower) != len(text):
                return None
            leading = self._leading
            if leading is UNKNOWN:
                leading = self.leading
            if leading is None:
                return None
            find = lower.find
        starts: list[int] = []
        for lit in leading:
            at = find(lit)
            while at >= 0:
                starts.append(at)
                at = find(lit, at + 1)
        if len(leading) > 1:
            starts.sort()
        return starts

    def _match_at(
        self, compiled: Any, text: str, starts: list[int], limit: dict[str, float], first_only: bool
    ) -> list[tuple[int, int, str]] | None:
        """What ``finditer`` gives, found by trying the expression at each of ``starts`` in turn, from the end of
        the last match on (no match can start anywhere else, see ``leading_literals``); ``None`` on an empty
        match, whose successor the search's own rules decide."""
        out: list[tuple[int, int, str]] = []
        match = compiled.match
        group = self._has_group
        pos = 0
        for s in starts:
            if s < pos:
                continue
            m = match(text, s, **limit)
            if m is None:
                continue
            a, b = m.span()
            if b == a:
                return None
            pos = b
            if group and m.start("match") >= 0:
                a, b = m.span("match")
            if b > a:
                out.append((a, b, text[a:b]))
                if first_only:
                    return out
        return out

    def search(self, text: str, deadline: float | None) -> bool:
        compiled, limit = self._start(deadline)
        try:
            return compiled.search(text, **limit) is not None
        except TimeoutError:
            raise RuleTimeout() from None
