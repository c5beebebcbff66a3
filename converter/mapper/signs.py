"""Signs: XBRL values follow the concept's balance, not the printed parentheses.

Every sign decision is made here and carried on the mapping as a ``SignBasis``, so later
stages (the arithmetic check in ``calculations``) act on the decision, not on its wording.

* Cash flows: each number in the operating, investing and financing sections is a cash
  effect, so the XBRL value is the printed value times the concept's weight toward the net
  change in cash in the taxonomy's calculation network (an increase in inventories printed
  ``(1,046)`` is ``IncreaseDecreaseInInventories = 1046``; a gain on a sale printed ``(12)``
  is a positive gain; net income keeps its sign).  Off the network: +1 for a debit concept,
  -1 for a credit one.  Balances and the supplemental part are as printed.
* Elsewhere, a statement section has a natural balance: an income statement and the
  liabilities and equity side of a balance sheet add up to a credit, the asset side to a
  debit.  A row printed in parentheses in every column is a deduction when its concept's
  balance is the opposite of its section's (interest expense printed ``(1)`` is
  ``InterestExpense = 1000``; treasury stock ``(513)`` is ``TreasuryStockValue = 513000``).
  A concept with the
  section's own balance keeps the printed sign (a gross loss ``(2,336)`` is ``GrossProfit =
  -2336000``).  A row that mixes signs is ambiguous; the statement's arithmetic settles it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from converter.model.mapping import MappedItem, Mapping, SignBasis
from converter.model.statements import LineItem
from converter.taxonomy.index import ConceptIndex

_CREDIT_SIDE = re.compile(r"liabilit|equity|stockholders|shareholders|deficit|capital", re.I)
_SECTION_WORD = re.compile(r"\b(expenses?|costs?|charges|income|revenues?|gains?|sales)\b", re.I)
_DEBIT_WORDS = frozenset({"expense", "expenses", "cost", "costs", "charges"})
_SUPPLEMENTAL = re.compile(r"supplement|non-?cash|cash paid|additional (?:cash flow )?information", re.I)


def balance_of(mapping: Mapping | None, index: ConceptIndex) -> str | None:
    """The balance of a mapping's concept, standard or extension."""
    if mapping is None:
        return None
    if mapping.extension is not None:
        return mapping.extension.balance
    concept = index.get(mapping.concept)
    return concept.balance if concept else None


def natural_balance(statement_kind: str, item: LineItem, after_total_assets: bool) -> str:
    if statement_kind == "BS":
        if after_total_assets or any(_CREDIT_SIDE.search(s) for s in item.sections):
            return "credit"
        return "debit"
    if statement_kind == "CF":
        return "debit"
    for section in reversed(item.sections):
        # "Expense and other (income)" adds up to an expense, "Other income (expense)" to income
        first = _SECTION_WORD.search(section)
        if first:
            return "debit" if first.group(1).lower() in _DEBIT_WORDS else "credit"
    return "credit"


def is_supplemental(item: LineItem) -> bool:
    return any(_SUPPLEMENTAL.search(s) for s in item.sections) or bool(_SUPPLEMENTAL.search(item.label))


CASH_TOTALS = frozenset(f"us-gaap:{name}" for name in (
    "NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
    "NetCashProvidedByUsedInFinancingActivities", "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations",
    "NetCashProvidedByUsedInInvestingActivitiesContinuingOperations",
    "NetCashProvidedByUsedInFinancingActivitiesContinuingOperations",
    "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
    "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect",
    "CashAndCashEquivalentsPeriodIncreaseDecrease",
))
_CASH_WEIGHTS: dict[str, int | None] = {}


