"""The mapper on its own: the committed evidence, ranking, reasons, constraints."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from converter.errors import TaxonomyError
from converter.mapper import evidence as evidence_module
from converter.mapper import mapper as mapper_module
from converter.mapper.allocations import included_subject
from converter.mapper.evidence import EVIDENCE_FILE, build_evidence, load_evidence
from converter.mapper.mapper import EXTENSION_THRESHOLD, Mapper, printed_directions
from converter.mapper.similarity import tokens
from converter.model.mapping import MappedStatement, Mapping
from converter.model.statements import Amount, ItemKind, LineItem, Period, Statement, StatementKind
from converter.resources import data_dir
from converter.taxonomy.deprecated import load_deprecated


@pytest.fixture(scope="module")
def mapper() -> Mapper:
    return Mapper()


def test_committed_evidence_is_what_the_code_derives(tmp_path: Path) -> None:
    """The evidence file is derived data: rebuilding it from the committed index, filer
    labels and deprecated list must give the same arrays (else run 'taxonomy evidence')."""
    for name in ("concept-index.json.gz", "filer-labels.json.gz", "deprecated-concepts.json.gz"):
        shutil.copy(data_dir("taxonomy") / name, tmp_path / name)
    build_evidence(tmp_path)
    with np.load(tmp_path / EVIDENCE_FILE) as rebuilt, np.load(data_dir("taxonomy") / EVIDENCE_FILE) as committed:
        assert sorted(rebuilt.files) == sorted(committed.files)
        for name in committed.files:
            assert np.array_equal(rebuilt[name], committed[name]), f"{name} differs: run 'xbrl-converter taxonomy evidence'"


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    for name in ("concept-index.json.gz", "filer-labels.json.gz", "deprecated-concepts.json.gz"):
        shutil.copy(data_dir("taxonomy") / name, tmp_path / name)
    build_evidence(tmp_path)
    first = (tmp_path / EVIDENCE_FILE).read_bytes()
    build_evidence(tmp_path)
    assert (tmp_path / EVIDENCE_FILE).read_bytes() == first


def test_unreadable_evidence_is_a_taxonomy_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "taxonomy"
    folder.mkdir()
    (folder / EVIDENCE_FILE).write_bytes(b"not a zip")
    monkeypatch.setattr(evidence_module, "data_dir", lambda name: folder)
    load_evidence.cache_clear()
    try:
        with pytest.raises(TaxonomyError, match="taxonomy evidence"):
            load_evidence()
    finally:
        load_evidence.cache_clear()


@pytest.mark.parametrize(("label", "kind", "statement", "sections", "expected"), [
    ("Total assets", "monetary", "BS", (), "us-gaap:Assets"),
    ("Accounts receivable, net", "monetary", "BS", ("Current assets",), "us-gaap:AccountsReceivableNetCurrent"),
    ("Provision for income taxes", "monetary", "IS", (), "us-gaap:IncomeTaxExpenseBenefit"),
    ("Net income", "monetary", "IS", (), "us-gaap:NetIncomeLoss"),
    ("Diluted", "perShare", "IS", ("Net income per share",), "us-gaap:EarningsPerShareDiluted"),
    ("Depreciation and amortization", "monetary", "CF", ("Operating activities",),
     "us-gaap:DepreciationDepletionAndAmortization"),
    ("Gain on repurchase of subordinated debt", "monetary", "CF", (), "us-gaap:GainsLossesOnExtinguishmentOfDebt"),
    # a label printed for balances too ("Other" 1,000 times) is read among the row's concepts
    ("Other", "monetary", "CF", ("Adjustments to reconcile net income to net cash provided by operating activities",),
     "us-gaap:OtherNoncashIncomeExpense"),
    # 'operating lease' and 'redeemable' must be in the concept's name too
    ("Operating lease obligations due within one year", "monetary", "BS", ("Current liabilities",),
     "us-gaap:OperatingLeaseLiabilityCurrent"),
    ("Long-term operating lease obligations", "monetary", "BS", (), "us-gaap:OperatingLeaseLiabilityNoncurrent"),
    ("Redeemable noncontrolling interests in subsidiaries", "monetary", "BS", (),
     "us-gaap:RedeemableNoncontrollingInterestEquityCarryingAmount"),
    # filers' usage relieves a label's silence, not a section that says the opposite
    ("Accrued compensation", "monetary", "BS", ("Current liabilities",), "us-gaap:EmployeeRelatedLiabilitiesCurrent"),
    ("Deferred income taxes", "monetary", "BS", ("Current assets",), "us-gaap:DeferredIncomeTaxAssetsNet"),
    # what a label says it includes is not what the row is
    ("Retained deficit, including accumulated other comprehensive loss", "monetary", "BS",
     ("Stockholders' equity",), "us-gaap:RetainedEarningsAccumulatedDeficit"),
    # a statement of operations and comprehensive income holds comprehensive income
    ("Total comprehensive income attributable to Lennar", "monetary", "IS", (), "us-gaap:ComprehensiveIncomeNetOfTax"),
    # common stock "and" its paid-in capital is the two as one amount (no-par stock), not
    # the paid-in capital of common stock, though the words are the same
    ("Common stock and additional paid-in capital", "monetary", "BS", ("Shareholders' equity",),
     "us-gaap:CommonStocksIncludingAdditionalPaidInCapital"),
    ("Additional paid-in capital, common stock", "monetary", "BS", ("Shareholders' equity",),
     "us-gaap:AdditionalPaidInCapitalCommonStock"),
    # a cash-flow row that names an expense adds it back: not a change in a balance, not a
    # payment; an accrued expense is a balance
    ("Pension and other postretirement expense", "monetary", "CF", ("Operating activities",),
     "us-gaap:PensionAndOtherPostretirementBenefitExpense"),
    ("Accrued expenses", "monetary", "CF", ("Changes in operating assets and liabilities",),
     "us-gaap:IncreaseDecreaseInAccruedLiabilities"),
    ("Income taxes, net of refunds", "monetary", "CF", (), "us-gaap:IncomeTaxesPaidNet"),
    # "available" alone is no class of securities, and a figure is basic unless it says diluted
    ("Net income applicable to common stockholders", "monetary", "IS", (),
     "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"),
    # a revenue subtotal names no cost, whatever a filer's "automotive cost of sales" shares with it
    ("Total automotive revenues", "monetary", "IS", ("Revenues",),
     "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
])
def test_first_choice(mapper: Mapper, label: str, kind: str, statement: str, sections: tuple[str, ...],
                      expected: str) -> None:
    ranked = mapper.rank(label, kind, statement, sections)
    assert ranked[0].qname == expected, [(s.qname, round(s.score, 2)) for s in ranked]


@pytest.mark.parametrize(("abbreviated", "spelt_out"), [
    ("SG&A expenses", "Selling, general and administrative expenses"), ("R&D", "Research and development"),
    ("D&A", "Depreciation and amortization"), ("Proceeds from FHLB advances",
                                               "Proceeds from Federal Home Loan Bank advances"),
    ("Net change in AOCI", "Net change in accumulated other comprehensive income"),
    ("FDIC insurance", "Federal Deposit Insurance Corporation insurance"),
    ("OREO expense", "Other real estate owned expense")])
def test_abbreviations_are_read_as_their_words(abbreviated: str, spelt_out: str) -> None:
    assert tokens(abbreviated) == tokens(spelt_out)


@pytest.mark.parametrize("statement", ["BS", "CF"])
def test_restricted_cash_after_the_pair_is_added_to_it(mapper: Mapper, statement: str) -> None:
    """"Cash and cash equivalents and restricted cash" is the sum of the two, not
    restricted cash and cash equivalents; "restricted cash and cash equivalents" is the latter."""
    total = mapper.rank("Total cash, cash equivalents and restricted cash", "monetary", statement, period="instant")
    assert total[0].qname == "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents", total
    restricted = mapper.rank("Restricted cash and cash equivalents", "monetary", statement, period="instant")
    assert restricted[0].qname == "us-gaap:RestrictedCashAndCashEquivalents", restricted


def test_where_a_reconciliation_says_an_amount_sits_says_current_or_not(mapper: Mapper) -> None:
    """ASU 2016-18's reconciliation: "Restricted cash included in other current assets" is
    current, "..., included in other assets" noncurrent (both standard concepts, where the
    words alone had fallen to an extension)."""
    current = mapper.rank("Restricted cash, included in prepaid expenses and other current assets", "monetary",
                          "CF", period="instant")
    assert current[0].qname == "us-gaap:RestrictedCashCurrent", current
    other = mapper.rank("Restricted cash, included in other assets", "monetary", "CF", period="instant")
    assert other[0].qname == "us-gaap:RestrictedCashNoncurrent", other


def test_an_asset_row_is_offered_no_liability_by_its_balance(mapper: Mapper) -> None:
    """A bare "Other" among noncurrent assets: no credit-balance concept (a debt's, whose
    name does not say liability), though contra assets named as such stay possible."""
    index = mapper.index
    ranked = mapper.rank("Other", "monetary", "BS", ("Noncurrent assets",), limit=5)
    assert ranked[0].qname == "us-gaap:OtherAssetsNoncurrent", ranked
    assert all(index[s.qname].balance != "credit" for s in ranked), [(s.qname, s.score) for s in ranked]
    allowance = mapper.rank("Less allowance for doubtful accounts", "monetary", "BS", ("Current assets",))
    assert index[allowance[0].qname].balance == "credit", allowance


@pytest.mark.parametrize(("label", "expected"), [
    ("Administrative and selling expenses", "us-gaap:SellingGeneralAndAdministrativeExpense"),
    ("General, selling and administrative expenses", "us-gaap:SellingGeneralAndAdministrativeExpense"),
    ("Selling, general administrative, and other expenses", "us-gaap:SellingGeneralAndAdministrativeExpense"),
    ("General and administrative expenses", "us-gaap:GeneralAndAdministrativeExpense"),
])
def test_selling_general_and_administrative_in_any_order(mapper: Mapper, label: str, expected: str) -> None:
    """The three words name one concept in whatever order a filer prints them; without
    "selling" they are general and administrative expense."""
    assert mapper.rank(label, "monetary", "IS")[0].qname == expected


def test_constraints_hold_for_every_candidate(mapper: Mapper) -> None:
    """Type and period are hard constraints; deprecated concepts are never offered."""
    deprecated = load_deprecated()
    for label, kind, statement in [("Treasury stock, shares", "shares", "BS"), ("Earnings per share", "perShare", "IS"),
                                   ("Deferred revenue", "monetary", "BS"), ("Revenues", "monetary", "IS")]:
        for scored in mapper.rank(label, kind, statement, limit=20):
            concept = mapper.index[scored.qname]
            assert scored.qname not in deprecated
            assert concept.item_kind == kind
            assert concept.period_type == ("instant" if statement == "BS" else "duration")


def test_ranking_is_best_first_and_explained(mapper: Mapper) -> None:
    ranked = mapper.rank("Total current liabilities", "monetary", "BS", limit=10)
    scores = [s.score for s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert ranked[0].qname == "us-gaap:LiabilitiesCurrent"
    assert any("label matches" in r for r in ranked[0].reasons)
    assert any("filers used this exact label" in r for r in ranked[0].reasons)


def test_section_decides_current_or_noncurrent(mapper: Mapper) -> None:
    current = mapper.rank("Deferred income taxes", "monetary", "BS", ("Current liabilities",))[0].qname
    noncurrent = mapper.rank("Long-term debt", "monetary", "BS", ("Liabilities",))[0].qname
    assert "Noncurrent" in noncurrent
    assert current != noncurrent


def test_cash_flow_row_stays_in_its_activity(mapper: Mapper) -> None:
    """'Other' under financing is not another activity's 'other'."""
    from converter.mapper.cashflow import concept_activity

    best = mapper.rank("Other, net", "monetary", "CF", ("Financing activities",))[0]
    assert concept_activity(best.qname, mapper.index) == "financing"
    operating = mapper.rank("Other, net", "monetary", "CF", ("Operating activities",))[0]
    assert concept_activity(operating.qname, mapper.index) != "financing"


def _statement(kind: StatementKind, period: Period, rows: list[LineItem]) -> Statement:
    """A statement of one column, amounts as printed."""
    return Statement(kind, kind.description, [period], rows, scale=0, scale_text="", unscaled_kinds=frozenset())


