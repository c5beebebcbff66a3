"""A statement of stockholders' equity whose columns are equity components.

Most equity statements are laid out as a roll-forward per component: the columns are the
components (common stock shares and amount, additional paid-in capital, retained earnings,
accumulated other comprehensive income, treasury stock, noncontrolling interest, total),
the rows run "Balance at December 31, 2022", the movements of the year, "Balance at
December 31, 2023", the next year's movements, and so on.  No column names a period: the
balance rows do.

The reader turns that layout into the model every other statement uses: one column per
(period, component), the period being the span between two balance rows (the day after
the first to the second); the balance rows become an opening and a closing balance item
(instants at the period's start and end); a movement printed in several years is one
line item.  A row with both a share count and amounts becomes two items, one per kind,
so each can get its own concept.  Which member of ``StatementEquityComponentsAxis`` a
component is, is the mapper's decision; extraction keeps the printed heading.

A balance dated on the first day of a month that is not a fiscal year end ("Balance as of
January 1, 2022", "Equity - April 1, 2025") is an opening balance: the instant before that
day.  Dashes in component columns are empty cells, not facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from converter.extraction.columns import read_header
from converter.extraction.fiscal import FiscalCalendar
from converter.extraction.labels import clean_label, extract_embedded, printed_numbers
from converter.extraction.periods import parse_date
from converter.extraction.scale import read_scale
from converter.extraction.statements import Sections, is_total_label
from converter.extraction.values import parse_amount
from converter.model.document import Row, Table
from converter.model.statements import (
    Amount,
    EmbeddedFact,
    ItemKind,
    LeftOut,
    LineItem,
    Period,
    Statement,
    StatementKind,
    TableReport,
)
from converter.text import normalize_label

_BALANCE = re.compile(r"^\s*(?:total\s+)?(?:balances?|(?:(?:total\s+)?(?:stockholders|shareholders|shareowners)"
                      r"['’]?\s+)?equity)\b", re.I)
_COMPONENT = re.compile(r"\bstock\b|\bcapital\b|\bearnings\b|\bdeficit\b|\bcomprehensive\b|\btreasury\b|"
                        r"\bequity\b|\binterests?\b|\bshares\b|\bsurplus\b|\breserve\b", re.I)
_SHARES = re.compile(r"\bshares\b|\bnumber\b", re.I)
_AMOUNT = re.compile(r"\bamount\b|\bvalue\b|\$", re.I)


@dataclass(frozen=True)
class Component:
    column: int  # physical column of the table
    heading: str
    counts_shares: bool


@dataclass
class _Balance:
    """A balance row: its date and amounts per component."""

    label: str
    day: date
    values: list[Amount | None]
    line: int
    closes: bool = False  # it ends a block of movements (so its date is a period end)


@dataclass
class _Movement:
    label: str
    raw: str
    sections: tuple[str, ...]
    values: list[Amount | None]
    line: int
    is_total: bool
    heading: Row | None = None  # the heading above it that prints a figure ("Dividends ($4.0763 per share):")


@dataclass
class _Block:
    """The rows between two balance rows: one period of movements."""

    opening: _Balance
    closing: _Balance
    movements: list[_Movement] = field(default_factory=list)

    @property
    def period(self) -> Period:
        return Period(end=self.closing.day, start=self.opening.day + timedelta(days=1),
                      label=f"{self.opening.label} to {self.closing.label}")


def balance_date(label: str) -> date | None:
    """The date of a balance row ("Balances as of Jan 30, 2022", "BALANCE JUNE 30, 2022",
    "Equity - April 1, 2025"), or None for any other row."""
    if not _BALANCE.match(label):
        return None
    return parse_date(label)


def components(table: Table) -> tuple[int, list[Component]] | None:
    """(first body row, the component columns) when the table is laid out by component:
    at least two balance rows with dates and two headings that name components."""
    header = read_header(table.rows, carry=not table.spans_known)
    if header is None:
        return None
    start, headings = header
    body = table.rows[start:]
    if sum(1 for r in body if r.cells and balance_date(r.cells[0]) is not None) < 2:
        return None
    columns = [j for j in range(1, len(headings))
               if any(j < len(r.cells) and parse_amount(r.cells[j]) is not None for r in body)]
    named = [j for j in columns if _COMPONENT.search(headings[j])]
    if len(named) < 2:
        return None
    return start, [Component(j, headings[j].strip(), bool(_SHARES.search(headings[j]))
                             and not _AMOUNT.search(headings[j])) for j in columns]


def read_equity(tables: list[Table], left_out: list[LeftOut],
                fiscal: FiscalCalendar | None = None) -> Statement | None:
    """The equity statement of a table (and the tables that continue it) laid out by
    component, or None when the first table is not laid out that way.  Continuation
    tables with another number of component columns are reported, not read."""
    first = components(tables[0])
    if first is None:
        return None
    start, cols = first
    report = TableReport(columns=len(cols), header_rows=start)
    rows = [(row, cols) for row in tables[0].rows[start:]]
    for table in tables[1:]:
        more = components(table)
        if more is None or len(more[1]) != len(cols):
            _report_rows(table.rows, "continues a statement of stockholders' equity but its columns are other "
                         "components", left_out)
            continue
        rows.extend((row, more[1]) for row in table.rows[more[0]:])
    label_rows = [r.cells[0] for r in tables[0].rows[:start + 2] if r.cells and r.cells[0]]
    scale, scale_text, unscaled, kind_scale = read_scale(tables[0].caption + label_rows)
    if not scale_text:
        report.warnings.append("no scale note found above or in the table: amounts taken as printed")
    blocks = _blocks([(r, [c.column for c in cs]) for r, cs in rows], left_out, report)
    if not blocks:
        return None
    _date_openings(blocks, fiscal)
    statement = Statement(kind=StatementKind.EQ, title=_title(tables[0].caption), periods=[], items=[],
                          scale=scale, scale_text=scale_text, unscaled_kinds=unscaled, kind_scale=kind_scale,
                          report=report, line=tables[0].line)
    _fill(statement, blocks, cols, left_out)
    _check_roll_forward(blocks, cols, report)
    return statement


def _blocks(rows: list[tuple[Row, list[int]]], left_out: list[LeftOut], report: TableReport) -> list[_Block]:
    """The balance rows and the movements between them."""
    blocks: list[_Block] = []
    last: _Balance | None = None
    pending: list[_Movement] = []
    sections = Sections()
    figured: Row | None = None  # a heading that prints a figure, for the next movement
    for row, columns in rows:
        if row.is_rule or not row.cells:
            continue
        raw = row.cells[0].strip()
        values = [_amount(row.cells[j]) if j < len(row.cells) else None for j in columns]
        day = balance_date(raw)
        if day is not None:
            balance = _Balance(raw, day, values, row.line)
            if last is not None and pending:
                balance.closes = True
                blocks.append(_Block(last, balance, pending))
            elif pending:
                _report_movements(pending, "printed before any balance row", left_out)
            last, pending, sections = balance, [], Sections()
            continue
        if all(v is None for v in values):
            if raw and not any(ch.isdigit() for ch in "".join(row.cells[1:])):
                _unread_heading(figured, left_out)
                sections.open(raw, False)
                figured = row if printed_numbers(raw) else None
            continue
        report.value_rows += 1
        label = clean_label(raw) or raw
        is_total = is_total_label(label)
        pending.append(_Movement(label, raw, sections.names, values, row.line, is_total, figured))
        figured = None
        if is_total:
            sections.close(label)
    _unread_heading(figured, left_out)
    if pending:
        _report_movements(pending, "printed after the last balance row", left_out)
    return blocks


def _unread_heading(heading: Row | None, left_out: list[LeftOut]) -> None:
    """A heading's figures that no movement under it took."""
    if heading is not None:
        for text in printed_numbers(heading.cells[0]):
            left_out.append(LeftOut(text, "a number in a heading row with no movement under it", heading.line,
                                    StatementKind.EQ))


