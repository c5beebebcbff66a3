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
from datetime import date, timedelta

from converter.extraction import cover_boxes
from converter.extraction.periods import parse_date
from converter.model.document import Document, Row, TextBlock
from converter.model.statements import CoverData, Statement, StatementKind

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
    for m in re.finditer(r"\(\s*(?:" + caption + ")", text, re.I):
        before = _VALUE_BEFORE.search(text[max(0, m.start() - 200): m.start()])
        if before:
            value = before.group(1).strip(" ,;:")
            if value:
                return value
    return None


_NOT_THE_COMPANY = re.compile(r"(?:^|\.)(?:sec|fasb|xbrl|pcaob|nasdaq|nyse|finra|irs|gov)\.|\.gov$", re.I)


_NAME_FILLER = frozenset("the inc corp corporation company co ltd llc plc holdings group platforms".split())


def company_site(text: str, name: str, ticker: str) -> str | None:
    """The company's own web site, to name its extension namespace: of the sites the text
    names, not a regulator's or standard setter's ("www.sec.gov"), those whose domain holds
    a word of the registrant's name or its symbol and end in ".com" come first (NVIDIA's
    10-K names LinkedIn and YouTube before www.nvidia.com), the shortest among them
    ("www.stock.walmart.com" is the investors' site); else the first ("www.abc.xyz")."""
    sites = [m.group(1).lower() for m in re.finditer(r"\b(www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)\b", text, re.I)]
    sites = [site for site in sites if not _NOT_THE_COMPANY.search(site)]
    words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", f"{name} {ticker}")} - _NAME_FILLER
    own = [site for site in sites if site.endswith(".com") and any(w in site.replace("-", "") for w in words)]
    if own:
        return min(own, key=lambda site: (site.count("."), own.index(site)))
    return sites[0] if sites else None


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
            lines.extend(_table_lines(part.rows))
    text = "\n".join(lines)
    all_text = document.full_text
    cover = CoverData()
    f = cover.fields

    header = document.header
    form = header.get("form") or _first(rf"\bFORM\s+({FORMS})\b", text)
    if form:
        f["DocumentType"] = form.upper().removesuffix("/A")
        # "(Amendment No. 1)" under the form's name; not an exhibit list's "Amendment No. 1
        # to the Deferred Compensation Plan" (Home Depot's 10-K)
        f["AmendmentFlag"] = form.upper().endswith("/A") or bool(
            re.search(r"\bAmendment\s+No\.\s*\d+\s*\)?\s*$", "\n".join(lines[:30]), re.I | re.M)
        )
    report_date = _first(
        r"Date of Report\s*\(Date of earliest event reported\)\s*:?\s*([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})",
        text,
    ) or _first(r"for the (?:quarterly period|quarter|fiscal year|year|period) ended"
                r"\s*:?\s*([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})", text)
    if report_date and parse_date(report_date):
        f["DocumentPeriodEndDate"] = parse_date(report_date).isoformat()  # type: ignore[union-attr]
    name = header.get("company") or _before(text, r"Exact name of registrant") or _registrant(lines)
    if name:
        f["EntityRegistrantName"] = " ".join(name.split())
    state = _before(text, r"State or other jurisdiction|State of incorporation|Jurisdiction of incorporation")
    if state and state.lower() in US_STATES:
        f["EntityIncorporationStateCountryCode"] = US_STATES[state.lower()]
    file_no = _before(text, r"Commission\s+file\s+number") or _first(
        r"Commission\s+file\s+(?:number|no\.?)\s*:?\s*(\d{1,3}-\d{1,8})", text
    )
    if file_no and re.fullmatch(r"\d{1,3}-\d{1,8}(?:-.{1,4})?", file_no):
        f["EntityFileNumber"] = file_no
    ein = _before(text, r"I\.?R\.?S\.? (?:Employer|ID)|Employer Identification") or _first(
        r"Employer Identification (?:No\.?|Number)\s*:?\s*(\d{2}-\d{7})", text)
    if ein and re.fullmatch(r"\d{2}-\d{7}", ein):
        f["EntityTaxIdentificationNumber"] = ein
    for address in (_before(text, r"Address of principal executive offices"), _address_around_caption(lines),
                    _address_line(lines)):
        if address and _address(address, f):
            break
    m = re.search(r"\(?(\d{3})\)?[\s.-]*(\d{3}[\s.-]\d{4})\s*\(\s*Registrant['’]s telephone", text, re.I) or \
        next((m for line in lines[:80] if (m := _PHONE_LINE.fullmatch(line.strip()))), None)
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
    if form and form.upper().startswith(("10-K", "10-Q")):
        page = _cover_page(lines)
        _periodic_report(form.upper(), page, document, cover)
    cover.website = company_site(all_text, str(f.get("EntityRegistrantName", "")), cover.ticker or "")
    _from_header(header, f)
    return cover


