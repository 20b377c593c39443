"""newslint's benchmark harness: one command, every number the performance targets name.

    python benchmarks/run.py [FOLDER] [--series default|finance|memory] [--baseline CHECKOUT] [--json OUT]
                             [--repeat N] [--quick] [--rules PATH] [--jobs N]

Over the same files it measures, as medians of ``--repeat`` rounds (each round runs every measurement once, so
that a shared machine's changes of speed meet all of them alike; a ratio is the median of the rounds' ratios):

1. floors, in-process: reading + decoding the files; a raw parse (lxml for HTML, markdown-it for Markdown);
   newslint's own parse to a Document (no rules);
2. ``newslint check`` with all built-in packs in one process (``--jobs 1``), as a subprocess;
3. the same with ``--jobs N`` (default 2);
4. the same again with a warm ``.newslint_cache`` (a second run over unchanged files);
5. cold start: ``newslint check one.md`` as a fresh process, against ``python -c pass``;
6. peak RSS of each check run.

Without FOLDER it generates a seeded synthetic corpus at three sizes (10, 100 and 1,000 files; 3, 6 and 12
with ``--quick``) and shows whether the time per MB stays flat. ``--series finance`` measures instead the
finance-heavy pages of ``gen_finance.py --n 1000 --seed 42`` (the HTML pages, 61 MB; 12 with ``--quick``),
where the rules do most of the work. ``--series memory`` measures the peak RSS of ``check`` (one process and
``--jobs N``, no cache) over 100, 1,000 and 10,000 synthetic pages (10, 30, 100 with ``--quick``): a run that
streams its report holds the same memory at any size.

``--baseline CHECKOUT`` (a checkout of another commit, e.g. ``git worktree add /tmp/before main``) runs that
build's ``check`` in the same rounds (``PYTHONPATH=CHECKOUT/src``, its own packs), so that a before/after
comparison meets the same machine: on a shared machine, figures from separate runs are not comparable. A
checkout runs its parser as Python source; to compare compiled builds, install the other commit's wheel into
a folder and give that folder (``pip install --no-deps --target /tmp/before-compiled /tmp/before``, then
``--baseline /tmp/before-compiled``).

Rules: the built-in packs when the repository (or the installed package) has them, else the provisional set
in ``benchmarks/rules``; ``--rules PATH`` uses another set instead. Nothing here touches the network.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402

NOW = "2025-06-01"  # fixed "today": date rules give the same findings on every run
SIZES = (10, 100, 1000)
QUICK_SIZES = (3, 6, 12)
FIXED_COST_ROW = "check, first page and post only"  # a row of each synthetic series, for the scaling line
# More rounds for the small synthetic series: a run of 10 files takes a fifth of a second, where a few
# milliseconds of noise move its seconds per MB by 10%, and its rounds cost little.
SMALL_SERIES_ROUNDS = ((10, 5), (100, 2))  # (at most this many files, times --repeat)


def series_rounds(files: int, repeat: int) -> int:
    for most, times in SMALL_SERIES_ROUNDS:
        if files <= most:
            return repeat * times
    return repeat


SUFFIXES = (".html", ".htm", ".md", ".markdown")


# -- what to run -----------------------------------------------------------------------------------------


def newslint_command() -> list[str]:
    """The installed console script beside this interpreter (what users run), else ``python -m newslint``."""
    script = Path(sys.executable).parent / "newslint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def rule_arguments(rules: str | None) -> tuple[list[str], str]:
    """CLI arguments selecting the rule set, and a note saying which one it is.

    Without built-in packs the provisional set in ``benchmarks/rules`` stands in for them through
    ``NEWSLINT_BUILTIN_RULES``, so it is loaded exactly as built-in packs are (lazy compilation included).
    """
    if rules:
        return ["--no-builtin", "--rules", rules], f"rules: {rules} (--rules)"
    from newslint.rules.loader import builtin_pack_files

    packs = builtin_pack_files()
    if packs:
        return [], f"rules: the built-in packs ({', '.join(packs)})"
    fallback = HERE / "rules"
    os.environ["NEWSLINT_BUILTIN_RULES"] = str(fallback)
    packs = builtin_pack_files()
    return [], f"rules: {fallback} standing in for the built-in packs (none found): {', '.join(packs)}"


def parser_build() -> str:
    """Which HTML parser the measured install runs: compiled with mypyc (a wheel) or the Python source."""
    from newslint.cli.app import is_compiled

    if is_compiled("newslint.parsing.html.parser"):
        return "build: compiled parser (mypyc, a wheel install)"
    return "build: Python parser (an editable install, or a wheel that could not compile; see hatch_build.py)"


def byte_compile() -> None:
    """Compile newslint's modules as ``pip install`` does; an editable install (or PYTHONDONTWRITEBYTECODE)
    would otherwise make every cold start compile them from source."""
    import compileall

    import newslint

    compileall.compile_dir(str(Path(newslint.__file__).parent), quiet=1)


def article_files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
        out.extend(Path(root, f) for f in sorted(files) if f.lower().endswith(SUFFIXES))
    return out


# -- measuring -------------------------------------------------------------------------------------------


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_process(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process and its workers, peak RSS in bytes of the largest process)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return wall, usage.ru_utime + usage.ru_stime, rss


def floors(files: list[Path], repeat: int) -> dict[str, dict[str, Any]]:
    """The in-process floors: read+decode, raw parse (lxml / markdown-it), newslint's parse."""
    from newslint.files.source import decode_source, format_for, sniff_format
    from newslint.parsing.parse import parse_source
    from newslint.running.many_files import gc_paused, prepare_long_lived

    def decoded() -> list[Any]:
        out = []
        for path in files:
            data = path.read_bytes()
            fmt = format_for(path.name) or sniff_format(data[:512].decode("utf-8", "ignore"))
            try:
                out.append(decode_source(data, str(path), fmt))
            except Exception:  # an unreadable file is skipped by every measurement alike
                pass
        return out

    sources = decoded()
    prepare_long_lived()
    results: dict[str, dict[str, Any]] = {"read + decode": {"seconds": median_time(decoded, repeat)}}

    html = [s for s in sources if s.format == "html"]
    markdown = [s for s in sources if s.format == "markdown"]
    try:
        import lxml.html

        html_bytes = [s.text.encode("utf-8") for s in html]

        def raw_lxml() -> None:
            for data in html_bytes:
                try:
                    lxml.html.document_fromstring(data)
                except Exception:  # empty or odd documents: lxml refuses some that newslint reads
                    pass

        lxml_note = ""
    except ImportError:
        lxml_note = "lxml not installed: HTML raw floor skipped (pip install lxml)"
        html_bytes = []

        def raw_lxml() -> None:
            return None

    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")

    def raw_parse() -> None:
        raw_lxml()
        for s in markdown:
            md.parse(s.text)

    if lxml_note and html:  # a floor that leaves out the HTML would make every ratio against it meaningless
        results["raw parse (lxml / markdown-it)"] = {"seconds": None, "note": lxml_note}
    else:
        results["raw parse (lxml / markdown-it)"] = {"seconds": median_time(raw_parse, repeat)}

    def newslint_parse() -> None:
        # As check runs it: one document at a time, collector paused, nothing kept.
        for s in sources:
            with gc_paused():
                parse_source(s)

    results["newslint parse (no rules)"] = {"seconds": median_time(newslint_parse, repeat)}
    return results


