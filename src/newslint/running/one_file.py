"""A ``check`` run from start to end: find the files, load the rules, lint each file, collect results.

Rule selection follows ruff: ``select`` keeps only the named rules (ids, ``fnmatch`` globs such as ``sebi-*``,
or pack names), ``ignore`` drops rules; a selector that matches no rule is a usage error.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newslint.files.source import DEFAULT_MAX_FILE_SIZE, SourceError, SourceSkipped, format_for, read_stream
from newslint.language.model import Rule
from newslint.rules.loader import RuleSet
from newslint.running.linter import DEFAULT_RULE_TIMEOUT, FileResult, Linter, lint_file, lint_source

ARTICLE_SUFFIXES = (".html", ".htm", ".md", ".markdown")
SKIP_DIRS = frozenset(
    (".git", ".hg", ".svn", "node_modules", ".newslint_cache", "__pycache__", ".venv", "venv", ".tox")
)


class UsageError(Exception):
    """A problem with how newslint was called or configured (exit code 2)."""


class Target:
    """A file to check. Its path is kept as a string (a ``Path`` is made when asked): a run over 100,000 files
    holds them all, and a ``Path`` costs several times the string."""

    __slots__ = ("_path", "display", "format", "profile")

    def __init__(self, path: Path | str | None, display: str, format: str | None = None) -> None:
        # None: standard input. The display name is the path itself when they are equal (one string, not two).
        self._path = None if path is None else display if str(path) == display else str(path)
        self.display = display
        self.format = format
        self.profile: Any = None  # the configuration that governs the file, once a run has planned it

    def __getstate__(self) -> tuple[str | None, str, str | None]:
        # Sent to pool workers without its profile: the workers have the linter already.
        return (self._path, self.display, self.format)

    def __setstate__(self, state: tuple[str | None, str, str | None]) -> None:
        self._path, self.display, self.format = state
        self.profile = None

    @property
    def path(self) -> Path | None:
        return None if self._path is None else Path(self._path)

    @property
    def is_stdin(self) -> bool:
        return self._path is None

    @property
    def os_path(self) -> str | None:
        """The path as a string, for ``os`` calls: no ``Path`` made (each interns its parts)."""
        return self._path

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Target):
            return NotImplemented
        return (self._path, self.display, self.format) == (other._path, other.display, other.format)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Target(path={self.path!r}, display={self.display!r}, format={self.format!r})"


@dataclass(init=False)
class Collected:
    targets: list[Target]
    errors: list[FileResult]
    warnings: list[str]

    def __init__(
        self,
        targets: list[Target] | None = None,
        errors: list[FileResult] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.targets = [] if targets is None else targets
        self.errors = [] if errors is None else errors
        self.warnings = [] if warnings is None else warnings


def collect(
    paths: list[str],
    stdin_filename: str | None = None,
    exclude: list[str] | None = None,
    respect_gitignore: bool = False,
) -> Collected:
    """Expand files and folders (recursively, article suffixes only, hidden and vendored folders skipped; with
    ``respect_gitignore``, what git ignores too, see ``newslint.files.gitignore``). Files named are always kept."""
    out = Collected()
    seen: set[str] = set()
    exclude = exclude or []

    def excluded(rel: str) -> bool:
        return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(os.path.basename(rel), pat) for pat in exclude)

    for raw in paths:
        if raw == "-":
            name = stdin_filename or "-"
            out.targets.append(Target(None, name, format_for(name, None)))
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = path.exists() or path.is_symlink()
        except OSError as exc:
            out.errors.append(FileResult(raw, error=f"cannot read: {exc.strerror or exc}"))
            continue
        if not exists:
            out.errors.append(FileResult(raw, error="no such file or folder"))
            continue
        if is_dir:
            found = 0
            git = None
            if respect_gitignore:
                from newslint.files.gitignore import GitIgnore

                git = GitIgnore(path)
            for root, dirs, files in os.walk(path, onerror=_folder_error(out.errors), followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                if git is not None:
                    git.enter(root)
                    dirs[:] = [d for d in dirs if not git.is_ignored(os.path.join(root, d), True)]
                for name in sorted(files):
                    if not name.lower().endswith(ARTICLE_SUFFIXES):
                        continue
                    full = os.path.join(root, name)
                    if git is not None and git.is_ignored(full, False):
                        continue
                    display = os.path.normpath(full)
                    if excluded(display) or display in seen:
                        continue
                    seen.add(display)
                    out.targets.append(Target(full, display, format_for(name)))
                    found += 1
            if not found:
                kinds = ", ".join("*" + s for s in ARTICLE_SUFFIXES)
                hidden = ""
                if git is not None and git.ignored:
                    hidden = f"; {git.ignored} ignored by git's ignore files (--no-respect-gitignore checks them)"
                out.warnings.append(f"{raw}: folder holds no articles ({kinds}){hidden}")
            continue
        display = os.path.normpath(raw)
        if display in seen or excluded(display):
            continue
        seen.add(display)
        out.targets.append(Target(path, display, format_for(raw)))
    return out


def _folder_error(errors: list[FileResult]) -> Callable[[OSError], None]:
    """``os.walk`` skips a folder it cannot list without a word; report it as that folder's error."""

    def report(exc: OSError) -> None:
        where = os.path.normpath(exc.filename) if exc.filename else "?"
        if isinstance(exc, PermissionError):
            reason = "permission denied"
        else:
            reason = (exc.strerror or str(exc)).lower()
        errors.append(FileResult(where, error=f"cannot read folder: {reason}"))

    return report


