"""Writes outside the user's intent (issue 21, round two of the hardening): ``--output-file`` through devices,
FIFOs and links, never over a checked file; ``--fix`` through links, keeping owner, group, mode and hard
links, skipping read-only files, a file an editor saves meanwhile, and encodings that do not round-trip;
stale temporary files; a full disk under the report; pool workers outliving their parent.

Device nodes are made with ``mknod`` (root only; skipped otherwise), never the system's own ``/dev`` nodes:
before these fixes a test would have replaced them."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from conftest import RULES_YAML, newslint, newslint_exe

# Links, devices, FIFOs and concurrent edits through the CLI as processes: run by .ci/run with the slow tests.
pytestmark = pytest.mark.slow

ARTICLE = "# Markets\n\nBrokers share stock tips daily.\n"
FIXED = "# Markets\n\nBrokers share research recommendations daily.\n"


def article(project: Path, name: str = "a.md", text: str = ARTICLE) -> Path:
    path = project / name
    path.write_text(text, encoding="utf-8")
    return path


def mknod(path: Path, major: int, minor: int) -> None:
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot create a device node here: {exc}")


# -- --output-file ----------------------------------------------------------------------------------------


def test_output_file_that_is_a_fifo_is_written_through(project):
    article(project)
    fifo = project / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    run = newslint("check", "a.md", "-f", "concise", "-o", "report.fifo", cwd=project)
    thread.join(timeout=30)
    assert run.returncode == 0, run.stderr  # a warning: under the default fail-on
    assert got and b"a.md:3:" in got[0]  # the reader got the report instead of waiting forever
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_file_that_is_a_character_device_stays_one(project):
    article(project)
    null = project / "null"
    mknod(null, 1, 3)  # a /dev/null
    run = newslint("check", "a.md", "-o", "null", cwd=project)
    assert run.returncode == 0, run.stderr  # a warning: under the default fail-on
    assert stat.S_ISCHR(os.lstat(null).st_mode)


@pytest.mark.skipif(not os.path.islink("/dev/stdout"), reason="no /dev/stdout link here")
def test_output_file_dev_stdout_writes_to_standard_output(project):
    article(project)
    run = newslint("check", "a.md", "-f", "concise", "-o", "/dev/stdout", cwd=project)
    assert run.returncode == 0 and "a.md:3:" in run.stdout, run
    assert os.path.islink("/dev/stdout")


def test_output_file_on_a_full_device_is_one_line_exit_2(project):
    article(project)
    full = project / "full"
    mknod(full, 1, 7)  # a /dev/full
    run = newslint("check", "a.md", "-o", "full", cwd=project)
    assert run.returncode == 2
    assert run.stderr == "newslint: error: cannot write full: No space left on device\n"
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_output_file_through_a_link_replaces_its_target_and_keeps_the_link(project):
    article(project)
    (project / "reports").mkdir()
    target = project / "reports" / "latest.txt"
    target.write_text("old\n", encoding="utf-8")
    (project / "report.txt").symlink_to("reports/latest.txt")
    run = newslint("check", "a.md", "-f", "concise", "-o", "report.txt", cwd=project)
    assert run.returncode == 0, run.stderr  # a warning: under the default fail-on
    assert (project / "report.txt").is_symlink()
    assert "a.md:3:" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in (project / "reports").iterdir()) == ["latest.txt"]


@pytest.mark.parametrize("output", ["a.md", "./a.md", "alias.md"])
def test_output_file_that_is_a_checked_file_is_refused(project, output):
    path = article(project)
    (project / "alias.md").symlink_to("a.md")
    run = newslint("check", ".", "-o", output, cwd=project)
    assert run.returncode == 2
    expected = f"newslint: error: --output-file {Path(output)} is one of the files being checked"
    assert run.stderr.startswith(expected)
    assert path.read_text(encoding="utf-8") == ARTICLE


def test_report_on_a_full_disk_is_one_line_exit_2(project):
    article(project)
    full = project / "full"
    mknod(full, 1, 7)
    for fmt in ("text", "json"):
        with open(full, "wb") as out:
            proc = subprocess.run(
                [*newslint_exe(), "check", "a.md", "-f", fmt],
                cwd=project,
                stdout=out,
                stderr=subprocess.PIPE,
                timeout=60,
            )
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert err == "newslint: error: cannot write the report to standard output: No space left on device\n"


# -- --fix ------------------------------------------------------------------------------------------------


def fix(project: Path, *args: str):
    return newslint("check", "--fix", *args, cwd=project)


def test_fix_through_a_link_fixes_its_target_and_keeps_the_link(project):
    (project / "real").mkdir()
    real = article(project / "real", "a.md")
    (project / "link.md").symlink_to("real/a.md")
    run = fix(project, "link.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert (project / "link.md").is_symlink()
    assert real.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_owner_group_mode_and_hard_links(project):
    path = article(project)
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 4321, 4322)
    twin = project / "twin.md.bak"  # not an article: a second name for the same file
    os.link(path, twin)
    before = os.stat(path)
    run = fix(project, "a.md")
    assert run.returncode == 0, run.stdout + run.stderr
    after = os.stat(path)
    assert (after.st_ino, after.st_nlink) == (before.st_ino, 2)
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (before.st_uid, before.st_gid, 0o640)
    assert twin.read_text(encoding="utf-8") == FIXED


def test_fix_as_root_gives_the_new_file_the_old_owner(project):
    if os.geteuid() != 0:
        pytest.skip("only root can hand a file to another owner")
    path = article(project)
    os.chown(path, 4321, 4322)
    path.chmod(0o604)
    run = fix(project, "a.md")
    assert run.returncode == 0, run.stdout + run.stderr
    after = os.stat(path)
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (4321, 4322, 0o604)
    assert path.read_text(encoding="utf-8") == FIXED


def test_fix_skips_a_read_only_file_with_a_message(project):
    path = article(project)
    other = article(project, "b.md")
    path.chmod(0o444)
    run = fix(project, "a.md", "b.md")
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert other.read_text(encoding="utf-8") == FIXED
    assert "a.md: fixes not applied: the file is read-only" in run.stderr
    assert run.returncode == 0 and "a.md:3:" in run.stdout  # its finding (a warning) is still reported


def test_fix_in_a_read_only_folder_is_a_message_not_a_traceback(project):
    folder = project / "locked"
    folder.mkdir()
    path = article(folder)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root, and setpriv is not there to drop the DAC capabilities")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    folder.chmod(0o555)
    try:
        command = [*newslint_exe(), "check", "--fix", "--no-cache", "locked/a.md"]
        proc = subprocess.run([*prefix, *command], capture_output=True, cwd=project, timeout=120)
    finally:
        folder.chmod(0o755)
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "locked/a.md: fixes not applied: cannot write it (Permission denied)" in err
    assert proc.returncode == 0 and "locked/a.md:3:" in proc.stdout.decode()
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert os.listdir(folder) == ["a.md"]


def test_an_editor_save_during_fix_is_kept(tmp_path, monkeypatch):
    """The file changes after it was read and the fix computed, right before it would be replaced."""
    from newslint.rules.loader import Loader
    from newslint.running import fixes
    from newslint.running.linter import Linter, lint_file

    loader = Loader()
    loader.load_text(RULES_YAML, "t.yaml")
    linter = Linter(loader.finish(), date(2026, 1, 1))
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = lint_file(linter, path, "a.md", None, 10_000_000)
    saved = "# Markets\n\nBrokers share stock tips daily. A new paragraph the editor just saved.\n"
    real_splice = fixes.splice

    def editor_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = real_splice(*args, **kwargs)
        path.write_text(saved, encoding="utf-8")  # same inode, new content
        return out

    monkeypatch.setattr(fixes, "splice", editor_saves)
    outcome = fixes.apply_fixes(path, "a.md", "markdown", result.findings)
    assert outcome.applied == 0
    assert outcome.skipped == ["a.md: fixes not applied: the file changed while it was being fixed"]
    assert path.read_text(encoding="utf-8") == saved
    assert os.listdir(tmp_path) == ["a.md"]


CP932_RULES = """\
pack: j
rules:
  - id: j-sub
    severity: warning
    message: "use {replacement}"
    description: d.
    substitution: {swap: {stock tips: research recommendations, 株式相場: 株価}}
