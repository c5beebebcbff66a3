"""Readers: plain text (tab- and space-aligned) and EDGAR full submissions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter import convert
from converter.extraction import extract
from converter.readers import detect_format, read_document
from tests.conftest import EXAMPLE, SHARED, read_facts

SPACE_ALIGNED = """\
ACME WIDGETS, INC.
CONSOLIDATED BALANCE SHEETS
(In millions)

                                          December 31,    December 31,
                                              2008            2007
                                          ------------    ------------
ASSETS
Current assets:
  Cash                                       $ 1,200         $ 1,000
  Receivables, net                               300             250
                                          ------------    ------------
    Total current assets                       1,500           1,250
Property, net                                    500             450
                                          ------------    ------------
    Total assets                             $ 2,000         $ 1,700
                                          ============    ============
LIABILITIES AND SHAREHOLDERS' EQUITY
Accounts payable                             $   400         $   350
Shareholders' equity                           1,600           1,350
                                          ------------    ------------
    Total liabilities and shareholders' equity $ 2,000       $ 1,700
"""


def test_space_aligned_table_becomes_a_balance_sheet(tmp_path: Path) -> None:
    path = tmp_path / "acme.txt"
    path.write_text(SPACE_ALIGNED)
    statements = extract(read_document(path)).statements
    assert [s.kind for s in statements] == ["BS"]
    bs = statements[0]
    assert [p.key for p in bs.periods] == ["2008-12-31", "2007-12-31"]
    assert bs.scale == 6
    values = {i.label: [v.shown for v in i.values if v] for i in bs.items if not i.is_header}
    assert values["Cash"] == [1200, 1000]
    assert values["Total assets"] == [2000, 1700]
    assert values["Total liabilities and shareholders' equity"] == [2000, 1700]


def test_space_aligned_balance_sheet_converts_and_validates(tmp_path: Path) -> None:
    path = tmp_path / "acme.txt"
    path.write_text(SPACE_ALIGNED)
    result = convert(path, tmp_path / "out", cik="123")
    assert result.valid, result.validation
    facts = {(f.concept, f.period): f.value for f in read_facts(result.files[0].parent / f"{result.model.stem}.xml")}
    assert facts[("us-gaap:Assets", "2008-12-31")] == "2000000000"
    assert facts[("us-gaap:AssetsCurrent", "2007-12-31")] == "1250000000"


def _submission(body: str) -> str:
    return (
        "<SEC-DOCUMENT>0000000000-06-000001.txt\n<SEC-HEADER>\nACCESSION NUMBER:\t0000000000-06-000001\n"
        "CONFORMED SUBMISSION TYPE:\t8-K\nCONFORMED PERIOD OF REPORT:\t20061109\n"
        "\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tCAPSTONE TURBINE CORP\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0001009759\n</SEC-HEADER>\n"
        f"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )


def test_edgar_submission_supplies_the_cik(tmp_path: Path) -> None:
    path = tmp_path / "submission.txt"
    path.write_text(_submission(EXAMPLE.read_text()))
    assert detect_format(path.read_text()) == "edgar"
    result = convert(path, tmp_path / "out")  # no --cik: the header has it
    assert result.valid
    facts = read_facts(result.output / f"{result.model.stem}.xml")
    assert {f.value for f in facts if f.concept == "dei:EntityCentralIndexKey"} == {"0001009759"}
    assert len(facts) == 168


HTML_STATEMENT = """<html><body>
<p>EXAMPLE CORP</p><p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p>
<p>(In thousands, except per share amounts)</p>
<table>
<tr><td></td><td colspan="3" style="text-align:center">Quarter Ended</td></tr>
<tr><td></td><td colspan="2">June 30, 2009</td><td colspan="2">June 30, 2008</td></tr>
<tr><td>Revenues</td><td>$</td><td>1,200</td><td>$</td><td>1,000</td></tr>
<tr><td>Cost of revenues</td><td colspan="2">700</td><td colspan="2">650</td></tr>
<tr><td>Gross profit</td><td colspan="2">500</td><td colspan="2">350</td></tr>
<tr><td>Interest expense</td><td>(</td><td>20</td><td>(</td><td>10<sup>(a)</sup></td><td>)</td></tr>
<tr><td>Net income</td><td>$</td><td>480</td><td>$</td><td>340</td></tr>
</table>
<p>(a) Restated.</p>
</body></html>"""


def test_html_tables_with_spans_split_signs_and_footnote_marks(tmp_path: Path) -> None:
    path = tmp_path / "q.htm"
    path.write_text(HTML_STATEMENT)
    assert detect_format(HTML_STATEMENT) == "html"
    statements = extract(read_document(path)).statements
    assert [s.kind for s in statements] == ["IS"]
    st = statements[0]
    assert [p.key for p in st.periods] == ["2009-04-01--2009-06-30", "2008-04-01--2008-06-30"]
    values = {i.label: [v.shown for v in i.values if v] for i in st.items}
    assert values["Revenues"] == [1200, 1000]
    assert values["Cost of revenues"] == [700, 650]
    assert values["Interest expense"] == [-20, -10]


def test_lines_of_a_cell_set_as_blocks_are_words_apart(tmp_path: Path) -> None:
    """Tesla sets its equity headings line by line in <div>s: "Additional", "Paid-In",
    "Capital" are three words, not "AdditionalPaid-InCapital"."""
    path = tmp_path / "h.htm"
    path.write_text("<html><body><table><tr><td><div><span>Additional</span></div><div>Paid-In</div>"
                    "<div>Capital</div></td><td>Total<br/>equity</td><td><span>Net</span> income</td></tr>"
                    "<tr><td>Balance</td><td>1,200</td><td>300</td></tr></table></body></html>")
    table = read_document(path).tables[0]
    assert table.rows[0].cells == ["Additional Paid-In Capital", "Total equity", "Net income"]


BALANCE_SHEET_WITH_SHARE_LINES = """<html><body>
<p>CONSOLIDATED BALANCE SHEET</p><p>(Dollars in millions)</p>
<table>
<tr><td></td><td>June 30, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Total assets</td><td>$ 148,585</td><td>$ 137,175</td></tr>
<tr><td>Total liabilities</td><td>120,998</td><td>109,783</td></tr>
<tr><td>Equity:</td><td></td><td></td></tr>
<tr><td>Common stock, par value $0.20 per share, and additional paid-in capital</td><td>62,392</td><td>61,380</td></tr>
<tr><td>Shares authorized: 4,687,500,000</td><td></td><td></td></tr>
<tr><td>Shares issued: 2025 - 2,284,546,988</td><td></td><td></td></tr>
<tr><td>2024 - 2,279,164,313</td><td></td><td></td></tr>
<tr><td>Retained earnings</td><td>151,367</td><td>151,163</td></tr>
<tr><td>Treasury stock - at cost</td><td>(170,209)</td><td>(169,968)</td></tr>
<tr><td>Shares: 2025 - 1,353,027,746</td><td></td><td></td></tr>
<tr><td>2024 - 1,352,874,243</td><td></td><td></td></tr>
<tr><td>Accumulated other comprehensive income/(loss)</td><td>(16,041)</td><td>(15,269)</td></tr>
<tr><td>Total equity</td><td>27,509</td><td>27,392</td></tr>
<tr><td>Convertible preferred stock; $0.001 par value; 221,903,982 shares authorized</td><td></td><td></td></tr>
<tr><td>Series A convertible preferred stock</td><td>-</td><td>3,549</td></tr>
<tr><td>Total liabilities and equity</td><td>$ 148,585</td><td>$ 137,175</td></tr>
</table></body></html>"""


def test_lines_that_count_the_shares_of_the_row_above_belong_to_its_label(tmp_path: Path) -> None:
    """IBM prints each class's share counts on lines of their own below its row.  They
    describe that row; read as headings, they had made "Retained earnings" a share count."""
    path = tmp_path / "bs.htm"
    path.write_text(BALANCE_SHEET_WITH_SHARE_LINES)
    extracted = extract(read_document(path))
    items = {i.label: i for i in extracted.statements[0].items if not i.is_header}
    assert {items[k].kind for k in ("Retained earnings", "Treasury stock - at cost",
                                    "Accumulated other comprehensive income/(loss)")} == {"monetary"}
    assert items["Retained earnings"].sections == ("Equity",)
    stock = items["Common stock and additional paid-in capital"]
    assert {(f.role, f.period.end.year, f.amount.shown) for f in stock.embedded if f.kind == "shares"} == {
        ("shares authorized", 2025, 4_687_500_000), ("shares authorized", 2024, 4_687_500_000),
        ("shares issued", 2025, 2_284_546_988), ("shares issued", 2024, 2_279_164_313)}
    treasury = items["Treasury stock - at cost"]
    assert {(f.period.end.year, f.amount.shown) for f in treasury.embedded} == {
        (2025, 1_353_027_746), (2024, 1_352_874_243)}
    # a heading's numbers are reported, never dropped
    assert {lo.text for lo in extracted.left_out if "heading" in lo.reason} == {"$0.001", "221,903,982"}


BALANCE_SHEET_WITH_DATED_SHARE_ROWS = """<html><body>
<p>CONSOLIDATED BALANCE SHEETS</p><p>Amounts in millions</p>
<table>
<tr><td></td><td></td><td></td><td>March 31, 2025</td><td>June 30, 2024</td></tr>
<tr><td>Total liabilities</td><td></td><td></td><td>70,439</td><td>71,811</td></tr>
<tr><td>Preferred stock</td><td></td><td></td><td>781</td><td>798</td></tr>
<tr><td>Common stock \u2013 shares issued \u2013</td><td>March 2025</td><td>4,009.2</td><td></td><td></td></tr>
<tr><td></td><td>June 2024</td><td>4,009.2</td><td>4,009</td><td>4,009</td></tr>
<tr><td>Retained earnings</td><td></td><td></td><td>130,522</td><td>126,824</td></tr>
</table></body></html>"""


def test_a_row_labelled_by_a_date_goes_on_from_the_row_above(tmp_path: Path) -> None:
    """P&G prints the common stock's label and its first dated count of issued shares on
    one row and the second date with the stock's amounts on the next: "June 2024" is not a
    line item, and the dated counts (in the statement's millions) are facts."""
    path = tmp_path / "bs.htm"
    path.write_text(BALANCE_SHEET_WITH_DATED_SHARE_ROWS)
    extracted = extract(read_document(path))
    items = [i for i in extracted.statements[0].items if not i.is_header]
    assert [i.label for i in items] == ["Total liabilities", "Preferred stock", "Common stock", "Retained earnings"]
    stock = items[2]
    assert [v.shown for v in stock.values if v] == [4009, 4009]
    assert {(f.role, f.period.end, f.amount.shown) for f in stock.embedded} == {
        ("shares issued", date(2025, 3, 31), Decimal("4009.2")),
        ("shares issued", date(2024, 6, 30), Decimal("4009.2"))}
    assert not [lo for lo in extracted.left_out if "4,009" in lo.text]


INCOME_STATEMENT_WITH_SHARE_BRIDGE = """<html><body>
<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions except per share data)</p>
<table>
<tr><td></td><td>Three Months Ended June 27, 2025</td><td>Three Months Ended June 28, 2024</td></tr>
<tr><td>Net income</td><td>$ 3,812</td><td>$ 2,408</td></tr>
<tr><td>Diluted Net Income Per Share<span style="font-size:5.85pt;position:relative;top:-3.15pt">1</span></td>
<td>$ 0.88</td><td>$ 0.56</td></tr>
<tr><td>Average Shares Outstanding \u2014 Basic</td><td>4,303</td><td>4,310</td></tr>
<tr><td>Effect of dilutive securities</td><td>17</td><td>23</td></tr>
<tr><td>Average Shares Outstanding \u2014 Diluted</td><td>4,320</td><td>4,333</td></tr>
</table></body></html>"""


def test_a_row_taking_basic_to_diluted_shares_counts_shares(tmp_path: Path) -> None:
    """"Effect of dilutive securities" names no shares, but basic + it = diluted: it counts
    shares.  A footnote mark raised by a style, not <sup>, is not part of the label."""
    path = tmp_path / "is.htm"
    path.write_text(INCOME_STATEMENT_WITH_SHARE_BRIDGE)
    items = {i.label: i for i in extract(read_document(path)).statements[0].items if not i.is_header}
    assert items["Effect of dilutive securities"].kind == "shares"
    assert items["Net income"].kind == "monetary"
    assert items["Diluted Net Income Per Share"].kind == "perShare"


EQUITY_BY_SECTION_WITH_DASHES = """<html><body>
<p>CONSOLIDATED STATEMENTS OF STOCKHOLDERS' EQUITY</p><p>in millions</p>
<table>
<tr><td></td><td>Fiscal Year Ended February 2, 2025</td><td>Fiscal Year Ended January 28, 2024</td></tr>
<tr><td>Common Stock:</td><td></td><td></td></tr>
<tr><td>Balance at beginning of year</td><td>$ 90</td><td>$ 90</td></tr>
<tr><td>Shares issued under employee stock plans, net</td><td>\u2014</td><td>\u2014</td></tr>
<tr><td>Balance at end of year</td><td>90</td><td>90</td></tr>
<tr><td>Paid-in Capital:</td><td></td><td></td></tr>
<tr><td>Balance at beginning of year</td><td>13,147</td><td>12,592</td></tr>
<tr><td>Shares issued under employee stock plans, net</td><td>530</td><td>175</td></tr>
<tr><td>Stock-based compensation expense</td><td>440</td><td>380</td></tr>
<tr><td>Balance at end of year</td><td>14,117</td><td>13,147</td></tr>
<tr><td>Total stockholders\u2019 equity</td><td>$ 14,207</td><td>$ 13,237</td></tr>
</table></body></html>"""


def test_a_row_printing_only_dashes_among_amounts_is_an_amount(tmp_path: Path) -> None:
    """Home Depot's "Shares issued under employee stock plans, net" prints dashes under
    "Common Stock", whose balances are amounts, and 530 under "Paid-in Capital": nothing
    printed says it counts shares, so it is an amount in both.  "Total stockholders' equity"
    below the sections is their closing balance."""
    path = tmp_path / "eq.htm"
    path.write_text(EQUITY_BY_SECTION_WITH_DASHES)
    statement = next(s for s in extract(read_document(path)).statements if s.kind == "EQ")
    rows = [i for i in statement.items if i.label.startswith("Shares issued")]
    assert len(rows) == 2 and {i.kind for i in rows} == {"monetary"}, [(i.label, i.kind) for i in rows]
    # the total below the components' roll-forwards is the equity they close at, not a movement
    total = next(i for i in statement.items if i.label.startswith("Total stockholders"))
    assert total.balance_at == "end"


SALES_BY_PRODUCT_AND_SERVICE = """<html><body>
<p>EXAMPLE CORP</p><p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(In millions, except per share amounts)</p>
<table>
<tr><td></td><td>Year Ended September 28, 2024</td><td>Year Ended September 30, 2023</td></tr>
<tr><td>Net sales:</td><td></td><td></td></tr>
<tr><td>Products</td><td>$ 294,866</td><td>$ 298,085</td></tr>
<tr><td>Services</td><td>96,169</td><td>85,200</td></tr>
<tr><td>Total net sales</td><td>391,035</td><td>383,285</td></tr>
<tr><td>Cost of sales:</td><td></td><td></td></tr>
<tr><td>Products</td><td>185,233</td><td>189,282</td></tr>
<tr><td>Services</td><td>25,119</td><td>24,855</td></tr>
<tr><td>Total cost of sales</td><td>210,352</td><td>214,137</td></tr>
<tr><td>Gross margin</td><td>180,683</td><td>169,148</td></tr>
<tr><td>Net income</td><td>$ 93,736</td><td>$ 96,995</td></tr>
<tr><td>Basic earnings per share</td><td>$ 6.11</td><td>$ 6.16</td></tr>
</table></body></html>"""


def test_sales_by_product_and_service_are_the_totals_concept_for_each_member(tmp_path: Path) -> None:
    """Apple's "Net sales: Products / Services / Total net sales": the parts are revenue for
    the product and the service member, not a cost of goods sold and professional fees;
    Arelle accepts them, and the total adds up through them."""
    path = tmp_path / "is.htm"
    path.write_text(SALES_BY_PRODUCT_AND_SERVICE)
    result = convert(path, tmp_path / "out", cik="0000320193")
    assert result.valid, result.validation
    assert result.unbalanced == []
    facts = {(f.concept, f.period, f.dims): f.value for f in read_facts(result.output / f"{result.model.stem}.xml")}
    axis = "srt:ProductOrServiceAxis"
    year = "2023-10-01--2024-09-28"
    total = next(c for c, p, d in facts if p == year and not d and facts[(c, p, d)] == "391035000000")
    assert facts[(total, year, ((axis, "us-gaap:ProductMember"),))] == "294866000000"
    assert facts[(total, year, ((axis, "us-gaap:ServiceMember"),))] == "96169000000"
    cost = next(c for c, p, d in facts if p == year and not d and facts[(c, p, d)] == "210352000000")
    assert facts[(cost, year, ((axis, "us-gaap:ServiceMember"),))] == "25119000000"
    assert not any(c == "us-gaap:ProfessionalFees" for c, _, _ in facts)
    # the details role that makes them valid sorts after every statement (EDGAR's EFM 6.7.12)
    definitions = sorted(r.definition for r in result.model.roles)
    assert "Disclosure" in definitions[-1] and all("Disclosure" not in d for d in definitions[:-1])


def test_the_buckle_earnings_release_converts(tmp_path: Path) -> None:
    source = SHARED / "corpus" / "legacy" / "BuckleInc.8-K.EX99.1.html"
    if not source.exists():
        pytest.skip("the legacy corpus is not present")
    result = convert(source, tmp_path / "out", cik="0000885245")
    assert result.valid, result.validation
    assert [ms.statement.kind for ms in result.statements] == ["IS", "BS"]
    assert all(not ms.unbalanced for ms in result.statements)
    facts = {(f.concept, f.period, f.dims): f.value for f in read_facts(result.output / f"{result.model.stem}.xml")}
    assert facts[("us-gaap:NetIncomeLoss", "2024-08-04--2024-11-02", ())] == "44172000"
    assert facts[("us-gaap:Assets", "2024-11-02", ())] == "976270000"
    assert facts[("us-gaap:EarningsPerShareDiluted", "2024-02-04--2024-11-02", ())] == "2.35"
    assert facts[("us-gaap:CommonStockSharesOutstanding", "2024-02-03", ())] == "50445186"
    assert facts[("us-gaap:AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment",
                  "2023-10-28", ())] == "359367000"


FISCAL = """\
EXAMPLE CORP
CONSOLIDATED BALANCE SHEETS
At December 29, 2024 and December 31, 2023
(Dollars in millions)

\t2024\t2023
Cash\t500\t400
Total assets\t500\t400

EXAMPLE CORP
CONSOLIDATED STATEMENTS OF EARNINGS
(Dollars in millions)

\t2024\t2023
Sales\t900\t800
Net earnings\t90\t80
"""


def test_bare_year_columns_take_their_dates_from_the_filing(tmp_path: Path) -> None:
    path = tmp_path / "fiscal.txt"
    path.write_text(FISCAL)
    filing = extract(read_document(path))
    bs, is_ = filing.statements
    # the caption names each year's own date
    assert [p.key for p in bs.periods] == ["2024-12-29", "2023-12-31"]
    # fiscal 2024 runs between the two balance-sheet dates; fiscal 2023 begins the day after
    # the year end a 52/53-week calendar puts nearest December 31, 2022 (Sunday, January 1)
    assert [p.key for p in is_.periods] == ["2024-01-01--2024-12-29", "2023-01-02--2023-12-31"]
    assert any("from the balance sheet's year ends" in w for w in is_.report.warnings)
    assert not filing.left_out


FIFTY_TWO_WEEKS = """\
EXAMPLE CORP
CONDENSED CONSOLIDATED BALANCE SHEETS
(In millions)

\tJune 27, 2025\tDecember 31, 2024
Cash\t500\t400
Total assets\t500\t400

EXAMPLE CORP
CONDENSED CONSOLIDATED STATEMENTS OF INCOME
(In millions)

\tSix Months Ended
\tJune 27, 2025
Net sales\t900
Net income\t90
"""


def test_a_period_starts_the_day_after_a_nearby_balance_sheet_date(tmp_path: Path) -> None:
    path = tmp_path / "weeks.txt"
    path.write_text(FIFTY_TWO_WEEKS)
    bs, is_ = extract(read_document(path)).statements
    assert [p.key for p in is_.periods] == ["2025-01-01--2025-06-27"]
    assert any("the day after the balance sheet date 2024-12-31" in w for w in is_.report.warnings)


SPACE_HEADERS = """\
EXAMPLE TOOLS, INC.
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands, except per share amounts)

                              Three Months Ended        Nine Months Ended
                                 September 30,            September 30,
                               2007        2006         2007        2006
                            ---------   ---------    ---------   ---------
Net sales                   $  12,500   $  10,000    $  36,000   $  30,000
Cost of sales                   7,500       6,500       21,600      19,500
                            ---------   ---------    ---------   ---------
Gross profit                    5,000       3,500       14,400      10,500
Operating expenses              3,000       2,900        9,000       8,700
                            ---------   ---------    ---------   ---------
Net income                  $   2,000   $     600    $   5,400   $   1,800
                            =========   =========    =========   =========
Net income per share        $    0.20   $    0.06    $    0.54   $    0.18
"""


def test_space_aligned_headers_spanning_two_columns(tmp_path: Path) -> None:
    path = tmp_path / "tools.txt"
    path.write_text(SPACE_HEADERS)
    statements = extract(read_document(path)).statements
    assert [s.kind for s in statements] == ["IS"]
    st = statements[0]
    assert [p.key for p in st.periods] == ["2007-07-01--2007-09-30", "2006-07-01--2006-09-30",
                                           "2007-01-01--2007-09-30", "2006-01-01--2006-09-30"]
    values = {i.label: [v.shown for v in i.values if v] for i in st.items}
    assert values["Net sales"] == [12500, 10000, 36000, 30000]
    assert values["Net income per share"] == [Decimal("0.20"), Decimal("0.06"), Decimal("0.54"), Decimal("0.18")]
