"""Net income and equity with a noncontrolling interest: which line is the consolidated one.

Labels cannot tell it: "Net income" is the consolidated result (``ProfitLoss``) when the
statement goes on to split it between noncontrolling interests and the company, and the
company's share (``NetIncomeLoss``) when it does not.  The arithmetic tells it: where a
"Net income" line equals the noncontrolling share plus a following "attributable to" line
in some period, the three lines are total, minority share and parent share.  Other
statements that print the same consolidated figure (cash flows, comprehensive income)
then carry ``ProfitLoss`` too, and the results above that consolidated line (income from
continuing and from discontinued operations) are consolidated as well, unless they say
whose they are; printed again below the company's share, they are the company's.  The
balance sheet's equity is split the same way: the company's equity, the noncontrolling
interests, and their sum, total equity.
"""

from __future__ import annotations

import re
from decimal import Decimal

from converter.mapper.figures import figures
from converter.model.mapping import MappedItem, MappedStatement
from converter.model.statements import ItemKind, StatementKind

TOTAL_EQUITY = "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"
PARENT_EQUITY = "us-gaap:StockholdersEquity"
MINORITY_EQUITY = "us-gaap:MinorityInterest"
PROFIT_LOSS = "us-gaap:ProfitLoss"
NET_INCOME = "us-gaap:NetIncomeLoss"
MINORITY_SHARE = "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"
# the company's share -> the consolidated figure, for the results above net income (and
# back, for the same results printed again below the company's share)
CONSOLIDATED_RESULTS = {
    "us-gaap:IncomeLossFromContinuingOperations":
        "us-gaap:IncomeLossFromContinuingOperationsIncludingPortionAttributableToNoncontrollingInterest",
    "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxAttributableToReportingEntity":
        "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax",
}
COMPANY_RESULTS = {consolidated: own for own, consolidated in CONSOLIDATED_RESULTS.items()}
_MINORITY = re.compile(r"non-?controlling|minority", re.I)
_ATTRIBUTABLE = re.compile(r"attributable|applicable|available", re.I)
_WHOSE = re.compile(rf"{_ATTRIBUTABLE.pattern}|{_MINORITY.pattern}", re.I)  # a label that says whose it is
_NET_RESULT = re.compile(r"\bnet\s+(income|earnings|loss|profit)", re.I)


# a statement of comprehensive income splits (other) comprehensive income the same way:
# (consolidated, noncontrolling interests' share, the company's share)
COMPREHENSIVE = ("us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest",
                 "us-gaap:ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest",
                 "us-gaap:ComprehensiveIncomeNetOfTax")
OTHER_COMPREHENSIVE = ("us-gaap:OtherComprehensiveIncomeLossNetOfTax",
                       "us-gaap:OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToNoncontrollingInterest",
                       "us-gaap:OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToParent")
_COMPREHENSIVE_LINE = re.compile(r"\bcomprehensive\s+\(?(income|earnings|loss)", re.I)
_OTHER = re.compile(r"\bother\s+comprehensive", re.I)


def split_net_income(statements: list[MappedStatement]) -> None:
    """Find the consolidated/minority/parent triple in the income statement and label the
    same consolidated figure ``ProfitLoss`` wherever else it is printed; split comprehensive
    income and its other part the same way in a statement of comprehensive income."""
    consolidated: list[dict[str, Decimal]] = []
    for ms in statements:
        if ms.statement.kind == StatementKind.BS:
            _split_equity(ms)
        if ms.statement.kind == StatementKind.CI:
            _split_comprehensive(ms)
        if ms.statement.kind == StatementKind.IS:
            row = _split(ms)
            if row is not None:
                consolidated.append(figures(ms, row))
    if not consolidated:
        return
    for ms in statements:
        if ms.statement.kind == StatementKind.IS or _uses(ms, PROFIT_LOSS):
            continue
        for mi in ms.items:
            if mi.concept == NET_INCOME and any(_agrees(figures(ms, mi), c) for c in consolidated):
                mi.reassign(PROFIT_LOSS, "the same figure is the income statement's consolidated net income")


