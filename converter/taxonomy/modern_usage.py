"""How many companies use each US-GAAP concept today, and where.

Derived from edgartools' ``gaap-mappings`` (MIT; ``../shared/filer-labels/
edgartools-gaap-mappings.json``): for 2,924 concepts used in 2020-2025 filings, the number of
companies that used each, and the statement and section they use it in.  ``xbrl-converter
taxonomy build --modern-usage FILE`` writes ``taxonomy/modern-usage.json.gz``.

Among near-equivalent concepts (``RevenueFromContractWithCustomerExcludingAssessedTax`` and
``Revenues``, ``ContractWithCustomerLiabilityCurrent`` and ``DeferredRevenueCurrent``) the
label alone cannot choose; what filers do today can, and the mapper weighs it (a small
bonus growing with the logarithm of the count).
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path

from converter.errors import TaxonomyError
from converter.resources import data_dir, write_gz_json

USAGE_FILE = "modern-usage.json.gz"
_STATEMENTS = {"BalanceSheet": "BS", "IncomeStatement": "IS", "CashFlowStatement": "CF",
               "StatementOfEquity": "EQ", "ComprehensiveIncome": "CI"}


def build_modern_usage(source: Path, out: Path) -> int:
    """Write concept -> [companies, statement kind] for us-gaap concepts; returns how many."""
    raw = json.loads(source.read_text(encoding="utf-8"))
    usage = {f"us-gaap:{name}": [int(rec.get("company_count") or 0), _STATEMENTS.get(rec.get("statement") or "", "")]
             for name, rec in sorted(raw.items()) if isinstance(rec, dict)}
    out.mkdir(parents=True, exist_ok=True)
    write_gz_json(out / USAGE_FILE, {"source": "edgartools gaap-mappings (MIT): company_count and statement, "
                                               "filings of 2020-2025", "usage": usage})
    return len(usage)


@lru_cache(maxsize=2)
def load_modern_usage(folder: Path | None = None) -> dict[str, tuple[int, str]]:
    """concept -> (companies using it 2020-2025, the statement they use it in); empty if never built."""
    path = (folder or data_dir("taxonomy")) / USAGE_FILE
    if not path.exists():
        return {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return {k: (int(v[0]), str(v[1])) for k, v in json.load(fh)["usage"].items()}
    except (OSError, EOFError, ValueError, KeyError, IndexError) as exc:
        raise TaxonomyError(f"the modern-usage table {path} cannot be read ({type(exc).__name__}); rebuild it "
                            f"with 'xbrl-converter taxonomy build --modern-usage FILE'") from None


MOST_COMPANIES = 5000  # about the most any concept has (AdditionalPaidInCapital: 5,144)


def usage_strength(companies: int) -> float:
    """0 for a concept no modern filer uses, about 1 for the most used."""
    return min(1.0, math.log1p(companies) / math.log1p(MOST_COMPANIES))
