"""The filer's fiscal calendar, from the balance sheet's dates.

A balance sheet shows fiscal year ends: both of its dates in an annual report (they are
about a year apart), only the earlier one in a quarterly report.  From them the year end
of any other year follows: the same month end for a calendar that ends on month ends, or
the same weekday nearest the same date for a 52/53-week calendar (Johnson & Johnson's
fiscal 2022 ended on Sunday, January 1, 2023).

The calendar answers two questions statements ask: where a column headed only "2023" or
"Fiscal 2024" begins and ends (the latest such column ends on the latest known year end,
whatever the filer calls its years), and which year ends a computed period start should
be snapped to (the day after the previous year end).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from converter.model.statements import Period


def _is_month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _same_date_in(d: date, year: int) -> date:
    last = calendar.monthrange(year, d.month)[1]
    return date(year, d.month, last if _is_month_end(d) else min(d.day, last))


_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_LAST_WEEKDAY = re.compile(r"\blast\s+(" + "|".join(_DAYS) + r")\s+(?:of|in)\s+(" + "|".join(_MONTHS) + r")\b", re.I)


@dataclass(frozen=True)
class FiscalCalendar:
    year_ends: tuple[date, ...]  # known fiscal year ends, oldest first
    last_weekday_of: tuple[int, int] | None = None  # (weekday, month): "the last Saturday of September"

    @classmethod
    def from_balance_sheet(cls, dates: list[date], text: str = "") -> FiscalCalendar | None:
        """From the balance sheet's dates and, where the filing states it ("ends on the last
        Saturday of September"), its rule; without a stated rule a 52/53-week year is taken
        to end on the weekday nearest its usual date."""
        if not dates:
            return None
        latest, earliest = max(dates), min(dates)
        ends = {earliest}
        if 330 <= (latest - earliest).days <= 400:
            ends.add(latest)
        rule = None
        m = _LAST_WEEKDAY.search(text)
        if m:
            day, month = _DAYS[m.group(1).lower()], _MONTHS[m.group(2).lower()]
            if all(d.month == month and d.weekday() == day for d in ends):
                rule = (day, month)
        return cls(tuple(sorted(ends)), rule)

    @property
    def weekly(self) -> bool:
        """A 52/53-week calendar: some year end is not a month end."""
        return any(not _is_month_end(d) for d in self.year_ends)

    def end_in(self, year: int) -> date:
        """The fiscal year end that falls in (or next to) calendar ``year``."""
        anchor = min(self.year_ends, key=lambda d: abs(d.year - year))
        if anchor.year == year:
            return anchor
        if self.last_weekday_of is not None:
            weekday, month = self.last_weekday_of
            last = date(year, month, calendar.monthrange(year, month)[1])
            return last - timedelta(days=(last.weekday() - weekday) % 7)
        guess = _same_date_in(anchor, year)
        if not self.weekly:
            return guess
        weeks = round((anchor - guess).days / 7)
        return anchor - timedelta(weeks=weeks)

    def fiscal_year(self, name: int, latest_name: int) -> Period:
        """Fiscal year ``name`` where ``latest_name`` is the latest year the statement shows:
        that one ends on the latest known year end."""
        offset = max(self.year_ends).year - latest_name
        end = self.end_in(name + offset)
        start = self.end_in(name + offset - 1) + timedelta(days=1)
        return Period(end=end, start=start, label=f"fiscal {name}")

    def ends_around(self, first: int, last: int) -> set[date]:
        return {self.end_in(y) for y in range(first, last + 1)}
