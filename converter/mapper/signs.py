"""Signs: XBRL values follow the concept's balance, not the printed parentheses.

A statement section has a natural balance: an income statement and the liabilities and
equity side of a balance sheet add up to a credit (income, equity), the asset side and a
cash-flow statement to a debit (assets, cash).  A row printed in parentheses in every
column is a deduction when its concept's balance is the opposite of its section's: the
parentheses show the subtraction, and the XBRL value is positive (interest expense printed
``(1)`` is ``InterestExpense = 1000``; treasury stock ``(513)`` is ``TreasuryStockValue =
513000``).  A concept with the section's own balance keeps the printed sign (a gross loss
``(2,336)`` is ``GrossProfit = -2336000``).
"""

from __future__ import annotations

import re

from converter.model.statements import LineItem

_CREDIT_SIDE = re.compile(r"liabilit|equity|stockholders|shareholders|deficit|capital", re.I)


def natural_balance(statement_kind: str, item: LineItem, after_total_assets: bool) -> str:
    if statement_kind == "BS":
        if after_total_assets or any(_CREDIT_SIDE.search(s) for s in item.sections):
            return "credit"
        return "debit"
    if statement_kind == "CF":
        return "debit"
    return "credit"


def decide_sign(item: LineItem, balance: str | None, natural: str) -> tuple[int, str]:
    shown = [v.shown for v in item.values if v is not None and v.shown is not None]
    negatives = [x for x in shown if x < 0]
    if balance is None or not negatives:
        return 1, "value as printed"
    if len(negatives) != len([x for x in shown if x != 0]):
        return 1, "value as printed (the row mixes signs, so parentheses mean negative)"
    if balance != natural:
        return -1, (
            f"printed in parentheses as a deduction: a {balance} concept in a section that "
            f"adds up to a {natural}, so the XBRL value is positive"
        )
    return 1, f"a {balance} concept in a {natural} section: parentheses mean a negative value"
