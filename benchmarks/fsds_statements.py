"""SEC Financial Statement Data Sets rebuilt as the statements extraction would hand the mapper.

The data sets keep, for every statement of a filing, its lines in printed order
(``pre.txt``: label, concept, whether printed negated) and the numbers behind them
(``num.txt``).  This module puts them back together as ``Statement`` objects: rows in order,
with a column for each duration reported at the period's end (a 10-Q's quarter and year
to date; a balance sheet's one date) holding the value as printed, the row's kind from the
number's unit, a
"Total ..." row marked as a total and a cash-flow balance placed at the start or end of
the period, using extraction's own rules for labels.  What the data sets do not keep is
missing here too: the captions ("Current assets:", "Diluted:") are not in ``pre.txt``, so
the mapper sees less than it would in the printed statement.

The filer's concept for each row is kept beside the statement, never inside it.
"""

from __future__ import annotations

import calendar
import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from converter.extraction.labels import clean_label
from converter.extraction.statements import balance_position, is_total_label, kind_in_context
from converter.model.statements import Amount, ItemKind, LineItem, Period, Statement, StatementKind

CURRENCIES = frozenset({"USD", "CAD", "EUR", "GBP", "CHF", "JPY"})
KINDS = {"BS": StatementKind.BS, "IS": StatementKind.IS, "CF": StatementKind.CF}


@dataclass(frozen=True)
class Line:
    """One printed line and what the filer tagged it with."""

    tag: str
    version: str  # "us-gaap/2009", or the filing's accession number for its own concepts
    label: str
    negating: bool


@dataclass
class FiledStatement:
    adsh: str
    cik: str
    statement: Statement
    lines: list[Line]  # one per statement item, in the same order


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _day(text: str) -> date:
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _months_before(end: date, months: int) -> date:
    """The first day of a period of ``months`` months ending on ``end``."""
    year, month = divmod(end.month - 1 - months, 12)
    if (end + timedelta(days=1)).day == 1:  # a month's end: the period starts on the 1st of the month after
        year, month = divmod(end.month - months, 12)
        return date(end.year + year, month + 1, 1)
    last = calendar.monthrange(end.year + year, month + 1)[1]  # 30 August, six months back: 28 February
    return date(end.year + year, month + 1, min(end.day, last)) + timedelta(days=1)


def filed_statements(fsds: Path) -> Iterator[FiledStatement]:
    """Every balance sheet, income statement and cash-flow statement of a data set."""
    subs = {r["adsh"]: r for r in _rows(fsds / "sub.txt")}
    values: dict[tuple[str, str], list[tuple[str, int, str, Decimal]]] = defaultdict(list)
    for r in _rows(fsds / "num.txt"):
        if r.get("segments") or r.get("coreg"):
            continue
        try:
            value = Decimal(r["value"])
        except (InvalidOperation, ValueError):
            continue
        values[(r["adsh"], r["tag"])].append((r["ddate"], int(r["qtrs"] or 0), r["uom"], value))
    grouped: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for r in _rows(fsds / "pre.txt"):
        if r["stmt"] in KINDS and r["adsh"] in subs:
            grouped[(r["adsh"], r["report"])].append((int(r["line"]), r))
    for (adsh, _), lines in grouped.items():
        lines.sort(key=lambda x: x[0])
        rows = [r for _, r in lines]
        sub = subs[adsh]
        yield _statement(adsh, sub, rows, values)


