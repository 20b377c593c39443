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
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, default_config, load_config
from .discovery import ConfigFinder
from .engine import FileResult
from .entry import stop_if_interrupted
from .profile import CommandLine, Profile, build_profile, path_matches, relative_to
from .progress import Progress, for_run
from .records import Record
from .rules.model import SEVERITY_RANK, Rule
from .runner import CheckSettings, Target, collect
from .timing import Timings, requested_rows

if TYPE_CHECKING:
    from .cache import ResultCache
    from .html.selectors import HtmlSelectors

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class CheckRequest(Record):
    _fields = (
        "paths",
        "settings",
        "cli",
        "config",
        "isolated",
        "stdin_filename",
        "exclude",
        "output_format",
        "quiet",
        "jobs",
        "fix",
        "cache",
    )

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


class CheckOutcome(Record):
    _fields = ("results", "rules", "checked", "excluded", "timings", "unreadable", "failing", "progress")

    def __init__(
        self,
        results: Iterable[FileResult] | None = None,
        rules: dict[str, Rule] | None = None,
        checked: int = 0,
        excluded: int = 0,
        timings: Timings | None = None,
    ) -> None:
        # Every file's result, by path: a list until ``run_check`` makes it the stream of the run, which sets
        # ``unreadable`` and ``failing`` as it goes (see ``exit_code``).
        self.results: Iterable[FileResult] = [] if results is None else results
        self.rules = {} if rules is None else rules  # every rule of every configuration used
        self.checked = checked
        self.excluded = excluded
        self.timings = timings  # NEWSLINT_TIMING runs: where the time went (see newslint.timing)
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


def plan(request: CheckRequest) -> tuple[list[tuple[Target, Profile]], CheckOutcome, list[str]]:
    """Targets with their profiles (excluded ones left out), the outcome so far, and warnings to print.

    Raises ``ConfigError``, ``RuleLoadError`` or ``UsageError`` before anything is linted.
    """
    collected = collect(request.paths or ["."], request.stdin_filename, request.exclude)
    outcome = CheckOutcome(results=sorted(collected.errors, key=lambda r: r.path))
    resolver = ProfileResolver(request)
    planned: list[tuple[Target, Profile]] = []
    for target in collected.targets:
        config = resolver.config_for(target)
        profile = resolver.profile_for(config)
        if profile.exclude and target.path is not None:
            rel = relative_to(target.display, config.folder)
            if any(path_matches(rel, pattern) for pattern in profile.exclude):
                outcome.excluded += 1
                continue
        planned.append((target, profile))
    # The report's order: linting in it lets the report be written as files finish (see ``run_check``).
    planned.sort(key=lambda tp: tp[0].display)
    if not resolver.profiles and (request.config is not None or not request.isolated):
        # Nothing to lint: still validate the configuration the working folder would use.
        folder_config = resolver.explicit or resolver.config_for(Target(Path("."), "."))
        resolver.profile_for(folder_config)
    for profile in resolver.profiles.values():
        for rule in profile.ruleset.rules:
            outcome.rules.setdefault(rule.id, rule)
    return planned, outcome, collected.warnings


def _results(
    request: CheckRequest, planned: list[tuple[Target, Profile]], timings: Timings | None = None
) -> Iterator[tuple[FileResult, Profile]]:
    """Lint the planned files in their order, each with its profile's linter (and so its cache), in parallel
    when enabled; each result comes with its profile. Consecutive files of one profile are linted together
    (with one configuration, all of them). With ``timings``, every file is linted in this process and the
    linters add their time to it.
    """
    from .parallel import default_jobs, lint_all

    jobs = 1 if timings is not None else request.jobs or default_jobs()
    caches: dict[int, ResultCache | None] = {}
    try:
        for profile, targets in _runs(planned):
            profile.linter.timings = timings
            cache = caches.get(id(profile))
            if cache is None and request.cache and any(t.path is not None for t in targets):
                from .cache import ResultCache, cache_root, fingerprint

                cache = caches[id(profile)] = ResultCache(
                    cache_root(), fingerprint(profile.ruleset, profile.linter, request.settings, profile.digest())
                )
            results = lint_all(profile.linter, targets, request.settings, jobs, cache)
            if not request.fix:
                for result in results:
                    yield result, profile
            else:
                for target, result in zip(targets, results, strict=True):
                    yield _fix(request, profile, target, result), profile
    finally:
        for cache in caches.values():
            if cache is not None:
                cache.save_index()


