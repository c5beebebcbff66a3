"""The committed concept index against the official sources it was derived from."""

from __future__ import annotations

import csv
import json
import re
import time
from pathlib import Path

import pytest

from converter.taxonomy import rules
from converter.taxonomy.build import ConceptRecord, IndexBuilder
from converter.taxonomy.index import load_index
from tests.conftest import SHARED

SOURCES = SHARED / "taxonomy-sources"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/taxonomy-sources is not present")
SEC_TYPES = {
    "monetary": "xbrli:monetaryItemType",
    "shares": "xbrli:sharesItemType",
    "perShare": "dtr-types:perShareItemType",
    "perUnit": "dtr-types:perUnitItemType",
    "percent": "dtr-types:percentItemType",
}


def _sec_rows() -> list[dict[str, str]]:
    """The newest SEC statement about each us-gaap concept (balances were corrected in 2009)."""
    newest: dict[str, dict[str, str]] = {}
    for path in sorted((SOURCES / "sec-fsds-tags").glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if r["version"].startswith("us-gaap/") and r["version"] >= newest.get(r["tag"], {}).get("version", ""):
                    newest[r["tag"]] = r
    return list(newest.values())


@needs_sources
def test_index_agrees_with_sec_metadata_on_every_shared_concept() -> None:
    index = load_index()
    rows = _sec_rows()
    assert len(rows) > 2000
    disagreements = []
    for row in rows:
        concept = index.get(f"us-gaap:{row['tag']}")
        assert concept is not None, row["tag"]
        expected = (SEC_TYPES[row["datatype"]], {"I": "instant", "D": "duration"}[row["iord"]],
                    {"C": "credit", "D": "debit"}.get(row["crdr"]))
        got = (concept.type, concept.period_type, concept.balance)
        if got != expected:
            disagreements.append((row["tag"], expected, got))
        assert "periodType" not in concept.inferred and "balance" not in concept.inferred
    assert disagreements == []


@needs_sources
def test_index_covers_every_2024_name_still_in_the_2025_linkbases() -> None:
    linked: set[str] = set()
    href = re.compile(r"us-gaap-2025\.xsd#us-gaap_([A-Za-z0-9_]+)")
    for path in (SOURCES / "xbrl.fasb.org" / "us-gaap" / "2025").glob("*/*.xml"):
        linked.update(href.findall(path.read_text(encoding="utf-8")))
    names = {json.loads(line)["us_gaap_tag"]
             for line in (SOURCES / "us-gaap-2024-concepts.jsonl").read_text(encoding="utf-8").splitlines()}
    index = load_index()
    wanted = sorted(n for n in names & linked)
    assert len(wanted) > 10000
    missing = [n for n in wanted if f"us-gaap:{n}" not in index]
    assert missing == []
    # a concept is left untyped only when no source we have defines its 2024 type
    types = {json.loads(line)["us_gaap_tag"]: json.loads(line)["entity_type"]
             for line in (SOURCES / "us-gaap-2024-concepts.jsonl").read_text(encoding="utf-8").splitlines()}
    untyped = {types[n] for n in wanted if index[f"us-gaap:{n}"].type is None}
    assert untyped <= {"guidanceItemType"}


@needs_sources
def test_dei_and_srt_declarations_are_copied_exactly() -> None:
    from lxml import etree

    index = load_index()
    schema = etree.parse(str(SOURCES / "xbrl.sec.gov" / "dei" / "2021" / "dei-2021.xsd")).getroot()
    checked = 0
    for el in schema.iter("{http://www.w3.org/2001/XMLSchema}element"):
        if el.get("substitutionGroup") is None or el.get("{http://xbrl.org/2005/xbrldt}typedDomainRef"):
            continue
        concept = index[f"dei:{el.get('name')}"]
        assert (concept.type, concept.period_type, concept.balance, concept.abstract) == (
            el.get("type"), el.get("{http://www.xbrl.org/2003/instance}periodType"),
            el.get("{http://www.xbrl.org/2003/instance}balance"), el.get("abstract") == "true")
        assert concept.inferred == {}
        checked += 1
    assert checked > 150


def test_every_inferred_field_names_a_documented_rule() -> None:
    index = load_index()
    documented = set(index.rules)
    for concept in index:
        for field, rule in concept.inferred.items():
            assert rule in documented, (concept.qname, field, rule)


def test_index_loads_quickly() -> None:
    load_index.cache_clear()
    start = time.perf_counter()
    index = load_index()
    elapsed = time.perf_counter() - start
    assert len(index) > 18000
    assert elapsed < 2.0  # the benchmark measures the real figure; this only catches a blow-up


# -- the inference rules, each on a small hand-made taxonomy ------------------------

def _builder(*records: ConceptRecord) -> IndexBuilder:
    b = IndexBuilder(Path("."))
    for rec in records:
        b.concepts[rec.qname] = rec
    return b


def test_rule_calc_neighbour_gives_balance_and_period_through_weights() -> None:
    total = ConceptRecord("us-gaap", "Total", type="xbrli:monetaryItemType", period_type="duration",
                          balance="credit")
    plus = ConceptRecord("us-gaap", "Plus", type="monetaryItemType")
    minus = ConceptRecord("us-gaap", "Minus", type="monetaryItemType")
    b = _builder(total, plus, minus)
    b.calc["us-gaap:Total"] = {"us-gaap:Plus": 1.0, "us-gaap:Minus": -1.0}
    rules.apply_all(b)
    assert (plus.balance, plus.period_type) == ("credit", "duration")
    assert (minus.balance, minus.period_type) == ("debit", "duration")
    assert plus.inferred["balance"] == "calc-neighbour" and minus.inferred["periodType"] == "calc-neighbour"
    assert "balance" not in total.inferred


def test_rule_period_label_and_meta_model() -> None:
    opening = ConceptRecord("us-gaap", "Reserve", type="monetaryItemType")
    flow = ConceptRecord("us-gaap", "ReserveAdditions", type="monetaryItemType")
    contra = ConceptRecord("us-gaap", "ReserveContra", type="monetaryItemType")
    base = ConceptRecord("us-gaap", "Gross", type="xbrli:monetaryItemType", period_type="instant",
                         balance="debit")
    b = _builder(opening, flow, contra, base)
    b.period_labels.add("us-gaap:Reserve")
    b.meta_flow.add("us-gaap:ReserveAdditions")
    b.meta_instant.add("us-gaap:ReserveContra")
    b.meta_contra.append(("us-gaap:Gross", "us-gaap:ReserveContra"))
    rules.apply_all(b)
    assert (opening.period_type, opening.inferred["periodType"]) == ("instant", "period-label")
    assert (flow.period_type, flow.inferred["periodType"]) == ("duration", "fasb-meta-flow")
    assert (contra.balance, contra.inferred["balance"]) == ("credit", "fasb-meta-contra")


def test_rule_presentation_and_names() -> None:
    bs = ConceptRecord("us-gaap", "Widgets", type="monetaryItemType", statements={"BS"})
    is_ = ConceptRecord("us-gaap", "Gadgets", type="monetaryItemType", statements={"IS"})
    classified = ConceptRecord("us-gaap", "ThingsNoncurrent", type="monetaryItemType")
    text = ConceptRecord("us-gaap", "PolicyTextBlock", type="textBlockItemType")
    axis = ConceptRecord("us-gaap", "ThingAxis", type="stringItemType")
    b = _builder(bs, is_, classified, text, axis)
    rules.apply_all(b)
    assert bs.period_type == "instant" and bs.inferred["periodType"] == "balance-sheet-presentation"
    assert is_.period_type == "duration" and is_.inferred["periodType"] == "flow-statement-presentation"
    assert classified.period_type == "instant"
    assert text.type == "dtr-types:textBlockItemType" and text.period_type == "duration"
    assert axis.substitution_group == "xbrldt:dimensionItem" and axis.abstract
    assert bs.label == "Widgets" and bs.inferred["label"] == "label-from-name"


def test_rule_modern_balance_sheet_use_is_an_instant_before_the_names_words() -> None:
    """A concept no linkbase or meta model places, which modern filers print in balance
    sheets, is a balance, whatever its name says (InvestmentOwnedAtCost has 'Cost' in it)."""
    at_cost = ConceptRecord("us-gaap", "InvestmentOwnedAtCost", type="monetaryItemType")
    together = ConceptRecord("us-gaap", "CommonStocksIncludingAdditionalPaidInCapital", type="monetaryItemType")
    flow = ConceptRecord("us-gaap", "WidgetCosts", type="monetaryItemType")
    b = _builder(at_cost, together, flow)
    b.modern_statements = {"us-gaap:InvestmentOwnedAtCost": "BS",
                           "us-gaap:CommonStocksIncludingAdditionalPaidInCapital": "BS", "us-gaap:WidgetCosts": "IS"}
    rules.apply_all(b)
    assert (at_cost.period_type, at_cost.inferred["periodType"]) == ("instant", "modern-balance-sheet-use")
    assert together.period_type == "instant"
    assert (flow.period_type, flow.inferred["periodType"]) == ("duration", "name-flow-words")


def test_a_missing_or_corrupt_index_is_a_taxonomy_error(tmp_path: Path) -> None:
    from converter.errors import TaxonomyError
    from converter.taxonomy.index import load_index

    with pytest.raises(TaxonomyError, match="cannot be read"):
        load_index(tmp_path / "missing.json.gz")
    corrupt = tmp_path / "corrupt.json.gz"
    corrupt.write_bytes(b"not gzip at all")
    with pytest.raises(TaxonomyError) as caught:
        load_index(corrupt)
    assert caught.value.exit_code == 4


def test_concepts_newer_than_the_sec_metadata_have_official_labels_and_balances() -> None:
    """ASC 606 concepts postdate the SEC's 2009-2010 metadata: the FASB 2025 table supplies them."""
    from converter.taxonomy.index import load_index

    concept = load_index()["us-gaap:ContractWithCustomerLiabilityCurrent"]
    assert concept.label == "Contract with Customer, Liability, Current"
    assert concept.balance == "credit" and "balance" not in concept.inferred
    assert "us-gaap-2025-labels" in concept.sources


@pytest.mark.skipif(not (SHARED / "corpus" / "ixbrl").is_dir(), reason="../shared/corpus is not present")
def test_committed_filer_labels_are_what_the_build_derives(tmp_path: Path) -> None:
    """The filer-label table is derived data: building it again from the sources, the 2009
    data sets, the Inline XBRL learning fold and the modern-usage table gives the committed
    table.  Concepts the 2025 statement linkbases leave out are placed by modern usage, so
    Apple's and Amazon's "Total net sales" teach RevenueFromContractWithCustomer..."""
    import gzip

    from converter.mapper.evidence import load_evidence
    from converter.resources import data_dir
    from converter.taxonomy.build import build_index
    from converter.taxonomy.modern_usage import USAGE_FILE

    (tmp_path / USAGE_FILE).write_bytes((data_dir("taxonomy") / USAGE_FILE).read_bytes())
    build_index(SOURCES, tmp_path, SHARED / "corpus" / "fsds-2009q3", SHARED / "corpus" / "ixbrl")
    name = "filer-labels.json.gz"
    with gzip.open(tmp_path / name, "rt") as rebuilt, gzip.open(data_dir("taxonomy") / name, "rt") as committed:
        assert json.load(rebuilt) == json.load(committed), "run 'xbrl-converter taxonomy build' (README)"
    assert load_index()["us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"].statements == ()
    uses = load_evidence().exact_filer_uses("Total net sales")
    assert ("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "IS", 60) in uses


def test_equity_statement_rows_are_learned_as_equity_labels(tmp_path: Path) -> None:
    """A fact whose only dimension is the equity component is a row of the equity
    statement: its label is learned for "EQ", even for a concept the statement linkbases
    place nowhere; a fact with another dimension is not learned."""
    from converter.taxonomy.ixbrl_labels import iter_ixbrl_labels

    page = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"><body>
<ix:header><ix:resources>
<xbrli:context id="eq"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">4</xbrli:identifier>
<xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementEquityComponentsAxis">us-gaap:RetainedEarningsMember
</xbrldi:explicitMember></xbrli:segment></xbrli:entity></xbrli:context>
<xbrli:context id="seg"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">4</xbrli:identifier>
<xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementBusinessSegmentsAxis">x:AMember
</xbrldi:explicitMember></xbrli:segment></xbrli:entity></xbrli:context>
</ix:resources></ix:header>
<table><tr><td>Common stock withheld for taxes</td>
<td><ix:nonFraction name="us-gaap:AdjustmentsRelatedToTaxWithholdingForShareBasedCompensation" contextRef="eq"
 unitRef="usd" decimals="-6">5</ix:nonFraction></td></tr>
<tr><td>Segment revenue</td><td><ix:nonFraction name="us-gaap:Revenues" contextRef="seg" unitRef="usd"
 decimals="-6">9</ix:nonFraction></td></tr></table></body></html>"""
    (tmp_path / "x-10-k.htm").write_text(page, encoding="utf-8")
    rows = list(iter_ixbrl_labels(tmp_path, {"us-gaap:Revenues": ("IS",)}))
    assert rows == [("4", "EQ", "Common stock withheld for taxes",
                     "AdjustmentsRelatedToTaxWithholdingForShareBasedCompensation")]


def test_labels_are_learned_as_the_pipeline_reads_them() -> None:
    """A label with its allowance written in is learned as the net line it is, so that the
    next filer's "Accounts receivable, net" (or its own allowance) finds those uses."""
    from converter.taxonomy.filer_labels import build_label_table

    rows = [("1", "BS", "Accounts receivable, net of allowance of $46,856 and $32,834", "AccountsReceivableNetCurrent"),
            ("2", "BS", "Accounts receivable, less allowances of $72 in 2009 and $65 in 2008",
             "AccountsReceivableNetCurrent")]
    table = build_label_table(rows)["labels"]
    assert table == {"accounts receivable net": [["us-gaap:AccountsReceivableNetCurrent", "BS", 2]]}


def test_a_note_row_teaches_no_label(tmp_path: Path) -> None:
    """Only a row that names itself in its first cell, with one concept, is learned: a
    note's table by column (reclassifications out of AOCI by component, on a row whose
    first cell is empty and whose "Consolidated net income" says where they are reported)
    taught that label four wrong concepts."""
    from converter.taxonomy.ixbrl_labels import iter_ixbrl_labels

    def fact(name: str, value: str) -> str:
        return (f'<td><ix:nonFraction name="us-gaap:{name}" contextRef="d" unitRef="usd" '
                f'decimals="-6">{value}</ix:nonFraction></td>')

    page = f"""<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:xbrli="http://www.xbrl.org/2003/instance"><body><ix:header><ix:resources>
<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">4</xbrli:identifier>
</xbrli:entity></xbrli:context></ix:resources></ix:header>
<table><tr><td>Consolidated net income</td>{fact("ProfitLoss", "9")}</tr>
<tr><td></td><td>Consolidated net income</td>{fact("OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationAfterTax", "2")}</tr>
<tr><td>Total reclassifications</td>{fact("OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIForSaleOfSecuritiesNetOfTax", "1")}
{fact("OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationAfterTax", "3")}</tr></table></body></html>"""
    (tmp_path / "x-10-k.htm").write_text(page, encoding="utf-8")
    rows = list(iter_ixbrl_labels(tmp_path, {"us-gaap:ProfitLoss": ("IS",),
                                             "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLoss"
                                             "ReclassificationAfterTax": ("CI",),
                                             "us-gaap:OtherComprehensiveIncomeLossReclassificationAdjustment"
                                             "FromAOCIForSaleOfSecuritiesNetOfTax": ("CI",)}))
    assert rows == [("4", "IS", "Consolidated net income", "ProfitLoss")]


def test_a_company_kept_for_either_measurement_teaches_nothing() -> None:
    """A company held out of the Inline XBRL measurement does not teach its 2009 labels
    (Home Depot's 2009 "Merchandise inventories" would be its own answer in 2025), and one
    held out of the data sets does not teach its modern labels; a 2009 filer that is not in
    the Inline XBRL corpus is held out by the data sets' fold alone."""
    from converter.taxonomy.filer_labels import build_label_table, is_held_out, kept_for_measurement
    from converter.taxonomy.ixbrl_labels import is_held_out_ixbrl

    assert not is_held_out("4") and not is_held_out_ixbrl("4")
    assert is_held_out_ixbrl("2") and is_held_out_ixbrl("3") and not is_held_out("3")
    assert is_held_out("6") and not is_held_out_ixbrl("6")
    assert kept_for_measurement("0000000002", inline=True) and not kept_for_measurement("3", inline=False)
    rows = [("4", "BS", "Cash", "Cash"), ("2", "BS", "Cash", "CashAndDueFromBanks"),
            ("3", "BS", "Cash", "CashAndCashEquivalentsAtCarryingValue"), ("6", "BS", "Cash", "CashEquivalentsAtCarryingValue")]
    modern = [("0000000004", "BS", "Revenue", "Revenues"), ("0000000002", "IS", "Revenue", "SalesRevenueNet"),
              ("0000000006", "IS", "Revenue", "RevenueFromContractWithCustomerExcludingAssessedTax")]
    built = build_label_table(rows, modern)
    assert built["labels"] == {"cash": [["us-gaap:Cash", "BS", 1],
                                        ["us-gaap:CashAndCashEquivalentsAtCarryingValue", "BS", 1]],
                               "revenue": [["us-gaap:Revenues", "BS", 20]]}
    assert built["withheld"] == ["2"]  # not learned from, though outside the data sets' held-out fold
