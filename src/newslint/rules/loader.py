"""Load rule files: read, parse YAML safely, validate against the declared language, build compiled rules.

Every problem is reported as ``file:line: message`` and loading goes on to collect them all, so a rule author
sees every mistake at once. Patterns of user rule files are compiled at load (an invalid expression is a load
error); the built-in packs, which the test suite compiles and exercises, compile each pattern on first use
so that a one-file run does not pay for every pattern.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.checks import CHECKS
from newslint.checks.base import Check
from newslint.files.bounded_read import NotRegular, TooLarge, read_regular
from newslint.files.yaml_positions import YamlError, load
from newslint.language.model import BlockClass, Condition, Example, Pack, Rule
from newslint.language.options import trusted_patterns
from newslint.language.patterns import PatternError
from newslint.language.patternset import PatternSet
from newslint.language.spec import Problems
from newslint.rules.definitions import DEFINITIONS_FILE as DEFINITIONS_FILE_SCHEMA
from newslint.rules.definitions import DEFS, PACK
from newslint.rules.shared_definitions import (
    DEFINITIONS_FILE,
    Definitions,
    spec_key,
    used_definitions,
    uses_definitions,
)

RULE_SUFFIXES = (".yaml", ".yml")
MAX_RULE_FILE = 5 * 1024 * 1024
MAX_RULE_NESTING = 64


RESERVED_PREFIX = "newslint-"  # ids of the engine's and the code rules' findings, now and to come


class RuleLoadError(Exception):
    """One or more problems in rule files, each ``file:line: message``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(init=False)
