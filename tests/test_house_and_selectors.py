"""House facts (registration numbers) and configured HTML selectors, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import newslint, write

HOUSE = """\
packs: []
rules: [rules/]
house:
  INZ000123456: Example Broking Ltd
  INH000654321: [Example Research]
"""


def house_findings(project: Path, text: str, name: str = "a.md") -> list[tuple[str, str, str]]:
    write(project / ".newslint.yaml", HOUSE)
    write(project / name, text)
    run = newslint("check", name, "-f", "json", cwd=project)
    assert run.returncode in (0, 1), run.stderr
    return [(f["rule"], f["severity"], f["snippet"]) for f in json.loads(run.stdout)["findings"]]


def test_unknown_number_is_a_warning(project: Path) -> None:
    got = house_findings(project, "Our SEBI registration number is INH000999999.\n")
    assert got == [("sebi-registration-number-unknown", "warning", "INH000999999")]


def test_house_number_and_attributed_numbers_are_fine(project: Path) -> None:
    text = (
        "Example Broking Ltd (SEBI Reg. No. INZ000123456) is the broker.\n\n"
        "Research by analyst Jane Doe, SEBI Reg. No. INH000111222.\n\n"
        "SEBI registration number INH000777777 (XYZ Advisors).\n\n"
        "Our registration number is INZ000123456.\n"
    )
    assert house_findings(project, text) == []


def test_house_name_with_another_number_is_an_error(project: Path) -> None:
    text = "Example Broking Limited, SEBI Registration No. INZ000999999.\n\nExample Research: INZ000123456.\n"
    got = house_findings(project, text)
    assert got == [
        ("sebi-house-number-mismatch", "error", "INZ000999999"),
        # A number of the house, but of the other house entity.
        ("sebi-house-number-mismatch", "error", "INZ000123456"),
    ]
    run = newslint("check", "a.md", cwd=project)
    assert "Example Broking Limited is shown with registration number INZ000999999; its number is INZ000123456" in (
        run.stdout
    )


def test_separators_split_a_footer_line(project: Path) -> None:
    text = (
        "Example Broking Ltd | SEBI Reg. No. INZ000123456 | Research Analyst: INH000654321 | "
        "Member ID: INZ000999999 | Partner: XYZ Capital (INZ000555555)\n"
    )
    # INZ000123456: the name before the segment, its own number. INH000654321: another house entity's
    # number in the house's list. INZ000555555: XYZ Capital's. INZ000999999: nobody named in its segment,
    # so the house name before it owns it: a mismatch.
    assert house_findings(project, text) == [("sebi-house-number-mismatch", "error", "INZ000999999")]


def test_house_rules_in_footer_of_html(project: Path) -> None:
    page = (
        "<html><body><article><h1>T</h1><p>Body text.</p></article>"
        "<footer><p>Example Broking Ltd | SEBI Reg. No.: INZ000123465</p></footer></body></html>\n"
    )
    assert house_findings(project, page, "a.html") == [("sebi-house-number-mismatch", "error", "INZ000123465")]


def test_house_rules_exist_only_when_configured(project: Path) -> None:
    run = newslint("rules", "-f", "json", cwd=project)
    ids = [r["id"] for r in json.loads(run.stdout)["rules"]]
    assert "sebi-registration-number-unknown" not in ids
    write(project / ".newslint.yaml", HOUSE)
    run = newslint("rules", "-f", "json", cwd=project)
    rows = {r["id"]: r for r in json.loads(run.stdout)["rules"]}
    assert rows["sebi-registration-number-unknown"]["severity"] == "warning"
    assert rows["sebi-house-number-mismatch"] == {
        "id": "sebi-house-number-mismatch",
        "pack": "house",
        "severity": "error",
        "summary": "A house name shown with a registration number that is not its own.",
        "kind": "house",
    }
    explained = newslint("explain", "sebi-registration-number-unknown", cwd=project)
    assert explained.returncode == 0
    assert "INH000654321, INZ000123456" in explained.stdout
    # Without house facts the ids are unknown to select/ignore, as any missing rule.
    write(project / ".newslint.yaml", "packs: []\nrules: [rules/]\nignore: [sebi-house-number-mismatch]\n")
    write(project / "a.md", "Fine.\n")
    assert newslint("check", "a.md", cwd=project).returncode == 2


SELECTOR_PAGE = """\
<html><body>
<main>
  <div class="zx-copy">
    <h1>Headline</h1>
    <p>The story itself: a long enough paragraph of editorial text that carries the news of the day.</p>
  </div>
  <div class="zx-more"><p>More from the desk: stock tips for the patient investor and a multibagger.</p></div>
  <section id="talk"><p>Reader comment: a multibagger please.</p></section>
</main>
</body></html>
"""


def body_lines(project: Path, *args: str) -> dict[int, bool]:
    run = newslint("inspect", "page.html", "-f", "json", *args, cwd=project)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    return {b["line"]: b["region"] == "body" for b in data["blocks"]}


def test_selectors_override_body_detection(project: Path) -> None:
    write(project / "page.html", SELECTOR_PAGE)
    # Without selectors, <main> is the body: the promotional box and the comment are "body" text.
    assert newslint("check", "page.html", "-f", "json", cwd=project).stdout.count('"t-hype"') == 2
    write(
        project / ".newslint.yaml",
        "packs: []\nrules: [rules/]\nhtml:\n  content: div.zx-copy\n  furniture: ['.zx-more', '#talk']\n",
    )
    run = newslint("check", "page.html", "-f", "json", cwd=project)
    assert json.loads(run.stdout)["findings"] == []  # t-hype and t-stock-tips look at the body only
    assert body_lines(project) == {4: True, 5: True, 7: False, 8: False}
    # inspect names the container that the configuration chose.
    text = newslint("inspect", "page.html", cwd=project).stdout
    assert "body: <div zx-copy> (html.content)" in text


def test_furniture_selector_alone_inside_detected_body(project: Path) -> None:
    write(project / "page.html", SELECTOR_PAGE)
    write(project / ".newslint.yaml", "packs: []\nrules: [rules/]\nhtml: {furniture: .zx-more}\n")
    assert body_lines(project) == {4: True, 5: True, 7: False, 8: True}


def test_selector_on_inline_element_is_a_warning(project: Path) -> None:
    write(
        project / "page.html",
        SELECTOR_PAGE.replace("<h1>Headline</h1>", "<h1><span class='k'>Headline</span></h1>"),
    )
    write(project / ".newslint.yaml", "packs: []\nrules: [rules/]\nhtml: {furniture: span.k}\n")
    run = newslint("check", "page.html", cwd=project)
    assert "line 4: html.furniture selector 'span.k' matched 1 element that body detection does not track" in (
        run.stderr
    )


def test_bs4_is_imported_only_with_selectors(project: Path) -> None:
    write(project / "page.html", SELECTOR_PAGE)

    def imported(*args: str) -> set[str]:
        run = newslint("check", "page.html", *args, cwd=project, env={"PYTHONPROFILEIMPORTTIME": "1"})
        return {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}

    plain = imported()
    assert "bs4" not in plain and "soupsieve" not in plain
    assert "rich" not in plain  # start-up stays light (pre-commit runs newslint often)
    write(project / ".newslint.yaml", "packs: []\nrules: [rules/]\nhtml: {content: div.zx-copy}\n")
    assert "bs4" in imported()
