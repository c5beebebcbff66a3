"""Statements plus mappings become one XBRL model: contexts, units, facts, extension
concepts, labels, and presentation, calculation and definition relationships per
statement role.

Every printed number becomes a fact or a ``LeftOut`` entry with its reason.  Values are
scaled exactly (Decimal), signed by the mapper's sign decision, and carry ``decimals``
that say how precisely they were printed (thousands: -3; EPS to the cent: 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from converter.builder.report import mapping_report
from converter.limits import DEFAULT_LIMITS, Limits
from converter.mapper.breakdowns import KNOWN_DOMAINS
from converter.mapper.calculations import xbrl_values
from converter.mapper.components import OUTSIDE
from converter.model.mapping import MappedItem, MappedStatement, Mapping, Member
from converter.model.statements import Amount, CoverData, LeftOut, Period, Statement, StatementKind
from converter.model.xbrl import (
    Arc,
    Context,
    ExtensionElement,
    Fact,
    Label,
    Role,
    ShownCell,
    ShownRow,
    ShownTable,
    Unit,
    XbrlModel,
)
from converter.taxonomy.index import ConceptIndex
from converter.taxonomy.namespaces import EQUITY_AXIS
from converter.text import ascii_text

ROLE_LABEL = "http://www.xbrl.org/2003/role/label"
ROLE_TERSE = "http://www.xbrl.org/2003/role/terseLabel"
ROLE_TOTAL = "http://www.xbrl.org/2003/role/totalLabel"
ROLE_NEGATED = "http://www.xbrl.org/2009/role/negatedLabel"
ROLE_PERIOD_START = "http://www.xbrl.org/2003/role/periodStartLabel"
ROLE_PERIOD_END = "http://www.xbrl.org/2003/role/periodEndLabel"
ROLE_NEGATED_TOTAL = "http://www.xbrl.org/2009/role/negatedTotalLabel"
STATEMENT_NAMES = {
    "BS": ("BalanceSheet", "Statement - Balance Sheet"),
    "IS": ("IncomeStatement", "Statement - Statement of Operations"),
    "CI": ("ComprehensiveIncome", "Statement - Statement of Comprehensive Income"),
    "CF": ("CashFlow", "Statement - Statement of Cash Flows"),
    "EQ": ("StockholdersEquity", "Statement - Statement of Stockholders' Equity"),
}
STANDARD_PREFIXES = ("us-gaap", "dei", "srt")  # an extension never copies a name of these
UNIT_FOR_KIND = {"monetary": "usd", "shares": "shares", "perShare": "usdPerShare"}
DEI_ORDER = (
    "DocumentType", "DocumentAnnualReport", "DocumentQuarterlyReport", "DocumentTransitionReport",
    "AmendmentFlag", "DocumentPeriodEndDate", "DocumentFiscalYearFocus", "DocumentFiscalPeriodFocus",
    "CurrentFiscalYearEndDate", "EntityRegistrantName", "EntityCentralIndexKey",
    "EntityIncorporationStateCountryCode", "EntityFileNumber", "EntityTaxIdentificationNumber",
    "EntityAddressAddressLine1", "EntityAddressCityOrTown", "EntityAddressStateOrProvince",
    "EntityAddressPostalZipCode", "CityAreaCode", "LocalPhoneNumber", "Security12bTitle", "TradingSymbol",
    "SecurityExchangeName", "EntityWellKnownSeasonedIssuer", "EntityVoluntaryFilers",
    "EntityCurrentReportingStatus", "EntityInteractiveDataCurrent", "EntityFilerCategory", "EntitySmallBusiness",
    "EntityEmergingGrowthCompany", "EntityShellCompany", "IcfrAuditorAttestationFlag",
    "DocumentFinStmtErrorCorrectionFlag", "AuditorName", "AuditorLocation", "AuditorFirmId", "WrittenCommunications",
    "SolicitingMaterial", "PreCommencementTenderOffer", "PreCommencementIssuerTenderOffer",
)


def _present(role: Role, arc: Arc) -> None:
    """A presentation arc, unless the role already presents that child under that parent
    with that label (a concept that two rows of an equity statement share)."""
    if not any(a.parent == arc.parent and a.child == arc.child and a.preferred_label == arc.preferred_label
               for a in role.presentation):
        role.presentation.append(arc)


def _column_headings(st: Statement) -> list[str]:
    """What each column of a statement shows: its period as printed, and its component."""
    out = []
    for k, period in enumerate(st.periods):
        text = period.label or period.key
        if st.components:
            text = f"{st.components[k]} ({text})"
        out.append(text)
    return out


def _balance_period(period: Period, balance_at: str | None) -> Period:
    """A balance in a flow statement is an instant: the day before the period starts, or
    the day it ends."""
    if balance_at is None or period.start is None:
        return period
    if balance_at == "start":
        return Period(end=period.start - timedelta(days=1))
    return Period(end=period.end)


@dataclass
class BuildOutcome:
    model: XbrlModel
    left_out: list[LeftOut] = field(default_factory=list)


class Builder:
    def __init__(self, index: ConceptIndex, cik: str, cover: CoverData, limits: Limits = DEFAULT_LIMITS) -> None:
        self.index = index
        self.limits = limits
        self.cik = cik
        self.cover = cover
        self.left_out: list[LeftOut] = []
        self._fact_keys: dict[tuple[str, str], Fact] = {}
        self._labels_taken: set[str] = set()

    # -- entry point -------------------------------------------------------------
    def build(self, statements: list[MappedStatement]) -> BuildOutcome:
        end = max(p.end for ms in statements for p in ms.statement.periods)
        prefix = self._prefix()
        stem = f"{prefix}-{end:%Y%m%d}"
        base = f"http://{self.cover.website}" if self.cover.website else f"http://{prefix}.example"
        model = XbrlModel(prefix=prefix, namespace=f"{base}/{end:%Y%m%d}", stem=stem, cik=self.cik)
        self.model = model
        self._units()
        # the equity statement's total column repeats figures of the other statements: where
        # its row chose another meaning for a concept, the other statement's fact stands
        numbered = list(enumerate(statements, start=1))
        for n, ms in sorted(numbered, key=lambda pair: pair[1].statement.kind == StatementKind.EQ):
            self._statement(ms, n)
        model.roles.sort(key=lambda role: role.definition)
        model.tables.sort(key=lambda table: table.order)  # a statement's details stay after it
        self._dei(statements)
        model.report = mapping_report(statements, self.concept_name)
        model.report.calculations_left_out = self._check_calculations()
        return BuildOutcome(model, self.left_out)

    def _check_calculations(self) -> list[str]:
        """Keep only calculation relationships that the facts in the model satisfy.

        A total can add up in its own table and still not in the model, where a concept's
        fact for a period may have come from another table (the first one wins).  Such a
        total's relationships are dropped and reported, so that the package never shows an
        inconsistency the filing does not have."""
        values: dict[tuple[str, str], Decimal] = {
            (f.concept, f.context): Decimal(f.value)
            for f in self.model.facts if f.value is not None and f.unit is not None
        }
        contexts = list(self.model.contexts.values())  # a sum holds in every context, with dimensions too
        dropped = []
        for role in self.model.roles:
            by_total: dict[str, list[Arc]] = {}
            for arc in role.calculation:
                by_total.setdefault(arc.parent, []).append(arc)
            keep: list[Arc] = []
            for total, arcs in by_total.items():
                consistent = True
                for ctx in contexts:
                    if (total, ctx.id) not in values:
                        continue
                    parts = [(a.weight or 1.0, values.get((a.child, ctx.id))) for a in arcs]
                    present = [(w, v) for w, v in parts if v is not None]
                    if present and sum((Decimal(w) * v for w, v in present), Decimal(0)) != values[(total, ctx.id)]:
                        consistent = False
                        break
                if consistent:
                    keep.extend(arcs)
                else:
                    dropped.append(f"{role.id}: {total} (its components' facts for {ctx.id} come from other tables)")
            role.calculation = keep
        return dropped

    def _prefix(self) -> str:
        """The company namespace's prefix: its trading symbol, as filers name it, else the
        registrant's initials."""
        ticker = str(self.cover.fields.get("TradingSymbol") or self.cover.ticker or "").lower()
        if re.fullmatch(r"[a-z]{1,5}", ticker):
            return ticker
        name = str(self.cover.fields.get("EntityRegistrantName", ""))
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).lower()[:4]
        return initials if len(initials) >= 2 else "co"

    def _units(self) -> None:
        for unit in (Unit("usd", "iso4217:USD"), Unit("shares", "xbrli:shares"),
                     Unit("usdPerShare", "iso4217:USD", "xbrli:shares")):
            self.model.units[unit.id] = unit

    def context(self, period: Period, dims: dict[str, str] | None = None) -> str:
        dims_t = tuple(sorted((dims or {}).items()))
        if period.is_instant:
            cid = f"i{period.end:%Y%m%d}"
        else:
            assert period.start is not None
            cid = f"d{period.start:%Y%m%d}-{period.end:%Y%m%d}"
        for _, member in dims_t:
            cid += "_" + member.split(":")[1]
        self.model.contexts.setdefault(cid, Context(cid, Period(period.end, period.start), dims_t))
        return cid

    # -- concepts ----------------------------------------------------------------
    def concept_name(self, mapping: Mapping) -> str:
        """The concept's QName; an extension is declared on first use.  Two statements may
        propose the same name for different things (an instant and a flow): the second
        gets a suffix, so one name never carries two declarations."""
        if mapping.extension is None:
            return mapping.concept
        ext = mapping.extension
        element = ExtensionElement(ext.name, ext.type, ext.period_type, ext.balance)
        name, n = ext.name, 1
        while True:
            same = [e for e in self.model.extensions if e.name == name]
            if not same:
                self.model.extensions.append(ExtensionElement(name, ext.type, ext.period_type, ext.balance))
                self._own_label(f"{self.model.prefix}:{name}", ext.label)
                return f"{self.model.prefix}:{name}"
            if same[0] == ExtensionElement(name, element.type, element.period_type, element.balance):
                return f"{self.model.prefix}:{name}"
            n += 1
            name = f"{ext.name}{'Duration' if ext.period_type == 'duration' else 'Instant'}{'' if n == 2 else n}"

    def abstract(self, name: str, label: str) -> str:
        """A heading of the presentation: the standard abstract of that name where there is
        one (EDGAR rejects an extension that copies a standard name), else the company's own."""
        name = re.sub(r"[^A-Za-z0-9_]", "", name)
        if not name[:1].isalpha():
            name = f"Heading{name}"
        standard = next((c for p in STANDARD_PREFIXES if (c := self.index.get(f"{p}:{name}")) is not None), None)
        if standard is not None and standard.abstract:
            return standard.qname
        if standard is not None:
            name = f"{name}Heading"
        qname = f"{self.model.prefix}:{name}"
        if all(e.name != name for e in self.model.extensions):
            self.model.extensions.append(ExtensionElement(name, "xbrli:stringItemType", "duration",
                                                          abstract=True))
            self._own_label(qname, label)
        return qname

    def label(self, concept: str, role: str, text: str) -> None:
        """One label per concept and role: the first line that uses it names it."""
        if not any(x.concept == concept and x.role == role for x in self.model.labels):
            self.model.labels.append(Label(concept, role, ascii_text(text)))

    def _own_label(self, qname: str, text: str) -> None:
        """The standard label of a company element: ASCII, and unique (EDGAR rejects two
        elements with one standard label, a US-GAAP element's included)."""
        base = ascii_text(text) or qname.split(":", 1)[1]
        candidate, n = base, 1
        while candidate in self._labels_taken or candidate.lower() in self.index.standard_labels:
            n += 1
            candidate = f"{base} ({n})"
        self._labels_taken.add(candidate)
        self.model.labels.append(Label(qname, ROLE_LABEL, candidate))

    # -- facts ---------------------------------------------------------------------
    def add_fact(self, fact: Fact) -> Fact | None:
        """Add a fact and return the model's fact for its concept and context (an equal one
        written before stands); None when that concept and context hold another value."""
        key = (fact.concept, fact.context)
        seen = self._fact_keys.get(key)
        if seen is not None:
            if seen.value != fact.value:
                self.left_out.append(LeftOut(fact.value or "nil", f"{fact.concept} already has {seen.value} "
                                             f"for this period ({seen.source})", fact.line, fact.statement))
                return None
            return seen
        self._fact_keys[key] = fact
        self.model.facts.append(fact)
        return fact

    @staticmethod
    def number(value: Decimal, power: int) -> str:
        scaled = value.scaleb(power)
        text = format(scaled, "f")
        if "." in text and power > 0:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    @staticmethod
    def decimals(amount: Amount, power: int) -> str:
        return str(amount.decimals_shown - power)

    # -- statements ----------------------------------------------------------------
    def _statement(self, ms: MappedStatement, n: int) -> None:
        st = ms.statement
        name, definition = STATEMENT_NAMES[st.kind]
        if st.parenthetical:
            name, definition = f"{name}Parenthetical", f"{definition} (Parenthetical)"
        role_id = name if n == 1 or all(r.id != name for r in self.model.roles) else f"{name}{n}"
        role = Role(role_id, f"{self.model.namespace}/role/{role_id}",
                    f"{n:02d}0000 - {definition}")
        self.model.roles.append(role)
        root = self.abstract(f"{name}Abstract", st.title.title() or definition)
        members = [self.member_name(m) if m is not None else None for m in ms.members]  # OUTSIDE: ""
        row_members = [self.member_name(m) if m is not None else None for m in ms.item_members]
        by_component = any(members) or any(row_members)
        if by_component:  # the statement's rows sit under line items beside the components table
            top = root
            root = self.abstract(f"{role_id}LineItems", f"{st.title.title() or definition} line items")
        dimensional: list[tuple[str, str, str]] = []
        totals = {c.total for c in ms.calculations}
        parents: list[tuple[str, str]] = []  # (section name, abstract qname)
        order = 0
        qnames: dict[int, str] = {}
        conflicted: set[str] = set()  # concepts whose numbers here lost to another table's
        shown = ShownTable(st.title or definition, st.scale_text, _column_headings(st), order=n)
        self.model.tables.append(shown)
        for i, mi in enumerate(ms.items):
            item = mi.item
            depth = len(item.sections)
            while len(parents) > depth:
                parents.pop()
            parent = parents[-1][1] if parents else root
            order += 1
            if mi.mapping is None:
                words = "".join(w.capitalize() for w in re.findall(r"[A-Za-z0-9]+", item.label))
                qname = self.abstract(f"{words}Abstract", item.label)
                role.presentation.append(Arc(parent, qname, order))
                parents.append((item.label, qname))
                shown.rows.append(ShownRow(item.raw_label, depth, True))
                continue
            if not mi.mapping.concept:
                self._leave_out(item.values, item.label, "no concept could be chosen", st.kind, item.line)
                shown.rows.append(ShownRow(item.raw_label, depth, False,
                                           [ShownCell(a.text) if a else None for a in item.values]))
                continue
            qname = self.concept_name(mi.mapping)
            qnames[i] = qname
            if mi.mapping.dimensions and not by_component:
                # a part of a total by product or service: its facts are presented in the
                # statement's details role, under their member (here the concept would show
                # the total's figures on the part's line)
                cells, _ = self._row_facts(st, mi, qname, [None] * len(st.periods), dimensional)
                shown.rows.append(ShownRow(item.raw_label, depth, False, cells))
                continue
            negated = mi.mapping.sign < 0
            is_total = i in totals
            pref = (ROLE_NEGATED_TOTAL if negated else ROLE_TOTAL) if is_total else (
                ROLE_NEGATED if negated else ROLE_TERSE)
            if item.balance_at:
                pref = ROLE_PERIOD_START if item.balance_at == "start" else ROLE_PERIOD_END
            self.label(qname, pref, item.label)
            _present(role, Arc(parent, qname, order, preferred_label=pref))
            for other in mi.mapping.also:
                order += 1
                self.label(other, pref, item.label)
                _present(role, Arc(parent, other, order, preferred_label=pref))
            column_members = members or [row_members[i] if row_members else None] * len(st.periods)
            cells, lost = self._row_facts(st, mi, qname, column_members, dimensional)
            if lost:
                conflicted.add(qname)
            shown.rows.append(ShownRow(item.raw_label, depth, False, cells))
        seen_pairs: set[tuple[str, str]] = set()
        for calc in ms.calculations:
            for k, (child, weight) in enumerate(calc.children, start=1):
                if calc.total not in qnames or child not in qnames:
                    continue
                pair = (qnames[calc.total], qnames[child])
                if pair[0] == pair[1] or pair in seen_pairs or conflicted & set(pair):
                    continue  # never a cycle, a duplicate, or a sum over another table's numbers
                seen_pairs.add(pair)
                role.calculation.append(Arc(pair[0], pair[1], k, weight=weight))
        if by_component:
            concepts = list(dict.fromkeys(qnames.values()))
            table, _ = self._hypercube(role, role_id, [(c, EQUITY_AXIS, m) for c in concepts
                                                       for m in dict.fromkeys([*members, *row_members]) if m]
                                       + dimensional, line_items=root)
            role.presentation.append(Arc(top, table, 1))
            role.presentation.append(Arc(table, root, 2))
        elif dimensional:  # the parts of a total by product or service, valid in a details role
            self._dimensional_role(role, list(dict.fromkeys(dimensional)))
        self._embedded(ms, role, n)

    def _row_facts(self, st: Statement, mi: MappedItem, qname: str, members: Sequence[str | None],
                   dimensional: list[tuple[str, str, str]]) -> tuple[list[ShownCell | None], bool]:
        """One fact per printed number of a row (two for "basic and diluted"), in the context
        of its column's period and, in an equity statement, component.  Returns the cells to
        show and whether a number lost to another table's for the same concept and period."""
        item, mapping = mi.item, mi.mapping
        assert mapping is not None
        power = st.scale_for(item.kind)
        cells: list[ShownCell | None] = []
        lost = False
        columns = zip(st.periods, item.values, xbrl_values(mi), members, strict=True)
        for period, amount, value, member in columns:
            if amount is None:
                cells.append(None)
                continue
            if member == OUTSIDE:
                self._leave_out([amount], item.label, "a column of temporary equity (redeemable), outside "
                                "stockholders' equity: not read in this version", st.kind, item.line)
                cells.append(ShownCell(amount.text))
                continue
            too_large = None if value is None else self.limits.value_problem(value.scaleb(power))
            if too_large:
                self._leave_out([amount], item.label, too_large, st.kind, item.line)
                cells.append(ShownCell(amount.text))
                continue
            dims = {EQUITY_AXIS: member} if member else {}
            dims.update(self.dimensions(mapping))  # a part of a total by product or service
            dimensional.extend((qname, axis, m) for axis, m in dims.items())
            ctx = self.context(_balance_period(period, item.balance_at), dims or None)
            number = None if value is None else self.number(value, power)
            decimals = None if value is None else self.decimals(amount, power)
            written = [self.add_fact(Fact(concept, ctx, number, UNIT_FOR_KIND[item.kind], decimals,
                                          f"line {item.line}", st.kind, item.line))
                       for concept in (qname, *mapping.also)]  # "basic and diluted": one number, two concepts
            lost = lost or written[0] is None
            cells.append(ShownCell(amount.text, tuple(f for f in written if f is not None), power)
                         if written[0] is not None else ShownCell(amount.text))
        return cells, lost

    def _leave_out(self, values: list[Amount | None], label: str, reason: str, kind: str, line: int) -> None:
        for amount in values:
            if amount is not None:
                self.left_out.append(LeftOut(amount.text, f"{label}: {reason}", line, kind))

    # -- numbers inside labels -------------------------------------------------------
    def _embedded(self, ms: MappedStatement, role: Role, order: int) -> None:
        """Facts from the numbers written in the statement's labels, presented in a
        parenthetical role and shown in a table of their own after the statement."""
        st = ms.statement
        details: ShownTable | None = None
        dimensional: list[tuple[str, str, str]] = []  # (concept, axis, member)
        parenthetical: list[str] = []
        for me in ms.embedded:
            fact, mapping = me.fact, me.mapping
            if not mapping.concept:
                self.left_out.append(LeftOut(fact.amount.text, f"'{fact.text}': {mapping.reason}", me.parent.line,
                                             st.kind))
                continue
            power = st.scale_for(fact.kind) if fact.scaled else 0
            assert fact.amount.shown is not None
            too_large = self.limits.value_problem(fact.amount.shown.scaleb(power))
            if too_large:
                self.left_out.append(LeftOut(fact.amount.text, f"'{fact.text}': {too_large}", me.parent.line,
                                             st.kind))
                continue
            ctx = self.context(fact.period, mapping.dimensions)
            written = self.add_fact(Fact(mapping.concept, ctx, self.number(fact.amount.shown * mapping.sign, power),
                                         UNIT_FOR_KIND[fact.kind], self.decimals(fact.amount, power),
                                         f"line {me.parent.line}: {fact.text}", st.kind, me.parent.line))
            if details is None:
                details = ShownTable(f"{st.title or st.kind.description} (details written in the labels)",
                                     "", ["As printed"], order=order)
                self.model.tables.append(details)
            details.rows.append(ShownRow(f"{me.parent.raw_label}: {fact.text} ({fact.period.end:%B %d, %Y})", 0,
                                         False, [ShownCell(fact.amount.text, (written,) if written else (), power)]))
            for axis, member in mapping.dimensions.items():
                dimensional.append((mapping.concept, axis, member))
            if not mapping.dimensions and mapping.concept not in parenthetical:
                parenthetical.append(mapping.concept)
        if parenthetical:
            self._parenthetical_role(role, parenthetical, ms)
        if dimensional:
            self._dimensional_role(role, dimensional)

    def _parenthetical_role(self, statement_role: Role, concepts: list[str], ms: MappedStatement) -> None:
        """The numbers written in the statement's labels, presented in a parenthetical role
        (the one a parenthetical table of the statement already made, when there is one)."""
        role_id = f"{statement_role.id}Parenthetical"
        role = next((r for r in self.model.roles if r.id == role_id), None)
        if role is None:
            role = Role(role_id, f"{statement_role.uri}Parenthetical",
                        statement_role.definition.replace("0000 - Statement - ", "0001 - Statement - ")
                        + " (Parenthetical)")
            self.model.roles.append(role)
        root = self.abstract(f"{role_id}Abstract", f"{ms.statement.title.title()} (Parenthetical)")
        shown = {arc.child for arc in role.presentation}
        for k, concept in enumerate((c for c in concepts if c not in shown), start=len(role.presentation) + 1):
            role.presentation.append(Arc(root, concept, k))

    def _dimensional_role(self, statement_role: Role, rows: list[tuple[str, str, str]]) -> None:
        """A details role whose definition arcs make the dimensional facts valid.  It sorts
        after every statement ("9" for "0" in the statement's number): EDGAR wants the
        statements first (EFM 6.7.12)."""
        base = f"{statement_role.id}Details"
        number, _, rest = statement_role.definition.partition(" - Statement - ")
        role = Role(base, f"{statement_role.uri}Details", f"9{number[1:-1]}2 - Disclosure - {rest} (Details)")
        table, line_items = self._hypercube(role, base, rows)
        role.presentation.insert(0, Arc(table, line_items, 2))
        self.model.roles.append(role)

    def _hypercube(self, role: Role, base: str, rows: list[tuple[str, str, str]],
                   line_items: str | None = None) -> tuple[str, str]:
        """Definition arcs (line items -> table -> axes -> domains -> members, line items ->
        concepts) that make dimensional facts valid, and the presentation of the axes under
        the table.  ``rows``: (concept, axis, member); ``line_items``: an abstract the role
        already presents its concepts under.  Returns (table, line items)."""
        presented = line_items is not None
        line_items = line_items or self.abstract(f"{base}LineItems", f"{base} line items")
        table = self._table(base)
        d = role.definition_arcs
        d.append(Arc(line_items, table, 1, arcrole="http://xbrl.org/int/dim/arcrole/all",
                     attributes={"xbrldt:closed": "true", "xbrldt:contextElement": "segment"}))
        axes: dict[str, list[str]] = {}
        primaries: list[str] = []
        for concept, axis, member in rows:
            axes.setdefault(axis, [])
            if member not in axes[axis]:
                axes[axis].append(member)
            if concept not in primaries:
                primaries.append(concept)
        for k, (axis, members) in enumerate(sorted(axes.items()), start=1):
            domain = self._domain_of(axis)
            d.append(Arc(table, axis, k, arcrole="http://xbrl.org/int/dim/arcrole/hypercube-dimension"))
            d.append(Arc(axis, domain, 1, arcrole="http://xbrl.org/int/dim/arcrole/dimension-domain"))
            d.append(Arc(axis, domain, 1, arcrole="http://xbrl.org/int/dim/arcrole/dimension-default"))
            role.presentation.append(Arc(table, axis, k))
            role.presentation.append(Arc(axis, domain, 1))
            for m, member in enumerate(members, start=1):
                d.append(Arc(domain, member, m, arcrole="http://xbrl.org/int/dim/arcrole/domain-member"))
                role.presentation.append(Arc(domain, member, m))
        for k, concept in enumerate(primaries, start=1):
            d.append(Arc(line_items, concept, k, arcrole="http://xbrl.org/int/dim/arcrole/domain-member"))
            if not presented:
                role.presentation.append(Arc(line_items, concept, k))
        return table, line_items

    def _table(self, base: str) -> str:
        """The company's hypercube for a role (a name US-GAAP does not use)."""
        taken = any(f"{p}:{base}Table" in self.index for p in STANDARD_PREFIXES)
        name = f"{base}DetailsTable" if taken else f"{base}Table"
        if all(e.name != name for e in self.model.extensions):
            self.model.extensions.append(ExtensionElement(name, "xbrli:stringItemType", "duration", abstract=True,
                                                          substitution_group="xbrldt:hypercubeItem"))
            self._own_label(f"{self.model.prefix}:{name}", f"{base} table")
        return f"{self.model.prefix}:{name}"

    def dimensions(self, mapping: Mapping) -> dict[str, str]:
        """The mapping's axes and members, the company's own members named and declared."""
        return {axis: self.member_name(Member(m, mapping.member_labels.get(m, m), extension=True))
                if m.startswith("ext:") else m for axis, m in mapping.dimensions.items()}

    def member_name(self, member: Member) -> str:
        """The member's QName; the company's own is declared on first use."""
        if not member.extension:
            return member.qname
        name = member.qname.split(":", 1)[1]
        qname = f"{self.model.prefix}:{name}"
        if all(e.name != name for e in self.model.extensions):
            self.model.extensions.append(ExtensionElement(name, "dtr-types:domainItemType", "duration",
                                                          abstract=True))
            self._own_label(qname, member.label)
        return qname

    def _domain_of(self, axis: str) -> str:
        if axis in KNOWN_DOMAINS:
            return KNOWN_DOMAINS[axis]
        candidate = axis[: -len("Axis")] + "Domain"
        if candidate in self.index:
            return candidate
        members = self.index.axis_members.get(axis, [])
        domains = [m for m in members if m.endswith("Domain")]
        return domains[0] if domains else self.abstract(axis.split(":")[1].replace("Axis", "Domain"), "Domain")

    # -- cover page ----------------------------------------------------------------
    def _dei(self, statements: list[MappedStatement]) -> None:
        fields = dict(self.cover.fields)
        fields.setdefault("EntityCentralIndexKey", self.cik)
        end_text = fields.get("DocumentPeriodEndDate")
        if isinstance(end_text, str):
            end = date.fromisoformat(end_text)
            # the required context spans the period reported on: the statements' longest
            # period that ends on the report date (an 8-K's is the day itself)
            spans = [p for ms in statements for p in ms.statement.periods if p.start is not None and p.end == end]
            period = max(spans, key=lambda p: p.end - (p.start or p.end)) \
                if spans and fields.get("DocumentType") != "8-K" else Period(end=end, start=end)
        else:
            latest = max((p for ms in statements for p in ms.statement.periods if not p.is_instant),
                         key=lambda p: (p.end, p.start), default=None)
            period = latest or Period(end=max(p.end for ms in statements for p in ms.statement.periods))
            if period.is_instant:
                period = Period(end=period.end, start=period.end)
        ctx = self.context(period)
        role = Role("CoverPage", f"{self.model.namespace}/role/CoverPage", "000000 - Document - Cover Page")
        root = self.abstract("CoverAbstract", "Cover page")
        for k, key in enumerate(DEI_ORDER, start=1):
            if key not in fields:
                continue
            value = fields[key]
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            written = self.add_fact(Fact(f"dei:{key}", ctx, text, source="cover page"))
            if written is not None:
                concept = self.index.get(f"dei:{key}")
                self.model.cover.append((concept.label if concept else key, written))
            role.presentation.append(Arc(root, f"dei:{key}", k))
        for k, dated in enumerate(self.cover.dated, start=len(DEI_ORDER) + 1):
            unit = UNIT_FOR_KIND[dated.kind]
            written = self.add_fact(Fact(f"dei:{dated.key}", self.context(Period(end=dated.day)),
                                         self.number(dated.value, 0), unit, str(dated.decimals), dated.text))
            if written is not None:
                concept = self.index.get(f"dei:{dated.key}")
                self.model.cover.append((concept.label if concept else dated.key, written))
            role.presentation.append(Arc(root, f"dei:{dated.key}", k))
        self.model.roles.insert(0, role)
