"""``--format gitlab``: GitLab Code Quality JSON, which GitLab shows in a merge request's widget and diff.

A JSON array, one object per finding: ``description`` (``rule: message``), ``check_name`` (the rule id),
``severity`` (error -> ``major``, warning -> ``minor``, info -> ``info``), ``location`` (``path`` and
``positions``: begin and end line and column) and ``fingerprint``.

GitLab tells new findings from old ones by their fingerprints, comparing the merge request's report with the
target branch's, so a fingerprint must not change when the finding only moves: it is the SHA-256 of the
finding's path, rule and matched text (the key ``newslint.running.baseline`` matches by) and of its rank among
identical findings of that file (first, second...), never of its line. Paths are as given on the command line:
run newslint from the repository's root, as GitLab expects paths relative to it. Files that could not be read
are not findings: their errors go to standard error, and the exit code is 2.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from newslint.files.printable import valid_strings
from newslint.output.report import RunReport
from newslint.running.baseline import finding_key

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def fingerprint(key: tuple[str, str, str], rank: int) -> str:
    # surrogateescape: a file name that is not UTF-8 is hashed by its bytes
    return hashlib.sha256("\0".join([*key, str(rank)]).encode("utf-8", "surrogateescape")).hexdigest()


def render(report: RunReport) -> str:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for f in report.findings:
        key = finding_key(f)
        seen[key] += 1
        issues.append(
            {
                "type": "issue",
                "check_name": f.rule,
                "description": f"{f.rule}: {f.message}",
                "categories": ["Style"],
                "severity": SEVERITIES.get(f.severity, "minor"),
                "fingerprint": fingerprint(key, seen[key]),
                "location": {
                    "path": f.path,
                    "positions": {
                        "begin": {"line": f.line, "column": f.column},
                        "end": {"line": f.end_line, "column": f.end_column},
                    },
                },
            }
        )
    return json.dumps(valid_strings(issues), indent=2, ensure_ascii=False) + "\n"
