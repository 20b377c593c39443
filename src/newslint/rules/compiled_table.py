"""Reading the built-in packs' validated table (``rules/compiled.json``, written by ``newslint.rules.precompiled``).

The loader uses it for a pack whose bytes have the recorded checksum; building the table needs the loader, so
the two halves live apart (no import cycle between the loader and the builder).
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from newslint.language.patterns import KNOWN_EXACT, KNOWN_LEADING, KNOWN_LITERALS, NO_EXACT

TABLE_NAME = "compiled.json"
FORMAT = 3  # 2: each expression has a list of literal sets (all required); 3: the literals are case keys


def checksum(data: bytes) -> int:
    return zlib.crc32(data)


# What the loader takes from a table: the validated specs by file name and the prefilters by expression (the
# values of ``KNOWN_LITERALS``, ``KNOWN_LEADING`` and ``KNOWN_EXACT``).
Table = tuple[dict[str, tuple[int, dict[str, Any]]], dict[Any, Any], dict[Any, Any], dict[Any, Any]]


def read_table(data: Any) -> Table | None:
    """A table's contents from its JSON data, or ``None`` for a foreign format (raises on a broken one)."""
    if data.get("format") != FORMAT:
        return None
    packs = {str(name): (int(entry["checksum"]), entry["spec"]) for name, entry in data["packs"].items()}
    literals: dict[Any, Any] = {}
    leading: dict[Any, Any] = {}
    exact: dict[Any, Any] = {}
    for source, case_sensitive, sets, *rest in data["prefilters"]:
        key = (str(source), bool(case_sensitive))
        literals[key] = tuple(frozenset(lits) for lits in sets)
        if rest:  # (where its matches start: ``leading_literals``)
            leading[key[0]] = None if rest[0] is None else frozenset(rest[0])
            # (the exact-case prefilter and starts, or none: see ``Pattern.exact``)
            if len(rest) > 1:
                exact_sets, exact_leading = rest[1]
                exact[key] = (
                    tuple(frozenset(lits) for lits in exact_sets),
                    None if exact_leading is None else frozenset(exact_leading),
                )
            else:
                exact[key] = NO_EXACT
    return packs, literals, leading, exact


def load_table(folder: Path) -> dict[str, tuple[int, dict[str, Any]]]:
    """The validated specs by file name (``{name: (checksum, spec)}``); the prefilters go to ``KNOWN_LITERALS``.

    The wheel's expression store holds the table as read (``expression_store.stored_table``), which loads in a
    third of the time of the JSON and its sets; it is used when its checksum is the JSON's. A missing, broken
    or foreign table is ignored: the packs are then read from their YAML.
    """
    try:
        raw = (folder / TABLE_NAME).read_bytes()
        from newslint.language import expression_store

        table = expression_store.stored_table(checksum(raw))
        if table is None:
            table = read_table(json.loads(raw.decode("utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    if table is None:
        return {}
    packs, literals, leading, exact = table
    KNOWN_LITERALS.update(literals)
    KNOWN_LEADING.update(leading)
    KNOWN_EXACT.update(exact)
    return packs
