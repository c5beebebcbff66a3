"""Choose a US-GAAP concept for every line item and every number inside a label.

No table of known labels: each candidate concept is scored from the taxonomy and from
what filers called it, under hard constraints (period type, item type, current
taxonomy).  The signals, all explained in the mapping report:

* label similarity to the concept's standard and other labels and to filer labels,
  with the section a row sits in ("Current Assets") added as context;
* how often filers used exactly this label for the concept (SEC data sets);
* whether the concept belongs in this kind of statement (2025 statement linkbases);
* whether its metadata is official or only inferred;
* afterwards, whether the statement's totals add up with the chosen concepts and the
  taxonomy's weights (``calculations.py``).

A user mapping file overrides any choice.  Where nothing scores well enough, an
extension concept is proposed.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from converter.mapper.allocations import INCOME_STATEMENT_LOCATION_AXIS, allocated_by_location
from converter.mapper.bank_sections import rows_in_bank_sections
from converter.mapper.breakdowns import by_product_or_service
from converter.mapper.cashflow import (
    change_before_exchange_effect,
    concept_activity,
    other_before_working_capital,
    row_activity,
)
from converter.mapper.components import (
    component_members,
    equity_balances,
    one_concept_per_movement,
    repurchases,
    section_members,
    share_signs,
    shares_beside_amounts,
    the_parents_other_comprehensive_income,
    total_column_signs,
)
from converter.mapper.costs import cost_of_revenue, costs_and_expenses, research_excluding_in_process
from converter.mapper.evidence import Bools, Evidence, Floats, Ints, load_evidence
from converter.mapper.grand_total import liabilities_and_equity
from converter.mapper.net_basis import above_a_before_tax_total, parts_on_the_totals_basis, under_a_net_of_tax_caption
from converter.mapper.noncontrolling import split_net_income
from converter.mapper.nonoperating import choose_nonoperating
from converter.mapper.oci_components import component_words, consolidated_components, whole_adjustments
from converter.mapper.overrides import Override
from converter.mapper.pretax import choose_pretax
from converter.mapper.same_figures import equity_movements_as_comprehensive_income
from converter.mapper.signs import apply_signs, label_side, natural_balance
from converter.mapper.similarity import similarity, tokens
from converter.mapper.standards import cash_and_restricted_cash, contract_liabilities
from converter.mapper.taxes import TAX_ROLES, tax_netted
from converter.model.mapping import (
    ExtensionConcept,
    MappedEmbedded,
    MappedItem,
    MappedStatement,
    Mapping,
)
from converter.model.statements import EmbeddedFact, ItemKind, LineItem, Statement, StatementKind
from converter.taxonomy.deprecated import load_accrual_items
from converter.taxonomy.index import ConceptIndex
from converter.text import ascii_text, normalize_label

EXTENSION_THRESHOLD = 0.35
RELIEF = 1.0  # measured: the qualifier fully waived where all filers agree
FILER_WEIGHT = 0.3  # measured: 0.4, 0.45 and 0.6 gain on the 2009 labels, lose on Inline XBRL; 0.25 loses on both
# The weight of modern usage (taxonomy.modern_usage) against a label's similarity (0.5):
# enough to order near-equivalents, too little to outvote what a label says.
UNANIMOUS_AGAINST = 2  # filers who printed a label, none for the concept its words name (measured: 3, 5 do no better)
# ... or three times as many uses for another concept as for it (measured: 2009 labels +0.3 on
# both halves, learned Inline XBRL +0.4, 2009 held-out statements -0.1; graded by share: worse)
MAJORITY_AGAINST = 3
MANY_COMPANIES = 100  # modern filers enough to place a concept the linkbases leave out in a statement
MODERN_WEIGHT = 0.06  # measured: 0.04, 0.08 and 0.09 do no better on either fold (README)
KIND_TYPES = {
    "monetary": ("xbrli:monetaryItemType",),
    "shares": ("xbrli:sharesItemType",),
    "perShare": ("dtr-types:perShareItemType",),
}
QUALIFIERS = ("basic", "diluted", "current", "noncurrent")
OPPOSITE = {"basic": "diluted", "diluted": "basic", "current": "noncurrent", "noncurrent": "current"}
# Words that, in a label, the concept's name must say too ("Non-cash capital expenditures"
# is not a payment, "Gain on repurchase of debt" not a repayment); the reverse does not hold
# ("Other" in operating activities is often OtherNoncashIncomeExpense).  Measured: "gain"
# gains one line of the 2025 day and changes nothing else; "impairment", "depreciation"
# and "amortization" lost more than they gained.  "Operating lease" (ASC 842) and
# "redeemable" put Walmart's lease obligations and Tesla's redeemable noncontrolling
# interests right; "finance lease" gained as much as it lost ("Long-term debt including
# obligations under finance leases" is LongTermDebtAndCapitalLeaseObligations).
LABEL_QUALIFIERS = (("noncash",), ("gain",), ("operating", "lease"), ("redeemable",), ("comprehensive",))
# Phrases that, in a concept's name, name a class the label must name too, word after word.
# "Available for sale" is a class of securities; an employee stock purchase or ownership
# plan is one plan among the "employee stock plans" most labels mean
# (StockIssuedDuringPeriodValueShareBasedCompensation), and "Purchase of Company stock" is
# no purchase plan; stock held in treasury is not the shares authorized or issued; domestic
# income is one part of a company's income.  "Available" alone is no class:
# NetIncomeLossAvailableToCommonStockholdersBasic.
CONCEPT_QUALIFIERS = tuple((phrase, tokens(phrase)) for phrase in ("available for sale", "purchase plan",
                                                                   "ownership plan", "treasury", "domestic"))
# what a "Non-cash ..." label may be without its concept's name saying so ("Non-cash
# operating lease cost" is OperatingLeaseRightOfUseAssetAmortizationExpense; "Non-cash
# capital expenditures" are CapitalExpendituresIncurredButNotYetPaid)
NONCASH_BY_NATURE = tokens("depreciation amortization impairment accretion sharebased writedown unrealized deferred "
                           "incurred")
_BALANCE_OF_EXPENSE = frozenset(tokens("accrued prepaid deferred"))
_COST_WORDS = frozenset(tokens("cost costs expense expenses"))
_CASH_WORDS = tokens("payments proceeds repayments")  # a concept so named is a cash flow
_SIDE = re.compile(r"\b(assets?|liabilit(?:y|ies))\b", re.I)
# what a cash-flow row's first words say the cash did: came in or went out.  A label that
# also names the other way ("Issuance (repayment) of debt", "Purchases and sales") says neither;
# "available for sale" names securities, not a sale
_RECEIPT = re.compile(r"\b(?:proceeds|collections?|receipts?|borrowings?|issuances?|(?<!for\s)sales?)\b", re.I)
_PAYMENT = re.compile(r"\b(?:purchases?|acquisitions?|payments?|repayments?|(?:capital\s+)?expenditures?)\b", re.I)
_PARENTHESES = re.compile(r"\(([^)]*)\)")
_BOTH_WAYS = re.compile(  # "Purchases and sales of", "Borrowings (repayments)", "issuances/repayments"
    rf"(?:{_RECEIPT.pattern})\s*(?:,|and|or|/|&)\s*(?:\w+\s+)?(?:{_PAYMENT.pattern})|"
    rf"(?:{_PAYMENT.pattern})\s*(?:,|and|or|/|&)\s*(?:\w+\s+)?(?:{_RECEIPT.pattern})", re.I)
# "Increase (decrease) in short-term debt", "Net change in commercial paper": the net of both ways
_NET_CHANGE = re.compile(r"\b(?:increase|decrease)\b.*\b(?:increase|decrease)\b|\bnet\s+changes?\b", re.I)
_FIRST_WORDS = re.compile(r"^(?:net\s+)?(?:cash\s+)?(\w+(?:\s+expenditures?)?)", re.I)
_SECTION_CONTEXTS = (re.compile(r"\b(current|non-?current|long-term|nonoperating)\b", re.I),
                     re.compile(r"\b(basic|diluted|dilution|dilutive)\b", re.I),
                     re.compile(r"\b(non-?cash)\b", re.I),
                     # a bank's income statement: "Other" under "Noninterest expense:",
                     # "Loans, including fees" under "Interest income:"
                     re.compile(r"\b(non-?interest\s+(?:income|expense))", re.I),
                     re.compile(r"^\s*(interest(?:\s+and\s+dividend)?\s+(?:income|expense))\b", re.I))
# rows below operating income are nonoperating; results and taxes are not "other income"
_OPERATING_RESULT = re.compile(r"(income|loss|earnings)\s+from\s+operations|operating\s+(income|loss|profit)", re.I)
_EQUITY = re.compile(r"equity|stockholders|shareholders|deficit|capital", re.I)
_RESULT_LINE = re.compile(r"before|tax|net\s+(income|loss|earnings)|per share", re.I)


@dataclass(frozen=True)
class Query:
    """A label's words, alone and with its section's context words, and what is known of
    it exactly: the filers who printed this very label, the statement, whether a total."""

    toks: tuple[str, ...]
    context: tuple[str, ...]
    exact: tuple[tuple[str, str, int], ...]
    statement_kind: str
    is_total: bool
    side: str = ""  # "asset" / "liability": what the row's section says it is
    cash: str = ""  # "in" / "out": a cash-flow row that says cash came in or went out
    printed_cash: str = ""  # "in" / "out": what its printed signs say, where its words say neither

    @property
    def plain(self) -> frozenset[str]:
        return frozenset(self.toks)

    @property
    def full(self) -> frozenset[str]:
        return frozenset(self.toks + self.context)


@dataclass(frozen=True)
class Score:
    """Every concept's score for one label, one array per signal, so that the total and
    the report's reasons come from the same numbers.  Computed for all concepts at once."""

    best: Floats  # best similarity to any of the concept's labels
    best_of_row: Floats  # per evidence row, to name the best label in the report
    standard: Floats  # similarity to the standard label
    exactly: Floats  # +0.25 / +0.15: the label says exactly what the name or standard label says
    outvoted: Bools  # ... but most filers who printed the label chose another concept: half of it
    qualifiers: list[tuple[str, Bools, bool]]  # (why, concepts penalised, relievable): each costs 0.25
    filer_counts: Floats  # filers who printed exactly this label for the concept, for the report
    statement: Floats  # +0.08 in this statement's linkbases, -0.2 in others only
    inferred: Floats  # -0.04 period type inferred, -0.02 balance inferred
    total_bonus: Floats  # +0.03 a total that is a calculation parent
    modern: Floats  # up to +MODERN_WEIGHT: how many companies use the concept today, in this statement
    total: Floats
    exact_total: int
    statement_kind: str

    @classmethod
    def of(cls, ev: Evidence, q: Query, allowed: Bools) -> Score:
        plain, full = q.plain, q.full
        sim_full = ev.similarity(full)
        sim_plain = ev.similarity(plain) if q.context else sim_full
        per_row = np.maximum(sim_plain, sim_full)
        best = ev.best_per_concept(per_row)
        standard = _at(sim_full, ev.standard_row)
        equal_full = _equal(sim_full, ev.name_row) | _equal(sim_full, ev.standard_row)
        exactly = 0.25 * equal_full
        if q.context:
            equal_plain = _equal(sim_plain, ev.name_row) | _equal(sim_plain, ev.standard_row)
            exactly = exactly + 0.15 * (equal_plain & ~equal_full)
        # what a label says of an older concept it says of the one modern filers use in its place
        older, prevailing = ev.prevailing
        for signal in (best, standard, exactly):
            signal[prevailing] = np.maximum(signal[prevailing], signal[older])
        # "Prepaid expenses and other" is not "Other prepaid expense", nor "Other accounts
        # receivable" "Accounts and other receivables": the same words, not the same thing
        lead = q.toks[1:] if q.toks[:1] == ("change",) else q.toks  # "Change in other ..." names other
        if lead[:1] != ("other",):
            exactly = exactly * ~ev.named_other
        elif "other" not in lead[1:]:
            exactly = exactly * ~ev.named_and_other
        # (why, concepts penalised, whether filers' usage may relieve it): the label's
        # silence can be relieved, a label or section that says the opposite cannot
        qualifiers: list[tuple[str, Bools, bool]] = []
        for word in QUALIFIERS:
            if word in q.toks and OPPOSITE[word] in q.toks:  # "Other current and noncurrent assets": both
                if word in ("current", "basic"):  # (once a pair) neither alone
                    one = ev.name_contains(word) ^ ev.name_contains(OPPOSITE[word])
                    qualifiers.append((f"the label names both {word} and {OPPOSITE[word]}, the concept one",
                                       one, True))
                continue
            if word in q.toks:
                qualifiers.append((f"'{word}' is in the label only", ~ev.name_contains(word), True))
            elif word not in q.context:
                said = OPPOSITE[word] in q.toks or OPPOSITE[word] in q.context
                if word == "basic" and not said:
                    continue  # basic is what a figure is unless it says diluted
                qualifiers.append((f"'{word}' is in the concept only", ev.name_contains(word), not said))
        for phrase in LABEL_QUALIFIERS:
            if _says(q.toks, phrase):
                in_name = np.logical_and.reduce([ev.name_contains(word) for word in phrase])
                if phrase == ("noncash",):  # amortization, impairment ... are non-cash by what they are
                    in_name = np.logical_or.reduce([in_name, *(ev.name_contains(w) for w in NONCASH_BY_NATURE)])
                qualifiers.append((f"'{' '.join(phrase)}' is in the label only", ~in_name, True))
        for named, words in CONCEPT_QUALIFIERS:  # a class of securities or plan the label does not name
            if not (_has_phrase(q.toks, words) or _has_phrase(q.context, words)):
                in_name = np.logical_and.reduce([ev.name_contains(w) for w in words])
                qualifiers.append((f"'{named}' is in the concept only", in_name, True))
        if _names_the_tax(q.toks):  # "Tax on defined benefit plans net gain": the tax, not the gain after it
            qualifiers.append(("the label names the tax, the concept an amount before or after it",
                               ev.tax_basis, True))
        if _says_reclassified(q.toks):  # "Reclassifications to earnings" under "Securities"
            qualifiers.append(("the label says reclassified, the concept is no reclassification",
                               ~ev.reclassification, True))
        if "not" not in q.toks:  # revenue "not from" contracts with customers is a class of its own
            qualifiers.append(("the concept is what is not from something, the label does not say so",
                               ev.not_from, True))
        if "net" in q.toks:  # "Income taxes paid, net of refunds" is IncomeTaxesPaidNet, not IncomeTaxesPaid
            qualifiers.append(("the label says net, the concept is the one of a pair without it", ev.net_sibling,
                               False))
        if not any(t in q.toks for t in _COST_WORDS):  # "Total automotive revenues" is no cost of sales
            qualifiers.append(("the concept is a cost the label does not name", ev.cost_of, True))
        if "tax" not in q.toks:  # the tax on an item, where the label names no tax ("pretax" reads "before tax")
            qualifiers.append(("the concept is a tax the label does not name", ev.tax_effect, True))
        if q.statement_kind == "CF" and _names_an_expense(q.toks):  # an add-back, not a working-capital change
            paid = np.logical_or.reduce([ev.name_contains(word) for word in (*_CASH_WORDS, "contribution")])
            qualifiers.append(("the label names an expense, the concept a change in a balance or a payment",
                               ev.name_contains("change") | paid, True))
        if "noncash" in q.context:  # "Supplemental non-cash investing and financing activities"
            cash = np.logical_or.reduce([ev.name_contains(word) for word in _CASH_WORDS])
            qualifiers.append(("the row's section is non-cash, the concept a cash payment or receipt",
                               cash & ~ev.name_contains("noncash"), False))
        if q.cash:
            qualifiers.append((*_against_cash_direction(q.cash, ev), False))
        elif q.printed_cash:
            qualifiers.append((*_against_cash_direction(q.printed_cash, ev, said="the printed signs say"), False))
        if q.side:
            other = "liability" if q.side == "asset" else "asset"
            qualifiers.append((f"the row's section says {q.side}, the concept's name says {other}",
                               ev.name_contains(other) & ~ev.name_contains(q.side), False))
            # the concept's balance says so where its name does not (OtherLongTermDebtNoncurrent
            # for a bare "Other" among noncurrent assets); a contra account named as such aside
            against = "credit" if q.side == "asset" else "debit"
            qualifiers.append((f"the row's section says {q.side}, the concept's balance is {against}",
                               (ev.balance == against) & ~ev.contra & ~ev.name_contains(q.side)
                               & ~ev.name_contains(other), False))
        # filers' uses of this very label, among the concepts the row can have (a label
        # also used for balances does not dilute what it means in a cash-flow statement);
        # a use in another statement counts 0.3 for the concept but fully against the rest
        filer_uses = np.zeros(len(best))
        filer_counts = np.zeros(len(best))
        exact_total = 0
        for qname, stmt, n in q.exact:
            i = ev.concept_id[qname]
            if allowed[i]:
                filer_uses[i] += (n if stmt == q.statement_kind else n * 0.3)
                filer_counts[i] += n
                exact_total += n
        # the share alone, however few the filers: discounting a label printed by one or
        # two filers (by log(n+1)/log(20), as until 2026-11-28) lost on every measure
        filer_uses[prevailing] = np.maximum(filer_uses[prevailing], filer_uses[older])
        share = filer_uses / exact_total if exact_total else filer_uses
        # the words of a name are weaker evidence than many filers who printed this very
        # label and chose otherwise ("Total operating costs and expenses": CostsAndExpenses
        # 12 times in 13, OperatingCostsAndExpenses once)
        outvoted = np.zeros(len(best), dtype=bool)
        if exact_total >= UNANIMOUS_AGAINST:
            outvoted = (exactly > 0) & (filer_uses * MAJORITY_AGAINST <= filer_uses.max())
            exactly = np.where(outvoted, exactly * 0.5, exactly)
        filer_bonus = FILER_WEIGHT * share
        # a qualifier costs less where many filers printed this very label for the concept
        # ("Other assets" is OtherAssetsNoncurrent two times in three): their usage has
        # already said what the word's absence means
        zero = np.zeros(len(best))
        penalty = sum((0.25 * hit for _, hit, soft in qualifiers if soft), zero) * (1 - RELIEF * share) \
            + sum((0.25 * hit for _, hit, soft in qualifiers if not soft), zero)
        # where the 2025 statement linkbases leave a balance-sheet or income-statement concept
        # out, many modern filers' use of it there places it there (PrepaidExpenseAndOther
        # AssetsCurrent); not in cash flows, whose supplemental disclosures modern filers also
        # use ("Right-of-use assets obtained in exchange for ..." is no operating cash effect)
        in_kind = ev.in_statement_kind(q.statement_kind)
        if q.statement_kind in ("BS", "IS"):
            in_kind = in_kind | (~ev.has_statements & ev.modern_in_kind(q.statement_kind)
                                 & (ev.modern_companies >= MANY_COMPANIES))
        # a statement of operations and comprehensive income is one table, and an equity
        # statement moves each component of other comprehensive income: comprehensive
        # income's concepts are at home in both (no bonus, no penalty)
        combined = ev.in_statement_kind("CI") if q.statement_kind in ("IS", "EQ") \
            else np.zeros(len(best), dtype=bool)
        if q.statement_kind == "EQ":  # "Cash dividends paid ($4.45 per share)": the income statement's
            combined = combined | (ev.in_statement_kind("IS") & (ev.kind == "perShare"))  # per-share figures
        statement = np.where(in_kind, 0.08, np.where(combined, 0.0, np.where(ev.has_statements, -0.2, 0.0)))
        inferred = -0.04 * ev.period_inferred - 0.02 * ev.balance_inferred
        total_bonus = 0.03 * (ev.is_calc_total & q.is_total)
        if not q.is_total:  # a row that is no total is not a side of the balance sheet ("Digital assets, net")
            total_bonus = total_bonus - 0.15 * (ev.is_grand_total & (exactly == 0))
        used_here = ev.modern_in_kind(q.statement_kind) | (combined & ev.modern_in_kind("CI"))
        modern = MODERN_WEIGHT * ev.modern_strength * used_here
        total = 0.5 * best + 0.15 * standard + exactly - penalty + filer_bonus + statement + inferred + total_bonus \
            + modern
        return cls(best, per_row, standard, exactly, outvoted, qualifiers, filer_counts, statement, inferred,
                   total_bonus, modern, total, exact_total, q.statement_kind)

    def reasons(self, i: int, ev: Evidence, index: ConceptIndex) -> list[str]:
        """Why concept ``i`` scored what it did, signal by signal."""
        out = []
        label = ev.best_row(i, self.best_of_row)
        if label is not None:
            out.append(f"label matches {label.source} '{label.text}' ({self.best[i]:.2f})")
        if self.outvoted[i]:
            out.append("the label says exactly what the concept's name says, but most filers who printed it "
                       "chose another concept")
        elif self.exactly[i] >= 0.25:
            out.append("the label says exactly what the concept's name or standard label says")
        elif self.exactly[i] > 0:
            out.append("the label alone says exactly what the concept's name says")
        out.extend(why for why, hit, _ in self.qualifiers if hit[i])
        concept = index[ev.concepts[i]]
        if self.filer_counts[i]:
            out.append(f"filers used this exact label for it {int(self.filer_counts[i])} of {self.exact_total} times")
        if self.statement[i] > 0 and ev.in_statement_kind(self.statement_kind)[i]:
            out.append(f"appears in the US-GAAP {self.statement_kind} statement linkbases")
        elif self.statement[i] > 0:
            out.append(f"not in the US-GAAP statement linkbases; modern filers use it in {self.statement_kind} "
                       f"statements")
        elif self.statement[i] < 0:
            out.append(f"belongs to {'/'.join(concept.statements)} statements, not {self.statement_kind}")
        if "periodType" in concept.inferred:
            out.append(f"period type inferred ({concept.inferred['periodType']})")
        if "balance" in concept.inferred:
            out.append(f"balance inferred ({concept.inferred['balance']})")
        if self.total_bonus[i]:
            out.append("a total in the taxonomy's calculations")
        if self.modern[i]:
            out.append(f"used by {int(ev.modern_companies[i])} companies in 2020-2025 filings")
        older, prevailing = ev.prevailing
        for k in np.flatnonzero(prevailing == i):
            j = int(older[k])
            out.append(f"says what {ev.concepts[j]} says; modern filers use it in that one's place "
                       f"({int(ev.modern_companies[i])} companies to {int(ev.modern_companies[j])})")
        return out