def _amount(cell: str) -> Amount | None:
    """A printed number; a dash (no change in this component) is no fact."""
    if not any(ch.isdigit() for ch in cell):
        return None
    amount = parse_amount(cell)
    return amount if amount is not None and not amount.is_nil else None


def _date_openings(blocks: list[_Block], fiscal: FiscalCalendar | None) -> None:
    """An opening balance dated the first of a month that is no fiscal year end is the
    balance at the start of that day, so the instant is the day before."""
    for block in blocks:
        opening = block.opening
        if opening.closes or opening.day.day != 1:
            continue
        year_ends = fiscal.ends_around(opening.day.year - 1, opening.day.year) if fiscal else set()
        if opening.day not in year_ends:
            opening.day = opening.day - timedelta(days=1)


def _fill(statement: Statement, blocks: list[_Block], cols: list[Component], left_out: list[LeftOut]) -> None:
    """One column per (block, component); items merged over blocks by label and kind."""
    width = len(cols)
    for block in blocks:
        statement.periods.extend([block.period] * width)
        statement.components.extend(c.heading for c in cols)
    kinds = [ItemKind.SHARES if c.counts_shares else ItemKind.MONETARY for c in cols]
    opening = _items_for("start", blocks[0].opening, kinds)
    closing = _items_for("end", blocks[0].closing, kinds)
    for b, block in enumerate(blocks):
        for kind, item in opening.items():
            _place(item, block.opening.values, kinds, kind, b, width)
        for kind, item in closing.items():
            _place(item, block.closing.values, kinds, kind, b, width)
    statement.items.extend(_printed(opening))
    statement.items.extend(_movement_items(blocks, kinds, left_out))
    statement.items.extend(_printed(closing))


_Key = tuple[str, tuple[str, ...], ItemKind]


