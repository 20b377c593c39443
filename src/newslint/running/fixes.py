"""Apply fixes to an article, safely.

A fix is applied only when it is *safe*: its span in the file holds exactly the text the rule matched (no
tags, no entities, nothing folded), the file has not changed since it was checked, and it does not overlap
another fix. Only the bytes of the fixed spans change (``splice``): the encoding, the byte-order mark, the line
endings and every other byte stay as they were. The file is written back by
``newslint.files.atomic.replace_checked`` (unchanged since it was read, owner, group, mode and hard links
kept). Anything else is left alone and reported as a suggestion. docs/writes-and-cache.md says it for users.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from newslint.files.atomic import FileChanged, is_read_only, read_snapshot, replace_checked
from newslint.files.source import SourceError, SourceSkipped, decode
from newslint.running.findings import Finding, Fix

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(init=False)
class FixOutcome:
    path: str
    applied: int
    skipped: list[str]
    text: str | None
    before: str | None

    def __init__(
        self,
        path: str,
        applied: int = 0,
        skipped: list[str] | None = None,
        text: str | None = None,
        before: str | None = None,
    ) -> None:
        self.path = path
        self.applied = applied
        self.skipped = [] if skipped is None else skipped  # one reason per fix not applied
        self.text = text  # the fixed text, when anything was applied
        self.before = before  # the text as read, when anything was applied (for --diff)


def unified_diff(before: str, after: str, path: str) -> str:
    """``--diff``: the change as a unified diff (``--- path`` / ``+++ path``, three lines of context), with
    git's marker for a last line without a line break."""
    import difflib
    import re

    lines = re.compile(r"[^\n]*\n|[^\n]+")  # not str.splitlines: a form feed or U+2028 is not a line break here
    old, new = lines.findall(before), lines.findall(after)
    out: list[str] = []
    name = diff_name(path)
    for line in difflib.unified_diff(old, new, fromfile=name, tofile=name):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def choose(text: str, findings: list[Finding]) -> tuple[list[Fix], list[str]]:
    """The safe fixes that still match the text, without overlaps, in order; and reasons for the others."""
    skipped: list[str] = []
    chosen: list[Fix] = []
    with_fix = [(f, f.fix) for f in findings if f.fix is not None]
    for f, fix in sorted(with_fix, key=lambda pair: (pair[1].start, pair[1].end)):
        where = f"{f.path}:{f.line}:{f.column} {f.rule}"
        if not fix.safe:
            skipped.append(f"{where}: not applied: the text spans markup or entities; edit it by hand")
            continue
        if text[fix.start : fix.end] != fix.original:
            skipped.append(f"{where}: not applied: the file changed since it was checked")
            continue
        if chosen and fix.start < chosen[-1].end:
            skipped.append(f"{where}: not applied: it overlaps another fix")
            continue
        chosen.append(fix)
    return chosen, skipped


_GIT_ESCAPES = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r"}


def diff_name(path: str) -> str:
    """A file name for a diff header, quoted as git quotes it when it holds a control character, a quote, a
    backslash or bytes that are not UTF-8 (``"esc\\033[2J.md"``, ``"bad\\377.md"``): one line, no escape
    sequence reaching the terminal, and ``git apply`` and ``patch`` still find the file."""
    if path.isprintable() and '"' not in path and "\\" not in path:
        return path
    out = []
    for ch in path:
        code = ord(ch)
        if ch in _GIT_ESCAPES:
            out.append(_GIT_ESCAPES[ch])
        elif ch in ('"', "\\"):
            out.append("\\" + ch)
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (a surrogate escape)
            out.append(f"\\{code - 0xDC00:03o}")
        elif not ch.isprintable():
            out.extend(f"\\{b:03o}" for b in ch.encode("utf-8", "surrogatepass"))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def plan(text: str, findings: list[Finding]) -> tuple[str, int, list[str]]:
    """The text with every safe, non-overlapping fix applied; (text, applied, reasons for skipped ones)."""
    chosen, skipped = choose(text, findings)
    parts = []
    pos = 0
    for fix in chosen:
        parts.append(text[pos : fix.start])
        parts.append(fix.replacement)
        pos = fix.end
    parts.append(text[pos:])
    return "".join(parts), len(chosen), skipped


