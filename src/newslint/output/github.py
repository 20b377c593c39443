"""``--format github``: GitHub Actions workflow commands, which GitHub shows as annotations on the diff.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`` per finding: ``error`` for
errors, ``warning`` for warnings, ``notice`` for info. Escaping as the runner requires: in the message
``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in property values also ``:`` and ``,`` (``%3A``, ``%2C``).
A file that could not be read is an ``::error file=PATH::`` line. Chosen by default when
``GITHUB_ACTIONS=true`` and no ``--format`` is given.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.files.printable import terminal_safe, valid_text
from newslint.output.report import RunReport

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The runner's escapes for CR and LF; other control characters (an article's ``\\x1b``) made visible."""
    text = valid_text(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal_safe(text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: RunReport) -> str:
    return "".join(chunks(report))


def chunks(report: RunReport) -> Iterator[str]:
    for _result, f in report.each_finding():
        props = (
            f"file={escape_property(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={escape_property(f.rule)}"
        )
        yield f"::{COMMANDS.get(f.severity, 'warning')} {props}::{escape_data(f.message)}\n"
    for r in report.errors:
        yield f"::error file={escape_property(r.path)},title=newslint::{escape_data(r.error or '')}\n"