def _concepts(mapper: Mapper, statement: Statement) -> list[str]:
    """The concepts of a statement's mapped rows, in order."""
    return [m.mapping.concept for m in mapper.map_statement(statement).items if m.mapping]


def _row(label: str, values: list[str], kind: ItemKind = ItemKind.MONETARY, **kw: object) -> LineItem:
    return LineItem(label, label, [Amount(v, Decimal(v.strip("()").replace(",", "")) * (-1 if "(" in v else 1))
                                   for v in values], kind, **kw)  # type: ignore[arg-type]


def test_basic_and_diluted_row_is_both(mapper: Mapper) -> None:
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    statement = Statement(StatementKind.IS, "Statements of Operations", [year], [
        _row("Revenues", ["1,000"]),
        _row("Net income", ["100"], is_total=True),
        _row("Net income per share, basic and diluted", ["0.50"], ItemKind.PER_SHARE),
    ], scale=3, scale_text="in thousands", unscaled_kinds=frozenset({"perShare"}))
    mapped = mapper.map_statement(statement)
    eps = mapped.items[2].mapping
    assert eps is not None
    assert eps.concept == "us-gaap:EarningsPerShareBasic"
    assert eps.also == ["us-gaap:EarningsPerShareDiluted"]


def test_a_concept_is_used_once_per_statement(mapper: Mapper) -> None:
    year = Period(date(2024, 12, 31))
    statement = Statement(StatementKind.BS, "Balance Sheets", [year], [
        _row("Other current assets", ["10"], sections=("Current assets",)),
        _row("Other current assets", ["20"], sections=("Current assets",)),
    ], scale=0, scale_text="", unscaled_kinds=frozenset())
    concepts = _concepts(mapper, statement)
    assert len(set(concepts)) == 2


def test_a_total_named_last_closes_the_assets(mapper: Mapper) -> None:
    """"Assets, Total" (the taxonomy's total label, as some filings print it) ends the
    noncurrent assets: "Other assets" below "Total current assets" is noncurrent, not one
    of the current liabilities that "Total current liabilities" further down sums."""
    year = Period(date(2009, 6, 30))
    statement = _statement(StatementKind.BS, year, [
        _row("Cash and cash equivalents", ["10"]),
        _row("Total current assets", ["10"], is_total=True),
        _row("Other assets", ["5"]),
        _row("Assets, Total", ["15"], is_total=True),
        _row("Accounts payable", ["3"]),
        _row("Total current liabilities", ["3"], is_total=True),
        _row("Long-term debt", ["4"]),
        _row("Liabilities, Total", ["7"], is_total=True),
    ])
    concepts = _concepts(mapper, statement)
    assert concepts[2] == "us-gaap:OtherAssetsNoncurrent", concepts
    assert concepts[3] == "us-gaap:Assets" and concepts[7] == "us-gaap:Liabilities", concepts


def test_a_line_printed_again_with_its_figures_keeps_its_concept(mapper: Mapper) -> None:
    """A summary block repeats "Net income attributable to the Company" with the same
    figures: the same fact, so the same concept (not the next-best one)."""
    year = Period(date(2009, 6, 30), date(2009, 4, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Net income", ["265"]),
        _row("Net income attributable to noncontrolling interests", ["(3)"]),
        _row("Net income attributable to the Company", ["262"]),
        _row("Income from continuing operations", ["263"]),
        _row("Net income attributable to the Company", ["262"]),
        _row("Net income attributable to the Company", ["999"]),
    ])
    concepts = [m.mapping.concept for m in mapper.map_filing([statement])[0].items if m.mapping]
    assert concepts[2] == concepts[4] == "us-gaap:NetIncomeLoss"
    assert concepts[5] != "us-gaap:NetIncomeLoss"  # other figures: another line


def test_an_eps_section_says_basic_or_diluted(mapper: Mapper) -> None:
    """Rows under "Assuming dilution:" are diluted and under "Basic:" basic, whatever
    order the sections come in; without sections, basic comes first."""
    year = Period(date(2025, 6, 30), date(2025, 4, 1))

    def eps(sections: tuple[str, str]) -> list[LineItem]:
        return [_row("Continuing operations", ["2.31"], ItemKind.PER_SHARE, sections=("Earnings per share", sections[0])),
                _row("Continuing operations", ["2.36"], ItemKind.PER_SHARE, sections=("Earnings per share", sections[1]))]

    for sections, expected in ((("Assuming dilution", "Basic"), ("Diluted", "Basic")),
                               (("Basic", "Diluted"), ("Basic", "Diluted")),
                               (("", ""), ("Basic", "Diluted"))):
        statement = Statement(StatementKind.IS, "Statements of Earnings", [year], eps(sections), scale=6,
                              scale_text="in millions", unscaled_kinds=frozenset({"perShare"}))
        concepts = _concepts(mapper, statement)
        assert concepts == [f"us-gaap:IncomeLossFromContinuingOperationsPer{e}Share" for e in expected], sections


def test_a_noncontrolling_label_is_not_read_as_the_parent() -> None:
    """"Attributable to <the company>" means the parent; "attributable to nonredeemable
    noncontrolling interest" does not."""
    assert "parent" in tokens("Net income attributable to Dominion")
    assert "parent" not in tokens("Net Income (Loss) Attributable to Nonredeemable Noncontrolling Interest")


def test_shares_withheld_are_a_decrease_for_tax_withholding(mapper: Mapper) -> None:
    """Meta's "Shares withheld related to net share settlement" is the standard concept, not
    an extension: "withheld" and the concept's "Withholding" are one word."""
    assert tokens("Shares withheld")[-1] == tokens("Tax withholding")[-1]
    best = mapper.rank("Shares withheld related to net share settlement", "monetary", "EQ")[0]
    assert best.qname == "us-gaap:AdjustmentsRelatedToTaxWithholdingForShareBasedCompensation"
    assert best.score >= EXTENSION_THRESHOLD


def test_dividends_paid_a_share_in_an_equity_statement(mapper: Mapper) -> None:
    """The income statement's per-share dividend concepts are at home in an equity
    statement's movements: "paid" is the cash paid, "declared" the declared."""
    paid = mapper.rank("cash dividends paid per share", "perShare", "EQ")[0].qname
    declared = mapper.rank("cash dividends declared per share", "perShare", "EQ")[0].qname
    assert (paid, declared) == ("us-gaap:CommonStockDividendsPerShareCashPaid",
                                "us-gaap:CommonStockDividendsPerShareDeclared")


def test_a_buy_out_is_a_purchase(mapper: Mapper) -> None:
    """Tesla's "Buy-outs of noncontrolling interests" is the standard decrease from
    redemptions, as "Purchase of noncontrolling interest" is, not an extension."""
    best = mapper.rank("Buy-outs of noncontrolling interests", "monetary", "EQ")[0]
    assert best.qname == "us-gaap:MinorityInterestDecreaseFromRedemptions"
    assert best.score >= EXTENSION_THRESHOLD


def test_many_filers_printing_a_label_outweigh_a_missing_qualifier(mapper: Mapper, monkeypatch: pytest.MonkeyPatch) -> None:
    """"Asset retirement obligations" has no "noncurrent", but filers print it for the
    noncurrent concept more often than for the undivided one: their usage says what the
    missing word means.  Without that relief the qualifier's penalty decides."""
    ranked = mapper.rank("Asset retirement obligations", "monetary", "BS")
    assert ranked[0].qname == "us-gaap:AssetRetirementObligationsNoncurrent"
    assert any("filers used this exact label" in why for why in ranked[0].reasons)
    monkeypatch.setattr(mapper_module, "RELIEF", 0.0)
    assert mapper.rank("Asset retirement obligations", "monetary", "BS")[0].qname == "us-gaap:AssetRetirementObligation"


def test_evidence_file_is_a_plain_npz() -> None:
    """No pickles: the file holds numbers and UTF-8 text only."""
    with zipfile.ZipFile(data_dir("taxonomy") / EVIDENCE_FILE) as zf:
        assert all(name.endswith(".npy") for name in zf.namelist())
    with np.load(data_dir("taxonomy") / EVIDENCE_FILE, allow_pickle=False) as npz:
        assert all(npz[name].dtype != object for name in npz.files)


def test_no_accrual_in_financing_cash_flows(mapper: Mapper) -> None:
    """Dividends paid are a financing cash flow, not the dividends declared (DQC 0044)."""
    from converter.taxonomy.deprecated import load_accrual_items

    accruals = load_accrual_items()
    assert "us-gaap:DividendsCommonStockCash" in accruals
    ranked = mapper.rank("Cash dividends", "monetary", "CF", ("Financing activities",))
    assert ranked[0].qname.startswith("us-gaap:PaymentsOfDividends")
    assert all(s.qname not in accruals or "DQC 0044" in " ".join(s.reasons) for s in ranked)


def test_cash_flow_balances_include_restricted_cash_from_2018() -> None:
    """ASU 2016-18: a later cash-flow statement's balances are cash with restricted cash;
    an earlier one's are cash alone; a split printed below the total keeps its concepts."""
    from datetime import date

    from converter.mapper.standards import CASH_AND_RESTRICTED, cash_and_restricted_cash
    from converter.model.mapping import MappedItem, MappedStatement, Mapping
    from converter.model.statements import Period, Statement, StatementKind

    def statement(end: date, concepts: list[tuple[str, str | None]]) -> MappedStatement:
        items = [LineItem(label=f"row {n}", raw_label="", values=[], balance_at=where)
                 for n, (_, where) in enumerate(concepts)]
        st = Statement(StatementKind.CF, "", [Period(end=end, start=date(end.year, 1, 1))], items, 6, "", frozenset())
        mapped = [MappedItem(i, Mapping(c, 0.9, "label")) for i, (c, _) in zip(items, concepts, strict=True)]
        return MappedStatement(st, mapped, [])

    cash = "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    later = statement(date(2024, 12, 31), [(cash, "start"), (cash, "end")])
    cash_and_restricted_cash(later)
    assert [mi.mapping.concept for mi in later.items if mi.mapping] == [CASH_AND_RESTRICTED] * 2
    earlier = statement(date(2009, 12, 31), [(cash, "start"), (cash, "end")])
    cash_and_restricted_cash(earlier)
    assert [mi.mapping.concept for mi in earlier.items if mi.mapping] == [cash, cash]
    split = statement(date(2024, 12, 31), [(CASH_AND_RESTRICTED, "end"), (cash, "end")])
    cash_and_restricted_cash(split)
    assert [mi.mapping.concept for mi in split.items if mi.mapping] == [CASH_AND_RESTRICTED, cash]


def test_modern_usage_orders_near_equivalents_and_is_explained() -> None:
    """Filers of 2020-2025 (edgartools' counts) weigh in where a label fits two concepts."""
    from converter.taxonomy.modern_usage import load_modern_usage, usage_strength

    usage = load_modern_usage()
    assert usage["us-gaap:PrepaidExpenseAndOtherAssetsCurrent"][0] > 10 * usage["us-gaap:OtherPrepaidExpenseCurrent"][0]
    assert usage_strength(0) == 0.0 and 0.9 < usage_strength(5000) <= 1.0
    ranked = Mapper().rank("Prepaid expenses and other current assets", "monetary", "BS", ("Current assets",))
    assert ranked[0].qname == "us-gaap:PrepaidExpenseAndOtherAssetsCurrent"
    assert any(r.startswith("used by ") and "companies in 2020-2025 filings" in r for r in ranked[0].reasons)


def test_a_cash_flow_label_does_not_carry_a_cash_flow_concept_into_equity(mapper: Mapper) -> None:
    """Filers print "Repurchases of common stock" mostly in cash flows: in an equity
    statement those uses count for little, and the equity concepts win."""
    ranked = mapper.rank("Repurchases of common stock", "monetary", "EQ")
    assert not ranked[0].qname.startswith("us-gaap:Payments"), [(s.qname, round(s.score, 2)) for s in ranked]


def test_an_excluded_phrase_is_not_what_the_label_says() -> None:
    says = mapper_module._says
    assert says(tokens("Operating lease liabilities, current"), ("operating", "lease"))
    assert not says(tokens("Debt, excluding operating leases"), ("operating", "lease"))
    assert not says(tokens("Lease cost other than operating lease cost"), ("operating", "lease"))
    assert not says(tokens("Retained deficit, including accumulated other comprehensive loss"), ("comprehensive",))


