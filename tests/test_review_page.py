"""``newslint check --format html``: the review page (structure, escaping, placement); no browser needed."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from review_articles import EXACT, HOSTILE_HTML, MARKDOWN

# The review page through the CLI (seconds): run by .ci/run's slow stage, so the default run stays under 90 s.
pytestmark = pytest.mark.slow

NOW = "2025-09-10"


def review(folder: Path, *args: str, stdin: str | None = None) -> tuple[str, subprocess.CompletedProcess[str]]:
    out = folder / "review.html"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "check",
            "--isolated",
            "--no-cache",
            "--now",
            NOW,
            "--format",
            "html",
            "-o",
            str(out),
            *args,
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        input=stdin,
    )
    return (out.read_text(encoding="utf-8") if out.exists() else ""), proc


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (tmp_path / "wrap.md").write_text(MARKDOWN, encoding="utf-8")
    return tmp_path


def marks(page: str) -> list[tuple[str, str]]:
    """(finding ids, highlighted text) of every <mark>, the text unescaped."""
    import html

    return [
        (m.group(1), html.unescape(m.group(2)))
        for m in re.finditer(r'<mark class="hl[^"]*"(?: id="[^"]*")? data-f="([^"]*)"[^>]*>(.*?)</mark>', page)
    ]


def card_ids(page: str, rule: str) -> list[str]:
    return re.findall(
        r'<div class="card[^"]*" id="(f\d+)"[^>]*>(?:(?!</div>).)*?<code class="rule">' + re.escape(rule) + "<", page
    )


def test_exit_code_and_file_written(site: Path) -> None:
    page, proc = review(site, ".")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert page.startswith("<!DOCTYPE html>")
    assert "hostile.html" in page and "wrap.md" in page


def test_highlights_land_on_the_flagged_words(site: Path) -> None:
    page, _ = review(site, ".")
    found = marks(page)

    def highlighted(fid: str) -> str:
        return "".join(t for ids, t in found if fid in ids.split())

    # hostile.html comes first: "<b>guaranteed</b> returns" reads, and is highlighted, as one phrase.
    html_card, md_card = card_ids(page, "sebi-assured-returns")
    assert highlighted(html_card) == "guaranteed returns"
    assert highlighted(md_card) == "assured returns"  # inside **...** in Markdown
    [modified] = card_ids(page, "disclaimer-market-risk-modified")
    assert highlighted(modified).startswith("Investments in the stock market") and highlighted(modified).endswith(
        "investing."
    )
    [unattributed] = card_ids(page, "attribution-unattributed-claim")
    assert highlighted(unattributed) == "It is learnt"


def test_every_card_has_a_highlight_or_is_about_the_whole_article(site: Path) -> None:
    page, _ = review(site, ".")
    all_cards = re.findall(r'<div class="card[^"]*" id="(f\d+)"', page)
    marked = {fid for ids, _ in marks(page) for fid in ids.split()}
    whole = set()
    for section in re.findall(r'<section class="whole">(.*?)</section>', page, re.S):
        whole.update(re.findall(r'id="(f\d+)"', section))
    assert all_cards and set(all_cards) == marked | whole
    assert len(all_cards) == len(set(all_cards))


def test_fix_shows_the_exact_mandated_wording_with_a_copy_button(site: Path) -> None:
    page, _ = review(site, ".")
    [fid] = card_ids(page, "disclaimer-market-risk-modified")
    m = re.search(rf'<pre id="fix-{fid}">(.*?)</pre><button type="button" class="copy" data-copy="fix-{fid}">', page)
    assert m is not None and m.group(1) == EXACT


def test_rule_why_and_references_are_shown(site: Path) -> None:
    page, _ = review(site, ".")
    assert "SEBI/HO/MIRSD/MIRSD-PoD-2/P/CIR/2023/51" in page  # a reference of disclaimer-market-risk-modified
    assert "<summary>Why</summary>" in page


def test_untrusted_text_is_escaped(site: Path) -> None:
    page, _ = review(site, ".")
    assert page.count("<script") == 1  # ours, at the end
    assert "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_hostile_file_name_is_escaped(tmp_path: Path) -> None:
    name = 'x"><svg onload=alert(1)>.md'
    (tmp_path / name).write_text(MARKDOWN, encoding="utf-8")
    page, proc = review(tmp_path, name)
    assert proc.returncode == 1
    assert "<svg" not in page and "x&quot;&gt;&lt;svg onload=alert(1)&gt;.md" in page


def test_self_contained_and_locked_down(site: Path) -> None:
    page, _ = review(site, ".")
    assert not re.search(r"""<[^>]*\ssrc\s*=""", page)  # no image, script or frame loads anything
    # Web links only as a rule's references (navigation when clicked, nothing loaded with the page).
    outside_refs = re.sub(r'<ul class="refs">.*?</ul>', "", page, flags=re.S)
    assert not re.search(r"""<[^>]*\shref\s*=\s*["']?(?:https?:)?//""", outside_refs)
    assert re.search(r'<ul class="refs">(?:(?!</ul>).)*<a href="https://', page, re.S)
    assert "javascript:" not in page
    assert "<link" not in page and "@import" not in page and "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#x27;none&#x27;" in csp
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"sha256-{digest}" in csp


