"""The founding example, fact by fact.

The expected facts below were typed from the filing itself (the balance sheet, the
statement of operations and the numbers written in their labels), not from the
converter's output.  Where US-GAAP offers more than one right concept for a line, every
acceptable concept is listed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter import Result
from tests.conftest import ReadFact

A, B = "2006-09-30", "2006-03-31"
Q6, Q5 = "2006-07-01--2006-09-30", "2005-07-01--2005-09-30"
H6, H5 = "2006-04-01--2006-09-30", "2005-04-01--2005-09-30"
USD, SHARES, USD_PER_SHARE = "iso4217:USD", "xbrli:shares", "iso4217:USD/xbrli:shares"
LOC = "us-gaap:IncomeStatementLocationAxis"


def g(*names: str) -> tuple[str, ...]:
    return tuple(f"us-gaap:{n}" for n in names)


# (acceptable concepts, periods, values, unit, decimals, dimensions)
BALANCE_SHEET = [
    (g("CashAndCashEquivalentsAtCarryingValue"), "39329000 58051000"),
    (g("AccountsReceivableNetCurrent"), "2532000 5869000"),
    (g("InventoryNet", "InventoryCurrent"), "18968000 12545000"),
    (g("PrepaidExpenseAndOtherAssetsCurrent"), "1695000 1050000"),
    (g("AssetsCurrent"), "62524000 77515000"),
    (g("PropertyPlantAndEquipmentNet"), "6762000 7816000"),
    (g("InventoryNoncurrent"), "2569000 3113000"),
    (g("OtherAssetsNoncurrent", "IntangibleAssetsNetExcludingGoodwill"), "1139000 1273000"),
    (g("Assets"), "72994000 89717000"),
    (g("AccountsPayableAndAccruedLiabilitiesCurrent"), "8445000 8144000"),
    (g("AccruedSalariesCurrent", "EmployeeRelatedLiabilitiesCurrent"), "1376000 1623000"),
    (g("ProductWarrantyAccrualClassifiedCurrent"), "6876000 6998000"),
    (g("DeferredRevenueCurrent", "ContractWithCustomerLiabilityCurrent"), "688000 632000"),
    (g("NotesPayableCurrent", "DebtCurrent"), "19000 19000"),
    (g("LiabilitiesCurrent"), "17404000 17416000"),
    (g("LongTermNotesPayable", "LongTermDebtNoncurrent"), "37000 47000"),
    (g("OtherLiabilitiesNoncurrent"), "592000 626000"),
    (g("PreferredStockValue"), "0 0"),
    (g("CommonStockValue"), "104000 104000"),
    (g("AdditionalPaidInCapital", "AdditionalPaidInCapitalCommonStock"), "575663000 572787000"),
    (g("RetainedEarningsAccumulatedDeficit"), "-520293000 -500542000"),
    (g("DeferredCompensationEquity"), "0 208000"),
    (g("TreasuryStockValue", "TreasuryStockCommonValue"), "513000 513000"),
    (g("StockholdersEquity"), "54961000 71628000"),
    (g("LiabilitiesAndStockholdersEquity"), "72994000 89717000"),
]
INCOME_STATEMENT = [
    (g("Revenues"), "2946000 5705000 9512000 9512000"),
    (g("CostOfGoodsAndServicesSold"), "5282000 6768000 13084000 13992000"),
    (g("GrossProfit"), "-2336000 -1063000 -3572000 -4480000"),
    (g("ResearchAndDevelopmentExpense"), "2592000 2728000 5398000 4833000"),
    (g("SellingGeneralAndAdministrativeExpense"), "6061000 6788000 11976000 12525000"),
    (g("OperatingExpenses"), "8653000 9516000 17374000 17358000"),
    (g("OperatingIncomeLoss"), "-10989000 -10579000 -20946000 -21838000"),
    (g("InvestmentIncomeInterest", "InterestIncomeOther", "InvestmentIncomeNonoperating"),
     "571000 377000 1198000 773000"),
    (g("InterestExpense", "InterestExpenseNonoperating"), "1000 19000 2000 21000"),
    (g("OtherNonoperatingIncome", "OtherNonoperatingIncomeExpense"), "0 22000 1000 24000"),
    (g("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
       "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments"),
     "-10419000 -10199000 -19749000 -21062000"),
    (g("IncomeTaxExpenseBenefit"), "0 0 2000 2000"),
    (g("NetIncomeLoss"), "-10419000 -10199000 -19751000 -21064000"),
]

EXPECTED: list[tuple[tuple[str, ...], str, str | None, str, str | None, tuple[tuple[str, str], ...]]] = []
for concepts, values in BALANCE_SHEET:
    for period, value in zip((A, B), values.split(), strict=True):
        EXPECTED.append((concepts, period, value, USD, "-3", ()))
for concepts, values in INCOME_STATEMENT:
    for period, value in zip((Q6, Q5, H6, H5), values.split(), strict=True):
        EXPECTED.append((concepts, period, value, USD, "-3", ()))
for period, value in zip((Q6, Q5, H6, H5), "-0.10 -0.12 -0.19 -0.25".split(), strict=True):
    # "basic and diluted": one number, both concepts (the combined concept is deprecated)
    EXPECTED.append((g("EarningsPerShareBasic"), period, value, USD_PER_SHARE, "2", ()))
    EXPECTED.append((g("EarningsPerShareDiluted"), period, value, USD_PER_SHARE, "2", ()))
for period, value in zip((Q6, Q5, H6, H5), "103901000 84955000 103612000 84673000".split(), strict=True):
    EXPECTED.append((g("WeightedAverageNumberOfSharesOutstandingBasic"), period, value, SHARES, "-3", ()))
    EXPECTED.append((g("WeightedAverageNumberOfDilutedSharesOutstanding"), period, value, SHARES, "-3", ()))
# numbers written inside labels
for period, value in ((A, "805000"), (B, "858000")):
    EXPECTED.append((g("AllowanceForDoubtfulAccountsReceivableCurrent"), period, value, USD, "-3", ()))
for period in (A, B):
    EXPECTED += [
        (g("PreferredStockParOrStatedValuePerShare"), period, "0.001", USD_PER_SHARE, "3", ()),
        (g("PreferredStockSharesAuthorized"), period, "10000000", SHARES, "0", ()),
        (g("PreferredStockSharesIssued"), period, "0", SHARES, "0", ()),
        (g("CommonStockParOrStatedValuePerShare"), period, "0.001", USD_PER_SHARE, "3", ()),
        (g("CommonStockSharesAuthorized"), period, "415000000", SHARES, "0", ()),
        (g("TreasuryStockCommonShares"), period, "551208", SHARES, "0", ()),
    ]
EXPECTED += [
    (g("CommonStockSharesIssued"), A, "104765257", SHARES, "0", ()),
    (g("CommonStockSharesOutstanding"), A, "104214049", SHARES, "0", ()),
    (g("CommonStockSharesIssued"), B, "103521829", SHARES, "0", ()),
    (g("CommonStockSharesOutstanding"), B, "102970621", SHARES, "0", ()),
]
for member, values in (("CostOfSalesMember", "23000 0 51000 0"),
                       ("ResearchAndDevelopmentExpenseMember", "56000 0 112000 0"),
                       ("SellingGeneralAndAdministrativeExpensesMember", "591000 449000 1266000 577000")):
    for period, value in zip((Q6, Q5, H6, H5), values.split(), strict=True):
        EXPECTED.append((g("AllocatedShareBasedCompensationExpense"), period, value, USD, "-3",
                         ((LOC, f"us-gaap:{member}"),)))

DEI = {
    "dei:DocumentType": "8-K",
    "dei:AmendmentFlag": "false",
    "dei:DocumentPeriodEndDate": "2006-11-09",
    "dei:EntityRegistrantName": "CAPSTONE TURBINE CORPORATION",
    "dei:EntityCentralIndexKey": "0001009759",
    "dei:EntityIncorporationStateCountryCode": "DE",
    "dei:EntityFileNumber": "001-15957",
    "dei:EntityTaxIdentificationNumber": "95-4180883",
    "dei:EntityAddressAddressLine1": "21211 Nordhoff Street",
    "dei:EntityAddressCityOrTown": "Chatsworth",
    "dei:EntityAddressStateOrProvince": "CA",
    "dei:EntityAddressPostalZipCode": "91311",
    "dei:CityAreaCode": "818",
    "dei:LocalPhoneNumber": "734-5300",
    "dei:TradingSymbol": "CPST",
    "dei:SecurityExchangeName": "NASDAQ",
    "dei:WrittenCommunications": "false",
    "dei:SolicitingMaterial": "false",
    "dei:PreCommencementTenderOffer": "false",
    "dei:PreCommencementIssuerTenderOffer": "false",
}


def _matches(fact: ReadFact, concepts: tuple[str, ...], period: str, dims: tuple[tuple[str, str], ...]) -> bool:
    return fact.concept in concepts and fact.period == period and fact.dims == dims


@pytest.mark.parametrize(
    "concepts, period, value, unit, decimals, dims",
    EXPECTED,
    ids=[f"{c[0].split(':')[1]}-{p}-{'-'.join(m for _, m in d)}" for c, p, _, _, _, d in EXPECTED],
)
def test_fact(example_facts: list[ReadFact], concepts: tuple[str, ...], period: str, value: str | None,
              unit: str, decimals: str | None, dims: tuple[tuple[str, str], ...]) -> None:
    found = [f for f in example_facts if _matches(f, concepts, period, dims)]
    assert len(found) == 1, f"expected exactly one {concepts} for {period}, found {found}"
    fact = found[0]
    # a "--" in an amount column is printed "none": a zero, as filers tag it (fixed-zero)
    assert value is not None and fact.value is not None and Decimal(fact.value) == Decimal(value)
    assert fact.unit == unit
    assert fact.decimals == decimals


def test_no_unexpected_facts(example_facts: list[ReadFact]) -> None:
    numeric = [f for f in example_facts if not f.concept.startswith("dei:")]
    assert len(numeric) == len(EXPECTED)


@pytest.mark.parametrize("concept, value", sorted(DEI.items()))
def test_cover_page_fact(example_facts: list[ReadFact], concept: str, value: str) -> None:
    found = [f for f in example_facts if f.concept == concept]
    assert [f.value for f in found] == [value]
    assert found[0].period == "2006-11-09--2006-11-09"


def test_every_printed_number_is_a_fact_or_left_out(example_result: Result) -> None:
    assert example_result.left_out == []


def test_arelle_accepts_the_package(example_result: Result) -> None:
    assert example_result.validation is not None
    assert example_result.validation.errors == []
    assert example_result.validation.inconsistencies == []
    assert example_result.valid


def test_calculations_cover_every_total(example_result: Result) -> None:
    for ms in example_result.statements:
        assert ms.unbalanced == []
    totals = {ms.items[c.total].item.label for ms in example_result.statements for c in ms.calculations}
    assert {"Total current assets", "Total assets", "Total current liabilities", "Total stockholders' equity",
            "Total liabilities and stockholders' equity", "Gross loss", "Total operating expenses",
            "Loss from operations", "Loss before income taxes", "Net loss"} <= totals


def test_no_calculation_had_to_be_dropped(example_result: Result) -> None:
    assert example_result.model.report.calculations_left_out == []
    arcs = [a for r in example_result.model.roles for a in r.calculation]
    assert len(arcs) == 35  # children counted in the filing: BS 4+4+5+6+4, IS 2+2+2+4+2


def test_no_deprecated_concept_is_chosen(example_facts: list[ReadFact]) -> None:
    from converter.taxonomy.deprecated import load_deprecated

    deprecated = load_deprecated()
    assert "us-gaap:EarningsPerShareBasicAndDiluted" in deprecated and "us-gaap:TreasuryStockShares" in deprecated
    assert not {f.concept for f in example_facts} & deprecated