"""


def test_fix_on_cp932_changes_only_the_fixed_span(project):
    (project / "rules" / "t.yaml").write_text(CP932_RULES, encoding="utf-8")
    # 0xED40 (an NEC-selected IBM extension) decodes to the same character as 0xFA5C and encodes back as
    # 0xED40... but 0xFA5C does not come back as itself: re-encoding the whole page rewrote it.
    body = "<html><head><meta charset='cp932'><title>x</title></head><body><p>株式 {} 情報: stock tips.</p></body></html>\n"
    head, tail = body.split("{}")
    data = head.encode("cp932") + b"\xfa\x5c\xfa\x40\x87\x90" + tail.encode("cp932")
    page = project / "p.html"
    page.write_bytes(data)
    run = fix(project, "p.html")
    assert "fixed 1 finding" in run.stderr, run.stderr
    assert page.read_bytes() == data.replace(b"stock tips", b"research recommendations")


def test_splice_refuses_what_it_cannot_map_one_to_one():
    """A stateful encoding (ISO-2022-JP, which newslint reads as the ASCII it is made of, so only reachable
    through the API): the text before a span inside a run of JIS characters, encoded alone, ends with an
    escape back to ASCII that the file does not have there."""
    from newslint.running.findings import Fix
    from newslint.running.fixes import NotSpliceable, splice

    text = "今日の「株式相場」。"
    body = text.encode("iso-2022-jp")
    start = text.index("株式相場")
    fix = Fix("株価", 1, start + 1, 1, start + 5, start, start + 4, True, "株式相場")
    with pytest.raises(NotSpliceable):
        splice(body, text, "iso-2022-jp", [fix])
    ascii_fix = Fix("X", 1, 1, 1, 2, 0, 1, True, "a")
    assert splice(b"abc", "abc", "ascii", [ascii_fix]) == b"Xbc"


# -- temporary files ----------------------------------------------------------------------------------------


def dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_stale_temporary_files_of_newslints_naming_are_removed_by_the_next_run(project):
    article(project)
    pid = dead_pid()
    stale = project / f".a.md.newslint-{pid}-abcd1234.tmp"
    live = project / f".a.md.newslint-{os.getpid()}-efgh5678.tmp"  # a process that is still running
    foreign = project / ".a.md.abcd1234.tmp"  # not newslint's naming
    for p in (stale, live, foreign):
        p.write_text("half", encoding="utf-8")
    report_stale = project / f".r.txt.newslint-{pid}-xyz98765.tmp"
    report_stale.write_text("half", encoding="utf-8")
    run = fix(project, "a.md", "-o", "r.txt")
    assert run.returncode == 0, run.stderr
    assert not stale.exists() and not report_stale.exists()
    assert live.exists() and foreign.exists()


def test_old_temporary_files_are_stale_even_if_their_pid_is_reused(tmp_path):
    from newslint.files.atomic import remove_stale_temporaries

    old = tmp_path / f".a.md.newslint-{os.getpid()}-abcd1234.tmp"
    old.write_text("x", encoding="utf-8")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_temporaries(tmp_path, "a.md") == 1
    assert not old.exists()


# -- the pool outliving its parent ---------------------------------------------------------------------------

SLOW_RULE = """\
pack: slow
rules:
  - id: slow-backtracking
    severity: info
    message: m
    description: Backtracks until its time limit on every article.
    forbid: {patterns: ['(a|aa)+$']}