def _periodic_report(form: str, lines: list[str], document: Document, cover: CoverData) -> None:
    """What a 10-K or 10-Q cover page answers: the kind of report, its check boxes, filer
    category, public float, shares outstanding and the securities registered on exchanges."""
    f = cover.fields
    text, all_text = "\n".join(lines), document.full_text
    annual = form.startswith("10-K")
    f["DocumentAnnualReport" if annual else "DocumentQuarterlyReport"] = True
    transition = next((line for line in lines if re.search(r"TRANSITION REPORT PURSUANT", line, re.I)), None)
    if transition is not None:
        f["DocumentTransitionReport"] = bool(re.match(rf"\s*{cover_boxes.CHECKED}", transition))
    f.update(cover_boxes.questions(lines))
    f.update(cover_boxes.filer_category(lines))
    if annual:
        f.update(cover_boxes.error_correction(lines))
        # the auditor's firm ID may stand in a table (the report's entry in the index)
        in_tables = "\n".join(c for t in document.tables for r in t.rows for c in r.cells
                               if "PCAOB" in c or "Firm ID" in c)
        f.update(cover_boxes.auditor(all_text, in_tables))
    for found in (cover_boxes.public_float(text) if annual else None, cover_boxes.shares_outstanding(text)):
        if found is not None:
            cover.dated.append(found)
    listed = cover_boxes.securities_12b(lines)
    cover.ticker = next((x.symbol for x in listed if x.symbol), None)
    symbols = {x.symbol for x in listed if x.symbol}
    if symbols and f.get("TradingSymbol") not in symbols:  # "(NASDAQ: ITCI)": a company the text names
        f.pop("TradingSymbol", None)
        f.pop("SecurityExchangeName", None)
    if len(listed) == 1:
        f["Security12bTitle"], f["SecurityExchangeName"] = listed[0].title, listed[0].exchange
        symbol = re.search(r"under the (?:ticker )?symbol\s+[\"“']?([A-Z]{1,5})\b", all_text)
        if listed[0].symbol:
            f["TradingSymbol"] = listed[0].symbol
        elif symbol and "TradingSymbol" not in f:
            f["TradingSymbol"] = symbol.group(1)
    elif len(listed) > 1:
        cover.missing.append("Security12bTitle: several classes are listed (a class-of-stock dimension this "
                             "version does not write)")


_COVER_END = re.compile(r"DOCUMENTS INCORPORATED BY REFERENCE|^\s*PART\s+I\b|^\s*(?:INDEX|TABLE OF CONTENTS)\s*$",
                        re.I)


def _cover_page(lines: list[str]) -> list[str]:
    """The cover page's lines: up to the documents incorporated by reference, the index or
    Part I (and never more than 400 lines: a cover may list dozens of registered notes)."""
    end = next((i for i, line in enumerate(lines[:400]) if i > 10 and _COVER_END.search(line)), 400)
    return lines[: end + 2]  # the line that ends it may still carry the shares outstanding


_PHONE_LINE = re.compile(r"(?:Telephone|Tel\.?|Phone)?[:\s]*\(?(\d{3})\)?[\s.-]*(\d{3}[\s.-]\d{4})", re.I)
_FILE_NUMBER_CAPTION = re.compile(r"commission\s+file\s+(?:number|no\.?)", re.I)
_ZIP_AT_END = re.compile(r",\s*[A-Za-z .]+\s+\d{5}(?:-\d{4})?\s*$")
_COMPANY = re.compile(r"\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.p|plc|holdings)\b\.?",
                      re.I)


