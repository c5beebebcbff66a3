"""Finding the primary statements in a 10-K-like HTML document, and reading their columns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from converter.extraction import extract
from converter.extraction.locate import heading_of
from converter.model.statements import ExtractedFiling, ItemKind, StatementKind
from converter.readers import read_document

MDNA_AND_STATEMENTS = """<html><body>
<p>Item 7. Management's Discussion and Analysis</p>
<p>The following table presents the percentage relationship between net sales and major categories
in our consolidated statements of earnings:</p>
<table>
<tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales</td><td>100.0%</td><td>100.0%</td></tr>
<tr><td>Net earnings</td><td>10.0%</td><td>9.0%</td></tr>
<tr><td>Earnings per share</td><td>2.0%</td><td>1.0%</td></tr>
</table>
<p>Item 8. Financial Statements</p>
<p>EXAMPLE CORP</p>
<p>CONSOLIDATED BALANCE SHEETS</p>
<p>(In millions, except per share data)</p>
<table>
<tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>
<tr><td>Cash</td><td>$ 500</td><td>$ 400</td></tr>
<tr><td>Total assets</td><td>500</td><td>400</td></tr>
</table>
<p>Page 41</p>
<table>
<tr><td>Accounts payable</td><td>200</td><td>150</td></tr>
<tr><td>Common stock, par value $0.01 per share (authorized 1,000 shares; issued 600 shares)</td><td>6</td><td>6</td></tr>
<tr><td>Retained earnings</td><td>294</td><td>244</td></tr>
<tr><td>Total liabilities and stockholders' equity</td><td>500</td><td>400</td></tr>
</table>
<p>EXAMPLE CORP</p>
<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p>
<p>(In millions, except per share data)</p>
<table>
<tr><td></td><td colspan="2">Year Ended December 31,</td><td colspan="2">Percent to Sales</td></tr>
<tr><td></td><td>2024</td><td>2023</td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales</td><td>1,000</td><td>900</td><td>100.0%</td><td>100.0%</td></tr>
<tr><td>Cost of sales</td><td>600</td><td>560</td><td>60.0%</td><td>62.2%</td></tr>
<tr><td>Impairment</td><td>&#8212;</td><td>40</td><td>&#8212;</td><td>4.4%</td></tr>
<tr><td>Net earnings</td><td>400</td><td>300</td><td>40.0%</td><td>33.3%</td></tr>
<tr><td>Earnings per share:</td><td></td><td></td><td></td><td></td></tr>
<tr><td>Basic:</td><td></td><td></td><td></td><td></td></tr>
<tr><td>Continuing operations</td><td>$ 0.67</td><td>$ 0.50</td><td></td><td></td></tr>
</table>
<p>3. Balance Sheet Components</p>
<table>
<tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>
<tr><td>Prepaid</td><td>50</td><td>40</td></tr>
<tr><td>Total assets held</td><td>50</td><td>40</td></tr>
</table>
</body></html>
"""


@pytest.fixture
def filing(tmp_path: Path) -> ExtractedFiling:
    path = tmp_path / "10k.html"
    path.write_text(MDNA_AND_STATEMENTS, encoding="utf-8")
    return extract(read_document(path))


@pytest.mark.parametrize("line, kind", [
    ("CONSOLIDATED BALANCE SHEETS", StatementKind.BS),
    ("Condensed Consolidated Statements of Operations (Unaudited)", StatementKind.IS),
    ("THE HOME DEPOT, INC. CONSOLIDATED STATEMENTS OF EARNINGS", StatementKind.IS),
    ("Consolidated Statements of Operations and Comprehensive Loss", StatementKind.IS),
    ("Consolidated Statements of Comprehensive Income", StatementKind.CI),
    ("Consolidated Statements of Cash Flows (continued)", StatementKind.CF),
    ("Consolidated Statements of Shareholders' Equity", StatementKind.EQ),
    ("Statements of Financial Position", StatementKind.BS),
])
def test_statement_headings(line: str, kind: StatementKind) -> None:
    heading = heading_of(line)
    assert heading is not None and heading.kind is kind


@pytest.mark.parametrize("line", [
    "The following table presents the percentage relationship between net sales and major categories "
    "in our consolidated statements of earnings:",
    "3. Balance Sheet Components",
    "Off-Balance Sheet Arrangements",
    "Condensed Consolidating Balance Sheets",
    "Notes to Consolidated Financial Statements",
    "Supplemental Cash Flow Information",
])
def test_text_that_only_mentions_a_statement_is_no_heading(line: str) -> None:
    assert heading_of(line) is None


def test_only_the_headed_statements_are_taken(filing: ExtractedFiling) -> None:
    assert [s.kind for s in filing.statements] == [StatementKind.BS, StatementKind.IS]
    reasons = {lo.text: lo.reason for lo in filing.left_out}
    assert "mentions a statement" in reasons["10.0%"]  # the MD&A percentages
    assert "3. Balance Sheet Components" in reasons["50"]  # a note, not a continuation


def test_a_page_without_heading_continues_the_balance_sheet(filing: ExtractedFiling) -> None:
    bs = filing.statements[0]
    labels = [i.label for i in bs.items]
    assert labels[:2] == ["Cash", "Total assets"]
    assert "Total liabilities and stockholders' equity" in labels
    assert [p.key for p in bs.periods] == ["2024-12-31", "2023-12-31"]
    assert any(w.startswith("continued") for w in bs.report.warnings)


def test_par_value_and_share_counts_leave_the_label(filing: ExtractedFiling) -> None:
    common = next(i for i in filing.statements[0].items if i.raw_label.startswith("Common stock"))
    assert common.label == "Common stock"
    roles = {(f.role, f.amount.text) for f in common.embedded}
    assert ("par value", "$0.01") in roles and ("shares authorized", "1,000") in roles


def test_percentage_columns_are_reported_not_read(filing: ExtractedFiling) -> None:
    income = filing.statements[1]
    assert [p.key for p in income.periods] == ["2024-01-01--2024-12-31", "2023-01-01--2023-12-31"]
    percent = [lo for lo in filing.left_out if lo.text == "62.2%"]
    assert percent and "a percentage column" in percent[0].reason


def test_a_dash_is_a_zero_and_cents_are_per_share(filing: ExtractedFiling) -> None:
    items = {i.label: i for i in filing.statements[1].items}
    assert [v.shown if v else None for v in items["Impairment"].values] == [Decimal(0), Decimal(40)]
    eps = items["Continuing operations"]
    assert eps.kind is ItemKind.PER_SHARE
    assert eps.sections == ("Earnings per share", "Basic")  # a caption right under a caption nests


NO_SCALE = """\
EXAMPLE CORP
CONSOLIDATED BALANCE SHEETS

