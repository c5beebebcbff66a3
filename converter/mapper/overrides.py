"""Choices a person has already made: the user's mapping file, and an earlier filing's.

A mapping file pairs a printed label (optionally prefixed with its statement, ``BS:``) with
a concept.  It may be JSON (an object), YAML (a mapping) or CSV (``label,concept`` rows, an
optional header).  Every error names the file and the line.

``--prior`` reuses the concepts of the same company's earlier conversion (its package
folder or its ``mapping-report.json``): the same label in the same statement gets the same
concept, so that a quarterly filer confirms each choice once.  The user's file wins over
the prior, and both win over the mapper.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from converter.errors import UsageError
from converter.taxonomy.index import ConceptIndex
from converter.text import normalize_label

REPORT_FILE = "mapping-report.json"


@dataclass(frozen=True)
class Override:
    concept: str
    source: str  # what the mapping report says: the file and line, or the earlier filing


def read_mapping_file(path: Path, index: ConceptIndex) -> dict[str, Override]:
    """Normalised label key -> override, from a JSON, YAML or CSV mapping file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"mapping file {path} cannot be read: {exc}") from None
    suffix = path.suffix.lower()
    pairs = (_csv_pairs(path, text) if suffix == ".csv" else
             _yaml_pairs(path, text) if suffix in (".yaml", ".yml") else _json_pairs(path, text))
    out: dict[str, Override] = {}
    for line, label, concept in pairs:
        if not _holds_values(concept, index):
            raise UsageError(f"mapping file {path}, line {line}: {concept!r} (for {label!r}) "
                             f"is not a concept that can hold a value")
        out[normalize_label(label)] = Override(concept, f"user mapping file ({path.name}, line {line})")
    return out


def read_prior(path: Path, index: ConceptIndex) -> dict[str, Override]:
    """``STATEMENT:label`` -> override, from an earlier package's mapping report.  Concepts
    the current taxonomy no longer allows, and extension concepts, are not reused."""
    report = path / REPORT_FILE if path.is_dir() else path
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
        items = data["items"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"prior {path}: not a package folder or mapping report ({type(exc).__name__})") from None
    chosen: dict[str, set[str]] = {}
    for item in items:
        concept, label, kind = item.get("concept"), item.get("label"), item.get("statement")
        if item.get("extension") or "in" in item or not (concept and label and kind):
            continue  # numbers inside labels are re-read, not looked up
        if _holds_values(concept, index):
            chosen.setdefault(normalize_label(f"{kind}:{label}"), set()).add(concept)
    source = f"as in the earlier filing ({report.parent.name})"
    # a label used twice in a statement for two concepts ("Other") says nothing: the mapper decides
    return {key: Override(concepts.pop(), source) for key, concepts in chosen.items() if len(concepts) == 1}


def _holds_values(concept: object, index: ConceptIndex) -> bool:
    known = index.get(concept) if isinstance(concept, str) else None
    return known is not None and known.declarable and known.is_item and not known.abstract


def _json_pairs(path: Path, text: str) -> list[tuple[int, str, str]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", 1)
        raise UsageError(f"mapping file {path}, line {line}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"mapping file {path}, line 1: must be a JSON object of label -> concept")
    lines = text.splitlines()
    return [(_line_of(lines, label), label, _string(path, _line_of(lines, label), label, concept))
            for label, concept in data.items()]


def _line_of(lines: list[str], label: str) -> int:
    """The line a JSON key is written on (json keeps no positions)."""
    quoted = json.dumps(label)
    return next((n for n, line in enumerate(lines, 1) if quoted in line), 1)


def _yaml_pairs(path: Path, text: str) -> list[tuple[int, str, str]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise UsageError(f"mapping file {path}, line {line}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(node, yaml.MappingNode):
        raise UsageError(f"mapping file {path}, line 1: must be a YAML mapping of label: concept")
    pairs = []
    for key, value in node.value:
        line = key.start_mark.line + 1
        if not isinstance(value, yaml.ScalarNode):
            raise UsageError(f"mapping file {path}, line {line}: the concept for {key.value!r} must be one name")
        pairs.append((line, str(key.value), str(value.value)))
    return pairs


def _csv_pairs(path: Path, text: str) -> list[tuple[int, str, str]]:
    pairs = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if n == 1 and [c.strip().lower() for c in row] == ["label", "concept"]:
            continue
        if len(row) != 2:
            raise UsageError(f"mapping file {path}, line {n}: expected two columns, label and concept")
        pairs.append((n, row[0].strip(), row[1].strip()))
    return pairs


def _string(path: Path, line: int, label: str, value: Any) -> str:
    if not isinstance(value, str):
        raise UsageError(f"mapping file {path}, line {line}: the concept for {label!r} must be a string")
    return value
