"""Extraction: a Document's tables and text become statements and cover data."""

from __future__ import annotations

from converter.errors import NoStatementsError
from converter.extraction.classify import classify, is_parenthetical
from converter.extraction.cover import extract_cover
from converter.extraction.statements import build_statement
from converter.extraction.values import parse_amount
from converter.model.document import Document
from converter.model.statements import ExtractedFiling, LeftOut, Statement


def extract(document: Document) -> ExtractedFiling:
    left_out: list[LeftOut] = []
    statements: list[Statement] = []
    statement_lines: set[int] = set()
    for table in document.tables:
        kind = classify(table)
        if kind is None or is_parenthetical(table):
            continue
        statement = build_statement(table, kind, left_out)
        if statement is None:
            continue
        statements.append(statement)
        statement_lines.add(table.line)
    if not statements:
        raise NoStatementsError(document.path)
    cover = extract_cover(document, statement_lines)
    _report_other_tables(document, statement_lines, left_out)
    return ExtractedFiling(statements=statements, cover=cover, left_out=left_out)


def _report_other_tables(document: Document, used: set[int], left_out: list[LeftOut]) -> None:
    """Numbers in tables that are not primary statements are listed, not dropped."""
    first = min(used)
    for table in document.tables:
        if table.line in used or table.line < first:
            continue  # tables above the statements are the cover page
        for row in table.rows:
            for cell in row.cells[1:]:
                amount = parse_amount(cell) if cell else None
                if amount is not None and amount.shown is not None:
                    left_out.append(LeftOut(cell, "in a table that is not a primary financial statement",
                                            row.line))


__all__ = ["extract"]
