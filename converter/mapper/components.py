"""Equity components: which member of ``StatementEquityComponentsAxis`` each column of an
equity statement laid out by component is, and what its balance rows are.

A column's printed heading decides ("Additional Paid-in Capital", "Accumulated Other
Comprehensive Income (Loss)", "Treasury Stock, at cost").  The total column has no
member: its facts are the statement's totals.  When the table also shows noncontrolling
interests, the total of the company's own components before them ("Total Walmart
Shareholders' Equity") is ``ParentMember``, and every balance is equity including the
noncontrolling interest, as filers tag it.  A heading no rule knows gets a company
member of its own, named after the heading.  A redeemable (temporary equity) column is
outside stockholders' equity: its member is ``OUTSIDE`` and its numbers are reported, not
tagged, in this version.
"""

from __future__ import annotations

import re
from decimal import Decimal

from converter.mapper.noncontrolling import OTHER_COMPREHENSIVE
from converter.mapper.signs import balance_of
from converter.model.mapping import MappedItem, MappedStatement, Member, SignBasis
from converter.model.statements import ItemKind, Statement, StatementKind
from converter.taxonomy.index import ConceptIndex
from converter.text import normalize_label

PARENT = "us-gaap:ParentMember"
NONCONTROLLING = "us-gaap:NoncontrollingInterestMember"
# the shares an equity statement counts are common shares: 7,270 companies used
# CommonStockSharesOutstanding in 2020-2025 filings, 4,432 the undivided SharesOutstanding
COMMON_SHARES = "us-gaap:CommonStockSharesOutstanding"

OUTSIDE = ""  # the qname of a column outside stockholders' equity (temporary equity)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.I), m) for p, m in (
    (r"(?<!non-)\bredeemable|temporary\s+equity|mezzanine", OUTSIDE),
    (r"non-?\s*controlling|minority", NONCONTROLLING),
    (r"treasury", "us-gaap:TreasuryStockCommonMember"),
    (r"accumulated\s*other\s*comprehensive|\baoci\b", "us-gaap:AccumulatedOtherComprehensiveIncomeMember"),
    (r"(?:stock|shares).*(?:paid-?\s*in|in\s+excess\s+of\s+par)",
     "us-gaap:CommonStockIncludingAdditionalPaidInCapitalMember"),
    (r"paid-?\s*in|in\s+excess\s+of\s+par|capital\s+surplus", "us-gaap:AdditionalPaidInCapitalMember"),
    (r"retained|reinvested|accumulated\s*(?:deficit|earnings)|\bdeficit\b", "us-gaap:RetainedEarningsMember"),
    (r"preferred", "us-gaap:PreferredStockMember"),
    (r"common|ordinary|capital\s+stock|\bclass\s+[a-c]\b|\bstock\b|\bshares\b", "us-gaap:CommonStockMember"),
))
_TOTAL = re.compile(r"^\s*total\b", re.I)
_QUALIFIERS = re.compile(r"\b(?:amount|shares|par\s+value|value|\$)\b|"
                         r"\b(?:three|six|nine|twelve)\s+months\s+ended\s+\w+\s+\d{1,2},?\s+\d{4}", re.I)


def member_of(heading: str) -> Member | None:
    """The member a single heading names (None for a total or an empty heading)."""
    label = re.sub(r"\s+", " ", _QUALIFIERS.sub(" ", heading)).strip(" ,-") or heading.strip()
    if not label:
        return None
    for pattern, qname in _RULES:
        if pattern.search(heading):
            return Member(qname, label)
    if _TOTAL.search(label):
        return None
    words = "".join(w[:1].upper() + w[1:].lower() for w in re.findall(r"[A-Za-z0-9]+", label))
    return Member(f"ext:{words}Member", label, extension=True)


def component_members(headings: list[str]) -> list[Member | None]:
    """One member (or None, for the statement's total) per component column."""
    members = [member_of(h) for h in headings]
    distinct = list(dict.fromkeys(headings))
    totals = [h for h in distinct if _TOTAL.search(h) and member_of(h) is None]
    has_nci = any(m is not None and m.qname == NONCONTROLLING for m in members)
    if has_nci and len(totals) >= 1:
        # the company's own total stands before the noncontrolling interest column
        nci_at = min(distinct.index(h) for h, m in zip(headings, members, strict=True)
                     if m is not None and m.qname == NONCONTROLLING)
        parent_totals = [h for h in totals if distinct.index(h) < nci_at]
        if parent_totals:
            members = [Member(PARENT, h) if h in parent_totals else m for h, m in zip(headings, members, strict=True)]
    return members


def section_members(statement: Statement) -> list[Member | None]:
    """Per row of an equity statement laid out by period, the component of the section it
    sits in ("Common stock and additional paid-in capital:" / "Beginning balances"), when
    the sections name two components at least; totals and per-share rows have none."""
    if statement.kind != StatementKind.EQ or statement.components:
        return []
    members: list[Member | None] = []
    for item in statement.items:
        member = None
        if not item.is_header and item.kind is not ItemKind.PER_SHARE and not _TOTAL.match(item.label):
            named = (member_of(s) for s in reversed(item.sections))
            member = next((m for m in named if m is not None and not m.extension), None)
        members.append(member)
    return members if len({m.qname for m in members if m is not None}) >= 2 else []


