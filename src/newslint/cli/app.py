"""The ``newslint`` command line.

Only typer is imported at start-up; each command imports what it needs when it runs, so that a pre-commit
hook checking one Markdown file does not pay for HTML parsing, charset detection or output formats it never
uses. Most ``check`` command lines do not even reach this module: ``newslint.cli.check`` reads them.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newslint import __version__
from newslint.cli.check import FAIL_ON_LEVELS, FORMAT_NAMES, UsageProblem, parse_now, report_problem, split_list
from newslint.cli.stdout import write_stdout

if TYPE_CHECKING:
    from newslint.running.configured import Profile

app = typer.Typer(
    name="newslint",
    help="A content-compliance linter for news and financial articles (HTML and Markdown).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_ERROR = 0, 2


def _fail(message: str) -> typer.Exit:
    return typer.Exit(report_problem(message))


def is_compiled(module: str) -> bool:
    """Whether ``module`` is an extension (mypyc-compiled in a wheel, see hatch_build.py), found without
    importing it."""
    from importlib.util import find_spec

    spec = find_spec(module)
    return spec is not None and (spec.origin or "").endswith((".so", ".pyd"))


def parser_build() -> str:
    """Which HTML parser this install runs, for ``--version`` and benchmark reports."""
    return "compiled parser" if is_compiled("newslint.parsing.html.parser") else "Python parser"


def _version(value: bool) -> None:
    if value:
        print(f"newslint {__version__} ({parser_build()})")
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
    try:
        return parse_now(value)
    except UsageProblem as exc:
        raise _fail(str(exc)) from None


def _complete_format(incomplete: str) -> list[str]:
    return [f for f in FORMAT_NAMES if f.startswith(incomplete)]


def _complete_fail_on(incomplete: str) -> list[str]:
    return [f for f in FAIL_ON_LEVELS if f.startswith(incomplete)]


def _rule_names(packs: bool) -> list[str]:
    from newslint.running.check_run import profile_here
    from newslint.running.configured import CommandLine

    rules = profile_here(None, False, CommandLine()).ruleset.rules
    return sorted({r.id for r in rules} | ({r.pack for r in rules} if packs else set()))


def _complete_rule(incomplete: str) -> list[str]:
    """Rule ids of the configuration here (for ``explain``)."""
    try:
        return [name for name in _rule_names(False) if name.startswith(incomplete)]
    except Exception:  # completion must never print a traceback into the shell
        return []


def _complete_selector(incomplete: str) -> list[str]:
    """Rule ids and pack names (``--select``, ``--ignore``); after a comma (``--select a,b``), the last one."""
    try:
        done, comma, last = incomplete.rpartition(",")
        return [done + comma + name for name in _rule_names(True) if name.startswith(last)]
    except Exception:
        return []


def _print_problems(problems: list[str]) -> typer.Exit:
    for problem in problems:
        print(problem, file=sys.stderr)
    return typer.Exit(EXIT_ERROR)


ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Use this configuration file for every file (no discovery)."),
]
IsolatedOption = Annotated[
    bool, typer.Option("--isolated", help="Ignore configuration files (.newslint.yaml, pyproject.toml).")
]


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to check; '-' reads stdin.")] = None,
    rules: Annotated[
        list[Path] | None, typer.Option("--rules", "-r", help="Extra rule file or folder (repeatable).")
    ] = None,
    no_builtin: Annotated[bool, typer.Option("--no-builtin", help="Do not load the built-in packs.")] = False,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "--output-format",
            "-f",
            help="text, concise, json, sarif, github, gitlab, junit or html (a review page for editors; default: text; "
            "github under GitHub Actions).",
            autocompletion=_complete_format,
        ),
    ] = None,
    now: Annotated[str | None, typer.Option("--now", help="Today for date rules, YYYY-MM-DD.")] = None,
    stdin_filename: Annotated[
        str | None, typer.Option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these rules (ids, globs, packs).", autocompletion=_complete_selector),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Skip these rules (ids, globs, packs).", autocompletion=_complete_selector),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Lowest severity that fails the run: error (default), warning, info, never.",
            autocompletion=_complete_fail_on,
        ),
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the run.")] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print the count of findings per rule.")
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Only the findings: no source excerpts, summary or warnings."),
    ] = False,
    output_file: Annotated[Path | None, typer.Option("--output-file", "-o", help="Write the report here.")] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Skip files matching this glob (repeatable).")
    ] = None,
    max_file_size: Annotated[
        float, typer.Option("--max-file-size", help="Skip files larger than this many MB.")
    ] = 20.0,
    regex_timeout: Annotated[
        float, typer.Option("--regex-timeout", help="Seconds a rule may spend on one file.")
    ] = 2.0,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Processes to use (default: the number of CPUs).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write .newslint_cache/.")] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes to the files (atomically), then report what is left.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print what --fix would change as a diff; change nothing (exit 1 if any)."),
    ] = False,
    no_respect_gitignore: Annotated[
        bool,
        typer.Option(
            "--no-respect-gitignore",
            help="Also check what .gitignore, .ignore and git's excludes ignore (respected by default in "
            "folders; files named are always checked).",
        ),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report only findings not in this baseline file (see --write-baseline)."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record today's findings in this baseline file, then use it."),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-select",
            help="Add these rules to the selection (ids, globs, packs).",
            autocompletion=_complete_selector,
        ),
    ] = None,
) -> None:
    """Check articles against the rules; report findings with exact positions.

    Folders are searched for *.html, *.htm, *.md and *.markdown files, leaving out what git ignores
    (.gitignore, .ignore, .git/info/exclude, the global excludes file; --no-respect-gitignore turns this off).
    Files named on the command line are always checked.
    """
    from newslint.cli.check import run_check_command

    raise typer.Exit(
        run_check_command(
            paths=paths,
            rules=rules,
            no_builtin=no_builtin,
            output_format=output_format,
            now=now,
            stdin_filename=stdin_filename,
            select=select,
            ignore=ignore,
            fail_on=fail_on,
            exit_zero=exit_zero,
            statistics=statistics,
            quiet=quiet,
            output_file=output_file,
            config=config,
            isolated=isolated,
            exclude=exclude,
            max_file_size=max_file_size,
            regex_timeout=regex_timeout,
            debug=debug,
            jobs=jobs,
            no_cache=no_cache,
            fix=fix,
            diff=diff,
            no_respect_gitignore=no_respect_gitignore,
            baseline=baseline,
            write_baseline=write_baseline,
            extend_select=extend_select,
        )
    )


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
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Show what the parser extracted: metadata with provenance and positions, then the blocks."""
    from newslint.cli.inspect_cmd import render_inspect
    from newslint.config.file import ConfigError
    from newslint.files.source import SourceError, SourceSkipped, read_source, read_stream
    from newslint.parsing.parse import parse_source
    from newslint.running.check_run import html_selectors_for

    _text_or_json(output_format)
    try:
        limit = int(max_file_size * 1024 * 1024)
        if file == "-":
            source = read_stream(sys.stdin.buffer, stdin_filename or "-", None, limit)
        else:
            source = read_source(Path(file), file, None, limit)
    except (SourceError, SourceSkipped) as exc:
        raise _fail(f"{file}: {exc}") from None
    where = Path(stdin_filename or ".") if file == "-" else Path(file)
    try:
        selectors = html_selectors_for(where, config, isolated)
    except ConfigError as exc:
        raise _print_problems(exc.problems) from None
    try:
        output = render_inspect(parse_source(source, selectors), output_format)
    except SourceError as exc:  # a parser limit (a Markdown parse past its time limit)
        raise _fail(f"{file}: {exc}") from None
    except Exception as exc:
        if debug:
            import traceback

            traceback.print_exc()
        raise _fail(f"{file}: internal error: {type(exc).__name__}: {exc}") from None
    write_stdout(output)


