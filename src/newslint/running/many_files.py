"""Lint many files on several cores: a process pool fed with chunks of files, results in input order.

Parsing and matching hold the GIL (Python, or mypyc-compiled Python), so threads would not help; processes
do. Workers are started once and get the loaded linter when they start (inherited through ``fork`` on
Linux, pickled once per worker elsewhere), never re-loading rules per file. Files go out in chunks of a few
consecutive ones (fewer round trips than one by one), cut by bytes as well as by count and sent largest
first, so that pages of very different sizes balance; results come back in the order of the targets, so the
report, the notices and the warnings are exactly those of an in-process run.

Small runs do not pay for the pool: below ``MIN_FILES_FOR_POOL`` files, or with ``jobs`` 1, everything
runs in this process. On Ctrl-C the workers (which ignore SIGINT, so none prints a traceback) finish the
chunk they hold, the rest is dropped, and ``KeyboardInterrupt`` reaches the CLI, which exits with 130.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import multiprocessing.context

    from newslint.running.cache import ResultCache
    from newslint.running.linter import FileResult, Linter
    from newslint.running.one_file import CheckSettings, Target

MIN_FILES_FOR_POOL = 8  # below this, starting workers costs more than it saves
MAX_CHUNK = 8  # files per task at most: larger chunks balance badly across pages of very different sizes


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(files: int, jobs: int) -> int:
    """About eight chunks per worker, at most ``MAX_CHUNK`` files each."""
    return max(1, min(MAX_CHUNK, files // (jobs * 8)))


def plan_chunks(sizes: list[int], jobs: int) -> tuple[list[range], list[int]]:
    """Split files (their sizes, in input order) into runs of consecutive files, and the order to send them in.

    A chunk holds at most ``chunk_size`` files and, past its first file, about an eighth of a worker's share of
    the bytes: a site's few huge pages (sorted next to each other, as pages of one section are) would otherwise
    travel in one chunk and keep one worker busy long after the others ran out of work. Chunks go out largest
    first, so the long ones start early and the small ones fill the gaps at the end.
    """
    count = chunk_size(len(sizes), jobs)
    budget = max(1, sum(sizes) // (jobs * 8))
    chunks: list[range] = []
    start = 0
    held = 0
    for i, size in enumerate(sizes):
        if i > start and (i - start >= count or held + size > budget):
            chunks.append(range(start, i))
            start, held = i, 0
        held += size
    if start < len(sizes):
        chunks.append(range(start, len(sizes)))
    order = sorted(range(len(chunks)), key=lambda c: -sum(sizes[i] for i in chunks[c]))
    return chunks, order


def _size(target: Target) -> int:
    try:
        return os.stat(target.os_path).st_size if target.os_path is not None else 0
    except OSError:
        return 0


@contextmanager
def sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back while the pool starts its workers; it takes effect (``KeyboardInterrupt``) right after.

    An interrupt in the middle of starting them leaves workers started and the thread that feeds them not:
    shutting down then never reaches those workers, and the exit waits for them forever. Where signals cannot
    be blocked (not POSIX), nothing is held.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while one document is parsed and linted.

    A document is a burst of short-lived objects; collections in the middle of it scan them again and again
    (measured: about a fifth of the run time on the shared corpus). The collector runs again between files,
    where one young-generation pass frees the finished document.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def prepare_long_lived() -> None:
    """Move everything loaded so far (rules, compiled patterns, modules) out of the collector's sight.

    No ``gc.collect()`` first: it costs 10 ms, a one-file run's whole budget for matching, and the little
    garbage of loading frozen along is harmless.
    """
    gc.freeze()


def lint_one(linter: Linter, target: Target, settings: CheckSettings, cache: ResultCache | None) -> FileResult:
    from newslint.running.one_file import lint_target

    with gc_paused():
        if cache is not None and not target.is_stdin:
            return cache.lint(linter, target, settings)
        return lint_target(linter, target, settings)


# -- worker side ---------------------------------------------------------------------------------------

_worker_state: tuple[Linter, CheckSettings, ResultCache | None] | None = None


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def die_with_parent(parent: int, kernel: bool = True) -> None:
    """End this worker when the parent process dies (``kill -9``, SIGTERM, a crash).

    A worker waits for its next chunk on a pipe that it (and every other worker) also holds open for writing,
    so the parent's death never reaches it as end-of-file: it would wait forever, holding the terminal's
    stdout and stderr. On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``);
    elsewhere a daemon thread notices that the parent changed.
    """
    armed = False
    if kernel and sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            armed = False
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)
    if not armed:  # pragma: no cover - not Linux
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, name="newslint-parent-watch", daemon=True).start()


def _init_worker(
    linter: Linter, settings: CheckSettings, cache: ResultCache | None, parent: int = 0, kernel: bool = True
) -> None:
    global _worker_state
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    if parent:
        die_with_parent(parent, kernel)
    _worker_state = (linter, settings, cache)
    prepare_long_lived()


def _lint_chunk(targets: list[Target]) -> list[FileResult]:
    assert _worker_state is not None, "worker not initialised"
    linter, settings, cache = _worker_state
    return [lint_one(linter, t, settings, cache) for t in targets]


# -- parent side ---------------------------------------------------------------------------------------


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    # fork shares the loaded rules with the workers at no cost; elsewhere the linter is pickled once per worker.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


BLOCK = 256  # files looked up in the cache at a time: their cached results wait in memory for their turn
WINDOW_PER_JOB = 4  # chunks handed to the pool ahead of the one whose results come next, per worker


def lint_all(
    linter: Linter,
    targets: list[Target],
    settings: CheckSettings,
    jobs: int,
    cache: ResultCache | None = None,
) -> Iterator[FileResult]:
    """Lint every target; results are yielded in the order of ``targets`` whatever ``jobs`` is.

    Memory stays flat however many files there are: the cache is read a block of files at a time, and the pool
    gets at most a window of chunks ahead of the results being yielded (their results wait for their turn).
    """
    prepare_long_lived()
    files = [t for t in targets if not t.is_stdin]
    if jobs <= 1 or len(files) < MIN_FILES_FOR_POOL or len(files) != len(targets):
        # Standard input (read by this process) or a small run: in-process.
        for target in targets:
            yield lint_one(linter, target, settings, cache)
        return
    pool = _Pool(linter, settings, jobs, cache)
    try:
        if cache is None:
            yield from pool.lint(targets)
            return
        # Cached results are read here: only the files that changed go to workers (none at all on a warm run).
        for start in range(0, len(targets), BLOCK):
            block = targets[start : start + BLOCK]
            known = [cache.lookup(t, settings) for t in block]
            missing = [t for t, r in zip(block, known, strict=True) if r is None]
            if len(missing) < MIN_FILES_FOR_POOL:
                fresh: Iterator[FileResult] = (lint_one(linter, t, settings, cache) for t in missing)
            else:
                fresh = pool.lint(missing)
            for result in known:
                yield result if result is not None else next(fresh)
            del known
    finally:
        pool.close()


class _Pool:
    """A process pool started on first use, fed a window of chunks ahead of the results being read."""

    def __init__(self, linter: Linter, settings: CheckSettings, jobs: int, cache: ResultCache | None) -> None:
        self.linter = linter
        self.settings = settings
        self.jobs = jobs
        self.cache = cache
        self.executor: Any = None
        self.broken = False

    def _start(self) -> Any:
        # Imported here: a one-file run never starts a pool and should not pay for importing one.
        from concurrent.futures import ProcessPoolExecutor

        with sigint_held():  # the first submit starts the workers
            self.executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=_context(),
                initializer=_init_worker,
                # The parent's pid, and whether the kernel may signal the workers when it dies: it signals when
                # the *thread* that started them ends, so only the main thread may start them that way.
                initargs=(self.linter, self.settings, self.cache, os.getpid(), _in_main_thread()),
            )
        return self.executor

    def lint(self, targets: list[Target]) -> Iterator[FileResult]:
        from concurrent.futures.process import BrokenProcessPool

        if self.broken:
            for target in targets:
                yield lint_one(self.linter, target, self.settings, self.cache)
            return
        chunks, order = plan_chunks([_size(t) for t in targets], self.jobs)
        rank = {c: r for r, c in enumerate(order)}  # largest first, within the window
        window = WINDOW_PER_JOB * self.jobs
        executor = self.executor or self._start()
        futures: dict[int, Any] = {}
        done = 0  # targets yielded so far (chunks are yielded in input order, whatever order they finish in)
        try:
            for c in range(len(chunks)):
                waiting = [i for i in range(c, min(len(chunks), c + window)) if i not in futures]
                with sigint_held():
                    for i in sorted(waiting, key=rank.__getitem__):
                        futures[i] = executor.submit(_lint_chunk, [targets[t] for t in chunks[i]])
                results = futures.pop(c).result()
                done += len(results)
                yield from results
        except BrokenProcessPool:
            # A worker died (killed, out of memory): finish the rest here, where a crash is at least visible.
            self.broken = True
            for target in targets[done:]:
                yield lint_one(self.linter, target, self.settings, self.cache)
        finally:
            for future in futures.values():
                future.cancel()

    def close(self) -> None:
        # On Ctrl-C too: pending chunks are dropped and each worker finishes the chunk it holds (a second or
        # less). Terminating workers instead races with the pool's own bookkeeping and prints tracebacks.
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
