"""Measure conversion against Inline XBRL filings: the tags are the truth.

For each filing in ``../shared/corpus/ixbrl``: strip the Inline XBRL tags (keeping their
text) to get a bare HTML input, convert it, and compare with the filer's own facts.

* The statements: the filer's balance sheet, income statement and cash-flow statement are
  found in the *tagged* original, independently of our classifier: for each kind, the
  table that holds its anchor facts (``Assets``; earnings per share or net income; the three
  net-cash totals) and, among several, the most tagged numbers.
* The truth: the non-dimensional numeric facts inside those tables, as (concept, period,
  value), per statement kind; not percentages (a "percent to sales" column is not an amount
  of the statement, and the converter reports such columns rather than tagging them).
* Recall: the share of the truth that we produced with the same period and value (any
  concept, any of our statements: a fact shown in two statements, net income in IS, CF
  and the equity statement's total column, is written once).
* Precision: the share of our BS/IS/CF facts whose period and value equal a fact the filer
  tagged anywhere in the document.
* Scale errors: our facts that are off from a filed fact of the same period by a power of ten.
* Concept accuracy: among the recalled facts, the share that carry the filer's concept
  (only facts whose filed concept is a current US-GAAP concept count).
* Validity (``--validate``): Arelle's verdict on each package.
* Totals not adding up: statement totals whose printed rows above them add up to them by
  no rule the converter knows (reported to the user), out of those plus the calculation
  relations found.
* Comprehensive income (CI, on its own lines): the filer's table of comprehensive income
  (not the income statement's or the equity statement's), measured as BS/IS/CF are.
* Parts by product or service (PS, on their own lines): the income statement table's facts
  on ``srt:ProductOrServiceAxis`` alone (Apple's "Products" and "Services" net sales),
  compared as (period, member, value); precision over our facts on that axis.
* The equity statement (EQ, reported on its own lines): the filer's table with the most
  facts on ``StatementEquityComponentsAxis`` (common stock, paid-in capital or retained
  earnings among them, so not a note's roll-forward of one component), compared as
  (period, component member or none, value); precision over our EQ facts.

Labels from the companies in the learning fold are part of the mapper's label table
(``taxonomy build --ixbrl``); the held-out companies' figures are the honest ones.  A
company is held out here if it is held out of either corpus (``filer_labels.
kept_for_measurement``): Johnson & Johnson, in the data sets' held-out fold, is learned from
nowhere and so is measured with the held-out companies.

    python benchmarks/eval_ixbrl.py [--validate] [--misses] [FILE ...]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import convert  # noqa: E402
from converter.errors import ConverterError  # noqa: E402
from converter.taxonomy.filer_labels import kept_for_measurement  # noqa: E402
from converter.taxonomy.index import ConceptIndex, load_index  # noqa: E402
from tests.conftest import ReadFact, read_facts  # noqa: E402

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XBRLDI = "{http://xbrl.org/2006/xbrldi}"
EQUITY_AXIS = "us-gaap:StatementEquityComponentsAxis"
PRODUCT_AXIS = "srt:ProductOrServiceAxis"
STANDARD_PREFIXES = ("us-gaap", "srt", "dei")


def _member(qname: str) -> str:
    """A member as compared: a company's own member by its local name alone ("tsla:" or
    "ti:" is the prefix each side chose for the company's namespace, not what it means)."""
    prefix, _, local = qname.rpartition(":")
    return qname if prefix in STANDARD_PREFIXES or not prefix else f"company:{local}"
PRIMARY_COMPONENTS = {f"us-gaap:{m}Member" for m in (
    "RetainedEarnings", "AdditionalPaidInCapital", "CommonStock", "CommonStockIncludingAdditionalPaidInCapital")}
CORPUS = ROOT.parent / "shared" / "corpus" / "ixbrl"
DEPRECATED = ROOT.parent / "shared" / "tools" / "arelle-plugins" / "EDGAR" / "validate" / "resources" / \
    "us-gaap-deprecated-concepts.json"
KINDS = ("BS", "IS", "CF")
MEASURED = (*KINDS, "CI")  # comprehensive income is measured too, on its own lines
# a table is a statement of a kind when it holds all the anchors of one of these groups
ANCHORS: dict[str, tuple[tuple[str, ...], ...]] = {
    "BS": (("us-gaap:Assets",), ("us-gaap:LiabilitiesAndStockholdersEquity",)),
    "IS": (("us-gaap:EarningsPerShareBasic",), ("us-gaap:EarningsPerShareDiluted",),
           ("us-gaap:EarningsPerShareBasicAndDiluted",)),
    "CF": (("us-gaap:NetCashProvidedByUsedInOperatingActivities",
            "us-gaap:NetCashProvidedByUsedInInvestingActivities"),),
    "CI": (("us-gaap:ComprehensiveIncomeNetOfTax",),
           ("us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest",)),
}

