"""A classified table becomes a ``Statement``: header rows to periods, rows to line items.

Header cells that span several columns (a "Three Months Ended" over two years) are read
by carrying each header cell rightwards over the empty cells that follow it.  Sections
("Current Assets:") are tracked so that a bare "Total" can be named after the section it
closes, and a total closes the section whose words it repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from converter.extraction.fiscal import FiscalCalendar
from converter.extraction.labels import clean_label, extract_embedded
from converter.extraction.periods import duration_months, parse_date, parse_period, start_of
from converter.extraction.scale import read_scale
from converter.extraction.values import parse_amount
from converter.model.document import Row, Table
from converter.model.statements import (
    Amount,
    ItemKind,
    LeftOut,
    LineItem,
    Period,
    Statement,
    StatementKind,
    TableReport,
)
from converter.text import normalize_label

_SHARES = re.compile(
    r"\bweighted[- ]average\b|\bnumber of (?:common )?shares\b|^(?:common )?shares\b|"
    r"\bshares (?:outstanding|used)\b",
    re.I,
)
_PER_SHARE = re.compile(r"\bper (?:common |basic |diluted |ordinary )?(?:share|unit)\b|\bEPS\b", re.I)
_TOTAL = re.compile(r"^total\b", re.I)
_PERCENT_HEADER = re.compile(r"\bpercent|%|\bratio\b|\bmargin\b", re.I)
_BARE_YEAR = re.compile(r"(?:fiscal\s+(?:year\s+)?)?((?:19|20)\d{2})", re.I)
_PERIOD_TEXT = re.compile(r"\bend(?:ed|ing)\b|\bas of\b|\bat\s+[a-z]+\.?\s+\d{1,2}\b|"
                          r"\bmonths?\b|\bweeks?\b|\byears?\b|\bquarters?\b", re.I)
_PERIOD_WORDS = r"(?:the\s+)?(?:fiscal\s+)?(?:period|year|quarter|month)s?"
_AT_START = re.compile(rf",?\s*(?:at\s+|as\s+of\s+)?(?:the\s+)?beginning\s+of\s+{_PERIOD_WORDS}|"
                       r",?\s*beginning\s+(?:of\s+)?balances?|,?\s*balances?,?\s+(?:at\s+)?beginning(?:\s+of\s+\w+)?",
                       re.I)
_AT_END = re.compile(rf",?\s*(?:at\s+|as\s+of\s+)?(?:the\s+)?end\s+of\s+{_PERIOD_WORDS}|"
                     r",?\s*ending\s+balances?|,?\s*balances?,?\s+(?:at\s+)?end(?:ing)?(?:\s+of\s+\w+)?",
                     re.I)


def balance_position(label: str, periods: list[Period] | None = None) -> tuple[str | None, str]:
    """("start"/"end", the label without those words) for a balance in a flow statement:
    "Cash and cash equivalents, beginning of period" is the cash balance at the start, and
    "... at June 30" the one at the end when the columns' periods end on June 30."""
    for where, pattern in (("start", _AT_START), ("end", _AT_END)):
        if pattern.search(label):
            rest = pattern.sub("", label).strip(" ,:-")
            return where, rest or label
    m = _AT_DAY.search(label)
    day = parse_date(m.group(1), default_year=2000) if m else None
    if m and day is not None and periods:
        rest = label[: m.start()].strip(" ,:-") or label
        if any((p.end.month, p.end.day) == (day.month, day.day) for p in periods):
            return "end", rest
        if any(p.start and (p.start.month, p.start.day) == (day.month, day.day) for p in periods):
            return "start", rest
    return None, label


_AT_DAY = re.compile(r",?\s*(?:at|as of)\s+([A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s*(?:19|20)\d{2})?\s*$")


