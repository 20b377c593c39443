"""``--format json``: the machine contract.

```json
{"version": "0.1.0",
 "findings": [{"path", "rule", "severity", "message", "line", "column", "end_line", "end_column",
               "snippet", "fix": null | {"replacement", "line", "column", "end_line", "end_column"}}],
 "errors": [{"path", "message"}],
 "summary": {"files": N, "findings": N, "by_severity": {"error": N, "warning": N, "info": N}}}
```
Lines and columns are 1-based; ``end_column`` is exclusive. Findings are sorted by path, line, column, rule.
"""

from __future__ import annotations

import json

from newslint.files.printable import valid_strings
from newslint.output.report import RunReport


def render(report: RunReport) -> str:
    findings = report.findings
    payload = {
        "version": report.version,
        "findings": [f.as_dict() for f in findings],
        "errors": [{"path": r.path, "message": r.error} for r in report.results if r.error],
        "summary": {
            "files": report.file_count,
            "findings": len(findings),
            "by_severity": report.by_severity(),
        },
    }
    if report.statistics:
        payload["statistics"] = [{"rule": rule, "count": n} for rule, n in report.by_rule()]
    return json.dumps(valid_strings(payload), indent=2, ensure_ascii=False) + "\n"