def _registrant(lines: list[str]) -> str | None:
    """A cover page without the "(Exact name of registrant ...)" caption: the first short
    line after the commission file number that names a company ("MICROSOFT CORPORATION")."""
    after = next((i for i, line in enumerate(lines[:80]) if _FILE_NUMBER_CAPTION.search(line)), None)
    if after is None:
        return None
    for line in lines[after + 1: after + 6]:
        if len(line) <= 80 and _COMPANY.search(line) and not line.startswith("("):
            return line.strip()
    return None


def _address_line(lines: list[str]) -> str | None:
    """A cover page without the address caption: the first line that ends in a state and ZIP code."""
    return next((line for line in lines[:80] if _ZIP_AT_END.search(line) and len(line) <= 150
                 and not re.search(r"Washington,\s*D\.?\s*C\.?\s+20549", line)), None)  # the SEC's own


_ZIP_LINE = re.compile(r"^\s*(\d{5}(?:-\d{4})?)\s*(?:\(\s*Zip\s+Code\s*\))?\s*$", re.I)
_ZIP_AT_THE_END = re.compile(r"\s+(\d{5}(?:-\d{4})?)$")


def _address_around_caption(lines: list[str]) -> str | None:
    """A cover table that sets the address over several cells: "City, State (Address of
    principal executive offices)" with the street on the line above (Apple, Coca-Cola, Home
    Depot) or before the city (NVIDIA, Procter & Gamble), the ZIP code after it ("95014 (Zip
    Code)") or in it; or the caption on a line of its own below "Mountain View, CA 94043"
    (Alphabet).  The result still has to read as an address (``_address``)."""
    for k, line in enumerate(lines[:120]):
        at = line.lower().find("(address of principal executive offices")
        if at < 0:
            continue
        value, above = line[:at].strip(" ,"), k - 1
        if not value and k > 0:  # the caption on a line of its own
            value, above = lines[k - 1].strip(" ,"), k - 2
        zip_code = _ZIP_AT_THE_END.search(value)
        if zip_code:
            value = value[: zip_code.start()]
            code = zip_code.group(1)
        else:
            code = next((m.group(1) for near in lines[k + 1: k + 3] if (m := _ZIP_LINE.match(near))), "")
        street = lines[above].strip(" ,") if above >= 0 else ""
        if value.count(",") == 1 and street and "(" not in street and not _ZIP_LINE.match(street):
            value = f"{street}, {value}"  # "One Apple Park Way" above "Cupertino, California"
        return f"{value} {code}" if code else None
    return None


def _table_lines(rows: list[Row]) -> list[str]:
    """A cover table's cells as lines; a value above its caption ("WASHINGTON" over
    "(STATE OF INCORPORATION)") becomes one line, "WASHINGTON (STATE OF INCORPORATION)"."""
    out: list[str] = []
    skip = -1
    for k, row in enumerate(rows):
        if k == skip:
            continue
        below = rows[k + 1].cells if k + 1 < len(rows) else []
        # a header cell repeated over the columns it spans is one value
        filled = [(j, c) for j, c in enumerate(row.cells) if c and (j == 0 or c != row.cells[j - 1])]
        captions = {j: c for j, c in enumerate(below) if c.startswith("(")}
        if filled and captions and all(j in captions for j, _ in filled):
            out.extend(f"{c} {captions[j]}" for j, c in filled)
            skip = k + 1
        else:
            out.extend(c for _, c in filled)
    return out


_ADDRESS = ("EntityAddressAddressLine1", "EntityAddressCityOrTown", "EntityAddressStateOrProvince",
            "EntityAddressPostalZipCode", "CityAreaCode", "LocalPhoneNumber")
_ENTITY = ("DocumentType", "DocumentPeriodEndDate", "AmendmentFlag", "EntityRegistrantName",
           "EntityIncorporationStateCountryCode", "EntityFileNumber", "EntityTaxIdentificationNumber", *_ADDRESS)
