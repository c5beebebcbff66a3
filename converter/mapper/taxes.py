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
# a concept that is a tax on something, not an amount before or after it
_TAX_CHILD = re.compile(r"Taxe?s?$(?<!BeforeTax)(?<!AfterTax)(?<!NetOfTax)(?<!AndTax)"
                        r"(?<!IncludingTax)(?<!ExcludingTax)")


def tax_netted(fact: EmbeddedFact, parent_concept: str | None, index: ConceptIndex) -> Mapping:
    """The mapping of a tax netted out of a row whose concept is ``parent_concept``; no
    concept (and so a number reported as left out) where the taxonomy gives it no one tax."""
    children = index.calc_children.get(parent_concept or "", [])
    taxes = [c for c, _ in children if _TAX_CHILD.search(c) and c in index and index[c].balance]
    if len(taxes) != 1:
        return Mapping("", 0.0, f"the taxonomy has no one tax concept under {parent_concept or 'the row'}")
    concept = taxes[0]
    positive = "expense" if index[concept].balance == "debit" else "benefit"
    printed = TAX_ROLES[fact.role]
    why = f"'{fact.text}' read as the tax netted out of the row: the taxonomy's tax under {parent_concept}"
    return Mapping(concept, 0.9, why, sign=1 if positive == printed else -1,
                   sign_reason=f"the label's positive amount is a tax {printed}, the concept's a tax {positive}")
