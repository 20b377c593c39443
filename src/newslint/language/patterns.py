"""Compile the three ways a rule names text (``patterns``, ``words``, ``statements``) into regular expressions.

* ``patterns`` are regular expressions in the ``regex`` module's syntax, case-insensitive unless asked.
* ``words`` are literal phrases: escaped, word-bounded, any whitespace between words, and a hyphen equal to a
  space ("sure-shot" = "sure shot").
* ``statements`` are mandated sentences: words in order with any whitespace, punctuation spacing free, the
  final full stop optional, case free. Quotes and dashes are folded in the text already.

Each compiled pattern also gets a *prefilter*: up to four sets of lower-case literals such that any text the
pattern can match holds a literal of each set (derived from the parsed expression: "(?:click|tap) here to
(?:open|join)" needs "here", one of "open"/"join" and one of "click"/"tap"). Most rules never fire on most
documents, and ``str`` searches over lower-cased text decide that many times faster than running the
expression.
"""

from __future__ import annotations

import re

# CPython's own regular-expression parser (3.11+): good enough to find required literals.
import re._constants as _sre_c
import re._parser as _sre_parse
import time
from typing import Any

import regex

from newslint.document.textbuild import fold
from newslint.language import expression_store


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


# -- prefilter -------------------------------------------------------------------------------------------


MAX_ALTERNATIVES = 32  # a literal run that branches into more spellings than this is cut


def _class_chars(av: Any) -> list[str] | None:
    """The characters of a small character class (``[AHZPM]``, ``[sS]``), or ``None`` for anything wider."""
    chars: list[str] = []
    for op, value in av:
        if op is _sre_c.LITERAL:
            chars.append(chr(value))
        elif op is _sre_c.RANGE and value[1] - value[0] < 8:
            chars.extend(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return chars if 0 < len(chars) <= 8 else None


def _leading_literals(items: Any) -> tuple[str, bool]:
    """The literal characters a parsed sequence starts with, and whether that is all it is."""
    chars = []
    for op, av in items:
        if op is _sre_c.LITERAL:
            chars.append(chr(av))
        elif op is not _sre_c.AT:
            return "".join(chars), False
    return "".join(chars), True


def _best(candidates: list[set[str]]) -> set[str]:
    """The most selective requirement: its shortest spelling is longest, then it has the fewest spellings."""
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _seq_requirements(items: Any, depth: int = 0) -> list[set[str]]:
    """Sets of literals such that every match of this sequence contains one literal of each set (all of them
    are required at once: they come from consecutive parts of one sequence); empty when none is known.

    A run of literal characters becomes a set; a small character class inside a run multiplies its spellings
    (``IN[AHZ]`` -> ``INA``, ``INH``, ``INZ``); a group or a repeat of at least one adds the sets of its
    content; an alternation adds the union of each alternative's best set.
    """
    if depth > 20:
        return []
    candidates: list[set[str]] = []
    run: list[str] = [""]

    def end_run() -> None:
        if run != [""]:
            candidates.append(set(run))
        run[:] = [""]

    for op, av in items:
        if op is _sre_c.LITERAL:
            c = chr(av)
            run[:] = [r + c for r in run]
        elif op is _sre_c.AT:
            continue  # zero-width anchors do not break a literal run
        elif op is _sre_c.IN:
            chars = _class_chars(av)
            if chars is None or len(run) * len(chars) > MAX_ALTERNATIVES:
                end_run()
            else:
                run[:] = [r + c for r in run for c in chars]
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None)):
            end_run()
            lo, _hi, sub = av
            if lo >= 1:
                candidates.extend(_seq_requirements(sub, depth + 1))
        elif op is _sre_c.SUBPATTERN:
            end_run()
            candidates.extend(_seq_requirements(av[-1], depth + 1))
        elif op is getattr(_sre_c, "ATOMIC_GROUP", None):
            end_run()
            candidates.extend(_seq_requirements(av, depth + 1))
        elif op is _sre_c.BRANCH:
            # The parser factors a common prefix out of alternatives ("RA|RIA" is R, then A|IA): a run before
            # a branch goes on into each alternative's leading literals, and past the branch when every
            # alternative is nothing but literals.
            leads = [_leading_literals(alt) for alt in av[1]]
            if run != [""] and len(run) * len(leads) <= MAX_ALTERNATIVES:
                extended = [r + lead for r in run for lead, _whole in leads]
                if all(whole for _lead, whole in leads):
                    run[:] = extended
                    continue
                candidates.append(set(extended))
            end_run()
            union: set[str] = set()
            for alt in av[1]:
                req = _seq_requirements(alt, depth + 1)
                if not req:
                    union = set()
                    break
                union |= _best(req)
            if union:
                candidates.append(union)
        else:
            end_run()
    end_run()
    return candidates


