"""Find the statement's own arithmetic: which rows add up to which totals.

Every row with values is tested, in order, as the total of a run of the rows just above
it at the same level (a suffix of the pending rows, not reaching above the section it
sits in; failing that, one reaching above it that adds up exactly in two periods or
more).  Weights come from the taxonomy's logic: +1 where the child's balance equals the
total's, -1 where it is opposite.  A run counts if it adds up exactly in every period;
failing any exact run, one that is off only by the rounding of the printed figures (half a
printed unit for each figure, as XBRL Calculations 1.1 reads them: PG's inventories of
2,022 + 1,012 + 4,516 print a total of 7,551).  Found relations become the calculation
linkbase; totals that match nothing are reported.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from converter.mapper.cashflow import CASH_TOTALS
from converter.mapper.figures import rounding_allowance
from converter.mapper.signs import balance_of, cash_flow_sign
from converter.model.mapping import CalcRelation, MappedItem, MappedStatement, Mapping, SignBasis
from converter.taxonomy.index import ConceptIndex

MAX_CHILDREN = 12


def xbrl_values(item: MappedItem) -> list[Decimal | None]:
    assert item.mapping is not None
    return [
        None if v is None or v.shown is None else v.shown * item.mapping.sign
        for v in item.item.values
    ]


def weight(child: MappedItem, total: MappedItem, index: ConceptIndex) -> float:
    """+1 where the child's balance is the total's, -1 where opposite; toward a net-cash
    total, a cash effect's own weight (the one its sign was read by): net income adds to the
    cash from operations although it is a credit, and that total has no balance."""
    if total.mapping is not None and total.mapping.concept in CASH_TOTALS and child.mapping is not None \
            and child.mapping.sign_basis is SignBasis.CASH_EFFECT:
        return float(cash_flow_sign(child.mapping, balance_of(child.mapping, index), index)[0])
    a, b = balance_of(child.mapping, index), balance_of(total.mapping, index)
    if a is None or b is None or a == b:
        return 1.0
    return -1.0


def find_calculations(ms: MappedStatement, index: ConceptIndex) -> None:
    pending: list[int] = []
    for i, mi in enumerate(ms.items):
        if mi.mapping is None or mi.item.kind != "monetary" or mi.mapping.dimensions or mi.item.balance_at:
            continue  # a balance in a flow statement has its own (instant) context
        match = _match_suffix(ms, pending, i, index) or _match_reversed_total(ms, pending, i, index) \
            or _match_with_extension_balances(ms, pending, i, index)
        if match is not None:
            children, periods = match
            # where the figures add up but the concepts say the opposite (two rows' concepts
            # swapped), no relation is written: it would contradict the taxonomy (DQC 0008)
            if not _reverses_the_taxonomy(ms, children, mi, index):
                ms.calculations.append(CalcRelation(i, [(c, weight(ms.items[c], mi, index)) for c in children],
                                                    periods))
            pending = pending[: len(pending) - len(children)]
        elif mi.item.is_total and not (pending and xbrl_values(ms.items[pending[-1]]) == xbrl_values(mi)) \
                and not _split_above(ms, i):
            ms.unbalanced.append(mi.item.label)  # (a total repeating the one row above it adds up)
        pending.append(i)


def _reverses_the_taxonomy(ms: MappedStatement, children: list[int], total: MappedItem, index: ConceptIndex) -> bool:
    """A child whose concept the US-GAAP calculations sum the total's concept into (the
    total is the child's part there): writing the relation would contradict the taxonomy
    (EDGAR's DQC 0008), as when two rows' concepts are swapped."""
    assert total.mapping is not None
    parents = {p for p, _ in index.calc_parents.get(total.mapping.concept, ())}
    return any(ms.items[c].concept in parents for c in children)


def _split_above(ms: MappedStatement, i: int) -> bool:
    """The row above is a part of this total by a member of an axis (``breakdowns``),
    which assigns parts only where they add up to their total."""
    above, total = (ms.items[i - 1].mapping if i else None), ms.items[i].mapping
    return above is not None and total is not None and bool(above.dimensions) and above.concept == total.concept


def _match_suffix(ms: MappedStatement, pending: list[int], i: int,
                  index: ConceptIndex) -> tuple[list[int], int] | None:
    total = ms.items[i]
    totals = xbrl_values(total)
    longest = 0
    for length in range(1, min(len(pending), MAX_CHILDREN) + 1):
        if not _same_section(ms, pending[-length:], total):
            break
        longest = length
    # the longest run that adds up: a row printed as nil still belongs to its section's total
    for length in range(longest, 1, -1):
        children = pending[-length:]
        checked = _adds_up(ms, children, total, totals, index)
        if checked:
            return children, checked
        checked = _adds_up_with_one_flip(ms, children, total, totals, index)
        if checked:
            return children, checked
    # then within the printed figures' rounding (never with a sign read by the arithmetic)
    for length in range(longest, 1, -1):
        children = pending[-length:]
        checked = _adds_up(ms, children, total, totals, index, rounding=True)
        if checked:
            return children, checked
    # last, a run reaching above the total's section, when it adds up exactly in at least two
    # periods: a section closed too early ("Cash flow hedges" read as a caption of its own
    # after NVIDIA's available-for-sale subtotal) must not hide the total of its parts
    for length in range(min(len(pending), MAX_CHILDREN), max(longest, 1), -1):
        children = pending[-length:]
        checked = _adds_up(ms, children, total, totals, index)
        if checked >= 2:
            return children, checked
    # and so with one row's parentheses read by the arithmetic (Coca-Cola's pension line, a
    # gain of 1 under a concept whose positive is a loss, in a comprehensive income that
    # starts above the other comprehensive income caption it closes)
    for length in range(min(len(pending), MAX_CHILDREN), max(longest, 1), -1):
        children = pending[-length:]
        checked = _adds_up_with_one_flip(ms, children, total, totals, index, at_least=2)
        if checked:
            return children, checked
    return None


def _match_reversed_total(ms: MappedStatement, pending: list[int], i: int,
                          index: ConceptIndex) -> tuple[list[int], int] | None:
    """A total printed without parentheses whose concept has the balance opposite to its
    section's (``SignBasis.OPPOSITE``: Home Depot's "Interest and other, net 2,120", a net
    expense under a credit concept, below "Interest income and other, net (201)" and
    "Interest expense 2,321"): if its rows add up to it only with its sign reversed, the
    arithmetic decides, and the mapping says so.  Not a row in parentheses: treasury stock
    printed "(95,971)" is a deduction, whatever sum of the rows above it may match."""
    mapping = ms.items[i].mapping
    if mapping is None or mapping.sign_basis is not SignBasis.OPPOSITE:
        return None
    mapping.sign = -mapping.sign
    match = _match_suffix(ms, pending, i, index)
    if match is None:
        mapping.sign = -mapping.sign
        return None
    _read_by_the_arithmetic(mapping, "its rows add up to it")
    return match


def _read_by_the_arithmetic(mapping: Mapping, what_adds_up: str) -> None:
    """Record that the statement's arithmetic chose the row's (already reversed) sign."""
    mapping.sign_basis = SignBasis.ARITHMETIC
    mapping.sign_reason = (f"parentheses read by the arithmetic: the XBRL value is the printed value times "
                           f"{mapping.sign}, the only reading under which {what_adds_up}")


def _match_with_extension_balances(ms: MappedStatement, pending: list[int], i: int,
                                   index: ConceptIndex) -> tuple[list[int], int] | None:
    """Our own concepts' balances are a guess from the row's section (Tesla's "Energy
    generation and storage" among costs, after a subtotal closed the "Cost of revenues"
    caption, was a credit like its namesake among revenues): where the rows add up to the
    total only with the extensions among them taking the total's balance, they take it."""
    total = ms.items[i].mapping
    wanted = balance_of(total, index)
    if wanted is None:
        return None
    guessed = {}  # row -> (its mapping, its extension as guessed)
    for c in pending[-MAX_CHILDREN:]:
        m = ms.items[c].mapping
        if m is not None and m.extension is not None and m.extension.balance not in (None, wanted):
            guessed[c] = (m, m.extension)
            m.extension = replace(m.extension, balance=wanted)
    if not guessed:
        return None
    match = _match_suffix(ms, pending, i, index)
    for c, (m, extension) in guessed.items():
        if match is None or c not in match[0]:
            m.extension = extension
    return match


