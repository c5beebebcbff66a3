"""Statements of stockholders' equity laid out by component: the balance rows give the
periods, the columns become members of StatementEquityComponentsAxis, and the package
that carries them is valid."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter import convert
from converter.extraction.equity import balance_date, read_equity
from converter.mapper.components import NONCONTROLLING, OUTSIDE, PARENT, component_members, member_of
from converter.model.document import Row, Table
from converter.model.statements import ItemKind, LeftOut
from tests.conftest import SHARED, ReadFact, read_facts

AXIS = "us-gaap:StatementEquityComponentsAxis"

BALANCE_SHEET = """
<p>Consolidated Balance Sheets</p><p>(In millions)</p>
<table>
<tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>
<tr><td>Cash</td><td>100</td><td>90</td></tr>
<tr><td>Total assets</td><td>1,000</td><td>900</td></tr>
<tr><td>Total liabilities</td><td>400</td><td>380</td></tr>
<tr><td>Total equity</td><td>600</td><td>520</td></tr>
<tr><td>Total liabilities and equity</td><td>1,000</td><td>900</td></tr>
</table>
"""
# headings span two rows (rowspan) and break over lines (<br/>), as EDGAR HTML does
EQUITY = """
<p>Consolidated Statements of Stockholders' Equity</p><p>(In millions)</p>
<table>
<tr><td rowspan="2"></td><td colspan="2">Common Stock</td><td rowspan="2">Additional<br/>Paid-in Capital</td>
<td rowspan="2">Retained<br/>Earnings</td><td rowspan="2">Treasury<br/>Stock</td>
<td rowspan="2">Total Company<br/>Stockholders' Equity</td><td rowspan="2">Noncontrolling<br/>Interests</td>
<td rowspan="2">Total<br/>Equity</td></tr>
<tr><td>Shares</td><td>Amount</td></tr>
<tr><td>Balance at December 31, 2023</td><td>50</td><td>$5</td><td>$200</td><td>$330</td><td>$(35)</td><td>$500</td>
<td>$20</td><td>$520</td></tr>
<tr><td>Net income</td><td>—</td><td>—</td><td>—</td><td>100</td><td>—</td><td>100</td><td>4</td><td>104</td></tr>
<tr><td>Stock-based compensation</td><td>—</td><td>—</td><td>12</td><td>—</td><td>—</td><td>12</td><td>—</td><td>12</td></tr>
<tr><td>Repurchases of common stock</td><td>(2)</td><td>—</td><td>—</td><td>—</td><td>(30)</td><td>(30)</td><td>—</td>
<td>(30)</td></tr>
<tr><td>Dividends declared</td><td>—</td><td>—</td><td>—</td><td>(6)</td><td>—</td><td>(6)</td><td>—</td><td>(6)</td></tr>
<tr><td>Balance at December 31, 2024</td><td>48</td><td>$5</td><td>$212</td><td>$424</td><td>$(65)</td><td>$576</td>
<td>$24</td><td>$600</td></tr>
</table>
"""


@pytest.fixture(scope="module")
def equity_facts(tmp_path_factory: pytest.TempPathFactory) -> list[ReadFact]:
    folder = tmp_path_factory.mktemp("equity")
    source = folder / "equity.html"
    source.write_text(f"<html><body>{BALANCE_SHEET}{EQUITY}</body></html>", encoding="utf-8")
    result = convert(source, folder / "package", cik="0000000001")
    assert result.valid, result.validation
    return read_facts(result.output / f"{result.model.stem}.xml")


def _value(facts: list[ReadFact], concept: str, period: str, member: str | None) -> str | None:
    dims = ((AXIS, member),) if member else ()
    values = [f.value for f in facts if f.concept == concept and f.period == period and f.dims == dims]
    assert len(values) <= 1
    return values[0] if values else None


def _member_values(facts: list[ReadFact], period: str, member: str) -> set[Decimal]:
    return {Decimal(f.value) for f in facts if f.period == period and f.dims == ((AXIS, member),) and f.value}


def test_balances_are_instants_per_component(equity_facts: list[ReadFact]) -> None:
    equity = "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"
    assert _value(equity_facts, equity, "2024-12-31", "us-gaap:RetainedEarningsMember") == "424000000"
    assert _value(equity_facts, equity, "2023-12-31", "us-gaap:AdditionalPaidInCapitalMember") == "200000000"
    assert _value(equity_facts, equity, "2023-12-31", "us-gaap:TreasuryStockCommonMember") == "-35000000"
    assert _value(equity_facts, equity, "2024-12-31", PARENT) == "576000000"  # the company's own total
    assert _value(equity_facts, equity, "2024-12-31", NONCONTROLLING) == "24000000"
    assert _value(equity_facts, equity, "2024-12-31", None) == "600000000"  # the total column: no member
    assert _value(equity_facts, "us-gaap:CommonStockSharesOutstanding", "2024-12-31", "us-gaap:CommonStockMember") \
        == "48000000"


def test_movements_span_the_balances(equity_facts: list[ReadFact]) -> None:
    year = "2024-01-01--2024-12-31"
    assert Decimal(100_000_000) in _member_values(equity_facts, year, "us-gaap:RetainedEarningsMember")
    assert Decimal(4_000_000) in _member_values(equity_facts, year, NONCONTROLLING)
    assert Decimal(12_000_000) in _member_values(equity_facts, year, "us-gaap:AdditionalPaidInCapitalMember")
    # a repurchase printed in parentheses is a positive amount (and count) taken out of equity
    assert Decimal(30_000_000) in _member_values(equity_facts, year, "us-gaap:TreasuryStockCommonMember")
    assert Decimal(2_000_000) in _member_values(equity_facts, year, "us-gaap:CommonStockMember")
    # a dash is no change: no fact
    assert not any(f.value == "0" for f in equity_facts if f.dims)


def test_balance_dates() -> None:
    assert balance_date("Balances as of Jan 30, 2022") == date(2022, 1, 30)
    assert balance_date("BALANCE JUNE 30, 2022") == date(2022, 6, 30)
    assert balance_date("Equity - April 1, 2025") == date(2025, 4, 1)
    assert balance_date("Net income") is None
    assert balance_date("Balance at beginning of year") is None


def test_members_from_headings() -> None:
    headings = ["Common Stock Shares", "Common Stock Amount", "Capital in Excess of Par Value", "Retained Earnings",
                "Accumulated Other Comprehensive Income (Loss)", "Total Walmart Shareholders' Equity",
                "Nonredeemable Noncontrolling Interest", "Total Shareholders' Equity"]
    members = [m.qname if m else None for m in component_members(headings)]
    assert members == ["us-gaap:CommonStockMember", "us-gaap:CommonStockMember",
                       "us-gaap:AdditionalPaidInCapitalMember", "us-gaap:RetainedEarningsMember",
                       "us-gaap:AccumulatedOtherComprehensiveIncomeMember", PARENT, NONCONTROLLING, None]
    both = member_of("Class A, Class B, Class C Stock and Additional Paid-In Capital Amount")
    assert both is not None and both.qname == "us-gaap:CommonStockIncludingAdditionalPaidInCapitalMember"
    redeemable = member_of("Redeemable Noncontrolling Interests")
    assert redeemable is not None and redeemable.qname == OUTSIDE
    own = member_of("Reserve for ESOP Debt Retirement")
    assert own is not None and own.extension and re.fullmatch(r"ext:\w+Member", own.qname)


def _table(rows: list[list[str]]) -> Table:
    return Table(rows=[Row(cells=r, line=n) for n, r in enumerate(rows, 1)], caption=["(In thousands)"], line=1,
                 spans_known=True)


def test_opening_balance_on_the_first_of_a_month_is_the_day_before() -> None:
    table = _table([
        ["", "Common Stock", "Retained Earnings", "Total"],
        ["Balance as of January 1, 2024", "10", "20", "30"],
        ["Net income", "", "5", "5"],
        ["Balance as of December 31, 2024", "10", "25", "35"],
    ])
    left_out: list[LeftOut] = []
    statement = read_equity([table], left_out)
    assert statement is not None and not left_out
    assert {p.key for p in statement.periods} == {"2024-01-01--2024-12-31"}
    assert statement.scale == 3 and statement.components == ["Common Stock", "Retained Earnings", "Total"]
    assert [(i.label, i.balance_at, i.kind) for i in statement.items] == [
        ("Balance", "start", ItemKind.MONETARY), ("Net income", None, ItemKind.MONETARY),
        ("Balance", "end", ItemKind.MONETARY)]
    assert not statement.report.warnings


def test_roll_forward_that_does_not_add_up_is_reported() -> None:
    table = _table([
        ["", "Common Stock", "Retained Earnings", "Total"],
        ["Balance at December 31, 2023", "10", "20", "30"],
        ["Net income", "", "5", "5"],
        ["Balance at December 31, 2024", "10", "26", "36"],
    ])
    statement = read_equity([table], [])
    assert statement is not None
    assert any("Retained Earnings" in w and "is not 26" in w for w in statement.report.warnings)


def test_a_headings_figure_goes_to_the_movement_under_it() -> None:
    """"Dividends ($4.0763 per share):" over "Common": the per-share figure is the
    movement's; a heading whose figure no movement takes is reported, never dropped."""
    table = _table([
        ["", "Common Stock", "Retained Earnings", "Total"],
        ["Balance at December 31, 2023", "10", "20", "30"],
        ["Dividends and dividend equivalents ($4.0763 per share):", "", "", ""],
        ["Common", "", "(4)", "(4)"],
        ["Buyback program ($9,000 authorized):", "", "", ""],
        ["Balance at December 31, 2024", "10", "16", "26"],
    ])
    left_out: list[LeftOut] = []
    statement = read_equity([table], left_out)
    assert statement is not None
    common = next(i for i in statement.items if i.label == "Common")
    assert [(f.amount.shown, f.kind) for f in common.embedded] == [(Decimal("4.0763"), "perShare")]
    assert [(x.text, x.reason) for x in left_out] == [
        ("$9,000", "a number in a heading row with no movement under it")]


