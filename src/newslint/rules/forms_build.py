"""Regenerate ``newslint/language/lexicons/forms.json``: the inflected forms of the lexicons' reporting verbs and of
every word in the built-in packs' ``terms`` lists (``python -m newslint.rules.forms_build``).

It lives with the rule files because it reads them; run it after adding a word to a pack's ``terms``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newslint.language.lexicons.forms import TABLE, build


def main() -> int:
    from newslint.language.lexicons import all_inflected_words
    from newslint.rules.loader import builtin_rules_dir

    verbs = list(all_inflected_words())
    table = build(_pack_terms(builtin_rules_dir()), verbs)
    TABLE.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} words to {TABLE}")
    return 0


def _pack_terms(folder: Path) -> list[str]:
    """The words of every ``terms`` list of the packs in ``folder``."""
    import re

    from newslint.files.yaml_positions import load

    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k == "terms" and isinstance(v, list):
                    for phrase in v:
                        out.extend(re.findall(r"[A-Za-z]+", str(phrase)))
                else:
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in sorted(folder.glob("*.yaml")):
        walk(load(path.read_text(encoding="utf-8")))
    return out


if __name__ == "__main__":
    sys.exit(main())
