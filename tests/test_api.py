"""The Python API (newslint.check_text / check_file): typed, positioned findings, configuration, errors."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

import newslint
from newslint.api import CheckError, Finding, Fix, RuleInfo

NOW = date(2025, 9, 10)
PARAPHRASE = "Investments in the stock market are subject to risk, please read documents before investing."
EXACT = "Investments in securities market are subject to market risks. Read all the related documents carefully before investing."
ARTICLE_HTML = f"""<html><head><title>Buy call</title></head><body><article>
<h1>Buy Tata Motors now</h1>
<p>By Priya Rao</p>
<p>We promise <b>guaranteed returns</b> of 20% on this NSE stock.</p>
<p>{PARAPHRASE}</p>
</article></body></html>
"""


def test_import_newslint_does_not_load_the_engine() -> None:
    code = "import sys, newslint; print(sorted(m for m in sys.modules if m.startswith(('newslint.', 'bs4', 'yaml', 'regex'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_check_text_html_finds_and_positions_exactly() -> None:
    findings = newslint.check_text(ARTICLE_HTML, format="html", now=NOW)
    assert all(isinstance(f, Finding) for f in findings)
    by_rule = {f.rule: f for f in findings}
    assured = by_rule["sebi-assured-returns"]
    assert assured.severity == "error"
    assert assured.pack == "sebi"
    # The span covers the words inside <b>...</b>, at the exact line and columns of the source.
    line = ARTICLE_HTML.splitlines()[assured.line - 1]
    assert line[assured.column - 1 : assured.end_column - 1] == "guaranteed returns"
    assert ARTICLE_HTML[assured.start : assured.end] == "guaranteed returns"
    assert findings == sorted(findings, key=lambda f: (f.line, f.column))


def test_fix_carries_the_mandated_wording_and_applies_cleanly() -> None:
    findings = newslint.check_text(ARTICLE_HTML, "html", now=NOW, select=["disclaimer-market-risk-modified"])
    [finding] = findings
    assert isinstance(finding.fix, Fix)
    assert finding.fix.replacement == EXACT
    assert finding.fix.safe
    assert ARTICLE_HTML[finding.fix.start : finding.fix.end] == finding.fix.original == PARAPHRASE
    fixed = ARTICLE_HTML[: finding.fix.start] + finding.fix.replacement + ARTICLE_HTML[finding.fix.end :]
    assert newslint.check_text(fixed, "html", now=NOW, select=["disclaimer-market-risk-modified"]) == []


def test_findings_are_frozen_slotted_dataclasses() -> None:
    [finding] = newslint.check_text(ARTICLE_HTML, "html", now=NOW, select=["sebi-assured-returns"])
    assert dataclasses.is_dataclass(finding)
    assert not hasattr(finding, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 3  # type: ignore[misc]
    assert hash(finding) == hash(dataclasses.replace(finding))
    assert set(dataclasses.asdict(finding)) >= {
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    }


def test_markdown_positions_through_front_matter() -> None:
    text = "---\ntitle: x\n---\n\n# Title\n\nThis fund offers **assured returns** to all.\nIt is listed on the NSE.\n"
    [finding] = newslint.check_text(text, format="markdown", now=NOW, select=["sebi-assured-returns"])
    assert (finding.line, finding.column) == (7, 20)
    assert text[finding.start : finding.end] == "assured returns"


def test_format_guessed_from_path_or_text_and_validated() -> None:
    md = "# T\n\nGet **assured returns** on the NSE now.\n"
    assert [f.rule for f in newslint.check_text(md, None, path="a.md", now=NOW, select=["sebi-assured-returns"])] == [
        "sebi-assured-returns"
    ]
    with pytest.raises(ValueError, match="format must be"):
        newslint.check_text(md, format="docx")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        newslint.check_text(md.encode(), format="markdown")  # type: ignore[arg-type]
    assert newslint.check_text("   \n", format="markdown") == []


def test_unknown_selector_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="matches no rule"):
        newslint.check_text("<p>x</p>", "html", select=["no-such-rule"])


def test_now_takes_a_date_or_an_iso_string_and_says_what_else_is_wrong() -> None:
    future = "---\ntitle: T\nauthor: Priya Rao\ndate: 2025-09-20\n---\n\n# T\n\nText.\n"
    as_date = [f.rule for f in newslint.check_text(future, "markdown", now=NOW)]
    as_text = [f.rule for f in newslint.check_text(future, "markdown", now="2025-09-10")]
    assert "meta-date-scheduled" in as_date and as_text == as_date  # dated after "now": a scheduled post
    assert "meta-date-scheduled" not in [f.rule for f in newslint.check_text(future, "markdown", now="2025-09-30")]
    with pytest.raises(ValueError, match="now must be a date such as '2025-06-01'"):
        newslint.check_text(future, "markdown", now="10/09/2025")
    with pytest.raises(TypeError, match=r"now must be a datetime\.date"):
        newslint.check_text(future, "markdown", now=20250910)  # type: ignore[arg-type]


def test_check_file_uses_the_folders_configuration(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    (site / ".git").mkdir()
    article = site / "posts" / "a.md"
    article.write_text("# Title\n\nThis plan gives **assured returns** to savers in India.\n", encoding="utf-8")
    found = {f.rule for f in newslint.check_file(article, now=NOW)}
    assert "sebi-assured-returns" in found
    (site / ".newslint.yaml").write_text("ignore: [sebi-assured-returns]\n", encoding="utf-8")
    assert "sebi-assured-returns" not in {f.rule for f in newslint.check_file(article, now=NOW)}
    # The same configuration governs text that says where it belongs, unless isolated.
    text = article.read_text(encoding="utf-8")
    assert "sebi-assured-returns" not in {f.rule for f in newslint.check_text(text, "markdown", path=article, now=NOW)}
    assert "sebi-assured-returns" in {
        f.rule for f in newslint.check_text(text, "markdown", path=article, now=NOW, isolated=True)
    }
    assert all(f.path == str(article) for f in newslint.check_file(article, now=NOW, isolated=True))
    # A CMS draft that is not on disk yet still gets its folder's configuration.
    draft = site / "posts" / "not-saved-yet.md"
    assert "sebi-assured-returns" not in {f.rule for f in newslint.check_text(text, None, path=draft, now=NOW)}


def test_check_file_decodes_like_the_cli(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes("<p>Caf\u00e9 news: guaranteed returns for all on the NSE.</p>".encode("cp1252"))
    [finding] = newslint.check_file(page, now=NOW, isolated=True, select=["sebi-assured-returns"])
    assert (finding.line, finding.column) == (1, 15)  # 'é' is one character, one column


def test_broken_configuration_and_missing_file_raise_check_error(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".newslint.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("# T\n\nText.\n", encoding="utf-8")
    with pytest.raises(CheckError) as info:
        newslint.check_file(article)
    assert info.value.problems and ".newslint.yaml:1:" in info.value.problems[0]
    with pytest.raises(CheckError, match="no such file"):
        newslint.check_file(tmp_path / "missing.md", isolated=True)
    assert newslint.check_file(_empty(tmp_path), isolated=True) == []


def _empty(folder: Path) -> Path:
    path = folder / "empty.md"
    path.write_text("", encoding="utf-8")
    return path


def test_inline_suppressions_apply() -> None:
    html = "<!-- newslint-disable-next-line sebi-assured-returns -->\n<p>NSE: guaranteed returns</p>"
    assert newslint.check_text(html.split("\n")[1], "html", now=NOW, select=["sebi-assured-returns"])
    assert newslint.check_text(html, "html", now=NOW, select=["sebi-assured-returns"]) == []


def test_rule_info() -> None:
    info = newslint.rule_info("disclaimer-market-risk-modified")
    assert isinstance(info, RuleInfo)
    assert info.pack == "disclaimer"
    assert "SEBI" in info.description
    assert info.references and isinstance(info.references, tuple)
    assert newslint.rule_info("no-such-rule") is None


def test_api_matches_cli_json(tmp_path: Path) -> None:
    """The API and ``newslint check`` report the same findings for the same file."""
    import json

    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "check",
            "--isolated",
            "--no-cache",
            "--now",
            "2025-09-10",
            "-f",
            "json",
            str(page),
        ],
        capture_output=True,
        text=True,
    )
    cli = [
        (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in json.loads(proc.stdout)["findings"]
    ]
    api = [
        (f.rule, f.line, f.column, f.end_line, f.end_column) for f in newslint.check_file(page, now=NOW, isolated=True)
    ]
    assert api == cli and api


def test_docs_example_runs(tmp_path: Path) -> None:
    """The pre-publish hook of docs/api.md, run as written."""
    doc = (Path(__file__).parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    code = doc.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(textwrap.dedent(code), "docs/api.md", "exec"), namespace)
    hook = namespace["pre_publish"]
    ok, problems = hook(ARTICLE_HTML)  # type: ignore[operator]
    assert ok is False and any("sebi-assured-returns" in p for p in problems)
    ok, problems = hook("<h1>Rupee ends flat</h1><p>By Priya Rao</p><p>The rupee ended flat at 87.9 to the dollar.</p>")  # type: ignore[operator]
    assert isinstance(ok, bool)


def test_threads_get_the_same_findings() -> None:
    """docs/api.md says the functions are safe to call from several threads (a CMS's worker pool)."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [ARTICLE_HTML.replace("20%", f"{n}%") for n in range(12)]
    expected = [newslint.check_text(t, "html", now=NOW) for t in texts]
    newslint.api.clear_cache()  # the threads also race to load the packs
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: newslint.check_text(t, "html", now=NOW), texts))
    assert got == expected and all(got)
