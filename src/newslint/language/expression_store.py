"""The built-in packs' expressions, compiled when the wheel is built: ``newslint/language/expressions.bin``.

``regex`` parses and plans an expression in Python before its C core builds the matcher: about 1.1 ms per
expression of the packs, 0.29 s for all 262, and a run over a few hundred articles needs most of them, again
in every worker of ``--jobs``. What the C core is given is plain data (the expression, its flags, a packed
code string, group tables), and it is exactly what ``regex`` itself pickles a compiled pattern as: pickling
a pattern records ``(regex._regex.compile, data)`` and unpickling calls that function on the data, with no
parsing. This module stores that data for every expression the built-in packs use (keyed on the expression
and its case sensitivity, the only inputs of ``Pattern.compile``) and rebuilds patterns from it: all 262 in
about 6 ms.

newslint's own fixed expressions (the speaker context's lexicons, negation cues, ad-slot labels: about 60,
some of them alternations of hundreds of words, 0.1-0.2 s of compiling per process) are stored too, keyed on
the expression and its flags: modules compile them with ``own``, which rebuilds them from the store. The build
finds them by importing every module of newslint and calling the builders that modules register with
``on_build`` (expressions compiled on first need), while ``own`` records what it is asked.

The data belongs to one version of ``regex`` (the code format is private to it) and one Python, so the store
records both and is used only when both match the running ones: a store built for another version, a missing
store (editable installs, where the build hook does not run) or a damaged one means compiling as usual,
never a different pattern. The wheel's build hook writes the store (``hatch_build.py``); by hand:
``python -m newslint.rules.expression_build OUT [RULES_DIR]``.
"""

from __future__ import annotations

import copyreg
import importlib
import marshal
import sys
from pathlib import Path
from typing import Any

import regex

STORE_NAME = "expressions.bin"
FORMAT = 1

# (source, case_sensitive) for a rule's expression, (source, flags, OWN) for newslint's own -> the arguments of
# the rebuilding function; None: not read yet.
_entries: dict[tuple[Any, ...], tuple[Any, ...]] | None = None
_rebuild: Any = None
OWN = "own"
# The (source, flags) that ``own`` was asked for in this process (a few dozen, asked once each), and the
# builders that modules registered: what the store's build collects.
_asked: set[tuple[str, int]] = set()
_builders: list[Any] = []


def pattern_flags(case_sensitive: bool) -> int:
    """The flags every rule expression is compiled with."""
    return regex.VERSION0 | (0 if case_sensitive else regex.IGNORECASE)


def _stamp() -> list[Any]:
    return [FORMAT, regex.__version__, list(sys.version_info[:2])]


def _reduce(compiled: Any) -> tuple[Any, tuple[Any, ...]]:
    """What pickling ``compiled`` records: the function that rebuilds it, and its arguments."""
    return copyreg.dispatch_table[type(compiled)](compiled)  # type: ignore[return-value]


def build_store(keys: list[tuple[str, bool]], own_keys: list[tuple[str, int]] | None = None) -> bytes:
    """Compile each rule expression ``(source, case_sensitive)`` and each of newslint's own ``(source, flags)``
    and return the store's bytes."""
    entries: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    function: Any = None
    compiled: list[tuple[tuple[Any, ...], Any]] = [
        ((source, cs), regex.compile(source, pattern_flags(cs))) for source, cs in sorted(set(keys))
    ]
    compiled += [((source, flags, OWN), regex.compile(source, flags)) for source, flags in sorted(set(own_keys or []))]
    for key, pattern in compiled:
        fn, args = _reduce(pattern)
        if function is None:
            function = fn
        elif fn is not function:  # pragma: no cover - regex pickles every pattern the same way
            raise ValueError(f"{key[0]!r} does not pickle through {function!r}")
        entries[key] = tuple(args)
    where = [function.__module__, function.__qualname__] if function is not None else None
    return marshal.dumps({"stamp": _stamp(), "rebuild": where, "entries": entries})


def _read(path: Path) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """The store's entries, or none if it is missing, damaged or for another ``regex`` or Python."""
    global _rebuild
    try:
        data = marshal.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("stamp") != _stamp():
            return {}
        module, name = data["rebuild"]
        function = getattr(importlib.import_module(module), name)
        # The function must be the one regex pickles its patterns through today, nothing else.
        if function is not _reduce(regex.compile(""))[0]:
            return {}
        entries = data["entries"]
        if not isinstance(entries, dict):
            return {}
    except (OSError, ValueError, EOFError, TypeError, KeyError, ImportError, AttributeError):
        return {}
    _rebuild = function
    return entries


def store_path() -> Path:
    return Path(__file__).resolve().parent / STORE_NAME


def rebuild(source: str, case_sensitive: bool) -> Any:
    """The compiled expression from the store, or None (not stored, or the store is not usable)."""
    return _stored((source, case_sensitive), source)


def _stored(key: tuple[Any, ...], source: str) -> Any:
    global _entries
    if _entries is None:
        _entries = _read(store_path())
    args = _entries.get(key)
    if args is None:
        return None
    try:
        compiled = _rebuild(*args)
    except Exception:  # a damaged entry: compile instead
        return None
    return compiled if compiled.pattern == source else None


def compiled(source: str, case_sensitive: bool = False) -> Any:
    """``source`` compiled as every rule expression is (``pattern_flags``): rebuilt from the store when it
    holds it (the packs' section and closing-matter expressions, newslint's own), else compiled."""
    found = rebuild(source, case_sensitive)
    return found if found is not None else regex.compile(source, pattern_flags(case_sensitive))


def own(source: str, flags: int = 0) -> Any:
    """One of newslint's own expressions, as ``regex.compile(source, flags)`` gives it: rebuilt from the store
    when the wheel's build stored it (see the module's docstring), else compiled."""
    flags = int(flags)  # (a RegexFlag is an int the store's format cannot hold)
    _asked.add((source, flags))
    found = _stored((source, flags, OWN), source)
    return found if found is not None else regex.compile(source, flags)


def on_build(builder: Any) -> Any:
    """Register a function that compiles a module's expressions on first need (through ``own``), so that the
    store's build can call it; returns it (usable as a decorator)."""
    _builders.append(builder)
    return builder


def record_own() -> list[tuple[str, int]]:
    """Every expression newslint's modules compile through ``own`` (the store's build): each module of the
    stages that have them imported, each registered builder called."""
    import pkgutil

    for package in ("newslint.document", "newslint.language", "newslint.checks"):
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
            try:
                importlib.import_module(info.name)
            except ImportError:  # a module needing what the build does not have: compiled at run time
                continue
    for builder in _builders:
        builder()
    return sorted(_asked)


def reset(path: Path | None = None) -> None:
    """Forget the loaded store; with ``path``, load that one instead (tests)."""
    global _entries, _rebuild
    _rebuild = None
    _entries = None if path is None else _read(path)
