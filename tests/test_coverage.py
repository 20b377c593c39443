"""The obligations table (src/newslint/rules/obligations.yaml) and the built-in packs stay in step."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.rules.coverage import STATUSES, coverage_for, obligations, render_markdown
from newslint.rules.loader import builtin_pack_files, load_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rule_ids() -> set[str]:
    """Every built-in rule, the opt-in packs' too."""
    return {r.id for r in load_rules([], builtin_packs=list(builtin_pack_files(opt_in=True))).rules}


def test_every_rule_named_in_the_table_exists(rule_ids):
    named = {r for entry in obligations() for r in entry["rules"]}
    assert named - rule_ids == set()


def test_every_built_in_rule_checks_an_obligation(rule_ids):
    named = {r for entry in obligations() for r in entry["rules"]}
    assert rule_ids - named == set()


def test_each_entry_names_rules_or_says_why_not():
    ids = [e["id"] for e in obligations()]
    assert len(ids) == len(set(ids))
    for e in obligations():
        assert e["status"] in STATUSES, e["id"]
        assert e["obligation"] and e["source"], e["id"]
        if e["status"] == "not-checkable":
            assert not e["rules"] and len(e["note"]) > 40, e["id"]
        else:
            assert e["rules"], e["id"]
        if e["status"] == "partly":
            assert len(e["note"]) > 40, f"{e['id']}: say what is left"


@pytest.mark.parametrize(
    "source",
    [
        "CIR/2023/51",
        "CIR/2025/11",
        "NSE/COMP/33643",
        "20230207-34",
        "2025/86",
        "73/2025",
        "147/08/2015",
        "CIR/IMD/DF/5/2013",
        "Sixth Schedule",
        "regulation 43",
        "Schedule IX",
        "clause 1.8",
        "Virtual Digital Assets",
        "Acceptance of Public Deposits",
        "200/2010",
        "2022/172",
        "BASL notice",
        "26 February 2026",
    ],
)
def test_the_obligations_of_the_reference_are_in_the_table(source):
    """Each source of ../shared/reference/obligations.md has its row."""
    assert any(source in e["source"] for e in obligations()), source


def test_docs_are_generated_from_the_table():
    assert (ROOT / "docs" / "obligations.md").read_text(encoding="utf-8") == render_markdown()


def test_coverage_only_with_the_built_in_packs():
    assert coverage_for({"t-assured-returns"}) == []
    table = coverage_for({"sebi-assured-returns"})
    assert [e["id"] for e in table] == [e["id"] for e in obligations()]


def test_rules_json_carries_the_coverage(tmp_path):
    def run(*args: str) -> dict:
        proc = subprocess.run(
            [
                shutil.which("newslint", path=str(Path(sys.executable).parent)) or "newslint",
                "rules",
                "--format",
                "json",
                "--isolated",
                *args,
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    data = run()
    by_id = {e["id"]: e for e in data["coverage"]}
    assert by_id["securities-for-illustration"]["rules"] == ["adviser-illustration-statement-missing"]
    assert by_id["media-stake"]["status"] == "not-checkable" and by_id["media-stake"]["note"]
    listed = {r["id"] for r in data["rules"]}
    opt_in = {r for e in data["coverage"] for r in e["rules"] if r.startswith(("broker-site-", "pci-"))}
    assert opt_in and {r for e in data["coverage"] for r in e["rules"]} - opt_in <= listed
    assert "coverage" not in run("--no-builtin")
