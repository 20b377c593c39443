"""Read an article file into text: size limits, binary detection, encodings, format by extension.

Decoding order: a byte-order mark; then valid UTF-8 (a page that decodes as UTF-8 is UTF-8 whatever it
declares, as browsers find in practice); then the charset the page declares (``<meta charset>``,
``http-equiv``, an XML declaration); then detection with charset-normalizer; last, Windows-1252.
Every failure becomes a ``SourceError`` with a one-line reason; nothing here raises anything else.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x00", "a binary file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
# What HTML's encoding standard maps these labels to.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-sjis": "shift_jis",
    "utf8": "utf-8",
    "unicode": "utf-16-le",
}


# Text codecs Python knows that no web page is written in (the HTML standard bans UTF-7 outright).
_NOT_PAGE_CODECS = frozenset(("utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"))


class SourceError(Exception):
    """A file that cannot be linted; the message is one line saying why."""


class SourceSkipped(Exception):
    """A file that is not worth linting (empty, whitespace only): a notice, not an error."""


@dataclass(init=False, slots=True)
class SourceText:
    path: str
    format: str
    text: str
    encoding: str
    size: int
    notes: list[str]

    def __init__(
        self, path: str, format: str, text: str, encoding: str, size: int, notes: list[str] | None = None
    ) -> None:
        self.path = path
        self.format = format  # html | markdown
        self.text = text
        self.encoding = encoding
        self.size = size
        self.notes = [] if notes is None else notes


def format_for(name: str, default: str | None = None) -> str | None:
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return default


def sniff_format(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype", "<html", "<?xml", "<head", "<body", "<meta", "<!--", "<div", "<article")):
        return "html"
    return "markdown"


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "a binary file (it contains NUL bytes)"
    return None


def _declared_charset(data: bytes) -> tuple[str | None, str]:
    """The codec a page declares, and the label as written ("" when there is none).

    A label Python knows is not always a page encoding: ``base64``, ``hex``, ``zlib`` or ``rot13`` are
    codecs of another kind, UTF-7 is banned from the web, and a page whose declaration reads as ASCII
    cannot be UTF-16 or UTF-32 (the HTML standard reads such a declaration as UTF-8). Those give ``None``.
    """
    m = _DECLARED.search(data[:4096])
    if not m:
        return None, ""
    written = (m.group(1) or m.group(2) or b"").decode("ascii", "ignore").strip()
    label = written.lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None, written
    name = info.name
    if (
        not getattr(info, "_is_text_encoding", True)
        or name in _NOT_PAGE_CODECS
        or name.startswith(("utf-16", "utf-32"))
    ):
        return None, written
    return name, written


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no byte-order mark, told by its NUL bytes: mostly-ASCII text has one in every pair."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.8 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.8 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def decode(data: bytes, fmt: str) -> tuple[str, str, list[str]]:
    """Decode bytes to text; returns (text, encoding, notes)."""
    notes: list[str] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name, notes
            except UnicodeDecodeError as exc:
                text = data[len(bom) :].decode(name, "replace")
                notes.append(f"invalid {name} bytes at byte {exc.start + len(bom)} were replaced")
                return text, name, notes
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        notes.append(f"no byte-order mark; read as {utf16.upper()} (every other byte is NUL)")
        return data.decode(utf16, "replace"), utf16, notes
    declared, written = _declared_charset(data) if fmt == "html" else (None, "")
    if written and declared is None:
        notes.append(f"declares charset {written!r}, which cannot be a page's encoding; ignored")
    try:
        text = data.decode("utf-8")
        if declared and declared not in ("utf-8", "ascii", "cp1252") and not text.isascii():
            notes.append(f"declares {declared} but is valid UTF-8; read as UTF-8")
        return text, "utf-8", notes
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared == "utf-8":
        notes.append(f"invalid UTF-8 at byte {utf8_error.start}; bad bytes were replaced")
        return data.decode("utf-8", "replace"), "utf-8", notes
    if declared:
        try:
            return data.decode(declared), declared, notes
        except (UnicodeDecodeError, LookupError):
            notes.append(f"declares {declared} but does not decode as {declared}")
    detected = _detect(data)
    if detected:
        try:
            return data.decode(detected), detected, notes
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), "cp1252", notes
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", notes


def _detect(data: bytes) -> str | None:
    """Charset detection for a page that is not UTF-8 and declares nothing usable.

    Windows-1252 first, when the bytes read as Western European text in it (the HTML standard's default for
    undeclared pages); detectors are unreliable on short or mostly-ASCII text (a page with a few curly quotes
    and accented letters came back as ``cp775``). Otherwise charset-normalizer decides, still preferring
    Windows-1252 when it is among the best candidates.
    """
    sample = data[:200_000]
    if _reads_as_western(sample):
        return "cp1252"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    results = from_bytes(sample)
    best = results.best()
    if best is None:
        return None
    for match in results:
        if match.chaos <= best.chaos + 0.05 and _codec_name(match.encoding) == "cp1252":
            return "cp1252"
    return _codec_name(best.encoding)


_LETTERS = re.compile(r"[^\W\d_]+")
_HIGH_RUN = re.compile(r"[^\x00-\x7f]{3}")
# Windows-1252 symbols that stand for letters of other code pages (cp1250's ł ą ż ś, ...) when they sit
# between two letters.
_LETTER_SYMBOL_LETTER = re.compile(r"[^\W\d_][£¥¦¨¬¯±³¶¸¹¼¾¿][^\W\d_]")


def _reads_as_western(sample: bytes) -> bool:
    """Whether ``sample`` decodes as Windows-1252 into text shaped like a Western European language.

    In those languages accented letters sit among ASCII letters ("café", "Größe": at most two in a row).
    Cyrillic, Greek or CJK bytes read as Windows-1252 give words made wholly of accented letters, and
    Central European pages give symbols inside words ("Pawe³").
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    words = [w for w in _LETTERS.findall(text) if not w.isascii()]
    odd = sum(1 for w in words if _HIGH_RUN.search(w)) + len(_LETTER_SYMBOL_LETTER.findall(text))
    return odd <= 0.1 * len(words)


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_source(data: bytes, path: str, fmt: str | None) -> SourceText:
    """Decode the bytes of one article; raises ``SourceError`` or ``SourceSkipped``."""
    if not data or data.isspace():  # not data.strip(): that copies a 50 MB page
        raise SourceSkipped("empty file, nothing to check" if not data else "only whitespace, nothing to check")
    unmarked = not data.startswith(tuple(b for b, _ in _BOMS)) and _utf16_without_bom(data) is None
    kind = _binary_kind(data) if unmarked else None
    if kind is not None:
        raise SourceError(f"not an article: {kind}")
    fmt = fmt or "html"
    text, encoding, notes = decode(data, fmt)
    if "\x00" in text:
        raise SourceError("not an article: it contains NUL characters")
    if not text or text.isspace():
        raise SourceSkipped("only whitespace, nothing to check")
    return SourceText(path, fmt, text, encoding, len(data), notes)


