"""Every finding on the shipped examples points at the text it reports, in the original file."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from conftest import ROOT, run_cli
from newslint.document.textbuild import fold

EXAMPLES = ROOT / "examples"
_TAG = re.compile(r"<[^>]*>")
_MD_MARKUP = re.compile(r"\]\([^)]*\)|[*_`\[\]]|^>\s?|^\s*[-+*]\s", re.M)


def _visible(raw: str, markdown: bool) -> str:
    text = _TAG.sub("", raw)
    if markdown:
        text = _MD_MARKUP.sub("", text)
    return fold(unescape(text))


@pytest.mark.skipif(not any(EXAMPLES.glob("*.*")), reason="no example articles in examples/")
def test_every_finding_lands_on_its_snippet():
    proc = run_cli("check", str(EXAMPLES), "--format", "json", "--now", "2026-11-29")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    findings = json.loads(proc.stdout)["findings"]
    assert findings, "the examples are meant to contain findings"
    checked = 0
    for f in findings:
        if not f["snippet"] or f["rule"].startswith("newslint-"):
            continue
        path = EXAMPLES / f["path"].split("examples/", 1)[-1]
        lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
        start = sum(len(x) for x in lines[: f["line"] - 1]) + f["column"] - 1
        end = sum(len(x) for x in lines[: f["end_line"] - 1]) + f["end_column"] - 1
        raw = "".join(lines)[start:end]
        snippet = f["snippet"].removesuffix("...")
        visible = _visible(raw, path.suffix == ".md")
        assert visible.startswith(snippet) or snippet.startswith(visible), (f, raw)
        checked += 1
    assert checked
