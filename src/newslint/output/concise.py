"""``--format concise``: one line per finding (``path:line:col: severity rule-id message``), a summary."""

from __future__ import annotations

from newslint.files.printable import message_text, name_for_line
from newslint.output.report import RunReport
from newslint.output.text import finish, paint


def render(report: RunReport) -> str:
    color = report.color
    out: list[str] = []
    for f in report.findings:
        where = paint(f"{name_for_line(f.path)}:{f.line}:{f.column}:", "bold", color)
        out.append(f"{where} {paint(f.severity, f.severity, color)} {f.rule} {message_text(f.message)}")
    return finish(report, out)
