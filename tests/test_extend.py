"""``extend: ../.newslint.yaml``: a nested configuration builds on another (ruff's ``extend``), and
``--extend-select`` adds rules to whichever selection applies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import newslint, write

ARTICLE = "Free stock tips: a multibagger with guaranteed returns.\n"


def findings(project: Path, *args: str) -> list[tuple[str, str, str]]:
    run = newslint("check", *args, "-f", "json", cwd=project)
    assert run.returncode in (0, 1), run.stderr
    return [(f["path"], f["rule"], f["severity"]) for f in json.loads(run.stdout)["findings"]]


@pytest.fixture
def site(project: Path) -> Path:
    """The root configuration (the test pack, a severity, an exclude); opinion/ extends it."""
    write(
        project / ".newslint.yaml",
        """\
        packs: []
        rules: [rules/]
        severity: {t-hype: warning, t-stock-tips: error}
        exclude: [opinion/drafts/]
        """,
    )
    write(project / "news" / "a.md", ARTICLE)
    write(project / "opinion" / "a.md", ARTICLE)
    write(project / "opinion" / "drafts" / "d.md", ARTICLE)
    return project


def test_the_extending_file_inherits_what_it_does_not_set(site: Path) -> None:
    write(site / "opinion" / ".newslint.yaml", "extend: ../.newslint.yaml\nignore: [t-assured-returns]\n")
    assert findings(site) == [
        ("news/a.md", "t-stock-tips", "error"),
        ("news/a.md", "t-hype", "warning"),
        ("news/a.md", "t-assured-returns", "error"),
        # The rules (a path relative to the base), the severities and the base's exclude (its glob is relative
        # to the base's folder) come from the root; ignore is opinion's own.
        ("opinion/a.md", "t-stock-tips", "error"),
        ("opinion/a.md", "t-hype", "warning"),
    ]


def test_severity_and_house_merge_entry_by_entry_other_keys_replace(site: Path) -> None:
    write(
        site / "opinion" / ".newslint.yaml",
        """\
        extend: ../.newslint.yaml
        severity: {t-hype: info}
        exclude: []
        """,
    )
    got = findings(site, "opinion")
    assert ("opinion/a.md", "t-hype", "info") in got  # opinion's entry wins
    assert ("opinion/a.md", "t-stock-tips", "error") in got  # the root's other entry stays
    assert {path for path, _, _ in got} == {"opinion/a.md", "opinion/drafts/d.md"}  # exclude replaced


def test_extend_chains_and_relative_paths(site: Path) -> None:
    write(site / "shared" / "base.yaml", "packs: []\nrules: [../rules/t.yaml]\nselect: [t-hype]\n")
    write(site / "opinion" / ".newslint.yaml", "extend: ../mid.yaml\n")
    write(site / "mid.yaml", "extend: shared/base.yaml\nfail-on: info\n")
    run = newslint("check", "opinion/a.md", cwd=site)
    assert run.returncode == 1  # fail-on: info, from mid.yaml
    assert findings(site, "opinion/a.md") == [("opinion/a.md", "t-hype", "info")]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"opinion/.newslint.yaml": "extend: ../nope.yaml\n"}, "opinion/.newslint.yaml:1: extend: no such"),
        (
            {"opinion/.newslint.yaml": "extend: ../x.yaml\n", "x.yaml": "extend: opinion/.newslint.yaml\n"},
            "extends this file again (a cycle)",
        ),
        ({"opinion/.newslint.yaml": "extend: [a, b]\n"}, "opinion/.newslint.yaml:1: extend must be text"),
        ({"opinion/.newslint.yaml": "extend: ../x.yaml\n", "x.yaml": "selct: [a]\n"}, "x.yaml:1: unknown key"),
    ],
)
def test_broken_extends_are_reported_with_file_and_line(site: Path, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        write(site / name, text)
    run = newslint("check", "opinion/a.md", cwd=site)
    assert run.returncode == 2 and run.stdout == ""
    assert message in run.stderr


def test_a_change_in_the_base_reaches_a_cached_run(site: Path) -> None:
    write(site / "opinion" / ".newslint.yaml", "extend: ../.newslint.yaml\n")
    assert ("opinion/a.md", "t-hype", "warning") in findings(site, "opinion/a.md")
    text = (site / ".newslint.yaml").read_text().replace("t-hype: warning", "t-hype: error")
    (site / ".newslint.yaml").write_text(text)
    assert ("opinion/a.md", "t-hype", "error") in findings(site, "opinion/a.md")


def test_extend_select_adds_to_the_selection(site: Path) -> None:
    got = findings(site, "news", "--select", "t-hype", "--extend-select", "t-stock-tips")
    assert got == [("news/a.md", "t-stock-tips", "error"), ("news/a.md", "t-hype", "warning")]
    write(site / "news" / ".newslint.yaml", "extend: ../.newslint.yaml\nselect: [t-assured-returns]\n")
    got = findings(site, "news", "--extend-select", "t-hype")  # added to the file's select
    assert got == [("news/a.md", "t-hype", "warning"), ("news/a.md", "t-assured-returns", "error")]
    bad = newslint("check", "news", "--extend-select", "t-hpye", cwd=site)
    assert bad.returncode == 2 and "did you mean t-hype?" in bad.stderr


def test_a_problem_in_an_inherited_setting_names_the_file_it_is_written_in(site: Path) -> None:
    write(site / "base.yaml", "packs: []\nrules: [rules/]\n\nselect: [t-hpye]\n")
    write(site / "opinion" / ".newslint.yaml", "extend: ../base.yaml\n")
    run = newslint("check", "opinion/a.md", cwd=site)
    assert run.returncode == 2
    assert run.stderr == "base.yaml:4: 't-hpye' matches no rule id or pack (did you mean 't-hype'?)\n"