def test_a_noncash_label_is_not_read_as_a_payment() -> None:
    """'Non-cash capital expenditures' discloses assets acquired without paying: the concept
    must say noncash too (the label's 'non-cash' is one word, as in the concepts' names), or
    say what is non-cash by nature: an amount incurred but not yet paid."""
    ranked = Mapper().rank("Non-cash capital expenditures", "monetary", "CF", ("Supplemental disclosures",))
    assert ranked[0].qname == "us-gaap:CapitalExpendituresIncurredButNotYetPaid"
    assert not any(r.qname.startswith("us-gaap:Payments") for r in ranked[:2])


def test_deferred_revenue_is_a_contract_liability_from_2018() -> None:
    """ASC 606: after 2018 deferred revenue is tagged as a contract liability; before, as
    printed; a statement that already names a contract liability keeps its other row."""
    from datetime import date

    from converter.mapper.standards import contract_liabilities
    from converter.model.mapping import MappedItem, MappedStatement, Mapping
    from converter.model.statements import Period, Statement, StatementKind

    def balance_sheet(end: date, concepts: list[str]) -> MappedStatement:
        items = [LineItem(label=f"row {n}", raw_label="", values=[]) for n in range(len(concepts))]
        st = Statement(StatementKind.BS, "", [Period(end=end)], items, 6, "", frozenset())
        return MappedStatement(st, [MappedItem(i, Mapping(c, 0.9, "label")) for i, c in
                                    zip(items, concepts, strict=True)], [])

    deferred, contract = "us-gaap:DeferredRevenueCurrent", "us-gaap:ContractWithCustomerLiabilityCurrent"
    later = balance_sheet(date(2024, 12, 31), [deferred, "us-gaap:DeferredRevenueNoncurrent"])
    contract_liabilities(later)
    assert [mi.mapping.concept for mi in later.items if mi.mapping] == \
        [contract, "us-gaap:ContractWithCustomerLiabilityNoncurrent"]
    assert "ASC 606" in later.items[0].mapping.reason  # type: ignore[union-attr]
    earlier = balance_sheet(date(2009, 12, 31), [deferred])
    contract_liabilities(earlier)
    assert earlier.items[0].mapping.concept == deferred  # type: ignore[union-attr]
    both = balance_sheet(date(2024, 12, 31), [contract, deferred])
    contract_liabilities(both)
    assert [mi.mapping.concept for mi in both.items if mi.mapping] == [contract, deferred]


def test_a_change_in_cash_printed_above_the_exchange_effect_excludes_it() -> None:
    from datetime import date

    from converter.mapper.cashflow import change_before_exchange_effect
    from converter.model.mapping import MappedItem, MappedStatement, Mapping
    from converter.model.statements import Period, Statement, StatementKind

    including = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncluding" \
                "ExchangeRateEffect"
    effect = "us-gaap:EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"

    def cash_flows(concepts: list[str]) -> MappedStatement:
        items = [LineItem(label=f"row {n}", raw_label="", values=[]) for n in range(len(concepts))]
        st = Statement(StatementKind.CF, "", [Period(end=date(2024, 12, 31), start=date(2024, 1, 1))], items, 6, "",
                       frozenset())
        return MappedStatement(st, [MappedItem(i, Mapping(c, 0.9, "label")) for i, c in
                                    zip(items, concepts, strict=True)], [])

    above = cash_flows([including, effect])
    change_before_exchange_effect(above)
    assert above.items[0].mapping.concept.endswith("ExcludingExchangeRateEffect")  # type: ignore[union-attr]
    below = cash_flows([effect, including])
    change_before_exchange_effect(below)
    assert below.items[1].mapping.concept == including  # type: ignore[union-attr]


def test_successors_are_current_concepts_of_the_same_kind() -> None:
    """Each deprecated concept's successor is one the mapper may choose, with the same
    type, period type and (where both have one) balance: the labels carried over mean
    the same kind of number."""
    from converter.mapper.evidence import choosable
    from converter.taxonomy.index import load_index
    from converter.taxonomy.successors import SUCCESSORS

    index, deprecated = load_index(), load_deprecated()
    for old, (new, why) in SUCCESSORS.items():
        assert old in deprecated and why, old
        before, after = index[old], index[new]
        assert choosable(after), new
        assert (before.type, before.period_type) == (after.type, after.period_type), old
        assert before.balance is None or before.balance == after.balance, old


def test_a_deprecated_concepts_labels_count_for_its_successor(mapper: Mapper) -> None:
    """2009 filers' "Net increase (decrease) in cash" (for a concept retired by ASU 2016-18)
    now teaches the change in cash and restricted cash."""
    best = mapper.rank("Increase (decrease) in cash", "monetary", "CF")[0]
    assert best.qname == ("us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
                          "PeriodIncreaseDecreaseIncludingExchangeRateEffect"), best


def test_a_balance_sheet_without_captions_is_current_above_its_current_total(mapper: Mapper) -> None:
    """Captions lost (a text conversion, the SEC data sets): rows summed by "Total current
    assets" are current, rows after it noncurrent."""
    day = Period(date(2024, 12, 31))
    statement = _statement(StatementKind.BS, day, [
        _row("Cash and cash equivalents", ["10"]),
        _row("Accounts receivable", ["20"]),
        _row("Total current assets", ["30"], is_total=True),
        _row("Other assets", ["5"]),
        _row("Total assets", ["35"], is_total=True),
        _row("Accrued income taxes", ["3"]),
        _row("Total current liabilities", ["3"], is_total=True),
    ])
    concepts = _concepts(mapper, statement)
    assert concepts[1] == "us-gaap:AccountsReceivableNetCurrent"
    assert concepts[3] == "us-gaap:OtherAssetsNoncurrent"
    assert concepts[5] == "us-gaap:AccruedIncomeTaxesCurrent"


def test_noncurrent_rows_run_past_subtotals_to_the_total_of_assets(mapper: Mapper) -> None:
    """Below "Total current assets", a subtotal ("Total property, net") does not end the
    noncurrent assets; a bare "TOTAL" does, and the rows below it up to "Total current
    liabilities" are current liabilities, not current assets."""
    day = Period(date(2024, 12, 31))
    statement = _statement(StatementKind.BS, day, [
        _row("Cash and cash equivalents", ["10"]),
        _row("Deferred income taxes", ["2"]),
        _row("Total current assets", ["12"], is_total=True),
        _row("Property", ["9"]),
        _row("Less accumulated depreciation", ["(4)"]),
        _row("Total property, net", ["5"], is_total=True),
        _row("Deferred income taxes", ["3"]),
        _row("Other assets", ["1"]),
        _row("TOTAL", ["21"], is_total=True),
        _row("Accounts payable", ["6"]),
        _row("Total current liabilities", ["6"], is_total=True),
        _row("Deferred income taxes", ["4"]),
        _row("Common stock", ["11"]),
    ])
    concepts = _concepts(mapper, statement)
    assert concepts[6] == "us-gaap:DeferredIncomeTaxAssetsNet"  # an asset, not the liability
    assert concepts[7] == "us-gaap:OtherAssetsNoncurrent"
    assert concepts[9] == "us-gaap:AccountsPayableCurrent"
    assert concepts[11] == "us-gaap:DeferredIncomeTaxLiabilitiesNet"
    assert concepts[12] == "us-gaap:CommonStockValue"


def test_other_above_the_current_assets_total_is_an_asset(mapper: Mapper) -> None:
    """A bare "Other" summed by "Total current assets" is another current asset: the total
    stands in for the lost "Current assets:" caption, side as well as current."""
    day = Period(date(2024, 12, 31))
    statement = _statement(StatementKind.BS, day, [
        _row("Cash and cash equivalents", ["10"]),
        _row("Other", ["4"]),
        _row("Total current assets", ["14"], is_total=True),
        _row("Accounts payable", ["3"]),
        _row("Other", ["2"]),
        _row("Total current liabilities", ["5"], is_total=True),
    ])
    concepts = _concepts(mapper, statement)
    assert concepts[1] == "us-gaap:OtherAssetsCurrent"
    assert concepts[4] == "us-gaap:OtherLiabilitiesCurrent"


def test_a_cash_flow_row_without_its_caption_takes_the_activity_of_the_total_below(mapper: Mapper) -> None:
    """"Other, net" above "Net cash used in financing activities" is a financing flow,
    even where the "Financing activities:" caption is lost."""
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    statement = _statement(StatementKind.CF, year, [
        _row("Net income", ["100"]),
        _row("Net cash provided by operating activities", ["100"]),
        _row("Repayments of long-term debt", ["(40)"]),
        _row("Other, net", ["(5)"]),
        _row("Net cash used in financing activities", ["(45)"]),
    ])
    other = mapper.map_statement(statement).items[3].mapping
    assert other is not None
    assert other.concept == "us-gaap:ProceedsFromPaymentsForOtherFinancingActivities", other


@pytest.mark.parametrize(("rows", "expected"), [
    # the only line between operating income and pre-tax income: the nonoperating total
    ([("Other income (expense), net", "(7)")], "us-gaap:NonoperatingIncomeExpense"),
    # one item among several: "other" nonoperating income
    ([("Interest expense", "(10)"), ("Other income (expense), net", "3")], "us-gaap:OtherNonoperatingIncomeExpense"),
])
def test_the_line_that_takes_operating_income_to_pretax_is_the_nonoperating_total(
        mapper: Mapper, rows: list[tuple[str, str]], expected: str) -> None:
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Revenues", ["1,000"]),
        _row("Operating income", ["100"]),
        *(_row(label, [value]) for label, value in rows),
        _row("Income before income taxes", ["93"]),
    ])
    mapped = mapper.map_filing([statement])[0]
    other = next(mi for mi in mapped.items if mi.item.label.startswith("Other income"))
    assert other.mapping is not None and other.mapping.concept == expected, other.mapping


@pytest.mark.parametrize(("rows", "expected"), [
    # subtracted from revenue, it holds the cost of sales
    ([("Cost of sales", "600"), ("Selling, general and administrative", "300")], "us-gaap:CostsAndExpenses"),
    # subtracted from gross profit, it does not
    ([("Cost of sales", "600"), ("Gross profit", "400"), ("Selling, general and administrative", "300")],
     "us-gaap:OperatingExpenses"),
])
def test_an_expense_total_that_takes_revenue_to_operating_income_is_costs_and_expenses(
        mapper: Mapper, rows: list[tuple[str, str]], expected: str) -> None:
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    total = "900" if len(rows) == 2 else "300"
    statement = _statement(StatementKind.IS, year, [
        _row("Net sales", ["1,000"]),
        *(_row(label, [value]) for label, value in rows),
        _row("Total operating expenses", [total], is_total=True),
        _row("Operating income", ["100"]),
    ])
    mapped = mapper.map_filing([statement])[0]
    assert mapped.items[-2].mapping is not None and mapped.items[-2].mapping.concept == expected


def test_an_operating_total_that_says_operations_keeps_its_rows_operating(mapper: Mapper) -> None:
    """Microsoft's "Net cash from operations" names no "activities": the rows above it are
    operating, never the financing of the total further down."""
    year = Period(date(2009, 6, 30), date(2008, 7, 1))
    statement = _statement(StatementKind.CF, year, [
        _row("Net income", ["14,569"]),
        _row("Depreciation", ["2,562"]),
        _row("Net cash from operations", ["19,037"]),
        _row("Common stock repurchased", ["(9,353)"]),
        _row("Net cash used in financing", ["(7,463)"]),
    ])
    concepts = [mi.mapping.concept for mi in mapper.map_statement(statement).items if mi.mapping]
    assert concepts[0] == "us-gaap:NetIncomeLoss"
    assert concepts[2] == "us-gaap:NetCashProvidedByUsedInOperatingActivities"


