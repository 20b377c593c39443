"""``--format text``: ``path:line:col: severity rule-id message``, the source line with the match underlined,
and a summary. Colour only when asked (a terminal without ``NO_COLOR``). ``--quiet`` (as ruff's): the findings
and nothing else, no source excerpts and no summary."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.files.printable import message_text, name_for_line, terminal_safe
from newslint.output.report import RunReport

_COLORS = {
    "error": "\x1b[31m",
    "warning": "\x1b[33m",
    "info": "\x1b[36m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
}
_RESET = "\x1b[0m"
MAX_LINE = 160


def paint(text: str, color: str, enabled: bool) -> str:
    return f"{_COLORS[color]}{text}{_RESET}" if enabled else text


def _excerpt(line_text: str, column: int, end_column: int, same_line: bool) -> tuple[str, str]:
    """The source line (shortened around the match when long) and the underline below it."""
    text = line_text.expandtabs(1).rstrip()
    start = max(column - 1, 0)
    end = end_column - 1 if same_line else len(text)
    end = max(end, start + 1)
    offset = 0
    if len(text) > MAX_LINE:
        offset = max(0, min(start - 40, len(text) - MAX_LINE))
        text = (
            ("..." if offset else "")
            + text[offset : offset + MAX_LINE]
            + ("..." if offset + MAX_LINE < len(text) else "")
        )
        shift = 3 if offset else 0
        start = start - offset + shift
        end = min(end - offset + shift, len(text))
    width = max(1, min(end, len(text) + 1) - start)
    return terminal_safe(text), " " * start + "^" * width  # one character for one: the columns hold


def render(report: RunReport) -> str:
    return "".join(chunks(report))


def chunks(report: RunReport) -> Iterator[str]:
    """The report in pieces, one finding at a time (see ``output.report``)."""
    color = report.color
    wrote = False
    for result, f in report.each_finding():
        out: list[str] = []
        where = paint(f"{name_for_line(f.path)}:{f.line}:{f.column}:", "bold", color)
        sev = paint(f.severity, f.severity, color)
        out.append(f"{where} {sev} {f.rule} {message_text(f.message)}")
        if not report.quiet:
            line_text = result.lines.get(f.line)
            if line_text is not None and line_text.strip():
                text, marks = _excerpt(line_text, f.column, f.end_column, f.end_line == f.line)
                gutter = str(f.line)
                out.append(f"  {gutter} | {text}")
                out.append(f"  {' ' * len(gutter)} | {paint(marks, f.severity, color)}")
            if f.fix is not None:
                action = f"replace with {terminal_safe(repr(f.fix.replacement))}" if f.fix.replacement else "delete it"
                out.append(f"  {'fix' if f.fix.safe else 'suggestion'}: {action}")
        wrote = True
        yield "".join(line + "\n" for line in out)
    yield finish(report, wrote)


def finish(report: RunReport, wrote: bool) -> str:
    """The report's end, shared by the text and concise formats: statistics, summary (``wrote``: whether
    findings came before). Files that could not be read are counted in the summary; their errors go to standard
    error (``newslint.cli.check``), not here."""
    out: list[str] = []
    stats = statistics_lines(report) if report.statistics else []
    if stats:
        out.extend(["", *stats] if wrote else stats)
    if not report.quiet:
        out.append(summary_line(report))
    return "\n".join(out) + "\n" if out else ""


def statistics_lines(report: RunReport) -> list[str]:
    """``--statistics``: the count of findings per rule, most frequent first (then by id)."""
    return [f"{n:6d}  {rule}" for rule, n in report.by_rule()]


def summary_line(report: RunReport) -> str:
    counts = report.by_severity()
    total = sum(counts.values())
    files = report.file_count
    noun = "file" if files == 1 else "files"
    if total:
        parts = [f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n]
        summary = f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} {noun}."
    else:
        summary = f"No findings in {files} {noun}."
    if report.errors:
        summary += f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be checked."
    return summary
