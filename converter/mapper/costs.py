"""Which expense total: operating expenses, or costs and expenses with the cost of sales.

"Total operating expenses" is ``OperatingExpenses`` when the statement subtracts it from
gross profit, and ``CostsAndExpenses`` when it includes the cost of sales and is
subtracted from revenue (Amazon's "Total operating expenses" holds its cost of sales).
The label says the same both ways; the arithmetic does not: revenue less the total is
operating income only in the second case.
"""

from __future__ import annotations

from converter.mapper.figures import holds
from converter.mapper.nonoperating import OPERATING_INCOME
from converter.model.mapping import MappedItem, MappedStatement
from converter.model.statements import ItemKind, StatementKind

OPERATING_EXPENSES = "us-gaap:OperatingExpenses"
COSTS_AND_EXPENSES = "us-gaap:CostsAndExpenses"
REVENUE = frozenset({"us-gaap:Revenues", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
                     "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax"})


def costs_and_expenses(ms: MappedStatement) -> None:
    """An expense total that takes revenue to operating income includes the cost of sales."""
    if ms.statement.kind != StatementKind.IS or any(mi.concept == COSTS_AND_EXPENSES for mi in ms.items):
        return
    items = [mi for mi in ms.items if mi.mapping is not None and mi.item.kind is ItemKind.MONETARY]
    for k, total in enumerate(items):
        if total.concept != OPERATING_EXPENSES:
            continue
        revenue = next((mi for mi in reversed(items[:k]) if mi.concept in REVENUE), None)
        operating = next((mi for mi in items[k + 1:] if mi.concept == OPERATING_INCOME), None)
        if revenue is not None and operating is not None and _takes(ms, revenue, total, operating):
            total.reassign(COSTS_AND_EXPENSES, "revenue less this total is operating income: it includes the "
                                               "cost of sales")
        return


def _takes(ms: MappedStatement, revenue: MappedItem, total: MappedItem, operating: MappedItem) -> bool:
    """revenue - |total| = operating income."""
    return holds(ms, (revenue, total, operating), lambda r, t, o: r - abs(t) == o)
