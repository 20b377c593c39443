"""The cache is never trusted blindly (issue 21): tampered, bit-flipped, deeply nested, FIFO and link entries
are misses, a link planted inside ``.newslint_cache`` never makes newslint read or write outside it, and
results that depend on timing are never cached. Through the CLI, with a timeout on every run."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from conftest import newslint
from newslint.running.cache import CACHE_DIR_NAME, CACHE_FORMAT, INDEX_NAME, seal, unseal

# Each test runs the command line as a process against a tampered cache: run by .ci/run with the slow tests.
pytestmark = pytest.mark.slow

ARTICLE = "# Markets\n\nWe offer guaranteed returns.\n"


@pytest.fixture
def warm(project: Path) -> Path:
    """A project checked once: its cache holds one entry (and no index: the file is too new to index)."""
    (project / "a.md").write_text(ARTICLE, encoding="utf-8")
    first = newslint("check", "a.md", cwd=project)
    assert first.returncode == 1 and "t-assured-returns" in first.stdout
    return project


def fingerprint_folder(project: Path) -> Path:
    (folder,) = (project / CACHE_DIR_NAME / f"v{CACHE_FORMAT}").iterdir()
    return folder


def entries(project: Path) -> list[Path]:
    folder = fingerprint_folder(project)
    return sorted(p for p in folder.glob("??/*") if not p.name.startswith("."))


def again(project: Path, expect: int = 1):
    """The second run: same report as a fresh one, no traceback."""
    run = newslint("check", "a.md", cwd=project)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == expect and "a.md:3:10: error t-assured-returns" in run.stdout, run
    return run


def test_entries_are_sealed_with_a_checksum(warm):
    (entry,) = entries(warm)
    raw = entry.read_bytes()
    assert unseal(raw)["findings"][0][0] == "t-assured-returns"
    with pytest.raises(ValueError):
        unseal(raw.replace(b'"error"', b'"errox"'))


def test_a_bit_flipped_entry_is_a_miss_not_a_replay(warm):
    (entry,) = entries(warm)
    raw = entry.read_bytes()
    # What a flipped bit or an editor can do: the severity and the message change, the JSON stays valid.
    entry.write_bytes(raw.replace(b'"error"', b'"info"').replace(b"Do not promise", b"Do nut promise"))
    again(warm)  # still exit 1 with the real finding
    assert unseal(entry.read_bytes())["findings"][0][1] == "error"  # rewritten


def test_a_sealed_entry_of_the_wrong_shape_is_a_miss(warm):
    (entry,) = entries(warm)
    data = unseal(entry.read_bytes())
    data["findings"][0][1] = "info "  # a severity no rule has, under a good checksum
    entry.write_bytes(seal(json.dumps(data).encode()))
    again(warm)
    assert unseal(entry.read_bytes())["findings"][0][1] == "error"


@pytest.mark.parametrize(
    "field, value",
    [(1, ""), (1, None), (1, 0), (0, "Sebi Rule"), (0, "x" * 300), (3, 0), (4, -1), (3, True), (2, ["m"])],
)
def test_every_field_of_an_entry_is_checked(warm, field, value):
    from newslint.running.cache import _decode

    (entry,) = entries(warm)
    data = unseal(entry.read_bytes())
    _decode(data, data["key"], "a.md")  # the real entry is fine
    data["findings"][0][field] = value
    with pytest.raises((ValueError, TypeError)):
        _decode(data, data["key"], "a.md")


def test_deeply_nested_json_is_a_miss(warm):
    (entry,) = entries(warm)
    entry.write_bytes(seal(b"[" * 200_000 + b"]" * 200_000))
    again(warm)


def test_an_entry_that_is_a_fifo_or_a_link_to_dev_zero_is_a_miss(warm):
    (entry,) = entries(warm)
    entry.unlink()
    os.mkfifo(entry)
    again(warm)
    assert stat.S_ISREG(os.lstat(entry).st_mode)  # replaced by a real entry
    entry.unlink()
    entry.symlink_to("/dev/zero")
    again(warm)
    assert stat.S_ISREG(os.lstat(entry).st_mode)


def test_an_index_that_is_a_fifo_or_a_link_to_dev_zero_is_a_miss(warm):
    index = fingerprint_folder(warm) / INDEX_NAME
    os.mkfifo(index)
    again(warm)
    index.unlink()
    index.symlink_to("/dev/zero")
    again(warm)


def test_a_link_inside_the_cache_never_makes_newslint_write_outside_it(warm, tmp_path_factory):
    foreign = tmp_path_factory.mktemp("foreign")
    (foreign / INDEX_NAME).write_text('{"someone": "else"}', encoding="utf-8")
    folder = fingerprint_folder(warm)
    real = folder.with_name("moved")
    folder.rename(real)
    folder.symlink_to(foreign)  # the fingerprint folder is a link to a foreign folder
    os.utime(warm / "a.md", (1, 1))  # old enough to be indexed: the run wants to write an index
    again(warm)
    assert sorted(p.name for p in foreign.iterdir()) == [INDEX_NAME]
    assert (foreign / INDEX_NAME).read_text(encoding="utf-8") == '{"someone": "else"}'
    # A link one level down, in place of an entry's subfolder.
    folder.unlink()
    real.rename(folder)
    (sub,) = [p for p in folder.iterdir() if p.is_dir()]
    sub_real = sub.with_name("zz-moved")
    sub.rename(sub_real)
    sub.symlink_to(foreign)
    again(warm)
    assert sorted(p.name for p in foreign.iterdir()) == [INDEX_NAME]


def test_a_cache_root_that_is_a_link_is_not_used(warm, tmp_path_factory):
    foreign = tmp_path_factory.mktemp("elsewhere")
    root = warm / CACHE_DIR_NAME
    root.rename(warm / "old-cache")
    root.symlink_to(foreign)
    again(warm)
    assert list(foreign.iterdir()) == []


SLOW = """\
pack: slow
rules:
  - id: slow-backtracking
    severity: info
    message: m
    description: Backtracks until its time limit on every article.
    forbid: {patterns: ['(a|aa)+$']}
