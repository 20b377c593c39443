"""The configuration file: ``.newslint.yaml``, ``newslint.yaml`` or ``[tool.newslint]`` in ``pyproject.toml``.

One declaration (the types of ``rules.spec``) validates the file and reports every problem as
``file:line: message``. Paths in the file (``rules``, path entries of ``packs``) are relative to the file's
folder, and so are the globs of ``exclude`` and ``per-file-ignores`` (they match the linted file's path
relative to that folder). Checks that need the loaded rules (does a selector match a rule?) live in
``profile.py``; this module only reads and validates the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.files.bounded_read import NotRegular, TooLarge, read_regular
from newslint.files.yaml_positions import Pos, YamlError, YList, YMap, load
from newslint.language.model import SEVERITIES
from newslint.language.spec import AnyOf, Field, ListOf, MapOf, Obj, Problems, Str

CONFIG_NAMES = (".newslint.yaml", "newslint.yaml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
REGISTRATION_NUMBER = r"IN[HAZPM][0-9]{9}"
MAX_CONFIG_FILE = 1024 * 1024
MAX_CONFIG_NESTING = 32  # validation recurses once per level; no configuration needs more than a few


class ConfigError(Exception):
    """Problems in a configuration file, each ``file:line: message`` (exit code 2)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _check_css(value: str) -> str | None:
    import soupsieve

    try:
        soupsieve.compile(value)
    except Exception as exc:  # soupsieve raises SelectorSyntaxError, a few edge cases raise others
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"invalid CSS selector {value!r}: {first}"
    return None


_SELECTORS = ListOf(Str(), single=True)
_CSS = ListOf(Str(check=_check_css), single=True)

HTML = Obj(
    "Html",
    {
        "content": Field(_CSS, doc="CSS selectors of the article body; override body detection."),
        "furniture": Field(_CSS, doc="CSS selectors of page furniture (related lists, comments, promos)."),
    },
    doc="CSS selectors for a site's templates.",
)


def _check_zone(value: str) -> str | None:
    from newslint.document.dates import named_zone

    try:
        named_zone(value)
    except ValueError as exc:
        return str(exc)
    return None


DATES = Obj(
    "Dates",
    {
        "time-zone": Field(
            Str(check=_check_zone), doc="IANA zone of --now and of dates written without one (Asia/Kolkata)."
        ),
        "scheduled-posts": Field(
            Str(enum=("allow", "error")),
            doc="allow: a draft or future-dated post with front matter is scheduled, not meta-date-future; "
            "error: every future date is meta-date-future.",
        ),
    },
    doc="How date rules read dates (see docs/metadata-and-dates.md).",
)

CONFIG = Obj(
    "Config",
    {
        "extend": Field(
            Str(), doc="A configuration file this one builds on (relative to this file); see docs/adoption.md."
        ),
        "packs": Field(ListOf(Str(), single=True), doc="Built-in pack names or rule-file paths; [] = none."),
        "rules": Field(ListOf(Str(), single=True), doc="Extra rule files or folders, relative to this file."),
        "select": Field(_SELECTORS, doc="Only these rules: ids, globs (sebi-*) or pack names."),
        "ignore": Field(_SELECTORS, doc="Not these rules: ids, globs or pack names."),
        "severity": Field(MapOf(Str(enum=SEVERITIES)), doc="Per-rule severity overrides (ids, globs or packs)."),
        "fail-on": Field(Str(enum=FAIL_ON), doc="Lowest severity that fails the run."),
        "per-file-ignores": Field(MapOf(_SELECTORS), doc="Path glob -> rules not to run on matching files."),
        "exclude": Field(ListOf(Str(), single=True), doc="Path globs of files not to check."),
        "html": Field(HTML, doc="CSS selectors that override body detection."),
        "dates": Field(DATES, doc="Time zone and scheduling policy of the date rules."),
        "house": Field(
            MapOf(
                AnyOf((Str(), ListOf(Str(), min_items=1))),
                key=Str(
                    pattern=REGISTRATION_NUMBER,
                    pattern_hint="a SEBI registration number is IN, one of H A Z P M, then 9 digits",
                ),
            ),
            doc="The publisher's own SEBI registration numbers, each with its name (or names).",
        ),
    },
    doc="A newslint configuration file.",
)


@dataclass(frozen=True)
class Setting:
    """A value from the file with the line it sits on (for ``file:line`` messages after validation)."""

    value: str
    line: int
    file: str | None = None  # the file it was written in, when inherited through ``extend``


@dataclass(frozen=True)
class HouseEntity:
    number: str
    names: tuple[str, ...]
    line: int


