"""Read dates the way they appear in structured data and in visible text, to the full instant.

Structured dates should be ISO 8601 with a UTC offset; real pages also write "May 5, 2025 09:30 AM",
"09:12:44 PM IST Mar 3, 2024", "Sun, 03 Mar 2024 21:12:44 +0530" or "5 May 2025, 10.30 am IST".
``find_dates`` finds dates in a line of text with their spans (the positions findings need), the time and
zone when written next to the date (before or after it, 12- or 24-hour clock, a zone word such as "IST" or an
offset), and says when a numeric day/month order is ambiguous. ``parse_any`` reads one structured value:
ISO 8601, then the shapes of ``find_dates``, then python-dateutil for anything else short enough to be a date.

A date is only a date between ``MIN_YEAR`` and ``MAX_YEAR``: Hugo writes ``0001-01-01T00:00:00Z`` for an
unset date, and date arithmetic near year 1 or 9999 overflows. Values outside are not read as dates (the
``valid_date`` assertion of the metadata check reports them).

Comparisons are by instant (``instant``): a value written without a zone is read in the configured zone
(``dates: time-zone:``, Asia/Kolkata by default), and a value with no time names a whole day (``day_only``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache

MIN_YEAR = 1800
MAX_YEAR = 9000
DEFAULT_ZONE = "Asia/Kolkata"

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Zone words as news pages write them, in minutes east of UTC. CST is the American one (Indian and
# American pages use it; Chinese pages write +08:00 or "Beijing time").
TZ_OFFSETS = {
    "IST": 330,
    "INDIA STANDARD TIME": 330,
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "GST": 240,
    "PKT": 300,
    "NPT": 345,
    "ICT": 420,
    "WIB": 420,
    "SGT": 480,
    "HKT": 480,
    "PHT": 480,
    "AWST": 480,
    "JST": 540,
    "KST": 540,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}

# Hindi month names as Hindi papers spell them (with and without nukta, anusvara or half-nasal): "5 मई 2025".
HINDI_MONTHS = {
    "जनवरी": 1,
    "फरवरी": 2,
    "फ़रवरी": 2,
    "मार्च": 3,
    "अप्रैल": 4,
    "अप्रेल": 4,
    "मई": 5,
    "जून": 6,
    "जुलाई": 7,
    "अगस्त": 8,
    "सितंबर": 9,
    "सितम्बर": 9,
    "अक्टूबर": 10,
    "अक्तूबर": 10,
    "नवंबर": 11,
    "नवम्बर": 11,
    "दिसंबर": 12,
    "दिसम्बर": 12,
    # The short forms of date lines ("प्रकाशित: 29 नव 2026", "अपडेटेड: 3 दिस 2026"): only between a day and a year.
    "जन": 1,
    "फर": 2,
    "फ़र": 2,
    "अप्रै": 4,
    "जुला": 7,
    "अग": 8,
    "सितं": 9,
    "सित": 9,
    "अक्टू": 10,
    "अक्तू": 10,
    "नव": 11,
    "दिस": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    + "|".join(sorted(HINDI_MONTHS, key=len, reverse=True))
    + r")\.?"
)
_ZONE_WORDS = "|".join(sorted((k.replace(" ", r"\s") for k in TZ_OFFSETS if k != "Z"), key=len, reverse=True))


def _zone(n: str) -> str:
    """A zone after a time: a word (IST), an offset (+05:30, +0530), or GMT/UTC with an offset (GMT+5:30)."""
    return (
        rf"(?:\s*\(?(?P<tz{n}>(?:GMT|UTC)\s?[+-]\s?\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}\b"
        rf"|(?:{_ZONE_WORDS})\b)\)?)?"
    )


def _clock(n: str) -> str:
    """A time of day: 21:12, 21:12:44, 9:12 PM, 9.12 pm, 9 PM; "hrs" as Indian pages write it."""
    ampm = r"\s*(?P<ampm{n}{k}>[ap]\.?\s?m\b\.?)"
    return (
        rf"(?P<hh{n}>\d{{1,2}})(?::(?P<mm{n}>\d{{2}})(?::(?P<ss{n}>\d{{2}})(?:\.\d+)?)?(?:{ampm.format(n=n, k='')})?"
        rf"|\.(?P<mm{n}b>\d{{2}}){ampm.format(n=n, k='b')}|{ampm.format(n=n, k='c')})(?:\s*hrs\b\.?)?" + _zone(n)
    )


# A time after the date ("5 May 2025, 10:30 AM IST", "May 5, 2025 at 9:30", "March 3 2024 | 21:12 IST").
_AFTER = r"(?:(?:\s*[,|]\s*|\s+at\s+|\s*[-\u2013]\s*|\s+)" + _clock("") + ")?"
# A time before the date ("09:12:44 PM IST Mar 3, 2024", "21:12 IST, 03 Mar 2024").
_BEFORE = r"(?:\b" + _clock("0") + r"\s*(?:[,|]|\s[-\u2013])?\s*)?"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The shapes of a written date, compiled on first use (a run without dates in its text never needs them)."""
    return [
        (
            "iso",
            re.compile(
                r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?"
                r"(?:\s?(?P<off>Z|[+-]\d{2}:?\d{2})\b|\s*(?P<tz>(?:" + _ZONE_WORDS + r")\b))?)?(?![\d:])",
                re.I,
            ),
        ),
        (
            "text",
            re.compile(
                _BEFORE + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s/.-]+" + _MONTH + r",?[\s/.-]+(?P<y>\d{4})\b" + _AFTER,
                re.I,
            ),
        ),
        (
            "text",
            re.compile(
                _BEFORE + r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _AFTER, re.I
            ),
        ),
        ("numeric", re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})\b" + _AFTER, re.I)),
        ("ymd", re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b" + _AFTER, re.I)),
    ]


