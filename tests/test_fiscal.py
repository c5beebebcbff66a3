"""Fiscal calendars (month ends and 52/53-week years) and cash-flow weights from the taxonomy."""

from __future__ import annotations

from datetime import date

import pytest

from converter.extraction.fiscal import FiscalCalendar
from converter.extraction.periods import start_of
from converter.mapper.cashflow import cash_weight, concept_activity, row_activity
from converter.taxonomy.index import load_index


def test_a_quarterly_balance_sheet_gives_only_the_prior_year_end() -> None:
    fiscal = FiscalCalendar.from_balance_sheet([date(2025, 6, 27), date(2024, 12, 31)])
    assert fiscal is not None and fiscal.year_ends == (date(2024, 12, 31),)
    assert not fiscal.weekly
    assert fiscal.end_in(2023) == date(2023, 12, 31)


def test_a_weekly_calendar_ends_on_the_weekday_nearest_its_date() -> None:
    # Johnson & Johnson: fiscal 2022 ended on Sunday, January 1, 2023
    fiscal = FiscalCalendar.from_balance_sheet([date(2024, 12, 29), date(2023, 12, 31)])
    assert fiscal is not None and fiscal.weekly
    assert fiscal.end_in(2022) == date(2023, 1, 1)
    assert fiscal.fiscal_year(2023, 2024).key == "2023-01-02--2023-12-31"


def test_a_stated_rule_wins_over_the_nearest_weekday() -> None:
    text = "The Company's fiscal year is the 52- or 53-week period that ends on the last Saturday of September."
    fiscal = FiscalCalendar.from_balance_sheet([date(2007, 9, 29), date(2006, 9, 30)], text)
    assert fiscal is not None
    assert fiscal.end_in(2005) == date(2005, 9, 24)  # the nearest Saturday to Sept 29 would be Oct 1


def test_fiscal_years_named_by_the_year_they_begin() -> None:
    # The Home Depot: "Fiscal 2024" ended on February 2, 2025
    fiscal = FiscalCalendar.from_balance_sheet([date(2025, 2, 2), date(2024, 1, 28)])
    assert fiscal is not None
    assert fiscal.fiscal_year(2024, 2024).key == "2024-01-29--2025-02-02"
    assert fiscal.fiscal_year(2022, 2024).key == "2022-01-31--2023-01-29"


@pytest.mark.parametrize("end, months, start", [
    (date(2006, 9, 30), 3, date(2006, 7, 1)),  # a month end: calendar months
    (date(2025, 6, 28), 3, date(2025, 3, 30)),  # 13 weeks
    (date(2022, 9, 24), 12, date(2021, 9, 26)),  # 52 weeks
])
def test_period_starts(end: date, months: int, start: date) -> None:
    assert start_of(end, months, "month") == start


@pytest.mark.parametrize("concept, weight", [
    ("NetIncomeLoss", 1),  # a credit that adds to cash
    ("DepreciationDepletionAndAmortization", 1),
    ("IncreaseDecreaseInInventories", -1),
    ("GainLossOnSaleOfPropertyPlantEquipment", -1),
    ("IncomeLossFromEquityMethodInvestments", -1),  # adds to income, taken out of cash
    ("PaymentsToAcquirePropertyPlantAndEquipment", -1),
    ("ProceedsFromIssuanceOfLongTermDebt", 1),
])
def test_cash_weights_follow_the_taxonomy(concept: str, weight: int) -> None:
    assert cash_weight(f"us-gaap:{concept}", load_index()) == weight


def test_activities() -> None:
    index = load_index()
    assert concept_activity("us-gaap:PaymentsForProceedsFromOtherInvestingActivities", index) == "investing"
    assert concept_activity("us-gaap:ProceedsFromPaymentsForOtherFinancingActivities", index) == "financing"
    assert row_activity("Other", ("Adjustments to reconcile net income to cash from operating activities",)) \
        == "operating"
