"""The parts of a total on the total's basis: net of reserves when the total is.

Labels rarely say it ("Finished goods", "Work in process"), and a concept with the
basis in its name and one without say the same words, so rows under one "Total
inventories" had come out half net of reserves, half not (P&G's "Materials and supplies"
plain beside "Work in process" and "Finished goods" net).  The taxonomy's calculations
decide: ``InventoryNet`` adds up the ``...NetOfReserves`` concepts; the plain ones add up
to ``InventoryGross``.  A part whose concept is not among its total's calculation children
takes the variant that is, where the two differ only by the basis in the name.
"""

from __future__ import annotations

from converter.model.mapping import MappedItem, MappedStatement
from converter.taxonomy.index import ConceptIndex

# the words a concept's name adds for its basis: "InventoryFinishedGoods" and
# "InventoryFinishedGoodsNetOfReserves" name the same thing on two bases
BASIS_SUFFIXES = ("NetOfReserves",)


def parts_on_the_totals_basis(ms: MappedStatement, index: ConceptIndex) -> None:
    for t, total in enumerate(ms.items):
        if not total.item.is_total or total.mapping is None:
            continue
        children = {child for child, _ in index.calc_children.get(total.concept or "", [])}
        if not children:
            continue
        for part in _parts(ms.items, t):
            variant = _on_basis(part.concept or "", children)
            if variant:
                part.reassign(variant, f"a part of {total.concept}, whose calculation adds up {variant}, "
                                       f"not {part.concept}")


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
    for suffix in BASIS_SUFFIXES:
        for variant in (concept + suffix, concept.removesuffix(suffix)):
            if variant != concept and variant in children:
                return variant
    return None
