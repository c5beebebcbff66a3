"""Render an XbrlModel as an XBRL 2.1 filing package: instance, extension schema, and
presentation, calculation, definition and label linkbases, plus the mapping report.

The writer only arranges the model for the templates (locators, role references,
ordering); every file is produced by a Jinja template, escaped, and written in a fixed
order so that the same input gives byte-identical output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from converter import __version__
from converter.model.xbrl import Arc, Label, Role, XbrlModel
from converter.taxonomy.namespaces import DEI_2025, DTR_2022, SRT_2025, US_GAAP_2025
from converter.writers.render import render

CALC11 = "https://xbrl.org/2023/arcrole/summation-item"
CALC11_HREF = "https://www.xbrl.org/2023/calculation-1.1.xsd#summation-item"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
NEGATED_XSD = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd"
LINKBASE_ROLES = {"pre": "presentation", "cal": "calculation", "def": "definition", "lab": "label"}
STANDARD_NAMESPACES = {ns.prefix: ns for ns in (US_GAAP_2025, DEI_2025, SRT_2025)}


@dataclass
class Link:
    role: str
    locators: list[tuple[str, str]]
    arcs: list[Arc]


def write_package(model: XbrlModel, folder: Path, source: str) -> list[Path]:
    """The XBRL 2.1 package: the instance document beside the company taxonomy."""
    files = taxonomy_files(model)
    files[f"{model.stem}.xml"] = render(
        "package/instance.xml.j2", source=source, namespaces=namespaces(model),
        contexts=sorted(model.contexts.values(), key=lambda c: c.id),
        units=list(model.units.values()), facts=model.facts, version=__version__, model=model,
    )
    return write_files(files, folder)


def namespaces(model: XbrlModel) -> list[tuple[str, str]]:
    """(prefix, namespace) of the taxonomies the facts and relationships use, and the company's."""
    used = _used_prefixes(model)
    found = [(p, STANDARD_NAMESPACES[p].namespace) for p in sorted(used) if p in STANDARD_NAMESPACES]
    return [*found, (model.prefix, model.namespace)]


def taxonomy_files(model: XbrlModel) -> dict[str, str]:
    """The company extension schema, its four linkbases and the mapping report, by file name."""
    files: dict[str, str] = {}
    used = _used_prefixes(model)
    common: dict[str, Any] = {"version": __version__, "model": model}
    # EDGAR rejects an empty linkbase: a calculation or definition linkbase only when it has arcs
    linkbases = ["pre"] + [kind for kind, arcs_of in (("cal", _calculation_arcs), ("def", _definition_arcs))
                           if any(arcs_of(r) for r in model.roles)] + ["lab"]
    files[f"{model.stem}.xsd"] = render(
        "package/schema.xsd.j2", roles=model.roles, linkbases=linkbases, linkbase_roles=LINKBASE_ROLES,
        imports=[STANDARD_NAMESPACES[p] for p in sorted(used) if p in STANDARD_NAMESPACES],
        type_imports=[DTR_2022] if any(e.type.startswith("dtr-types:") for e in model.extensions) else [],
        **common,
    )
    files[f"{model.stem}_pre.xml"] = _relationship_linkbase(model, "presentation", PARENT_CHILD,
                                                             lambda r: r.presentation, common)
    if "cal" in linkbases:
        files[f"{model.stem}_cal.xml"] = _relationship_linkbase(model, "calculation", CALC11, _calculation_arcs,
                                                                common)
    if "def" in linkbases:
        files[f"{model.stem}_def.xml"] = _relationship_linkbase(model, "definition", None, _definition_arcs, common)
    files[f"{model.stem}_lab.xml"] = _label_linkbase(model, common)
    files["mapping-report.json"] = json.dumps(model.report.to_json(), indent=2, ensure_ascii=False) + "\n"
    return files


def _calculation_arcs(role: Role) -> list[Arc]:
    return role.calculation


def _definition_arcs(role: Role) -> list[Arc]:
    return role.definition_arcs


