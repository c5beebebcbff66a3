"""Rows that say where an expense included above was charged.

Apple's income statement ends "(1) Includes stock-based compensation expense as follows:
Cost of sales $80 / Research and development $185 / Selling, general and administrative
$251".  Those rows are not the cost of sales again: they are the share-based compensation
charged to each line, which filers tag as the expense's concept on
``IncomeStatementLocationAxis`` with the line's member.  A header that says what its rows
include ("Includes ... as follows:", "... included in:") names the concept; each row's
label names the member; a total under it is the expense itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from converter.model.mapping import MappedItem, MappedStatement
from converter.model.statements import ItemKind, StatementKind

INCOME_STATEMENT_LOCATION_AXIS = "us-gaap:IncomeStatementLocationAxis"
# "(1) Includes stock-based compensation expense as follows", "Stock-based compensation
# included in:", "* Amounts include depreciation of"
_INCLUDES = re.compile(r"^\s*(?:\(\w{1,3}\)|\*+)?\s*(?:amounts\s+)?(?:includes?|including)\s+(?P<what>.+?)"
                       r"(?:\s+(?:as\s+follows|of|in|for))?\s*:?\s*$", re.I)
_INCLUDED = re.compile(r"^\s*(?:\(\w{1,3}\)|\*+)?\s*(?P<what>.+?)\s+(?:is\s+|was\s+|are\s+|were\s+)?included\s+"
                       r"(?:in|as\s+follows|above)\b.*$", re.I)


def included_subject(header: str) -> str | None:
    """What a header says the rows under it include ("stock-based compensation expense"), or None."""
    m = _INCLUDES.match(header) or _INCLUDED.match(header)
    return m.group("what").strip(" ,:") if m else None


def allocated_by_location(ms: MappedStatement, concept_of: Callable[[str], str | None],
                          member_of: Callable[[str], str | None]) -> None:
    """Give the rows under an "Includes ... as follows" header the included expense's
    concept (``concept_of`` the header's subject) and each its line's member (``member_of``
    its label); rows whose line no member names keep what they had."""
    if ms.statement.kind not in (StatementKind.IS, StatementKind.CI):
        return
    for header in (mi for mi in ms.items if mi.item.is_header):
        subject = included_subject(header.item.label)
        concept = concept_of(subject) if subject else None
        if concept is None:
            continue
        why = f"under '{header.item.label}': the {subject} charged to that line"
        for mi in _under(ms.items, header):
            member = None if mi.item.is_total else member_of(mi.item.label)
            if mi.item.is_total or member is not None:
                mi.reassign(concept, why)
            if member is not None and mi.mapping is not None and mi.mapping.concept == concept:
                mi.mapping.dimensions[INCOME_STATEMENT_LOCATION_AXIS] = member


def _under(items: list[MappedItem], header: MappedItem) -> list[MappedItem]:
    """The amount rows whose nearest section is the header."""
    return [mi for mi in items if not mi.item.is_header and mi.mapping is not None
            and mi.item.kind is ItemKind.MONETARY and mi.item.sections[-1:] == (header.item.label,)]
