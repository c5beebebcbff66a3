"""Which pre-tax income concept: before or after the equity-method share.

US-GAAP has two: ``...BeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments``
is pre-tax income *before* the share of equity-method investees' results, and is right only
when that share follows on its own line; ``...BeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest``
is pre-tax income with everything above it.  Labels ("Income before income taxes") cannot
tell them apart, and 2009 filers favoured the first; the statement's layout can.
"""

from __future__ import annotations

import re

from converter.model.mapping import MappedStatement
from converter.model.statements import StatementKind

BEFORE_EQUITY_METHOD = ("us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxes"
                        "MinorityInterestAndIncomeLossFromEquityMethodInvestments")
ALL_IN = "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
EQUITY_METHOD_SHARE = "us-gaap:IncomeLossFromEquityMethodInvestments"
_EQUITY_METHOD = re.compile(r"equity[- ]method|equity\s+(in|income|earnings|loss)|\baffiliat|investees?", re.I)


def choose_pretax(ms: MappedStatement) -> None:
    """Use the all-in pre-tax concept unless an equity-method line follows the pre-tax line."""
    if ms.statement.kind != StatementKind.IS:
        return
    items = ms.items
    for k, mi in enumerate(items):
        if mi.mapping is None or mi.mapping.concept != BEFORE_EQUITY_METHOD:
            continue
        later = items[k + 1:]
        if any(x.mapping is not None and (x.mapping.concept == EQUITY_METHOD_SHARE
                                          or _EQUITY_METHOD.search(x.item.label)) for x in later):
            continue
        if any(x.mapping is not None and x.mapping.concept == ALL_IN for x in items):
            continue
        mi.reassign(ALL_IN, "no equity-method line follows, so pre-tax income includes everything above it")
