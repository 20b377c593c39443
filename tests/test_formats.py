"""Output formats and exit behaviour through the command line."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, newslint, write

SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
BAD = "# T\n\nWe offer guaranteed returns and stock tips, a multibagger.\n"


@pytest.fixture
def bad(project: Path) -> Path:
    write(project / "news" / "a b.md", BAD)
    write(project / "news" / "clean.md", "# Clean\n\nNothing to see.\n")
    return project


def sarif_errors(document: object) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_concise_is_one_line_per_finding(bad: Path) -> None:
    run = newslint("check", "news", "--format", "concise", cwd=bad)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "news/a b.md:3:10: error t-assured-returns Do not promise returns: 'guaranteed returns'",
        "news/a b.md:3:33: warning t-stock-tips Use 'research recommendations' instead of 'stock tips'",
        "news/a b.md:3:47: info t-hype Hype: 'multibagger'",
        "Found 3 findings (1 error, 1 warning, 1 info) in 2 files.",
    ]
    quiet = newslint("check", "news", "--output-format", "concise", "-q", cwd=bad)
    assert len(quiet.stdout.splitlines()) == 3 and "Found" not in quiet.stdout


def test_json_contract_is_kept(bad: Path) -> None:
    run = newslint("check", "news", "-f", "json", cwd=bad)
    data = json.loads(run.stdout)
    assert list(data) == ["version", "findings", "errors", "summary"]
    assert list(data["findings"][0]) == [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "snippet",
        "fix",
    ]
    assert data["findings"][1]["fix"] == {
        "replacement": "research recommendations",
        "line": 3,
        "column": 33,
        "end_line": 3,
        "end_column": 43,
    }
    assert data["summary"] == {
        "files": 2,
        "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1},
    }


def test_sarif_validates_and_carries_rules_regions_and_fixes(bad: Path) -> None:
    write(bad / "news" / "broken.html", "")
    (bad / "news" / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run = newslint("check", "news", "-f", "sarif", cwd=bad)
    assert run.returncode == 2  # an unreadable file
    sarif = json.loads(run.stdout)
    assert sarif_errors(sarif) == []
    assert sarif["version"] == "2.1.0"
    (sarif_run,) = sarif["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["t-assured-returns"]["helpUri"] == "https://example.com/t-assured-returns"
    assert rules["t-assured-returns"]["fullDescription"]["text"] == "Promising returns misleads readers."
    assert rules["t-assured-returns"]["defaultConfiguration"]["level"] == "error"
    assert rules["t-hype"]["defaultConfiguration"]["level"] == "note"
    assert "newslint-unused-suppression" in rules
    results = sarif_run["results"]
    assert [r["ruleId"] for r in results] == ["t-assured-returns", "t-stock-tips", "t-hype"]
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/a%20b.md"
    assert location["region"] == {
        "startLine": 3,
        "startColumn": 10,
        "endLine": 3,
        "endColumn": 28,
        "snippet": {"text": "guaranteed returns"},
    }
    assert driver["rules"][first["ruleIndex"]]["id"] == "t-assured-returns"
    fix = results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "research recommendations"
    assert fix["deletedRegion"] == {"startLine": 3, "startColumn": 33, "endLine": 3, "endColumn": 43}
    (invocation,) = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "PNG" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_of_the_workflow_fixtures_validates() -> None:
    run = newslint("check", "tests/fixtures/workflow/articles", "-f", "sarif", cwd=ROOT)
    assert run.returncode == 1, run.stderr
    assert sarif_errors(json.loads(run.stdout)) == []


def test_github_workflow_commands_and_escaping(project: Path) -> None:
    rules = project / "rules" / "t.yaml"
    rules.write_text(
        rules.read_text() + "  - id: t-odd\n    severity: warning\n    message: \"100% odd: 'a,b'\\nnext\"\n"
        "    description: Odd.\n    forbid: {words: [oddity]}\n"
    )
    write(project / "x,y.md", "An oddity, a multibagger, guaranteed returns.\n")
    run = newslint("check", "x,y.md", "--format", "github", cwd=project)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "::warning file=x%2Cy.md,line=1,col=4,endLine=1,endColumn=10,title=t-odd::100%25 odd: 'a,b'%0Anext",
        "::notice file=x%2Cy.md,line=1,col=14,endLine=1,endColumn=25,title=t-hype::Hype: 'multibagger'",
        "::error file=x%2Cy.md,line=1,col=27,endLine=1,endColumn=45,title=t-assured-returns::"
        "Do not promise returns: 'guaranteed returns'",
    ]


def test_github_is_the_default_under_github_actions(bad: Path) -> None:
    run = newslint("check", "news", cwd=bad, env={"GITHUB_ACTIONS": "true"})
    assert run.stdout.startswith("::error file=news/a b.md,line=3,col=10,")
    explicit = newslint("check", "news", "-f", "text", cwd=bad, env={"GITHUB_ACTIONS": "true"})
    assert explicit.stdout.startswith("news/a b.md:3:10: error")


def test_junit_one_suite_per_file(bad: Path) -> None:
    run = newslint("check", "news", "-f", "junit", cwd=bad)
    root = ET.fromstring(run.stdout)
    # Only the error fails the run (fail-on: error): the warning and the info are skipped, not failures.
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "1"
    assert root.get("skipped") == "2" and run.returncode == 1
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/a b.md", "news/clean.md"]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "t-assured-returns at 3:10",
        "t-stock-tips at 3:33",
        "t-hype at 3:47",
    ]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.get("message") == "Do not promise returns: 'guaranteed returns'"
    assert [c.find("failure") is not None for c in cases] == [True, False, False]
    assert cases[1].find("skipped").get("message") == (
        "news/a b.md:3:33: warning t-stock-tips Use 'research recommendations' instead of 'stock tips'"
    )
    (clean,) = suites[1].findall("testcase")
    assert clean.get("name") == "newslint" and list(clean) == []


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_statistics_in_human_formats(bad: Path, fmt: str) -> None:
    write(bad / "news" / "c.md", "Guaranteed returns, assured returns.\n")
    run = newslint("check", "news", "-f", fmt, "--statistics", cwd=bad)
    lines = run.stdout.splitlines()
    at = lines.index("     3  t-assured-returns")
    assert lines[at : at + 3] == ["     3  t-assured-returns", "     1  t-hype", "     1  t-stock-tips"]


def test_statistics_in_machine_formats(bad: Path) -> None:
    data = json.loads(newslint("check", "news", "-f", "json", "--statistics", cwd=bad).stdout)
    assert data["statistics"] == [
        {"rule": "t-assured-returns", "count": 1},
        {"rule": "t-hype", "count": 1},
        {"rule": "t-stock-tips", "count": 1},
    ]
    for fmt in ("sarif", "github", "gitlab", "junit"):
        run = newslint("check", "news", "-f", fmt, "--statistics", cwd=bad)
        assert "t-stock-tips" in run.stderr, fmt  # the table goes to stderr...
        assert "     1  t-" not in run.stdout, fmt  # ...and the report stays a valid document
    assert sarif_errors(json.loads(newslint("check", "news", "-f", "sarif", "--statistics", cwd=bad).stdout)) == []


def test_quiet_prints_findings_and_nothing_else(bad: Path) -> None:
    run = newslint("check", "news", "-q", cwd=bad)
    assert run.stdout.splitlines() == [
        "news/a b.md:3:10: error t-assured-returns Do not promise returns: 'guaranteed returns'",
        "news/a b.md:3:33: warning t-stock-tips Use 'research recommendations' instead of 'stock tips'",
        "news/a b.md:3:47: info t-hype Hype: 'multibagger'",
    ]
    assert run.returncode == 1
    clean = newslint("check", "news/clean.md", "-q", cwd=bad)
    assert clean.returncode == 0 and clean.stdout == "" and clean.stderr == ""
    loud = newslint("check", "news/clean.md", cwd=bad)
    assert loud.stdout == "No findings in 1 file.\n"


def test_fail_on_and_exit_zero(bad: Path) -> None:
    write(bad / "w.md", "Stock tips.\n")
    write(bad / "i.md", "A multibagger.\n")
    assert newslint("check", "w.md", cwd=bad).returncode == 0
    assert newslint("check", "w.md", "--fail-on", "warning", cwd=bad).returncode == 1
    assert newslint("check", "i.md", "--fail-on", "warning", cwd=bad).returncode == 0
    assert newslint("check", "i.md", "--fail-on", "info", cwd=bad).returncode == 1
    assert newslint("check", "news", "--fail-on", "never", cwd=bad).returncode == 0
    assert newslint("check", "news", "--exit-zero", cwd=bad).returncode == 0
    # --exit-zero does not hide errors of use: an unreadable file is still 2.
    assert newslint("check", "news", "missing.md", "--exit-zero", cwd=bad).returncode == 2
    bogus = newslint("check", "news", "--fail-on", "sometimes", cwd=bad)
    assert bogus.returncode == 2 and "--fail-on must be" in bogus.stderr
    assert newslint("check", "news", "-f", "xml", cwd=bad).returncode == 2


def test_output_file_is_written_whole(bad: Path) -> None:
    out = bad / "reports" / "newslint.sarif"
    out.parent.mkdir()
    run = newslint("check", "news", "-f", "sarif", "-o", str(out), cwd=bad)
    assert run.returncode == 1 and run.stdout == ""
    assert sarif_errors(json.loads(out.read_text())) == []
    assert [p.name for p in out.parent.iterdir()] == ["newslint.sarif"]  # no temporary file left


def test_output_is_byte_identical_across_runs(bad: Path) -> None:
    for fmt in ("text", "concise", "json", "sarif", "github", "gitlab", "junit"):
        first = newslint("check", "news", "-f", fmt, cwd=bad).stdout
        assert first == newslint("check", "news", "-f", fmt, cwd=bad).stdout, fmt
