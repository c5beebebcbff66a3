"""A statement's table becomes a ``Statement``: its columns to periods (``columns``), its
rows to line items.

Sections ("Current Assets:") are tracked so that a bare "Total" can be named after the
section it closes, and a total closes the section whose words it repeats.  Each row gets
its kind (amount, share count, per-share amount), the facts written inside its label, and,
in a flow statement, whether it is a balance at the start or end of the period.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from decimal import Decimal

from converter.extraction.columns import Columns, read_columns
from converter.extraction.fiscal import FiscalCalendar
from converter.extraction.labels import clean_label, extract_embedded, printed_numbers
from converter.extraction.periods import parse_date
from converter.extraction.scale import read_scale
from converter.extraction.values import parse_amount
from converter.model.document import Row, Table
from converter.model.statements import (
    Amount,
    ItemKind,
    LeftOut,
    LineItem,
    Period,
    Statement,
    StatementKind,
    TableReport,
)
from converter.text import normalize_label

_COUNT_PHRASES = r"\bweighted[- ]average\b|\bnumber of (?:common )?shares\b|\bshares (?:outstanding|used)\b"
_SHARES = re.compile(rf"{_COUNT_PHRASES}|^(?:common )?shares\b", re.I)
# words that count shares, without the bare "Common shares": on a balance sheet that is the stock's amount
_COUNTED_SHARES = re.compile(rf"{_COUNT_PHRASES}|\bshares (?:issued|authorized)\b", re.I)
# words that make a row a count only when its label prints no count of its own: PG's
# "Common stock - shares issued - March 2025 4,009.2" carries the stock's amount
_IN_SHARES = r"\(in shares\)"
# "Treasury stock, shares" / "Balance, shares": a row naming its count after a comma
_COUNT_WORDS = re.compile(r"\bshares,? (?:authorized|issued|subscribed)\b|"
                          rf"\b(?:authorized|issued|outstanding) shares\b|{_IN_SHARES}|,\s*shares\s*$", re.I)
# a class of stock described by its par value ("Common shares, $.01 par value; 100,000
# shares authorized") is the stock's amount, whatever count the description also prints
_PAR_VALUE = re.compile(r"\bpar\b|\bstated value\b", re.I)
_DESCRIPTION_PARENS = re.compile(r"\s*\((?!\s*per\b)(?![^)]*(?:\bdollars?\b|\$|\bin\s))[^)]*\)")
# "$1.00 per share", "$0.33 1/3 per share", "$100 par per share": an amount per share the label
# describes, not what the row counts
_FIGURE_PER = re.compile(r"(?:\$\s*)?\d[\d.,]*(?:[\s-]+\d+/\d+)?\s+(?:par\s+(?:value\s+)?)?(?:a|per)\s+"
                         r"(?:common\s+)?share\b|"
                         r"\b\d+/\d+\s+(?:a|per)\s+(?:common\s+)?share\b", re.I)
# a row that is the par value, naming no amount: "Common stock, par value", "Preferred stock - par value per share"
# (not "Capital in excess of par value")
_PAR_VALUE_ROW = re.compile(
    r"\b(?:stock|shares?)\s*[,:–—-]?\s*(?:par|stated)\s+value(?:\s+per\s+share)?\s*$", re.I)
# a date's numbers are not a count ("shares issued at December 31, 2024", "March 2025")
_DATE = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                   r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+\d{1,2},?)?(?:\s+\d{4})?|"
                   r"\b(?:19|20)\d\d\b", re.I)
_BARE_DATE = re.compile(rf"^(?:{_DATE.pattern})$", re.I)
# "per share", "per diluted share", "per El Paso Corporation's common share"
_PER_SHARE = re.compile(r"\bper\s+(?:[\w.&'’-]+\s+){0,4}?(?:share|unit)\b|\bEPS\b", re.I)
# "Total assets", or "Assets, Total" as some filings print the taxonomy's total labels
_TOTAL = re.compile(r"^total\b|,\s*total$", re.I)


def is_total_label(label: str) -> bool:
    """Whether a row's label names it a total."""
    return bool(_TOTAL.search(label))