def _movement_items(blocks: list[_Block], kinds: list[ItemKind], left_out: list[LeftOut]) -> list[LineItem]:
    """The movements as line items: one per label, section and kind over all blocks, in the
    order printed (a line only a later year has goes after the line it follows there)."""
    width = len(kinds)
    items: dict[_Key, LineItem] = {}
    order: list[_Key] = []
    for b, block in enumerate(blocks):
        previous: _Key | None = None
        for move in block.movements:
            for kind in (ItemKind.SHARES, ItemKind.MONETARY):
                if not any(v is not None for v, k in zip(move.values, kinds, strict=True) if k is kind):
                    continue
                key = (_same_line(move.label), move.sections, kind)
                if key not in items:
                    items[key] = LineItem(label=move.label, raw_label=move.raw, values=[None] * (width * len(blocks)),
                                          kind=kind, sections=move.sections, level=len(move.sections),
                                          is_total=move.is_total, line=move.line)
                    order.insert(order.index(previous) + 1 if previous in order else len(order), key)
                _place(items[key], move.values, kinds, kind, b, width)
                if kind is ItemKind.MONETARY:
                    items[key].embedded.extend(_embedded(move, block.period, left_out))
                previous = key
    return [items[k] for k in order]


def _printed(balances: dict[ItemKind, LineItem]) -> list[LineItem]:
    """The balance items that hold a number, share counts first."""
    return [balances[k] for k in (ItemKind.SHARES, ItemKind.MONETARY)
            if k in balances and any(v is not None for v in balances[k].values)]


_RESULT = re.compile(r"\b(?:income|loss|earnings)\b(?:\W+(?:income|loss|earnings)\b)*")


def _same_line(label: str) -> str:
    """The key under which a movement printed in several years is one line: "Net loss" in
    a year of losses is "Net income" in the others."""
    return _RESULT.sub("income", normalize_label(label))


def _items_for(where: str, balance: _Balance, kinds: list[ItemKind]) -> dict[ItemKind, LineItem]:
    """The opening (or closing) balance items, one per kind of column."""
    label = balance.label
    words = re.sub(r"\s+", " ", re.sub(r",?\s*(?:as\s+of|at)?\s*[A-Za-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d{2}.*$", "",
                                       label)).strip(" ,-–—:") or "Balance"
    words = words[0].upper() + words[1:].lower() if words.isupper() else words
    return {kind: LineItem(label=words if kind is ItemKind.MONETARY else f"{words}, shares", raw_label=label,
                           values=[], kind=kind, balance_at=where, line=balance.line) for kind in set(kinds)}


def _place(item: LineItem, values: list[Amount | None], kinds: list[ItemKind], kind: ItemKind, block: int,
           width: int) -> None:
    """The row's amounts of one kind, in the block's columns."""
    need = (block + 1) * width
    if len(item.values) < need:
        item.values.extend([None] * (need - len(item.values)))
    for c, (value, k) in enumerate(zip(values, kinds, strict=True)):
        if k is kind and value is not None:
            item.values[block * width + c] = value


def _embedded(move: _Movement, period: Period, left_out: list[LeftOut]) -> list[EmbeddedFact]:
    """Per-share amounts written in a movement's label ("Cash dividends ($0.016 per share)"),
    or in the heading just above it ("Dividends ($4.0763 per share):" over "Common")."""
    facts: list[EmbeddedFact] = []
    heading = [(move.heading.cells[0].strip(), move.heading.line)] if move.heading else []
    for text, line in [(move.raw, move.line), *heading]:
        found, unread = extract_embedded(text, [period], StatementKind.EQ)
        facts.extend(found)
        for number in unread:
            left_out.append(LeftOut(number, "a number in a label that no rule reads", line, StatementKind.EQ))
    return facts


def _check_roll_forward(blocks: list[_Block], cols: list[Component], report: TableReport) -> None:
    """Opening balance plus the movements gives the closing balance, per component: a
    check that every column was read in place (totals within the movements are skipped)."""
    for block in blocks:
        for c, col in enumerate(cols):
            opening, closing = block.opening.values[c], block.closing.values[c]
            if opening is None or closing is None or opening.shown is None or closing.shown is None:
                continue
            printed = [m.values[c] for m in block.movements if not m.is_total]
            moved = sum((a.shown for a in printed if a is not None and a.shown is not None), start=Decimal(0))
            if opening.shown + moved != closing.shown:
                report.warnings.append(f"{col.heading!r} from {block.opening.label!r} to {block.closing.label!r}: "
                                       f"{opening.shown} plus the movements ({moved}) is not {closing.shown}")


def _report_movements(moves: list[_Movement], why: str, left_out: list[LeftOut]) -> None:
    for move in moves:
        for value in move.values:
            if value is not None:
                left_out.append(LeftOut(value.text, f"{move.label}: {why}", move.line, StatementKind.EQ))


def _report_rows(rows: list[Row], reason: str, left_out: list[LeftOut]) -> None:
    for row in rows:
        for cell in row.cells[1:]:
            amount = _amount(cell)
            if amount is not None:
                left_out.append(LeftOut(cell, reason, row.line, StatementKind.EQ))


def _title(caption: list[str]) -> str:
    for line in reversed(caption):
        if re.search(r"equity|deficit|capital", line, re.I):
            return line.strip()
    return caption[-1].strip() if caption else ""
