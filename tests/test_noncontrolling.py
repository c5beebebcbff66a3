"""Net income split with a noncontrolling interest: ProfitLoss, its minority and parent shares."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from converter import Result, convert
from tests.conftest import read_facts

FILING = """\
EXAMPLE CORP
CONSOLIDATED STATEMENTS OF INCOME
(In millions)

\tYear Ended December 31,\t
\t2008\t2007
Net sales\t1,000\t900
Cost of sales\t600\t560
Income before income taxes\t400\t340
Income taxes\t100\t90
Net income\t300\t250
Less: Net income attributable to noncontrolling interests\t20\t10
Net income attributable to Example Corp\t$280\t$240

CONSOLIDATED STATEMENTS OF CASH FLOWS
(In millions)

\tYear Ended December 31,\t
\t2008\t2007
Operating activities
Net income\t300\t250
Depreciation\t50\t45
Net cash provided by operating activities\t350\t295
Net increase in cash\t350\t295
"""


def _convert(tmp_path: Path, text: str) -> tuple[Result, dict[tuple[str, str], Decimal]]:
    """The text converted and validated, and its non-dimensional facts by (concept, period)."""
    path = tmp_path / "filing.txt"
    path.write_text(text)
    result = convert(path, tmp_path / "out", cik="42")
    assert result.valid, result.validation
    facts = {(f.concept, f.period): Decimal(f.value) for f in read_facts(result.output / f"{result.model.stem}.xml")
             if f.value is not None and not f.dims}
    return result, facts


def test_consolidated_net_income_is_profit_loss_everywhere(tmp_path: Path) -> None:
    result, facts = _convert(tmp_path, FILING)
    y8 = "2008-01-01--2008-12-31"
    assert facts[("us-gaap:ProfitLoss", y8)] == 300_000_000
    assert facts[("us-gaap:NetIncomeLoss", y8)] == 280_000_000
    assert facts[("us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", y8)] == 20_000_000
    cash_flow = next(ms for ms in result.statements if ms.statement.kind == "CF")
    first = next(mi for mi in cash_flow.items if mi.mapping is not None)
    assert first.mapping is not None and first.mapping.concept == "us-gaap:ProfitLoss"
    assert "consolidated net income" in first.mapping.reason


def test_pretax_income_includes_equity_method_results_unless_they_follow(tmp_path: Path) -> None:
    from converter.mapper.pretax import ALL_IN

    path = tmp_path / "pretax.txt"
    path.write_text(FILING.split("CONSOLIDATED STATEMENTS OF CASH FLOWS")[0])
    result = convert(path, tmp_path / "out", cik="42", validate_package=False)
    rows = {mi.item.raw_label: mi.mapping.concept for ms in result.statements for mi in ms.items if mi.mapping}
    assert rows["Income before income taxes"] == ALL_IN


BALANCE_SHEET = """\
EXAMPLE CORP
CONSOLIDATED BALANCE SHEETS
(In millions)

\tDecember 31,\t
\t2008\t2007
Cash\t500\t400
Total assets\t500\t400
Accounts payable\t100\t90
Total liabilities\t100\t90
Common stock\t50\t50
Retained earnings\t320\t240
Total Example Corp shareholders' equity\t370\t290
Noncontrolling interests\t30\t20
Total equity\t400\t310
Total liabilities and equity\t500\t400
"""


def test_total_equity_includes_noncontrolling_interests(tmp_path: Path) -> None:
    _, facts = _convert(tmp_path, BALANCE_SHEET)
    assert facts[("us-gaap:StockholdersEquity", "2008-12-31")] == 370_000_000
    assert facts[("us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest",
                  "2008-12-31")] == 400_000_000


def test_the_company_share_is_found_by_its_arithmetic(tmp_path: Path) -> None:
    """"Net income - Example Corp" does not say "attributable", and the company's net income
    is printed again in a summary block: the arithmetic still finds the split, and the
    repeated line is the company's share, not the consolidated figure."""
    text = FILING.replace("Net income attributable to Example Corp\t$280\t$240",
                          "Net income - Example Corp\t$280\t$240\n"
                          "Amounts attributable to Example Corp\n"
                          "Income from continuing operations\t280\t240\n"
                          "Net income\t280\t240")
    _, facts = _convert(tmp_path, text)
    y8 = "2008-01-01--2008-12-31"
    assert facts[("us-gaap:ProfitLoss", y8)] == 300_000_000
    assert facts[("us-gaap:NetIncomeLoss", y8)] == 280_000_000
    assert facts[("us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", y8)] == 20_000_000


COMPREHENSIVE = FILING.split("CONSOLIDATED STATEMENTS OF CASH FLOWS")[0] + """\
CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME
(In millions)

\tYear Ended December 31,\t
\t2008\t2007
Consolidated net income\t300\t250
Currency translation and other\t(40)\t10
Other comprehensive income (loss), net\t(40)\t10
Other comprehensive (income) loss attributable to noncontrolling interest\t5\t(2)
Other comprehensive income (loss) attributable to Example Corp\t(35)\t8
Comprehensive income, net\t260\t260
Comprehensive (income) loss attributable to noncontrolling interest\t(15)\t(12)
Comprehensive income attributable to Example Corp\t245\t248
"""


