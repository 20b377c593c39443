"""Inline suppression: HTML comments (in HTML and Markdown alike) and a front-matter key.

```
<!-- newslint-disable sebi-assured-returns, promo-* -->   from here ...
<!-- newslint-enable sebi-assured-returns -->             ... to here (no name: every rule)
<!-- newslint-disable-next-line disclaimer-missing -->    the next non-blank line
<!-- newslint-disable-file meta-byline-missing -->        the whole file
---
newslint: {ignore: [meta-byline-missing]}                 front matter: the whole file
---
```

A name is a rule id, a glob (``promo-*``) or a pack name; no name means every rule; ``-- reason`` after the
names is a comment. A finding is suppressed by the directives that cover its first character: a
``disable`` before it (in the file) that no later ``enable`` for that rule has ended, a ``disable-next-line``
on the line above it (blank lines skipped), a ``disable-file`` or the front matter anywhere.

As ruff reports unused ``noqa`` comments (RUF100), a directive that suppressed nothing is reported as
``newslint-unused-suppression`` (info): each name that covers an active rule and suppressed nothing, or a
name that matches no known rule. A name whose rules are not selected in this run is not reported: whether it
would suppress something cannot be known. A comment that starts like a directive but is not one (a typo such
as ``newslint-disabel``) or a malformed ``newslint:`` front-matter key is ``newslint-invalid-suppression``
(warning). Neither of those two findings can itself be suppressed inline; ignore them in the configuration.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newslint.config.code_rules import INVALID_RULE, UNUSED_RULE
from newslint.document.model import Document
from newslint.running.findings import Finding, Fix

_DIRECTIVE = re.compile(r"\s*newslint-(disable-next-line|disable-file|disable|enable)(?=\s|$)(.*)", re.S)
_LOOKS_LIKE = re.compile(r"\s*newslint-[a-z-]*", re.I)
_NAME = re.compile(r"[^\s,]+")


@dataclass
class Name:
    text: str
    start: int  # source offsets of the name (the directive's span when unknown)
    end: int
    used: bool = False


@dataclass
class Directive:
    kind: str  # disable | enable | next-line | file
    names: list[Name]  # empty: every rule
    start: int  # source span of the comment (or of the front-matter entry)
    end: int
    removable: bool = True  # the span is a comment that a fix may delete
    target_line: int = 0  # next-line: the line it covers
    used: bool = False


@dataclass(init=False)
class RuleIndex:
    """What a file's run knows about rules: every known id with its pack, the ids that ran, severities."""

    packs: dict[str, str]
    active: set[str]
    severities: dict[str, str]

    def __init__(self, packs: dict[str, str], active: set[str], severities: dict[str, str] | None = None) -> None:
        self.packs = packs  # every known rule id -> its pack
        self.active = active  # ids that ran on this file
        self.severities = {} if severities is None else severities  # effective severity of the two rules above

    def matches(self, name: str, rule: str) -> bool:
        return name == rule or self.packs.get(rule) == name or fnmatch.fnmatchcase(rule, name)

    def covered(self, name: str) -> list[str]:
        return [rid for rid in self.packs if self.matches(name, rid)]


def parse_directives(doc: Document) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    """The directives of a document, in source order, and the malformed ones as (start, end, message)."""
    directives: list[Directive] = []
    invalid: list[tuple[int, int, str]] = []
    for comment in doc.comments:
        text = comment.text
        m = _DIRECTIVE.match(text)
        if m is None:
            looks = _LOOKS_LIKE.match(text)
            if looks is not None:
                word = looks.group(0).strip()
                invalid.append(
                    (
                        comment.start,
                        comment.end,
                        f"{word!r} is not a newslint directive (newslint-disable, newslint-enable, "
                        "newslint-disable-next-line, newslint-disable-file)",
                    )
                )
            continue
        keyword, rest = m.group(1), m.group(2)
        body_start = comment.start + 4  # after '<!--'
        rest_start = body_start + m.start(2)
        cut = rest.find("--")
        if cut >= 0:
            rest = rest[:cut]
        names = [Name(n.group(0), rest_start + n.start(), rest_start + n.end()) for n in _NAME.finditer(rest)]
        kind = {"disable-next-line": "next-line", "disable-file": "file"}.get(keyword, keyword)
        directive = Directive(kind, names, comment.start, comment.end)
        if kind == "next-line":
            directive.target_line = _next_nonblank_line(doc, comment.end)
        directives.append(directive)
    fm_directives, fm_invalid = _front_matter(doc)
    return directives + fm_directives, invalid + fm_invalid


def _next_nonblank_line(doc: Document, offset: int) -> int:
    line, _ = doc.line_col(offset)
    starts = doc.lines.starts
    for n in range(line + 1, len(starts) + 1):
        if doc.lines.line_text(n).strip():
            return n
    return line + 1


