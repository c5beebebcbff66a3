"""What extraction produces: statements with periods, line items and values.

Values here are exactly as printed (sign as shown, before scaling) plus the scale that
applies; nothing in this module knows about XBRL concepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class StatementKind(StrEnum):
    """The primary statements.  A ``StrEnum``: the codes are also the role and report names."""

    BS = "BS"
    IS = "IS"
    CI = "CI"
    CF = "CF"
    EQ = "EQ"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    StatementKind.BS: "balance sheet",
    StatementKind.IS: "income statement",
    StatementKind.CI: "statement of comprehensive income",
    StatementKind.CF: "statement of cash flows",
    StatementKind.EQ: "statement of stockholders' equity",
}


class ItemKind(StrEnum):
    """What a line item's numbers count."""

    MONETARY = "monetary"
    SHARES = "shares"
    PER_SHARE = "perShare"
    PERCENT = "percent"


@dataclass(frozen=True)
class Period:
    end: date
    start: date | None = None  # None for an instant
    label: str = ""

    @property
    def is_instant(self) -> bool:
        return self.start is None

    @property
    def key(self) -> str:
        if self.start is None:
            return self.end.isoformat()
        return f"{self.start.isoformat()}--{self.end.isoformat()}"


@dataclass(frozen=True)
class Amount:
    """A printed number. ``shown`` keeps the printed sign (parentheses = negative)."""

    text: str
    shown: Decimal | None  # None when printed as nil (--, —)
    decimals_shown: int = 0  # digits after the decimal point as printed

    @property
    def is_nil(self) -> bool:
        return self.shown is None


# the roles of a tax a row is net of ("net of income tax benefit (expense) of $(134)"):
# which of the two a positive amount is, as the label's words say
TAX_BENEFIT, TAX_EXPENSE = "tax benefit", "tax expense"


@dataclass
class EmbeddedFact:
    """A number written inside a line item's label, such as a par value or an allowance.

    ``role`` names what the number is, in plain words (``allowance``, ``par value``,
    ``shares authorized`` ...); ``column`` is the statement column it belongs to, or
    ``period`` an explicit date.
    """

    role: str
    amount: Amount
    kind: str  # monetary, shares, perShare
    scaled: bool  # whether the statement's scale applies
    period: Period
    text: str  # the phrase it was read from
    subject: str = ""  # what the role applies to, e.g. "preferred stock"


@dataclass
class LineItem:
    label: str  # the label as used for mapping: embedded facts removed, "Total" completed
    raw_label: str  # the label as printed
    values: list[Amount | None]  # one per statement column, None for an empty cell
    kind: ItemKind = ItemKind.MONETARY
    sections: tuple[str, ...] = ()
    level: int = 0
    is_total: bool = False
    is_header: bool = False  # a caption row with no values
    line: int = 0
    embedded: list[EmbeddedFact] = field(default_factory=list)
    balance_at: str | None = None  # "start"/"end": a balance shown in a flow statement

    @property
    def section(self) -> str:
        return self.sections[-1] if self.sections else ""


@dataclass
class TableReport:
    """How well a table was read: a quality report kept with every statement."""

    rows: int = 0
    value_rows: int = 0
    columns: int = 0
    header_rows: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Statement:
    kind: StatementKind
    title: str
    periods: list[Period]
    items: list[LineItem]
    scale: int  # power of ten the printed amounts are in (3 = thousands)
    scale_text: str
    unscaled_kinds: frozenset[str]  # kinds the scale's "except ..." leaves unscaled
    kind_scale: dict[str, int] = field(default_factory=dict)  # kinds with a scale of their own
    report: TableReport = field(default_factory=TableReport)
    line: int = 0
    # per column, the equity component it shows (an equity statement laid out by component,
    # "" for its total column); empty when the columns are periods only
    components: list[str] = field(default_factory=list)
    parenthetical: bool = False  # the statement's parenthetical details, a table of their own

    def scale_for(self, kind: str) -> int:
        if kind in self.kind_scale:
            return self.kind_scale[kind]
        if kind == "perShare" or kind in self.unscaled_kinds:
            return 0
        return self.scale


@dataclass
class LeftOut:
    """A number that did not become a fact, and why."""

    text: str
    reason: str
    line: int = 0
    statement: str = ""


@dataclass(frozen=True)
class DatedCoverFact:
    """A cover-page number with a date of its own: the public float, the shares outstanding."""

    key: str  # the DEI element
    value: Decimal
    day: date
    kind: str  # monetary, shares
    decimals: int  # how precisely it was printed (-8 for "$169.6 billion")
    text: str  # as printed


@dataclass
class CoverData:
    """Cover-page facts, keyed by their DEI element names (see extraction.cover)."""

    fields: dict[str, str | bool] = field(default_factory=dict)
    website: str | None = None
    dated: list[DatedCoverFact] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what the form asks and the document does not say
    ticker: str | None = None  # the first listed class's symbol: names the company's namespace


@dataclass
class ExtractedFiling:
    statements: list[Statement]
    cover: CoverData
    left_out: list[LeftOut] = field(default_factory=list)
