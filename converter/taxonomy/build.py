"""Build the concept index from the official sources in ``../shared/taxonomy-sources``.

The official US-GAAP 2025 concept schema and label file are not available to us, so
the index is assembled from what is: the SEC's element metadata, the 2024 concept list,
the 2025 statement and disclosure linkbases, the FASB meta model and the complete DEI and
SRT 2021 schemas.  Every field that is not read directly from an official source is
marked with the name of the rule that inferred it (see ``rules.py``).

Precedence when sources disagree (also written in ``taxonomy/README.md``):

* data type: the 2024 concept list wins over the 2009/2010 SEC metadata, because it is
  the newer official statement of the same concept and types only ever get more precise;
  the SEC short type is used only where the list has no entry.
* period type and balance: the SEC metadata wins over every inference rule, and among
  its rows the newest taxonomy year wins (a few balances were corrected in 2009).  Both are
  immutable in US-GAAP once a concept is published, so the SEC value stays true in 2025.
* labels: the SEC standard label (``tlabel``) is the current official standard label; the
  2024 list's word split is only a fallback, marked as inferred.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from converter.resources import write_gz_json
from converter.taxonomy import rules
from converter.taxonomy.modern_usage import load_modern_usage
from converter.taxonomy.namespaces import (
    DEI_2025,
    SRT_2025,
    US_GAAP_2025,
    XSD_NS,
)

XLINK = "{http://www.w3.org/1999/xlink}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
STATEMENT_CODES = {
    "sfp": "BS",
    "soi": "IS",
    "scf": "CF",
    "sheci": "EQ",
    "soc": "CI",
    "spc": "BS",  # statement of partners' capital
    "com": "COM",
}
SEC_SHORT_TYPES = {
    "monetary": "monetaryItemType",
    "shares": "sharesItemType",
    "perShare": "perShareItemType",
    "perUnit": "perUnitItemType",
    "percent": "percentItemType",
}


@dataclass
class ConceptRecord:
    """One concept while the index is being assembled."""

    prefix: str
    name: str
    type: str | None = None
    substitution_group: str = "xbrli:item"
    period_type: str | None = None
    balance: str | None = None
    abstract: bool = False
    nillable: bool = True
    label: str | None = None
    other_labels: list[str] = field(default_factory=list)
    statements: set[str] = field(default_factory=set)
    in_2025_linkbases: bool = False
    in_2024_list: bool = False
    inferred: dict[str, str] = field(default_factory=dict)
    extra_attrs: dict[str, str] = field(default_factory=dict)

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}"


class IndexBuilder:
    """Collects facts about concepts from each source, then applies the inference rules."""

    def __init__(self, sources: Path, modern_statements: dict[str, str] | None = None) -> None:
        self.sources = sources
        # concept -> the statement modern filers use it in (taxonomy.modern_usage)
        self.modern_statements = modern_statements or {}
        self.concepts: dict[str, ConceptRecord] = {}
        self.types: dict[str, dict[str, Any]] = {}
        self.calc: dict[str, dict[str, float]] = defaultdict(dict)
        self.period_labels: set[str] = set()
        self.meta_instant: set[str] = set()
        self.meta_flow: set[str] = set()
        self.meta_contra: list[tuple[str, str]] = []
        self.domain_graph: dict[str, set[str]] = defaultdict(set)

    # -- helpers -----------------------------------------------------------------
    def concept(self, prefix: str, name: str) -> ConceptRecord:
        key = f"{prefix}:{name}"
        rec = self.concepts.get(key)
        if rec is None:
            rec = self.concepts[key] = ConceptRecord(prefix=prefix, name=name)
        return rec

    @staticmethod
    def _href_concept(href: str) -> tuple[str, str] | None:
        frag = href.rsplit("#", 1)[-1]
        prefix, sep, name = frag.partition("_")
        if not sep:
            return None
        return prefix, name

    # -- sources -----------------------------------------------------------------
    def read_concept_list(self) -> None:
        """The 2024 list: every US-GAAP concept name with its type's local name."""
        path = self.sources / "us-gaap-2024-concepts.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            name = row["us_gaap_tag"]
            if "." in name:  # typed-dimension domain elements, not items
                continue
            rec = self.concept("us-gaap", name)
            rec.in_2024_list = True
            rec.type = row["entity_type"]  # local name; qualified by rules.apply_all

    def read_sec_metadata(self) -> None:
        """SEC element metadata: official type, period type, balance and standard label."""
        folder = self.sources / "sec-fsds-tags"
        for path in sorted(folder.glob("tag-*-standard.tsv")):
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                    prefix = row["version"].split("/")[0]
                    if prefix not in ("us-gaap", "dei") or row["custom"] != "0":
                        continue
                    if prefix == "dei":
                        continue  # the DEI 2021 schema is the authority for dei concepts
                    rec = self.concept(prefix, row["tag"])
                    if row["version"] < rec.extra_attrs.get("sec", ""):
                        continue  # an older taxonomy year: the newest statement wins
                    if rec.type is None:
                        rec.type = SEC_SHORT_TYPES[row["datatype"]]
                    rec.period_type = {"I": "instant", "D": "duration"}[row["iord"]]
                    rec.balance = {"C": "credit", "D": "debit"}.get(row["crdr"])
                    rec.abstract = row["abstract"] == "1"
                    rec.label = row["tlabel"]
                    rec.extra_attrs["sec"] = row["version"]

    def read_2025_labels(self) -> None:
        """The FASB's 2025 standard and total labels and balances: newer than the SEC
        metadata, so they win for the label and the balance of every concept we know."""
        path = self.sources / "us-gaap-2025-labels.tsv"
        if not path.exists():
            return
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                rec = self.concepts.get(f"us-gaap:{row['name']}")
                if rec is None or not row["standard_label"]:
                    continue
                if rec.label and rec.label != row["standard_label"] and rec.label not in rec.other_labels:
                    rec.other_labels.append(rec.label)  # the older wording still helps matching
                rec.label = row["standard_label"]
                total = row.get("total_label") or ""
                if total and total not in rec.other_labels:
                    rec.other_labels.append(total)
                if row["data_type"] == "monetary":
                    rec.balance = row["balance"] or None
                    rec.extra_attrs["fasb-2025-labels"] = "1"

    def read_schema(self, path: Path, prefix: str, with_types: bool) -> None:
        """A complete official schema (DEI, SRT): declarations are copied as facts."""
        root = etree.parse(str(path)).getroot()
        for el in root.iterfind(f"{XSD_NS}element"):
            name = el.get("name")
            if name is None or el.get("substitutionGroup") is None:
                continue  # typed-dimension domain elements are not concepts
            if el.get("{http://xbrl.org/2005/xbrldt}typedDomainRef"):
                continue  # typed dimensions are out of scope (see taxonomy/README.md)
            rec = self.concept(prefix, name)
            rec.type = el.get("type")
            rec.substitution_group = el.get("substitutionGroup", "xbrli:item")
            rec.period_type = el.get("{http://www.xbrl.org/2003/instance}periodType")
            rec.balance = el.get("{http://www.xbrl.org/2003/instance}balance")
            rec.abstract = el.get("abstract") == "true"
            rec.nillable = el.get("nillable", "false") == "true"
            rec.extra_attrs["official-schema"] = "1"
        if with_types:
            self.read_types(root, prefix)

    def add_later_dei(self) -> None:
        """Cover-page elements DEI added after 2021 that EDGAR requires of a 10-K (the
        auditor, EFM 6.5.54; the error-correction flags, EFM 6.5.49).  Their names are in
        EDGAR's dei-validations.json; no official schema of those versions is among the
        sources, so the declaration is inferred (rule ``dei-after-2021``)."""
        for name, type_, label in rules.DEI_AFTER_2021:
            rec = self.concept("dei", name)
            if rec.type is not None:
                continue  # declared by an official schema after all
            rec.type, rec.period_type, rec.label = type_, "duration", label
            rec.inferred.update({"declaration": "dei-after-2021", "type": "dei-after-2021",
                                 "periodType": "dei-after-2021", "label": "dei-after-2021"})

    def read_types(self, root: etree._Element, prefix: str) -> None:
        """Type definitions as data: name, derivation, base and facets."""
        for node in root:
            if not isinstance(node.tag, str):
                continue
            local = etree.QName(node).localname
            if local not in ("complexType", "simpleType") or node.get("name") is None:
                continue
            self.types[f"{prefix}:{node.get('name')}"] = rules.describe_type(node)

    def read_labels(self, path: Path, prefix: str) -> None:
        """Standard and other labels from an official label linkbase."""
        root = etree.parse(str(path)).getroot()
        for link in root.iter(f"{LINK}labelLink"):
            locs: dict[str, str] = {}
            labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
            arcs: list[tuple[str, str]] = []
            for child in link:
                if not isinstance(child.tag, str):
                    continue
                kind = child.get(f"{XLINK}type")
                if kind == "locator":
                    parsed = self._href_concept(child.get(f"{XLINK}href", ""))
                    if parsed:
                        locs[child.get(f"{XLINK}label", "")] = parsed[1]
                elif kind == "resource":
                    labels[child.get(f"{XLINK}label", "")].append(
                        (child.get(f"{XLINK}role", ""), (child.text or "").strip())
                    )
                elif kind == "arc":
                    arcs.append((child.get(f"{XLINK}from", ""), child.get(f"{XLINK}to", "")))
            for frm, to in arcs:
                name = locs.get(frm)
                if name is None or f"{prefix}:{name}" not in self.concepts:
                    continue
                rec = self.concepts[f"{prefix}:{name}"]
                for role, text in labels.get(to, []):
                    if role.endswith("/role/label"):
                        rec.label = text
                    elif role.endswith(("terseLabel", "verboseLabel", "totalLabel")):
                        if text and text not in rec.other_labels:
                            rec.other_labels.append(text)

    def read_linkbases(self) -> None:
        """US-GAAP 2025 statement and disclosure linkbases: presence, statements, calc arcs."""
        base = self.sources / "xbrl.fasb.org" / "us-gaap" / "2025"
        for path in sorted(base.glob("*/*.xml")):
            if any(part in path.name for part in ("-cal-", "-pre-", "-def-")):
                self._read_linkbase(path)

    def _read_linkbase(self, path: Path) -> None:
        stem = path.name
        code = None
        if "-stm-" in stem:
            code = STATEMENT_CODES.get(stem.split("-stm-")[1].split("-")[0].rstrip("0123456789"))
        is_pre = "-pre-" in stem
        is_cal = "-cal-" in stem
        is_def = "-def-" in stem
        for _, link in etree.iterparse(str(path), tag=(f"{LINK}presentationLink",
                                                        f"{LINK}calculationLink",
                                                        f"{LINK}definitionLink")):
            locs: dict[str, tuple[str, str]] = {}
            for child in link:
                if not isinstance(child.tag, str):
                    continue
                if child.get(f"{XLINK}type") == "locator":
                    parsed = self._href_concept(child.get(f"{XLINK}href", ""))
                    if parsed and parsed[0] == "us-gaap":
                        locs[child.get(f"{XLINK}label", "")] = parsed
                        rec = self.concept(*parsed)
                        rec.in_2025_linkbases = True
                        if code and is_pre:
                            rec.statements.add(code)
            for child in link:
                if not isinstance(child.tag, str) or child.get(f"{XLINK}type") != "arc":
                    continue
                frm = locs.get(child.get(f"{XLINK}from", ""))
                to = locs.get(child.get(f"{XLINK}to", ""))
                if frm is None or to is None:
                    continue
                if is_cal:
                    self.calc[f"{frm[0]}:{frm[1]}"][f"{to[0]}:{to[1]}"] = float(
                        child.get("weight", "1")
                    )
                arcrole = child.get(f"{XLINK}arcrole", "")
                if is_def and arcrole.endswith(("/dimension-domain", "/domain-member")):
                    self.domain_graph[f"{frm[0]}:{frm[1]}"].add(f"{to[0]}:{to[1]}")
                if is_pre:
                    role = child.get("preferredLabel", "")
                    if role.endswith(("periodStartLabel", "periodEndLabel")):
                        self.period_labels.add(f"{to[0]}:{to[1]}")
            link.clear()

    def read_meta_model(self) -> None:
        """The FASB meta model relates balances to their flows: every arc starts at an
        instant; it ends at an instant for instant-contra and at a flow (a duration) for
        instant-accrual, -inflow and -outflow.  A contra balance has the opposite balance."""
        meta = self.sources / "xbrl.fasb.org" / "us-gaap" / "2025" / "meta"
        for path in sorted(meta.glob("us-gaap-instant*-2025.xsd")):
            root = etree.parse(str(path)).getroot()
            for link in root.iter(f"{LINK}definitionLink"):
                locs = {}
                for loc in link.iterfind(f"{LINK}loc"):
                    parsed = self._href_concept(loc.get(f"{XLINK}href", ""))
                    if parsed and parsed[0] == "us-gaap":
                        locs[loc.get(f"{XLINK}label", "")] = f"{parsed[0]}:{parsed[1]}"
                for arc in link.iterfind(f"{LINK}definitionArc"):
                    frm = locs.get(arc.get(f"{XLINK}from", ""))
                    to = locs.get(arc.get(f"{XLINK}to", ""))
                    if frm is None or to is None:
                        continue
                    self.meta_instant.add(frm)
                    if arc.get(f"{XLINK}arcrole", "").endswith("/instant-contra"):
                        self.meta_instant.add(to)
                        self.meta_contra.append((frm, to))
                    else:
                        self.meta_flow.add(to)

    def read_us_types(self) -> None:
        path = self.sources / "xbrl.fasb.org" / "us-gaap" / "2025" / "elts" / "us-types-2025.xsd"
        self.read_types(etree.parse(str(path)).getroot(), "us-types")

    # -- assembly ----------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        self.read_us_types()
        self.read_concept_list()
        self.read_sec_metadata()
        self.read_2025_labels()
        dei = self.sources / "xbrl.sec.gov" / "dei" / "2021"
        self.read_schema(dei / "dei-2021.xsd", "dei", with_types=True)
        self.read_labels(dei / "dei-2021_lab.xsd", "dei")
        self.add_later_dei()
        srt = self.sources / "xbrl.fasb.org" / "srt"
        self.read_schema(srt / "2024" / "srt-2024.xsd", "srt", with_types=False)
        # SRT 2024's types file is not among the sources; 2021's defines the same types
        self.read_types(etree.parse(str(srt / "2021" / "elts" / "srt-types-2021-01-31.xsd")).getroot(),
                        "srt-types")
        self.read_labels(srt / "2024" / "srt-lab-2024.xml", "srt")
        self.read_linkbases()
        self.read_meta_model()
        rules.apply_all(self)
        return self.to_json()

    def _descendants(self, node: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.domain_graph.get(node, ()))
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self.domain_graph.get(current, ()))
        return seen

    def to_json(self) -> dict[str, Any]:
        concepts = {}
        for key in sorted(self.concepts):
            rec = self.concepts[key]
            concepts[key] = [
                rec.type,
                rec.substitution_group,
                rec.period_type,
                rec.balance,
                int(rec.abstract),
                int(rec.nillable),
                rec.label,
                rec.other_labels,
                sorted(rec.statements),
                int(rec.in_2025_linkbases),
                int(rec.in_2024_list),
                rec.inferred,
                _sources(rec),
            ]
        calc = {p: sorted(c.items()) for p, c in sorted(self.calc.items())}
        axis_members = {
            axis: sorted(self._descendants(axis))
            for axis in sorted(k for k in self.domain_graph if k.endswith("Axis"))
        }

        return {
            "format": 1,
            "fields": list(FIELDS),
            "namespaces": {
                "us-gaap": US_GAAP_2025.__dict__,
                "dei": {**DEI_2025.__dict__, "declaredFrom": "DEI 2021 (dei-2021.xsd)"},
                "srt": {**SRT_2025.__dict__, "declaredFrom": "SRT 2024 (srt-2024.xsd; types of SRT 2021)"},
            },
            "types": dict(sorted(self.types.items())),
            "concepts": concepts,
            "calculation": calc,
            "axisMembers": axis_members,
            "rules": rules.RULE_DOCS,
        }


