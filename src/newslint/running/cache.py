"""``.newslint_cache/``: the results of files already checked, so a second run only reads and hashes them.

Like ruff's cache it lives in the folder newslint runs in (the project root, in practice) and nowhere else;
``check`` writes nothing outside it, ``--no-cache`` turns it off and ``newslint clean`` removes it.

An entry is the result of one file: findings, error or notice, warnings, and the source lines the text
report shows; never the parsed document. It is found by a hash of the file's bytes and format, inside a
folder named by the *fingerprint* of everything else that decides the result: the newslint version, the
cache format, Python's and ``regex``'s versions, the content of every loaded rule file, the selected
rules, and every setting of the run (``--now`` included, since date rules compare with it). Change any of
them and the run looks in another folder, so stale results are never read.

Entries are JSON (the cache folder may come from anywhere: nothing in it is ever executed), written to a
temporary file and renamed into place, so readers see a whole entry or none. A corrupt or truncated entry is
ignored and rewritten. Results of internal errors are not cached (a fixed newslint should retry them).

Reading and hashing every file is most of a warm run, so each fingerprint folder also keeps an *index*, as
git does: for each path, the file's identity and times (device, inode, size, modification and change times
in nanoseconds) when its content had a given hash. A file whose ``stat`` still gives exactly those values is
looked up by that hash without being read. A file is only indexed once its times are two seconds older than
the moment they were read, so a change made within the file system's timestamp granularity cannot go
unseen; any write afterwards changes the times, and the file is read and hashed again. The index is an
accelerator only: a missing, stale or corrupt index costs time, never a wrong result.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newslint import __version__
from newslint.files.atomic import write_bytes_atomic
from newslint.files.source import SourceError, SourceSkipped, decode_source, format_for, sniff_format
from newslint.running.findings import Finding, Fix
from newslint.running.linter import FileResult, lint_source

if TYPE_CHECKING:
    from newslint.rules.loader import RuleSet
    from newslint.running.linter import Linter
    from newslint.running.one_file import CheckSettings, Target

CACHE_DIR_NAME = ".newslint_cache"
CACHE_FORMAT = 3  # 3: unused-suppression fixes carry their original text (older entries never applied)
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by newslint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
INDEX_NAME = "index.json"
INDEX_FORMAT = 1
RACY_NS = 2_000_000_000  # times this close to the moment they were read may still change unseen
# Settings that change how a run is reported, not what a file's result is.
_NOT_IN_FINGERPRINT = frozenset(("debug",))


def cache_root(cwd: Path | None = None) -> Path:
    """Where the cache lives: ``.newslint_cache`` in the folder newslint runs in."""
    return (cwd or Path.cwd()) / CACHE_DIR_NAME


def fingerprint(ruleset: RuleSet, linter: Linter, settings: CheckSettings, configuration: str = "") -> str:
    """A digest of everything besides the file itself that decides a file's result."""
    import regex

    options = {
        name: getattr(settings, name)
        for name in (f.name for f in dataclasses.fields(settings))
        if name not in _NOT_IN_FINGERPRINT
    }
    payload = {
        "newslint": __version__,
        "format": CACHE_FORMAT,
        "python": list(sys.version_info[:2]),
        "regex": getattr(regex, "__version__", ""),
        "rule_files": ruleset.digests,
        "rules": [(r.id, linter.severities.get(r.id, r.severity)) for r in linter.rules],
        "settings": options,
        "configuration": configuration,
    }
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remove_cache(root: Path) -> bool:
    """Delete the cache folder; ``False`` when there was none."""
    if not root.is_dir():
        return False
    shutil.rmtree(root)
    return True


class _Read(NamedTuple):
    data: bytes
    key: str
    fmt: str


