"""The questions of a 10-K or 10-Q cover page, read as printed and never guessed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.extraction.cover import company_site, fiscal_focus
from converter.extraction.cover_boxes import (
    answer,
    filer_category,
    public_float,
    questions,
    securities_12b,
    shares_outstanding,
)
from converter.model.statements import CoverData, Period, Statement, StatementKind


@pytest.mark.parametrize(("line", "said"), [
    ("Yes x No ¨", True), ("Yes ¨ No x", False), ("☒ Yes ☐ No", True), ("☐ Yes ☒ No", False),
    ("Yes þ No o", True), ("YES [X] NO [ ]", True), ("Yes No", None), ("Yes ☒ No ☒", None),
])
def test_yes_no_marks(line: str, said: bool | None) -> None:
    assert answer(line) is said


def test_questions_and_filer_category() -> None:
    lines = [
        "Indicate by check mark if the registrant is a well-known seasoned issuer, as defined in Rule 405. Yes x No ¨",
        "Indicate by check mark whether the registrant is a shell company (as defined in Rule 12b-2). Yes ¨ No x",
        "Indicate by check mark whether the registrant is a large accelerated filer, an accelerated filer, a "
        "non-accelerated filer or a smaller reporting company.",
        "Large accelerated filer ¨ Accelerated filer ¨",
        "Non-accelerated filer x (Do not check if a smaller reporting company) Smaller reporting company ¨",
    ]
    assert questions(lines) == {"EntityWellKnownSeasonedIssuer": "Yes", "EntityShellCompany": False}
    # "or a smaller" in the question is no unchecked "o" box
    assert filer_category(lines) == {"EntityFilerCategory": "Non-accelerated Filer", "EntitySmallBusiness": False}


def test_public_float_and_shares_at_their_own_dates() -> None:
    text = ("As of December 31, 2008, the aggregate market value of the registrant's common stock held by "
            "non-affiliates of the registrant was $149,769,380,603 based on the closing sale price. As of July 27, "
            "2009, there were 8,910,673,817 shares of common stock outstanding.")
    value = public_float(text)
    assert value is not None and (value.value, value.day, value.decimals) == (
        Decimal(149769380603), date(2008, 12, 31), 0)
    shares = shares_outstanding(text)
    assert shares is not None and (shares.value, shares.day) == (Decimal(8910673817), date(2009, 7, 27))
    approx = public_float("The aggregate market value of the voting stock held by non-affiliates of the registrant, "
                          "as of March 29, 2008, was approximately $119.6 billion")
    assert approx is not None and (approx.value, approx.decimals) == (Decimal("119.6E9"), -8)
    modern = shares_outstanding("The number of shares of the registrant's common stock outstanding as of "
                                "August 20, 2025 was 24.3 billion.")
    assert modern is not None and (modern.value, modern.day) == (Decimal("24.3E9"), date(2025, 8, 20))


def test_securities_registered_under_12b() -> None:
    assert securities_12b(["Securities registered pursuant to Section 12(b) of the Act:", "COMMON STOCK NASDAQ",
                           "Securities registered pursuant to Section 12(g) of the Act:", "NONE"]) == [
        ("Common Stock", "NASDAQ", "")]
    assert securities_12b(["Securities registered pursuant to Section 12(b) of the Act:", "Title of each class",
                           "Name of each exchange on which registered", "Common Stock, $0.001 par value",
                           "New York Stock Exchange", "Securities registered pursuant to Section 12(g)"]) == [
        ("Common Stock, $0.001 par value", "NYSE", "")]


def test_trading_symbols_registered_under_12b() -> None:
    """A row read as one line, its symbol cell repeated where it spans columns; and a row
    read one cell to a line; a title that ends in "Series A" keeps it."""
    header = ["Securities registered pursuant to Section 12(b) of the Act:",
              "Title of each class Trading Symbol(s) Trading Symbol(s) Name of each exchange on which registered"]
    assert securities_12b([*header, "Common stock TSLA TSLA TSLA The Nasdaq Global Select Market"]) == [
        ("Common stock", "NASDAQ", "TSLA")]
    assert securities_12b([*header, "Depositary Shares of Series A New York Stock Exchange"]) == [
        ("Depositary Shares of Series A", "NYSE", "")]
    cells = ["Securities registered pursuant to Section 12(b) of the Act:", "Title of each class",
             "Trading Symbol", "Name of each exchange on which registered", "Common Stock, without Par Value",
             "PG", "NYSE", "1.375% Notes due 2025", "PG25", "NYSE", "Indicate by check mark whether"]
    assert securities_12b(cells) == [("Common Stock, without Par Value", "NYSE", "PG"),
                                     ("1.375% Notes due 2025", "NYSE", "PG25")]


def _balance_sheet(*ends: date) -> Statement:
    return Statement(StatementKind.BS, "", [Period(end=e) for e in ends], [], 0, "", frozenset())


def test_fiscal_focus() -> None:
    annual = CoverData({"DocumentType": "10-K", "DocumentPeriodEndDate": "2023-01-01"})
    fiscal_focus(annual, [])
    assert (annual.fields["DocumentFiscalYearFocus"], annual.fields["DocumentFiscalPeriodFocus"],
            annual.fields["CurrentFiscalYearEndDate"]) == ("2022", "FY", "--01-01")  # a 52/53-week year
    quarter = CoverData({"DocumentType": "10-Q", "DocumentPeriodEndDate": "2025-07-27"})
    fiscal_focus(quarter, [_balance_sheet(date(2025, 7, 27), date(2025, 1, 26))])
    assert (quarter.fields["DocumentFiscalYearFocus"], quarter.fields["DocumentFiscalPeriodFocus"]) == ("2026", "Q2")
    unknown = CoverData({"DocumentType": "10-Q", "DocumentPeriodEndDate": "2025-07-27"})
    fiscal_focus(unknown, [])
    assert "DocumentFiscalPeriodFocus" not in unknown.fields and unknown.missing


def test_missing_cover_facts_are_named_not_invented() -> None:
    from converter.extraction.cover import report_missing

    cover = CoverData({"DocumentType": "8-K", "DocumentPeriodEndDate": "2006-11-09", "AmendmentFlag": False,
                       "EntityRegistrantName": "X Corp", "WrittenCommunications": False})
    report_missing(cover)
    named = {m.split(":", 1)[0] for m in cover.missing}
    assert "EntityEmergingGrowthCompany" in named and "SolicitingMaterial" in named
    assert "EntityRegistrantName" not in named and "EntityEmergingGrowthCompany" not in cover.fields


def test_the_report_date_of_a_quarter_ended(tmp_path: Path) -> None:
    """IBM's cover says "FOR THE QUARTER ENDED JUNE 30, 2025", not "for the quarterly period
    ended": either gives the document's period end date."""
    from converter.extraction.cover import extract_cover
    from converter.readers import read_document
    path = tmp_path / "q.htm"
    path.write_text("<html><body><p>FORM 10-Q</p><p>QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE "
                    "SECURITIES EXCHANGE ACT OF 1934</p><p>FOR THE QUARTER ENDED JUNE 30, 2025</p>"
                    "<p>EXAMPLE CORPORATION</p></body></html>")
    assert extract_cover(read_document(path), set()).fields["DocumentPeriodEndDate"] == "2025-06-30"


