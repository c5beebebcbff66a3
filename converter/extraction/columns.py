"""A statement table's header rows and value columns, read into periods.

Header cells that span several columns (a "Three Months Ended" over two years) are read
by carrying each header cell rightwards over the empty cells that follow it.  Each value
column then gets its period: from its own header ("September 30, 2006"), from a bare year
("2023", "Fiscal 2024") with the caption or the filer's fiscal calendar, or from the
statement a headerless page continues.  Columns that name no period, and percentage
columns, are reported with every number in them; columns that read as the same period
are folded into one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from converter.extraction.fiscal import FiscalCalendar
from converter.extraction.periods import duration_months, parse_date, parse_period, start_of
from converter.extraction.values import parse_amount
from converter.model.document import Row, Table
from converter.model.statements import LeftOut, Period, StatementKind, TableReport

_PERCENT_HEADER = re.compile(r"\bpercent|%|\bratio\b|\bmargin\b", re.I)
_BARE_YEAR = re.compile(r"(?:fiscal\s+(?:year\s+)?)?((?:19|20)\d{2})", re.I)
_PERIOD_TEXT = re.compile(r"\bend(?:ed|ing)\b|\bas of\b|\bat\s+[a-z]+\.?\s+\d{1,2}\b|"
                          r"\bmonths?\b|\bweeks?\b|\byears?\b|\bquarters?\b", re.I)


@dataclass
class Columns:
    """The value columns of a table and the period each one shows."""

    body_start: int  # index of the first row after the header
    headers: list[str]  # header text per physical column
    value_cols: list[int]
    periods: list[Period]
    unread: list[int] = field(default_factory=list)  # columns reported, not read
    merged: dict[int, list[int]] = field(default_factory=dict)  # column -> columns folded into it

    @property
    def absorbed(self) -> set[int]:
        return {c for cols in self.merged.values() for c in cols}


def read_header(rows: list[Row], carry: bool = True) -> tuple[int, list[str]] | None:
    """(index of the first body row, header text per column), or None without values.
    ``carry``: a header cell also heads the empty cells to its right (a text table, where
    spans are not marked); False when the reader placed each header over its own span."""
    first_value = _value_row_index(rows)
    if first_value >= len(rows):
        return None
    # caption rows ("ASSETS", "Current Assets:") between the headers and the first value
    # belong to the body: the header ends at the last row with text beyond the label column
    while first_value > 0 and not any(c for c in rows[first_value - 1].cells[1:]) \
            and rows[first_value - 1].cells[0]:
        first_value -= 1
    width = max(len(r.cells) for r in rows)
    return first_value, _column_headers(rows[:first_value], width, carry)


def read_columns(table: Table, kind: StatementKind, report: TableReport, left_out: list[LeftOut],
                 fiscal: FiscalCalendar | None = None, inherited: list[Period] | None = None) -> Columns | None:
    """The periods of a table's value columns, or None when no column names one."""
    header = read_header(table.rows, carry=not table.spans_known)
    if header is None:
        return None
    first_value, headers = header
    rows = table.rows
    value_cols = [
        j for j in range(1, len(headers))
        if any(j < len(r.cells) and parse_amount(r.cells[j]) is not None for r in rows[first_value:])
    ]
    # the header rows' label cells first ("fiscal years ended June 30"), then the caption
    # lines that speak of periods (not a report date or a page header above the table)
    caption = " ".join([r.cells[0] for r in rows[:first_value] if r.cells and r.cells[0]]
                       + [line for line in table.caption if _PERIOD_TEXT.search(line)])
    inherited = inherited if inherited is not None and len(inherited) == len(value_cols) else None
    report.rows, report.columns, report.header_rows = len(rows), len(value_cols), first_value
    columns = Columns(first_value, headers, value_cols, [])
    for n, j in enumerate(value_cols):
        period = _column_period(headers, j, caption, kind, fiscal, report)
        if period is None and inherited is not None and not headers[j].strip():
            period = inherited[n]
        if period is None or _PERCENT_HEADER.search(headers[j]):
            if period is None:
                report.warnings.append(f"column {j} header {headers[j]!r} names no period")
            columns.unread.append(j)
        else:
            columns.periods.append(period)
    if not columns.periods:
        return None
    _snap_starts(columns, fiscal, report)
    _report_unread(columns, rows, kind, left_out)
    columns.merged = _merge_same_period(columns.value_cols, columns.periods, report)
    if kind == StatementKind.BS:
        columns.periods = [Period(end=p.end, label=p.label) for p in columns.periods]  # balances are instants
    return columns


def _column_period(headers: list[str], j: int, caption: str, kind: StatementKind,
                   fiscal: FiscalCalendar | None, report: TableReport) -> Period | None:
    period = parse_period(headers[j])
    bare = _BARE_YEAR.fullmatch(headers[j].strip())
    if period is not None or not bare:
        return period
    year = int(bare.group(1))
    period = _period_from_caption(caption, year, exact_only=fiscal is not None and kind != StatementKind.BS)
    if period is None and kind != StatementKind.BS and fiscal is not None:
        named_years = [int(m.group(1)) for h in headers if (m := _BARE_YEAR.fullmatch(h.strip()))]
        period = fiscal.fiscal_year(year, max(named_years))
        report.warnings.append(f"column {headers[j].strip()!r}: the fiscal year {period.start} to "
                               f"{period.end}, from the balance sheet's year ends")
    return period


