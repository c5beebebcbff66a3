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
    print(f"peak Python memory of one conversion (no validation): {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
