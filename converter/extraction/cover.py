"""Cover-page data: registrant, form, report date, file number, EIN, state, address,
phone, ticker and exchange, the Rule 425/14a-12/14d-2(b)/13e-4(c) boxes and the
amendment flag.

EDGAR cover pages print each value above or before a parenthesised caption ("(Exact
name of registrant as specified in its charter)"), so most fields are read as "the text
just before caption X".  Values are kept as printed except where DEI wants a code
(states, exchanges).
"""

from __future__ import annotations

import re

from converter.extraction.periods import parse_date
from converter.model.document import Document, TextBlock
from converter.model.statements import CoverData

US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
    "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
    "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND",
    "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}
EXCHANGES = {
    "nasdaq": "NASDAQ", "nasdaqgs": "NASDAQ", "nasdaqgm": "NASDAQ", "nasdaqcm": "NASDAQ",
    "nyse": "NYSE", "amex": "NYSEAMER", "nyse amex": "NYSEAMER", "nyse american": "NYSEAMER",
    "nyse mkt": "NYSEAMER", "nyse arca": "NYSEArca",
}
FORMS = r"(?:8-K|10-K|10-Q|10-KSB|10-QSB|20-F|40-F|6-K|S-1|S-4|10-K405)(?:/A)?"
CHECKBOXES = {
    "WrittenCommunications": r"Written communications pursuant to Rule 425",
    "SolicitingMaterial": r"Soliciting material pursuant to Rule 14a-12",
    "PreCommencementTenderOffer": r"Pre-?commencement communications pursuant to Rule 14d-2\(b\)",
    "PreCommencementIssuerTenderOffer": r"Pre-?commencement communications pursuant to Rule 13e-4\(c\)",
}
_CHECKED = re.compile(r"^\s*(?:\[\s*[xX✓✔]\s*\]|[☒☑■ýþ✓✔]|x\s)")
_VALUE_BEFORE = re.compile(r"([^()\n\t]{1,200})\s*$")


def _before(text: str, caption: str) -> str | None:
    """The value printed just before a parenthesised caption: "Delaware (State or other
    jurisdiction ...)".  The caption is found first and the value read backwards from it, so
    the search stays linear in the length of the text."""
    for m in re.finditer(r"\(\s*" + caption, text, re.I):
        before = _VALUE_BEFORE.search(text[max(0, m.start() - 200): m.start()])
        if before:
            value = before.group(1).strip(" ,;:")
            if value:
                return value
    return None