def test_a_company_line_in_each_years_section_is_one_extension(mapper: Mapper) -> None:
    """An equity statement prints its years one under another: the same unknown line in
    each year's section, figures in that year's columns, is one company concept, not
    one per year (Procter & Gamble's "ESOP debt impacts" had become three)."""
    first, second = Period(date(2023, 12, 31), date(2023, 1, 1)), Period(date(2024, 12, 31), date(2024, 1, 1))
    odd = "Zorblax frobnication quux"
    rows = [LineItem(odd, odd, [Amount("5", Decimal(5)), None], ItemKind.MONETARY, sections=("2023",)),
            LineItem(odd, odd, [None, Amount("7", Decimal(7))], ItemKind.MONETARY, sections=("2024",)),
            LineItem(odd, odd, [None, Amount("9", Decimal(9))], ItemKind.MONETARY, sections=("2024",))]
    statement = Statement(StatementKind.EQ, "Statements of Equity", [first, second], rows, scale=0,
                          scale_text="", unscaled_kinds=frozenset())
    concepts = _concepts(mapper, statement)
    assert all(c.startswith("ext:") for c in concepts)
    assert concepts[0] == concepts[1]  # figures in other columns: the same line
    assert concepts[2] != concepts[1]  # the same columns: another line


def _inventories(total: str, parts: tuple[str, str, str]) -> Statement:
    year = Period(date(2025, 6, 30))
    rows = [_row(label, [value], sections=("Inventories",))
            for label, value in zip(("Materials and supplies", "Work in process", "Finished goods"), parts, strict=True)]
    return _statement(StatementKind.BS, year, [*rows, _row("Total inventories", [total], is_total=True,
                                                             sections=("Inventories",))])


def test_a_total_off_by_the_rounding_of_its_printed_parts_still_adds_up(mapper: Mapper) -> None:
    """PG prints inventories of 2,022 + 1,012 + 4,516 and a total of 7,551: each figure is
    rounded to the million, so the sum may be off by half a million for each of them (as
    XBRL Calculations 1.1 reads it).  Off by more, or in small figures, it does not add up."""
    from converter.mapper.calculations import find_calculations
    for total, parts, adds_up in (("7,551", ("2,022", "1,012", "4,516"), True),
                                  ("7,550", ("2,022", "1,012", "4,516"), True),
                                  ("7,555", ("2,022", "1,012", "4,516"), False),
                                  ("10", ("2", "3", "4"), False)):
        ms = mapper.map_statement(_inventories(total, parts))
        find_calculations(ms, mapper.index)
        assert bool(ms.calculations) is adds_up, (total, parts)
        assert bool(ms.unbalanced) is not adds_up


def _section_with_total(kind: StatementKind, section: str, rows: list[tuple[str, str]]) -> Statement:
    """A one-year statement of rows in one section, the last row their total."""
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    *parts, (label, value) = rows
    return _statement(kind, year, [*(_row(lab, [v], sections=(section,)) for lab, v in parts),
                                   _row(label, [value], is_total=True)])


def test_a_credit_row_printed_among_expenses_takes_the_sign_the_total_gives_it(mapper: Mapper) -> None:
    """Amazon lists "Other operating expense (income), net" among its operating expenses,
    positive when an expense.  Its concept is income-positive, and its label says which side
    is positive: the XBRL value is the printed one negated, and the total adds up with it; a
    row whose total adds up as printed keeps its sign."""
    from converter.mapper.calculations import find_calculations
    from converter.model.mapping import SignBasis
    statement = _section_with_total(StatementKind.IS, "Operating expenses", [
        ("Cost of sales", "288,831"), ("Fulfillment", "84,299"), ("Other operating expense (income), net", "1,263"),
        ("Total operating expenses", "374,393")])
    ms = mapper.map_statement(statement)
    other = ms.items[2].mapping
    assert other is not None and other.concept == "us-gaap:OtherOperatingIncomeExpenseNet"
    assert (other.sign, other.sign_basis) == (-1, SignBasis.LABEL_SIDE)
    find_calculations(ms, mapper.index)
    assert ms.calculations and not ms.unbalanced
    assert (other.sign, other.sign_basis) == (-1, SignBasis.LABEL_SIDE)
    assert ms.items[0].mapping is not None and ms.items[0].mapping.sign == 1


@pytest.mark.parametrize(("label", "member"), [
    ("Products", "us-gaap:ProductMember"), ("Net service sales", "us-gaap:ServiceMember"),
    ("Financing", "us-gaap:FinancialServiceMember"), ("Financial services", "us-gaap:FinancialServiceMember"),
    ("Products and services", None), ("Licensing", None), ("Sales", None)])
def test_a_part_names_products_or_services(label: str, member: str | None) -> None:
    from converter.mapper.breakdowns import product_or_service
    assert product_or_service(label) == member


def test_parts_that_do_not_add_up_to_the_total_keep_their_own_concepts(mapper: Mapper) -> None:
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Net product sales", ["240"]), _row("Net service sales", ["270"]),
        _row("Total net sales", ["600"], is_total=True)])
    ms = mapper.map_filing([statement])[0]
    assert all(not mi.mapping.dimensions for mi in ms.items if mi.mapping is not None)
    statement.items[2].values[0] = Amount("510", Decimal(510))
    ms = mapper.map_filing([statement])[0]
    total = ms.items[2].mapping
    assert total is not None
    assert [(mi.mapping.concept, mi.mapping.dimensions) for mi in ms.items[:2] if mi.mapping] == [
        (total.concept, {"srt:ProductOrServiceAxis": "us-gaap:ProductMember"}),
        (total.concept, {"srt:ProductOrServiceAxis": "us-gaap:ServiceMember"})]


def test_a_row_of_a_non_cash_section_is_not_a_cash_payment(mapper: Mapper) -> None:
    """Tesla's "Acquisitions of property and equipment included in liabilities" under
    "Supplemental Non-Cash Investing and Financing Activities" had taken capital
    expenditures, a cash payment, from the investing row that is one."""
    label = "Acquisitions of property and equipment included in liabilities"
    alone = mapper.rank(label, "monetary", "CF")[0].qname
    assert alone == "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"
    ranked = mapper.rank(label, "monetary", "CF", ("Supplemental Non-Cash Investing and Financing Activities",))
    assert not any(w in ranked[0].qname for w in ("Payments", "Proceeds", "Repayments"))
    leases = mapper.rank("Right-of-use assets obtained in exchange for operating lease liabilities", "monetary", "CF",
                         ("Non-cash investing and financing activities",))[0]
    assert leases.qname == "us-gaap:RightOfUseAssetObtainedInExchangeForOperatingLeaseLiability"


def test_cash_from_operations_adds_up_with_each_cash_effects_weight(mapper: Mapper) -> None:
    """"Net cash provided by operating activities" has no balance in the taxonomy: its rows
    add up with the weights their cash effects were read by (net income +1 though a credit,
    a gain -1), not by their balances."""
    from converter.mapper.calculations import find_calculations
    statement = _section_with_total(StatementKind.CF, "Operating activities", [
        ("Net earnings", "16,065"), ("Depreciation and amortization", "2,847"), ("Gain on sale of assets", "(755)"),
        ("Change in accounts receivable", "45"), ("Total operating activities", "18,202")])
    ms = mapper.map_filing([statement])[0]
    find_calculations(ms, mapper.index)
    assert not ms.unbalanced
    (relation,) = ms.calculations
    assert [w for _, w in relation.children] == [1.0, 1.0, -1.0, -1.0]


def test_a_total_adds_up_across_a_section_closed_too_early(mapper: Mapper) -> None:
    """NVIDIA's "Cash flow hedges" caption is read as a section of its own after the
    available-for-sale subtotal, so "Other comprehensive income (loss), net" and "Total
    comprehensive income" sit in it; their parts add up exactly in every period."""
    from converter.mapper.calculations import find_calculations
    years = [Period(date(y, 1, 26), date(y - 1, 1, 29)) for y in (2025, 2024)]
    oci, afs, hedges = "Other comprehensive income (loss), net of tax", "Available-for-sale securities", \
        "Cash flow hedges"

    def row(label: str, values: list[str], sections: tuple[str, ...], **kw: object) -> LineItem:
        return _row(label, values, sections=sections, **kw)
    statement = Statement(StatementKind.CI, "Statements of Comprehensive Income", years, [
        row("Net income", ["72,880", "29,760"], ()),
        row("Net change in unrealized gain (loss)", ["1", "80"], (oci, afs)),
        row("Reclassification adjustments for net realized gain included in net income", ["0", "0"], (oci, afs)),
        row("Net change in unrealized gain (loss)", ["1", "80"], (oci, afs)),
        row("Net change in unrealized gain", ["21", "38"], (hedges,)),
        row("Reclassification adjustments for net realized loss included in net income", ["(21)", "(48)"], (hedges,)),
        row("Net change in unrealized loss", ["0", "(10)"], (hedges,)),
        row("Other comprehensive income (loss), net", ["1", "70"], (hedges,)),
        row("Total comprehensive income", ["72,881", "29,830"], (hedges,), is_total=True),
    ], scale=6, scale_text="in millions", unscaled_kinds=frozenset())
    ms = mapper.map_filing([statement])[0]
    find_calculations(ms, mapper.index)
    assert not ms.unbalanced
    assert {ms.items[c.total].item.label: [k for k, _ in c.children] for c in ms.calculations}[
        "Total comprehensive income"] == [0, 7]


def test_sales_beside_services_are_products_and_rounding_is_allowed(mapper: Mapper) -> None:
    """IBM's revenue: "Services", "Sales", "Financing" (Regulation S-X sets sales of products
    apart from services), whose six-month figures add up within their rounding."""
    half = Period(date(2025, 6, 30), date(2025, 1, 1))
    statement = _statement(StatementKind.IS, half, [
        _row("Services", ["14,962"], sections=("Revenue",)), _row("Sales", ["16,199"], sections=("Revenue",)),
        _row("Financing", ["357"], sections=("Revenue",)), _row("Total revenue", ["31,519"], is_total=True)])
    ms = mapper.map_filing([statement])[0]
    total = ms.items[3].mapping
    assert total is not None
    assert [(mi.mapping.concept, mi.mapping.dimensions["srt:ProductOrServiceAxis"])
            for mi in ms.items[:3] if mi.mapping] == [
        (total.concept, "us-gaap:ServiceMember"), (total.concept, "us-gaap:ProductMember"),
        (total.concept, "us-gaap:FinancialServiceMember")]


def _tesla_revenues(energy: str = "10,086") -> Statement:
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    rows = [("Automotive sales", "72,480"), ("Automotive regulatory credits", "2,763"), ("Automotive leasing", "1,827"),
            ("Total automotive revenues", "77,070"), ("Energy generation and storage", energy),
            ("Services and other", "10,534"), ("Total revenues", "97,690")]
    return _statement(StatementKind.IS, year, [_row(label, [value], sections=("Revenues",),
                                                    is_total=label.startswith("Total")) for label, value in rows])


def test_lines_of_business_are_the_totals_concept_for_the_companys_members(mapper: Mapper) -> None:
    """Tesla's revenues by line of business, a subtotal among them, add up to total
    revenues: each is the total's concept for a member of the company's own, named by its row."""
    ms = mapper.map_filing([_tesla_revenues()])[0]
    total = ms.items[-1].mapping
    assert total is not None and total.concept == "us-gaap:Revenues"
    chosen = [(mi.mapping.concept, mi.mapping.dimensions.get("srt:ProductOrServiceAxis"))
              for mi in ms.items[:-1] if mi.mapping]
    assert chosen == [(total.concept, f"ext:{name}Member") for name in (
        "AutomotiveSales", "AutomotiveRegulatoryCredits", "AutomotiveLeasing", "AutomotiveRevenues",
        "EnergyGenerationAndStorage", "ServicesAndOther")]
    leasing = ms.items[2].mapping
    assert leasing is not None and leasing.member_labels == {"ext:AutomotiveLeasingMember": "Automotive leasing"}


def test_lines_that_do_not_add_up_or_that_labels_place_keep_their_own_concepts(mapper: Mapper) -> None:
    ms = mapper.map_filing([_tesla_revenues(energy="11,086")])[0]
    # the total's parts: the subtotal, energy, services (the subtotal's own rows may still
    # add up to it, whatever concept it falls to once revenue is taken)
    assert all(mi.mapping is not None and not mi.mapping.dimensions for mi in ms.items[3:6])
    assert not any(mi.mapping.concept == "us-gaap:Revenues" for mi in ms.items[:-1] if mi.mapping is not None)
    year = Period(date(2025, 1, 31), date(2024, 2, 1))  # Walmart: two revenue concepts, not members
    statement = _statement(StatementKind.IS, year, [
        _row("Net sales", ["674,538"], sections=("Revenues",)),
        _row("Membership and other income", ["6,447"], sections=("Revenues",)),
        _row("Total revenues", ["680,985"], is_total=True)])
    ms = mapper.map_filing([statement])[0]
    assert all(not mi.mapping.dimensions for mi in ms.items if mi.mapping is not None)


