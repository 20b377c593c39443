"""Rule and configuration files are regular files of bounded size, a deep ``pyproject.toml`` is a message, and
the ``newslint-`` rule ids are reserved (issue 21). Through the CLI; every run has a timeout (a FIFO used to
block forever, ``/dev/zero`` to fill the memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RULES_YAML

# Huge and hostile inputs (seconds): run by .ci/run's slow stage with the other limits.
pytestmark = pytest.mark.slow

ARTICLE = "# Markets\n\nWe offer guaranteed returns.\n"


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "t.yaml").write_text(RULES_YAML, encoding="utf-8")
    return tmp_path


def test_pyproject_nested_2000_deep_is_one_line(folder):
    (folder / "pyproject.toml").write_text("[tool.newslint]\nx = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    proc = run(folder, "check", "a.md")
    assert proc.returncode == 2
    assert proc.stderr == "pyproject.toml:1: invalid TOML: nested too deeply\n"


def test_a_configuration_nested_deep_but_parseable_is_one_line(folder):
    (folder / ".newslint.yaml").write_text("packs: []\nx: " + "[" * 60 + "]" * 60 + "\n", encoding="utf-8")
    proc = run(folder, "check", "a.md")
    assert proc.returncode == 2 and proc.stderr.startswith(".newslint.yaml:2: nested more than")


@pytest.mark.parametrize("option", ["--rules", "--config"])
def test_dev_zero_as_rules_or_config_is_refused(folder, option):
    proc = run(folder, "check", option, "/dev/zero", "a.md")
    assert proc.returncode == 2
    kind = "rule" if option == "--rules" else "configuration"
    assert proc.stderr == f"/dev/zero:1: cannot read {kind} file: not a regular file\n"


@pytest.mark.parametrize("option", ["--rules", "--config"])
def test_a_fifo_as_rules_or_config_is_refused_without_waiting(folder, option):
    os.mkfifo(folder / "pipe.yaml")
    proc = run(folder, "check", option, "pipe.yaml", "a.md")
    assert proc.returncode == 2 and "pipe.yaml:1: cannot read" in proc.stderr and "not a regular file" in proc.stderr


@pytest.mark.parametrize("name", [".newslint.yaml", "pyproject.toml"])
def test_a_fifo_where_a_configuration_would_be_found_is_passed_over_without_waiting(folder, name):
    os.mkfifo(folder / name)
    proc = run(folder, "check", "--no-builtin", "--rules", "t.yaml", "a.md")
    assert proc.returncode == 1 and "t-assured-returns" in proc.stdout


def test_a_large_rule_file_is_refused_by_what_is_read_not_by_its_stat(folder):
    big = folder / "big.yaml"
    big.write_text("# " + "x" * (6 * 1024 * 1024) + "\n", encoding="utf-8")
    proc = run(folder, "check", "--rules", "big.yaml", "a.md")
    assert proc.returncode == 2 and "big.yaml:1: rule file is larger than 5 MB" in proc.stderr


@pytest.mark.parametrize("rule_id", ["newslint-rule-timeout", "newslint-pattern-error", "newslint-anything"])
def test_the_newslint_prefix_is_reserved(folder, rule_id):
    (folder / "mine.yaml").write_text(
        f"pack: mine\nrules:\n  - id: {rule_id}\n    severity: info\n    message: m\n    description: d.\n"
        "    forbid: {words: [returns]}\n",
        encoding="utf-8",
    )
    proc = run(folder, "check", "--isolated", "--rules", "mine.yaml", "a.md")
    assert proc.returncode == 2
    assert f"mine.yaml:3: rule id {rule_id!r} is reserved" in proc.stderr
