"""``metadata``: assertions on an article's metadata (title, authors, dates, publisher...).

```yaml
- id: meta-date-future
  metadata:
    field: published          # title | authors | published | modified | publisher | description | ...
    sources: [structured]     # optional filter: structured | visible | json-ld | meta | microdata | time |
                              #   front-matter | byline | heading | title-tag | link
    not_future: true          # exactly one assertion:
                              #   present: true          the field has a value
                              #   forbid: <pattern set>  no value matches (finding at the match; one per
                              #                          value unless the message names {match})
                              #   require: <pattern set> every value matches
                              #   iso8601: true          ISO 8601 date-time with a UTC offset
                              #   iso8601: date          ... or a date alone (schema.org's Date)
                              #   not_future: true       not later than --now (the whole day, in the
                              #                          configured zone); a scheduled post is exempt
                              #   valid_date: true       a value written as a date is a real date
                              #   scheduled: true        the article is a scheduled post (draft, future
                              #                          date or expired, in front matter)
                              #   not_before: published  not earlier than that field
                              #   same_day_as: [visible] names the same day as values from these sources
                              #   unambiguous: true      no numeric date whose day/month order is ambiguous
                              #   not_contains: publisher  does not contain that field's value
```
Message values: ``{field}``, ``{value}``, ``{source}``, ``{other}`` (the compared value), ``{now}``,
``{match}`` for ``forbid`` and ``{reason}`` (draft | future date | expired) for ``scheduled``.

Dates are compared by instant: a value without a zone is read in the configured zone (``dates: time-zone:``,
Asia/Kolkata by default), a value without a time names a whole day, and ``--now`` names the whole of its day
in that zone (see ``newslint.document.dates``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, time, timedelta, tzinfo
from typing import Any

from newslint.checks.base import Check
from newslint.document.dates import (
    after_day,
    day_in,
    day_only,
    find_dates,
    has_utc_offset,
    instant,
    iso_date,
    parse_any,
)
from newslint.document.model import METADATA_FIELDS, UPDATED_COPY, MetaValue
from newslint.language.context import Context, Unit, pseudo_block
from newslint.language.model import Hit, Rule
from newslint.language.patterns import Pattern
from newslint.language.patternset import PatternSet
from newslint.language.spec import AnyOf, Bool, Field, ListOf, Obj, Ref, Str

SOURCE_NAMES = (
    "structured",
    "visible",
    "json-ld",
    "meta",
    "microdata",
    "time",
    "front-matter",
    "byline",
    "heading",
    "title-tag",
    "link",
)
ASSERTIONS = (
    "present",
    "forbid",
    "require",
    "iso8601",
    "not_future",
    "valid_date",
    "scheduled",
    "not_before",
    "same_day_as",
    "unambiguous",
    "not_contains",
)


def _matches_sources(value: MetaValue, sources: tuple[str, ...] | None) -> bool:
    if not sources:
        return True
    for s in sources:
        if s == "structured" and value.structured and value.source not in ("byline", "title-tag"):
            return True
        if s == "visible" and value.source == "visible":
            return True
        if s == value.source:
            return True
    return False


def _parsed(value: MetaValue) -> datetime | None:
    return value.parsed if value.parsed is not None else parse_any(value.value)


class Metadata(Check):
    kind = "metadata"
    summary = "Assertions on metadata fields: present, format, dates not in the future, consistency."
    options = Obj(
        "metadata",
        {
            "field": Field(Str(enum=METADATA_FIELDS), required=True, doc="The metadata field."),
            "sources": Field(ListOf(Str(enum=SOURCE_NAMES), single=True), doc="Only values from these sources."),
            "present": Field(Bool(), doc="The field must have a value."),
            "forbid": Field(Ref("PatternSet"), doc="No value may match."),
            "require": Field(Ref("PatternSet"), doc="Every value must match."),
            "iso8601": Field(
                AnyOf((Bool(), Str(enum=("date",)))),
                doc="Every value is ISO 8601 with a time and a UTC offset ('date': or a date alone, as schema.org).",
            ),
            "not_future": Field(Bool(), doc="No date later than --now (a scheduled post is exempt)."),
            "valid_date": Field(Bool(), doc="Every value written as a date is a real date (not 2026-11-31)."),
            "scheduled": Field(Bool(), doc="The article is a scheduled post: a draft, future-dated or expired."),
            "not_before": Field(Str(enum=METADATA_FIELDS), doc="No date earlier than this field's first date."),
            "same_day_as": Field(
                ListOf(Str(enum=SOURCE_NAMES), single=True),
                doc="The first value names the same day as every value from these sources.",
            ),
            "unambiguous": Field(Bool(), doc="No numeric date with an ambiguous day/month order (05/06/2025)."),
            "not_contains": Field(Str(enum=METADATA_FIELDS), doc="No value contains this field's value."),
        },
        doc=summary,
        exactly_one_of=ASSERTIONS,
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        self.field: str = spec["field"]
        sources = spec.get("sources")
        self.sources: tuple[str, ...] | None = tuple(sources) if sources else None
        self.assertion = next(a for a in ASSERTIONS if a in spec)
        self.argument = spec[self.assertion]
        self.patternset: PatternSet | None = None
        if self.assertion in ("forbid", "require"):
            self.patternset = PatternSet.build(self.argument)

    def patterns(self) -> list[Pattern]:
        return self.patternset.all_patterns() if self.patternset else []

    def _values(self, ctx: Context, field: str, sources: tuple[str, ...] | None) -> list[MetaValue]:
        return [v for v in ctx.doc.metadata.get(field) if _matches_sources(v, sources)]

    def _hit(self, ctx: Context, value: MetaValue | None, **extra: Any) -> Hit:
        values = {
            "field": self.field,
            "value": value.value if value else "",
            "source": value.source if value else "",
        }
        values["now"] = ctx.now.isoformat()
        values.update(extra)
        if value is not None and value.start is not None and value.end is not None:
            return Hit(None, 0, 0, values, source_span=(value.start, value.end))
        return Hit(None, 0, 0, values, source_span=ctx.anchor_span())

    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        values = self._values(ctx, self.field, self.sources)
        assertion = self.assertion
        if assertion in _JUDGE_VALUES:
            values = [v for v in values if v.detail != UPDATED_COPY]
        if assertion == "present":
            if self.argument and not values:
                yield self._hit(ctx, None)
            return
        if assertion in ("forbid", "require"):
            assert self.patternset is not None
            for value in values:
                block = pseudo_block(value.value, value.start, value.end, "meta")
                unit = Unit(block, 0, len(value.value))
                found = self.patternset.occurrences(ctx, [unit])
                if assertion == "forbid":
                    if "match" not in rule.placeholders:
                        found = found[:1]  # the message is about the value: one finding per value, at its first flaw
                    for occ in found:
                        hit = self._hit(ctx, value, match=occ.text)
                        if value.start is not None and value.end is not None:
                            hit.block, hit.start, hit.end, hit.source_span = block, occ.start, occ.end, None
                        yield hit
                elif not found:
                    yield self._hit(ctx, value)
            return
        if assertion == "iso8601":
            for value in values:
                if self.argument and not has_utc_offset(value.value):
                    if self.argument == "date" and iso_date(value.value):
                        continue  # schema.org's Date: "2026-11-20" names its day in every zone
                    yield self._hit(ctx, value)
            return
        if assertion == "not_future":
            if not self.argument or scheduled_reason(ctx) is not None:
                return
            zone = ctx.dates.zone
            for value in values:
                parsed = _parsed(value)
                if parsed is not None and after_day(parsed, ctx.now, zone):
                    yield self._hit(ctx, value)
            return
        if assertion == "valid_date":
            for value in values:
                if self.argument and _parsed(value) is None and LOOKS_LIKE_DATE.search(value.value):
                    yield self._hit(ctx, value)
            return
        if assertion == "scheduled":
            reason = scheduled_reason(ctx) if self.argument else None
            if reason is not None:
                yield self._hit(ctx, values[0] if values else None, reason=reason)
            return
        if assertion == "not_before":
            reference_dates = [p for p in (_parsed(v) for v in ctx.doc.metadata.get(self.argument)) if p is not None]
            if not reference_dates:
                return
            reference = reference_dates[0]
            zone = ctx.dates.zone
            for value in values:
                parsed = _parsed(value)
                if parsed is not None and _earlier(parsed, reference, zone):
                    yield self._hit(ctx, value, other=reference.isoformat())
            return
        if assertion == "same_day_as":
            if not values:
                return
            first = _parsed(values[0])
            if first is None:
                return
            for candidate in self._values(ctx, self.field, tuple(self.argument)):
                if candidate is values[0]:
                    continue
                if _parsed(candidate) is not None and not _same_day(first, candidate):
                    yield self._hit(ctx, candidate, other=values[0].value)
            return
        if assertion == "unambiguous":
            for value in values:
                if self.argument and any(d.ambiguous for d in find_dates(value.value)):
                    yield self._hit(ctx, value)
            return
        if assertion == "not_contains":
            names = [v.value for v in ctx.doc.metadata.get(self.argument) if len(v.value) >= 3]
            for value in values:
                low = value.value.lower()
                contained = next((n for n in names if n.lower() in low and n.lower() != low), None)
                if contained is not None and not _desk_credit(low.replace(contained.lower(), " ")):
                    yield self._hit(ctx, value, other=contained)


# What is left of "Moneycontrol News", "Market Pulse Desk", "ET Bureau", "Konkan Times Brand Studio" once the
# publisher's name is taken out:
# the publisher's own desk credits it, no person's name has the publisher appended.
_DESK_REMAINDER = re.compile(
    r"^[\W_]*(?:(?:the|our|news|desk|bureau|staff|team|newsroom|web|digital|online|editors?|editorial|"
    r"correspondents?|reporters?|magazine|media|network|brand|studio|spotlight|partner|content|"
    # the publisher's legal or full name ("Kaveri Stock Brokers Pvt. Ltd." on Kaveri Stock Brokers' own page,
    # "Aarohan Capital Managers" on Aarohan Capital's), in English or Hindi
    r"pvt|private|ltd|limited|llp|inc|co|company|corp|corporation|plc|india|group|holdings|managers?|management|"
    r"advis[eo]rs?|advisory|securities|brokers?|broking|finance|financial|services|investments?|insurance|"
    r"assets?|wealth|funds?|mutual|amc|capital|partners|"
    r"कंपनी|लिमिटेड|प्राइवेट|प्रा\.?|लि\.?|इंडिया|इंश्योरेंस|फाइनेंस|सिक्योरिटीज)[\W_]*)*$"
)


def _desk_credit(remainder: str) -> bool:
    return bool(_DESK_REMAINDER.match(remainder))


_MIDNIGHT = time(0)
# Assertions on a value itself: a publication date copied from the "Updated:" date is judged as that date.
_JUDGE_VALUES = frozenset(("forbid", "require", "iso8601", "not_future", "valid_date", "unambiguous"))


def _earlier(a: datetime, b: datetime, zone: tzinfo) -> bool:
    """Is ``a`` before ``b``, by instant? A value without a time names a day: then days are compared, each
    in its own zone. A time without a zone is read in the zone of the other value when that says where the
    page is (a non-zero offset), else in the configured ``zone``. Instants less than a minute apart are not
    in order: a visible "4:55 PM" is not earlier than a structured 16:55:25, and CMSs stamp a post's
    modification a few seconds before its publication."""
    if day_only(a) or day_only(b):
        return a.date() < b.date()
    if a.tzinfo is None and b.tzinfo is not None and b.utcoffset():
        a = a.replace(tzinfo=b.tzinfo)
    elif b.tzinfo is None and a.tzinfo is not None and a.utcoffset():
        b = b.replace(tzinfo=a.tzinfo)
    return instant(a, zone) < instant(b, zone) - timedelta(minutes=1)


# A value written as a full date (what ``valid_date`` holds to being a real one): 2026-11-31, 31/11/2026,
# 31 November 2026, November 31, 2026. A bare year (<time datetime="2024">) is not a full date.
LOOKS_LIKE_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b|\b\d{4}/\d{1,2}/\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}",
    re.I,
)

_TRUE_WORDS = frozenset(("true", "yes", "on", "1"))


def scheduled_reason(ctx: Context) -> str | None:
    """Why the article is not (yet, or any more) served, when the policy lets a post say so; else ``None``.

    Only a file with front matter can be a scheduled post (Hugo, Jekyll and other static site generators
    publish a post from its front matter: ``draft: true`` is never published, a post dated after the build
    is published on its date, one past its ``expiryDate`` is withdrawn). A served HTML page with a future
    date is an error whatever the policy.
    """
    front = ctx.doc.metadata.front_matter
    if not front or ctx.dates.scheduled_posts != "allow":
        return None
    keys = {str(k).lower(): v for k, v in front.items()}
    draft = keys.get("draft")
    if draft is True or (isinstance(draft, str) and draft.strip().lower() in _TRUE_WORDS):
        return "draft"
    zone = ctx.dates.zone
    for value in ctx.doc.metadata.get("published"):
        if value.source == "front-matter":
            parsed = _parsed(value)
            if parsed is not None and after_day(parsed, ctx.now, zone):
                return "future date"
    for key in ("expirydate", "expiry_date", "expires", "unpublishdate"):
        raw = keys.get(key)
        parsed = parse_any(raw.isoformat() if hasattr(raw, "isoformat") else str(raw)) if raw is not None else None
        if parsed is not None and day_in(parsed, zone) < ctx.now:
            return "expired"
    return None


def _readings(value: MetaValue) -> list[datetime]:
    """What a value can mean: both day/month orders of an ambiguous numeric date (05/06/2025)."""
    parsed = _parsed(value)
    if parsed is None:
        return []
    out = [parsed]
    found = find_dates(value.value)
    if found and found[0].ambiguous and parsed.day <= 12:
        out.append(parsed.replace(day=parsed.month, month=parsed.day))
    return out


def _same_day(first: datetime, other: MetaValue) -> bool:
    """Can ``other`` name the day of ``first``? With two time zones, in the zone of ``other``. A date
    without a zone is read in the zone of the other value, unless that is UTC, which says nothing of the
    page's zone: then it matches an instant that falls on that day anywhere from UTC-12 to UTC+14 (a page
    showing "December 18, 11:38pm" in New York for 04:38 UTC on the 19th)."""
    for reading in _readings(other):
        if first.tzinfo is not None and reading.tzinfo is not None:
            same = first.astimezone(reading.tzinfo).date() == reading.date()
        elif first.tzinfo is not None or reading.tzinfo is not None:
            instant, day = (first, reading.date()) if first.tzinfo is not None else (reading, first.date())
            if instant.utcoffset():
                same = instant.date() == day
            else:
                utc = instant.replace(tzinfo=None)
                same = (utc - timedelta(hours=12)).date() <= day <= (utc + timedelta(hours=14)).date()
        elif first.time() != _MIDNIGHT and reading.time() == _MIDNIGHT:
            # A structured time without a zone (often UTC) against a visible day.
            same = (first - timedelta(hours=12)).date() <= reading.date() <= (first + timedelta(hours=14)).date()
        else:
            same = reading.date() == first.date()
        if same:
            return True
    return False