def _front_matter(doc: Document) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    data = doc.metadata.front_matter
    if not data or "newslint" not in data:
        return [], []
    from newslint.parsing.markdown.frontmatter import split_front_matter

    fm = split_front_matter(doc.source)
    key = re.compile(r"^[ \t]*newslint[ \t]*[:=]", re.M).search(doc.source, fm.start, fm.body_start)
    where = (key.start(), key.end()) if key else (0, 0)
    value = data["newslint"]
    shape = "front matter 'newslint' must be a mapping such as {ignore: [rule-id, ...]}"
    if not isinstance(value, dict):
        return [], [(*where, shape)]
    invalid = [(*where, f"front matter 'newslint': unknown key {k!r} (only 'ignore')") for k in value if k != "ignore"]
    ignore = value.get("ignore")
    if ignore is None:
        return [], invalid
    items = [ignore] if isinstance(ignore, str) else ignore
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return [], [*invalid, (*where, "front matter 'newslint.ignore' must be a rule id or a list of them")]
    names = []
    for i, text in enumerate(items):
        pos = None
        if hasattr(ignore, "item_pos") and i < len(ignore.item_pos):
            pos = ignore.item_pos[i]
        elif isinstance(ignore, str) and hasattr(value, "value_pos"):
            pos = value.value_pos.get("ignore")
        if pos is not None:
            a, b = fm.start + pos.start, fm.start + pos.end
            if b - a >= 2 and doc.source[a] in "'\"" and doc.source[b - 1] == doc.source[a]:
                a, b = a + 1, b - 1
        else:
            found = doc.source.find(text, where[1] or fm.start, fm.body_start)
            a, b = (found, found + len(text)) if found >= 0 else where
        names.append(Name(text, a, b))
    if not names:
        return [], invalid
    return [Directive("file", names, where[0], where[1], removable=False)], invalid


def _covers(directive: Directive, rule: str, index: RuleIndex) -> bool:
    if not directive.names:
        return True
    hit = False
    for name in directive.names:
        if index.matches(name.text, rule):
            name.used = True
            hit = True
    return hit


def _applies(directive: Directive, rule: str, index: RuleIndex) -> bool:
    """Whether a directive names a rule, without marking anything used."""
    return not directive.names or any(index.matches(n.text, rule) for n in directive.names)


def is_suppressed(finding: Finding, offset: int, directives: list[Directive], index: RuleIndex) -> bool:
    rule = finding.rule
    suppressed = False
    for d in directives:
        whole = d.kind == "file" or (d.kind == "next-line" and d.target_line == finding.line)
        if whole and _covers(d, rule, index):
            d.used = suppressed = True
    # Ranges: the last disable/enable before the finding that names this rule decides.
    state: Directive | None = None
    for d in directives:
        if d.kind not in ("disable", "enable") or d.end > offset:
            continue  # not a range directive, or not before the finding
        if _applies(d, rule, index):
            state = d if d.kind == "disable" else None
    if state is not None:
        _covers(state, rule, index)
        state.used = suppressed = True
    return suppressed


def apply_suppressions(doc: Document, findings: list[Finding], index: RuleIndex) -> list[Finding]:
    """Drop suppressed findings; add findings for unused and malformed directives (when those rules run)."""
    if not doc.comments and not (doc.metadata.front_matter and "newslint" in doc.metadata.front_matter):
        return findings
    directives, invalid = parse_directives(doc)
    if not directives and not invalid:  # comments, but none of them newslint's: nothing to apply or report
        return findings
    kept = [f for f in findings if not is_suppressed(f, doc.lines.offset(f.line, f.column), directives, index)]
    extra: list[Finding] = []
    if UNUSED_RULE in index.active:
        extra.extend(_unused(doc, directives, index))
    if INVALID_RULE in index.active:
        for start, end, message in invalid:
            extra.append(_finding(doc, INVALID_RULE, index, message, start, end))
    if not extra:
        return kept
    out = kept + extra
    out.sort(key=Finding.sort_key)
    return out


def _unused(doc: Document, directives: Iterable[Directive], index: RuleIndex) -> Iterable[Finding]:
    for d in directives:
        if d.kind == "enable":
            continue
        label = _label(d)
        if not d.names:
            if not d.used:
                yield _finding(
                    doc,
                    UNUSED_RULE,
                    index,
                    f"unused suppression: {label} suppressed no finding",
                    d.start,
                    d.end,
                    d,
                )
            continue
        reports: list[tuple[Name, str]] = []
        for name in d.names:
            if name.used:
                continue
            covered = index.covered(name.text)
            if not covered:
                reports.append((name, f"unused suppression: {name.text!r} names no known rule or pack"))
            elif any(rid in index.active for rid in covered):
                reports.append((name, f"unused suppression: {label} of {name.text!r} suppressed no finding"))
        whole = len(reports) == len(d.names) and d.removable
        for name, message in reports:
            yield _finding(doc, UNUSED_RULE, index, message, name.start, name.end, d if whole else None)


def _removal_span(source: str, start: int, end: int) -> tuple[int, int]:
    """The span that deleting a comment removes: its own line, break included, when nothing else is on it
    (so that no blank line is left behind); else just the comment."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end + 1
    if source[line_start:start].strip() or source[end:line_end].strip():
        return start, end
    return line_start, line_end


def _label(d: Directive) -> str:
    if not d.removable:
        return "front matter 'newslint.ignore'"
    return {
        "disable": "newslint-disable",
        "enable": "newslint-enable",
        "next-line": "newslint-disable-next-line",
    }.get(d.kind, "newslint-disable-file")


def _finding(
    doc: Document,
    rule: str,
    index: RuleIndex,
    message: str,
    start: int,
    end: int,
    remove: Directive | None = None,
) -> Finding:
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    fix = None
    if remove is not None and remove.removable:
        a, b = _removal_span(doc.source, remove.start, remove.end)
        a_line, a_col = doc.line_col(a)
        b_line, b_col = doc.line_col(b)
        # ``original`` is what --fix checks the file still holds before deleting it.
        fix = Fix("", a_line, a_col, b_line, b_col, a, b, True, doc.source[a:b])
    default = "info" if rule == UNUSED_RULE else "warning"
    snippet = " ".join(doc.source[start:end].split())[:200]
    return Finding(
        doc.path,
        rule,
        index.severities.get(rule, default),
        message,
        line,
        col,
        end_line,
        end_col,
        snippet,
        fix,
    )
