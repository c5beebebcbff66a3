"""Every legacy filing of ``../shared/corpus/legacy``: the statements found, or why none was.

Pre-XBRL filings have no tags to compare with, so this reports what a reader would check
first: per filing, each statement's kind, periods, scale and number of line items, the
tables it was joined from, and the numbers left out; or the one-line reason the filing
could not be converted.

    python benchmarks/eval_legacy.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import ConverterError  # noqa: E402
from converter.extraction import extract  # noqa: E402
from converter.readers import read_document  # noqa: E402

LEGACY = ROOT.parent / "shared" / "corpus" / "legacy"


def main() -> None:
    files = sorted(p for p in LEGACY.rglob("*") if p.suffix in (".html", ".htm", ".txt"))
    for path in files:
        meta = path.parent / "filing.json"
        name = json.loads(meta.read_text())["company"] if meta.exists() else path.stem
        print(f"{path.relative_to(LEGACY)}  ({name})")
        try:
            filing = extract(read_document(path))
        except ConverterError as exc:
            print(f"    none: {exc}")
            continue
        for s in filing.statements:
            scale = s.scale_text or "no scale note found: amounts as printed"
            periods = ", ".join(dict.fromkeys(p.key for p in s.periods))
            if s.components:
                periods += f" x {len(dict.fromkeys(s.components))} equity components"
            joined = [w for w in s.report.warnings if w.startswith("continued")]
            print(f"    {s.kind}  {len(s.items):3d} lines  {periods}  [{scale}]"
                  + (f"  ({len(joined)} continuation)" if joined else ""))
        reasons = Counter(lo.reason.split(":")[0][:70] for lo in filing.left_out)
        print(f"    left out: {len(filing.left_out)} numbers; most often: "
              + "; ".join(f"{n} x {r}" for r, n in reasons.most_common(3)))


if __name__ == "__main__":
    main()
