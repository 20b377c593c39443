"""The report is streamed: files are linted in the report's order and written as they finish, every format's
output is the same as rendered from a finished list, and memory does not grow with the number of files."""

from __future__ import annotations

import gc
import os
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from newslint.output import FORMATS, formatter, streamer
from newslint.output.report import RunReport
from newslint.running.check_run import CheckRequest, exit_code, run_check
from newslint.running.configured import CommandLine
from newslint.running.linter import Linter
from newslint.running.one_file import CheckSettings

# Memory and streaming over many files (seconds): run by .ci/run's slow stage, so the default run stays under 90 s.
pytestmark = pytest.mark.slow

RULES = """pack: p
rules:
  - id: p-promise
    severity: error
    message: "'{match}' promises returns"
    description: d
    forbid: {words: [guaranteed returns, assured returns]}
"""
PARAGRAPH = "Our desk offers guaranteed returns and assured returns to every reader of this page, every day.\n\n"


def project(tmp_path: Path, files: int, findings_per_file: int = 2) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    # Names whose walk order (files first, then sub-folders) differs from the report's order (by path).
    (folder / "b").mkdir()
    for i in range(files):
        where = folder / "b" if i % 3 == 0 else folder
        body = PARAGRAPH * (findings_per_file // 2) if i % 4 else "Nothing to report here.\n"
        (where / f"a{i:05d}.md").write_text(f"# Page {i}\n\n{body}", encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")  # a notice, not in the report
    return tmp_path


def request(root: Path, fmt: str = "json", jobs: int = 1) -> CheckRequest:
    return CheckRequest(
        paths=[str(root / "articles"), str(root / "missing.md")],
        settings=CheckSettings(now=date(2026, 1, 1)),
        cli=CommandLine(rules=[root / "rules.yaml"], no_builtin=True),
        isolated=True,
        output_format=fmt,
        quiet=True,
        jobs=jobs,
        cache=False,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_streams_what_it_renders_from_a_finished_list(tmp_path, fmt):
    root = project(tmp_path, 30)
    listed = run_check(request(root, fmt))
    results = [r for r in listed.results if not r.notice]
    assert [r.path for r in results] == sorted(r.path for r in results)
    expected = formatter(fmt)(RunReport(results, rules=listed.rules, statistics=True, version="1"))
    streamed = run_check(request(root, fmt))
    report = RunReport((r for r in streamed.results if not r.notice), streamed.rules, statistics=True, version="1")
    try:
        assert "".join(streamer(fmt)(report)) == expected
    finally:
        report.close()
    assert exit_code(streamed, exit_zero=False) == 2  # missing.md


def test_findings_are_written_before_the_last_file_is_linted(tmp_path, monkeypatch):
    root = project(tmp_path, 40)
    linted: list[str] = []
    lint = Linter.lint

    def spy(self, doc):
        linted.append(doc.path)
        return lint(self, doc)

    monkeypatch.setattr(Linter, "lint", spy)
    outcome = run_check(request(root))
    report = RunReport((r for r in outcome.results if not r.notice), outcome.rules)
    seen_at = None
    for piece in streamer("json")(report):
        if '"rule": "p-promise"' in piece and seen_at is None:
            seen_at = len(linted)
    assert seen_at is not None and seen_at < 5, seen_at  # the first findings went out after a few files
    assert len(linted) == 40


def peak_while_reporting(root: Path, jobs: int) -> int:
    """The peak of traced memory while the report is written, past its first files (the pool's start and the
    imports it makes are a cost of any run, and they would hide what grows with the files)."""
    outcome = run_check(request(root, "text", jobs))
    report = RunReport((r for r in outcome.results if not r.notice), outcome.rules)
    try:
        with open(os.devnull, "w") as sink:
            for i, piece in enumerate(streamer("text")(report)):
                sink.write(piece)
                if i == 200:
                    gc.collect()
                    tracemalloc.start()
            return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow  # a few seconds: run by .ci/run with -m slow (the default run stays under 90 s)
def test_memory_does_not_grow_with_the_number_of_files(tmp_path):
    """Ten times the files (each with 40 findings) in not 1.6 times the memory; a report kept whole until the end
    held every finding, message and source line (about 5 KB a file here)."""
    small = peak_while_reporting(project(tmp_path / "small", 30, 40), jobs=1)
    large = peak_while_reporting(project(tmp_path / "large", 300, 40), jobs=1)
    assert large < 1.6 * small, (small, large)


def test_memory_is_flat_with_a_process_pool_too(tmp_path):
    """The pool runs a window of chunks ahead (8 chunks of 8 files with 2 workers), whose results wait for their
    turn: the small run fills it too."""
    small = peak_while_reporting(project(tmp_path / "small", 400, 10), jobs=2)
    large = peak_while_reporting(project(tmp_path / "large", 1600, 10), jobs=2)
    assert large < 1.6 * small, (small, large)


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "text"])
def test_jobs_2_streams_the_same_bytes_as_jobs_1(tmp_path, fmt):
    root = project(tmp_path, 60)
    args = ["check", "--no-builtin", "--rules", "rules.yaml", "--no-cache", "-f", fmt, "articles"]
    one = run_cli(*args, "--jobs", "1", cwd=root)
    two = run_cli(*args, "--jobs", "2", cwd=root)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout
