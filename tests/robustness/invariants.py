"""What must hold for any input: the checks shared by the property tests, the fuzz target and the corpus test.

``lint_bytes`` runs the whole pipeline of one file in-process (decode, parse, lint, both output formats,
``inspect``) exactly as the CLI does, and ``check_result`` asserts the invariants on what it produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from newslint.cli.inspect_cmd import inspect_data
from newslint.files.source import SourceError, SourceSkipped, SourceText, decode_source, format_for
from newslint.output import formatter
from newslint.output.report import RunReport
from newslint.parsing.parse import parse_source
from newslint.rules.loader import load_rules
from newslint.running.linter import FileResult, Linter, lint_source

from . import EVERY_CHECK_RULES, line_col

PLANTED_RULES = Path(__file__).resolve().parent / "planted_phrase.yaml"
NOW = date(2025, 6, 1)


@cache
def linter(timeout: float = 30.0) -> Linter:
    """Every check kind plus the planted-phrase rule; the time limit is far above what any input needs, so
    a timeout never makes two runs differ."""
    return Linter(load_rules([EVERY_CHECK_RULES, PLANTED_RULES], builtin=False), NOW, timeout=timeout)


@dataclass
class Outcome:
    source: SourceText | None  # None: refused (binary, empty...) with a one-line reason
    result: FileResult
    json: str
    text: str


def lint_bytes(data: bytes, name: str, timeout: float = 30.0) -> Outcome:
    try:
        source = decode_source(data, name, format_for(name, None))
    except (SourceError, SourceSkipped) as exc:
        reason = str(exc)
        assert reason and "\n" not in reason
        return Outcome(None, FileResult(name, error=reason), "", "")
    result = lint_source(linter(timeout), source, debug=True)
    report = RunReport([result], version="test")
    out = Outcome(source, result, formatter("json")(report), formatter("text")(report))
    if result.error is None:
        inspect_data(parse_source(source))
    return out


def offset_of(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + column - 1


def check_result(outcome: Outcome) -> None:
    """No internal error; every position inside the decoded file; ends not before starts."""
    result = outcome.result
    assert result.debug is None, result.debug
    assert result.error is None or not result.error.startswith("internal error"), result.error
    if outcome.source is None:
        return
    text = outcome.source.text
    lines = re.split(r"\r\n|\r|\n", text)
    for f in result.findings:
        assert 1 <= f.line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert 1 <= f.end_line <= len(lines), f
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
    assert line_col(text, len(text))[0] == len(lines)


_TAGS = re.compile(r"<[^>]*>|&[#\w]+;|\]\([^)]*\)")


def planted_spans(outcome: Outcome) -> list[str]:
    """The source text of every planted-phrase finding; asserts each is exactly the phrase as written."""
    assert outcome.source is not None
    text = outcome.source.text
    out = []
    for f in outcome.result.findings:
        if f.rule != "planted-phrase":
            continue
        raw = text[offset_of(text, f.line, f.column) : offset_of(text, f.end_line, f.end_column)]
        letters = re.sub(r"[^a-z]", "", _TAGS.sub(" ", raw).lower())
        assert letters == "guaranteedreturns", (raw, f)
        assert raw[0] in "gG" and raw[-1] in "sS", (raw, f)
        out.append(raw)
    return out
