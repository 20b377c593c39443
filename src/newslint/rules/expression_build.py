"""Build the expression store of the built-in packs (``newslint.language.expression_store``) at wheel-build time.

``python -m newslint.rules.expression_build OUT [RULES_DIR]``: the hatch build hook runs it with the source
tree first on ``sys.path``; it lives with the rule files because it reads their precompiled table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import regex

from newslint.language.expression_store import build_store, record_own
from newslint.rules.loader import builtin_rules_dir
from newslint.rules.precompiled import TABLE_NAME


def builtin_keys(rules_dir: Path) -> list[tuple[str, bool]]:
    """Every expression of the built-in packs, from their validated table (``compiled.json``)."""

    table = json.loads((rules_dir / TABLE_NAME).read_text(encoding="utf-8"))
    keys = [(str(source), bool(case_sensitive)) for source, case_sensitive, *_ in table["prefilters"]]
    return keys + [(str(source), False) for source in table.get("expressions", [])]


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print("usage: python -m newslint.rules.expression_build OUT [RULES_DIR]", file=sys.stderr)
        return 2
    if len(argv) > 1:
        rules_dir = Path(argv[1])
    else:
        rules_dir = builtin_rules_dir()
    keys = builtin_keys(rules_dir)
    own_keys = record_own()
    out = Path(argv[0])
    out.write_bytes(build_store(keys, own_keys))
    packs = len(set(keys))
    print(f"{out}: {packs} expressions of the packs, {len(own_keys)} of newslint's own; regex {regex.__version__}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
