"""``newslint check`` itself: options in, report out, exit code back, without the command-line framework.

``newslint.cli.check`` declares the options for typer (help, completion, error messages) and passes them
here. Importing typer is a tenth of a one-file check, the run pre-commit makes for every batch of files, so
``newslint.entry`` first offers a ``check`` command line to :func:`parse_check_line`: a plain reading of the
same options (long ones as ``--opt value`` or ``--opt=value``, short ones alone) that gives up, and leaves
the line to typer, on anything else (``--help``, ``--``, ``-`` for stdin, a bundled or unknown option, a
missing or malformed value). Tests keep :data:`OPTIONS` equal to typer's declaration and the signatures of
the two entry points identical, and compare the output of both paths.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .entry import write_stdout

EXIT_ERROR = 2
FORMAT_NAMES = ("text", "concise", "json", "sarif", "github", "junit")  # output.FORMATS, without importing it
FAIL_ON_LEVELS = ("error", "warning", "info", "never")


# Every option of ``newslint check``: the parameter it sets, and how ("flag", or the type of its value;
# "list of ..." for a repeatable option).
OPTIONS: dict[str, tuple[str, str]] = {
    "--rules": ("rules", "list of path"),
    "-r": ("rules", "list of path"),
    "--no-builtin": ("no_builtin", "flag"),
    "--format": ("output_format", "text"),
    "--output-format": ("output_format", "text"),
    "-f": ("output_format", "text"),
    "--now": ("now", "text"),
    "--stdin-filename": ("stdin_filename", "text"),
    "--select": ("select", "list of text"),
    "--ignore": ("ignore", "list of text"),
    "--fail-on": ("fail_on", "text"),
    "--exit-zero": ("exit_zero", "flag"),
    "--statistics": ("statistics", "flag"),
    "--quiet": ("quiet", "flag"),
    "-q": ("quiet", "flag"),
    "--output-file": ("output_file", "path"),
    "-o": ("output_file", "path"),
    "--config": ("config", "path"),
    "--isolated": ("isolated", "flag"),
    "--exclude": ("exclude", "list of text"),
    "--max-file-size": ("max_file_size", "number"),
    "--regex-timeout": ("regex_timeout", "number"),
    "--debug": ("debug", "flag"),
    "--jobs": ("jobs", "integer"),
    "-j": ("jobs", "integer"),
    "--no-cache": ("no_cache", "flag"),
    "--fix": ("fix", "flag"),
}
_CONVERT = {"text": str, "path": Path, "number": float, "integer": int}


def parse_check_line(args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of :func:`run_check_command` for the words after ``check``, or ``None`` when
    typer should read the line (it then also says what is wrong with it)."""
    options: dict[str, Any] = {}
    paths: list[str] = []
    words = iter(args)
    for word in words:
        if not word.startswith("-"):
            paths.append(word)
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in OPTIONS:
            return None  # --help, --, -, bundled short options, a typo: typer's business
        param, kind = OPTIONS[name]
        if kind == "flag":
            if equals:
                return None
            options[param] = True
            continue
        if not equals:
            value = next(words, "")
        if not value or value.startswith("-"):
            return None
        try:
            converted = _CONVERT[kind.removeprefix("list of ")](value)
        except ValueError:
            return None
        if kind.startswith("list of "):
            options.setdefault(param, []).append(converted)
        else:
            options[param] = converted
    return {"paths": paths, **options}


class UsageProblem(Exception):
    """A wrong option value: reported as one ``newslint: error:`` line, exit code 2."""


def report_problem(message: str) -> int:
    print(f"newslint: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def parse_now(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f"--now must be a date as YYYY-MM-DD, not {value!r}") from None


def split_list(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated values (``--select a,b --select c``) as one list."""
    out: list[str] = []
    for v in values or []:
        out.extend(s.strip() for s in v.split(",") if s.strip())
    return out


def run_check_command(
    paths: list[str] | None = None,
    rules: list[Path] | None = None,
    no_builtin: bool = False,
    output_format: str | None = None,
    now: str | None = None,
    stdin_filename: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str | None = None,
    exit_zero: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    output_file: Path | None = None,
    config: Path | None = None,
    isolated: bool = False,
    exclude: list[str] | None = None,
    max_file_size: float = 20.0,
    regex_timeout: float = 2.0,
    debug: bool = False,
    jobs: int | None = None,
    no_cache: bool = False,
    fix: bool = False,
) -> int:
    """Run ``newslint check`` with these options; returns the exit code (see ``newslint.cli.check``)."""
    try:
        from .checkrun import CheckRequest, exit_code, github_actions, run_check
        from .config import ConfigError
        from .output import FORMATS, STATISTICS_ON_STDERR, formatter
        from .output.report import RunReport
        from .output.text import statistics_lines
        from .profile import CommandLine
        from .rules.loader import RuleLoadError
        from .runner import CheckSettings, UsageError

        fmt = output_format or ("github" if github_actions() else "text")
        if fmt not in FORMATS:
            raise UsageProblem(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        if fail_on is not None and fail_on not in FAIL_ON_LEVELS:
            raise UsageProblem(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
        if config is not None and isolated:
            raise UsageProblem("--config and --isolated cannot be used together")
        if jobs is not None and jobs < 1:
            raise UsageProblem(f"--jobs must be at least 1, not {jobs}")
        settings = CheckSettings(
            now=parse_now(now),
            max_file_size=int(max_file_size * 1024 * 1024),
            timeout=regex_timeout,
            debug=debug,
        )
        request = CheckRequest(
            paths=list(paths or []),
            settings=settings,
            cli=CommandLine(
                rules=list(rules or []),
                no_builtin=no_builtin,
                select=split_list(select) if select else None,
                ignore=split_list(ignore),
                fail_on=fail_on,
            ),
            config=config,
            isolated=isolated,
            stdin_filename=stdin_filename,
            exclude=list(exclude or []),
            output_format=fmt,
            quiet=quiet,
            jobs=jobs,
            cache=not no_cache,
            fix=fix,
            output_file=output_file,
        )
        try:
            outcome = run_check(request)
        except (ConfigError, RuleLoadError) as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return EXIT_ERROR
        except UsageError as exc:
            raise UsageProblem(str(exc)) from None
        color = (
            fmt in ("text", "concise") and output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        )
        report = RunReport(
            results=[r for r in outcome.results if not r.notice],
            rules=outcome.rules,
            color=color,
            statistics=statistics and fmt not in STATISTICS_ON_STDERR,
            quiet=quiet,
            version=__version__,
        )
        text = formatter(fmt)(report)
        if output_file is not None:
            from .atomic import write_report

            try:
                write_report(output_file, text.encode("utf-8", "backslashreplace"))
            except OSError as exc:
                raise UsageProblem(f"cannot write {output_file}: {exc.strerror or exc}") from None
        else:
            write_stdout(text)
        if statistics and fmt in STATISTICS_ON_STDERR:
            for line in statistics_lines(report):
                print(line, file=sys.stderr)
        if outcome.timings is not None:
            from .timing import render

            print(render(outcome.timings), file=sys.stderr)
        if report.errors:
            return EXIT_ERROR
        if not outcome.checked:
            if not outcome.excluded:
                raise UsageProblem("no articles to check")
            if not quiet:
                print(
                    f"newslint: every file given is excluded by the configuration ({outcome.excluded})",
                    file=sys.stderr,
                )
        return exit_code(outcome, exit_zero)
    except UsageProblem as exc:
        return report_problem(str(exc))
