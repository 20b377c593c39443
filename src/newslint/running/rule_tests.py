"""``newslint test``: check that rules do what their authors say (in the manner of ``semgrep --test``).

Two kinds of evidence are checked:

* every loaded rule's ``examples``: each ``fail`` snippet must produce the rule, each ``pass`` snippet must
  not (the snippet is linted on its own, with that rule only);
* annotated fixture articles (``.html``, ``.htm``, ``.md``, ``.markdown``), linted with every loaded rule.
  An annotation is a comment naming rules, ``<!-- ruleid: a-rule, other-rule -->``, that speaks of the next
  line (a comment that shares its line with other text speaks of its own line; in YAML front matter a
  ``# ruleid: ...`` comment works the same way):

  - ``ruleid``: the rule must report a finding starting on that line;
  - ``ok``: it must not;
  - ``todoruleid``: a known false negative (the rule should report but does not yet): counted as todo;
  - ``todook``: a known false positive (the rule reports but should not): counted as todo.

  A finding on a line that no ``ruleid``/``todook`` annotation expects is a false positive, so a fixture
  without annotations must lint clean.

Rule files given on the command line are the rules; with none, the built-in packs are. Exit codes: 0 when
everything matches, 1 on any mismatch, 2 when rules cannot be loaded or a fixture cannot be read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newslint.files.source import SourceText
from newslint.language.model import Example, Rule
from newslint.rules.loader import RULE_SUFFIXES, Loader, RuleLoadError, RuleSet, builtin_pack_files
from newslint.running.linter import Linter, lint_file, lint_source
from newslint.running.one_file import ARTICLE_SUFFIXES, SKIP_DIRS

EXIT_OK, EXIT_MISMATCH, EXIT_ERROR = 0, 1, 2

# An annotation may end with a reason after " -- ": <!-- todook: rule-id -- why it is a known gap -->
_HTML_NOTE = re.compile(r"<!--\s*(todoruleid|todook|ruleid|ok)\s*:\s*([\w\-, ]+?)\s*(?:\s--\s.*?)?-->", re.I | re.S)
_YAML_NOTE = re.compile(r"^[ \t]*#\s*(todoruleid|todook|ruleid|ok)\s*:\s*([\w\-, ]+?)\s*$", re.I | re.M)
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\.\.\.|\+\+\+)[ \t]*$", re.S | re.M)


@dataclass
class Counts:
    tp: int = 0  # an expected finding was reported (a fail example, a ruleid line)
    fp: int = 0  # a finding nobody expected (a pass example, an ok line, an unannotated line)
    fn: int = 0  # an expected finding is missing
    tn: int = 0  # silence where silence was expected
    todo: int = 0  # known gaps (todoruleid, todook)

    @property
    def failed(self) -> bool:
        return bool(self.fp or self.fn)


@dataclass
class Annotation:
    kind: str  # ruleid | ok | todoruleid | todook
    rule: str
    line: int  # the line it speaks of
    at: int  # the line the comment is on


@dataclass(init=False)
class TestReport:
    counts: dict[str, Counts]
    mismatches: list[str]
    notes: list[str]
    errors: list[str]
    examples: int
    fixtures: int

    def __init__(
        self,
        counts: dict[str, Counts] | None = None,
        mismatches: list[str] | None = None,
        notes: list[str] | None = None,
        errors: list[str] | None = None,
        examples: int = 0,
        fixtures: int = 0,
    ) -> None:
        self.counts = {} if counts is None else counts
        self.mismatches = [] if mismatches is None else mismatches
        self.notes = [] if notes is None else notes
        self.errors = [] if errors is None else errors
        self.examples = examples
        self.fixtures = fixtures

    def of(self, rule: str) -> Counts:
        return self.counts.setdefault(rule, Counts())

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_MISMATCH if self.mismatches else EXIT_OK


# -- paths -------------------------------------------------------------------------------------------


def split_paths(paths: Iterable[str]) -> tuple[list[Path], list[Path], list[str]]:
    """Rule files (``*.yaml``/``*.yml``) and fixture articles among files and folders; plus problems."""
    rules: list[Path] = []
    fixtures: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = Path(root, name)
                    if name.endswith(RULE_SUFFIXES):
                        rules.append(full)
                        found = True
                    elif name.lower().endswith(ARTICLE_SUFFIXES):
                        fixtures.append(full)
                        found = True
            if not found:
                problems.append(f"{raw}: folder holds no rule files or fixture articles")
        elif path.is_file():
            if raw.endswith(RULE_SUFFIXES):
                rules.append(path)
            elif raw.lower().endswith(ARTICLE_SUFFIXES):
                fixtures.append(path)
            else:
                problems.append(f"{raw}: neither a rule file (*.yaml) nor an article ({', '.join(ARTICLE_SUFFIXES)})")
        else:
            problems.append(f"{raw}: no such file or folder")
    return rules, fixtures, problems


def load_test_rules(rule_paths: list[Path], builtin: bool) -> RuleSet:
    """The rules under test, every pattern compiled (an invalid one is a load error)."""
    loader = Loader(compile_patterns=True)
    if builtin:
        for path in builtin_pack_files().values():
            loader.load_file(path, f"<builtin>/{path.name}")
    for path in rule_paths:
        loader.load_file(path, str(path))
    return loader.finish()


# -- annotations -------------------------------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def parse_annotations(text: str) -> list[Annotation]:
    """Every annotation of a fixture, each resolved to the line it speaks of."""
    starts = _line_starts(text)
    n_lines = len(starts)

    def line_text(n: int) -> str:
        a = starts[n - 1]
        b = starts[n] if n < n_lines else len(text)
        return text[a:b]

    found: list[tuple[str, str, int]] = []  # kind, rule names, the comment's line
    for m in _HTML_NOTE.finditer(text):
        found.append((m.group(1), m.group(2), _line_of(starts, m.start())))
    fm = _FRONT_MATTER.match(text)
    if fm:
        for m in _YAML_NOTE.finditer(text, 0, fm.end()):
            found.append((m.group(1), m.group(2), _line_of(starts, m.start())))

    def only_notes(n: int) -> bool:
        rest = _HTML_NOTE.sub("", line_text(n))
        if fm and starts[n - 1] < fm.end():
            rest = _YAML_NOTE.sub("", rest)
        return not rest.strip() and bool(line_text(n).strip())

    out: list[Annotation] = []
    for kind, names, at in found:
        target = at
        if only_notes(at):
            target = at + 1
            while target <= n_lines and only_notes(target):
                target += 1
        for name in names.split(","):
            name = name.strip()
            if name:
                out.append(Annotation(kind.lower(), name, target, at))
    return out


# -- running -----------------------------------------------------------------------------------------


def _lint_example(linter: Linter, rule: Rule, example: Example) -> tuple[bool, str | None]:
    """Whether the rule reports on the snippet, or an error message."""
    name = f"{rule.file}:{example.line}"
    source = SourceText(name, example.format, example.text, "utf-8", len(example.text.encode("utf-8")))
    result = lint_source(linter, source)
    if result.error:
        return False, result.error
    return any(f.rule == rule.id for f in result.findings), None


def check_examples(ruleset: RuleSet, now: date, report: TestReport) -> None:
    for rule in ruleset.rules:
        linter = Linter(ruleset, now, [rule])
        counts = report.of(rule.id)
        for expect, examples in ((True, rule.fail_examples), (False, rule.pass_examples)):
            for i, example in enumerate(examples, 1):
                report.examples += 1
                fired, error = _lint_example(linter, rule, example)
                where = f"{rule.file}:{example.line}"
                kind = "fail" if expect else "pass"
                if error:
                    counts.fn += 1 if expect else 0
                    counts.fp += 0 if expect else 1
                    report.mismatches.append(f"{where}: {rule.id}: {kind} example {i}: {error}")
                elif fired and expect:
                    counts.tp += 1
                elif not fired and not expect:
                    counts.tn += 1
                elif expect:
                    counts.fn += 1
                    report.mismatches.append(f"{where}: {rule.id}: fail example {i} produced no finding (FN)")
                else:
                    counts.fp += 1
                    report.mismatches.append(f"{where}: {rule.id}: pass example {i} produced a finding (FP)")


def check_fixture(linter: Linter, known: set[str], path: Path, report: TestReport) -> None:
    display = os.path.normpath(str(path))
    result = lint_file(linter, path, display, None, 0)
    if result.notice or result.error:
        report.errors.append(f"{display}: {result.error or result.notice}")
        return
    report.fixtures += 1
    text = path.read_bytes().decode("utf-8", "replace")
    notes = parse_annotations(text)
    expected: dict[tuple[int, str], Annotation] = {}
    for note in notes:
        if note.rule not in known:
            report.mismatches.append(
                f"{display}:{note.at}: {note.kind} names {note.rule!r}, which is not a loaded rule"
            )
            continue
        expected[(note.line, note.rule)] = note
    fired: dict[tuple[int, str], str] = {}
    for f in result.findings:
        fired.setdefault((f.line, f.rule), f.message)
    for key, note in expected.items():
        line, rule = key
        counts = report.of(rule)
        hit = key in fired
        if note.kind == "ruleid":
            if hit:
                counts.tp += 1
            else:
                counts.fn += 1
                report.mismatches.append(f"{display}:{line}: {rule}: expected a finding on this line, got none (FN)")
        elif note.kind == "ok":
            if hit:
                counts.fp += 1
                report.mismatches.append(f"{display}:{line}: {rule}: marked ok but reported: {fired[key]} (FP)")
            else:
                counts.tn += 1
        else:
            counts.todo += 1
            if note.kind == "todoruleid" and hit:
                report.notes.append(f"{display}:{line}: {rule}: todoruleid now reports; make it 'ruleid'")
            elif note.kind == "todook" and not hit:
                report.notes.append(f"{display}:{line}: {rule}: todook is now silent; make it 'ok'")
    for key, message in sorted(fired.items()):
        if key in expected:
            continue
        line, rule = key
        report.of(rule).fp += 1
        report.mismatches.append(f"{display}:{line}: {rule}: unexpected finding: {message} (FP)")


def run_tests(ruleset: RuleSet, fixtures: list[Path], now: date) -> TestReport:
    report = TestReport()
    check_examples(ruleset, now, report)
    if fixtures:
        linter = Linter(ruleset, now)
        known = {r.id for r in ruleset.rules}
        for path in fixtures:
            check_fixture(linter, known, path, report)
    return report


# -- output ------------------------------------------------------------------------------------------


def render(report: TestReport, ruleset: RuleSet) -> str:
    order = [r.id for r in ruleset.rules] + sorted(set(report.counts) - {r.id for r in ruleset.rules})
    width = max([len("rule"), *(len(r) for r in order)])
    out = [f"{'rule':<{width}}  {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'todo':>5}  result"]
    failed = 0
    for rid in order:
        c = report.counts.get(rid, Counts())
        untested = not (c.tp or c.fp or c.fn or c.tn or c.todo)
        status = "FAIL" if c.failed else ("untested" if untested else "ok")
        failed += c.failed
        out.append(f"{rid:<{width}}  {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.tn:>4} {c.todo:>5}  {status}")
    if report.mismatches:
        out.append("")
        out.append("Mismatches:")
        out.extend(f"  {m}" for m in report.mismatches)
    if report.notes:
        out.append("")
        out.append("Resolved todos:")
        out.extend(f"  {m}" for m in report.notes)
    for error in report.errors:
        out.append(f"error: {error}")
    total = sum((c.tp + c.fp + c.fn + c.tn for c in report.counts.values()), 0)
    todo = sum(c.todo for c in report.counts.values())
    out.append("")
    verdict = "FAILED" if report.mismatches or report.errors else "passed"
    out.append(
        f"{verdict}: {len(order)} rules, {report.examples} examples, {report.fixtures} fixtures; "
        f"{total} checks, {len(report.mismatches)} mismatches, {todo} todo"
        + (f", {failed} rules failing" if failed else "")
    )
    return "\n".join(out) + "\n"


def main(paths: list[str], now: date, builtin: bool = False) -> tuple[int, str, list[str]]:
    """Run ``newslint test``: (exit code, report text, problems for stderr)."""
    rule_paths, fixtures, problems = split_paths(paths)
    if problems:
        return EXIT_ERROR, "", problems
    try:
        ruleset = load_test_rules(rule_paths, builtin=builtin or not rule_paths)
    except RuleLoadError as exc:
        return EXIT_ERROR, "", exc.problems
    if not ruleset.rules:
        return EXIT_ERROR, "", ["no rules to test"]
    report = run_tests(ruleset, fixtures, now)
    return report.exit_code, render(report, ruleset), []