@dataclass(slots=True)
class FoundDate:
    start: int
    end: int
    value: datetime
    shape: str  # iso | text | numeric | ymd
    ambiguous: bool = False  # numeric with both parts <= 12 and different: 05/06/2025


def zone_offset(text: str) -> timezone | None:
    """The zone a word or offset names: "IST", "+05:30", "+0530", "GMT+5:30" (east of UTC, as written:
    not the inverted POSIX reading that python-dateutil gives "GMT+3")."""
    word = " ".join(text.upper().split())
    if word in TZ_OFFSETS:
        return timezone(timedelta(minutes=TZ_OFFSETS[word]))
    m = re.fullmatch(r"(?:GMT|UTC)?\s?([+-])\s?(\d{1,2}):?(\d{2})?", word)
    if m is None:
        return None
    minutes = int(m[2]) * 60 + int(m[3] or 0)
    if minutes > 14 * 60 or int(m[3] or 0) >= 60:
        return None
    return timezone(timedelta(minutes=-minutes if m[1] == "-" else minutes))


def _clock_of(groups: dict[str, str | None], n: str) -> tuple[int, int, int, timezone | None] | None:
    """(hour, minute, second, zone) from the groups of ``_clock(n)``; ``None`` when no time was written or
    it is not a time of day (25:00, 13 PM)."""
    hh = groups.get(f"hh{n}")
    if hh is None:
        return None
    mm = groups.get(f"mm{n}") or groups.get(f"mm{n}b") or "0"
    ss = groups.get(f"ss{n}") or "0"
    ampm = groups.get(f"ampm{n}") or groups.get(f"ampm{n}b") or groups.get(f"ampm{n}c")
    hour, minute, second = int(hh), int(mm), int(ss)
    if ampm:
        if not 1 <= hour <= 12:
            return None
        pm = ampm.lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    tz = groups.get(f"tz{n}")
    return hour, minute, second, zone_offset(tz) if tz else None


def _build(y: int, m: int, d: int, match: re.Match[str]) -> datetime | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        base = datetime(y, m, d)
    except ValueError:
        return None
    groups = match.groupdict()
    clock = _clock_of(groups, "") or _clock_of(groups, "0")
    if clock is not None:
        hour, minute, second, tz = clock
        base = base.replace(hour=hour, minute=minute, second=second, tzinfo=tz)
    elif groups.get("hh") is not None:  # the ISO shape
        hour, minute, second = int(groups["hh"] or 0), int(groups["mm"] or 0), int(groups.get("ss") or 0)
        if hour > 23 or minute > 59 or second > 59:
            return None
        base = base.replace(hour=hour, minute=minute, second=second)
    off = groups.get("off")
    if off:
        base = base.replace(tzinfo=UTC if off.upper() == "Z" else zone_offset(off))
    return base


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in ``text``, left to right, without overlaps."""
    return [FoundDate(a, b, value, shape, ambiguous) for a, b, value, shape, ambiguous in _scan(text) if value]


def impossible_dates(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` written as a date that is not one: "31 November 2026", "2026-02-30", "0001-01-01"."""
    return [(a, b) for a, b, value, _, _ in _scan(text) if value is None]


# Hindi short month forms ("नव", "जन") are read only between a day and a year: alone they are ordinary words.
_HINDI_SHORT = frozenset(("जन", "फर", "फ़र", "अप्रै", "जुला", "अग", "सितं", "सित", "अक्टू", "अक्तू", "नव", "दिस"))
_FULL_MONTH = (
    r"(?P<mon>(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:uary|ruary|ch|il|e|y|ust|ember|ober)?|"
    + "|".join(sorted((m for m in HINDI_MONTHS if m not in _HINDI_SHORT), key=len, reverse=True))
    + r")\.?"
)


