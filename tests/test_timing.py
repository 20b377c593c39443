"""NEWSLINT_TIMING: rule-by-rule time on standard error after the report, the report itself unchanged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import RULES_YAML, run_cli
from newslint.running.timing import SharedWork, Timings, render, requested_rows

# The shared test pack (fast rules) and one slow rule beside it.
SLOW_RULE = """\
pack: slow
rules:
  - id: slow-digits
    severity: warning
    message: "{match}"
    description: A deliberately slow expression.
    forbid: {patterns: ['(?:\\w+\\s+){2,}?\\d']}  # no literal to prefilter on; quadratic without a digit
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "t.yaml").write_text(RULES_YAML, encoding="utf-8")
    (tmp_path / "rules" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (tmp_path / "a.md").write_text("# A\n\nThe fund offers guaranteed returns to everyone.\n", encoding="utf-8")
    # One long sentence: the slow rule tries every word as a start and runs on to the end from each.
    (tmp_path / "b.md").write_text("# B\n\n" + "markets rose " * 300 + "\n", encoding="utf-8")
    return tmp_path


def check(project: Path, *args: str, timing: str | None = None):
    env = {"NEWSLINT_TIMING": timing} if timing is not None else {"NEWSLINT_TIMING": ""}
    base = ["check", "--no-builtin", "--rules", str(project / "rules"), "--now", "2026-11-29"]
    return run_cli(*base, "--format", "json", *args, ".", cwd=project, env=env)


def test_timing_lists_the_rules_after_an_unchanged_report(project):
    plain = check(project, "--no-cache", "--jobs", "2")
    timed = check(project, "--no-cache", "--jobs", "2", timing="1")
    assert timed.returncode == plain.returncode == 1
    assert json.loads(timed.stdout) == json.loads(plain.stdout)  # the report is the same
    assert b"newslint timing" not in plain.stderr
    err = timed.stderr.decode()
    assert "newslint timing: 2 files linted in one process; rules " in err
    lines = err.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Rule "))
    width = len(lines[header].split("|")[0]) - 1  # the longest rule id listed sets the first column
    assert lines[header] == "Rule".ljust(width) + " | Time (ms) | Relative"
    assert lines[header + 1] == ":" + "-" * width + "|----------:|--------:"
    rows = [line.split("|")[0].strip() for line in lines[header + 2 :]]
    assert rows[0] == "slow-digits" and "t-assured-returns" in rows  # slowest first; engine rules are timed too
    shares = [float(line.split("|")[2].strip().rstrip("%")) for line in lines[header + 2 :]]
    assert shares[0] > 50 and abs(sum(shares) - 100) < 0.5


def test_files_from_the_cache_are_not_timed(project):
    check(project)  # fills the cache
    warm = check(project, timing="1")
    assert "newslint timing: 0 files linted in one process" in warm.stderr.decode()


@pytest.mark.parametrize(
    ("value", "rows"),
    [("", None), ("0", None), ("off", None), ("1", 10), ("yes", 10), ("5", 10), ("25", 25), ("ALL", sys.maxsize)],
)
def test_requested_rows_follow_eslint(value, rows):
    assert requested_rows({"NEWSLINT_TIMING": value}) == rows
    assert requested_rows({}) is None


def test_render_ranks_by_time_then_id_and_keeps_the_requested_rows():
    timings = Timings()
    for rule_id, seconds in [("b-rule", 0.002), ("a-rule", 0.002), ("slowest", 0.006)]:
        timings.add(rule_id, seconds / 2)
        timings.add(rule_id, seconds / 2)
    timings.files, timings.parse, timings.rows = 1, 0.5, 2
    text = render(timings)
    assert text.splitlines() == [
        "newslint timing: 1 file linted in one process; rules 0.010 s (of which shared page work 0.000 s), "
        "parsing 0.500 s",
        "Rule    | Time (ms) | Relative",
        ":-------|----------:|--------:",
        "slowest |     6.000 |   60.0%",
        "a-rule  |     2.000 |   20.0%",
    ]


def test_shared_page_work_counts_once_under_its_outermost_name():
    """The speaker context asking for the literal index: one computation, the outer one's."""
    shared = SharedWork()
    outer = shared.enter()
    inner = shared.enter()
    shared.leave("literal index", inner)
    shared.leave("speaker context", outer)
    assert list(shared.seconds) == ["speaker context"]
    assert shared.during_rule == shared.seconds["speaker context"] > 0
    timings = Timings()
    timings.shared = shared
    timings.add("a-rule", 0.001)
    rows = [line.split("|")[0].strip() for line in render(timings).splitlines()[3:]]
    assert sorted(rows) == ["(speaker context)", "a-rule"]


def test_a_rule_stopped_inside_shared_work_leaves_none_open_for_the_next():
    """A rule's time limit can stop it inside a shared computation, which then never leaves: the next rule
    starts with none open, so its shared work is still timed."""
    shared = SharedWork()
    shared.enter()  # stopped there
    shared.start_rule()
    started = shared.enter()
    shared.leave("literal index", started)
    assert shared.seconds["literal index"] == shared.during_rule > 0


def test_the_pages_shared_work_is_not_charged_to_the_first_rule_that_asks(tmp_path):
    """The built-in packs on a finfluencer page: the speaker context and the literal index, computed once for
    every rule, get rows of their own, and the report is unchanged."""
    page = Path(__file__).resolve().parents[1] / "examples" / "banknifty-expiry-tips.md"
    base = ["check", "--no-cache", "--now", "2026-11-29", "--format", "json", str(page)]
    plain = run_cli(*base, cwd=tmp_path, env={"NEWSLINT_TIMING": ""})
    timed = run_cli(*base, cwd=tmp_path, env={"NEWSLINT_TIMING": "all"})
    assert json.loads(timed.stdout) == json.loads(plain.stdout)
    lines = timed.stderr.decode().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Rule "))
    rows = {line.split("|")[0].strip(): float(line.split("|")[1]) for line in lines[header + 2 :]}
    assert "(speaker context)" in rows and "(literal index)" in rows
    assert "shared page work" in lines[0]
