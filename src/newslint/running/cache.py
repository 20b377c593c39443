"""``.newslint_cache/``: the results of files already checked, so a second run only reads and hashes them.

Like ruff's cache it lives in the folder newslint runs in (the project root, in practice) and nowhere else;
``check`` writes nothing outside it, ``--no-cache`` turns it off and ``newslint clean`` removes it.

An entry is the result of one file: findings, error or notice, warnings, and the source lines the text
report shows; never the parsed document. It is found by a hash of the file's bytes and format, inside a
folder named by the *fingerprint* of everything else that decides the result: the newslint version (in a
development install, its source files' stamp too: source_stamp.py), the cache format, Python's and ``regex``'s
versions, the content of every loaded rule file, the selected rules, and every setting of the run (``--now``
included, since date rules compare with it). Change any of them and the run looks in another folder.

Entries are JSON (the cache folder may come from anywhere: nothing in it is ever executed), written to a
temporary file and renamed into place, so readers see a whole entry or none. Nothing read from the cache is
trusted (see docs/writes-and-cache.md): an entry carries a checksum of its bytes and is checked field by field
(types, severities, rule ids, positions); only regular files of bounded size are opened, and every folder
and file inside ``.newslint_cache`` is opened without following links (``O_NOFOLLOW``, relative to the
folder's own descriptor), so a link planted there can neither be read through nor make newslint write
outside the cache. Anything else (corrupt, truncated, bit-flipped, a FIFO, a link, nested a thousand deep) is
a miss, and the entry is rewritten. Results of internal errors are not cached (a fixed newslint should retry
them), nor results that depend on timing (a rule stopped at its time limit, a parse that ran out of time):
a busy machine's time-outs must not be replayed on an idle one.

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
import re
import shutil
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newslint import __version__
from newslint.files.bounded_read import read_regular
from newslint.files.source import SourceError, SourceSkipped, decode_source, format_for, sniff_format
from newslint.running.findings import Finding, Fix
from newslint.running.linter import TIMEOUT_RULE, FileResult, lint_source
from newslint.running.source_stamp import source_stamp

if TYPE_CHECKING:
    from newslint.rules.loader import RuleSet
    from newslint.running.linter import Linter
    from newslint.running.one_file import CheckSettings, Target

CACHE_DIR_NAME = ".newslint_cache"
CACHE_FORMAT = 4  # 3: unused-suppression fixes carry their original text; 4: entries and index carry a checksum
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by newslint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
INDEX_NAME = "index.json"
INDEX_FORMAT = 2
MAX_ENTRY = 256 * 1024 * 1024  # bytes; a larger entry is neither written nor read
MAX_INDEX = 256 * 1024 * 1024
_SEVERITIES = frozenset(("error", "warning", "info"))
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_SEALED_HEAD = b'{"checksum": "'
_SEALED_MID = b'", "entry": '
_DIGEST_HEX = 64
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
        "source": source_stamp(),
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
    """Delete the cache folder (a link in its place: only the link); ``False`` when there was none."""
    if root.is_symlink():
        root.unlink()
        return True
    if not root.is_dir():
        return False
    shutil.rmtree(root)
    return True


def seal(body: bytes) -> bytes:
    """``body`` (JSON) wrapped with a checksum of its exact bytes; still JSON, for people who look."""
    return _SEALED_HEAD + hashlib.sha256(body).hexdigest().encode() + _SEALED_MID + body + b"}"


def unseal(raw: bytes) -> Any:
    """The JSON value ``seal`` wrapped, if its checksum matches; ``ValueError`` otherwise."""
    start = len(_SEALED_HEAD) + _DIGEST_HEX + len(_SEALED_MID)
    if not (raw.startswith(_SEALED_HEAD) and raw[start - len(_SEALED_MID) : start] == _SEALED_MID):
        raise ValueError("not a sealed entry")
    if not raw.endswith(b"}"):
        raise ValueError("truncated")
    body = raw[start:-1]
    if hashlib.sha256(body).hexdigest().encode() != raw[len(_SEALED_HEAD) : len(_SEALED_HEAD) + _DIGEST_HEX]:
        raise ValueError("checksum mismatch")
    try:
        return json.loads(body)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def depends_on_timing(result: FileResult) -> bool:
    """Whether the result was decided by a clock: a rule stopped at its time limit, a parse out of time."""
    if any(f.rule == TIMEOUT_RULE for f in result.findings):
        return True
    text = f"{result.error or ''} {result.notice or ''}"
    return "took longer than" in text or "time limit" in text


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
        self._parts = ("v" + str(CACHE_FORMAT), fingerprint[:32])
        self._fd: int | None = None  # the fingerprint folder, opened without following links
        self._swept: set[str] = set()  # subfolders cleaned of stale temporary files by this process

    def __getstate__(self) -> dict[str, Any]:  # a descriptor does not travel to another process
        state = dict(self.__dict__)
        state["_fd"] = None
        return state

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
            cached = self._load(key, target.display)
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
        cached = self._load(key, target.display)
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
            self._store(key, result)
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
        raw = self._read_in(None, INDEX_NAME, MAX_INDEX)
        if raw is None:
            return {}
        try:
            data = unseal(raw)
            if data["format"] != INDEX_FORMAT:
                return {}
            return {
                name: row
                for name, row in data["files"].items()
                if isinstance(name, str)
                and isinstance(row, list)
                and len(row) == 6
                and all(isinstance(v, int) and not isinstance(v, bool) for v in row[:5])
                and isinstance(row[5], str)
                and len(row[5]) == 40
            }
        except (ValueError, TypeError, KeyError, AttributeError):
            return {}

    def save_index(self) -> None:
        """Write the index (atomically) if this run added to it."""
        if not self._index_changed or not self._writable or self._index is None:
            return
        payload = {"format": INDEX_FORMAT, "files": self._index}
        if self._write_in(None, INDEX_NAME, seal(json.dumps(payload).encode("utf-8"))):
            self._index_changed = False

    # -- the folders: opened one by one, never through a link ------------------------------------------

    def _folder_fd(self, create: bool) -> int | None:
        """A descriptor of the fingerprint folder, every folder from the cache root down a real folder.

        ``None`` (no cache: every lookup a miss, nothing stored) where the system cannot open files relative
        to a folder's descriptor (Windows): a cache that might be read through a planted link is worse than
        none."""
        if self._fd is not None:
            return self._fd
        if not SAFE_FOLDERS:
            return None
        if create:
            self._make_root()
        try:
            fd = os.open(self.root, _DIR_FLAGS)
        except OSError:
            return None
        try:
            for part in self._parts:
                fd = _subfolder(fd, part, create)
        except OSError:
            return None
        self._fd = fd
        return fd

    def _read_in(self, sub: str | None, name: str, limit: int) -> bytes | None:
        """A regular file's bytes from the folder (or its subfolder ``sub``); ``None`` for anything else."""
        fd = self._folder_fd(create=False)
        if fd is None:
            return None
        try:
            where = _subfolder(os.dup(fd), sub, False) if sub is not None else os.dup(fd)
        except OSError:
            return None
        try:
            return read_regular(name, limit, follow=False, dir_fd=where)
        except OSError:
            return None
        finally:
            os.close(where)

    def _write_in(self, sub: str | None, name: str, data: bytes) -> bool:
        """Write ``name`` atomically in the folder (or ``sub``), never through a link; ``False`` if it cannot."""
        if not self._writable or len(data) > MAX_ENTRY:
            return False
        try:
            fd = self._folder_fd(create=True)
            if fd is None:
                self._writable = False
                return False
            where = _subfolder(os.dup(fd), sub, True) if sub is not None else os.dup(fd)
        except OSError:
            self._writable = False  # a read-only project: run without storing
            return False
        try:
            key = sub or ""
            if key not in self._swept:
                self._swept.add(key)
                _sweep(where)
            tmp = f".{name}.newslint-{os.getpid()}-{os.urandom(6).hex()}.tmp"
            out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o666, dir_fd=where)
            try:
                with os.fdopen(out, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, name, src_dir_fd=where, dst_dir_fd=where)
            except BaseException:
                try:
                    os.unlink(tmp, dir_fd=where)
                except OSError:
                    pass
                raise
            return True
        except OSError:
            self._writable = False
            return False
        finally:
            os.close(where)

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

    def _load(self, key: str, display: str) -> FileResult | None:
        raw = self._read_in(key[:2], key, MAX_ENTRY)
        if raw is None:
            return None
        try:
            return _decode(unseal(raw), key, display)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # corrupt, truncated or tampered with: treated as a miss, and rewritten

    # -- writing -----------------------------------------------------------------------------------

    def _store(self, key: str, result: FileResult) -> None:
        if not self._writable or depends_on_timing(result):
            return
        body = json.dumps(_encode(result, key), ensure_ascii=False).encode("utf-8", "surrogatepass")
        self._write_in(key[:2], key, seal(body))

    def _make_root(self) -> None:
        if os.path.lexists(self.root):
            return
        try:
            os.mkdir(self.root)
        except FileExistsError:
            return  # another process made it a moment ago, and writes the tags
        fd = os.open(self.root, _DIR_FLAGS)
        try:
            for name, text in (
                ("CACHEDIR.TAG", _CACHEDIR_TAG),
                (".gitignore", "# Automatically created by newslint.\n*\n"),
            ):
                out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o666, dir_fd=fd)
                with os.fdopen(out, "wb") as fh:
                    fh.write(text.encode("utf-8"))
        finally:
            os.close(fd)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
