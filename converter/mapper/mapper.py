"""Choose a US-GAAP concept for every line item and every number inside a label.

No table of known labels: each candidate concept is scored from the taxonomy and from
what filers called it, under hard constraints (period type, item type, current
taxonomy).  The signals, all explained in the mapping report:

* label similarity to the concept's standard and other labels and to filer labels,
  with the section a row sits in ("Current Assets") added as context;
* how often filers used exactly this label for the concept (SEC data sets);
* whether the concept belongs in this kind of statement (2025 statement linkbases);
* whether its metadata is official or only inferred;
* afterwards, whether the statement's totals add up with the chosen concepts and the
  taxonomy's weights (``calculations.py``).

A user mapping file overrides any choice.  Where nothing scores well enough, an
extension concept is proposed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from converter.mapper.cashflow import concept_activity, row_activity
from converter.mapper.evidence import Evidence, load_evidence
from converter.mapper.signs import apply_signs, natural_balance
from converter.mapper.similarity import similarity, tokens
from converter.model.mapping import (
    ExtensionConcept,
    MappedEmbedded,
    MappedItem,
    MappedStatement,
    Mapping,
)
from converter.model.statements import EmbeddedFact, LineItem, Statement
from converter.taxonomy.index import Concept
from converter.text import normalize_label

EXTENSION_THRESHOLD = 0.35
KIND_TYPES = {
    "monetary": ("xbrli:monetaryItemType",),
    "shares": ("xbrli:sharesItemType",),
    "perShare": ("dtr-types:perShareItemType",),
}
INCOME_STATEMENT_LOCATION_AXIS = "us-gaap:IncomeStatementLocationAxis"
QUALIFIERS = ("basic", "diluted", "current", "noncurrent")
_SECTION_CONTEXT = re.compile(r"\b(current|non-?current|long-term|nonoperating)\b", re.I)
# rows below operating income are nonoperating; results and taxes are not "other income"
_OPERATING_RESULT = re.compile(r"(income|loss|earnings)\s+from\s+operations|operating\s+(income|loss|profit)", re.I)
_EQUITY = re.compile(r"equity|stockholders|shareholders|deficit|capital", re.I)
_RESULT_LINE = re.compile(r"before|tax|net\s+(income|loss|earnings)|per share", re.I)


@dataclass(frozen=True)
class Query:
    """A label's words, alone and with its section's context words, ready to compare."""

    toks: tuple[str, ...]
    context: tuple[str, ...]
    plain: frozenset[str]
    full: frozenset[str]
    plain_total: float
    full_total: float


@dataclass
class Scored:
    qname: str
    score: float
    reasons: list[str]


class Mapper:
    def __init__(self, overrides: dict[str, str] | None = None, evidence: Evidence | None = None) -> None:
        self.evidence = evidence or load_evidence()
        self.index = self.evidence.index
        self.overrides = {normalize_label(k): v for k, v in (overrides or {}).items()}

    # -- line items ------------------------------------------------------------
    def map_statement(self, statement: Statement) -> MappedStatement:
        mapped = [MappedItem(item, None) for item in statement.items]
        ranked: dict[int, list[Scored]] = {}
        diluted: dict[int, list[Scored]] = {}
        for i, (item, sections) in enumerate(zip(statement.items, _positional_context(statement), strict=True)):
            if item.is_header:
                continue
            period = "instant" if item.balance_at else None
            split = basic_and_diluted(item.label)
            label = split[0] if split else item.label
            ranked[i] = self.rank(label, item.kind, statement.kind, sections, item.is_total, period=period)
            if split:
                diluted[i] = self.rank(split[1], item.kind, statement.kind, sections, item.is_total, period=period)
        self._assign(statement, mapped, ranked)
        for i, options in diluted.items():
            self._also_diluted(mapped[i], options)
        apply_signs(statement.kind, mapped, self.index)
        embedded = [
            MappedEmbedded(fact, item.item, self.map_embedded(
                fact, item.item, statement, item.mapping.concept if item.mapping else None))
            for item in mapped
            for fact in item.item.embedded
        ]
        return MappedStatement(statement, mapped, embedded)

    @staticmethod
    def _also_diluted(item: MappedItem, options: list[Scored]) -> None:
        """A "basic and diluted" row is both: the diluted concept carries the same values."""
        mapping = item.mapping
        if mapping is None or mapping.is_extension or not options or options[0].score < EXTENSION_THRESHOLD:
            return
        if options[0].qname != mapping.concept:
            mapping.also.append(options[0].qname)
            mapping.reason += f"; the row is basic and diluted: also {options[0].qname}"

    def rank(self, label: str, kind: str, statement_kind: str, sections: tuple[str, ...] = (),
             is_total: bool = False, limit: int = 5, period: str | None = None) -> list[Scored]:
        toks = tokens(label)
        context = self._section_tokens(label, sections)
        exact = self.evidence.exact_filer_uses(label)
        exact_total = sum(n for _, _, n in exact)
        candidates = self.evidence.candidates(toks + context) | {q for q, _, _ in exact}
        scored: list[Scored] = []
        period = period or ("instant" if statement_kind == "BS" else "duration")
        w = self.evidence.weights
        plain, full = frozenset(toks), frozenset(toks + context)
        query = Query(toks, context, plain, full, w.total(plain), w.total(full))
        for qname in candidates:
            concept = self.index[qname]
            if concept.type not in KIND_TYPES[kind] or concept.period_type != period:
                continue
            score, reasons = self._score(concept, query, exact, exact_total, statement_kind, is_total)
            scored.append(Scored(qname, score, reasons))
        if statement_kind == "CF":
            scored = self._within_activity(scored, label, sections)
        scored.sort(key=lambda s: (-s.score, s.qname))
        return scored[:limit]

    def _within_activity(self, scored: list[Scored], label: str, sections: tuple[str, ...]) -> list[Scored]:
        """A concept that rolls up to another activity's net cash than the row's section
        names is halved ("Other" under financing is not other operating income)."""
        activity = row_activity(label, sections)
        if activity is None:
            return scored
        kept = []
        for s in scored:
            theirs = concept_activity(s.qname, self.index)
            if theirs is not None and theirs != activity:
                s = Scored(s.qname, s.score * 0.5, [*s.reasons, f"a {theirs} cash flow, but the row is {activity}"])
            kept.append(s)
        return kept

    def _section_tokens(self, label: str, sections: tuple[str, ...]) -> tuple[str, ...]:
        """'current' / 'noncurrent' from the section when the label itself does not say."""
        if _SECTION_CONTEXT.search(label):
            return ()
        for section in reversed(sections):
            m = _SECTION_CONTEXT.search(section)
            if m:
                return tokens(m.group(1))
        return ()

    def _score(self, concept: Concept, q: Query, exact: list[tuple[str, str, int]], exact_total: int,
               statement_kind: str, is_total: bool) -> tuple[float, list[str]]:
        reasons: list[str] = []
        w = self.evidence.weights
        best, best_ev = 0.0, None
        toks, context, plain, full = q.toks, q.context, q.plain, q.full
        plain_total, full_total = q.plain_total, q.full_total
        for ev, ev_set, ev_total in self.evidence.prepared.get(concept.qname, []):
            s = similarity(plain, ev_set, w, plain_total, ev_total)
            if context:
                s = max(s, similarity(full, ev_set, w, full_total, ev_total))
            if s > best:
                best, best_ev = s, ev
        standard = similarity(full, self.evidence.standard_tokens(concept.qname), w, full_total)
        score = 0.5 * best + 0.15 * standard
        if best_ev is not None:
            reasons.append(f"label matches {best_ev.source} '{best_ev.text}' ({best:.2f})")
        name_words = self.evidence.name_tokens(concept.qname)
        standard_words = self.evidence.standard_tokens(concept.qname)
        if full in (name_words, standard_words):
            score += 0.25
            reasons.append("the label says exactly what the concept's name or standard label says")
        elif context and plain in (name_words, standard_words):
            score += 0.15
            reasons.append("the label alone says exactly what the concept's name says")
        for qualifier in QUALIFIERS:
            in_query = qualifier in toks
            in_name = qualifier in name_words
            if in_query != in_name and (in_query or qualifier not in context):
                score -= 0.25
                reasons.append(f"'{qualifier}' is in the {'label' if in_query else 'concept'} only")
        uses = sum(n if stmt == statement_kind else n * 0.3 for q, stmt, n in exact if q == concept.qname)
        if uses and exact_total:
            share = uses / exact_total
            strength = min(1.0, math.log1p(exact_total) / math.log(20))
            score += 0.3 * share * strength
            reasons.append(f"filers used this exact label for it {int(uses)} of {exact_total} times")
        if concept.statements:
            if statement_kind in concept.statements:
                score += 0.08
                reasons.append(f"appears in the US-GAAP {statement_kind} statement linkbases")
            else:
                score -= 0.12
                reasons.append(f"belongs to {'/'.join(concept.statements)} statements, not {statement_kind}")
        if "periodType" in concept.inferred:
            score -= 0.04
            reasons.append(f"period type inferred ({concept.inferred['periodType']})")
        if "balance" in concept.inferred:
            score -= 0.02
            reasons.append(f"balance inferred ({concept.inferred['balance']})")
        if is_total and concept.qname in self.index.calc_children:
            score += 0.03
            reasons.append("a total in the taxonomy's calculations")
        return score, reasons

    def _assign(self, statement: Statement, mapped: list[MappedItem], ranked: dict[int, list[Scored]]) -> None:
        """Best-first assignment so that no concept is used twice in one statement (except
        for a balance shown at both the start and the end of a flow statement's periods)."""
        taken: set[str] = set()
        order = sorted(ranked, key=lambda i: -(ranked[i][0].score if ranked[i] else 0))
        for i in order:
            item = mapped[i].item
            slot = f"@{item.balance_at}" if item.balance_at else ""
            override = self.overrides.get(normalize_label(item.label)) or self.overrides.get(
                normalize_label(f"{statement.kind}:{item.label}"))
            if override:
                mapped[i].mapping = Mapping(override, 1.0, "user mapping file")
                taken.add(override + slot)
                continue
            options = [s for s in ranked[i] if s.qname + slot not in taken]
            if options and options[0].score >= EXTENSION_THRESHOLD:
                best = options[0]
                taken.add(best.qname + slot)
                mapped[i].mapping = Mapping(
                    best.qname, round(min(best.score, 1.0), 3), "; ".join(best.reasons),
                    [(s.qname, round(s.score, 3)) for s in options[1:4]],
                )
            else:
                mapping = self._extension(item, statement, options, taken)
                taken.add(mapping.concept)
                mapped[i].mapping = mapping

    def _extension(self, item: LineItem, statement: Statement, options: list[Scored],
                   taken: set[str]) -> Mapping:
        words = re.findall(r"[A-Za-z0-9]+", item.label)
        if len(words) < 2 and item.sections:  # "Total", "Other": say of what
            words = re.findall(r"[A-Za-z0-9]+", f"{item.label} {item.sections[-1]}")
        base = "".join(w.capitalize() for w in words)[:120]
        if base[:1].isdigit() or not base:
            base = "Item" + base
        name, n = base, 1
        while f"ext:{name}" in taken:  # one concept per line of a statement
            n += 1
            name = f"{base}{n}"
        period = "instant" if statement.kind == "BS" or item.balance_at else "duration"
        type_ = KIND_TYPES[item.kind][0] if item.kind != "perShare" else "xbrli:decimalItemType"
        balance = None
        if item.kind == "monetary":
            balance = natural_balance(statement.kind, item, False)
            if statement.kind == "IS" and re.search(r"expense|cost|loss", item.label, re.I):
                balance = "debit"
        ext = ExtensionConcept(name, type_, period, balance, item.label)
        best = options[0] if options else None
        why = "no standard concept fits well enough"
        if best is not None:
            why += f" (best: {best.qname} at {best.score:.2f})"
        return Mapping(f"ext:{name}", round(best.score, 3) if best else 0.0, why,
                       [(s.qname, round(s.score, 3)) for s in options[:3]], extension=ext)

    # -- numbers inside labels --------------------------------------------------
    def map_embedded(self, fact: EmbeddedFact, parent: LineItem, statement: Statement,
                     parent_concept: str | None = None) -> Mapping:
        role = fact.role
        included = role.startswith("included ")
        # an amount "included" in a line item is an allocation of an expense to that line
        subject = re.sub(r",?\s*\bnet\b", "", fact.subject)
        query = f"allocated {role[len('included '):]} expense" if included else f"{subject} {role}"
        period_kind = "BS" if fact.period.is_instant else statement.kind
        ranked = [s for s in self.rank(query, fact.kind, period_kind, parent.sections, limit=8)
                  if parent_concept is None or s.qname != parent_concept]
        if not ranked:
            return Mapping("", 0.0, f"no concept for '{query}'")
        best = ranked[0]
        mapping = Mapping(best.qname, round(min(best.score, 1.0), 3),
                          f"'{fact.text}' read as {role} of {fact.subject or parent.label}; "
                          + "; ".join(best.reasons),
                          [(s.qname, round(s.score, 3)) for s in ranked[1:4]])
        if included and statement.kind in ("IS", "CI"):
            member = self._location_member(parent.label)
            if member:
                mapping.dimensions[INCOME_STATEMENT_LOCATION_AXIS] = member
                mapping.reason += f"; located in '{parent.label}' ({member})"
        return mapping

    def _location_member(self, label: str) -> str | None:
        """The IncomeStatementLocationAxis member whose name best matches a line item."""
        members = self.index.axis_members.get(INCOME_STATEMENT_LOCATION_AXIS, [])
        toks = tokens(label)
        best, best_score = None, 0.0
        for qname in members:
            if qname.endswith("Domain"):
                continue
            words = re.sub(r"Member\d*$", "", qname.split(":")[1])
            score = similarity(toks, tokens(re.sub(r"(?<!^)(?=[A-Z])", " ", words)),
                               self.evidence.weights)
            if score > best_score:
                best, best_score = qname, score
        return best if best_score >= 0.3 else None


_BASIC_AND_DILUTED = re.compile(r"\bbasic\s*(?:and|&|/)\s*diluted\b", re.I)


def basic_and_diluted(label: str) -> tuple[str, str] | None:
    """("... basic", "... diluted") for a label that reports both with one number."""
    if not _BASIC_AND_DILUTED.search(label):
        return None
    return _BASIC_AND_DILUTED.sub("basic", label), _BASIC_AND_DILUTED.sub("diluted", label)


def _positional_context(statement: Statement) -> list[tuple[str, ...]]:
    """Each row's sections, plus what its position says that its label may not: rows
    below operating income are nonoperating; balance-sheet rows below a "Total current
    ..." line (outside equity) are noncurrent."""
    out: list[tuple[str, ...]] = []
    below_operating = after_current_total = False
    for item in statement.items:
        sections = item.sections
        if below_operating and item.kind == "monetary" and not _RESULT_LINE.search(item.label):
            sections = (*sections, "nonoperating")
        subsection = sections[-1] if len(sections) > 1 else ""
        if statement.kind == "BS" and after_current_total and not item.is_total \
                and not _EQUITY.search(subsection):
            sections = (*sections, "noncurrent")
        if statement.kind == "BS" and item.is_total:
            after_current_total = bool(re.search(r"\bcurrent\b", item.label, re.I))
        if statement.kind == "IS" and _OPERATING_RESULT.search(item.label):
            below_operating = True
        out.append(sections)
    return out


__all__ = ["Mapper"]
