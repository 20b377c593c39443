"""Start-up guard: what a one-file run imports. Wall-clock limits are flaky in CI; imports are not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("bs4", "lxml", "charset_normalizer", "rich", "pydantic", "concurrent.futures.process")

PROBE = """
import json, sys
from newslint.cli import app
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
    for name in (*HEAVY, "yaml", "regex", "markdown_it", "newslint.engine", "newslint.html.parser"):
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
    for name in (*HEAVY, "newslint.html.parser", "newslint.output.json_format"):
        assert name not in modules, name


def test_checking_an_html_page_without_configuration_never_imports_yaml(tmp_path):
    # The built-in packs load from rules/compiled.json; with no configuration file and no front matter,
    # nothing needs PyYAML (about 40 ms of start-up).
    (tmp_path / "page.html").write_text("<html><body><h1>Title</h1><p>Some text.</p></body></html>\n")
    modules = imported("check", "--now", "2026-11-29", "page.html", cwd=tmp_path)
    assert "newslint.html.parser" in modules  # the page was parsed
    assert "yaml" not in modules
    # newslint's records (newslint.records) write their methods out: @dataclass would compile them at import.
    assert "dataclasses" not in modules


def test_checking_a_markdown_post_with_plain_front_matter_never_imports_yaml(tmp_path):
    # Front matter of key: value lines and lists is read by newslint.markdown.plainyaml, not PyYAML.
    (tmp_path / "post.md").write_text(
        "---\ntitle: Nifty ends flat\ndate: 2026-11-20T16:05:00+05:30\ndraft: false\ntags:\n  - markets\n---\n\n"
        "# Nifty ends flat\n\nMarkets closed flat, traders said.\n",
        encoding="utf-8",
    )
    modules = imported("check", "--now", "2026-11-29", "post.md", cwd=tmp_path)
    assert "newslint.markdown.plainyaml" in modules  # the front matter was read
    assert "yaml" not in modules


ENTRY_PROBE = """
import json, sys
from newslint.entry import main
sys.argv = ["newslint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("options", [[], ["--now", "2026-11-29", "--no-cache", "-q", "--format=concise"]])
def test_a_check_line_typer_is_not_needed_for_never_imports_it(tmp_path, options):
    # ``newslint check FILE...`` (what pre-commit runs) is read by newslint.checkcmd, not typer.
    (tmp_path / "post.md").write_text("# Title\n\nSome text.\n", encoding="utf-8")
    args = [sys.executable, "-c", ENTRY_PROBE, "check", *options, "post.md"]
    proc = subprocess.run(args, capture_output=True, cwd=tmp_path)
    modules = set(json.loads(proc.stderr.decode().strip().splitlines()[-1]))
    assert "newslint.checkcmd" in modules and "markdown_it" in modules  # the file was checked
    assert "typer" not in modules and "click" not in modules
