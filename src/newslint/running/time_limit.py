"""The time limit of one rule on one file (``--regex-timeout``), enforced by a timer that interrupts the rule.

The limit used to be passed to every expression call (``regex``'s ``timeout=``), which reads the clock with a
system call on each of the ~1,700 calls a page costs (12% of a run's CPU). Here one interval timer runs per
file instead (``signal.setitimer``, set at the file's first rule and stopped at its end); each rule notes when
it started, and the ``SIGPROF`` handler raises ``RuleTimeout`` when the running rule has spent its budget,
wherever the rule is, in Python code or inside a match (``regex`` checks for signals while it backtracks), or
else waits out the rest of that rule's budget. Signals reach only the main thread of a process, which is where
the CLI and its pool workers run rules; on another thread (a server's) or without ``setitimer`` (Windows) the
rule gets a deadline instead, and each expression call is given the time left, as before.

The budget is the process's CPU time (``ITIMER_PROF``, ``time.process_time``), not the wall clock: a runaway
expression burns CPU and is stopped all the same, while a rule on a busy machine (a CI runner, pre-commit
beside a build, the test suite's parallel workers) is not charged for the time other processes had the CPU.
With the wall clock, the same page gave a timeout finding on a loaded machine and none on a quiet one.

The limit scales with the text (``rule_budget``): a long document is not a runaway expression. A rule gets
``timeout`` seconds per ``TEXT_PER_TIMEOUT`` characters of the file (at least ``timeout``), so the built-in
rules finish on every file the size limit admits, while a catastrophic expression on an ordinary page is still
stopped after ``timeout``.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType, TracebackType

from newslint.language.patterns import RuleTimeout

TEXT_PER_TIMEOUT = 1_000_000  # characters of a file that one ``timeout`` covers
TIMER = getattr(signal, "ITIMER_PROF", 2)  # counts the process's CPU time (user and system)
SIGNAL = getattr(signal, "SIGPROF", 27)
REFIRE = 0.05  # seconds: the alarm repeats until disarmed, in case an over-broad ``except`` swallowed it


def rule_budget(timeout: float, text_length: int) -> float:
    """Seconds one rule may spend on a file of ``text_length`` characters."""
    return timeout * max(1.0, text_length / TEXT_PER_TIMEOUT)


def can_interrupt() -> bool:
    """Whether this thread can use the interrupting timer (the main thread of a POSIX process)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class RuleTimer:
    """One file's rule timer: ``with RuleTimer() as timer:`` then ``timer.arm(budget)`` / ``timer.disarm()``
    around each rule. ``arm`` returns ``None`` when the timer interrupts the rule (a budget of CPU seconds), else the
    deadline (``time.monotonic()`` seconds) that the matching code must check itself.

    A handler and timer that were in place before (a program embedding newslint) are put back on exit.
    """

    __slots__ = ("_armed", "_budget", "_previous_handler", "_previous_timer", "_started", "_timer_on", "interrupting")

    def __init__(self, interrupting: bool | None = None) -> None:
        self.interrupting = can_interrupt() if interrupting is None else interrupting
        self._armed = False  # whether a rule is running (an alarm then stops it once its budget is spent)
        self._timer_on = False  # whether the interval timer runs (from the file's first rule to its end)
        self._started = 0.0  # when the running rule started (time.process_time())
        self._budget = 0.0
        self._previous_handler: object = None
        self._previous_timer: tuple[float, float] = (0.0, 0.0)

    def __enter__(self) -> RuleTimer:
        if self.interrupting:
            self._previous_timer = signal.setitimer(TIMER, 0)
            self._previous_handler = signal.signal(SIGNAL, self._on_alarm)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.interrupting:
            self._stop()
            previous = self._previous_handler
            if previous in (signal.SIG_DFL, None):
                # SIGPROF's default action ends the process: a tick generated before the timer stopped but
                # delivered late (valgrind defers signals; a pool worker being torn down) must not kill it
                previous = signal.SIG_IGN
            signal.signal(SIGNAL, previous)  # type: ignore[arg-type]
            if self._previous_timer[0] > 0:
                signal.setitimer(TIMER, *self._previous_timer)

    def arm(self, budget: float) -> float | None:
        """Start a rule with ``budget`` seconds. The interval timer is set once per file (two system calls a
        file, not two a rule: 4% of a run over real pages went to ``setitimer``); each rule only notes when it
        started, and an alarm that comes before the running rule has spent its budget waits out the rest."""
        if not self.interrupting:
            return time.monotonic() + budget
        self._budget = budget
        self._started = time.process_time()
        self._armed = True
        if not self._timer_on:
            self._timer_on = True
            signal.setitimer(TIMER, budget, REFIRE)
        return None

    def disarm(self) -> None:
        """End the running rule: an alarm now stops nothing (the timer runs on for the file's next rule)."""
        self._armed = False

    def _stop(self) -> None:
        self._armed = False
        if self._timer_on:
            self._timer_on = False
            signal.setitimer(TIMER, 0)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if not self._armed:
            return  # between rules: nothing to stop (the alarm repeats every REFIRE until the file's end)
        left = self._started + self._budget - time.process_time()
        if left <= 0:
            raise RuleTimeout()
        signal.setitimer(TIMER, left, REFIRE)  # set for an earlier rule: the rest of this one's
