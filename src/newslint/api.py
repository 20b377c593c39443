"""newslint's Python API: check one article (text or file) and get typed findings back.

```python
import newslint

for f in newslint.check_text(html, format="html"):
    print(f.line, f.column, f.severity, f.rule, f.message)
```

Everything here is built on :func:`newslint.running.linter.lint_source`, the one function that checks one
decoded document, with the configuration machinery of ``newslint check``
(:func:`newslint.running.configured.build_profile`): the same packs, selection, severities, per-file ignores
and inline suppressions, so a finding here is the finding the command line reports. Loaded rule sets are kept
between calls (loading the packs is most of a first check's time), keyed by the configuration file and its
modification time, so an edited configuration is picked up.

The public types are frozen dataclasses with slots: immutable, hashable, cheap, and understood by type
checkers and editors. This module is imported only when one of its names is first used (``newslint``'s
``__getattr__``), so ``import newslint`` stays cheap.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from newslint.document.positions import LineIndex
    from newslint.files.source import SourceText
    from newslint.language.model import Rule
    from newslint.running.configured import Profile
    from newslint.running.findings import Finding as EngineFinding
    from newslint.running.linter import FileResult

Severity = Literal["error", "warning", "info"]
Format = Literal["html", "markdown"]
FORMATS: tuple[str, ...] = ("html", "markdown")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

__all__ = [
    "FORMATS",
    "SEVERITIES",
    "CheckError",
    "Finding",
    "Fix",
    "Format",
    "RuleInfo",
    "Severity",
    "check_file",
    "check_text",
    "rule_info",
]


class CheckError(Exception):
    """The article could not be checked: an unreadable file, a broken configuration or rule file.

    ``problems`` holds one line per problem (``file:line: message`` for configuration problems).
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True, slots=True)
class Fix:
    """The wording a rule mandates, and where it goes (1-based lines and columns, end exclusive).

    ``start``/``end`` are character offsets into the checked text (the decoded file for ``check_file``).
    ``safe`` is true when the span holds exactly the matched text (no markup, no entities): replacing
    ``text[start:end]`` by ``replacement`` is then exactly what ``newslint check --fix`` does.
    """

    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    safe: bool
    original: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in an article: which rule, how bad, what is wrong, and where.

    Lines and columns are 1-based and count characters of the decoded text; ``end_column`` is exclusive.
    ``start``/``end`` are the same span as character offsets into the checked text.
    """

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    path: str
    pack: str = ""
    snippet: str = ""
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule is about, for an explanation next to its findings (``newslint explain`` prints the same)."""

    id: str
    pack: str
    severity: Severity
    summary: str
    description: str
    references: tuple[str, ...]

    @classmethod
    def from_rule(cls, rule: Rule) -> RuleInfo:
        return cls(
            id=rule.id,
            pack=rule.pack,
            severity=rule.severity,  # type: ignore[arg-type]
            summary=rule.summary,
            description=rule.description,
            references=tuple(rule.references),
        )


def check_text(
    text: str,
    format: Format | None = "html",
    *,
    path: str | os.PathLike[str] | None = None,
    config: str | os.PathLike[str] | None = None,
    isolated: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    now: date | str | None = None,
) -> list[Finding]:
    """Check an article held in memory; findings sorted by position.

    ``format``: ``"html"`` or ``"markdown"`` (``None``: from ``path``'s extension, else guessed from the text).
    ``path``: where the text belongs, if anywhere; it names the findings, chooses the per-file ignores and,
    unless ``config`` is given, the configuration (the nearest one above it, as ``newslint check`` finds
    it). Without ``path`` or ``config`` the built-in packs run with their defaults.
    ``config``: a configuration file to use instead. ``isolated``: no configuration file at all.
    ``select``/``ignore``: rule ids, globs or pack names, as ``--select``/``--ignore``.
    ``now``: today's date for date rules, a ``date`` or an ISO string such as "2025-06-01" (default: today).

    Raises :class:`CheckError` for a broken configuration or an internal error, ``ValueError`` for an
    unknown format or selector. Empty text has no findings.
    """
    from newslint.files.source import SourceText, format_for, sniff_format

    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__} (decode bytes first, or use check_file)")
    name = os.fspath(path) if path is not None else "<text>"
    fmt = format or (format_for(name) if path is not None else None) or sniff_format(text)
    if fmt not in FORMATS:
        raise ValueError(f"format must be 'html' or 'markdown', not {fmt!r}")
    if not text or text.isspace():
        return []
    profile = _profile(Path(name) if path is not None else None, config, isolated, select, ignore, now)
    source = SourceText(name, fmt, text.replace("\x00", "\ufffd"), "utf-8", len(text))
    return _run(profile, source)


