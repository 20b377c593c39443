"""Shared test helpers: parse from strings, locate text, run the real command line, make small projects."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint.document.model import Block, Document
from newslint.parsing.parse import parse_text

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


def pytest_configure(config: pytest.Config) -> None:
    """Under ``PYTHONDONTWRITEBYTECODE`` every ``newslint`` process the tests start (some 400 of them) compiles
    newslint's modules from source again, about a quarter of a short run's time. The processes a test process
    starts keep their bytecode in a temporary folder instead (``PYTHONPYCACHEPREFIX``, removed at the end), so
    the source tree still gets no ``__pycache__``. Not in xdist's controller: its workers start as they always
    did (with a prefix, Python would compile all their imports again) and each sets its own. Without the
    variable nothing changes."""
    controller = getattr(config.option, "dist", "no") != "no" and not hasattr(config, "workerinput")
    if controller or not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
        return
    prefix = tempfile.mkdtemp(prefix="newslint-tests-pyc-")
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    config.add_cleanup(lambda: shutil.rmtree(prefix, ignore_errors=True))


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def newslint(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None) -> Run:
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


def newslint_exe() -> list[str]:
    """The installed console script (the real entry point), next to this interpreter."""
    script = Path(sys.executable).parent / "newslint"
    if script.exists():
        return [str(script)]
    found = shutil.which("newslint")
    if found:
        return [found]
    return [sys.executable, "-m", "newslint"]


def run_cli(
    *args: str, input: bytes | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.pop("GITHUB_ACTIONS", None)
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    return subprocess.run(
        [*newslint_exe(), *args],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=300,
    )


def html(text: str) -> Document:
    return parse_text(text, "html", "t.html")


def md(text: str) -> Document:
    return parse_text(text, "markdown", "t.md")


def find_block(doc: Document, needle: str) -> Block:
    for block in doc.blocks:
        if needle in block.text:
            return block
    raise AssertionError(f"no block contains {needle!r}: {[b.text for b in doc.blocks]}")


def position_of(doc: Document, needle: str) -> tuple[int, int, int, int, str]:
    """(line, col, end_line, end_col, source slice) of ``needle`` in the document's block text."""
    block = find_block(doc, needle)
    i = block.text.index(needle)
    s, e = block.source_span(i, i + len(needle))
    line, col = doc.line_col(s)
    end_line, end_col = doc.line_col(e)
    return line, col, end_line, end_col, doc.source[s:e]


@pytest.fixture
def tmp_rules(tmp_path: Path):
    def write(text: str, name: str = "rules.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
