"""The built-in packs, validated ahead of time: ``rules/compiled.json``.

Parsing and validating the YAML of the built-in packs, and deriving a prefilter for each of their few hundred
expressions, costs about 45 ms: a third of a one-file run (pre-commit checks one file per process). This
module writes, next to the packs, their validated form and prefilter table as JSON, which loads in about
2 ms. It is data derived from ``rules/*.yaml`` and is only used for a pack whose bytes have the recorded
checksum: an edited pack is read from its YAML as usual, so a stale table can cost time, never correctness.
The test suite checks that the shipped table is current; regenerate it with
``python -m newslint.rules.precompiled``, which first rewrites the inflection table ``forms.json`` (a pack word
missing from it would load ``lemminflect``, about 0.6 s, inside the first rule that asks on some page: a time
limit reached on a busy machine).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newslint.language.literals import leading_literals
from newslint.language.patterns import exact_leading_literals, exact_literal_sets, required_literal_sets
from newslint.rules.compiled_table import FORMAT, TABLE_NAME, checksum, load_table

__all__ = ["FORMAT", "TABLE_NAME", "build_table", "checksum", "load_table", "main", "render"]


def build_table(folder: Path) -> dict[str, Any]:
    """Validate every pack of ``folder`` and derive the prefilters of every expression they use."""
    from newslint.checks.editorial import CLOSING_SOURCE
    from newslint.rules.loader import Loader

    packs: dict[str, Any] = {}
    loader = Loader(compile_patterns=False)
    for path in sorted(folder.glob("*.yaml")):
        raw = path.read_bytes()
        spec = loader.validate_text(raw.decode("utf-8-sig"), path.name)
        if spec is None:
            raise SystemExit("\n".join(loader.problems))
        loader._build(spec, path.name, compile_patterns=False)
        packs[path.name] = {"checksum": checksum(raw), "spec": spec}
    ruleset = loader.finish()
    keys: set[tuple[str, bool]] = set()
    for rule in ruleset.rules:
        for check, _scope in rule.parts:
            keys.update((p.regex_source, p.case_sensitive) for p in check.patterns())
        if rule.when is not None:
            keys.update((p.regex_source, p.case_sensitive) for p in rule.when.match.all_patterns())
    for klass in ruleset.classes.values():
        for ps in (klass.match, klass.links, klass.unless):
            if ps is not None:
                keys.update((p.regex_source, p.case_sensitive) for p in ps.all_patterns())
    expressions: set[str] = {CLOSING_SOURCE}
    for entry in packs.values():
        expressions.update(_section_expressions(entry["spec"]))
    prefilters = []
    for source, case_sensitive in sorted(keys):
        sets = required_literal_sets(source, case_sensitive)
        leading = leading_literals(source)
        entry = [source, case_sensitive, [sorted(lits) for lits in sets], None if leading is None else sorted(leading)]
        exact_sets = exact_literal_sets(source, case_sensitive)
        exact_leading = exact_leading_literals(source, case_sensitive)
        if exact_sets or exact_leading is not None:  # (the exact-case prefilter, see ``Pattern.exact``)
            entry.append(
                [[sorted(lits) for lits in exact_sets], None if exact_leading is None else sorted(exact_leading)]
            )
        prefilters.append(entry)
    return {
        "format": FORMAT,
        "generated_by": "python -m newslint.rules.precompiled",
        "packs": packs,
        "prefilters": prefilters,
        "expressions": sorted(expressions),
    }


SECTION_KEYS = ("in_section", "closing")  # keys whose value is an expression compiled case-free
WITHIN_KEYS = ("scope", "within", "near_within", "unless_within")  # may name "section:<expression>"


def _section_expressions(spec: Any) -> set[str]:
    """The expressions of a pack that are compiled apart from its patterns: ``in_section``, ``closing`` and
    ``section:<expression>`` scopes and regions (the expression store holds them too)."""
    found: set[str] = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in SECTION_KEYS and isinstance(value, str):
                found.add(value)
            elif key in WITHIN_KEYS:
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str) and item.startswith("section:"):
                        found.add(item[len("section:") :])
            else:
                found |= _section_expressions(value)
    elif isinstance(spec, list):
        for item in spec:
            found |= _section_expressions(item)
    return found


def render(table: dict[str, Any]) -> str:
    return json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> int:
    from newslint.files.atomic import write_text_atomic
    from newslint.rules import forms_build
    from newslint.rules.loader import builtin_rules_dir

    forms_build.main()  # first: the packs' expressions are built from the forms table
    folder = builtin_rules_dir()
    table = build_table(folder)
    write_text_atomic(folder / TABLE_NAME, render(table))
    print(f"wrote {len(table['packs'])} rule files and {len(table['prefilters'])} prefilters to {folder / TABLE_NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