def kind_in_context(label: str, sections: tuple[str, ...]) -> ItemKind:
    """The row's own words decide; else the nearest section that says what it counts
    ("Earnings per share:" / "Assuming dilution:" / "Continuing operations")."""
    for text in (label, *(f"{s} {label}" for s in reversed(sections))):
        kind = item_kind(text)
        if kind is not ItemKind.MONETARY:
            return kind
    return ItemKind.MONETARY


def _per_share_by_print(kind: ItemKind, values: list[Amount | None], scale: int) -> ItemKind:
    """In a statement in thousands or millions, a row printed to the cent in small numbers
    ("2.31") is a per-share amount whatever its label says ("Continuing operations")."""
    shown = [v for v in values if v is not None and v.shown is not None]
    if kind is ItemKind.MONETARY and scale >= 3 and shown and \
            all(v.decimals_shown == 2 and v.shown is not None and abs(v.shown) < 1000 for v in shown):
        return ItemKind.PER_SHARE
    return kind


def item_kind(label: str) -> ItemKind:
    if _SHARES.search(label):
        return ItemKind.SHARES
    if _PER_SHARE.search(label):
        return ItemKind.PER_SHARE
    return ItemKind.MONETARY


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


def _column_headers(header_rows: list[Row], width: int) -> list[str]:
    texts = [""] * width
    for row in header_rows:
        if row.is_rule:
            continue
        carried = ""
        for j in range(1, width):
            cell = row.cells[j] if j < len(row.cells) else ""
            if cell:
                carried = cell
            if carried:
                texts[j] = f"{texts[j]} {carried}".strip()
    return texts


