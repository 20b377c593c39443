"""A run's report: every file's result, in a stable order (by path), plus what output formats need to know.

Results may come as a list (the API, tests) or as a stream that the run produces file by file (``check``): the
formats render from one pass over ``each()`` and count as they go (``by_severity``, ``by_rule``, ``errors``),
so a run over 100,000 files holds one file's findings at a time. Formats that must put totals before the
findings (SARIF's rule table, JUnit's counts) call ``spool()`` first: the results go to a temporary file and
are read back, one at a time, as often as the format needs.
"""

from __future__ import annotations

import itertools
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import IO

from newslint.language.model import SEVERITY_RANK, Rule
from newslint.running.findings import Finding
from newslint.running.linter import FileResult


class RunReport:
    __slots__ = (
        "_by_rule",
        "_by_severity",
        "_counted",
        "_errors",
        "_file_count",
        "_source",
        "_spool",
        "color",
        "fail_on",
        "quiet",
        "rules",
        "statistics",
        "version",
    )

    def __init__(
        self,
        results: Iterable[FileResult],
        rules: dict[str, Rule] | None = None,
        color: bool = False,
        statistics: bool = False,
        quiet: bool = False,
        version: str = "",
        fail_on: dict[str, str] | None = None,
    ) -> None:
        self._source: Iterable[FileResult] | None = results
        self.fail_on = {} if fail_on is None else fail_on  # path -> the lowest severity that fails the run
        self.rules = {} if rules is None else rules
        self.color = color
        self.statistics = statistics
        self.quiet = quiet
        self.version = version
        self._counted = False
        self._file_count = 0
        self._by_severity: Counter[str] = Counter()
        self._by_rule: Counter[str] = Counter()
        self._errors: list[FileResult] = []
        self._spool: IO[bytes] | None = None

    def fails(self, finding: Finding) -> bool:
        """Whether this finding fails the run (its file's ``fail-on``; ``error`` when unknown)."""
        level = self.fail_on.get(finding.path, "error")
        if level == "never":
            return False
        return SEVERITY_RANK.get(finding.severity, 0) >= SEVERITY_RANK[level]

    def materialize(self) -> None:
        """Hold a streamed report's results as a list (formats that render from a whole list)."""
        if not isinstance(self._source, list | tuple) and self._spool is None:
            self._source = list(self.each())

    # -- one pass ---------------------------------------------------------------------------------------

    def each(self) -> Iterator[FileResult]:
        """The results in order, counted on the first pass (a stream can be read once: ``spool()`` first to
        read it again)."""
        if self._spool is not None:
            yield from self._replay()
            return
        if isinstance(self._source, list | tuple):
            if not self._counted:
                self._count_all(self._source)
            yield from self._source
            return
        source, self._source = self._source, None
        if source is None:
            raise RuntimeError("the report's results were read already")
        for result in source:
            self._count(result)
            yield result
        self._counted = True

    def spool(self) -> None:
        """Read the results once into a temporary file (counting them), so that ``each()`` can replay them."""
        if self._spool is not None or isinstance(self._source, list | tuple):
            if not self._counted and self._source is not None:
                self._count_all(self._source)
            return
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - read back until close()
        for result in self.each():
            result.lines = {}  # source lines are only for the text format, which does not spool
            pickle.dump(result, spool, protocol=pickle.HIGHEST_PROTOCOL)
        self._spool = spool

    def _replay(self) -> Iterator[FileResult]:
        spool = self._spool
        assert spool is not None
        spool.seek(0)
        while True:
            try:
                result = pickle.load(spool)
            except EOFError:
                return
            yield result

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()

    def _count_all(self, results: Iterable[FileResult]) -> None:
        for result in results:
            self._count(result)
        self._counted = True

    def _count(self, result: FileResult) -> None:
        self._file_count += 1
        if result.error:
            self._errors.append(FileResult(result.path, error=result.error))
        for f in result.findings:
            self._by_severity[f.severity] += 1
            self._by_rule[f.rule] += 1

    @property
    def is_list(self) -> bool:
        """Whether the results were given as a list (in any order), not streamed in the report's order."""
        return isinstance(self._source, list | tuple)

    # -- what the formats ask -----------------------------------------------------------------------------

    @property
    def results(self) -> list[FileResult]:
        """Every result as a list (a list report, or a spooled one; the API and tests)."""
        return list(self.each())

    @property
    def findings(self) -> list[Finding]:
        out = [f for r in self.each() for f in r.findings]
        out.sort(key=Finding.sort_key)
        return out

    def each_finding(self) -> Iterator[tuple[FileResult, Finding]]:
        """Each finding with its file's result, in the report's order (path, line, column, rule...)."""
        if isinstance(self._source, list | tuple):  # given in any order: sorted as a whole
            by_path = {r.path: r for r in self._source}
            for f in self.findings:
                yield by_path[f.path], f
            return
        for result in self.each():
            findings = result.findings
            if any(a.sort_key() > b.sort_key() for a, b in itertools.pairwise(findings)):
                findings = sorted(findings, key=Finding.sort_key)
            for f in findings:
                yield result, f

    def by_severity(self) -> dict[str, int]:
        counts = self._totals()._by_severity
        return {sev: counts.get(sev, 0) for sev in ("error", "warning", "info")}

    def by_rule(self) -> list[tuple[str, int]]:
        return sorted(self._totals()._by_rule.items(), key=lambda kv: (-kv[1], kv[0]))

    @property
    def used_rules(self) -> set[str]:
        return set(self._totals()._by_rule)

    @property
    def file_count(self) -> int:
        return self._totals()._file_count

    @property
    def errors(self) -> list[FileResult]:
        return self._totals()._errors

    def _totals(self) -> RunReport:
        if not self._counted:
            if isinstance(self._source, list | tuple):
                self._count_all(self._source)
            else:
                raise RuntimeError("totals are known after a whole pass over the results")
        return self