NVDA = SHARED / "corpus" / "ixbrl" / "nvda-10-k-2025-02-26.html"


@pytest.mark.skipif(not NVDA.exists(), reason="the Inline XBRL corpus is not present")
def test_real_equity_statement(tmp_path: Path) -> None:
    """NVIDIA's 10-K, tags stripped: the equity statement's figures as the filer tagged them."""
    raw = NVDA.read_text(encoding="utf-8")
    raw = re.sub(r"<ix:header>.*?</ix:header>", "", raw, flags=re.S)
    source = tmp_path / NVDA.name
    source.write_text(re.sub(r"</?ix:[^>]*>", "", raw), encoding="utf-8")
    result = convert(source, tmp_path / "package", cik="0001045810")
    assert result.valid, result.validation
    facts = read_facts(result.output / f"{result.model.stem}.xml")
    assert _value(facts, "us-gaap:StockholdersEquity", "2025-01-26", "us-gaap:RetainedEarningsMember") \
        == "68038000000"
    assert _value(facts, "us-gaap:StockholdersEquity", "2022-01-30", "us-gaap:AccumulatedOtherComprehensiveIncomeMember") \
        == "-11000000"
    assert _value(facts, "us-gaap:CommonStockSharesOutstanding", "2025-01-26", "us-gaap:CommonStockMember") == "24477000000"
    fiscal_2025 = "2024-01-29--2025-01-26"
    assert Decimal(834_000_000) in _member_values(facts, fiscal_2025, "us-gaap:RetainedEarningsMember")  # dividends
    assert Decimal(310_000_000) in _member_values(facts, fiscal_2025, "us-gaap:CommonStockMember")  # shares bought


