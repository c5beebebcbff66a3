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
