"""``--fix`` and ``--diff`` through the real command line, for every kind of fix: a substitution, a ``forbid``
rule's ``fix:``, an ``altered`` statement's exact wording, and the deletion of an unused suppression."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import newslint, write

RULES = """\
pack: k
rules:
  - id: k-sub
    severity: warning
    message: "use {replacement}"
    description: Say research recommendations.
    substitution: {swap: {stock tips: research recommendations}}
  - id: k-forbid
    severity: error
    message: "no {match}"
    description: No hype.
    forbid: {words: [multibagger], fix: "strong performer"}
  - id: k-altered
    severity: error
    message: "the warning is altered"
    description: The mandated warning, word for word.
    altered:
      statements:
        - Investment in securities market are subject to market risks. Read all the related documents carefully before investing.
      min_similarity: 0.7
  - id: k-other
    severity: info
    message: "other"
    description: Never matches here.
    forbid: {words: [zzzz]}
"""

WARNING = "Investment in securities market are subject to market risks. Read all the related documents carefully before investing."
ALTERED = (
    "Investments in the securities market are subject to market risk. Read all related documents before investing."
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "rules.yaml", RULES)
    write(tmp_path / ".newslint.yaml", "packs: []\nrules: [rules.yaml]\n")
    return tmp_path


CASES = {
    "substitution": ("Our desk shares stock tips daily.\n", "Our desk shares research recommendations daily.\n"),
    "forbid fix": ("A multibagger, they say.\n", "A strong performer, they say.\n"),
    "altered": (f"Intro.\n\n{ALTERED}\n", f"Intro.\n\n{WARNING}\n"),
    "unused next-line suppression, alone on its line": (
        "Intro.\n\n<!-- newslint-disable-next-line k-other -->\nNothing here.\n",
        "Intro.\n\nNothing here.\n",
    ),
    "unused range suppression beside text": (
        "Intro.\n\nText <!-- newslint-disable k-sub --> more text.\n",
        "Intro.\n\nText  more text.\n",
    ),
    "unused suppression in a CRLF file": (
        "Intro.\r\n\r\n<!-- newslint-disable-file k-other -->\r\nEnd.\r\n",
        "Intro.\r\n\r\nEnd.\r\n",
    ),
    "unused suppression in HTML": (
        "<html><body><h1>T</h1>\n  <!-- newslint-disable-next-line k-other -->\n<p>Fine.</p></body></html>\n",
        "<html><body><h1>T</h1>\n<p>Fine.</p></body></html>\n",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_fix_applies_every_kind(site: Path, case: str) -> None:
    before, after = CASES[case]
    name = "a.html" if before.startswith("<html") else "a.md"
    page = site / name
    page.write_bytes(before.encode("utf-8"))
    run = newslint("check", name, "--fix", cwd=site)
    assert "not applied" not in run.stderr, run.stderr
    assert "newslint: fixed 1 finding in 1 file" in run.stderr
    assert page.read_bytes() == after.encode("utf-8")
    assert run.stdout == "No findings in 1 file.\n"
    assert run.returncode == 0
    again = newslint("check", name, "--fix", cwd=site)  # nothing left to fix: the file is not touched
    assert "fixed" not in again.stderr and page.read_bytes() == after.encode("utf-8")


def test_all_kinds_in_one_file(site: Path) -> None:
    page = site / "a.md"
    text = "".join(before for before, _ in CASES.values() if "\r" not in before and "<html" not in before)
    page.write_text(text, encoding="utf-8")
    run = newslint("check", "a.md", "--fix", cwd=site)
    assert "newslint: fixed 5 findings in 1 file" in run.stderr
    assert page.read_text(encoding="utf-8") == "".join(
        after for before, after in CASES.values() if "\r" not in before and "<html" not in before
    )


def test_front_matter_suppression_is_reported_but_never_deleted(site: Path) -> None:
    page = write(site / "a.md", "---\ntitle: T\nnewslint: {ignore: [k-other]}\n---\n\nFine.\n")
    before = page.read_bytes()
    run = newslint("check", "a.md", "--fix", cwd=site)
    assert "newslint-unused-suppression" in run.stdout and "fixed" not in run.stderr
    assert page.read_bytes() == before


def test_diff_prints_the_fixes_and_changes_nothing(site: Path) -> None:
    page = write(
        site / "a.md", "# T\n\nOur desk shares stock tips daily.\n\n<!-- newslint-disable-next-line k-other -->\nEnd."
    )
    before = page.read_bytes()
    run = newslint("check", "a.md", "--diff", cwd=site)
    assert run.returncode == 1
    assert page.read_bytes() == before
    assert run.stdout == (
        "--- a.md\n"
        "+++ a.md\n"
        "@@ -1,6 +1,5 @@\n"
        " # T\n"
        " \n"
        "-Our desk shares stock tips daily.\n"
        "+Our desk shares research recommendations daily.\n"
        " \n"
        "-<!-- newslint-disable-next-line k-other -->\n"
        " End.\n"
        "\\ No newline at end of file\n"
    )
    assert run.stderr == "newslint: would fix 2 findings in 1 file\n"


def test_diff_with_nothing_to_fix_exits_zero(site: Path) -> None:
    write(site / "a.md", "# T\n\nAll fine.\n")
    write(site / "b.md", "# T\n\nA <b>stock</b> tips.\n")  # a finding whose fix is only a suggestion
    run = newslint("check", "a.md", "--diff", cwd=site)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "newslint: no safe fixes to apply\n")


def test_diff_and_fix_together_is_a_usage_error(site: Path) -> None:
    write(site / "a.md", "Stock tips.\n")
    run = newslint("check", "a.md", "--diff", "--fix", cwd=site)
    assert run.returncode == 2 and "--diff shows what --fix would change" in run.stderr


def test_the_diff_applied_with_patch_is_what_fix_does(site: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("patch") is None and shutil.which("git") is None:
        pytest.skip("neither patch nor git is installed")
    text = "".join(before for before, _ in CASES.values() if "<html" not in before and "\r" not in before)
    write(site / "a.md", text)
    write(site / "b.md", text)
    diff = newslint("check", "a.md", "--diff", cwd=site).stdout.replace("a.md", "b.md")
    tool = ["patch", "-p0", "--quiet"] if shutil.which("patch") else ["git", "apply", "-p0"]
    subprocess.run(tool, input=diff, text=True, cwd=site, check=True)
    newslint("check", "a.md", "--fix", cwd=site)
    assert (site / "b.md").read_bytes() == (site / "a.md").read_bytes() != text.encode()
