"""Parsing printed numbers: ``$(1,234)`` is -1234 shown.

A dash in an amount column (``--``, ``—``, ``-0-``) is the statement's way of printing
"none": a zero, which is how filers tag it themselves (Inline XBRL's ``fixed-zero``).
Marks that say nothing about the amount (``n/a``, ``NM``, ``*``) are nil.
"""

from __future__ import annotations

import re
from decimal import Decimal

from converter.model.statements import Amount

ZERO_MARKS = frozenset({"-", "--", "---", "—", "–", "— —", "-0-"})
NIL_MARKS = frozenset({"n/a", "N/A", "nm", "NM", "*"})
_NUMBER = re.compile(
    r"^\$?\s*(?P<open>\()?\s*\$?\s*(?P<minus>[-−–])?\s*\$?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<close>\))?\s*%?$"
)


def parse_amount(text: str) -> Amount | None:
    """An Amount for a printed value, or None when the text is not a number at all."""
    t = text.strip().replace("\u00a0", " ")
    if not t:
        return None
    if t in ZERO_MARKS or t.strip("$ ") in ZERO_MARKS:
        return Amount(text=t, shown=Decimal(0))
    if t in NIL_MARKS or t.strip("$ ") in NIL_MARKS:
        return Amount(text=t, shown=None)
    m = _NUMBER.match(t)
    if not m:
        return None
    if bool(m.group("open")) != bool(m.group("close")):
        # "(1,234" with the ")" in the next cell: accept the open parenthesis alone
        if not m.group("open"):
            return None
    num = m.group("num").replace(",", "")
    value = Decimal(num)
    if m.group("open") or m.group("minus"):
        value = -value
    decimals = len(num.split(".")[1]) if "." in num else 0
    return Amount(text=t, shown=value, decimals_shown=decimals)