def test_company_member_names_the_line_not_its_total_or_cost() -> None:
    from converter.mapper.breakdowns import company_member
    assert company_member("Total automotive cost of revenues") == ("ext:AutomotiveRevenuesMember",
                                                                   "Automotive revenues")
    assert company_member("Energy generation and storage")[0] == "ext:EnergyGenerationAndStorageMember"


def test_a_tax_concept_needs_a_label_that_names_the_tax(mapper: Mapper) -> None:
    """Procter & Gamble's "Unrealized gains/(losses) on defined benefit postretirement plans
    (net of tax ...)" had found the tax on those gains, through a filer's "Taxes on defined
    benefit plans net gain during period"; a label that names the tax still may."""
    label = "Unrealized gains/(losses) on defined benefit postretirement plans, net"
    best = mapper.rank(label, "monetary", "CI")[0].qname
    assert best == "us-gaap:OtherComprehensiveIncomeDefinedBenefitPlansNetUnamortizedGainLossArisingDuringPeriodNetOfTax"
    taxed = mapper.rank("Tax on defined benefit plans net gain arising during period", "monetary", "CI")[0].qname
    assert taxed == "us-gaap:OtherComprehensiveIncomeDefinedBenefitPlansNetUnamortizedGainLossArisingDuringPeriodTax"


def test_no_relation_is_written_against_the_taxonomys_direction(mapper: Mapper) -> None:
    """IBM's cash-flow-hedge lines took each other's concepts: the figures add up, but the
    relation would sum the after-reclassification total into the before-reclassification
    part (EDGAR's DQC 0008)."""
    from converter.mapper.calculations import _reverses_the_taxonomy
    from converter.model.mapping import MappedItem, MappedStatement, Mapping
    statement = _section_with_total(StatementKind.CI, "Unrealized gains/(losses) on cash flow hedges", [
        ("Unrealized gains/(losses) arising during the period", "(82)"),
        ("Reclassification of (gains)/losses to net income", "(419)"),
        ("Total unrealized gains/(losses) on cash flow hedges", "(501)")])
    hedge = "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLoss"

    def mapped(*concepts: str) -> MappedStatement:
        return MappedStatement(statement, [MappedItem(item, Mapping(c, 0.5, "test"))
                                           for item, c in zip(statement.items, concepts, strict=True)], [])
    swapped = mapped(f"{hedge}BeforeReclassificationAfterTax", f"{hedge}AfterReclassificationAndTax",
                     f"{hedge}BeforeReclassificationAfterTax")
    assert _reverses_the_taxonomy(swapped, [0, 1], swapped.items[2], mapper.index)
    right = mapped(f"{hedge}BeforeReclassificationAfterTax", f"{hedge}ReclassificationAfterTax",
                   f"{hedge}AfterReclassificationAndTax")
    assert not _reverses_the_taxonomy(right, [0, 1], right.items[2], mapper.index)


@pytest.mark.parametrize(("label", "direction"), [
    ("Proceeds from sale of equipment", "in"),
    ("Collection of financing receivables", "in"),
    ("Borrowings under revolving credit facilities", "in"),
    ("Purchases of securities available for sale", "out"),
    ("Capital expenditures", "out"),
    ("Expenditures for identifiable intangible assets", "out"),
    ("Repayments of long-term debt", "out"),
    ("Issuance (repayment) of short-term debt, net", "both"),
    ("Purchases and sales of securities, net", "both"),
    ("Depreciation and amortization", ""),
    ("Short-term borrowings (repayments), net", "both"),
    ("Repayments of borrowings", ""),  # borrowings: the debt's name, not cash coming in
    ("Increase (decrease) in short-term debt", "both"),
    ("Net change in commercial paper", "both"),
])
def test_a_cash_flow_label_says_which_way_the_cash_went(label: str, direction: str) -> None:
    assert mapper_module.cash_direction(label) == direction


def test_a_receipt_is_not_mapped_to_a_payment(mapper: Mapper) -> None:
    """"Collection of financing receivables" had been PaymentsOfFinancingCosts (the words
    "financing" and "receivables" outweighed "collection"); no cash-flow row that opens with
    a receipt or a payment gets a concept named for the other way."""
    explained = []
    for label, wrong in (("Collection of financing receivables", "Payments"),
                         ("Purchases of fixed maturity securities available for sale", "Proceeds")):
        ranked = mapper.rank(label, "monetary", "CF", ("Investing activities",), limit=100)
        assert not ranked[0].qname.split(":")[1].startswith(wrong), ranked[0]
        explained += [s.qname for s in ranked if any(why.startswith("the label says cash") for why in s.reasons)]
    assert "us-gaap:ProceedsFromSaleAndMaturityOfAvailableForSaleSecurities" in explained
    # a label naming both ways is the net of both: a concept named for one way is not it
    net = mapper.rank("Proceeds from (repayments of) short-term debt, net", "monetary", "CF", ("Financing activities",))
    assert net[0].qname == "us-gaap:ProceedsFromRepaymentsOfShortTermDebt"


def test_financing_receivables_under_investing_are_investing() -> None:
    """A label's "financing" or "operating" names the activity only as "... activities" or at
    its end ("Other financing"): "Collection of financing receivables" sits in investing."""
    from converter.mapper.cashflow import row_activity
    assert row_activity("Collection of financing receivables", ("Cash flows from investing activities",)) == "investing"
    assert row_activity("Payments on operating lease liabilities", ("Financing activities:",)) == "financing"
    assert row_activity("Net cash used in investing activities", ("Operating activities",)) == "investing"
    assert row_activity("Other financing", ("Investing activities",)) == "financing"


def test_minority_interest_is_the_noncontrolling_interest(mapper: Mapper) -> None:
    """Filings before 2009 (FAS 160) say "minority interest"; today's concepts say
    noncontrolling.  The 2009 label "Minority interest in earnings of subsidiary companies"
    had been mapped to nonoperating income."""
    assert tokens("Minority interests") == tokens("Noncontrolling interest")
    ranked = mapper.rank("Minority interest in earnings of subsidiary companies", "monetary", "IS")
    assert ranked[0].qname == "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"


def test_what_a_label_leaves_out_is_not_what_the_row_is(mapper: Mapper) -> None:
    """"... excluding noncontrolling interest" had made a cash-flow row's income into
    interest paid; "Depreciation and amortization, excluding amortization of intangible
    assets" is what filers print as "Depreciation and amortization"."""
    ranked = mapper.rank("Income (loss) from continuing operations - excluding noncontrolling interest",
                         "monetary", "CF", ("Operating activities",))
    assert ranked[0].qname == "us-gaap:IncomeLossFromContinuingOperations"
    ranked = mapper.rank("Depreciation and amortization, excluding amortization of intangible assets",
                         "monetary", "CF", ("Operating activities",))
    assert ranked[0].qname == "us-gaap:DepreciationDepletionAndAmortization"
    assert any("filers used this exact label" in why for why in ranked[0].reasons)


def test_the_row_that_balances_total_assets_is_liabilities_and_equity(mapper: Mapper) -> None:
    """Walmart's "Total liabilities, redeemable noncontrolling interest, and shareholders'
    equity" had been read as the redeemable interest its label names on the way; it equals
    total assets, so it is the other side.  A row that does not equal it keeps its concept."""
    end = Period(date(2024, 12, 31))
    rows = [_row("Cash and cash equivalents", ["100"]), _row("Total assets", ["100"], is_total=True),
            _row("Accounts payable", ["40"]), _row("Redeemable noncontrolling interest", ["10"]),
            _row("Total shareholders' equity", ["50"], is_total=True),
            _row("Total liabilities, redeemable noncontrolling interest, and shareholders' equity", ["100"],
                 is_total=True)]
    [ms] = mapper.map_filing([_statement(StatementKind.BS, end, rows)])
    assert ms.items[-1].concept == "us-gaap:LiabilitiesAndStockholdersEquity"
    assert "total assets" in ms.items[-1].mapping.reason
    rows[-1] = _row(rows[-1].label, ["99"], is_total=True)
    [ms] = mapper.map_filing([_statement(StatementKind.BS, end, rows)])
    assert ms.items[-1].concept != "us-gaap:LiabilitiesAndStockholdersEquity"


def test_a_non_cash_label_may_name_what_is_non_cash_by_nature(mapper: Mapper) -> None:
    """"Non-cash" asks a concept to say so, unless what it names is non-cash by what it is
    (amortization, impairment, share-based compensation); a cloud computing arrangement is
    the taxonomy's hosting arrangement (ASU 2018-15)."""
    ranked = mapper.rank("Non-cash stock-based compensation", "monetary", "CF", ("Operating activities",))
    assert ranked[0].qname == "us-gaap:ShareBasedCompensation"
    assert not any("'noncash' is in the label only" in why for why in ranked[0].reasons)
    assert tokens("Amortization of cloud computing arrangements") == tokens("Amortization of hosting arrangement")


def test_the_nonoperating_total_moves_from_a_row_above_it(mapper: Mapper) -> None:
    """Home Depot prints "Interest income and other, net (201)", "Interest expense 2,321"
    and their total "Interest and other, net 2,120", which takes operating income to pre-tax
    income; the label alone had given the first row the nonoperating total."""
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Net sales", ["10,000"]), _row("Operating income", ["3,000"]),
        _row("Interest income and other, net", ["(201)"]), _row("Interest expense", ["2,321"]),
        _row("Interest and other, net", ["2,120"], is_total=True),
        _row("Earnings before provision for income taxes", ["880"])])
    items = mapper.map_filing([statement])[0].items
    assert items[4].concept == "us-gaap:NonoperatingIncomeExpense"
    assert items[2].concept != "us-gaap:NonoperatingIncomeExpense"


def test_a_net_expense_total_under_an_income_concept_takes_the_sign_its_rows_give_it(mapper: Mapper) -> None:
    """Home Depot's "Interest and other, net 2,120" (a net expense: interest income (201),
    interest expense 2,321) is the nonoperating result, a credit concept: printed without
    parentheses it had kept +2,120, and neither it nor pre-tax income added up."""
    from converter.mapper.calculations import find_calculations
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    where = ("Operating expenses:", "Interest and other, net:")
    statement = _statement(StatementKind.IS, year, [
        _row("Net sales", ["10,000"]), _row("Cost of sales", ["7,000"]), _row("Operating income", ["3,000"]),
        _row("Interest income and other, net", ["(201)"], sections=where),
        _row("Interest expense", ["2,321"], sections=where),
        _row("Interest and other, net", ["2,120"], sections=where[:1]),
        _row("Earnings before provision for income taxes", ["880"])])
    ms = mapper.map_filing([statement])[0]
    find_calculations(ms, mapper.index)
    total = ms.items[5]
    assert total.concept == "us-gaap:NonoperatingIncomeExpense"
    assert total.mapping is not None and total.mapping.sign == -1, total.mapping
    assert "arithmetic" in total.mapping.sign_reason
    assert not ms.unbalanced


def test_an_extension_among_costs_takes_the_balance_its_total_gives_it(mapper: Mapper) -> None:
    """Tesla's "Energy generation and storage" below "Total automotive cost of revenues" had
    become a credit extension (its section's guess), so "Total cost of revenues" did not add
    up; the arithmetic makes it a debit, and the relation is written."""
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Total revenues", ["1,000"], is_total=True),
        _row("Automotive sales", ["500"], sections=("Cost of revenues",)),
        _row("Automotive leasing", ["20"], sections=("Cost of revenues",)),
        _row("Total automotive cost of revenues", ["520"], is_total=True),
        _row("Zorblax generation and storage", ["70"]),
        _row("Total cost of revenues", ["590"], is_total=True),
        _row("Gross profit", ["410"], is_total=True)])
    ms, zorblax = _extension_in(mapper, statement, 4)
    assert zorblax.extension is not None and zorblax.extension.balance == "debit"
    assert not any("Total cost of revenues" in label for label in ms.unbalanced), ms.unbalanced