def _sources(rec: ConceptRecord) -> list[str]:
    """The official sources that say something about a concept."""
    out = []
    if "sec" in rec.extra_attrs:
        out.append(f"sec-metadata:{rec.extra_attrs['sec']}")
    if "official-schema" in rec.extra_attrs:
        out.append(f"{rec.prefix}-schema")
    if "fasb-2025-labels" in rec.extra_attrs:
        out.append("us-gaap-2025-labels")
    if rec.in_2024_list:
        out.append("us-gaap-2024-list")
    if rec.in_2025_linkbases:
        out.append("us-gaap-2025-linkbases")
    return out


FIELDS = (
    "type",
    "substitutionGroup",
    "periodType",
    "balance",
    "abstract",
    "nillable",
    "label",
    "otherLabels",
    "statements",
    "in2025Linkbases",
    "in2024List",
    "inferred",
    "sources",
)


def iter_filer_labels(fsds: Path) -> Iterator[tuple[str, str, str, str]]:
    """(cik, statement, label, concept) from the SEC Financial Statement Data Sets."""
    ciks = {}
    with (fsds / "sub.txt").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            ciks[row["adsh"]] = row["cik"]
    with (fsds / "pre.txt").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            version = row["version"]
            if not version.startswith("us-gaap/"):
                continue
            yield ciks.get(row["adsh"], ""), row["stmt"], row["plabel"], row["tag"]


