"""The ``newslint`` command line.

Only typer is imported at start-up; each command imports what it needs when it runs, so that a pre-commit
hook checking one Markdown file does not pay for HTML parsing, charset detection or output formats it never
uses.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__
from .entry import stop_if_interrupted, write_stdout

if TYPE_CHECKING:
    from .rules.loader import RuleSet

app = typer.Typer(
    name="newslint",
    help="A content-compliance linter for news and financial articles (HTML and Markdown).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _fail(message: str) -> typer.Exit:
    print(f"newslint: error: {message}", file=sys.stderr)
    return typer.Exit(EXIT_ERROR)


def _version(value: bool) -> None:
    if value:
        print(f"newslint {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """A content-compliance linter for news and financial articles (HTML and Markdown)."""


def _parse_now(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--now must be a date as YYYY-MM-DD, not {value!r}") from None


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(s.strip() for s in v.split(",") if s.strip())
    return out


def _load_rules(rules: list[Path] | None, builtin: bool, packs: list[str] | None = None) -> RuleSet:
    from .rules.loader import RuleLoadError, load_rules

    try:
        return load_rules(list(rules or []), builtin=builtin, builtin_packs=packs)
    except RuleLoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise typer.Exit(EXIT_ERROR) from None


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to check; '-' reads stdin.")] = None,
    rules: Annotated[
        list[Path] | None, typer.Option("--rules", "-r", help="Extra rule file or folder (repeatable).")
    ] = None,
    no_builtin: Annotated[bool, typer.Option("--no-builtin", help="Do not load the built-in packs.")] = False,
    output_format: Annotated[str, typer.Option("--format", "--output-format", "-f", help="text or json.")] = "text",
    now: Annotated[str | None, typer.Option("--now", help="Today for date rules, YYYY-MM-DD.")] = None,
    stdin_filename: Annotated[
        str | None, typer.Option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
    ] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules (ids, globs, packs).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules (ids, globs, packs).")] = None,
    fail_on: Annotated[
        str,
        typer.Option("--fail-on", help="Lowest severity that fails the run: error, warning, info, never."),
    ] = "error",
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the run.")] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print the count of findings per rule.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the findings, no source excerpts.")] = False,
    output_file: Annotated[Path | None, typer.Option("--output-file", "-o", help="Write the report here.")] = None,
    max_file_size: Annotated[
        float, typer.Option("--max-file-size", help="Skip files larger than this many MB.")
    ] = 20.0,
    regex_timeout: Annotated[
        float, typer.Option("--regex-timeout", help="Seconds a rule may spend on one file.")
    ] = 2.0,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Check articles against the rules; report findings with exact positions."""
    from .output import FORMATS, formatter
    from .output.report import RunReport
    from .runner import CheckSettings, UsageError, collect, lint_target, make_linter

    if output_format not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}, not {output_format!r}")
    if fail_on not in ("error", "warning", "info", "never"):
        raise _fail(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
    settings = CheckSettings(
        now=_parse_now(now),
        select=_split(select),
        ignore=_split(ignore),
        max_file_size=int(max_file_size * 1024 * 1024),
        timeout=regex_timeout,
        debug=debug,
    )
    ruleset = _load_rules(rules, builtin=not no_builtin)
    try:
        linter = make_linter(ruleset, settings)
    except UsageError as exc:
        raise _fail(str(exc)) from None
    collected = collect(paths or ["."], stdin_filename)
    for warning in collected.warnings:
        print(f"newslint: warning: {warning}", file=sys.stderr)
    results = list(collected.errors)
    for target in collected.targets:
        stop_if_interrupted()
        result = lint_target(linter, target, settings)
        results.append(result)
        if result.notice:
            print(f"newslint: {result.path}: {result.notice}", file=sys.stderr)
        for warning in result.warnings:
            print(f"newslint: warning: {result.path}: {warning}", file=sys.stderr)
        if result.debug:
            print(result.debug, file=sys.stderr)
    results.sort(key=lambda r: r.path)
    color = output_format == "text" and output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    report = RunReport(
        results=[r for r in results if not r.notice],
        rules=ruleset.by_id(),
        color=color,
        statistics=statistics,
        quiet=quiet,
        version=__version__,
    )
    text = formatter(output_format)(report)
    if output_file is not None:
        from .atomic import write_text_atomic

        try:
            write_text_atomic(output_file, text)
        except OSError as exc:
            raise _fail(f"cannot write {output_file}: {exc.strerror or exc}") from None
    else:
        write_stdout(text)
    if report.errors:
        raise typer.Exit(EXIT_ERROR)
    if not collected.targets and not collected.errors:
        raise _fail("no articles to check")
    if exit_zero or fail_on == "never":
        raise typer.Exit(EXIT_OK)
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@app.command()
def inspect(
    file: Annotated[str, typer.Argument(help="The article to inspect; '-' reads stdin.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    stdin_filename: Annotated[
        str | None, typer.Option("--stdin-filename", help="Name of the text read from '-'.")
    ] = None,
    max_file_size: Annotated[
        float, typer.Option("--max-file-size", help="Skip files larger than this many MB.")
    ] = 20.0,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Show what the parser extracted: metadata with provenance and positions, then the blocks."""
    from .inspect_view import render_inspect
    from .parse import parse_source
    from .source import SourceError, SourceSkipped, read_source, read_stream

    if output_format not in ("text", "json"):
        raise _fail(f"--format must be text or json, not {output_format!r}")
    try:
        limit = int(max_file_size * 1024 * 1024)
        if file == "-":
            source = read_stream(sys.stdin.buffer, stdin_filename or "-", None, limit)
        else:
            source = read_source(Path(file), file, None, limit)
    except (SourceError, SourceSkipped) as exc:
        raise _fail(f"{file}: {exc}") from None
    try:
        output = render_inspect(parse_source(source), output_format)
    except SourceError as exc:  # a parser limit (a Markdown parse past its time limit)
        raise _fail(f"{file}: {exc}") from None
    except Exception as exc:
        if debug:
            import traceback

            traceback.print_exc()
        raise _fail(f"{file}: internal error: {type(exc).__name__}: {exc}") from None
    write_stdout(output)


@app.command()
def schema() -> None:
    """Print the JSON Schema of rule files (for editors)."""
    import json

    from .rules.definitions import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, sort_keys=False) + "\n")


def main() -> None:
    """Console entry point: typer plus clean handling of Ctrl-C and closed pipes (see ``entry``)."""
    from .entry import main as run

    run()
