"""Batch throughput and the cost of a filing against Arelle's own, on this machine.

(a) Throughput in filings a minute over ``../shared/corpus`` (the legacy filings and the
    Inline XBRL 10-Ks and 10-Qs with their tags stripped), for:
    - the naive loop: ``xbrl-converter convert --no-validate`` and then ``arelleCmdLine``
      (with the full stand-in) on each filing, one after the other;
    - ``xbrl-converter batch`` with one worker and with two (the local engine), which
      validates each filing against the stand-in restricted to its concepts;
    - the same batch with two workers validating against the full stand-in.
(b) For the example and for one 10-K: ``xbrl-converter convert`` (convert and validate,
    a fresh process) divided by ``arelleCmdLine`` validating the finished package, both
    offline with the same stand-in (the full one; and, for the batch's way, the one
    restricted to the filing's concepts).

Every figure is the median of ``--runs`` runs, and every baseline is measured in the same
run of this script.  Peak memory per worker comes from the batch's manifest.

    python benchmarks/bench_batch.py [--runs 3] [--skip-naive]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from converter.validator.arelle_runner import cik_of, resolve_entry

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLE = ROOT / "examples" / "capstone-2006-q2" / "filing.txt"
TEN_K = CORPUS / "ixbrl" / "ko-10-k-2025-02-20.html"
BIN = Path(sys.executable).parent


def corpus_list(folder: Path) -> Path:
    """The corpus as an input list: legacy filings as they are (their CIK in filing.json),
    Inline XBRL documents with their tags stripped (their CIK from the tags)."""
    from benchmarks.eval_ixbrl import strip

    lines = [str(p) for p in sorted((CORPUS / "legacy").rglob("*")) if p.suffix in (".html", ".htm", ".txt")]
    for source in sorted((CORPUS / "ixbrl").glob("*.htm*")):
        bare = folder / source.name
        strip(source, bare)
        lines.append(f"{bare} {cik_of(source)}")
    listing = folder / "corpus.list"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "xbrl-converter"), *args], capture_output=True, text=True, cwd=ROOT)


def _arelle(instance: Path, package: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "arelleCmdLine"), "--file", str(instance), "--packages", str(package),
                           "--internetConnectivity", "offline", "--validate", "--calc", "c11r",
                           "--disablePersistentConfig"], capture_output=True, text=True, cwd=ROOT)


def naive_loop(listing: Path, work: Path, standin: Path) -> tuple[float, int]:
    """Seconds for the naive loop over the list, and how many filings it converted."""
    converted = 0
    start = time.perf_counter()
    for n, line in enumerate(listing.read_text().splitlines()):
        path, _, cik = line.partition(" ")
        if not cik:
            meta = Path(path).parent / "filing.json"
            cik = str(json.loads(meta.read_text())["cik"]) if meta.exists() else ""
        out = work / f"naive-{n}"
        proc = _cli("convert", path, "-o", str(out), "--no-validate", *(["--cik", cik] if cik else []))
        if proc.returncode == 0:
            _arelle(resolve_entry(out), standin)
            converted += 1
    return time.perf_counter() - start, converted


def batch(listing: Path, out: Path, workers: int, scope: str) -> float:
    shutil.rmtree(out, ignore_errors=True)
    return _timed(lambda: _cli("batch", f"@{listing}", "-o", str(out), "--workers", str(workers), "--quiet",
                               "--taxonomy-scope", scope))


def ratio(source: Path, cik: str, work: Path, standin: Path, runs: int) -> dict[str, float]:
    """Our convert-and-validate against arelleCmdLine validating the finished package."""
    ours = [_timed(lambda: _cli("convert", str(source), "--cik", cik, "-o", str(work / "r"))) for _ in range(runs)]
    package = work / "r"
    instance = resolve_entry(package)
    theirs = [_timed(lambda: _arelle(instance, standin)) for _ in range(runs)]
    from converter.taxonomy.standin import subset_package

    subset = subset_package(package, work / "subset.zip")
    theirs_subset = [_timed(lambda: _arelle(instance, subset)) for _ in range(runs)]
    return {"ours": statistics.median(ours), "arelle_full": statistics.median(theirs),
            "arelle_subset": statistics.median(theirs_subset)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-naive", action="store_true", help="leave out the naive loop (minutes)")
    args = parser.parse_args()
    from converter.taxonomy.standin import standin_package

    standin = standin_package()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        listing = corpus_list(work)
        filings = len(listing.read_text().splitlines())
        print(f"corpus: {filings} filings ({listing})")
        rows: dict[str, list[float]] = {"batch, 1 worker": [], "batch, 2 workers": [],
                                        "batch, 2 workers, full stand-in": []}
        if not args.skip_naive:
            rows["naive loop (convert, then arelleCmdLine)"] = []
        for run in range(args.runs):
            if not args.skip_naive:
                seconds, _ = naive_loop(listing, work, standin)
                rows["naive loop (convert, then arelleCmdLine)"].append(seconds)
            rows["batch, 1 worker"].append(batch(listing, work / "b1", 1, "filing"))
            rows["batch, 2 workers"].append(batch(listing, work / "b2", 2, "filing"))
            rows["batch, 2 workers, full stand-in"].append(batch(listing, work / "bf", 2, "full"))
            print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in rows.items()), flush=True)
        manifest = [json.loads(line) for line in (work / "b2" / "manifest.jsonl").read_text().splitlines()]
        statuses: dict[str, int] = {}
        for row in manifest:
            statuses[row["status"]] = statuses.get(row["status"], 0) + 1
        print(f"\n(a) throughput over {filings} filings (outcomes: {statuses}), median of {args.runs}:")
        medians = {k: statistics.median(v) for k, v in rows.items()}
        for name, seconds in medians.items():
            print(f"  {name:45s} {seconds:7.1f} s  {filings / seconds * 60:7.1f} filings a minute")
        naive = medians.get("naive loop (convert, then arelleCmdLine)")
        one, two = medians["batch, 1 worker"], medians["batch, 2 workers"]
        if naive:
            print(f"  batch (2 workers) / naive loop: {naive / two:.1f} x (target at least 5)")
        print(f"  scaling from 1 to 2 workers: {one / two:.2f} x, efficiency {one / two / 2:.0%} (target 80%)")
        print(f"  peak memory per worker: {max(r['peak_mb'] for r in manifest):.0f} MB (target under 1024)")
        print(f"\n(b) convert and validate / arelleCmdLine validating the package, median of {args.runs}:")
        for name, source, cik in (("example", EXAMPLE, "0001009759"), ("KO 10-K", TEN_K, "21344")):
            if source == TEN_K:
                bare = work / "ko.html"
                from benchmarks.eval_ixbrl import strip

                strip(TEN_K, bare)
                source = bare
            r = ratio(source, cik, work, standin, args.runs)
            print(f"  {name:8s} ours {r['ours']:.2f} s; arelleCmdLine {r['arelle_full']:.2f} s with the full "
                  f"stand-in (ratio {r['ours'] / r['arelle_full']:.2f}, target 1.3), {r['arelle_subset']:.2f} s "
                  f"with the filing's subset")


if __name__ == "__main__":
    main()
