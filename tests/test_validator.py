"""Arelle, run offline against the generated stand-in, on hand-written instances."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from converter import convert
from converter.pipeline import Result
from converter.taxonomy.index import load_index
from converter.taxonomy.standin import build_files, standin_package
from converter.validator.arelle_runner import validate
from tests.conftest import EXAMPLE

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:us-gaap="http://fasb.org/us-gaap/2025"
 xmlns:dei="http://xbrl.sec.gov/dei/2025" xmlns:iso4217="http://www.xbrl.org/2003/iso4217">
  <link:schemaRef xlink:type="simple" xlink:href="{schema}"/>
  <xbrli:context id="i"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier>
   </xbrli:entity><xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier>
   </xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate>
   </xbrli:period></xbrli:context>
  <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>
  <xbrli:unit id="eps"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure>
   </xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator>
   </xbrli:divide></xbrli:unit>
"""
COMMON_FACTS = """
  <us-gaap:CashAndCashEquivalentsAtCarryingValue contextRef="i" unitRef="usd" decimals="-3">100000</us-gaap:CashAndCashEquivalentsAtCarryingValue>
  <us-gaap:AccountsReceivableNetCurrent contextRef="i" unitRef="usd" decimals="-3">50000</us-gaap:AccountsReceivableNetCurrent>
  <us-gaap:InventoryNet contextRef="i" unitRef="usd" decimals="-3">30000</us-gaap:InventoryNet>
  <us-gaap:AssetsCurrent contextRef="i" unitRef="usd" decimals="-3">180000</us-gaap:AssetsCurrent>
  <us-gaap:PropertyPlantAndEquipmentNet contextRef="i" unitRef="usd" decimals="-3">20000</us-gaap:PropertyPlantAndEquipmentNet>
  <us-gaap:Assets contextRef="i" unitRef="usd" decimals="-3">200000</us-gaap:Assets>
  <us-gaap:LiabilitiesCurrent contextRef="i" unitRef="usd" decimals="-3">60000</us-gaap:LiabilitiesCurrent>
  <us-gaap:StockholdersEquity contextRef="i" unitRef="usd" decimals="-3">140000</us-gaap:StockholdersEquity>
  <us-gaap:LiabilitiesAndStockholdersEquity contextRef="i" unitRef="usd" decimals="-3">200000</us-gaap:LiabilitiesAndStockholdersEquity>
  <us-gaap:TreasuryStockValue contextRef="i" unitRef="usd" decimals="-3">5000</us-gaap:TreasuryStockValue>
  <us-gaap:CommonStockSharesIssued contextRef="i" unitRef="shares" decimals="0">1000</us-gaap:CommonStockSharesIssued>
  <us-gaap:Revenues contextRef="d" unitRef="usd" decimals="-3">90000</us-gaap:Revenues>
  <us-gaap:CostOfGoodsAndServicesSold contextRef="d" unitRef="usd" decimals="-3">60000</us-gaap:CostOfGoodsAndServicesSold>
  <us-gaap:GrossProfit contextRef="d" unitRef="usd" decimals="-3">30000</us-gaap:GrossProfit>
  <us-gaap:OperatingIncomeLoss contextRef="d" unitRef="usd" decimals="-3">10000</us-gaap:OperatingIncomeLoss>
  <us-gaap:NetIncomeLoss contextRef="d" unitRef="usd" decimals="-3">8000</us-gaap:NetIncomeLoss>
  <us-gaap:EarningsPerShareBasic contextRef="d" unitRef="eps" decimals="2">0.80</us-gaap:EarningsPerShareBasic>
  <dei:EntityRegistrantName contextRef="d">Example Corp</dei:EntityRegistrantName>
  <dei:DocumentType contextRef="d">10-K</dei:DocumentType>
  <dei:EntityCentralIndexKey contextRef="d">0000000001</dei:EntityCentralIndexKey>
  <dei:AmendmentFlag contextRef="d">false</dei:AmendmentFlag>
"""
SCHEMA = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase"
 xmlns:xlink="http://www.w3.org/1999/xlink" targetNamespace="http://example.com/2024" elementFormDefault="qualified">
  <xs:annotation><xs:appinfo>
    <link:linkbaseRef xlink:type="simple" xlink:href="ex_cal.xml"
     xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
  </xs:appinfo></xs:annotation>
  <xs:import namespace="http://fasb.org/us-gaap/2025" schemaLocation="https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd"/>
  <xs:import namespace="http://xbrl.sec.gov/dei/2025" schemaLocation="https://xbrl.sec.gov/dei/2025/dei-2025.xsd"/>
