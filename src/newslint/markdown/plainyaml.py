"""Front matter written in plain YAML, read without PyYAML.

Nearly all front matter is a column of ``key: value`` lines, perhaps with a list of tags or authors::

    title: "Nifty ends flat as IT gains offset bank losses"
    date: 2026-11-20T16:05:00+05:30
    draft: false
    tags:
      - markets
      - nifty

Importing PyYAML costs a one-file Markdown check about as much as parsing the article, so front matter in
this subset is read here, into the values and positions (``YMap``, ``YList``, ``Pos``) that
:func:`newslint.yamlsafe.load` gives. Values are resolved as PyYAML resolves them (YAML 1.1: ``yes`` and
``off`` are booleans, ``2026-11-20`` is a date, an impossible date stays text). Anything outside the subset
(nested mappings, block or multi-line scalars, anchors, tags, flow mappings, floats, octal or sexagesimal
numbers, escapes other than ``\\"`` and ``\\\\``, tabs, CR without LF, duplicate keys) is *declined* and read
by PyYAML: this reader may decline, never differ. The tests hold it to PyYAML on generated front matter and
on every Markdown file of the shared corpus.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from ..yamlsafe import MAX_NUMBER_CHARS, Pos, YList, YMap


class _Declined(Exception):
    """Outside the subset: PyYAML reads it."""


# The implicit resolvers of PyYAML (yaml/resolver.py, MIT licence). Which one applies is decided by the
# first character, as PyYAML does; the expressions are compiled only for values that may be numbers or
# timestamps (compiling them costs more than reading a typical front matter).
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_BOOL_WORDS = {spelling: value for word, value in _BOOLS.items() for spelling in (word, word.title(), word.upper())}
_NULL_WORDS = frozenset(("~", "null", "Null", "NULL", ""))
_NUMBER_START = frozenset("-+0123456789.")
_FLOAT = (
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_INT = r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
_TIMESTAMP = (
    r"(?P<year>[0-9][0-9][0-9][0-9])-(?P<month>[0-9][0-9]?)-(?P<day>[0-9][0-9]?)"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9][0-9]?):(?P<minute>[0-9][0-9]):(?P<second>[0-9][0-9])"
    r"(?:\.(?P<fraction>[0-9]*))?"
    r"(?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)(?::(?P<tz_minute>[0-9][0-9]))?))?)?"
)
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_PLAIN_START_FORBIDDEN = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_PLAIN_FORBIDDEN = frozenset("[]{},:#'\"")


@cache
def _expression(source: str) -> re.Pattern[str]:
    return re.compile(source)


def load_plain(text: str) -> tuple[bool, Any]:
    """``(True, value)`` when ``text`` is in the subset (``value`` as ``yamlsafe.load`` would give it: a
    ``YMap``, or ``None`` for a document of only comments), else ``(False, None)``."""
    try:
        return True, _Reader(text).document()
    except _Declined:
        return False, None


def resolve_plain(value: str) -> Any:
    """A plain scalar's value as PyYAML builds it (``yamlsafe`` keeps an impossible timestamp as text)."""
    if value in _BOOL_WORDS:
        return _BOOL_WORDS[value]
    if value in _NULL_WORDS:
        return None
    if value[0] in _NUMBER_START:
        return _number_or_timestamp(value)
    if value in ("<<", "="):
        raise _Declined  # merge and value keys
    return value


def _number_or_timestamp(value: str) -> Any:
    if len(value) > MAX_NUMBER_CHARS:
        return value  # as yamlsafe keeps it: text (see MAX_NUMBER_CHARS)
    if value.isascii() and value.isdigit() and (value[0] != "0" or len(value) == 1):
        return int(value)
    if len(value) >= 8 and value[:4].isascii() and value[:4].isdigit() and value[4] == "-":
        # Neither an int nor a float has a '-' there: a timestamp, or text.
        m = _expression(_TIMESTAMP).fullmatch(value)
        if m is None or (m.group("hour") is None and len(value) != 10):
            return value
        try:
            return _timestamp(m)
        except (ValueError, OverflowError):
            return value
    if _expression(_FLOAT).fullmatch(value):
        raise _Declined
    if _expression(_INT).fullmatch(value):
        if value.lstrip("+-").isdigit() and (value.lstrip("+-")[0] != "0" or value.lstrip("+-") == "0"):
            return int(value)
        raise _Declined
    return value


