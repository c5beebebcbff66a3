"""The cash-flow statement's structure, read from the taxonomy's calculation network.

Every concept of the statement rolls up to the net cash of one activity (operating,
investing, financing) with a weight: the sign of its effect on cash.  Signs use the
weight; the mapper uses the activity, so that "Other" under financing activities does not
become an operating concept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from converter.model.mapping import MappedStatement
from converter.model.statements import StatementKind
from converter.taxonomy.index import ConceptIndex

ACTIVITY_TOTALS = {
    "operating": ("NetCashProvidedByUsedInOperatingActivities",
                  "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations"),
    "investing": ("NetCashProvidedByUsedInInvestingActivities",
                  "NetCashProvidedByUsedInInvestingActivitiesContinuingOperations"),
    "financing": ("NetCashProvidedByUsedInFinancingActivities",
                  "NetCashProvidedByUsedInFinancingActivitiesContinuingOperations"),
}
_ACTIVITY_OF_TOTAL = {f"us-gaap:{name}": activity for activity, names in ACTIVITY_TOTALS.items() for name in names}
_ACTIVITY_WORDS = re.compile(r"\b(operating|investing|financing)\b", re.I)
# in a row's own label the word names the activity only as "... investing activities",
# "Other financing" or "Cash from operating": not "financing receivables", "operating leases"
_ACTIVITY_IN_LABEL = re.compile(r"\b(operating|investing|financing)\b(?=\s+activit|\s*(?:,\s*net\s*)?$)", re.I)
CASH_TOTALS = frozenset(_ACTIVITY_OF_TOTAL) | frozenset(f"us-gaap:{name}" for name in (
    "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
    "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect",
    "CashAndCashEquivalentsPeriodIncreaseDecrease",
))


@lru_cache(maxsize=4096)
def cash_weight(qname: str, index: ConceptIndex) -> int | None:
    """The concept's weight toward the net change in cash: the product of the calculation
    weights along the shortest path up the taxonomy's network, through cash-flow concepts,
    to a net-cash total (net income adds to cash though it is a credit; a gain subtracts).
    A concept with no path up (the network sums net income the other way: ``NetIncomeLoss
    = ProfitLoss - NCI``) is tried with the edges read both ways, since ``P = w * C + ...``
    moves both together with the sign of ``w``.  None off the network."""
    if qname in CASH_TOTALS:
        return 1
    up = _reach(qname, lambda c: index.calc_parents.get(c, ()), CASH_TOTALS, index, depth=8)
    if up is None:
        up = _reach(qname, lambda c: [*index.calc_parents.get(c, ()), *index.calc_children.get(c, ())],
                    CASH_TOTALS, index, depth=3)
    return None if up is None else up[1]


@lru_cache(maxsize=4096)
def concept_activity(qname: str, index: ConceptIndex) -> str | None:
    """The activity whose net cash the concept rolls up to (nearest first), or None."""
    if qname in _ACTIVITY_OF_TOTAL:
        return _ACTIVITY_OF_TOTAL[qname]
    up = _reach(qname, lambda c: index.calc_parents.get(c, ()), frozenset(_ACTIVITY_OF_TOTAL), index, depth=8)
    return None if up is None else _ACTIVITY_OF_TOTAL[up[0]]


def _reach(start: str, neighbours: Callable[[str], Iterable[tuple[str, float]]], targets: frozenset[str],
           index: ConceptIndex, depth: int) -> tuple[str, int] | None:
    """Breadth first from ``start`` to one of ``targets``: (the target, the sign of the
    product of the weights on the way).  Only through concepts of the cash-flow statement:
    equity-method income adds to net income, but as an adjustment it is taken out of cash."""
    frontier, seen = [(start, 1.0)], {start}
    for _ in range(depth):
        following = []
        for concept, weight in frontier:
            for other, w in neighbours(concept):
                if other in targets:
                    return other, (1 if weight * w > 0 else -1)
                if other not in seen and "CF" in _statements(other, index):
                    seen.add(other)
                    following.append((other, weight * w))
        frontier = following
    return None


def _statements(qname: str, index: ConceptIndex) -> tuple[str, ...]:
    concept = index.get(qname)
    return concept.statements if concept else ()


def row_activity(label: str, sections: tuple[str, ...]) -> str | None:
    """The activity a row sits in: its own words ("Net cash used in investing activities"),
    else the nearest section that names one."""
    m = _ACTIVITY_IN_LABEL.search(label)
    if m:
        return m.group(1).lower()
    for text in reversed(sections):
        m = _ACTIVITY_WORDS.search(text)
        if m:
            return m.group(1).lower()
    return None


# The change in cash, including the effect of exchange rates -> the same change without it.
_WITHOUT_EXCHANGE_EFFECT = {
    "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchange"
    "RateEffect": "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecrease"
                  "ExcludingExchangeRateEffect",
    "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease":
        "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect",
}


def change_before_exchange_effect(ms: MappedStatement) -> None:
    """A change in cash printed right above the effect of exchange rates ("Change in cash
    and cash equivalents" / "Effect of exchange rate changes") is the change without that
    effect: the two add up to the change between the balances, which the statement may not
    print.  Printed below it, the change includes it, as the label's concept says."""
    if ms.statement.kind != StatementKind.CF:
        return
    rows = [mi for mi in ms.items if mi.mapping is not None and not mi.item.is_header]
    for above, below in zip(rows, rows[1:], strict=False):  # each row and the next
        without = _WITHOUT_EXCHANGE_EFFECT.get(above.concept or "")
        if without and (below.concept or "").startswith("us-gaap:EffectOfExchangeRate"):
            above.reassign(without, "printed above the effect of exchange rates, the change excludes it")


OTHER_CHANGE = "us-gaap:IncreaseDecreaseInOtherOperatingCapitalNet"
OTHER_NONCASH = "us-gaap:OtherNoncashIncomeExpense"
# the caption of the working-capital changes: "Changes in certain assets and liabilities,
# net of effects of acquisitions", "Changes in operating assets and liabilities:"
_WORKING_CAPITAL = re.compile(r"\bchanges?\b.*\b(?:assets|liabilities|working\s+capital)\b", re.I)


def other_before_working_capital(ms: MappedStatement) -> None:
    """An "Other operating activities" row printed above the caption of the working-capital
    changes is one of the adjustments for non-cash items, not a change in a balance:
    Walmart's, under "Adjustments to reconcile ..." and before "Changes in certain assets
    and liabilities".  Printed among or after those changes, it stays a change."""
    if ms.statement.kind != StatementKind.CF:
        return
    caption = next((k for k, mi in enumerate(ms.items)
                    if mi.item.is_header and _WORKING_CAPITAL.search(mi.item.label)), None)
    if caption is None:
        return
    for mi in ms.items[:caption]:
        if mi.concept == OTHER_CHANGE:
            mi.reassign(OTHER_NONCASH, "printed above the working-capital changes, among the non-cash adjustments")