_PERIOD_WORDS = r"(?:the\s+)?(?:fiscal\s+)?(?:period|year|quarter|month)s?"
_AT_START = re.compile(rf",?\s*(?:at\s+|as\s+of\s+)?(?:the\s+)?beginning\s+of\s+{_PERIOD_WORDS}|"
                       r",?\s*beginning\s+(?:of\s+)?balances?|,?\s*balances?,?\s+(?:at\s+)?beginning(?:\s+of\s+\w+)?",
                       re.I)
_AT_END = re.compile(rf",?\s*(?:at\s+|as\s+of\s+)?(?:the\s+)?end\s+of\s+{_PERIOD_WORDS}|"
                     r",?\s*ending\s+balances?|,?\s*balances?,?\s+(?:at\s+)?end(?:ing)?(?:\s+of\s+\w+)?",
                     re.I)


def balance_position(label: str, periods: list[Period] | None = None) -> tuple[str | None, str]:
    """("start"/"end", the label without those words) for a balance in a flow statement:
    "Cash and cash equivalents, beginning of period" is the cash balance at the start, and
    "... at June 30" the one at the end when the columns' periods end on June 30."""
    for where, pattern in (("start", _AT_START), ("end", _AT_END)):
        if pattern.search(label):
            rest = pattern.sub("", label).strip(" ,:-")
            return where, rest or label
    m = _AT_DAY.search(label)
    day = parse_date(m.group(1), default_year=2000) if m else None
    if m and day is not None and periods:
        rest = label[: m.start()].strip(" ,:-") or label
        if any((p.end.month, p.end.day) == (day.month, day.day) for p in periods):
            return "end", rest
        if any(p.start and (p.start.month, p.start.day) == (day.month, day.day) for p in periods):
            return "start", rest
    return None, label


# "Total stockholders' equity", "Total Walmart shareholders' equity", "Total equity"
_EQUITY_TOTAL = re.compile(r"^total\s+(?!.*\b(?:liabilities|and|other)\b)(?:[\w&.'’-]+\s+){0,3}?"
                           r"(?:(?:stockholders|shareholders|shareowners)['’]?\s+)?equity$", re.I)
_CASH_RECONCILIATION = re.compile(r"\breconciliation\s+of\s+cash\b", re.I)
_AT_DAY = re.compile(r",?\s*(?:at|as of)\s+([A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s*(?:19|20)\d{2})?\s*$")


# equity components that are amounts only: no count of shares is kept in them
_AMOUNT_COMPONENT = re.compile(r"paid[- ]in|surplus|retained|accumulated|comprehensive|deficit", re.I)


def kind_in_context(label: str, sections: tuple[str, ...], raw: str = "",
                    statement: StatementKind | None = None) -> ItemKind:
    """The row's own words decide; else the nearest section that says what it counts
    ("Earnings per share:" / "Assuming dilution:" / "Continuing operations").  ``raw``, the
    label as printed, tells a class of stock described by its par value (an amount) from
    a count of its shares.  An equity statement laid out by component, one section each,
    counts no shares in a section of paid-in capital or retained earnings: there "Shares
    issued under employee stock plans" is what they added to it."""
    kind = _kind_by_words(label, sections, raw, statement)
    if kind is ItemKind.SHARES and statement == StatementKind.EQ and sections \
            and _AMOUNT_COMPONENT.search(sections[-1]) and not re.search(_IN_SHARES, raw, re.I):
        return ItemKind.MONETARY
    return kind