@cache
def _yearless_patterns() -> list[re.Pattern[str]]:
    return [
        re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _FULL_MONTH + r"(?![\w\u0900-\u097f])"),
        re.compile(r"\b" + _FULL_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\d)"),
    ]


def find_yearless_dates(text: str) -> list[tuple[int, int, int, int]]:
    """Days written without a year ("14 November", "Nov 14", "14 नवंबर"): (start, end, month, day) of each,
    left to right, leaving out the dates ``find_dates`` reads (those with a year). An English month must be
    capitalised ("May 5", not "may 5"); the short Hindi forms are not read. Which year is meant is the
    caller's to decide (usually the latest such day not after a reference date)."""
    taken = [(f.start, f.end) for f in find_dates(text)]
    out: list[tuple[int, int, int, int]] = []
    for pattern in _yearless_patterns():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            name = m["mon"].rstrip(".")
            month = HINDI_MONTHS.get(name) or MONTHS.get(name.lower()[:3])
            day = int(m["d"])
            if month is None or not 1 <= day <= 31:
                continue
            out.append((m.start(), m.end(), month, day))
            taken.append((m.start(), m.end()))
    out.sort()
    return out


@cache
def _month_year_pattern() -> re.Pattern[str]:
    return re.compile(r"\b" + _FULL_MONTH + r",?\s+(?P<y>\d{4})\b")


def find_month_years(text: str) -> list[tuple[int, int, int, int]]:
    """Months written with a year and no day ("March 2026", "Nov. 2026", "मार्च 2026"): (start, end, year,
    month) of each, left to right, leaving out the dates ``find_dates`` reads. An English month must be
    capitalised; years outside ``MIN_YEAR``..``MAX_YEAR`` are not read."""
    taken = [(f.start, f.end) for f in find_dates(text)]
    out: list[tuple[int, int, int, int]] = []
    for m in _month_year_pattern().finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        name = m["mon"].rstrip(".")
        month = HINDI_MONTHS.get(name) or MONTHS.get(name.lower()[:3])
        year = int(m["y"])
        if month is not None and MIN_YEAR <= year <= MAX_YEAR:
            out.append((m.start(), m.end(), year, month))
    return out


_Shape = tuple[int, int, datetime | None, str, bool]  # start, end, value (None: impossible), shape, ambiguous


def _scan(text: str) -> list[_Shape]:
    """Every date shape in ``text``, left to right, without overlaps; the value is ``None`` where the shape
    names no real date (a possible date wins over an impossible one at the same place)."""
    found: list[_Shape] = []
    impossible: list[_Shape] = []
    taken: list[tuple[int, int]] = []
    for shape, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value: datetime | None
            ambiguous = False
            if shape in ("iso", "ymd"):
                value = _build(int(m["y"]), int(m["m"]), int(m["d"]), m)
            elif shape == "text":
                month = m["mon"]
                value = _build(int(m["y"]), HINDI_MONTHS.get(month) or MONTHS[month.lower()[:3]], int(m["d"]), m)
            else:
                a, b = int(m["a"]), int(m["b"])
                ambiguous = a <= 12 and b <= 12 and a != b
                # Day first, as Indian and British writing does, unless that is impossible.
                value = _build(int(m["y"]), b, a, m) if b <= 12 else _build(int(m["y"]), a, b, m)
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in " ,|-\u2013":  # a separator taken for a time that did not follow
                end -= 1
            if value is None:
                impossible.append((start, end, None, shape, ambiguous))
                continue
            found.append((start, end, value, shape, ambiguous))
            taken.append((start, end))
    for item in impossible:
        if not any(a < item[1] and item[0] < b for a, b in taken):
            found.append(item)
            taken.append((item[0], item[1]))
    found.sort(key=lambda item: item[0])
    return found


def _iso(value: str) -> datetime | None:
    """ISO 8601 as written, whatever its year."""
    value = value.strip()
    if not value or len(value) > 64 or not value[:4].isdigit():
        return None
    try:
        return datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*([+-]\d{2})(\d{2})", value)
    if m:
        try:
            return datetime.fromisoformat(f"{m[1]}T{m[2]}{m[3]}:{m[4]}")
        except ValueError:
            return None
    return None


def parse_iso(value: str) -> datetime | None:
    """Parse an ISO 8601 date or date-time (``Z`` and offsets accepted); ``None`` when it is not one, or not
    a plausible date (outside ``MIN_YEAR``..``MAX_YEAR``: Hugo's ``0001-01-01`` zero date)."""
    parsed = _iso(value)
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed


