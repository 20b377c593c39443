"""Fixes are applied only where safe, atomically, keeping the file's encoding."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from newslint.rules.loader import Loader
from newslint.running.fixes import apply_fixes
from newslint.running.linter import Linter, lint_file

RULES = """
pack: t
rules:
  - id: t-sub
    severity: warning
    message: "use {replacement}"
    description: d.
    substitution: {swap: {sure-shot: well-researched}}
"""


def linter() -> Linter:
    loader = Loader()
    loader.load_text(textwrap.dedent(RULES), "r.yaml")
    return Linter(loader.finish(), date(2025, 1, 1))


def run(path: Path, write: bool = True):
    result = lint_file(linter(), path, path.name, None, 10_000_000)
    return apply_fixes(path, path.name, "html" if path.suffix == ".html" else "markdown", result.findings, write)


def test_safe_fix_is_applied_and_unsafe_one_is_skipped(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<p>A sure-shot tip.</p>\r\n<p>Another <b>sure</b>-shot one.</p>\r\n", encoding="utf-8", newline="")
    outcome = run(page)
    assert outcome.applied == 1
    assert page.read_bytes() == b"<p>A well-researched tip.</p>\r\n<p>Another <b>sure</b>-shot one.</p>\r\n"
    assert len(outcome.skipped) == 1 and "spans markup" in outcome.skipped[0]


def test_encoding_and_bom_are_kept(tmp_path):
    page = tmp_path / "b.md"
    page.write_bytes(b"\xff\xfe" + "# T\n\nCaf\u00e9 sure shot\n".encode("utf-16-le"))
    assert run(page).applied == 1
    assert page.read_bytes() == b"\xff\xfe" + "# T\n\nCaf\u00e9 well-researched\n".encode("utf-16-le")


def test_changed_file_is_not_touched(tmp_path):
    page = tmp_path / "c.md"
    page.write_text("sure-shot\n", encoding="utf-8")
    result = lint_file(linter(), page, page.name, None, 10_000_000)
    page.write_text("xxxx-shot\n", encoding="utf-8")
    outcome = apply_fixes(page, page.name, "markdown", result.findings)
    assert outcome.applied == 0
    assert "changed since" in outcome.skipped[0]
    assert page.read_text() == "xxxx-shot\n"


def test_dry_run_writes_nothing(tmp_path):
    page = tmp_path / "d.md"
    page.write_text("sure-shot\n", encoding="utf-8")
    outcome = run(page, write=False)
    assert outcome.applied == 1 and outcome.text == "well-researched\n"
    assert page.read_text() == "sure-shot\n"


def test_cli_fix_applies_safe_fixes_and_reports_what_is_left(tmp_path):
    from conftest import run_cli

    (tmp_path / "rules.yaml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    page = tmp_path / "a.md"
    page.write_text("# T\n\nA sure-shot tip and a **sure**-shot one.\n", encoding="utf-8")
    args = ["check", "a.md", "--isolated", "--no-builtin", "--rules", "rules.yaml", "--no-cache", "-f", "concise"]
    before = run_cli(*args, cwd=tmp_path)
    assert before.stdout.decode().count("t-sub") == 2
    proc = run_cli(*args, "--fix", cwd=tmp_path)
    assert page.read_text() == "# T\n\nA well-researched tip and a **sure**-shot one.\n"
    out = proc.stdout.decode()
    assert out.count("t-sub") == 1 and "a.md:3:" in out
    assert "fixed 1 finding in 1 file" in proc.stderr.decode()
