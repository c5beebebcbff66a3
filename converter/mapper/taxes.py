"""The tax a row is net of, written into its label ("Change in foreign currency translation
adjustment, net of income tax benefit (expense) of $(134), $63 and $(49)").

The concept is the one the taxonomy's calculations put under the row's own concept as its
tax (``OtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentTax`` under the
translation adjustment, net of tax), so it follows whatever concept the row ends with.  The
sign compares two readings of a positive amount: the label's (the word it leaves outside
parentheses, extraction.labels) and the concept's (a debit tax is an expense when positive,
a credit one a benefit).
"""

from __future__ import annotations

import re

from converter.model.mapping import Mapping
from converter.model.statements import TAX_BENEFIT, TAX_EXPENSE, EmbeddedFact
from converter.taxonomy.index import ConceptIndex

# the embedded roles extraction.labels gives a tax, and what each makes a positive amount
TAX_ROLES = {TAX_BENEFIT: "benefit", TAX_EXPENSE: "expense"}
_ENDS_IN_TAX = re.compile(r"Taxe?s?$")
# ... and a name that ends so without being a tax: an amount before, after or net of it
# ("...BeforeIncomeTax", "...AfterReclassificationAndTax"), with or without one
# ("RevenueFromContractWithCustomerExcludingAssessedTax"), or accruals "...ExpenseAndTaxes"
_NOT_A_TAX = re.compile(r"(?:NetOf|After|Before|And)(?:Income)?Taxe?s?$|(?:Including|Excluding)[A-Za-z]*Taxe?s?$")


# the words of a name for an amount before, after or net of its tax, wherever they stand
# ("...ArisingDuringPeriodNetOfTax", "IncomeLossFromContinuingOperationsBeforeIncomeTaxes...")
_TAX_BASIS = re.compile(r"(?:NetOf|After|Before)(?:Income)?Tax")


def is_on_a_tax_basis(concept: str) -> bool:
    """A concept that is an amount before, after or net of its tax: not the tax itself."""
    return bool(_TAX_BASIS.search(concept))


def is_tax_effect(concept: str) -> bool:
    """A concept that is the tax on something ("OtherComprehensiveIncomeLossTax",
    "...BeforeReclassificationAdjustmentsTax"), not an amount before, after or net of it.
    The one test of it: the mapper's qualifier, the taxes rows are net of, and the tax row
    that puts comprehensive income's components before tax (net_basis)."""
    return bool(_ENDS_IN_TAX.search(concept)) and not _NOT_A_TAX.search(concept)


def tax_netted(fact: EmbeddedFact, parent_concept: str | None, index: ConceptIndex) -> Mapping:
    """The mapping of a tax netted out of a row whose concept is ``parent_concept``; no
    concept (and so a number reported as left out) where the taxonomy gives it no one tax."""
    children = index.calc_children.get(parent_concept or "", [])
    taxes = [c for c, _ in children if is_tax_effect(c) and c in index and index[c].balance]
    if len(taxes) != 1:
        return Mapping("", 0.0, f"the taxonomy has no one tax concept under {parent_concept or 'the row'}")
    concept = taxes[0]
    positive = "expense" if index[concept].balance == "debit" else "benefit"
    printed = TAX_ROLES[fact.role]
    why = f"'{fact.text}' read as the tax netted out of the row: the taxonomy's tax under {parent_concept}"
    return Mapping(concept, 0.9, why, sign=1 if positive == printed else -1,
                   sign_reason=f"the label's positive amount is a tax {printed}, the concept's a tax {positive}")
