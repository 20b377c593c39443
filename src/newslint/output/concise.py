"""``--format concise``: one line per finding (``path:line:col: severity rule-id message``), a summary."""

from __future__ import annotations

from .report import RunReport
from .text import _paint, statistics_lines, summary_line


def render(report: RunReport) -> str:
    color = report.color
    out: list[str] = []
    for f in report.findings:
        where = _paint(f"{f.path}:{f.line}:{f.column}:", "bold", color)
        out.append(f"{where} {_paint(f.severity, f.severity, color)} {f.rule} {f.message}")
    for r in report.results:
        if r.error:
            out.append(f"{r.path}: error: {r.error}")
    stats = statistics_lines(report) if report.statistics else []
    if stats:
        out.extend(["", *stats] if out else stats)
    if not report.quiet:
        out.append(summary_line(report))
    return "\n".join(out) + "\n" if out else ""
