"""The questions of a 10-K or 10-Q cover page: check boxes, the filer category, the public
float, the shares outstanding and the securities registered under Section 12(b).

A cover page asks "Indicate by check mark whether the registrant is a shell company ...
Yes ☐ No ☒"; the mark printed beside "Yes" or "No" is the answer.  Marks vary by filer
and era (☒/☐, x/¨, þ/o, [X]/[ ]), so a mark counts as checked only when it is one of the
checked marks and the other answer's mark is not.  A question whose marks cannot be told
apart gets no answer: a value the document does not state is never invented.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from converter.extraction.periods import parse_date
from converter.model.statements import DatedCoverFact

CHECKED = r"(?:\[\s*[xX✓✔]\s*\]|[☒☑■ýþ✓✔xX])"
_UNCHECKED = r"(?:\[\s*\]|[☐□¨oq])"
_MARK = rf"(?:{CHECKED}|{_UNCHECKED})(?![A-Za-z])"  # a letter mark stands alone ("x", not "or")
_YES_NO = re.compile(rf"(?P<m1>{_MARK})?\s*\bYes\b\s*(?P<m2>{_MARK})?\s*(?P<m3>{_MARK})?\s*\bNo\b\s*(?P<m4>{_MARK})?",
                     re.I)

# (DEI element, what the question says, answer type): yes/no items take "Yes"/"No"
QUESTIONS: tuple[tuple[str, str, str], ...] = (
    ("EntityWellKnownSeasonedIssuer", r"well-known seasoned issuer", "yesNo"),
    ("EntityVoluntaryFilers", r"not required to file reports pursuant to Section 13", "yesNo"),
    ("EntityCurrentReportingStatus", r"has filed all reports required to be filed", "yesNo"),
    ("EntityInteractiveDataCurrent", r"submitted electronically.{0,80}Interactive Data File", "yesNo"),
    ("EntityShellCompany", r"is a shell company", "boolean"),
    ("IcfrAuditorAttestationFlag", r"attestation to its management.s assessment of the effectiveness", "boolean"),
)
FILER_CATEGORIES = (
    ("Large Accelerated Filer", r"Large accelerated filer"),
    ("Non-accelerated Filer", r"Non-accelerated filer"),
    ("Accelerated Filer", r"(?<!Large )(?<!Non-)\bAccelerated filer"),
)
_EXCHANGE_NAMES = (
    ("NASDAQ", r"nasdaq"), ("NYSEAMER", r"nyse\s+(?:amex|american|mkt)|american stock exchange"),
    ("NYSEArca", r"nyse\s+arca"), ("NYSE", r"new york stock exchange|\bnyse\b"),
    ("CBOE", r"\bcboe\b|chicago board options"),
)


def answer(line: str) -> bool | None:
    """True for Yes, False for No, None when the marks do not say."""
    m = _YES_NO.search(line)
    if not m:
        return None
    # marks before the answers ("☒ Yes ☐ No") or after them ("Yes x No ¨")
    first, second, third, fourth = m.group("m1", "m2", "m3", "m4")
    if first and (second or third) and not fourth:
        yes_mark, no_mark = first, second or third
    elif second and fourth and not first:
        yes_mark, no_mark = second, fourth
    else:
        return None
    yes, no = _is_checked(yes_mark), _is_checked(no_mark)
    if yes != no:
        return yes
    return None


def _is_checked(mark: str) -> bool:
    return re.fullmatch(CHECKED, mark.strip()) is not None


def questions(lines: list[str]) -> dict[str, str | bool]:
    """The cover page's yes/no questions that it answers."""
    out: dict[str, str | bool] = {}
    for key, pattern, kind in QUESTIONS:
        for i, line in enumerate(lines):
            if not re.search(pattern, line, re.I):
                continue
            # the answer is on the question's line or the next one
            said = answer(line) if _YES_NO.search(line) else answer(" ".join(lines[i:i + 2]))
            if said is not None:
                out[key] = ("Yes" if said else "No") if kind == "yesNo" else said
            break
    return out


def filer_category(lines: list[str]) -> dict[str, str | bool]:
    """The filer category box that is checked, and the smaller reporting company and
    emerging growth company boxes, from the lines that list them."""
    text = " ".join(line for line in lines if re.search(r"accelerated filer|smaller reporting|emerging growth",
                                                        line, re.I))
    out: dict[str, str | bool] = {}
    checked = [name for name, label in FILER_CATEGORIES if _box_checked(text, label)]
    if len(checked) == 1:
        out["EntityFilerCategory"] = checked[0]
    for key, label in (("EntitySmallBusiness", r"Smaller reporting company"),
                       ("EntityEmergingGrowthCompany", r"Emerging growth company")):
        state = _box_state(text, label)
        if state is not None:
            out[key] = state
    return out


