"""xBRL-JSON and xBRL-CSV round trips: each filing converted with ``--format json`` and
``--format csv``, the OIM file loaded back into Arelle, its facts compared with the
instance's (concept, period, dimensions, unit, value, decimals); and the time the OIM
formats add to a conversion.

Runs on the example and every legacy 10-K; more filings (for instance the corpus's Inline
XBRL 10-Ks with their tags stripped) can be named.

    python benchmarks/oim_round_trip.py [FILE ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import convert  # noqa: E402
from converter.validator.arelle_runner import validate  # noqa: E402

EXAMPLE = ROOT / "examples" / "capstone-2006-q2" / "filing.txt"
LEGACY = ROOT.parent / "shared" / "corpus" / "legacy"
OIM_ENTRY = {"json": "{stem}.json", "csv": "{stem}-metadata.json"}


def round_trip(source: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        plain = convert(source, Path(tmp) / "xbrl", cik="0000000001")
        base = time.perf_counter() - start
        assert plain.validation is not None
        cells = []
        for fmt, entry in OIM_ENTRY.items():
            start = time.perf_counter()
            result = convert(source, Path(tmp) / fmt, cik="0000000001", output_format=fmt)
            extra = time.perf_counter() - start - base
            loaded = validate(Path(tmp) / fmt / entry.format(stem=result.model.stem))
            same = set(loaded.facts) == set(plain.validation.facts) and loaded.valid
            cells.append(f"{fmt} {'identical' if same else 'DIFFERENT'} ({len(loaded.facts)} facts, "
                         f"{extra:+.2f} s)")
    return "  ".join(cells)


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or [EXAMPLE, *sorted(LEGACY.glob("*/10-K*.htm*"))]
    for source in files:
        print(f"{source.parent.name + '/' + source.name:60s} {round_trip(source)}")


if __name__ == "__main__":
    main()
