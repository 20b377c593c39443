"""A finished run: every file's result, in a stable order, plus what output formats need to know."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newslint.language.model import SEVERITY_RANK, Rule
from newslint.running.findings import Finding
from newslint.running.linter import FileResult


@dataclass(init=False)
class RunReport:
    results: list[FileResult]
    rules: dict[str, Rule]
    color: bool
    statistics: bool
    quiet: bool
    version: str
    fail_on: dict[str, str]

    def __init__(
        self,
        results: list[FileResult],
        rules: dict[str, Rule] | None = None,
        color: bool = False,
        statistics: bool = False,
        quiet: bool = False,
        version: str = "",
        fail_on: dict[str, str] | None = None,
    ) -> None:
        self.results = results
        self.rules = {} if rules is None else rules
        self.color = color
        self.statistics = statistics
        self.quiet = quiet
        self.version = version
        self.fail_on = {} if fail_on is None else fail_on  # path -> the lowest severity that fails the run

    def fails(self, finding: Finding) -> bool:
        """Whether this finding fails the run (its file's ``fail-on``; ``error`` when unknown)."""
        level = self.fail_on.get(finding.path, "error")
        if level == "never":
            return False
        return SEVERITY_RANK.get(finding.severity, 0) >= SEVERITY_RANK[level]

    @property
    def findings(self) -> list[Finding]:
        out = [f for r in self.results for f in r.findings]
        out.sort(key=Finding.sort_key)
        return out

    def by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity for r in self.results for f in r.findings)
        return {sev: counts.get(sev, 0) for sev in ("error", "warning", "info")}

    def by_rule(self) -> list[tuple[str, int]]:
        counts = Counter(f.rule for r in self.results for f in r.findings)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    @property
    def file_count(self) -> int:
        return len(self.results)

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error]
