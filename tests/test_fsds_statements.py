"""The benchmark's rebuild of SEC data-set statements (``benchmarks/fsds_statements.py``):
what the mapper is measured on must be the filing's own rows, periods and figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import islice

import pytest

from benchmarks.fsds_statements import filed_statements
from converter.model.statements import ItemKind, StatementKind
from tests.conftest import SHARED

FSDS = SHARED / "corpus" / "fsds-2009q3"
pytestmark = pytest.mark.skipif(not (FSDS / "pre.txt").is_file(), reason="../shared/corpus is not present")


def test_an_income_statement_has_its_rows_periods_and_figures() -> None:
    """American Electric Power's 2009 Q2 income statement: the quarter and the half year,
    revenue as tagged, earnings per share read as per-share amounts."""
    first = next(f for f in filed_statements(FSDS) if f.adsh == "0000004904-09-000117"
                 and f.statement.kind is StatementKind.IS)
    statement = first.statement
    assert [(p.start, p.end) for p in statement.periods] == [(date(2009, 4, 1), date(2009, 6, 30)),
                                                             (date(2009, 1, 1), date(2009, 6, 30))]
    assert len(statement.items) == len(first.lines)
    total = statement.items[[line.tag for line in first.lines].index("Revenues")]
    assert total.is_total and total.values[0] is not None and total.values[0].shown == Decimal("3202000000")
    eps = statement.items[[line.tag for line in first.lines].index("EarningsPerShareBasic")]
    assert eps.kind is ItemKind.PER_SHARE


def test_cash_balances_are_placed_at_the_start_or_the_end() -> None:
    for filed in islice((f for f in filed_statements(FSDS) if f.statement.kind is StatementKind.CF), 40):
        balances = [(item.balance_at, line.tag) for item, line in zip(filed.statement.items, filed.lines, strict=True)
                    if line.tag == "CashAndCashEquivalentsAtCarryingValue"]
        if len(balances) == 2:
            assert [where for where, _ in balances] == ["start", "end"], filed.adsh
            return
    pytest.fail("no cash-flow statement with an opening and a closing cash balance")


def test_a_period_is_counted_back_in_months() -> None:
    """Month ends start on a 1st; a 52/53-week end the day after the same day, clamped to
    a shorter month (30 August less six months is not 30 February)."""
    from benchmarks.fsds_statements import _months_before

    assert _months_before(date(2009, 6, 30), 3) == date(2009, 4, 1)
    assert _months_before(date(2009, 8, 29), 9) == date(2008, 11, 30)
    assert _months_before(date(2009, 8, 30), 6) == date(2009, 3, 1)


def test_a_per_share_row_whose_quarter_is_zero_is_still_per_share() -> None:
    """A 10-Q's "Discontinued operations" per share: 0.00 for the quarter, 0.02 for the
    half year. The zero says nothing of the row's size; the 0.02 among thousands does."""
    filed = next(f for f in filed_statements(FSDS) if f.adsh == "0000950123-09-029309"
                 and f.statement.kind is StatementKind.IS)
    tags = [line.tag for line in filed.lines]
    for tag in ("IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicShare",
                "IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare"):
        assert filed.statement.items[tags.index(tag)].kind is ItemKind.PER_SHARE, tag
