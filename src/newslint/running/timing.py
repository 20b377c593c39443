"""Where a run's time goes, rule by rule: ``NEWSLINT_TIMING=1 newslint check ...`` (ESLint's ``TIMING=1``).

For rule authors: a house rule whose expression is slow (not slow enough to hit the per-rule time limit, but
run on every sentence of every page) shows at the top. The run lints in this one process (``--jobs`` is
ignored: time spread over workers would not add up to the run's), and after the report standard error gets
the rules that took longest, their total time over the files linted and their share of the rules' time.
``NEWSLINT_TIMING=all`` lists every rule, a number above 10 that many rules, anything else 10. Files answered
from the cache are not linted, so not timed (``--no-cache`` times them all).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

ENV = "NEWSLINT_TIMING"
DEFAULT_ROWS = 10
OFF = ("", "0", "false", "no", "off")


class Timings:
    """Seconds per rule id, seconds spent parsing, how many files were linted, and how many rules to list."""

    __slots__ = ("files", "parse", "rows", "rules")

    def __init__(self, rows: int = DEFAULT_ROWS) -> None:
        self.rules: dict[str, float] = {}
        self.parse = 0.0
        self.files = 0
        self.rows = rows

    def add(self, rule_id: str, seconds: float) -> None:
        self.rules[rule_id] = self.rules.get(rule_id, 0.0) + seconds


def requested_rows(environ: Mapping[str, str] = os.environ) -> int | None:
    """How many rules to list, or ``None`` when timing is off."""
    value = environ.get(ENV, "").strip().lower()
    if value in OFF:
        return None
    if value == "all":
        return sys.maxsize
    return int(value) if value.isdigit() and int(value) > DEFAULT_ROWS else DEFAULT_ROWS


def render(timings: Timings) -> str:
    """The table of the ``timings.rows`` slowest rules, slowest first (ties by id: a stable order)."""
    total = sum(timings.rules.values())
    files = "file" if timings.files == 1 else "files"
    lines = [
        f"newslint timing: {timings.files} {files} linted in one process; "
        f"rules {total:.3f} s, parsing {timings.parse:.3f} s",
    ]
    ranked = sorted(timings.rules.items(), key=lambda item: (-item[1], item[0]))[: timings.rows]
    width = max([len("Rule"), *(len(rule_id) for rule_id, _ in ranked)])
    lines.append(f"{'Rule':<{width}} | Time (ms) | Relative")
    lines.append(f":{'-' * (width - 1)}-|----------:|--------:")
    for rule_id, seconds in ranked:
        share = seconds / total if total > 0 else 0.0
        lines.append(f"{rule_id:<{width}} | {seconds * 1000:9.3f} | {share:7.1%}")
    return "\n".join(lines)