PARENTHETICAL = """
<p>Consolidated Balance Sheets (Parenthetical)</p><p>(In millions, except per share data)</p>
<table>
<tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>
<tr><td>Allowance for doubtful accounts</td><td>$7</td><td>$6</td></tr>
<tr><td>Common stock, par value</td><td>$0.01</td><td>$0.01</td></tr>
<tr><td>Common stock, shares authorized</td><td>2,000</td><td>2,000</td></tr>
<tr><td>Common stock, shares issued</td><td>55</td><td>54</td></tr>
<tr><td>Treasury stock, shares</td><td>7</td><td>4</td></tr>
</table>
"""


def test_parenthetical_statement(tmp_path: Path) -> None:
    """A balance sheet's parenthetical details, in a table of their own, become facts: par
    value per share, share counts at the statement's scale, the allowance in millions."""
    source = tmp_path / "parenthetical.html"
    source.write_text(f"<html><body>{BALANCE_SHEET}{PARENTHETICAL}</body></html>", encoding="utf-8")
    result = convert(source, tmp_path / "package", cik="0000000001")
    assert result.valid, result.validation
    facts = {(f.concept, f.period): f.value for f in read_facts(result.output / f"{result.model.stem}.xml")}
    assert facts[("us-gaap:CommonStockParOrStatedValuePerShare", "2024-12-31")] == "0.01"
    assert facts[("us-gaap:CommonStockSharesAuthorized", "2023-12-31")] == "2000000000"
    assert facts[("us-gaap:CommonStockSharesIssued", "2024-12-31")] == "55000000"
    assert any(concept.startswith("us-gaap:Allowance") and period == "2024-12-31" and value == "7000000"
               for (concept, period), value in facts.items())
    roles = [r.definition for r in result.model.roles]
    assert any(d.endswith("Balance Sheet (Parenthetical)") for d in roles)