Key = tuple[str, Decimal]  # (period, value)


@dataclass
class Filed:
    """The filer's facts: per statement kind the (concept, period, value) in its table, and
    every tagged (period, value) of the document."""

    by_kind: dict[str, set[tuple[str, str, Decimal]]] = field(default_factory=dict)
    anywhere: set[Key] = field(default_factory=set)
    # the equity statement: (concept, period, equity component member or "", value)
    equity: set[tuple[str, str, str, Decimal]] = field(default_factory=set)
    equity_anywhere: set[tuple[str, str, Decimal]] = field(default_factory=set)
    # the income statement's parts by product or service: (concept, period, member, value)
    by_product: set[tuple[str, str, str, Decimal]] = field(default_factory=set)
    product_anywhere: set[tuple[str, str, Decimal]] = field(default_factory=set)
    cik: str = ""


def _periods(root: etree._Element) -> tuple[dict[str, str], dict[str, str], dict[str, str], str]:
    """The period of each context, the dimensional contexts (with their equity component
    member, or "" when they have other dimensions too), those on the product-or-service axis
    alone (with their member), and the CIK."""
    periods: dict[str, str] = {}
    dimensional: dict[str, str] = {}
    by_product: dict[str, str] = {}
    cik = ""
    for ctx in root.iter(f"{XBRLI}context"):
        cid = ctx.get("id", "")
        if ctx.find(f".//{XBRLI}segment") is not None:
            members = [(m.get("dimension"), (m.text or "").strip()) for m in ctx.iter(f"{XBRLDI}explicitMember")]
            alone = len(members) == 1 and len(list(ctx.iter(f"{XBRLI}segment"))[0]) == 1
            dimensional[cid] = _member(members[0][1]) if alone and members[0][0] == EQUITY_AXIS else ""
            if alone and members[0][0] == PRODUCT_AXIS:
                by_product[cid] = _member(members[0][1])
        cik = cik or (ctx.findtext(f".//{XBRLI}identifier") or "")
        instant = ctx.findtext(f".//{XBRLI}instant")
        periods[cid] = instant or f"{ctx.findtext(f'.//{XBRLI}startDate')}--{ctx.findtext(f'.//{XBRLI}endDate')}"
    return periods, dimensional, by_product, cik


def _value(el: etree._Element) -> Decimal | None:
    """The fact's value; None for a nil fact (no value: not a zero)."""
    if el.get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true":
        return None
    text = "".join(el.itertext()).strip().replace(",", "").replace(" ", "")
    try:
        value = Decimal(text) if text not in ("", "-", "—", "–") else Decimal(0)
    except InvalidOperation:
        return None
    value = value.scaleb(int(el.get("scale", "0")))
    return -value if el.get("sign") == "-" else value


def _pure_units(root: etree._Element) -> set[str]:
    return {u.get("id", "") for u in root.iter(f"{XBRLI}unit")
            if [m.text for m in u.iter(f"{XBRLI}measure")] == ["xbrli:pure"]}


def truth(path: Path) -> Filed:
    root = etree.parse(str(path), etree.XMLParser(huge_tree=True, recover=True)).getroot()
    periods, dimensional, product_contexts, cik = _periods(root)
    pure = _pure_units(root)
    filed = Filed(cik=cik)
    tables: dict[etree._Element, list[tuple[str, str, Decimal]]] = {}
    equity_tables: dict[etree._Element, list[tuple[str, str, str, Decimal]]] = {}
    product_tables: dict[etree._Element, list[tuple[str, str, str, Decimal]]] = {}
    for el in root.iter(f"{IX}nonFraction"):
        value = _value(el)
        context = el.get("contextRef", "")
        if value is None or context not in periods:
            continue
        filed.anywhere.add((periods[context], value))
        if context in product_contexts:
            filed.product_anywhere.add((periods[context], product_contexts[context], value))
            table = next((a for a in el.iterancestors(f"{XHTML}table")), None)
            if table is not None:
                product_tables.setdefault(table, []).append(
                    (el.get("name", ""), periods[context], product_contexts[context], value))
        member = dimensional.get(context, "")
        if el.get("unitRef", "") in pure or (context in dimensional and not member):
            continue
        filed.equity_anywhere.add((periods[context], member, value))
        table = next((a for a in el.iterancestors(f"{XHTML}table")), None)
        if table is None:
            continue
        equity_tables.setdefault(table, []).append((el.get("name", ""), periods[context], member, value))
        if context not in dimensional:
            tables.setdefault(table, []).append((el.get("name", ""), periods[context], value))
    # the equity statement, not a note's roll-forward of one component (AOCI by item)
    by_members = [facts for facts in equity_tables.values() if sum(1 for f in facts if f[2]) >= 5
                  and any(f[2] in PRIMARY_COMPONENTS for f in facts)]
    if by_members:
        filed.equity = set(max(by_members, key=lambda facts: sum(1 for f in facts if f[2])))
    chosen: set[etree._Element] = set()
    for kind, groups in ANCHORS.items():
        holding = [(table, facts) for table, facts in tables.items()
                   if any(all(any(f[0] == a for f in facts) for a in group) for group in groups)]
        if kind == "CI":  # its own table: not the income statement's (a combined statement), not the equity's
            holding = [(table, facts) for table, facts in holding
                       if table not in chosen and not any(f[2] for f in equity_tables.get(table, []))]
        if holding:
            table, facts = max(holding, key=lambda tf: len(tf[1]))
            chosen.add(table)
            filed.by_kind[kind] = set(facts)
            if kind == "IS":
                filed.by_product = set(product_tables.get(table, []))
    return filed


