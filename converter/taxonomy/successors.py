"""The current concept that took over from a deprecated one, where the change was a rename
or a standard's new scope and not a split.

What 2009 filers printed for a concept is the mapper's best knowledge of how filers word
it, but the taxonomy has since retired many of the concepts they used.  Their labels are
not lost: "Net increase (decrease) in cash and cash equivalents" still names the change in
cash, which since ASU 2016-18 is the change in cash *and restricted cash*.  The mapper's
evidence (``mapper/evidence.py``) counts a label used for a deprecated concept as used for
its successor.

The 2025 taxonomy's own deprecation linkbase (``us-gaap-depcon-def-2025.xml``) names
successors only for concepts deprecated in recent years; none of the concepts below is in
it.  This table covers the deprecated concepts most used in the 2009 data set whose
successor is one concept without a dimension, from the FASB's taxonomy release notes and
the standards that retired them.  Concepts that were split by a dimension
(``SalesRevenueGoodsNet``: revenue with ``ProductOrServiceAxis``) or retired without a
successor (``ExcessTaxBenefitFromShareBasedCompensation...`` by ASU 2016-09,
``DeferredTaxAssetsNetCurrent`` by ASU 2015-17) are left out: their labels stay unused.
A test checks each successor is a current concept of the same type, period and balance.
"""

from __future__ import annotations

# deprecated concept -> (successor, why)
SUCCESSORS: dict[str, tuple[str, str]] = {
    "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease": (
        "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
        "ASU 2016-18: the change in cash includes restricted cash"),
    "us-gaap:CashPeriodIncreaseDecrease": (
        "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
        "ASU 2016-18: the change in cash includes restricted cash"),
    "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect": (
        "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect",
        "ASU 2016-18: the change in cash includes restricted cash"),
    "us-gaap:EffectOfExchangeRateOnCashAndCashEquivalents": (
        "us-gaap:EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents",
        "ASU 2016-18: the exchange-rate effect on cash includes restricted cash"),
    "us-gaap:EffectOfExchangeRateOnCash": (
        "us-gaap:EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents",
        "ASU 2016-18: the exchange-rate effect on cash includes restricted cash"),
    "us-gaap:IncreaseDecreaseInRestrictedCashForOperatingActivities": (
        "us-gaap:IncreaseDecreaseInRestrictedCashAndInvestmentsForOperatingActivities",
        "restricted cash and investments in one concept"),
    "us-gaap:DeferredTaxLiabilitiesNoncurrent": (
        "us-gaap:DeferredIncomeTaxLiabilitiesNet", "ASU 2015-17: all deferred taxes are noncurrent"),
    "us-gaap:DeferredTaxAssetsNetNoncurrent": (
        "us-gaap:DeferredIncomeTaxAssetsNet", "ASU 2015-17: all deferred taxes are noncurrent"),
    "us-gaap:TreasuryStockShares": (
        "us-gaap:TreasuryStockCommonShares", "treasury shares by class of stock"),
    "us-gaap:SalesRevenueNet": (
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "ASC 606 (ASU 2014-09): sales are revenue from contracts with customers"),
    "us-gaap:CostOfGoodsSold": (
        "us-gaap:CostOfGoodsAndServicesSold", "ASC 606 (ASU 2014-09): cost of revenue concepts consolidated"),
    "us-gaap:PaymentsToAcquireAvailableForSaleSecurities": (
        "us-gaap:PaymentsToAcquireAvailableForSaleSecuritiesDebt", "ASU 2016-01: available-for-sale means debt"),
    "us-gaap:ProceedsFromSaleOfAvailableForSaleSecurities": (
        "us-gaap:ProceedsFromSaleOfAvailableForSaleSecuritiesDebt", "ASU 2016-01: available-for-sale means debt"),
    "us-gaap:AvailableForSaleSecurities": (
        "us-gaap:AvailableForSaleSecuritiesDebtSecurities", "ASU 2016-01: available-for-sale means debt"),
    "us-gaap:AvailableForSaleSecuritiesCurrent": (
        "us-gaap:AvailableForSaleSecuritiesDebtSecuritiesCurrent", "ASU 2016-01: available-for-sale means debt"),
    "us-gaap:AvailableForSaleSecuritiesNoncurrent": (
        "us-gaap:AvailableForSaleSecuritiesDebtSecuritiesNoncurrent", "ASU 2016-01: available-for-sale means debt"),
    "us-gaap:ProceedsFromSaleOfAvailableForSaleSecuritiesEquity": (
        "us-gaap:ProceedsFromSaleOfEquitySecuritiesFvNi", "ASU 2016-01: equity securities at fair value"),
    "us-gaap:PaymentsToAcquireAvailableForSaleSecuritiesEquity": (
        "us-gaap:PaymentsToAcquireEquitySecuritiesFvNi", "ASU 2016-01: equity securities at fair value"),
    "us-gaap:OtherComprehensiveIncomeUnrealizedGainLossOnDerivativesArisingDuringPeriodNetOfTax": (
        "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAfterTax",
        "cash-flow hedge gains and losses in other comprehensive income"),
    "us-gaap:CostOfPurchasedPower": (
        "us-gaap:UtilitiesOperatingExpensePurchasedPower", "utilities' purchased power as an operating expense"),
    "us-gaap:GasDomesticRegulatedRevenue": (
        "us-gaap:RegulatedOperatingRevenueGas", "regulated operating revenue by kind"),
}


def successor(concept: str) -> str | None:
    hit = SUCCESSORS.get(concept)
    return hit[0] if hit else None