def extract_cover(document: Document, statement_orders: set[int]) -> CoverData:
    """Cover facts from the text blocks and non-statement tables before the statements
    (``statement_orders``: the document positions of the statements' tables)."""
    first_statement = min(statement_orders) if statement_orders else 10**9
    lines: list[str] = []
    for part in document.parts():
        if part.order >= first_statement:
            break
        if isinstance(part, TextBlock):
            lines.append(part.text)
        else:
            for row in part.rows:
                lines.extend(c for c in row.cells if c)
    text = "\n".join(lines)
    all_text = document.full_text
    cover = CoverData()
    f = cover.fields

    header = document.header
    form = header.get("form") or _first(rf"\bFORM\s+({FORMS})\b", text)
    if form:
        f["DocumentType"] = form.upper().removesuffix("/A")
        f["AmendmentFlag"] = form.upper().endswith("/A") or bool(
            re.search(r"\bAmendment\s+No\.\s*\d", text, re.I)
        )
    report_date = _first(
        r"Date of Report\s*\(Date of earliest event reported\)\s*:?\s*([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})",
        text,
    ) or _first(r"for the (?:quarterly period|fiscal year|period) ended\s*:?\s*([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})",
                text)
    if report_date and parse_date(report_date):
        f["DocumentPeriodEndDate"] = parse_date(report_date).isoformat()  # type: ignore[union-attr]
    name = header.get("company") or _before(text, r"Exact name of registrant")
    if name:
        f["EntityRegistrantName"] = " ".join(name.split())
    state = _before(text, r"State or other jurisdiction")
    if state and state.lower() in US_STATES:
        f["EntityIncorporationStateCountryCode"] = US_STATES[state.lower()]
    file_no = _before(text, r"Commission\s+file\s+number") or _first(
        r"Commission\s+file\s+number\s*:?\s*(\d{1,3}-\d{1,8})", text
    )
    if file_no and re.fullmatch(r"\d{1,3}-\d{1,8}(?:-.{1,4})?", file_no):
        f["EntityFileNumber"] = file_no
    ein = _before(text, r"I\.?R\.?S\.? Employer")
    if ein and re.fullmatch(r"\d{2}-\d{7}", ein):
        f["EntityTaxIdentificationNumber"] = ein
    address = _before(text, r"Address of principal executive offices")
    if address:
        _address(address, f)
    m = re.search(r"\(?(\d{3})\)?[\s.-]*(\d{3}[\s.-]\d{4})\s*\(\s*Registrant['’]s telephone", text, re.I)
    if m:
        f["CityAreaCode"] = m.group(1)
        f["LocalPhoneNumber"] = m.group(2).replace(" ", "-").replace(".", "-")
    m = re.search(r"\((NASDAQ|Nasdaq|NYSE(?: Amex| Arca| American| MKT)?|AMEX)\s*:\s*([A-Z][A-Z.]{0,5})\)",
                  all_text)
    if m:
        f["TradingSymbol"] = m.group(2)
        f["SecurityExchangeName"] = EXCHANGES[m.group(1).lower()]
    if form and form.upper().startswith("8-K"):
        for key, pattern in CHECKBOXES.items():
            line = _line_with(pattern, lines)
            if line is not None:
                f[key] = bool(_CHECKED.search(line))
    site = re.search(r"\b(www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)\b", all_text, re.I)
    cover.website = site.group(1).lower() if site else None
    _from_header(header, f)
    return cover


def _from_header(header: dict[str, str], f: dict[str, str | bool]) -> None:
    """An EDGAR submission header fills what the cover page did not say."""
    if header.get("cik"):
        f["EntityCentralIndexKey"] = header["cik"].zfill(10)
    if header.get("period") and "DocumentPeriodEndDate" not in f:
        p = header["period"]
        f["DocumentPeriodEndDate"] = f"{p[:4]}-{p[4:6]}-{p[6:]}"
    if header.get("state_of_incorporation") and "EntityIncorporationStateCountryCode" not in f:
        f["EntityIncorporationStateCountryCode"] = header["state_of_incorporation"]
    if header.get("ein") and "EntityTaxIdentificationNumber" not in f:
        f["EntityTaxIdentificationNumber"] = f"{header['ein'][:2]}-{header['ein'][2:]}"
    if header.get("file_number") and "EntityFileNumber" not in f:
        f["EntityFileNumber"] = header["file_number"]


def _first(pattern: str, text: str) -> str | None:
    m = re.search(pattern, text, re.I)
    return m.group(1).strip() if m else None


def _line_with(pattern: str, lines: list[str]) -> str | None:
    for line in lines:
        if re.search(pattern, line, re.I):
            return line
    return None


def _address(address: str, f: dict[str, str | bool]) -> None:
    """'21211 Nordhoff Street, Chatsworth, California 91311' into DEI address parts."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    m = re.match(r"(?P<state>[A-Za-z .]+?)\s+(?P<zip>\d{5}(?:-\d{4})?)$", parts[-1]) if parts else None
    if not m or len(parts) < 3:
        return
    state = m.group("state").strip()
    code = US_STATES.get(state.lower()) or (state.upper() if len(state) == 2 else None)
    if code is None:
        return
    f["EntityAddressAddressLine1"] = ", ".join(parts[:-2])
    f["EntityAddressCityOrTown"] = parts[-2]
    f["EntityAddressStateOrProvince"] = code
    f["EntityAddressPostalZipCode"] = m.group("zip")
