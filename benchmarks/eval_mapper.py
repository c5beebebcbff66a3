"""Measure the mapper on the SEC Financial Statement Data Sets, held-out companies.

For every statement line of a held-out company (the fold ``filer_labels.is_held_out``
keeps out of the label table), the mapper ranks concepts for the filer's label, read as
the pipeline reads a printed label (``clean_label``: "Accounts receivable, net of allowance
of $46,856" is "Accounts receivable, net"), and the top choice is compared with the
concept the filer chose.  Lines whose concept is not in
the current taxonomy (deprecated since 2009) are counted apart.  Prints accuracy per
statement and overall.

    python benchmarks/eval_mapper.py [--fsds ../shared/corpus/fsds-2009q3] [--limit N] [--fold learned] [--agreement]

Without ``--fsds`` it measures the 2009 data set (held-out fold) and then the 2025 day
(``fsds-daily-2025q3``: none of its six companies is in the label table, so all count as
held out), each on its own.  After the accuracy it prints the calibration: for each band
of the mapper's confidence, how often the first choice was right.

``--fold learned`` measures the companies the label table was built from instead, for
comparison: a gain that shows only there is not a gain.

``--agreement`` also measures how far labels can take any mapper on the 2009 set: how many
held-out lines print a label some learned company printed in the same statement, how often
the learned companies' most common concept for it is the filer's, and the mapper's
accuracy on those lines and on the rest.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.fsds_statements import FiledStatement, filed_statements  # noqa: E402
from converter.extraction.labels import clean_label  # noqa: E402
from converter.extraction.statements import is_total_label  # noqa: E402
from converter.mapper.evidence import choosable  # noqa: E402
from converter.mapper.mapper import Mapper  # noqa: E402
from converter.taxonomy.filer_labels import is_held_out, withheld_ciks  # noqa: E402
from converter.taxonomy.index import Concept, load_index  # noqa: E402
from converter.text import normalize_label  # noqa: E402

KINDS = {"xbrli:monetaryItemType": "monetary", "xbrli:sharesItemType": "shares",
         "dtr-types:perShareItemType": "perShare"}
STATEMENTS = {"BS": "BS", "IS": "IS", "CF": "CF"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fsds", type=Path, help="one data-set folder (default: the 2009 set, then the 2025 day)")
    parser.add_argument("--limit", type=int, default=0, help="stop after N lines (0: all)")
    parser.add_argument("--fold", choices=("held-out", "learned"), default="held-out")
    parser.add_argument("--mode", choices=("labels", "statements", "both"), default="both",
                        help="rank each label alone, map whole statements as the pipeline does, or both")
    parser.add_argument("--agreement", action="store_true",
                        help="also: how often filers agree on a label's concept (a ceiling for labels alone)")
    args = parser.parse_args()
    corpus = ROOT.parent / "shared" / "corpus"
    folders = [args.fsds] if args.fsds else [corpus / "fsds-2009q3", corpus / "fsds-daily-2025q3"]
    mapper = Mapper()
    for folder in folders:
        fold = args.fold if folder.name == "fsds-2009q3" else "any"
        print(f"== {folder.name} ({args.fold if fold != 'any' else 'all held out'})")
        if args.mode in ("labels", "both"):
            print("-- each label alone")
            measure(folder, mapper, fold, args.limit)
        learned = _label_concepts(folder, "learned") if args.agreement and fold != "any" else None
        if learned is not None:
            print("-- how often filers agree on a label's concept")
            measure_agreement(folder, fold, learned)
        if args.mode in ("statements", "both"):
            print("-- each statement as a whole (rows in order with their values; captions are not in the data sets)")
            measure_statements(folder, mapper, fold, learned)


BANDS = (0.0, 0.5, 0.7, 0.9, 1.0)


def measure(fsds: Path, mapper: Mapper, fold: str, limit: int) -> None:
    index = load_index()
    ciks = {}
    with (fsds / "sub.txt").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            ciks[row["adsh"]] = row["cik"]
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    top3: Counter[str] = Counter()
    gone: Counter[str] = Counter()
    banded: Counter[int] = Counter()
    banded_right: Counter[int] = Counter()
    start = time.perf_counter()
    seen = 0
    with (fsds / "pre.txt").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            stmt = STATEMENTS.get(row["stmt"])
            in_fold = _in_fold(ciks.get(row["adsh"], ""), fold)
            if stmt is None or not row["version"].startswith("us-gaap/") or not in_fold:
                continue
            qname = f"us-gaap:{row['tag']}"
            concept = index.get(qname)
            if concept is None or not _counted(concept):
                continue
            if not choosable(concept):
                gone[stmt] += 1
                continue
            kind = KINDS[concept.type]
            # the statement's period type: balance sheets are instants, flows are durations
            stmt_for_period = "BS" if concept.period_type == "instant" else ("IS" if stmt == "BS" else stmt)
            label = clean_label(row["plabel"])  # a "Total ..." row is a total, as the pipeline reads it
            ranked = mapper.rank(label, kind, stmt_for_period, is_total=is_total_label(label))
            totals[stmt] += 1
            if ranked and ranked[0].qname == qname:
                right[stmt] += 1
            if ranked:
                band = _band(ranked[0].score)
                banded[band] += 1
                banded_right[band] += ranked[0].qname == qname
            if any(s.qname == qname for s in ranked[:3]):
                top3[stmt] += 1
            seen += 1
            if limit and seen >= limit:
                break
    elapsed = time.perf_counter() - start
    n = sum(totals.values())
    _print_accuracy(totals, right, top3, {stmt: f"; {gone[stmt]} more use concepts no longer in the taxonomy"
                                          for stmt in totals}, f"{elapsed / n * 1000:.1f} ms a line")
    print("calibration (confidence of the first choice -> how often it is the filer's concept):")
    for band in sorted(banded):
        low, high = BANDS[band], BANDS[band + 1]
        plus = "+" if band == len(BANDS) - 2 else " "
        print(f"  {low:.1f}-{high:.1f}{plus}  {banded_right[band] / banded[band]:6.1%}  of {banded[band]:5d} lines")


LabelConcepts = dict[tuple[str, str], Counter[str]]


def _label_concepts(fsds: Path, fold: str) -> LabelConcepts:
    """For each (statement, label as the pipeline reads it), how many lines of the fold's
    companies carried each concept."""
    index = load_index()
    out: LabelConcepts = defaultdict(Counter)
    for filed in filed_statements(fsds):
        if not _in_fold(filed.cik, fold):
            continue
        for line in filed.lines:
            concept = index.get(f"us-gaap:{line.tag}")
            if line.version.startswith("us-gaap/") and concept is not None and _counted(concept) \
                    and choosable(concept):
                out[_label_key(filed.statement.kind.value, line.label)][line.tag] += 1
    return out


def _label_key(stmt: str, label: str) -> tuple[str, str]:
    return stmt, normalize_label(clean_label(label))


def measure_agreement(fsds: Path, fold: str, learned: LabelConcepts) -> None:
    """The ceiling of any mapping that sees only a row's label: where a learned company
    printed the same label in the same statement, how often the learned companies' most
    common concept for it is this filer's; and, within the fold itself, how often a label's
    most common concept is the one used (every label seen once counts as agreeing)."""
    here = _label_concepts(fsds, fold)
    n = sum(sum(c.values()) for c in here.values())
    seen = {k: c for k, c in here.items() if k in learned}
    n_seen = sum(sum(c.values()) for c in seen.values())
    majority = sum(c[learned[k].most_common(1)[0][0]] for k, c in seen.items())
    within = sum(max(c.values()) for c in here.values())
    print(f"lines whose label a learned company printed in the same statement: {n_seen / n:.1%} of {n}; "
          f"the learned companies' most common concept is the filer's for {majority / max(n_seen, 1):.1%} of them")
    print(f"a label's most common concept within the fold itself: right for {within / n:.1%} of lines")


def measure_statements(fsds: Path, mapper: Mapper, fold: str, learned: LabelConcepts | None = None) -> None:
    """Map each filing's statements as the pipeline does (``Mapper.map_filing``: the rows'
    order, totals, positions and values count) and compare every row's concept.  With
    ``learned``, also apart for labels a learned company printed and labels none did."""
    index = load_index()
    by_filing: dict[str, list[FiledStatement]] = defaultdict(list)
    for filed in filed_statements(fsds):
        if _in_fold(filed.cik, fold):
            by_filing[filed.adsh].append(filed)
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    top3: Counter[str] = Counter()
    start = time.perf_counter()
    for filings in by_filing.values():
        mapped = mapper.map_filing([f.statement for f in filings])
        for filed, ms in zip(filings, mapped, strict=True):
            stmt = filed.statement.kind.value
            for line, mi in zip(filed.lines, ms.items, strict=True):
                concept = index.get(f"us-gaap:{line.tag}")
                if not line.version.startswith("us-gaap/") or concept is None or not _counted(concept) \
                        or not choosable(concept) or mi.mapping is None:
                    continue
                totals[stmt] += 1
                ours = [mi.mapping.concept, *(q for q, _ in mi.mapping.alternatives[:2])]
                right[stmt] += ours[0] == concept.qname
                top3[stmt] += concept.qname in ours
                if learned is not None:
                    group = "printed" if _label_key(stmt, line.label) in learned else "unprinted"
                    totals[group] += 1
                    right[group] += ours[0] == concept.qname
    elapsed = time.perf_counter() - start
    apart = {group: (totals.pop(group, 0), right.pop(group, 0)) for group in ("printed", "unprinted")}
    _print_accuracy(totals, right, top3, {}, f"{len(by_filing)} filings, "
                    f"{elapsed / max(len(by_filing), 1) * 1000:.0f} ms a filing")
    if learned is not None:
        (n_in, r_in), (n_out, r_out) = apart["printed"], apart["unprinted"]
        print(f"labels a learned company printed: top-1 {r_in / max(n_in, 1):.1%} ({n_in} lines); "
              f"labels none printed: top-1 {r_out / max(n_out, 1):.1%} ({n_out} lines)")


def _in_fold(cik: str, fold: str) -> bool:
    """Whether a company belongs to the fold measured ("any": every company).  A company held
    out of the Inline XBRL measurement is in neither fold: the table was not built from it."""
    if fold == "any":
        return True
    if fold == "learned" and cik.lstrip("0") in withheld_ciks():
        return False
    return is_held_out(cik) == (fold == "held-out")


def _counted(concept: Concept) -> bool:
    """Lines measured: an amount, share count or per-share amount of a concrete concept."""
    return concept.type in KINDS and not concept.abstract


def _print_accuracy(totals: Counter[str], right: Counter[str], top3: Counter[str], notes: dict[str, str],
                    tail: str) -> None:
    """First-choice and top-three accuracy per statement and overall."""
    for stmt in sorted(totals):
        print(f"{stmt}: top-1 {right[stmt] / totals[stmt]:.1%}  top-3 {top3[stmt] / totals[stmt]:.1%}  "
              f"({totals[stmt]} lines{notes.get(stmt, '')})")
    n = sum(totals.values())
    print(f"all: top-1 {sum(right.values()) / n:.1%}  top-3 {sum(top3.values()) / n:.1%}  ({n} lines, {tail})")


def _band(score: float) -> int:
    """Confidence is the score capped at 1; the last band holds everything from 0.9 up."""
    return max(i for i in range(len(BANDS) - 1) if score >= BANDS[i] or i == 0)


if __name__ == "__main__":
    main()
