"""The rule time limit: a timer that interrupts a rule (main thread, pool workers), a per-call deadline on other
threads, and a limit that scales with the length of the file."""

from __future__ import annotations

import json
import threading
import time
from datetime import date

import pytest

from conftest import md, run_cli
from newslint.rules.loader import Loader
from newslint.running import time_limit
from newslint.running.linter import Linter

# Runaway expressions stopped on time (seconds each): run by .ci/run with the slow tests.
pytestmark = pytest.mark.slow

NOW = date(2026, 11, 29)
RULES = """
pack: t
rules:
  - id: t-slow
    severity: warning
    message: "{match}"
    description: d.
    forbid: {patterns: ['(a|aa)+$']}
  - id: t-fast
    severity: warning
    message: "{match}"
    description: d.
    forbid: {words: [ok]}
"""
CATASTROPHIC_PAGE = "a" * 40 + "!\n\nok\n"  # `(a|aa)+$` backtracks for hours on 40 a's and a '!'


def linter(rules: str, timeout: float) -> Linter:
    loader = Loader()
    loader.load_text(rules, "t.yaml")
    return Linter(loader.finish(), NOW, timeout=timeout)


def lint_in_thread(lint, doc):
    out = {}
    thread = threading.Thread(target=lambda: out.update(findings=lint.lint(doc)))
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    return out["findings"]


@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_a_catastrophic_pattern_stops_on_time_and_the_other_rules_run(where):
    lint = linter(RULES, timeout=0.3)
    doc = md(CATASTROPHIC_PAGE)
    started = time.monotonic()
    findings = lint.lint(doc) if where == "main thread" else lint_in_thread(lint, doc)
    elapsed = time.monotonic() - started
    assert elapsed < 10  # without the limit: hours
    assert [f.rule for f in findings] == ["newslint-rule-timeout", "t-fast"]
    assert "rule t-slow ran past its time limit (0.3s" in findings[0].message


class Spy:
    """A compiled expression that records the keyword arguments of each call."""

    def __init__(self, compiled, calls):
        self.compiled, self.calls = compiled, calls
        self.groupindex = compiled.groupindex

    def finditer(self, text, **kwargs):
        self.calls.append(kwargs)
        return self.compiled.finditer(text, **kwargs)

    def search(self, text, **kwargs):
        self.calls.append(kwargs)
        return self.compiled.search(text, **kwargs)

    def match(self, text, pos=0, **kwargs):  # (tried where a leading literal is: ``Pattern._match_at``)
        self.calls.append(kwargs)
        return self.compiled.match(text, pos, **kwargs)


@pytest.mark.parametrize(("where", "per_call"), [("main thread", False), ("other thread", True)])
def test_the_main_thread_passes_no_timeout_to_each_call_and_other_threads_do(where, per_call):
    lint = linter(RULES, timeout=5)
    calls: list[dict] = []
    for rule in lint.rules:
        for check, _scope in rule.parts:
            for pattern in check.patterns():
                pattern._compiled = Spy(pattern.compile(), calls)
    doc = md("# T\n\nok, fine\n")
    findings = lint.lint(doc) if where == "main thread" else lint_in_thread(lint, doc)
    assert [f.rule for f in findings] == ["t-fast"]
    assert calls
    assert all(("timeout" in c) is per_call for c in calls), calls


def burn(seconds: float) -> None:
    """Spend ``seconds`` of this process's CPU time (the clock the rule timer counts)."""
    until = time.process_time() + seconds
    while time.process_time() < until:
        pass


def test_the_timer_puts_back_a_handler_and_timer_that_were_there_before():
    import signal

    fired = []
    previous = signal.signal(time_limit.SIGNAL, lambda *_: fired.append(1))
    try:
        signal.setitimer(time_limit.TIMER, 30)
        linter(RULES, timeout=0.2).lint(md(CATASTROPHIC_PAGE))
        remaining, _ = signal.setitimer(time_limit.TIMER, 0)
        assert 25 < remaining <= 30.1  # a CPU timer reads in clock ticks
        signal.setitimer(time_limit.TIMER, 0.01)
        burn(0.2)
        assert fired == [1]
    finally:
        signal.setitimer(time_limit.TIMER, 0)
        signal.signal(time_limit.SIGNAL, previous)