def write_files(files: dict[str, str], folder: Path) -> list[Path]:
    """Write the files in name order (the same input gives byte-identical output)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(files):
        path = folder / name
        path.write_text(files[name], encoding="utf-8")
        written.append(path)
    return written


def _used_prefixes(model: XbrlModel) -> set[str]:
    used = {f.concept.split(":")[0] for f in model.facts}
    for role in model.roles:
        for arc in role.presentation + role.calculation + role.definition_arcs:
            used.add(arc.parent.split(":")[0])
            used.add(arc.child.split(":")[0])
    return used | {"us-gaap", "dei"}


def href(model: XbrlModel, concept: str) -> str:
    prefix, name = concept.split(":", 1)
    if prefix == model.prefix:
        return f"{model.stem}.xsd#{prefix}_{name}"
    return f"{STANDARD_NAMESPACES[prefix].url}#{prefix}_{name}"


def _relationship_linkbase(model: XbrlModel, kind: str, arcrole: str | None, arcs_of: Any,
                           common: dict[str, Any]) -> str:
    links = []
    role_refs = []
    arcrole_refs: set[tuple[str, str]] = set()
    negated = False
    for role in model.roles:
        arcs: list[Arc] = arcs_of(role)
        if not arcs:
            continue
        for group in _without_duplicate_pairs(arcs):
            links.append(_link(model, role.uri, group, arcrole))
        for arc in arcs:
            if arc.preferred_label and "/2009/role/negated" in arc.preferred_label:
                negated = True
            if arc.arcrole and arc.arcrole.startswith("http://xbrl.org/int/dim/arcrole/"):
                arcrole_refs.add((arc.arcrole, f"{XBRLDT_XSD}#{arc.arcrole.rsplit('/', 1)[1]}"))
        role_refs.append((role.uri, f"{model.stem}.xsd#{role.id}"))
    if kind == "calculation" and links:
        arcrole_refs.add((CALC11, CALC11_HREF))
    if negated:
        for name in ("negatedLabel", "negatedTotalLabel"):
            role_refs.append((f"http://www.xbrl.org/2009/role/{name}", f"{NEGATED_XSD}#{name}"))
    return render("package/linkbase.xml.j2", kind=kind, links=links, role_refs=role_refs,
                  arcrole_refs=sorted(arcrole_refs), **common)


def _without_duplicate_pairs(arcs: list[Arc]) -> list[list[Arc]]:
    """XLink forbids two arcs between the same locators in one extended link (a
    dimension-domain and a dimension-default arc, say), so such arcs go to a second link."""
    groups: list[list[Arc]] = []
    pairs: list[set[tuple[str, str]]] = []
    for arc in arcs:
        key = (arc.parent, arc.child)
        for group, seen in zip(groups, pairs, strict=True):
            if key not in seen:
                group.append(arc)
                seen.add(key)
                break
        else:
            groups.append([arc])
            pairs.append({key})
    return groups


def _link(model: XbrlModel, role_uri: str, arcs: list[Arc], arcrole: str | None) -> Link:
    concepts: list[str] = []
    out = []
    for arc in arcs:
        for c in (arc.parent, arc.child):
            if c not in concepts:
                concepts.append(c)
        out.append(Arc(arc.parent, arc.child, arc.order, arc.weight, arc.preferred_label,
                       arc.arcrole or arcrole, arc.attributes))
    return Link(role_uri, [(c.replace(":", "_"), href(model, c)) for c in concepts], out)


def _label_linkbase(model: XbrlModel, common: dict[str, Any]) -> str:
    groups: dict[str, list[Label]] = {}
    for lab in model.labels:
        groups.setdefault(lab.concept, []).append(lab)
    label_groups = [(c.replace(":", "_"), href(model, c), sorted(labs, key=lambda x: x.role))
                    for c, labs in groups.items()]
    roles = {lab.role for lab in model.labels if "/2009/role/negated" in lab.role}
    role_refs = [(r, f"{NEGATED_XSD}#{r.rsplit('/', 1)[1]}") for r in sorted(roles)]
    return render("package/linkbase.xml.j2", kind="label", label_groups=label_groups,
                  role_refs=role_refs, arcrole_refs=[], links=[], **common)
