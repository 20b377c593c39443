"""``newslint test``: rule examples, annotated fixtures, the per-rule table and the exit codes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from newslint.running.rule_tests import parse_annotations
from test_packs import newslint

RULE = """\
pack: house
rules:
  - id: house-assured-returns
    severity: error
    message: "Do not promise returns: '{match}'"
    description: Promising returns is forbidden.
    references: [SEBI/HO/MIRSD/MIRSD-PoD-2/P/CIR/2023/51]
    forbid:
      words: [guaranteed returns, assured returns]
      unless: {patterns: ['\\bno\\b']}
    examples:
      fail: ["We offer guaranteed returns."%(extra_fail)s]
      pass: ["There are no guaranteed returns."%(extra_pass)s]
"""


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [newslint(), "test", *args, "--now", "2026-11-29"], cwd=tmp_path, capture_output=True, text=True
    )


def write_rule(tmp_path: Path, extra_fail: str = "", extra_pass: str = "") -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(RULE % {"extra_fail": extra_fail, "extra_pass": extra_pass}, "utf-8")
    return path


def row(stdout: str, rule: str) -> list[str]:
    for line in stdout.splitlines():
        if line.startswith(rule + " "):
            return line.split()[1:]
    raise AssertionError(f"no row for {rule} in:\n{stdout}")


def test_correct_examples_pass(tmp_path):
    write_rule(tmp_path)
    proc = run(tmp_path, "house.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert row(proc.stdout, "house-assured-returns") == ["1", "0", "0", "1", "0", "ok"]


def test_a_wrong_fail_example_is_a_false_negative(tmp_path):
    write_rule(tmp_path, extra_fail=', "Returns may vary."')
    proc = run(tmp_path, "house.yaml")
    assert proc.returncode == 1
    assert row(proc.stdout, "house-assured-returns") == ["1", "0", "1", "1", "0", "FAIL"]
    assert "house.yaml:12: house-assured-returns: fail example 2 produced no finding (FN)" in proc.stdout


def test_a_wrong_pass_example_is_a_false_positive(tmp_path):
    write_rule(tmp_path, extra_pass=', "Enjoy assured returns."')
    proc = run(tmp_path, "house.yaml")
    assert proc.returncode == 1
    assert row(proc.stdout, "house-assured-returns") == ["1", "1", "0", "1", "0", "FAIL"]
    assert "pass example 2 produced a finding (FP)" in proc.stdout


def test_fixture_annotations_html_and_markdown(tmp_path):
    write_rule(tmp_path)
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    (fixtures / "a.md").write_text(
        "# Title\n\n<!-- ruleid: house-assured-returns -->\nWe promise guaranteed returns.\n\n"
        "<!-- ok: house-assured-returns -->\nThere are no assured returns.\n",
        "utf-8",
    )
    (fixtures / "b.html").write_text(
        "<html><body>\n<!-- ruleid: house-assured-returns -->\n<p>Assured returns for all.</p>\n"
        "<p>Guaranteed returns again.</p> <!-- ruleid: house-assured-returns -->\n</body></html>\n",
        "utf-8",
    )
    proc = run(tmp_path, "house.yaml", "fixtures")
    assert proc.returncode == 0, proc.stdout
    assert row(proc.stdout, "house-assured-returns") == ["4", "0", "0", "2", "0", "ok"]


def test_fixture_mismatches_are_reported_with_their_lines(tmp_path):
    write_rule(tmp_path)
    (tmp_path / "a.md").write_text(
        "# Title\n\n<!-- ruleid: house-assured-returns -->\nReturns may vary.\n\n"
        "<!-- ok: house-assured-returns -->\nWe promise guaranteed returns.\n\nAssured returns, too.\n",
        "utf-8",
    )
    proc = run(tmp_path, "house.yaml", "a.md")
    assert proc.returncode == 1
    assert row(proc.stdout, "house-assured-returns") == ["1", "2", "1", "1", "0", "FAIL"]
    assert "a.md:4: house-assured-returns: expected a finding on this line, got none (FN)" in proc.stdout
    assert "a.md:7: house-assured-returns: marked ok but reported" in proc.stdout
    assert "a.md:9: house-assured-returns: unexpected finding" in proc.stdout


def test_todo_annotations_are_counted_not_failed(tmp_path):
    write_rule(tmp_path)
    (tmp_path / "a.md").write_text(
        "# Title\n\n<!-- todoruleid: house-assured-returns -->\nReturns are certain to double.\n\n"
        "<!-- todook: house-assured-returns -->\nWe promise guaranteed returns.\n",
        "utf-8",
    )
    proc = run(tmp_path, "house.yaml", "a.md")
    assert proc.returncode == 0, proc.stdout
    assert row(proc.stdout, "house-assured-returns") == ["1", "0", "0", "1", "2", "ok"]
    assert "2 todo" in proc.stdout


def test_a_resolved_todo_is_noted_but_does_not_fail(tmp_path):
    write_rule(tmp_path)
    (tmp_path / "a.md").write_text(
        "# Title\n\n<!-- todoruleid: house-assured-returns -->\nWe promise guaranteed returns.\n", "utf-8"
    )
    proc = run(tmp_path, "house.yaml", "a.md")
    assert proc.returncode == 0
    assert "todoruleid now reports; make it 'ruleid'" in proc.stdout


def test_annotation_naming_an_unknown_rule_is_a_mismatch(tmp_path):
    write_rule(tmp_path)
    (tmp_path / "a.md").write_text("# Title\n\n<!-- ok: house-asured-returns -->\nText.\n", "utf-8")
    proc = run(tmp_path, "house.yaml", "a.md")
    assert proc.returncode == 1
    assert "names 'house-asured-returns', which is not a loaded rule" in proc.stdout


def test_rule_load_error_exits_2(tmp_path):
    (tmp_path / "bad.yaml").write_text("pack: bad\nrules:\n  - id: Bad_Id\n    severity: fatal\n", "utf-8")
    proc = run(tmp_path, "bad.yaml")
    assert proc.returncode == 2
    assert "bad.yaml:" in proc.stderr
    assert proc.stdout == ""


def test_missing_path_exits_2(tmp_path):
    proc = run(tmp_path, "nowhere/")
    assert proc.returncode == 2
    assert "nowhere/: no such file or folder" in proc.stderr


@pytest.mark.slow  # checks all 925 examples of the built-in packs again (5 s): test_packs does so by default
def test_no_paths_tests_the_builtin_packs(tmp_path):
    proc = run(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "sebi-assured-returns" in proc.stdout
    from newslint.rules.loader import load_rules

    assert f"{len(load_rules([]).rules)} rules" in proc.stdout  # the default packs, not the opt-in ones


@pytest.mark.slow  # checks all 925 examples of the built-in packs again (5 s): test_packs does so by default
def test_fixtures_alone_are_checked_against_the_builtin_packs(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Nifty tips\n\n<!-- ruleid: sebi-assured-returns -->\nSure-shot Nifty calls every day.\n", "utf-8"
    )
    proc = run(tmp_path, "a.md")
    assert "a.md:4: sebi-assured-returns" not in proc.stdout
    assert row(proc.stdout, "sebi-assured-returns")[0] != "0"


def test_a_folder_may_hold_rules_and_fixtures(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    write_rule(folder)
    (folder / "a.md").write_text("# T\n\n<!-- ruleid: house-assured-returns -->\nAssured returns!\n", "utf-8")
    proc = run(tmp_path, "house")
    assert proc.returncode == 0, proc.stdout
    assert "1 fixtures" in proc.stdout
    assert "sebi-assured-returns" not in proc.stdout  # rule files given: the built-in packs stay out


def test_annotation_positions():
    text = (
        "---\ntitle: T\n# ruleid: a\nauthor: X\n---\n"  # a YAML comment in front matter: line 4
        "<!-- ok: b, c -->\n<!-- ruleid: d -->\nline 8\n"  # stacked comments: the next other line
        "x <!-- ok: e -->\n"  # a comment after text: its own line
    )
    got = {(a.kind, a.rule, a.line) for a in parse_annotations(text)}
    assert got == {("ruleid", "a", 4), ("ok", "b", 8), ("ok", "c", 8), ("ruleid", "d", 8), ("ok", "e", 9)}


def test_annotation_may_carry_a_reason():
    text = "<!-- todook: a-rule -- the next line is a disclosure, not editorial text -->\n<!-- ruleid: b -->\nline 3\n"
    got = {(a.kind, a.rule, a.line) for a in parse_annotations(text)}
    assert got == {("todook", "a-rule", 3), ("ruleid", "b", 3)}
