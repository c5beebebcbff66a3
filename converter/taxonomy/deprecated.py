"""US-GAAP concepts the taxonomy has deprecated, and when; and the accrual items that never
belong in investing or financing cash flows.

Derived from the SEC's own list (``us-gaap-deprecated-concepts.json``, public domain, shipped
with Arelle's EDGAR plug-in) by ``xbrl-converter taxonomy build --deprecated FILE`` into
``taxonomy/deprecated-concepts.json.gz``.  EDGAR rejects a 2025 filing that uses a concept
deprecated in 2025 or before (EFM 6.05.42, DQC 0018), so the mapper never chooses one.
Beside it, the SEC's ``us-gaap-rels-2025.json`` lists the accrual-based concepts (dividends
declared, share-based compensation ...) that DQC 0044 rejects in investing and financing
cash flows; the mapper takes them there only when nothing else fits.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from converter.errors import TaxonomyError
from converter.resources import data_dir, write_gz_json

DEPRECATED_FILE = "deprecated-concepts.json.gz"
TAXONOMY_YEAR = 2025


def build_deprecated(source: Path, out: Path) -> int:
    """Write the us-gaap concepts deprecated in or before the target year; returns how many."""
    raw: dict[str, str] = json.loads(source.read_text(encoding="utf-8"))
    kept = {f"us-gaap:{name}": when for name, when in sorted(raw.items())
            if when[:4].isdigit() and int(when[:4]) <= TAXONOMY_YEAR}
    data: dict[str, object] = {"source": "SEC us-gaap-deprecated-concepts.json (Arelle EDGAR plug-in resources)",
                               "taxonomyYear": TAXONOMY_YEAR, "deprecated": kept}
    rels = source.with_name(f"us-gaap-rels-{TAXONOMY_YEAR}.json")
    if rels.exists():
        accruals = json.loads(rels.read_text(encoding="utf-8")).get("accrual-items", [])
        data["accrualItemsSource"] = f"SEC {rels.name} (accrual-items)"
        data["accrualItems"] = sorted(f"us-gaap:{name}" for name in accruals)
    out.mkdir(parents=True, exist_ok=True)
    write_gz_json(out / DEPRECATED_FILE, data)
    return len(kept)


@lru_cache(maxsize=2)
def _table(folder: Path | None) -> dict[str, Any]:
    """The committed table (empty when it was never built)."""
    path = (folder or data_dir("taxonomy")) / DEPRECATED_FILE
    if not path.exists():
        return {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            table: dict[str, Any] = json.load(fh)
            return table
    except (OSError, EOFError, ValueError) as exc:  # not gzip, cut short, not JSON
        raise TaxonomyError(f"the deprecated-concept table {path} cannot be read ({type(exc).__name__}); rebuild "
                            f"it with 'xbrl-converter taxonomy build --deprecated FILE'") from None


@lru_cache(maxsize=2)
def load_deprecated(folder: Path | None = None) -> frozenset[str]:
    """The deprecated concepts' QNames."""
    return frozenset(_table(folder).get("deprecated", {}))


@lru_cache(maxsize=2)
def load_accrual_items(folder: Path | None = None) -> frozenset[str]:
    """The accrual-based concepts DQC 0044 rejects in investing and financing cash flows."""
    return frozenset(_table(folder).get("accrualItems", []))


def forget() -> None:
    """Drop what was read, after a build has rewritten the table."""
    for cached in (_table, load_deprecated, load_accrual_items):
        cached.cache_clear()
