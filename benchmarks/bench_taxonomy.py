"""Benchmark the taxonomy layer: index load, stand-in generation, offline validation.

Prints the median of several runs for each, against the goals of the taxonomy issue
(index load < 0.2 s, small instance validated offline < 3 s).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._metrics import median_time, row  # noqa: E402
from converter.taxonomy.index import load_index  # noqa: E402
from converter.taxonomy.standin import write_package  # noqa: E402
from converter.validator.arelle_runner import validate  # noqa: E402


def main() -> None:
    def load() -> None:
        load_index.cache_clear()
        load_index()

    print(row("load the concept index", median_time(load, 7), 0.2))
    index = load_index()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print(row("generate the stand-in package", median_time(lambda: write_package(index, out / "s.zip"), 5)))
        from tests.test_validator import COMMON_FACTS, _package

        instance = _package(out, COMMON_FACTS)
        validate(instance)  # warm-up: imports Arelle and caches the stand-in
        print(row("Arelle load + validate a 21-fact instance", median_time(lambda: validate(instance), 5), 3.0))


if __name__ == "__main__":
    main()