MAX_LITERAL_SETS = 4  # the prefilter's sets, most selective first; more cost more searches than they save


def required_literal_sets(source: str, case_sensitive: bool) -> tuple[frozenset[str], ...]:
    """Sets of lower-case literals such that ``source`` can only match a text holding one literal of each set,
    most selective first; empty when none is known.

    A set that holds a lone ASCII character is left out (such a character is in nearly every text).
    """
    try:
        flags = 0 if case_sensitive else re.IGNORECASE
        parsed = _sre_parse.parse(source, flags)
    except Exception:  # the regex module accepts syntax the stdlib parser does not
        return ()
    try:
        candidates = _seq_requirements(list(parsed.data) if hasattr(parsed, "data") else list(parsed))
    except Exception:
        return ()
    sets: list[frozenset[str]] = []
    for candidate in candidates:
        lits = frozenset(s.lower() for s in candidate)
        if lits and lits not in sets and not any(len(s) < 2 and s.isascii() for s in lits):
            sets.append(lits)
    sets.sort(key=lambda c: (min(len(s) for s in c), -len(c)), reverse=True)  # stable: ties keep their order
    return tuple(sets[:MAX_LITERAL_SETS])


def required_literals(source: str, case_sensitive: bool) -> frozenset[str] | None:
    """Lower-case literals one of which must occur for ``source`` to match; ``None`` when unknown."""
    sets = required_literal_sets(source, case_sensitive)
    return sets[0] if sets else None


# Prefilters already derived, by (expression, case_sensitive): the built-in packs ship theirs
# (``rules/compiled.json``, see ``precompiled``), which saves deriving them at every start.
KNOWN_LITERALS: dict[tuple[str, bool], tuple[frozenset[str], ...]] = {}


# -- compiled pattern ------------------------------------------------------------------------------------


class Pattern:
    """One compiled expression, with its origin and prefilter. Compiled once per run, on first use."""

    __slots__ = ("_compiled", "_has_group", "_literal_sets", "_source", "case_sensitive", "kind", "line", "text")

    def __init__(self, text: str, kind: str, case_sensitive: bool, line: int = 0) -> None:
        self.text = text  # as written in the rule file
        self.kind = kind  # pattern | words | statement
        self.case_sensitive = case_sensitive
        self.line = line
        # Words and statements become expressions on first use: validation has tried them already (rule files)
        # or the test suite has (built-in packs), and most patterns of a run are never needed.
        self._source: str | None = text if kind not in ("words", "terms", "statement") else None
        self._compiled: Any = None
        self._has_group = False  # whether a group named "match" narrows the reported span
        self._literal_sets: tuple[frozenset[str], ...] | None = None  # None: not derived yet

    @property
    def regex_source(self) -> str:
        """The expression: a pattern as written, words and statements turned into one."""
        source = self._source
        if source is None:
            if self.kind == "words":
                source = words_to_regex(self.text)
            elif self.kind == "terms":
                source = terms_to_regex(self.text)
            else:
                source = statement_to_regex(self.text)
            self._source = source
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

    def _start(self, deadline: float) -> tuple[Any, float]:
        """The compiled expression and the time left before ``deadline`` (none left: ``RuleTimeout``)."""
        compiled = self._compiled or self.compile()
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuleTimeout()
        return compiled, remaining

    def finditer(self, text: str, deadline: float) -> list[tuple[int, int, str]]:
        """Non-empty matches as ``(start, end, text)``; a group named ``match`` narrows the span. Obeys the
        deadline. (Two loops, not one generator: this is the innermost loop of matching.)"""
        compiled, remaining = self._start(deadline)
        out = []
        try:
            if self._has_group:
                for m in compiled.finditer(text, timeout=remaining):
                    a, b = m.span("match") if m.start("match") >= 0 else m.span()
                    if b > a:
                        out.append((a, b, text[a:b]))
            else:
                for m in compiled.finditer(text, timeout=remaining):
                    a, b = m.span()
                    if b > a:
                        out.append((a, b, text[a:b]))
        except TimeoutError:
            raise RuleTimeout() from None
        return out

    def first(self, text: str, deadline: float) -> tuple[int, int, str] | None:
        """The first match ``finditer`` would give, without looking for the others (a presence test)."""
        compiled, remaining = self._start(deadline)
        try:
            for m in compiled.finditer(text, timeout=remaining):
                a, b = m.span("match") if self._has_group and m.start("match") >= 0 else m.span()
                if b > a:
                    return a, b, text[a:b]
        except TimeoutError:
            raise RuleTimeout() from None
        return None

    def search(self, text: str, deadline: float) -> bool:
        compiled, remaining = self._start(deadline)
        try:
            return compiled.search(text, timeout=remaining) is not None
        except TimeoutError:
            raise RuleTimeout() from None
