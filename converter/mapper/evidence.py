"""The mapper's knowledge about concepts, as arrays that score every candidate at once.

Every label the mapper knows for a concept (its standard and other taxonomy labels, its
name spelt out, what filers printed for it) is one *evidence row* of word ids.  The rows
are tokenised once, by ``xbrl-converter taxonomy evidence``, from the committed concept
index and filer-label table into ``taxonomy/mapper-evidence.npz`` (numpy arrays; strings as
newline-separated UTF-8): tokenising 33,000 labels takes a second, reading the arrays a few
hundredths.  A test rebuilds the file and
compares, so it cannot drift from the tokeniser.

At run time a label is compared with all rows in one pass (numpy: a posting list per
word, so only rows sharing a word are touched), and each concept keeps its best row.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from converter.errors import TaxonomyError
from converter.mapper.grand_total import GRAND_TOTALS
from converter.mapper.similarity import Weights, tokens
from converter.mapper.taxes import is_on_a_tax_basis, is_tax_effect
from converter.resources import data_dir
from converter.taxonomy.deprecated import load_deprecated
from converter.taxonomy.index import INDEX_FILE, Concept, ConceptIndex, load_filer_labels, load_index
from converter.taxonomy.modern_usage import load_modern_usage, usage_strength
from converter.taxonomy.successors import successor
from converter.text import normalize_label

EVIDENCE_FILE = "mapper-evidence.npz"
SOURCES = ("standard label", "concept name", "other label", "filer label")
STANDARD, NAME, OTHER, FILER = range(4)
KINDS = ("", "monetary", "shares", "perShare")
PERIODS = ("", "instant", "duration")
_NAME_WORDS = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_KIND_TYPES = {"xbrli:monetaryItemType": "monetary", "xbrli:sharesItemType": "shares",
               "dtr-types:perShareItemType": "perShare"}

Floats = npt.NDArray[np.floating[Any]]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class LabelEvidence:
    """One evidence row, as the mapping report explains it."""

    text: str
    source: str


def choosable(concept: Concept, deprecated: frozenset[str] | None = None) -> bool:
    """Concepts the mapper may pick: items of the current taxonomy that the stand-in
    declares exactly, and that the taxonomy has not deprecated."""
    return (
        concept.qname not in (load_deprecated() if deprecated is None else deprecated)
        and concept.is_item
        and not concept.abstract
        and concept.declarable
        and (concept.in_2024_list or concept.in_2025_linkbases)
        and concept.prefix == "us-gaap"
    )


# -- building the committed file ------------------------------------------------------
def build_evidence(folder: Path) -> int:
    """Tokenise every label of every choosable concept, from the concept index, filer
    labels and deprecated list in ``folder``, into the evidence file there; returns the
    row count."""
    index, filer_labels = load_index(folder / INDEX_FILE), load_filer_labels(folder)
    deprecated = load_deprecated(folder)
    concepts = sorted(c.qname for c in index if choosable(c, deprecated))
    ids = {q: i for i, q in enumerate(concepts)}
    rows: list[tuple[int, int, str, tuple[str, ...]]] = []
    for qname in concepts:
        concept = index[qname]
        spaced = _NAME_WORDS.sub(" ", concept.name)
        for source, text in ((STANDARD, concept.label), (NAME, spaced),
                             *((OTHER, other) for other in concept.other_labels)):
            rows.append((ids[qname], source, text, tokens(text)))
    exact: list[tuple[str, list[tuple[int, str, int]]]] = []
    for norm, uses in sorted(filer_labels.items()):
        # a label used for a deprecated concept counts for its successor (taxonomy.successors)
        kept = [(ids[q], stmt, n) for q, stmt, n in ((successor(q) or q, stmt, n) for q, stmt, n in uses) if q in ids]
        if kept:
            exact.append((norm, kept))
        toks = tokens(norm)
        rows.extend((c, FILER, norm, toks) for c, _, _ in kept)
    rows = [r for r in rows if r[3]]
    rows.sort(key=lambda r: r[0])  # stable: a concept's rows keep the order above
    vocab = sorted({t for r in rows for t in r[3]})
    word = {t: i for i, t in enumerate(vocab)}
    words = [sorted({word[t] for t in r[3]}) for r in rows]
    statements = sorted({s for q in concepts for s in index[q].statements} | {s for _, k in exact for _, s, _ in k})
    stmt_bit = {s: 1 << i for i, s in enumerate(statements)}
    facts = [index[q] for q in concepts]
    arrays: dict[str, npt.NDArray[Any]] = {
        "concepts": _text(concepts),
        "concept_kind": np.array([KINDS.index(_KIND_TYPES.get(c.type or "", "")) for c in facts], np.int8),
        "concept_period": np.array([PERIODS.index(c.period_type or "") for c in facts], np.int8),
        "concept_statements": np.array([sum(stmt_bit[s] for s in c.statements) for c in facts], np.int32),
        "period_inferred": np.array(["periodType" in c.inferred for c in facts]),
        "balance_inferred": np.array(["balance" in c.inferred for c in facts]),
        "statement_codes": _text(statements),
        "vocabulary": _text(vocab),
        "row_concept": np.array([r[0] for r in rows], np.int32),
        "row_source": np.array([r[1] for r in rows], np.int8),
        "row_text": _text([r[2] for r in rows]),
        "row_words": np.array([w for ws in words for w in ws], np.int32),
        "row_length": np.array([len(ws) for ws in words], np.int32),
        "exact_labels": _text([norm for norm, _ in exact]),
        "exact_length": np.array([len(k) for _, k in exact], np.int32),
        "exact_concept": np.array([c for _, k in exact for c, _, _ in k], np.int32),
        "exact_statement": np.array([statements.index(s) for _, k in exact for _, s, _ in k], np.int8),
        "exact_count": np.array([n for _, k in exact for _, _, n in k], np.int32),
    }
    _write_npz(folder / EVIDENCE_FILE, arrays)
    return len(rows)


def _text(strings: list[str]) -> npt.NDArray[np.uint8]:
    """Strings as one UTF-8 byte array, newline-separated (labels never hold a newline)."""
    assert not any("\n" in s for s in strings)
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(data: npt.NDArray[np.uint8]) -> list[str]:
    return data.tobytes().decode("utf-8").split("\n") if len(data) else []


def _write_npz(path: Path, arrays: dict[str, npt.NDArray[Any]]) -> None:
    """numpy's .npz layout, but with fixed zip timestamps so that a rebuild is byte-identical."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            zf.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buffer.getvalue(),
                        compress_type=zipfile.ZIP_DEFLATED)


