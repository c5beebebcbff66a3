"""Which component of other comprehensive income a row moves, from the caption it sits under.

A statement of comprehensive income repeats its row labels under each component's caption:
"Unrealized gain (loss) arising during period", "Reclassifications to earnings" and "Net
change" under "Securities", again under "Derivatives & hedges", again under "Employee
benefit plans".  Only the caption says whose rows they are, so the component it names is
read as the row's context, in the taxonomy's words (ASC 220's components: foreign currency
translation, available-for-sale securities, cash flow hedges, defined benefit plans).

The component's rows also say which of its concepts a row is: printed alone, with no
reclassification beside it, a component's row is its whole adjustment for the period, not
the part of it that arose in the period (``whole_adjustments``).
"""

from __future__ import annotations

import re

from converter.model.mapping import MappedStatement
from converter.model.statements import StatementKind
from converter.taxonomy.index import ConceptIndex

# (what a label or caption says, the taxonomy's words for the component)
COMPONENTS = (
    (re.compile(r"foreign\s+currency|translation", re.I), "foreign currency translation"),
    (re.compile(r"securities|investments", re.I), "available for sale securities"),
    (re.compile(r"derivative|hedg", re.I), "cash flow hedge"),
    (re.compile(r"pension|post-?retirement|retirement|benefit\s+plans?", re.I), "pension postretirement benefit plans"),
)


def _named(text: str) -> str:
    """The taxonomy's words for the component a label or caption names; '' for none."""
    return next((words for pattern, words in COMPONENTS if pattern.search(text)), "")


def _nearest_caption(sections: tuple[str, ...]) -> str:
    """The component the nearest caption naming one names; '' for none."""
    return next((words for section in reversed(sections) if (words := _named(section))), "")


def component_words(label: str, sections: tuple[str, ...]) -> str:
    """The taxonomy's words for the component the nearest caption names, where the label
    names none ("Net change" under "Derivatives & hedges": "cash flow hedge"); else ''."""
    return "" if _named(label) else _nearest_caption(sections)


# A component's gain or loss arising in the period, and its whole adjustment (that gain or
# loss and the reclassification out of accumulated OCI together), on the same tax basis;
# for defined benefit plans the whole adjustment also takes in prior service cost and
# amortization (P&G's lone "Unrealized gains/(losses) on defined benefit postretirement
# plans").
# Not securities': a lone "Change in unrealized gains on available-for-sale investments"
# is the part arising in the period as often as the whole (Meta the one, P&G the other).
_WHOLE_OF = {
    "us-gaap:OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationGainLossArisingDuringPeriodNetOfTax":
        "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax",
    "us-gaap:OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationGainLossBeforeReclassificationAndTax":
        "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentBeforeTax",
    "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAfterTax":
        "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax",
    "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAndTax":
        "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationBeforeTax",
    "us-gaap:OtherComprehensiveIncomeDefinedBenefitPlansNetUnamortizedGainLossArisingDuringPeriodNetOfTax":
        "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax",
    "us-gaap:OtherComprehensiveIncomeDefinedBenefitPlansNetUnamortizedGainLossArisingDuringPeriodBeforeTax":
        "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentBeforeTax",
    "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansNetUnamortizedGainLossArising"
    "DuringPeriodBeforeTax":
        "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentBeforeTax",
}
_RECLASSIFICATION = re.compile(r"reclassif|realized|included\s+in\s+(?:net\s+)?(?:income|earnings)|"
                               r"transferred\s+to|amortization", re.I)


def component_of(label: str, sections: tuple[str, ...]) -> str:
    """The component a row moves: the one its label names, else its nearest caption's."""
    return _named(label) or _nearest_caption(sections)


def whole_adjustments(ms: MappedStatement) -> None:
    """A component printed as one row ("Foreign currency translation adjustments", with no
    reclassification row beside it) is the component's whole adjustment, not the part of it
    that arose in the period: labels alone chose the part, as many 2009 filers did, where
    today's filers (Tesla, Meta, Walmart, Home Depot, Alphabet) file the whole."""
    if ms.statement.kind != StatementKind.CI:
        return
    components = [component_of(mi.item.label, mi.item.sections) for mi in ms.items]
    used = {mi.concept for mi in ms.items if mi.mapping is not None}
    for mi, component in zip(ms.items, components, strict=True):
        whole = _WHOLE_OF.get(mi.concept or "")
        if whole is None or not component or whole in used:
            continue
        if any(c == component and other is not mi and _RECLASSIFICATION.search(other.item.label)
               for other, c in zip(ms.items, components, strict=True)):
            continue
        mi.reassign(whole, "the component's only row, with no reclassification beside it: its whole adjustment")
        used.add(whole)


# A component's adjustment as the company's portion, and as a whole (consolidated)
_WHOLE_OF_PORTION = {
    f"us-gaap:OtherComprehensiveIncome{part}{basis}PortionAttributableToParent": f"us-gaap:{whole}{basis}"
    for part, whole in (
        ("ForeignCurrencyTransactionAndTranslationAdjustment",
         "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustment"),
        ("DefinedBenefitPlansAdjustment",
         "OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustment"),
        ("AvailableforsaleSecuritiesAdjustment", "OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustment"),
        ("DerivativesQualifyingAsHedges", "OtherComprehensiveIncomeLossDerivativesQualifyingAsHedges"))
    for basis in ("NetOfTax", "BeforeTax")
}
_WHOSE_SHARE = re.compile(r"attributable|non-?controlling|minority", re.I)


def consolidated_components(ms: MappedStatement, index: ConceptIndex) -> None:
    """A statement of comprehensive income that does not split other comprehensive income
    between the company and noncontrolling interests reports each component whole: a
    component chosen as the company's portion (P&G's "Foreign currency translation, net",
    J&J's pension "Net change") takes the consolidated concept, unless its label says whose
    share it is or another row has that concept."""
    if ms.statement.kind != StatementKind.CI or any(
            _WHOSE_SHARE.search(mi.item.label) and "OtherComprehensive" in (mi.concept or "") for mi in ms.items):
        return
    used = {mi.concept for mi in ms.items}
    for mi in ms.items:
        whole = _WHOLE_OF_PORTION.get(mi.concept or "")
        if whole is not None and whole in index and whole not in used and not _WHOSE_SHARE.search(mi.item.label):
            mi.reassign(whole, "a component of other comprehensive income in a statement that does not split it "
                               "between the company and noncontrolling interests: the whole")
            used.add(whole)