# words after which a label names what a row leaves out or takes in, not what it is
_CLAUSE = frozenset({"excluding", "exclusive", "except", "excludes", "than", "without", "including", "includes"})


def _names_the_tax(toks: tuple[str, ...]) -> bool:
    """The label is a tax ("Tax on defined benefit plans", "Income tax benefit on other
    comprehensive income"), not an amount before or net of one ("Income before provision
    for income taxes", "Unrealized gains, net of tax")."""
    return any(t == "tax" and not {"before", "after"} & set(toks[:k]) and "net" not in toks[max(0, k - 2):k]
               for k, t in enumerate(toks))


def _says_reclassified(toks: tuple[str, ...]) -> bool:
    """The label names amounts reclassified out of accumulated other comprehensive income,
    not those before the reclassification ("Net unrealized gain before reclassifications")."""
    return any(_says(toks, (word,)) and not _says(toks, ("before", word))
               for word in ("reclassification", "reclassified"))


def _has_phrase(toks: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """The words hold the phrase, word after word."""
    n = len(phrase)
    return any(toks[i:i + n] == phrase for i in range(len(toks) - n + 1))


def _says(toks: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """The label's head (before "excluding", "including" ...) contains the phrase, word
    after word ("Purchases of property and equipment excluding finance leases" does not
    say finance lease; "Retained deficit, including accumulated other comprehensive loss"
    does not say comprehensive)."""
    head = next((toks[:k] for k, t in enumerate(toks) if t in _CLAUSE and k > 0), toks)
    return _has_phrase(head, phrase)


# words after which a label names what the row leaves out: not what it is
_LEAVES_OUT = re.compile(r"[\s,;(–—-]*\b(?:excluding|exclusive\s+of|except|excludes|without)\b", re.I)


def _head(label: str) -> str:
    """The label before what it leaves out ("Income from continuing operations, excluding
    noncontrolling interest" is income, not interest; "Depreciation and amortization,
    excluding amortization of intangible assets" is what filers call depreciation and
    amortization)."""
    m = _LEAVES_OUT.search(label)
    return label[:m.start()] if m and m.start() > 0 else label


def _at(values: Floats, rows: Ints) -> Floats:
    """values[row] for each concept's row, 0 where it has none (-1)."""
    return np.where(rows >= 0, values[rows], 0.0)


def _equal(similarity: Floats, rows: Ints) -> Bools:
    """Concepts whose row has exactly the query's words (Dice overlap of 1)."""
    return np.asarray((rows >= 0) & (_at(similarity, rows) > 1 - 1e-9))


@dataclass
class Scored:
    qname: str
    score: float
    reasons: list[str]


class Mapper:
    def __init__(self, overrides: dict[str, Override] | None = None, evidence: Evidence | None = None,
                 prior: dict[str, Override] | None = None) -> None:
        self.evidence = evidence or load_evidence()
        self.index = self.evidence.index
        self.overrides = overrides or {}  # normalised label key -> the user's choice
        self.prior = prior or {}  # normalised "KIND:label" -> an earlier filing's choice

    def _override(self, kind: str, item: LineItem) -> Override | None:
        """The user's choice for a row (statement-specific first), else the earlier filing's."""
        for choices in (self.overrides, self.prior):
            for key in (f"{kind}:{item.label}", item.label, f"{kind}:{item.raw_label}", item.raw_label):
                hit = choices.get(normalize_label(key))
                if hit is not None:
                    return hit
        return None

    def map_filing(self, statements: list[Statement]) -> list[MappedStatement]:
        """Every statement, then what the statements' structure says across rows and
        statements (noncontrolling interests, pre-tax income, one concept for a figure two
        statements print); signs follow the final concepts."""
        mapped = [self.map_statement(s) for s in statements]
        split_net_income(mapped)
        for ms in mapped:
            choose_pretax(ms)
            liabilities_and_equity(ms)
            choose_nonoperating(ms)
            costs_and_expenses(ms)
            cost_of_revenue(ms)
            research_excluding_in_process(ms)
            cash_and_restricted_cash(ms)
            contract_liabilities(ms)
            change_before_exchange_effect(ms)
            other_before_working_capital(ms)
            whole_adjustments(ms)
            consolidated_components(ms, self.index)
            parts_on_the_totals_basis(ms, self.index)
            under_a_net_of_tax_caption(ms, self.index)
            above_a_before_tax_total(ms, self.index)
            by_product_or_service(ms)
            allocated_by_location(ms, self._included_concept, self._location_member)
            if ms.statement.components:
                ms.members = component_members(ms.statement.components)
            if ms.statement.kind == StatementKind.EQ:
                equity_balances(ms)
                repurchases(ms)
                the_parents_other_comprehensive_income(ms)
                shares_beside_amounts(ms, self.index)
        equity_movements_as_comprehensive_income(mapped)
        for ms in mapped:
            apply_signs(ms.statement.kind, ms.items, self.index)
            self._retax(ms)
            if ms.statement.kind == StatementKind.EQ:
                total_column_signs(ms, self.index)
            share_signs(ms)
        return mapped

    # -- line items ------------------------------------------------------------
    def map_statement(self, statement: Statement) -> MappedStatement:
        mapped = [MappedItem(item, None) for item in statement.items]
        ranked: dict[int, list[Scored]] = {}
        diluted: dict[int, list[Scored]] = {}
        contexts = _positional_context(statement)
        directions = printed_directions(statement, contexts) if statement.kind == StatementKind.CF else {}
        for i, (item, sections) in enumerate(zip(statement.items, contexts, strict=True)):
            if item.is_header:
                continue
            period = "instant" if item.balance_at else None
            split = basic_and_diluted(item.label)
            label = split[0] if split else item.label
            ranked[i] = self.rank(label, item.kind, statement.kind, sections, item.is_total, period=period,
                                  printed_cash=directions.get(i, ""))
            if split:
                diluted[i] = self.rank(split[1], item.kind, statement.kind, sections, item.is_total, period=period)
        item_members = section_members(statement)
        self._assign(statement, mapped, ranked, [m.qname if m else "" for m in item_members])
        for i, options in diluted.items():
            self._also_diluted(mapped[i], options)
        one_concept_per_movement(mapped, item_members, {i: [(s.qname, s.score) for s in r] for i, r in ranked.items()},
                                 EXTENSION_THRESHOLD)
        apply_signs(statement.kind, mapped, self.index)
        embedded = [
            MappedEmbedded(fact, item.item, self.map_embedded(
                fact, item.item, statement, item.mapping.concept if item.mapping else None))
            for item in mapped
            for fact in item.item.embedded
        ]
        return MappedStatement(statement, mapped, embedded, item_members=item_members)

    @staticmethod
    def _also_diluted(item: MappedItem, options: list[Scored]) -> None:
        """A "basic and diluted" row is both: the diluted concept carries the same values."""
        mapping = item.mapping
        if mapping is None or mapping.is_extension or not options or options[0].score < EXTENSION_THRESHOLD:
            return
        if options[0].qname != mapping.concept:
            mapping.also.append(options[0].qname)
            mapping.reason += f"; the row is basic and diluted: also {options[0].qname}"

    def rank(self, label: str, kind: str, statement_kind: str, sections: tuple[str, ...] = (),
             is_total: bool = False, limit: int = 5, period: str | None = None,
             printed_cash: str = "") -> list[Scored]:
        """The best concepts for a label, best first, each with its reasons; ``printed_cash``
        is the way a cash-flow row's printed signs say its cash went (``printed_directions``)."""
        head = _head(label)
        exact = self.evidence.exact_filer_uses(label) or self.evidence.exact_filer_uses(head)
        context = self._section_tokens(label, sections)
        if statement_kind == "CI":
            context += tokens(component_words(label, sections))
        query = Query(tokens(head), context, tuple(exact),
                      statement_kind, is_total, self._side(label, sections) if statement_kind == "BS" else "",
                      cash_direction(label) if statement_kind == "CF" else "",
                      printed_cash if statement_kind == "CF" else "")
        ev = self.evidence
        allowed = (ev.kind == kind) & (ev.period == (period or ("instant" if statement_kind == "BS" else "duration")))
        candidates = ev.sharing(ev.rarest(query.toks + query.context))
        for qname, _, _ in query.exact:
            candidates[ev.concept_id[qname]] = True
        score = Score.of(ev, query, allowed)
        chosen = np.flatnonzero(allowed & candidates)
        # CF rows may lose half their score to the activity rule: keep enough to re-rank
        keep = limit if statement_kind != "CF" else max(limit, 40)
        chosen = chosen[np.lexsort((chosen, -score.total[chosen]))][:keep]
        scored = [Scored(ev.concepts[i], float(score.total[i]), score.reasons(int(i), ev, self.index)) for i in chosen]
        if statement_kind == "CF":
            scored = self._within_activity(scored, label, sections)
            scored.sort(key=lambda s: (-s.score, s.qname))
        return scored[:limit]

    def _within_activity(self, scored: list[Scored], label: str, sections: tuple[str, ...]) -> list[Scored]:
        """A concept that rolls up to another activity's net cash than the row's section
        names is halved ("Other" under financing is not other operating income), and so is
        an accrual in investing or financing ("Cash dividends" paid, not declared)."""
        activity = row_activity(label, sections)
        if activity is None:
            return scored
        accruals = load_accrual_items() if activity in ("investing", "financing") else frozenset()
        kept = []
        for s in scored:
            theirs = concept_activity(s.qname, self.index)
            if theirs is not None and theirs != activity:
                s = Scored(s.qname, s.score * 0.5, [*s.reasons, f"a {theirs} cash flow, but the row is {activity}"])
            elif s.qname in accruals:
                s = Scored(s.qname, s.score * 0.5, [*s.reasons, f"an accrual, not a cash flow: never in {activity} "
                                                                f"activities (DQC 0044)"])
            kept.append(s)
        return kept

    def _section_tokens(self, label: str, sections: tuple[str, ...]) -> tuple[str, ...]:
        """What the nearest section says that the label does not: 'current' / 'noncurrent'
        ("Current assets:"), 'basic' / 'diluted' ("Assuming dilution:"), 'noncash'
        ("Supplemental non-cash investing and financing activities"), a bank's interest or
        noninterest income or expense ("Other" under "Noninterest expense:")."""
        out: tuple[str, ...] = ()
        for context in _SECTION_CONTEXTS:
            if context.search(label):
                continue
            for section in reversed(sections):
                m = context.search(section)
                if m:
                    out += tokens(m.group(1))
                    break
        return out

    @staticmethod
    def _side(label: str, sections: tuple[str, ...]) -> str:
        """'asset' or 'liability' when the sections say it and the label does not ("Deferred
        income taxes" under "Liabilities", or under "Liabilities and equity" outside its
        equity section); else ''."""
        if _SIDE.search(label):
            return ""
        for section in reversed(sections):
            sides = {tokens(m)[0] for m in _SIDE.findall(section)}
            if _EQUITY.search(section) and not sides:  # an equity section: neither side
                return ""
            if sides:
                return sides.pop() if len(sides) == 1 else ""  # "assets and liabilities": either
        return ""

    def _assign(self, statement: Statement, mapped: list[MappedItem], ranked: dict[int, list[Scored]],
                members: list[str]) -> None:
        """Best-first assignment so that no concept is used twice in one statement (except
        for a balance shown at both the start and the end of a flow statement's periods,
        in the sections of different equity components, ``members``, and for a line printed
        again with the same label and figures, as in a summary "attributable to" block)."""
        taken: dict[str, tuple[object, ...]] = {}  # concept (and balance slot) -> the values it holds
        lines: set[tuple[str, str]] = set()  # (concept, label): a line printed again with its figures shares it
        # rows by their best score; a row whose best concept was taken goes back in line
        # with its next one, so that it cannot take a concept a later row wants more
        queue = [(-(ranked[i][0].score if ranked[i] else 0.0), i) for i in ranked]
        heapq.heapify(queue)
        while queue:
            priority, i = heapq.heappop(queue)
            item = mapped[i].item
            slot = (f"@{item.balance_at}" if item.balance_at else "") + (f"#{members[i]}" if members else "")
            override = self._override(statement.kind, item)
            if override is not None:
                mapped[i].mapping = Mapping(override.concept, 1.0, override.source, from_user=True)
                taken[override.concept + slot] = _printed(item)
                continue
            # a balance may be used again for the same figures printed twice (the cash
            # total above and in the reconciliation below); no other concept may
            # and rows whose figures stand in other columns (an equity statement's "Other
            # comprehensive loss" of one year and "... income" of the next) may share one,
            # as may rows printing the same distinctive figures under other labels
            options = [s for s in ranked[i] if s.qname + slot not in taken
                       or ((slot or (s.qname, _line_key(item)) in lines)
                           and taken[s.qname + slot] == _printed(item))
                       or (_distinctive(item) and _magnitudes(taken[s.qname + slot]) == _magnitudes(_printed(item)))
                       or _apart(taken[s.qname + slot], _printed(item))]
            if options and options[0].score < -priority - 1e-9:
                heapq.heappush(queue, (-options[0].score, i))
                continue
            if options and options[0].score >= EXTENSION_THRESHOLD:
                best = options[0]
                taken[best.qname + slot] = _joined(taken.get(best.qname + slot), _printed(item))
                lines.add((best.qname, _line_key(item)))
                mapped[i].mapping = Mapping(
                    best.qname, round(min(best.score, 1.0), 3), "; ".join(best.reasons),
                    [(s.qname, round(s.score, 3)) for s in options[1:4]],
                )
            else:
                mapping = self._extension(item, statement, options, taken, slot)
                taken[mapping.concept + slot] = _joined(taken.get(mapping.concept + slot), _printed(item))
                mapped[i].mapping = mapping

    def _extension(self, item: LineItem, statement: Statement, options: list[Scored],
                   taken: dict[str, tuple[object, ...]], slot: str = "") -> Mapping:
        """A company concept named after the label; one per line of a statement, but the
        same line in another section whose figures stand in other columns (an equity
        statement's years) or another component (``slot``) shares it."""
        words = re.findall(r"[A-Za-z0-9]+", ascii_text(item.label))
        if len(words) < 2 and item.sections:  # "Total", "Other": say of what
            words = re.findall(r"[A-Za-z0-9]+", ascii_text(f"{item.label} {item.sections[-1]}"))
        base = "".join(w.capitalize() for w in words)[:120]
        if base[:1].isdigit() or not base:
            base = "Item" + base
        name, n = base, 1
        while f"ext:{name}{slot}" in taken and not _apart(taken[f"ext:{name}{slot}"], _printed(item)):
            n += 1
            name = f"{base}{n}"
        period = "instant" if statement.kind == "BS" or item.balance_at else "duration"
        type_ = KIND_TYPES[item.kind][0] if item.kind != "perShare" else "xbrli:decimalItemType"
        balance = None
        if item.kind == "monetary":
            balance = natural_balance(statement.kind, item, False)
            if statement.kind == "IS":  # what the label says it is, before the section it sits in
                balance = label_side(item.label) or _label_balance(item.label) or balance
        ext = ExtensionConcept(name, type_, period, balance, item.label)
        best = options[0] if options else None
        why = "no standard concept fits well enough"
        if best is not None:
            why += f" (best: {best.qname} at {best.score:.2f})"
        return Mapping(f"ext:{name}", round(best.score, 3) if best else 0.0, why,
                       [(s.qname, round(s.score, 3)) for s in options[:3]], extension=ext)

    # -- numbers inside labels --------------------------------------------------
    def map_embedded(self, fact: EmbeddedFact, parent: LineItem, statement: Statement,
                     parent_concept: str | None = None) -> Mapping:
        role = fact.role
        if role in TAX_ROLES:
            return tax_netted(fact, parent_concept, self.index)
        included = role.startswith("included ")
        # an amount "included" in a line item is an allocation of an expense to that line
        subject = re.sub(r",?\s*\bnet\b", "", fact.subject)
        query = f"allocated {role[len('included '):]} expense" if included else f"{subject} {role}"
        period_kind = "BS" if fact.period.is_instant else statement.kind
        ranked = [s for s in self.rank(query, fact.kind, period_kind, parent.sections, limit=8)
                  if parent_concept is None or s.qname != parent_concept]
        if not ranked:
            return Mapping("", 0.0, f"no concept for '{query}'")
        best = ranked[0]
        mapping = Mapping(best.qname, round(min(best.score, 1.0), 3),
                          f"'{fact.text}' read as {role} of {fact.subject or parent.label}; "
                          + "; ".join(best.reasons),
                          [(s.qname, round(s.score, 3)) for s in ranked[1:4]])
        if included and statement.kind in ("IS", "CI"):
            member = self._location_member(parent.label)
            if member:
                mapping.dimensions[INCOME_STATEMENT_LOCATION_AXIS] = member
                mapping.reason += f"; located in '{parent.label}' ({member})"
        return mapping

    def _retax(self, ms: MappedStatement) -> None:
        """The taxes rows are net of, again, under the rows' final concepts (the structural
        rules may have changed them since the statement was mapped)."""
        concept_of = {id(mi.item): mi.concept for mi in ms.items}
        for me in ms.embedded:
            if me.fact.role in TAX_ROLES:
                me.mapping = tax_netted(me.fact, concept_of.get(id(me.parent)), self.index)

    def _included_concept(self, subject: str) -> str | None:
        """The income-statement concept of what a header says its rows include, if one fits."""
        ranked = self.rank(subject, ItemKind.MONETARY, StatementKind.IS, limit=1)
        return ranked[0].qname if ranked and ranked[0].score >= EXTENSION_THRESHOLD else None

    def _location_member(self, label: str) -> str | None:
        """The IncomeStatementLocationAxis member whose name best matches a line item."""
        members = self.index.axis_members.get(INCOME_STATEMENT_LOCATION_AXIS, [])
        toks = tokens(label)
        best, best_score = None, 0.0
        for qname in members:
            if qname.endswith("Domain"):
                continue
            words = re.sub(r"Member\d*$", "", qname.split(":")[1])
            score = similarity(toks, tokens(re.sub(r"(?<!^)(?=[A-Z])", " ", words)),
                               self.evidence.weights)
            if score > best_score:
                best, best_score = qname, score
        return best if best_score >= 0.3 else None


_BASIC_AND_DILUTED = re.compile(r"\bbasic\s*(?:and|&|/)\s*diluted\b", re.I)


def cash_direction(label: str) -> str:
    """"in" where a cash-flow label opens with a receipt ("Proceeds from", "Collection of",
    "Borrowings under"), "out" where it opens with a payment ("Purchases of", "Repayments
    of", "Capital expenditures"), "both" where it names both ways ("Proceeds from
    (repayments of) debt, net": the net of the two); "" where it names neither."""
    inside = " ".join(_PARENTHESES.findall(label))
    outside = _PARENTHESES.sub(" ", label)
    turned = (_RECEIPT.search(inside) and _PAYMENT.search(outside)) or \
        (_PAYMENT.search(inside) and _RECEIPT.search(outside))
    if turned or _BOTH_WAYS.search(label) or _NET_CHANGE.search(label):
        return "both"
    receipt, payment = _RECEIPT.search(label), _PAYMENT.search(label)
    first = _FIRST_WORDS.match(label.strip())
    if first is None or (receipt and payment):  # "Repayments of borrowings": a payment of a debt's name
        return ""
    if receipt and _RECEIPT.fullmatch(first.group(1)):
        return "in"
    if payment and _PAYMENT.fullmatch(first.group(1)):
        return "out"
    return ""


def printed_directions(statement: Statement, contexts: list[tuple[str, ...]]) -> dict[int, str]:
    """For investing and financing rows whose words name no direction, the way their
    printed signs say the cash went: "out" where every figure is in parentheses, "in" where
    none is, in a statement that prints some of those rows' figures in parentheses (so a
    figure without them is an inflow).  Operating rows are adjustments, not flows."""
    rows = {i: [v.shown for v in item.values if v is not None and v.shown]
            for i, (item, sections) in enumerate(zip(statement.items, contexts, strict=True))
            if not item.is_header and not item.is_total and item.kind is ItemKind.MONETARY
            and row_activity(item.label, sections) in ("investing", "financing")}
    if not any(v < 0 for shown in rows.values() for v in shown):
        return {}
    out = {}
    for i, shown in rows.items():
        if shown and not cash_direction(statement.items[i].label):
            if all(v < 0 for v in shown):
                out[i] = "out"
            elif all(v > 0 for v in shown):
                out[i] = "in"
    return out


def _names_an_expense(toks: tuple[str, ...]) -> bool:
    """"Pension and other postretirement expense" in a cash-flow statement adds back an
    expense; "Accrued expenses" and "Prepaid expenses" name balances, and a label that says
    it is a change is one."""
    if "change" in toks:
        return False
    return any(t == "expense" and (k == 0 or toks[k - 1] not in _BALANCE_OF_EXPENSE) for k, t in enumerate(toks))


def _against_cash_direction(direction: str, ev: Evidence, said: str = "the label says") -> tuple[str, Bools]:
    """Why, and which concepts, a cash-flow row's direction rules out (``cash_direction``
    from its label, or ``printed_directions`` from its printed signs)."""
    receipts, payments = ev.cash_direction
    if direction == "in":
        return f"{said} cash came in, the concept is a payment", payments
    if direction == "out":
        return f"{said} cash went out, the concept is a receipt", receipts
    return f"{said} cash went both ways, the concept only one", receipts | payments


def basic_and_diluted(label: str) -> tuple[str, str] | None:
    """("... basic", "... diluted") for a label that reports both with one number."""
    if not _BASIC_AND_DILUTED.search(label):
        return None
    return _BASIC_AND_DILUTED.sub("basic", label), _BASIC_AND_DILUTED.sub("diluted", label)


_DEBIT_LABEL = re.compile(r"\b(?:expenses?|costs?|loss(?:es)?|charges?)\b", re.I)
_CREDIT_LABEL = re.compile(r"\b(?:income|gains?|revenues?)\b", re.I)


def _label_balance(label: str) -> str | None:
    """The balance a company concept takes from its label's words: an expense, cost or
    loss is a debit ("Income tax expense" too), else an income, gain or revenue a credit
    ("Intellectual property and custom development income" among IBM's expenses is still
    income); None for neither."""
    if _DEBIT_LABEL.search(label):
        return "debit"
    return "credit" if _CREDIT_LABEL.search(label) else None


def _printed(item: LineItem) -> tuple[object, ...]:
    """A row's printed figures, to tell the same figures printed twice."""
    return tuple(v.shown if v is not None else None for v in item.values)


def _magnitudes(printed: tuple[object, ...]) -> tuple[object, ...]:
    """Printed figures without their signs: one figure is a payment in parentheses among
    investing activities and a positive amount among the supplemental disclosures."""
    return tuple(abs(x) if isinstance(x, Decimal) else x for x in printed)


def _distinctive(item: LineItem) -> bool:
    """Figures that two different lines would not print by chance: two or more periods'
    amounts, not zero.  Printed again under another label (Celanese's net earnings, again
    in an "amounts attributable to" block), they are the same fact."""
    return item.kind is ItemKind.MONETARY and sum(1 for v in item.values if v is not None and v.shown) >= 2


def _line_key(item: LineItem) -> str:
    """What makes two rows the same line printed twice (with the same figures): the label
    and its sections.  Per-share rows never are: "Net income" under "Basic" and again under
    "Diluted" often show the same figures."""
    if item.kind is ItemKind.PER_SHARE:
        return f"#{item.line}"
    return _row_key(item.sections, item.label)


def _row_key(sections: tuple[str, ...], label: str) -> str:
    """A row's label with the sections it sits in, normalised: rows that read the same."""
    return normalize_label(" / ".join((*sections, label)))


def _apart(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """Whether two rows' figures stand in different columns only."""
    return len(a) == len(b) and all(x is None or y is None for x, y in zip(a, b, strict=True))


def _joined(a: tuple[object, ...] | None, b: tuple[object, ...]) -> tuple[object, ...]:
    """The columns two rows that share a concept fill together."""
    if a is None or len(a) != len(b):
        return b
    return tuple(x if x is not None else y for x, y in zip(a, b, strict=True))


def _positional_context(statement: Statement) -> list[tuple[str, ...]]:
    """Each row's sections, plus what its position says that its label may not: rows
    below operating income are nonoperating; balance-sheet rows above a "Total current
    ..." line are current (where no caption says so) and rows below it noncurrent assets
    (or liabilities), to the next total of assets or liabilities or the first row of equity;
    a bank's rows whose figures add up to "Total noninterest income" are in that section."""
    out: list[tuple[str, ...]] = []
    below_operating = False
    after_current: str | None = None  # "assets" below "Total current assets", to the next major total
    current = _above_current_total(statement.items) if statement.kind == "BS" else {}
    activity = _above_activity_total(statement.items) if statement.kind == "CF" else {}
    bank = rows_in_bank_sections(statement.items) if statement.kind == "IS" else {}
    for k, item in enumerate(statement.items):
        sections = item.sections
        if k in bank and not any(c.search(s) for c in _SECTION_CONTEXTS[3:] for s in sections):
            sections = (*sections, bank[k])
        if k in current and not any(_SECTION_CONTEXTS[0].search(s) for s in sections):
            sections = (*sections, current[k])
        if k in activity and row_activity("", sections) is None:
            sections = (*sections, f"{activity[k]} activities")
        if below_operating and item.kind == "monetary" and not _RESULT_LINE.search(item.label):
            sections = (*sections, "nonoperating")
        subsection = sections[-1] if len(sections) > 1 else ""
        if statement.kind == "BS":
            if _EQUITY_ROW.search(item.label):
                after_current = None
            if after_current and not item.is_total and k not in current and not _EQUITY.search(subsection):
                sections = (*sections, f"noncurrent {after_current}")
            current_total = _current_side(item.label) if item.is_total else None
            if current_total:
                after_current = current_total
            elif _is_major_total(item):
                after_current = None
        if statement.kind == "IS" and _OPERATING_RESULT.search(item.label):
            below_operating = True
        out.append(sections)
    return _basic_then_diluted(statement.items, out)


# "Total current assets", or as the taxonomy's total labels put it, "Liabilities, Current, Total"
_CURRENT_TOTAL = re.compile(r"\btotal\s+current\s+(?P<a>assets|liabilities)\b|"
                            r"^(?P<b>assets|liabilities),\s*current,\s*total$", re.I)


def _current_side(label: str) -> str | None:
    """'assets' / 'liabilities' for a label that totals the current ones."""
    m = _CURRENT_TOTAL.search(label)
    return (m.group("a") or m.group("b")).lower() if m else None


# the first row of equity ends the noncurrent liabilities where no caption or total does
_EQUITY_ROW = re.compile(r"\b(?:common|preferred|capital)\s+(?:stock|shares)\b|\btreasury\b|paid[- ]in|"
                         r"retained\s+earnings|accumulated\s+(?:other\s+comprehensive|deficit)|"
                         r"stockholders|shareholders|shareowners", re.I)
_MAJOR_TOTAL = re.compile(r"\btotal\s+(assets|liabilities|.*\b(equity|deficit))\b|"
                          r"^(assets|liabilities|.*\b(equity|deficit)),\s*total$", re.I)


_BARE_TOTAL = re.compile(r"\s*total\s*", re.I)


def _is_major_total(item: LineItem) -> bool:
    """A total of assets, liabilities or equity, or a bare "TOTAL", which names nothing
    smaller."""
    return item.is_total and bool(_MAJOR_TOTAL.search(item.label) or _BARE_TOTAL.fullmatch(item.label))


def _above_current_total(items: list[LineItem]) -> dict[int, str]:
    """Rows that a "Total current assets" or "Total current liabilities" line sums, with
    the caption that total closes ("current assets"): those above it, back to the previous
    total of assets, liabilities or equity."""
    inside: str | None = None
    out: dict[int, str] = {}
    for k in range(len(items) - 1, -1, -1):
        item = items[k]
        side = _current_side(item.label) if item.is_total else None
        if side:
            inside = f"current {side}"
            continue
        if _is_major_total(item):
            inside = None
        elif inside and not item.is_header:
            out[k] = inside
    return out


def _above_activity_total(items: list[LineItem]) -> dict[int, str]:
    """Rows that a "Net cash provided by (used in) investing activities" line sums: those
    above it, back to the previous activity's total (the caption may be lost)."""
    out: dict[int, str] = {}
    activity: str | None = None
    for k in range(len(items) - 1, -1, -1):
        item = items[k]
        if _NET_CASH.search(item.label) and _ACTIVITY_TOTAL.search(item.label):  # an activity's total
            activity = row_activity(item.label, ()) or ("operating" if _OPERATIONS.search(item.label) else None)
        elif activity is not None and not item.is_header and not item.balance_at:
            out[k] = activity
    return out


_ACTIVITY_TOTAL = re.compile(r"\bactivities\b|\boperations\b", re.I)  # not "Cash used to settle awards"
_OPERATIONS = re.compile(r"(?<!discontinued )\boperations\b", re.I)  # "Net cash from operations"
_NET_CASH = re.compile(r"\bnet\s+cash\b|\bcash\s+(?:flows?\s+)?(?:provided|used|generated)\b", re.I)


def _basic_then_diluted(items: list[LineItem], sections: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Per-share and share-count rows printed twice with the same label and nothing in
    the label or sections to tell them apart ("Continuing operations" under captions lost
    in a text conversion): basic comes first, diluted second, as statements print them."""
    seen: dict[str, int] = {}
    keys = []
    for item, where in zip(items, sections, strict=True):
        says = _SECTION_CONTEXTS[1].search(" ".join((item.label, *where)))
        counted = item.kind in (ItemKind.PER_SHARE, ItemKind.SHARES)
        key = _row_key(where, item.label) if counted and not says else ""
        keys.append(key)
        if key:
            seen[key] = seen.get(key, 0) + 1
    out, count = [], dict.fromkeys(seen, 0)
    for key, where in zip(keys, sections, strict=True):
        if key and seen[key] == 2:
            count[key] += 1
            where = (*where, "basic" if count[key] == 1 else "diluted")
        out.append(where)
    return out


__all__ = ["Mapper"]