def build_statement(table: Table, kind: StatementKind, left_out: list[LeftOut],
                    fiscal: FiscalCalendar | None = None,
                    periods: list[Period] | None = None) -> Statement | None:
    """The statement a table holds, or None when no column names a period.

    ``fiscal`` (the filer's calendar, from its balance sheet) lets a column headed only by a
    year ("2023", "Fiscal 2024") be read as that fiscal year, and snaps period starts.
    ``periods``: those of the statement this table continues, for a page whose columns
    repeat no header (taken only when the number of value columns is the same).
    Columns whose period cannot be read are reported in ``left_out``, not dropped."""
    rows = table.rows
    first_value = _value_row_index(rows)
    if first_value >= len(rows):
        return None
    # caption rows ("ASSETS", "Current Assets:") between the headers and the first value
    # belong to the body: the header ends at the last row with text beyond the label column
    while first_value > 0 and not any(c for c in rows[first_value - 1].cells[1:]) \
            and rows[first_value - 1].cells[0]:
        first_value -= 1
    width = max(len(r.cells) for r in rows)
    headers = _column_headers(rows[:first_value], width)
    value_cols = [
        j for j in range(1, width)
        if any(j < len(r.cells) and parse_amount(r.cells[j]) is not None for r in rows[first_value:])
    ]
    # the caption and the header rows' label cells ("Three fiscal years ended September 27")
    # the header rows' label cells first ("fiscal years ended June 30"), then the caption
    # lines that speak of periods (not a report date or a page header above the table)
    caption = " ".join([r.cells[0] for r in rows[:first_value] if r.cells and r.cells[0]]
                       + [line for line in table.caption if _PERIOD_TEXT.search(line)])
    named_years = [int(m.group(1)) for h in headers if (m := _BARE_YEAR.fullmatch(h.strip()))]
    inherited = periods if periods is not None and len(periods) == len(value_cols) else None
    periods = []
    report = TableReport(rows=len(rows), columns=len(value_cols), header_rows=first_value)
    unread_cols: list[int] = []
    for n, j in enumerate(value_cols):
        period = parse_period(headers[j])
        if period is None and inherited is not None and not headers[j].strip():
            period = inherited[n]
        bare = _BARE_YEAR.fullmatch(headers[j].strip())
        if period is None and bare:
            year = int(bare.group(1))
            period = _period_from_caption(caption, year, exact_only=fiscal is not None and kind != "BS")
            if period is None and kind != "BS" and fiscal is not None:
                period = fiscal.fiscal_year(year, max(named_years))
                report.warnings.append(f"column {headers[j].strip()!r}: the fiscal year {period.start} to "
                                       f"{period.end}, from the balance sheet's year ends")
        if period is None:
            report.warnings.append(f"column {j} header {headers[j]!r} names no period")
            unread_cols.append(j)
        else:
            periods.append(period)
    for j in [j for j in value_cols if j not in unread_cols and _PERCENT_HEADER.search(headers[j])]:
        periods.pop([c for c in value_cols if c not in unread_cols].index(j))
        unread_cols.append(j)  # "Percent to Sales": a ratio column, never an amount
    if not periods:
        return None
    # the other columns' ends and the balance sheets' dates tell where a period really starts
    known_ends = {p.end for p in periods}
    if fiscal is not None and not fiscal.weekly:  # a 52/53-week year end is only a guess
        years = [p.end.year for p in periods]
        known_ends |= fiscal.ends_around(min(years) - 2, max(years))
    periods = [_snap_start(p, [d for d in known_ends if d < p.end], report) if p.start else p for p in periods]
    for j in unread_cols:
        value_cols.remove(j)
        why = "a percentage column, not an amount" if _PERCENT_HEADER.search(headers[j]) \
            else "names no period"
        for row in rows[first_value:]:
            amount = parse_amount(row.cells[j]) if j < len(row.cells) and row.cells[j] else None
            if amount is not None and amount.shown is not None:
                left_out.append(LeftOut(row.cells[j], f"its column header {headers[j]!r} {why}", row.line, kind))
    merged = _merge_same_period(value_cols, periods, report)
    if kind == "BS":
        periods = [Period(end=p.end, label=p.label) for p in periods]  # balances are instants
    header_labels = [r.cells[0] for r in rows[:first_value] if r.cells and r.cells[0]]
    scale, scale_text, unscaled, kind_scale = read_scale(table.caption + header_labels)
    statement = Statement(
        kind=kind,
        title=_title(table.caption),
        periods=periods,
        items=[],
        scale=scale,
        scale_text=scale_text,
        unscaled_kinds=unscaled,
        kind_scale=kind_scale,
        report=report,
        line=table.line,
    )
    sections: list[tuple[str, int]] = []  # (name, level)
    body = [r for r in rows[first_value:] if not r.is_rule]
    wrapped, skip = _wrapped_labels(body)
    for k, row in enumerate(body):
        if k in skip:
            continue  # the first lines of a label wrapped over several lines
        raw = wrapped.get(k, row.cells[0].strip())
        values: list[Amount | None] = []
        for j in value_cols:
            cells = [row.cells[c] for c in (j, *merged.get(j, ())) if c < len(row.cells) and row.cells[c]]
            values.append(parse_amount(cells[0]) if cells else None)
            for extra in cells[1:]:
                left_out.append(LeftOut(extra, "a second number for the same period in one row", row.line, kind))
        absorbed = {c for cols in merged.values() for c in cols}
        stray = [c for k, c in enumerate(row.cells[1:], 1)
                 if c and k not in value_cols and k not in unread_cols and k not in absorbed]
        for text in stray:
            left_out.append(LeftOut(text, "a cell outside the statement's value columns", row.line, kind))
        if all(v is None for v in values):
            if raw:
                level = 0 if raw.isupper() else 1
                if level and statement.items and statement.items[-1].is_header and sections:
                    level = sections[-1][1] + 1  # a caption right under a caption nests in it
                while sections and sections[-1][1] >= level:
                    sections.pop()
                sections.append((raw.rstrip(":").strip(), level))
                statement.items.append(LineItem(label=raw.rstrip(":"), raw_label=raw, values=values,
                                                sections=tuple(s for s, _ in sections[:-1]),
                                                is_header=True, line=row.line))
            continue
        report.value_rows += 1
        if not raw:
            raw = _name_unlabelled(statement.items, sections)
        label = clean_label(raw)
        is_total = bool(_TOTAL.match(label))
        open_sections = tuple(s for s, _ in sections)
        if is_total:
            label = _complete_total(label, sections)
            _close_sections(label, sections)
        embedded, unread = extract_embedded(raw, periods, kind)
        for text in unread:
            left_out.append(LeftOut(text, "a number in a label that no rule reads", row.line, kind))
        balance_at = None
        if kind in ("CF", "EQ") and not all(p.is_instant for p in periods):
            balance_at, label = balance_position(label, periods)
        statement.items.append(LineItem(
            label=label,
            raw_label=raw,
            values=values,
            kind=_per_share_by_print(kind_in_context(label, open_sections), values, scale),
            sections=tuple(s for s, _ in sections),
            level=len(sections),
            is_total=is_total,
            line=row.line,
            embedded=embedded,
            balance_at=balance_at,
        ))
    while statement.items and statement.items[-1].is_header:
        # text rows after the last value are footnotes ("(1) Derived from audited ..."), not captions
        note = statement.items.pop()
        report.warnings.append(f"footnote row read as text: {note.raw_label!r}")
    return statement


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


