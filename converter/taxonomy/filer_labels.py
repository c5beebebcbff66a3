"""The label table: what filers called each concept, from the SEC Financial Statement
Data Sets.  It is the mapper's evidence of real-world wording.

A company kept for either measurement is learned from in neither (``kept_for_measurement``):
the held-out fold of the data sets (``is_held_out``, ``benchmarks/eval_mapper.py``) and the
Inline XBRL companies held out by ``is_held_out_ixbrl`` (``benchmarks/eval_ixbrl.py``) are
left out of the table, their 2009 and modern labels alike, so that no measurement sees its
company's own words.
Until 2026-11-29 Home Depot's, IBM's and Walmart's 2009 labels taught the mapper while
their 2025 filings were measured as held out, and Johnson & Johnson's 2025 labels while
its 2009 lines were.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from converter.extraction.labels import clean_label
from converter.taxonomy.index import load_label_table
from converter.taxonomy.ixbrl_labels import is_held_out_ixbrl
from converter.text import normalize_label

HOLD_OUT_FOLDS = 5
MODERN_WEIGHT = 20


def is_held_out(cik: str) -> bool:
    """One company in five (by a stable hash of its CIK) is kept for measurement."""
    return zlib.crc32(cik.lstrip("0").encode()) % HOLD_OUT_FOLDS == 0


def kept_for_measurement(cik: str, inline: bool) -> bool:
    """A company the mapper must not learn from: the data sets' held-out fold and, for a
    company of the Inline XBRL corpus (``inline``), that corpus's held-out half too."""
    return is_held_out(cik) or (inline and is_held_out_ixbrl(cik))


def build_label_table(rows: Iterable[tuple[str, str, str, str]],
                      modern: Iterable[tuple[str, str, str, str]] = ()) -> dict[str, Any]:
    """Count label -> (concept, statement) uses.  A use from a current Inline XBRL filing
    counts ``MODERN_WEIGHT`` times a 2009 one: the taxonomy has moved on since 2009
    (``InterestExpenseNonoperating``, ``ContractWithCustomerLiability`` ...)."""
    modern = list(modern)
    inline = {cik.lstrip("0") for cik, *_ in modern}
    counts: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for weight, source in ((1, rows), (MODERN_WEIGHT, modern)):
        for cik, stmt, label, concept in source:
            if kept_for_measurement(cik, cik.lstrip("0") in inline):
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
    withheld = sorted(cik for cik in inline if kept_for_measurement(cik, True) and not is_held_out(cik))
    return {"format": 1, "holdOut": f"crc32(cik) % {HOLD_OUT_FOLDS} == 0", "withheld": withheld, "labels": labels}


def withheld_ciks(folder: Path | None = None) -> frozenset[str]:
    """The companies outside the data sets' held-out fold that the table was not built from
    all the same (held out of the Inline XBRL measurement): not a learned company either."""
    return frozenset(load_label_table(folder).get("withheld", ()))