_READABLE = (SignBasis.AMBIGUOUS, SignBasis.NEGATIVE, SignBasis.DEDUCTION, SignBasis.OPPOSITE)


def _adds_up_with_one_flip(ms: MappedStatement, children: list[int], total: MappedItem,
                           totals: list[Decimal | None], index: ConceptIndex, at_least: int = 1) -> int:
    """Parentheses may mean a negative amount or a deduction: a row that mixes signs
    ("Income tax (expense) benefit"), or one printed in parentheses throughout ("Interest
    income (546)" under "Interest:", a deduction from interest expense); and a row without
    parentheses may still be the opposite of its concept ("Other operating expense (income),
    net" among expenses, a credit concept).  If the run adds up only with one such row's
    sign reversed, the arithmetic decides, and the mapping says so.  Rows with mixed signs
    are tried first, rows without parentheses last."""
    ordered = sorted((c for c in children if ms.items[c].mapping is not None
                      and ms.items[c].mapping.sign_basis in _READABLE),  # type: ignore[union-attr]
                     key=lambda c: _READABLE.index(ms.items[c].mapping.sign_basis))  # type: ignore[union-attr]
    for c in ordered:
        mapping = ms.items[c].mapping
        assert mapping is not None
        mapping.sign = -mapping.sign
        checked = _adds_up(ms, children, total, totals, index)
        if checked >= at_least:
            _read_by_the_arithmetic(mapping, f"'{total.item.label}' adds up")
            return checked
        mapping.sign = -mapping.sign
    return 0


def _same_section(ms: MappedStatement, children: list[int], total: MappedItem) -> bool:
    """Children sit in the total's section or in sections nested inside it."""
    outer = total.item.sections
    return all(ms.items[c].item.sections[: len(outer)] == outer for c in children)


def _adds_up(ms: MappedStatement, children: list[int], total: MappedItem,
             totals: list[Decimal | None], index: ConceptIndex, rounding: bool = False) -> int:
    """In how many periods the children add up to the total (0 when one does not)."""
    checked = 0
    for p, expected in enumerate(totals):
        if expected is None:
            continue
        parts = [xbrl_values(ms.items[c])[p] for c in children]
        present = [(c, v) for c, v in zip(children, parts, strict=True) if v is not None]
        if len(present) < 1:
            return 0
        got = sum((Decimal(weight(ms.items[c], total, index)) * v for c, v in present), Decimal(0))
        allowed = _rounding(total, [c for c, _ in present], ms, p, expected) if rounding else Decimal(0)
        if abs(got - expected) > allowed:
            return 0
        checked += 1
    return checked


def _rounding(total: MappedItem, children: list[int], ms: MappedStatement, p: int, expected: Decimal) -> Decimal:
    return rounding_allowance([_unit(ms.items[c], p) for c in children] + [_unit(total, p)], expected)


def _unit(item: MappedItem, p: int) -> Decimal:
    amount = item.item.values[p]
    return Decimal(1).scaleb(-amount.decimals_shown) if amount is not None else Decimal(0)
