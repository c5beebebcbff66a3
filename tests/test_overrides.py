"""Choices made before: the user's mapping file (JSON, YAML, CSV) and an earlier filing's (--prior)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter import convert
from converter.errors import UsageError
from converter.mapper.overrides import read_mapping_file
from converter.taxonomy.index import load_index
from tests.conftest import EXAMPLE, SHARED

LEGACY = SHARED / "corpus" / "legacy"


@pytest.mark.parametrize(("name", "text"), [
    ("mapping.yaml", "# warranty is an accrual here\nAccrued warranty reserve: us-gaap:AccruedLiabilitiesCurrent\n"),
    ("mapping.csv", "label,concept\nAccrued warranty reserve,us-gaap:AccruedLiabilitiesCurrent\n"),
    ("mapping.json", '{"Accrued warranty reserve": "us-gaap:AccruedLiabilitiesCurrent"}'),
])
def test_each_format_overrides_the_mapper(tmp_path: Path, name: str, text: str) -> None:
    mapping = tmp_path / name
    mapping.write_text(text)
    result = convert(EXAMPLE, tmp_path / "out", cik="0001009759", mapping_file=mapping, validate_package=False)
    row = next(mi for ms in result.statements for mi in ms.items if mi.item.label == "Accrued warranty reserve")
    assert row.mapping is not None
    assert row.mapping.concept == "us-gaap:AccruedLiabilitiesCurrent"
    assert row.mapping.reason.startswith(f"user mapping file ({name}, line ")


@pytest.mark.parametrize(("name", "text", "line"), [
    ("m.yaml", "Revenue: us-gaap:Revenues\n\nCost: us-gaap:NoSuchThing\n", 3),
    ("m.yaml", "Revenue: [us-gaap:Revenues\n", 2),
    ("m.csv", "label,concept\nRevenue,us-gaap:Revenues\nCost\n", 3),
    ("m.csv", "Revenue,us-gaap:Revenues\nCost,us-gaap:Abstract\n", 2),
    ("m.json", '{\n  "Revenue": "us-gaap:Revenues",\n  "Cost": "us-gaap:Nope"\n}', 3),
    ("m.json", '{\n  "Revenue": "us-gaap:Revenues",,\n}', 2),
])
def test_an_error_names_the_file_and_line(tmp_path: Path, name: str, text: str, line: int) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(UsageError, match=rf"mapping file .*{name}, line {line}:"):
        read_mapping_file(path, load_index())


@pytest.mark.skipif(not LEGACY.is_dir(), reason="the legacy corpus is not present")
def test_prior_reuses_last_years_concepts(tmp_path: Path) -> None:
    """Two years of one company: the second 10-K keeps the first one's concept for every
    label it prints again in the same statement."""
    first = convert(next((LEGACY / "MSFT-0001193125-08-162768").glob("10-K*.html")), tmp_path / "fy2008",
                    cik="789019", validate_package=False)
    report = json.loads((first.output / "mapping-report.json").read_text())
    earlier: dict[tuple[str, str], set[str]] = {}
    for item in report["items"]:
        if "in" not in item and not item["extension"]:
            earlier.setdefault((item["statement"], item["label"].lower()), set()).add(item["concept"])
    second = convert(next((LEGACY / "MSFT-0001193125-09-158735").glob("10-K*.html")), tmp_path / "fy2009",
                     cik="789019", prior=first.output)
    assert second.valid, second.validation
    reused = 0
    for ms in second.statements:
        for mi in ms.items:
            before = earlier.get((ms.statement.kind, mi.item.raw_label.lower()))
            if mi.mapping is None or before is None or len(before) != 1:
                continue
            assert mi.mapping.concept == next(iter(before)), mi.item.raw_label
            assert mi.mapping.reason == "as in the earlier filing (fy2008)"
            reused += 1
    assert reused >= 40


def test_prior_that_is_not_a_package_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a package folder or mapping report"):
        convert(EXAMPLE, tmp_path / "out", cik="1", prior=tmp_path, validate_package=False)
    assert not (tmp_path / "out").exists()


def test_low_confidence_lines_are_listed_for_review_unless_a_person_chose(tmp_path: Path) -> None:
    from converter.pipeline import REVIEW_BELOW, summary

    result = convert(EXAMPLE, tmp_path / "out", cik="0001009759", validate_package=False)
    review = summary(result)["review"]
    assert review and all(row["confidence"] < REVIEW_BELOW for row in review)
    labels = {row["label"] for row in review}
    assert "Accrued warranty reserve" in labels
    report = json.loads((result.output / "mapping-report.json").read_text())
    assert report["review"] == review
    mapping = tmp_path / "m.csv"
    mapping.write_text("Accrued warranty reserve,us-gaap:ProductWarrantyAccrualClassifiedCurrent\n")
    confirmed = convert(EXAMPLE, tmp_path / "again", cik="0001009759", mapping_file=mapping, validate_package=False)
    assert "Accrued warranty reserve" not in {row["label"] for row in summary(confirmed)["review"]}
