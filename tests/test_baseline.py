"""``--write-baseline FILE`` records today's findings; ``--baseline FILE`` then reports only new ones, matched by
rule, file and matched text (not line), identical findings counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import newslint, write

# Baselines through the CLI (seconds): run by .ci/run's slow stage, so the default run stays under 90 s.
pytestmark = pytest.mark.slow


def findings(project: Path, *args: str) -> tuple[int, list[tuple[str, int, str]], str]:
    run = newslint("check", *args, "-f", "json", cwd=project)
    data = json.loads(run.stdout) if run.stdout else {"findings": []}
    return run.returncode, [(f["path"], f["line"], f["rule"]) for f in data["findings"]], run.stderr


@pytest.fixture
def archive(project: Path) -> Path:
    write(project / "news" / "a.md", "# A\n\nWe offer guaranteed returns.\n\nAnd stock tips.\n")
    write(project / "news" / "b.md", "# B\n\nGuaranteed returns here, guaranteed returns there.\n")
    return project


def test_write_then_check_reports_nothing(archive: Path) -> None:
    run = newslint("check", "--write-baseline", "newslint-baseline.json", cwd=archive)
    assert run.returncode == 0
    assert "newslint: recorded 4 findings in newslint-baseline.json" in run.stderr
    assert run.stdout == "No findings in 2 files.\n"
    assert "not shown" not in run.stderr
    data = json.loads((archive / "newslint-baseline.json").read_text(encoding="utf-8"))
    assert data == {
        "newslint-baseline": 1,
        "findings": [
            {"path": "news/a.md", "rule": "t-assured-returns", "text": "guaranteed returns", "count": 1},
            {"path": "news/a.md", "rule": "t-stock-tips", "text": "stock tips", "count": 1},
            {"path": "news/b.md", "rule": "t-assured-returns", "text": "Guaranteed returns", "count": 1},
            {"path": "news/b.md", "rule": "t-assured-returns", "text": "guaranteed returns", "count": 1},
        ],
    }
    assert findings(archive, "--baseline", "newslint-baseline.json")[:2] == (0, [])


def test_edits_elsewhere_do_not_resurrect_old_findings_but_new_ones_are_reported(archive: Path) -> None:
    newslint("check", "--write-baseline", "base.json", cwd=archive)
    page = archive / "news" / "a.md"
    # Lines added above move every old finding down; a new finding is added below.
    page.write_text("# A\n\nA new intro.\n\nMore.\n\n" + page.read_text()[4:] + "\nAssured returns!\n")
    code, got, err = findings(archive, "--baseline", "base.json")
    assert (code, got) == (1, [("news/a.md", 12, "t-assured-returns")])
    assert "newslint: 4 findings of the baseline not shown" in err.splitlines()


def test_identical_findings_are_counted(archive: Path) -> None:
    newslint("check", "--write-baseline", "base.json", cwd=archive)
    page = archive / "news" / "a.md"
    page.write_text(page.read_text() + "\nStill guaranteed returns.\n\nStock tips again.\n")
    code, got, _ = findings(archive, "--baseline", "base.json")
    # One 'guaranteed returns' and one 'stock tips' were known: the second of each is new (the later one).
    assert (code, got) == (1, [("news/a.md", 7, "t-assured-returns"), ("news/a.md", 9, "t-stock-tips")])


def test_paths_are_relative_to_the_baseline_so_any_working_folder_works(archive: Path) -> None:
    newslint("check", "--write-baseline", "base.json", cwd=archive)
    code, got, _ = findings(archive / "news", ".", "--baseline", "../base.json")
    assert (code, got) == (0, [])
    code, got, _ = findings(archive, str(archive / "news" / "b.md"), "--baseline", str(archive / "base.json"))
    assert (code, got) == (0, [])


def test_a_fixed_finding_is_reported_as_stale(archive: Path) -> None:
    newslint("check", "--write-baseline", "base.json", cwd=archive)
    (archive / "news" / "a.md").write_text("# A\n\nNothing wrong.\n", encoding="utf-8")
    code, got, err = findings(archive, "--baseline", "base.json")
    assert (code, got) == (0, [])
    assert "newslint: 2 findings of the baseline no longer occur; --write-baseline base.json drops them" in err
    # Checking only b.md says nothing about a.md's entries.
    assert "no longer" not in findings(archive, "news/b.md", "--baseline", "base.json")[2]


def test_the_exit_code_follows_what_is_left(archive: Path) -> None:
    write(archive / "news" / "c.md", "# C\n\nStock tips only.\n")
    newslint("check", "news/a.md", "news/b.md", "--write-baseline", "base.json", cwd=archive)
    code, got, _ = findings(archive, "--baseline", "base.json")
    assert code == 0 and got == [("news/c.md", 3, "t-stock-tips")]  # a warning: fail-on is error
    assert findings(archive, "--baseline", "base.json", "--fail-on", "warning")[0] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no baseline file base.json (create it with --write-baseline base.json)"),
        ("{", "baseline base.json is not valid JSON"),
        ('{"findings": []}', "base.json is not a newslint baseline (version 1)"),
        ('{"newslint-baseline": 1, "findings": [{"path": "a.md"}]}', "entry 1 has no 'rule'"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(archive: Path, content: str | None, message: str) -> None:
    if content is not None:
        (archive / "base.json").write_text(content, encoding="utf-8")
    run = newslint("check", "--baseline", "base.json", cwd=archive)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith("newslint: error: ") and message in run.stderr


def test_baseline_and_fix_leave_baselined_findings_alone(archive: Path) -> None:
    newslint("check", "--write-baseline", "base.json", cwd=archive)
    write(archive / "news" / "d.md", "# D\n\nFree stock tips.\n")
    run = newslint("check", "--baseline", "base.json", "--fix", cwd=archive)
    assert run.returncode == 0, run.stderr
    assert (archive / "news" / "d.md").read_text() == "# D\n\nFree research recommendations.\n"
    assert "stock tips" in (archive / "news" / "a.md").read_text()  # baselined: not touched


def test_nothing_to_check_writes_no_baseline(archive: Path) -> None:
    (archive / "empty").mkdir()
    run = newslint("check", "empty", "--write-baseline", "base.json", cwd=archive)
    assert run.returncode == 2 and "no articles to check" in run.stderr
    assert not (archive / "base.json").exists()