def test_a_repurchase_into_a_treasury_column_is_treasury_stock_acquired(equity_facts: list[ReadFact]) -> None:
    year = "2024-01-01--2024-12-31"
    assert _value(equity_facts, "us-gaap:TreasuryStockValueAcquiredCostMethod", year,
                  "us-gaap:TreasuryStockCommonMember") == "30000000"


def test_a_repurchase_without_a_treasury_column_is_retired(tmp_path: Path) -> None:
    """No treasury stock component: the company retires what it buys back, and a treasury
    concept the label suggested gives way to the retired one (Apple, Meta, Nvidia)."""
    equity = """
<p>Consolidated Statements of Stockholders' Equity</p><p>(In millions)</p>
<table>
<tr><td></td><td>Common Stock</td><td>Retained Earnings</td><td>Total Equity</td></tr>
<tr><td>Balance at December 31, 2023</td><td>$100</td><td>$420</td><td>$520</td></tr>
<tr><td>Net income</td><td>—</td><td>110</td><td>110</td></tr>
<tr><td>Treasury stock purchased</td><td>(2)</td><td>(28)</td><td>(30)</td></tr>
<tr><td>Balance at December 31, 2024</td><td>$98</td><td>$502</td><td>$600</td></tr>
</table>
"""
    source = tmp_path / "equity.html"
    source.write_text(f"<html><body>{BALANCE_SHEET}{equity}</body></html>", encoding="utf-8")
    result = convert(source, tmp_path / "out", cik="0000000001", validate_package=False)
    eq = next(ms for ms in result.statements if ms.statement.kind == "EQ")
    concepts = {mi.item.label: mi.concept for mi in eq.items}
    assert concepts["Treasury stock purchased"] == "us-gaap:StockRepurchasedAndRetiredDuringPeriodValue"


def _convert_equity(tmp_path: Path, rows: str) -> list[ReadFact]:
    equity = f"""
<p>Consolidated Statements of Stockholders' Equity</p><p>(In millions)</p>
<table>
<tr><td></td><td>Additional Paid-in Capital</td><td>Retained Earnings</td><td>Total Equity</td></tr>
<tr><td>Balance at December 31, 2023</td><td>$200</td><td>$320</td><td>$520</td></tr>
{rows}
</table>
"""
    source = tmp_path / "equity.html"
    source.write_text(f"<html><body>{BALANCE_SHEET}{equity}</body></html>", encoding="utf-8")
    result = convert(source, tmp_path / "out", cik="0000000001", validate_package=False)
    return read_facts(result.output / f"{result.model.stem}.xml")


def _dividends(facts: list[ReadFact]) -> set[tuple[str, str | None]]:
    """(component member, value) of 2024's dividend facts."""
    return {(f.dims[0][1] if f.dims else "", f.value) for f in facts
            if f.period == "2024-01-01--2024-12-31" and f.concept.split(":")[1].startswith("Dividends")}


def test_a_decrease_with_a_small_offset_takes_its_sign_from_the_total_column(tmp_path: Path) -> None:
    """Dividends come out of retained earnings (50) while their equivalents add 1 to paid-in
    capital: the total column says it is a decrease, so every column is negated."""
    facts = _convert_equity(tmp_path, """
<tr><td>Net income</td><td>—</td><td>130</td><td>130</td></tr>
<tr><td>Dividends and dividend equivalents declared</td><td>1</td><td>(50)</td><td>(49)</td></tr>
<tr><td>Balance at December 31, 2024</td><td>$201</td><td>$400</td><td>$601</td></tr>""")
    assert _dividends(facts) == {("", "49000000"), ("us-gaap:RetainedEarningsMember", "50000000"),
                         ("us-gaap:AdditionalPaidInCapitalMember", "-1000000")}


def test_a_net_movement_keeps_its_printed_signs(tmp_path: Path) -> None:
    facts = _convert_equity(tmp_path, """
<tr><td>Net income</td><td>—</td><td>130</td><td>130</td></tr>
<tr><td>Dividends and dividend equivalents declared</td><td>34</td><td>(49)</td><td>(15)</td></tr>
<tr><td>Balance at December 31, 2024</td><td>$234</td><td>$401</td><td>$635</td></tr>""")
    assert ("", "-15000000") in _dividends(facts)
