"""Extraction: a Document's tables and text become statements and cover data."""

from __future__ import annotations

from datetime import date

from converter.errors import NoStatementsError
from converter.extraction.classify import classify, is_parenthetical
from converter.extraction.cover import extract_cover
from converter.extraction.statements import build_statement
from converter.extraction.values import parse_amount
from converter.model.document import Document, Table
from converter.model.statements import ExtractedFiling, LeftOut, Statement


def extract(document: Document) -> ExtractedFiling:
    left_out: list[LeftOut] = []
    statements: list[Statement] = []
    statement_lines: set[int] = set()
    classified = [(t, classify(t)) for t in document.tables]
    candidates = [(t, k) for t, k in classified if k is not None and not is_parenthetical(t)]
    # balance sheets first: their dates tell which fiscal year a bare-year column is
    year_ends: dict[int, date] = {}
    built: dict[int, Statement | None] = {}
    for pass_kinds in (("BS",), ("IS", "CI", "CF", "EQ")):
        for table, kind in candidates:
            if kind not in pass_kinds:
                continue
            scratch: list[LeftOut] = []
            statement = build_statement(table, kind, scratch, year_ends)
            built[id(table)] = statement
            left_out.extend(scratch)
            if statement is not None and kind == "BS":
                for p in statement.periods:
                    year_ends.setdefault(p.end.year, p.end)
    for table, kind in candidates:
        statement = built.get(id(table))
        if statement is None:
            _report_table(table, f"a {kind} table whose columns name no period this version reads", left_out)
            statement_lines.add(-table.line)  # reported, not a statement
            continue
        statements.append(statement)
        statement_lines.add(table.line)
    if not statements:
        raise NoStatementsError(document.path)
    cover = extract_cover(document, {line for line in statement_lines if line > 0})
    _report_other_tables(document, statement_lines, left_out)
    return ExtractedFiling(statements=statements, cover=cover, left_out=left_out)


def _report_other_tables(document: Document, used: set[int], left_out: list[LeftOut]) -> None:
    """Numbers in tables that are not primary statements are listed, not dropped."""
    for table in document.tables:
        if table.line in used or -table.line in used:
            continue
        _report_table(table, "in a table that is not a primary financial statement", left_out)


def _report_table(table: Table, reason: str, left_out: list[LeftOut]) -> None:
    for row in table.rows:
        for cell in row.cells[1:]:
            amount = parse_amount(cell) if cell else None
            if amount is not None and amount.shown is not None:
                left_out.append(LeftOut(cell, reason, row.line))


__all__ = ["extract"]
