"""Inference rules for metadata the official sources do not state directly.

Each rule has a name; a concept whose field was set by a rule records that name under
``inferred[field]``.  Rules never overwrite a value that came from an official source,
and they run in the order of ``RULE_DOCS``: the earliest rule that decides wins.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lxml import etree

from converter.taxonomy.namespaces import (
    DTR_LIST_TYPES,
    DTR_NUMERIC_TYPES,
    DTR_STRING_TYPES,
    XBRLI_TYPES,
)

if TYPE_CHECKING:
    from converter.taxonomy.build import ConceptRecord, IndexBuilder

# (name, type, label) of DEI cover elements added after DEI 2021
DEI_AFTER_2021 = (
    ("AuditorName", "xbrli:normalizedStringItemType", "Auditor Name"),
    ("AuditorLocation", "xbrli:normalizedStringItemType", "Auditor Location"),
    ("AuditorFirmId", "xbrli:normalizedStringItemType", "Auditor Firm ID"),
    ("DocumentFinStmtErrorCorrectionFlag", "xbrli:booleanItemType", "Document Financial Statement Error Correction "
     "[Flag]"),
    ("DocumentFinStmtRestatementRecoveryAnalysisFlag", "xbrli:booleanItemType", "Document Financial Statement "
     "Restatement Recovery Analysis [Flag]"),
)

RULE_DOCS = {
    "dei-after-2021": "DEI cover elements added after 2021 (the auditor's name, location and PCAOB ID; the "
    "error-correction flags), which EDGAR requires of a 10-K: named in EDGAR's dei-validations.json, declared as "
    "non-abstract duration items of the plainest type that holds their values, since no official schema of those "
    "DEI versions is among the sources.",
    "type-namespace": "The 2024 list gives a type's local name only; its namespace is xbrli "
    "for XBRL 2.1 types, us-types for types the official us-types-2025.xsd defines, "
    "enum2 for enumerationSetItemType and the Data Type Registry for the rest.",
    "name-convention": "US-GAAP naming: *Axis is a dimension, *Table a hypercube, "
    "*Abstract, *LineItems, *Domain and *Member are abstract; all are nillable.",
    "period-label": "A concept shown with a periodStart/periodEnd label in a 2025 "
    "presentation linkbase is an instant (only instants have opening and closing balances).",
    "fasb-meta-instant": "In the FASB meta model's instant-* linkbases every arc starts at an "
    "instant (a balance), and instant-contra arcs also end at one.",
    "fasb-meta-flow": "Instant-accrual, -inflow and -outflow arcs of the FASB meta model end "
    "at a flow into or out of a balance: a duration.",
    "fasb-meta-contra": "An instant-contra arc joins a balance to its contra account, whose "
    "balance is the opposite one.",
    "non-numeric-duration": "Non-numeric US-GAAP items (text, domains, booleans, dates, "
    "enumerations) are durations, as every such official US-GAAP concept is.",
    "calc-neighbour": "Calculation arcs join facts of one context, so a concept takes the "
    "period type of a calculation parent or child whose period type is known; its balance "
    "is the neighbour's balance, reversed when the arc weight is negative.",
    "balance-sheet-presentation": "A numeric concept presented only in balance-sheet "
    "statements is an instant.",
    "flow-statement-presentation": "A numeric concept presented in an income, "
    "comprehensive income, cash-flow or equity statement (and not with a period label) "
    "is a duration.",
    "name-classified-balance": "A numeric concept whose name ends in Current or Noncurrent "
    "is a classified balance-sheet amount, so an instant.",
    "name-flow-words": "A numeric concept whose name says it measures a flow "
    "(Expense, Revenue, IncreaseDecrease, Proceeds, Payments, Gain, Loss, ...) is a duration.",
    "modern-balance-sheet-use": "A numeric concept that modern filers (2020-2025) use in their balance "
    "sheets is an instant: a balance sheet holds balances only (CommonStocksIncludingAdditionalPaidInCapital).",
    "default-duration": "Any other numeric concept is taken to be a duration; the mapper "
    "counts an inferred period type against a concept.",
    "label-from-name": "Without an official label, the label is the name split into words.",
}

FLOW_WORDS = re.compile(
    r"(Expense|Expenses|Revenue|Revenues|IncreaseDecrease|Proceeds|Payments|Repayments|"
    r"Gain|Loss|Income|Cost|Costs|Amortization|Depreciation|Accretion|Issued|Dividends|"
    r"Purchases|Sales|Charges|Provision|Benefit|Writeoff|Impairment|DuringPeriod|"
    r"Compensation|Acquired|Granted|Vested|Forfeited|Exercised|Earnings|WeightedAverage)"
)
NUMERIC_HINTS = ("monetary", "shares", "perShare", "percent", "decimal", "pure", "integer",
                 "perUnit", "area", "volume", "mass", "energy", "flow")


def qualify_us_gaap_type(local: str, us_types: frozenset[str] = frozenset()) -> str | None:
    """Turn a type's local name into the QName the US-GAAP 2025 schema uses."""
    if local in XBRLI_TYPES:
        return f"xbrli:{local}"
    if local in us_types:
        return f"us-types:{local}"
    if local == "enumerationSetItemType":
        return "enum2:enumerationSetItemType"
    if local in DTR_NUMERIC_TYPES or local in DTR_STRING_TYPES or local in DTR_LIST_TYPES:
        return f"dtr-types:{local}"
    return None