def check_file(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    config: str | os.PathLike[str] | None = None,
    isolated: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    now: date | str | None = None,
    max_file_size: int | None = None,
) -> list[Finding]:
    """Check an article file, read and decoded as ``newslint check`` reads it (any encoding, BOMs, limits).

    The configuration is the nearest one above the file unless ``config`` or ``isolated`` says otherwise.
    ``format``: from the extension by default. ``max_file_size``: bytes (default 20 MB).
    Findings' lines, columns and offsets refer to the decoded file. An empty file has no findings.
    Raises :class:`CheckError` when the file cannot be read or checked, or the configuration is broken.
    """
    from newslint.files.source import DEFAULT_MAX_FILE_SIZE, SourceError, SourceSkipped, read_source

    file = Path(path)
    display = os.fspath(path)
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be 'html' or 'markdown', not {format!r}")
    profile = _profile(file, config, isolated, select, ignore, now)
    try:
        source = read_source(file, display, format, DEFAULT_MAX_FILE_SIZE if max_file_size is None else max_file_size)
    except SourceSkipped:
        return []
    except SourceError as exc:
        raise CheckError([f"{display}: {exc}"]) from None
    return _run(profile, source)


def rule_info(
    rule_id: str,
    *,
    path: str | os.PathLike[str] | None = None,
    config: str | os.PathLike[str] | None = None,
    isolated: bool = False,
) -> RuleInfo | None:
    """The description and references of a rule of the configuration that governs ``path`` (or the defaults);
    ``None`` for an id that configuration does not load."""
    profile = _profile(Path(os.fspath(path)) if path is not None else None, config, isolated, None, None, None)
    rule = profile.ruleset.by_id().get(rule_id)
    return RuleInfo.from_rule(rule) if rule is not None else None


# --- internals ---------------------------------------------------------------------------------------------

_CACHE_SIZE = 16
# Each profile with the (mtime, size) of the rule files it loaded: a long-lived caller (the editor server) sees a
# rule file edited since (a house pack, or the built-in packs of a development install) without being told.
_profiles: OrderedDict[tuple[object, ...], tuple[Profile, tuple[tuple[int, int], ...]]] = OrderedDict()
_lock = threading.Lock()


def _config_path(path: Path | None, config: str | os.PathLike[str] | None, isolated: bool) -> Path | None:
    if config is not None:
        return Path(config).resolve()
    if isolated or path is None:
        return None
    from newslint.config.discovery import ConfigFinder

    return ConfigFinder().for_file(path)  # a new finder each time: a configuration created since is seen


def _stamp(path: Path | None) -> tuple[int, int]:
    if path is None:
        return (0, 0)
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)  # load_config reports it
    return (st.st_mtime_ns, st.st_size)


def _rule_files_stamp(profile: Profile) -> tuple[tuple[int, int], ...]:
    """The (mtime, size) of each rule file ``profile`` loaded, one ``stat`` each (the built-in packs, named
    "<builtin>/...", in their folder: a development install's ``rules/``)."""
    from newslint.rules.loader import builtin_rules_dir

    builtin = builtin_rules_dir()
    return tuple(
        _stamp(builtin / name.removeprefix("<builtin>/") if name.startswith("<builtin>/") else Path(name))
        for name, _text in profile.ruleset.sources
    )