def floors_in_child(folder: Path, repeat: int) -> dict[str, dict[str, Any]]:
    """The floors, measured in a child process.

    The harness itself must stay small: a child started by a large process inherits its peak RSS (Linux
    records the old memory's high-water mark at exec), which would inflate the RSS of every check run.
    """
    with tempfile.TemporaryDirectory(prefix="newslint-floors-") as work:
        out = Path(work) / "floors.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--floors-only", str(out), "--repeat", str(repeat)]
        subprocess.run([*cmd, str(folder)], check=True)
        return json.loads(out.read_text(encoding="utf-8"))


BASELINE = "baseline: "  # the prefix of the rows measured with --baseline's build


def baseline_env(checkout: Path) -> dict[str, str]:
    """The environment that runs ``python -m newslint`` from another checkout's sources and packs, or from a
    folder a wheel was installed into (``pip install --target``)."""
    env = dict(os.environ)
    installed = (checkout / "newslint").is_dir()  # a wheel installed with --target: its compiled parser
    env["PYTHONPATH"] = str((checkout if installed else checkout / "src").resolve())
    env.pop("NEWSLINT_BUILTIN_RULES", None)
    return env


def measure_folder(
    folder: Path,
    rule_args: list[str],
    repeat: int,
    jobs: int,
    fixed_cost: list[Path] | None = None,
    baseline: Path | None = None,
) -> dict[str, Any]:
    """Every measurement of one folder, taken in ``repeat`` rounds of one run each.

    Rounds, not one measurement repeated and then the next: a shared machine speeds up and slows down over
    minutes, and within a round every measurement meets about the same machine. Each ratio is the median of
    the ratios of the rounds; each row is the median of its runs (peak RSS: the largest). With
    ``fixed_cost`` files, each round also checks just those (``FIXED_COST_ROW``), for ``scaling``.
    """
    files = article_files(folder)
    size = sum(p.stat().st_size for p in files)
    base = [*newslint_command(), "check", "--now", NOW, "--quiet", *rule_args, str(folder.resolve())]
    floor_runs: dict[str, list[dict[str, Any]]] = {}
    check_runs: dict[str, list[tuple[float, float, int]]] = {}
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as work:
        cwd = Path(work)  # the cache lives in the working folder: keep it out of the project
        run_process([*base, "--jobs", "1"], cwd)  # fill the cache (the --no-cache runs leave it alone)
        commands = {
            "check, 1 process": [*base, "--jobs", "1", "--no-cache"],
            f"check, --jobs {jobs}": [*base, "--jobs", str(jobs), "--no-cache"],
            "check, warm cache": [*base, "--jobs", "1"],
        }
        if fixed_cost:
            commands[FIXED_COST_ROW] = [
                *base[:-1],
                "--jobs",
                "1",
                "--no-cache",
                *(str(f.resolve()) for f in fixed_cost),
            ]
        envs: dict[str, dict[str, str] | None] = {name: None for name in commands}
        if baseline is not None:
            other = [sys.executable, "-m", "newslint", *base[len(newslint_command()) :]]
            for name in ("check, 1 process", f"check, --jobs {jobs}"):
                commands[BASELINE + name] = other + commands[name][len(base) :]
                envs[BASELINE + name] = baseline_env(baseline)
        for _ in range(repeat):
            for name, row in floors_in_child(folder, 1).items():
                floor_runs.setdefault(name, []).append(row)
            for name, cmd in commands.items():
                check_runs.setdefault(name, []).append(run_process(cmd, cwd, envs[name]))
    rows: dict[str, dict[str, Any]] = {}
    for name, runs in floor_runs.items():
        seconds = [r["seconds"] for r in runs]
        if None in seconds:  # lxml missing: the floor was skipped, and says why
            rows[name] = {"seconds": None, "note": runs[0]["note"]}
        else:
            rows[name] = {"seconds": statistics.median(seconds)}
    for name, checks in check_runs.items():
        rows[name] = {
            "seconds": statistics.median(c[0] for c in checks),
            "cpu_seconds": statistics.median(c[1] for c in checks),
            "peak_rss_mb": max(c[2] for c in checks) / 1e6,
        }
    for row in rows.values():
        seconds = row["seconds"]
        row["files_per_s"] = len(files) / seconds if seconds else None
        row["mb_per_s"] = size / 1e6 / seconds if seconds else None

    def ratio(over: list[float]) -> float:
        return statistics.median(c[0] / o for c, o in zip(check_runs["check, 1 process"], over, strict=True))

    ratios = {
        f"check / {name}": ratio([r["seconds"] for r in runs])
        for name, runs in floor_runs.items()
        if rows[name]["seconds"]
    }
    ratios[f"check 1 process / --jobs {jobs} (speed-up)"] = ratio([c[0] for c in check_runs[f"check, --jobs {jobs}"]])
    ratios["check / warm cache (speed-up)"] = ratio([c[0] for c in check_runs["check, warm cache"]])
    if baseline is not None:
        for name in ("check, 1 process", f"check, --jobs {jobs}"):
            ratios[f"{BASELINE}{name} / this build's (speed-up)"] = statistics.median(
                b[0] / c[0] for b, c in zip(check_runs[BASELINE + name], check_runs[name], strict=True)
            )
        one, many = check_runs[BASELINE + "check, 1 process"], check_runs[BASELINE + f"check, --jobs {jobs}"]
        ratios[f"{BASELINE}check 1 process / --jobs {jobs} (speed-up)"] = statistics.median(
            a[0] / b[0] for a, b in zip(one, many, strict=True)
        )
    result = {"folder": str(folder), "files": len(files), "mb": size / 1e6, "rows": rows, "ratios": ratios}
    if fixed_cost:
        fixed_mb = sum(f.stat().st_size for f in fixed_cost) / 1e6
        rows[FIXED_COST_ROW]["files_per_s"] = len(fixed_cost) / rows[FIXED_COST_ROW]["seconds"]
        rows[FIXED_COST_ROW]["mb_per_s"] = fixed_mb / rows[FIXED_COST_ROW]["seconds"]
        # Round by round, the check's time beyond the fixed-cost run, per further MB (paired: same machine).
        result["seconds_per_mb_beyond_fixed_cost"] = statistics.median(
            max(c[0] - f[0], 0.0) / (size / 1e6 - fixed_mb)
            for c, f in zip(check_runs["check, 1 process"], check_runs[FIXED_COST_ROW], strict=True)
        )
    return result