class NotSpliceable(Exception):
    """The bytes of the file and its decoded text do not line up (see ``splice``)."""


def splice(body: bytes, text: str, encoding: str, chosen: list[Fix]) -> bytes:
    """``body`` (the file's bytes after any byte-order mark) with the fixes' spans replaced, every other byte
    kept as it was.

    Re-encoding the whole text would rewrite bytes outside the spans wherever decoding is not one-to-one
    (cp932's NEC and IBM duplicates decode to one character that encodes back to one of them). Here each
    unchanged stretch is located by its encoded length and kept byte for byte, and proven to decode to
    exactly the text it stands for; when it does not (a stateful encoding such as ISO-2022-JP, a character
    whose two spellings differ in length), ``NotSpliceable`` is raised and the file is left alone.
    """
    out: list[bytes] = []
    pos_c = pos_b = 0
    try:
        for fix in chosen:
            keep = text[pos_c : fix.start]
            start_b = pos_b + len(keep.encode(encoding))
            end_b = start_b + len(fix.original.encode(encoding))
            if body[pos_b:start_b].decode(encoding) != keep or body[start_b:end_b].decode(encoding) != fix.original:
                raise NotSpliceable
            out.append(body[pos_b:start_b])
            out.append(fix.replacement.encode(encoding))
            pos_c, pos_b = fix.end, end_b
        if body[pos_b:].decode(encoding) != text[pos_c:]:
            raise NotSpliceable
    except (UnicodeDecodeError, LookupError):
        raise NotSpliceable from None
    out.append(body[pos_b:])
    return b"".join(out)


def apply_fixes(path: Path, display: str, fmt: str, findings: list[Finding], write: bool = True) -> FixOutcome:
    """Re-read the file, apply what is safe, write it back (unless ``write`` is false).

    The file is skipped, with one message, when it is read-only, cannot be written in its folder, changed
    since it was read (checked again immediately before it is replaced), or its encoding does not let the
    fixes change only their own bytes. See ``newslint.files.atomic.replace_checked`` for how it is written.
    """
    outcome = FixOutcome(display)
    if not any(f.fix is not None for f in findings):
        return outcome
    try:
        st = os.stat(path)
        if write and is_read_only(st, path):
            outcome.skipped.append(f"{display}: fixes not applied: the file is read-only")
            return outcome
        data, snap = read_snapshot(path)
    except OSError as exc:
        outcome.skipped.append(f"{display}: fixes not applied: cannot read ({exc.strerror or exc})")
        return outcome
    bom = b""
    for mark, _name in _BOMS:
        if data.startswith(mark):
            bom = mark
            break
    try:
        text, encoding, notes = decode(data, fmt)
    except (SourceError, SourceSkipped, UnicodeDecodeError) as exc:  # pragma: no cover - it was readable a moment ago
        outcome.skipped.append(f"{display}: fixes not applied: {exc}")
        return outcome
    if notes:
        outcome.skipped.append(f"{display}: fixes not applied: the file does not decode cleanly ({notes[0]})")
        return outcome
    chosen, skipped = choose(text, findings)
    outcome.skipped.extend(skipped)
    if not chosen:
        return outcome
    try:
        fixed = splice(data[len(bom) :], text, encoding, chosen)
    except UnicodeEncodeError:
        outcome.skipped.append(f"{display}: fixes not applied: the replacement cannot be written in {encoding}")
        return outcome
    except NotSpliceable:
        outcome.skipped.append(
            f"{display}: fixes not applied: its {encoding} bytes do not map one-to-one to its text, "
            "so a fix could change bytes outside its span"
        )
        return outcome
    if write:
        try:
            replace_checked(path, bom + fixed, snap)
        except FileChanged:
            outcome.skipped.append(f"{display}: fixes not applied: the file changed while it was being fixed")
            return outcome
        except OSError as exc:
            outcome.skipped.append(f"{display}: fixes not applied: cannot write it ({exc.strerror or exc})")
            return outcome
    outcome.applied = len(chosen)
    outcome.text = plan(text, findings)[0]
    outcome.before = text
    return outcome