def _wrapped_labels(body: list[Row]) -> tuple[dict[int, str], set[int]]:
    """Labels wrapped over several lines ("Accounts receivable, net of allowance for" /
    "  doubtful accounts of $805 ..." / "  at March 31, 2006   2,532   5,869").

    A line with a label and no values starts a wrap when the lines after it go on in lower
    case (or with a number or "$") and the last of them carries the values.  Returns the
    full label of each value row that ends a wrap, and the rows that only began it."""
    def has_values(row: Row) -> bool:
        return any(parse_amount(c) is not None for c in row.cells[1:] if c)

    def goes_on(row: Row) -> bool:
        label = row.cells[0].strip()
        return not label or not label[0].isalpha() or label[0].islower()

    wrapped: dict[int, str] = {}
    skip: set[int] = set()
    k = 0
    while k < len(body):
        label = body[k].cells[0].strip()
        if label and not label.endswith(":") and not label.isupper() and not has_values(body[k]):
            j = k + 1
            while j < len(body) and not has_values(body[j]) and body[j].cells[0].strip() and goes_on(body[j]):
                j += 1
            if j < len(body) and j > k and has_values(body[j]) and goes_on(body[j]):
                wrapped[j] = " ".join(body[i].cells[0].strip() for i in range(k, j + 1)).strip()
                skip.update(range(k, j))
                k = j + 1
                continue
        k += 1
    return wrapped, skip


def _name_unlabelled(items: list[LineItem], sections: list[tuple[str, int]]) -> str:
    """A row of values without a label is the subtotal of the rows above it: "Total
    <section>" inside a section; after a "Less ..." deduction, the net of the row it
    reduces ("Property and equipment, net")."""
    previous = [i for i in items if not i.is_header]
    if len(previous) >= 2 and previous[-1].raw_label.lower().startswith("less"):
        return f"{previous[-2].label}, net"
    if sections:
        return f"Total {sections[-1][0].lower()}"
    return "Total"


def _title(caption: list[str]) -> str:
    for line in reversed(caption):
        if re.search(r"balance sheet|statements? of|financial position|cash flows|income", line, re.I):
            return line.strip()
    return caption[-1].strip() if caption else ""


def _complete_total(label: str, sections: list[tuple[str, int]]) -> str:
    """'Total' alone is named after the innermost open section ("Total assets")."""
    if normalize_label(label) != "total" or not sections:
        return label
    return f"Total {sections[-1][0].lower()}"


def _close_sections(label: str, sections: list[tuple[str, int]]) -> None:
    words = set(normalize_label(label).split()) - {"total"}
    for i in range(len(sections) - 1, -1, -1):
        section_words = set(normalize_label(sections[i][0]).split())
        if section_words and section_words <= words | {"and"}:
            del sections[i:]
            return