def _timestamp(m: re.Match[str]) -> date | datetime:
    """PyYAML's ``construct_yaml_timestamp``."""
    year, month, day = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    if not m.group("hour"):
        return date(year, month, day)
    fraction = 0
    if m.group("fraction"):
        fraction = int(m.group("fraction")[:6].ljust(6, "0"))
    tzinfo: timezone | None = None
    if m.group("tz_sign"):
        delta = timedelta(hours=int(m.group("tz_hour")), minutes=int(m.group("tz_minute") or 0))
        tzinfo = timezone(-delta if m.group("tz_sign") == "-" else delta)
    elif m.group("tz"):
        tzinfo = UTC
    hour, minute, second = int(m.group("hour")), int(m.group("minute")), int(m.group("second"))
    return datetime(year, month, day, hour, minute, second, fraction, tzinfo=tzinfo)


def _allowed(c: str) -> bool:
    """Characters PyYAML reads as printable and not as a line break (NEL, LS, PS) or a BOM."""
    o = ord(c)
    if o < 0x80:
        return 0x20 <= o <= 0x7E or o == 0x0A or o == 0x0D
    return (
        (0xA0 <= o <= 0xD7FF and o not in (0x2028, 0x2029)) or (0xE000 <= o <= 0xFFFD and o != 0xFEFF) or o >= 0x10000
    )