@dataclass(init=False)
class Config:
    """A validated configuration. ``path`` is None for the defaults (no file found, or ``--isolated``)."""

    path: Path | None
    folder: Path
    packs: list[Setting] | None
    rules: list[Setting]
    select: list[Setting] | None
    ignore: list[Setting]
    severity: list[tuple[Setting, str]]
    fail_on: str | None
    per_file_ignores: list[tuple[Setting, list[Setting]]]
    exclude: list[str]
    html_content: list[str]
    html_furniture: list[str]
    house: list[HouseEntity]
    time_zone: str | None
    scheduled_posts: str | None
    given: set[str]
    sources: list[Path]
    exclude_folder: Path
    per_file_folder: Path

    def __init__(
        self,
        path: Path | None,
        folder: Path,
        packs: list[Setting] | None = None,
        rules: list[Setting] | None = None,
        select: list[Setting] | None = None,
        ignore: list[Setting] | None = None,
        severity: list[tuple[Setting, str]] | None = None,
        fail_on: str | None = None,
        per_file_ignores: list[tuple[Setting, list[Setting]]] | None = None,
        exclude: list[str] | None = None,
        html_content: list[str] | None = None,
        html_furniture: list[str] | None = None,
        house: list[HouseEntity] | None = None,
        time_zone: str | None = None,
        scheduled_posts: str | None = None,
    ) -> None:
        self.path = path
        self.folder = folder
        self.packs = packs  # None: every built-in pack
        self.rules = [] if rules is None else rules
        self.select = select  # None: every rule
        self.ignore = [] if ignore is None else ignore
        self.severity = [] if severity is None else severity  # (selector, severity)
        self.fail_on = fail_on
        self.per_file_ignores = [] if per_file_ignores is None else per_file_ignores  # (glob, selectors)
        self.exclude = [] if exclude is None else exclude
        self.html_content = [] if html_content is None else html_content
        self.html_furniture = [] if html_furniture is None else html_furniture
        self.house = [] if house is None else house
        self.time_zone = time_zone  # None: Asia/Kolkata (newslint.document.dates.DEFAULT_ZONE)
        self.scheduled_posts = scheduled_posts  # None: allow
        self.given = set()  # the keys the file itself sets (``extend`` merges by them)
        self.sources = [] if path is None else [path]  # this file, then the files it extends
        # The folders that ``exclude`` and ``per-file-ignores`` globs are relative to: the file that set them,
        # which is a base file when they are inherited through ``extend``.
        self.exclude_folder = folder
        self.per_file_folder = folder

    @property
    def display(self) -> str:
        return display_path(self.path) if self.path is not None else "<defaults>"

    def problem(self, line: int, message: str) -> str:
        return f"{self.display}:{line or 1}: {message}"

    def problem_at(self, setting: Setting, message: str) -> str:
        """A problem with a setting, at the file and line it was written (a base file's, when inherited)."""
        return f"{setting.file or self.display}:{setting.line or 1}: {message}"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when under it."""
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def default_config(folder: Path) -> Config:
    return Config(path=None, folder=folder)


def has_newslint_table(path: Path) -> bool:
    """Whether a ``pyproject.toml`` holds a ``[tool.newslint]`` table (a cheap text test, then a parse)."""
    try:
        text = read_regular(path, MAX_CONFIG_FILE).decode("utf-8-sig")
    except TooLarge:
        return True  # load_config says what is wrong with it
    except (OSError, UnicodeDecodeError):
        return False
    if "tool.newslint" not in text and "newslint" not in text:
        return False
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "[tool.newslint" in text
    except RecursionError:  # nested thousands deep: not a configuration, whatever it says
        return "[tool.newslint" in text  # broken but meant for us: load_config reports where
    tool = data.get("tool")
    return isinstance(tool, dict) and "newslint" in tool


MAX_EXTEND_DEPTH = 10


def load_config(path: Path, _extending: tuple[Path, ...] = ()) -> Config:
    """Read and validate one configuration file (and those it extends); raises ``ConfigError`` with every
    problem."""
    path = path.resolve()
    name = display_path(path)
    try:
        text = read_regular(path, MAX_CONFIG_FILE).decode("utf-8-sig")
    except TooLarge:
        raise ConfigError([f"{name}:1: configuration file is larger than 1 MB"]) from None
    except NotRegular:
        raise ConfigError([f"{name}:1: cannot read configuration file: not a regular file"]) from None
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{name}:1: configuration file is not UTF-8 ({exc.reason} at byte {exc.start})"]) from None
    except OSError as exc:
        raise ConfigError([f"{name}:1: cannot read configuration file: {exc.strerror or exc}"]) from None
    if path.name == "pyproject.toml":
        data = _pyproject_table(text, name)
    else:
        try:
            data = load(text)
        except YamlError as exc:
            raise ConfigError([f"{name}:{exc.line or 1}: {exc.message}"]) from None
        if data is None:
            data = YMap()
    from newslint.rules.loader import _nested_too_deep

    deep = _nested_too_deep(data, MAX_CONFIG_NESTING)
    if deep is not None:
        raise ConfigError([f"{name}:{deep}: nested more than {MAX_CONFIG_NESTING} levels deep"])
    problems = Problems()
    spec = CONFIG.validate(data, _line(data), "", problems, {})
    if problems.items:
        # Top-level messages of rules.spec start with the (empty) path: ": unknown key", " must be".
        ordered = sorted(problems.items, key=lambda p: p[0])
        raise ConfigError([f"{name}:{line or 1}: {message.lstrip(': ')}" for line, message in ordered])
    config = _build(spec, data, path)
    if "extend" not in spec:
        return config
    line = _value_line(data, "extend")
    base_path = (path.parent / spec["extend"]).resolve()
    if base_path in (*_extending, path):
        raise ConfigError([f"{name}:{line}: extend: {spec['extend']!r} extends this file again (a cycle)"])
    if len(_extending) >= MAX_EXTEND_DEPTH:
        raise ConfigError([f"{name}:{line}: extend: more than {MAX_EXTEND_DEPTH} files deep"])
    if not base_path.is_file():
        raise ConfigError([f"{name}:{line}: extend: no such configuration file {spec['extend']!r}"])
    return extend(config, load_config(base_path, (*_extending, path)))


def extend(config: Config, base: Config) -> Config:
    """``config`` built on ``base`` (ruff's ``extend``). Every key the extending file sets replaces the base's,
    except ``severity``, ``house`` and ``dates``, which merge entry by entry (the extending file's entry
    wins). Paths and globs keep meaning what they meant where they were written: rule files and pack paths of
    the base are relative to the base's folder, and so are its ``exclude`` and ``per-file-ignores`` globs."""

    where = base.display

    def kept(s: Setting, value: str | None = None) -> Setting:
        return Setting(s.value if value is None else value, s.line, s.file or where)

    def anchored(settings: list[Setting]) -> list[Setting]:
        return [kept(s, str(base.folder / s.value)) if is_path_entry(s.value) else kept(s) for s in settings]

    if "packs" not in config.given and base.packs is not None:
        config.packs = anchored(base.packs)
    if "rules" not in config.given:
        config.rules = [kept(s, str(base.folder / s.value)) for s in base.rules]
    if "select" not in config.given and base.select is not None:
        config.select = [kept(s) for s in base.select]
    if "ignore" not in config.given:
        config.ignore = [kept(s) for s in base.ignore]
    if "fail-on" not in config.given:
        config.fail_on = base.fail_on
    if "exclude" not in config.given:
        config.exclude, config.exclude_folder = base.exclude, base.exclude_folder
    if "per-file-ignores" not in config.given:
        config.per_file_ignores = [(kept(g), [kept(s) for s in sels]) for g, sels in base.per_file_ignores]
        config.per_file_folder = base.per_file_folder
    if "html" not in config.given:
        config.html_content, config.html_furniture = base.html_content, base.html_furniture
    own = {s.value for s, _ in config.severity}
    config.severity = [(kept(s), sev) for s, sev in base.severity if s.value not in own] + config.severity
    numbers = {h.number for h in config.house}
    config.house = [h for h in base.house if h.number not in numbers] + config.house
    if config.time_zone is None:  # dates: merge setting by setting
        config.time_zone = base.time_zone
    if config.scheduled_posts is None:
        config.scheduled_posts = base.scheduled_posts
    config.given |= base.given
    config.sources = [*config.sources, *base.sources]
    return config


def is_path_entry(entry: str) -> bool:
    """Whether a ``packs`` entry names a rule file or folder rather than a built-in pack."""
    return "/" in entry or "\\" in entry or entry.endswith((".yaml", ".yml")) or entry.startswith(".")


def _line(value: Any) -> int:
    return value.pos.line if hasattr(value, "pos") else 1


def _settings(raw: Any, values: list[str] | None) -> list[Setting]:
    """Validated strings with the line of each (a single string stands for a one-item list)."""
    if values is None:
        return []
    if isinstance(raw, YList):
        return [Setting(v, raw.line_of(i)) for i, v in enumerate(values)]
    return [Setting(v, _line(raw)) for v in values]


def _value_line(raw: Any, key: str) -> int:
    if isinstance(raw, YMap) and key in raw.value_pos:
        return raw.value_pos[key].line
    return _line(raw)


def _build(spec: dict[str, Any], raw: Any, path: Path) -> Config:
    config = Config(path=path, folder=path.parent)
    config.given = set(spec) - {"extend"}
    if "packs" in spec:
        config.packs = _settings(raw.get("packs"), spec["packs"])
    config.rules = _settings(raw.get("rules"), spec.get("rules"))
    if "select" in spec:
        config.select = _settings(raw.get("select"), spec["select"])
    config.ignore = _settings(raw.get("ignore"), spec.get("ignore"))
    severity_raw = raw.get("severity")
    for key, sev in (spec.get("severity") or {}).items():
        config.severity.append((Setting(str(key), _value_line(severity_raw, key)), sev))
    config.fail_on = spec.get("fail-on")
    pfi_raw = raw.get("per-file-ignores")
    for glob, selectors in (spec.get("per-file-ignores") or {}).items():
        line = _value_line(pfi_raw, glob)
        item_raw = pfi_raw.get(glob) if isinstance(pfi_raw, dict) else None
        if not isinstance(item_raw, YList):
            item_raw = None
        sels = _settings(item_raw, selectors) if item_raw is not None else [Setting(s, line) for s in selectors]
        config.per_file_ignores.append((Setting(str(glob), line), sels))
    config.exclude = list(spec.get("exclude") or [])
    html = spec.get("html") or {}
    config.html_content = list(html.get("content") or [])
    config.html_furniture = list(html.get("furniture") or [])
    dates = spec.get("dates") or {}
    config.time_zone = dates.get("time-zone")
    config.scheduled_posts = dates.get("scheduled-posts")
    house_raw = raw.get("house")
    for number, names in (spec.get("house") or {}).items():
        names = [names] if isinstance(names, str) else list(names)
        clean = tuple(" ".join(n.split()) for n in names if n.strip())
        config.house.append(HouseEntity(number, clean, _value_line(house_raw, number)))
    return config


# -- pyproject.toml -------------------------------------------------------------------------------

_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=""")


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""", key)
    return tuple(a or b or c for a, b, c in parts)