def _kind_by_words(label: str, sections: tuple[str, ...], raw: str, statement: StatementKind | None) -> ItemKind:
    # a parenthesis that describes the row is not its unit: "Class A Common Stock (one vote
    # per share)" is an amount, "Par value (in dollars per share)" is per share
    label = _DESCRIPTION_PARENS.sub("", label)
    if _PAR_VALUE_ROW.search(label) and not re.search(r"\d", raw):  # "Common stock, par value": the par itself
        return ItemKind.PER_SHARE
    if _PAR_VALUE.search(raw) and not re.search(_IN_SHARES, raw, re.I) \
            and not _PER_SHARE.search(_FIGURE_PER.sub("", label)):
        return ItemKind.MONETARY
    if _COUNT_WORDS.search(raw or label) and not re.search(r"\d", _DATE.sub("", raw)):
        return ItemKind.SHARES
    # the printed label too: "..., Net of Tax, Per Diluted Share" is cleaned to "..., net"
    # (not its parentheses or figures: "Dividends ($1.00 per share)" is an amount)
    printed = _FIGURE_PER.sub("", re.sub(r"\([^)]*\)", "", raw))
    for text in (label, *((printed,) if printed else ()), *(f"{s} {label}" for s in reversed(sections))):
        kind = item_kind(text)
        # a cash-flow statement counts cash: "Shares repurchased" there is what they cost
        if kind is ItemKind.SHARES and statement == StatementKind.CF:
            return ItemKind.MONETARY
        # and a balance sheet's "Common shares" is the stock, where no words count them
        if kind is ItemKind.SHARES and statement == StatementKind.BS and not _COUNTED_SHARES.search(text):
            return ItemKind.MONETARY
        if kind is not ItemKind.MONETARY:
            return kind
    return ItemKind.MONETARY


def _kind_by_print(kind: ItemKind, values: list[Amount | None], scale: int) -> ItemKind:
    """What the printed figures say of a row whatever its label or section says: a count
    printed with a currency sign is an amount (Coca-Cola's "Common Stock $1,760" under
    "Number of common shares outstanding"); in a statement in thousands or millions, a row
    printed to the cent in small numbers ("2.31") is a per-share amount ("Continuing operations")."""
    if kind is ItemKind.SHARES and any(v is not None and v.text.lstrip("(-").startswith("$") for v in values):
        return ItemKind.MONETARY
    shown = [v for v in values if v is not None and v.shown]  # a dash (zero) is printed without cents
    if kind is ItemKind.MONETARY and scale >= 3 and shown and \
            all(v.decimals_shown == 2 and v.shown is not None and abs(v.shown) < 1000 for v in shown):
        return ItemKind.PER_SHARE
    return kind


def item_kind(label: str) -> ItemKind:
    """Shares, unless the count's words are inside a "per ... share" ("Income per weighted
    average common share" is per share; "Shares used in computing net income per share" and
    "Basic earnings per share, weighted-average number of shares" count shares)."""
    shares, per_share = _SHARES.search(label), _PER_SHARE.search(label)
    inside = shares and per_share and per_share.start() < shares.start() and per_share.end() >= shares.end()
    if shares and not inside:
        return ItemKind.SHARES
    if per_share:
        return ItemKind.PER_SHARE
    return ItemKind.MONETARY


def build_statement(table: Table, kind: StatementKind, left_out: list[LeftOut],
                    fiscal: FiscalCalendar | None = None,
                    periods: list[Period] | None = None) -> Statement | None:
    """The statement a table holds, or None when no column names a period.

    ``fiscal`` (the filer's calendar, from its balance sheet) lets a column headed only by a
    year ("2023", "Fiscal 2024") be read as that fiscal year, and snaps period starts.
    ``periods``: those of the statement this table continues, for a page whose columns
    repeat no header (taken only when the number of value columns is the same).
    Columns whose period cannot be read are reported in ``left_out``, not dropped."""
    report = TableReport()
    columns = read_columns(table, kind, report, left_out, fiscal, periods)
    if columns is None:
        return None
    header_labels = [r.cells[0] for r in table.rows[:columns.body_start] if r.cells and r.cells[0]]
    scale, scale_text, unscaled, kind_scale = read_scale(table.caption + header_labels)
    if not scale_text:
        report.warnings.append("no scale note found above or in the table: amounts taken as printed")
    statement = Statement(kind=kind, title=_title(table.caption), periods=columns.periods, items=[], scale=scale,
                          scale_text=scale_text, unscaled_kinds=unscaled, kind_scale=kind_scale, report=report,
                          line=table.line)
    _read_body(statement, table.rows[columns.body_start:], columns, left_out)
    while statement.items and statement.items[-1].is_header:
        # text rows after the last value are footnotes ("(1) Derived from audited ..."), not captions
        note = statement.items.pop()
        report.warnings.append(f"footnote row read as text: {note.raw_label!r}")
    return statement


