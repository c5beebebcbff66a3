"""Column headers to periods.

"Three Months Ended September 30, 2006" is a duration from 2006-07-01 to 2006-09-30;
"March 31, 2006" (or "As of ...") is an instant.  A header may be split over several rows
("Three Months Ended" / "September 30," / "2006"); the rows are joined per column first.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from converter.model.statements import Period

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "twenty-six": 26,
    "twenty six": 26, "thirty-nine": 39, "thirty nine": 39, "fifty-two": 52, "fifty two": 52,
    "fifty-three": 53, "fifty three": 53,
}
_DATE = re.compile(
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<day>\d{1,2}),?"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?",
    re.I,
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_LENGTH = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")[\s-]+"
    r"(?P<unit>months?|weeks?|quarters?)\b",
    re.I,
)
_YEAR_ENDED = re.compile(r"\b(fiscal\s+)?years?\s+ended\b|\btwelve months\b|\bannual\b", re.I)
_QUARTER_ENDED = re.compile(r"\bquarters?\s+ended\b", re.I)


def parse_date(text: str, default_year: int | None = None) -> date | None:
    m = _DATE.search(text)
    if not m:
        return None
    month = MONTHS[m.group("month").lower()[:3] if m.group("month").lower()[:3] in MONTHS
                   else m.group("month").lower()]
    year_text = m.group("year")
    if year_text is None:
        years = _YEAR.findall(text[m.end():])
        year_text = years[0] if years else None
    year = int(year_text) if year_text else default_year
    if year is None:
        return None
    try:
        return date(year, month, int(m.group("day")))
    except ValueError:
        return None


def duration_months(text: str) -> tuple[int, str] | None:
    """(length, unit) of a duration header, or None for an instant."""
    m = _LENGTH.search(text)
    if m:
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
        unit = m.group("unit").lower().rstrip("s")
        if unit == "quarter":
            return 3 * n, "month"
        return n, unit
    if _YEAR_ENDED.search(text):
        return 12, "month"
    if _QUARTER_ENDED.search(text):
        return 3, "month"
    return None


def start_of(end: date, length: int, unit: str) -> date:
    """The first day of a period of ``length`` months (or weeks) ending on ``end``.

    A period ending on a month end starts on the first of a month.  One that ends on
    another day belongs to a 52/53-week calendar (fiscal periods ending on a weekday): it is
    a whole number of weeks, 13 a quarter, and the count (or one more, for a 53-week year or
    a 14-week quarter) whose start lies nearest the calendar estimate is taken."""
    if unit == "week":
        return end - timedelta(weeks=length) + timedelta(days=1)
    month_index = end.year * 12 + end.month - 1 - length
    year, month = divmod(month_index, 12)
    month += 1
    last_day = calendar.monthrange(end.year, end.month)[1]
    if end.day == last_day:
        return date(year + (month // 12), month % 12 + 1, 1)
    day = min(end.day, calendar.monthrange(year, month)[1])
    estimate = date(year, month, day) + timedelta(days=1)
    if length % 3:
        return estimate
    weeks = length * 13 // 3
    starts = [end - timedelta(weeks=w) + timedelta(days=1) for w in (weeks, weeks + 1)]
    return min(starts, key=lambda s: abs((s - estimate).days))


_RANGE_WORD = re.compile(r"(?:through|thru|to|until|ending|-|–|—)", re.I)


def date_range(header: str) -> tuple[date, date] | None:
    """(start, end) of a header that names both ("Period from June 1, 2023 (inception)
    through December 31, 2023", "June 1 to December 31, 2023"), as successor and
    predecessor columns and first periods do."""
    found = list(_DATE.finditer(header))
    if len(found) < 2:
        return None
    between = re.sub(r"\([^)]*\)", " ", header[found[0].end():found[1].start()]).strip(" ,")
    if not _RANGE_WORD.fullmatch(between):
        return None
    start, end = parse_date(header[found[0].start():]), parse_date(header[found[1].start():])
    if start is None or end is None or start >= end:
        return None
    return start, end


def parse_period(header: str) -> Period | None:
    span = date_range(header)
    if span is not None:
        return Period(end=span[1], start=span[0], label=header)
    end = parse_date(header)
    if end is None:
        return None
    length = duration_months(header)
    if length is None:
        return Period(end=end, label=header)
    return Period(end=end, start=start_of(end, *length), label=header)
