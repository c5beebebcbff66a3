"""Rows that split a revenue or cost total into products and services.

Apple prints "Net sales: Products 294,866 / Services 96,169 / Total net sales 391,035",
Amazon "Net product sales / Net service sales / Total net sales".  The parts are not other
concepts (a label of one word, "Products", had found the cost of goods sold): they are the
total's concept for a member of ``srt:ProductOrServiceAxis``, as filers tag them.  A run of
rows right above a revenue or cost total, each naming products, services or financing (one
of each at most), that adds up to it in every period, becomes those dimensional facts.

Where the parts name the company's own lines of business (Tesla's "Automotive sales",
"Automotive leasing", "Total automotive revenues", "Energy generation and storage",
"Services and other" above "Total revenues"), the members are the company's own, named
after the rows, as filers name them; a subtotal among the parts is a part too, and so are
the rows that add up to it.  Only three rows or more, most of which labels alone could not
place (an extension or a weak choice; the others of the total's own kind of concept), are
read so: "Fuel" and "Depreciation" above a "Total cost of sales" keep their own concepts,
and so do Walmart's "Net sales" and "Membership and other income".
"""

from __future__ import annotations

import re

from converter.mapper.figures import holds, sums_to
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
WEAK = 0.5  # a part's own concept below this confidence is no evidence against the split
MAX_PARTS = 12
# what a member's name leaves out of its row's label: "Total automotive cost of revenues"
# is the cost of the automotive revenues
_NOT_THE_MEMBER = re.compile(r"^\s*total\s+|\bcosts?\s+of\s+|,\s*total\s*$", re.I)


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
    # the outermost total first: a subtotal among its parts is a part too (Tesla's "Total
    # automotive cost of revenues" within "Total cost of revenues")
    for t in reversed(range(len(ms.items))):
        total = ms.items[t]
        mapping = total.mapping
        if mapping is None or mapping.is_extension or not _SPLITTABLE.match(mapping.concept) \
                or total.item.kind is not ItemKind.MONETARY or mapping.dimensions:
            continue
        parts = _parts_above(ms.items, t)
        if parts and holds(ms, (total, *(mi for mi, _ in parts)), sums_to):
            _assign(total, [(mi, member, "") for mi, member in parts])
        elif total.item.is_total:
            _assign(total, _company_parts(ms, t))


def _assign(total: MappedItem, parts: list[tuple[MappedItem, str, str]]) -> None:
    """Each part takes the total's concept for its member (and the member's label, where
    the member is the company's own)."""
    mapping = total.mapping
    assert mapping is not None
    for mi, member, label in parts:
        mi.reassign(mapping.concept, f"a part of '{total.item.label}' (they add up to it): its concept "
                                     f"for {member.split(':')[1]}")
        if mi.mapping is not None and mi.mapping.concept == mapping.concept:
            mi.mapping.dimensions[PRODUCT_OR_SERVICE_AXIS] = member
            if label:
                mi.mapping.member_labels[member] = label
            mi.mapping.confidence = mapping.confidence  # as sure as the total it adds up to


def company_member(label: str) -> tuple[str, str]:
    """The company's own member for a row ("ext:AutomotiveRevenuesMember") and its label."""
    words = re.findall(r"[A-Za-z0-9]+", _NOT_THE_MEMBER.sub(" ", label))
    name = "".join(w[:1].upper() + w[1:] for w in words)
    if not name[:1].isalpha():
        name = f"Line{name}"
    return f"ext:{name}Member", " ".join(words).capitalize()


def _unplaced(mi: MappedItem) -> bool:
    """A row the labels could not place: an extension or a weak choice."""
    return mi.mapping is not None and (mi.mapping.is_extension or mi.mapping.confidence < WEAK)


def _weak(mi: MappedItem) -> bool:
    """A row whose own concept says nothing against it being a part: no concept the labels
    were sure of, or the total's kind of concept."""
    m = mi.mapping
    return (not mi.item.is_header and m is not None and not m.from_user and bool(m.concept)
            and mi.item.kind is ItemKind.MONETARY and not m.dimensions
            and (_unplaced(mi) or bool(_SPLITTABLE.match(m.concept))))


def _company_parts(ms: MappedStatement, t: int) -> list[tuple[MappedItem, str, str]]:
    """The rows right above total ``t`` that add up to it, a subtotal among them with the
    rows that add up to it, each with the company's member its label names; empty unless
    every one is weak, they add up in every period, there are three or more, and most of
    them the labels could not place."""
    items = ms.items
    found: list[int] = []  # the total's direct parts
    nested: list[int] = []  # the parts of a subtotal among them
    j = t - 1
    while j >= 0 and len(found) < MAX_PARTS and _weak(items[j]):
        if items[j].item.is_total:
            below = _rows_adding_up(ms, j)
            if not below:
                return []
            nested.extend(below)
            found.append(j)
            j = min(below) - 1
        else:
            found.append(j)
            j -= 1
        if len(found) >= 2 and holds(ms, (items[t], *(items[k] for k in found)), sums_to):
            rows = sorted(found + nested)
            members = [company_member(items[k].item.label) for k in rows]
            unplaced = sum(1 for k in rows if _unplaced(items[k]))
            # three lines of business or more, most of which labels could not place
            # (Walmart's "Net sales" and "Membership and other income" are two concepts)
            if len(rows) < 3 or unplaced * 2 <= len(rows) or len({m for m, _ in members}) < len(members):
                return []
            return [(items[k], member, label) for k, (member, label) in zip(rows, members, strict=True)]
    return []


def _rows_adding_up(ms: MappedStatement, s: int) -> list[int]:
    """The weak rows right above subtotal ``s`` (no totals among them) that add up to it."""
    rows: list[int] = []
    j = s - 1
    while j >= 0 and len(rows) < MAX_PARTS and _weak(ms.items[j]) and not ms.items[j].item.is_total:
        rows.append(j)
        if len(rows) >= 2 and holds(ms, (ms.items[s], *(ms.items[k] for k in rows)), sums_to):
            return rows
        j -= 1
    return []


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
