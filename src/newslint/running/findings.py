"""A finding: what is wrong, where (1-based, end exclusive), why (the rule), and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Fix:
    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int  # source offsets (characters of the decoded file)
    end: int
    safe: bool  # the span holds exactly the matched text (no markup, no entities): it can be applied
    original: str = ""  # the source text the fix replaces, checked again before writing

    def as_dict(self) -> dict[str, Any]:
        return {
            "replacement": self.replacement,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(slots=True)
class Finding:
    path: str
    rule: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str = ""
    fix: Fix | None = None

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