class ResultCache:
    """Results of files by content, in one fingerprint's folder."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = root
        self.folder = root / f"v{CACHE_FORMAT}" / fingerprint[:32]
        self.hits = 0
        self.misses = 0
        self._writable = True
        self._index: dict[str, list[Any]] | None = None  # loaded on first use
        self._index_changed = False

    # -- the one entry point -----------------------------------------------------------------------

    def lookup(self, target: Target, settings: CheckSettings) -> FileResult | None:
        """The file's cached result, or ``None``: cheap (a stat and a small read; a hash too for a file the
        index does not vouch for), so a run looks every file up before it starts any worker, and a warm run
        never starts a pool."""
        return self._find(target, settings)[0]

    def _find(self, target: Target, settings: CheckSettings) -> tuple[FileResult | None, _Read | None]:
        """The cached result (``None`` on a miss) and, when the file had to be read, what was read."""
        assert target.path is not None
        seen = self._stat(target.path)
        key = self._indexed_key(target, seen)
        if key is not None:
            cached = self._load(self.folder / key[:2] / key, key, target.display)
            if cached is not None:
                self.hits += 1
                return cached, None
        if seen is None:  # not a regular file, or gone: the uncached path reports why
            return None, None
        data = self._read(target.path, settings.max_file_size, seen[0][2])
        if data is None:
            return None, None
        fmt = self._format(target, data)
        if key is not None:
            # The index vouches for the bytes (their entry is missing, or is being written by another
            # process of this run, which looked the file up first): no need to hash them again.
            return None, _Read(data, key, fmt)
        key = self._key(target, data, fmt)
        self._remember(target, seen, key)
        cached = self._load(self.folder / key[:2] / key, key, target.display)
        if cached is not None:
            self.hits += 1
        return cached, _Read(data, key, fmt)

    @staticmethod
    def _format(target: Target, data: bytes) -> str:
        return target.format or format_for(target.display, None) or sniff_format(data[:512].decode("utf-8", "ignore"))

    @staticmethod
    def _key(target: Target, data: bytes, fmt: str) -> str:
        # The path is part of the key: per-file ignores make the result of the same bytes depend on where
        # they are.
        salt = b"\x00" + fmt.encode() + b"\x00" + target.display.encode("utf-8", "surrogateescape")
        digest = hashlib.blake2b(data, digest_size=20)  # the same digest as of data + salt, without copying data
        digest.update(salt)
        return digest.hexdigest()

    def lint(self, linter: Linter, target: Target, settings: CheckSettings) -> FileResult:
        """The file's result from the cache, or linted now (and stored)."""
        from newslint.running.one_file import lint_target

        assert target.path is not None
        cached, read = self._find(target, settings)
        if cached is not None:
            return cached
        if read is None:  # not a regular file, too large, unreadable: the uncached path reports why
            return lint_target(linter, target, settings)
        data, key, fmt = read
        entry = self.folder / key[:2] / key
        self.misses += 1
        try:
            source = decode_source(data, target.display, fmt)
        except SourceSkipped as exc:
            result = FileResult(target.display, notice=str(exc))
        except SourceError as exc:
            result = FileResult(target.display, error=str(exc))
        else:
            result = lint_source(linter, source, settings.debug)
        if not (result.error and result.error.startswith("internal error")):
            self._store(entry, key, result)
        return result

    # -- the index: from a file's stat to its content hash, without reading it -----------------------

    @staticmethod
    def _stat(path: Path) -> tuple[list[int], int] | None:
        """The values the index compares, and when they were read; ``None`` for anything but a file."""
        now = time.time_ns()
        try:
            st = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns], now

    def _index_key(self, target: Target) -> str:
        return f"{target.display}\x00{target.format or ''}"

    def _indexed_key(self, target: Target, seen: tuple[list[int], int] | None) -> str | None:
        if seen is None:
            return None
        row = self._load_index().get(self._index_key(target))
        return row[5] if row is not None and row[:5] == seen[0] else None

    def _remember(self, target: Target, seen: tuple[list[int], int] | None, key: str) -> None:
        if seen is None:
            return
        values, when = seen
        if when - max(values[3], values[4]) < RACY_NS:
            return  # changed too recently to trust its times
        index = self._load_index()
        name = self._index_key(target)
        row = [*values, key]
        if index.get(name) != row:
            index[name] = row
            self._index_changed = True

    def _load_index(self) -> dict[str, list[Any]]:
        if self._index is None:
            self._index = self._read_index()
        return self._index

    def _read_index(self) -> dict[str, list[Any]]:
        """The index on disk; empty when there is none yet or it is unreadable (it is rebuilt as files are read)."""
        try:
            data = json.loads((self.folder / INDEX_NAME).read_bytes())
            if data["format"] != INDEX_FORMAT:
                return {}
            return {
                str(name): row
                for name, row in data["files"].items()
                if isinstance(row, list)
                and len(row) == 6
                and all(isinstance(v, int) and not isinstance(v, bool) for v in row[:5])
                and isinstance(row[5], str)
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    def save_index(self) -> None:
        """Write the index (atomically) if this run added to it."""
        if not self._index_changed or not self._writable or self._index is None:
            return
        try:
            self._make_root()
            self.folder.mkdir(parents=True, exist_ok=True)
            payload = {"format": INDEX_FORMAT, "files": self._index}
            write_bytes_atomic(self.folder / INDEX_NAME, json.dumps(payload).encode("utf-8"), durable=False)
            self._index_changed = False
        except OSError:
            self._writable = False

    # -- reading -----------------------------------------------------------------------------------

    @staticmethod
    def _read(path: Path, max_size: int, size: int) -> bytes | None:
        """The bytes of a regular file of ``size`` bytes (from its stat); ``None`` when too large or unreadable."""
        if max_size and size > max_size:
            return None
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_size + 1 if max_size else -1)
        except OSError:
            return None
        if max_size and len(data) > max_size:
            return None
        return data

    def _load(self, entry: Path, key: str, display: str) -> FileResult | None:
        try:
            raw = entry.read_bytes()
        except OSError:
            return None
        try:
            return _decode(json.loads(raw), key, display)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # corrupt or truncated: treated as a miss, and rewritten

    # -- writing -----------------------------------------------------------------------------------

    def _store(self, entry: Path, key: str, result: FileResult) -> None:
        if not self._writable:
            return
        try:
            if not entry.parent.is_dir():
                self._make_root()
                entry.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(
                entry, json.dumps(_encode(result, key), ensure_ascii=False).encode("utf-8"), durable=False
            )
        except OSError:
            self._writable = False  # a read-only project: run without storing

    def _make_root(self) -> None:
        if self.root.is_dir():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "CACHEDIR.TAG").write_text(_CACHEDIR_TAG, encoding="utf-8")
        (self.root / ".gitignore").write_text("# Automatically created by newslint.\n*\n", encoding="utf-8")