def read_source(path: Path, display: str, fmt: str | None, max_size: int = DEFAULT_MAX_FILE_SIZE) -> SourceText:
    """Read and decode one file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise SourceError(f"broken symbolic link (to {os.readlink(path)!r}, which does not exist)") from None
        raise SourceError("no such file") from None
    except OSError as exc:
        raise SourceError(_os_reason(exc)) from None
    if not os.path.isfile(path):
        raise SourceError("not a regular file")
    if max_size and st.st_size > max_size:
        raise SourceError(f"skipped: {_mb(st.st_size)} MB is over the {_mb(max_size)} MB limit (--max-file-size)")
    # Ask for the size stat gave (and one byte more, to see a file that grew since): read(n) allocates n
    # bytes first, and asking for the whole limit each time made reading the shared corpus 3-4x slower.
    want = st.st_size + 1
    if max_size:
        want = min(want, max_size + 1)
    try:
        with open(path, "rb") as fh:
            data = fh.read(want)
            if len(data) == want and (not max_size or want <= max_size):  # it grew (or stat cannot tell)
                data += fh.read(max_size + 1 - want if max_size else -1)
    except OSError as exc:
        raise SourceError(_os_reason(exc)) from None
    if max_size and len(data) > max_size:
        raise SourceError(f"skipped: over the {_mb(max_size)} MB limit (--max-file-size)")
    return decode_source(data, display, fmt or format_for(display, None) or sniff_format(_peek(data)))


def read_stream(stream: BinaryIO, display: str, fmt: str | None, max_size: int = DEFAULT_MAX_FILE_SIZE) -> SourceText:
    """Read and decode standard input (or any stream), within the same size limit as files."""
    try:
        data = stream.read(max_size + 1 if max_size else -1)
    except OSError as exc:
        raise SourceError(_os_reason(exc)) from None
    if max_size and len(data) > max_size:
        raise SourceError(f"skipped: over the {_mb(max_size)} MB limit (--max-file-size)")
    return decode_source(data, display, fmt or format_for(display, None) or sniff_format(_peek(data)))


def _mb(size: int) -> str:
    """A size in the unit of ``--max-file-size`` (MB of 1024 x 1024 bytes, as the option counts them)."""
    return f"{round(size / (1024 * 1024), 3):g}"


def _peek(data: bytes) -> str:
    return data[:512].decode("utf-8", "ignore")


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        return f"cannot read: permission denied ({reason})"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "cannot read: symbolic link loop"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {reason}"
