"""Process behaviour: Ctrl-C, a closed pipe, an internal error in one file, never writing the user's files,
atomic report writes, and unreadable files and folders (simulated, so that it also holds when run as root)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from conftest import newslint_exe, run_cli
from robustness import EVERY_CHECK_RULES

# Each test runs the command line as a process and signals or pipes it: run by .ci/run with the slow tests.
pytestmark = pytest.mark.slow

ARTICLE = """<html><head><title>Markets {i}</title></head><body><article><h1>Markets {i}</h1>
<p>Shares of Example Broking rose 4.5% as the fund promised guaranteed returns to investors.</p>
<p>{filler}</p>
</article></body></html>
"""


def many_articles(folder: Path, count: int, filler_words: int = 400) -> Path:
    folder.mkdir(exist_ok=True)
    filler = "The market moved on results and analysts weighed the outlook. " * (filler_words // 10)
    for i in range(count):
        (folder / f"a{i:04d}.html").write_text(ARTICLE.format(i=i, filler=filler), encoding="utf-8")
    return folder


def listing(folder: Path) -> list[str]:
    """The folder's entries, without newslint's own cache folder (if a cache is there, it is newslint's)."""
    return sorted(p.name for p in folder.iterdir() if p.name != ".newslint_cache")


def command(*args: str) -> list[str]:
    return [*newslint_exe(), "check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), *args]


# -- Ctrl-C -------------------------------------------------------------------------------------------------


SLOW_RULE = """\
pack: slow
rules:
  - id: slow-backtracking
    severity: info
    message: m
    description: Backtracks until its time limit on every article, so that a run takes a known while.
    forbid: {patterns: ['(a|aa)+$']}
"""


def slow_run(tmp_path: Path, count: int) -> tuple[Path, Path]:
    """``count`` small posts in ``news/`` and the slow rule in ``slow.yaml`` (each post costs one time-out)."""
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:04d}.md").write_text(f"# T{i}\n\n{'a' * 40}!\n", encoding="utf-8")
    rules = tmp_path / "slow.yaml"
    rules.write_text(SLOW_RULE, encoding="utf-8")
    return folder, rules


@pytest.mark.parametrize("delay", [0.4, 2.0])
def test_ctrl_c_mid_run_exits_130_with_one_line(tmp_path, delay):
    """SIGINT to the process while it works through many files (0.4 s: still starting up; 2 s: linting).

    Each article costs one 0.03 s rule timeout, so the 600 files take at least 18 s: the signal always
    lands mid-run, and stopping within a few seconds shows that the rest of the files were not linted."""
    folder, rules = slow_run(tmp_path, 600)
    report = tmp_path / "report.txt"
    report.write_text("the previous report\n", encoding="utf-8")
    args = ["--no-builtin", "-r", str(rules), "--regex-timeout", "0.03", "--output-file", str(report), str(folder)]
    proc = subprocess.Popen(
        [*newslint_exe(), "check", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(delay)
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert time.monotonic() - started < 8
    assert proc.returncode == 130, err.decode()
    assert err.decode() == "newslint: interrupted\n"
    assert out == b""
    assert report.read_text(encoding="utf-8") == "the previous report\n"  # the old report is intact
    assert listing(tmp_path) == ["news", "report.txt", "slow.yaml"]  # no temporary files


INTERRUPT_WHILE_THE_POOL_STARTS = """
import os, signal, sys
from concurrent.futures import ProcessPoolExecutor

launch = ProcessPoolExecutor._launch_processes

def launch_then_interrupt(self):
    launch(self)
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C once the workers exist, before the thread that feeds them

ProcessPoolExecutor._launch_processes = launch_then_interrupt
sys.argv = ["newslint", "check", *sys.argv[1:]]
from newslint.cli.main import main
main()
"""


def test_ctrl_c_while_the_pool_starts_its_workers_exits_instead_of_hanging(tmp_path):
    """Interrupted between starting the workers and starting the thread that feeds them, the pool could never
    shut down: the exit waited forever for a worker waiting for work (seen under load with the test above)."""
    folder, rules = slow_run(tmp_path, 40)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            INTERRUPT_WHILE_THE_POOL_STARTS,
            "--no-builtin",
            "-r",
            str(rules),
            "--regex-timeout",
            "0.03",
            "--jobs",
            "2",
            "--no-cache",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers
        proc.communicate()
        pytest.fail("newslint hung after Ctrl-C while its process pool was starting")
    assert proc.returncode == 130, err.decode()
    assert err.decode() == "newslint: interrupted\n"
    assert out == b""


# -- a closed pipe ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_ends_quietly_with_the_findings_exit_code(tmp_path, fmt):
    """``newslint check <many files> | head -1``: the report is larger than a pipe's buffer."""
    folder = many_articles(tmp_path / "news", 400, filler_words=10)
    proc = subprocess.Popen(command("--format", fmt, str(folder)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert first.strip()
    assert err == b""  # no BrokenPipeError, no "Exception ignored"
    assert proc.returncode == 1  # the findings decide, not the pipe


def test_a_closed_pipe_through_a_real_shell_pipeline(tmp_path):
    many_articles(tmp_path / "news", 400, filler_words=10)
    script = " ".join(command("news")) + " 2>err.txt | head -1 >first.txt; echo ${PIPESTATUS[0]} >code.txt"
    subprocess.run(["bash", "-c", script], cwd=tmp_path, timeout=120, check=True)
    assert (tmp_path / "err.txt").read_text() == ""
    assert (tmp_path / "code.txt").read_text().strip() == "1"
    assert (tmp_path / "first.txt").read_text().startswith("news/a0000.html:")


# -- an internal error in one file --------------------------------------------------------------------------


def _boom_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.parsing.parse as parse

    real = parse.parse_source

    def parse_source(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "bad" in source.path:
            raise ValueError("boom")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(parse, "parse_source", parse_source)


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_is_that_files_error_and_the_run_goes_on(tmp_path, monkeypatch, debug):
    from newslint.rules.loader import load_rules
    from newslint.running.one_file import CheckSettings, collect, lint_target, make_linter

    for name in ("a.md", "bad.md", "c.md"):
        (tmp_path / name).write_text("# T\n\nWe give guaranteed returns.\n", encoding="utf-8")
    _boom_parser(monkeypatch)
    settings = CheckSettings(now=date(2025, 6, 1), debug=debug)
    linter = make_linter(load_rules([EVERY_CHECK_RULES], builtin=False), settings)
    results = {r.path: r for r in (lint_target(linter, t, settings) for t in collect([str(tmp_path)]).targets)}
    bad = results[str(tmp_path / "bad.md")]
    assert bad.error == "internal error: ValueError: boom"
    assert bad.findings == []
    if debug:
        assert bad.debug is not None and bad.debug.startswith("Traceback") and "ValueError: boom" in bad.debug
    else:
        assert bad.debug is None
    for name in ("a.md", "c.md"):
        good = results[str(tmp_path / name)]
        assert good.error is None and any(f.rule == "rb-forbid" for f in good.findings)


INJECT = """
import sys
import newslint.parsing.parse as parse
real = parse.parse_source
def parse_source(source, *args, **kwargs):
    if "bad" in source.path:
        raise ValueError("boom")
    return real(source, *args, **kwargs)
parse.parse_source = parse_source
from newslint.cli.main import main
sys.argv[0] = "newslint"
main()
"""


def test_an_internal_error_through_the_cli_with_and_without_debug(tmp_path):
    """The real CLI in a subprocess whose parser is made to fail on one file by the test (no hook in the
    product): exit 2, one line for that file, the other files reported, a traceback only with --debug."""
    for name in ("a.md", "bad.md", "c.md"):
        (tmp_path / name).write_text("# T\n\nWe give guaranteed returns.\n", encoding="utf-8")
    args = ["check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), "--format", "json", "."]
    for debug in (False, True):
        extra = ["--debug"] if debug else []
        proc = subprocess.run(
            [sys.executable, "-c", INJECT, *args, *extra], cwd=tmp_path, capture_output=True, timeout=120
        )
        assert proc.returncode == 2
        data = json.loads(proc.stdout)
        assert data["errors"] == [{"path": "bad.md", "message": "internal error: ValueError: boom"}]
        assert {f["path"] for f in data["findings"]} == {"a.md", "c.md"}
        err = proc.stderr.decode()
        assert ("Traceback (most recent call last)" in err) is debug
        assert (err.count("ValueError: boom") > 1) is debug  # the traceback's last line, besides the one below
        # The error's one line goes to stderr too, whatever the format (the JSON report also carries it).
        assert "newslint: error: bad.md: internal error: ValueError: boom" in err.splitlines()


def test_inspect_reports_an_internal_error_in_one_line(tmp_path):
    (tmp_path / "bad.md").write_text("# T\n", encoding="utf-8")
    for debug in (False, True):
        extra = ["--debug"] if debug else []
        proc = subprocess.run(
            [sys.executable, "-c", INJECT, "inspect", "bad.md", *extra], cwd=tmp_path, capture_output=True
        )
        err = proc.stderr.decode()
        assert proc.returncode == 2
        assert err.splitlines()[-1] == "newslint: error: bad.md: internal error: ValueError: boom"
        assert ("Traceback" in err) is debug


# -- never writing the user's files -------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            out[str(path.relative_to(folder))] = (hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns)
    return out


def test_check_never_writes_to_the_users_files(tmp_path):
    folder = many_articles(tmp_path / "site", 20, filler_words=20)
    (folder / "post.md").write_text("---\nauthor: A\n---\n\n# T\n\nstock tips daily\n", encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")
    (folder / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n")
    before = snapshot(folder)
    for args in (["."], ["--format", "json", "--statistics", "."], ["-q", "post.md", "a0001.html"]):
        proc = run_cli("check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), *args, cwd=folder)
        assert proc.returncode in (1, 2)
    after = snapshot(folder)
    assert {k: v for k, v in after.items() if k in before} == before
    # A cache, if there is one, is newslint's own folder, never next to the articles.
    assert all(k.startswith(".newslint_cache/") for k in after if k not in before)


# -- atomic writes ------------------------------------------------------------------------------------------


def test_output_file_is_written_whole_and_replaces_the_old_one(tmp_path):
    many_articles(tmp_path / "news", 3, filler_words=10)
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    proc = run_cli(
        "check",
        "--no-builtin",
        "--rules",
        str(EVERY_CHECK_RULES),
        "-f",
        "json",
        "-o",
        str(report),
        "news",
        cwd=tmp_path,
    )
    assert proc.returncode == 1 and proc.stdout == b""
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["files"] == 3
    assert report.stat().st_mode & 0o777 == 0o640  # the old file's mode is kept
    assert listing(tmp_path) == ["news", "report.json"]


def test_output_file_that_cannot_be_written_is_one_line_exit_2(tmp_path):
    many_articles(tmp_path / "news", 1, filler_words=10)
    proc = run_cli(
        "check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), "-o", "missing/report.txt", "news", cwd=tmp_path
    )
    assert proc.returncode == 2
    assert proc.stderr.decode() == "newslint: error: cannot write missing/report.txt: No such file or directory\n"


@pytest.mark.parametrize("failure", ["write", "fsync", "replace", "interrupt"])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failure):
    from newslint.files import atomic

    target = tmp_path / "report.txt"
    target.write_text("old report\n", encoding="utf-8")

    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt if failure == "interrupt" else OSError(28, "No space left on device")

    if failure == "write":
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, fh):  # type: ignore[no-untyped-def]
                self.fh = fh

            def __enter__(self):  # type: ignore[no-untyped-def]
                return self

            def __exit__(self, *exc):  # type: ignore[no-untyped-def]
                self.fh.close()

            def write(self, data):  # type: ignore[no-untyped-def]
                self.fh.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    elif failure == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", fail)
    else:
        monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(KeyboardInterrupt if failure == "interrupt" else OSError):
        atomic.write_text_atomic(target, "new report " * 10_000)
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert listing(tmp_path) == ["report.txt"]


# -- unreadable files and folders (simulated) ---------------------------------------------------------------


def test_permission_error_messages(tmp_path, monkeypatch):
    """The code paths of an unreadable file and an unreadable folder, whoever runs the tests (root reads
    anything, so test_bad_articles drops capabilities instead)."""
    import builtins

    from newslint.files import source
    from newslint.running.one_file import collect

    article = tmp_path / "secret.html"
    article.write_text("<p>x</p>", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.md").write_text("# A\n", encoding="utf-8")

    def no_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("secret.html"):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(source, "open", no_open, raising=False)
    with pytest.raises(source.SourceError, match=r"^cannot read: permission denied \(Permission denied\)$"):
        source.read_source(article, "secret.html", None)

    real_scandir = os.scandir

    def no_scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", no_scandir)
    collected = collect([str(tmp_path)])
    assert [(r.path, r.error) for r in collected.errors] == [(str(locked), "cannot read folder: permission denied")]
    assert [t.display for t in collected.targets] == [str(article)]
