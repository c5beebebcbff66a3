"""Concepts that accounting standards adopted since 2018 decide, whatever the label says.

ASU 2016-18 (restricted cash, effective for public companies' years beginning after
2017-12-15): a later statement of cash flows explains the change in cash, cash
equivalents *and restricted cash*, so its opening and closing balances are
``CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents`` even where the label says
only "cash and cash equivalents" (the balance sheet keeps its own concept).

ASC 606 (revenue from contracts with customers, effective for the same years): what was
deferred revenue is a contract liability, and modern filers say so in their tags even where
the label still says "deferred revenue" (1,993 companies used
``ContractWithCustomerLiabilityCurrent`` in 2020-2025 filings, 771 ``DeferredRevenueCurrent``;
1,842 against 1,028 for the change in it).  Revenue lines were tried the same way, as
revenue from contracts with customers: filers split evenly (3,467 against 3,110 for
``Revenues``; Procter & Gamble, Walmart and IBM keep ``Revenues``), the rule lowered
concept accuracy, and the label decides.

A person's choice (a mapping file) is never replaced; the label's choice stays the first
alternative.
"""

from __future__ import annotations

from datetime import date

from converter.model.mapping import MappedStatement
from converter.model.statements import StatementKind

EFFECTIVE = date(2018, 12, 15)  # the first years ended under the standard
CASH_BALANCES = frozenset({"us-gaap:CashAndCashEquivalentsAtCarryingValue", "us-gaap:Cash",
                           "us-gaap:RestrictedCashAndCashEquivalents", "us-gaap:CashAndDueFromBanks"})
CASH_AND_RESTRICTED = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"


CONTRACT_LIABILITIES = {
    "us-gaap:DeferredRevenueCurrent": "us-gaap:ContractWithCustomerLiabilityCurrent",
    "us-gaap:DeferredRevenueNoncurrent": "us-gaap:ContractWithCustomerLiabilityNoncurrent",
    "us-gaap:DeferredRevenue": "us-gaap:ContractWithCustomerLiability",
    "us-gaap:IncreaseDecreaseInDeferredRevenue": "us-gaap:IncreaseDecreaseInContractWithCustomerLiability",
}


def _under_the_standards(ms: MappedStatement) -> bool:
    return bool(ms.statement.periods) and max(p.end for p in ms.statement.periods) >= EFFECTIVE


def cash_and_restricted_cash(ms: MappedStatement) -> None:
    """ASU 2016-18: the cash-flow statement's balances include restricted cash."""
    if ms.statement.kind != StatementKind.CF or not _under_the_standards(ms):
        return
    if any(mi.concept == CASH_AND_RESTRICTED for mi in ms.items):
        return  # the statement names its total with restricted cash; the rows below it split it up
    seen: set[str] = set()
    for mi in ms.items:
        where = mi.item.balance_at
        if where and where not in seen and mi.concept in CASH_BALANCES:
            seen.add(where)  # the first opening and closing balance; a split below them keeps its concepts
            mi.reassign(CASH_AND_RESTRICTED, "a cash-flow balance under ASU 2016-18 (years from 2018) includes "
                                             "restricted cash")


def contract_liabilities(ms: MappedStatement) -> None:
    """ASC 606: deferred revenue is a contract liability (balance sheet, cash-flow change)."""
    if not _under_the_standards(ms):
        return
    taken = {mi.concept for mi in ms.items}
    for mi in ms.items:
        target = CONTRACT_LIABILITIES.get(mi.concept or "")
        if target is not None and target not in taken:
            taken.add(target)
            mi.reassign(target, "deferred revenue is a contract liability under ASC 606 (years from 2018), "
                                "as most filers since tag it")
