"""Where the command line got in the way of adopting newslint: errors on stdout, misspelled rule ids, shell
completion, a CI's report formats (GitLab Code Quality, JUnit)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import newslint, newslint_exe, write

# Archive adoption through the CLI (seconds): run by .ci/run's slow stage, so the default run stays under 90 s.
pytestmark = pytest.mark.slow

CODE_QUALITY_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


@pytest.fixture
def news(project: Path) -> Path:
    write(project / "news" / "a.md", "# A\n\nGuaranteed returns and stock tips, a multibagger.\n")
    write(project / "news" / "b.md", "# B\n\nAll fine here.\n")
    return project


# -- errors go to stderr --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github", "gitlab", "junit", "sarif"])
def test_no_such_file_goes_to_stderr(news: Path, fmt: str) -> None:
    run = newslint("check", "news/b.md", "missing.md", "-f", fmt, cwd=news)
    assert run.returncode == 2
    assert "newslint: error: missing.md: no such file or folder" in run.stderr.splitlines()
    if fmt in ("text", "concise"):
        assert "no such file" not in run.stdout
        assert run.stdout.splitlines()[-1] == "No findings in 2 files. 1 file could not be checked."
    elif fmt == "gitlab":
        assert json.loads(run.stdout) == []  # the report stays a valid document of findings only


def test_usage_errors_leave_stdout_empty(news: Path) -> None:
    for args in (["--format", "yaml"], ["--select", "t-hpye"], ["--now", "tomorrow"], ["--baseline", "no.json"]):
        run = newslint("check", "news", *args, cwd=news)
        assert run.returncode == 2 and run.stdout == "", args
        assert run.stderr.startswith("newslint: error: "), args


# -- did you mean ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_a_misspelled_rule_id_gets_did_you_mean(news: Path, option: str) -> None:
    run = newslint("check", "news", option, "t-stock-tip", cwd=news)
    assert run.returncode == 2
    assert run.stderr == "newslint: error: selector 't-stock-tip' matches no rule (did you mean t-stock-tips?)\n"
    far = newslint("check", "news", option, "zzzzzz", cwd=news)
    assert far.stderr == "newslint: error: selector 'zzzzzz' matches no rule (see `newslint rules`)\n"


# -- shell completion -----------------------------------------------------------------------------------------


def complete(project: Path, words: str) -> list[str]:
    import subprocess

    # What bash hands the completion function: the words so far, and the index of the one being completed.
    env = dict(os.environ, _NEWSLINT_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1))
    proc = subprocess.run(newslint_exe(), cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_rule_ids_complete_for_select_and_ignore(news: Path, option: str) -> None:
    assert complete(news, f"newslint check {option} t-s") == ["t-stock-tips"]
    assert complete(news, f"newslint check {option} t") == ["t", "t-assured-returns", "t-hype", "t-stock-tips"]
    assert complete(news, f"newslint check {option} t-hype,t-a") == ["t-hype,t-assured-returns"]


def test_explain_completes_rule_ids_only(news: Path) -> None:
    assert complete(news, "newslint explain t") == ["t-assured-returns", "t-hype", "t-stock-tips"]


# -- GitLab Code Quality --------------------------------------------------------------------------------------


def gitlab(project: Path, *args: str) -> list[dict]:
    run = newslint("check", *args, "-f", "gitlab", cwd=project)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def test_gitlab_code_quality_report(news: Path) -> None:
    issues = gitlab(news, "news")
    assert [(i["check_name"], i["severity"], i["location"]["positions"]["begin"]) for i in issues] == [
        ("t-assured-returns", "major", {"line": 3, "column": 1}),
        ("t-stock-tips", "minor", {"line": 3, "column": 24}),
        ("t-hype", "info", {"line": 3, "column": 38}),
    ]
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in CODE_QUALITY_SEVERITIES
        assert issue["location"]["path"] == "news/a.md"
        assert issue["description"].startswith(issue["check_name"] + ": ")
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_edits_elsewhere_and_tell_twins_apart(news: Path) -> None:
    before = {i["check_name"]: i["fingerprint"] for i in gitlab(news, "news/a.md")}
    page = news / "news" / "a.md"
    page.write_text("# A\n\nA new first paragraph.\n\n" + page.read_text(encoding="utf-8")[5:], encoding="utf-8")
    moved = gitlab(news, "news/a.md")
    assert moved[0]["location"]["positions"]["begin"]["line"] == 5
    assert {i["check_name"]: i["fingerprint"] for i in moved} == before
    page.write_text(page.read_text(encoding="utf-8") + "\nA multibagger again.\n", encoding="utf-8")
    twins = [i["fingerprint"] for i in gitlab(news, "news/a.md") if i["check_name"] == "t-hype"]
    assert len(twins) == 2 and twins[0] == before["t-hype"] and twins[1] != twins[0]


# -- JUnit: failures are what fails the run -------------------------------------------------------------------


def junit(project: Path, *args: str) -> tuple[int, ET.Element]:
    run = newslint("check", *args, "-f", "junit", cwd=project)
    return run.returncode, ET.fromstring(run.stdout)


def test_junit_counts_as_failures_only_what_fails_the_run(news: Path) -> None:
    write(news / "news" / "a.md", "# A\n\nStock tips, a multibagger.\n")  # a warning and an info
    code, root = junit(news, "news")
    assert code == 0
    assert (root.get("failures"), root.get("skipped"), root.get("errors")) == ("0", "2", "0")
    code, root = junit(news, "news", "--fail-on", "warning")
    assert code == 1
    assert (root.get("failures"), root.get("skipped")) == ("1", "1")
    (suite,) = [s for s in root.findall("testsuite") if s.get("name") == "news/a.md"]
    assert [(c.get("name"), [e.tag for e in c]) for c in suite.findall("testcase")] == [
        ("t-stock-tips at 3:1", ["failure"]),
        ("t-hype at 3:15", ["skipped"]),
    ]


def test_junit_follows_each_file_s_configured_fail_on(news: Path) -> None:
    write(news / "news" / "a.md", "# A\n\nStock tips.\n")
    write(news / "blog" / "a.md", "# A\n\nStock tips.\n")
    write(news / "blog" / ".newslint.yaml", "extend: ../.newslint.yaml\nfail-on: warning\n")
    code, root = junit(news, "news", "blog")
    assert code == 1
    failing = {s.get("name"): s.get("failures") for s in root.findall("testsuite")}
    assert failing == {"blog/a.md": "1", "news/a.md": "0", "news/b.md": "0"}
