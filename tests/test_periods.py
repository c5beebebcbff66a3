"""Column headers to periods, including the ranges of successor and predecessor columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.extraction import extract
from converter.extraction.periods import parse_period
from converter.readers import read_document


@pytest.mark.parametrize(("header", "key"), [
    ("Successor Period from June 1, 2023 through December 31, 2023", "2023-06-01--2023-12-31"),
    ("Predecessor Period from January 1, 2023 through May 31, 2023", "2023-01-01--2023-05-31"),
    ("Period from June 1 to December 31, 2023", "2023-06-01--2023-12-31"),
    ("Period from March 3, 2022 (inception) through December 31, 2022", "2022-03-03--2022-12-31"),
    ("Successor Year Ended December 31, 2024", "2024-01-01--2024-12-31"),
    ("Three Months Ended June 30, 2009", "2009-04-01--2009-06-30"),
    ("December 31, 2024", "2024-12-31"),
])
def test_headers(header: str, key: str) -> None:
    period = parse_period(header)
    assert period is not None and period.key == key


SUCCESSOR = """<html><body>
<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(In thousands)</p>
<table>
<tr><td></td><td>Successor</td><td>Successor</td><td>Predecessor</td></tr>
<tr><td></td><td>Year Ended December 31, 2024</td><td>Period from June 1, 2023 through December 31, 2023</td>
<td>Period from January 1, 2023 through May 31, 2023</td></tr>
<tr><td>Revenues</td><td>1,200</td><td>700</td><td>480</td></tr>
<tr><td>Net income</td><td>120</td><td>70</td><td>(15)</td></tr>
</table></body></html>"""


def test_successor_and_predecessor_columns(tmp_path: Path) -> None:
    path = tmp_path / "fresh-start.htm"
    path.write_text(SUCCESSOR)
    statement = extract(read_document(path)).statements[0]
    assert [p.key for p in statement.periods] == [
        "2024-01-01--2024-12-31", "2023-06-01--2023-12-31", "2023-01-01--2023-05-31"]
    assert [v.shown for v in statement.items[-1].values if v] == [120, 70, -15]
