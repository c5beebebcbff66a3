"""Which statement a table is, from its caption and its row labels."""

from __future__ import annotations

import re

from converter.model.document import Table

_TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("CI", re.compile(r"comprehensive (income|loss)", re.I)),
    ("CF", re.compile(r"cash flows?", re.I)),
    ("EQ", re.compile(r"(stockholders|shareholders|owners)['’]? (equity|deficit)|changes in equity", re.I)),
    ("BS", re.compile(r"balance sheets?|financial (position|condition)|assets,? liabilities", re.I)),
    ("IS", re.compile(r"statements? of (consolidated )?(operations|income|earnings|loss)|income statements?|"
                      r"results of operations", re.I)),
)
_ROW_HINTS = {
    "BS": ("total assets", "total current assets", "total liabilities", "stockholders' equity"),
    "IS": ("net income", "net loss", "revenue", "gross profit", "gross loss", "per share",
           "operating expenses"),
    "CF": ("operating activities", "investing activities", "financing activities"),
}


def classify(table: Table) -> str | None:
    """BS, IS, CI, CF or EQ, or None for a table that is not a primary statement."""
    caption = " ".join(table.caption[-4:])
    for kind, pattern in _TITLE_RULES:
        if pattern.search(caption):
            if kind == "EQ" and re.search(r"balance sheets?", caption, re.I):
                return "BS"
            return kind
    labels = " ".join(r.cells[0].lower() for r in table.rows if r.cells)
    scores = {k: sum(1 for hint in hints if hint in labels) for k, hints in _ROW_HINTS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else None


def is_parenthetical(table: Table) -> bool:
    return bool(re.search(r"parenthetical", " ".join(table.caption), re.I))
