"""A bank's income statement: its sections (interest income and expense, noninterest
income and expense) say what a bare "Other" or "Deposits" row is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from converter import convert
from converter.mapper.bank_sections import rows_in_bank_sections
from converter.model.statements import Amount, LineItem

FILING = """\
EXAMPLE BANCORP
CONSOLIDATED STATEMENTS OF INCOME
(In thousands, except per share data)

\tYear Ended December 31,\t
\t2008\t2007
Interest income:
Loans, including fees\t50,000\t48,000
Securities\t8,000\t7,500
Other\t500\t400
Total interest income\t58,500\t55,900
Interest expense:
Deposits\t20,000\t19,000
Borrowings\t3,000\t2,800
Total interest expense\t23,000\t21,800
Net interest income\t35,500\t34,100
Provision for loan losses\t2,000\t1,500
Net interest income after provision for loan losses\t33,500\t32,600
Noninterest income:
Service charges on deposit accounts\t4,000\t3,800
Other\t1,000\t900
Total noninterest income\t5,000\t4,700
Noninterest expense:
Salaries and employee benefits\t15,000\t14,000
Occupancy\t3,000\t2,900
Other\t2,500\t2,300
Total noninterest expense\t20,500\t19,200
Income before income taxes\t18,000\t18,100
Income taxes\t6,000\t6,100
Net income\t$12,000\t$12,000
Basic earnings per share\t$1.20\t$1.20
Diluted earnings per share\t$1.19\t$1.19
"""


def test_bank_sections_say_what_other_rows_are(tmp_path: Path) -> None:
    path = tmp_path / "filing.txt"
    path.write_text(FILING)
    result = convert(path, tmp_path / "out", cik="42")
    assert result.valid, result.validation
    income = next(ms for ms in result.statements if ms.statement.kind == "IS")
    chosen = [(mi.item.label, mi.mapping.concept if mi.mapping else None) for mi in income.items]
    others = [concept for label, concept in chosen if label == "Other"]
    assert others == ["us-gaap:InterestIncomeOther", "us-gaap:NoninterestIncomeOther",
                      "us-gaap:OtherNoninterestExpense"]
    assert ("Deposits", "us-gaap:InterestExpenseDeposits") in chosen
    assert ("Loans, including fees", "us-gaap:InterestAndFeeIncomeLoansAndLeases") in chosen
    assert ("Total noninterest expense", "us-gaap:NoninterestExpense") in chosen


def test_section_totals_place_rows_whose_captions_are_lost(tmp_path: Path) -> None:
    """Without its captions the statement's totals still say which section a row is in:
    the rows whose figures add up to "Total noninterest expense"."""
    lost = "\n".join(line for line in FILING.splitlines()
                     if line not in ("Noninterest income:", "Noninterest expense:"))
    path = tmp_path / "filing.txt"
    path.write_text(lost + "\n")
    result = convert(path, tmp_path / "out", cik="42")
    income = next(ms for ms in result.statements if ms.statement.kind == "IS")
    others = [mi.mapping.concept for mi in income.items if mi.item.label == "Other" and mi.mapping]
    assert others[1:] == ["us-gaap:NoninterestIncomeOther", "us-gaap:OtherNoninterestExpense"]


def test_only_rows_adding_up_to_the_total_are_in_its_section() -> None:
    """"Net interest income after provision" sits right above the noninterest rows but is
    not one of them: the figures decide, not the position."""
    def row(label: str, *figures: str, total: bool = False) -> LineItem:
        return LineItem(label, label, [Amount(f, Decimal(f)) for f in figures], is_total=total)

    items = [row("Net interest income after provision for loan losses", "33500", "32600"),
             row("Service charges on deposit accounts", "4000", "3800"),
             row("Other", "1000", "900"),
             row("Total noninterest income", "5000", "4700", total=True),
             row("Salaries", "15000", "14000"),
             row("Total noninterest expense", "15500", "14000", total=True)]
    assert rows_in_bank_sections(items) == {1: "noninterest income", 2: "noninterest income"}
