"""Is a match dated recently, or long ago? The ``recent_date`` option of ``forbid`` and ``old_date`` of
``conditional``.

```yaml
forbid:
  patterns: ['(?:closed|traded)\\s+at\\s+₹\\s?\\d[\\d,.]*']
  recent_date: {months: 3}     # only where its sentence writes a date of the last three months
```

A match counts only when its sentence writes a date (``document.dates``: "14 November 2026", "Nov 14, 2026",
"14/11/2026", "14 नवंबर 2026"; a day without a year, "14 November", read as the latest such day not after
the reference; a month without a day, "March 2026", read as its last day) that is no more than ``months``
calendar months before the reference date, or after it. ``old_date: {months: N}`` on a ``conditional`` keeps
only the triggers whose sentence writes a date at least N months before the reference ("since inception,
2 January 2013": a scheme old enough to owe its 5-year figure).

The reference is the page's own date: the latest of its publication and modification dates (structured or
visible), because an obligation such as SEBI's education carve-out ("should not be using the market price
data of the preceding three months") speaks of the time the content is made and shown, not of the day a
linter runs; an archive page checked years later is judged as of its date. A page with no date (a draft
checked before it is published) is judged as of ``--now``.
"""

from __future__ import annotations

import calendar
from datetime import date

from newslint.document.dates import day_in, find_dates, find_month_years, find_yearless_dates, parse_any
from newslint.language.context import Context, Occurrence
from newslint.language.spec import Field, Int, Obj


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reference_day(ctx: Context) -> date:
    """The page's latest publication or modification day, else ``--now`` (asked only for a match)."""
    zone = ctx.dates.zone
    days: list[date] = []
    for field in ("published", "modified"):
        for value in ctx.doc.metadata.get(field):
            parsed = value.parsed if value.parsed is not None else parse_any(value.value)
            if parsed is not None:
                days.append(day_in(parsed, zone))
    return max(days) if days else date(ctx.now.year, ctx.now.month, ctx.now.day)


def _latest_before(reference: date, month: int, day: int) -> date | None:
    """The latest ``day`` of ``month`` not after ``reference`` (a 29 February looks back to a leap year)."""
    for year in range(reference.year, reference.year - 8, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= reference:
            return found
    return None


def _sentence_days(ctx: Context, occ: Occurrence, reference: date) -> list[date]:
    """The days the sentence of ``occ`` writes; a month without a day is its last day (the latest it can
    mean), a day without a year the latest such day not after ``reference``."""
    start, end = ctx.sentence_at(occ.block, occ.start)
    text = occ.block.text[start : max(end, occ.end)]
    zone = ctx.dates.zone
    days = [day_in(found.value, zone) for found in find_dates(text)]
    days += [date(year, month, calendar.monthrange(year, month)[1]) for _, _, year, month in find_month_years(text)]
    for _, _, month, day in find_yearless_dates(text):
        written = _latest_before(reference, month, day)
        if written is not None:
            days.append(written)
    return days


def dated_recently(ctx: Context, occ: Occurrence, months: int) -> bool:
    """Does the sentence of ``occ`` write a date within ``months`` months before the page's date (or later)?"""
    reference = reference_day(ctx)
    cutoff = months_before(reference, months)
    return any(day >= cutoff for day in _sentence_days(ctx, occ, reference))


def dated_long_ago(ctx: Context, occ: Occurrence, months: int) -> bool:
    """Does the sentence of ``occ`` write a date at least ``months`` months before the page's date? (A month
    without a day counts as its last day, so "March 2023" is three years before 31 March 2026, not before.)"""
    reference = reference_day(ctx)
    cutoff = months_before(reference, months)
    return any(day <= cutoff for day in _sentence_days(ctx, occ, reference))


def months_option(name: str, maximum: int, doc: str, inner_doc: str = "") -> Field:
    """The declared option of a dated check (``recent_date`` of ``forbid``, ``old_date`` of ``conditional``):
    ``{months: N}``, a whole number of calendar months from 1 to ``maximum``."""
    months = Field(Int(minimum=1, maximum=maximum), required=True, doc="How many calendar months.")
    return Field(Obj(name, {"months": months}, doc=inner_doc), doc=doc)