def describe_type(node: etree._Element) -> dict[str, Any]:
    """A schema type definition as plain data, enough to write it out again."""
    desc: dict[str, Any] = {
        "kind": etree.QName(node).localname,
        "derivation": None,
        "base": None,
        "facets": [],
    }
    for el in node.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local in ("restriction", "extension") and desc["derivation"] is None:
            desc["derivation"] = local
            desc["base"] = el.get("base")
        elif local in ("enumeration", "pattern", "length", "minLength", "maxLength",
                       "minInclusive", "maxInclusive", "totalDigits", "fractionDigits",
                       "whiteSpace"):
            desc["facets"].append([local, el.get("value")])
        elif local == "list":
            desc["derivation"] = "list"
            desc["base"] = el.get("itemType")
    return desc


def is_numeric(rec: ConceptRecord) -> bool:
    return rec.type is not None and any(h in rec.type for h in NUMERIC_HINTS)


def apply_all(b: IndexBuilder) -> None:
    """Fill the gaps the official sources leave, in rule order."""
    us_types = frozenset(k.split(":", 1)[1] for k in b.types if k.startswith("us-types:"))
    for rec in b.concepts.values():
        if rec.prefix != "us-gaap":
            continue
        if rec.type is not None and ":" not in rec.type:
            rec.type = qualify_us_gaap_type(rec.type, us_types)
        if rec.type is not None and not rec.type.startswith("xbrli:"):
            rec.inferred["type"] = "type-namespace"
        _name_convention(rec)
    _period_types(b)
    _balances(b)
    for rec in b.concepts.values():
        if rec.label is None:
            rec.label = _split_name(rec.name)
            rec.inferred["label"] = "label-from-name"


def _name_convention(rec: ConceptRecord) -> None:
    if "official-schema" in rec.extra_attrs:
        return
    name = rec.name
    if name.endswith("Axis"):
        rec.substitution_group = "xbrldt:dimensionItem"
        rec.abstract = True
    elif name.endswith("Table"):
        rec.substitution_group = "xbrldt:hypercubeItem"
        rec.abstract = True
    elif name.endswith(("Abstract", "LineItems")) or (
        rec.type == "dtr-types:domainItemType" and name.endswith(("Member", "Domain"))
    ):
        rec.abstract = True
    rec.nillable = True
    rec.inferred["declaration"] = "name-convention"


