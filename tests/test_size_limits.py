"""Size: memory stays bounded on a 50 MB page (20 MB of Markdown) when --max-file-size lets it through.

Peak memory is measured from outside: a fresh Python process runs the CLI as its child and reports
``RUSAGE_CHILDREN``'s peak resident size, so nothing else the test process did counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import newslint_exe
from robustness import EVERY_CHECK_RULES

PAGE_MB = {"html": 50, "md": 20}
# Peak memory in MB: about 15 times the page, for pages made of many short paragraphs (each block costs its
# text, a lower-cased copy, a position map and the parser's records; markdown-it's tokens, freed one by one
# as blocks are built, weigh more than the blocks). Measured 783 MB and 300 MB; before scopes stopped keeping
# a lower-cased copy each and tokens were freed as used, 1,021 MB and 892 MB (50 MB of Markdown).
# Since the time limit scales with the text (issue 21), rb-forbid-sentence no longer times out on the HTML page
# and reports its 284,091 findings, which the one file's result holds: 873 MB measured.
MAX_RSS_MB = {"html": 950, "md": 380}

MEASURE = """
import json, resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"code": proc.returncode, "peak_mb": peak, "stderr": proc.stderr.decode()[-2000:]}))
"""

PARAGRAPH = (
    "Shares of Example Broking rose 4.5% on Monday after the quarterly results beat estimates, and analysts "
    "raised their targets while the broader market closed flat in thin trade. "
)


def big_article(path: Path, fmt: str) -> None:
    """A page of many short paragraphs, ``PAGE_MB`` MB in all, with one forbidden phrase at the end."""
    count = PAGE_MB[fmt] * 1_000_000 // len(PARAGRAPH) + 1
    if fmt == "html":
        body = f"<p>{PARAGRAPH}</p>\n" * count
        text = f"<html><head><title>Big</title></head><body><article><h1>Big</h1>\n{body}"
        text += "<p>We offer guaranteed returns.</p></article></body></html>\n"
    else:
        text = "# Big\n\n" + f"{PARAGRAPH}\n\n" * count + "We offer guaranteed returns.\n"
    path.write_text(text, encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_memory_stays_bounded_on_a_huge_article(tmp_path, fmt):
    page = tmp_path / f"big.{fmt}"
    big_article(page, fmt)
    assert page.stat().st_size >= PAGE_MB[fmt] * 1_000_000
    command = [*newslint_exe(), "check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES)]
    command += ["--max-file-size", "60", "--regex-timeout", "0.5", "-q", str(page)]
    proc = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, timeout=600)
    result = json.loads(proc.stdout)
    assert result["code"] == 1, result["stderr"]  # checked, with findings
    assert "Traceback" not in result["stderr"]
    assert result["peak_mb"] < MAX_RSS_MB[fmt], f"peak {result['peak_mb']} MB for a {PAGE_MB[fmt]} MB page"


def test_the_default_limit_refuses_the_50mb_article_without_reading_it(tmp_path):
    page = tmp_path / "big.html"
    with open(page, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: a read would take time and memory, a stat does not
    command = [*newslint_exe(), "check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), str(page)]
    proc = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, timeout=120)
    result = json.loads(proc.stdout)
    assert result["code"] == 2
    assert result["peak_mb"] < 150