def _profile(
    path: Path | None,
    config: str | os.PathLike[str] | None,
    isolated: bool,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    now: date | str | None,
) -> Profile:
    """The effective configuration for one check, built once per (configuration file, version, options)."""
    config_file = _config_path(path, config, isolated)
    chosen = tuple(select) if select is not None else None
    dropped = tuple(ignore or ())
    for value in (chosen or ()) + dropped:
        if not isinstance(value, str):
            raise TypeError(f"select and ignore take rule ids, globs or pack names (str), not {value!r}")
    from newslint.document.dates import today_in

    today = _as_date(now) or today_in()  # the configured zone's today (see document.dates.Today), not the machine's
    key = (config_file, _stamp(config_file), chosen, dropped, today)
    with _lock:
        cached = _profiles.get(key)
    if cached is not None and _rule_files_stamp(cached[0]) == cached[1]:
        with _lock:
            if key in _profiles:
                _profiles.move_to_end(key)
        return cached[0]
    profile = _build_profile(config_file, chosen, dropped, today)
    with _lock:
        _profiles[key] = (profile, _rule_files_stamp(profile))
        while len(_profiles) > _CACHE_SIZE:
            _profiles.popitem(last=False)
    return profile


def _as_date(now: object) -> date | None:
    """``now`` as a date: a ``date`` (a ``datetime`` gives its day), an ISO date string as ``--now`` takes
    ("2025-06-01"), or ``None``; anything else is the caller's mistake, said plainly."""
    if now is None:
        return None
    if isinstance(now, datetime):
        return now.date()
    if isinstance(now, date):
        return now
    if isinstance(now, str):
        try:
            return date.fromisoformat(now.strip())
        except ValueError:
            raise ValueError(f"now must be a date such as '2025-06-01', not {now!r}") from None
    raise TypeError(f"now must be a datetime.date or an ISO date string, not {type(now).__name__}")


def _build_profile(
    config_file: Path | None, select: tuple[str, ...] | None, ignore: tuple[str, ...], now: date
) -> Profile:
    from newslint.config.file import ConfigError, default_config, load_config
    from newslint.rules.loader import RuleLoadError
    from newslint.running.configured import CommandLine, build_profile
    from newslint.running.one_file import CheckSettings, UsageError

    try:
        config = load_config(config_file) if config_file is not None else default_config(Path.cwd())
        cli = CommandLine(select=list(select) if select is not None else None, ignore=list(ignore))
        return build_profile(config, cli, CheckSettings(now=now))
    except (ConfigError, RuleLoadError) as exc:
        raise CheckError(exc.problems) from None
    except UsageError as exc:
        raise ValueError(str(exc)) from None


def _run(profile: Profile, source: SourceText) -> list[Finding]:
    from newslint.running.linter import lint_source

    result = lint_source(profile.linter, source)
    if result.error:
        raise CheckError([f"{result.path}: {result.error}"])
    return _convert(result, source.text, profile.linter.packs)


def _convert(result: FileResult, text: str, packs: dict[str, str]) -> list[Finding]:
    """The engine's findings of one file as API findings (offsets computed from ``text``, the decoded file)."""
    from newslint.document.positions import LineIndex

    lines = LineIndex(text)
    return [_from_engine(f, lines, packs.get(f.rule, "")) for f in result.findings]


def _from_engine(f: EngineFinding, lines: LineIndex, pack: str) -> Finding:
    offset = lines.offset
    fix = None
    if f.fix is not None:
        x = f.fix
        fix = Fix(x.replacement, x.line, x.column, x.end_line, x.end_column, x.start, x.end, x.safe, x.original)
    return Finding(
        rule=f.rule,
        severity=f.severity,  # type: ignore[arg-type]
        message=f.message,
        line=f.line,
        column=f.column,
        end_line=f.end_line,
        end_column=f.end_column,
        start=offset(f.line, f.column),
        end=offset(f.end_line, f.end_column),
        path=f.path,
        pack=pack,
        snippet=f.snippet,
        fix=fix,
    )


def clear_cache() -> None:
    """Forget the loaded rule sets (the editor server calls this when a rule file changes)."""
    with _lock:
        _profiles.clear()