SAFE_FOLDERS = (
    bool(_NOFOLLOW)
    and os.open in os.supports_dir_fd
    and os.mkdir in os.supports_dir_fd
    and os.unlink in os.supports_dir_fd
    and os.scandir in os.supports_fd
)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _subfolder(fd: int, name: str, create: bool) -> int:
    """Open folder ``name`` inside the folder ``fd`` (which is closed), never through a link."""
    try:
        try:
            return os.open(name, _DIR_FLAGS, dir_fd=fd)
        except FileNotFoundError:
            if not create:
                raise
            try:
                os.mkdir(name, 0o777, dir_fd=fd)
            except FileExistsError:
                pass
            return os.open(name, _DIR_FLAGS, dir_fd=fd)
    finally:
        os.close(fd)


def _sweep(fd: int) -> None:
    """Remove stale temporary files of newslint's naming (a run killed mid-write) from the folder ``fd``."""
    from newslint.files.atomic import remove_stale_temporaries

    remove_stale_temporaries(fd)


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
    """The entry's result, every field checked: a wrong type, an unknown severity, a malformed rule id or a
    position below 1 raises (and the entry is a miss), whatever the checksum said."""
    if not isinstance(data, dict) or data["format"] != CACHE_FORMAT or data["key"] != key:
        raise ValueError("not this entry")
    findings = []
    for rule, severity, message, line, column, end_line, end_column, snippet, fix in data["findings"]:
        if not isinstance(rule, str) or not _RULE_ID.fullmatch(rule):
            raise ValueError("rule id")
        if severity not in _SEVERITIES:
            raise ValueError("severity")
        findings.append(
            Finding(
                display,
                rule,
                severity,
                _str(message),
                _pos(line),
                _pos(column),
                _pos(end_line),
                _pos(end_column),
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
        lines={_pos(n): _str(text) for n, text in data["lines"]},
    )


def _fix(values: list[Any]) -> Fix:
    replacement, line, column, end_line, end_column, start, end, safe, original = values
    if not isinstance(safe, bool):
        raise TypeError("fix.safe")
    start, end = _int(start), _int(end)
    if not 0 <= start <= end:
        raise ValueError("fix span")
    return Fix(
        _str(replacement),
        _pos(line),
        _pos(column),
        _pos(end_line),
        _pos(end_column),
        start,
        end,
        safe,
        _str(original),
    )


_RULE_ID = re.compile(r"(?=.{1,200}\Z)[a-z0-9]+(?:-[a-z0-9]+)*")  # rules.definitions.ID_PATTERN, bounded


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value


def _pos(value: Any) -> int:
    """A line or column: an integer from 1."""
    if _int(value) < 1:
        raise ValueError("position")
    return value