# the cover facts EDGAR asks of each form (EFM 6.5.20-6.5.54, EDGAR's dei-validations.json)
REQUIRED_COVER: dict[str, tuple[str, ...]] = {
    "8-K": (*_ENTITY, "WrittenCommunications", "SolicitingMaterial", "PreCommencementTenderOffer",
            "PreCommencementIssuerTenderOffer", "EntityEmergingGrowthCompany"),
    "10-Q": (*_ENTITY, "DocumentQuarterlyReport", "DocumentTransitionReport", "DocumentFiscalYearFocus",
             "DocumentFiscalPeriodFocus", "CurrentFiscalYearEndDate", "EntityCurrentReportingStatus",
             "EntityInteractiveDataCurrent", "EntityFilerCategory", "EntitySmallBusiness",
             "EntityEmergingGrowthCompany", "EntityShellCompany", "EntityCommonStockSharesOutstanding"),
    "10-K": (*_ENTITY, "DocumentAnnualReport", "DocumentTransitionReport", "DocumentFiscalYearFocus",
             "DocumentFiscalPeriodFocus", "CurrentFiscalYearEndDate", "EntityWellKnownSeasonedIssuer",
             "EntityVoluntaryFilers", "EntityCurrentReportingStatus", "EntityInteractiveDataCurrent",
             "EntityFilerCategory", "EntitySmallBusiness", "EntityEmergingGrowthCompany", "EntityShellCompany",
             "IcfrAuditorAttestationFlag", "EntityPublicFloat", "EntityCommonStockSharesOutstanding",
             "DocumentFinStmtErrorCorrectionFlag", "AuditorName", "AuditorLocation", "AuditorFirmId"),
}


def report_missing(cover: CoverData) -> None:
    """Name every cover fact the form asks for that the document does not state (it is
    reported, never invented)."""
    form = str(cover.fields.get("DocumentType", ""))
    stated = set(cover.fields) | {d.key for d in cover.dated} | {m.split(":", 1)[0] for m in cover.missing}
    for key in REQUIRED_COVER.get(form, ()):
        if key not in stated:
            cover.missing.append(f"{key}: the document does not state it")


def fiscal_focus(cover: CoverData, statements: list[Statement]) -> None:
    """The fiscal year and period a 10-K or 10-Q reports on, and the fiscal year's end, from
    its form and report date (and, for a quarter, the balance sheet's last year end)."""
    f = cover.fields
    form, end_text = str(f.get("DocumentType", "")), f.get("DocumentPeriodEndDate")
    if not form.startswith(("10-K", "10-Q")) or not isinstance(end_text, str):
        return
    end = date.fromisoformat(end_text)
    if form.startswith("10-K"):
        year_end, period = end, "FY"
    else:
        earlier = [p.end for s in statements if s.kind == StatementKind.BS and not s.parenthetical
                   for p in s.periods if p.end < end]
        if not earlier:
            cover.missing.append("DocumentFiscalPeriodFocus: no balance sheet date before the report date")
            return
        year_end = max(earlier)
        period = {3: "Q1", 6: "Q2", 9: "Q3"}.get(round((end - year_end).days / 30.44), "")
        if not period:
            cover.missing.append("DocumentFiscalPeriodFocus: the report date is no quarter after the year end")
            return
        year_end = year_end + timedelta(days=365)
    # a 52/53-week year that ends in the first days of January is named for the year before
    f["DocumentFiscalYearFocus"] = str(year_end.year - 1 if year_end.month == 1 and year_end.day <= 7
                                       else year_end.year)
    f["DocumentFiscalPeriodFocus"] = period
    f["CurrentFiscalYearEndDate"] = f"--{year_end:%m-%d}"


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


def _address(address: str, f: dict[str, str | bool]) -> bool:
    """'21211 Nordhoff Street, Chatsworth, California 91311' into DEI address parts
    (whether it reads as one)."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    m = re.match(r"(?P<state>[A-Za-z .]+?)\s+(?P<zip>\d{5}(?:-\d{4})?)$", parts[-1]) if parts else None
    if not m or len(parts) < 3:
        return False
    state = m.group("state").strip()
    code = US_STATES.get(state.lower()) or (state.upper() if len(state) == 2 else None)
    if code is None:
        return False
    f["EntityAddressAddressLine1"] = ", ".join(parts[:-2])
    f["EntityAddressCityOrTown"] = parts[-2]
    f["EntityAddressStateOrProvince"] = code
    f["EntityAddressPostalZipCode"] = m.group("zip")
    return True