MEMORY_SIZES = (100, 1000, 10_000)
QUICK_MEMORY_SIZES = (10, 30, 100)


def memory_series(
    scratch: Path, sizes: tuple[int, ...], rule_args: list[str], jobs: int, baseline: Path | None
) -> dict[str, Any]:
    """Peak RSS (and time) of ``check`` over synthetic corpora of growing size, each against the smallest."""
    builds: dict[str, tuple[list[str], dict[str, str] | None]] = {"": (newslint_command(), None)}
    if baseline is not None:
        builds[BASELINE] = ([sys.executable, "-m", "newslint"], baseline_env(baseline))
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="newslint-memory-") as work:
        for n in sizes:
            folder = generate(scratch / f"m{n}", n)
            mb = sum(p.stat().st_size for p in article_files(folder)) / 1e6
            for prefix, (command, env) in builds.items():
                for j in (1, jobs):
                    cmd = [*command, "check", "--now", NOW, "--quiet", "--no-cache", "--jobs", str(j), *rule_args]
                    wall, _cpu, rss = run_process([*cmd, str(folder.resolve())], Path(work), env)
                    rows[f"{prefix}{n} files, --jobs {j}"] = {
                        "files": n,
                        "mb": mb,
                        "seconds": wall,
                        "peak_rss_mb": rss / 1e6,
                    }
            shutil.rmtree(folder, ignore_errors=True)
    for name, row in rows.items():
        first = name.replace(f"{row['files']} files", f"{sizes[0]} files", 1)
        row["rss_over_smallest"] = row["peak_rss_mb"] / rows[first]["peak_rss_mb"]
    return rows