def _split(ms: MappedStatement) -> MappedItem | None:
    """Relabel the triple in one income statement; returns the consolidated row."""
    items = [mi for mi in ms.items if mi.mapping is not None and mi.item.kind == ItemKind.MONETARY]
    for k, minority in enumerate(items):
        if not _MINORITY.search(minority.item.label):
            continue
        total = next((mi for mi in reversed(items[:k]) if mi.concept in (NET_INCOME, PROFIT_LOSS)
                      and not _ATTRIBUTABLE.search(mi.item.label)), None)
        # the company's share: "attributable to" it, or the next net result that, with the
        # minority share, adds up to the total ("Net income - Omnicom Group Inc.")
        later = [mi for mi in items[k + 1:] if _NET_RESULT.search(mi.item.label)
                 and not _MINORITY.search(mi.item.label)]
        parent = next((mi for mi in later if _ATTRIBUTABLE.search(mi.item.label)), None)
        if total is not None and (parent is None or not _adds_up(ms, total, minority, parent)):
            parent = next((mi for mi in later if _adds_up(ms, total, minority, mi)), None)
        if total is None or parent is None or not _adds_up(ms, total, minority, parent):
            continue
        why = "net income split between noncontrolling interests and the company adds up"
        for other in items:  # the company's net income printed again (a summary block)
            again = other.concept == PROFIT_LOSS or other.item.label.lower() == parent.item.label.lower()
            if other is not total and other is not parent and again \
                    and _agrees(figures(ms, other), figures(ms, parent)):
                other.reassign(NET_INCOME, why)
        if _uses(ms, PROFIT_LOSS) and total.concept != PROFIT_LOSS:
            return None
        total.reassign(PROFIT_LOSS, why)
        parent.reassign(NET_INCOME, why)
        if not _uses(ms, MINORITY_SHARE):
            minority.reassign(MINORITY_SHARE, why)
        _retag(items[:items.index(total)], CONSOLIDATED_RESULTS, _WHOSE,
               "a result above a net income split between noncontrolling interests and the company includes both")
        _retag(items[items.index(parent) + 1:], COMPANY_RESULTS, _MINORITY,
               "a result below the company's share of a split net income is the company's")
        return total
    return None


def _retag(rows: list[MappedItem], concepts: dict[str, str], says_whose: re.Pattern[str], why: str) -> None:
    """Income from continuing and from discontinued operations above a consolidated net
    income that is split afterwards (FAS 160's layout) are consolidated too, and printed
    again below the company's share (a summary "amounts attributable to" block) are the
    company's: each row's concept to the one ``concepts`` gives, unless its label says
    whose it is or a row here already has that concept."""
    taken = {mi.concept for mi in rows}
    for mi in rows:
        target = concepts.get(mi.concept or "")
        if target is None or target in taken or says_whose.search(mi.item.label):
            continue
        taken.add(target)
        mi.reassign(target, why)


def _split_comprehensive(ms: MappedStatement) -> None:
    """Each "... comprehensive income attributable to noncontrolling interests" line with a
    consolidated line above it and the company's line below it that add up: the three take
    the split concepts, other comprehensive income's or comprehensive income's as the
    minority line says (Walmart's "Other comprehensive income (loss), net" had taken the
    parent's portion, and the company's line then a tax concept)."""
    items = [mi for mi in ms.items if mi.mapping is not None and mi.item.kind == ItemKind.MONETARY]
    for k, minority in enumerate(items):
        if not (_MINORITY.search(minority.item.label) and _COMPREHENSIVE_LINE.search(minority.item.label)):
            continue
        other = bool(_OTHER.search(minority.item.label))
        total = next((mi for mi in reversed(items[:k])
                      if _comprehensive(mi, other) and not _ATTRIBUTABLE.search(mi.item.label)), None)
        parent = next((mi for mi in items[k + 1:]
                       if _comprehensive(mi, other) and _ATTRIBUTABLE.search(mi.item.label)), None)
        if total is None or parent is None or not _adds_up(ms, total, minority, parent):
            continue
        why = "comprehensive income split between noncontrolling interests and the company adds up"
        triple = (total, minority, parent)
        concepts = OTHER_COMPREHENSIVE if other else COMPREHENSIVE
        if any(mi.concept == c and mi not in triple for mi in ms.items for c in concepts):
            continue  # another line already carries one of them
        for mi, concept in zip(triple, concepts, strict=True):
            if mi.concept != concept:
                mi.reassign(concept, why)
        if not other:
            _consolidated_other_comprehensive(ms, items[:items.index(total)])


