"""The cache's index: a file whose stat is unchanged is looked up without being read; any change is seen."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from newslint.running import cache as cache_module
from newslint.running import many_files as parallel
from newslint.running.cache import INDEX_FORMAT, INDEX_NAME, ResultCache
from test_parallel_cache import _corpus, check, promise_posts


@pytest.fixture
def trusted(monkeypatch):
    """Index files whatever their age (a fresh file's change time is too recent, and cannot be set back)."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)


@pytest.fixture
def setup(tmp_path: Path):
    return (*promise_posts(tmp_path, 3), tmp_path / ".newslint_cache")


def run(setup, root: Path | None = None) -> tuple[ResultCache, list]:
    linter, settings, targets, default_root = setup
    cache = ResultCache(root or default_root, "f" * 64)
    results = list(parallel.lint_all(linter, targets, settings, 1, cache))
    cache.save_index()
    return cache, results


def no_reading(monkeypatch) -> None:
    monkeypatch.setattr(ResultCache, "_read", staticmethod(lambda *a: pytest.fail("a file was read")))


def test_an_unchanged_file_is_found_without_reading_it(setup, trusted, monkeypatch):
    _, cold = run(setup)
    no_reading(monkeypatch)
    cache, warm = run(setup)
    assert cache.hits == 3 and [r.findings for r in warm] == [r.findings for r in cold]


def test_a_file_written_just_now_is_not_indexed_and_so_is_always_read(setup):
    cache, _ = run(setup)
    assert cache.misses == 3 and not (cache.folder / INDEX_NAME).exists()


def test_same_size_same_mtime_rewrite_is_still_seen(setup, trusted):
    """The change time (which no user call can set back) changes with any write."""
    path = setup[2][0].path
    run(setup)
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("guaranteed", "ordinary  "), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    _, results = run(setup)
    assert "house-assured" not in {f.rule for f in results[0].findings}  # the new text: no promise left


def test_a_changed_file_is_read_again(setup, trusted):
    path = setup[2][1].path
    before = path.stat()
    run(setup)
    path.write_text("# New\n\nNothing promised.\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with its old times back
    _, results = run(setup)
    assert results[1].lines == {1: "# New"}  # the new text was read and linted


def test_a_corrupt_index_is_ignored_and_rewritten(setup, trusted, monkeypatch):
    cache, cold = run(setup)
    index = cache.folder / INDEX_NAME
    for junk in (b"{not json", b'{"format": 1, "files": {"a0.md\\u0000markdown": [1, 2, "x"]}}', b"[]"):
        index.write_bytes(junk)
        cache, again = run(setup)
        assert [r.findings for r in again] == [r.findings for r in cold]
        assert json.loads(index.read_bytes())["entry"]["format"] == INDEX_FORMAT  # rewritten whole
    no_reading(monkeypatch)
    assert run(setup)[0].hits == 3


def test_an_index_pointing_at_a_missing_entry_falls_back_to_reading(setup, trusted, monkeypatch):
    cache, cold = run(setup)
    for entry in cache.folder.glob("??/*"):
        entry.unlink()
    # The index still vouches for the bytes: they are read and linted, not hashed again.
    monkeypatch.setattr(ResultCache, "_key", staticmethod(lambda *a: pytest.fail("hashed again")))
    cache, again = run(setup)
    assert cache.misses == 3 and [r.findings for r in again] == [r.findings for r in cold]


@pytest.mark.slow  # a few seconds: run by .ci/run with -m slow (the default run stays under 90 s)
def test_a_warm_cli_run_over_old_files_reads_none_of_them(tmp_path):
    corpus = _corpus(tmp_path)
    time.sleep(2.1)  # older than the two seconds in which times are not trusted (cache.RACY_NS)
    first = check(corpus, "--jobs", "1")
    indexes = list((corpus / ".newslint_cache").rglob(INDEX_NAME))
    assert len(indexes) == 1
    rows = json.loads(indexes[0].read_bytes())["entry"]["files"]
    assert len(rows) == 27  # every file (the empty one and the PNG too: their notice and error are cached)
    second = check(corpus, "--jobs", "1")
    assert (first.stdout, first.stderr, first.returncode) == (second.stdout, second.stderr, second.returncode)
