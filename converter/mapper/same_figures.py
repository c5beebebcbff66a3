"""One figure, one concept: a movement in an equity statement that prints the same amounts,
period by period, as a row of the statement of comprehensive income is that row's fact.

The equity statement's labels are shorter ("Cash flow hedges, net of tax" for the hedges'
whole movement, "Other comprehensive income/(loss)" for the company's share), while the
statement of comprehensive income lays the components out with their captions and totals,
so its choice is the better informed one.  Home Depot's hedges had come out as
``...AfterReclassificationAndTax`` in one statement and ``...BeforeReclassificationAfterTax``
in the other, for one number.  Only concepts of comprehensive income are matched: net
income has its own rule (``noncontrolling.split_net_income``).
"""

from __future__ import annotations

from decimal import Decimal

from converter.mapper.figures import figures
from converter.mapper.noncontrolling import COMPREHENSIVE, OTHER_COMPREHENSIVE
from converter.model.mapping import MappedItem, MappedStatement
from converter.model.statements import ItemKind, StatementKind

_OF_COMPREHENSIVE_INCOME = "ComprehensiveIncome"  # in the name of each of its concepts
# (other) comprehensive income whole or by whose share: with no noncontrolling interest the
# same amount, and filers split between them statement by statement (Apple's equity
# statement says the company's share, its statement of comprehensive income the whole)
SHARES_OF_THE_TOTAL = frozenset((*OTHER_COMPREHENSIVE, *COMPREHENSIVE))


def equity_movements_as_comprehensive_income(statements: list[MappedStatement]) -> None:
    """Each comprehensive-income movement of an equity statement takes the concept of the one
    row of comprehensive income whose printed amounts it shows in every period both
    statements cover (in any of its columns, where the columns are components)."""
    rows = [(ms, mi) for ms in statements if ms.statement.kind == StatementKind.CI
            for mi in ms.items if _is_comprehensive(mi)]
    if not rows:
        return
    for ms in statements:
        if ms.statement.kind != StatementKind.EQ:
            continue
        used = {mi.concept for mi in ms.items}
        for mi in ms.items:
            if not _is_comprehensive(mi) or mi.item.balance_at:
                continue
            printed = _cells(ms, mi)
            same = {other.concept for cms, other in rows if _shows(printed, figures(cms, other))}
            if len(same) != 1:
                continue
            concept = same.pop()
            if concept is not None and concept not in used and concept not in SHARES_OF_THE_TOTAL:
                used.add(concept)
                mi.reassign(concept, "the statement of comprehensive income prints the same amounts in the same "
                                     "periods")


def _is_comprehensive(mi: MappedItem) -> bool:
    return mi.mapping is not None and mi.item.kind is ItemKind.MONETARY \
        and _OF_COMPREHENSIVE_INCOME in (mi.concept or "")


def _cells(ms: MappedStatement, mi: MappedItem) -> dict[str, set[Decimal]]:
    """period key -> the magnitudes a row prints in that period's columns (one per component)."""
    cells: dict[str, set[Decimal]] = {}
    for period, amount in zip(ms.statement.periods, mi.item.values, strict=False):
        if amount is not None and amount.shown is not None:
            cells.setdefault(period.key, set()).add(abs(amount.shown))
    return cells


def _shows(printed: dict[str, set[Decimal]], row: dict[str, Decimal]) -> bool:
    """The row's figure is among the printed magnitudes in every shared period, and one of
    them is not zero (a column of zeros matches anything)."""
    shared = printed.keys() & row.keys()
    return bool(shared) and all(abs(row[k]) in printed[k] for k in shared) and any(row[k] != 0 for k in shared)
