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


def load_table(folder: Path) -> dict[str, tuple[int, dict[str, Any]]]:
    """The validated specs by file name (``{name: (checksum, spec)}``); the prefilters go to ``KNOWN_LITERALS``.

    A missing, broken or foreign table is ignored: the packs are then read from their YAML.
    """
    try:
        data = json.loads((folder / TABLE_NAME).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return {}
        packs = {str(name): (int(entry["checksum"]), entry["spec"]) for name, entry in data["packs"].items()}
        for source, case_sensitive, sets, *rest in data["prefilters"]:
            key = (str(source), bool(case_sensitive))
            KNOWN_LITERALS[key] = tuple(frozenset(lits) for lits in sets)
            if rest:  # (where its matches start: ``leading_literals``)
                KNOWN_LEADING[key[0]] = None if rest[0] is None else frozenset(rest[0])
                # (the exact-case prefilter and starts, or none: see ``Pattern.exact``)
                if len(rest) > 1:
                    exact_sets, exact_leading = rest[1]
                    KNOWN_EXACT[key] = (
                        tuple(frozenset(lits) for lits in exact_sets),
                        None if exact_leading is None else frozenset(exact_leading),
                    )
                else:
                    KNOWN_EXACT[key] = NO_EXACT
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return packs
