"""The tagged XBRL model the builder produces and the writers render."""

from __future__ import annotations

from dataclasses import dataclass, field

from converter.model.report import MappingReport
from converter.model.statements import Period


@dataclass(frozen=True)
class Context:
    id: str
    period: Period
    dimensions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Unit:
    id: str
    numerator: str
    denominator: str | None = None


@dataclass
class Fact:
    concept: str
    context: str
    value: str | None  # None: xsi:nil
    unit: str | None = None
    decimals: str | None = None
    source: str = ""  # where in the filing the number was read
    statement: str = ""
    line: int = 0  # the source line, for reports


@dataclass(frozen=True)
class ExtensionElement:
    name: str
    type: str
    period_type: str
    balance: str | None = None
    abstract: bool = False
    substitution_group: str = "xbrli:item"


@dataclass
class Arc:
    parent: str
    child: str
    order: int
    weight: float | None = None  # calculation
    preferred_label: str | None = None  # presentation
    arcrole: str | None = None  # definition
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Role:
    id: str
    uri: str
    definition: str
    presentation: list[Arc] = field(default_factory=list)
    calculation: list[Arc] = field(default_factory=list)
    definition_arcs: list[Arc] = field(default_factory=list)


@dataclass(frozen=True)
class Label:
    concept: str
    role: str
    text: str


@dataclass(frozen=True)
class ShownCell:
    """A printed number and the facts it is (two for "basic and diluted"; none when the
    number was left out), for the Inline XBRL document that shows the statement."""

    text: str  # as printed: "$(1,234)"
    facts: tuple[Fact, ...] = ()
    scale: int = 0  # power of ten between the printed and the XBRL value


@dataclass
class ShownRow:
    label: str
    depth: int = 0
    is_header: bool = False
    cells: list[ShownCell | None] = field(default_factory=list)


@dataclass
class ShownTable:
    """A statement as the filing printed it: headers, labels, numbers."""

    title: str
    scale_text: str
    columns: list[str]
    rows: list[ShownRow] = field(default_factory=list)
    order: int = 0  # the statement's position in the filing


@dataclass
class XbrlModel:
    prefix: str
    namespace: str
    stem: str  # file name stem, e.g. cpst-20060930
    cik: str
    contexts: dict[str, Context] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    extensions: list[ExtensionElement] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    report: MappingReport = field(default_factory=MappingReport)
    tables: list[ShownTable] = field(default_factory=list)  # what an Inline XBRL document shows
    cover: list[tuple[str, Fact]] = field(default_factory=list)  # (label, cover-page fact)

    def cover_value(self, concept: str) -> str | None:
        """A cover-page fact's value ("dei:DocumentType" -> "10-K"), or None."""
        return next((f.value for _, f in self.cover if f.concept == concept), None)
