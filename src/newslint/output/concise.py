"""``--format concise``: one line per finding (``path:line:col: severity rule-id message``), a summary."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.files.printable import message_text, name_for_line
from newslint.output.report import RunReport
from newslint.output.text import finish, paint


def render(report: RunReport) -> str:
    return "".join(chunks(report))


def chunks(report: RunReport) -> Iterator[str]:
    color = report.color
    wrote = False
    for _result, f in report.each_finding():
        where = paint(f"{name_for_line(f.path)}:{f.line}:{f.column}:", "bold", color)
        wrote = True
        yield f"{where} {paint(f.severity, f.severity, color)} {f.rule} {message_text(f.message)}\n"
    yield finish(report, wrote)
