"""Measure conversion against Inline XBRL filings: the tags are the truth.

For each filing in ``../shared/corpus/ixbrl``: strip the Inline XBRL tags (keeping their
text) to get a bare HTML input, convert it, and compare with the filer's own facts.

* The truth: the filer's non-dimensional numeric facts whose concept US-GAAP presents in a
  primary statement (balance sheet, income, comprehensive income, cash flows, equity).
* Recall: the share of those facts that the conversion produced with the same period and
  value (any concept).
* Concept accuracy: among the recalled facts, the share tagged with the filer's concept.

Labels from the companies in the learning fold are part of the mapper's label table
(``taxonomy build --ixbrl``); the held-out companies' figures are the honest ones.

    python benchmarks/eval_ixbrl.py [FILE ...]
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import convert  # noqa: E402
from converter.errors import ConverterError  # noqa: E402
from converter.taxonomy.index import load_index  # noqa: E402
from converter.taxonomy.ixbrl_labels import is_held_out_ixbrl  # noqa: E402
from tests.conftest import read_facts  # noqa: E402

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
CORPUS = ROOT.parent / "shared" / "corpus" / "ixbrl"
STATEMENTS = {"BS", "IS", "CF", "CI", "EQ"}


def truth(path: Path) -> tuple[set[tuple[str, str, Decimal]], str]:
    """(filer facts as (concept, period, value), CIK) from an Inline XBRL document."""
    root = etree.parse(str(path), etree.XMLParser(huge_tree=True, recover=True)).getroot()
    periods: dict[str, str | None] = {}
    cik = ""
    for ctx in root.iter(f"{XBRLI}context"):
        if ctx.find(f".//{XBRLI}segment") is not None:
            periods[ctx.get("id", "")] = None  # dimensional: not a face-statement fact
            continue
        cik = cik or (ctx.findtext(f".//{XBRLI}identifier") or "")
        instant = ctx.findtext(f".//{XBRLI}instant")
        periods[ctx.get("id", "")] = instant or (
            f"{ctx.findtext(f'.//{XBRLI}startDate')}--{ctx.findtext(f'.//{XBRLI}endDate')}")
    index = load_index()
    facts = set()
    for el in root.iter(f"{IX}nonFraction"):
        period = periods.get(el.get("contextRef", ""))
        name = el.get("name", "")
        concept = index.get(name)
        if period is None or concept is None or not STATEMENTS & set(concept.statements):
            continue
        text = "".join(el.itertext()).strip().replace(",", "")
        try:
            value = Decimal(text) if text not in ("", "-", "—") else Decimal(0)
        except InvalidOperation:
            continue
        value = value.scaleb(int(el.get("scale", "0")))
        if el.get("sign") == "-":
            value = -value
        facts.add((name, period, value))
    return facts, cik


def strip(path: Path, dest: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<ix:header>.*?</ix:header>", "", raw, flags=re.S)
    raw = re.sub(r"</?ix:[^>]*>", "", raw)
    dest.write_text(raw, encoding="utf-8")


def evaluate(path: Path) -> tuple[int, int, int, str]:
    expected, cik = truth(path)
    fold = "held out" if is_held_out_ixbrl(cik) else "learned "
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / path.name
        strip(path, bare)
        try:
            result = convert(bare, Path(tmp) / "out", cik=cik or "1", validate_package=False)
        except ConverterError as exc:
            return len(expected), 0, 0, f"{fold} failed: {exc}"
        produced = read_facts(result.output / f"{result.model.stem}.xml")
    by_period_value: dict[tuple[str, Decimal], set[str]] = {}
    for f in produced:
        if f.value is not None and f.unit is not None and not f.dims:
            by_period_value.setdefault((f.period, Decimal(f.value)), set()).add(f.concept)
    recalled = [e for e in expected if (e[1], e[2]) in by_period_value]
    right = [e for e in recalled if e[0] in by_period_value[(e[1], e[2])]]
    return len(expected), len(recalled), len(right), fold


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or sorted(CORPUS.glob("*.html"))
    totals: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for path in files:
        start = time.perf_counter()
        n, recalled, right, note = evaluate(path)
        totals.update(expected=n, recalled=recalled, right=right)
        if note.startswith("held out"):
            held.update(expected=n, recalled=recalled, right=right)
        recall = recalled / n if n else 0.0
        accuracy = right / recalled if recalled else 0.0
        print(f"{path.name:32s} facts {n:4d}  recall {recall:6.1%}  concept accuracy {accuracy:6.1%}  "
              f"{time.perf_counter() - start:5.1f} s {note}")
    for name, c in (("held-out companies", held), ("all", totals)):
        n, recalled, right = c["expected"], c["recalled"], c["right"]
        print(f"{name:32s} facts {n:4d}  recall {recalled / max(n, 1):6.1%}  "
              f"concept accuracy {right / max(recalled, 1):6.1%}")


if __name__ == "__main__":
    main()
