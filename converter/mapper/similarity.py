"""Label similarity: words reduced to a comparable form, weighted by how rare they are.

Financial labels say the same thing in several ways ("Net loss", "Net income (loss)",
"Net earnings"; "Stockholders' equity", "Shareholders' equity"), so a handful of
accounting synonyms are folded together before words are compared.  Words are weighted by
inverse document frequency over every label the mapper knows, so that "warranty" counts
for more than "other".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "a an and the of for to in on at by from with as or its per total totals".split()
)
# Words that mean the same thing on a statement face.
SYNONYMS = {
    "loss": "income", "losses": "income", "earnings": "income", "profit": "income",
    "deficit": "equity", "shareholders": "stockholders", "shareowners": "stockholders",
    "sold": "revenue", "sale": "revenue", "revenues": "revenue", "sales": "revenue",
    "longterm": "noncurrent", "noncurrent": "noncurrent", "inventories": "inventory",
    "receivables": "receivable", "payables": "payable", "liabilities": "liability",
    "expenses": "expense", "costs": "cost", "assets": "asset", "taxes": "tax",
    "equivalents": "equivalent", "accrual": "accrued", "accruals": "accrued",
    "salaries": "salary", "wages": "wage", "compensation": "compensation",
    "stockbased": "sharebased", "reserve": "accrued", "reserves": "accrued",
    "dilution": "diluted", "dilutive": "diluted",
    "plant": "plant", "ppe": "property", "borrowings": "debt", "obligations": "obligation",
    "withheld": "withholding", "withholdings": "withholding",
    "sundry": "other", "miscellaneous": "other",  # "Investments and sundry assets", "Miscellaneous, net"
    # "minority interest" was renamed noncontrolling interest in 2009 (FAS 160, ASC 810):
    # every earlier filing says the one, today's concepts the other
    "minority": "noncontrolling",
    # a change in a balance, however its direction is put: "Changes in receivables",
    # "(Increase) decrease in receivables", "Increase (Decrease) in Receivables"
    "increase": "change", "increases": "change", "decrease": "change", "decreases": "change",
    "changes": "change",
}
_JOIN = (
    # abbreviations statements print, spelt out ("&" is "and" by now): "SG&A", "R&D", "PP&E",
    # "D&A", "FHLB advances", "FDIC insurance", "OREO", "BOLI", "AOCI"
    (re.compile(r"\bsg and a\b"), "selling general and administrative"),
    (re.compile(r"\br and d\b"), "research and development"),
    (re.compile(r"\bpp and e\b"), "property plant and equipment"),
    (re.compile(r"\bd and a\b"), "depreciation and amortization"),
    (re.compile(r"\bfhlb\b"), "federal home loan bank"),
    (re.compile(r"\bfdic\b"), "federal deposit insurance corporation"),
    (re.compile(r"\boreo\b"), "other real estate owned"),
    (re.compile(r"\bboli\b"), "bank owned life insurance"),
    (re.compile(r"\baoci\b"), "accumulated other comprehensive income"),
    (re.compile(r"\boci\b"), "other comprehensive income"),
    # what a label says of a current or noncurrent split, in other words
    (re.compile(r"\b(?:excluding|less|net of|exclusive of)\s+(?:the\s+)?current\s+"
                r"(?:portions?|installments?|maturities|amounts?)\b"), "noncurrent"),
    (re.compile(r"\b(?:due|payable|maturing)\s+within\s+one\s+year\b"), "current"),
    # a sales tax is a tax, not revenue ("sales" reads "revenue" below): "Sales taxes payable"
    # is SalesAndExciseTaxPayableCurrent
    (re.compile(r"\b(?:excise and )?sales(?:[- ]based| and (?:excise|use))? tax(?:es)?\b"), "salestax"),
    (re.compile(r"\bpre[- ]?tax\b"), "before tax"),  # "Pretax income" is income before income taxes
    # "Income from continuing operations after income taxes" is that income net of tax
    (re.compile(r"\bafter (?:income )?tax(?:es)?\b"), "net of tax"),
    (re.compile(r"\blong[- ]term\b"), "longterm"),
    (re.compile(r"\bnon[- ]current\b"), "noncurrent"),
    (re.compile(r"\bnon[- ](cash|operating|controlling|interest|recurring)\b"), r"non\1"),
    (re.compile(r"\bshort[- ]term\b"), "shortterm"),
    (re.compile(r"\bstock[- ]based\b"), "stockbased"),
    (re.compile(r"\bshare[- ]based\b"), "sharebased"),
    # "Common stock and additional paid-in capital" is the two together, one amount (no-par
    # stock): not the paid-in capital of common stock, whose words are the same
    (re.compile(r"(?:\bcommon )?(?<!preferred )(?<!treasury )\bstocks?\b[^;]{0,60}?\band\s+(?:additional\s+)?"
                r"(?:paid[- ]?in[- ]capital|capital in excess of (?:par|stated) value)\b"),
     "common stock including additional paidin capital"),
    (re.compile(r"\bpaid[- ]in\b"), "paidin"),
    # "Buy-outs of noncontrolling interests" are purchases of them; a buyback is a repurchase
    (re.compile(r"\bbuy[- ]?outs?\b"), "purchase"),
    (re.compile(r"\bbuy[- ]?backs?\b"), "repurchase"),
    (re.compile(r"\bper[- ]share\b"), "pershare"),
    # selling, general and administrative in any order, with a word left out or another
    # function named beside selling ("Selling, marketing and administrative", "Marketing,
    # general and administrative", "Operating, selling, general and administrative"): one
    # concept; "General and administrative" alone is its own
    (re.compile(r"\b(?:(?=(?:\w+,?\s+(?:and\s+)?){0,3}(?:selling|marketing)\b)"
                r"(?:(?:operating|selling|marketing|general|distribution|warehousing),?\s+(?:and\s+)?){1,4}"
                r"administrative|administrative,?\s+(?:and\s+)?(?:selling|marketing)(?:,?\s+(?:and\s+)?general)?)\b"),
     "sga"),
    (re.compile(r"\bresearch and development\b"), "rnd"),
    (re.compile(r"\bproperty,? plant,? and equipment\b"), "ppe"),
    # "Cash, cash equivalents, restricted cash ...": the comma joins the same pair
    (re.compile(r"\bcash,?\s+(?:and\s+)?cash equivalents?\b"), "cashequivalents"),
    # restricted cash (and its equivalents) after the pair is a third thing, not a word that
    # restricts the pair: "cash and cash equivalents and restricted cash" is their sum
    (re.compile(r"\brestricted cash(?:,?\s+and\s+restricted\s+cash\s+equivalents?)?\b(?!\s*equivalent)"),
     "restrictedcash"),
    # "employee stock plans", "equity incentive plans", "employee plans": the plans that
    # pay in shares, which the taxonomy calls share-based compensation (an employee stock
    # purchase, ownership or benefit plan is named as such)
    (re.compile(r"\b(?:employee\s+(?:stock\s+|equity\s+|share\s+)?|stock\s+|equity\s+|share\s+)"
                r"(?:(?:incentive|compensation|award)\s+)?plans?\b"), "sharebased compensation plan"),
    # ASC 842: a cash-flow statement's non-cash operating lease cost is the amortization of
    # the right-of-use asset
    (re.compile(r"\bnoncash\s+(?:operating\s+)?lease\s+(?:costs?|expenses?)\b"),
     "noncash operating lease right of use asset amortization expense"),
    # "Acquisitions, less cash acquired" is net of it: the cash came with what was bought
    (re.compile(r"\b(?:less|excluding)\s+(cash\s+(?:and\s+cash\s+equivalents\s+)?(?:acquired|divested|sold|disposed))"),
     r"net of \1"),
    # where a reconciliation says an amount sits is whether it is current: "Restricted cash
    # included in other current assets" / "..., included in other assets"
    (re.compile(r",?\s*(?:included|reported|recorded)\s+(?:with)?in\s+[^,;()]*?\bcurrent\s+assets?\b"), " current"),
    (re.compile(r",?\s*(?:included|reported|recorded)\s+(?:with)?in\s+[^,;()]*?\b(?:other|noncurrent|longterm)\s+"
                r"assets?\b"), " noncurrent"),
    # ASU 2023-08's crypto assets are what balance sheets print as digital assets
    (re.compile(r"\bdigital assets?\b"), "crypto asset"),
    # ASU 2018-15's "cloud computing arrangement" is, in the taxonomy's words, a hosting arrangement
    (re.compile(r"\bcloud[- ]computing(?: arrangements?)?\b"), "hosting arrangement"),
)


# "attributable to Procter & Gamble" means the parent; other owners are named by kind
_ATTRIBUTABLE_TO_COMPANY = re.compile(
    r"\battributable to (?!(?:the\s+)?(?:non-?controlling|non-?redeemable|minority|common|preferred|redeemable|parent|"
    r"participating|limited|general|partners|members|unit|stock|share))[^,;()]+", re.I)


def tokens(label: str) -> tuple[str, ...]:
    text = _ATTRIBUTABLE_TO_COMPANY.sub("attributable to parent", label)
    text = text.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    for pattern, joined in _JOIN:
        text = pattern.sub(joined, text)
    out = []
    for word in _WORD.findall(text):
        if word in STOPWORDS:
            continue
        out.append(canonical(word))
    return tuple(out)


def canonical(word: str) -> str:
    """A word's synonym class, with a plain plural folded to its singular."""
    for _ in range(3):
        mapped = SYNONYMS.get(word, word)
        if len(mapped) > 4 and mapped.endswith("s") and not mapped.endswith("ss"):
            mapped = SYNONYMS.get(mapped[:-1], mapped[:-1])
        if mapped == word:
            break
        word = mapped
    return word