# -- entry format ------------------------------------------------------------------------------------------


def _encode(result: FileResult, key: str) -> dict[str, Any]:
    return {
        "format": CACHE_FORMAT,
        "key": key,
        "findings": [
            [
                f.rule,
                f.severity,
                f.message,
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                f.snippet,
                None
                if f.fix is None
                else [
                    f.fix.replacement,
                    f.fix.line,
                    f.fix.column,
                    f.fix.end_line,
                    f.fix.end_column,
                    f.fix.start,
                    f.fix.end,
                    f.fix.safe,
                    f.fix.original,
                ],
            ]
            for f in result.findings
        ],
        "error": result.error,
        "notice": result.notice,
        "warnings": result.warnings,
        "lines": [[n, text] for n, text in result.lines.items()],
    }


def _decode(data: Any, key: str, display: str) -> FileResult:
    if data["format"] != CACHE_FORMAT or data["key"] != key:
        raise ValueError("not this entry")
    findings = []
    for rule, severity, message, line, column, end_line, end_column, snippet, fix in data["findings"]:
        findings.append(
            Finding(
                display,
                _str(rule),
                _str(severity),
                _str(message),
                _int(line),
                _int(column),
                _int(end_line),
                _int(end_column),
                _str(snippet),
                None if fix is None else _fix(fix),
            )
        )
    error, notice = data["error"], data["notice"]
    return FileResult(
        display,
        findings=findings,
        error=None if error is None else _str(error),
        notice=None if notice is None else _str(notice),
        warnings=[_str(w) for w in data["warnings"]],
        lines={_int(n): _str(text) for n, text in data["lines"]},
    )


def _fix(values: list[Any]) -> Fix:
    replacement, line, column, end_line, end_column, start, end, safe, original = values
    if not isinstance(safe, bool):
        raise TypeError("fix.safe")
    return Fix(
        _str(replacement),
        _int(line),
        _int(column),
        _int(end_line),
        _int(end_column),
        _int(start),
        _int(end),
        safe,
        _str(original),
    )


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value
