"""Numbers written inside line-item labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.extraction.labels import clean_label, extract_embedded
from converter.extraction.statements import is_total_label, kind_in_context
from converter.model.statements import ItemKind, Period, StatementKind

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
    # after a colon or a dash, a description of the shares
    ("Treasury stock, at cost: June 30, 2009 - 164,026,833 shares and December 31, 2008 - 221,675,719 shares",
     "Treasury stock, at cost"),
    ("Less: Treasury stock at cost - 167,707,941 shares at August 1, 2009", "Less: Treasury stock at cost"),
    ("Common stock, $.10 par value: Authorized - 1,000.0 shares Outstanding - 397.5 shares", "Common stock"),
    ("Common stock - 3.6 billion shares authorized", "Common stock"),
    # a contra amount taken off the row makes it net
    ("Customer receivables (less allowance for doubtful accounts of $35 and $32)", "Customer receivables, net"),
    # a parenthesis that opens "net of" goes with it, nested parentheses and all
    ("Foreign currency translation (net of tax (benefit)/expense of $(442), $66 and $(197), respectively)",
     "Foreign currency translation, net"),
    ("Notes and accounts receivable — trade (net of allowances of $109 in 2025 and $114 in 2024)",
     "Notes and accounts receivable — trade, net"),
    ("Receivables from customers, less allowances of $72 in 2009 and $65 in 2008", "Receivables from customers, net"),
    ("Property, plant and equipment, less accumulated depreciation of $2,574 and $2,436",
     "Property, plant and equipment, net"),
    # ... but not a current portion, and not a row that is the contra amount itself
    ("Long-term debt, less current portion", "Long-term debt, less current portion"),
    ("Less: accumulated depreciation", "Less: accumulated depreciation"),
    # what the row itself is stays: no amount follows the words
    ("Capital in excess of par value", "Capital in excess of par value"),
    ("Common stock, par value", "Common stock, par value"),
    ("Common Stock, Shares, Issued", "Common Stock, Shares, Issued"),
    ("Common stock, shares authorized", "Common stock, shares authorized"),
    # a reference to the notes is where to read more, not what the row is
    ("Restructuring (Note 7)", "Restructuring"),
    ("Income taxes (Notes 1 and 9)", "Income taxes"),
    ("Goodwill [Note 4]", "Goodwill"),
    ("Note receivable (Note 3)", "Note receivable"),
    # amounts in a parenthesis of their own, even one a semicolon splits
    ("Other liabilities (portion measured at fair value: 2009 - $3,277; 2008 - $3,159)", "Other liabilities"),
    ("Net income (loss)", "Net income (loss)"),
    # a footnote's mark at the end is no part of the label
    ("Inventories (F)", "Inventories"),
    ("Revenues (1)", "Revenues"),
    ("Goodwill*", "Goodwill"),
    ("Class (A) common stock", "Class (A) common stock"),
    # the cash that came with a business bought or went with one sold names the concept
    ("Acquisitions, net of cash acquired (E)", "Acquisitions, net of cash acquired"),
    ("Proceeds from sale of business, net of cash sold", "Proceeds from sale of business, net of cash sold"),
    # refunds the taxes are net of say they were paid in cash
    ("Income taxes, net of refunds", "Income taxes, net of refunds"),
    # a tax the row is net of goes; what the row counts stays
    ("Income (Loss) from Discontinued Operations, Net of Tax, Per Diluted Share",
     "Income (Loss) from Discontinued Operations, net, Per Diluted Share"),
])
def test_the_label_keeps_what_the_row_is(raw: str, label: str) -> None:
    assert clean_label(raw) == label


@pytest.mark.parametrize(("raw", "kind"), [
    # a class of stock described by its par value is the stock's amount
    ("Common shares, $.01 par value; authorized 100,000 shares; issued 50,000 shares", ItemKind.MONETARY),
    ("Preferred shares, no par value", ItemKind.MONETARY),
    # a count named by its words, printed without a count of its own
    ("Common stock, shares authorized", ItemKind.SHARES),
    ("Preferred stock, shares issued (in shares)", ItemKind.SHARES),
    ("Common stock, shares issued at December 31, 2024", ItemKind.SHARES),
    # the count is in the label; the row's values are the stock's amount (P&G)
    ("Common stock – shares issued – March 2025 4,009.2 June 2024 4,009.2", ItemKind.MONETARY),
    ("Common stock, par value (in dollars per share)", ItemKind.PER_SHARE),
    ("Treasury shares, at cost", ItemKind.MONETARY),
    # a row naming its count after a comma
    ("Treasury stock, shares", ItemKind.SHARES),
    ("Balance, shares", ItemKind.SHARES),
    ("Treasury stock", ItemKind.MONETARY),
    # the par value itself, printed without a figure; not the capital paid above it
    ("Common stock, par value", ItemKind.PER_SHARE),
    ("Preferred stock - par value", ItemKind.PER_SHARE),
    ("Capital in excess of par value", ItemKind.MONETARY),
    # what the printed label says the row counts, where cleaning took those words off
    ("Income (Loss) from Discontinued Operations, Net of Tax, Per Basic Share", ItemKind.PER_SHARE),
    ("Cash dividends declared ($1.00 per share)", ItemKind.MONETARY),
    ("Dividends declared, $.50 per common share", ItemKind.MONETARY),
    # a parenthesis that describes the stock is not the row's unit; one that names it is
    ("Class A Common Stock (one vote per share); $0.001 par value; 100,000,000 shares authorized",
     ItemKind.MONETARY),
    ("Net income (per share)", ItemKind.PER_SHARE),
    # an amount per share written into a class of stock's description is not the row's unit
    ("Common stock, par value $0.33 1/3 per share (2,805,961,317 shares issued)", ItemKind.MONETARY),
    ("Preferred stock, $100 par per share, 5 shares authorized and unissued", ItemKind.MONETARY),
    ("Common stock, at par value", ItemKind.MONETARY),
    # a count's words inside "per ... share" make it per share; beside it, a count
    ("Income from discontinued operations per weighted average common share - basic", ItemKind.PER_SHARE),
    ("Basic earnings per share, weighted-average number of shares outstanding (thousands)", ItemKind.SHARES),
    ("Shares used in computing net income per share", ItemKind.SHARES),
    # a company's name between "per" and "share"
    ("Dividends declared per El Paso Corporation's common share", ItemKind.PER_SHARE),
])
def test_a_stock_row_is_an_amount_or_a_count_by_what_it_prints(raw: str, kind: ItemKind) -> None:
    assert kind_in_context(clean_label(raw), (), raw) is kind


def test_dividends_per_share_in_an_equity_movement_become_facts() -> None:
    """"Cash dividends declared ($0.7467 per share)" (Walmart): the amount a share, for the
    movement's period; the label keeps what the row is.  A list by year goes to the years'
    periods (Coca-Cola); one amount beside several periods is left out, not guessed."""
    year = Period(date(2025, 1, 31), date(2024, 2, 1))
    raw = "Cash dividends declared ($0.7467 per share)"
    facts, unread = extract_embedded(raw, [year], "EQ")
    assert clean_label(raw) == "Cash dividends declared"
    assert unread == []
    assert [(f.role, f.amount.shown, f.kind, f.period) for f in facts] == [
        ("per share", Decimal("0.7467"), "perShare", year)]

    years = [Period(date(y, 12, 31), date(y, 1, 1)) for y in (2024, 2023, 2022)]
    raw = "Dividends (per share — $1.94, $1.84 and $1.76 in 2024, 2023 and 2022, respectively)"
    facts, unread = extract_embedded(raw, years, "EQ")
    assert clean_label(raw) == "Dividends"
    assert [(f.amount.shown, f.period.end.year) for f in facts] == [
        (Decimal("1.94"), 2024), (Decimal("1.84"), 2023), (Decimal("1.76"), 2022)]

    facts, unread = extract_embedded("Cash dividends ($0.50 per share)", years, "IS")
    assert facts == [] and unread == ["$0.50"]


def test_a_cash_flow_statement_counts_cash_not_shares() -> None:
    """"Shares repurchased" among financing rows is what the shares cost; a count named as
    one ("(in shares)") stays a count, and elsewhere the words still count shares."""
    assert kind_in_context("Shares repurchased", (), "Shares repurchased", StatementKind.CF) is ItemKind.MONETARY
    raw = "Shares issued in acquisition (in shares)"
    assert kind_in_context(clean_label(raw), (), raw, StatementKind.CF) is ItemKind.SHARES
    assert kind_in_context("Weighted average shares", (), "", StatementKind.IS) is ItemKind.SHARES


def test_a_balance_sheets_common_shares_are_the_stock() -> None:
    """"Common shares" on a balance sheet is the stock's amount; words that count them
    ("outstanding", "issued") keep a count."""
    assert kind_in_context("Common shares", (), "Common shares", StatementKind.BS) is ItemKind.MONETARY
    assert kind_in_context("Common shares outstanding", (), "", StatementKind.BS) is ItemKind.SHARES
    assert kind_in_context("Common shares", (), "Common shares", StatementKind.IS) is ItemKind.SHARES


def test_an_equity_section_of_paid_in_capital_counts_no_shares() -> None:
    """An equity statement laid out one component per section (Home Depot's): under
    "Paid-in Capital:" the shares issued are what they added to it; under "Common Stock:"
    the same words may still count shares."""
    label = "Shares issued under employee stock plans, net"
    for section in ("Paid-in Capital:", "Retained Earnings:", "Accumulated Other Comprehensive Loss:"):
        assert kind_in_context(label, (section,), label, StatementKind.EQ) is ItemKind.MONETARY
    assert kind_in_context(label, ("Common Stock:",), label, StatementKind.EQ) is ItemKind.SHARES
    assert kind_in_context(label, ("Paid-in Capital:",), label, StatementKind.BS) is ItemKind.SHARES


def test_a_total_is_named_first_or_last() -> None:
    assert is_total_label("Total assets") and is_total_label("Assets, Total")
    assert is_total_label("Liabilities, Current, Total")
    assert not is_total_label("Totally owned subsidiaries") and not is_total_label("Assets")


def test_a_count_printed_with_a_currency_sign_is_an_amount() -> None:
    """Coca-Cola's vertical equity statement: "Common Stock $1,760" right after the section
    "Number of common shares outstanding" is the stock's amount, not a count; the counts
    above it, printed without a sign, stay counts."""
    from converter.extraction.statements import build_statement
    from converter.model.document import Row, Table
    rows = [["", "Year Ended December 31, 2024", "Year Ended December 31, 2023"],
            ["NUMBER OF COMMON SHARES OUTSTANDING", "", ""],
            ["Balance at beginning of year", "4,313", "4,325"],
            ["Purchases of stock for treasury", "(20)", "(35)"],
            ["Balance at end of year", "4,308", "4,313"],
            ["COMMON STOCK", "$ 1,760", "$ 1,760"]]
    table = Table(rows=[Row(cells=r, line=n) for n, r in enumerate(rows, 1)], caption=["(In millions)"], line=1,
                  spans_known=True)
    statement = build_statement(table, StatementKind.EQ, [])
    assert statement is not None
    kinds = {i.label: i.kind for i in statement.items if not i.is_header}
    assert kinds["Purchases of stock for treasury"] is ItemKind.SHARES
    assert kinds["COMMON STOCK"] is ItemKind.MONETARY
