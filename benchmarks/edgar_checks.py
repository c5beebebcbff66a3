"""EDGAR's own checks on our Inline XBRL packages: the EDGAR Filer Manual rules and the
DQC rules EDGAR runs, offline, through ``../shared/tools/edgar-check`` (Arelle's EDGAR
and XULE plug-ins) against the labelled stand-in taxonomy.

Converts the founding example as an 8-K and every 10-K of ``../shared/corpus/legacy`` to
Inline XBRL, runs the checks on each, and prints per filing the errors and warnings by
code, the totals, and the time the checks took.

    python benchmarks/edgar_checks.py [--show CODE] [FILE ...]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import convert  # noqa: E402
from converter.errors import ConverterError  # noqa: E402
from converter.taxonomy.standin import standin_package  # noqa: E402

SHARED = ROOT.parent / "shared"
EDGAR_CHECK = SHARED / "tools" / "edgar-check"
EXAMPLE = ROOT / "examples" / "capstone-2006-q2" / "filing.txt"
LEGACY = SHARED / "corpus" / "legacy"
LEGACY_CIK = "0000000001"


def legacy_10ks() -> list[Path]:
    """The legacy filings whose main document is an annual report."""
    return sorted(p for p in LEGACY.glob("*/10-K*.htm*"))


def check(source: Path, cik: str, form: str, standin: Path, show: str | None) -> tuple[Counter[str], float]:
    """(findings by "level code", seconds the EDGAR checks took) for one filing."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "package"
        try:
            result = convert(source, out, cik=cik, output_format="ixbrl", validate_package=False)
        except ConverterError as exc:
            return Counter({f"conversion failed: {exc}": 1}), 0.0
        form = result.model.cover_value("dei:DocumentType") or form
        start = time.perf_counter()
        run = subprocess.run([str(EDGAR_CHECK), str(out), "--cik", cik, "--form", form, "--packages", str(standin),
                              "--python", sys.executable], capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    counts: Counter[str] = Counter()
    for line in run.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            counts[f"{parts[0]} {parts[1]}"] += 1
            if show and parts[1].startswith(show):
                print(f"    {parts[2][:300]}")
    if run.returncode == 3:
        counts["the check could not run"] += 1
    return counts, seconds


def main() -> None:
    args = sys.argv[1:]
    show = args[args.index("--show") + 1] if "--show" in args else None
    named = [Path(a) for a in args if not a.startswith("--") and a != show]
    standin = standin_package(labels=True)
    jobs = [(p, LEGACY_CIK, "10-K") for p in named] or \
        [(EXAMPLE, "0001009759", "8-K")] + [(p, LEGACY_CIK, "10-K") for p in legacy_10ks()]
    totals: Counter[str] = Counter()
    seconds = []
    for source, cik, form in jobs:
        counts, took = check(source, cik, form, standin, show)
        seconds.append(took)
        totals.update(counts)
        errors = sum(n for k, n in counts.items() if not k.startswith("warning"))
        warnings = sum(n for k, n in counts.items() if k.startswith("warning"))
        print(f"{source.parent.name + '/' + source.name:60s} errors {errors:3d}  warnings {warnings:3d}  "
              f"checks {took:4.1f} s")
        for key, n in sorted(counts.items()):
            print(f"    {n:3d}  {key}")
    print(f"all: {len(jobs)} packages, {sum(n for k, n in totals.items() if not k.startswith('warning'))} errors, "
          f"{sum(n for k, n in totals.items() if k.startswith('warning'))} warnings; EDGAR's checks "
          f"{sum(seconds) / max(len(seconds), 1):.1f} s a package")
    for key, n in totals.most_common():
        print(f"  {n:4d}  {key}")


if __name__ == "__main__":
    main()
