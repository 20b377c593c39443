"""Apply fixes to an article, safely.

A fix is applied only when it is *safe*: its span in the file holds exactly the text the rule matched (no
tags, no entities, nothing folded), the file has not changed since it was checked, and it does not overlap
another fix. The file is re-encoded as it was read (same encoding, same byte-order mark, same line endings,
which are untouched because only the spans change) and written atomically. Anything else is left alone
and reported as a suggestion.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from newslint.files.atomic import write_bytes_atomic
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
    for line in difflib.unified_diff(old, new, fromfile=path, tofile=path):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def plan(text: str, findings: list[Finding]) -> tuple[str, int, list[str]]:
    """The text with every safe, non-overlapping fix applied; (text, applied, reasons for skipped ones)."""
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
    parts = []
    pos = 0
    for fix in chosen:
        parts.append(text[pos : fix.start])
        parts.append(fix.replacement)
        pos = fix.end
    parts.append(text[pos:])
    return "".join(parts), len(chosen), skipped


def apply_fixes(path: Path, display: str, fmt: str, findings: list[Finding], write: bool = True) -> FixOutcome:
    """Re-read the file, apply what is safe, write it back atomically (unless ``write`` is false)."""
    outcome = FixOutcome(display)
    if not any(f.fix is not None for f in findings):
        return outcome
    try:
        data = path.read_bytes()
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
    new_text, applied, skipped = plan(text, findings)
    outcome.skipped.extend(skipped)
    if not applied:
        return outcome
    try:
        encoded = new_text.encode(encoding)
    except UnicodeEncodeError:
        outcome.skipped.append(f"{display}: fixes not applied: the replacement cannot be written in {encoding}")
        return outcome
    if write:
        write_bytes_atomic(path, bom + encoded)
    outcome.applied = applied
    outcome.text = new_text
    outcome.before = text
    return outcome
