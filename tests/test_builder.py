"""The builder on its own: mapped statements in, an XBRL model out (contexts, units,
facts at their printed scale and sign, extension concepts, calculation arcs)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.builder.builder import Builder
from converter.model.mapping import ExtensionConcept, MappedItem, MappedStatement, Mapping
from converter.model.statements import Amount, CoverData, ItemKind, LineItem, Period, Statement, StatementKind
from converter.taxonomy.index import load_index

Y24 = Period(date(2024, 12, 31), date(2024, 1, 1))
Y23 = Period(date(2023, 12, 31), date(2023, 1, 1))


def _amount(text: str) -> Amount:
    return Amount(text, Decimal(text.strip("()").replace(",", "")) * (-1 if text.startswith("(") else 1),
                  len(text.split(".")[1].rstrip(")")) if "." in text else 0)


def _item(label: str, values: list[str], kind: ItemKind = ItemKind.MONETARY, **kw: object) -> LineItem:
    return LineItem(label, label, [_amount(v) for v in values], kind, **kw)  # type: ignore[arg-type]


def _income_statement() -> MappedStatement:
    items = [
        _item("Revenues", ["1,000", "900"]),
        _item("Widget tooling costs", ["(300)", "(250)"]),
        _item("Net income", ["700", "650"], is_total=True),
        _item("Earnings per share", ["1.25", "1.10"], ItemKind.PER_SHARE),
    ]
    statement = Statement(StatementKind.IS, "Statements of Operations", [Y24, Y23], items, scale=3,
                          scale_text="in thousands, except per share", unscaled_kinds=frozenset({"perShare"}))
    ext = ExtensionConcept("WidgetToolingCosts", "xbrli:monetaryItemType", "duration", "debit", "Widget tooling costs")
    mappings = [
        Mapping("us-gaap:Revenues", 0.9, "test"),
        Mapping("ext:WidgetToolingCosts", 0.2, "test", extension=ext, sign=-1),
        Mapping("us-gaap:NetIncomeLoss", 0.9, "test"),
        Mapping("us-gaap:EarningsPerShareBasic", 0.9, "test"),
    ]
    return MappedStatement(statement, [MappedItem(i, m) for i, m in zip(items, mappings, strict=True)], [])


def test_facts_carry_scale_sign_units_and_periods() -> None:
    outcome = Builder(load_index(), "0000000042", CoverData()).build([_income_statement()])
    model = outcome.model
    periods = {c.id: c.period for c in model.contexts.values()}
    facts = {(f.concept, periods[f.context].key): f for f in model.facts if not f.concept.startswith("dei:")}
    revenue = facts[("us-gaap:Revenues", "2024-01-01--2024-12-31")]
    assert (revenue.value, revenue.unit, revenue.decimals) == ("1000000", "usd", "-3")
    tooling = facts[(f"{model.prefix}:WidgetToolingCosts", "2023-01-01--2023-12-31")]
    assert tooling.value == "250000"  # printed (250), an expense: positive in XBRL
    eps = facts[("us-gaap:EarningsPerShareBasic", "2024-01-01--2024-12-31")]
    assert (eps.value, eps.unit, eps.decimals) == ("1.25", "usdPerShare", "2")
    assert [e.name for e in model.extensions if not e.abstract] == ["WidgetToolingCosts"]
    assert model.stem.endswith("-20241231")


def test_every_value_becomes_a_fact_or_is_left_out() -> None:
    ms = _income_statement()
    outcome = Builder(load_index(), "42", CoverData()).build([ms])
    numbers = sum(1 for mi in ms.items for v in mi.item.values if v is not None)
    facts = [f for f in outcome.model.facts if not f.concept.startswith("dei:")]
    assert len(facts) + len(outcome.left_out) == numbers


def test_the_report_explains_each_line() -> None:
    report = Builder(load_index(), "42", CoverData()).build([_income_statement()]).model.report.to_json()
    assert [i["label"] for i in report["items"]] == ["Revenues", "Widget tooling costs", "Net income",
                                                   "Earnings per share"]
    assert report["items"][1]["extension"] is True
    assert report["statements"][0]["scale"] == "in thousands, except per share"


def test_the_company_namespace_is_named_by_its_trading_symbol() -> None:
    """The symbol written as a fact, else the first listed class's (several classes listed),
    else the registrant's initials."""
    def prefix(cover: CoverData) -> str:
        return Builder(load_index(), "0000000042", cover).build([_income_statement()]).model.prefix

    assert prefix(CoverData({"TradingSymbol": "TSLA", "EntityRegistrantName": "Tesla, Inc."})) == "tsla"
    assert prefix(CoverData({"EntityRegistrantName": "The Procter & Gamble Company"}, ticker="PG")) == "pg"
    assert prefix(CoverData({"EntityRegistrantName": "The Procter & Gamble Company"})) == "tpgc"
