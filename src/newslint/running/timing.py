"""Where a run's time goes, rule by rule: ``NEWSLINT_TIMING=1 newslint check ...`` (ESLint's ``TIMING=1``).

For rule authors: a house rule whose expression is slow (not slow enough to hit the per-rule time limit, but
run on every sentence of every page) shows at the top. The run lints in this one process (``--jobs`` is
ignored: time spread over workers would not add up to the run's), and after the report standard error gets
the rules that took longest, their total time over the files linted and their share of the rules' time.

A page's shared work is computed once, on the first rule's need, for every rule after it: the one-pass
expression scan, the literal index's scan, the speaker context (whose voice each match is in), the block
classes (promotions...). Charged to the first rule that asks, it would make that rule look like the slow one
(on finance pages the first rule to ask took 37% of the rules' time, its own work 7%). ``SharedWork`` times it
apart: the table lists it in rows of its own, in parentheses, and each rule's row is its own work.
``NEWSLINT_TIMING=all`` lists every rule, a number above 10 that many rules, anything else 10. Files answered
from the cache are not linted, so not timed (``--no-cache`` times them all).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping

ENV = "NEWSLINT_TIMING"
DEFAULT_ROWS = 10
OFF = ("", "0", "false", "no", "off")


class SharedWork:
    """Seconds of a page's shared work, by what it is, and how much of it fell within the current rule.

    ``enter``/``leave`` bracket a computation; one nested in another (the speaker context asking for the
    literal index) counts as part of the outer one."""

    __slots__ = ("depth", "during_rule", "seconds")

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.depth = 0
        self.during_rule = 0.0

    def start_rule(self) -> None:
        """A new rule: nothing of it spent yet, and no computation open (a rule stopped by its time limit inside
        one never left it)."""
        self.depth = 0
        self.during_rule = 0.0

    def enter(self) -> float:
        self.depth += 1
        return time.perf_counter()

    def leave(self, what: str, started: float) -> None:
        self.depth -= 1
        if self.depth == 0:
            spent = time.perf_counter() - started
            self.seconds[what] = self.seconds.get(what, 0.0) + spent
            self.during_rule += spent


class Timings:
    """Seconds per rule id (its own work), the pages' shared work, seconds spent parsing, how many files were
    linted, and how many rows to list."""

    __slots__ = ("files", "parse", "rows", "rules", "shared")

    def __init__(self, rows: int = DEFAULT_ROWS) -> None:
        self.rules: dict[str, float] = {}
        self.shared = SharedWork()
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
    """The table of the ``timings.rows`` slowest rules and shared computations (in parentheses), slowest first
    (ties by name: a stable order)."""
    rows = dict(timings.rules)
    rows.update((f"({what})", seconds) for what, seconds in timings.shared.seconds.items())
    total = sum(rows.values())
    shared = sum(timings.shared.seconds.values())
    files = "file" if timings.files == 1 else "files"
    lines = [
        f"newslint timing: {timings.files} {files} linted in one process; "
        f"rules {total:.3f} s (of which shared page work {shared:.3f} s), parsing {timings.parse:.3f} s",
    ]
    ranked = sorted(rows.items(), key=lambda item: (-item[1], item[0]))[: timings.rows]
    width = max([len("Rule"), *(len(rule_id) for rule_id, _ in ranked)])
    lines.append(f"{'Rule':<{width}} | Time (ms) | Relative")
    lines.append(f":{'-' * (width - 1)}-|----------:|--------:")
    for rule_id, seconds in ranked:
        share = seconds / total if total > 0 else 0.0
        lines.append(f"{rule_id:<{width}} | {seconds * 1000:9.3f} | {share:7.1%}")
    return "\n".join(lines)
