"""The batch's facts as one Parquet table: one row per fact, written with pyarrow.

Each filing's rows are written to a file of their own by the worker that converted it
(atomically, so a killed worker leaves none or all of them); ``consolidate`` joins them
into ``facts.parquet`` at the end of the batch, and again on a rerun, so the table always
holds every filing converted so far.  Values keep the exact decimal printed in the
instance (``value``, text) and as an exact decimal number (``amount``); dimensions are
a JSON object of axis to member.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from converter.pipeline import Result

AMOUNT_SCALE = 9  # digits after the point kept exactly (per-share amounts print at most 4)


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([
        ("filing", pa.string()), ("input", pa.string()), ("cik", pa.string()), ("form", pa.string()),
        ("concept", pa.string()), ("period_start", pa.date32()), ("period_end", pa.date32()),
        ("instant", pa.bool_()), ("dimensions", pa.string()), ("unit", pa.string()), ("value", pa.string()),
        ("amount", pa.decimal128(38, AMOUNT_SCALE)), ("decimals", pa.int32()), ("source_label", pa.string()),
        ("statement", pa.string()), ("line", pa.int32()), ("confidence", pa.float64()),
    ])


def fact_rows(result: Result, filing: str, source: str) -> list[dict[str, Any]]:
    """The rows of one converted filing."""
    model = result.model
    by_line: dict[tuple[str, int], Any] = {}
    by_concept: dict[tuple[str, int, str | None], Any] = {}
    for e in model.report.items:  # a line item, or a number written inside its label
        by_line.setdefault((e.statement, e.line), e)
        by_concept[(e.statement, e.line, e.concept)] = e
    form = model.cover_value("dei:DocumentType") or ""
    rows = []
    for fact in model.facts:
        context = model.contexts[fact.context]
        unit = model.units.get(fact.unit) if fact.unit else None
        entry = by_concept.get((fact.statement, fact.line, fact.concept)) or by_line.get((fact.statement, fact.line))
        amount = Decimal(fact.value) if unit is not None and fact.value is not None else None
        rows.append({
            "filing": filing, "input": source, "cik": model.cik, "form": form, "concept": fact.concept,
            "period_start": context.period.start, "period_end": context.period.end,
            "instant": context.period.start is None,
            "dimensions": json.dumps(dict(context.dimensions), sort_keys=True) if context.dimensions else None,
            "unit": (unit.numerator + (f"/{unit.denominator}" if unit.denominator else "")) if unit else None,
            "value": fact.value, "amount": amount,
            "decimals": int(fact.decimals) if fact.decimals not in (None, "INF") else None,
            "source_label": (getattr(entry, "label", None) or getattr(entry, "text", None)) if entry else None,
            "statement": fact.statement or None, "line": fact.line or None,
            "confidence": entry.confidence if entry is not None else None,
        })
    return rows


def write_facts(rows: list[dict[str, Any]], path: Path) -> None:
    """One filing's rows, written to a temporary name and renamed into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=_schema())
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)


def consolidate(folder: Path, dest: Path, filings: set[str] | None = None) -> int:
    """Join the per-filing files (those of ``filings``, or all) into one table; its rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted(p for p in folder.glob("*.parquet") if filings is None or p.stem in filings)
    tables = [pq.read_table(p, schema=_schema()) for p in parts]
    table = pa.concat_tables(tables) if tables else _schema().empty_table()
    tmp = dest.with_name(f".{dest.name}.tmp")
    pq.write_table(table, tmp)
    tmp.replace(dest)
    return int(table.num_rows)
