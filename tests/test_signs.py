"""Signs follow the concept's balance; a row with mixed signs is settled by the arithmetic."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from converter import convert
from converter.model.mapping import SignBasis
from tests.conftest import read_facts

STATEMENT = """\
EXAMPLE CORP
CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands)

\tYear Ended December 31,\t
\t2008\t2007
Net sales\t1,000\t900
Cost of sales\t700\t1,000
Gross profit (loss)\t300\t(100)
Interest expense\t(20)\t(10)
Income (loss) before income taxes\t280\t(110)
Income tax (expense) benefit\t(100)\t40
Net income (loss)\t$180\t$(70)
"""


def test_signs_follow_balances_and_arithmetic(tmp_path: Path) -> None:
    path = tmp_path / "example.txt"
    path.write_text(STATEMENT)
    result = convert(path, tmp_path / "out", cik="42")
    assert result.valid, result.validation
    facts = {(f.concept, f.period): Decimal(f.value) for f in read_facts(result.output / f"{result.model.stem}.xml")
             if f.value is not None and not f.concept.startswith("dei:")}
    y8, y7 = "2008-01-01--2008-12-31", "2007-01-01--2007-12-31"
    assert facts[("us-gaap:GrossProfit", y7)] == -100000  # a gross loss is a negative GrossProfit
    assert facts[("us-gaap:InterestExpense", y8)] == 20000  # (20) is a deduction, not a negative expense
    assert facts[("us-gaap:IncomeTaxExpenseBenefit", y8)] == 100000  # an expense
    assert facts[("us-gaap:IncomeTaxExpenseBenefit", y7)] == -40000  # a benefit
    assert facts[("us-gaap:NetIncomeLoss", y7)] == -70000
    tax = next(mi for ms in result.statements for mi in ms.items if mi.item.label.startswith("Income tax"))
    assert tax.mapping is not None and tax.mapping.sign_basis is SignBasis.ARITHMETIC


CASH_FLOWS = """\
EXAMPLE CORP
CONSOLIDATED STATEMENTS OF CASH FLOWS
(In thousands)

\tYear Ended December 31,\t
\t2008\t2007
Net income\t180\t(70)
Depreciation and amortization\t50\t40
Net cash provided by (used in) operating activities\t230\t(30)
Purchases of property and equipment\t(100)\t(60)
Net cash used in investing activities\t(100)\t(60)
Net increase (decrease) in cash and cash equivalents\t130\t(90)
Cash and cash equivalents, beginning of year\t210\t300
Cash and cash equivalents, end of year\t$340\t$210
"""


def test_cash_balances_in_a_cash_flow_statement_are_instants(tmp_path: Path) -> None:
    path = tmp_path / "cf.txt"
    path.write_text(CASH_FLOWS)
    result = convert(path, tmp_path / "out", cik="42")
    assert result.valid, result.validation
    facts = read_facts(result.output / f"{result.model.stem}.xml")
    cash = {f.period: f.value for f in facts if f.concept in (
        "us-gaap:CashAndCashEquivalentsAtCarryingValue",
        "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")}
    # beginning of 2008 is the instant 2007-12-31, which is also the end of 2007: one fact
    assert cash == {"2008-12-31": "340000", "2007-12-31": "210000", "2006-12-31": "300000"}
    purchases = {f.period: f.value for f in facts if f.concept == "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"}
    assert purchases == {"2008-01-01--2008-12-31": "100000", "2007-01-01--2007-12-31": "60000"}


def test_a_section_is_named_by_its_first_word_outside_parentheses() -> None:
    from converter.mapper.signs import natural_balance
    from converter.model.statements import LineItem

    def section(name: str) -> str:
        return natural_balance("IS", LineItem("Interest, net", "Interest, net", [], sections=(name,)), False)

    assert section("Interest and other (income) expense") == "debit"
    assert section("Other income (expense)") == "credit"
    assert section("Expense and other (income)") == "debit"
    assert section("Costs and expenses") == "debit"


def test_an_expense_concept_among_revenues_is_not_reversed_by_the_arithmetic() -> None:
    """A debit concept printed positive in an income statement's section of revenues is a
    concept to question, not a sign to reverse (Tesla 2010's "Development services" had
    come out as a negative business-development expense, which EDGAR's DQC 0015 reports);
    a credit concept among expenses may be reversed."""
    from converter.mapper.signs import apply_signs
    from converter.model.mapping import MappedItem, Mapping
    from converter.model.statements import Amount, LineItem
    from converter.taxonomy.index import load_index

    def row(label: str, concept: str, section: str) -> MappedItem:
        item = LineItem(label, label, [Amount("19,666", Decimal(19666))], sections=(section,))
        return MappedItem(item, Mapping(f"us-gaap:{concept}", 0.5, "test"))
    among_revenues = row("Development services", "BusinessDevelopment", "Revenues")
    among_expenses = row("Other operating items, net", "OtherOperatingIncomeExpenseNet", "Operating expenses")
    says_so = row("Other operating expense (income), net", "OtherOperatingIncomeExpenseNet", "Operating expenses")
    apply_signs("IS", [among_revenues, among_expenses, says_so], load_index())
    assert among_revenues.mapping is not None and among_revenues.mapping.sign_basis is SignBasis.AS_PRINTED
    assert among_expenses.mapping is not None and among_expenses.mapping.sign_basis is SignBasis.OPPOSITE
    # a label that names its positive side decides without the arithmetic
    assert says_so.mapping is not None and (says_so.mapping.sign, says_so.mapping.sign_basis) == \
        (-1, SignBasis.LABEL_SIDE)


def test_a_label_naming_both_sides_says_which_is_positive() -> None:
    """Johnson & Johnson's "Other (income) expense, net 4,694" is an expense under a credit
    concept (its statement names no expense section): the value is -4,694. An allocation
    keeps its sign: "Net income (loss) attributable to noncontrolling interests" is a debit
    concept whose income is positive."""
    from converter.mapper.signs import label_side
    assert label_side("Other (income) expense, net") == "debit"
    assert label_side("Other income (expense), net") == "credit"
    assert label_side("Loss (gain) on sale of assets") == "debit"
    assert label_side("Provision for (benefit from) income taxes") is None
    assert label_side("Income tax expense") is None
    # Walmart's "Other (gains) and losses 794" is a loss: -794 under a gains concept
    assert label_side("Other (gains) and losses") == "debit"
    assert label_side("Gains and (losses), net") == "credit"
    # a reclassification of "(gains)/losses" in comprehensive income is left to the arithmetic
    assert label_side("Reclassification of (gains)/losses to net income") is None
    # "gains/(losses)": gains positive (P&G's pension line, a loss printed "(1,390)" under a
    # concept whose positive is a loss, is +1,390)
    assert label_side("Unrealized gains/(losses) on defined benefit postretirement plans") == "credit"
