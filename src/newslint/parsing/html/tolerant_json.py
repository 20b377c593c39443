"""Read the JSON in a ``<script type="application/ld+json">`` as browsers' and search engines' readers
tolerate it, and keep where every string sits in the page.

Real CMS output is often not strict JSON: the script is wrapped in ``<![CDATA[ ... ]]>`` (with or without
``//`` comment markers) or in ``<!-- ... -->``, has ``//`` or ``/* */`` comments, trailing commas, raw line
breaks and control characters inside strings, or several objects one after another (with or without commas
between them). ``json.loads`` refuses all of these, and gives no positions; this reader accepts them and
returns every string as a :class:`JStr`, a ``str`` that knows its span in the page (the text between its
quotes), so that a finding on ``datePublished`` points at the value itself. It is iterative (deep nesting
cannot overflow the stack) and linear in the size of the script.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 5000  # deeper than json.loads reads (its recursion stops near 1,000): valid pages are read

# Between values: white space, comments, and the CDATA and HTML-comment wrappers of the script's content.
# Also the two characters \n, \r or \t between values: pages saved from a JSON-escaped copy (some archives
# and crawlers) have them where the line breaks were.
_SKIP = re.compile(r"(?:\s+|<!--|-->|<!\[CDATA\[|\]\]>|//[^\n]*|/\*.*?(?:\*/|\Z)|\\[rnt])*", re.S)
_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"', re.S)
_LITERAL = re.compile(r"-?(?:\d[\d.eE+-]*|\.\d[\d.eE+-]*)|true|false|null|NaN|-?Infinity")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.S)
_LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None}


class JStr(str):
    """A JSON string value with the source offsets of its text (between the quotes)."""

    __slots__ = ("end", "start")
    start: int
    end: int


class BadJson(Exception):
    """The script's content cannot be read even tolerantly (an unterminated string, a missing colon...)."""

    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


def _unescape(raw: str) -> str:
    """The text of a string's escapes, leniently: an unknown escape (``\\x``) stands for its character."""
    try:
        return json.loads(f'"{raw}"', strict=False)  # the common case, at C speed
    except ValueError:
        pass

    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        if len(e) == 5:
            return chr(int(e[1:], 16))
        return _ESCAPES.get(e, e)

    return _ESCAPE.sub(one, raw)


def _string(src: str, pos: int, end: int) -> tuple[JStr, int]:
    m = _STRING.match(src, pos, end)
    if m is None:
        raise BadJson(pos)
    raw = m.group(1)
    s = JStr(_unescape(raw) if "\\" in raw else raw)
    s.start, s.end = m.start(1), m.end(1)
    return s, m.end()


def _literal(src: str, pos: int, end: int) -> tuple[Any, int]:
    m = _LITERAL.match(src, pos, end)
    if m is None:
        raise BadJson(pos)
    text = m.group()
    if text in _LITERALS:
        return _LITERALS[text], m.end()
    if len(text) > 100:
        return text, m.end()  # no real value is that long; int() of over 4,300 digits refuses anyway
    try:
        return json.loads(text), m.end()
    except ValueError:
        return text, m.end()  # 1.2.3, NaN: kept as written


def parse_values(src: str, start: int, end: int) -> tuple[list[Any], int | None]:
    """Every top-level JSON value in ``src[start:end]``, and the offset where reading failed (``None`` when
    the whole script was read). Values read before a failure are kept."""
    values: list[Any] = []
    pos = start
    while True:
        pos = _SKIP.match(src, pos, end).end()  # type: ignore[union-attr]
        if pos >= end:
            return values, None
        if src[pos] in ",;":  # several objects, separated as a script would or as a list's items are
            pos += 1
            continue
        try:
            value, pos = _value(src, pos, end)
        except BadJson as exc:
            return values, exc.at
        values.append(value)


def _value(src: str, pos: int, end: int) -> tuple[Any, int]:
    """One value from ``pos``, iteratively: ``stack`` holds the open containers, each with the key that
    waits for its value (objects) and whether a comma is due before the next item."""
    stack: list[list[Any]] = []  # [container, pending key, comma due]
    skip = _SKIP.match
    while True:
        pos = skip(src, pos, end).end()  # type: ignore[union-attr]
        if pos >= end:
            raise BadJson(pos)
        c = src[pos]
        if stack:
            top = stack[-1]
            container = top[0]
            if c == "}" or c == "]":
                if (c == "}") != isinstance(container, dict) or top[1] is not None:
                    raise BadJson(pos)
                pos += 1
                stack.pop()
                value: Any = container
                if not stack:
                    return value, pos
                _deliver(stack[-1], value)
                continue
            if c == ",":
                top[2] = False  # a trailing or doubled comma is tolerated
                pos += 1
                continue
            if top[2]:
                raise BadJson(pos)
            if isinstance(container, dict) and top[1] is None:
                if c != '"':
                    raise BadJson(pos)
                key, pos = _string(src, pos, end)
                pos = skip(src, pos, end).end()  # type: ignore[union-attr]
                if pos >= end or src[pos] != ":":
                    raise BadJson(pos)
                top[1] = str(key)
                pos += 1
                continue
        if c == "{" or c == "[":
            if len(stack) >= MAX_DEPTH:
                raise BadJson(pos)
            stack.append([{} if c == "{" else [], None, False])
            pos += 1
            continue
        if c == '"':
            value, pos = _string(src, pos, end)
        else:
            value, pos = _literal(src, pos, end)
        if not stack:
            return value, pos
        _deliver(stack[-1], value)


def _deliver(top: list[Any], value: Any) -> None:
    container = top[0]
    if isinstance(container, dict):
        container[top[1]] = value
        top[1] = None
    else:
        container.append(value)
    top[2] = True
