"""A finding: what is wrong, where (1-based, end exclusive), why (the rule), and how to fix it."""

from __future__ import annotations

from typing import Any

from newslint.document.records import Record


class Fix(Record):
    __slots__ = _fields = (
        "replacement",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "safe",
        "original",
    )

    def __init__(
        self,
        replacement: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        start: int,
        end: int,
        safe: bool,
        original: str = "",
    ) -> None:
        self.replacement = replacement
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.start = start  # source offsets (characters of the decoded file)
        self.end = end
        self.safe = safe  # the span holds exactly the matched text (no markup, no entities): it can be applied
        self.original = original  # the source text the fix replaces, checked again before writing

    def as_dict(self) -> dict[str, Any]:
        return {
            "replacement": self.replacement,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


class Finding(Record):
    __slots__ = _fields = (
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "snippet",
        "fix",
    )

    def __init__(
        self,
        path: str,
        rule: str,
        severity: str,
        message: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        snippet: str = "",
        fix: Fix | None = None,
    ) -> None:
        self.path = path
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.snippet = snippet
        self.fix = fix

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "snippet": self.snippet,
            "fix": self.fix.as_dict() if self.fix is not None else None,
        }
