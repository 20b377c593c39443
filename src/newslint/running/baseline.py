"""A baseline: the findings an archive already had when the gate went on, so that only new ones are reported.

How a finding is matched (Semgrep's way, not ruff's ``--add-noqa``): by its rule, its file and the text it
matched (whitespace folded), never by its line, so an edit elsewhere in the file, which moves every line
below it, does not bring old findings back. Identical findings (the same rule, file and text, twice in one
article) are counted: a baseline that holds two lets two through, and a third is new. Which of them is
called new cannot be known; the last ones in the file are. ruff's ``--add-noqa`` was not followed because it
writes a suppression comment into every article: 5,000 edited pages, and comments a CMS may publish. A
baseline is one reviewable file beside the configuration, and deleting an entry brings its findings back.

The file is JSON, sorted, one entry per (path, rule, text) with its count; paths are relative to the
baseline's own folder, with ``/``, so the same file works from any working folder and on any system.
A finding's text is also what :func:`finding_key` gives ``--format gitlab`` for its stable fingerprints.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

from newslint.running.findings import Finding
from newslint.running.linter import FileResult

FORMAT_KEY = "newslint-baseline"
FORMAT_VERSION = 1

Key = tuple[str, str, str]  # (path relative to the baseline's folder, rule, matched text)


class BaselineError(Exception):
    """A baseline that cannot be read or written: a usage error (exit code 2)."""


def matched_text(finding: Finding) -> str:
    """What a finding matched, whitespace folded (line breaks and indentation do not count)."""
    return " ".join(finding.snippet.split())


def finding_key(finding: Finding, folder: Path | None = None) -> Key:
    """The key a finding is matched by; its path relative to ``folder`` (the working folder when None)."""
    path = finding.path
    if folder is not None and path != "-":
        path = os.path.relpath(os.path.abspath(path), folder)
    return (path.replace(os.sep, "/"), finding.rule, matched_text(finding))


class Baseline:
    def __init__(self, path: Path, counts: Counter[Key] | None = None) -> None:
        self.path = path
        self.folder = Path(os.path.abspath(path)).parent
        self.counts: Counter[Key] = Counter() if counts is None else counts
        self.matched: Counter[Key] = Counter()  # how many of each entry this run met (for stale entries)

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"no baseline file {path} (create it with --write-baseline {path})") from None
        except OSError as exc:
            raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from None
        if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION:
            raise BaselineError(f"{path} is not a newslint baseline (version {FORMAT_VERSION})")
        counts: Counter[Key] = Counter()
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise BaselineError(f"baseline {path}: 'findings' must be a list")
        for i, entry in enumerate(entries):
            try:
                key = (entry["path"], entry["rule"], entry["text"])
                count = entry.get("count", 1)
            except (TypeError, KeyError) as exc:
                raise BaselineError(f"baseline {path}: entry {i + 1} has no {exc}") from None
            if not all(isinstance(k, str) for k in key) or not isinstance(count, int) or count < 1:
                raise BaselineError(f"baseline {path}: entry {i + 1} is malformed")
            counts[key] += count
        return cls(path, counts)

    @classmethod
    def of(cls, path: Path, results: list[FileResult]) -> Baseline:
        """A baseline holding every finding of these results."""
        baseline = cls(path)
        for result in results:
            for finding in result.findings:
                baseline.counts[finding_key(finding, baseline.folder)] += 1
        return baseline

    def write(self) -> int:
        """Write the file atomically; returns the number of findings recorded."""
        from newslint.files.atomic import write_text_atomic

        entries = [
            {"path": p, "rule": r, "text": t, "count": n} for (p, r, t), n in sorted(self.counts.items()) if n > 0
        ]
        text = json.dumps({FORMAT_KEY: FORMAT_VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
        # A file name that is not UTF-8 holds surrogate escapes: written as JSON's \udcXX, they read back
        # as the same name (and the file stays UTF-8).
        text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
        try:
            write_text_atomic(self.path, text)
        except OSError as exc:
            raise BaselineError(f"cannot write baseline {self.path}: {exc.strerror or exc}") from None
        return sum(self.counts.values())

    def filter(self, result: FileResult) -> FileResult:
        """The result with its baselined findings left out (in file order, the first ones are the old ones)."""
        if not result.findings or not self.counts:
            return result
        left: Counter[Key] = Counter()
        kept: list[Finding] = []
        for finding in result.findings:
            key = finding_key(finding, self.folder)
            if left[key] < self.counts.get(key, 0):
                left[key] += 1
            else:
                kept.append(finding)
        if len(kept) == len(result.findings):
            return result
        for key, n in left.items():
            self.matched[key] = max(self.matched[key], n)
        result.findings = kept
        return result

    def stale(self, checked: set[str]) -> int:
        """How many recorded findings of the files checked (keys' paths) no longer occur."""
        return sum(max(0, n - self.matched.get(key, 0)) for key, n in self.counts.items() if key[0] in checked)

    def relative(self, display: str) -> str:
        if display == "-":
            return display
        return os.path.relpath(os.path.abspath(display), self.folder).replace(os.sep, "/")