def _pyproject_table(text: str, name: str) -> Any:
    """``[tool.newslint]`` as ``YMap``/``YList`` values that know their lines.

    ``tomllib`` gives no positions, so a light scan of table headers and ``key =`` lines finds the line of
    every key under ``tool.newslint``; list items are found by searching for their text from the key's line.
    """
    import tomllib

    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per level of nested arrays and inline tables
        raise ConfigError([f"{name}:1: invalid TOML: nested too deeply"]) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError([f"{name}:{m.group(1) if m else 1}: invalid TOML: {message}"]) from None
    table = (data.get("tool") or {}).get("newslint")
    if table is None:
        raise ConfigError([f"{name}:1: no [tool.newslint] table"])
    lines = text.splitlines()
    key_lines: dict[tuple[str, ...], int] = {}
    prefix: tuple[str, ...] = ()
    for number, line in enumerate(lines, 1):
        m = _TABLE.match(line)
        if m and not line.lstrip().startswith("[["):
            prefix = _split_key(m.group(1))
            key_lines.setdefault(prefix, number)
            continue
        m = _KEY.match(line)
        if m:
            key_lines.setdefault(prefix + _split_key(m.group(1)), number)
    root = ("tool", "newslint")
    return _wrap(table, root, key_lines, lines, key_lines.get(root, 1))


def _wrap(value: Any, path: tuple[str, ...], key_lines: dict[tuple[str, ...], int], lines: list[str], line: int) -> Any:
    if isinstance(value, dict):
        out = YMap()
        out.pos = Pos(line, 1, 0, 0)
        out.key_pos, out.value_pos = {}, {}
        for key, item in value.items():
            kline = key_lines.get((*path, key), line)
            out.key_pos[key] = out.value_pos[key] = Pos(kline, 1, 0, 0)
            out[key] = _wrap(item, (*path, key), key_lines, lines, kline)
        return out
    if isinstance(value, list):
        seq = YList()
        seq.pos = Pos(line, 1, 0, 0)
        seq.item_pos = []
        search_from = line
        for item in value:
            item_line = line
            if isinstance(item, str):
                for n in range(search_from, len(lines) + 1):
                    if item in lines[n - 1]:
                        item_line = search_from = n
                        break
            seq.item_pos.append(Pos(item_line, 1, 0, 0))
            seq.append(_wrap(item, path, key_lines, lines, item_line))
        return seq
    return value
