"""Dates in news text, resolved against the report's published date."""

from __future__ import annotations

import datetime
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# "Oct. 17-18", "May 9", "Nov. 14 to 17", "Sept. 9-10, 2023"
MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:\s*(?:-|–|to|and)\s*(?P<end>\d{1,2}))?(?!\d)" + _YEAR
)
# "9 June", "17-18 October", "26 May 2014"
DAY_MONTH = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(?P<end>\d{1,2}))?\s+"
    + _MONTH
    + r"(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
WEEKDAY = re.compile(
    r"\b(?P<rel>next|last|this|on|from|since|by|until)?\s*(?P<wd>Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b"
)
RELATIVE = re.compile(
    r"\b(?P<what>this weekend|next weekend|last weekend|today|tomorrow|yesterday|"
    r"tonight|this evening)\b",
    re.I,
)
FUTURE = re.compile(
    r"\b(will|would|is to|are to|due|expected|plans?|planned|next|upcoming|scheduled|"
    r"set to|going to|shall|'ll)\b",
    re.I,
)


def _month_number(token: str) -> int:
    return MONTHS[token[:3].lower()]


def _with_year(month: int, day: int, year: int | None, published: datetime.date, future: bool):
    """Pick the year when the text leaves it out: the occurrence nearest the published date,
    leaning forward for future-tense text."""
    if year:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    candidates = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(datetime.date(y, month, day))
        except ValueError:
            continue
    if not candidates:
        return None

    def distance(d: datetime.date) -> int:
        delta = (d - published).days
        if future and delta < 0:
            return -delta * 3
        return abs(delta)

    return min(candidates, key=distance)


def find_dates(
    sentence: str, published: datetime.date, future: bool | None = None
) -> list[tuple[int, datetime.date, str]]:
    """All resolvable day dates in a sentence: (offset, date, kind) with kind absolute|weekday.

    ``future`` says which way a bare weekday points; by default the sentence's tense decides."""
    if future is None:
        future = bool(FUTURE.search(sentence))
    found: list[tuple[int, datetime.date, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (MONTH_DAY, DAY_MONTH):
        for m in pattern.finditer(sentence):
            if any(a <= m.start() < b for a, b in taken):
                continue
            year = int(m.group("year")) if m.group("year") else None
            day = int(m.group("day"))
            if not 1 <= day <= 31:
                continue
            date = _with_year(_month_number(m.group("month")), day, year, published, future)
            if date:
                found.append((m.start(), date, "absolute"))
                taken.append((m.start(), m.end()))
    for m in WEEKDAY.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        target = WEEKDAYS.index(m.group("wd").lower())
        rel = (m.group("rel") or "").lower()
        delta = (target - published.weekday()) % 7
        if rel == "next" or (rel != "last" and future):
            date = published + datetime.timedelta(days=delta)
        elif rel == "last" or not future:
            date = published - datetime.timedelta(days=(published.weekday() - target) % 7)
        else:
            date = published + datetime.timedelta(days=delta)
        found.append((m.start(), date, "weekday"))
    for m in RELATIVE.finditer(sentence):
        what = m.group("what").lower()
        if what in ("today", "tonight", "this evening"):
            date = published
        elif what == "tomorrow":
            date = published + datetime.timedelta(days=1)
        elif what == "yesterday":
            date = published - datetime.timedelta(days=1)
        elif what == "last weekend":
            date = published - datetime.timedelta(days=(published.weekday() - 5) % 7 or 7)
        else:
            delta = (5 - published.weekday()) % 7
            if what == "next weekend":
                delta += 7
            date = published + datetime.timedelta(days=delta)
        found.append((m.start(), date, "weekday"))
    found.sort(key=lambda item: item[0])
    return found