def equity_balances(ms: MappedStatement) -> None:
    """The balance rows of an equity statement laid out by component are equity (including
    the noncontrolling interest when a column shows it) and common shares outstanding."""
    has_nci = any(m is not None and m.qname == NONCONTROLLING for m in [*ms.members, *ms.item_members])
    equity = "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest" if has_nci \
        else "us-gaap:StockholdersEquity"
    for mi in ms.items:
        if mi.mapping is None or not mi.item.balance_at:
            continue
        if mi.item.kind is ItemKind.SHARES:
            mi.reassign(COMMON_SHARES, "an equity statement's balance of shares: the common shares outstanding, "
                                       "as most filers tag it")
        else:
            mi.reassign(equity, "an equity statement's balance"
                        + (" with noncontrolling interests" if has_nci else ""))


TREASURY = "us-gaap:TreasuryStockCommonMember"
# a repurchase's concept, by what the company does with the shares: (value, shares)
_REPURCHASES = {
    "treasury": ("us-gaap:TreasuryStockValueAcquiredCostMethod", "us-gaap:TreasuryStockSharesAcquired"),
    "retired": ("us-gaap:StockRepurchasedAndRetiredDuringPeriodValue",
                "us-gaap:StockRepurchasedAndRetiredDuringPeriodShares"),
    "either": ("us-gaap:StockRepurchasedDuringPeriodValue", "us-gaap:StockRepurchasedDuringPeriodShares"),
}
_ANY_REPURCHASE = frozenset(q for pair in _REPURCHASES.values() for q in pair)
_HELD = {"treasury": "a repurchase into treasury: the statement has a treasury stock component",
         "retired": "a repurchase of shares retired: the statement has no treasury stock component"}


def repurchases(ms: MappedStatement) -> None:
    """A repurchase in an equity statement laid out by component: with a treasury stock
    component the shares are held in treasury (``TreasuryStockValueAcquiredCostMethod``),
    as Home Depot and Amazon tag them; without one they are not, so a treasury concept
    becomes the retired one (``StockRepurchasedAndRetiredDuringPeriodValue``, Apple, Meta,
    Nvidia), while the undivided ``StockRepurchasedDuringPeriodValue`` stays (Walmart)."""
    members = [m.qname for m in [*ms.members, *ms.item_members] if m is not None]
    if not members:
        return  # the layout names no components: the label's choice stands
    held = "treasury" if TREASURY in members else "retired"
    stays = _REPURCHASES["either"] if held == "retired" else ()
    value, shares = _REPURCHASES[held]
    for mi in ms.items:
        if mi.concept in _ANY_REPURCHASE and mi.concept not in stays:
            mi.reassign(shares if mi.item.kind is ItemKind.SHARES else value, _HELD[held])


OFFSET_SHARE = Decimal("0.1")  # components going the other way, at most this share of the decrease


def total_column_signs(ms: MappedStatement, index: ConceptIndex) -> None:
    """A movement that mixes signs across components only by small offsets (dividend
    equivalents added to paid-in capital while the dividends come out of retained earnings)
    takes its sign from the total column: printed negative there, a debit concept (a
    decrease of equity) is a deduction, and every column's value is the printed one negated.
    A row whose components go both ways in earnest ("(Purchases) sales of treasury stock,
    net") is a net movement: its parentheses are signs, as printed."""
    totals = [i for i, m in enumerate(ms.members) if m is None]
    if not totals:
        return
    for mi in ms.items:
        mapping = mi.mapping
        if mapping is None or mapping.sign_basis is not SignBasis.AMBIGUOUS or balance_of(mapping, index) != "debit":
            continue
        shown = [v.shown for i in totals if i < len(mi.item.values)
                 and (v := mi.item.values[i]) is not None and v.shown]
        parts = [v.shown for i, v in enumerate(mi.item.values) if i not in totals and v is not None and v.shown]
        offsets, decreases = sum(x for x in parts if x > 0), -sum(x for x in parts if x < 0)
        if shown and all(x < 0 for x in shown) and offsets <= OFFSET_SHARE * decreases:
            mapping.sign, mapping.sign_basis = -1, SignBasis.DEDUCTION
            mapping.sign_reason = "a decrease of equity, printed in parentheses in the total column: the XBRL " \
                                  "values are the printed ones negated, component by component"


def share_signs(ms: MappedStatement) -> None:
    """A share count printed in parentheses beside amounts that are deductions ("Shares
    repurchased (633) ... (10,039)") is a positive count of a reduction, like its amounts
    (share concepts have no balance to tell)."""
    for mi, twin in _counts_beside_amounts(ms):
        if mi.mapping is None or twin.mapping is None:
            continue
        if twin.mapping.sign_basis is SignBasis.DEDUCTION and mi.mapping.sign_basis is not SignBasis.DEDUCTION \
                and all(v is None or v.shown is None or v.shown <= 0 for v in mi.item.values):
            mi.mapping.sign, mi.mapping.sign_basis = -1, SignBasis.DEDUCTION
            mi.mapping.sign_reason = "a count of shares taken out of equity, printed in parentheses like the " \
                                     "amounts beside it: the XBRL value is positive"


