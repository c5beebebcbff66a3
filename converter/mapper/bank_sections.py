"""Which of a bank's income-statement sections a row sits in, by the figures of the total
that closes the section.

A bank's "Other" means other noninterest income under "Noninterest income:" and other
noninterest expense under "Noninterest expense:".  Where the captions are lost (a text
conversion, or the SEC data sets, which keep none) the section's total still says it:
"Total noninterest income" is the sum of the rows right above it, and the rows whose
figures add up to it are that section's rows.  The arithmetic decides, not the position
alone, so that a "Net interest income after provision" line above the section is never
taken into it.

Only the noninterest sections: rows under interest income or expense name their source
("Subordinated debt", "Certificates of deposit"), and the section's words pulled them to
the broader interest concepts (measured on the SEC data sets: two lines lost for one won).
"""

from __future__ import annotations

import re

from converter.mapper.figures import sums_to
from converter.model.statements import ItemKind, LineItem

# a bank's noninterest sections, by their totals; the phrase becomes the rows' section
SECTION_TOTAL = re.compile(r"^\s*total\s+(non-?interest\s+(?:income|expense))s?\b", re.I)
MAX_ROWS = 30


def rows_in_bank_sections(items: list[LineItem]) -> dict[int, str]:
    """Row index -> the section ("noninterest income" or "noninterest expense") whose
    printed total its figures add up to."""
    out: dict[int, str] = {}
    for t, item in enumerate(items):
        m = SECTION_TOTAL.match(item.label)
        if m and item.kind is ItemKind.MONETARY:
            for k in summed_rows(items, t):
                out[k] = " ".join(m.group(1).lower().split())
    return out


def summed_rows(items: list[LineItem], t: int) -> list[int]:
    """The rows right above row ``t`` (captions skipped, no other total among them) whose
    figures add up to its figures in every column they all print; empty if none do."""
    rows: list[int] = []
    for j in range(t - 1, -1, -1):
        item = items[j]
        if item.is_header and not any(v is not None for v in item.values):
            continue
        if item.is_total or len(rows) >= MAX_ROWS:
            break
        rows.append(j)
        if len(rows) >= 2 and _adds_up(items[t], [items[k] for k in rows]):
            return rows
    return []


def _adds_up(total: LineItem, parts: list[LineItem]) -> bool:
    """The parts' printed figures (an empty or nil cell is nothing) sum to the total's in
    every column where the total prints one, within rounding; at least one such column."""
    columns = 0
    for c, amount in enumerate(total.values):
        if amount is None or amount.shown is None:
            continue
        figures = [p.values[c] for p in parts if c < len(p.values)]
        shown = [a.shown for a in figures if a is not None and a.shown is not None]
        if not shown or not sums_to(amount.shown, *shown):
            return False
        columns += 1
    return columns > 0
