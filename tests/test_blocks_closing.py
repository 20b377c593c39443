"""``blocks`` placement: closing matter (a heading such as "Disclaimer", or ``closing_text``) may follow."""

from __future__ import annotations

from datetime import date

from helpers import source
from newslint.rules.loader import Loader
from newslint.running.linter import Linter, lint_source

PACK = """
pack: t
classes:
  promotion:
    match: {words: [open a free demat account]}
rules:
  - id: t-placement
    severity: warning
    message: m
    description: d
    blocks:
      class: promotion
      placement: after-body
{extra}
"""

ARTICLE = """# Markets rise

The Sensex rose 300 points on Tuesday as banks and IT companies gained in late trade across the board.

Foreign investors bought shares worth 1,200 crore rupees on Tuesday, provisional exchange data showed.

Open a free demat account with Example Brokers today.

Investment in securities market are subject to market risks. Read all the related documents carefully.
"""


def _fired(extra: str = "") -> bool:
    loader = Loader()
    loader.load_text(PACK.replace("{extra}", extra), "t.yaml")
    ruleset = loader.finish()
    result = lint_source(Linter(ruleset, date(2026, 11, 29)), source(ARTICLE))
    return any(f.rule == "t-placement" for f in result.findings)


def test_a_long_warning_after_a_promotion_counts_as_editorial_text_by_default():
    assert _fired()


def test_closing_text_marks_a_warning_without_heading_as_closing_matter():
    assert not _fired(r"      closing_text: {patterns: ['subject\s+to\s+market\s+risks']}")


PLAIN_TITLES = """# Markets rise

The Sensex rose 300 points on Tuesday as banks and IT companies gained in late trade across the board.

Foreign investors bought shares worth 1,200 crore rupees on Tuesday, provisional exchange data showed.

Open a free demat account with Example Brokers today.

Related News

Disclaimer

The information on this website is general and educational and should not be relied on by any reader.

Trading in stocks involves high risk and may not suit every investor; prices can fall as well as rise.
"""


def test_a_plain_closing_title_line_starts_closing_matter():
    loader = Loader()
    loader.load_text(PACK.replace("{extra}", ""), "t.yaml")
    result = lint_source(Linter(loader.finish(), date(2026, 11, 29)), source(PLAIN_TITLES))
    assert [f.rule for f in result.findings] == []
    # ...but only a line that is just the title: a paragraph that merely mentions it stays editorial.
    text = PLAIN_TITLES.replace("Related News\n", "Related news from the markets desk followed later that day.\n")
    text = text.replace("Disclaimer\n\n", "")
    result = lint_source(Linter(loader.finish(), date(2026, 11, 29)), source(text))
    assert [f.rule for f in result.findings] == ["t-placement"]
