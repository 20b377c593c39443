"""`pages: articles`: a rule that checks only articles leaves out a regulated advertiser's own page."""

from __future__ import annotations

from datetime import date

from newslint.files.source import SourceText
from newslint.parsing.parse import parse_source
from newslint.rules.loader import Loader, load_rules
from newslint.running.linter import Linter

RULE = """\
pack: house
rules:
  - id: house-needs-byline
    severity: error
    message: no byline
    description: Articles carry a byline.
    pages: {pages}
    metadata: {{field: authors, present: true}}
"""

BROKER_PAGE = """<html><head><title>Open a demat account | Sahyadri Broking</title></head><body>
<h1>Open your free Sahyadri demat account in 15 minutes</h1>
<p>Zero brokerage on delivery trades on NSE and BSE.</p>
<p>Sahyadri Broking Pvt. Ltd. | SEBI Reg. No. INZ000234567</p></body></html>"""

NEWS_PAGE = """<html><head><title>Sahyadri Broking opens 50 branches | Daily Ledger</title>
<meta property="og:site_name" content="Daily Ledger"></head><body>
<h1>Sahyadri Broking opens 50 branches in Maharashtra</h1>
<p>The Pune broker said it would hire 400 people this year.</p></body></html>"""

SCHEME_PAGE = """# Tungabhadra Flexi Cap Fund: one fund across company sizes

An open-ended dynamic equity scheme. Start a SIP from ₹500 a month.

Investment Manager: Tungabhadra Asset Management Ltd.
"""


def _rules(pages: str):
    loader = Loader()
    loader.load_text(RULE.format(pages=pages), "house.yaml")
    return loader.finish()


def _found(ruleset, text: str, fmt: str, builtin=None) -> list[str]:
    rs = builtin or ruleset
    doc = parse_source(SourceText("page." + ("html" if fmt == "html" else "md"), fmt, text, "utf-8", len(text)))
    return [f.rule for f in Linter(rs, now=date(2026, 12, 1)).lint(doc)]


def test_articles_only_rule_skips_an_advertisers_own_page():
    assert _found(_rules("articles"), BROKER_PAGE, "html") == []
    assert _found(_rules("all"), BROKER_PAGE, "html") == ["house-needs-byline"]


def test_articles_only_rule_still_checks_an_article_about_the_advertiser():
    assert _found(_rules("articles"), NEWS_PAGE, "html") == ["house-needs-byline"]


def test_builtin_byline_and_date_rules_leave_a_scheme_page_named_by_its_headline():
    builtin = load_rules([], builtin=True)
    found = _found(None, SCHEME_PAGE, "markdown", builtin)
    assert "meta-byline-missing" not in found and "meta-date-missing" not in found
    # the same page with a headline that names another firm is no page of the fund house's: an article
    other = SCHEME_PAGE.replace("Tungabhadra Flexi Cap Fund:", "Flexi cap funds:", 1)
    found = _found(None, other, "markdown", builtin)
    assert "meta-byline-missing" in found and "meta-date-missing" in found
