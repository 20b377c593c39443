"""``recent_date`` of ``forbid``: a match counts only when its sentence is dated within N months of the page."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from conftest import md
from newslint.checks.recency import months_before
from newslint.document.dates import find_month_years, find_yearless_dates
from newslint.rules.loader import Loader
from newslint.running.linter import Linter

RULE = """
pack: t
rules:
  - id: t-recent-price
    severity: warning
    message: "recent price {match}"
    description: A test rule.
    scope: body
    forbid:
      patterns: ['closed\\s+at\\s+₹\\s?\\d[\\d,]*']
      recent_date: {months: 3}
"""


def lint(text: str, now: date) -> list[str]:
    loader = Loader()
    loader.load_text(RULE, "rules.yaml")
    findings = Linter(loader.finish(), now, timeout=2.0).lint(md(textwrap.dedent(text)))
    return [f.message for f in findings]


def page(dated: str | None, sentence: str) -> str:
    front = f"---\ndate: {dated}\n---\n\n" if dated else ""
    return front + sentence + "\n"


@pytest.mark.parametrize(
    ("dated", "sentence", "now", "found"),
    [
        # the page's own date is the reference, not the day of the check
        ("2026-11-20", "On 14 November 2026 Tata Motors closed at ₹952.", date(2027, 6, 1), True),
        ("2026-11-20", "On 14 June 2026 Tata Motors closed at ₹952.", date(2026, 11, 21), False),
        # the boundary: three calendar months before 20 November is 20 August
        ("2026-11-20", "On 20 August 2026 Tata Motors closed at ₹952.", date(2026, 12, 1), True),
        ("2026-11-20", "On 19 August 2026 Tata Motors closed at ₹952.", date(2026, 12, 1), False),
        # numeric and Hindi dates, a date after the reference
        ("2026-11-20", "Tata Motors closed at ₹952 on 14/11/2026.", date(2026, 12, 1), True),
        ("2026-11-20", "टाटा मोटर्स 14 नवंबर 2026 को closed at ₹952.", date(2026, 12, 1), True),
        ("2026-11-20", "Tata Motors closed at ₹952 on 24 November 2026.", date(2026, 12, 1), True),
        # a day without a year is the latest such day not after the reference
        ("2026-11-20", "On 14 November Tata Motors closed at ₹952.", date(2026, 12, 1), True),
        ("2026-11-20", "On 14 December Tata Motors closed at ₹952.", date(2026, 12, 1), False),
        # a month without a day counts as its last day
        ("2026-11-20", "In August 2026 Tata Motors closed at ₹952.", date(2026, 12, 1), True),
        ("2026-11-20", "In July 2026 Tata Motors closed at ₹952.", date(2026, 12, 1), False),
        # no date in the sentence, or a date in another sentence
        ("2026-11-20", "Tata Motors closed at ₹952.", date(2026, 12, 1), False),
        ("2026-11-20", "It was 14 November 2026. Tata Motors closed at ₹952.", date(2026, 12, 1), False),
        # a page without a date is judged as of --now
        (None, "On 14 November 2026 Tata Motors closed at ₹952.", date(2026, 12, 1), True),
        (None, "On 14 November 2026 Tata Motors closed at ₹952.", date(2027, 6, 1), False),
    ],
)
def test_recent_date_reference_and_window(dated, sentence, now, found):
    assert bool(lint(page(dated, sentence), now)) is found


def test_latest_of_publication_and_modification_dates():
    text = "---\ndate: 2026-01-10\nlastmod: 2026-11-20\n---\n\nOn 1 November 2026 Tata Motors closed at ₹952.\n"
    assert lint(text, date(2027, 6, 1))


def test_months_before_clamps_to_the_month_end():
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2026, 2, 15), 3) == date(2025, 11, 15)
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)


def test_yearless_dates_leave_out_dates_with_a_year_and_lower_case_may():
    assert find_yearless_dates("On 14 November, it closed") == [(3, 14, 11, 14)]
    assert find_yearless_dates("On Nov 14 it closed") == [(3, 9, 11, 14)]
    assert find_yearless_dates("On 14 November 2026 it closed") == []
    assert find_yearless_dates("prices may 5 times rise") == []
    assert find_yearless_dates("नव भारत 5") == []  # a short Hindi form alone is a word
    assert find_yearless_dates("14 नवंबर को") == [(0, 8, 11, 14)]


def test_month_years():
    assert find_month_years("Since its launch in March 2026, it returned 18%") == [(20, 30, 2026, 3)]
    assert find_month_years("launched in Nov. 2025") == [(12, 21, 2025, 11)]
    assert find_month_years("मार्च 2026 में") == [(0, 10, 2026, 3)]
    assert find_month_years("may 2026") == []
    assert find_month_years("On 14 March 2026 it closed") == []


def test_recent_date_is_validated():
    loader = Loader()
    loader.load_text(RULE.replace("{months: 3}", "{months: 0}"), "rules.yaml")
    with pytest.raises(Exception, match="at least 1"):
        loader.finish()


OLD_RULE = """
pack: t
rules:
  - id: t-old-scheme
    severity: error
    message: "old {match}"
    description: A test rule.
    scope: body
    conditional:
      if: {patterns: ['inception\\s+date:\\s+[^.]*\\d{4}']}
      old_date: {months: 60}
      then: {patterns: ['\\b5\\s+years\\b']}
"""


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Inception date: 14 March 2016. Returns: 1 year 9%.", True),  # ten years old, no 5-year figure
        ("Inception date: 14 March 2016. Returns: 1 year 9%, 5 years 12%.", False),
        ("Inception date: 14 March 2023. Returns: 1 year 9%.", False),  # not five years old
        ("Inception date: 20 November 2021. Returns: 1 year 9%.", True),  # exactly five years
        ("Inception date: November 2021. Returns: 1 year 9%.", False),  # its last day is less than five years
    ],
)
def test_old_date_keeps_triggers_dated_long_ago(sentence, found):
    loader = Loader()
    loader.load_text(OLD_RULE, "rules.yaml")
    doc = md("---\ndate: 2026-11-20\n---\n\n" + sentence + "\n")
    findings = Linter(loader.finish(), date(2027, 6, 1), timeout=2.0).lint(doc)
    assert bool(findings) is found
