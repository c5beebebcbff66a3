"""The mapping report's entries, from the mapped statements (see ``model/report.py``)."""

from __future__ import annotations

from collections.abc import Callable

from converter.model.mapping import MappedStatement, Mapping
from converter.model.report import (
    Alternative,
    CalculationEntry,
    EmbeddedEntry,
    LineEntry,
    MappingReport,
    StatementEntry,
)


def mapping_report(statements: list[MappedStatement], concept_name: Callable[[Mapping], str]) -> MappingReport:
    """Every line item and every number in a label: its concept, confidence, alternatives,
    reason and sign; and per statement its periods, scale, table quality and calculations."""
    report = MappingReport()
    for ms in statements:
        kind = ms.statement.kind
        for mi in ms.items:
            m = mi.mapping
            if m is None:
                continue
            report.items.append(LineEntry(
                kind, mi.item.line, mi.item.raw_label, concept_name(m) if m.concept else None, m.is_extension,
                m.confidence, _alternatives(m), m.reason, m.sign, m.sign_reason,
                [v.text if v else None for v in mi.item.values]))
        for me in ms.embedded:
            m = me.mapping
            report.items.append(EmbeddedEntry(
                kind, me.parent.line, me.fact.text, me.parent.raw_label, m.concept or None, m.dimensions,
                me.fact.period.key, m.confidence, _alternatives(m), m.reason, me.fact.amount.text))
        report.statements.append(StatementEntry(
            kind, ms.statement.title, ms.statement.line, ms.statement.scale_text or "units as printed",
            [p.key for p in ms.statement.periods], ms.statement.report,
            [CalculationEntry(ms.items[c.total].item.label, [(ms.items[i].item.label, w) for i, w in c.children],
                              c.checked_periods) for c in ms.calculations],
            ms.unbalanced))
    return report


def _alternatives(m: Mapping) -> list[Alternative]:
    return [Alternative(q, s) for q, s in m.alternatives]