def _cover_of(tmp_path: Path, body: str) -> dict[str, object]:
    from converter.extraction.cover import extract_cover
    from converter.readers import read_document
    path = tmp_path / "cover.htm"
    path.write_text(f"<html><body>{body}</body></html>")
    return dict(extract_cover(read_document(path), set()).fields)


def test_an_exhibit_amending_a_plan_does_not_make_the_report_an_amendment(tmp_path: Path) -> None:
    """Home Depot's 10-K lists "Amendment No. 1 to The Home Depot Deferred Compensation Plan"
    among its exhibits; only "(Amendment No. 1)" on the cover makes the report an amendment."""
    exhibits = "".join(f"<p>10.{n} Amendment No. {n} to The Example Deferred Compensation Plan</p>" for n in range(40))
    assert _cover_of(tmp_path, f"<p>FORM 10-K</p>{exhibits}")["AmendmentFlag"] is False
    assert _cover_of(tmp_path, "<p>FORM 10-K</p><p>(Amendment No. 1)</p>")["AmendmentFlag"] is True


@pytest.mark.parametrize("cells", [
    # Apple: the street above "City, State (Address ...)", the ZIP code in a cell of its own
    "<tr><td>One Apple Park Way</td></tr><tr><td>Cupertino, California</td><td>95014</td></tr>"
    "<tr><td>(Address of principal executive offices)</td><td>(Zip Code)</td></tr>",
    # Alphabet: the whole address above a caption of its own
    "<tr><td>One Apple Park Way</td></tr><tr><td>Cupertino, California 95014</td></tr>"
    "<tr><td>(Address of principal executive offices, including zip code)</td></tr>",
])
def test_an_address_set_over_cover_table_cells(tmp_path: Path, cells: str) -> None:
    state = ("<tr><td>California</td><td>94-2404110</td></tr><tr><td>(State or other jurisdiction of "
             "incorporation)</td><td>(I.R.S. Employer Identification No.)</td></tr>")
    fields = _cover_of(tmp_path, f"<p>FORM 10-K</p><table>{state}{cells}</table>")
    assert [fields.get(k) for k in ("EntityAddressAddressLine1", "EntityAddressCityOrTown",
                                    "EntityAddressStateOrProvince", "EntityAddressPostalZipCode")] == [
        "One Apple Park Way", "Cupertino", "CA", "95014"]


@pytest.mark.parametrize(("text", "count"), [
    ("The number of shares outstanding of the Registrant\u2019s Common Stock as of February 18, 2025 was "
     "4,301,000,395.", Decimal(4301000395)),
    ("Number of shares of common stock outstanding as of January 29, 2025\n10,597,729,352", Decimal(10597729352)),
])
def test_shares_outstanding_in_other_words(text: str, count: Decimal) -> None:
    """Coca-Cola: "shares outstanding of the Registrant's Common Stock as of DATE was N";
    Amazon's cover table: the count in the cell after "... outstanding as of DATE"."""
    from converter.extraction.cover_boxes import shares_outstanding
    found = shares_outstanding(text)
    assert found is not None and found.value == count


def test_the_company_site_names_the_namespace() -> None:
    """The registrant's own site, not the first one the text names (NVIDIA's 10-K names
    LinkedIn first); a regulator's never; without one of its own, the first."""
    text = "Follow us on www.linkedin.com and www.youtube.com. Filings at www.sec.gov; see www.nvidia.com."
    assert company_site(text, "NVIDIA CORPORATION", "NVDA") == "www.nvidia.com"
    assert company_site("Investors: www.abc.xyz; www.sec.gov", "Alphabet Inc.", "GOOGL") == "www.abc.xyz"
    assert company_site("See www.stock.walmart.com and www.walmart.com", "Walmart Inc.", "WMT") == "www.walmart.com"
    assert company_site("Filed with www.sec.gov", "Example Corp", "") is None
