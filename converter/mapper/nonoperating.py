"""Which nonoperating concept: the total of everything between operating income and
pre-tax income, or one "other" item among several.

"Other income (expense), net" is ``OtherNonoperatingIncomeExpense`` when it sits among
other nonoperating lines (interest expense, investment income), and
``NonoperatingIncomeExpense``, the whole nonoperating result, when it is the only line
between operating income and pre-tax income or the subtotal of those lines ("Total other
income (expense)").  The label cannot tell them apart; the arithmetic can: operating
income plus the line equals pre-tax income.
"""

from __future__ import annotations

from converter.mapper.figures import holds
from converter.model.mapping import MappedItem, MappedStatement
from converter.model.statements import ItemKind, StatementKind

NONOPERATING = "us-gaap:NonoperatingIncomeExpense"
OPERATING_INCOME = "us-gaap:OperatingIncomeLoss"
PRETAX = frozenset({
    "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
    "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
})
# what labels alone choose for such a line
OTHER_NONOPERATING = frozenset({
    "us-gaap:OtherNonoperatingIncomeExpense", "us-gaap:OtherNonoperatingIncome", "us-gaap:OtherNonoperatingExpense",
    "us-gaap:OtherIncome", "us-gaap:OtherExpenses",
})


def choose_nonoperating(ms: MappedStatement) -> None:
    """The line that takes operating income to pre-tax income is the nonoperating total.
    A row above it that the label alone had given the total ("Interest income and other,
    net" above "Interest and other, net") takes its next choice."""
    if ms.statement.kind != StatementKind.IS:
        return
    items = [mi for mi in ms.items if mi.mapping is not None and mi.item.kind is ItemKind.MONETARY]
    start = next((k for k, mi in enumerate(items) if mi.concept == OPERATING_INCOME), None)
    if start is None:
        return
    end = next((k for k in range(start + 1, len(items)) if items[k].concept in PRETAX), None)
    if end is None or end == start + 1:
        return
    last = items[end - 1]
    if last.concept not in OTHER_NONOPERATING or not _bridges(ms, items[start], last, items[end]):
        return
    holder = next((mi for mi in items[start + 1:end - 1] if mi.concept == NONOPERATING), None)
    if any(mi.concept == NONOPERATING for mi in items if mi is not holder):
        return
    if holder is not None and holder.mapping is not None:
        used = {mi.concept for mi in ms.items}
        instead = next((q for q, _ in holder.mapping.alternatives if q not in used), None)
        if instead is None:
            return
        holder.reassign(instead, "the line below it is the whole nonoperating result")
    last.reassign(NONOPERATING, "operating income and this line add up to pre-tax income: it is the whole "
                                "nonoperating result")


def _bridges(ms: MappedStatement, operating: MappedItem, line: MappedItem, pretax: MappedItem) -> bool:
    """operating income + line = pre-tax income (the line printed with its sign, or as a
    deduction in parentheses)."""
    return holds(ms, (operating, line, pretax), lambda o, x, p: p in (o + x, o - x, o + abs(x), o - abs(x)))
