"""Start-up guard: what a one-file run imports. Wall-clock limits are flaky in CI; imports are not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("bs4", "lxml", "charset_normalizer", "rich", "pydantic", "concurrent.futures.process")

PROBE = """
import json, sys
from newslint.cli.app import app
try:
    app(sys.argv[1:], prog_name="newslint")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported(*args: str, cwd: Path | None = None) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, cwd=cwd, timeout=60)
    return set(json.loads(proc.stderr.decode().strip().splitlines()[-1]))


def test_version_imports_almost_nothing():
    modules = imported("--version")
    for name in (*HEAVY, "yaml", "regex", "markdown_it", "newslint.running.linter", "newslint.parsing.html.parser"):
        assert name not in modules, name


def test_checking_one_markdown_file_stays_light(tmp_path):
    (tmp_path / "post.md").write_text("---\nauthor: Asha\n---\n\n# Title\n\nSome text.\n", encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(
        "pack: house\nrules:\n  - id: house-x\n    severity: error\n    message: m\n    description: d.\n"
        "    forbid: {words: [guaranteed returns]}\n",
        encoding="utf-8",
    )
    modules = imported("check", "--no-builtin", "-r", "rules.yaml", "post.md", cwd=tmp_path)
    assert "markdown_it" in modules  # the file needs it
    for name in (*HEAVY, "newslint.parsing.html.parser", "newslint.output.json_format"):
        assert name not in modules, name


def test_checking_an_html_page_without_configuration_never_imports_yaml(tmp_path):
    # The built-in packs load from rules/compiled.json; with no configuration file and no front matter,
    # nothing needs PyYAML (about 40 ms of start-up).
    (tmp_path / "page.html").write_text("<html><body><h1>Title</h1><p>Some text.</p></body></html>\n")
    modules = imported("check", "--now", "2026-11-29", "page.html", cwd=tmp_path)
    assert "newslint.parsing.html.parser" in modules  # the page was parsed
    assert "yaml" not in modules