def _runs(planned: list[tuple[Target, Profile]]) -> Iterator[tuple[Profile, list[Target]]]:
    """The planned files as runs of consecutive files that share a profile."""
    current: Profile | None = None
    targets: list[Target] = []
    for target, profile in planned:
        if profile is not current:
            if current is not None:
                yield current, targets
            current, targets = profile, []
        targets.append(target)
    if current is not None:
        yield current, targets


def _fix(request: CheckRequest, profile: Profile, target: Target, result: FileResult) -> FileResult:
    """Apply the safe fixes of one file, then lint it again so that the report shows what is left."""
    if target.path is None or not any(f.fix is not None and f.fix.safe for f in result.findings):
        return result
    from .fixes import apply_fixes
    from .runner import lint_target
    from .source import format_for

    fmt = target.format or format_for(target.display, "html") or "html"
    applied = apply_fixes(target.path, target.display, fmt, result.findings)
    if not applied.applied:
        result.warnings.extend(applied.skipped)
        return result
    fresh = lint_target(profile.linter, target, request.settings)
    fresh.fixed = applied.applied
    return fresh


def run_check(request: CheckRequest) -> CheckOutcome:
    """Plan the run and return its outcome, whose ``results`` is the stream of the run: files are linted as it
    is read, and come by path (the unreadable ones merged in), so the report can be written as they finish.
    ``exit_code`` is known once the stream is read to its end."""
    planned, outcome, warnings = plan(request)
    err = sys.stderr
    if not request.quiet:
        for warning in warnings:
            print(f"newslint: warning: {warning}", file=err)
    outcome.progress = for_run(err, request.output_format, request.quiet, len(planned))
    rows = requested_rows()
    if rows is not None:
        outcome.timings = Timings(rows)
    outcome.checked = len(planned)
    unreadable = list(outcome.results)
    outcome.results = _stream(request, planned, outcome, unreadable)
    return outcome


def _stream(
    request: CheckRequest, planned: list[tuple[Target, Profile]], outcome: CheckOutcome, unreadable: list[FileResult]
) -> Iterator[FileResult]:
    import heapq

    progress = outcome.progress
    assert progress is not None
    err = sys.stderr
    findings = 0
    fixed_files = fixed_total = 0
    done = 0
    linted = _results(request, planned, outcome.timings)
    merged = heapq.merge(((r, None) for r in unreadable), linted, key=lambda rp: rp[0].path)
    for result, profile in merged:
        stop_if_interrupted()
        if profile is not None:
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
            if not outcome.failing and profile.fail_on != "never":
                threshold = SEVERITY_RANK[profile.fail_on]
                outcome.failing = any(SEVERITY_RANK.get(f.severity, 0) >= threshold for f in result.findings)
        if result.error:
            outcome.unreadable += 1
        yield result
    progress.close()
    if request.fix:
        if fixed_files and not request.quiet:
            files = "file" if fixed_files == 1 else "files"
            s = "s" if fixed_total != 1 else ""
            print(f"newslint: fixed {fixed_total} finding{s} in {fixed_files} {files}", file=err)
        if any(t.path is None for t, _ in planned):
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
    from datetime import date

    request = CheckRequest(
        paths=[], settings=CheckSettings(now=date.today()), cli=cli, config=config, isolated=isolated
    )
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
    from .html.selectors import HtmlSelectors

    return HtmlSelectors(tuple(loaded.html_content), tuple(loaded.html_furniture))


def github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"
