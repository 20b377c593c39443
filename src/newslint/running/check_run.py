"""A ``check`` run with configuration: find the files, give each its configuration, lint, pick the exit code.

Each file is governed by the nearest configuration file above it (``discovery.py``), or by ``--config FILE``
for every file, or by none with ``--isolated``. Files governed by the same configuration share one rule set
and linter (built once). Every configuration is loaded and validated before any file is linted, so a broken
configuration stops the run with exit code 2 and nothing half-reported.

Exit code (``exit_code``): 2 when a file could not be read (the others are still linted and reported); else,
unless ``--exit-zero``, 1 when a finding is at or above the ``fail-on`` of its file's configuration (or of
``--fail-on``); else 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.config.discovery import ConfigFinder
from newslint.config.file import Config, default_config, load_config
from newslint.language.model import SEVERITY_RANK, Rule
from newslint.running.baseline import Baseline
from newslint.running.configured import CommandLine, Profile, build_profile, path_matches, relative_to
from newslint.running.interrupt import stop_if_interrupted
from newslint.running.linter import FileResult
from newslint.running.one_file import CheckSettings, Target, UsageError, collect
from newslint.running.progress import Progress, for_run
from newslint.running.timing import Timings, requested_rows

if TYPE_CHECKING:
    from newslint.parsing.html.selectors import HtmlSelectors
    from newslint.running.cache import ResultCache

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(init=False)
class CheckRequest:
    paths: list[str]
    settings: CheckSettings
    cli: CommandLine
    config: Path | None
    isolated: bool
    stdin_filename: str | None
    exclude: list[str]
    output_format: str
    quiet: bool
    jobs: int | None
    fix: bool
    cache: bool
    output_file: Path | None
    diff: bool
    respect_gitignore: bool
    baseline: Path | None
    write_baseline: bool

    def __init__(
        self,
        paths: list[str],
        settings: CheckSettings,
        cli: CommandLine | None = None,
        config: Path | None = None,
        isolated: bool = False,
        stdin_filename: str | None = None,
        exclude: list[str] | None = None,
        output_format: str = "text",
        quiet: bool = False,
        jobs: int | None = None,
        fix: bool = False,
        cache: bool = True,
        output_file: Path | None = None,
        diff: bool = False,
        respect_gitignore: bool = True,
        baseline: Path | None = None,
        write_baseline: bool = False,
    ) -> None:
        self.paths = paths
        self.settings = settings
        self.cli = CommandLine() if cli is None else cli
        self.config = config  # --config: this file for every linted file
        self.isolated = isolated  # --isolated: no configuration file at all
        self.stdin_filename = stdin_filename
        self.exclude = [] if exclude is None else exclude  # --exclude globs, relative to the working folder
        self.output_format = output_format
        self.quiet = quiet
        self.jobs = jobs  # processes; None = the number of CPUs
        self.fix = fix  # apply safe fixes to the files (atomically), then report what is left
        self.cache = cache  # read and write .newslint_cache/
        self.output_file = output_file  # --output-file: never one of the checked files
        self.diff = diff  # work out the safe fixes, write nothing: the outcome carries them as diffs
        self.respect_gitignore = respect_gitignore  # walk folders as git would (see newslint.files.gitignore)
        self.baseline = baseline  # report only findings not recorded in this file (see newslint.running.baseline)
        self.write_baseline = write_baseline  # first record every finding in ``baseline``


@dataclass(init=False)
class CheckOutcome:
    results: Iterable[FileResult]  # a list, or the stream of the run (see run_check)
    rules: dict[str, Rule]
    fail_on: dict[str, str]
    checked: int
    excluded: int
    timings: Timings | None
    diffs: list[tuple[str, int, str]]
    baselined: int
    stale: int

    def __init__(
        self,
        results: list[FileResult] | None = None,
        rules: dict[str, Rule] | None = None,
        fail_on: dict[str, str] | None = None,
        checked: int = 0,
        excluded: int = 0,
        timings: Timings | None = None,
    ) -> None:
        self.results = [] if results is None else results
        self.rules = {} if rules is None else rules  # every rule of every configuration used
        self.fail_on = {} if fail_on is None else fail_on  # path -> the fail-on that applies to it
        self.checked = checked
        self.excluded = excluded
        self.timings = timings  # NEWSLINT_TIMING runs: where the time went (see newslint.running.timing)
        self.diffs = []  # --diff: (path, fixes, unified diff) per file it would change
        self.baselined = 0  # findings left out because the baseline holds them
        self.stale = 0  # findings of the baseline (in the files checked) that no longer occur
        self.unreadable = 0  # files that could not be linted (exit code 2)
        self.failing = False  # a finding at or above the fail-on of its file's configuration
        self.progress: Progress | None = None


class ProfileResolver:
    """Configuration (and so profile) per linted file, each loaded once."""

    def __init__(self, request: CheckRequest) -> None:
        self.request = request
        self.finder = ConfigFinder()
        self.configs: dict[Path | None, Config] = {}
        self.profiles: dict[Path | None, Profile] = {}
        self.explicit = load_config(request.config) if request.config is not None else None

    def config_for(self, target: Target) -> Config:
        if self.explicit is not None:
            return self.explicit
        path: Path | None = None
        if not self.request.isolated:
            if target.path is not None:
                path = self.finder.for_file(target.path)
            else:
                name = self.request.stdin_filename
                folder = Path(name).parent if name else Path(".")
                path = self.finder.for_folder(folder.resolve())
        config = self.configs.get(path)
        if config is None:
            config = load_config(path) if path is not None else default_config(Path.cwd())
            self.configs[path] = config
        return config

    def profile_for(self, config: Config) -> Profile:
        profile = self.profiles.get(config.path)
        if profile is None:
            profile = build_profile(config, self.request.cli, self.request.settings)
            self.profiles[config.path] = profile
        return profile


def plan(request: CheckRequest) -> tuple[list[Target], CheckOutcome, list[str]]:
    """Targets with their profiles (``Target.profile``; excluded ones left out) in the report's order, the
    outcome so far, and warnings to print.

    Raises ``ConfigError``, ``RuleLoadError`` or ``UsageError`` before anything is linted.
    """
    collected = collect(request.paths or ["."], request.stdin_filename, request.exclude, request.respect_gitignore)
    outcome = CheckOutcome(results=list(collected.errors))
    resolver = ProfileResolver(request)
    planned: list[Target] = []  # each with its profile (``Target.profile``): no tuple per file
    for target in collected.targets:
        config = resolver.config_for(target)
        profile = resolver.profile_for(config)
        if profile.exclude and not target.is_stdin:
            rel = relative_to(target.display, config.exclude_folder)
            if any(path_matches(rel, pattern) for pattern in profile.exclude):
                outcome.excluded += 1
                continue
        target.profile = profile
        planned.append(target)
        if profile.fail_on != "error":  # the default of every reader of fail_on: only the others are kept
            outcome.fail_on[target.display] = profile.fail_on
    # The report's order: linting in it lets the report be written as files finish (see ``run_check``).
    planned.sort(key=lambda t: t.display)
    if not resolver.profiles and (request.config is not None or not request.isolated):
        # Nothing to lint: still validate the configuration the working folder would use.
        folder_config = resolver.explicit or resolver.config_for(Target(Path("."), "."))
        resolver.profile_for(folder_config)
    for profile in resolver.profiles.values():
        for rule in profile.ruleset.rules:
            outcome.rules.setdefault(rule.id, rule)
    return planned, outcome, collected.warnings


def _results(
    request: CheckRequest,
    planned: list[Target],
    timings: Timings | None = None,
    outcome: CheckOutcome | None = None,
    baseline: Baseline | None = None,
) -> Iterator[FileResult]:
    """Lint the planned files in their order (the report's), each with its profile's linter (and so its cache),
    in parallel when enabled. Consecutive files of one profile are linted together (with one configuration, all
    of them). With ``timings``, every file is linted in this process and the linters add their time to it.
    """
    from newslint.running.many_files import default_jobs, lint_all

    jobs = 1 if timings is not None else request.jobs or default_jobs()
    caches: dict[int, ResultCache | None] = {}
    try:
        for profile, targets in _runs(planned):
            profile.linter.timings = timings
            cache = caches.get(id(profile))
            if cache is None and request.cache and any(not t.is_stdin for t in targets):
                from newslint.running.cache import ResultCache, cache_root, fingerprint

                cache = caches[id(profile)] = ResultCache(
                    cache_root(), fingerprint(profile.ruleset, profile.linter, request.settings, profile.digest())
                )
            results = lint_all(profile.linter, targets, request.settings, jobs, cache)
            if baseline is not None:
                results = (baseline.filter(r) for r in results)
            if request.diff:
                for target, result in zip(targets, results, strict=True):
                    yield _diff(target, result, outcome)
            elif request.fix:
                for target, result in zip(targets, results, strict=True):
                    fixed = _fix(request, profile, target, result)
                    yield baseline.filter(fixed) if baseline is not None and fixed is not result else fixed
            else:
                yield from results
    finally:
        for cache in caches.values():
            if cache is not None:
                cache.save_index()


def _runs(planned: list[Target]) -> Iterator[tuple[Profile, list[Target]]]:
    """The planned files as runs of consecutive files that share a profile (with one configuration, one run)."""
    current: Profile | None = None
    targets: list[Target] = []
    for target in planned:
        profile = target.profile
        if profile is not current:
            if current is not None:
                yield current, targets
            current, targets = profile, []
        targets.append(target)
    if current is not None:
        yield current, targets


def _fix(request: CheckRequest, profile: Profile, target: Target, result: FileResult) -> FileResult:
    """Apply the safe fixes of one file, then lint it again so that the report shows what is left."""
    path = target.path
    if path is None or target.is_stdin or not any(f.fix is not None and f.fix.safe for f in result.findings):
        return result
    from newslint.files.source import format_for
    from newslint.running.fixes import apply_fixes
    from newslint.running.one_file import lint_target

    fmt = target.format or format_for(target.display, "html") or "html"
    applied = apply_fixes(path, target.display, fmt, result.findings)
    if not applied.applied:
        result.warnings.extend(applied.skipped)
        return result
    fresh = lint_target(profile.linter, target, request.settings)
    fresh.fixed = applied.applied
    return fresh


def refuse_output_over_input(output_file: Path, targets: list[Target]) -> None:
    """``-o a.md`` while checking ``a.md`` (by any name: a link, ``./a.md``) would replace the article with
    the report: ``UsageError`` before anything is checked."""
    try:
        out = os.stat(output_file)
    except OSError:
        return  # a new file cannot be one of the checked ones
    for target in targets:
        if target.path is None:
            continue
        try:
            st = os.stat(target.path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            raise UsageError(f"--output-file {output_file} is one of the files being checked ({target.display})")


def _diff(target: Target, result: FileResult, outcome: CheckOutcome | None) -> FileResult:
    """``--diff``: what the safe fixes of one file would change, as a unified diff; the file is not touched."""
    if outcome is None or target.path is None or not any(f.fix is not None and f.fix.safe for f in result.findings):
        return result
    from newslint.files.source import format_for
    from newslint.running.fixes import apply_fixes, unified_diff

    fmt = target.format or format_for(target.display, "html") or "html"
    applied = apply_fixes(target.path, target.display, fmt, result.findings, write=False)
    if applied.applied and applied.text is not None and applied.before is not None:
        outcome.diffs.append(
            (target.display, applied.applied, unified_diff(applied.before, applied.text, target.display))
        )
    return result


def _read_baseline(request: CheckRequest) -> Baseline | None:
    if request.baseline is None or request.write_baseline:
        return None
    return Baseline.read(request.baseline)


def run_check(request: CheckRequest) -> CheckOutcome:
    """Plan the run and return its outcome. Its ``results`` is the stream of the run: files are linted as it is
    read, and come by path (the unreadable ones merged in), so that the report can be written as files finish;
    ``exit_code`` and the counts are known once it is read to its end. With a baseline or ``--diff``, whose
    notes come before the report, the results are a list, all linted before this returns.

    Raises ``ConfigError``, ``RuleLoadError``, ``UsageError`` or ``BaselineError`` before anything is
    linted (``BaselineError`` also when ``--write-baseline`` cannot write its file)."""
    baseline = _read_baseline(request)
    planned, outcome, warnings = plan(request)
    if request.output_file is not None:
        refuse_output_over_input(request.output_file, planned)
    err = sys.stderr
    if not request.quiet:
        for warning in warnings:
            print(f"newslint: warning: {warning}", file=err)
    outcome.progress = for_run(err, request.output_format, request.quiet, len(planned))
    rows = requested_rows()
    if rows is not None:
        outcome.timings = Timings(rows)
    outcome.checked = len(planned)
    unreadable = sorted(outcome.results, key=lambda r: r.path)
    stream = _stream(request, planned, outcome, unreadable, baseline)
    if baseline is None and request.baseline is None and not request.diff:
        outcome.results = stream
        return outcome
    outcome.results = list(stream)
    if request.write_baseline and request.baseline is not None and planned:  # nothing checked: nothing to record
        recorded = Baseline.of(request.baseline, outcome.results)
        total = recorded.write()
        if not request.quiet:
            print(f"newslint: recorded {total} finding{'s' if total != 1 else ''} in {request.baseline}", file=err)
        outcome.failing = False
        for result in outcome.results:
            recorded.filter(result)
            outcome.failing = outcome.failing or _fails(outcome, result)
        baseline = recorded
    if baseline is not None:
        outcome.baselined = sum(baseline.matched.values())
        outcome.stale = baseline.stale({baseline.relative(t.display) for t in planned})
    return outcome


def _fails(outcome: CheckOutcome, result: FileResult) -> bool:
    """Whether a finding of ``result`` is at or above the fail-on of its file's configuration."""
    level = outcome.fail_on.get(result.path, "error")
    if level == "never":
        return False
    threshold = SEVERITY_RANK[level]
    return any(SEVERITY_RANK.get(f.severity, 0) >= threshold for f in result.findings)


def _stream(
    request: CheckRequest,
    planned: list[Target],
    outcome: CheckOutcome,
    unreadable: list[FileResult],
    baseline: Baseline | None,
) -> Iterator[FileResult]:
    """The results by path, counted as they go (``exit_code``), with the progress line and per-file notes."""
    import heapq

    progress = outcome.progress
    assert progress is not None
    err = sys.stderr
    findings = done = fixed_files = fixed_total = 0
    linted = ((r, True) for r in _results(request, planned, outcome.timings, outcome, baseline))
    merged = heapq.merge(((r, False) for r in unreadable), linted, key=lambda rl: rl[0].path)
    for result, was_linted in merged:
        stop_if_interrupted()
        if was_linted:
            done += 1
            findings += len(result.findings)
            if result.notice and not request.quiet:
                progress.message(f"newslint: {result.path}: {result.notice}")
            if not request.quiet:
                for warning in result.warnings:
                    progress.message(f"newslint: warning: {result.path}: {warning}")
            if result.debug:
                progress.message(result.debug)
            progress.update(done, findings)
            if result.fixed:
                fixed_files += 1
                fixed_total += result.fixed
            outcome.failing = outcome.failing or _fails(outcome, result)
        if result.error:
            outcome.unreadable += 1
        yield result
    progress.close()
    if request.fix:
        if fixed_files and not request.quiet:
            files = "file" if fixed_files == 1 else "files"
            s = "s" if fixed_total != 1 else ""
            print(f"newslint: fixed {fixed_total} finding{s} in {fixed_files} {files}", file=err)
        if any(t.is_stdin for t in planned):
            print("newslint: warning: fixes are not applied to standard input", file=err)


def exit_code(outcome: CheckOutcome, exit_zero: bool) -> int:
    """The exit code of a run whose results have all been read."""
    if outcome.unreadable:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if outcome.failing else EXIT_OK


def profile_here(config: Path | None, isolated: bool, cli: CommandLine) -> Profile:
    """The profile that governs the working folder (for ``rules`` and ``explain``)."""
    from newslint.document.dates import today_in

    request = CheckRequest(paths=[], settings=CheckSettings(now=today_in()), cli=cli, config=config, isolated=isolated)
    resolver = ProfileResolver(request)
    return resolver.profile_for(resolver.config_for(Target(Path("."), ".")))


def html_selectors_for(path: Path, config: Path | None, isolated: bool) -> HtmlSelectors | None:
    """The configured HTML selectors for one file (for ``inspect``); reads the configuration only."""
    if isolated and config is None:
        return None
    found = config if config is not None else ConfigFinder().for_file(path)
    if found is None:
        return None
    loaded = load_config(found)
    if not (loaded.html_content or loaded.html_furniture):
        return None
    from newslint.parsing.html.selectors import HtmlSelectors

    return HtmlSelectors(tuple(loaded.html_content), tuple(loaded.html_furniture))


def github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"
