"""Which rule checks each obligation of Indian financial content, or why none can (``obligations.yaml``).

The table is data shipped with the package; ``newslint rules --format json`` carries it as ``coverage`` and
docs/obligations.md is generated from it (``python -m newslint.rules.coverage > docs/obligations.md``).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

TABLE = Path(__file__).with_name("obligations.yaml")
STATUSES = ("checked", "partly", "not-checkable")
FIELDS = ("id", "obligation", "source", "status", "rules", "note")


@lru_cache(maxsize=1)
def obligations() -> tuple[dict[str, Any], ...]:
    """The table's entries, each with every field (``rules`` a list, ``note`` a string, maybe empty)."""
    import yaml

    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return tuple({k: entry.get(k, [] if k == "rules" else "") for k in FIELDS} for entry in data["obligations"])


def coverage_for(rule_ids: set[str]) -> list[dict[str, Any]]:
    """The table when any of ``rule_ids`` is in it (the built-in packs are loaded), else nothing."""
    table = obligations()
    if not any(r in rule_ids for entry in table for r in entry["rules"]):
        return []
    return [dict(entry, rules=list(entry["rules"])) for entry in table]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _opt_in_rules() -> list[str]:
    """A table of the opt-in packs' rules (the README's rules table lists the default packs)."""
    from newslint.rules.loader import builtin_pack_files, load_rules

    default = builtin_pack_files()
    names = [p for p in builtin_pack_files(opt_in=True) if p not in default]
    rules = load_rules([], builtin_packs=names).rules if names else []
    rows = [f"| `{r.pack}` | `{r.id}` | {r.severity} | {_cell(r.summary)} |" for r in rules]
    return ["| pack | rule | severity | flags |", "|---|---|---|---|", *rows, ""] if rows else []


def render_markdown() -> str:
    table = obligations()
    counts = {s: sum(1 for e in table if e["status"] == s) for s in STATUSES}
    lines = [
        "# Obligations and the rules that check them",
        "",
        "Every obligation of Indian financial-content regulation that newslint knows of (and the journalism",
        "norms behind the `meta` and `attribution` packs), with the built-in rules that check it, or why it",
        "cannot be checked in an article's text. `newslint rules --format json` carries the same table as",
        "`coverage`; `newslint explain RULE` shows a rule's references and examples.",
        "",
        f"{len(table)} obligations: {counts['checked']} checked, {counts['partly']} partly checked,"
        f" {counts['not-checkable']} not checked in text.",
        "",
        "| obligation | source | status | rules | what is left, or why not |",
        "|---|---|---|---|---|",
    ]
    for e in table:
        rules = ", ".join(f"`{r}`" for r in e["rules"]) or "—"
        lines.append(
            f"| {_cell(e['obligation'])} | {_cell(e['source'])} | {e['status']} | {rules} | {_cell(e['note']) or '—'} |"
        )
    lines += [
        "",
        "Statuses: **checked** means the rules check what the text can show; **partly** means part of the",
        "obligation is checked and the last column says what is left; **not-checkable** means no built-in rule,",
        "for the reason given (often a fact outside the article, which a house pack can supply).",
        "",
        "## Opt-in packs",
        "",
        "Two packs load only when a configuration names them, because they are for other kinds of page than",
        "news articles and would flag ordinary news by default:",
        "",
        "* `broker-site`: a stock broker's own pages (those showing its INZ number) carry the exchanges' investor",
        "  messages.",
        "* `pci`: a newsroom's own copy says who paid for a reporter's visit and when a story rests on a",
        "  company's press release.",
        "",
        *_opt_in_rules(),
        "`packs:` in `.newslint.yaml` replaces the default list, so name the default packs too, e.g.",
        "`packs: [sebi, disclaimer, promo, meta, attribution, adviser, asci, mf, ipo, irdai, rbi, broker-site]`.",
        "`newslint init` lists the default and the opt-in packs of the installed version.",
        "",
        "This file is generated from `src/newslint/rules/obligations.yaml`:",
        "`python -m newslint.rules.coverage > docs/obligations.md`.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    sys.stdout.write(render_markdown())
