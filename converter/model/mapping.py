"""The mapper's output: a concept (standard or extension) for each line item and each
number found inside a label, with the sign to apply, a confidence and the reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from converter.model.statements import EmbeddedFact, LineItem, Statement


class SignBasis(Enum):
    """Why the XBRL value has the sign it has."""

    AS_PRINTED = "value as printed"
    DEDUCTION = "printed in parentheses as a deduction, so the XBRL value is positive"
    NEGATIVE = "parentheses mean a negative value"
    AMBIGUOUS = "the row mixes signs; as printed unless the statement's arithmetic says otherwise"
    OPPOSITE = ("printed without parentheses, of the balance opposite to its section's; as printed unless the "
                "statement's arithmetic says otherwise")
    LABEL_SIDE = ("the label names the side its positive figures are ('Other (income) expense': an expense), the "
                  "concept's balance is the other: the XBRL value is the printed value negated")
    CASH_EFFECT = "a cash effect: the printed value times the concept's weight toward the net change in cash"
    ARITHMETIC = "the only reading under which the statement's total adds up"


@dataclass(frozen=True)
class ExtensionConcept:
    """A company concept proposed where no standard concept fits."""

    name: str
    type: str  # xbrli:monetaryItemType ...
    period_type: str
    balance: str | None
    label: str
    abstract: bool = False
    substitution_group: str = "xbrli:item"


@dataclass
class Mapping:
    concept: str  # prefixed QName; "ext:Name" for an extension until the builder names it
    confidence: float
    reason: str
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    extension: ExtensionConcept | None = None
    sign: int = 1  # XBRL value = sign * printed value
    sign_basis: SignBasis = SignBasis.AS_PRINTED
    sign_reason: str = "value as printed"
    dimensions: dict[str, str] = field(default_factory=dict)  # axis -> member ("ext:...Member": the company's)
    member_labels: dict[str, str] = field(default_factory=dict)  # the company's own member -> its label
    also: list[str] = field(default_factory=list)  # concepts with the same values ("basic and diluted")
    from_user: bool = False  # chosen by the user's mapping file: never second-guessed

    @property
    def is_extension(self) -> bool:
        return self.extension is not None


@dataclass
class MappedItem:
    item: LineItem
    mapping: Mapping | None  # None for a caption row without values

    @property
    def concept(self) -> str | None:
        return self.mapping.concept if self.mapping is not None else None

    def reassign(self, concept: str, why: str) -> None:
        """Give the row another concept because the statement's structure says so (the
        label's choice stays as the first alternative).  A person's choice is never
        replaced.  Signs must be decided again afterwards (``signs.apply_signs``)."""
        old = self.mapping
        if old is None or old.concept == concept or old.from_user:
            return
        self.mapping = Mapping(concept, old.confidence, f"{why}; labels alone suggested {old.concept}",
                               [(old.concept, old.confidence), *old.alternatives[:2]])


@dataclass
class MappedEmbedded:
    fact: EmbeddedFact
    parent: LineItem
    mapping: Mapping


@dataclass
class CalcRelation:
    """``total`` = sum(weight * child) in every period the statement shows."""

    total: int  # index into MappedStatement.items
    children: list[tuple[int, float]]
    checked_periods: int = 0


@dataclass(frozen=True)
class Member:
    """A member of an axis (the equity components): a US-GAAP member, or the company's own
    ("ext:...Member", named by the builder)."""

    qname: str
    label: str
    extension: bool = False


@dataclass
class MappedStatement:
    statement: Statement
    items: list[MappedItem]
    embedded: list[MappedEmbedded]
    calculations: list[CalcRelation] = field(default_factory=list)
    unbalanced: list[str] = field(default_factory=list)  # totals that do not add up
    # per column of an equity statement laid out by component: its member (None: the total)
    members: list[Member | None] = field(default_factory=list)
    # per row of an equity statement laid out by period with a section per component
    item_members: list[Member | None] = field(default_factory=list)
