"""One configuration made effective: its rules loaded and selected, severities set, a linter ready to run.

Precedence (as in ruff): the command line overrides the file. ``--select`` replaces the file's ``select``;
``--ignore`` adds to its ``ignore``; ``--rules`` adds rule files; ``--no-builtin`` drops the built-in packs
(path entries of ``packs`` still load); ``--fail-on`` replaces ``fail-on``. Every selector of the file
(``select``, ``ignore``, ``severity`` keys, ``per-file-ignores`` values) must match a rule id, glob or pack:
one that matches nothing is a ``file:line`` error (exit 2).
"""

from __future__ import annotations

import copy
import fnmatch
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from newslint.config.file import Config, ConfigError, Setting, display_path, is_path_entry
from newslint.document.dates import DatePolicy, Today, today_in
from newslint.document.model import Document
from newslint.language.model import Rule
from newslint.rules.loader import RuleSet, builtin_pack_files, load_rules
from newslint.running.findings import Finding
from newslint.running.linter import PATTERN_RULE, TIMEOUT_RULE, Linter
from newslint.running.one_file import CheckSettings, select_rules

ENGINE_RULES = {TIMEOUT_RULE: "newslint", PATTERN_RULE: "newslint"}


@dataclass(init=False)
class CommandLine:
    """What the command line says about rules and failure; ``None`` = not given, the file decides."""

    rules: list[Path]
    no_builtin: bool
    select: list[str] | None
    ignore: list[str]
    fail_on: str | None
    extend_select: list[str]

    def __init__(
        self,
        rules: list[Path] | None = None,
        no_builtin: bool = False,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: str | None = None,
        extend_select: list[str] | None = None,
    ) -> None:
        self.rules = [] if rules is None else rules
        self.no_builtin = no_builtin
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.fail_on = fail_on
        self.extend_select = [] if extend_select is None else extend_select  # added to whichever select applies


def path_matches(rel: str, pattern: str) -> bool:
    """Whether a path (relative, ``/``-separated) matches a configured glob.

    ``fnmatch`` rules (``*`` also crosses folders); a pattern without ``/`` also matches the file name; a
    pattern that matches one of the path's folders matches everything under it; a leading ``**/`` may match
    nothing.
    """
    pattern = pattern.replace("\\", "/").removeprefix("./")
    candidates = [pattern.rstrip("/") or pattern]
    if pattern.startswith("**/"):
        candidates.append(pattern[3:])
    parts = rel.split("/")
    for pat in candidates:
        if fnmatch.fnmatchcase(rel, pat):
            return True
        if "/" not in pat and fnmatch.fnmatchcase(parts[-1], pat):
            return True
        for i in range(1, len(parts)):
            if fnmatch.fnmatchcase("/".join(parts[:i]), pat) or (
                "/" not in pat and fnmatch.fnmatchcase(parts[i - 1], pat)
            ):
                return True
    return False


def relative_to(path: str, folder: Path) -> str:
    """``path`` (as displayed, relative to the working folder) relative to ``folder``, with ``/``."""
    rel = os.path.relpath(os.path.abspath(path), folder)
    return rel.replace(os.sep, posixpath.sep)


class ConfiguredLinter(Linter):
    """A linter that also applies a configuration's per-file ignores and the files' inline suppressions."""

    def __init__(
        self,
        ruleset: RuleSet,
        settings: CheckSettings,
        rules: list[Rule],
        folder: Path,
        per_file_ignores: list[tuple[str, set[str]]],
    ) -> None:
        super().__init__(ruleset, settings.now, rules, settings.severities, settings.timeout)
        self.folder = folder
        self.per_file_ignores = per_file_ignores
        self.packs = {r.id: r.pack for r in ruleset.rules} | ENGINE_RULES

    def rules_for(self, path: str) -> list[Rule]:
        if not self.per_file_ignores:
            return self.rules
        rel = relative_to(path, self.folder)
        ignored: set[str] = set()
        for glob, ids in self.per_file_ignores:
            if path_matches(rel, glob):
                ignored |= ids
        return [r for r in self.rules if r.id not in ignored] if ignored else self.rules

    def lint(self, doc: Document) -> list[Finding]:
        rules = self.rules_for(doc.path)
        view = self
        if rules is not self.rules:
            view = copy.copy(self)
            view.rules = rules
        findings = Linter.lint(view, doc)
        if not doc.comments and not (doc.metadata.front_matter and "newslint" in doc.metadata.front_matter):
            return findings  # nothing can suppress anything: skip importing the machinery
        from newslint.running.suppression import RuleIndex, apply_suppressions

        active = {r.id for r in rules} | set(ENGINE_RULES)
        return apply_suppressions(doc, findings, RuleIndex(self.packs, active, self.severities))


