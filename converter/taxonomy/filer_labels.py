"""The label table: what filers called each concept, from the SEC Financial Statement
Data Sets.  It is the mapper's evidence of real-world wording.

Companies whose CIK falls in the held-out fold (``is_held_out``) are left out of the
table, so that measurements on them never see their own labels.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from converter.extraction.labels import clean_label
from converter.text import normalize_label

HOLD_OUT_FOLDS = 5
MODERN_WEIGHT = 20


def is_held_out(cik: str) -> bool:
    """One company in five (by a stable hash of its CIK) is kept for measurement."""
    return zlib.crc32(cik.lstrip("0").encode()) % HOLD_OUT_FOLDS == 0


def build_label_table(rows: Iterable[tuple[str, str, str, str]],
                      modern: Iterable[tuple[str, str, str, str]] = ()) -> dict[str, Any]:
    """Count label -> (concept, statement) uses.  A use from a current Inline XBRL filing
    counts ``MODERN_WEIGHT`` times a 2009 one: the taxonomy has moved on since 2009
    (``InterestExpenseNonoperating``, ``ContractWithCustomerLiability`` ...)."""
    counts: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for weight, source in ((1, rows), (MODERN_WEIGHT, modern)):
        for cik, stmt, label, concept in source:
            if weight == 1 and is_held_out(cik):
                continue
            # as the pipeline will read it: "Accounts receivable, net of allowance of $46,856
            # and $32,834" is learned as "Accounts receivable, net", which other filers print too
            norm = normalize_label(clean_label(label))
            if norm:
                counts[norm][(f"us-gaap:{concept}", stmt)] += weight
    labels = {
        norm: [[concept, stmt, n] for (concept, stmt), n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]
        for norm, c in sorted(counts.items())
    }
    return {"format": 1, "holdOut": f"crc32(cik) % {HOLD_OUT_FOLDS} == 0", "labels": labels}
