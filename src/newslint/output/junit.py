"""``--format junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure...).

``<testsuites>`` holds one ``<testsuite>`` per checked file (named by its path). Each finding is a
``<testcase>`` (``classname`` = the path, ``name`` = ``rule-id at line:column``) with a ``<failure>``
(``type`` = the severity, ``message`` = the message, text = ``path:line:col: severity rule message``); a
clean file has one passing ``<testcase name="newslint">``; a file that could not be read has one
``<testcase>`` with an ``<error>``. No timestamps or durations: output is byte-identical across runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from newslint.files.printable import valid_text
from newslint.output.report import RunReport
from newslint.running.findings import Finding
from newslint.running.linter import FileResult

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", valid_text(text))


def _attr(text: str) -> str:
    return quoteattr(_clean(text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _case(path: str, name: str, inner: str = "") -> str:
    head = f"    <testcase classname={_attr(path)} name={_attr(name)}"
    return f"{head}/>" if not inner else f"{head}>\n      {inner}\n    </testcase>"


def render(report: RunReport) -> str:
    return "".join(chunks(report))


def _suite(report: RunReport, result: FileResult, findings: list[Finding]) -> tuple[str, dict[str, int]]:
    cases: list[str] = []
    if result.error:
        text = escape(_clean(result.error))
        error = f'<error type="unreadable" message={_attr(result.error)}>{text}</error>'
        cases.append(_case(result.path, "newslint", error))
    elif not findings:
        cases.append(_case(result.path, "newslint"))
    failures = 0
    for f in findings:
        line = f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
        if report.fails(f):
            failures += 1
            inner = f"<failure type={_attr(f.severity)} message={_attr(f.message)}>{escape(_clean(line))}</failure>"
        else:
            inner = f"<skipped message={_attr(line)}/>"
        cases.append(_case(f.path, f"{f.rule} at {f.line}:{f.column}", inner))
    counts = {
        "tests": len(cases),
        "failures": failures,
        "errors": 1 if result.error else 0,
        "skipped": len(findings) - failures,
    }
    attrs = " ".join(f'{k}="{n}"' for k, n in counts.items())
    return f"  <testsuite name={_attr(result.path)} {attrs}>\n" + "\n".join(cases) + "\n  </testsuite>", counts


def _suites(report: RunReport) -> Iterator[tuple[FileResult, list[Finding]]]:
    """Each file with its findings, by path (a list report in any order is sorted first)."""
    if report.is_list:
        by_path: dict[str, list[Finding]] = {}
        for f in report.findings:
            by_path.setdefault(f.path, []).append(f)
        for result in sorted(report.results, key=lambda r: r.path):
            yield result, by_path.get(result.path, [])
        return
    for result in report.each():
        yield result, sorted(result.findings, key=Finding.sort_key)


def chunks(report: RunReport) -> Iterator[str]:
    """The totals open the document, so the results are spooled first (see ``output.report``) and counted."""
    report.spool()
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result, findings in _suites(report):
        for key, n in _suite(report, result, findings)[1].items():
            totals[key] += n
    attrs = " ".join(f'{k}="{n}"' for k, n in totals.items())
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="newslint" {attrs}>\n'
    for result, findings in _suites(report):
        yield _suite(report, result, findings)[0] + "\n"
    yield "</testsuites>\n"
