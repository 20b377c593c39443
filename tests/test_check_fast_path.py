"""A ``newslint check`` line runs without typer when ``newslint.checkcmd.parse_check_line`` can read it: it
must behave exactly like the same command line parsed by typer."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run, newslint, write
from newslint import checkcmd, cli


def test_the_typer_command_and_the_plain_runner_take_the_same_options_with_the_same_defaults():
    declared = [(name, p.default) for name, p in inspect.signature(cli.check).parameters.items()]
    plain = [(name, p.default) for name, p in inspect.signature(checkcmd.run_check_command).parameters.items()]
    assert declared == plain


def test_the_plain_option_table_is_typers_declaration():
    import typer.main

    command = typer.main.get_command(cli.app).commands["check"]  # type: ignore[attr-defined]
    declared = {}
    for param in command.params:
        if param.param_type_name != "option":
            continue
        if param.is_flag:
            kind = "flag"
        else:
            kind = {"text": "text", "str": "text", "float": "number", "int": "integer", "path": "path"}[param.type.name]
            kind = f"list of {kind}" if param.multiple else kind
        for opt in (*param.opts, *param.secondary_opts):
            declared[opt] = (param.name, kind)
    assert declared == checkcmd.OPTIONS


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["a.md", "b/"], {"paths": ["a.md", "b/"]}),
        ([], {"paths": []}),
        (
            ["--now", "2026-11-29", "a.md", "--no-cache", "-q", "--format=json", "-j", "2"],
            {
                "paths": ["a.md"],
                "now": "2026-11-29",
                "no_cache": True,
                "quiet": True,
                "output_format": "json",
                "jobs": 2,
            },
        ),
        (
            ["--select", "a", "--select=b,c", "-r", "house.yaml", "--max-file-size", "0.5", "x.html"],
            {"paths": ["x.html"], "select": ["a", "b,c"], "rules": [Path("house.yaml")], "max_file_size": 0.5},
        ),
        (["--help"], None),
        (["-h"], None),
        (["-"], None),
        (["--", "a.md"], None),
        (["-qj2", "a.md"], None),
        (["--jobs", "two", "a.md"], None),
        (["a.md", "--now"], None),
        (["--now", "--quiet"], None),
        (["--quiet=yes"], None),
        (["--no-such-option"], None),
    ],
)
def test_the_plain_reading_of_a_check_line(words, expected):
    assert checkcmd.parse_check_line(words) == expected


def through_typer(*args: str, cwd: Path) -> Run:
    """The same command line read by typer (``newslint.cli.app``), as it was before the plain reading."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR")}
    probe = "import sys\nfrom newslint.cli import app\napp(sys.argv[1:], prog_name='newslint')\n"
    proc = subprocess.run(
        [sys.executable, "-c", probe, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.mark.parametrize(
    ("paths", "code"),
    [
        (["promo.md"], 1),  # an error
        (["clean.md"], 0),  # nothing
        (["promo.md", "missing.md"], 2),  # an unreadable path
        (["articles"], 0),  # a folder (info only)
        (["empty"], 2),  # no articles
        ([], 1),  # the current folder
        (["--format", "json", "--now=2026-11-29", "promo.md", "clean.md"], 1),
        (["-q", "--statistics", "--exit-zero", "--no-cache", "articles", "promo.md"], 0),
        (["--select", "t-hype", "--fail-on=info", "articles"], 1),
        (["--format", "nonsense", "promo.md"], 2),
        (["--now", "2026-13-01", "promo.md"], 2),
        (["--config", "missing.yaml", "promo.md"], 2),
    ],
)
def test_the_plain_path_and_typer_give_the_same_output_and_exit_code(project, paths, code):
    write(project / "promo.md", "# Join now\n\nOur stock tips give guaranteed returns.\n")
    write(project / "clean.md", "# Markets\n\nThe index closed flat on Friday.\n")
    write(project / "articles" / "one.md", "# One\n\nAnother multibagger.\n")
    (project / "empty").mkdir()
    plain = newslint("check", *paths, cwd=project)
    parsed = through_typer("check", *paths, cwd=project)
    assert (plain.returncode, plain.stdout, plain.stderr) == (parsed.returncode, parsed.stdout, parsed.stderr)
    assert plain.returncode == code, plain