</xs:schema>
"""
CAL = """<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
  <link:arcroleRef arcroleURI="https://xbrl.org/2023/arcrole/summation-item" xlink:type="simple"
   xlink:href="https://www.xbrl.org/2023/calculation-1.1.xsd#summation-item"/>
  <link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
    <link:loc xlink:type="locator" xlink:href="https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd#us-gaap_AssetsCurrent" xlink:label="tca"/>
    <link:loc xlink:type="locator" xlink:href="https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd#us-gaap_CashAndCashEquivalentsAtCarryingValue" xlink:label="cash"/>
    <link:loc xlink:type="locator" xlink:href="https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd#us-gaap_AccountsReceivableNetCurrent" xlink:label="ar"/>
    <link:loc xlink:type="locator" xlink:href="https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd#us-gaap_InventoryNet" xlink:label="inv"/>
    <link:calculationArc xlink:type="arc" xlink:arcrole="https://xbrl.org/2023/arcrole/summation-item" xlink:from="tca" xlink:to="cash" weight="1" order="1"/>
    <link:calculationArc xlink:type="arc" xlink:arcrole="https://xbrl.org/2023/arcrole/summation-item" xlink:from="tca" xlink:to="ar" weight="1" order="2"/>
    <link:calculationArc xlink:type="arc" xlink:arcrole="https://xbrl.org/2023/arcrole/summation-item" xlink:from="tca" xlink:to="inv" weight="1" order="3"/>
  </link:calculationLink>
</link:linkbase>
"""


def _package(folder: Path, facts: str) -> Path:
    (folder / "ex.xsd").write_text(SCHEMA, encoding="utf-8")
    (folder / "ex_cal.xml").write_text(CAL, encoding="utf-8")
    instance = folder / "ex.xml"
    instance.write_text(HEAD.format(schema="ex.xsd") + facts + "</xbrli:xbrl>\n", encoding="utf-8")
    return instance


def test_twenty_common_concepts_validate_without_errors(tmp_path: Path) -> None:
    assert COMMON_FACTS.count("contextRef") == 21
    result = validate(_package(tmp_path, COMMON_FACTS))
    assert result.loaded
    assert result.errors == [] and result.inconsistencies == []
    assert result.valid


def test_a_wrong_total_is_a_calculation_inconsistency(tmp_path: Path) -> None:
    # Calculations 1.1 tolerates rounding (each of three children may be off by 500 at
    # decimals=-3), so the total is made wrong by more than that.
    wrong = COMMON_FACTS.replace('decimals="-3">180000</us-gaap:AssetsCurrent>',
                                 'decimals="-3">190000</us-gaap:AssetsCurrent>')
    result = validate(_package(tmp_path, wrong))
    assert not result.valid
    assert result.errors == []
    assert len(result.inconsistencies) == 1
    finding = result.inconsistencies[0]
    assert finding.code.startswith("calc11e:")
    assert finding.concept == "us-gaap:AssetsCurrent"
    assert finding.fact is not None and "AssetsCurrent" in finding.fact


def test_an_unknown_concept_fails_with_a_clear_finding(tmp_path: Path) -> None:
    bogus = COMMON_FACTS + '  <us-gaap:NoSuchConceptAtAll contextRef="i" unitRef="usd" decimals="0">1</us-gaap:NoSuchConceptAtAll>\n'
    result = validate(_package(tmp_path, bogus))
    assert not result.valid
    assert any(f.concept == "us-gaap:NoSuchConceptAtAll" and f.line for f in result.errors)
    assert {f.code for f in result.errors} & {"xbrl:schemaImportMissing", "xmlSchema:elementUnexpected"}


def test_a_period_type_mismatch_is_an_error(tmp_path: Path) -> None:
    wrong = COMMON_FACTS.replace('<us-gaap:Assets contextRef="i"', '<us-gaap:Assets contextRef="d"')
    result = validate(_package(tmp_path, wrong))
    assert any(f.code == "xbrl.4.7.2:contextPeriodType" for f in result.errors)


def test_the_standin_declares_every_official_concept_as_the_index_knows_it() -> None:
    from lxml import etree

    index = load_index()
    files = build_files(index)
    checked = 0
    for prefix, path in (("us-gaap", "xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd"),
                         ("dei", "xbrl.sec.gov/dei/2025/dei-2025.xsd"),
                         ("srt", "xbrl.fasb.org/srt/2025/elts/srt-2025.xsd")):
        root = etree.fromstring(files[path].encode())
        declared = {el.get("name"): el for el in root.iter("{http://www.w3.org/2001/XMLSchema}element")}
        # SRT 2025 types we do not have (an identifier type, a guidance type): two concepts left out
        left_out = [c.qname for c in index if c.prefix == prefix and c.declarable and c.name not in declared]
        assert len(left_out) <= (2 if prefix == "srt" else 0), left_out
        for concept in index:
            if concept.prefix != prefix or not concept.declarable or concept.qname in left_out:
                continue
            el = declared[concept.name]
            assert (el.get("type"), el.get("substitutionGroup"), el.get("abstract") == "true") == (
                concept.type, concept.substitution_group, concept.abstract)
            assert el.get("{http://www.xbrl.org/2003/instance}periodType") == concept.period_type
            assert el.get("{http://www.xbrl.org/2003/instance}balance") == concept.balance
            assert el.get("id") == f"{prefix}_{concept.name}"
            checked += 1
    assert checked > 18000
    assert "STAND-IN" in files["xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd"][:400]


def test_the_standin_package_is_deterministic(tmp_path: Path) -> None:
    from converter.taxonomy.standin import write_package

    a = write_package(load_index(), tmp_path / "a.zip").read_bytes()
    b = write_package(load_index(), tmp_path / "b.zip").read_bytes()
    assert a == b
    with zipfile.ZipFile(standin_package()) as zf:
        names = zf.namelist()
    assert "xbrl-converter-standin/META-INF/catalog.xml" in names


@pytest.mark.parametrize("missing", ["nope.zip"])
def test_a_missing_taxonomy_package_is_a_taxonomy_error(tmp_path: Path, missing: str) -> None:
    from converter.errors import TaxonomyError

    with pytest.raises(TaxonomyError):
        validate(_package(tmp_path, COMMON_FACTS), [tmp_path / missing])


def test_inline_xbrl_document_carries_the_instance_facts(example_result: Result, tmp_path: Path) -> None:
    """The Inline XBRL package of the example, loaded by Arelle as Inline XBRL: valid, and
    its facts are exactly the XBRL 2.1 instance's (concept, period, dimensions, unit,
    value, decimals)."""
    inline = convert(EXAMPLE, tmp_path / "inline", cik="0001009759", output_format="ixbrl")
    assert inline.validation is not None and example_result.validation is not None
    assert inline.validation.valid, inline.validation.findings
    assert (tmp_path / "inline" / f"{inline.model.stem}.htm").is_file()
    assert not list((tmp_path / "inline").glob(f"{inline.model.stem}.xml"))
    assert len(inline.validation.facts) == len(example_result.validation.facts) == len(example_result.model.facts)
    assert set(inline.validation.facts) == set(example_result.validation.facts)
    eps = [f for f in inline.validation.facts if f.concept == "us-gaap:EarningsPerShareDiluted"]
    assert eps and all(f.value.startswith("-") for f in eps)  # a loss per share: sign="-" on the tag


@pytest.mark.parametrize(("output_format", "entry"), [("json", "{stem}.json"), ("csv", "{stem}-metadata.json")])
def test_oim_formats_round_trip(example_result: Result, tmp_path: Path, output_format: str, entry: str) -> None:
    """xBRL-JSON and xBRL-CSV, written by Arelle's own OIM plug-in beside the instance,
    load back into Arelle (its OIM loader) as exactly the instance's facts."""
    result = convert(EXAMPLE, tmp_path / output_format, cik="0001009759", output_format=output_format)
    assert result.validation is not None and result.validation.valid
    oim = tmp_path / output_format / entry.format(stem=result.model.stem)
    assert oim.is_file() and oim in result.files
    loaded = validate(oim)
    assert loaded.valid, loaded.findings
    assert example_result.validation is not None
    assert set(loaded.facts) == set(example_result.validation.facts)
    assert len(loaded.facts) == len(example_result.model.facts)


