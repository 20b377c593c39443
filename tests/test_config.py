"""Configuration: discovery, keys, precedence of the command line, and file:line errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, RULES_YAML, newslint, write

BAD = "We offer guaranteed returns and stock tips, a multibagger.\n"


def rules_of(run_stdout: str) -> list[str]:
    return [f["rule"] for f in json.loads(run_stdout)["findings"]]


def test_config_in_project_root_is_used(project: Path) -> None:
    write(project / "a.md", BAD)
    run = newslint("check", "a.md", "-f", "json", cwd=project)
    assert run.returncode == 1, run.stderr
    assert rules_of(run.stdout) == ["t-assured-returns", "t-stock-tips", "t-hype"]


def test_nearest_config_governs_each_file(project: Path) -> None:
    """Two folders, two configurations: each file gets the nearest one (as ruff does)."""
    write(project / "news" / "a.md", BAD)
    write(project / "blog" / "b.md", BAD)
    write(project / "blog" / ".newslint.yaml", "packs: []\nrules: [../rules/]\nignore: [t-assured-returns]\n")
    run = newslint("check", ".", "-f", "json", cwd=project)
    findings = json.loads(run.stdout)["findings"]
    by_file = {}
    for f in findings:
        by_file.setdefault(f["path"], []).append(f["rule"])
    assert by_file["news/a.md"] == ["t-assured-returns", "t-stock-tips", "t-hype"]
    assert by_file["blog/b.md"] == ["t-stock-tips", "t-hype"]
    # Only warnings and info in blog/, but news/ has an error: the run fails.
    assert run.returncode == 1


def test_fail_on_of_each_files_configuration(project: Path) -> None:
    write(project / "blog" / "b.md", "Stock tips every day.\n")
    write(project / "blog" / ".newslint.yaml", "packs: []\nrules: [../rules/]\nfail-on: warning\n")
    write(project / "news" / "a.md", "Stock tips every day.\n")
    assert newslint("check", "news", cwd=project).returncode == 0
    assert newslint("check", "blog", cwd=project).returncode == 1
    assert newslint("check", "blog", "--fail-on", "error", cwd=project).returncode == 0


def test_search_stops_at_repository_root(tmp_path: Path) -> None:
    """A configuration above the repository root is not used."""
    write(tmp_path / "rules" / "t.yaml", RULES_YAML)
    write(tmp_path / ".newslint.yaml", "packs: []\nrules: [rules/]\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "a.md", BAD)
    run = newslint("check", "a.md", "--no-builtin", "-f", "json", cwd=repo)
    # No configuration found: the defaults (here: no rules but newslint's own) apply, so nothing is found.
    assert json.loads(run.stdout)["findings"] == []
    assert run.returncode == 0
    # A .git *file* (a worktree) marks the root too.
    (repo / ".git").rmdir()
    (repo / ".git").write_text("gitdir: /elsewhere\n")
    assert json.loads(newslint("check", "a.md", "--no-builtin", "-f", "json", cwd=repo).stdout)["findings"] == []
    # Without a root marker the search goes on upward and finds the configuration.
    (repo / ".git").unlink()
    assert rules_of(newslint("check", "a.md", "-f", "json", cwd=repo).stdout)[0] == "t-assured-returns"


def test_preference_order_in_one_folder(project: Path) -> None:
    write(project / "newslint.yaml", "packs: []\nrules: [rules/]\nselect: [t-hype]\n")
    write(project / "a.md", BAD)
    # .newslint.yaml (from the fixture) wins over newslint.yaml.
    assert rules_of(newslint("check", "a.md", "-f", "json", cwd=project).stdout) == [
        "t-assured-returns",
        "t-stock-tips",
        "t-hype",
    ]
    (project / ".newslint.yaml").unlink()
    assert rules_of(newslint("check", "a.md", "-f", "json", cwd=project).stdout) == ["t-hype"]


def test_pyproject_table(project: Path) -> None:
    (project / ".newslint.yaml").unlink()
    write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.newslint]\npacks = []\nrules = ["rules/"]\n',
    )
    write(project / "a.md", BAD)
    run = newslint("check", "a.md", "-f", "json", "--select", "t-stock-tips", cwd=project)
    assert rules_of(run.stdout) == ["t-stock-tips"]


def test_pyproject_without_table_is_skipped(project: Path) -> None:
    """A pyproject.toml without [tool.newslint] in a subfolder does not hide the configuration above."""
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(project / "sub" / "a.md", BAD)
    assert len(rules_of(newslint("check", "sub/a.md", "-f", "json", cwd=project).stdout)) == 3


def test_pyproject_errors_have_lines(project: Path) -> None:
    (project / ".newslint.yaml").unlink()
    write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.newslint]\npacks = []\nrules = ["rules/"]\nselect = [\n  "t-hype",\n'
        '  "nope-*",\n]\nfail_on = "error"\n',
    )
    write(project / "a.md", BAD)
    run = newslint("check", "a.md", cwd=project)
    assert run.returncode == 2
    assert "pyproject.toml:11: unknown key 'fail_on' (did you mean 'fail-on'?)" in run.stderr
    write(
        project / "pyproject.toml",
        '[tool.newslint]\npacks = []\nrules = ["rules/"]\nselect = ["t-hype", "nope-*"]\n',
    )
    run = newslint("check", "a.md", cwd=project)
    assert run.returncode == 2
    assert "pyproject.toml:4: 'nope-*' matches no rule id or pack" in run.stderr
    write(project / "pyproject.toml", "[tool.newslint]\npacks = [\n")
    run = newslint("check", "a.md", cwd=project)
    assert run.returncode == 2 and "pyproject.toml:" in run.stderr and "invalid TOML" in run.stderr


def test_explicit_config_applies_to_every_file(project: Path) -> None:
    write(project / "other.yaml", "packs: []\nrules: [rules/]\nselect: [t-hype]\n")
    write(project / "sub" / ".newslint.yaml", "packs: []\nrules: [../rules/]\n")
    write(project / "sub" / "a.md", BAD)
    run = newslint("check", "sub/a.md", "--config", "other.yaml", "-f", "json", cwd=project)
    assert rules_of(run.stdout) == ["t-hype"]
    missing = newslint("check", "sub/a.md", "--config", "missing.yaml", cwd=project)
    assert missing.returncode == 2 and "missing.yaml:1: cannot read configuration file" in missing.stderr


def test_isolated_ignores_configuration(project: Path) -> None:
    write(project / "a.md", BAD)
    run = newslint("check", "a.md", "--isolated", "--no-builtin", "-f", "json", cwd=project)
    assert rules_of(run.stdout) == []
    run = newslint("check", "a.md", "--isolated", "--no-builtin", "-r", "rules", "-f", "json", cwd=project)
    assert len(rules_of(run.stdout)) == 3


def test_command_line_overrides_file(project: Path) -> None:
    write(project / ".newslint.yaml", "packs: []\nrules: [rules/]\nselect: [t-hype]\nignore: [t-stock-tips]\n")
    write(project / "a.md", BAD)
    assert rules_of(newslint("check", "a.md", "-f", "json", cwd=project).stdout) == ["t-hype"]
    # --select replaces the file's select; --ignore adds to the file's ignore.
    run = newslint("check", "a.md", "-f", "json", "--select", "t", cwd=project)
    assert rules_of(run.stdout) == ["t-assured-returns", "t-hype"]
    run = newslint("check", "a.md", "-f", "json", "--select", "t", "--ignore", "t-hype", cwd=project)
    assert rules_of(run.stdout) == ["t-assured-returns"]


def test_severity_overrides_and_globs(project: Path) -> None:
    write(
        project / ".newslint.yaml",
        "packs: []\nrules: [rules/]\nseverity:\n  t-assured-returns: warning\n  't-*': info\n",
    )
    write(project / "a.md", BAD)
    run = newslint("check", "a.md", "-f", "json", cwd=project)
    severities = {f["rule"]: f["severity"] for f in json.loads(run.stdout)["findings"]}
    # The exact id wins over the glob, whatever the order in the file.
    assert severities == {"t-assured-returns": "warning", "t-stock-tips": "info", "t-hype": "info"}
    assert run.returncode == 0  # nothing at error any more


def test_per_file_ignores(project: Path) -> None:
    write(
        project / ".newslint.yaml",
        "packs: []\nrules: [rules/]\nper-file-ignores:\n  'archive/**': [t-assured-returns, t-hype]\n",
    )
    write(project / "archive" / "2019" / "old.md", BAD)
    write(project / "new.md", BAD)
    run = newslint("check", ".", "-f", "json", cwd=project)
    findings = json.loads(run.stdout)["findings"]
    assert [f["rule"] for f in findings if f["path"].startswith("archive")] == ["t-stock-tips"]
    assert len([f for f in findings if f["path"] == "new.md"]) == 3


def test_exclude_folders_and_explicit_files(project: Path) -> None:
    write(project / ".newslint.yaml", "packs: []\nrules: [rules/]\nexclude: [drafts, '*.tmp.md']\n")
    write(project / "drafts" / "d.md", BAD)
    write(project / "x.tmp.md", BAD)
    write(project / "ok.md", "Fine.\n")
    run = newslint("check", ".", "-f", "json", cwd=project)
    assert run.returncode == 0 and json.loads(run.stdout)["summary"]["files"] == 1
    # A file named on the command line (as pre-commit does) is excluded too; nothing else left: exit 0.
    run = newslint("check", "drafts/d.md", cwd=project)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "excluded" in run.stderr


def test_packs_paths_and_unknown_builtin(project: Path) -> None:
    write(project / ".newslint.yaml", "packs: [rules/t.yaml]\n")
    write(project / "a.md", BAD)
    assert len(rules_of(newslint("check", "a.md", "-f", "json", cwd=project).stdout)) == 3
    write(project / ".newslint.yaml", "packs:\n  - rules/t.yaml\n  - no-such-pack\n")
    run = newslint("check", "a.md", cwd=project)
    assert run.returncode == 2
    assert ".newslint.yaml:3: unknown built-in pack 'no-such-pack'" in run.stderr


def test_errors_are_file_line_and_exit_2(project: Path) -> None:
    write(project / "a.md", BAD)
    head = "packs: []\nrules: [rules/]\n"
    cases = [
        (head + "selcet: [t-hype]\n", "3: unknown key 'selcet' (did you mean 'select'?)"),
        (head + "fail-on: sometimes\n", "3: fail-on must be one of error, warning, info, never"),
        (head + "exclude: {a: 1}\n", "3: exclude must be a list, not a mapping"),
        (head + "ignore:\n  - t-hype\n  - 'x-*'\n", "5: 'x-*' matches no rule id or pack"),
        (
            head + "severity:\n  t-hpye: info\n",
            "4: 't-hpye' matches no rule id or pack (did you mean 't-hype'?)",
        ),
        (head + "per-file-ignores:\n  'a/*': [t-nope]\n", "4: 't-nope' matches no rule id"),
        ("packs: []\nrules: [rules/, missing/]\n", "2: rules: no such rule file or folder 'missing/'"),
        (head + "html: {content: 'div[['}\n", "3: html.content: invalid CSS selector 'div[['"),
        (head + "house: {INX000123456: Us}\n", "3: house key 'INX000123456' is not valid"),
        (head + "select: [t-hype\n", "4: invalid YAML"),
        ("- just\n- a list\n", "1: must be a mapping, not a list"),
    ]
    for text, expected in cases:
        write(project / ".newslint.yaml", text)
        run = newslint("check", "a.md", cwd=project)
        assert run.returncode == 2, text
        assert f".newslint.yaml:{expected}" in run.stderr, (text, run.stderr)
        assert run.stdout == "", text  # nothing is linted with a broken configuration


def test_config_errors_even_with_nothing_to_check(project: Path) -> None:
    write(project / ".newslint.yaml", "bogus: 1\n")
    (project / "empty").mkdir()
    run = newslint("check", "empty", cwd=project)
    assert run.returncode == 2 and ".newslint.yaml:1: unknown key 'bogus'" in run.stderr


def test_init_writes_a_valid_starter_and_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    run = newslint("init", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    config = tmp_path / ".newslint.yaml"
    text = config.read_text()
    for key in (
        "packs",
        "rules",
        "select",
        "ignore",
        "severity",
        "fail-on",
        "per-file-ignores",
        "exclude",
        "html",
        "house",
    ):
        assert f"{key}:" in text, key
    assert oct(config.stat().st_mode & 0o777) != oct(0o600)  # not mkstemp's private mode
    # The starter is a valid configuration: a check with it runs.
    write(tmp_path / "rules" / "t.yaml", RULES_YAML)
    write(tmp_path / "a.md", "Fine.\n")
    assert newslint("check", "a.md", "--no-builtin", cwd=tmp_path).returncode == 0
    # Never overwritten.
    config.write_text("# mine\n")
    again = newslint("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert config.read_text() == "# mine\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left behind


def test_stdin_uses_the_configuration_of_its_filename(project: Path) -> None:
    write(project / "blog" / ".newslint.yaml", "packs: []\nrules: [../rules/]\nselect: [t-hype]\n")
    run = newslint("check", "-", "--stdin-filename", "blog/post.md", "-f", "json", cwd=project, stdin=BAD)
    assert rules_of(run.stdout) == ["t-hype"]
    assert json.loads(run.stdout)["findings"][0]["path"] == "blog/post.md"
    run = newslint("check", "-", "-f", "json", cwd=project, stdin=BAD)
    assert len(rules_of(run.stdout)) == 3


def test_exclude_on_the_command_line(project: Path) -> None:
    write(project / "a.md", BAD)
    write(project / "gen" / "b.md", BAD)
    run = newslint("check", ".", "--exclude", "gen/*", "-f", "json", cwd=project)
    assert json.loads(run.stdout)["summary"]["files"] == 1


def test_documented_configuration_example_is_valid(tmp_path: Path) -> None:
    """The copy-paste .newslint.yaml of docs/configuration.md passes validation (rules aside, which need the packs)."""
    from newslint.config.file import load_config

    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = page[page.index("# Configuration") :]
    example = section[section.index("```yaml\n") + len("```yaml\n") : section.index("```\n", section.index("```yaml"))]
    path = write(tmp_path / ".newslint.yaml", example)
    config = load_config(path)
    assert [s.value for s in config.packs or []] == ["sebi", "disclaimer", "promo", "meta", "attribution"]
    assert config.fail_on == "error" and config.html_content == ["div.story-body"]
    assert [(h.number, h.names) for h in config.house] == [
        ("INZ000123456", ("Example Broking Ltd",)),
        ("INH000654321", ("Example Research", "Example Research Pvt Ltd")),
    ]
