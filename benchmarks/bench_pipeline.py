"""Benchmark the pipeline on the bundled example: time of each stage and peak memory.

Each figure is the median of several runs; the baseline is the same conversion with
validation switched off, measured in the same run.
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
    stages: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        convert(EXAMPLE, Path(tmp) / "warm", cik="0001009759")  # imports, caches, Arelle start-up
        for n in range(runs):
            result = convert(EXAMPLE, Path(tmp) / f"run{n}", cik="0001009759")
            for stage, seconds in result.timings.items():
                stages.setdefault(stage, []).append(seconds)
        _, peak = peak_memory(lambda: convert(EXAMPLE, Path(tmp) / "mem", cik="0001009759",
                                              validate_package=False))
    total = 0.0
    for stage in ("read", "extract", "map", "build", "write", "validate"):
        median = statistics.median(stages[stage])
        total += median
        print(f"{stage:10s} {median * 1000:9.1f} ms")
    without = total - statistics.median(stages["validate"])
    print(f"{'total':10s} {total * 1000:9.1f} ms  (conversion without validation: {without * 1000:.1f} ms, "
          f"validation is {statistics.median(stages['validate']) / total:.0%} of the run)")
    print(f"peak Python allocations of one warm conversion (no validation): {peak / 1e6:.1f} MB")
    rss = _cold_peak_rss()
    print(f"peak resident memory of a cold process converting and validating the example: {rss / 1e6:.0f} MB")


def _cold_peak_rss() -> int:
    """Max RSS of a fresh interpreter running one full conversion (index, mapper, Arelle)."""
    import subprocess

    code = (
        "import resource, tempfile, pathlib, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from converter import convert\n"
        f"convert({str(EXAMPLE)!r}, pathlib.Path(tempfile.mkdtemp()) / 'o', cik='0001009759')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.strip().splitlines()[-1]) * 1024


if __name__ == "__main__":
    main()
