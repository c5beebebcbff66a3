"""Numbers written inside line-item labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.extraction.labels import extract_embedded
from converter.model.statements import Period

JUNE, DECEMBER = Period(date(2025, 6, 30)), Period(date(2024, 12, 31))


def test_allowances_named_by_year() -> None:
    facts, unread = extract_embedded(
        "Notes and accounts receivable — trade (net of allowances of $109 in 2025 and $114 in 2024)",
        [JUNE, DECEMBER], "BS")
    assert unread == []
    assert {(f.period.end, f.amount.shown) for f in facts} == {(JUNE.end, Decimal(109)), (DECEMBER.end, Decimal(114))}
    assert all(f.role.startswith("allowance") and f.kind == "monetary" and f.scaled for f in facts)


def test_a_year_that_names_no_single_date_is_not_guessed() -> None:
    facts, unread = extract_embedded("Receivables (net of allowances of $5 in 2019 and $4 in 2018)",
                                     [JUNE, DECEMBER], "BS")
    assert facts == []
    assert unread  # reported as left out, not dropped
