"""Rows that split a revenue or cost total into products and services.

Apple prints "Net sales: Products 294,866 / Services 96,169 / Total net sales 391,035",
Amazon "Net product sales / Net service sales / Total net sales".  The parts are not other
concepts (a label of one word, "Products", had found the cost of goods sold): they are the
total's concept for a member of ``srt:ProductOrServiceAxis``, as filers tag them.  A run of
rows right above a revenue or cost total, each naming products, services or financing (one
of each at most), that adds up to it in every period, becomes those dimensional facts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from converter.mapper.figures import holds, rounding_allowance
from converter.model.mapping import MappedItem, MappedStatement
from converter.model.statements import ItemKind, StatementKind

PRODUCT_OR_SERVICE_AXIS = "srt:ProductOrServiceAxis"
# the domain of an axis whose name does not give it (SRT's axis and domain differ in wording)
KNOWN_DOMAINS = {PRODUCT_OR_SERVICE_AXIS: "srt:ProductsAndServicesDomain"}
PRODUCT, SERVICE, FINANCIAL = "us-gaap:ProductMember", "us-gaap:ServiceMember", "us-gaap:FinancialServiceMember"
_MEMBERS = ((re.compile(r"\bfinanc(?:ing|ial\s+services?)\b", re.I), FINANCIAL),
            (re.compile(r"\bproducts?\b", re.I), PRODUCT),
            (re.compile(r"\bservices?\b", re.I), SERVICE))
# beside services, plain "Sales" are the sales of products (Regulation S-X 5-03 sets "net
# sales of tangible products" apart from "revenues from services": IBM's "Services", "Sales",
# "Financing")
_SALES = re.compile(r"^\s*(?:net\s+)?sales\s*$", re.I)
# the totals a product-and-service split applies to: revenue and its costs
_SPLITTABLE = re.compile(r"^us-gaap:(?:Revenue|Revenues|SalesRevenue|CostOf)")


def product_or_service(label: str) -> str | None:
    """The member a row's label names: products, services or financing, one of them."""
    for pattern, member in _MEMBERS:
        if pattern.search(label):
            others = [m for p, m in _MEMBERS if m != member and p.search(pattern.sub(" ", label))]
            return None if others else member
    return None


def by_product_or_service(ms: MappedStatement) -> None:
    """Give each product-or-service part of a revenue or cost total the total's concept and
    its member (signs are decided afterwards, from the concept, as for any row)."""
    if ms.statement.kind != StatementKind.IS:
        return
    for t, total in enumerate(ms.items):
        mapping = total.mapping
        if mapping is None or mapping.is_extension or not _SPLITTABLE.match(mapping.concept) \
                or total.item.kind is not ItemKind.MONETARY:
            continue
        parts = _parts_above(ms.items, t)
        if parts and holds(ms, (total, *(mi for mi, _ in parts)), _adds_up):
            for mi, member in parts:
                mi.reassign(mapping.concept, f"a part of '{total.item.label}' (they add up to it): its concept "
                                             f"for {member.split(':')[1]}")
                if mi.mapping is not None and mi.mapping.concept == mapping.concept:
                    mi.mapping.dimensions[PRODUCT_OR_SERVICE_AXIS] = member
                    mi.mapping.confidence = mapping.confidence  # as sure as the total it adds up to


def _adds_up(total: Decimal, *parts: Decimal) -> bool:
    """The parts add up to the total, within the rounding of the printed figures (IBM's
    14,962 + 16,199 + 357 = 31,519)."""
    units = [Decimal(1).scaleb(int(x.as_tuple().exponent)) for x in (total, *parts)]
    return abs(sum(parts, Decimal(0)) - total) <= rounding_allowance(units, total)


def _parts_above(items: list[MappedItem], t: int) -> list[tuple[MappedItem, str]]:
    """The rows right above the total that each name products or services, one member
    each; empty unless there are at least two."""
    parts: list[tuple[MappedItem, str]] = []
    for mi in reversed(items[:t]):
        member = product_or_service(mi.item.label) or ("sales" if _SALES.match(mi.item.label) else None)
        if mi.item.is_header or mi.item.is_total or mi.mapping is None or member is None \
                or mi.item.kind is not ItemKind.MONETARY:
            break
        parts.append((mi, member))
    members = [member for _, member in parts]
    if "sales" in members:
        if SERVICE not in members or PRODUCT in members:
            return []
        parts = [(mi, PRODUCT if member == "sales" else member) for mi, member in parts]
        members = [member for _, member in parts]
    return parts[::-1] if len(parts) >= 2 and len(set(members)) == len(members) else []