@app.command()
def clean() -> None:
    """Remove the cache folder (.newslint_cache/ in the current folder)."""
    from newslint.running.cache import cache_root, remove_cache

    root = cache_root()
    try:
        removed = remove_cache(root)
    except OSError as exc:
        raise _fail(f"cannot remove {root}: {exc.strerror or exc}") from None
    print(f"Removed {root}" if removed else f"No cache at {root}")


@app.command()
def test(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Rule files, fixture articles, or folders of both (default: the built-in packs)."),
    ] = None,
    now: Annotated[str | None, typer.Option("--now", help="Today for date rules, YYYY-MM-DD.")] = None,
    builtin: Annotated[
        bool, typer.Option("--builtin", help="Also load the built-in packs when PATHS name rule files.")
    ] = False,
) -> None:
    """Test rules: their examples and annotated fixtures (<!-- ruleid: ... -->, <!-- ok: ... -->)."""
    from newslint.running.rule_tests import main as run_tests

    code, text, problems = run_tests(list(paths or []), _parse_now(now), builtin)
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.stdout.write(text)
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of rule files (for editors)."""
    import json

    from newslint.rules.definitions import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, sort_keys=False) + "\n")


def _profile_here(config: Path | None, isolated: bool, rules: list[Path] | None, no_builtin: bool) -> Profile:
    from newslint.config.file import ConfigError
    from newslint.rules.loader import RuleLoadError
    from newslint.running.check_run import profile_here
    from newslint.running.configured import CommandLine
    from newslint.running.one_file import UsageError

    if config is not None and isolated:
        raise _fail("--config and --isolated cannot be used together")
    try:
        return profile_here(config, isolated, CommandLine(rules=list(rules or []), no_builtin=no_builtin))
    except (ConfigError, RuleLoadError) as exc:
        raise _print_problems(exc.problems) from None
    except UsageError as exc:
        raise _fail(str(exc)) from None


RulesOption = Annotated[
    list[Path] | None, typer.Option("--rules", "-r", help="Extra rule file or folder (repeatable).")
]
NoBuiltinOption = Annotated[bool, typer.Option("--no-builtin", help="Do not load the built-in packs.")]
TextOrJsonOption = Annotated[
    str, typer.Option("--format", "-f", help="text or json.", autocompletion=lambda: ["text", "json"])
]


def _text_or_json(output_format: str) -> None:
    if output_format not in ("text", "json"):
        raise _fail(f"--format must be text or json, not {output_format!r}")


@app.command("rules")
def list_rules(
    pack: Annotated[
        list[str] | None, typer.Option("--pack", "-p", help="Only the rules of this pack (repeatable).")
    ] = None,
    output_format: TextOrJsonOption = "text",
    rules: RulesOption = None,
    no_builtin: NoBuiltinOption = False,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """List the rules that run here (the configuration's packs, selection and severities applied)."""
    from newslint.cli.rules_cmd import render_rules

    _text_or_json(output_format)
    profile = _profile_here(config, isolated, rules, no_builtin)
    chosen = profile.linter.rules
    wanted = split_list(pack)
    if wanted:
        packs = {r.pack for r in profile.ruleset.rules}
        unknown = [p for p in wanted if p not in packs]
        if unknown:
            raise _fail(f"unknown pack {unknown[0]!r} (packs: {', '.join(sorted(packs)) or 'none'})")
        chosen = [r for r in chosen if r.pack in wanted]
    sys.stdout.write(render_rules(chosen, profile.linter.severities, output_format))


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="The rule id.", autocompletion=_complete_rule)],
    output_format: TextOrJsonOption = "text",
    rules: RulesOption = None,
    no_builtin: NoBuiltinOption = False,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Explain a rule: why it matters, its references, how it checks, what fails and what passes."""
    from newslint.cli.rules_cmd import closest_ids, render_explain

    _text_or_json(output_format)
    profile = _profile_here(config, isolated, rules, no_builtin)
    found = profile.ruleset.by_id().get(rule)
    if found is None:
        close = closest_ids(rule, profile.ruleset.rules)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see `newslint rules`)"
        raise _fail(f"unknown rule {rule!r}{hint}")
    sys.stdout.write(render_explain(found, profile.linter.severities.get(rule), output_format))


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Where to write .newslint.yaml.")] = Path("."),
) -> None:
    """Write a commented starter .newslint.yaml (never overwrites one)."""
    from newslint.cli.init_cmd import write_starter

    try:
        path = write_starter(folder)
    except FileExistsError:
        raise _fail(f"{folder / '.newslint.yaml'} already exists; not overwriting it") from None
    except OSError as exc:
        raise _fail(f"cannot write {folder / '.newslint.yaml'}: {exc.strerror or exc}") from None
    print(f"Wrote {path}. Edit it, then run `newslint check`.")


@app.command()
def server(
    tcp: Annotated[
        str | None, typer.Option("--tcp", metavar="HOST:PORT", help="Listen on TCP instead of stdio (debugging).")
    ] = None,
) -> None:
    """Run the editor server (Language Server Protocol on stdin/stdout; see docs/editor-server.md)."""
    if tcp is not None:
        port = tcp.rpartition(":")[2]
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise _fail(f"--tcp takes HOST:PORT (e.g. 127.0.0.1:2087), not {tcp!r}")
    try:
        from newslint.server.lsp import main as serve
    except ImportError as exc:
        raise _fail(f"newslint server needs pygls ({exc.name} is missing): pip install 'newslint[server]'") from None
    serve(tcp)
