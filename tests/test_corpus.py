"""The real-world corpus (``../shared/corpus``: 346 news pages, 403 Markdown posts) through the real CLI.

No file may produce an internal error or a traceback, and every reported position must lie inside its file.
The corpus is not part of the project (its texts belong to their publishers); CI has a copy beside the clone,
and the test is skipped, saying why, where there is none. ``NEWSLINT_CORPUS`` points elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from newslint.files.source import read_source
from robustness import EVERY_CHECK_RULES

CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS} (set NEWSLINT_CORPUS to use one)")
def test_corpus_has_no_internal_error_and_positions_inside_files(capsys):
    started = time.monotonic()
    proc = run_cli(
        "check",
        "--no-builtin",
        "--rules",
        str(EVERY_CHECK_RULES),
        "--now",
        "2025-06-01",
        "--format",
        "json",
        "--debug",
        str(CORPUS),
    )
    seconds = time.monotonic() - started
    err = proc.stderr.decode()
    assert "Traceback" not in err, err[-3000:]
    data = json.loads(proc.stdout)
    internal = [e for e in data["errors"] if e["message"].startswith("internal error")]
    assert internal == []
    by_path: dict[str, list[dict]] = {}
    for f in data["findings"]:
        by_path.setdefault(f["path"], []).append(f)
    for path, findings in by_path.items():
        lines = re.split(r"\r\n|\r|\n", read_source(Path(path), path, None).text)
        for f in findings:
            assert 1 <= f["line"] <= f["end_line"] <= len(lines), f
            assert 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1, f
            assert 1 <= f["end_column"] <= len(lines[f["end_line"] - 1]) + 1, f
            assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"]), f
    timeouts = sum(1 for f in data["findings"] if f["rule"] == "newslint-rule-timeout")
    summary = data["summary"]
    with capsys.disabled():
        print(
            f"\ncorpus: {summary['files']} files, {summary['findings']} findings, {len(data['errors'])} files not"
            f" checked, {timeouts} rule timeouts, {seconds:.1f}s"
        )
    assert summary["files"] >= 700
    assert data["errors"] == [], data["errors"]
    assert timeouts == 0
