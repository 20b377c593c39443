"""Build the expression store of the built-in packs (``newslint.language.expression_store``) at wheel-build time,
and their one-pass scan database (``newslint.language.expression_scan``).

``python -m newslint.rules.expression_build OUT [RULES_DIR]``: the store. ``python -m
newslint.rules.expression_build --scan OUT [RULES_DIR [SAMPLE_DIR ...]]``: the scan database, with the
blocks of the articles under ``SAMPLE_DIR`` (the annotated fixtures, the examples) as the sample that leaves
out the expressions that may match nearly everywhere (see ``expression_scan.build_database``). The hatch
build hook runs both with the source tree first on ``sys.path``; this lives with the rule files because it
reads their precompiled table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import regex

from newslint.language.expression_store import build_store, record_own, record_stdlib
from newslint.rules.compiled_table import checksum, read_table
from newslint.rules.loader import builtin_rules_dir
from newslint.rules.precompiled import TABLE_NAME


def builtin_keys(rules_dir: Path) -> list[tuple[str, bool]]:
    """Every expression of the built-in packs, from their validated table (``compiled.json``)."""

    table = json.loads((rules_dir / TABLE_NAME).read_text(encoding="utf-8"))
    keys = [(str(source), bool(case_sensitive)) for source, case_sensitive, *_ in table["prefilters"]]
    return keys + [(str(source), False) for source in table.get("expressions", [])]


def sample_texts(folders: list[Path]) -> list[str]:
    """The texts of every block of the HTML and Markdown articles under ``folders`` (unreadable ones skipped)."""
    from newslint.files.source import decode_source, format_for
    from newslint.parsing.parse import parse_source

    texts: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            fmt = format_for(path.name) if path.is_file() else None
            if fmt is None:
                continue
            try:
                document = parse_source(decode_source(path.read_bytes(), str(path), fmt))
            except Exception:  # a sample file that does not parse is no sample
                continue
            texts.extend(block.text for block in document.blocks if block.text)
    return texts


def build_scan(argv: list[str]) -> int:
    from newslint.language.expression_scan import build_database

    if not argv:
        print(
            "usage: python -m newslint.rules.expression_build --scan OUT [RULES_DIR [SAMPLE_DIR ...]]", file=sys.stderr
        )
        return 2
    rules_dir = Path(argv[1]) if len(argv) > 1 else builtin_rules_dir()
    keys = builtin_keys(rules_dir)
    sample = sample_texts([Path(folder) for folder in argv[2:]])
    out = Path(argv[0])
    data = build_database(keys, sample)
    out.write_bytes(data)
    print(f"{out}: scan database of {len(set(k for k, _ in keys))} expressions, sample of {len(sample)} texts")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--scan":
        return build_scan(argv[1:])
    if not argv or len(argv) > 2:
        print("usage: python -m newslint.rules.expression_build OUT [RULES_DIR]", file=sys.stderr)
        return 2
    if len(argv) > 1:
        rules_dir = Path(argv[1])
    else:
        rules_dir = builtin_rules_dir()
    keys = builtin_keys(rules_dir)
    own_keys = record_own()
    stdlib = record_stdlib()
    raw = (rules_dir / TABLE_NAME).read_bytes()
    table = (checksum(raw), read_table(json.loads(raw.decode("utf-8"))))
    out = Path(argv[0])
    out.write_bytes(build_store(keys, own_keys, stdlib, table))
    packs = len(set(keys))
    print(
        f"{out}: {packs} expressions of the packs, {len(own_keys)} of newslint's own, {len(stdlib)} of the standard "
        f"re module; regex {regex.__version__}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
