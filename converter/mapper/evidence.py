"""The mapper's evidence about concepts, built once per process from the concept index:
each concept's labels as tokens (taxonomy labels and what filers called it), an inverted
index from token to concepts, and token weights."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from converter.mapper.similarity import Weights, tokens
from converter.taxonomy.deprecated import load_deprecated
from converter.taxonomy.index import Concept, ConceptIndex, load_filer_labels, load_index
from converter.text import normalize_label

_NAME_WORDS = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True)
class LabelEvidence:
    text: str
    tokens: tuple[str, ...]
    source: str  # "standard label", "other label", "filer label"
    count: int = 0  # how many filer statements used it (filer labels only)
    statement: str = ""

    @property
    def token_set(self) -> frozenset[str]:
        return frozenset(self.tokens)


class Evidence:
    def __init__(self, index: ConceptIndex, filer_labels: dict[str, list[list[object]]]) -> None:
        self.index = index
        self.labels: dict[str, list[LabelEvidence]] = defaultdict(list)
        self.by_token: dict[str, set[str]] = defaultdict(set)
        self.filer_exact: dict[str, list[tuple[str, str, int]]] = {}
        for concept in index:
            if not self.choosable(concept):
                continue
            self._add(concept.qname, LabelEvidence(concept.label, tokens(concept.label),
                                                   "standard label"))
            spaced = _NAME_WORDS.sub(" ", concept.name)
            self._add(concept.qname, LabelEvidence(spaced, tokens(spaced), "concept name"))
            for other in concept.other_labels:
                self._add(concept.qname, LabelEvidence(other, tokens(other), "other label"))
        for norm, uses in filer_labels.items():
            exact = []
            for qname, stmt, count in uses:
                assert isinstance(qname, str) and isinstance(stmt, str) and isinstance(count, int)
                known = index.get(qname)
                if known is None or not self.choosable(known):
                    continue
                exact.append((qname, stmt, count))
                self._add(qname, LabelEvidence(norm, tokens(norm), "filer label", count, stmt))
            if exact:
                self.filer_exact[norm] = exact
        self.weights = Weights(ev.tokens for evs in self.labels.values() for ev in evs)
        # each label as (token set, total weight), ready for similarity()
        self.prepared: dict[str, list[tuple[LabelEvidence, frozenset[str], float]]] = {
            qname: [(ev, ev.token_set, self.weights.total(ev.token_set)) for ev in evs]
            for qname, evs in self.labels.items()
        }

    def _add(self, qname: str, ev: LabelEvidence) -> None:
        if not ev.tokens:
            return
        self.labels[qname].append(ev)
        for tok in set(ev.tokens):
            self.by_token[tok].add(qname)

    @staticmethod
    def choosable(concept: Concept) -> bool:
        """Concepts the mapper may pick: items of the current taxonomy that the stand-in
        declares exactly, and that the taxonomy has not deprecated."""
        return (
            concept.qname not in load_deprecated()
            and concept.is_item
            and not concept.abstract
            and concept.declarable
            and (concept.in_2024_list or concept.in_2025_linkbases or concept.prefix != "us-gaap")
            and concept.prefix == "us-gaap"
        )

    def candidates(self, toks: tuple[str, ...], limit_tokens: int = 4) -> set[str]:
        """Concepts sharing one of the label's rarest words."""
        ranked = sorted(set(toks), key=lambda t: -self.weights(t))[:limit_tokens]
        found: set[str] = set()
        for tok in ranked:
            found |= self.by_token.get(tok, set())
        return found

    def standard_tokens(self, qname: str) -> frozenset[str]:
        for ev, token_set, _ in self.prepared.get(qname, []):
            if ev.source == "standard label":
                return token_set
        return frozenset()

    def name_tokens(self, qname: str) -> frozenset[str]:
        for ev, token_set, _ in self.prepared.get(qname, []):
            if ev.source == "concept name":
                return token_set
        return frozenset()

    def exact_filer_uses(self, label: str) -> list[tuple[str, str, int]]:
        return self.filer_exact.get(normalize_label(label), [])


@lru_cache(maxsize=1)
def load_evidence() -> Evidence:
    return Evidence(load_index(), load_filer_labels())
