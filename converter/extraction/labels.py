"""Facts written inside line-item labels, and the label left once they are taken out.

"Common stock, $.001 par value; 415,000,000 shares authorized; 104,765,257 shares issued
... at September 30, 2006" holds a par value, shares authorized and shares issued and
outstanding at each date.  Each number becomes an ``EmbeddedFact`` with a plain-words
role; the mapper chooses concepts for the roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from converter.extraction.periods import parse_date
from converter.model.statements import TAX_BENEFIT, TAX_EXPENSE, Amount, EmbeddedFact, Period

_MONEY = r"\$\s*(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
_COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_DATE_TEXT = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}"
)
# "net of income tax benefit (expense) of $(134), $63 and $(49)", "(net of tax
# (benefit)/expense of $(442), $66 and $(197), respectively)": the tax netted out of the row,
# one amount a column; the word outside the parentheses says what a positive amount is, so
# a plain "net of tax of $100", which says neither, is not read
_SIGNED_MONEY = rf"\$\s*\(\s*[\d,.]+\s*\)|{_MONEY}"
_TAX_WORD = r"\(?\s*(?:benefit|expense|provision)\s*\)?"
_NET_OF_TAX = re.compile(
    rf"net\s+of\s+(?:income\s+)?tax(?:es)?\s+(?P<way>{_TAX_WORD}(?:\s*/\s*|\s+)?(?:{_TAX_WORD})?)\s*of\s+"
    rf"(?P<amounts>(?:{_SIGNED_MONEY})(?:\s*,?\s*(?:and\s+)?(?:{_SIGNED_MONEY}))*)", re.I)
_INCLUDES = re.compile(
    rf"\(\s*(?:includes?|including)\s+(?P<what>[a-z][a-z\- ]*?)\s+of\s+"
    rf"(?P<amounts>{_MONEY}(?:\s*,\s*(?:and\s+)?{_MONEY}|\s+and\s+{_MONEY})*)"
    rf"[^)]*?respectively\s*\)",
    re.I,
)
_NONE_ISSUED = re.compile(r"\bnone\s+issued\b|\bno\s+shares\s+issued\b", re.I)
# "$.001 par value" or "par value $1.00 per share": read as a fact, then cleaned from the label
_PAR = re.compile(
    rf"\s*[,—–-]*\s*(?:({_MONEY})\s+)?\b(?:par|stated)\s+value(?:\s+(?:of\s+)?({_MONEY}))?(?:\s+per\s+share)?", re.I)
# "no par value" says nothing the concept needs; "Capital in excess of par value" without an
# amount is what the row is, not a fact written into it
_NO_PAR = re.compile(r"\s*[,—–-]?\s*\b(?:no|without)\s+par(?:\s+value)?\b", re.I)
# "(authorized 10 shares; issued 5)": the parenthesis only ("Purchases (607,202 shares) and
# sales (833,460 shares) of treasury stock" keeps what follows it), or to the end if unclosed
_SHARE_PARENTHETICAL = re.compile(r"\s*\([^)]*\b(?:authorized|issued|outstanding|shares)\b[^)]*(?:\)|$)", re.I)
_AT_DATE_AMOUNT = re.compile(rf"({_MONEY})\s+(?:at|as\s+of)\s+({_DATE_TEXT})", re.I)
_IN_YEAR_AMOUNT = re.compile(rf"({_MONEY})\s+(?:in|at|for)\s+(?:fiscal\s+)?((?:19|20)\d{{2}})\b", re.I)
_RESPECTIVE_AMOUNTS = re.compile(
    rf"of\s+({_MONEY}(?:\s*,\s*(?:and\s+)?{_MONEY}|\s+and\s+{_MONEY})+)[^;]*?respectively", re.I
)
# ", net of allowance of $5", "(net of tax (benefit)/expense of $(442), $66 and $(197),
# respectively)": to the end of the label, with the parenthesis that opens it
# ("..., Net of Tax, Per Diluted Share" keeps what the row counts; "net of cash acquired"
# says which concept the row is: PaymentsToAcquireBusinessesNetOfCashAcquired; "net of
# refunds" that the row is a cash payment: IncomeTaxesPaidNet)
_NET_OF = re.compile(r"(?:\s*\(\s*|,?\s*)net\s+of\b(?!\s+(?:cash|refunds?)\b)(?:[^;]*?\$.*|[^;$\d(]*?)"
                     r"(?=,\s*per\s+(?:basic\s+|diluted\s+|common\s+)?share\s*$|$)", re.I)
# "less allowances of $72 in 2009", "(less allowance for doubtful accounts of $35 and $32)",
# "less accumulated depreciation of $2,574": the row is the net amount.  Not "less current
# portion", which says what the row leaves for later years, not that it is net
_LESS_CONTRA = (r"less:?\s+(?:an?\s+|the\s+|related\s+)?"
                r"(?:allowances?|reserves?|accumulated\s+(?:depreciation|amortization))\b")
_LESS = re.compile(rf"(?<=\w)\s*(?:\(\s*{_LESS_CONTRA}[^)]*\)?|,?\s*{_LESS_CONTRA}.*$)", re.I)
# "(Note 7)", "(See Notes 3 and 4)", "[Note 12]": where the notes tell more, not what the row is
_NOTE_REFERENCE = re.compile(
    r"\s*[(\[]\s*(?:see\s+)?notes?\s+\d+[a-z]?(?:\s*(?:,|and|&|-|–)\s*\d+[a-z]?)*\s*[)\]]", re.I)
# "Inventories (F)", "Other income, net (J)", "Revenues (1)", "Goodwill*": a footnote's mark
# at the label's end
_FOOTNOTE_MARK = re.compile(r"\s*(?:\((?:[A-Za-z]|\d{1,2})\)|\*+)\s*(?=:?\s*$)")
# "(portion measured at fair value: 2009 - $3,277; 2008 - $3,159)": amounts written into the
# label in a parenthesis of their own; an unclosed parenthesis left at the end is dropped too
_AMOUNTS_PARENTHESIS = re.compile(rf"\s*\([^()]*{_MONEY}[^()]*(?:\)|$)|\s*\([^()]*$")
_CUT = re.compile(
    r"\s*\((?:includes?|including|net of)\b.*$|;.*$|,\s*\$.*$|\s+of\s+\$.*$|"
    # ", issued 104,765,257 shares" is facts; ", issued" alone is what the row counts
    r"(?<!\d),\s*\d[\d,.]*(?:\s+and\s+\d[\d,.]*)?\s+(?:(?:million|billion)\s+)?shares.*$|,\s*(?:authorized|issued|outstanding)\b(?=.*\d).*$",
    re.I,
)


# "Treasury stock, at cost: 182,642,440 shares at June 27, 2009 ...", "Common stock -
# 800,000,000 shares authorized": after a colon or a dash, a description of the shares
_DESCRIPTION = re.compile(r"\s*(?::|\s[-–—]\s)")
_SOME_SHARES = re.compile(r"\d[\d,.]*\s+(?:(?:million|billion)\s+)?shares\b", re.I)
# "Common stock - shares issued - March 2025 4,009.2": the counts named after their role
_ROLE_FIRST = re.compile(r"\s*shares\s+(?:issued|authorized|outstanding)\b(?=.*\d)", re.I)


def _without_share_description(text: str) -> str:
    """The label before the first colon or dash that a count of shares follows; not
    "Less:" alone, which names no item."""
    for sep in _DESCRIPTION.finditer(text):
        head = text[:sep.start()].strip()
        if re.sub(r"(?i)^less\b", "", head).strip(" ,") and (_SOME_SHARES.search(text, sep.end())
                                                                  or _ROLE_FIRST.match(text, sep.end())):
            return head
    return text


def clean_label(raw: str) -> str:
    """The label without the facts written into it ("Common stock", "Accounts receivable, net")."""
    text = _FOOTNOTE_MARK.sub("", _NOTE_REFERENCE.sub("", raw))
    text = _NET_OF.sub(", net", text)
    text = _LESS.sub(", net", text)
    text = _without_share_description(text)
    text = _SHARE_PARENTHETICAL.sub("", text)
    text = _NO_PAR.sub("", text)
    text = _PAR.sub(lambda m: "" if m.group(1) or m.group(2) else m.group(0), text)
    text = _PER_SHARE_TEXT.sub("", text)
    text = re.sub(r"^\s*,\s*|\s*,\s*(?=and\b)", " ", text).strip()
    text = _CUT.sub("", text).strip().rstrip(",:;")
    text = _AMOUNTS_PARENTHESIS.sub("", text)
    text = re.sub(r"\s*\(\s*\)", "", text)
    return text or raw.strip()


def _amount(text: str) -> Amount:
    digits = text.replace("$", "").replace(",", "").strip()
    value = Decimal(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return Amount(text=text.strip(), shown=value, decimals_shown=decimals)


def extract_embedded(
    raw: str, periods: Sequence[Period], statement_kind: str
) -> tuple[list[EmbeddedFact], list[str]]:
    """(facts, phrases with numbers that could not be read) for one label."""
    facts: list[EmbeddedFact] = []
    subject = clean_label(raw).lower()
    instants = [p for p in periods if p.is_instant]

    m = _INCLUDES.search(raw)
    if m:
        amounts = re.findall(_MONEY, m.group("amounts"))
        if len(amounts) == len(periods):
            for text, period in zip(amounts, periods, strict=True):
                facts.append(EmbeddedFact(f"included {m.group('what').strip().lower()}",
                                          _amount(text), "monetary", True, period, m.group(0),
                                          subject))
        raw_rest = raw[: m.start()] + raw[m.end():]
    else:
        raw_rest = raw

    facts.extend(_tax_facts(raw_rest, periods, subject))
    for segment in raw_rest.split(";"):
        facts.extend(_segment_facts(segment, instants, subject))
    facts.extend(_share_facts(raw_rest, instants, subject))
    facts.extend(_per_share_facts(raw_rest, periods, subject))

    consumed = " ".join(f.text for f in facts)
    return facts, [n for n in printed_numbers(raw_rest) if n not in consumed]


def _tax_facts(text: str, periods: Sequence[Period], subject: str) -> list[EmbeddedFact]:
    """The tax a row is net of, one amount a column, as "tax benefit" or "tax expense" by
    the way the words say a positive amount goes; none unless there is one a column."""
    m = _NET_OF_TAX.search(text)
    if m is None:
        return []
    amounts = re.findall(_SIGNED_MONEY, m.group("amounts"))
    if len(amounts) != len(periods) or any(p.is_instant for p in periods):
        return []
    outside = re.sub(r"\([^)]*\)", " ", m.group("way").lower())
    role = TAX_BENEFIT if "benefit" in outside else TAX_EXPENSE
    return [EmbeddedFact(role, _signed_amount(a), "monetary", True, period, m.group(0), subject)
            for a, period in zip(amounts, periods, strict=True)]


def _signed_amount(text: str) -> Amount:
    """"$(134)" is -134."""
    amount = _amount(text.replace("(", "").replace(")", ""))
    if "(" in text and amount.shown is not None:
        return Amount(text.strip(), -amount.shown, amount.decimals_shown)
    return amount


def printed_numbers(text: str) -> list[str]:
    """The amounts and counts a label prints: not a bare year or a one- or two-digit
    number, which are a date or a note number ("$5" is money)."""
    return [n for n in re.findall(rf"{_SIGNED_MONEY}|{_COUNT}", text)
            if n.startswith("$") or not re.fullmatch(r"(?:19|20)\d{2}|\d{1,2}", n)]


def _segment_facts(segment: str, instants: list[Period], subject: str) -> list[EmbeddedFact]:
    facts: list[EmbeddedFact] = []
    dates = [parse_date(d) for d in re.findall(_DATE_TEXT, segment, re.I)]
    targets = _targets(dates, instants)

    def add(role: str, amount: Amount, kind: str, scaled: bool, text: str,
            where: list[Period] | None = None) -> None:
        for period in where if where is not None else targets:
            facts.append(EmbeddedFact(role, amount, kind, scaled, period, text, subject))

    for m in _PAR.finditer(segment):
        if m.group(1) or m.group(2):
            add("par value", _amount(m.group(1) or m.group(2)), "perShare", False, m.group(0).strip(" ,—–-"))
    if _NONE_ISSUED.search(segment):
        add("shares issued", Amount(text="none", shown=Decimal(0)), "shares", False,
            _NONE_ISSUED.search(segment).group(0))  # type: ignore[union-attr]
    allowance = re.search(r"allowances?\b[^$;]*?(?=\s+of\s+\$|$)", segment, re.I)
    if allowance:
        role = allowance.group(0).strip()
        dated = _AT_DATE_AMOUNT.findall(segment)
        by_year = _by_year(_IN_YEAR_AMOUNT.findall(segment), instants)
        if by_year:  # "$109 in 2025 and $114 in 2024"
            for money, year_end in by_year:
                add(role, _amount(money), "monetary", True, f"{money} in {year_end.end.year}", [year_end])
        elif dated:
            for money, when in dated:
                day = parse_date(when)
                period = next((p for p in instants if p.end == day), None) if day else None
                if period is None and day is not None:
                    period = Period(end=day, label=when)
                if period is not None:
                    add(role, _amount(money), "monetary", True, f"{money} at {when}", [period])
        else:
            respective = _RESPECTIVE_AMOUNTS.search(segment)
            if respective:
                amounts = re.findall(_MONEY, respective.group(1))
                if len(amounts) == len(instants):
                    for text, period in zip(amounts, instants, strict=True):
                        add(role, _amount(text), "monetary", True, respective.group(0), [period])
    return facts


_A_SHARE = r"(?:a|per)\s+(?:common\s+|ordinary\s+)?share\b"
# "($0.7467 per share)", ", $.32 per share", "(per share - $1.94, $1.84 and $1.76 in ...)"
_PER_SHARE_TEXT = re.compile(
    rf"\s*\(\s*{_A_SHARE}[^)$]*\$[^)]*\)?|\s*\(\s*{_MONEY}\s+{_A_SHARE}\s*\)|"
    rf"\s*[,–—-]?\s*{_MONEY}\s+{_A_SHARE}", re.I)
_PER_SHARE_AMOUNT = re.compile(rf"({_MONEY})\s+{_A_SHARE}", re.I)
_PER_SHARE_BY_YEAR = re.compile(
    rf"{_A_SHARE}\W+(?P<amounts>{_MONEY}(?:\s*,?\s*(?:and\s+)?{_MONEY})+)\s+(?:in|for)\s+"
    r"(?:fiscal\s+)?(?P<years>(?:19|20)\d\d(?:\s*,?\s*(?:and\s+)?(?:19|20)\d\d)+)", re.I)


def _per_share_facts(text: str, periods: Sequence[Period], subject: str) -> list[EmbeddedFact]:
    """"Cash dividends declared ($0.7467 per share)" in an equity statement's movement: the
    amount a share, for the one period the movement covers.  Not a par value, and not
    where the row spans several periods (one amount cannot be said to be each of them)."""
    durations = [p for p in periods if not p.is_instant]
    listed = _PER_SHARE_BY_YEAR.search(text)
    if listed and len(durations) > 1:  # "(per share - $1.94, $1.84 and $1.76 in 2024, 2023 and 2022, respectively)"
        amounts = re.findall(_MONEY, listed.group("amounts"))
        years = re.findall(r"(?:19|20)\d\d", listed.group("years"))
        pairs = _by_year(list(zip(amounts, years, strict=True)), durations) if len(amounts) == len(years) else []
        return [EmbeddedFact("per share", _amount(money), "perShare", False, period, listed.group(0), subject)
                for money, period in pairs]
    if len(durations) != 1:
        return []
    pars = [m.span() for m in _PAR.finditer(text)]
    return [EmbeddedFact("per share", _amount(m.group(1)), "perShare", False, durations[0], m.group(0), subject)
            for m in _PER_SHARE_AMOUNT.finditer(text)
            if not any(start <= m.start() < end for start, end in pars)]


def _share_facts(text: str, instants: list[Period], subject: str) -> list[EmbeddedFact]:
    """Share counts in a label, each with its role and date.

    They are in the statement's scale for share counts, like the counts in its body: under
    "in millions, except per share data", "authorized: 10,000 shares" is ten billion; under
    "in thousands, except share amounts" they are as printed.

    The role is the one written right after the number ("415,000,000 shares authorized"),
    else the nearest one before it ("authorized 100,000,000 shares", "issued and
    outstanding; 50,773,796 shares at November 2, 2024").  A list of as many counts as the
    balance sheet has columns ("10,898 and 11,108 shares issued", with or without
    "respectively") gives one count per column, in order.  Otherwise the date is the one
    right after the number ("... shares at DATE"), else the dates its ;-separated part
    names, else every column.
    """
    facts: list[EmbeddedFact] = []
    roles = [(m.start(), m.group(1).lower()) for m in _ROLE_WORD.finditer(text)]

    def role_at(position: int, after: str | None) -> str:
        if after:
            return after.lower()
        before = [r for pos, r in roles if pos < position]
        return before[-1] if before else ("treasury" if "treasury" in subject else "")

    def add(role: str, count: str, period: Period, phrase: str) -> None:
        for role_name in _ROLE_NAMES.get(role, ("shares",)):
            facts.append(EmbeddedFact(role_name, _amount(count), "shares", True, period, phrase, subject))

    listed: list[tuple[int, int]] = []
    for ym in _YEAR_LIST.finditer(text):  # "shares issued: 2025 - 4,009.2, 2024 - 4,009.2"
        pairs = _by_year([(count, named or bare) for named, bare, count in _YEAR_COUNT.findall(ym.group("pairs"))],
                         instants)
        role = ym.group("role").lower()
        if role == "held":
            role = "treasury"
        elif role == "shares":  # "Shares: 2025 - 1,353,027,746" under treasury stock
            role = role_at(ym.start(), None)
        for count, period in pairs:
            add(role, count, period, ym.group(0))
        if pairs:
            listed.append((ym.start(), ym.end()))
    for cm in _ROLE_COUNT.finditer(text):  # "Shares authorized: 4,687,500,000": every balance-sheet date
        if not any(start <= cm.start() < end for start, end in listed):
            for period in instants:
                add(cm.group("role").lower(), cm.group("count"), period, cm.group(0))
            listed.append((cm.start(), cm.end()))
    for lm in _SHARE_LIST.finditer(text):
        counts = re.findall(_COUNT, lm.group(1))
        if len(counts) != len(instants) or len(instants) < 2 or _is_date_part(text, lm.start(), counts):
            continue
        role = role_at(lm.start(), lm.group("role"))
        for count, period in zip(counts, instants, strict=True):
            add(role, count, period, lm.group(0))
        listed.append((lm.start(), lm.end()))
    for m in _SHARE_COUNT.finditer(text):
        if any(start <= m.start() < end for start, end in listed):
            continue  # one of a list, placed above
        role = role_at(m.start(), m.group("role"))
        if m.group("date"):
            day = parse_date(m.group("date"))
            where = [p for p in instants if p.end == day] or (
                [Period(end=day, label=m.group("date"))] if day else list(instants))
        else:
            start = text.rfind(";", 0, m.start()) + 1
            end = text.find(";", m.end())
            part = text[start: end if end >= 0 else len(text)]
            where = _targets([parse_date(d) for d in re.findall(_DATE_TEXT, part, re.I)], instants)
        for period in where:
            add(role, m.group(1), period, m.group(0))
    return facts


# "2025 - 4,009.2", or with its month and no dash ("March 2025 4,009.2", P&G's rows)
_YEAR_COUNT = re.compile(rf"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d{{2}})"
                         rf"\s*[-–—]?|\b((?:19|20)\d{{2}})\s*[-–—])\s*({_COUNT}(?:\.\d+)?)", re.I)
_YEAR_LIST = re.compile(
    rf"\b(?P<role>authorized|issued and outstanding|issued|outstanding|held|shares)\s*[:–—-]\s*"
    rf"(?P<pairs>{_YEAR_COUNT.pattern}(?:\s*[,;]\s*{_YEAR_COUNT.pattern})*)", re.I)
_ROLE_COUNT = re.compile(
    rf"\b(?P<role>authorized|issued and outstanding|issued|outstanding)\s*:\s*(?P<count>{_COUNT})(?![,.]?\d)"
    rf"(?!\s*(?:shares\b|[-–—]))", re.I)
_ROLE_WORD = re.compile(r"\b(authorized|issued and outstanding|issued|outstanding)\b", re.I)
_ROLE_NAMES = {
    "authorized": ("shares authorized",),
    "issued and outstanding": ("shares issued", "shares outstanding"),
    "issued": ("shares issued",),
    "outstanding": ("shares outstanding",),
    "treasury": ("shares",),
}
_SHARE_COUNT = re.compile(
    rf"(?<![\d$.])({_COUNT})\s+shares\b(?:\s+(?P<role>issued and outstanding|authorized|issued|outstanding)\b)?"
    rf"(?:[^;\d]{{0,40}}?\b(?:at|as of)\s+(?P<date>{_DATE_TEXT}))?",
    re.I,
)
def _is_date_part(text: str, start: int, counts: list[str]) -> bool:
    """"February 3, 2024, and 50,445,386 shares" is a date and a count, not a list of counts."""
    month_before = re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$",
                             text[max(0, start - 12): start], re.I)
    return bool(month_before) or any(re.fullmatch(r"(?:19|20)\d{2}", c) for c in counts)


_SHARE_LIST = re.compile(
    rf"(?<![\d,.$])({_COUNT}(?:\s*,\s*(?:and\s+)?{_COUNT})*\s*,?\s+and\s+{_COUNT})\s+shares\b\s*"
    rf"(?P<role>issued and outstanding|authorized|issued|outstanding)?",
    re.I,
)


def _by_year(found: list[tuple[str, str]], instants: list[Period]) -> list[tuple[str, Period]]:
    """Amounts named by year, each paired with the one balance-sheet date of that year
    (nothing when a year is not among the dates or names two of them)."""
    out = []
    for money, year in found:
        matching = [p for p in instants if p.end.year == int(year)]
        if len(matching) != 1:
            return []
        out.append((money, matching[0]))
    return out


def _targets(dates: Sequence[object], instants: list[Period]) -> list[Period]:
    """The balance-sheet dates a segment speaks of: those it names, else all of them."""
    named = [p for p in instants if p.end in dates]
    return named or list(instants)
