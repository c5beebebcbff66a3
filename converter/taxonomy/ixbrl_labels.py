"""Modern filer wording from Inline XBRL filings: each tagged number's row label paired
with the concept the filer chose.

The SEC data sets of 2009 speak the taxonomy of 2009; Inline XBRL filings of 2024-2025
show the concepts filers use now (``InterestExpenseNonoperating``,
``ContractWithCustomerLiabilityCurrent`` ...).  Every company's rows are read, with its
CIK: ``filer_labels.build_label_table`` leaves out the companies kept for measurement
(``is_held_out_ixbrl``, ``benchmarks/eval_ixbrl.py``), and their 2009 labels with them.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from converter.taxonomy.namespaces import EQUITY_AXIS

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
XHTML = "{http://www.w3.org/1999/xhtml}"
STATEMENTS = ("BS", "IS", "CF", "CI", "EQ")


def is_held_out_ixbrl(cik: str) -> bool:
    """One company in two (by a stable hash of its CIK) is kept for measurement."""
    return zlib.crc32(cik.lstrip("0").encode()) % 2 == 1


def iter_ixbrl_labels(folder: Path, statements_of: dict[str, tuple[str, ...]]) -> Iterator[tuple[str, str, str, str]]:
    """(cik, statement, label, concept) for each distinct labelled face-statement fact,
    the rows of an equity statement's component columns included (as "EQ")."""
    for path in sorted(folder.glob("*.htm*")):
        root = etree.parse(str(path), etree.XMLParser(huge_tree=True, recover=True)).getroot()
        plain: set[str] = set()
        equity: set[str] = set()  # an equity statement's component columns: its rows are equity movements
        cik = ""
        for ctx in root.iter(f"{XBRLI}context"):
            cik = cik or (ctx.findtext(f".//{XBRLI}identifier") or "").strip()
            segment = ctx.find(f".//{XBRLI}segment")
            if segment is None:
                plain.add(ctx.get("id", ""))
            elif [m.get("dimension") for m in segment] == [EQUITY_AXIS]:
                equity.add(ctx.get("id", ""))
        if not cik:
            continue
        seen: set[tuple[str, str]] = set()
        # a row whose undimensioned facts carry several concepts is a note's table by
        # column (Coca-Cola's reclassifications out of AOCI, row "Consolidated net
        # income"): its label names none of them
        concepts_of_row: dict[etree._Element | None, set[str]] = {}
        for el in root.iter(f"{IX}nonFraction"):
            if el.get("contextRef") in plain:
                concepts_of_row.setdefault(_row(el), set()).add(el.get("name", ""))
        for el in root.iter(f"{IX}nonFraction"):
            name = el.get("name", "")
            context = el.get("contextRef")
            if (context not in plain and context not in equity) or not name.startswith("us-gaap:"):
                continue
            if context in plain and len(concepts_of_row.get(_row(el), ())) > 1:
                continue
            stmts = [s for s in statements_of.get(name, ()) if s in STATEMENTS]
            if context in equity:
                stmts = ["EQ"]  # the equity component axis says which statement, whatever the linkbases say
            label = _row_label(el)
            if not stmts or not label or (label, name) in seen:
                continue
            seen.add((label, name))
            yield cik, stmts[0], label, name.split(":", 1)[1]


def _row(el: etree._Element) -> etree._Element | None:
    """The table row a fact is printed in (None outside a table)."""
    row = el.getparent()
    while row is not None and row.tag not in (f"{XHTML}tr", "tr"):
        row = row.getparent()
    return row


def _row_label(el: etree._Element) -> str:
    """The text of the row's first cell: a statement's rows name themselves there.  A row
    whose first cell is empty continues the row above (a note's "Consolidated net income"
    in a "where it is reported" column is not the fact's name): no label."""
    row = _row(el)
    cells = [c for c in row if isinstance(c.tag, str)] if row is not None else []
    if not cells:
        return ""
    text = re.sub(r"\s+", " ", " ".join(str(t) for t in cells[0].itertext()).replace("\xa0", " ")).strip()
    return re.sub(r"\s*\(\d\)$", "", text) if re.search(r"[A-Za-z]", text) else ""
