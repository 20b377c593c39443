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

The standard library's ``re`` expressions that newslint's modules compile when they are imported (the HTML
parser's byline, related-links and vocabulary expressions, the publisher's names: about 130, 0.2 G instructions,
a fifth of a one-file check) are stored the same way, as the arguments ``re`` gives its C core (``_sre.compile``)
for each, recorded at the build; ``seed_stdlib`` rebuilds them into ``re``'s own cache when the command line
starts, so that the modules' ``re.compile`` finds them there. They belong to one Python build (the code format
is private to it): the store records ``sys.version`` and ``_sre.MAGIC`` and they are used only when both match.

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
import re
import sys
from pathlib import Path
from typing import Any

import regex

STORE_NAME = "expressions.bin"
FORMAT = 2  # 2: with the standard library's expressions ("stdlib")

# (source, case_sensitive) for a rule's expression, (source, flags, OWN) for newslint's own -> the arguments of
# the rebuilding function; None: not read yet.
_entries: dict[tuple[Any, ...], tuple[Any, ...]] | None = None
_rebuild: Any = None
# (source, flags) of a standard ``re`` expression -> the arguments of ``_sre.compile`` (see ``seed_stdlib``)
_stdlib: dict[tuple[str, int], tuple[Any, ...]] = {}
# The built-in packs' table as read (``compiled_table.read_table``), with the checksum of its JSON
_table: tuple[int, Any] | None = None
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


def _stdlib_stamp() -> list[Any]:
    import _sre

    return [sys.version, _sre.MAGIC]


def build_store(
    keys: list[tuple[str, bool]],
    own_keys: list[tuple[str, int]] | None = None,
    stdlib: dict[tuple[str, int], tuple[Any, ...]] | None = None,
    table: tuple[int, Any] | None = None,
) -> bytes:
    """Compile each rule expression ``(source, case_sensitive)`` and each of newslint's own ``(source, flags)``
    and return the store's bytes, with ``stdlib`` (``record_stdlib``) and the packs' ``table`` (the checksum of
    ``compiled.json`` and what ``compiled_table.read_table`` reads from it)."""
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
    return marshal.dumps(
        {
            "stamp": _stamp(),
            "rebuild": where,
            "entries": entries,
            "stdlib": {"stamp": _stdlib_stamp(), "entries": dict(stdlib or {})},
            "table": table,
        }
    )


def _read(path: Path) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """The store's entries, or none if it is missing, damaged or for another ``regex`` or Python."""
    global _rebuild, _table
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
        stdlib = data["stdlib"]
        if stdlib["stamp"] == _stdlib_stamp() and isinstance(stdlib["entries"], dict):
            _stdlib.update(stdlib["entries"])
        table = data["table"]
        if isinstance(table, tuple) and len(table) == 2 and isinstance(table[0], int):
            _table = table
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


def stored_table(checksum: int) -> Any:
    """The built-in packs' table as read, if the store holds the one whose JSON has ``checksum``, else None."""
    global _entries
    if _entries is None:
        _entries = _read(store_path())
    return _table[1] if _table is not None and _table[0] == checksum else None


def seed_stdlib() -> None:
    """Put the standard ``re`` expressions of the store into ``re``'s cache, where ``re.compile`` looks first:
    rebuilt by ``re``'s C core from the stored arguments, without parsing (see the module's docstring). An
    expression already cached, or not rebuilt as its source, is left to ``re``; so is everything when the store
    is missing or from another Python."""
    global _entries
    if _entries is None:
        _entries = _read(store_path())
    cache = getattr(re, "_cache", None)
    room = getattr(re, "_MAXCACHE", 0)
    if not _stdlib or not isinstance(cache, dict):
        return
    import _sre

    for (source, flags), args in _stdlib.items():
        key = (str, source, flags)
        if len(cache) >= room // 2:  # room left for re's own use
            break
        if key in cache:
            continue
        try:
            compiled = _sre.compile(*args)
        except Exception:  # a damaged entry: re compiles it
            continue
        if compiled.pattern == source:
            cache[key] = compiled


def record_stdlib() -> dict[tuple[str, int], tuple[Any, ...]]:
    """The arguments ``re`` gives its C core for every ``re`` expression compiled so far in this process
    (call ``record_own`` first, which imports every module): what ``seed_stdlib`` rebuilds. Each is compiled
    again with ``re``'s cache emptied, through a stand-in for ``_sre`` that records its arguments."""
    import re._compiler as compiler  # (the build only)

    keys = [(k[1], k[2]) for k in list(getattr(re, "_cache", {})) if k[0] is str and isinstance(k[2], int)]
    real = compiler._sre  # type: ignore[attr-defined]
    recorded: list[tuple[Any, ...]] = []

    class Recording:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        @staticmethod
        def compile(*args: Any) -> Any:
            recorded.append(args)
            return real.compile(*args)

    out: dict[tuple[str, int], tuple[Any, ...]] = {}
    compiler._sre = Recording()  # type: ignore[attr-defined]
    try:
        for source, flags in keys:
            re.purge()
            recorded.clear()
            re.compile(source, flags)
            if len(recorded) == 1:
                pattern, final_flags, code, groups, groupindex, indexgroup = recorded[0]
                out[(source, flags)] = (  # (the code's opcodes are named int constants: plain ints here)
                    pattern,
                    int(final_flags),
                    [int(op) for op in code],
                    int(groups),
                    dict(groupindex),
                    tuple(indexgroup),
                )
    finally:
        compiler._sre = real  # type: ignore[attr-defined]
        re.purge()
    return out


def on_build(builder: Any) -> Any:
    """Register a function that compiles a module's expressions on first need (through ``own``), so that the
    store's build can call it; returns it (usable as a decorator)."""
    _builders.append(builder)
    return builder


# The packages whose modules the store's build imports (not ``newslint.__main__``, which runs the command line).
_STAGES = tuple(
    f"newslint.{stage}"
    for stage in ("document", "language", "checks", "parsing", "running", "rules", "output", "config", "files", "cli")
)


def record_own() -> list[tuple[str, int]]:
    """Every expression newslint's modules compile through ``own`` (the store's build): each module of the
    stages imported (which also compiles their standard ``re`` expressions: see ``record_stdlib``), each
    registered builder called."""
    import pkgutil

    for package in _STAGES:
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
    global _entries, _rebuild, _table
    _rebuild = None
    _table = None
    _stdlib.clear()
    _entries = None if path is None else _read(path)
