"""A statement of comprehensive income: the component captions say whose rows are whose,
and a component printed as one row is its whole adjustment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.mapper.mapper import Mapper
from converter.mapper.oci_components import component_words
from converter.model.statements import Amount, ItemKind, LineItem, Period, Statement, StatementKind

YEAR = Period(date(2024, 12, 29), date(2024, 1, 1))


@pytest.fixture(scope="module")
def mapper() -> Mapper:
    return Mapper()


def _row(label: str, value: str | None, sections: tuple[str, ...] = ()) -> LineItem:
    amounts = [Amount(value, Decimal(value.strip("()").replace(",", "")) * (-1 if "(" in value else 1))] if value else [None]
    return LineItem(label, label, amounts, ItemKind.MONETARY, sections=sections, is_header=value is None)


def _map(mapper: Mapper, rows: list[LineItem]) -> dict[tuple[str, str], str]:
    statement = Statement(StatementKind.CI, "Statements of Comprehensive Income", [YEAR], rows, scale=0,
                          scale_text="", unscaled_kinds=frozenset())
    ms = mapper.map_filing([statement])[0]
    return {(mi.item.sections[-1] if mi.item.sections else "", mi.item.label): mi.mapping.concept
            for mi in ms.items if mi.mapping is not None}


def test_the_caption_says_which_component_a_row_moves(mapper: Mapper) -> None:
    """The same three labels under "Securities" and under "Derivatives & hedges" (Johnson &
    Johnson's layout): each caption's rows take its component's concepts."""
    oci = "Other comprehensive income (loss), net of tax"
    rows = [_row("Net earnings", "14,066"), _row(oci, None),
            _row("Securities", None, (oci,))]
    for label, value in (("Unrealized holding gain (loss) arising during period", "(3)"),
                         ("Reclassifications to earnings", "1"), ("Net change", "(2)")):
        rows.append(_row(label, value, (oci, "Securities")))
    rows.append(_row("Derivatives & hedges", None, (oci,)))
    for label, value in (("Unrealized gain (loss) arising during period", "114"),
                         ("Reclassifications to earnings", "(121)"), ("Net change", "(7)")):
        rows.append(_row(label, value, (oci, "Derivatives & hedges")))
    chosen = _map(mapper, rows)
    assert chosen[("Securities", "Reclassifications to earnings")] == \
        "us-gaap:OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIForSaleOfSecuritiesNetOfTax"
    assert chosen[("Derivatives & hedges", "Reclassifications to earnings")] == \
        "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationAfterTax"
    assert chosen[("Derivatives & hedges", "Net change")] == \
        "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"


def test_a_component_printed_as_one_row_is_its_whole_adjustment(mapper: Mapper) -> None:
    """A lone "Foreign currency translation adjustments" row is the translation adjustment
    as a whole; printed beside a reclassification it is the part arising in the period."""
    oci = ("Other comprehensive income (loss), net of tax",)
    alone = _map(mapper, [_row("Net income", "7,091"),
                          _row("Foreign currency translation adjustments", "(670)", oci),
                          _row("Total comprehensive income", "6,421")])
    assert alone[(oci[0], "Foreign currency translation adjustments")] == \
        "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"
    fx = ("Foreign currency translation:",)
    parts = _map(mapper, [_row("Net income", "7,091"),
                          _row("Foreign currency translation adjustments", "(670)", fx),
                          _row("Reclassification to net income on sale of a subsidiary", "20", fx),
                          _row("Net change", "(650)", fx),
                          _row("Total comprehensive income", "6,441")])
    assert parts[(fx[0], "Foreign currency translation adjustments")] != \
        "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"


def test_components_above_a_total_net_of_tax_are_net_of_tax(mapper: Mapper) -> None:
    """P&G's "Foreign currency translation" and "Unrealized gains/(losses) on investment
    securities" add up to "Total other comprehensive income/(loss), net of tax": the
    taxonomy adds up the translation adjustment net of tax there, not before it.  With a
    tax row among them, the rows are before the tax."""
    oci = "OTHER COMPREHENSIVE INCOME/(LOSS), NET OF TAX"
    total = _row("TOTAL OTHER COMPREHENSIVE INCOME/(LOSS), NET OF TAX", "1,022")
    total.is_total = True
    fx = "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"
    net = _map(mapper, [_row("NET EARNINGS", "3,769"), _row(oci, None),
                        _row("Foreign currency translation", "1,021", (oci,)),
                        _row("Unrealized gains/(losses) on investment securities", "1", (oci,)), total])
    assert net[(oci, "Foreign currency translation")] == fx
    before = _map(mapper, [_row("NET EARNINGS", "3,769"), _row(oci, None),
                           _row("Foreign currency translation", "1,021", (oci,)),
                           _row("Unrealized gains/(losses) on investment securities", "1", (oci,)),
                           _row("Income tax on other comprehensive income", "(20)", (oci,)), total])
    assert before[(oci, "Income tax on other comprehensive income")] == "us-gaap:OtherComprehensiveIncomeLossTax"
    assert before[(oci, "Foreign currency translation")] == fx.replace("NetOfTax", "BeforeTax")


def test_component_words_come_from_the_nearest_caption_naming_one() -> None:
    assert component_words("Net change", ("Other comprehensive income", "Cash flow hedges")) == "cash flow hedge"
    assert component_words("Foreign currency translation", ("Securities",)) == ""  # the label names its own
    assert component_words("Net change", ("Other comprehensive income",)) == ""


def test_the_tax_a_row_is_net_of_is_a_fact_of_the_taxonomy_tax_under_it(mapper: Mapper) -> None:
    """Alphabet's "Change in foreign currency translation adjustment, net of income tax
    benefit (expense) of $(134), $63 and $(49)": three facts of the translation adjustment's
    tax, a debit (an expense when positive), so the printed benefit-positive figures change
    sign (Alphabet files 134, -63 and 49); P&G's "(benefit)/expense" reads the other way; a
    plain "net of tax of $100" says neither and is left to the report."""
    from converter.extraction.labels import clean_label, extract_embedded
    years = [Period(date(y, 12, 31), date(y, 1, 1)) for y in (2022, 2023, 2024)]

    def row(raw: str) -> LineItem:
        facts, _ = extract_embedded(raw, years, "CI")
        return LineItem(clean_label(raw), raw, [Amount(v, Decimal(v)) for v in ("-1", "2", "3")],
                        ItemKind.MONETARY, sections=("Other comprehensive income (loss)",), embedded=facts)

    rows = [row("Change in foreign currency translation adjustment, net of income tax benefit (expense) of "
                "$(134), $63 and $(49)"),
            row("Unrealized gains/(losses) on defined benefit plans (net of tax (benefit)/expense of $(407), $230 "
                "and $9, respectively)"),
            row("Change in unrealized gains on cash flow hedges, net of tax of $100, $(55), and $226")]
    statement = Statement(StatementKind.CI, "Comprehensive income", years, rows, scale=6, scale_text="in millions",
                          unscaled_kinds=frozenset())
    ms = mapper.map_filing([statement])[0]
    fx = [me for me in ms.embedded if me.parent is rows[0]]
    assert {me.mapping.concept for me in fx} == {"us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentTax"}
    assert [me.fact.amount.shown * me.mapping.sign for me in fx] == [134, -63, 49]
    plain = [me for me in ms.embedded if me.parent is rows[2]]
    assert plain == []


def test_a_net_of_tax_caption_makes_the_components_net_of_tax(mapper: Mapper) -> None:
    """Johnson & Johnson's "Other comprehensive income (loss), net of tax" caption stands
    above captions of their own ("Securities"): with no tax row anywhere, the securities'
    "Unrealized holding gain (loss) arising during period" is net of tax, not before it."""
    oci = "Other comprehensive income (loss), net of tax"
    rows = [_row("Net earnings", "14,066"), _row(oci, None), _row("Foreign currency translation", "(1,085)", (oci,)),
            _row("Securities", None)]
    for label, value in (("Unrealized holding gain (loss) arising during period", "(3)"),
                         ("Reclassifications to earnings", "1"), ("Net change", "(2)")):
        rows.append(_row(label, value, ("Securities",)))
    chosen = _map(mapper, rows)
    assert chosen[("Securities", "Unrealized holding gain (loss) arising during period")] == \
        "us-gaap:OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax"


def test_a_lone_pension_row_is_the_plans_whole_adjustment_with_the_labels_sign(mapper: Mapper) -> None:
    """P&G's "Unrealized gains/(losses) on defined benefit postretirement plans" is the
    pension component's only row: the plans' whole adjustment, a concept whose positive is a
    loss, so the loss printed "(1,390)" is +1,390 (the label says gains are positive).  Its
    lone "Foreign currency translation" is the whole translation adjustment, not the
    company's portion of it, in a statement that does not split other comprehensive income."""
    oci = ("OTHER COMPREHENSIVE INCOME/(LOSS), NET OF TAX",)
    statement = Statement(StatementKind.CI, "Statements of Comprehensive Income", [YEAR], [
        _row("NET EARNINGS", "16,065"),
        _row("Foreign currency translation, net", "1,143", oci),
        _row("Unrealized gains/(losses) on investment securities", "0", oci),
        _row("Unrealized gains/(losses) on defined benefit postretirement plans", "(1,390)", oci),
        _row("TOTAL OTHER COMPREHENSIVE INCOME/(LOSS), NET OF TAX", "(248)"),
        _row("TOTAL COMPREHENSIVE INCOME", "15,817")], scale=6, scale_text="", unscaled_kinds=frozenset())
    items = mapper.map_filing([statement])[0].items
    pension = items[3].mapping
    assert pension is not None
    assert pension.concept == "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax"
    assert pension.sign == -1
    assert items[1].concept == "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"


def test_a_component_is_whole_unless_the_statement_splits_it(mapper: Mapper) -> None:
    """The company's portion of a component (labels alone give P&G's "Foreign currency
    translation, net" `...NetOfTaxPortionAttributableToParent`) is the whole component in a
    statement that does not split other comprehensive income between the company and
    noncontrolling interests; where a row gives the noncontrolling interests' share, the
    portion stays."""
    oci = ("OTHER COMPREHENSIVE INCOME/(LOSS), NET OF TAX",)
    rows = [_row("NET EARNINGS", "16,065"), _row("Foreign currency translation, net", "1,143", oci),
            _row("Unrealized gains/(losses) on investment securities", "0", oci),
            _row("TOTAL COMPREHENSIVE INCOME", "17,208")]
    whole = _map(mapper, rows)
    assert whole[(oci[0], "Foreign currency translation, net")] == \
        "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"
    split = _map(mapper, [*rows[:3], _row("Other comprehensive income attributable to noncontrolling interests",
                                          "(12)", oci), rows[3]])
    assert split[(oci[0], "Foreign currency translation, net")] == \
        "us-gaap:OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationAdjustmentNetOfTaxPortionAttributableToParent"