"""


def test_a_result_with_a_rule_timeout_is_never_cached(project):
    (project / "slow.yaml").write_text(SLOW, encoding="utf-8")
    (project / "a.md").write_text("# P\n\n" + "a" * 40 + "!\n", encoding="utf-8")
    args = ("check", "--no-builtin", "--rules", "slow.yaml", "--isolated", "--regex-timeout", "0.2", "a.md")
    first = newslint(*args, cwd=project)
    assert "newslint-rule-timeout" in first.stdout, first
    cache = project / CACHE_DIR_NAME
    assert not [p for p in cache.rglob("*") if p.is_file() and p.parent.parent.parent.name == f"v{CACHE_FORMAT}"]


def test_stale_temporary_files_in_the_cache_are_removed_by_the_next_write_there(warm):
    import subprocess

    (entry,) = entries(warm)
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = entry.parent / f".{entry.name}.newslint-{dead.pid}-0a1b2c3d4e5f.tmp"
    stale.write_bytes(b"half an entry")
    entry.unlink()
    again(warm)
    assert entry.exists() and not stale.exists()


def test_a_markdown_parse_that_ran_out_of_time_is_never_cached(tmp_path, monkeypatch):
    """The real message of a parse past its deadline (forced here: a budget of no time at all)."""
    from newslint.parsing.markdown import tokens
    from newslint.running.cache import ResultCache, depends_on_timing
    from test_parallel_cache import promise_posts

    linter, settings, targets = promise_posts(tmp_path, 1)
    monkeypatch.setattr(tokens, "parse_budget", lambda size: -1.0)
    cache = ResultCache(tmp_path / CACHE_DIR_NAME, "f" * 64)
    result = cache.lint(linter, targets[0], settings)
    assert result.error and "Markdown" in result.error, result
    assert depends_on_timing(result)
    assert not list(cache.folder.glob("??/*"))


def test_clean_removes_a_link_in_place_of_the_cache_but_not_what_it_points_to(project, tmp_path_factory):
    foreign = tmp_path_factory.mktemp("precious")
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    (project / CACHE_DIR_NAME).symlink_to(foreign)
    run = newslint("clean", cwd=project)
    assert run.returncode == 0, run
    assert not os.path.lexists(project / CACHE_DIR_NAME)
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "mine"