def _statement(adsh: str, sub: dict[str, str], rows: list[dict[str, str]],
               values: dict[tuple[str, str], list[tuple[str, int, str, Decimal]]]) -> FiledStatement:
    kind = KINDS[rows[0]["stmt"]]
    end = _day(sub["period"])
    quarters = _flow_quarters(rows, values, adsh, sub["period"]) if kind != StatementKind.BS else [0]
    periods = [Period(end, _months_before(end, 3 * q) if q else None) for q in quarters]
    statement = Statement(kind=kind, title=kind.description, periods=periods, items=[], scale=0, scale_text="",
                          unscaled_kinds=frozenset(), parenthetical=rows[0]["inpth"] == "1")
    lines = []
    # a parenthetical's small amounts are par and stated values per share
    in_thousands = statement.parenthetical or _printed_in_thousands(rows, values, adsh)
    for line_no, r in enumerate(rows, 1):
        negating = r["negating"] == "1"
        label = clean_label(r["plabel"])
        facts = values.get((adsh, r["tag"]), [])
        balance_at = None
        if kind == StatementKind.CF:
            balance_at, label = balance_position(label, statement.periods)
        found = [_value(facts, sub["period"], q, p.start, balance_at) for q, p in zip(quarters, periods, strict=True)]
        if kind == StatementKind.CF and balance_at is None and any(at is not None for _, _, at in found):
            balance_at = "start" if min(at for _, _, at in found if at is not None) < end else "end"
        amounts = []
        for value, _, _ in found:
            shown = None if value is None else (-value if negating else value)
            amounts.append(Amount(f"{shown}", shown, max(0, -int(shown.as_tuple().exponent)))
                           if shown is not None else None)
        # the first figure that is not zero: a zero says nothing of a per-share row's size
        printed = [(v, u) for v, u, _ in found if v is not None]
        first = next(((v, u) for v, u in printed if v), printed[0] if printed else (None, ""))
        statement.items.append(LineItem(
            label=label, raw_label=r["plabel"], values=amounts,
            kind=_kind(label, r["plabel"], first[1], first[0], in_thousands, kind),
            is_total=is_total_label(label),
            line=line_no, balance_at=balance_at))
        lines.append(Line(r["tag"], r["version"], r["plabel"], negating))
    return FiledStatement(adsh, sub["cik"], statement, lines)


def _printed_in_thousands(rows: list[dict[str, str]],
                          values: dict[tuple[str, str], list[tuple[str, int, str, Decimal]]], adsh: str) -> bool:
    """Whether the statement's large amounts are all whole thousands (so it was printed in
    thousands or millions): the data sets give per-share amounts in dollars too."""
    large = [v for r in rows for _, _, unit, v in values.get((adsh, r["tag"]), [])
             if unit in CURRENCIES and abs(v) >= 1000]
    return bool(large) and all(v % 1000 == 0 for v in large)


def _kind(label: str, raw: str, unit: str, value: Decimal | None, in_thousands: bool,
          statement: StatementKind) -> ItemKind:
    """What the row counts: shares by their unit; an amount under 1,000 in a statement
    printed in thousands is per share (as extraction reads a "2.31" among millions); else
    the label's words decide, the printed label (``raw``) as the pipeline passes it: "Common
    shares ($.01 par value; ...)" is the stock's amount, which the cleaned label no longer says."""
    if unit == "shares":  # unless the label says per share: a filer's unit may be wrong, a printed "0.36" is not
        return ItemKind.PER_SHARE if kind_in_context(label, (), raw) is ItemKind.PER_SHARE else ItemKind.SHARES
    if unit in CURRENCIES and value and in_thousands and abs(value) < 1000:
        return ItemKind.PER_SHARE
    return kind_in_context(label, (), raw, statement)


def _flow_quarters(rows: list[dict[str, str]], values: dict[tuple[str, str], list[tuple[str, int, str, Decimal]]],
                   adsh: str, period: str) -> list[int]:
    """The durations the statement's rows report at the period's end, shortest first (a
    10-Q's income statement shows the quarter and the year to date): each that at least
    a third of the rows report as often as the most reported one."""
    counts: Counter[int] = Counter()
    for r in rows:
        counts.update({q for d, q, _, _ in values.get((adsh, r["tag"]), []) if d == period and q})
    if not counts:
        return [4]
    most = max(counts.values())
    return sorted(q for q, n in counts.items() if n * 3 >= most)


def _value(facts: list[tuple[str, int, str, Decimal]], period: str, qtrs: int, start: date | None,
           balance_at: str | None) -> tuple[Decimal | None, str, date | None]:
    """A row's value in one column (a flow's duration; for a balance, the instant at the
    period's end, or before the column's start when the label says so); its unit; the
    instant's date for a balance."""
    if balance_at is None:
        for d, q, unit, value in facts:
            if d == period and q == qtrs:
                return value, unit, None
    if qtrs:
        instants = sorted((d, unit, value) for d, q, unit, value in facts if q == 0 and d <= period)
        if balance_at == "start" and start is not None:
            instants = [i for i in instants if i[0] < start.strftime("%Y%m%d")]
        if instants:
            d, unit, value = instants[-1]
            return value, unit, _day(d)
    return None, "", None