class Weights:
    """Inverse document frequency of each token over a body of labels."""

    def __init__(self, labels: Iterable[tuple[str, ...]]) -> None:
        counts: Counter[str] = Counter()
        n = 0
        for toks in labels:
            n += 1
            counts.update(set(toks))
        self.n = max(n, 1)
        self.counts = counts
        self._cache: dict[str, float] = {}

    @classmethod
    def from_counts(cls, n: int, counts: dict[str, int]) -> Weights:
        """Weights from document frequencies already counted (n documents)."""
        weights = cls(())
        weights.n = max(n, 1)
        weights.counts = Counter(counts)
        return weights

    def __call__(self, token: str) -> float:
        w = self._cache.get(token)
        if w is None:
            w = self._cache[token] = math.log((self.n + 1) / (self.counts.get(token, 0) + 1)) + 1.0
        return w

    def total(self, toks: frozenset[str]) -> float:
        # summed in a fixed order: set order changes between processes, float sums would too
        return sum(self(t) for t in sorted(toks))


def similarity(a: tuple[str, ...] | frozenset[str], b: tuple[str, ...] | frozenset[str], weight: Weights,
               a_total: float | None = None, b_total: float | None = None) -> float:
    """Weighted Dice overlap of two token sets, 0..1 (totals may be passed in precomputed)."""
    sa = a if isinstance(a, frozenset) else frozenset(a)
    sb = b if isinstance(b, frozenset) else frozenset(b)
    if not sa or not sb:
        return 0.0
    shared = sa & sb
    if not shared:
        return 0.0
    total = (a_total if a_total is not None else weight.total(sa)) + (
        b_total if b_total is not None else weight.total(sb))
    return 2 * sum(weight(t) for t in sorted(shared)) / total if total else 0.0