_ISO_DATE = re.compile(r"\s*\d{4}-?\d{2}-?\d{2}\s*")


def iso_date(value: str) -> bool:
    """True when ``value`` is an ISO 8601 calendar date alone ("2026-11-20", "20261120") naming a real day."""
    return _ISO_DATE.fullmatch(value) is not None and _iso(value) is not None


def has_utc_offset(value: str) -> bool:
    """True when ``value`` is ISO 8601 with a time and a UTC offset (``Z`` or ``+05:30``)."""
    parsed = _iso(value)
    return parsed is not None and parsed.tzinfo is not None and "T" in value.upper()


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_GMT_SIGN = re.compile(r"\b(?:GMT|UTC)\s?(?=[+-]\d)", re.I)


def _dateutil(value: str) -> datetime | None:
    """python-dateutil for a short value no shape of ``find_dates`` reads; only when it names a whole date
    (dateutil fills missing parts from a default: two different defaults show whether it had to)."""
    if len(value) > 64 or _YEAR.search(value) is None:
        return None  # no four-digit year: dateutil would guess a century ("14-12-30" as 2030)
    from dateutil import parser  # lazily: most runs never need it

    text = _GMT_SIGN.sub("", value)  # "GMT+05:30": the sign as written, not POSIX's inverted one
    zones = {word: offset * 60 for word, offset in TZ_OFFSETS.items() if " " not in word}
    try:
        a = parser.parse(text, default=datetime(2001, 1, 1), tzinfos=zones, dayfirst=True)
        b = parser.parse(text, default=datetime(2002, 2, 2), tzinfos=zones, dayfirst=True)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if a.date() != b.date() or not MIN_YEAR <= a.year <= MAX_YEAR:
        return None
    return a


def parse_any(value: str) -> datetime | None:
    """A date from a structured field: ISO 8601 first, then any visible shape, then python-dateutil."""
    parsed = parse_iso(value)
    if parsed is not None:
        return parsed
    dates = find_dates(value)
    if dates:
        return dates[0].value
    return _dateutil(value)


def local_date(value: datetime) -> date:
    """The calendar day a date-time names in its own time zone."""
    return value.date()


# -- comparisons by instant --------------------------------------------------------------------------


@cache
def named_zone(name: str) -> tzinfo:
    """The zone of an IANA name (``Asia/Kolkata``); raises ``ValueError`` for an unknown name."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        if name == DEFAULT_ZONE:  # a system without the time zone database: India has one fixed offset
            return timezone(timedelta(minutes=330), "IST")
        raise ValueError(f"unknown time zone {name!r} (an IANA name such as Asia/Kolkata or UTC)") from None


class Today(date):
    """``--now`` not given: today by the clock, in a zone (a ``date``, so settings keep their type; the
    configured linter reads it again in the configured zone, see ``today_in``)."""

    __slots__ = ()


def today_in(zone_name: str = DEFAULT_ZONE) -> Today:
    """Today's date in a zone: on a machine whose clock is in UTC it is already tomorrow in India from
    18:30, and an article published after midnight in India is not in the future."""
    day = datetime.now(named_zone(zone_name)).date()
    return Today(day.year, day.month, day.day)


def day_only(value: datetime) -> bool:
    """A value written without a time names a whole day, not an instant."""
    return value.tzinfo is None and value.time() == time(0)


def instant(value: datetime, zone: tzinfo) -> datetime:
    """The instant a value names: a value written without a zone is read in ``zone``."""
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def day_in(value: datetime, zone: tzinfo) -> date:
    """The calendar day a value names in ``zone`` (a day-only value names its own day)."""
    if day_only(value):
        return value.date()
    return instant(value, zone).astimezone(zone).date()


def after_day(value: datetime, day: date, zone: tzinfo) -> bool:
    """Is ``value`` later than the whole of ``day`` in ``zone`` (the end of that day, by instant)?"""
    if day_only(value):
        return value.date() > day
    end = datetime.combine(day + timedelta(days=1), time(0), zone)
    return instant(value, zone) >= end


SCHEDULED_POSTS = ("allow", "error")


@dataclass(slots=True)
class DatePolicy:
    """How date rules read dates: the zone of ``--now`` and of dates written without one, and whether a
    Markdown post with front matter may carry a future date as a scheduled post (``dates:`` in the
    configuration file)."""

    zone_name: str = DEFAULT_ZONE
    scheduled_posts: str = "allow"  # allow | error

    @property
    def zone(self) -> tzinfo:
        return named_zone(self.zone_name)


DEFAULT_POLICY = DatePolicy()