def memory_table(rows: dict[str, dict[str, Any]]) -> str:
    lines = ["memory by size (check, no cache; one run each)"]
    lines.append(f"  {'run':44} {'MB':>7} {'seconds':>8} {'peak RSS':>9} {'vs smallest':>12}")
    for name, row in rows.items():
        lines.append(
            f"  {name:44} {row['mb']:7.1f} {row['seconds']:8.2f} {row['peak_rss_mb']:6.0f} MB"
            f" {row['rss_over_smallest']:11.2f}x"
        )
    return "\n".join(lines)


def finance_pages(scratch: Path, count: int) -> Path:
    """``gen_finance.py --n COUNT --seed 42`` into ``scratch``; its HTML pages."""
    out = scratch / f"finance{count}"
    subprocess.run(
        [sys.executable, str(HERE / "gen_finance.py"), "--n", str(count), "--seed", "42", "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out / "html"


def cold_start(rule_args: list[str], repeat: int) -> dict[str, float]:
    """Median wall time of ``newslint check one.md`` (a fresh process) and of ``python -c pass``."""
    with tempfile.TemporaryDirectory(prefix="newslint-cold-") as work:
        cwd = Path(work)
        post = cwd / "one.md"
        post.write_text(
            "---\ntitle: Nifty ends higher\nauthor: Asha Rao\ndate: 2025-05-02\n---\n\n# Nifty ends higher\n\n"
            "The Nifty 50 rose 0.4% on Friday, led by bank stocks.\n",
            encoding="utf-8",
        )
        cmd = [*newslint_command(), "check", "--now", NOW, "--no-cache", *rule_args, "one.md"]
        run_process(cmd, cwd)  # warm the OS file cache and __pycache__
        python = [sys.executable, "-c", "pass"]
        rounds = [(run_process(cmd, cwd)[0], run_process(python, cwd)[0]) for _ in range(repeat)]
    return {
        "newslint_check_one_md": statistics.median(n for n, _ in rounds),
        "python_c_pass": statistics.median(p for _, p in rounds),
        "difference": statistics.median(n - p for n, p in rounds),  # each round's pair meets the same machine
    }


# -- reporting -------------------------------------------------------------------------------------------


def table(result: dict[str, Any]) -> str:
    lines = [f"{result['label']}: {result['files']} files, {result['mb']:.1f} MB"]
    lines.append(f"  {'measurement':34} {'seconds':>8} {'CPU s':>7} {'files/s':>9} {'MB/s':>7} {'peak RSS':>9}")
    for name, row in result["rows"].items():
        cpu = f"{row['cpu_seconds']:7.2f}" if "cpu_seconds" in row else " " * 7
        rss = f"{row['peak_rss_mb']:6.0f} MB" if "peak_rss_mb" in row else ""
        if row["seconds"] is None:
            lines.append(f"  {name:34} {'skipped':>8}")
        else:
            lines.append(
                f"  {name:34} {row['seconds']:8.3f} {cpu} {row['files_per_s']:9.1f} {row['mb_per_s']:7.1f} {rss:>9}"
            )
        if row.get("note"):
            lines.append(f"    note: {row['note']}")
    for name, value in result["ratios"].items():
        lines.append(f"  {name:60} {value:6.2f}x")
    return "\n".join(lines)


def scaling(results: list[dict[str, Any]], start: float) -> dict[str, Any]:
    """Seconds per MB at each size: as measured; without the cold start; and beyond a fixed-cost run.

    The first series carries every fixed cost, which dominates 10 small files. The second removes the
    cold start (a one-line Markdown post) but not what a run pays once on its first real page and post:
    importing the HTML parser, compiling the expressions of every rule they fire (a synthetic page fires
    them all). The third removes both, as the time of a run over the corpus's first page and first post,
    measured in the same rounds (``FIXED_COST_ROW``): it is the cost of each further MB, the one that would
    grow if a run kept documents or its caches grew.
    """

    def spread(values: list[float]) -> float | None:
        """(largest - smallest) / smallest; None when the smallest is 0 (a series no longer than the fixed
        costs, as in --quick), where no spread can be stated."""
        return (max(values) - min(values)) / min(values) if values and min(values) > 0 else None

    seconds = [r["rows"]["check, 1 process"]["seconds"] for r in results]
    per_mb = [t / r["mb"] for t, r in zip(seconds, results, strict=True)]
    marginal = [max(t - start, 0.0) / r["mb"] for t, r in zip(seconds, results, strict=True)]
    beyond = [r["seconds_per_mb_beyond_fixed_cost"] for r in results if "seconds_per_mb_beyond_fixed_cost" in r]
    return {
        "seconds_per_mb": per_mb,
        "spread": spread(per_mb),
        "seconds_per_mb_after_start": marginal,
        "spread_after_start": spread(marginal),
        "seconds_per_mb_beyond_fixed_cost": beyond,
        "spread_beyond_fixed_cost": spread(beyond),
    }


def fixed_cost_files(folder: Path) -> list[Path]:
    """The corpus's first page and first post: a run over them pays every cost a run pays once (both parsers
    imported, the expressions of the rules that fire compiled)."""
    files = article_files(folder)
    found = [next((f for f in files if f.suffix.lower() in kind), None) for kind in ((".html", ".htm"), (".md",))]
    return [f for f in found if f is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="articles to measure (default: a synthetic corpus, 3 sizes)")
    parser.add_argument("--json", dest="json_out", help="also write the results as JSON here")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions per measurement (default 3)")
    parser.add_argument("--quick", action="store_true", help="tiny corpus, one repetition (a smoke test)")
    parser.add_argument("--rules", help="a rule file or folder instead of the built-in packs")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel measurement (default 2)")
    parser.add_argument(
        "--series",
        choices=("default", "finance", "memory"),
        default="default",
        help="without FOLDER: synthetic pages at 3 sizes (default), finance-heavy pages, or memory by size",
    )
    parser.add_argument("--baseline", type=Path, help="a checkout of another build, measured in the same rounds")
    parser.add_argument("--floors-only", metavar="OUT", help=argparse.SUPPRESS)  # internal: see floors_in_child
    args = parser.parse_args(argv)
    if args.folder and not article_files(Path(args.folder)):
        what = "no such folder" if not Path(args.folder).exists() else f"no articles ({', '.join(SUFFIXES)}) in it"
        parser.error(f"{args.folder}: {what}")
    repeat = args.repeat or (1 if args.quick else 3)
    if args.floors_only:
        rows = floors(article_files(Path(args.folder)), repeat)
        Path(args.floors_only).write_text(json.dumps(rows), encoding="utf-8")
        return 0
    rule_args, rule_note = rule_arguments(args.rules)
    byte_compile()

    print(f"newslint benchmark: Python {platform.python_version()}, {os.cpu_count()} CPUs, median of {repeat}")
    print(rule_note)
    build_note = parser_build()
    print(build_note)
    if args.baseline is not None:
        if not (args.baseline / "src" / "newslint").is_dir() and not (args.baseline / "newslint").is_dir():
            parser.error(
                f"{args.baseline}: neither a newslint checkout (src/newslint) nor an installed one (newslint/)"
            )
        print(f"baseline: {args.baseline} (rows prefixed {BASELINE!r}, measured in the same rounds)")
    if args.series == "memory" and not args.folder:
        scratch = Path(tempfile.mkdtemp(prefix="newslint-synthetic-"))
        try:
            sizes = QUICK_MEMORY_SIZES if args.quick else MEMORY_SIZES
            rows = memory_series(scratch, sizes, rule_args, args.jobs, args.baseline)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        print()
        print(memory_table(rows))
        if args.json_out:
            payload = {"rules": rule_note, "build": build_note, "memory": rows}
            Path(args.json_out).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        return 0
    results = []
    scratch = None
    fixed_cost: list[Path] | None = None
    try:
        if args.folder:
            folders = [(Path(args.folder), Path(args.folder).name or args.folder)]
        elif args.series == "finance":
            scratch = Path(tempfile.mkdtemp(prefix="newslint-finance-"))
            count = 12 if args.quick else 1000
            folders = [(finance_pages(scratch, count), f"finance-heavy, gen_finance.py --n {count} --seed 42")]
        else:
            scratch = Path(tempfile.mkdtemp(prefix="newslint-synthetic-"))
            sizes = QUICK_SIZES if args.quick else SIZES
            folders = [(generate(scratch / f"n{n}", n), f"synthetic, {n} files") for n in sizes]
            fixed_cost = fixed_cost_files(folders[0][0])
        for folder, label in folders:
            single = args.quick or args.folder or args.series != "default"
            rounds = repeat if single else series_rounds(len(article_files(folder)), repeat)
            result = measure_folder(folder, rule_args, rounds, args.jobs, fixed_cost, args.baseline)
            result["label"] = label if rounds == repeat else f"{label}, median of {rounds}"
            result["rounds"] = rounds
            results.append(result)
            print()
            print(table(result))
        start = cold_start(rule_args, max(repeat, 3 if args.quick else 10))
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    print()
    print(
        f"cold start: newslint check one.md {start['newslint_check_one_md']:.3f} s, python -c pass "
        f"{start['python_c_pass']:.3f} s, difference {start['difference']:.3f} s"
    )
    payload: dict[str, Any] = {
        "rules": rule_note,
        "build": build_note,
        "repeat": repeat,
        "results": results,
        "cold_start": start,
    }
    if len(results) > 1 and fixed_cost:
        scale = payload["scaling"] = scaling(results, start["newslint_check_one_md"])
        per_mb = ", ".join(f"{s:.3f}" for s in scale["seconds_per_mb"])
        marginal = ", ".join(f"{s:.3f}" for s in scale["seconds_per_mb_after_start"])
        beyond = ", ".join(f"{s:.3f}" for s in scale["seconds_per_mb_beyond_fixed_cost"])

        def percent(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.0%}"

        print(f"scaling: seconds per MB (check, 1 process) {per_mb}; spread {percent(scale['spread'])}")
        print(f"         without the start-up (cold start) {marginal}; spread {percent(scale['spread_after_start'])}")
        fixed_spread = percent(scale["spread_beyond_fixed_cost"])
        print(f"         beyond the fixed costs (a page and a post) {beyond}; spread {fixed_spread}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