def _extension_in(mapper: Mapper, statement: Statement, row: int) -> tuple[MappedStatement, Mapping]:
    """The statement mapped with its calculations, and row ``row``'s mapping, a company concept."""
    from converter.mapper.calculations import find_calculations
    ms = mapper.map_filing([statement])[0]
    mapping = ms.items[row].mapping
    assert mapping is not None and mapping.extension is not None
    find_calculations(ms, mapper.index)
    return ms, mapping


def test_an_income_among_expenses_is_a_credit_extension(mapper: Mapper) -> None:
    """IBM's "Intellectual property and custom development income" sits among its expenses
    in parentheses: the company concept its label names an income of is a credit, and the
    figure in parentheses a positive income (it had been a negative debit)."""
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    expense = ("Expense and other (income)",)
    statement = _statement(StatementKind.IS, year, [
        _row("Selling, general and administrative", ["5,027"], sections=expense),
        _row("Zorblax licensing and custom development income", ["(215)"], sections=expense),
        _row("Interest expense", ["510"], sections=expense),
        _row("Total expense and other (income)", ["5,322"], is_total=True)])
    _, zorblax = _extension_in(mapper, statement, 1)
    assert zorblax.extension is not None and zorblax.extension.balance == "credit"
    assert zorblax.sign == -1  # printed (215): an income of 215


def test_a_total_reaching_above_its_caption_may_read_one_rows_parentheses(mapper: Mapper) -> None:
    """Coca-Cola's "Total Comprehensive Income" sits under the "Other Comprehensive Income"
    caption it closes and starts from net income above it; its pension line, a gain of 1
    printed without parentheses, has a concept whose positive is a loss.  Only with that
    line reversed does the total add up, in every period."""
    from converter.mapper.calculations import find_calculations
    quarter = [Period(date(2025, 6, 27), date(2025, 3, 29)), Period(date(2024, 6, 28), date(2024, 3, 30))]
    oci = ("Other Comprehensive Income",)
    rows = [_row("Consolidated Net Income", ["3,803", "2,401"]),
            _row("Net foreign currency translation adjustments", ["1,103", "(1,014)"], sections=oci),
            _row("Net change in unrealized gains (losses) on available-for-sale securities", ["10", "(27)"],
                 sections=oci),
            _row("Net change in pension and other postretirement benefit liabilities", ["1", "27"], sections=oci),
            _row("Total Comprehensive Income", ["4,917", "1,387"], sections=oci, is_total=True)]
    statement = Statement(StatementKind.CI, "Comprehensive income", quarter, rows, scale=6, scale_text="",
                          unscaled_kinds=frozenset())
    ms = mapper.map_filing([statement])[0]
    pension = ms.items[3].mapping
    assert pension is not None and pension.concept == (
        "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax")
    find_calculations(ms, mapper.index)
    assert not ms.unbalanced, ms.unbalanced
    assert pension.sign == -1 and "arithmetic" in pension.sign_reason


def test_available_for_sale_is_a_class_the_label_must_name(mapper: Mapper) -> None:
    """"Purchases of marketable securities" had been PaymentsToAcquireAvailableForSale
    SecuritiesDebt: a class of securities the label does not name."""
    plain = mapper.rank("Purchases of marketable securities", "monetary", "CF", ("Investing activities",))[0]
    assert plain.qname == "us-gaap:PaymentsToAcquireMarketableSecurities"
    named = mapper.rank("Purchases of available-for-sale debt securities", "monetary", "CF", ("Investing activities",))
    assert named[0].qname == "us-gaap:PaymentsToAcquireAvailableForSaleSecuritiesDebt"


def test_employee_stock_plans_are_share_based_compensation(mapper: Mapper) -> None:
    """"Employee stock plans" (Procter & Gamble, Home Depot) had been StockIssuedDuring
    PeriodValueEmployeeStockPurchasePlan: a purchase plan is one plan the label does not name."""
    for label in ("Employee stock plans", "Shares issued under equity incentive plans"):
        ranked = mapper.rank(label, "monetary", "EQ")
        assert ranked[0].qname == "us-gaap:StockIssuedDuringPeriodValueShareBasedCompensation", label
    named = mapper.rank("Shares issued under employee stock purchase plan", "monetary", "EQ")
    assert named[0].qname == "us-gaap:StockIssuedDuringPeriodValueEmployeeStockPurchasePlan"


def test_treasury_shares_are_a_class_the_label_must_name(mapper: Mapper) -> None:
    """Alphabet's "300,000 shares authorized" of its classes of stock had been Treasury
    StockCommonShares: stock held in treasury is a class the label does not name."""
    label = "shares authorized of class a, class b and class c stock and additional paid-in capital"
    assert mapper.rank(label, "shares", "BS")[0].qname == "us-gaap:CommonStockSharesAuthorized"
    assert mapper.rank("Treasury stock, shares", "shares", "BS")[0].qname == "us-gaap:TreasuryStockCommonShares"


def test_the_concept_modern_filers_use_in_place_of_an_older_one(mapper: Mapper) -> None:
    """"Interest paid" is InterestPaid by name, but 5,375 companies use InterestPaidNet for
    it today and 373 the older concept (Walmart's and a 2025 filer's own choice): what the
    label says of one counts for the other, and the modern usage decides, with the reason."""
    ranked = mapper.rank("Interest paid", "monetary", "CF", ("Supplemental disclosure",))
    assert ranked[0].qname == "us-gaap:InterestPaidNet"
    assert any("in that one's place" in why and "what us-gaap:InterestPaid says" in why for why in ranked[0].reasons)
    # an ending that changes the meaning is no such pair: pre-tax income is not net income
    assert mapper.rank("Income from continuing operations", "monetary", "IS")[0].qname == \
        "us-gaap:IncomeLossFromContinuingOperations"


def test_many_filers_who_printed_a_label_outweigh_the_words_of_a_name(mapper: Mapper) -> None:
    """"Total operating costs and expenses" says OperatingCostsAndExpenses word for word,
    but filers who printed it chose CostsAndExpenses 12 times in 13 and that concept never."""
    ranked = mapper.rank("Total operating costs and expenses", "monetary", "IS", is_total=True)
    assert ranked[0].qname == "us-gaap:CostsAndExpenses"
    assert any("filers used this exact label for it" in why for why in ranked[0].reasons)
    # a name no filer contradicts keeps its weight
    assert mapper.rank("Operating lease liability, noncurrent", "monetary", "BS")[0].qname == \
        "us-gaap:OperatingLeaseLiabilityNoncurrent"
    # three filers in 201 are outvoted too: "Deferred revenue" was ContractWithCustomerLiability
    # Current 100 times and DeferredRevenue 3, so the name's words count half, and the report says so
    deferred = next(s for s in mapper.rank("Deferred revenue", "monetary", "BS") if s.qname == "us-gaap:DeferredRevenue")
    assert any("most filers who printed it chose another concept" in why for why in deferred.reasons), deferred


def test_acquisitions_less_the_cash_acquired_are_a_payment_net_of_it(mapper: Mapper) -> None:
    """"Acquisitions, less cash acquired" had been CashAcquiredFromAcquisition: "less" says
    what "net of" says."""
    for label in ("Acquisitions, less cash acquired", "Acquisitions, net of cash acquired"):
        ranked = mapper.rank(label, "monetary", "CF", ("Investing activities",))
        assert ranked[0].qname == "us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired", label


def test_non_cash_operating_lease_cost_is_the_right_of_use_assets_amortization(mapper: Mapper) -> None:
    """"Non-cash operating lease cost" among operating adjustments had been OperatingLease
    ImpairmentLoss; under ASC 842 it is the right-of-use asset's amortization."""
    for label in ("Non-cash operating lease cost", "Noncash lease expense"):
        ranked = mapper.rank(label, "monetary", "CF", ("Operating activities",))
        assert ranked[0].qname == "us-gaap:OperatingLeaseRightOfUseAssetAmortizationExpense", label


def test_printed_signs_say_which_way_the_cash_went(mapper: Mapper) -> None:
    """Microsoft's "Excess tax benefits from stock-based payment arrangements" among
    financing rows names no direction; printed without parentheses, beside outflows in
    parentheses, it is an inflow, not PaymentsRelatedToTaxWithholdingForShareBasedCompensation
    (whose value would have come out negative)."""
    year = Period(date(2008, 6, 30), date(2007, 7, 1))
    financing = ("Financing activities",)
    statement = _statement(StatementKind.CF, year, [
        _row("Common stock repurchased", ["(12,533)"], sections=financing),
        _row("Excess tax benefits from stock-based payment arrangements", ["120"], sections=financing),
        _row("Net cash used in financing", ["(12,413)"], sections=financing, is_total=True),
    ])
    contexts = [item.sections for item in statement.items]
    assert printed_directions(statement, contexts) == {0: "out", 1: "in"}
    mapped = mapper.map_statement(statement).items[1].mapping
    assert mapped is not None and not mapped.concept.startswith("us-gaap:Payments")
    # where no row of the activities is printed in parentheses, a plain figure says nothing
    plain = _statement(StatementKind.CF, year, [_row("Dividends", ["500"], sections=financing)])
    assert printed_directions(plain, [item.sections for item in plain.items]) == {}


def test_rows_under_an_includes_header_are_the_expense_charged_to_each_line(mapper: Mapper) -> None:
    """Apple 2008: "(1) Includes stock-based compensation expense as follows: Cost of sales
    $80 / Research and development $185 / ...".  Those rows are share-based compensation on
    IncomeStatementLocationAxis, not the cost of sales again; the lines above keep theirs."""
    year = Period(date(2008, 9, 27), date(2007, 9, 30))
    note = "(1) Includes stock-based compensation expense as follows"
    statement = _statement(StatementKind.IS, year, [
        _row("Net sales", ["32,479"]),
        _row("Cost of sales", ["21,334"]),
        _row("Research and development", ["1,109"]),
        _row("Operating income", ["10,036"], is_total=True),
        LineItem(note, note + ":", [None], ItemKind.MONETARY, is_header=True),
        _row("Cost of sales", ["80"], sections=(note,)),
        _row("Research and development", ["185"], sections=(note,)),
    ])
    items = mapper.map_filing([statement])[0].items
    assert [mi.mapping.concept for mi in items[:3] if mi.mapping] == [
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "us-gaap:CostOfRevenue",
        "us-gaap:ResearchAndDevelopmentExpense"]
    cost, research = items[5].mapping, items[6].mapping
    assert cost is not None and research is not None
    assert cost.concept == research.concept == "us-gaap:AllocatedShareBasedCompensationExpense"
    assert cost.dimensions == {"us-gaap:IncomeStatementLocationAxis": "us-gaap:CostOfSalesMember"}
    assert research.dimensions == {"us-gaap:IncomeStatementLocationAxis":
                                   "us-gaap:ResearchAndDevelopmentExpenseMember"}
    assert included_subject("Stock-based compensation included in:") == "Stock-based compensation"
    assert included_subject("Operating expenses:") is None


def test_a_row_that_is_no_total_is_not_a_side_of_the_balance_sheet(mapper: Mapper) -> None:
    """Tesla's "Digital assets, net" among noncurrent assets had been AssetsNoncurrent (and
    EDGAR's DQC 0004 said assets no longer added up); "Total assets" is still Assets."""
    row = mapper.rank("Digital assets, net", "monetary", "BS", ("Noncurrent assets",))
    assert all(s.qname != "us-gaap:AssetsNoncurrent" for s in row[:2])
    assert mapper.rank("Total assets", "monetary", "BS", is_total=True)[0].qname == "us-gaap:Assets"
    assert mapper.rank("Total current liabilities", "monetary", "BS", is_total=True)[0].qname == \
        "us-gaap:LiabilitiesCurrent"


def test_and_other_is_not_other(mapper: Mapper) -> None:
    """"Prepaid expenses and other" has the words of "Other Prepaid Expense, Current" but
    not its meaning: it is no exact match for a concept named "Other ..."."""
    ranked = mapper.rank("Prepaid expenses and other", "monetary", "BS", ("Current assets",))
    assert ranked[0].qname != "us-gaap:OtherPrepaidExpenseCurrent"
    assert mapper.rank("Other current assets", "monetary", "BS", ("Current assets",))[0].qname == \
        "us-gaap:OtherAssetsCurrent"


