"""The documentation is checked like code.

* Every relative link in README.md, CONTRIBUTING.md and docs/ points to a file that exists, and a link to a
  heading (``page.md#heading``) to a heading that exists, with GitHub's anchors.
* The README's table of built-in rules lists exactly the rules of the built-in packs, with their severities.
* The README's walk-through and its example finding print what the README shows: each ``$`` command of its
  ``console`` blocks is run in a fresh folder and its output compared line by line (``...`` stands for any
  lines).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = [README, ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)


def prose(text: str) -> str:
    """The text without code: links inside code blocks and code spans are examples, not links."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def anchors(text: str) -> set[str]:
    """GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces to hyphens, -1, -2... for repeats."""
    seen: dict[str, int] = {}
    out = set()
    for m in HEADING.finditer(FENCE.sub("", text)):
        slug = re.sub(r"[^\w\- ]", "", m.group(1).replace("`", "").strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_anchors_follow_github() -> None:
    text = (
        "# A\n## Testing rules: `newslint test`\n### `--fix`\n## JSON (a contract)\n## A\n```\n# not a heading\n```\n"
    )
    assert anchors(text) == {"a", "testing-rules-newslint-test", "--fix", "json-a-contract", "a-1"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    broken = []
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest.read_text(encoding="utf-8")):
            broken.append(f"{target}: no heading with anchor #{anchor} in {dest.relative_to(ROOT)}")
    assert not broken, f"{page.relative_to(ROOT)}: broken links:\n" + "\n".join(broken)


def test_readme_rules_table_lists_the_builtin_rules(tmp_path: Path) -> None:
    table = section(README.read_text(encoding="utf-8"), "Built-in rules")
    rows = re.findall(r"^\| `([\w-]+)` \| `([\w-]+)` \| (\w+) \|", table, re.M)
    listed = {(pack, rule, severity) for pack, rule, severity in rows}
    assert len(rows) == len(listed), "a rule is listed twice"
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "rules", "--isolated", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    rules = [r for r in json.loads(proc.stdout)["rules"] if r["pack"] != "newslint"]
    shipped = {(r["pack"], r["id"], r["severity"]) for r in rules}
    missing = [
        f"| `{r['pack']}` | `{r['id']}` | {r['severity']} | {r['summary']} |"
        for r in rules
        if (r["pack"], r["id"], r["severity"]) not in listed
    ]
    assert not missing and listed <= shipped, (
        "README's rules table is out of date.\nRows to add or correct:\n"
        + "\n".join(missing)
        + "\nRows that name no built-in rule (or the wrong severity): "
        + repr(sorted(listed - shipped))
    )


def console_steps(text: str) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for every ``$`` line of the ``console`` blocks of ``text``."""
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"^```console\n(.*?)^```$", text, re.M | re.S):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            assert lines[i].startswith("$ "), f"output before a command: {lines[i]!r}"
            command = lines[i][2:]
            i += 1
            heredoc = re.search(r"<<'(\w+)'$", command)
            if heredoc:  # the here-document's lines belong to the command
                end = lines.index(heredoc.group(1), i)
                command = "\n".join([command, *lines[i : end + 1]])
                i = end + 1
            output = []
            while i < len(lines) and not lines[i].startswith("$ "):
                output.append(lines[i])
                i += 1
            steps.append((command, output))
    return steps


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; a line ``...`` stands for any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def run_shell(command: str, cwd: Path) -> str:
    """Run a README command with ``newslint`` meaning this interpreter's newslint; stdout and stderr merged."""
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "CI", "NO_COLOR", "FORCE_COLOR"}}
    env["NEWSLINT_PYTHON"] = sys.executable
    script = 'exec 2>&1\nnewslint() { "$NEWSLINT_PYTHON" -m newslint "$@"; }\n' + command
    proc = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    return proc.stdout


def test_readme_walk_through_prints_what_it_shows(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # configuration discovery stops here, whatever lies above the temporary folder
    steps = console_steps(section(README.read_text(encoding="utf-8"), "A one-minute walk-through"))
    assert [c.split("\n")[0] for c, _ in steps] == [
        "newslint init",
        "cat > ipo-wrap.md <<'EOF'",
        "newslint check ipo-wrap.md",
        "newslint check --fix ipo-wrap.md",
        "newslint explain sebi-assured-returns",
    ]
    for command, expected in steps:
        actual = run_shell(command, tmp_path).splitlines()
        assert matches(expected, actual), (
            f"$ {command}\n--- README shows:\n" + "\n".join(expected) + "\n--- it prints:\n" + "\n".join(actual)
        )


def test_readme_example_finding_is_real() -> None:
    text = section(README.read_text(encoding="utf-8"), "What a finding looks like")
    shown = re.search(r"^```\n(.*?)^```$", text, re.M | re.S)
    assert shown
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--isolated", "--no-cache", "examples/broker-ipo-news.html"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1
    assert shown.group(1) in proc.stdout


def test_documented_pyproject_example_works(tmp_path: Path) -> None:
    """The ``[tool.newslint]`` example of docs/configuration.md is read, and does what its keys say."""
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = re.search(r"^```toml\n(.*?)^```$", page, re.M | re.S)
    assert example
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(example.group(1), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "rules", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    severity = {r["id"]: r["severity"] for r in json.loads(proc.stdout)["rules"]}
    assert "attribution-unattributed-claim" not in severity
    assert severity["meta-byline-missing"] == "warning"
    assert "sebi-registration-number-unknown" in severity  # house facts switch on the house pack