_PAR_VALUE = re.compile(r"\b(?:par|stated)\s+value\b", re.I)
_COUNTED = re.compile(r"\bshares?\b|\bunits\b", re.I)


def mark_parenthetical(statement: Statement, heading: str) -> None:
    """A statement's parenthetical details: its rows are par values ("Common stock, par
    value" is an amount per share there, not the common stock account) and share counts
    ("Common stock, shares authorized") as often as amounts."""
    statement.parenthetical = True
    statement.title = heading or statement.title
    for item in statement.items:
        if item.is_header or item.kind is ItemKind.PER_SHARE:
            continue
        if _PAR_VALUE.search(item.label):
            item.kind = ItemKind.PER_SHARE
        elif _COUNTED.search(item.label) and item.kind is ItemKind.MONETARY:
            item.kind = ItemKind.SHARES


class Sections:
    """The captions a row sits under ("LIABILITIES AND EQUITY" / "Current liabilities:").

    An upper-case caption, or one naming a division of the statement ("Assets", "Operating
    activities") where no section is open, opens a top-level section; another caption opens one below it, and a
    caption right under a caption nests in it ("Earnings per share:" / "Basic:").  A section
    whose total comes later stays open under a new caption ("Current assets:" stays open
    under "Short-term financing receivables:" until "Total current assets").  A total
    closes the section whose leading words it repeats ("Total inventory" closes "Inventory,
    at lower of average cost or net realizable value")."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []  # (name, level)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.stack)

    def open(self, caption: str, right_under_caption: bool, later_totals: Sequence[frozenset[str]] = ()) -> None:
        """``later_totals``: the words of the totals below the caption (``total_words``)."""
        name = caption.rstrip(":").strip()
        level = 0 if caption.isupper() or (_DIVISION.match(name) and not self.stack) else 1
        if level and right_under_caption and self.stack:
            level = self.stack[-1][1] + 1
        while self.stack and self.stack[-1][1] >= level:
            head = _head(self.stack[-1][0])
            if head and any(head <= words for words in later_totals):
                level = self.stack[-1][1] + 1  # its total is still to come: nest inside it
                break
            self.stack.pop()
        self.stack.append((name, level))

    def close(self, total: str) -> None:
        _close_sections(total, self.stack)


_CLOSING = re.compile(r"^net\s+cash\b", re.I)  # "Net cash used in investing activities" closes its caption
_DIVISION = re.compile(r"^(?:assets|liabilities|(?:total\s+)?liabilities\s+and\s+(?:stockholders|shareholders)?.{0,3}"
                       r"\s*(?:equity|deficit)|(?:stockholders|shareholders).{0,3}\s*(?:equity|deficit)|equity|"
                       r"(?:cash\s+flows?\s+(?:from|provided\s+by|used\s+in)\s+)?(?:operating|investing|financing)"
                       r"\s+activities)$", re.I)


def _row_values(row: Row, columns: Columns, kind: StatementKind, left_out: list[LeftOut]) -> list[Amount | None]:
    """One amount (or None) per value column; numbers elsewhere in the row are reported."""
    values: list[Amount | None] = []
    for j in columns.value_cols:
        cells = [row.cells[c] for c in (j, *columns.merged.get(j, ())) if c < len(row.cells) and row.cells[c]]
        values.append(parse_amount(cells[0]) if cells else None)
        for extra in cells[1:]:
            left_out.append(LeftOut(extra, "a second number for the same period in one row", row.line, kind))
    skip = set(columns.value_cols) | set(columns.unread) | columns.absorbed
    for k, text in enumerate(row.cells[1:], 1):
        if text and k not in skip:
            left_out.append(LeftOut(text, "a cell outside the statement's value columns", row.line, kind))
    return values


def _read_body(statement: Statement, rows: list[Row], columns: Columns, left_out: list[LeftOut]) -> None:
    """The body's rows become captions and line items, in order."""
    kind, periods = statement.kind, statement.periods
    sections = Sections()
    body = [r for r in rows if not r.is_rule]
    wrapped, skip = _wrapped_labels(body)
    dated, began = _dated_rows(body, skip, columns)
    wrapped.update(dated)
    described, descriptions = _description_lines(body, skip | began)
    skip |= descriptions
    closers = [(k, total_words(label)) for k, row in enumerate(body)
               if (label := clean_label(wrapped.get(k, row.cells[0].strip())))
               and (is_total_label(label) or _CLOSING.match(label))]
    closer_rows = [k for k, _ in closers]
    for k, row in enumerate(body):
        if k in skip:
            continue  # the first lines of a label wrapped over several lines
        if k in began:
            _row_values(row, columns, kind, left_out)  # its stray numbers are reported
            continue  # a label a dated row goes on from
        raw = wrapped.get(k, row.cells[0].strip())
        if k in described:
            raw = f"{raw}; {described[k]}"
        values = _row_values(row, columns, kind, left_out)
        if all(v is None for v in values):
            for text in printed_numbers(raw):
                left_out.append(LeftOut(text, "a number in a heading row, which has no values", row.line, kind))
            if raw:
                sections.open(raw, bool(statement.items) and statement.items[-1].is_header,
                              [words for _, words in closers[bisect.bisect_right(closer_rows, k):]])
                statement.items.append(LineItem(label=raw.rstrip(":"), raw_label=raw, values=values,
                                                sections=sections.names[:-1], is_header=True, line=row.line))
            continue
        statement.report.value_rows += 1
        if not raw:
            raw = _name_unlabelled(statement.items, sections.stack)
        label = clean_label(raw)
        is_total = is_total_label(label)
        open_sections = sections.names
        if is_total:
            label = _complete_total(label, sections.stack)
        if is_total or _CLOSING.match(label):
            sections.close(label)
        embedded, unread = extract_embedded(raw, periods, kind)
        if k in dated:
            unread = _settle_strays(body[k - 1: k + 1], columns, unread, left_out)
        for text in unread:
            left_out.append(LeftOut(text, "a number in a label that no rule reads", row.line, kind))
        balance_at = None
        if kind in (StatementKind.CF, StatementKind.EQ) and not all(p.is_instant for p in periods):
            balance_at, label = balance_position(label, periods)
            if balance_at is None and any(_CASH_RECONCILIATION.search(name) for name in open_sections):
                balance_at = "end"  # "Reconciliation of cash ... to the balance sheets": closing balances
            elif balance_at is None and kind == StatementKind.EQ and _EQUITY_TOTAL.match(label):
                balance_at = "end"  # below the components' roll-forwards: the equity they close at
        statement.items.append(LineItem(
            label=label, raw_label=raw, values=values,
            kind=_kind_by_print(kind_in_context(label, open_sections, raw, kind), values, statement.scale),
            sections=sections.names, level=len(sections.stack), is_total=is_total, line=row.line,
            embedded=embedded, balance_at=balance_at,
        ))
    _count_between_counts(statement.items)
    _unprinted_in_amounts(statement.items)


