"""The benchmark harness runs end to end on a tiny synthetic corpus (a smoke test, a few seconds)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_harness_quick_run_writes_every_measurement(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
        capture_output=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["results"]) == 3 and "scaling" in data
    scale = data["scaling"]
    fixed = [r["rows"]["check, first page and post only"] for r in data["results"]]
    assert all(row["seconds"] > 0 and row["files_per_s"] > 0 for row in fixed)
    assert len(scale["seconds_per_mb_beyond_fixed_cost"]) == 3
    assert "beyond the fixed costs (a page and a post)" in proc.stdout.decode()
    rows = data["results"][0]["rows"]
    for name in (
        "read + decode",
        "newslint parse (no rules)",
        "check, 1 process",
        "check, --jobs 2",
        "check, warm cache",
    ):
        assert rows[name]["seconds"] > 0 and rows[name]["mb_per_s"] > 0
    assert rows["check, 1 process"]["peak_rss_mb"] > 0
    raw = rows["raw parse (lxml / markdown-it)"]
    if importlib.util.find_spec("lxml"):
        assert raw["seconds"] > 0 and raw["mb_per_s"] > 0
    else:  # no HTML floor at all rather than one that leaves the HTML out
        assert raw["seconds"] is None and "lxml not installed" in raw["note"]
        assert "skipped" in proc.stdout.decode()
    assert data["cold_start"]["newslint_check_one_md"] > data["cold_start"]["python_c_pass"] > 0
    assert "MB/s" in proc.stdout.decode()
    assert not list(tmp_path.glob(".newslint_cache"))  # the harness keeps its caches in scratch folders


def test_synthetic_corpus_is_reproducible(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus import generate
    finally:
        sys.path.pop(0)
    a = generate(tmp_path / "a", 6)
    b = generate(tmp_path / "b", 6)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and any(n.endswith(".md") for n in names)
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def test_harness_refuses_a_folder_without_articles_with_a_message(tmp_path):
    (tmp_path / "notes.txt").write_text("not an article", encoding="utf-8")
    for folder, message in ((tmp_path / "missing", "no such folder"), (tmp_path, "no articles (.html")):
        proc = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "run.py"), str(folder)], capture_output=True, timeout=60
        )
        assert proc.returncode == 2
        assert f"{folder}: {message}" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


@pytest.mark.slow
def test_memory_series_and_a_baseline_build_are_measured_in_one_run(tmp_path):
    """``--series memory --quick`` over 10, 30 and 100 pages, this build and a baseline (here the same
    sources): each row has its peak RSS and its ratio to the smallest run."""
    out = tmp_path / "memory.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--series",
            "memory",
            "--quick",
            "--baseline",
            str(ROOT),
            "--json",
            str(out),
        ],
        capture_output=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    rows = json.loads(out.read_text(encoding="utf-8"))["memory"]
    assert set(rows) == {
        f"{prefix}{n} files, --jobs {j}" for prefix in ("", "baseline: ") for n in (10, 30, 100) for j in (1, 2)
    }
    assert all(row["peak_rss_mb"] > 0 and row["rss_over_smallest"] > 0 for row in rows.values())
    assert "memory by size" in proc.stdout.decode()


def test_finance_series_generates_the_finance_pages(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.pop(0)
    html = run.finance_pages(tmp_path, 3)
    pages = sorted(p.name for p in html.iterdir())
    assert pages == ["article_0000.html", "article_0001.html", "article_0002.html"]
    assert all(40_000 <= (html / p).stat().st_size <= 90_000 for p in pages)