@dataclass
class Profile:
    config: Config
    ruleset: RuleSet
    linter: ConfiguredLinter
    fail_on: str
    exclude: list[str]

    def digest(self) -> str:
        """What the configuration contributes to a file's result (for the cache): its folder and its text.

        Selectors, per-file ignores and house facts all come from the file, so hashing it covers them.
        """
        import hashlib

        parts = [str(self.config.folder)]
        for source in self.config.sources:  # the file and those it extends
            try:
                parts.append(hashlib.sha256(source.read_bytes()).hexdigest())
            except OSError:
                parts.append("unreadable")
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _matches(rules: list[Rule], selector: str) -> list[Rule]:
    return [r for r in rules if r.id == selector or r.pack == selector or fnmatch.fnmatchcase(r.id, selector)]


def _no_match(config: Config, setting: Setting, rules: list[Rule]) -> str:
    import difflib

    names = sorted({r.id for r in rules} | {r.pack for r in rules})
    close = difflib.get_close_matches(setting.value, names, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else " (see `newslint rules`)"
    return config.problem_at(setting, f"{setting.value!r} matches no rule id or pack{hint}")


def load_profile_rules(config: Config, cli: CommandLine) -> RuleSet:
    """The rule set a configuration asks for (packs, rule files, code-defined rules)."""
    problems: list[str] = []
    paths: list[Path] = []
    builtin_names: list[str] | None = None
    if config.packs is not None:
        builtin_names = []
        available = builtin_pack_files(opt_in=True)  # an opt-in pack loads when named here
        for entry in config.packs:
            if is_path_entry(entry.value):
                path = Path(display_path(config.folder / entry.value))
                if not path.exists():
                    problems.append(config.problem_at(entry, f"pack {entry.value!r}: no such rule file or folder"))
                paths.append(path)
            elif entry.value in available:
                builtin_names.append(entry.value)
            else:
                known = ", ".join(available) or "none installed"
                problems.append(config.problem_at(entry, f"unknown built-in pack {entry.value!r} (available: {known})"))
    for entry in config.rules:
        path = Path(display_path(config.folder / entry.value))
        if not path.exists():
            problems.append(config.problem_at(entry, f"rules: no such rule file or folder {entry.value!r}"))
        paths.append(path)
    if problems:
        raise ConfigError(problems)
    ruleset = load_rules([*paths, *cli.rules], builtin=not cli.no_builtin, builtin_packs=builtin_names)
    from newslint.config.code_rules import add_code_rules

    clash = add_code_rules(ruleset, config.house)
    if clash:
        raise ConfigError(clash)
    return ruleset


def build_profile(config: Config, cli: CommandLine, settings: CheckSettings) -> Profile:
    """Raises ``ConfigError`` (file:line problems), ``RuleLoadError`` or ``runner.UsageError``."""
    ruleset = load_profile_rules(config, cli)
    everything = ruleset.rules
    problems: list[str] = []
    for setting in [*(config.select or []), *config.ignore]:
        if not _matches(everything, setting.value):
            problems.append(_no_match(config, setting, everything))
    ranked: list[tuple[int, int, Setting, str]] = []
    for i, (setting, severity) in enumerate(config.severity):
        if not _matches(everything, setting.value):
            problems.append(_no_match(config, setting, everything))
        exact = any(r.id == setting.value for r in everything)
        ranked.append((2 if exact else 1 if any(c in setting.value for c in "*?[") else 0, i, setting, severity))
    per_file: list[tuple[str, set[str]]] = []
    for glob, selectors in config.per_file_ignores:
        ids: set[str] = set()
        for setting in selectors:
            found = _matches(everything, setting.value)
            if not found:
                problems.append(_no_match(config, setting, everything))
            ids |= {r.id for r in found}
        per_file.append((glob.value, ids))
    if problems:
        raise ConfigError(problems)
    severities: dict[str, str] = {}
    for _rank, _i, setting, severity in sorted(ranked, key=lambda t: (t[0], t[1])):
        for rule in _matches(everything, setting.value):
            severities[rule.id] = severity
    select = cli.select if cli.select is not None else [s.value for s in config.select or []]
    if select and cli.extend_select:  # with no select every rule runs: nothing to add
        select = [*select, *cli.extend_select]
    elif cli.extend_select:
        select_rules(ruleset, cli.extend_select, [])  # still a usage error when it matches no rule
    ignore = [*(s.value for s in config.ignore), *cli.ignore]
    chosen = select_rules(ruleset, select, ignore)
    if config.time_zone is not None and isinstance(settings.now, Today):
        settings.now = today_in(config.time_zone)  # no --now: today in the configured zone (and cache key)
    effective = CheckSettings(
        now=settings.now,
        select=select,
        ignore=ignore,
        severities=severities,
        max_file_size=settings.max_file_size,
        timeout=settings.timeout,
        debug=settings.debug,
    )
    linter = ConfiguredLinter(ruleset, effective, chosen, config.per_file_folder, per_file)
    if config.html_content or config.html_furniture:
        from newslint.parsing.html.selectors import HtmlSelectors

        linter.html_selectors = HtmlSelectors(tuple(config.html_content), tuple(config.html_furniture))
    if config.time_zone is not None or config.scheduled_posts is not None:
        linter.date_policy = DatePolicy(config.time_zone or "Asia/Kolkata", config.scheduled_posts or "allow")
    fail_on = cli.fail_on or config.fail_on or "error"
    return Profile(config, ruleset, linter, fail_on, config.exclude)
