"""Revenue by the company's own lines of business, written as the total's concept for
members the package declares, and valid in Arelle."""

from __future__ import annotations

from pathlib import Path

from converter import convert
from tests.conftest import read_facts

FILING = """\
EXAMPLE MOTORS INC.
CONSOLIDATED STATEMENTS OF OPERATIONS
(in millions)

\tYear Ended December 31,\t
\t2024\t2023
Revenues
Automotive sales\t72,480\t78,509
Automotive leasing\t1,827\t2,120
Total automotive revenues\t74,307\t80,629
Energy generation and storage\t10,086\t6,035
Services and other\t10,534\t8,319
Total revenues\t94,927\t94,983
Cost of revenues\t74,000\t75,000
Gross profit\t20,927\t19,983
Net income\t$20,927\t$19,983
Net income per share, basic\t$6.00\t$5.00
Net income per share, diluted\t$5.50\t$4.50
"""


def test_lines_of_business_become_members_of_the_companys_own(tmp_path: Path) -> None:
    path = tmp_path / "filing.txt"
    path.write_text(FILING)
    result = convert(path, tmp_path / "out", cik="42")
    assert result.valid, result.validation
    prefix = result.model.prefix
    facts = read_facts(result.output / f"{result.model.stem}.xml")
    by_member = {dict(f.dims).get("srt:ProductOrServiceAxis"): (f.concept, f.value) for f in facts
                 if f.period == "2024-01-01--2024-12-31" and f.dims}
    assert by_member[f"{prefix}:EnergyGenerationAndStorageMember"] == ("us-gaap:Revenues", "10086000000")
    assert by_member[f"{prefix}:AutomotiveRevenuesMember"] == ("us-gaap:Revenues", "74307000000")
    assert {e.name for e in result.model.extensions} >= {"AutomotiveSalesMember", "ServicesAndOtherMember"}