def test_modern_filers_place_a_concept_the_linkbases_leave_out(mapper: Mapper) -> None:
    """PrepaidExpenseAndOtherAssetsCurrent (3,611 companies in 2020-2025) is in no 2025
    statement linkbase; "Prepaid expenses and other current assets" is it, and the report
    says why.  (Walmart's shorter "Prepaid expenses and other" had been its own label, which
    the mapper may not learn while Walmart is measured as held out.)"""
    best = mapper.rank("Prepaid expenses and other current assets", "monetary", "BS", ("Current assets",))[0]
    assert best.qname == "us-gaap:PrepaidExpenseAndOtherAssetsCurrent"
    assert any("modern filers use it in BS statements" in why for why in best.reasons)


def test_other_income_expense_printed_as_an_expense_is_negative(mapper: Mapper) -> None:
    """Johnson & Johnson prints its costs without a caption: "Interest income (1,332)",
    "Other (income) expense, net 4,694". The second is an expense under a credit concept,
    and the first then adds up to pre-tax income as the income it is."""
    from converter.mapper.calculations import find_calculations
    year = Period(date(2024, 12, 29), date(2024, 1, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Sales to customers", ["88,821"]), _row("Cost of products sold", ["27,471"]),
        _row("Gross profit", ["61,350"]),
        _row("Selling, marketing and administrative expenses", ["22,869"]),
        _row("Research and development expense", ["17,232"]),
        _row("In-process research and development impairments", ["211"]),
        _row("Interest income", ["(1,332)"]), _row("Interest expense", ["755"]),
        _row("Other (income) expense, net", ["4,694"]), _row("Restructuring", ["234"]),
        _row("Earnings before provision for taxes on income", ["16,687"])])
    ms = mapper.map_filing([statement])[0]
    other = ms.items[8].mapping
    assert other is not None and other.concept == "us-gaap:OtherNonoperatingIncomeExpense"
    assert other.sign == -1 and "names the side" in other.sign_reason
    find_calculations(ms, mapper.index)
    interest = ms.items[6].mapping
    assert interest is not None and interest.sign == -1  # (1,332) read as income: +1,332
    assert not ms.unbalanced, ms.unbalanced


def test_a_label_that_says_net_passes_over_the_gross_one_of_a_pair(mapper: Mapper) -> None:
    """IncomeTaxesPaid and IncomeTaxesPaidNet are a pair: a label that says "net" is not the
    gross one ("Net loss from continuing operations" had drawn IncomeTaxesPaid through a
    filer's "Income taxes from continuing operations")."""
    ranked = [s.qname for s in mapper.rank("Net loss from continuing operations", "monetary", "CF", limit=4)]
    assert "us-gaap:IncomeTaxesPaid" not in ranked
    assert "us-gaap:IncomeLossFromContinuingOperations" in ranked


def test_other_things_are_not_things_and_other(mapper: Mapper) -> None:
    """"Other accounts receivable" has the words of "Accounts and Other Receivables" but
    not its meaning: no bonus for saying exactly what that concept says (IBM's row had been
    matched at 0.98 confidence on the words alone)."""
    ranked = mapper.rank("Other accounts receivable, net", "monetary", "BS", ("Current assets",), period="instant")
    both = next(s for s in ranked if s.qname == "us-gaap:AccountsAndOtherReceivablesNetCurrent")
    assert both.score < 0.8, both
    assert not any("exactly" in reason for reason in both.reasons), both.reasons


def test_the_parts_of_net_inventories_are_net_of_reserves(mapper: Mapper) -> None:
    """Under "Total inventories" (``InventoryNet``) every part is on the total's basis: the
    taxonomy adds up the ``...NetOfReserves`` concepts to it, the plain ones to
    ``InventoryGross``.  Labels alone had mixed the two in one table."""
    at = Period(date(2025, 3, 31))
    statement = _statement(StatementKind.BS, at, [
        LineItem("Inventories", "Inventories", [None], is_header=True),
        _row("Materials and supplies", ["2,022"], sections=("Inventories",)),
        _row("Work in process", ["1,012"], sections=("Inventories",)),
        _row("Finished goods", ["4,516"], sections=("Inventories",)),
        _row("Total inventories", ["7,550"], is_total=True),
    ])
    concepts = [m.concept for m in mapper.map_filing([statement])[0].items if m.mapping]
    assert concepts == ["us-gaap:InventoryRawMaterialsAndSuppliesNetOfReserves",
                        "us-gaap:InventoryWorkInProcessNetOfReserves",
                        "us-gaap:InventoryFinishedGoodsNetOfReserves", "us-gaap:InventoryNet"], concepts


def test_a_change_reads_the_same_however_its_direction_is_put(mapper: Mapper) -> None:
    """"Changes in receivables, net", "(Increase) decrease in receivables" and the
    taxonomy's "Increase (Decrease) in Receivables" say one thing: the words for a change
    are one word, so the prefix no longer hides the label's match."""
    from converter.mapper.similarity import tokens

    assert set(tokens("Changes in receivables")) == set(tokens("(Increase) decrease in receivables")) \
        == set(tokens("Increase (Decrease) in Receivables"))
    best = mapper.rank("Changes in receivables, net", "monetary", "CF", ("Operating activities",))[0]
    assert best.qname == "us-gaap:IncreaseDecreaseInReceivables", best


def test_a_label_naming_current_and_noncurrent_is_neither_alone(mapper: Mapper) -> None:
    """"Other current and noncurrent assets" spans both: a concept naming neither fits, and
    one whose name happens to hold both words (``IncreaseDecreaseInLongTermReceivablesCurrent``)
    is no better for it."""
    best = mapper.rank("Change in other current and noncurrent assets", "monetary", "CF",
                       ("Operating activities",))[0]
    assert best.qname == "us-gaap:IncreaseDecreaseInOtherOperatingAssets", best


def test_pretax_income_is_income_before_income_taxes(mapper: Mapper) -> None:
    """"Pretax income" had matched GainLossOnDerivativeInstrumentsNetPretax on the one word
    "pretax"; it says "before tax", and domestic income is a part it does not name."""
    best = mapper.rank("Pretax income", "monetary", "IS")[0]
    assert best.qname.startswith("us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxes"), best
    assert not best.qname.endswith("Domestic"), best


def test_other_operating_activities_above_the_working_capital_caption_is_non_cash(mapper: Mapper) -> None:
    """Walmart prints "Other operating activities" among the adjustments for non-cash items,
    above "Changes in certain assets and liabilities": an adjustment, not a change in a
    balance.  Printed after the changes, it stays a change."""
    year = Period(date(2025, 1, 31), date(2024, 2, 1))
    operating = ("Cash flows from operating activities",)

    def statement(rows: list[LineItem]) -> str:
        mapped = mapper.map_filing([_statement(StatementKind.CF, year, rows)])[0]
        return next(m.concept for m in mapped.items if m.item.label == "Other operating activities")

    net_income = _row("Consolidated net income", ["20,157"], sections=operating)
    depreciation = _row("Depreciation and amortization", ["12,973"], sections=operating)
    other = _row("Other operating activities", ["1,138"], sections=operating)
    caption = LineItem("Changes in certain assets and liabilities", "Changes in certain assets and liabilities",
                       [None], is_header=True, sections=operating)
    payable = _row("Accounts payable", ["2,981"], sections=(*operating, "Changes in certain assets and liabilities"))
    assert statement([net_income, depreciation, other, caption, payable]) == "us-gaap:OtherNoncashIncomeExpense"
    assert statement([net_income, depreciation, caption, payable, other]) == \
        "us-gaap:IncreaseDecreaseInOtherOperatingCapitalNet"


def test_selling_beside_another_function_and_administrative_is_sga(mapper: Mapper) -> None:
    """Johnson & Johnson's "Selling, marketing and administrative expenses" and Walmart's
    "Operating, selling, general and administrative expenses" are SG&A, as 2009 filers'
    "Marketing, general and administrative" was; "General and administrative" is not."""
    assert tokens("Selling, marketing and administrative expenses") == ("sga", "expense")
    assert tokens("Operating, selling, general and administrative expenses") == ("sga", "expense")
    assert tokens("Marketing, general and administrative") == ("sga",)
    assert tokens("General and administrative") == ("general", "administrative")
    for label in ("Selling, marketing and administrative expenses", "Operating, selling, general and administrative expenses"):
        assert mapper.rank(label, "monetary", "IS")[0].qname == "us-gaap:SellingGeneralAndAdministrativeExpense"
    assert mapper.rank("General and administrative", "monetary", "IS")[0].qname == "us-gaap:GeneralAndAdministrativeExpense"


def test_a_label_that_names_the_tax_is_the_tax() -> None:
    from converter.mapper.mapper import _names_the_tax

    assert _names_the_tax(tokens("Tax on defined benefit plans net gain arising during period"))
    assert _names_the_tax(tokens("Income tax benefit (expense) on other comprehensive income"))
    assert not _names_the_tax(tokens("Earnings before provision for income taxes"))
    assert not _names_the_tax(tokens("Unrealized gains, net of tax"))
    assert not _names_the_tax(tokens("Income from continuing operations after income taxes"))
    assert tokens("Income after income taxes") == tokens("Income, net of tax")  # the taxonomy's words


def test_a_cost_total_that_leaves_gross_profit_is_the_cost_of_revenue(mapper: Mapper) -> None:
    """IBM's "Total cost" of services, sales and financing takes revenue to gross profit
    (16,977 - 7,001 = 9,977, as rounded): the cost of revenue, split by product and service
    as its revenue is, not costs and expenses."""
    year = Period(date(2025, 6, 30), date(2025, 4, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Services", ["8,000"]), _row("Sales", ["8,000"]), _row("Financing", ["977"]),
        _row("Total revenue", ["16,977"], is_total=True),
        _row("Services", ["4,000"]), _row("Sales", ["2,600"]), _row("Financing", ["401"]),
        _row("Total cost", ["7,001"], is_total=True), _row("Gross profit", ["9,977"])])
    items = mapper.map_filing([statement])[0].items
    assert items[7].concept == "us-gaap:CostOfRevenue"
    assert {mi.concept for mi in items[4:7]} == {"us-gaap:CostOfRevenue"}


def test_research_beside_in_process_research_excludes_it(mapper: Mapper) -> None:
    """Johnson & Johnson prints "Research and development expense" and "In-process research
    and development impairments": the first excludes the acquired in-process cost, and the
    second is an impairment, not a second research and development expense."""
    year = Period(date(2024, 12, 29), date(2024, 1, 1))
    statement = _statement(StatementKind.IS, year, [
        _row("Sales to customers", ["88,821"]), _row("Research and development expense", ["17,232"]),
        _row("In-process research and development impairments", ["194"])])
    items = mapper.map_filing([statement])[0].items
    assert items[1].concept == "us-gaap:ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost"
    assert items[2].concept == "us-gaap:ImpairmentOfIntangibleAssetsIndefinitelivedExcludingGoodwill"


def test_revenue_not_from_contracts_must_be_named_so(mapper: Mapper) -> None:
    """Johnson & Johnson's "Sales to customers" had found RevenueNotFromContractWithCustomer
    on its words "revenue ... contract with customer"; a label that says "not from" still may."""
    assert mapper.rank("Sales to customers", "monetary", "IS")[0].qname == "us-gaap:Revenues"
    assert mapper.rank("Revenue not from contracts with customers", "monetary", "IS")[0].qname == \
        "us-gaap:RevenueNotFromContractWithCustomer"


def test_a_sales_tax_is_a_tax_not_revenue(mapper: Mapper) -> None:
    """"Sales" reads "revenue", but Home Depot's "Sales taxes payable" is the sales tax it
    owes (SalesAndExciseTaxPayableCurrent), as a 2009 filer's "Sales-based taxes" were
    ExciseAndSalesTaxes."""
    assert tokens("Sales taxes payable") == ("salestax", "payable")
    assert tokens("Sales-based taxes") == tokens("Excise and Sales Taxes") == ("salestax",)
    best = mapper.rank("Sales taxes payable", "monetary", "BS", ("Current liabilities",))[0]
    assert best.qname == "us-gaap:SalesAndExciseTaxPayableCurrent"


