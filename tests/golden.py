"""Golden files: an instance flattened to one line per fact (concept | period | dims |
value | unit | decimals), sorted, with nothing volatile in it.

Update the committed expectations after an intended change with
``python -m tests.golden``, and review the diff.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, read_facts

EXPECTED = EXAMPLE.parent / "expected"


def flatten(instance: Path) -> str:
    lines = []
    for f in read_facts(instance):
        dims = ",".join(f"{a}={m}" for a, m in f.dims) or "-"
        value = "nil" if f.value is None else f.value
        lines.append(f"{f.concept} | {f.period} | {dims} | {value} | {f.unit or '-'} | {f.decimals or '-'}")
    return "\n".join(sorted(lines)) + "\n"


def update() -> None:
    from converter import convert

    result = convert(EXAMPLE, EXPECTED.parent / ".expected-new", cik="0001009759")
    if EXPECTED.exists():
        shutil.rmtree(EXPECTED)
    result.output.rename(EXPECTED)
    (EXPECTED / "facts.tsv").write_text(flatten(EXPECTED / f"{result.model.stem}.xml"), encoding="utf-8")
    print(f"updated {EXPECTED}")


if __name__ == "__main__":
    update()
    sys.exit(0)
