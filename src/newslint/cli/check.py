"""``newslint check`` itself: options in, report out, exit code back.

``newslint.cli.app.check`` declares the options for typer (help, completion, error messages) and passes them
here; the run itself is ``newslint.running.check_run``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.cli.stdout import write_stdout
from newslint.files.printable import message_text

if TYPE_CHECKING:
    from newslint.running.progress import Progress

STDOUT_BATCH = 1 << 16  # characters of the report gathered before a write to a pipe or a file


def write_stdout_pieces(pieces: Iterator[str], progress: Progress | None) -> None:
    """Write the report as the run produces it: to a terminal piece by piece (clearing the progress line
    first), elsewhere in batches."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        if progress is not None:
            progress.close()
            write_stdout(piece)
            continue
        batch.append(piece)
        held += len(piece)
        if held >= STDOUT_BATCH:
            write_stdout("".join(batch))
            batch, held = [], 0
    if batch:
        write_stdout("".join(batch))


EXIT_ERROR = 2
FORMAT_NAMES = ("text", "concise", "json", "sarif", "github", "gitlab", "junit", "html")  # output.FORMATS, not imported
FAIL_ON_LEVELS = ("error", "warning", "info", "never")


def _report_diff(outcome: Any, quiet: bool) -> int:
    """``--diff``: the diffs on stdout, a count on stderr; exit 1 when a file would change, 2 on an error."""
    for failed in outcome.results:
        if failed.error:
            print(message_text(f"newslint: error: {failed.path}: {failed.error}"), file=sys.stderr)
    write_stdout("".join(text for _path, _n, text in outcome.diffs))
    total = sum(n for _path, n, _text in outcome.diffs)
    if not quiet:
        files = len(outcome.diffs)
        if total:
            print(
                f"newslint: would fix {total} finding{'s' if total != 1 else ''} in {files} "
                f"file{'s' if files != 1 else ''}",
                file=sys.stderr,
            )
        else:
            print("newslint: no safe fixes to apply", file=sys.stderr)
    if any(r.error for r in outcome.results):
        return EXIT_ERROR
    return 1 if total else 0


class UsageProblem(Exception):
    """A wrong option value: reported as one ``newslint: error:`` line, exit code 2."""


def report_problem(message: str) -> int:
    print(f"newslint: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def parse_now(value: str | None) -> date:
    if not value:
        from newslint.document.dates import today_in

        return today_in()  # in the default zone; a configured dates: time-zone: reads it again
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
    diff: bool = False,
    no_respect_gitignore: bool = False,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    extend_select: list[str] | None = None,
) -> int:
    """Run ``newslint check`` with these options; returns the exit code (see ``newslint.cli.app.check``)."""
    from newslint.language import expression_store

    expression_store.seed_stdlib()  # (the standard re expressions of the modules imported next, from the store)
    try:
        from newslint.config.file import ConfigError
        from newslint.output import FORMATS, STATISTICS_ON_STDERR, streamer
        from newslint.output.report import RunReport
        from newslint.output.text import statistics_lines
        from newslint.rules.loader import RuleLoadError
        from newslint.running.baseline import BaselineError
        from newslint.running.check_run import CheckRequest, exit_code, github_actions, run_check
        from newslint.running.configured import CommandLine
        from newslint.running.one_file import CheckSettings, UsageError

        fmt = output_format or ("github" if github_actions() else "text")
        if fmt not in FORMATS:
            raise UsageProblem(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        if fail_on is not None and fail_on not in FAIL_ON_LEVELS:
            raise UsageProblem(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
        if config is not None and isolated:
            raise UsageProblem("--config and --isolated cannot be used together")
        if jobs is not None and jobs < 1:
            raise UsageProblem(f"--jobs must be at least 1, not {jobs}")
        if diff and fix:
            raise UsageProblem("--diff shows what --fix would change; use one or the other")
        if baseline is not None and write_baseline is not None and baseline != write_baseline:
            raise UsageProblem("--baseline and --write-baseline name different files")
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
                extend_select=split_list(extend_select),
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
            diff=diff,
            respect_gitignore=not no_respect_gitignore,
            baseline=write_baseline or baseline,
            write_baseline=write_baseline is not None,
        )
        try:
            outcome = run_check(request)
        except BaselineError as exc:
            raise UsageProblem(str(exc)) from None
        except (ConfigError, RuleLoadError) as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return EXIT_ERROR
        except UsageError as exc:
            raise UsageProblem(str(exc)) from None
        if diff:
            return _report_diff(outcome, quiet)
        if outcome.baselined and not quiet and write_baseline is None:
            n = outcome.baselined
            print(f"newslint: {n} finding{'s' if n != 1 else ''} of the baseline not shown", file=sys.stderr)
        if outcome.stale and not quiet:
            n = outcome.stale
            print(
                f"newslint: {n} finding{'s' if n != 1 else ''} of the baseline no longer occur"
                f"{'s' if n == 1 else ''}; --write-baseline {baseline or write_baseline} drops "
                f"{'it' if n == 1 else 'them'}",
                file=sys.stderr,
            )
        color = (
            fmt in ("text", "concise") and output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        )
        streamed = not isinstance(outcome.results, list)
        report = RunReport(
            results=(r for r in outcome.results if not r.notice)
            if streamed
            else [r for r in outcome.results if not r.notice],
            rules=outcome.rules,
            fail_on=outcome.fail_on,
            color=color,
            statistics=statistics and fmt not in STATISTICS_ON_STDERR,
            quiet=quiet,
            version=__version__,
        )
        if not streamed:
            for failed in report.errors:  # on stderr, whatever the format: the report on stdout stays parseable
                print(message_text(f"newslint: error: {failed.path}: {failed.error}"), file=sys.stderr)
        try:
            pieces = streamer(fmt)(report)
            if output_file is not None:
                from newslint.files.atomic import write_report_chunks

                try:
                    write_report_chunks(output_file, (piece.encode("utf-8", "backslashreplace") for piece in pieces))
                except OSError as exc:
                    raise UsageProblem(f"cannot write {output_file}: {exc.strerror or exc}") from None
            else:
                write_stdout_pieces(pieces, outcome.progress if sys.stdout.isatty() else None)
        finally:
            report.close()
        if streamed:
            for failed in report.errors:  # known once the run is read: after the report, on stderr
                print(message_text(f"newslint: error: {failed.path}: {failed.error}"), file=sys.stderr)
        if statistics and fmt in STATISTICS_ON_STDERR:
            for line in statistics_lines(report):
                print(line, file=sys.stderr)
        if outcome.timings is not None:
            from newslint.running.timing import render

            print(render(outcome.timings), file=sys.stderr)
        if outcome.unreadable:
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