def _box_state(text: str, label: str) -> bool | None:
    """Whether the box printed just after (or just before) a label is checked."""
    m = re.search(rf"{label}\s*(?:\([^)]*\))?\s*(?P<after>{_MARK})", text, re.I) or \
        re.search(rf"(?P<before>{_MARK})\s*{label}", text, re.I)
    if not m:
        return None
    return _is_checked(m.group(m.lastgroup or 0))


def _box_checked(text: str, label: str) -> bool:
    return _box_state(text, label) is True


_MONEY = r"\$\s*(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>billion|million|thousand)?"
_ON_DATE = r"(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
_FLOAT = re.compile(rf"aggregate market value.{{0,400}}?{_MONEY}", re.I | re.S)
_SHARES = re.compile(r"(?P<count>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s+(?:billion|million))\s+shares\s+of\s+"
                     r"(?:the\s+registrant.s\s+)?(?:common|capital|ordinary)\s+stock", re.I)
_SCALES = {"billion": 9, "million": 6, "thousand": 3}


def public_float(text: str) -> DatedCoverFact | None:
    """"As of December 31, 2008, the aggregate market value of ... held by non-affiliates
    ... was $149,769,380,603" (or "$169.6 billion"), dated by the nearest date before the
    amount in the same paragraph."""
    m = _FLOAT.search(text)
    if not m:
        return None
    day = _date_near(text, m.start("amount"))
    if day is None:
        return None
    value, decimals = _scaled(m.group("amount"), m.group("unit"))
    return DatedCoverFact("EntityPublicFloat", value, day, "monetary", decimals, m.group(0)[-60:])


# "shares of common stock outstanding as of DATE was N", "shares outstanding of the
# Registrant's Common Stock as of DATE was N" (Coca-Cola), and in a cover table "Number of
# shares of common stock outstanding as of DATE | N" (Amazon)
_SHARES_WAS = re.compile(rf"shares\s+(?:(?P<before>outstanding)\s+)?of\s+(?:the\s+registrant.s\s+)?common\s+stock"
                         rf"(?(before)|[^.]{{0,40}}?outstanding)\s+"
                         rf"(?:as\s+of|at|on)\s+{_ON_DATE}\s*(?:,\s*)?(?:was|were|:)?\s*(?:approximately\s+)?"
                         rf"(?P<count>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?\s+(?:billion|million))", re.I)


def shares_outstanding(text: str) -> DatedCoverFact | None:
    """"As of July 24, 2009, there were 8,884,859,749 shares of common stock outstanding",
    or "The number of shares of the registrant's common stock outstanding as of August 20,
    2025 was 24.3 billion"; one class only (several classes need a class-of-stock
    dimension: reported missing)."""
    stated = list(_SHARES_WAS.finditer(text))
    if len(stated) == 1:
        m = stated[0]
        words = m.group("count").split()
        value, decimals = _scaled(words[0], words[1] if len(words) > 1 else None)
        day = parse_date(m.group("date"))
        if day is not None:
            return DatedCoverFact("EntityCommonStockSharesOutstanding", value, day, "shares", decimals, m.group(0))
    found = [m for m in _SHARES.finditer(text) if "outstanding" in text[m.start(): m.end() + 120].lower()]
    if len(found) != 1:
        return None
    m = found[0]
    day = _date_near(text, m.start())
    if day is None:
        return None
    count = m.group("count")
    words = count.split()
    value, decimals = _scaled(words[0], words[1] if len(words) > 1 else None)
    return DatedCoverFact("EntityCommonStockSharesOutstanding", value, day, "shares", decimals, m.group(0))


def _date_near(text: str, at: int) -> date | None:
    """The date a cover-page number is given at: the last "as of <date>" before it in its
    sentence, else the first one after it ("... was $2.2 billion as of June 30, 2010")."""
    before = list(re.finditer(rf"(?:as of|at|on)\s+{_ON_DATE}", text[max(0, at - 300): at], re.I))
    after = re.search(rf"(?:as of|at|on)\s+{_ON_DATE}", text[at: at + 250], re.I)
    m = before[-1] if before else after
    return parse_date(m.group("date")) if m else None


def _scaled(amount: str, unit: str | None) -> tuple[Decimal, int]:
    number = Decimal(amount.replace(",", ""))
    places = len(amount.split(".", 1)[1]) if "." in amount else 0
    power = _SCALES.get((unit or "").lower(), 0)
    return number.scaleb(power), places - power


class Listing(NamedTuple):
    """A class of securities registered under Section 12(b): its title, the exchange's
    code and, where the cover prints it, its trading symbol."""

    title: str
    exchange: str
    symbol: str = ""


