"""Generate the offline stand-in taxonomy package from the concept index.

The official US-GAAP 2025 concept schema is not available to us, so validation offline
runs against a package this module writes: schemas that declare every declarable concept
of the index in its official namespace, under the official URL, and a catalog that maps
those URLs to the files in the package.  The package is a zip (Arelle loads taxonomy
packages as zips) written deterministically and cached by the index's content hash.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from converter.resources import data_dir
from converter.taxonomy.index import INDEX_FILE, Concept, ConceptIndex, load_index
from converter.taxonomy.namespaces import (
    DEI_2025,
    DTR_2022,
    DTR_LIST_TYPES,
    DTR_NUMERIC_TYPES,
    DTR_STRING_TYPES,
    SRT_2025,
    SRT_TYPES_2025,
    US_GAAP_2025,
    US_TYPES_2025,
    TaxonomyNamespace,
)
from converter.writers.render import render

ROOT = "xbrl-converter-standin"
_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class SchemaPlan:
    target: TaxonomyNamespace
    title: str
    imports: tuple[TaxonomyNamespace, ...]
    concept_prefix: str | None
    type_prefix: str | None


PLANS = (
    SchemaPlan(US_GAAP_2025, "US-GAAP 2025", (US_TYPES_2025, DTR_2022), "us-gaap", None),
    SchemaPlan(US_TYPES_2025, "US-GAAP 2025 types", (), None, "us-types"),
    SchemaPlan(DEI_2025, "SEC DEI 2025 (concepts of DEI 2021)", (DTR_2022,), "dei", "dei"),
    SchemaPlan(SRT_2025, "SRT 2025 (concepts of SRT 2024)", (SRT_TYPES_2025, DTR_2022), "srt", None),
    SchemaPlan(SRT_TYPES_2025, "SRT 2025 types (of SRT 2021)", (), None, "srt-types"),
)


def _dtr_types() -> list[tuple[str, dict[str, Any]]]:
    """The Data Type Registry types the index uses, written as plain restrictions."""
    types: list[tuple[str, dict[str, Any]]] = []
    for name, base in sorted(DTR_NUMERIC_TYPES.items()):
        types.append((name, {"kind": "complexType", "derivation": "restriction",
                             "base": base, "facets": []}))
    for name in DTR_STRING_TYPES:
        types.append((name, {"kind": "complexType", "derivation": "restriction",
                             "base": "xbrli:stringItemType", "facets": []}))
    for name in DTR_LIST_TYPES:
        # a space-separated list of years, written as a constrained token
        types.append((name, {"kind": "complexType", "derivation": "restriction",
                             "base": "xbrli:tokenItemType",
                             "facets": [["pattern", r"\d{4}( \d{4})*"]]}))
    return types


def declared_concepts(index: ConceptIndex, prefix: str) -> list[Concept]:
    return sorted(
        (c for c in index if c.prefix == prefix and c.declarable and _type_declared(index, c.type)),
        key=lambda c: c.name,
    )


def _type_declared(index: ConceptIndex, type_name: str | None) -> bool:
    """Whether the stand-in declares the concept's type: SRT 2025 uses types newer than
    the ones we have (an identifier type of SRT 2025, a guidance type of a later Data Type
    Registry), and a concept of an undeclared type would make every package that uses an
    SRT axis invalid."""
    prefix, _, name = (type_name or "").partition(":")
    if prefix == "xbrli":
        return True
    if prefix == "dtr-types":
        return name in DTR_NUMERIC_TYPES or name in DTR_STRING_TYPES or name in DTR_LIST_TYPES
    return type_name in index.types


def build_files(index: ConceptIndex, labels: bool = False, only: frozenset[str] | None = None) -> dict[str, str]:
    """Relative path inside the package -> file text.  ``labels``: each schema carries its
    standard labels in a linkbase embedded in it (EDGAR blocks any other file of a standard
    taxonomy), as EDGAR's checks need; loading 18,000 labels makes every validation several
    seconds slower, so XBRL 2.1 validation uses the package without.  ``only``: declare
    just these concepts (QNames), the ones a filing uses (see ``subset_package``)."""
    files: dict[str, str] = {}
    for plan in PLANS:
        concepts = declared_concepts(index, plan.concept_prefix) if plan.concept_prefix else []
        if only is not None:
            concepts = [c for c in concepts if c.qname in only]
        types = []
        if plan.type_prefix:
            types = [
                (key.split(":", 1)[1], value)
                for key, value in sorted(index.types.items())
                if key.startswith(plan.type_prefix + ":")
            ]
        files[plan.target.local] = render(
            "standin/concepts.xsd.j2",
            target=plan.target,
            title=plan.title,
            imports=[(ns.prefix, ns) for ns in plan.imports],
            types=types,
            concepts=concepts,
            labels=[c for c in concepts if c.label] if labels else None,
        )
    files[DTR_2022.local] = render(
        "standin/concepts.xsd.j2",
        target=DTR_2022,
        title="XBRL Data Type Registry types",
        imports=[],
        types=_dtr_types(),
        concepts=[],
        labels=None,
    )
    digest = hashlib.sha256("".join(files[k] for k in sorted(files)).encode()).hexdigest()[:16]
    folders = sorted({ns.local.rsplit("/", 1)[0] for ns in _all_namespaces()})
    rewrites = []
    for folder in folders:
        for scheme in ("https", "http"):
            rewrites.append((f"{scheme}://{folder}/", f"../{folder}/"))
    files["META-INF/catalog.xml"] = render("standin/catalog.xml.j2", rewrites=rewrites)
    files["META-INF/taxonomyPackage.xml"] = render(
        "standin/taxonomyPackage.xml.j2",
        digest=digest,
        entry_points=[US_GAAP_2025, DEI_2025, SRT_2025],
    )
    return files


def _all_namespaces() -> list[TaxonomyNamespace]:
    return [p.target for p in PLANS] + [DTR_2022]


def write_package(index: ConceptIndex, dest: Path, labels: bool = False,
                  only: frozenset[str] | None = None) -> Path:
    """Write the stand-in zip to ``dest`` (a file path) deterministically."""
    files = build_files(index, labels, only)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in sorted(files):
            info = zipfile.ZipInfo(f"{ROOT}/{rel}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, files[rel])
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(dest)
    return dest


def standin_package(cache_dir: Path | None = None, labels: bool = False) -> Path:
    """The stand-in zip for the committed index, generated once and cached on disk (the
    labelled one for EDGAR's checks)."""
    cache_dir = cache_dir or default_cache_dir()
    path = cache_dir / f"standin-{_source_key()}{'-labels' if labels else ''}.zip"
    if not path.exists():
        write_package(load_index(), path, labels)
    return path


_STANDARD_NAME = re.compile(r"\b(us-gaap|dei|srt)[:_]([A-Z][A-Za-z0-9]*)")
_PACKAGE_FILES = (".xml", ".xsd", ".htm", ".html", ".xhtml", ".json", ".csv")


def concepts_used(folder: Path) -> frozenset[str]:
    """Every standard concept a package's files name (elements, hrefs, dimensions, members).
    Naming one too many costs nothing; one too few would be a false error, never a false pass."""
    names: set[str] = set()
    for path in folder.iterdir():
        if path.suffix.lower() in _PACKAGE_FILES and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            names.update(f"{m.group(1)}:{m.group(2)}" for m in _STANDARD_NAME.finditer(text))
    return frozenset(names)


def subset_package(folder: Path, dest: Path, labels: bool = False) -> Path:
    """The stand-in restricted to the concepts a package uses, written to ``dest``.

    Arelle loads and checks every declaration of the taxonomy it is given: for the full
    stand-in (18,000 concepts) that is most of a validation's time, and the same work for
    every filing.  The full stand-in is checked once (its own test, and every conversion
    that uses it); a filing's validation needs only the declarations it refers to, each
    one the same as in the full stand-in, so its findings are the same."""
    return write_package(load_index(), dest, labels, concepts_used(folder))


@lru_cache(maxsize=1)
def _source_key() -> str:
    """A hash of what the package is generated from (the index, the templates and this
    module), so that a change to any of them makes a new package; read once per process."""
    digest = hashlib.sha256()
    parts = [data_dir("taxonomy") / INDEX_FILE, Path(__file__), *sorted((data_dir("templates") / "standin").glob("*"))]
    for part in parts:
        digest.update(part.read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    import os

    base = os.environ.get("XBRL_CONVERTER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "xbrl-converter"
    )
    return Path(base)
