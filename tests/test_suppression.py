"""Inline suppression in Markdown and HTML, front matter, and reports of unused and malformed directives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import newslint, write


def findings(project: Path, name: str, *extra: str) -> list[tuple[str, int]]:
    run = newslint("check", name, "-f", "json", *extra, cwd=project)
    assert run.returncode in (0, 1), run.stderr
    return [(f["rule"], f["line"]) for f in json.loads(run.stdout)["findings"]]


MD_RANGE = """\
# Title

Guaranteed returns here.

<!-- newslint-disable t-assured-returns -->
Guaranteed returns, suppressed.

Stock tips are still reported here.
<!-- newslint-enable t-assured-returns -->

Guaranteed returns again.
"""

HTML_RANGE = """\
<html><body><article>
<h1>Title</h1>
<p>Guaranteed returns here.</p>
<!-- newslint-disable t-assured-returns -->
<p>Guaranteed returns, suppressed.</p>
<p>Stock tips are still reported here.</p>
<!-- newslint-enable t-assured-returns -->
<p>Guaranteed returns again.</p>
</article></body></html>
"""


@pytest.mark.parametrize(("name", "text", "lines"), [("a.md", MD_RANGE, (3, 8, 11)), ("a.html", HTML_RANGE, (3, 6, 8))])
def test_disable_enable_range(project: Path, name: str, text: str, lines: tuple[int, int, int]) -> None:
    write(project / name, text)
    first, tips, last = lines
    assert findings(project, name) == [
        ("t-assured-returns", first),
        ("t-stock-tips", tips),
        ("t-assured-returns", last),
    ]


def test_disable_without_names_means_every_rule_and_enable_one_rule(project: Path) -> None:
    write(
        project / "a.md",
        """\
        <!-- newslint-disable -->
        Guaranteed returns and stock tips.

        <!-- newslint-enable t-stock-tips -->
        Guaranteed returns and stock tips, a multibagger.

        <!-- newslint-enable -->
        A multibagger.
        """,
    )
    assert findings(project, "a.md") == [("t-stock-tips", 5), ("t-hype", 8)]


def test_disable_next_line_skips_blank_lines_and_covers_one_line(project: Path) -> None:
    write(
        project / "a.md",
        """\
        <!-- newslint-disable-next-line t-assured-returns -->

        Guaranteed returns, suppressed.
        Guaranteed returns on the line after: reported.
        """,
    )
    assert findings(project, "a.md") == [("t-assured-returns", 4)]


def test_disable_next_line_in_html(project: Path) -> None:
    write(
        project / "a.html",
        """\
        <html><body><article><h1>T</h1>
        <!-- newslint-disable-next-line t-stock-tips, t-assured-returns -->
        <p>Stock tips with guaranteed returns.</p>
        <p>Stock tips.</p>
        </article></body></html>
        """,
    )
    assert findings(project, "a.html") == [("t-stock-tips", 4)]


def test_disable_file_globs_and_pack_names(project: Path) -> None:
    text = "Guaranteed returns and stock tips, a multibagger.\n"
    write(project / "a.md", "<!-- newslint-disable-file t-stock-*, t-hype -->\n" + text)
    assert findings(project, "a.md") == [("t-assured-returns", 2)]
    write(project / "b.md", text + "<!-- newslint-disable-file t -->\n")  # the pack's name; anywhere in the file
    assert findings(project, "b.md") == []


def test_front_matter_ignore(project: Path) -> None:
    write(
        project / "a.md",
        """\
        ---
        title: T
        newslint:
          ignore: [t-assured-returns, t-hype]
        ---
        Guaranteed returns and stock tips, a multibagger.
        """,
    )
    assert findings(project, "a.md") == [("t-stock-tips", 6)]
    write(project / "b.md", '---\nnewslint: {ignore: "*"}\n---\nGuaranteed returns and stock tips.\n')
    assert findings(project, "b.md") == []


def test_reason_after_double_dash(project: Path) -> None:
    write(
        project / "a.md",
        "<!-- newslint-disable-next-line t-assured-returns -- quoting the advert -->\nGuaranteed returns.\n",
    )
    assert findings(project, "a.md") == []


def test_unused_suppressions_are_reported_with_positions_and_a_fix(project: Path) -> None:
    write(
        project / "a.md",
        """\
        ---
        newslint: {ignore: [t-hype, t-nothing-like-this]}
        ---
        <!-- newslint-disable-next-line t-assured-returns -->
        Nothing wrong here.

        <!-- newslint-disable t-stock-tips, t-assured-returns -->
        Guaranteed returns.
        <!-- newslint-enable -->
        """,
    )
    run = newslint("check", "a.md", "-f", "json", cwd=project)
    got = [(f["rule"], f["line"], f["column"], f["message"]) for f in json.loads(run.stdout)["findings"]]
    assert got == [
        (
            "newslint-unused-suppression",
            2,
            21,
            "unused suppression: front matter 'newslint.ignore' of 't-hype' suppressed no finding",
        ),
        (
            "newslint-unused-suppression",
            2,
            29,
            "unused suppression: 't-nothing-like-this' names no known rule or pack",
        ),
        (
            "newslint-unused-suppression",
            4,
            33,
            "unused suppression: newslint-disable-next-line of 't-assured-returns' suppressed no finding",
        ),
        (
            "newslint-unused-suppression",
            7,
            23,
            "unused suppression: newslint-disable of 't-stock-tips' suppressed no finding",
        ),
    ]
    # It is info: the run passes. A wholly unused comment comes with a fix that deletes it.
    assert run.returncode == 0
    fixes = {f["line"]: f["fix"] for f in json.loads(run.stdout)["findings"]}
    # The comment is alone on its line: the fix deletes the line, break included (no blank line left).
    assert fixes[4] == {"replacement": "", "line": 4, "column": 1, "end_line": 5, "end_column": 1}
    assert fixes[7] is None  # half used: only the unused name is reported, no fix


def test_unused_not_reported_for_rules_that_did_not_run(project: Path) -> None:
    write(project / "a.md", "<!-- newslint-disable-next-line t-stock-tips -->\nGuaranteed returns.\n")
    assert findings(project, "a.md", "--select", "t-assured-returns,newslint") == [("t-assured-returns", 2)]
    # ... and the unused-suppression rule can be ignored like any rule.
    write(project / "b.md", "<!-- newslint-disable-next-line t-hype -->\nFine.\n")
    assert findings(project, "b.md") == [("newslint-unused-suppression", 1)]
    assert findings(project, "b.md", "--ignore", "newslint-unused-suppression") == []


def test_unused_directive_for_every_rule(project: Path) -> None:
    write(project / "a.md", "Fine.\n\n<!-- newslint-disable-file -->\n")
    run = newslint("check", "a.md", "-f", "json", cwd=project)
    got = [(f["rule"], f["line"], f["message"]) for f in json.loads(run.stdout)["findings"]]
    assert got == [
        ("newslint-unused-suppression", 3, "unused suppression: newslint-disable-file suppressed no finding")
    ]


def test_misspelt_directive_is_reported(project: Path) -> None:
    write(project / "a.md", "<!-- newslint-disabel t-hype -->\nA multibagger.\n<!-- not a directive -->\n")
    run = newslint("check", "a.md", "-f", "json", cwd=project)
    got = [(f["rule"], f["severity"], f["line"]) for f in json.loads(run.stdout)["findings"]]
    assert got == [("newslint-invalid-suppression", "warning", 1), ("t-hype", "info", 2)]


def test_malformed_front_matter_key_is_reported(project: Path) -> None:
    write(project / "a.md", "---\nnewslint: [t-hype]\n---\nA multibagger.\n")
    got = findings(project, "a.md")
    assert got == [("newslint-invalid-suppression", 2), ("t-hype", 4)]


def test_suppression_in_html_comment_inside_a_paragraph(project: Path) -> None:
    """Range directives work by position: a finding before the comment on the same line is not covered."""
    write(
        project / "a.html",
        "<html><body><article><h1>T</h1>"
        "<p>Stock tips <!-- newslint-disable t-stock-tips --> and stock tips.</p></article></body></html>\n",
    )
    run = newslint("check", "a.html", "-f", "json", cwd=project)
    cols = [(f["rule"], f["column"]) for f in json.loads(run.stdout)["findings"]]
    assert cols == [("t-stock-tips", 35)]


def test_directives_in_markdown_code_are_code_not_directives(project: Path) -> None:
    """A post that shows how to suppress a rule (inline code, fenced or indented blocks) suppresses nothing."""
    write(
        project / "a.md",
        """\
        # How to silence a rule

        Write `<!-- newslint-disable-file -->` at the top of the file.

            <!-- newslint-disable-file -->

        ```html
        <!-- newslint-disable t-assured-returns -->
        ```

        ---

        <!-- newslint-disable-next-line t-assured-returns -->
        Guaranteed returns, suppressed by a real directive.

        Guaranteed returns, still reported.
        """,
    )
    assert findings(project, "a.md") == [("t-assured-returns", 16)]
    # Nor does a front matter value that quotes one: front matter is YAML, not Markdown.
    write(project / "b.md", '---\nsummary: "<!-- newslint-disable-file -->"\n---\nGuaranteed returns.\n')
    assert findings(project, "b.md") == [("t-assured-returns", 4)]