def strip(path: Path, dest: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<ix:header>.*?</ix:header>", "", raw, flags=re.S)
    raw = re.sub(r"</?ix:[^>]*>", "", raw)
    dest.write_text(raw, encoding="utf-8")


def _is_power_of_ten_off(value: Decimal, period: str, filed: set[Key]) -> bool:
    if value == 0:
        return False
    return any((period, value.scaleb(k)) in filed for k in (-9, -6, -3, 3, 6, 9))


def evaluate(path: Path, validate: bool) -> tuple[Counter[str], str]:
    filed = truth(path)
    counts: Counter[str] = Counter()
    fold = "held out" if kept_for_measurement(filed.cik, inline=True) else "learned "
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / path.name
        strip(path, bare)
        try:
            result = convert(bare, Path(tmp) / "out", cik=filed.cik or "1", validate_package=validate)
        except ConverterError as exc:
            for kind, facts in filed.by_kind.items():
                counts[f"{kind} expected"] += len(facts)
            return counts, f"{fold} failed: {exc}"
        produced = read_facts(result.output / f"{result.model.stem}.xml")
        statement_of = _statement_of_facts(result)
        counts["totals not adding up"] += len(result.unbalanced)
        counts["calculation relations"] += sum(len(ms.calculations) for ms in result.statements)
        if validate:
            counts["valid"] += int(result.valid)
            counts["validated"] += 1
    index = load_index()
    deprecated = {f"us-gaap:{name}" for name in json.loads(DEPRECATED.read_text(encoding="utf-8"))}
    ours: dict[str, dict[Key, set[str]]] = {k: {} for k in MEASURED}
    anywhere_ours: dict[Key, set[str]] = {}  # every statement's: a fact shown twice is written once
    counts["deprecated chosen"] += sum(1 for f in produced if f.concept in deprecated)
    _equity(filed, produced, statement_of, counts, index, deprecated, path)
    _by_product(filed, produced, counts, index, deprecated, path)
    for f, kind in zip(produced, statement_of, strict=True):
        if f.value is None or f.unit is None or f.dims:
            continue
        anywhere_ours.setdefault((f.period, Decimal(f.value)), set()).add(f.concept)
        if kind not in MEASURED:
            continue
        key = (f.period, Decimal(f.value))
        ours[kind].setdefault(key, set()).add(f.concept)
        counts[f"{kind} produced"] += 1
        counts[f"{kind} precise"] += key in filed.anywhere
        counts[f"{kind} scale errors"] += key not in filed.anywhere and _is_power_of_ten_off(
            key[1], key[0], filed.anywhere)
    for kind in MEASURED:
        expected = filed.by_kind.get(kind, set())
        counts[f"{kind} expected"] += len(expected)
        for concept, period, value in expected:
            concepts = anywhere_ours.get((period, value))
            if concepts is None:
                if MISSES:
                    print(f"  unrecalled {path.stem[:14]:14s} {kind} {value:>14} {period} {concept[8:]}")
                continue
            counts[f"{kind} recalled"] += 1
            if index.get(concept) is not None and concept not in deprecated:
                counts[f"{kind} judged"] += 1
                counts[f"{kind} right"] += concept in concepts
                if concept not in concepts and MISSES:
                    print(f"  miss {path.stem[:14]:14s} {kind} {value:>14} filed {concept[8:]:55s} "
                          f"ours {' '.join(c.split(':')[-1] for c in sorted(concepts))}")
    return counts, fold


def _equity(filed: Filed, produced: list[ReadFact], statement_of: list[str], counts: Counter[str],
            index: ConceptIndex, deprecated: set[str], path: Path) -> None:
    """The equity statement: (period, component member, value) against the filer's table."""
    ours: dict[tuple[str, str, Decimal], set[str]] = {}
    for f, kind in zip(produced, statement_of, strict=True):
        if f.value is None or f.unit is None or (f.dims and [d for d, _ in f.dims] != [EQUITY_AXIS]):
            continue
        key = (f.period, _member(f.dims[0][1]) if f.dims else "", Decimal(f.value))
        if kind == "EQ":
            counts["EQ produced"] += 1
            counts["EQ precise"] += key in filed.equity_anywhere
        if kind == "EQ" or not f.dims:
            ours.setdefault(key, set()).add(f.concept)
    _by_member("EQ", filed.equity, ours, counts, index, deprecated, path)


def _by_product(filed: Filed, produced: list[ReadFact], counts: Counter[str], index: ConceptIndex,
                deprecated: set[str], path: Path) -> None:
    """The income statement's parts by product or service: (period, member, value)."""
    ours: dict[tuple[str, str, Decimal], set[str]] = {}
    for f in produced:
        if f.value is not None and f.unit is not None and [d for d, _ in f.dims] == [PRODUCT_AXIS]:
            key = (f.period, _member(f.dims[0][1]), Decimal(f.value))
            ours.setdefault(key, set()).add(f.concept)
            counts["PS produced"] += 1
            counts["PS precise"] += key in filed.product_anywhere
    _by_member("PS", filed.by_product, ours, counts, index, deprecated, path)


def _by_member(kind: str, filed: set[tuple[str, str, str, Decimal]],
               ours: dict[tuple[str, str, Decimal], set[str]], counts: Counter[str], index: ConceptIndex,
               deprecated: set[str], path: Path) -> None:
    """Recall and concept accuracy of facts compared as (period, member, value)."""
    counts[f"{kind} expected"] += len(filed)
    for concept, period, member, value in filed:
        concepts = ours.get((period, member, value))
        if concepts is None:
            if MISSES:
                print(f"  lost {path.stem[:14]:14s} {kind} {value:>14} {period} {member:35s} {concept[8:]}")
            continue
        counts[f"{kind} recalled"] += 1
        if index.get(concept) is not None and concept not in deprecated:
            counts[f"{kind} judged"] += 1
            counts[f"{kind} right"] += concept in concepts
            if concept not in concepts and MISSES:
                print(f"  miss {path.stem[:14]:14s} {kind} {value:>14} {member:30s} filed {concept[8:]:50s} "
                      f"ours {' '.join(c.split(':')[-1] for c in sorted(concepts))}")


def _statement_of_facts(result: object) -> list[str]:
    """The statement kind of each fact of the instance, in document order."""
    model = result.model  # type: ignore[attr-defined]
    return [f.statement for f in model.facts]


def _line(name: str, c: Counter[str], kinds: tuple[str, ...] = KINDS) -> str:
    def total(what: str) -> int:
        return sum(c[f"{k} {what}"] for k in kinds)
    expected, recalled, produced = total("expected"), total("recalled"), total("produced")
    text = (f"{name:34s} facts {expected:5d}  recall {recalled / max(expected, 1):6.1%}  "
            f"precision {total('precise') / max(produced, 1):6.1%}  scale errors {total('scale errors'):3d}  "
            f"concept accuracy {total('right') / max(total('judged'), 1):6.1%}")
    if c["validated"]:
        text += f"  valid {c['valid']}/{c['validated']}"
    if kinds == KINDS:
        text += (f"  deprecated concepts {c['deprecated chosen']}  totals not adding up "
                 f"{c['totals not adding up']} (of {c['totals not adding up'] + c['calculation relations']})")
    return text


MISSES = "--misses" in sys.argv  # print every fact whose concept differs from the filer's


def main() -> None:
    args = sys.argv[1:]
    validate = "--validate" in args
    files = [Path(a) for a in args if not a.startswith("--")] or sorted(CORPUS.glob("*.html"))
    totals: Counter[str] = Counter()
    held: Counter[str] = Counter()
    learned: Counter[str] = Counter()
    for path in files:
        start = time.perf_counter()
        counts, note = evaluate(path, validate)
        totals.update(counts)
        (held if note.startswith("held out") else learned).update(counts)
        print(f"{_line(path.name, counts)}  {time.perf_counter() - start:5.1f} s {note}")
    for name, c in (("held-out companies", held), ("learned companies", learned), ("all", totals)):
        print(_line(name, c))
        for kind in (*MEASURED, "EQ", "PS"):
            print(_line(f"  {name} {kind}", c, (kind,)))


if __name__ == "__main__":
    main()
