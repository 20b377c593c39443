"""Read dates the way they appear in structured data and in visible text.

Structured dates should be ISO 8601 with a UTC offset; visible dates come in many shapes ("May 5, 2025",
"05/May/2025", "5 May 2025, 10:30 AM IST", "05/06/2025"). ``find_dates`` finds them in a line of text with
their spans, and says when a numeric day/month order is ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache

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
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = (
    r"(?:(?:,|\s+at|\s*\|)?\s*(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<tz>IST|GMT|UTC|[ECMP][SD]T|BST|CET|CEST))?)?"
)


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The shapes of a written date, compiled on first use (a run without dates in its text never needs them)."""
    return [
        (
            "iso",
            re.compile(
                r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
            ),
        ),
        (
            "text",
            re.compile(
                r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s/.-]+" + _MONTH + r",?[\s/.-]+(?P<y>\d{4})\b" + _TIME, re.I
            ),
        ),
        (
            "text",
            re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME, re.I),
        ),
        ("numeric", re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})\b" + _TIME, re.I)),
        ("ymd", re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b")),
    ]


TZ_OFFSETS = {
    "IST": 330,
    "GMT": 0,
    "UTC": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}


@dataclass(slots=True)
class FoundDate:
    start: int
    end: int
    value: datetime
    shape: str  # iso | text | numeric | ymd
    ambiguous: bool = False  # numeric with both parts <= 12 and different: 05/06/2025


def parse_iso(value: str) -> datetime | None:
    """Parse an ISO 8601 date or date-time (``Z`` and offsets accepted); ``None`` when it is not one."""
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


def has_utc_offset(value: str) -> bool:
    """True when ``value`` is ISO 8601 with a time and a UTC offset (``Z`` or ``+05:30``)."""
    parsed = parse_iso(value)
    return parsed is not None and parsed.tzinfo is not None and "T" in value.upper()


def _build(y: int, m: int, d: int, match: re.Match[str]) -> datetime | None:
    try:
        base = datetime(y, m, d)
    except ValueError:
        return None
    groups = match.groupdict()
    hh, mm = groups.get("hh"), groups.get("mm")
    if hh is not None and mm is not None:
        hour = int(hh)
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and int(mm) < 60:
            base = base.replace(hour=hour, minute=int(mm))
    tz = groups.get("tz")
    if tz:
        base = base.replace(tzinfo=timezone(timedelta(minutes=TZ_OFFSETS[tz.upper()])))
    return base


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in ``text``, left to right, without overlaps."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for shape, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value: datetime | None
            ambiguous = False
            if shape == "iso":
                value = parse_iso(m.group()) or _build(int(m["y"]), int(m["m"]), int(m["d"]), m)
            elif shape == "text":
                value = _build(int(m["y"]), MONTHS[m["mon"].lower()[:3]], int(m["d"]), m)
            elif shape == "ymd":
                value = _build(int(m["y"]), int(m["m"]), int(m["d"]), m)
            else:
                a, b = int(m["a"]), int(m["b"])
                ambiguous = a <= 12 and b <= 12 and a != b
                # Day first, as Indian and British writing does, unless that is impossible.
                value = _build(int(m["y"]), b, a, m) if b <= 12 else _build(int(m["y"]), a, b, m)
            if value is None:
                continue
            found.append(FoundDate(m.start(), m.end(), value, shape, ambiguous))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found


def parse_any(value: str) -> datetime | None:
    """A date from a structured field: ISO 8601 first, then any visible shape."""
    parsed = parse_iso(value)
    if parsed is not None:
        return parsed
    dates = find_dates(value)
    return dates[0].value if dates else None


def local_date(value: datetime) -> date:
    """The calendar day a date-time names in its own time zone."""
    return value.date()