def one_concept_per_movement(items: list[MappedItem], members: list[Member | None],
                             options: dict[int, list[tuple[str, float]]], threshold: float) -> None:
    """An equity statement laid out by period with a section per component prints one
    movement under each component it moves ("Shares issued under employee stock plans, net"
    under common stock and again under paid-in capital): one movement, one concept.  Rows
    mapped one by one had split it (Home Depot's paid-in capital row lost the concept its
    common-stock twin took to the section's "Stock-based compensation expense").  The
    concept is the one the rows want most together, among those each row's section leaves
    free; ``options`` are each row's ranked (concept, score), ``members`` each row's
    component (``section_members``)."""
    if not members:
        return
    groups: dict[tuple[str, str], list[int]] = {}
    for i, mi in enumerate(items):
        if i in options and mi.mapping is not None and not mi.mapping.from_user and not mi.item.balance_at \
                and members[i] is not None:
            groups.setdefault((mi.item.kind, normalize_label(mi.item.label)), []).append(i)
    for rows in groups.values():
        if len(rows) < 2 or len({members[i] for i in rows}) < len(rows) \
                or len({items[i].concept for i in rows}) == 1:
            continue
        concept = _wanted_together(items, members, rows, options, threshold)
        for i in rows:
            if concept is not None and items[i].concept != concept:
                items[i].reassign(concept, "one movement printed under each component it moves: one concept")


def _wanted_together(items: list[MappedItem], members: list[Member | None], rows: list[int],
                     options: dict[int, list[tuple[str, float]]], threshold: float) -> str | None:
    """The concept with the highest score summed over ``rows`` that every row may take (no
    other row of its section has it) at the threshold or above; None where there is none."""

    def free(i: int, concept: str) -> bool:
        return not any(mi.concept == concept and members[j] == members[i] and j not in rows
                       for j, mi in enumerate(items))

    scores = [{q: s for q, s in options[i] if free(i, q)} for i in rows]
    shared = set.intersection(*(set(s) for s in scores))
    fit = [q for q in shared if all(s[q] >= threshold for s in scores)]
    return max(fit, key=lambda q: sum(s[q] for s in scores), default=None)


def the_parents_other_comprehensive_income(ms: MappedStatement) -> None:
    """An equity statement laid out by component with a noncontrolling-interest column,
    whose other comprehensive income row leaves that column empty: the whole amount is the
    company's, ``...PortionAttributableToParent`` (Tesla), not the consolidated figure a
    label alone suggests; where the column has an amount the row stays consolidated (P&G,
    Walmart)."""
    whole, _, parents = OTHER_COMPREHENSIVE
    minority = [k for k, m in enumerate(ms.members) if m is not None and m.qname == NONCONTROLLING]
    if not minority or any(mi.concept == parents for mi in ms.items):
        return
    for mi in ms.items:
        shown = [v is not None and bool(v.shown) for v in mi.item.values]
        if mi.concept == whole and any(shown) and not any(shown[k] for k in minority if k < len(shown)):
            mi.reassign(parents, "the noncontrolling interests' column shows none of it: all the company's")


def shares_beside_amounts(ms: MappedStatement, index: ConceptIndex) -> None:
    """A row that prints both a share count and amounts (split in two items by the reader)
    is one movement: its count takes the shares concept the taxonomy pairs with its amount's
    ("StockholdersEquityOther" and "...OtherShares", "StockIssuedDuringPeriodValue..." and
    "...Shares..."), where there is one and no other count has it.  Walmart's "Other" count
    had become a concept of its own beside its `StockholdersEquityOther` amount."""
    used = {mi.concept for mi in ms.items}
    for mi, twin in _counts_beside_amounts(ms):
        if mi.mapping is None or not twin.concept:
            continue
        pair = next((q for q in _share_names(twin.concept) if q in index and index[q].item_kind == "shares"), None)
        if pair is not None and pair != mi.concept and pair not in used:
            used.add(pair)
            mi.reassign(pair, f"the count beside an amount of {twin.concept}: the taxonomy's shares of it")


def _counts_beside_amounts(ms: MappedStatement) -> list[tuple[MappedItem, MappedItem]]:
    """(share count, amounts) for each row the reader split in two, one item per kind."""
    amounts = {(mi.item.line, mi.item.label): mi for mi in ms.items if mi.item.kind is ItemKind.MONETARY}
    return [(mi, amounts[(mi.item.line, mi.item.label)]) for mi in ms.items
            if mi.item.kind is ItemKind.SHARES and (mi.item.line, mi.item.label) in amounts]


def _share_names(concept: str) -> list[str]:
    """The names the taxonomy gives the share count of an amount concept."""
    return [concept.replace("Value", "Shares", 1), f"{concept}Shares"] if "Value" in concept else [f"{concept}Shares"]