class _Reader:
    def __init__(self, text: str) -> None:
        if not all(_allowed(c) for c in text):
            raise _Declined
        self.text = text
        # (start, end) of each line's content, without its line break.
        self.lines: list[tuple[int, int]] = []
        start = 0
        for raw in text.split("\n"):
            end = start + len(raw)
            content_end = end - 1 if raw.endswith("\r") else end
            if "\r" in text[start:content_end]:
                raise _Declined
            self.lines.append((start, content_end))
            start = end + 1

    # -- structure -----------------------------------------------------------------------------------------

    def _is_content(self, i: int) -> bool:
        s, e = self.lines[i]
        body = self.text[s:e].lstrip(" ")
        return bool(body) and not body.startswith("#")

    def _next_content(self, i: int) -> int:
        while i < len(self.lines) and not self._is_content(i):
            i += 1
        return i

    def document(self) -> YMap | None:
        text = self.text
        mapping: YMap | None = None
        i = self._next_content(0)
        while i < len(self.lines):
            s, e = self.lines[i]
            if text.startswith(("---", "..."), s) or text[s] == " ":
                raise _Declined
            colon = text.find(":", s, e)
            key = text[s:colon]
            if colon < 0 or not key or not (key[0].isalpha() or key[0] == "_") or not _KEY_CHARS.issuperset(key):
                raise _Declined
            c = colon + 1
            if c < e and text[c] != " ":
                raise _Declined  # "a:b" is one scalar
            while c < e and text[c] == " ":
                c += 1
            if not isinstance(resolve_plain(key), str):
                raise _Declined
            if mapping is None:
                mapping = YMap()
                mapping.pos = Pos(i + 1, 1, s, len(text))
                mapping.key_pos, mapping.value_pos = {}, {}
            if key in mapping.key_pos:
                raise _Declined  # PyYAML's loader reports it
            mapping.key_pos[key] = Pos(i + 1, 1, s, s + len(key))
            if c < e and not (text[c] == "#" and text[c - 1] == " "):
                value, pos, i = self._value(i, c, e, folding=True)
                i = self._next_content(i)
            else:
                colon += 1
                nxt = self._next_content(i + 1)
                if nxt < len(self.lines) and self._item_indent(nxt) is not None:
                    value, pos, i = self._block_sequence(nxt)
                elif (
                    nxt == i + 1 < len(self.lines) and text[self.lines[nxt][0]] == " "
                ):  # the value starts on the next line
                    ns, ne = self.lines[nxt]
                    value, pos, i = self._value(nxt, ne - len(text[ns:ne].lstrip(" ")), ne, folding=True)
                    i = self._next_content(i)
                else:
                    value, pos, i = None, Pos(i + 1, colon - s + 1, colon, colon), nxt
            mapping[key] = value
            mapping.value_pos[key] = pos
        return mapping

    def _item_indent(self, i: int) -> int | None:
        """The indentation of a ``- item`` line, or ``None`` for any other line."""
        s, e = self.lines[i]
        body = self.text[s:e].lstrip(" ")
        if body.startswith("- ") or body == "-":
            return e - s - len(body)
        return None

    def _block_sequence(self, i: int) -> tuple[YList, Pos, int]:
        text = self.text
        indent = self._item_indent(i)
        assert indent is not None
        first_line, first_s = i + 1, self.lines[i][0]
        seq = YList()
        seq.item_pos = []
        while i < len(self.lines):
            s, e = self.lines[i]
            item = self._item_indent(i)
            if item is None:
                if text[s] == " ":
                    raise _Declined  # a continuation line, or a nested block
                break  # the next key: the sequence ends where it starts
            if item != indent:
                raise _Declined
            c = s + indent + 1
            while c < e and text[c] == " ":
                c += 1
            if c >= e or text[c] in "[#":
                raise _Declined  # an empty item, a nested flow sequence
            value, pos, _ = self._value(i, c, e, folding=False)
            seq.append(value)
            seq.item_pos.append(pos)
            i = self._next_content(i + 1)
        end = self.lines[i][0] if i < len(self.lines) else len(text)
        seq.pos = Pos(first_line, indent + 1, first_s + indent, end)
        return seq, seq.pos, i

    # -- values on one line --------------------------------------------------------------------------------

    def _value(self, i: int, c: int, e: int, folding: bool) -> tuple[Any, Pos, int]:
        """The value starting at ``c`` on line ``i`` (which ends at ``e``): a scalar or a flow sequence.
        Returns it, its position and the line after it. With ``folding``, a plain scalar may go on over
        more-indented lines (a mapping value), joined with spaces as YAML folds them."""
        text = self.text
        line, s = i + 1, self.lines[i][0]
        value: Any
        if text[c] == "[":
            value, end = self._flow_sequence(i, c, e)
        elif text[c] in "\"'":
            value, end = self._quoted(c, e)
        else:
            raw, commented = self._plain_text(c, e)
            end = c + len(raw)
            parts = [raw]
            while folding and not commented and i + 1 < len(self.lines):
                ns, ne = self.lines[i + 1]
                body = text[ns:ne].lstrip(" ")
                if not body or text[ns] != " " or body[0] in _PLAIN_START_FORBIDDEN:
                    break
                part, commented = self._plain_text(ne - len(body), ne)
                if commented:
                    raise _Declined  # a comment after a continuation line
                parts.append(part)
                i, e = i + 1, ne
                end = ne - len(body) + len(part)
            value = resolve_plain(" ".join(parts))
        rest = text[end:e]
        if rest.strip(" ") and not (rest.startswith(" ") and rest.lstrip(" ").startswith("#")):
            raise _Declined
        pos = Pos(line, c - s + 1, c, end)
        if isinstance(value, YList):
            value.pos = pos
        return value, pos, i + 1

    def _plain_text(self, c: int, e: int) -> tuple[str, bool]:
        """A plain scalar's text on one line, and whether a comment follows it."""
        text = self.text
        if text[c] in _PLAIN_START_FORBIDDEN:
            raise _Declined
        comment = text.find(" #", c, e)
        raw = text[c : comment if comment >= 0 else e].rstrip(" ")
        if ": " in raw or raw.endswith(":"):
            raise _Declined
        return raw, comment >= 0

    def _quoted(self, c: int, e: int) -> tuple[str, int]:
        """A single- or double-quoted scalar that ends on its line; returns its text and its end."""
        text = self.text
        quote = text[c]
        out: list[str] = []
        j = c + 1
        while j < e:
            ch = text[j]
            if ch == quote:
                if quote == "'" and j + 1 < e and text[j + 1] == "'":
                    out.append("'")
                    j += 2
                    continue
                return "".join(out), j + 1
            if quote == '"' and ch == "\\":
                if j + 1 < e and text[j + 1] in '"\\':
                    out.append(text[j + 1])
                    j += 2
                    continue
                raise _Declined
            out.append(ch)
            j += 1
        raise _Declined  # runs on to the next line

    def _flow_sequence(self, i: int, c: int, e: int) -> tuple[YList, int]:
        text = self.text
        s = self.lines[i][0]
        seq = YList()
        seq.item_pos = []
        j = c + 1
        while True:
            while j < e and text[j] == " ":
                j += 1
            if j >= e:
                raise _Declined
            if text[j] == "]" and not seq:
                return seq, j + 1
            if text[j] in "\"'":
                value, end = self._quoted(j, e)
            else:
                if text[j] in _PLAIN_START_FORBIDDEN:
                    raise _Declined
                k = j
                while k < e and text[k] not in ",]":
                    if text[k] in _FLOW_PLAIN_FORBIDDEN:
                        raise _Declined
                    k += 1
                raw = text[j:k].rstrip(" ")
                value, end = resolve_plain(raw), j + len(raw)
            seq.append(value)
            seq.item_pos.append(Pos(i + 1, j - s + 1, j, end))
            j = end
            while j < e and text[j] == " ":
                j += 1
            if j < e and text[j] == ",":
                j += 1
                continue
            if j < e and text[j] == "]":
                return seq, j + 1
            raise _Declined
