"""``newslint rules`` and ``newslint explain``."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import newslint, write


def test_rules_table(project: Path) -> None:
    run = newslint("rules", cwd=project)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["RULE", "PACK", "SEVERITY", "SUMMARY"]
    assert lines[-2:] == ["", "5 rules in 2 packs."]
    ids = [line.split()[0] for line in lines[1:-2]]
    # Sorted by pack, then id; newslint's own rules are listed too.
    assert ids == [
        "newslint-invalid-suppression",
        "newslint-unused-suppression",
        "t-assured-returns",
        "t-hype",
        "t-stock-tips",
    ]
    assert "t-assured-returns             t         error     Promising returns misleads readers." in lines


def test_rules_json_pack_filter_and_config(project: Path) -> None:
    write(
        project / ".newslint.yaml",
        "packs: []\nrules: [rules/]\nignore: [t-hype]\nseverity: {t-stock-tips: error}\n",
    )
    run = newslint("rules", "--pack", "t", "--format", "json", cwd=project)
    assert json.loads(run.stdout) == {
        "rules": [
            {
                "id": "t-assured-returns",
                "pack": "t",
                "severity": "error",
                "summary": "Promising returns misleads readers.",
                "kind": "forbid",
            },
            {
                "id": "t-stock-tips",
                "pack": "t",
                "severity": "error",
                "summary": "Say research recommendations, not stock tips.",
                "kind": "substitution",
            },
        ]
    }
    unknown = newslint("rules", "--pack", "nope", cwd=project)
    assert unknown.returncode == 2 and "unknown pack 'nope'" in unknown.stderr
    isolated = newslint("rules", "--isolated", "--no-builtin", "-f", "json", cwd=project)
    assert [r["pack"] for r in json.loads(isolated.stdout)["rules"]] == ["newslint", "newslint"]


def test_explain(project: Path) -> None:
    run = newslint("explain", "t-assured-returns", cwd=project)
    assert run.returncode == 0, run.stderr
    text = run.stdout
    for expected in (
        "t-assured-returns\n=================",
        "Pack:      t",
        "Severity:  error",
        "Check:     forbid",
        "Scope:     document",
        "Message:   Do not promise returns: '{match}'",
        "Defined:   rules/t.yaml:4",
        "Why it matters:\n    Promising returns misleads readers.",
        "References:\n    - https://example.com/t-assured-returns",
        "Fails on:\n    We offer guaranteed returns.",
        "Passes on:\n    Returns are never certain.",
    ):
        assert expected in text, expected
    data = json.loads(newslint("explain", "t-assured-returns", "-f", "json", cwd=project).stdout)
    assert data["examples"] == {
        "fail": [{"text": "We offer guaranteed returns.", "format": "markdown"}],
        "pass": [{"text": "Returns are never certain.", "format": "markdown"}],
    }
    assert data["references"] == ["https://example.com/t-assured-returns"]


def test_explain_numbers_several_examples_so_front_matter_reads_as_part_of_one(tmp_path: Path) -> None:
    """Examples with front matter are fenced by their own "---" lines: several examples are numbered instead of
    being separated by another "---"."""
    run = newslint("explain", "mf-performance-young-scheme", "--isolated", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    fails = run.stdout.split("Fails on:\n", 1)[1].split("\n\nPasses on:", 1)[0]
    assert fails.startswith("  1.\n    ---\n    date: ")
    assert "\n  2.\n    ---\n" in fails
    # each example's front matter opens and closes once: two fence lines per example, none between examples
    examples = fails.count(".\n    ---\n")
    assert examples >= 3 and fails.count("    ---\n") == 2 * examples


def test_explain_code_rule_and_unknown_rule(project: Path) -> None:
    run = newslint("explain", "newslint-unused-suppression", cwd=project)
    assert run.returncode == 0 and "Defined:   in newslint's code" in run.stdout and "RUF100" in run.stdout
    unknown = newslint("explain", "t-assured-return", cwd=project)
    assert unknown.returncode == 2
    assert "unknown rule 't-assured-return' (did you mean t-assured-returns" in unknown.stderr