# -- the arrays ----------------------------------------------------------------------
# (a name's ending, a word added to it) that names the same amount with its other sign or
# as a net: a gain's other sign is a loss, income's an expense; an amount paid is net of
# refunds, liabilities of the matching assets.  Other additions change the meaning
# ("Assets", "AssetsNet"; "IncomeLossFromContinuingOperations", "...BeforeIncomeTaxes").
SAME_MEANING_ADDITIONS = (("Gain", "Loss"), ("Income", "Expense"), ("Income", "ExpenseNet"),
                          ("IncomeExpense", "Net"), ("Paid", "Net"), ("Liabilities", "Net"))
PREVAILING_RATIO = 3  # measured: 1.5 adds IncomeTaxesPaidNet (1,960 to 3,622 companies) and loses Tesla
PREVAILING_COMPANIES = 100
# words that name an account reducing its side of the balance sheet
CONTRA_WORDS = tuple(tokens("allowance accumulated discount unamortized valuation depreciation amortization"))


class Evidence:
    """Evidence rows grouped by concept (rows of one concept are contiguous)."""

    def __init__(self, index: ConceptIndex, data: Mapping[str, npt.NDArray[Any]]) -> None:
        self.index = index
        self.concepts: list[str] = _strings(data["concepts"])
        self.concept_id = {q: i for i, q in enumerate(self.concepts)}
        n = len(self.concepts)
        self.kind = np.array(KINDS)[data["concept_kind"]]
        self.period = np.array(PERIODS)[data["concept_period"]]
        codes = _strings(data["statement_codes"])
        bits = data["concept_statements"]
        self.in_statement = {code: (bits & (1 << i)) != 0 for i, code in enumerate(codes)}
        self.has_statements: Bools = bits != 0
        self.period_inferred: Bools = data["period_inferred"]
        self.balance_inferred: Bools = data["balance_inferred"]
        self.is_calc_total = np.array([q in index.calc_children for q in self.concepts])

        vocabulary = _strings(data["vocabulary"])
        self.vocabulary: dict[str, int] = {t: i for i, t in enumerate(vocabulary)}
        self.row_concept: Ints = data["row_concept"].astype(np.int64)
        self.row_source: Ints = data["row_source"].astype(np.int64)
        self.row_text: list[str] = _strings(data["row_text"])
        flat = data["row_words"].astype(np.int64)
        n_rows = len(self.row_concept)
        owner = np.repeat(np.arange(n_rows), data["row_length"])
        counts = np.bincount(flat, minlength=len(vocabulary))
        self.weights = Weights.from_counts(n_rows, dict(zip(vocabulary, counts.tolist(), strict=True)))
        self.word_weight: Floats = np.log((n_rows + 1) / (counts + 1)) + 1.0  # as Weights.__call__
        self.row_total: Floats = np.bincount(owner, weights=self.word_weight[flat], minlength=n_rows).astype(np.float64)
        order = np.argsort(flat, kind="stable")
        bounds = np.searchsorted(flat[order], np.arange(len(vocabulary) + 1)).tolist()
        posted = owner[order]
        self._postings = [posted[bounds[i]:bounds[i + 1]] for i in range(len(vocabulary))]
        self.row_start: Ints = np.searchsorted(self.row_concept, np.arange(n))
        self.has_rows: Bools = np.bincount(self.row_concept, minlength=n) > 0
        self.standard_row = self._first_row(STANDARD, n)
        self.name_row = self._first_row(NAME, n)
        labels = _strings(data["exact_labels"])
        ends = np.cumsum(data["exact_length"]).tolist()
        self._exact = {label: (end - length, end) for label, end, length
                       in zip(labels, ends, data["exact_length"].tolist(), strict=True)}
        self._exact_uses = (data["exact_concept"].tolist(), [codes[i] for i in data["exact_statement"].tolist()],
                            data["exact_count"].tolist())

    def _first_row(self, source: int, n: int) -> Ints:
        """Each concept's first row of a source, or -1."""
        first = np.full(n, -1, dtype=np.int64)
        where = np.flatnonzero(self.row_source == source)[::-1]  # reversed: the first wins
        first[self.row_concept[where]] = where
        return first

    def postings(self, word: str) -> Ints:
        """The rows that contain a word."""
        i = self.vocabulary.get(word)
        return self._postings[i] if i is not None else np.empty(0, dtype=np.int64)

    def similarity(self, words: frozenset[str]) -> Floats:
        """Weighted Dice overlap of a set of words with every row (0 where none is shared)."""
        shared = np.zeros(len(self.row_concept))
        for word in sorted(words):  # a fixed order: float sums, and so ties, must not vary with the hash seed
            rows = self.postings(word)
            shared[rows] += self.weights(word)
        total = self.weights.total(words) + self.row_total
        return np.asarray(2 * shared / total, dtype=np.float64)

    def best_per_concept(self, per_row: Floats) -> Floats:
        """Each concept's best row score (0 for a concept without rows)."""
        best = np.zeros(len(self.concepts))
        best[self.has_rows] = np.maximum.reduceat(per_row, self.row_start[self.has_rows])
        return best

    def best_row(self, concept: int, per_row: Floats) -> LabelEvidence | None:
        """The concept's first row with its best score (for the report)."""
        start = int(self.row_start[concept])
        end = int(self.row_start[concept + 1]) if concept + 1 < len(self.concepts) else len(per_row)
        if end <= start or per_row[start:end].max() <= 0:
            return None
        row = start + int(np.argmax(per_row[start:end]))
        return LabelEvidence(self.row_text[row], SOURCES[int(self.row_source[row])])

    def sharing(self, words: list[str]) -> Bools:
        """Concepts with a row that contains any of the words."""
        hit = np.zeros(len(self.concepts), dtype=bool)
        for word in words:
            hit[self.row_concept[self.postings(word)]] = True
        return hit

    def rarest(self, words: tuple[str, ...], limit: int = 4) -> list[str]:
        return sorted(set(words), key=lambda t: (-self.weights(t), t))[:limit]

    @cached_property
    def balance(self) -> npt.NDArray[np.str_]:
        """Each concept's balance: "debit" (assets, expenses), "credit" (liabilities,
        equity, income) or "" (none)."""
        return np.array([getattr(self.index.get(q), "balance", None) or "" for q in self.concepts])

    @cached_property
    def contra(self) -> Bools:
        """Concepts that reduce their side, named as such: an allowance or accumulated
        depreciation is a credit among assets, a debt discount a debit among liabilities."""
        return np.asarray(np.logical_or.reduce([self.name_contains(w) for w in CONTRA_WORDS]), dtype=bool)

    @cached_property
    def modern_companies(self) -> Ints:
        """How many companies used each concept in 2020-2025 filings (0: none, or not known)."""
        usage = load_modern_usage()
        return np.array([usage.get(q, (0, ""))[0] for q in self.concepts], dtype=np.int64)

    @cached_property
    def prevailing(self) -> tuple[Ints, Ints]:
        """(older, prevailing): pairs of concepts that say the same thing, one named as the
        other with a word for its other sign or its net ("InterestPaid", "InterestPaidNet";
        "RetainedEarnings", "RetainedEarningsAccumulatedDeficit"), where modern filers use
        the longer name at least three times as often, and a hundred companies or more."""
        local = {q.split(":")[-1]: i for i, q in enumerate(self.concepts)}
        companies = self.modern_companies
        pairs = [(local[name], local[name + added]) for name in local for ending, added in SAME_MEANING_ADDITIONS
                 if name.endswith(ending) and name + added in local]
        kept = [(a, b) for a, b in pairs if companies[b] >= max(PREVAILING_RATIO * companies[a], PREVAILING_COMPANIES)]
        return (np.array([a for a, _ in kept], dtype=np.int64), np.array([b for _, b in kept], dtype=np.int64))

    @cached_property
    def net_sibling(self) -> Bools:
        """Concepts whose name with "Net" added is a concept too ("IncomeTaxesPaid" and
        "IncomeTaxesPaidNet"): the gross one of the pair."""
        names = {q.split(":")[-1] for q in self.concepts}
        return np.array([q.split(":")[-1] + "Net" in names for q in self.concepts])

    @cached_property
    def tax_effect(self) -> Bools:
        """Concepts that are the tax on something ("...ArisingDuringPeriodTax"), not an
        amount net of it or before it."""
        return np.array([is_tax_effect(q) for q in self.concepts])

    @cached_property
    def cost_of(self) -> Bools:
        """Concepts that are a cost of revenue ("CostOfGoodsAndServicesSold", "CostOfRevenue")."""
        return np.array([q.split(":")[-1].startswith("CostOf") for q in self.concepts])

    @cached_property
    def local_names(self) -> list[str]:
        """Each concept's name without its prefix."""
        return [q.split(":")[-1] for q in self.concepts]

    @cached_property
    def tax_basis(self) -> Bools:
        """Concepts that are an amount before or after its tax (``taxes.is_on_a_tax_basis``)."""
        return np.array([is_on_a_tax_basis(n) for n in self.local_names])

    @cached_property
    def reclassification(self) -> Bools:
        """Concepts that are a reclassification out of accumulated other comprehensive
        income ("...ReclassificationAdjustmentFromAOCI...", "...GainLossReclassificationAfterTax"),
        not what arose before it ("...BeforeReclassificationAdjustmentsAndTax")."""
        return np.array(["Reclassification" in n and "BeforeReclassification" not in n for n in self.local_names])

    @cached_property
    def not_from(self) -> Bools:
        """Concepts of what is "not from" something (``RevenueNotFromContractWithCustomer``)."""
        return np.array(["NotFrom" in n for n in self.local_names])

    @cached_property
    def named_and_other(self) -> Bools:
        """Concepts whose name joins "and other" (``AccountsAndOtherReceivablesNetCurrent``)."""
        return np.array(["AndOther" in q.split(":")[-1] for q in self.concepts])

    @cached_property
    def named_other(self) -> Bools:
        """Concepts whose name opens with "Other" (``OtherPrepaidExpenseCurrent``), after
        the words for a change (``IncreaseDecreaseInOtherAccountsPayableAndAccruedLiabilities``)."""
        return np.array([q.split(":")[-1].removeprefix("IncreaseDecreaseIn").startswith("Other")
                         for q in self.concepts])

    @cached_property
    def is_grand_total(self) -> Bools:
        """The balance sheet's sides and their classified parts (``grand_total.GRAND_TOTALS``)."""
        return np.array([q in GRAND_TOTALS for q in self.concepts])

    @cached_property
    def cash_direction(self) -> tuple[Bools, Bools]:
        """(receipts, payments): concepts named for cash coming in ("ProceedsFrom...") and
        for cash going out ("PaymentsTo...", "Repayments..."), not the net of both
        ("ProceedsFromRepayments...", "PaymentsForProceeds...")."""
        local = [q.split(":")[-1] for q in self.concepts]
        pays = [n.startswith(("Payments", "Repayments")) for n in local]
        gets = [n.startswith("Proceeds") for n in local]
        both = ["Proceeds" in n and "ayments" in n for n in local]  # "...Payments..." or "...Repayments..."
        return (np.array(gets) & ~np.array(both), np.array(pays) & ~np.array(both))

    @cached_property
    def modern_strength(self) -> Floats:
        return np.array([usage_strength(int(n)) for n in self.modern_companies])

    @lru_cache(maxsize=8)  # noqa: B019 - one Evidence per process
    def modern_in_kind(self, kind: str) -> Bools:
        """Concepts modern filers use in this kind of statement (where the table says)."""
        usage = load_modern_usage()
        return np.array([usage.get(q, (0, ""))[1] in (kind, "") for q in self.concepts])

    def in_statement_kind(self, kind: str) -> Bools:
        """Concepts that the 2025 statement linkbases place in this kind of statement."""
        hit = self.in_statement.get(kind)
        return hit if hit is not None else np.zeros(len(self.concepts), dtype=bool)

    @lru_cache(maxsize=64)  # noqa: B019 - one Evidence per process; every rank asks for some 30 words
    def name_contains(self, word: str) -> Bools:
        """Concepts whose name, spelt out, contains the word."""
        rows = self.postings(word)
        rows = rows[self.row_source[rows] == NAME]
        hit = np.zeros(len(self.concepts), dtype=bool)
        hit[self.row_concept[rows]] = True
        return hit

    def exact_filer_uses(self, label: str) -> list[tuple[str, str, int]]:
        """(concept, statement, how many filers) for filers who printed exactly this label."""
        span = self._exact.get(normalize_label(label))
        if span is None:
            return []
        concept, statement, count = self._exact_uses
        return [(self.concepts[concept[i]], statement[i], count[i]) for i in range(*span)]


@lru_cache(maxsize=1)
def load_evidence() -> Evidence:
    path = data_dir("taxonomy") / EVIDENCE_FILE
    try:
        with np.load(path, allow_pickle=False) as npz:
            data = {name: npz[name] for name in npz.files}
        return Evidence(load_index(), data)
    except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise TaxonomyError(f"the mapper's evidence {path} cannot be read ({type(exc).__name__}: {exc}); "
                            f"rebuild it with 'xbrl-converter taxonomy evidence'") from None