def securities_12b(lines: list[str]) -> list[Listing]:
    """Each class registered under Section 12(b), from the lines between "Securities
    registered pursuant to Section 12(b)" and "... 12(g)": a table row read as one line
    ("Common stock TSLA The Nasdaq Global Select Market") or one cell to a line (title,
    symbol, exchange)."""
    out: list[Listing] = []
    inside = False
    before: list[str] = []  # the lines since the last exchange
    for line in lines:
        if re.search(r"registered pursuant to Section\s*12\s*\(b\)", line, re.I):
            inside = True
            line = re.split(r"12\s*\(b\)\s*of the Act\s*:?", line, flags=re.I)[-1]
        elif inside and re.search(r"Section\s*12\s*\(g\)|Indicate by check mark", line, re.I):
            break
        if not inside or not line.strip():
            continue
        exchange = next(((code, m) for code, pattern in _EXCHANGE_NAMES if (m := re.search(pattern, line, re.I))), None)
        if exchange is None:
            before.append(line)
            continue
        code, m = exchange
        title, symbol = _title_and_symbol(line[: m.start()])
        if not title and before:  # the title (and symbol) on the lines above the exchange's
            symbol = before.pop().strip() if len(before) > 1 and _SYMBOL.fullmatch(before[-1].strip()) else ""
            title = _title_before(before[-1])
        if title:
            out.append(Listing(title, code, symbol))
        before = []
    return out


# "TSLA", "BRK.B", "IBM 25A": capitals and digits, no word of a title
_SYMBOL = re.compile(r"(?!(?:COMMON|CLASS|SERIES|STOCK|SHARES|NOTES|NONE|TITLE)\b)"
                     r"[A-Z][A-Z0-9.\-]{0,6}(?: [A-Z0-9]{1,4})?")


def _title_and_symbol(text: str) -> tuple[str, str]:
    """The title and the symbol of a row read as one line: the symbol is its last word
    in capitals, printed once or repeated (a cell spanning columns), where the title
    itself is not all in capitals ("COMMON STOCK" names no symbol)."""
    title = _title_before(text)
    words = title.split()
    if len(words) < 2 or not _SYMBOL.fullmatch(words[-1]) or text.isupper() \
            or words[-2].lower() in ("class", "series"):  # "Series A" is the title's
        return title, ""
    symbol = words[-1]
    while words and words[-1] == symbol:
        words.pop()
    return " ".join(words).rstrip(" ,;"), symbol


def _title_before(text: str) -> str:
    """The class title in front of the exchange name: "Common Stock, $0.01 par value"."""
    text = re.sub(r"\b(?:Title of each class|Name of each exchange on which registered|Trading Symbol\(s\))\b",
                  " ", text, flags=re.I)
    text = re.sub(r"(?:^|\s+)(?:The|on the)\s*$", "", text.strip(" ,;:"), flags=re.I)
    text = " ".join(text.split())
    if re.search(r"Section\s*12|registered pursuant", text, re.I):
        return ""
    return text.title() if text.isupper() else text


_FIRM_ID = re.compile(r"(?:PCAOB\s+(?:ID|Firm\s+ID)|Auditor\s+Firm\s+ID)\s*(?:No\.?|Number|is)?\s*[:#]?\s*"
                      r"(\d{1,5})\b", re.I)
_SIGNED = re.compile(r"/s/\s*([A-Z][A-Za-z&.,' -]{2,80}?(?:LLP|L\.L\.P\.|LLC|P\.C\.|P\.A\.|Ltd\.?|S\.A\.))")
_SERVED = re.compile(r"\s*We have served as the Company.s auditor since \d{4}\.?", re.I)
_CITY_DATE = re.compile(rf"\s*([A-Z][A-Za-z.' -]{{1,40}},\s*[A-Z][A-Za-z. ]{{1,30}}?)\s+{_ON_DATE}")
_ERROR_CORRECTION = re.compile(rf"reflect the correction of an error to previously issued financial statements\.?\s*"
                               rf"(?P<after>{_MARK})", re.I)


def auditor(text: str, in_tables: str = "") -> dict[str, str]:
    """The auditor a 10-K names: its PCAOB ID ("PCAOB ID: 238", which may also stand in a
    table's cells, ``in_tables``), the firm that signs the report ("/s/ PricewaterhouseCoopers
    LLP") and the city under the signature."""
    out: dict[str, str] = {}
    firm_id = _FIRM_ID.search(text) or _FIRM_ID.search(in_tables)
    if firm_id:
        out["AuditorFirmId"] = firm_id.group(1)
    report = re.search(r"Report of Independent Registered Public Accounting Firm", text, re.I)
    signed = _SIGNED.search(text, report.start() if report else 0)
    if signed:
        out["AuditorName"] = " ".join(signed.group(1).split())
        rest = text[signed.end(): signed.end() + 300]
        served = _SERVED.match(rest)
        place = _CITY_DATE.match(rest[served.end():] if served else rest)
        if place:
            out["AuditorLocation"] = " ".join(place.group(1).split())
    return out


def error_correction(lines: list[str]) -> dict[str, bool]:
    """The box after "... reflect the correction of an error to previously issued
    financial statements" (asked of 10-K filers since 2023)."""
    m = _ERROR_CORRECTION.search(" ".join(lines))
    return {"DocumentFinStmtErrorCorrectionFlag": _is_checked(m.group("after"))} if m else {}
