"""The CLI end to end, through the installed console script."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

RULES = """\
pack: house
rules:
  - id: house-assured
    severity: error
    message: "Do not promise returns: {match}"
    description: Promises of returns are forbidden.
    references: [https://example.com/code]
    forbid: {words: [guaranteed returns]}
  - id: house-byline
    severity: warning
    message: "No byline"
    description: Every article needs an author.
    metadata: {field: authors, present: true}
"""

ARTICLE = """<!doctype html>
<html><head><title>Test</title></head>
<body><article>
<h1>Fund&nbsp;house promises</h1>
<p>The scheme offers <b>guaranteed</b>
returns, the flyer said.</p>
</article></body></html>
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "a.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.md").write_text(
        "---\nauthor: Asha Rao\n---\n\n# Fine\n\nNothing wrong here.\n", encoding="utf-8"
    )
    return tmp_path


def check(project: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return run_cli(
        "check",
        "--no-builtin",
        "--rules",
        str(project / "rules.yaml"),
        "--now",
        "2025-06-01",
        *args,
        cwd=project,
        **kw,
    )


def test_version_through_script_and_module():
    assert run_cli("--version").stdout.decode().startswith("newslint ")
    proc = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True)
    assert proc.returncode == 0 and proc.stdout.decode().startswith("newslint ")


def test_text_output_exit_code_and_underline(project):
    proc = check(project, "a.html")
    assert proc.returncode == 1
    out = proc.stdout.decode()
    lines = out.splitlines()
    assert lines[0] == "a.html:4:5: warning house-byline No byline"
    assert lines[3] == "a.html:5:25: error house-assured Do not promise returns: guaranteed returns"
    assert lines[4] == "  5 | <p>The scheme offers <b>guaranteed</b>"
    assert lines[5] == "    |                         " + "^" * 14  # to the end of the line: the match goes on
    assert lines[-1] == "Found 2 findings (1 error, 1 warning) in 1 file."
    assert "\x1b[" not in out


def test_json_output_contract(project):
    proc = check(project, "a.html", "clean.md", "--format", "json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["summary"] == {
        "files": 2,
        "findings": 2,
        "by_severity": {"error": 1, "warning": 1, "info": 0},
    }
    first = data["findings"][0]
    assert first == {
        "path": "a.html",
        "rule": "house-byline",
        "severity": "warning",
        "message": "No byline",
        "line": 4,
        "column": 5,
        "end_line": 4,
        "end_column": 29,
        "snippet": "Fund house promises",
        "fix": None,
    }
    assert data["findings"][1]["rule"] == "house-assured"
    assert (data["findings"][1]["end_line"], data["findings"][1]["end_column"]) == (6, 8)


def test_output_is_byte_identical_across_runs(project):
    a = check(project, ".", "--format", "json").stdout
    b = check(project, ".", "--format", "json").stdout
    assert a == b


def test_fail_on_and_exit_zero(project):
    assert check(project, "a.html", "--select", "house-byline").returncode == 0
    assert check(project, "a.html", "--select", "house-byline", "--fail-on", "warning").returncode == 1
    assert check(project, "a.html", "--exit-zero").returncode == 0
    assert check(project, "a.html", "--fail-on", "never").returncode == 0
    assert check(project, "clean.md").returncode == 0


def test_select_and_ignore(project):
    out = check(project, "a.html", "--ignore", "house-assured", "--format", "json").stdout
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["house-byline"]
    proc = check(project, "a.html", "--select", "sebi-*")
    assert proc.returncode == 2 and "matches no rule" in proc.stderr.decode()


def test_unreadable_file_is_reported_and_others_still_linted(project):
    (project / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    proc = check(project, "a.html", "missing.md", "logo.html", "--format", "json")
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert {e["path"]: e["message"] for e in data["errors"]} == {
        "missing.md": "no such file or folder",
        "logo.html": "not an article: a PNG image",
    }
    assert len(data["findings"]) == 2


def test_folder_is_walked_recursively_and_sorted(project):
    sub = project / "news" / "2025"
    sub.mkdir(parents=True)
    (sub / "b.md").write_text("# B\n\nguaranteed returns\n", encoding="utf-8")
    (sub / "notes.txt").write_text("guaranteed returns", encoding="utf-8")
    data = json.loads(check(project, ".", "--format", "json").stdout)
    paths = [f["path"] for f in data["findings"]]
    assert paths == sorted(paths)
    assert "news/2025/b.md" in paths
    assert data["summary"]["files"] == 3


def test_stdin_with_stdin_filename(project):
    proc = check(
        project,
        "-",
        "--stdin-filename",
        "draft.md",
        "--format",
        "json",
        input=b"# T\n\nWe give guaranteed returns.\n",
    )
    data = json.loads(proc.stdout)
    assert [(f["path"], f["line"], f["column"]) for f in data["findings"]] == [
        ("draft.md", 1, 3),
        ("draft.md", 3, 9),
    ]


def test_bad_now_is_a_usage_error(project):
    proc = check(project, "a.html", "--now", "tomorrow")
    assert proc.returncode == 2
    assert "--now must be a date" in proc.stderr.decode()


def test_empty_file_is_skipped_with_a_notice(project):
    (project / "empty.md").write_bytes(b"")
    proc = check(project, "empty.md", "clean.md")
    assert proc.returncode == 0
    assert "empty.md: empty file" in proc.stderr.decode()


def test_inspect_text_and_json(project):
    proc = run_cli("inspect", str(project / "a.html"))
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "title        'Fund house promises'  <- heading h1 at 4:5" in text
    assert "body heading1" in text
    data = json.loads(run_cli("inspect", str(project / "a.html"), "--format", "json").stdout)
    assert set(data) >= {"path", "format", "encoding", "metadata", "blocks"}
    assert data["format"] == "html" and data["encoding"] == "utf-8"
    assert data["metadata"]["title"]["value"] == "Fund house promises"
    assert data["metadata"]["title"]["source"] == "heading"
    assert data["metadata"]["authors"] == []
    para = next(b for b in data["blocks"] if b["text"].startswith("The scheme"))
    assert (para["kind"], para["region"], para["line"], para["column"]) == ("paragraph", "body", 5, 4)
    assert para["text"] == "The scheme offers guaranteed returns, the flyer said."


def test_inspect_markdown_dates_are_iso(project):
    data = json.loads(
        run_cli(
            "inspect",
            "-",
            "--stdin-filename",
            "x.md",
            "--format",
            "json",
            input=b"---\ndate: 2025-05-05\n---\n\n# T\n",
        ).stdout
    )
    assert data["metadata"]["published"]["iso"] == "2025-05-05T00:00:00"
    assert data["metadata"]["published"]["line"] == 2


def test_python_dash_m_runs_check(project):
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--no-builtin", "--rules", "rules.yaml", "a.html", "-q"],
        capture_output=True,
        cwd=project,
    )
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("a.html:")


def test_readme_starts_with_the_two_commands():
    """The first code block: a user's install that checks the examples, and a development install that runs the
    tests, in two virtual environments (an editable install would replace the first's compiled parser)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    use, develop = commands
    assert "pip install -q . " in use and "newslint check examples/" in use and " -e " not in use
    assert "-e '.[test]'" in develop and "-m pytest -q" in develop
    venvs = [re.match(r"python3 -m venv (\S+) &&", c) for c in commands]
    assert all(venvs) and venvs[0].group(1) != venvs[1].group(1)
    assert all(c.count(m.group(1) + "/bin/") == 2 for c, m in zip(commands, venvs, strict=True))