def test_a_late_tick_after_the_file_does_not_end_the_process():
    """With no handler of its own before, the process must survive a timer signal delivered after the file."""
    import os
    import signal

    previous = signal.signal(time_limit.SIGNAL, signal.SIG_DFL)
    try:
        with time_limit.RuleTimer(interrupting=True) as timer:
            timer.arm(0.2)
            timer.disarm()
        os.kill(os.getpid(), time_limit.SIGNAL)  # the late tick
        burn(0.05)
    finally:
        signal.signal(time_limit.SIGNAL, previous)


def test_the_budget_is_cpu_time_not_the_wall_clock():
    """A rule that waits (another process has the CPU: a busy CI runner) is not stopped for the time it did
    not run; one that spends its budget of CPU is."""
    with time_limit.RuleTimer(interrupting=True) as timer:
        timer.arm(0.2)
        time.sleep(0.5)  # off the CPU for more than the budget
        timer.disarm()
        timer.arm(0.2)
        with pytest.raises(time_limit.RuleTimeout):
            burn(5)
        timer.disarm()


def test_pool_workers_stop_a_catastrophic_pattern_on_every_file(tmp_path):
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    for i in range(10):
        (tmp_path / f"slow{i}.md").write_text(CATASTROPHIC_PAGE, encoding="utf-8")
    args = ("check", "--no-builtin", "--rules", "rules.yaml", "--jobs", "2", "--regex-timeout", "0.3", "-f", "json")
    proc = run_cli(*args, ".", cwd=tmp_path)
    data = json.loads(proc.stdout)
    timeouts = sorted(f["path"] for f in data["findings"] if f["rule"] == "newslint-rule-timeout")
    assert timeouts == [f"slow{i}.md" for i in range(10)]
    assert sorted(f["path"] for f in data["findings"] if f["rule"] == "t-fast") == timeouts


def test_the_limit_scales_with_the_length_of_the_file():
    assert time_limit.rule_budget(2.0, 1000) == 2.0
    assert time_limit.rule_budget(2.0, 13_000_000) == pytest.approx(26.0)


def test_a_long_file_is_not_a_runaway_expression(monkeypatch):
    """A rule that is merely slow over a long file (every unit matched, no prefilter) finishes with all its
    findings: before the limit scaled, it was stopped and its findings lost, blamed on backtracking."""
    rules = RULES.replace("'(a|aa)+$'", r"'\b\w+ment\b'")
    paragraphs = [f"Paragraph {i} on the agreement of the management with the government." for i in range(20_000)]
    doc = md("# T\n\n" + "\n\n".join(paragraphs) + "\n")
    lint = linter(rules, timeout=0.02)
    # The page stands for a 65 MB one (1,000 times the text one timeout covers), at a five-hundredth of the size:
    # a 20 s budget for about 1 s of work, so a busy CI worker (the slow stage builds wheels beside it) does not
    # turn the scaled budget into a false timeout (at 200 times, 4 s, it once did).
    monkeypatch.setattr(time_limit, "TEXT_PER_TIMEOUT", len(doc.source) // 1000)
    started = time.monotonic()
    findings = lint.lint(doc)
    assert time.monotonic() - started > 0.02  # the rule does take longer than one timeout
    assert "newslint-rule-timeout" not in {f.rule for f in findings}
    assert sum(f.rule == "t-slow" for f in findings) == 3 * 20_000


def test_one_timer_a_file_gives_each_rule_its_own_whole_budget():
    """The interval timer is set once per file: a rule that starts after others have used most of the first
    budget still gets all of its own, and a rule that spends its budget is stopped on time."""
    with time_limit.RuleTimer(interrupting=True) as timer:
        assert timer.arm(0.3) is None
        burn(0.25)  # the first rule takes most of its budget
        timer.disarm()
        timer.arm(0.3)  # the next rule: the alarm set for the first comes 0.05 s into it
        started = time.process_time()
        burn(0.2)  # ...and must not stop it
        timer.disarm()
        assert time.process_time() - started >= 0.2
        timer.arm(0.2)
        started = time.process_time()
        with pytest.raises(time_limit.RuleTimeout):
            while True:  # a runaway rule
                burn(0.01)
        assert 0.19 <= time.process_time() - started < 0.5
        timer.disarm()
    import signal

    assert signal.getitimer(time_limit.TIMER) == (0.0, 0.0)  # stopped at the file's end