@pytest.mark.parametrize("case", ["valid", "wrong total", "unknown concept", "period type", "wrong type"])
def test_the_filing_scoped_standin_finds_exactly_what_the_full_one_finds(tmp_path: Path, case: str) -> None:
    """A batch validates against the stand-in restricted to the concepts a package names;
    its findings must be the full stand-in's, for valid and invalid packages alike."""
    facts = {
        "valid": COMMON_FACTS,
        "wrong total": COMMON_FACTS.replace('decimals="-3">180000</us-gaap:AssetsCurrent>',
                                            'decimals="-3">190000</us-gaap:AssetsCurrent>'),
        "unknown concept": COMMON_FACTS + '  <us-gaap:NoSuchConceptAtAll contextRef="i" unitRef="usd" '
                                          'decimals="0">1</us-gaap:NoSuchConceptAtAll>\n',
        "period type": COMMON_FACTS.replace('<us-gaap:Assets contextRef="i"', '<us-gaap:Assets contextRef="d"'),
        "wrong type": COMMON_FACTS.replace('decimals="-3">180000</us-gaap:AssetsCurrent>',
                                           'decimals="-3">lots</us-gaap:AssetsCurrent>'),
    }[case]
    instance = _package(tmp_path, facts)

    def found(scope: str) -> list[tuple[str, str, str]]:
        result = validate(instance, taxonomy_scope=scope)
        return sorted((f.code, f.severity, re.sub(r"standin-[^ ]*\.zip", "", f.message)) for f in result.findings)

    full = found("full")
    assert found("filing") == full
    assert bool(full) == (case != "valid")
