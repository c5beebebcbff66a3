"""A row's printed figures by period, and arithmetic over the periods rows share: the
evidence the structure rules (noncontrolling interests, nonoperating result, expense
totals) use to choose between concepts labels cannot tell apart."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from converter.model.mapping import MappedItem, MappedStatement


def figures(ms: MappedStatement, mi: MappedItem) -> dict[str, Decimal]:
    """period key -> the row's printed figure, where one is printed."""
    return {period.key: amount.shown for period, amount in zip(ms.statement.periods, mi.item.values, strict=False)
            if amount is not None and amount.shown is not None}


def holds(ms: MappedStatement, rows: tuple[MappedItem, ...], test: Callable[..., bool]) -> bool:
    """``test`` holds for the rows' figures in every period all of them show, and there is
    at least one such period."""
    by_row = [figures(ms, mi) for mi in rows]
    shared = set.intersection(*(set(f) for f in by_row)) if by_row else set()
    return bool(shared) and all(test(*(f[key] for f in by_row)) for key in shared)


def rounding_allowance(units: list[Decimal], total: Decimal) -> Decimal:
    """How far parts may sum off their total by the rounding of the printed figures: half a
    printed unit for each figure, parts and total (XBRL Calculations 1.1), and at most 0.5%
    of the total, so that small figures ("3 + 5 = 9") never pass."""
    return min(sum(units, Decimal(0)) / 2, abs(total) / 200)


def sums_to(total: Decimal, *parts: Decimal) -> bool:
    """The parts add up to the total, within the rounding of the printed figures (IBM's
    14,962 + 16,199 + 357 = 31,519)."""
    units = [Decimal(1).scaleb(int(x.as_tuple().exponent)) for x in (total, *parts)]
    return abs(sum(parts, Decimal(0)) - total) <= rounding_allowance(units, total)