class RuleSet:
    packs: list[Pack]
    rules: list[Rule]
    classes: dict[str, BlockClass]
    files: list[str]
    sources: list[tuple[str, str]]

    def __init__(
        self,
        packs: list[Pack] | None = None,
        rules: list[Rule] | None = None,
        classes: dict[str, BlockClass] | None = None,
        files: list[str] | None = None,
        sources: list[tuple[str, str]] | None = None,
    ) -> None:
        self.packs = [] if packs is None else packs
        self.rules = [] if rules is None else rules
        self.classes = {} if classes is None else classes
        self.files = [] if files is None else files
        self.sources = [] if sources is None else sources  # (file, text) of every loaded rule file

    @property
    def digests(self) -> list[tuple[str, str]]:
        """(file, sha256 of its text) of every rule file: part of the result cache's key."""
        import hashlib

        return [(name, hashlib.sha256(text.encode("utf-8")).hexdigest()) for name, text in self.sources]

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed package, else the repository's top-level ``rules/``.

    ``NEWSLINT_BUILTIN_RULES`` names another folder to load the same way (benchmarks, pack development).
    """
    override = os.environ.get("NEWSLINT_BUILTIN_RULES")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_builtin_rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


OPT_IN_FOLDER = "opt-in"


def builtin_pack_files(opt_in: bool = False) -> dict[str, Path]:
    """The packs that load by default (``rules/*.yaml``); with ``opt_in``, also those that load only when named
    in ``packs:`` (``rules/opt-in/*.yaml``: house profiles such as a broker's own site, which would flag
    every news page)."""
    folder = builtin_rules_dir()
    if not folder.is_dir():
        return {}
    found = {p.stem: p for p in sorted(folder.glob("*.yaml")) if p.name != DEFINITIONS_FILE}
    if opt_in:
        found.update({p.stem: p for p in sorted((folder / OPT_IN_FOLDER).glob("*.yaml")) if p.stem not in found})
    return found


def rule_files(path: Path) -> list[Path]:
    """A rule file, or every ``*.yaml``/``*.yml`` under a folder (sorted, recursive)."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file())
    return [path]


def _nested_too_deep(data: Any, limit: int) -> int | None:
    """The line of a mapping or list nested deeper than ``limit``, if any (an iterative walk).

    Validation and the pattern-set builder recurse once per level: a rule file of ``near:`` nested 600
    deep (valid YAML) overflowed the stack. No real rule needs a tenth of ``limit``.
    """
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > limit:
                pos = getattr(value, "pos", None)
                return pos.line if pos is not None else 1
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return None


def _summary(description: str) -> str:
    text = " ".join(description.split())
    m = re.match(r"(.+?[.!?])(?:\s|$)", text)
    first = m.group(1) if m else text
    return first if len(first) <= 120 else first[:117] + "..."


def _voices(value: Any) -> frozenset[str] | None:
    """A validated ``voices`` value as a set (``None``: not given)."""
    if value is None:
        return None
    return frozenset([value] if isinstance(value, str) else value)


def _class_refs(value: Any, out: list[tuple[str, int]], line: int = 0) -> None:
    """Every ``class:`` named in a validated rule spec, with its line."""
    stack = [(value, line)]
    while stack:
        item, ln = stack.pop()
        if isinstance(item, dict):
            ln = item.get("__line__", ln)
            name = item.get("class")
            if isinstance(name, str):
                out.append((name, ln))
            stack.extend((v, ln) for k, v in item.items() if k != "__line__")
        elif isinstance(item, list):
            stack.extend((v, ln) for v in item)


class Loader:
    def __init__(
        self, compile_patterns: bool = True, precompiled: dict[str, tuple[int, dict[str, Any]]] | None = None
    ) -> None:
        """``precompiled``: the built-in table (``load_table``), whose copy of the shared definitions is used
        when the file is unchanged."""
        self.compile_patterns = compile_patterns
        self.problems: list[str] = []
        self.ruleset = RuleSet()
        self._rule_origin: dict[str, str] = {}
        self._class_origin: dict[str, str] = {}
        self._pending_refs: list[tuple[str, str, int]] = []
        self.definitions = Definitions()
        shared = builtin_rules_dir() / DEFINITIONS_FILE
        if shared.is_file():
            with trusted_patterns():
                self.load_file(
                    shared,
                    f"<builtin>/{DEFINITIONS_FILE}",
                    compile_patterns=False,
                    precompiled=(precompiled or {}).get(DEFINITIONS_FILE),
                )

    def load_file(
        self,
        path: Path,
        display: str | None = None,
        compile_patterns: bool | None = None,
        precompiled: tuple[int, dict[str, Any]] | None = None,
    ) -> None:
        """Load one rule file; ``precompiled`` is its validated spec, used when the file's checksum matches."""
        name = display or str(path)
        try:
            raw = read_regular(path, MAX_RULE_FILE)
            text = raw.decode("utf-8-sig")
        except TooLarge:
            self.problems.append(f"{name}:1: rule file is larger than {MAX_RULE_FILE // (1024 * 1024)} MB")
            return
        except NotRegular:
            self.problems.append(f"{name}:1: cannot read rule file: not a regular file")
            return
        except UnicodeDecodeError as exc:
            self.problems.append(f"{name}:1: rule file is not UTF-8 ({exc.reason} at byte {exc.start})")
            return
        except OSError as exc:
            self.problems.append(f"{name}:1: cannot read rule file: {exc.strerror or exc}")
            return
        compile_now = self.compile_patterns if compile_patterns is None else compile_patterns
        if precompiled is not None:
            from newslint.rules.compiled_table import checksum

            if checksum(raw) == precompiled[0]:
                self.ruleset.sources.append((name, text))
                self._build(precompiled[1], name, compile_now)
                return
        self.load_text(text, name, compile_now)

    def validate_text(self, text: str, name: str) -> dict[str, Any] | None:
        """Parse and validate a rule file; problems are recorded and ``None`` returned."""
        try:
            data = load(text)
        except YamlError as exc:
            self.problems.append(f"{name}:{exc.line or 1}: {exc.message}")
            return None
        if data is None:
            self.problems.append(f"{name}:1: rule file is empty")
            return None
        if not isinstance(data, dict):
            what = "a list" if isinstance(data, list) else "a single value"
            self.problems.append(f"{name}:1: the rule file must be a mapping with pack: and rules:, not {what}")
            return None
        deep = _nested_too_deep(data, MAX_RULE_NESTING)
        if deep is not None:
            self.problems.append(f"{name}:{deep}: nested more than {MAX_RULE_NESTING} levels deep")
            return None
        problems = Problems()
        schema = (
            DEFINITIONS_FILE_SCHEMA if "definitions" in data and "pack" not in data and "rules" not in data else PACK
        )
        spec = schema.validate(data, 1, "", problems, DEFS)
        if problems.items:
            for line, message in sorted(problems.items, key=lambda p: p[0]):
                self.problems.append(f"{name}:{line or 1}: {message}")
            return None
        return spec

    def load_text(self, text: str, name: str, compile_patterns: bool = True) -> None:
        self.ruleset.sources.append((name, text))
        spec = self.validate_text(text, name)
        if spec is not None:
            self._build(spec, name, compile_patterns)

    def _build(self, spec: dict[str, Any], name: str, compile_patterns: bool) -> None:
        for dname, dspec in (spec.get("definitions") or {}).items():
            self.definitions.add(dname, dspec, name, self.problems)
        if "pack" not in spec:
            return  # a file of definitions only
        if uses_definitions({k: v for k, v in spec.items() if k != "definitions"}):
            spec = self.definitions.resolve(spec, name, self.problems)
        pack = Pack(spec["pack"], spec.get("description", ""), list(spec.get("references") or []), name)
        pack_voices = _voices(spec.get("voices"))
        self._pack_voices = pack_voices
        for cname, cspec in (spec.get("classes") or {}).items():
            line = cspec.get("__line__", 1)
            if cname in self._class_origin:
                self.problems.append(
                    f"{name}:{line}: class {cname!r} is already defined in {self._class_origin[cname]}"
                )
                continue
            scope = cspec.get("scope", "document")
            klass = BlockClass(
                name=cname,
                match=PatternSet.build(cspec["match"]),
                links=PatternSet.build(cspec["links"]) if cspec.get("links") else None,
                unless=PatternSet.build(cspec["unless"]) if cspec.get("unless") else None,
                scope=tuple(scope if isinstance(scope, list) else [scope]),
                description=cspec.get("description", ""),
                file=name,
                line=line,
                house=cspec.get("house"),
            )
            klass.match.default_voices(pack_voices)
            pack.classes[cname] = klass
            self._class_origin[cname] = f"{name}:{line}"
            refs: list[tuple[str, int]] = []
            _class_refs(cspec, refs, line)
            self._pending_refs.extend((c, name, ln) for c, ln in refs)
            if compile_patterns:
                for ps in (klass.match, klass.links, klass.unless):
                    if ps is not None:
                        self._compile(ps.all_patterns(), name, line)
        for rspec in spec["rules"]:
            rule = self._rule(rspec, pack, name, compile_patterns)
            if rule is not None:
                pack.rules.append(rule)
        self.ruleset.packs.append(pack)
        self.ruleset.rules.extend(pack.rules)
        self.ruleset.classes.update(pack.classes)
        self.ruleset.files.append(name)

    def _compile(self, patterns: list[Any], name: str, line: int) -> None:
        for pattern in patterns:
            try:
                pattern.compile()
            except PatternError as exc:
                self.problems.append(f"{name}:{pattern.line or line}: {exc}")

    def _rule(self, rspec: dict[str, Any], pack: Pack, name: str, compile_patterns: bool) -> Rule | None:
        line = rspec.get("__line__", 1)
        rid = rspec["id"]
        if rid.startswith(RESERVED_PREFIX):
            self.problems.append(
                f"{name}:{line}: rule id {rid!r} is reserved: ids starting with {RESERVED_PREFIX!r} belong to "
                "newslint's own findings (newslint-rule-timeout, newslint-unused-suppression...)"
            )
            return None
        if rid in self._rule_origin:
            self.problems.append(
                f"{name}:{line}: duplicate rule id {rid!r} (first defined at {self._rule_origin[rid]})"
            )
            return None
        self._rule_origin[rid] = f"{name}:{line}"
        kind = next(k for k in CHECKS if k in rspec)
        parts = rspec[kind] if isinstance(rspec[kind], list) else [rspec[kind]]
        checks: list[Check] = []
        scopes: list[tuple[str, ...] | None] = []
        try:
            for part in parts:
                checks.append(CHECKS[kind](part))
                scope = part.get("scope")
                scopes.append(tuple(scope if isinstance(scope, list) else [scope]) if scope else None)
        except PatternError as exc:
            self.problems.append(f"{name}:{line}: {exc}")
            return None
        voices = _voices(rspec.get("voices")) or getattr(self, "_pack_voices", None)
        languages: dict[str, int] = {}
        for check in checks:
            for ps in check.triggers():
                ps.default_voices(voices)
                for key, n in ps.declared_languages().items():
                    languages[key] = languages.get(key, 0) + n
        rule_scope = rspec.get("scope", "body")
        when = None
        if rspec.get("when"):
            wspec = rspec["when"]
            wscope = wspec.get("scope", "body")
            when = Condition(
                match=PatternSet.build(wspec),
                scope=tuple(wscope if isinstance(wscope, list) else [wscope]),
                min_count=wspec.get("min_count", 1),
                min_per_1000_words=wspec.get("min_per_1000_words", 0.0),
                key=spec_key(wspec),
            )
        examples = rspec.get("examples") or {}

        def _examples(key: str) -> list[Example]:
            out = []
            for ex in examples.get(key) or []:
                text = ex["text"]
                fmt = ex.get("format") or ("html" if text.lstrip().startswith("<") else "markdown")
                out.append(Example(text, fmt, ex.get("__line__", line)))
            return out

        rule = Rule(
            id=rid,
            pack=pack.name,
            severity=rspec["severity"],
            message=rspec["message"],
            description=" ".join(rspec["description"].split()),
            references=list(rspec.get("references") or []),
            scope=tuple(rule_scope if isinstance(rule_scope, list) else [rule_scope]),
            parts=list(zip(checks, scopes, strict=True)),
            kind=kind,
            when=when,
            fail_examples=_examples("fail"),
            pass_examples=_examples("pass"),
            file=name,
            line=line,
            summary=rspec.get("summary") or _summary(rspec["description"]),
            voices=tuple(sorted(voices)) if voices else ("own", "quoted", "reported"),
            languages=languages,
            definitions=tuple(used_definitions(rspec)),
            pages=rspec.get("pages", "all"),
        )
        refs: list[tuple[str, int]] = []
        _class_refs({k: v for k, v in rspec.items() if k in CHECKS or k == "when"}, refs, line)
        self._pending_refs.extend((c, name, ln) for c, ln in refs)
        if compile_patterns:
            for check in checks:
                self._compile(check.patterns(), name, line)
            if when is not None:
                self._compile(when.match.all_patterns(), name, line)
        return rule

    def finish(self) -> RuleSet:
        for cname, name, line in self._pending_refs:
            if cname not in self._class_origin:
                known = ", ".join(sorted(self._class_origin)) or "none defined"
                self.problems.append(f"{name}:{line}: unknown class {cname!r} (known: {known})")
        if self.problems:
            raise RuleLoadError(self.problems)
        return self.ruleset


def load_rules(paths: list[Path], builtin: bool = True, builtin_packs: list[str] | None = None) -> RuleSet:
    """Built-in packs (all, or the named ones) plus the given files and folders."""
    from newslint.rules.compiled_table import load_table

    precompiled = load_table(builtin_rules_dir())
    loader = Loader(precompiled=precompiled)
    if builtin:
        available = builtin_pack_files(opt_in=True)
        names = builtin_packs if builtin_packs is not None else list(builtin_pack_files())
        for pack in names:
            path = available.get(pack)
            if path is None:
                loader.problems.append(f"unknown built-in pack {pack!r} (available: {', '.join(available) or 'none'})")
                continue
            with trusted_patterns():
                loader.load_file(
                    path, f"<builtin>/{path.name}", compile_patterns=False, precompiled=precompiled.get(path.name)
                )
    for path in paths:
        if not path.exists():
            loader.problems.append(f"{path}:1: no such rule file or folder")
            continue
        files = rule_files(path)
        if path.is_dir() and not files:
            loader.problems.append(f"{path}:1: folder holds no *.yaml rule files")
        for f in files:
            loader.load_file(f, str(f))
    return loader.finish()
