"""The parts of a total on the total's basis: net of reserves, or of tax, when the total is.

Labels rarely say it ("Finished goods", "Work in process"), and a concept with the
basis in its name and one without say the same words, so rows under one "Total
inventories" had come out half net of reserves, half not (P&G's "Materials and supplies"
plain beside "Work in process" and "Finished goods" net).  The taxonomy's calculations
decide: ``InventoryNet`` adds up the ``...NetOfReserves`` concepts; the plain ones add up
to ``InventoryGross``.  A part whose concept is not among its total's calculation children
takes the variant that is, where the two differ only by the basis in the name.  So do
the components of other comprehensive income above a total "net of tax"
(``...AdjustmentBeforeTax`` becomes ``...AdjustmentNetOfTax``), unless a row among them is
the tax: then they are before it (``...NetOfTax`` becomes ``...BeforeTax``).  A
statement that totals its components "before tax" and then deducts one tax row for them
all (IBM) has every component above that total before tax, its subtotals included.
"""

from __future__ import annotations

import re

from converter.mapper.taxes import is_tax_effect
from converter.model.mapping import MappedItem, MappedStatement
from converter.taxonomy.index import ConceptIndex

# the words of a concept's name for its basis, and what they are on the other basis:
# "InventoryFinishedGoods" and "InventoryFinishedGoodsNetOfReserves" name the same thing
BASES = ((re.compile(r"(?<=[a-z])(?:NetOfReserves)?$"), "NetOfReserves"),
         (re.compile(r"BeforeTax$"), "NetOfTax"), (re.compile(r"NetOfTax$"), "BeforeTax"))


def parts_on_the_totals_basis(ms: MappedStatement, index: ConceptIndex) -> None:
    """Each total's parts, moved to the variant of their concept that the taxonomy's
    calculation adds up to the total's concept (the label's choice stays an alternative)."""
    for t, total in enumerate(ms.items):
        if not total.item.is_total or total.mapping is None:
            continue
        children = {child for child, _ in index.calc_children.get(total.concept or "", [])}
        if not children:
            continue
        parts = _parts(ms.items, t)
        taxed = any(is_tax_effect(part.concept or "") for part in parts)  # the rows are before it
        for part in parts:
            if taxed:
                variant = _tax_twin(part.concept or "", "BeforeTax", index)
                why = f"a part of {total.concept} beside a row of its own for the tax: before that tax"
            else:
                variant = _on_basis(part.concept or "", children)
                why = f"a part of {total.concept}, whose calculation adds up {variant}, not {part.concept}"
            if variant:
                part.reassign(variant, why)


def _parts(items: list[MappedItem], t: int) -> list[MappedItem]:
    """The rows right above a total, up to a caption or another total."""
    parts: list[MappedItem] = []
    for mi in reversed(items[:t]):
        if mi.item.is_header or mi.item.is_total:
            break
        if mi.mapping is not None:
            parts.append(mi)
    return parts


def _on_basis(concept: str, children: set[str]) -> str | None:
    """The total's child that is ``concept`` on another basis, if ``concept`` is no child."""
    if not concept or concept in children:
        return None
    for basis, other in BASES:
        variant = basis.sub(other, concept, count=1)
        if variant != concept and variant in children:
            return variant
    return None


# how the taxonomy names one amount net of tax and before it, longest ending first:
# "...GainLossBeforeReclassificationAfterTax" is "...BeforeReclassificationAndTax" before
# tax, "...AfterReclassificationAndTax" is "...AfterReclassificationBeforeTax"
TAX_BASES = (("BeforeReclassificationAfterTax", "BeforeReclassificationAndTax"),
             ("AfterReclassificationAndTax", "AfterReclassificationBeforeTax"),
             ("AdjustmentsNetOfTax", "AdjustmentsAndTax"),
             ("NetOfTax", "BeforeTax"), ("AfterTax", "BeforeTax"))


def _tax_twin(concept: str, basis: str, index: ConceptIndex) -> str | None:
    """The concept named as ``concept`` on the other tax basis (``basis`` is "BeforeTax" or
    "NetOfTax"), if the taxonomy has it."""
    for net, before in TAX_BASES:
        ending, other = (net, before) if basis == "BeforeTax" else (before, net)
        if concept.endswith(ending):
            variant = concept[: -len(ending)] + other
            if variant in index:
                return variant
    return None


_NET_OF_TAX = re.compile(r"\bnet\s+of\s+(?:income\s+)?tax(?:es)?\b|\bafter[- ](?:income\s+)?tax(?:es)?\b", re.I)


def under_a_net_of_tax_caption(ms: MappedStatement, index: ConceptIndex) -> None:
    """Components of other comprehensive income in a statement whose title or a caption says
    "net of tax" (Johnson & Johnson's "Other comprehensive income (loss), net of tax", above
    captions of its own for securities and hedges) are net of tax where no row is the tax:
    a ``...BeforeTax`` choice becomes its ``...NetOfTax`` twin, unless another row has it."""
    captions = [ms.statement.title, *(mi.item.label for mi in ms.items if mi.item.is_header)]
    said = next((c for c in captions if _NET_OF_TAX.search(c)), None)
    rows = [mi for mi in ms.items if mi.mapping is not None]
    if said is None or any(is_tax_effect(mi.concept or "") for mi in rows):
        return
    used = {mi.concept for mi in rows}
    for mi in rows:
        variant = _tax_twin(mi.concept or "", "NetOfTax", index)
        if variant and variant not in used:  # not another row's
            mi.reassign(variant, f"'{said}', and no row of its own for the tax: net of tax")
            used.add(variant)


def above_a_before_tax_total(ms: MappedStatement, index: ConceptIndex) -> None:
    """Components of other comprehensive income above their total before tax, with the tax
    on them in a row below it (IBM's "Other comprehensive income/(loss), before tax", then
    "Income tax (expense)/benefit related to items of other comprehensive income"): every
    row above is before tax, the subtotals of each kind of component included, so a
    ``...NetOfTax`` choice becomes its ``...BeforeTax`` twin, unless another row has it."""
    rows = [mi for mi in ms.items if mi.mapping is not None]
    total = next((k for k, mi in enumerate(rows) if _is_before_tax_total(mi.concept or "", index)
                  and any(is_tax_effect(below.concept or "") for below in rows[k + 1:])), None)
    if total is None:
        return
    used = {mi.concept for mi in rows}
    why = f"above {rows[total].concept}, with the tax in a row below it: before tax"
    for mi in rows[:total]:
        variant = _tax_twin(mi.concept or "", "BeforeTax", index)
        if variant and variant not in used:
            mi.reassign(variant, why)
            used.add(variant)


def _is_before_tax_total(concept: str, index: ConceptIndex) -> bool:
    """A total of comprehensive income's components before tax in the taxonomy's calculations."""
    return concept.endswith("BeforeTax") and "ComprehensiveIncome" in concept and bool(index.calc_children.get(concept))
