"""The concept index: every concept the converter knows, with its metadata.

Loaded once per process from ``taxonomy/concept-index.json.gz`` (built by
``xbrl-converter taxonomy build``).  ``Concept.sources`` names the official sources that
speak of a concept; a field listed in ``Concept.inferred`` was not read from any of them
but set by the named rule in ``rules.RULE_DOCS``.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from converter.errors import TaxonomyError
from converter.resources import data_dir

INDEX_FILE = "concept-index.json.gz"
LABELS_FILE = "filer-labels.json.gz"


@dataclass(frozen=True)
class Concept:
    prefix: str
    name: str
    type: str | None
    substitution_group: str
    period_type: str | None
    balance: str | None
    abstract: bool
    nillable: bool
    label: str
    other_labels: tuple[str, ...]
    statements: tuple[str, ...]
    in_2025_linkbases: bool
    in_2024_list: bool
    inferred: dict[str, str] = field(hash=False, compare=False)
    sources: tuple[str, ...] = ()

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}"

    @property
    def is_item(self) -> bool:
        return self.substitution_group == "xbrli:item"

    @property
    def item_kind(self) -> str:
        """monetary, shares, perShare, percent, integer, decimal or text."""
        t = (self.type or "").split(":")[-1]
        for kind in ("monetary", "shares", "perShare", "percent", "integer", "decimal", "pure"):
            if t.startswith(kind):
                return kind
        return "text"

    @property
    def declarable(self) -> bool:
        """Whether the stand-in can declare it exactly as the index knows it."""
        return (
            self.type is not None
            and not self.type.startswith("enum2:")
            and self.period_type is not None
        )


class ConceptIndex:
    """Look-ups over the index: by QName, by calculation parent and child."""

    def __init__(self, data: dict[str, Any], path: Path | None = None) -> None:
        self.path = path
        self.namespaces: dict[str, dict[str, str]] = data["namespaces"]
        self.types: dict[str, dict[str, Any]] = data["types"]
        self.rules: dict[str, str] = data["rules"]
        self._raw: dict[str, list[Any]] = data["concepts"]
        self.axis_members: dict[str, list[str]] = data.get("axisMembers", {})

        self._cache: dict[str, Concept] = {}
        self.calc_children: dict[str, list[tuple[str, float]]] = {
            p: [(c, w) for c, w in kids] for p, kids in data["calculation"].items()
        }
        parents: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for p, kids in self.calc_children.items():
            for c, w in kids:
                parents[c].append((p, w))
        self.calc_parents = dict(parents)

    def __contains__(self, qname: object) -> bool:
        return qname in self._raw

    @cached_property
    def standard_labels(self) -> frozenset[str]:
        """Every concept's standard label, lower-cased (a company element may not repeat one)."""
        return frozenset(str(row[6]).lower() for row in self._raw.values() if row[6])

    def __len__(self) -> int:
        return len(self._raw)

    def get(self, qname: str) -> Concept | None:
        hit = self._cache.get(qname)
        if hit is None and qname in self._raw:
            hit = self._cache[qname] = self._make(qname, self._raw[qname])
        return hit

    def __getitem__(self, qname: str) -> Concept:
        hit = self.get(qname)
        if hit is None:
            raise KeyError(qname)
        return hit

    def __iter__(self) -> Iterator[Concept]:
        for qname in self._raw:
            yield self[qname]

    @staticmethod
    def _make(qname: str, row: list[Any]) -> Concept:
        prefix, name = qname.split(":", 1)
        (type_, subst, period, balance, abstract, nillable, label, others, stmts,
         in25, in24, inferred, sources) = row
        return Concept(prefix, name, type_, subst, period, balance, bool(abstract),
                       bool(nillable), label, tuple(others), tuple(stmts), bool(in25),
                       bool(in24), inferred, tuple(sources))


@lru_cache(maxsize=4)
def load_index(path: Path | None = None) -> ConceptIndex:
    """The committed index (or the one at ``path``), parsed once per process."""
    path = path or data_dir("taxonomy") / INDEX_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return ConceptIndex(json.load(fh), path)
    except (OSError, EOFError, ValueError, KeyError) as exc:  # missing, not gzip, not JSON, not an index
        raise TaxonomyError(f"the concept index {path} cannot be read ({type(exc).__name__}: {exc}); "
                            f"rebuild it with 'xbrl-converter taxonomy build'") from None


def load_filer_labels(folder: Path | None = None) -> dict[str, list[list[Any]]]:
    """Normalised filer label -> [[concept, statement, count], ...] (SEC data sets)."""
    labels: dict[str, list[list[Any]]] = load_label_table(folder)["labels"]
    return labels


@lru_cache(maxsize=2)
def load_label_table(folder: Path | None = None) -> dict[str, Any]:
    """The filer-label table as built: its labels, its hold-out rule and the companies it
    withholds (``filer_labels.build_label_table``)."""
    path = (folder or data_dir("taxonomy")) / LABELS_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            table: dict[str, Any] = json.load(fh)
        if "labels" not in table:
            raise KeyError("labels")
        return table
    except (OSError, EOFError, ValueError, KeyError) as exc:  # missing, not gzip, not JSON, not the table
        raise TaxonomyError(f"the filer-label table {path} cannot be read ({type(exc).__name__}: {exc}); "
                            f"rebuild it with 'xbrl-converter taxonomy build'") from None
