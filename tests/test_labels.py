"""Numbers written inside line-item labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.extraction.labels import clean_label, extract_embedded
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


def test_share_counts_listed_by_year() -> None:
    june25, june24 = Period(date(2025, 6, 30)), Period(date(2024, 6, 30))
    facts, unread = extract_embedded("Treasury stock, at cost (shares held: 2025 - 1,667.3, 2024 - 1,652.2)",
                                     [june25, june24], "BS")
    assert unread == []
    assert {(f.period.end, f.amount.shown, f.kind) for f in facts} == {
        (june25.end, Decimal("1667.3"), "shares"), (june24.end, Decimal("1652.2"), "shares")}


@pytest.mark.parametrize(("raw", "label"), [
    # facts written into the label come out
    ("Common stock, $.01 par value; 100,000 shares authorized", "Common stock"),
    ("Preferred stock, $1 par value, 20.0 shares authorized and none issued", "Preferred stock"),
    ("Treasury stock, at cost, 40.2 and 40.1 shares", "Treasury stock, at cost"),
    ("Common stock, authorized 3.6 billion shares, issued 1,189 million", "Common stock"),
    ("Common stock, no par value", "Common stock"),
    ("Common stock (authorized 10 shares) and additional paid-in capital", "Common stock and additional paid-in capital"),
    ("Purchases (607,202 shares) and sales (833,460 shares) of treasury stock under employee plans — net",
     "Purchases and sales of treasury stock under employee plans — net"),
    # what the row itself is stays: no amount follows the words
    ("Capital in excess of par value", "Capital in excess of par value"),
    ("Common stock, par value", "Common stock, par value"),
    ("Common Stock, Shares, Issued", "Common Stock, Shares, Issued"),
    ("Common stock, shares authorized", "Common stock, shares authorized"),
])
def test_the_label_keeps_what_the_row_is(raw: str, label: str) -> None:
    assert clean_label(raw) == label