\tDecember 31, 2024\tDecember 31, 2023
Cash\t500\t400
Total assets\t500\t400
"""


def test_a_statement_without_a_scale_note_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from converter.cli import main

    path = tmp_path / "noscale.txt"
    path.write_text(NO_SCALE, encoding="utf-8")
    code = main(["convert", str(path), "--cik", "1", "-o", str(tmp_path / "out"), "--no-validate", "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["scaleNotStated"] == ["BS"]
    report = json.loads((tmp_path / "out" / "mapping-report.json").read_text(encoding="utf-8"))
    assert any("no scale note" in w for s in report["statements"] for w in s["quality"]["warnings"])


INCOME_AND_COMPREHENSIVE = """\
EXAMPLE CORP
CONSOLIDATED STATEMENTS OF OPERATIONS
(In millions, except per share data)

\tYear Ended December 31,
\t2024\t2023
Revenue\t1,000\t900
Cost of revenue\t600\t560
Net income\t400\t340
Net income per share - basic\t4.00\t3.40
Other comprehensive income (loss):
Foreign currency translation adjustments\t(20)\t15
Comprehensive income\t380\t355
"""


def test_comprehensive_income_below_the_income_statement_is_its_own(tmp_path: Path) -> None:
    path = tmp_path / "is-ci.txt"
    path.write_text(INCOME_AND_COMPREHENSIVE, encoding="utf-8")
    filing = extract(read_document(path))
    assert [s.kind for s in filing.statements] == [StatementKind.IS, StatementKind.CI]
    income, comprehensive = filing.statements
    assert [i.label for i in income.items][-1] == "Net income per share - basic"
    assert [i.label for i in comprehensive.items if not i.is_header] == [
        "Foreign currency translation adjustments", "Comprehensive income"]
    assert comprehensive.periods == income.periods and comprehensive.scale == 6
