"""Helpers shared by the tests: run the real command line, make small projects in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "workflow"

# A small pack for tests that build their own project: stable, independent of the built-in packs.
RULES_YAML = """\
pack: t
description: Test rules.
rules:
  - id: t-assured-returns
    severity: error
    message: "Do not promise returns: '{match}'"
    description: Promising returns misleads readers.
    references: [https://example.com/t-assured-returns]
    scope: document
    forbid: {words: [guaranteed returns, assured returns]}
    examples:
      fail: ["We offer guaranteed returns."]
      pass: ["Returns are never certain."]
  - id: t-stock-tips
    severity: warning
    message: "Use '{replacement}' instead of '{match}'"
    description: Say research recommendations, not stock tips.
    substitution:
      swap: {stock tips: research recommendations}
  - id: t-hype
    severity: info
    message: "Hype: '{match}'"
    description: Hype words read like a promotion.
    forbid: {words: [multibagger]}
"""


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def newslint(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None
) -> Run:
    """Run the installed package's command line (``python -m newslint``), as a user would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR")}
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository root (``.git``) with the test pack in ``rules/t.yaml`` and a config that uses only it."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / "rules" / "t.yaml", RULES_YAML)
    write(tmp_path / ".newslint.yaml", "packs: []\nrules: [rules/]\n")
    return tmp_path