def _period_types(b: IndexBuilder) -> None:
    def unset(rec: ConceptRecord) -> bool:
        return rec.period_type is None and rec.prefix == "us-gaap"

    def assign(rec: ConceptRecord, value: str, rule: str) -> None:
        rec.period_type = value
        rec.inferred["periodType"] = rule

    for key, rec in b.concepts.items():
        if not unset(rec):
            continue
        if key in b.period_labels:
            assign(rec, "instant", "period-label")
        elif key in b.meta_instant:
            assign(rec, "instant", "fasb-meta-instant")
        elif key in b.meta_flow:
            assign(rec, "duration", "fasb-meta-flow")
        elif rec.type is not None and not is_numeric(rec):
            assign(rec, "duration", "non-numeric-duration")
    _propagate_calc(b, lambda r: r.period_type,
                    lambda r, v, w: assign(r, v, "calc-neighbour"))
    for key, rec in b.concepts.items():
        if not unset(rec):
            continue
        statements = rec.statements
        if statements and statements <= {"BS"}:
            assign(rec, "instant", "balance-sheet-presentation")
        elif statements & {"IS", "CI", "CF", "EQ"}:
            assign(rec, "duration", "flow-statement-presentation")
        elif re.search(r"(Current|Noncurrent)$", rec.name):
            assign(rec, "instant", "name-classified-balance")
        elif b.modern_statements.get(key) == "BS":  # before the name's words: InvestmentOwnedAtCost
            assign(rec, "instant", "modern-balance-sheet-use")
        elif FLOW_WORDS.search(rec.name):
            assign(rec, "duration", "name-flow-words")
        else:
            assign(rec, "duration", "default-duration")


def official(rec: ConceptRecord) -> bool:
    """Metadata read from an official declaration (SEC element metadata, DEI/SRT schema):
    an absent balance there means "no balance", not "unknown"."""
    return "sec" in rec.extra_attrs or "official-schema" in rec.extra_attrs


def official_balance(rec: ConceptRecord) -> bool:
    """The balance was read from an official source: the declarations above, or the FASB's
    2025 label and balance table (which states balances but not period types)."""
    return official(rec) or "fasb-2025-labels" in rec.extra_attrs


def _balances(b: IndexBuilder) -> None:
    for frm, to in b.meta_contra:
        a, c = b.concepts.get(frm), b.concepts.get(to)
        if a is None or c is None or c.prefix != "us-gaap" or c.type != "xbrli:monetaryItemType":
            continue
        if a.balance is not None and c.balance is None and not official_balance(c):
            c.balance = {"debit": "credit", "credit": "debit"}[a.balance]
            c.inferred["balance"] = "fasb-meta-contra"
        elif (c.balance is not None and a.balance is None and a.type == "xbrli:monetaryItemType"
              and not official_balance(a)):
            a.balance = {"debit": "credit", "credit": "debit"}[c.balance]
            a.inferred["balance"] = "fasb-meta-contra"

    def assign(rec: ConceptRecord, value: str, weight: float) -> None:
        if rec.type != "xbrli:monetaryItemType" or official_balance(rec):
            return
        flipped = {"debit": "credit", "credit": "debit"}[value]
        rec.balance = value if weight > 0 else flipped
        rec.inferred["balance"] = "calc-neighbour"

    _propagate_calc(b, lambda r: r.balance, assign)


def _propagate_calc(b: IndexBuilder, get: Any, assign: Any) -> None:
    """Spread a known value along calculation arcs until nothing changes."""
    edges: list[tuple[str, str, float]] = []
    for parent, children in b.calc.items():
        for child, weight in children.items():
            edges.append((parent, child, weight))
            edges.append((child, parent, weight))
    changed = True
    while changed:
        changed = False
        for src, dst, weight in edges:
            a, c = b.concepts.get(src), b.concepts.get(dst)
            if a is None or c is None or get(a) is None or get(c) is not None:
                continue
            if c.prefix != "us-gaap":
                continue
            assign(c, get(a), weight)
            changed = changed or get(c) is not None


def _split_name(name: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    return words
