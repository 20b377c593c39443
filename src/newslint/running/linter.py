"""Run rules over documents and turn hits into findings with exact positions.

``Linter`` holds the effective rule set (after selection and severity overrides) and lints one document
at a time; ``lint_source`` is the whole pipeline for one file (read, decode, parse, lint) and never raises
for a bad file: it returns a ``FileResult`` with an error message instead.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.document.model import Document
from newslint.document.textbuild import fold
from newslint.files.source import SourceError, SourceSkipped, SourceText, read_source
from newslint.language.context import Context
from newslint.language.model import Hit, Rule
from newslint.language.patterns import PatternError, RuleTimeout
from newslint.rules.loader import RuleSet
from newslint.running.findings import Finding, Fix
from newslint.running.time_limit import RuleTimer, rule_budget

if TYPE_CHECKING:
    from newslint.document.dates import DatePolicy
    from newslint.parsing.html.selectors import HtmlSelectors
    from newslint.running.timing import Timings

TIMEOUT_RULE = "newslint-rule-timeout"
PATTERN_RULE = "newslint-pattern-error"
DEFAULT_RULE_TIMEOUT = 2.0
SNIPPET_MAX = 200


@dataclass(init=False)
class FileResult:
    path: str
    findings: list[Finding]
    error: str | None
    notice: str | None
    warnings: list[str]
    debug: str | None
    lines: dict[int, str]
    fixed: int

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        error: str | None = None,
        notice: str | None = None,
        warnings: list[str] | None = None,
        debug: str | None = None,
        lines: dict[int, str] | None = None,
        fixed: int = 0,
    ) -> None:
        self.path = path
        self.findings = [] if findings is None else findings
        self.error = error  # the file could not be linted (exit code 2)
        self.notice = notice  # skipped, not an error (an empty file)
        self.warnings = [] if warnings is None else warnings  # decoding notes, broken JSON-LD...
        self.debug = debug  # traceback of an internal error, for --debug
        self.lines = {} if lines is None else lines  # source lines that findings point at (for text output)
        self.fixed = fixed  # fixes applied by --fix before these findings were found


class Linter:
    html_selectors: HtmlSelectors | None = None  # configured CSS selectors for HTML body detection
    timings: Timings | None = None  # set for NEWSLINT_TIMING runs: seconds per rule and parsing
    date_policy: DatePolicy | None = None  # the configured time zone and scheduling policy (``dates:``)

    def __init__(
        self,
        ruleset: RuleSet,
        now: date,
        rules: list[Rule] | None = None,
        severities: dict[str, str] | None = None,
        timeout: float = DEFAULT_RULE_TIMEOUT,
    ) -> None:
        self.ruleset = ruleset
        self.rules = rules if rules is not None else list(ruleset.rules)
        self.severities = severities or {}
        self.now = now
        self.timeout = timeout

    def lint(self, doc: Document) -> list[Finding]:
        ctx = Context(doc, self.now, self.ruleset.classes, self.timeout)
        if self.date_policy is not None:
            ctx.dates = self.date_policy
        findings: list[Finding] = []
        timings = self.timings
        budget = rule_budget(self.timeout, len(doc.source))
        shared = timings.shared if timings is not None else None
        ctx.shared = shared
        with RuleTimer() as timer:
            for rule in self.rules:
                started = time.monotonic()
                if shared is not None:
                    shared.start_rule()
                try:
                    try:
                        ctx.start_rule(rule.id, timer.arm(budget))
                        if rule.when is not None and not rule.when.holds(ctx):
                            continue
                        # (whose page it is is asked only of a rule that finds something: most pages have a byline)
                        articles_only = rule.pages == "articles"
                        for check, scope in rule.parts:
                            for hit in check.run(rule, ctx, scope or rule.scope):
                                if articles_only and ctx.advertiser_page():
                                    break
                                findings.append(self._finding(rule, hit, doc))
                    finally:
                        timer.disarm()
                except RuleTimeout:
                    elapsed = time.monotonic() - started
                    findings.append(
                        Finding(
                            doc.path,
                            TIMEOUT_RULE,
                            "error",
                            f"rule {rule.id} ran past its time limit ({budget:.3g}s, after {elapsed:.1f}s) on this "
                            f"file and was stopped; a pattern of {rule.file} may backtrack catastrophically",
                            1,
                            1,
                            1,
                            1,
                        )
                    )
                except PatternError as exc:
                    findings.append(Finding(doc.path, PATTERN_RULE, "error", f"rule {rule.id}: {exc}", 1, 1, 1, 1))
                finally:
                    if timings is not None:
                        own = time.monotonic() - started - (shared.during_rule if shared is not None else 0.0)
                        timings.add(rule.id, max(own, 0.0))
        findings.sort(key=Finding.sort_key)
        return findings

    def _finding(self, rule: Rule, hit: Hit, doc: Document) -> Finding:
        if hit.block is not None:
            s, e = hit.block.source_span(hit.start, hit.end)
            snippet = hit.block.text[hit.start : hit.end]
        else:
            s, e = hit.source_span or (0, 0)
            snippet = fold(doc.source[s:e]) if e - s <= 4 * SNIPPET_MAX else ""
        if len(snippet) > SNIPPET_MAX:
            snippet = snippet[: SNIPPET_MAX - 3] + "..."
        line, col = doc.line_col(s)
        end_line, end_col = doc.line_col(e)
        fix = None
        if hit.fix is not None:
            original = doc.source[s:e]
            matched = hit.block.text[hit.start : hit.end] if hit.block is not None else original
            safe = original == matched and "<" not in original and "&" not in original
            fix = Fix(hit.fix, line, col, end_line, end_col, s, e, safe, original)
        values = dict(hit.values)
        values.setdefault("match", snippet)
        return Finding(
            path=doc.path,
            rule=rule.id,
            severity=self.severities.get(rule.id, rule.severity),
            message=rule.format_message(values),
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            snippet=snippet,
            fix=fix,
        )


def lint_source(linter: Linter, source: SourceText, debug: bool = False) -> FileResult:
    """Parse and lint decoded text; an internal error becomes this file's error, not a crash."""
    from newslint.parsing.parse import parse_source

    result = FileResult(source.path)
    timings = linter.timings
    try:
        started = time.monotonic()
        doc = parse_source(source, linter.html_selectors)
        if timings is not None:
            timings.parse += time.monotonic() - started
            timings.files += 1
        result.warnings = list(doc.warnings)
        result.findings = linter.lint(doc)
        for f in result.findings:
            if f.line not in result.lines:
                result.lines[f.line] = doc.lines.line_text(f.line)
    except SourceError as exc:  # a limit the parser enforces (a Markdown parse past its time limit)
        result.error = str(exc)
    except (RecursionError, MemoryError) as exc:
        result.error = f"internal error: {type(exc).__name__} while linting; please report this file"
        result.debug = _traceback() if debug else None
    except Exception as exc:  # one bad file must not stop the run
        result.error = f"internal error: {type(exc).__name__}: {exc}"
        result.debug = _traceback() if debug else None
    return result


def lint_file(
    linter: Linter, path: Path, display: str, fmt: str | None, max_size: int, debug: bool = False
) -> FileResult:
    try:
        source = read_source(path, display, fmt, max_size)
    except SourceSkipped as exc:
        return FileResult(display, notice=str(exc))
    except SourceError as exc:
        return FileResult(display, error=str(exc))
    return lint_source(linter, source, debug)


def _traceback() -> str:
    import traceback  # only for --debug: kept off the start-up path

    return traceback.format_exc()
