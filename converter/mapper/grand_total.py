"""The balance sheet's other side: the total of liabilities and equity equals total assets.

A label alone may not say it: "Total liabilities, redeemable noncontrolling interest, and
shareholders' equity" reads most like the redeemable interest it names on the way.  The
figures do: the row below total assets that equals it in every period, and whose label
names liabilities, is ``LiabilitiesAndStockholdersEquity``.
"""

from __future__ import annotations

import re

from converter.mapper.figures import figures
from converter.model.mapping import MappedStatement
from converter.model.statements import StatementKind

ASSETS = "us-gaap:Assets"
LIABILITIES_AND_EQUITY = "us-gaap:LiabilitiesAndStockholdersEquity"
_LIABILITIES = re.compile(r"\bliabilit", re.I)
# the balance sheet's sides and their classified parts: a row that is not a total is none of
# them (the mapper's score says so; equity is left out: "Berkshire Hathaway shareholders'
# equity" is a subtotal no "Total" announces)
GRAND_TOTALS = frozenset(f"us-gaap:{name}" for name in (
    "Assets", "AssetsCurrent", "AssetsNoncurrent", "Liabilities", "LiabilitiesCurrent", "LiabilitiesNoncurrent",
    LIABILITIES_AND_EQUITY.split(":")[1]))


def liabilities_and_equity(ms: MappedStatement) -> None:
    """Give the row that balances total assets the concept of the other side, unless a row has it."""
    if ms.statement.kind != StatementKind.BS or any(mi.concept == LIABILITIES_AND_EQUITY for mi in ms.items):
        return
    at = next((k for k, mi in enumerate(ms.items) if mi.concept == ASSETS), None)
    if at is None:
        return
    assets = figures(ms, ms.items[at])
    if not assets:
        return
    for mi in reversed(ms.items[at + 1:]):
        if mi.mapping is not None and _LIABILITIES.search(mi.item.label) and figures(ms, mi) == assets:
            mi.reassign(LIABILITIES_AND_EQUITY, "equals total assets in every period and names liabilities: "
                                                "the balance sheet's other side")
            return
