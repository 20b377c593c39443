"""What only a terminal sees: the progress line on long runs, and shell completion."""

from __future__ import annotations

import io
import os
import pty
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import newslint, write
from newslint.running.progress import progress_wanted, render_line


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_decision() -> None:
    tty, pipe = FakeStream(True), FakeStream(False)
    assert progress_wanted(tty, {}, "text", quiet=False, total=10)
    assert progress_wanted(tty, {}, "concise", quiet=False, total=2)
    assert not progress_wanted(pipe, {}, "text", quiet=False, total=10)  # a pipe
    assert not progress_wanted(tty, {"CI": "true"}, "text", quiet=False, total=10)  # a CI log
    assert not progress_wanted(tty, {"GITHUB_ACTIONS": "true"}, "text", quiet=False, total=10)
    assert not progress_wanted(tty, {"TERM": "dumb"}, "text", quiet=False, total=10)
    for fmt in ("json", "sarif", "github", "gitlab", "junit"):  # machine formats
        assert not progress_wanted(tty, {}, fmt, quiet=False, total=10)
    assert not progress_wanted(tty, {}, "text", quiet=True, total=10)
    assert not progress_wanted(tty, {}, "text", quiet=False, total=1)  # one file: nothing to show


def test_progress_line() -> None:
    assert render_line(5, 20, 3, 80) == "[#######-----------------------] 5/20 files, 3 findings"
    assert render_line(20, 20, 1, 80) == "[##############################] 20/20 files, 1 finding"
    assert render_line(1, 20, 0, 20) == "1/20 files, 0 findi"  # a narrow terminal: no bar


def run_with_tty_stderr(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    """Run newslint with stderr on a pseudo-terminal and stdout on a pipe; return (code, stdout, terminal)."""
    master, slave = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    full_env.update(env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", *args], cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=slave
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    out = proc.stdout.read().decode() if proc.stdout else ""
    return proc.wait(timeout=120), out, b"".join(chunks).decode(errors="replace")


@pytest.fixture
def many(project: Path) -> Path:
    for i in range(30):
        write(project / "site" / f"p{i:02d}.md", f"# Post {i}\n\nA multibagger, number {i}.\n")
    return project


def test_progress_on_a_terminal(many: Path) -> None:
    code, out, terminal = run_with_tty_stderr(["check", "site"], many, {"TERM": "xterm"})
    assert code == 0
    assert "30/30 files, 30 findings" in terminal
    assert terminal.endswith("\r\x1b[2K")  # erased before the report
    assert "files," not in out  # never in the report itself
    assert out.endswith("Found 30 findings (30 info) in 30 files.\n")


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["check", "site", "-f", "json"], {}),
        (["check", "site"], {"CI": "true"}),
        (["check", "site", "-q"], {}),
    ],
)
def test_no_progress_for_machines_ci_or_quiet(many: Path, args: list[str], env: dict[str, str]) -> None:
    code, _out, terminal = run_with_tty_stderr(args, many, {"TERM": "xterm", **env})
    assert code == 0
    assert "files," not in terminal


def test_no_progress_in_pipes(many: Path) -> None:
    run = newslint("check", "site", cwd=many)
    assert run.stderr == ""
    assert "\r" not in run.stdout


def console_script() -> str:
    script = Path(sys.executable).with_name("newslint")
    return str(script) if script.exists() else (shutil.which("newslint") or "newslint")


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_show_completion_and_complete(tmp_path: Path) -> None:
    script = console_script()
    # The shell is detected from the parent processes (typer with shellingham), not taken from an argument:
    # run under bash, or the answer depends on what started the tests. (The ': ' keeps bash from exec-ing.)
    shown = subprocess.run(
        ["bash", "-c", f"{shlex.quote(script)} --show-completion; :"], capture_output=True, text=True, timeout=60
    )
    assert shown.returncode == 0
    assert "_NEWSLINT_COMPLETE=complete_bash" in shown.stdout and "complete -o default" in shown.stdout

    def complete(words: str, cword: int) -> list[str]:
        env = dict(os.environ, _NEWSLINT_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
        run = subprocess.run([script], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60)
        return run.stdout.split()

    assert complete("newslint ch", 1) == ["check"]
    assert complete("newslint check --format s", 3) == ["sarif"]
    assert complete("newslint check --fail-on w", 3) == ["warning"]
    assert "newslint-unused-suppression" in complete("newslint explain newslint-u", 2)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_install_completion_works_in_bash(tmp_path: Path) -> None:
    script = console_script()
    env = dict(os.environ, HOME=str(tmp_path), SHELL="/bin/bash")
    run = subprocess.run(  # under bash: the shell is detected from the parent processes (see above)
        ["bash", "--norc", "-c", f"{shlex.quote(script)} --install-completion; :"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    installed = tmp_path / ".bash_completions" / "newslint.sh"
    assert installed.is_file() and str(installed) in (tmp_path / ".bashrc").read_text()
    # Load the installed script in a real bash and ask it to complete "newslint ch".
    bash = (
        f"source {installed}; COMP_WORDS=(newslint ch); COMP_CWORD=1; "
        '_newslint_completion newslint; echo "${COMPREPLY[@]}"'
    )
    path = f"{Path(script).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "--norc", "-c", bash], env=dict(env, PATH=path), capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == ["check"], done.stderr
