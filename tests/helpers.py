"""Shared test helpers: lint a snippet with chosen rules, parse a snippet."""

from __future__ import annotations

import os
from datetime import date
from functools import cache

from newslint.document.model import Document
from newslint.files.source import SourceText
from newslint.parsing.parse import parse_source
from newslint.rules.loader import RuleSet, load_rules
from newslint.running.findings import Finding
from newslint.running.linter import Linter, lint_source

NOW = date(2026, 11, 29)


def source(text: str, fmt: str | None = None, name: str = "snippet") -> SourceText:
    fmt = fmt or ("html" if text.lstrip().startswith("<") else "markdown")
    return SourceText(name, fmt, text, "utf-8", len(text.encode()))


def parse(text: str, fmt: str | None = None) -> Document:
    return parse_source(source(text, fmt))


@cache
def _builtin_rules(folder: str | None) -> RuleSet:
    """The built-in packs, loaded once per process (per ``NEWSLINT_BUILTIN_RULES``): loading takes 50-100 ms
    and some 600 tests lint a snippet. Linting never changes a rule set (a run shares one over all its files)."""
    return load_rules([])


def builtin_rules() -> RuleSet:
    return _builtin_rules(os.environ.get("NEWSLINT_BUILTIN_RULES"))


def lint(text: str, *rule_ids: str, fmt: str | None = None, now: date = NOW) -> list[Finding]:
    """Findings of the named built-in rules (all of them when none is named) on a snippet."""
    ruleset = builtin_rules()
    rules = [r for r in ruleset.rules if not rule_ids or r.id in rule_ids]
    assert rules, f"no such rules: {rule_ids}"
    result = lint_source(Linter(ruleset, now, rules), source(text, fmt))
    assert result.error is None, result.error
    return result.findings