def cash_weight(qname: str, index: ConceptIndex) -> int | None:
    """The concept's weight toward the net change in cash: the product of the calculation
    weights along the shortest path up the taxonomy's network, through cash-flow concepts, to a net-cash total (net
    income adds to cash though it is a credit; a gain subtracts).  A concept with no path
    up (the network sums net income the other way: ``NetIncomeLoss = ProfitLoss - NCI``)
    is tried with the edges read both ways, since ``P = w * C + ...`` moves both together
    with the sign of ``w``.  None off the network."""
    if qname in CASH_TOTALS:
        return 1
    if qname not in _CASH_WEIGHTS:
        def in_cash_flows(edges: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
            # only through concepts of the cash-flow statement: equity-method income adds to
            # net income, but as an adjustment it is taken out of cash
            return [(c, w) for c, w in edges if c in CASH_TOTALS or "CF" in (_statements(c, index))]

        weight = _path_weight(qname, lambda c: in_cash_flows(index.calc_parents.get(c, ())), depth=8)
        if weight is None:
            weight = _path_weight(qname, lambda c: in_cash_flows([*index.calc_parents.get(c, ()),
                                                                  *index.calc_children.get(c, ())]), depth=3)
        _CASH_WEIGHTS[qname] = weight
    return _CASH_WEIGHTS[qname]


def _statements(qname: str, index: ConceptIndex) -> tuple[str, ...]:
    concept = index.get(qname)
    return concept.statements if concept else ()


def _path_weight(start: str, neighbours: Callable[[str], Iterable[tuple[str, float]]], depth: int) -> int | None:
    """Breadth first from ``start`` to a net-cash total: the product of the weights."""
    frontier, seen = [(start, 1.0)], {start}
    for _ in range(depth):
        following = []
        for concept, weight in frontier:
            for other, w in neighbours(concept):
                if other in CASH_TOTALS:
                    return 1 if weight * w > 0 else -1
                if other not in seen:
                    seen.add(other)
                    following.append((other, weight * w))
        frontier = following
    return None


def cash_flow_sign(mapping: Mapping, balance: str | None, index: ConceptIndex) -> tuple[int, SignBasis]:
    weight = None if mapping.extension is not None else cash_weight(mapping.concept, index)
    if weight is None:
        if balance is None:
            return 1, SignBasis.AS_PRINTED
        weight = 1 if balance == "debit" else -1
    return weight, SignBasis.CASH_EFFECT


def printed_signs(item: LineItem) -> tuple[int, int]:
    """(negative, nonzero) counts of the row's printed values."""
    shown = [v.shown for v in item.values if v is not None and v.shown is not None and v.shown != 0]
    return sum(1 for x in shown if x < 0), len(shown)


def decide_sign(item: LineItem, balance: str | None, natural: str) -> tuple[int, SignBasis]:
    """The sign for a row outside a cash-flow statement's sections of cash effects."""
    negatives, nonzero = printed_signs(item)
    if balance is None or not negatives:
        return 1, SignBasis.AS_PRINTED
    if negatives != nonzero:
        return 1, SignBasis.AMBIGUOUS
    if balance != natural:
        return -1, SignBasis.DEDUCTION
    return 1, SignBasis.NEGATIVE


def sign_reason(basis: SignBasis, balance: str | None, natural: str) -> str:
    if basis is SignBasis.DEDUCTION:
        return f"printed in parentheses as a deduction: a {balance} concept in a section that adds up to a " \
               f"{natural}, so the XBRL value is positive"
    if basis is SignBasis.NEGATIVE:
        return f"a {balance} concept in a {natural} section: parentheses mean a negative value"
    if basis is SignBasis.CASH_EFFECT:
        return "a cash effect: the XBRL value is the printed value times the concept's weight toward the net " \
               "change in cash"
    return str(basis.value)


def apply_signs(statement_kind: str, mapped: list[MappedItem], index: ConceptIndex) -> None:
    """Decide the sign of every mapped row of one statement (see the module docstring)."""
    after_assets = False
    supplemental = False
    naturals: list[tuple[MappedItem, str | None, str]] = []
    for m in mapped:
        if m.mapping is None:
            continue
        naturals.append((m, balance_of(m.mapping, index), natural_balance(statement_kind, m.item, after_assets)))
        if m.mapping.concept == "us-gaap:Assets":
            after_assets = True
    for m, balance, natural in naturals:
        assert m.mapping is not None
        item = m.item
        if statement_kind == "CF" and item.balance_at == "end":
            supplemental = True  # what follows the closing cash balance is disclosure
        if statement_kind == "CF" and not item.balance_at and not supplemental and not is_supplemental(item) \
                and item.kind == "monetary":
            sign, basis = cash_flow_sign(m.mapping, balance, index)
        else:
            sign, basis = decide_sign(item, balance, natural)
        m.mapping.sign, m.mapping.sign_basis = sign, basis
        m.mapping.sign_reason = sign_reason(basis, balance, natural)

