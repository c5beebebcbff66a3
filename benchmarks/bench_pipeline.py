"""Benchmark the pipeline: time of each stage and peak memory.

    python benchmarks/bench_pipeline.py                      # the bundled example
    python benchmarks/bench_pipeline.py FILE.html --cik CIK  # any document (Inline XBRL: tags stripped)

Each figure is the median of several runs.  Baselines measured in the same run: the same
conversion with validation switched off, and for HTML, lxml alone parsing the document
(the floor for reading and extraction).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._metrics import peak_memory  # noqa: E402
from converter import convert  # noqa: E402

EXAMPLE = ROOT / "examples" / "capstone-2006-q2" / "filing.txt"


def main(runs: int = 5) -> None:
    args = sys.argv[1:]
    source, cik = (Path(args[0]), args[args.index("--cik") + 1]) if args else (EXAMPLE, "0001009759")
    stages: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        document = _bare(source, Path(tmp))
        convert(document, Path(tmp) / "warm", cik=cik)  # imports, caches, Arelle start-up
        for n in range(runs):
            result = convert(document, Path(tmp) / f"run{n}", cik=cik)
            for stage, seconds in result.timings.items():
                stages.setdefault(stage, []).append(seconds)
        _, peak = peak_memory(lambda: convert(document, Path(tmp) / "mem", cik=cik, validate_package=False))
        if document.suffix.lower() in (".html", ".htm"):
            floor = statistics.median(_lxml_parse(document) for _ in range(runs))
            reading = statistics.median(stages["read"]) + statistics.median(stages["extract"])
            print(f"{document.name}: read + extract {reading * 1000:.1f} ms; lxml alone parses it in "
                  f"{floor * 1000:.1f} ms ({reading / floor:.1f}x)")
    total = 0.0
    for stage in ("read", "extract", "map", "build", "write", "validate"):
        median = statistics.median(stages[stage])
        total += median
        print(f"{stage:10s} {median * 1000:9.1f} ms")
    without = total - statistics.median(stages["validate"])
    print(f"{'total':10s} {total * 1000:9.1f} ms  (conversion without validation: {without * 1000:.1f} ms, "
          f"validation is {statistics.median(stages['validate']) / total:.0%} of the run)")
    print(f"peak Python allocations of one warm conversion (no validation): {peak / 1e6:.1f} MB")
    rss = _cold_peak_rss(document if not args else EXAMPLE)
    print(f"peak resident memory of a cold process converting and validating the example: {rss / 1e6:.0f} MB")


def _bare(source: Path, folder: Path) -> Path:
    """An Inline XBRL document with its tags stripped (the converter's real input); other
    documents as they are."""
    if b"inlineXBRL" not in source.read_bytes()[:20000]:
        return source
    from benchmarks.eval_ixbrl import strip

    bare = folder / source.name
    strip(source, bare)
    return bare


def _lxml_parse(path: Path) -> float:
    import time

    import lxml.html

    start = time.perf_counter()
    lxml.html.document_fromstring(path.read_bytes())
    return time.perf_counter() - start


def _cold_peak_rss(example: Path) -> int:
    """Max RSS of a fresh interpreter running one full conversion (index, mapper, Arelle)."""
    import subprocess

    code = (
        "import resource, tempfile, pathlib, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from converter import convert\n"
        f"convert({str(example)!r}, pathlib.Path(tempfile.mkdtemp()) / 'o', cik='0001009759')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.strip().splitlines()[-1]) * 1024


if __name__ == "__main__":
    main()
