"""The mapping report: why each line item got its concept, as JSON-ready data."""

from __future__ import annotations

from collections.abc import Callable

from converter.model.mapping import MappedStatement, Mapping


def mapping_report(statements: list[MappedStatement], concept_name: Callable[[Mapping], str]) -> dict[str, object]:
    """Every line item and every number in a label: its concept, confidence, alternatives,
    reason and sign; and per statement its periods, scale, table quality and calculations."""
    items = []
    for ms in statements:
        for mi in ms.items:
            if mi.mapping is None:
                continue
            m = mi.mapping
            items.append({
                "statement": ms.statement.kind,
                "line": mi.item.line,
                "label": mi.item.raw_label,
                "concept": concept_name(m) if m.concept else None,
                "extension": m.is_extension,
                "confidence": m.confidence,
                "alternatives": [{"concept": q, "score": s} for q, s in m.alternatives],
                "reason": m.reason,
                "sign": m.sign,
                "signReason": m.sign_reason,
                "values": [v.text if v else None for v in mi.item.values],
            })
        for me in ms.embedded:
            items.append({
                "statement": ms.statement.kind,
                "line": me.parent.line,
                "label": me.fact.text,
                "in": me.parent.raw_label,
                "concept": me.mapping.concept or None,
                "dimensions": me.mapping.dimensions,
                "period": me.fact.period.key,
                "confidence": me.mapping.confidence,
                "alternatives": [{"concept": q, "score": s} for q, s in me.mapping.alternatives],
                "reason": me.mapping.reason,
                "values": [me.fact.amount.text],
            })
    return {
        "statements": [
            {
                "kind": ms.statement.kind,
                "title": ms.statement.title,
                "line": ms.statement.line,
                "scale": ms.statement.scale_text or "units as printed",
                "periods": [p.key for p in ms.statement.periods],
                "quality": {
                    "rows": ms.statement.report.rows,
                    "valueRows": ms.statement.report.value_rows,
                    "columns": ms.statement.report.columns,
                    "warnings": ms.statement.report.warnings,
                },
                "calculations": [
                    {
                        "total": ms.items[c.total].item.label,
                        "children": [[ms.items[i].item.label, w] for i, w in c.children],
                        "periodsChecked": c.checked_periods,
                    }
                    for c in ms.calculations
                ],
                "totalsThatDoNotAddUp": ms.unbalanced,
            }
            for ms in statements
        ],
        "items": items,
    }
