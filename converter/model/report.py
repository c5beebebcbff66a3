"""The mapping report: why each line item got its concept, what was left out, and what a
person should review.  Typed here; ``to_json`` is the one place that names its JSON keys
(``mapping-report.json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from converter.model.statements import LeftOut, TableReport


@dataclass(frozen=True)
class Alternative:
    concept: str
    score: float


@dataclass
class LineEntry:
    """A line item of a statement and its concept."""

    statement: str
    line: int
    label: str
    concept: str | None
    extension: bool
    confidence: float
    alternatives: list[Alternative]
    reason: str
    sign: int
    sign_reason: str
    values: list[str | None]

    def to_json(self) -> dict[str, Any]:
        return {"statement": self.statement, "line": self.line, "label": self.label, "concept": self.concept,
                "extension": self.extension, "confidence": self.confidence,
                "alternatives": [{"concept": a.concept, "score": a.score} for a in self.alternatives],
                "reason": self.reason, "sign": self.sign, "signReason": self.sign_reason, "values": self.values}


@dataclass
class EmbeddedEntry:
    """A number written inside a line item's label ("net of allowance of $12")."""

    statement: str
    line: int
    text: str
    inside: str  # the label it was found in
    concept: str | None
    dimensions: dict[str, str]
    period: str
    confidence: float
    alternatives: list[Alternative]
    reason: str
    value: str

    def to_json(self) -> dict[str, Any]:
        return {"statement": self.statement, "line": self.line, "label": self.text, "in": self.inside,
                "concept": self.concept, "dimensions": self.dimensions, "period": self.period,
                "confidence": self.confidence,
                "alternatives": [{"concept": a.concept, "score": a.score} for a in self.alternatives],
                "reason": self.reason, "values": [self.value]}


@dataclass(frozen=True)
class CalculationEntry:
    total: str
    children: list[tuple[str, float]]
    periods_checked: int


@dataclass
class StatementEntry:
    kind: str
    title: str
    line: int
    scale: str
    periods: list[str]
    quality: TableReport
    calculations: list[CalculationEntry]
    unbalanced: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "title": self.title, "line": self.line, "scale": self.scale, "periods": self.periods,
            "quality": {"rows": self.quality.rows, "valueRows": self.quality.value_rows,
                        "columns": self.quality.columns, "warnings": self.quality.warnings},
            "calculations": [{"total": c.total, "children": [list(ch) for ch in c.children],
                              "periodsChecked": c.periods_checked} for c in self.calculations],
            "totalsThatDoNotAddUp": self.unbalanced,
        }


@dataclass(frozen=True)
class ReviewEntry:
    """A line whose concept the mapper chose with low confidence."""

    statement: str
    label: str
    concept: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {"statement": self.statement, "label": self.label, "concept": self.concept,
                "confidence": self.confidence}


@dataclass
class MappingReport:
    statements: list[StatementEntry] = field(default_factory=list)
    items: list[LineEntry | EmbeddedEntry] = field(default_factory=list)
    calculations_left_out: list[str] = field(default_factory=list)  # totals the facts do not satisfy
    left_out: list[LeftOut] = field(default_factory=list)
    review: list[ReviewEntry] = field(default_factory=list)
    cover_missing: list[str] = field(default_factory=list)  # cover facts the form asks and the document omits
    input_notes: list[str] = field(default_factory=list)  # what reading the document changed (control characters)

    def to_json(self) -> dict[str, Any]:
        return {
            "statements": [s.to_json() for s in self.statements],
            "items": [i.to_json() for i in self.items],
            "calculationsLeftOut": self.calculations_left_out,
            "leftOut": [{"text": lo.text, "reason": lo.reason, "line": lo.line, "statement": lo.statement}
                        for lo in self.left_out],
            "review": [r.to_json() for r in self.review],
            "coverMissing": self.cover_missing,
            "input": self.input_notes,
        }
