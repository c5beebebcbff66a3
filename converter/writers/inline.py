"""Render an XbrlModel as an Inline XBRL 1.1 package: one XHTML document that shows the
statements as the filing printed them, every number tagged, beside the company taxonomy.

Each printed number becomes an ``ix:nonFraction`` whose content is the digits as printed
(format ``ixt:num-dot-decimal``, or ``ixt:fixed-zero`` for a dash), with ``scale`` the
statement's scale and ``sign`` when the XBRL value is negative, so that the value an
Inline XBRL processor reads is exactly the fact the XBRL 2.1 instance carries.  A number
that two concepts share ("basic and diluted") is two nested tags.  Cover-page facts are
``ix:nonNumeric``.  The document is ASCII, other characters written as references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from converter import __version__
from converter.model.xbrl import Fact, ShownCell, ShownTable, XbrlModel
from converter.writers.package import namespaces, taxonomy_files, write_files
from converter.writers.render import render

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
NUMBER_FORMAT = "ixt:num-dot-decimal"
ZERO_FORMAT = "ixt:fixed-zero"


@dataclass(frozen=True)
class Tag:
    name: str
    context: str
    unit: str
    decimals: str
    scale: int
    format: str
    sign: bool
    nil: bool


@dataclass(frozen=True)
class CellView:
    """A cell as the template writes it: text before the tag, the tagged digits, text after."""

    text: str
    before: str = ""
    content: str = ""
    after: str = ""
    tags: tuple[Tag, ...] = ()


def cell_view(cell: ShownCell) -> CellView:
    if not cell.facts:
        return CellView(cell.text)
    m = _DIGITS.search(cell.text)
    if m is None:  # a dash: zero (or nil)
        dash = cell.text.strip("$( )")
        start = cell.text.find(dash) if dash else 0
        return CellView(cell.text, cell.text[:start], dash, cell.text[start + len(dash):],
                        tuple(_tag(f, cell.scale, ZERO_FORMAT) for f in cell.facts))
    return CellView(cell.text, cell.text[: m.start()], m.group(0), cell.text[m.end():],
                    tuple(_tag(f, cell.scale, NUMBER_FORMAT) for f in cell.facts))


def _tag(fact: Fact, scale: int, number_format: str) -> Tag:
    value = fact.value
    return Tag(fact.concept, fact.context, fact.unit or "", fact.decimals or "", scale, number_format,
               value is not None and Decimal(value) < 0, value is None)


def _table_view(table: ShownTable) -> dict[str, object]:
    rows = [{"label": r.label, "depth": r.depth, "is_header": r.is_header,
             "cells": [cell_view(c) if c is not None else None for c in r.cells]} for r in table.rows]
    return {"title": table.title, "scale_text": table.scale_text, "columns": table.columns, "rows": rows}


def _cover_view(label: str, fact: Fact) -> tuple[str, Fact, CellView | None]:
    """A cover-page fact: text as ``ix:nonNumeric``; a number (public float, shares
    outstanding) as ``ix:nonFraction`` showing its value in full."""
    if fact.unit is None or fact.value is None:
        return label, fact, None
    value = Decimal(fact.value)
    shown = f"{abs(value):,f}" if value != value.to_integral_value() else f"{abs(value):,.0f}"
    return label, fact, cell_view(ShownCell(shown, (fact,), 0))


def inline_document(model: XbrlModel, source: str) -> str:
    name, form = model.cover_value("dei:EntityRegistrantName"), model.cover_value("dei:DocumentType")
    title = " ".join(str(x) for x in (name, form) if x) or model.stem
    text = render("inline/document.xhtml.j2", model=model, source=source, version=__version__,
                  namespaces=namespaces(model), title=title,
                  contexts=sorted(model.contexts.values(), key=lambda c: c.id), units=list(model.units.values()),
                  cover=[_cover_view(label, fact) for label, fact in model.cover],
                  tables=[_table_view(t) for t in model.tables])
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def write_inline(model: XbrlModel, folder: Path, source: str) -> list[Path]:
    """The Inline XBRL package: ``<stem>.htm`` beside the company taxonomy."""
    files = taxonomy_files(model)
    files[f"{model.stem}.htm"] = inline_document(model, source)
    return write_files(files, folder)


EVIDENCE_PAGE = "mapping-evidence.html"


def evidence_page(model: XbrlModel, review_below: float) -> str:
    """A page of our own beside the viewer: for every line item the concept, confidence,
    reason and alternatives of the mapping report (the viewer shows the concept; this
    says why)."""
    items = [i for i in model.report.to_json()["items"] if i.get("concept")]
    title = model.cover_value("dei:EntityRegistrantName") or model.stem
    return render("inline/evidence.html.j2", version=__version__, title=title, items=items,
                  review_below=review_below)


def link_evidence(viewer_page: Path) -> None:
    """Put a link to the evidence page at the top of the viewer's copy of the document
    (only the viewer's copy: the filed document links to nothing outside the filing)."""
    text = viewer_page.read_text(encoding="utf-8")
    at = re.search(r"<body[^>]*>", text)
    if at is None:
        return
    link = (f'<p style="font-family: Arial, sans-serif; font-size: 9pt"><a href="{EVIDENCE_PAGE}" '
            f'target="_blank">How each number got its concept</a></p>')
    viewer_page.write_text(text[: at.end()] + link + text[at.end():], encoding="utf-8")
