"""A deadline a page sets is not the page's publication date (``metadata.visible_dates``)."""

from __future__ import annotations

import pytest

from newslint.document.dates import find_dates
from newslint.parsing.html.metadata import visible_dates

DEADLINES = [
    "Last date to apply: 11 December 2026",
    "Last day for registration: December 11, 2026",
    "Final date of submission - 11 December 2026",
    "Deadline: 11 December 2026",
    "Apply by 11 December 2026",
    "Pay on or before 11 December 2026",
    "Offer valid till 11 December 2026",
    "Issue closes on Friday, 11 December 2026",
    "Registrations close 11 December 2026",
    "Due date: 11 December 2026",
    "अंतिम तारीख: 11 दिसंबर 2026",
    "आखिरी तिथि 11 दिसंबर 2026",
    "11 दिसंबर 2026 से पहले आवेदन करें",
]
DATE_LINES = ["Mumbai | 11 December 2026", "Updated: 11 December 2026", "11 December 2026, 10:05 IST"]


@pytest.mark.parametrize("line", DEADLINES)
def test_a_deadline_is_no_date_of_the_page(line: str) -> None:
    found = find_dates(line)
    assert found, line
    assert visible_dates(line, found, False) == []


@pytest.mark.parametrize("line", DATE_LINES)
def test_a_date_line_still_is(line: str) -> None:
    found = find_dates(line)
    assert visible_dates(line, found, False) == found