def test_standard_input_shows_findings_with_source_lines(tmp_path: Path) -> None:
    page, proc = review(tmp_path, "--stdin-filename", "in.md", "-", stdin=MARKDOWN)
    assert proc.returncode == 1
    assert "could not be read again" in page
    assert '<pre class="src">The Sensex rose 300 points. It is learnt' in page


def test_standard_input_named_like_a_different_file_on_disk(tmp_path: Path) -> None:
    (tmp_path / "in.md").write_text("# Other\n\nA different article on disk.\n", encoding="utf-8")
    page, proc = review(tmp_path, "--stdin-filename", "in.md", "-", stdin=MARKDOWN)
    assert proc.returncode == 1
    assert "A different article on disk" not in page  # the findings are not laid over the wrong text
    assert '<pre class="src">The Sensex rose 300 points. It is learnt' in page


def test_unreadable_file_listed(site: Path) -> None:
    page, proc = review(site, "wrap.md", "missing.md")
    assert proc.returncode == 2
    assert "<h2>Not checked</h2>" in page and "missing.md" in page


def test_clean_article(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("# Rupee flat\n\nThe rupee ended flat.\n", encoding="utf-8")
    page, proc = review(tmp_path, "ok.md", "--select", "sebi-assured-returns")
    assert proc.returncode == 0
    assert "No findings." in page


def test_page_furniture_without_findings_folds_away(tmp_path: Path) -> None:
    nav = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(6))
    page_html = (
        f"<html><body><nav><ul>{nav}</ul></nav><article><h1>Sensex falls</h1>"
        "<p>Our NSE index plan gives guaranteed returns to every client.</p></article></body></html>"
    )
    (tmp_path / "p.html").write_text(page_html, encoding="utf-8")
    page, _ = review(tmp_path, "p.html", "--select", "sebi-assured-returns")
    folded = re.search(
        r'<details class="furniture"><summary>Page furniture \((\d+) blocks\)</summary>(.*?)</details>', page, re.S
    )
    assert folded is not None and "Section 0" in folded.group(2) and "Section 5" in folded.group(2)
    assert "guaranteed returns" not in folded.group(2)
    assert folded.group(2).count("<ul") == 1  # the six links form one list
    assert "<mark" in page.split("</details>", 1)[1]


def test_filter_counts_match_the_cards(site: Path) -> None:
    page, _ = review(site, ".")
    for kind, attr in (("sev", "data-sev"), ("pack", "data-pack")):
        labels = re.findall(rf'data-filter="{kind}" value="([^"]+)" checked> [^(<]+\((\d+)\)', page)
        assert labels
        for value, count in labels:
            assert page.count(f'{attr}="{value}"') == int(count), (kind, value)


def test_only_web_addresses_become_links() -> None:
    from newslint.output.review_html import _reference

    assert _reference("https://www.sebi.gov.in/a?b=1&c=2") == (
        '<a href="https://www.sebi.gov.in/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">'
        "https://www.sebi.gov.in/a?b=1&amp;c=2</a>"
    )
    assert _reference("javascript:alert(1)") == "javascript:alert(1)"
    assert _reference('https://x.example/"><script>') == "https://x.example/&quot;&gt;&lt;script&gt;"
    assert _reference("SEBI/HO/MIRSD/2023/51 <b>") == "SEBI/HO/MIRSD/2023/51 &lt;b&gt;"