def build_index(sources: Path, out: Path, fsds: Path | None = None, ixbrl: Path | None = None) -> dict[str, int]:
    """Build ``concept-index.json.gz`` (and the filer label table) into ``out``; the
    modern-usage table, where ``out`` has one, places Inline XBRL facts in statements."""
    data = IndexBuilder(sources, {q: kind for q, (_, kind) in load_modern_usage(out).items()}).build()
    out.mkdir(parents=True, exist_ok=True)
    write_gz_json(out / "concept-index.json.gz", data)
    counts = {"concepts": len(data["concepts"]), "types": len(data["types"])}
    rows: list[tuple[str, str, str, str]] = []
    modern: list[tuple[str, str, str, str]] = []
    if fsds is not None and (fsds / "pre.txt").exists():
        rows.extend(iter_filer_labels(fsds))
    if ixbrl is not None and ixbrl.is_dir():
        from converter.taxonomy.ixbrl_labels import iter_ixbrl_labels

        statements = {k: tuple(v[FIELDS.index("statements")]) for k, v in data["concepts"].items()}
        # concepts the 2025 statement linkbases leave out (RevenueFromContractWithCustomer...,
        # OperatingLeaseLiabilityCurrent) are placed by where modern filers use them
        for concept, (_, kind) in load_modern_usage(out).items():
            if kind and not statements.get(concept):
                statements[concept] = (kind,)
        modern.extend(iter_ixbrl_labels(ixbrl, statements))
    if rows or modern:
        from converter.taxonomy.filer_labels import build_label_table

        table = build_label_table(rows, modern)
        write_gz_json(out / "filer-labels.json.gz", table)
        counts["filerLabels"] = len(table["labels"])
    return counts