def _snap_starts(columns: Columns, fiscal: FiscalCalendar | None, report: TableReport) -> None:
    """The other columns' ends and the fiscal calendar tell where a period really starts."""
    known_ends = {p.end for p in columns.periods}
    if fiscal is not None and not fiscal.weekly:  # a 52/53-week year end is only a guess
        years = [p.end.year for p in columns.periods]
        known_ends |= fiscal.ends_around(min(years) - 2, max(years))
    columns.periods = [_snap_start(p, [d for d in known_ends if d < p.end], report) if p.start else p
                       for p in columns.periods]


def _report_unread(columns: Columns, rows: list[Row], kind: StatementKind, left_out: list[LeftOut]) -> None:
    """Every number of a column that is not read, with the reason."""
    for j in columns.unread:
        columns.value_cols.remove(j)
        header = columns.headers[j]
        why = "a percentage column, not an amount" if _PERCENT_HEADER.search(header) else "names no period"
        for row in rows[columns.body_start:]:
            amount = parse_amount(row.cells[j]) if j < len(row.cells) and row.cells[j] else None
            if amount is not None and amount.shown is not None:
                left_out.append(LeftOut(row.cells[j], f"its column header {header!r} {why}", row.line, kind))


def _value_row_index(rows: list[Row]) -> int:
    for i, row in enumerate(rows):
        if row.is_rule:
            continue
        if any(parse_amount(c) is not None for c in row.cells[1:] if c):
            if not _is_year_row(row):
                return i
    return len(rows)


def _is_year_row(row: Row) -> bool:
    """A header row of bare years ("2008 2007 2006"), whatever its label cell says."""
    filled = [c for c in row.cells[1:] if c]
    return bool(filled) and all(re.fullmatch(r"(?:19|20)\d{2}", c) for c in filled)


def _column_headers(header_rows: list[Row], width: int, carry: bool = True) -> list[str]:
    """Header text per column.  Where spans are known (``carry`` False) only a period phrase
    ("Quarter Ended" over too few columns) still heads the empty cells to its right: a
    component heading ("Capital in / Excess of / Par Value") never does."""
    texts = [""] * width
    for row in header_rows:
        if row.is_rule:
            continue
        carried = ""
        for j in range(1, width):
            cell = row.cells[j] if j < len(row.cells) else ""
            if cell or not (carry or _PERIOD_TEXT.search(carried)):
                carried = cell
            if carried:
                texts[j] = f"{texts[j]} {carried}".strip()
    return texts


def _merge_same_period(value_cols: list[int], periods: list[Period],
                       report: TableReport) -> dict[int, list[int]]:
    """Columns that read as the same period are one column whose numbers the layout spread
    over neighbouring cells: the later ones are folded into the first (in place), and the
    first's list of absorbed columns is returned."""
    merged: dict[int, list[int]] = {}
    first: dict[str, int] = {}
    for j, period in list(zip(value_cols, periods, strict=True)):
        if period.key not in first:
            first[period.key] = j
            continue
        keep = first[period.key]
        merged.setdefault(keep, []).append(j)
        index = value_cols.index(j)
        del value_cols[index], periods[index]
        report.warnings.append(f"column {j} reads as {period.key} again: folded into column {keep}")
    return merged


def _snap_start(period: Period, balance_dates: Iterable[date], report: TableReport) -> Period:
    """Fiscal calendars of 52 or 53 weeks end near, not on, a month end: a six-month period
    ending June 27 begins the day after the December 31 balance sheet, not on December 28.
    A computed start within a week after a balance-sheet date moves to the day after it."""
    assert period.start is not None
    for d in sorted(balance_dates):
        start = d + timedelta(days=1)
        if start != period.start and abs((start - period.start).days) <= 7 and start < period.end:
            report.warnings.append(f"period {period.key}: starts {start}, the day after the balance sheet "
                                   f"date {d}")
            return Period(end=period.end, start=start, label=period.label)
    return period


def _period_from_caption(caption: str, year: int, exact_only: bool = False) -> Period | None:
    """A bare-year column under a caption such as "for the years ended December 31"; a
    caption that names full dates ("At December 29, 2024 and December 31, 2023") gives the
    date of the column's year."""
    for text in re.findall(r"[A-Za-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d{2}", caption):
        named = parse_date(text)
        if named is not None and named.year == year:
            length = duration_months(caption)
            if length is None:
                return Period(end=named, label=text)
            return Period(end=named, start=start_of(named, *length), label=text)
    if exact_only:
        return None  # the fiscal calendar knows other years' ends better than the caption's date
    without_years = re.sub(r"\b(?:19|20)\d{2}\b", "", caption)
    end = parse_date(without_years, default_year=year)
    if end is None:
        return None
    length = duration_months(caption)
    if length is None:
        return Period(end=end, label=f"{caption} {year}")
    return Period(end=end, start=start_of(end, *length), label=f"{caption} {year}")


