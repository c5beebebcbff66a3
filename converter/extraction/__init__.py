"""Extraction: a Document's tables and text become statements and cover data.

``locate`` decides which tables are statements; ``statements.build_statement`` reads each
one; a continuation is joined when its columns name the same periods.  Every number of
every other table is reported as left out, with the reason the locator gave.
"""

from __future__ import annotations

import re

from converter.errors import NoStatementsError
from converter.extraction.cover import extract_cover, fiscal_focus, report_missing
from converter.extraction.equity import read_equity
from converter.extraction.fiscal import FiscalCalendar
from converter.extraction.locate import Located, locate
from converter.extraction.statements import build_statement, mark_parenthetical
from converter.extraction.values import parse_amount
from converter.limits import DEFAULT_LIMITS, Limits
from converter.model.document import Document, Table
from converter.model.statements import ExtractedFiling, ItemKind, LeftOut, Statement, StatementKind


def extract(document: Document, limits: Limits = DEFAULT_LIMITS) -> ExtractedFiling:
    left_out: list[LeftOut] = []
    # a table beyond the size limits is not read at all: it stands as an empty table in
    # its place, and its numbers are reported with the limit it broke
    too_large = {i: why for i, t in enumerate(document.tables) if (why := limits.table_problem(t))}
    readable = [Table([], t.caption, t.line, t.document_part, t.order) if i in too_large else t
                for i, t in enumerate(document.tables)]
    located, rejected = locate(readable)
    rejected.update(too_large)
    # balance sheets first: their dates tell which fiscal year a bare-year column is
    fiscal: FiscalCalendar | None = None
    ordered = sorted(located, key=lambda s: (s.kind != StatementKind.BS, s.parenthetical))
    statements: list[tuple[int, Statement]] = []
    statement_orders: set[int] = set()
    for found in ordered:
        statement = _build(found, left_out, fiscal)
        if statement is None:
            continue
        statements.append((found.table.order, statement))
        comprehensive = split_comprehensive(statement) \
            if statement.kind == StatementKind.IS and not statement.parenthetical else None
        if comprehensive is not None:
            statements.append((found.table.order, comprehensive))
        statement_orders.update(t.order for t in [found.table, *found.continuations])
        if statement.kind == StatementKind.BS and fiscal is None and not statement.parenthetical:
            fiscal = FiscalCalendar.from_balance_sheet([p.end for p in statement.periods], document.full_text)
    if not statements:
        raise NoStatementsError(document.path)
    for i, reason in sorted(rejected.items()):
        _report_table(document.tables[i], reason, left_out)
    cover = extract_cover(document, statement_orders)
    fiscal_focus(cover, [s for _, s in statements])
    report_missing(cover)
    return ExtractedFiling(statements=[s for _, s in sorted(statements, key=lambda x: x[0])], cover=cover,
                           left_out=left_out)


def _build(found: Located, left_out: list[LeftOut], fiscal: FiscalCalendar | None) -> Statement | None:
    if found.kind == StatementKind.EQ:
        tried: list[LeftOut] = []  # reported only if the component layout is the one read
        by_component = read_equity([found.table, *found.continuations], tried, fiscal)
        if by_component is not None:
            left_out.extend(tried)
            by_component.title = by_component.title or found.heading
            return by_component
    scratch: list[LeftOut] = []
    statement = build_statement(found.table, found.kind, scratch, fiscal)
    if statement is None:
        _report_table(found.table, f"a {found.kind.description} whose columns name no period this version "
                                       f"reads", left_out)
        for table in found.continuations:
            _report_table(table, f"continues a {found.kind.description} that could not be read", left_out)
        return None
    left_out.extend(scratch)
    statement.title = statement.title or found.heading
    if found.parenthetical:
        mark_parenthetical(statement, found.heading)
    for n, table in enumerate(found.continuations):
        if _is_complete(statement):
            for rest in found.continuations[n:]:
                _report_table(rest, f"no statement heading above it, and the {found.kind.description} before it "
                                    f"is complete", left_out)
            break
        _join(statement, table, left_out, fiscal)
    return statement


_DIGIT = re.compile(r"\d")
_OCI_START = re.compile(r"^other\s+comprehensive\s+(?:income|loss|earnings)", re.I)
_NET_INCOME = re.compile(r"^net\s+(?:income|earnings|loss)", re.I)


def split_comprehensive(statement: Statement) -> Statement | None:
    """Two statements in one table: the rows from "Other comprehensive income" on, below
    net income, become the statement of comprehensive income (same periods and scale);
    the income statement keeps the rows above.  None when the table holds one statement."""
    items = statement.items
    seen_net_income = False
    for i, item in enumerate(items):
        if _NET_INCOME.match(item.label) and not item.is_header:
            seen_net_income = True
        elif seen_net_income and _OCI_START.match(item.label):
            tail = items[i:]
            if not any(not t.is_header for t in tail):
                return None
            statement.items = items[:i]
            statement.report.warnings.append(f"comprehensive income from row {i} on is a statement of its own")
            return Statement(kind=StatementKind.CI, title=f"{statement.title} (comprehensive income)",
                             periods=list(statement.periods), items=tail, scale=statement.scale,
                             scale_text=statement.scale_text, unscaled_kinds=statement.unscaled_kinds,
                             kind_scale=dict(statement.kind_scale), line=statement.line)
    return None


_CLOSING_TOTAL = re.compile(r"^total\s+liabilities\s*(?:,|and)", re.I)
_COMPREHENSIVE_TOTAL = re.compile(r"^(?:total\s+)?comprehensive\s+(?:income|loss|earnings)", re.I)


def _is_complete(statement: Statement) -> bool:
    """Whether the statement already reached its closing line, so that a table after it
    is not its continuation: the balance sheet's "Total liabilities and equity", the cash
    balance at the end of the period, the income statement's per-share amounts, the
    statement of comprehensive income's total."""
    items = [i for i in statement.items if not i.is_header]
    if statement.kind == StatementKind.BS:
        return any(_CLOSING_TOTAL.match(i.label) for i in items)
    if statement.kind == StatementKind.CF:
        return any(i.balance_at == "end" for i in items)
    if statement.kind == StatementKind.IS:
        return any(i.kind == ItemKind.PER_SHARE for i in items)
    if statement.kind == StatementKind.CI:
        return any(_COMPREHENSIVE_TOTAL.match(i.label) for i in items)
    return False


def _join(statement: Statement, table: Table, left_out: list[LeftOut], fiscal: FiscalCalendar | None) -> None:
    """Append a continuation's rows when its columns name the statement's periods (or
    name none: a page that does not repeat the header)."""
    scratch: list[LeftOut] = []
    more = build_statement(table, statement.kind, scratch, fiscal, periods=statement.periods)
    if more is None or [p.key for p in more.periods] != [p.key for p in statement.periods]:
        _report_table(table, f"follows the {statement.kind.description} but its columns name other periods",
                      left_out)
        return
    left_out.extend(scratch)
    statement.items.extend(more.items)
    statement.report.value_rows += more.report.value_rows
    statement.report.warnings.append(f"continued in a second table ({more.report.value_rows} rows of numbers)")


def _report_table(table: Table, reason: str, left_out: list[LeftOut]) -> None:
    """Every number of a table not taken (a lone dash has no digit to report)."""
    for row in table.rows:
        for cell in row.cells[1:]:
            amount = parse_amount(cell) if cell and _DIGIT.search(cell) else None
            if amount is not None and amount.shown is not None:
                left_out.append(LeftOut(cell, reason, row.line))


__all__ = ["extract"]
