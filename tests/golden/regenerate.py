"""Regenerate the golden files of every output format: ``python tests/golden/regenerate.py [SET...]``.

Two sets, each run through the real command line from the repository root (so paths are relative):

* ``workflow``: ``tests/fixtures/workflow/articles`` with the fixtures' own ``.newslint.yaml`` and rule file
  (stable; its goldens are committed);
* ``examples``: ``examples/`` with the built-in packs, ``--isolated --now 2026-11-29`` (generated once the
  built-in packs and the examples are on the branch).

Each set's folder holds one file per case and ``exit-codes.json``; ``tests/test_golden.py`` runs the same
cases and compares byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GOLDEN = ROOT / "tests" / "golden"
FORMATS = {
    "text": "txt",
    "concise": "txt",
    "json": "json",
    "sarif": "sarif",
    "github": "txt",
    "gitlab": "json",
    "junit": "xml",
}
SETS = {
    "workflow": ["tests/fixtures/workflow/articles"],
    "examples": ["examples", "--isolated", "--now", "2026-11-29"],
}


def cases(name: str) -> dict[str, list[str]]:
    """Case file name -> command-line arguments."""
    base = SETS[name]
    out = {f"{fmt}.{ext}": ["check", *base, "--format", fmt] for fmt, ext in FORMATS.items()}
    out["text-statistics.txt"] = ["check", *base, "--statistics"]
    out["concise-quiet.txt"] = ["check", *base, "--format", "concise", "--quiet"]
    if name == "workflow":  # how each format reports a file that cannot be read
        for fmt in ("text", "json", "sarif", "github", "gitlab", "junit"):
            out[f"unreadable-{fmt}.{FORMATS[fmt]}"] = ["check", *base, "no-such-article.md", "--format", fmt]
    return out


def run_case(args: list[str]) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR")}
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args], cwd=ROOT, env=env, capture_output=True, timeout=300
    )
    return proc.returncode, proc.stdout.decode("utf-8")


def regenerate(name: str) -> None:
    folder = GOLDEN / name
    folder.mkdir(parents=True, exist_ok=True)
    codes = {}
    for filename, args in cases(name).items():
        code, out = run_case(args)
        (folder / filename).write_bytes(out.encode("utf-8"))
        codes[filename] = code
    (folder / "exit-codes.json").write_text(json.dumps(codes, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(codes)} goldens to {folder.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    names = argv or list(SETS)
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print(f"unknown set {unknown[0]!r}; sets: {', '.join(SETS)}", file=sys.stderr)
        return 2
    for name in names:
        if name == "examples" and not (ROOT / "examples").is_dir():
            print("skipping examples: there is no examples/ folder", file=sys.stderr)
            continue
        regenerate(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