def test_a_purchase_of_company_stock_is_no_stock_purchase_plan(mapper: Mapper) -> None:
    """Walmart's equity statement prints "Purchase of Company stock" in shares: a repurchase.
    The qualifier "purchase plan" is a phrase the label must say, not its first word alone."""
    assert mapper.rank("Purchase of Company stock", "shares", "EQ")[0].qname == "us-gaap:StockRepurchasedDuringPeriodShares"
    assert mapper.rank("Shares issued under the employee stock purchase plan", "shares", "EQ")[0].qname == \
        "us-gaap:StockIssuedDuringPeriodSharesEmployeeStockPurchasePlans"


def test_sundry_and_miscellaneous_say_other() -> None:
    """IBM's "Investments and sundry assets" and a 2009 filer's "Miscellaneous, net" are the
    "other" of their statements: the words read as "other" does."""
    assert tokens("Investments and sundry assets") == tokens("Investments and other assets")
    assert tokens("Miscellaneous, net") == tokens("Other, net")


def test_a_tax_and_an_amount_on_a_tax_basis_are_told_apart() -> None:
    """One test each (``mapper/taxes.py``), used by the qualifiers, the taxes a row is net of
    and net_basis: the tax on something, and an amount before, after or net of its tax."""
    from converter.mapper.taxes import is_on_a_tax_basis, is_tax_effect

    assert is_tax_effect("us-gaap:OtherComprehensiveIncomeLossTax")
    assert is_tax_effect("us-gaap:OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentBeforeReclassificationAdjustmentsTax")
    assert not is_tax_effect("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax")
    assert not is_tax_effect("us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax")
    assert is_on_a_tax_basis("us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest")
    assert is_on_a_tax_basis("us-gaap:OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax")
    assert not is_on_a_tax_basis("us-gaap:OtherComprehensiveIncomeLossTax")


def test_components_above_a_before_tax_total_are_before_tax(mapper: Mapper) -> None:
    """IBM totals the components of other comprehensive income "before tax" and deducts one
    tax row for them all: every component above that total is before tax, the subtotal of
    cash-flow hedges included (whose net name ends "AfterTax", not "NetOfTax"); without the
    tax row below, the labels' net-of-tax choices stand."""
    quarter = Period(date(2025, 6, 30), date(2025, 4, 1))
    before = ("Other comprehensive income/(loss), before tax",)
    hedges = (*before, "Unrealized gains/(losses) on cash flow hedges")
    rows = [_row("Net income", ["2,194"]),
            _row("Foreign currency translation adjustments", ["(613)"], sections=before),
            _row("Unrealized gains/(losses) arising during the period", ["(82)"], sections=hedges),
            _row("Reclassification of (gains)/losses to net income", ["(419)"], sections=hedges),
            _row("Total unrealized gains/(losses) on cash flow hedges", ["(501)"], sections=hedges, is_total=True),
            _row("Other comprehensive income/(loss), before tax", ["(1,114)"]),
            _row("Income tax (expense)/benefit related to items of other comprehensive income", ["493"]),
            _row("Other comprehensive income/(loss), net", ["(621)"]),
            _row("Total comprehensive income", ["1,573"], is_total=True)]
    statement = _statement(StatementKind.CI, quarter, rows)
    concepts = {mi.item.label: mi.concept for mi in mapper.map_filing([statement])[0].items}
    assert concepts["Other comprehensive income/(loss), before tax"] == "us-gaap:OtherComprehensiveIncomeLossBeforeTax"
    assert concepts["Foreign currency translation adjustments"] == (
        "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentBeforeTax")
    assert concepts["Reclassification of (gains)/losses to net income"] == (
        "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationBeforeTax")
    untaxed = _statement(StatementKind.CI, quarter, [r for r in rows if not r.label.startswith("Income tax")])
    concepts = {mi.item.label: mi.concept for mi in mapper.map_filing([untaxed])[0].items}
    assert concepts["Foreign currency translation adjustments"] == (
        "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax")


def test_an_equity_movement_takes_the_concept_comprehensive_income_gives_the_same_figures(mapper: Mapper) -> None:
    """Home Depot prints its hedges' movement twice: "Cash flow hedges" in the statement of
    comprehensive income, "Cash flow hedges, net of tax" in its equity statement.  One
    number is one fact: the equity row takes the other statement's concept, which the
    layout there (a component's only row) decided, and a row whose figures differ keeps
    its own."""
    years = [Period(date(2025, 2, 2), date(2024, 1, 29)), Period(date(2024, 1, 28), date(2023, 1, 30))]
    comprehensive = Statement(StatementKind.CI, "Comprehensive income", years, [
        _row("Net earnings", ["14,806", "15,143"]),
        _row("Foreign currency translation adjustments", ["(605)", "232"]),
        _row("Cash flow hedges", ["(45)", "8"]),
        _row("Total other comprehensive income (loss), net of tax", ["(650)", "240"], is_total=True),
        _row("Comprehensive income", ["14,156", "15,383"], is_total=True)],
        scale=6, scale_text="", unscaled_kinds=frozenset())
    aoci = ("Accumulated other comprehensive loss",)
    equity = Statement(StatementKind.EQ, "Stockholders' equity", years, [
        _row("Foreign currency translation adjustments, net of tax", ["(605)", "232"], sections=aoci),
        _row("Cash flow hedges, net of tax", ["(45)", "8"], sections=aoci),
        _row("Other", ["(4)", "3"], sections=aoci)],
        scale=6, scale_text="", unscaled_kinds=frozenset())
    ci, eq = mapper.map_filing([comprehensive, equity])
    for k in (1, 2):
        assert eq.items[k - 1].concept == ci.items[k].concept, eq.items[k - 1].item.label
    assert eq.items[1].concept == "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"
    assert "same amounts" in (eq.items[1].mapping.reason if eq.items[1].mapping else "")
    assert "same amounts" not in (eq.items[2].mapping.reason if eq.items[2].mapping else "")


def test_figures_printed_again_under_another_label_are_one_fact(mapper: Mapper) -> None:
    """Celanese prints its net earnings, then again in an "amounts attributable to" block
    under another label: the same figures in every period are the same fact, so the second
    row shares the concept instead of taking the next one on its list.  A single figure is
    no such evidence (two rows may print the same amount by chance)."""
    years = [Period(date(2009, 6, 30), date(2009, 1, 1)), Period(date(2008, 6, 30), date(2008, 1, 1))]
    block = ("Amounts attributable to Celanese Corporation",)
    rows = [_row("Net sales", ["2,302", "3,484"]),
            _row("Net earnings (loss)", ["(45)", "245"]),
            _row("Earnings (loss) from continuing operations", ["(44)", "246"], sections=block),
            _row("Net earnings (loss) attributable to Celanese Corporation", ["(45)", "245"], sections=block)]
    statement = Statement(StatementKind.IS, "Statements of operations", years, rows, scale=6, scale_text="",
                          unscaled_kinds=frozenset())
    concepts = _concepts(mapper, statement)
    assert concepts[1] == concepts[3] == "us-gaap:NetIncomeLoss", concepts
    single = Statement(StatementKind.IS, "Statements of operations", years[:1], [
        _row("Net sales", ["2,302"]), _row("Net earnings (loss)", ["(45)"]),
        _row("Net earnings (loss) attributable to Celanese Corporation", ["(45)"], sections=block)],
        scale=6, scale_text="", unscaled_kinds=frozenset())
    concepts = _concepts(mapper, single)
    assert concepts[2] != concepts[1], concepts


def test_one_movement_under_each_component_has_one_concept(mapper: Mapper) -> None:
    """Home Depot's equity statement prints "Shares issued under employee stock plans, net"
    under common stock and again under paid-in capital, where "Stock-based compensation
    expense" takes the concept the label alone prefers.  Mapped one by one the two rows had
    split; the movement is one, so both take the concept each section leaves free."""
    year = Period(date(2025, 2, 2), date(2024, 1, 29))
    common, paid_in = ("Common stock",), ("Paid-in capital",)
    label = "Shares issued under employee stock plans, net"
    statement = _statement(StatementKind.EQ, year, [
        _row("Balance at beginning of year", ["90"], sections=common, balance_at="start"),
        _row(label, ["1"], sections=common),
        _row("Balance at end of year", ["91"], sections=common, balance_at="end"),
        _row("Balance at beginning of year", ["12,802"], sections=paid_in, balance_at="start"),
        _row(label, ["103"], sections=paid_in),
        _row("Stock-based compensation expense", ["477"], sections=paid_in),
        _row("Balance at end of year", ["13,382"], sections=paid_in, balance_at="end")])
    items = mapper.map_statement(statement).items
    assert items[1].concept == items[4].concept == "us-gaap:StockIssuedDuringPeriodValueShareBasedCompensation"
    assert items[5].concept != items[4].concept


def test_other_comprehensive_income_above_a_split_consolidated_total_is_consolidated(mapper: Mapper) -> None:
    """Tesla's "Total other comprehensive income (loss)" sits above "Comprehensive income",
    which is then split between noncontrolling interests and stockholders: it adds into the
    consolidated figure and is consolidated (the label alone had chosen the parent's share)."""
    quarter = Period(date(2025, 6, 30), date(2025, 4, 1))
    statement = _statement(StatementKind.CI, quarter, [
        _row("Net income", ["1,197"]),
        _row("Foreign currency translation adjustment", ["582"]),
        _row("Total other comprehensive income (loss):", ["582"], is_total=True),
        _row("Comprehensive income", ["1,779"], is_total=True),
        _row("Less: Comprehensive income attributable to noncontrolling interests", ["25"]),
        _row("Comprehensive income attributable to common stockholders", ["1,754"])])
    items = mapper.map_filing([statement])[0].items
    assert items[3].concept == "us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"
    assert items[2].concept == "us-gaap:OtherComprehensiveIncomeLossNetOfTax"


def test_other_comprehensive_income_the_minority_column_leaves_empty_is_the_companys(mapper: Mapper) -> None:
    """An equity statement by component with a noncontrolling-interest column: Tesla's
    "Other comprehensive loss" leaves that column empty, so it is all the company's
    (``...PortionAttributableToParent``); where the column has an amount, it stays the
    consolidated figure."""
    year = Period(date(2024, 12, 31), date(2024, 1, 1))
    heads = ["Accumulated Other Comprehensive Income (Loss)", "Total Stockholders' Equity",
             "Noncontrolling Interests in Subsidiaries", "Total Equity"]

    def equity(minority: str | None) -> Statement:
        values = ["(415)", "(415)", minority, "(415)" if minority is None else "(412)"]
        row = LineItem("Other comprehensive loss", "Other comprehensive loss",
                       [None if v is None else Amount(v, -Decimal(v.strip("()"))) for v in values])
        return Statement(StatementKind.EQ, "Equity", [year] * 4, [row], scale=6, scale_text="",
                         unscaled_kinds=frozenset(), components=heads)

    assert mapper.map_filing([equity(None)])[0].items[0].concept == (
        "us-gaap:OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToParent")
    assert mapper.map_filing([equity("3")])[0].items[0].concept == "us-gaap:OtherComprehensiveIncomeLossNetOfTax"


def test_a_count_beside_an_amount_takes_the_amounts_shares_concept(mapper: Mapper) -> None:
    """Walmart's equity statement prints "Other" with a share count and amounts: the amount
    is StockholdersEquityOther, and the count, which labels alone left to a concept of our
    own, is the taxonomy's shares of it."""
    year = Period(date(2025, 1, 31), date(2024, 2, 1))
    heads = ["Common Stock Shares", "Common Stock Amount", "Retained Earnings", "Total Equity"]
    shares = LineItem("Other", "Other", [Amount("17", Decimal(17)), None, None, None], ItemKind.SHARES, line=7)
    amounts = LineItem("Other", "Other", [None, Amount("2", Decimal(2)), Amount("(95)", Decimal(-95)),
                                          Amount("(93)", Decimal(-93))], ItemKind.MONETARY, line=7)
    statement = Statement(StatementKind.EQ, "Shareholders' equity", [year] * 4, [shares, amounts], scale=6,
                          scale_text="", unscaled_kinds=frozenset(), components=heads)
    count, amount = mapper.map_filing([statement])[0].items
    assert amount.concept == "us-gaap:StockholdersEquityOther"
    assert count.concept == "us-gaap:StockholdersEquityOtherShares"
