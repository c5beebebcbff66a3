"""The founding example re-typeset with spaces instead of tabs, the way EDGAR text
filings of the 1990s are laid out, must give exactly the same facts."""

from __future__ import annotations

import re
from pathlib import Path

from converter import convert
from converter.extraction.values import parse_amount
from tests.conftest import EXAMPLE
from tests.golden import EXPECTED, flatten

LABEL, COLUMN = 64, 20


def _retypeset(text: str) -> str:
    out = []
    for line in re.sub(r"</?i>", "", text).replace("\\$", "$").split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = line.split("\t")
        label, values = cells[0], cells[1:]
        while len(label) > LABEL - 2:  # long labels wrap onto indented lower-case lines
            cut = label.rfind(" ", 0, LABEL - 4)
            head, label = label[:cut], "  " + label[cut + 1:]
            if label.strip()[:1].isupper():  # keep the continuation lower-case, as print does
                label = "  and " + label.strip()
            out.append(head)
        row = label.ljust(LABEL)
        j = 0
        while j < len(values):
            span = 1
            while j + span < len(values) and values[j + span] == "" and values[j] \
                    and parse_amount(values[j]) is None:
                span += 1  # a text cell followed by empty cells spans them
            width = COLUMN * span
            cell = values[j].replace("\\$", "$")
            row += cell.center(width) if span > 1 else cell.rjust(width)
            j += span
        out.append(row.rstrip())
    return "\n".join(out)


def test_space_aligned_seed_gives_the_same_facts(tmp_path: Path) -> None:
    path = tmp_path / "spaced.txt"
    path.write_text(_retypeset(EXAMPLE.read_text(encoding="utf-8")))
    assert "\t" not in path.read_text()
    result = convert(path, tmp_path / "out", cik="0001009759")
    assert result.valid
    produced = flatten(result.output / f"{result.model.stem}.xml")
    assert produced == (EXPECTED / "facts.tsv").read_text(encoding="utf-8")
