"""--jobs gives the same bytes as one process; the result cache hits, misses, invalidates and heals."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from newslint.rules.loader import Loader
from newslint.running import many_files as parallel
from newslint.running.cache import CACHE_FORMAT
from newslint.running.linter import Linter
from newslint.running.one_file import CheckSettings, Target

# Each test runs the command line as processes (a pool of workers, a cache shared between runs): run by
# .ci/run with the slow tests.
pytestmark = pytest.mark.slow

RULES = """\
pack: house
rules:
  - id: house-assured
    severity: error
    message: "Do not promise returns: {match}"
    description: Promises of returns are forbidden.
    forbid: {words: [guaranteed returns, assured returns], fix: "returns"}
  - id: house-byline
    severity: warning
    message: "No byline"
    description: Every article needs an author.
    metadata: {field: authors, present: true}
  - id: house-future
    severity: error
    message: "Published in the future: {value}"
    description: Dates after today are mistakes.
    metadata: {field: published, not_future: true}
"""

HTML = """<!doctype html>
<html><head><title>Story {n}</title>
<meta property="article:published_time" content="2025-0{month}-10T10:00:00+05:30"></head>
<body><article>
<h1>Fund&nbsp;house {n} promises</h1>
<p class="byline">By Asha Rao</p>
<p>The scheme offers <b>guaranteed</b>
returns, the flyer for scheme {n} said.</p>
<p>Nothing else to see in story {n}; assured returns again.</p>
</article></body></html>
"""

MARKDOWN = "---\nauthor: Ravi\ndate: 2025-0{month}-01\n---\n\n# Post {n}\n\nWe promise assured returns on post {n}.\n"


def _corpus(folder: Path, count: int = 24) -> Path:
    articles = folder / "articles"
    (articles / "sub").mkdir(parents=True)
    for n in range(count):
        month = 1 + n % 9
        if n % 3 == 0:
            (articles / f"md-{n:02d}.md").write_text(MARKDOWN.format(n=n, month=month), encoding="utf-8")
        else:
            target = articles / "sub" if n % 2 else articles
            (target / f"page-{n:02d}.html").write_text(HTML.format(n=n, month=month), encoding="utf-8")
    (articles / "empty.md").write_text("", encoding="utf-8")  # a notice
    (articles / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # an error
    (articles / "bad-jsonld.html").write_text(  # a warning
        '<html><head><script type="application/ld+json">{oops</script></head><body><p>Text.</p></body></html>',
        encoding="utf-8",
    )
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _corpus(tmp_path)


def promise_posts(folder: Path, count: int) -> tuple[Linter, CheckSettings, list[Target]]:
    """A linter with the rules above, its settings, and ``count`` posts that each promise returns."""
    loader = Loader()
    loader.load_text(RULES, "r.yaml")
    linter = Linter(loader.finish(), date(2025, 1, 1))
    targets = []
    for i in range(count):
        path = folder / f"a{i:02d}.md"
        path.write_text(f"# T{i}\n\nWe offer guaranteed returns {i}.\n", encoding="utf-8")
        targets.append(Target(path, path.name, "markdown"))
    return linter, CheckSettings(now=date(2025, 1, 1)), targets


def check(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli(
        "check", "--no-builtin", "--rules", "rules.yaml", "--now", "2025-06-01", "articles", *args, cwd=folder
    )


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_2_is_byte_identical_to_jobs_1(corpus, fmt):
    one = check(corpus, "--no-cache", "--jobs", "1", "--format", fmt)
    two = check(corpus, "--no-cache", "--jobs", "2", "--format", fmt)
    assert one.returncode == two.returncode == 2  # the PNG is an error
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr  # notices and warnings, in the same order
    assert b"empty file" in one.stderr and b"JSON-LD" in one.stderr
    if fmt == "json":
        assert json.loads(one.stdout)["summary"]["files"] == 26  # the empty file is a notice, not a result


def test_jobs_2_is_byte_identical_when_a_huge_page_goes_first(corpus):
    # One page far larger than the rest travels alone and is sent first: results still come in input order.
    page = corpus / "articles" / "page-04.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", "<p>Filler text.</p>\n" * 20_000 + "</article>")
    )
    one = check(corpus, "--no-cache", "--jobs", "1", "--format", "json")
    two = check(corpus, "--no-cache", "--jobs", "2", "--format", "json")
    assert one.stdout == two.stdout and one.stderr == two.stderr


def test_chunks_are_cut_by_bytes_and_sent_largest_first():
    sizes = [1_000] * 40 + [5_000_000] * 3 + [1_000] * 40
    chunks, order = parallel.plan_chunks(sizes, jobs=2)
    assert [i for chunk in chunks for i in chunk] == list(range(len(sizes)))  # consecutive, all, in order
    assert all(len(chunk) <= parallel.chunk_size(len(sizes), 2) for chunk in chunks)
    huge = [chunk for chunk in chunks if any(sizes[i] > 1_000 for i in chunk)]
    assert [list(chunk) for chunk in huge] == [[40], [41], [42]]  # each huge page alone
    assert sorted(order[:3]) == [chunks.index(chunk) for chunk in huge]  # and sent first
    assert sorted(order) == list(range(len(chunks)))
    assert parallel.plan_chunks([], jobs=2) == ([], [])
    assert parallel.plan_chunks([0, 0, 0], jobs=2)[0] == [range(0, 1), range(1, 2), range(2, 3)]


def test_pool_falls_back_in_process_for_small_runs(corpus):
    from newslint.running.many_files import MIN_FILES_FOR_POOL

    assert MIN_FILES_FOR_POOL > 1
    small = run_cli(
        "check", "--no-builtin", "-r", "rules.yaml", "--no-cache", "-j", "2", "articles/md-00.md", cwd=corpus
    )
    assert small.returncode == 1 and b"assured returns" in small.stdout


def test_jobs_must_be_positive(corpus):
    proc = check(corpus, "--jobs", "0")
    assert proc.returncode == 2 and b"--jobs" in proc.stderr


def _entries(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in (folder / ".newslint_cache").rglob("*")
        if p.is_file() and p.parent.name != ".newslint_cache" and p.name != "index.json"
    )


def test_cache_second_run_reads_entries_and_gives_the_same_output(corpus):
    first = check(corpus, "--jobs", "1")
    entries = _entries(corpus)
    assert len(entries) == 27  # one per file: findings, the notice and the error alike
    second = check(corpus, "--jobs", "1")
    assert (first.stdout, first.stderr, first.returncode) == (second.stdout, second.stderr, second.returncode)
    assert _entries(corpus) == entries
    assert (corpus / ".newslint_cache" / "CACHEDIR.TAG").is_file()


def _mtimes(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in _entries(folder)}


def _fingerprint_dirs(folder: Path) -> set[str]:
    return {p.name for p in (folder / ".newslint_cache" / f"v{CACHE_FORMAT}").iterdir()}


def test_cache_invalidated_by_content_change(corpus):
    check(corpus, "--jobs", "1")
    before = _entries(corpus)
    page = corpus / "articles" / "page-02.html"
    page.write_text(page.read_text(encoding="utf-8").replace("guaranteed", "modest"), encoding="utf-8")
    proc = check(corpus, "--jobs", "1", "--format", "json")
    findings = [f for f in json.loads(proc.stdout)["findings"] if f["path"].endswith("page-02.html")]
    assert [f["rule"] for f in findings] == ["house-assured"]  # only the second promise is left
    assert len(_entries(corpus)) == len(before) + 1  # a new entry for the new content


@pytest.mark.parametrize(
    "change",
    ["rule-file", "now", "select", "version"],
)
def test_cache_invalidated_by_rules_settings_and_version(corpus, change, monkeypatch):
    check(corpus, "--jobs", "1")
    dirs = _fingerprint_dirs(corpus)
    extra: list[str] = []
    if change == "rule-file":
        rules = corpus / "rules.yaml"
        rules.write_text(rules.read_text(encoding="utf-8").replace("assured returns]", "assured returns, sure shot]"))
    elif change == "now":
        extra = ["--now", "2025-03-01"]
    elif change == "select":
        extra = ["--select", "house-assured"]
    if change == "version":
        from datetime import date

        import newslint.running.cache as cache_module
        from newslint import __version__
        from newslint.rules.loader import load_rules
        from newslint.running.cache import fingerprint
        from newslint.running.one_file import CheckSettings, make_linter

        ruleset = load_rules([corpus / "rules.yaml"], builtin=False)
        settings = CheckSettings(now=date(2025, 6, 1))
        linter = make_linter(ruleset, settings)
        old = fingerprint(ruleset, linter, settings)
        monkeypatch.setattr(cache_module, "__version__", __version__ + ".post1")
        assert fingerprint(ruleset, linter, settings) != old
        return
    proc = run_cli(
        "check", "--no-builtin", "--rules", "rules.yaml", "--now", "2025-06-01", *extra, "articles", cwd=corpus
    )
    assert proc.returncode in (1, 2)
    assert len(_fingerprint_dirs(corpus)) == len(dirs) + 1


def test_now_changes_results_through_the_cache(corpus):
    june = check(corpus, "--jobs", "1", "--format", "json")
    december = run_cli(
        "check",
        "--no-builtin",
        "--rules",
        "rules.yaml",
        "--now",
        "2025-12-31",
        "--format",
        "json",
        "articles",
        cwd=corpus,
    )
    future = lambda proc: sum(f["rule"] == "house-future" for f in json.loads(proc.stdout)["findings"])  # noqa: E731
    assert future(june) > 0 and future(december) == 0


def test_corrupt_and_truncated_entries_are_ignored_and_rewritten(corpus):
    reference = check(corpus, "--jobs", "1")
    entries = _entries(corpus)
    entries[0].write_bytes(entries[0].read_bytes()[:20])  # truncated
    entries[1].write_bytes(b"\x00\xff not json")  # garbage
    entries[2].write_text(json.dumps({"format": 1, "key": "someone else"}), encoding="utf-8")  # another entry
    entries[3].write_text('{"format": 1}', encoding="utf-8")  # missing fields
    again = check(corpus, "--jobs", "1")
    assert (again.stdout, again.stderr) == (reference.stdout, reference.stderr)
    for entry in entries[:4]:
        json.loads(entry.read_bytes())["entry"]["findings"]  # rewritten whole


def test_no_cache_neither_reads_nor_writes(corpus):
    check(corpus, "--no-cache")
    assert not (corpus / ".newslint_cache").exists()
    check(corpus)
    entries = _entries(corpus)
    for entry in entries:
        entry.write_text("{}", encoding="utf-8")
    mtimes = _mtimes(corpus)
    proc = check(corpus, "--no-cache")
    assert proc.returncode == 2 and _mtimes(corpus) == mtimes


def test_clean_removes_the_cache_folder(corpus):
    check(corpus)
    assert (corpus / ".newslint_cache").is_dir()
    proc = run_cli("clean", cwd=corpus)
    assert proc.returncode == 0 and not (corpus / ".newslint_cache").exists()
    again = run_cli("clean", cwd=corpus)
    assert again.returncode == 0 and b"No cache" in again.stdout


def test_check_writes_nothing_outside_the_cache_folder(corpus):
    before = {p for p in corpus.rglob("*")}
    check(corpus, "--jobs", "2")
    after = {p for p in corpus.rglob("*")}
    assert {p for p in after - before if ".newslint_cache" not in p.parts} == set()


def test_read_only_project_still_checks(corpus):
    if os.geteuid() == 0:
        pytest.skip("root ignores permissions")
    corpus.chmod(0o555)
    try:
        proc = check(corpus)
        assert proc.returncode == 2 and b"assured returns" in proc.stdout
    finally:
        corpus.chmod(0o755)


def test_warm_run_with_jobs_starts_no_worker(tmp_path, monkeypatch):
    """Cached results are read in the parent: a warm run does not pay for a process pool."""
    from newslint.running.cache import ResultCache

    linter, settings, targets = promise_posts(tmp_path, 12)
    cache = ResultCache(tmp_path / ".newslint_cache", "f" * 64)
    cold = list(parallel.lint_all(linter, targets, settings, 2, cache))
    monkeypatch.setattr(parallel._Pool, "_start", lambda *a, **k: (_ for _ in ()).throw(AssertionError("pool started")))
    warm = list(parallel.lint_all(linter, targets, settings, 2, cache))
    assert [r.findings for r in warm] == [r.findings for r in cold]
    assert cache.hits == 12
