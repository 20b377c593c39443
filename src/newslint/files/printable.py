"""Making file names and article text safe to print: every output format and every message uses these.

* A file name that is not UTF-8 reaches newslint as text with *surrogate escapes* (``\\udcff`` for the byte
  0xFF, as ``os.fsdecode`` gives it); written out as is, it crashes an encoder or puts invalid UTF-8 into
  JSON and XML. ``valid_text`` spells each such byte ``\\xff``: valid Unicode, and still telling.
* A name holding a newline or an escape sequence would split a line of the text report or drive the
  terminal: ``name_for_line`` spells control characters as backslash escapes (``\\n``, ``\\x1b``).
* An excerpt of the article (the source line under a finding, a message quoting the match) may hold
  ``\\x1b[2J`` or a bidirectional override: ``terminal_safe`` shows each control character as one visible
  character (the Unicode *Control Pictures*, ``␛`` for ESC), so the underline's columns stay right.

JSON, SARIF and JUnit escape control characters themselves (JSON as ``\\u001b``, JUnit replaces what XML
cannot hold); they only need ``valid_text``.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab and newline handled by callers, DEL, C1 controls, and the bidirectional controls that
# reorder what a terminal shows (embeddings, overrides, isolates).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_PAGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAME_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _byte(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def valid_text(text: str) -> str:
    """``text`` without lone surrogates: the bytes of a non-UTF-8 name as ``\\xNN``."""
    return _SURROGATE.sub(_byte, text) if _SURROGATE.search(text) else text


def valid_strings(value: Any) -> Any:
    """``valid_text`` applied to every string inside lists and dicts (keys too), for JSON payloads."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, list):
        return [valid_strings(v) for v in value]
    if isinstance(value, dict):
        return {valid_strings(k): valid_strings(v) for k, v in value.items()}
    return value


def _name_char(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAME_ESCAPES:
        return _NAME_ESCAPES[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def name_for_line(name: str) -> str:
    """A file name on one line of a report: valid text, control characters as backslash escapes."""
    name = valid_text(name)
    return _CONTROL.sub(_name_char, name) if _CONTROL.search(name) else name


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def terminal_safe(text: str) -> str:
    """Article text for a terminal: every control character (and lone surrogate) one visible character, so
    columns are unchanged."""
    return _UNSAFE.sub(_picture, text) if _UNSAFE.search(text) else text


def message_text(text: str) -> str:
    """A message for a terminal: names' bytes as ``\\xNN`` (``valid_text``), control characters visible."""
    return terminal_safe(valid_text(text))


def page_text(text: str) -> str:
    """Text for the HTML review page: ``valid_text``, and control characters visible, but tabs and line
    breaks kept (the page shows the article's lines as they are)."""
    text = valid_text(text)
    return _UNSAFE_IN_PAGE.sub(_picture, text) if _UNSAFE_IN_PAGE.search(text) else text
