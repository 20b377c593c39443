"""``--format json``: the machine contract.

```json
{"version": "0.1.0",
 "findings": [{"path", "rule", "severity", "message", "line", "column", "end_line", "end_column",
               "snippet", "fix": null | {"replacement", "line", "column", "end_line", "end_column"}}],
 "errors": [{"path", "message"}],
 "summary": {"files": N, "findings": N, "by_severity": {"error": N, "warning": N, "info": N}}}
```
Lines and columns are 1-based; ``end_column`` is exclusive. Findings are sorted by path, line, column, rule.
The findings are written as the run produces them (see ``output.report``); the rest, once they are all known.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newslint.output.json_stream import dumps
from newslint.output.report import RunReport


def render(report: RunReport) -> str:
    return "".join(chunks(report))


def chunks(report: RunReport) -> Iterator[str]:
    yield '{\n  "version": ' + json.dumps(report.version, ensure_ascii=False) + ',\n  "findings": '
    count = 0
    for _result, f in report.each_finding():
        yield ("[\n    " if not count else ",\n    ") + dumps(f.as_dict()).replace("\n", "\n    ")
        count += 1
    yield ("[]" if not count else "\n  ]") + ",\n"
    tail = {
        "errors": [{"path": r.path, "message": r.error} for r in report.errors],
        "summary": {"files": report.file_count, "findings": count, "by_severity": report.by_severity()},
    }
    if report.statistics:
        tail["statistics"] = [{"rule": rule, "count": n} for rule, n in report.by_rule()]
    yield dumps(tail)[2:] + "\n"
