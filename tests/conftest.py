"""Shared helpers: parse from strings, locate text, run the real console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.document import Block, Document
from newslint.parse import parse_text

ROOT = Path(__file__).resolve().parent.parent


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
