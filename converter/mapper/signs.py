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

from converter.mapper.cashflow import cash_weight
from converter.model.mapping import MappedItem, Mapping, SignBasis
from converter.model.statements import LineItem
from converter.taxonomy.index import ConceptIndex

_CREDIT_SIDE = re.compile(r"liabilit|equity|stockholders|shareholders|deficit|capital", re.I)
_SECTION_WORD = re.compile(r"\b(expenses?|costs?|charges|income|revenues?|gains?|sales)\b", re.I)
_PARENTHESIZED = re.compile(r"\([^)]*\)")
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
    return section_balance(item) or "credit"


def section_balance(item: LineItem) -> str | None:
    """The balance the row's innermost section names, if one does: "Expense and other
    (income)" adds up to an expense, "Other income (expense)" to income, "Interest and other
    (income) expense" to an expense: the first word not in parentheses says which side is
    positive."""
    for section in reversed(item.sections):
        first = _SECTION_WORD.search(_PARENTHESIZED.sub(" ", section)) or _SECTION_WORD.search(section)
        if first:
            return "debit" if first.group(1).lower() in _DEBIT_WORDS else "credit"
    return None


_DEBIT_SIDE = r"expenses?|costs?|charges?|loss(?:es)?"
_CREDIT_SIDE_WORD = r"income|gains?|revenues?"
_SIDE_WORD = rf"{_DEBIT_SIDE}|{_CREDIT_SIDE_WORD}"
# a label naming both sides, the other in parentheses: "Other (income) expense, net" is
# positive as an expense, "Gain (loss) on sale" as a gain
_JOINED = r"(?:,|\band\b|\bor\b)?"  # "Other (gains) and losses"
_BOTH_SIDES = re.compile(rf"\(\s*(?P<inner>{_SIDE_WORD})\s*\)\s*{_JOINED}\s*(?P<outer>{_SIDE_WORD})\b|"
                         rf"\b(?P<outer2>{_SIDE_WORD})\s*(?:{_JOINED}|/)\s*\(\s*(?P<inner2>{_SIDE_WORD})\s*\)", re.I)


def label_side(label: str) -> str | None:
    """The balance a label says its positive figures have, where it names both sides and
    puts the other in parentheses; else None ("Income tax expense" names no such pair)."""
    m = _BOTH_SIDES.search(label)
    if m is None:
        return None
    outer, inner = (m.group("outer"), m.group("inner")) if m.group("outer") else (m.group("outer2"), m.group("inner2"))
    sides = ["debit" if re.fullmatch(_DEBIT_SIDE, w, re.I) else "credit" for w in (outer, inner)]
    return sides[0] if sides[0] != sides[1] else None


def is_supplemental(item: LineItem) -> bool:
    return any(_SUPPLEMENTAL.search(s) for s in item.sections) or bool(_SUPPLEMENTAL.search(item.label))


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


def decide_sign(item: LineItem, balance: str | None, natural: str, named: bool = False) -> tuple[int, SignBasis]:
    """The sign for a row outside a cash-flow statement's sections of cash effects.
    ``named``: an income-statement section names the natural balance ("Operating expenses")."""
    negatives, nonzero = printed_signs(item)
    if balance is None or not negatives:
        # Amazon's "Other operating expense (income), net" among "Operating expenses": a
        # credit concept printed as an expense, whose sign only the total can tell (not on a
        # balance sheet, where a contra account is positive and subtracted)
        opposite = named and balance is not None and balance != natural and nonzero
        return 1, SignBasis.OPPOSITE if opposite else SignBasis.AS_PRINTED
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
    for m in mapped:
        if m.mapping is None:
            continue
        item = m.item
        balance = balance_of(m.mapping, index)
        natural = natural_balance(statement_kind, item, after_assets)
        if statement_kind == "CF" and item.balance_at == "end":
            supplemental = True  # what follows the closing cash balance is disclosure
        if statement_kind == "CF" and not item.balance_at and not supplemental and not is_supplemental(item) \
                and item.kind == "monetary":
            sign, basis = cash_flow_sign(m.mapping, balance, index)
        else:
            # an income-positive row among expenses, or a reclassification within other
            # comprehensive income; not an expense among revenues, which is a concept to
            # question, not a sign (Tesla 2010's "Development services" as business development)
            section = section_balance(item)
            named = section is not None and (statement_kind == "CI" or (statement_kind == "IS" and section == "debit"))
            # not an allocation ("Net income (loss) attributable to noncontrolling interests"):
            # its concept is a debit, deducted from consolidated income, and its income positive
            own = label_side(item.label) if statement_kind in ("IS", "CI") \
                and "AttributableTo" not in m.mapping.concept else None
            if own is not None and balance is not None and own != balance:
                sign, basis = -1, SignBasis.LABEL_SIDE
            else:
                sign, basis = decide_sign(item, balance, natural, named)
        m.mapping.sign, m.mapping.sign_basis = sign, basis
        m.mapping.sign_reason = sign_reason(basis, balance, natural)
        if m.mapping.concept == "us-gaap:Assets":
            after_assets = True