def _consolidated_other_comprehensive(ms: MappedStatement, above: list[MappedItem]) -> None:
    """Other comprehensive income above a consolidated comprehensive income that is split
    afterwards adds into the consolidated figure: it is consolidated too
    (``OtherComprehensiveIncomeLossNetOfTax``), not the company's share a label alone
    suggests (Tesla's "Total other comprehensive income (loss)" above "Comprehensive
    income", then the noncontrolling interests' and the stockholders' shares), unless other
    comprehensive income is split itself."""
    whole, _, parents = OTHER_COMPREHENSIVE
    if any(mi.concept == whole for mi in ms.items):
        return
    for mi in above:
        if mi.concept == parents and not _WHOSE.search(mi.item.label):
            mi.reassign(whole, "other comprehensive income that adds into the consolidated comprehensive income "
                               "below it is consolidated")


def _comprehensive(mi: MappedItem, other: bool) -> bool:
    """A line of comprehensive income (``other``: of other comprehensive income) that is
    not the noncontrolling interests' share."""
    label = mi.item.label
    return bool(_COMPREHENSIVE_LINE.search(label)) and bool(_OTHER.search(label)) == other \
        and not _MINORITY.search(label)


def _split_equity(ms: MappedStatement) -> None:
    """Balance sheet: a total just below the noncontrolling interests includes them (total
    equity).  Where the company's own equity is subtotalled just above them and the three
    add up, that subtotal is the parent's share."""
    items = [mi for mi in ms.items if mi.mapping is not None and mi.item.kind == ItemKind.MONETARY]
    for k, minority in enumerate(items):
        if not _MINORITY.search(minority.item.label) or minority.item.is_total or k == 0:
            continue
        total = items[k + 1] if k + 1 < len(items) and items[k + 1].item.is_total else None
        if total is None or total.concept not in (PARENT_EQUITY, TOTAL_EQUITY):
            continue
        parent = items[k - 1]
        why = "a total just below the noncontrolling interests includes them"
        if parent.item.is_total and parent.concept in (PARENT_EQUITY, TOTAL_EQUITY):
            if not _adds_up(ms, total, minority, parent):
                continue
            why = "equity split between the company and noncontrolling interests adds up"
            parent.reassign(PARENT_EQUITY, why)
        elif _uses(ms, TOTAL_EQUITY) and total.concept != TOTAL_EQUITY:
            continue
        total.reassign(TOTAL_EQUITY, why)
        return


def _adds_up(ms: MappedStatement, total: MappedItem, minority: MappedItem, parent: MappedItem) -> bool:
    """total = minority + parent in a period where all three are shown, by printed
    magnitudes: the two shares add up, or (a net loss of which the minority earned a
    profit, or a profit of which it bore a loss) one is the other less the total."""
    t, m, p = figures(ms, total), figures(ms, minority), figures(ms, parent)
    return any(m[k] != 0 and abs(t[k]) in (abs(m[k]) + abs(p[k]), abs(abs(p[k]) - abs(m[k])))
               for k in t.keys() & m.keys() & p.keys())


def _agrees(a: dict[str, Decimal], b: dict[str, Decimal]) -> bool:
    shared = a.keys() & b.keys()
    return bool(shared) and all(abs(a[k]) == abs(b[k]) for k in shared)


def _uses(ms: MappedStatement, concept: str) -> bool:
    return any(mi.concept == concept for mi in ms.items)