def _unprinted_in_amounts(items: list[LineItem]) -> None:
    """A row that prints no figure but dashes or zeros between an opening and a closing
    balance that are amounts is an amount too, whatever its words: Home Depot's "Shares
    issued under employee stock plans, net" under "Common Stock", the same row that prints
    530 under "Paid-in Capital".  Nothing printed says it counts shares."""
    opening: LineItem | None = None
    pending: list[LineItem] = []
    for item in items:
        if item.balance_at == "start":
            opening, pending = item, []
        elif item.balance_at == "end":
            if opening is not None and opening.kind == item.kind == ItemKind.MONETARY:
                for row in pending:
                    if row.kind == ItemKind.SHARES and all(v is None or not v.shown for v in row.values):
                        row.kind = ItemKind.MONETARY
            opening, pending = None, []
        elif not item.is_header:
            pending.append(item)


def _count_between_counts(items: list[LineItem]) -> None:
    """A row between two share counts that takes the first to the second is a count too:
    "Average shares outstanding - basic" + "Effect of dilutive securities" = "... - diluted"
    (the middle label names no shares, so its words had made it an amount)."""
    rows = [i for i in items if not i.is_header]
    for above, row, below in zip(rows, rows[1:], rows[2:], strict=False):
        if (row.kind == ItemKind.MONETARY and above.kind == below.kind == ItemKind.SHARES
                and _bridges(above, row, below)):
            row.kind = ItemKind.SHARES


