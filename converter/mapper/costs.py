"""Which expense concept, where the label says the same for two and the statement's layout
does not.

"Total operating expenses" is ``OperatingExpenses`` when the statement subtracts it from
gross profit, and ``CostsAndExpenses`` when it includes the cost of sales and is
subtracted from revenue (Amazon's "Total operating expenses" holds its cost of sales):
revenue less the total is operating income only in the second case.  A total of costs
that takes revenue to gross profit is the cost of revenue (IBM's "Total cost" of
services, software, hardware and financing).  Research and development printed beside a
row of in-process research and development (Johnson & Johnson's impairments) excludes it.
"""

from __future__ import annotations

import re

from converter.mapper.figures import holds, sums_to
from converter.mapper.nonoperating import OPERATING_INCOME
from converter.model.mapping import MappedItem, MappedStatement
from converter.model.statements import ItemKind, StatementKind

OPERATING_EXPENSES = "us-gaap:OperatingExpenses"
COSTS_AND_EXPENSES = "us-gaap:CostsAndExpenses"
REVENUE = frozenset({"us-gaap:Revenues", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
                     "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax"})
COST_OF_REVENUE = "us-gaap:CostOfRevenue"
GROSS_PROFIT = "us-gaap:GrossProfit"
# research and development; as a prefix, every concept of its expense (...ExcludingAcquiredInProcessCost)
RESEARCH = "us-gaap:ResearchAndDevelopmentExpense"
RESEARCH_EXCLUDING_IN_PROCESS = "us-gaap:ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost"
IN_PROCESS_IMPAIRMENT = "us-gaap:ImpairmentOfIntangibleAssetsIndefinitelivedExcludingGoodwill"
IN_PROCESS_WRITTEN_OFF = "us-gaap:ResearchAndDevelopmentAssetAcquiredOtherThanThroughBusinessCombinationWrittenOff"
_IMPAIRED = re.compile(r"\bimpair|\bwrite[- ]?downs?\b", re.I)
_IN_PROCESS = re.compile(r"\bin[- ]process\s+research\b|\bIPR&?D\b", re.I)


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


def _takes(ms: MappedStatement, revenue: MappedItem, total: MappedItem, rest: MappedItem) -> bool:
    """revenue - |total| = the rest (operating income, gross profit), within the rounding of
    the printed figures (IBM's 16,977 - 7,001 = 9,977)."""
    return holds(ms, (revenue, total, rest), lambda r, t, x: sums_to(r, abs(t), x))


def cost_of_revenue(ms: MappedStatement) -> None:
    """An expense total that takes revenue to gross profit is the cost of revenue."""
    if ms.statement.kind != StatementKind.IS or any(mi.concept == COST_OF_REVENUE for mi in ms.items):
        return
    items = [mi for mi in ms.items if mi.mapping is not None and mi.item.kind is ItemKind.MONETARY]
    for k, total in enumerate(items):
        if total.concept not in (COSTS_AND_EXPENSES, OPERATING_EXPENSES) or not total.item.is_total:
            continue
        revenue = next((mi for mi in reversed(items[:k]) if mi.concept in REVENUE), None)
        gross = next((mi for mi in items[k + 1:] if mi.concept == GROSS_PROFIT), None)
        if revenue is not None and gross is not None and _takes(ms, revenue, total, gross):
            total.reassign(COST_OF_REVENUE, "revenue less this total is gross profit: it is the cost of revenue")
        return


def research_excluding_in_process(ms: MappedStatement) -> None:
    """Research and development beside a row of in-process research and development is the
    part that excludes it.  The in-process row itself is no research and development
    expense (its label's words had found one): an impairment of the indefinite-lived
    intangible it is, or acquired research and development written off."""
    if ms.statement.kind != StatementKind.IS:
        return
    in_process = [mi for mi in ms.items if mi.mapping is not None and _IN_PROCESS.search(mi.item.label)]
    if not in_process:
        return
    used = {mi.concept for mi in ms.items}
    for mi in in_process:
        if not (mi.concept or "").startswith(RESEARCH):
            continue
        impaired = _IMPAIRED.search(mi.item.label)
        instead = IN_PROCESS_IMPAIRMENT if impaired else IN_PROCESS_WRITTEN_OFF
        if instead in used:
            return
        mi.reassign(instead, "in-process research and development " + ("impaired" if impaired else "written off")
                    + " is not the research and development expense beside it")
        used.add(instead)
    apart = {id(mi) for mi in in_process}
    for mi in ms.items:
        if mi.concept == RESEARCH and id(mi) not in apart:
            mi.reassign(RESEARCH_EXCLUDING_IN_PROCESS, "in-process research and development is a row of its own")