def test_comprehensive_income_is_split_like_net_income(tmp_path: Path) -> None:
    """Walmart's layout: (other) comprehensive income, the noncontrolling interests' share
    and the company's share add up, and take the consolidated, minority and parent concepts
    (the consolidated other comprehensive income had taken the parent's portion, and the
    company's line a tax concept, which EDGAR's DQC 0008 reported)."""
    result, facts = _convert(tmp_path, COMPREHENSIVE)
    ci = next(ms for ms in result.statements if ms.statement.kind == "CI")
    concepts = {mi.item.label: mi.concept for mi in ci.items if mi.mapping is not None}
    assert concepts["Other comprehensive income (loss), net"] == "us-gaap:OtherComprehensiveIncomeLossNetOfTax"
    assert concepts["Other comprehensive income (loss) attributable to Example Corp"] == \
        "us-gaap:OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToParent"
    assert concepts["Comprehensive income, net"] == \
        "us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"
    assert concepts["Comprehensive income attributable to Example Corp"] == "us-gaap:ComprehensiveIncomeNetOfTax"
    y8 = "2008-01-01--2008-12-31"
    assert facts[("us-gaap:ComprehensiveIncomeNetOfTax", y8)] == 245_000_000


def test_a_net_loss_of_which_the_minority_earned_a_profit_is_split_too(tmp_path: Path) -> None:
    """A net loss of 91,170 with 4 of profit to the noncontrolling interests leaves the
    company a loss of 91,174 (SandRidge Energy, 2009): the shares' magnitudes do not add
    up to the total's, but the split is the same."""
    text = FILING.replace("Net income\t300\t250\nLess", "Net loss\t(91,170)\t(1,246,024)\nLess") \
        .replace("noncontrolling interests\t20\t10", "noncontrolling interests\t4\t7") \
        .replace("Net income attributable to Example Corp\t$280\t$240",
                 "Net loss attributable to Example Corp\t$(91,174)\t$(1,246,031)") \
        .replace("Income taxes\t100\t90", "Income taxes\t91,570\t1,246,364")
    result, facts = _convert(tmp_path, text)
    y8 = "2008-01-01--2008-12-31"
    assert facts[("us-gaap:ProfitLoss", y8)] == -91_170_000_000
    assert facts[("us-gaap:NetIncomeLoss", y8)] == -91_174_000_000
    assert facts[("us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", y8)] == 4_000_000


def test_results_above_a_split_net_income_are_consolidated(tmp_path: Path) -> None:
    """FAS 160's layout: continuing and discontinued operations above the net income that
    is then split include the noncontrolling interests' share."""
    text = FILING.replace("Income taxes\t100\t90\nNet income\t300\t250\n",
                          "Income taxes\t100\t90\nIncome from continuing operations\t300\t250\n"
                          "Income from discontinued operations, net of tax\t—\t—\nNet income\t300\t250\n")
    _, facts = _convert(tmp_path, text)
    y8 = "2008-01-01--2008-12-31"
    assert facts[("us-gaap:IncomeLossFromContinuingOperationsIncludingPortionAttributableToNoncontrollingInterest",
                  y8)] == 300_000_000
    assert ("us-gaap:IncomeLossFromContinuingOperations", y8) not in facts


SUMMARY_BLOCK = FILING.split("\nCONSOLIDATED STATEMENTS OF CASH FLOWS")[0].replace(
    "Net income\t300\t250\n", "Income from continuing operations\t300\t250\nNet income\t300\t250\n").replace(
    "Net income attributable to Example Corp\t$280\t$240\n",
    "Net income attributable to Example Corp\t$280\t$240\n"
    "Amounts attributable to Example Corp:\n"
    "Income from continuing operations\t280\t240\n"
    "Net income attributable to Example Corp\t$280\t$240\n")


def test_the_company_net_income_printed_again_in_a_summary_block_keeps_its_concept(tmp_path: Path) -> None:
    """A summary "amounts attributable to" block prints the company's net income again:
    the same concept and figures, not the next best concept for a second line."""
    result, _ = _convert(tmp_path, SUMMARY_BLOCK)
    income = next(ms for ms in result.statements if ms.statement.kind == "IS")
    again = [mi.mapping.concept for mi in income.items
             if mi.mapping is not None and mi.item.label == "Net income attributable to Example Corp"]
    assert again == ["us-gaap:NetIncomeLoss", "us-gaap:NetIncomeLoss"]
    continuing = [mi.mapping.concept for mi in income.items
                  if mi.mapping is not None and mi.item.label == "Income from continuing operations"]
    assert continuing == ["us-gaap:IncomeLossFromContinuingOperationsIncludingPortionAttributableToNoncontrollingInterest",
                          "us-gaap:IncomeLossFromContinuingOperations"]  # consolidated above, the company's below