def _bridges(above: LineItem, row: LineItem, below: LineItem) -> bool:
    """above + row = below, within a unit of the printed digits, in every column where all
    three print a number, and there is one."""
    holds: list[bool] = []
    for a, r, b in zip(above.values, row.values, below.values, strict=True):
        if a is None or r is None or b is None or a.shown is None or r.shown is None or b.shown is None:
            continue
        unit = Decimal(1).scaleb(-min(a.decimals_shown, r.decimals_shown, b.decimals_shown))
        holds.append(abs(a.shown + r.shown - b.shown) <= unit)
    return bool(holds) and all(holds)


def _has_values(row: Row) -> bool:
    return any(parse_amount(c) is not None for c in row.cells[1:] if c)


def _wrapped_labels(body: list[Row]) -> tuple[dict[int, str], set[int]]:
    """Labels wrapped over several lines ("Accounts receivable, net of allowance for" /
    "  doubtful accounts of $805 ..." / "  at March 31, 2006   2,532   5,869").

    A line with a label and no values starts a wrap when the lines after it go on in lower
    case (or with a number or "$") and the last of them carries the values.  Returns the
    full label of each value row that ends a wrap, and the rows that only began it."""
    def goes_on(row: Row) -> bool:
        label = row.cells[0].strip()
        return not label or not label[0].isalpha() or label[0].islower()

    wrapped: dict[int, str] = {}
    skip: set[int] = set()
    k = 0
    while k < len(body):
        label = body[k].cells[0].strip()
        if label and not label.endswith(":") and not label.isupper() and not _has_values(body[k]):
            j = k + 1
            while j < len(body) and not _has_values(body[j]) and body[j].cells[0].strip() and goes_on(body[j]):
                j += 1
            if j < len(body) and j > k and _has_values(body[j]) and goes_on(body[j]):
                wrapped[j] = " ".join(body[i].cells[0].strip() for i in range(k, j + 1)).strip()
                skip.update(range(k, j))
                k = j + 1
                continue
        k += 1
    return wrapped, skip


def _dated_rows(body: list[Row], skip: set[int], columns: Columns) -> tuple[dict[int, str], set[int]]:
    """A row labelled only by a date ("June 2024") goes on from the row above it when that
    row has no values in the statement's columns: P&G's "Common stock - shares issued -
    March 2025 | 4,009.2" / "June 2024 | 4,009.2 | 4,009 | 4,009".  A date is never a line
    item of its own.  The numbers the two rows print outside the value columns (the dated
    share counts) join the label, where the label's rules read them or report them.
    Returns the joined label of each dated row, and the rows that began them."""
    joined: dict[int, str] = {}
    began: set[int] = set()
    for k in range(1, len(body)):
        above = body[k - 1].cells[0].strip()
        if (k - 1 in skip or k - 1 in joined or not above or not _BARE_DATE.match(body[k].cells[0].strip())
                or _in_value_columns(body[k - 1], columns)):
            continue
        joined[k] = "; ".join(" ".join([row.cells[0].strip(), *_strays(row, columns)])
                              for row in (body[k - 1], body[k]))
        began.add(k - 1)
    return joined, began


def _settle_strays(rows: list[Row], columns: Columns, unread: list[str], left_out: list[LeftOut]) -> list[str]:
    """The stray numbers of a dated row and the row it goes on from were reported when their
    cells were read.  If the joined label's rules read them all, they became facts and the
    reports go; if not, the reports stay and the label does not report them again."""
    if unread:
        return []
    lines = {row.line for row in rows}
    texts = {text for row in rows for text in _strays(row, columns)}
    left_out[:] = [x for x in left_out if not (x.line in lines and x.text in texts)]
    return []


