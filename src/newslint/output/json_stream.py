"""Writing a JSON document piece by piece, byte-identical to ``json.dumps(doc, indent=2, ensure_ascii=False)``.

A document holds a few long arrays (the findings) between small parts. ``pieces`` renders the document with
each long array left as a placeholder, then yields the text around the placeholders and the arrays' items one
at a time, each rendered and indented as ``json.dumps`` would inside the whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newslint.files.printable import valid_strings

PLACEHOLDER = "\x00newslint-array-{}\x00"


def dumps(value: Any) -> str:
    # valid_strings: a file name that is not UTF-8 as \\xNN, never a lone surrogate (invalid UTF-8)
    return json.dumps(valid_strings(value), indent=2, ensure_ascii=False)


def pieces(document: Any, arrays: dict[str, Iterable[Any]]) -> Iterator[str]:
    """``document`` as JSON text in pieces; each value equal to ``placeholder(name)`` is replaced by the array
    ``arrays[name]``, consumed lazily, in the order the placeholders appear."""
    text = dumps(document) + "\n"
    pos = 0
    while True:
        found = [(text.find(json.dumps(PLACEHOLDER.format(name))), name) for name in arrays]
        found = [(at, name) for at, name in found if at >= pos]
        if not found:
            break
        at, name = min(found)
        line_start = text.rfind("\n", 0, at) + 1
        indent = at - line_start - len(text[line_start:at].lstrip(" "))  # the key's indentation
        yield text[pos:at]
        yield from _array(arrays[name], indent)
        pos = at + len(json.dumps(PLACEHOLDER.format(name)))
    yield text[pos:]


def placeholder(name: str) -> str:
    return PLACEHOLDER.format(name)


def _array(items: Iterable[Any], indent: int) -> Iterator[str]:
    """An array whose key sits at ``indent`` spaces: its items one by one."""
    inner = " " * (indent + 2)
    first = True
    for item in items:
        rendered = dumps(item).replace("\n", "\n" + inner)
        yield ("[\n" if first else ",\n") + inner + rendered
        first = False
    yield "[]" if first else "\n" + " " * indent + "]"
