"""Names and excerpts are escaped for every format (issue 21): a file name that is not UTF-8, a newline in a
file name, terminal escape sequences in an article. Through the CLI, reading the raw bytes of the report."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import RULES_YAML, run_cli

# Reports written through links, devices and FIFOs by the CLI as a process: run by .ci/run with the slow tests.
pytestmark = pytest.mark.slow

FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
ARTICLE = b"# Markets\n\nWe offer \x1b[2J\x1b]0;pwned\x07guaranteed returns \xe2\x80\xae today.\n"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    (tmp_path / "t.yaml").write_text(RULES_YAML, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    os.makedirs(os.path.join(os.fsencode(news), b"dir\xfe"), exist_ok=True)
    for name in (b"bad\xff.md", b"new\nline.md", b"esc\x1b[31m.md"):
        with open(os.path.join(os.fsencode(news), name), "wb") as fh:
            fh.write(ARTICLE)
    with open(os.path.join(os.fsencode(news), b"dir\xfe", b"inner.md"), "wb") as fh:
        fh.write(ARTICLE)
    return tmp_path


def report(folder: Path, fmt: str, *extra: str) -> bytes:
    proc = run_cli(
        "check", "--isolated", "--no-builtin", "--rules", "t.yaml", "--no-cache", "-f", fmt, *extra, "news", cwd=folder
    )
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1, proc.stderr
    assert b"\x1b" not in proc.stderr
    return proc.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_valid_utf8_without_raw_control_characters(hostile, fmt):
    out = report(hostile, fmt)
    text = out.decode("utf-8")  # strict: no invalid UTF-8
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert any(name in text for name in ("bad\\xff.md", "bad\\\\xff.md", "bad%FF.md"))


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_output_file_is_valid_utf8_too(hostile, fmt):
    report(hostile, fmt, "-o", "report.out")
    (hostile / "report.out").read_bytes().decode("utf-8")


def test_text_report_keeps_one_line_per_finding_and_its_underline(hostile):
    lines = report(hostile, "text").decode("utf-8").splitlines()
    heads = [line for line in lines if ": error t-assured-returns" in line]
    assert sorted(h.split(":")[0] for h in heads) == [
        "news/bad\\xff.md",
        "news/dir\\xfe/inner.md",
        "news/esc\\x1b[31m.md",
        "news/new\\nline.md",
    ]
    i = lines.index(heads[0])
    excerpt, underline = lines[i + 1], lines[i + 2]
    assert "\u241b[2J\u241b]0;pwned\u2407guaranteed returns \ufffd today." in excerpt
    assert excerpt[underline.index("^") :].startswith("guaranteed returns")  # the columns still line up


def test_json_and_sarif_name_the_files_by_their_bytes(hostile):
    data = json.loads(report(hostile, "json"))
    assert {f["path"] for f in data["findings"]} == {
        "news/bad\\xff.md",
        "news/dir\\xfe/inner.md",
        "news/esc\x1b[31m.md",
        "news/new\nline.md",
    }
    sarif = json.loads(report(hostile, "sarif"))
    uris = {a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]}
    assert uris == {"news/bad%FF.md", "news/dir%FE/inner.md", "news/esc%1B%5B31m.md", "news/new%0Aline.md"}


def test_junit_is_well_formed_xml(hostile):
    root = ET.fromstring(report(hostile, "junit"))
    names = {suite.get("name") for suite in root.iter("testsuite")}
    assert "news/bad\\xff.md" in names and "news/new\nline.md" in names


def test_github_commands_stay_one_per_line(hostile):
    lines = report(hostile, "github").decode("utf-8").splitlines()
    assert len(lines) == 4 and all(line.startswith("::error file=news/") for line in lines)
    assert any("new%0Aline.md" in line for line in lines)


def test_a_baseline_records_and_matches_a_name_that_is_not_utf8(hostile):
    args = ("check", "--isolated", "--no-builtin", "--rules", "t.yaml", "--no-cache", "news")
    written = run_cli(*args, "--write-baseline", "base.json", cwd=hostile)
    assert b"Traceback" not in written.stderr and written.returncode == 0, written.stderr
    (hostile / "base.json").read_bytes().decode("utf-8")  # valid UTF-8
    again = run_cli(*args, "--baseline", "base.json", cwd=hostile)
    assert again.returncode == 0 and b"No findings" in again.stdout, again


def test_diff_headers_quote_names_as_git_does(tmp_path):
    (tmp_path / "t.yaml").write_text(RULES_YAML, encoding="utf-8")
    for name in (b"bad\xff.md", b"esc\x1b[2J.md"):
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as fh:
            fh.write(b"# T\n\nBrokers share stock tips daily.\n")
    proc = run_cli("check", "--isolated", "--no-builtin", "--rules", "t.yaml", "--diff", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "\x1b" not in out and b"\x1b" not in proc.stderr
    assert '--- "bad\\377.md"\n+++ "bad\\377.md"\n' in out
    assert '--- "esc\\033[2J.md"\n' in out