def select_rules(ruleset: RuleSet, select: list[str], ignore: list[str]) -> list[Rule]:
    rules = list(ruleset.rules)

    def matches(rule: Rule, selector: str) -> bool:
        return rule.pack == selector or fnmatch.fnmatchcase(rule.id, selector)

    for selector in [*select, *ignore]:
        if not any(matches(r, selector) for r in rules):
            import difflib

            names = sorted({r.id for r in rules} | {r.pack for r in rules})
            close = difflib.get_close_matches(selector, names, n=3, cutoff=0.5)  # as `explain`
            hint = f"did you mean {', '.join(close)}?" if close else "see `newslint rules`"
            raise UsageError(f"selector {selector!r} matches no rule ({hint})")
    if select:
        rules = [r for r in rules if any(matches(r, s) for s in select)]
    if ignore:
        rules = [r for r in rules if not any(matches(r, s) for s in ignore)]
    return rules


@dataclass(init=False)
class CheckSettings:
    now: date
    select: list[str]
    ignore: list[str]
    severities: dict[str, str]
    max_file_size: int
    timeout: float
    debug: bool

    def __init__(
        self,
        now: date,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        severities: dict[str, str] | None = None,
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        timeout: float = DEFAULT_RULE_TIMEOUT,
        debug: bool = False,
    ) -> None:
        self.now = now
        self.select = [] if select is None else select
        self.ignore = [] if ignore is None else ignore
        self.severities = {} if severities is None else severities
        self.max_file_size = max_file_size
        self.timeout = timeout
        self.debug = debug


def make_linter(ruleset: RuleSet, settings: CheckSettings) -> Linter:
    rules = select_rules(ruleset, settings.select, settings.ignore)
    return Linter(ruleset, settings.now, rules, settings.severities, settings.timeout)


def lint_target(linter: Linter, target: Target, settings: CheckSettings) -> FileResult:
    if target.os_path is None:
        try:
            source = read_stream(sys.stdin.buffer, target.display, target.format, settings.max_file_size)
        except SourceSkipped as exc:
            return FileResult(target.display, notice=str(exc))
        except SourceError as exc:
            return FileResult(target.display, error=str(exc))
        return lint_source(linter, source, settings.debug)
    path: Any = target.os_path  # read_source takes any path os.stat and open take
    return lint_file(linter, path, target.display, target.format, settings.max_file_size, settings.debug)