"""


def children_of(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry))
    return out


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_pool_workers_exit_when_the_parent_dies(tmp_path, sig):
    (tmp_path / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    for i in range(16):
        (news / f"p{i}.md").write_text("# P\n\n" + "a" * 28 + "!\n", encoding="utf-8")
    command = [*newslint_exe(), "check", "--no-builtin", "--no-cache", "-j", "2", "--rules", "slow.yaml"]
    command += ["--regex-timeout", "5", "news"]
    proc = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.1)
            workers = children_of(proc.pid)
        assert len(workers) >= 2, "the pool did not start"
        time.sleep(0.5)
        os.kill(proc.pid, sig)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 15
        alive = workers
        while time.monotonic() < deadline and alive:
            time.sleep(0.1)
            alive = [w for w in workers if os.path.exists(f"/proc/{w}") and _state(w) != "Z"]
        assert not alive, f"workers {alive} outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in workers:
            if _state(w) != "Z":
                os.kill(w, signal.SIGKILL)


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_file_this_user_cannot_give_its_owner_to_is_rewritten_in_place(tmp_path, monkeypatch):
    """What happens to a non-root user fixing a group-writable file owned by someone else (simulated: the
    tests run as root): chown of the new file fails, so the file is rewritten through its own inode."""
    from newslint.files import atomic

    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    _, snap = atomic.read_snapshot(path)
    monkeypatch.setattr(atomic.os, "stat", _stat_with_owner(os.stat, str(path), 4321))

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "chown", refuse)
    inode = os.stat(path).st_ino
    assert atomic.replace_checked(path, FIXED.encode(), snap) == "in place"
    assert path.read_text(encoding="utf-8") == FIXED and os.stat(path).st_ino == inode
    assert os.listdir(tmp_path) == ["a.md"]


def _stat_with_owner(real_stat, name: str, uid: int):  # type: ignore[no-untyped-def]
    def fake(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        st = real_stat(path, *args, **kwargs)
        if str(path) != name:
            return st
        values = list(st)
        values[stat.ST_UID] = uid
        return os.stat_result(values)

    return fake