def _strays(row: Row, columns: Columns) -> list[str]:
    """The amounts a row prints outside the statement's value columns."""
    read = set(columns.value_cols) | columns.absorbed
    return [text for c, text in enumerate(row.cells[1:], 1)
            if c not in read and text and parse_amount(text) is not None]


def _in_value_columns(row: Row, columns: Columns) -> bool:
    return any(c < len(row.cells) and parse_amount(row.cells[c]) is not None
               for j in columns.value_cols for c in (j, *columns.merged.get(j, ())))


# a line that only counts shares: "Shares authorized: 4,687,500,000", "2024 - 2,279,164,313"
# (not "Convertible preferred stock; 221,903,982 shares authorized", which heads the rows below)
_SHARE_LINE = re.compile(r"^(?:(?:shares?|authorized|issued|outstanding|held)\b|(?:19|20)\d{2}\s*[-–—:])"
                         r".*\d{1,3}(?:,\d{3})+", re.I)


def _description_lines(body: list[Row], skip: set[int]) -> tuple[dict[int, str], set[int]]:
    """Lines without values that describe the row above them, each a count of its shares
    (IBM's "Common stock ... and additional paid-in capital  62,392" followed by "Shares
    authorized: 4,687,500,000", "Shares issued: 2025 - 2,284,546,988", "2024 - ...").
    They are part of that row's label, not headings: a heading would make the rows below
    it share counts.  Returns the text to add to each described row, and the lines."""
    described: dict[int, str] = {}
    lines: set[int] = set()
    owner: int | None = None
    for k, row in enumerate(body):
        label = row.cells[0].strip()
        if k in skip:
            owner = None
        elif _has_values(row):
            owner = k if label else None
        elif owner is not None and _SHARE_LINE.search(label):
            described[owner] = f"{described[owner]}; {label}" if owner in described else label
            lines.add(k)
        else:
            owner = None
    return described, lines


def _name_unlabelled(items: list[LineItem], sections: list[tuple[str, int]]) -> str:
    """A row of values without a label is the subtotal of the rows above it: "Total
    <section>" inside a section; after a "Less ..." deduction, the net of the row it
    reduces ("Property and equipment, net")."""
    previous = [i for i in items if not i.is_header]
    if len(previous) >= 2 and previous[-1].raw_label.lower().startswith("less"):
        return f"{previous[-2].label}, net"
    if sections:
        return f"Total {sections[-1][0].lower()}"
    return "Total"


def _title(caption: list[str]) -> str:
    for line in reversed(caption):
        if re.search(r"balance sheet|statements? of|financial position|cash flows|income", line, re.I):
            return line.strip()
    return caption[-1].strip() if caption else ""


def _complete_total(label: str, sections: list[tuple[str, int]]) -> str:
    """'Total' alone is named after the innermost open section ("Total assets")."""
    if normalize_label(label) != "total" or not sections:
        return label
    return f"Total {sections[-1][0].lower()}"


def _head(section: str) -> frozenset[str]:
    """A caption's leading words: before a comma or a parenthesis ("Inventory, at lower of
    average cost or net realizable value" -> {"inventory"}), connectives left out."""
    return frozenset(normalize_label(re.split(r"[,(]", section, maxsplit=1)[0]).split()) - _CONNECTIVES


def total_words(label: str) -> frozenset[str]:
    """What a total says, connectives left out ("Net cash used in financing activities"
    -> {"financing", "activities"})."""
    return frozenset(normalize_label(label).split()) - _CONNECTIVES


# Words a total and its caption may say differently ("Cash flows from financing activities"
# ... "Net cash used in financing activities"): left out of the comparison.
_CONNECTIVES = frozenset({"total", "net", "cash", "flows", "flow", "from", "provided", "by", "used", "in", "for",
                          "of", "the", "and"})


def _closes(total: str, section: str) -> bool:
    head = _head(section)
    return bool(head) and head <= total_words(total)


def _close_sections(label: str, sections: list[tuple[str, int]]) -> None:
    for i in range(len(sections) - 1, -1, -1):
        if _closes(label, sections[i][0]):
            del sections[i:]
            return


