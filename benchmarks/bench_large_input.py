"""Time and peak memory of one conversion of a 200 MB HTML filing.

The file is a real 10-K (tags stripped) with some 200 MB of narrative and note tables
added after its statements, as an exhibit-laden submission would have: paragraphs and
small tables with numbers, none of them a statement.  The conversion runs in a child
process through the command line, so its peak resident memory is measured alone.

    python benchmarks/bench_large_input.py [--size-mb 200] [--source FILE.html] [--validate]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "ixbrl" / "ko-10-k-2025-02-20.html"

_PARAGRAPH = ("<p>The Company's operations are subject to risks including changes in foreign currency exchange "
              "rates, interest rates and commodity prices, and to the outcome of legal proceedings. Management "
              "believes that the ultimate outcome of these matters will not have a material effect.</p>\n")


def _note_table(n: int) -> str:
    rows = "".join(f"<tr><td>Segment {n}-{i} revenue</td><td>{1000 + 37 * i + n % 97:,}</td>"
                   f"<td>{900 + 29 * i + n % 89:,}</td></tr>" for i in range(6))
    return (f"<p>Note {n}: supplementary information (in millions)</p><table><tr><td></td><td>2024</td>"
            f"<td>2023</td></tr>{rows}</table>\n")


def build(source: Path, target: Path, size_mb: int) -> int:
    """The 10-K with padding before its closing tags; returns the file's size in bytes."""
    from benchmarks.eval_ixbrl import strip

    stripped = target.with_suffix(".stripped.html")
    strip(source, stripped)
    html = stripped.read_text(encoding="utf-8")
    stripped.unlink()
    cut = html.lower().rfind("</body>")
    head, tail = (html[:cut], html[cut:]) if cut >= 0 else (html, "")
    with target.open("w", encoding="utf-8") as out:
        out.write(head)
        written, n = len(head.encode()), 0
        goal = size_mb * 1_000_000 - len(tail.encode())
        while written < goal:
            block = _PARAGRAPH * 20 + _note_table(n)
            out.write(block)
            written += len(block.encode())
            n += 1
        out.write(tail)
    return target.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--validate", action="store_true", help="also validate the package (default: no)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "large.html"
        size = build(args.source, big, args.size_mb)
        command = [sys.executable, "-m", "converter", "convert", str(big), "--cik", "21344", "-o",
                   str(Path(tmp) / "out"), *([] if args.validate else ["--no-validate"])]
        start = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"input: {size / 1e6:.0f} MB ({args.source.name} and note tables)")
    print(f"exit code: {proc.returncode}")
    print("\n".join(line for line in proc.stdout.splitlines()
                    if line.startswith(("statements", "facts", "left out", "Arelle", "validation"))))
    if proc.stderr.strip():
        print(f"stderr: {proc.stderr.strip()}")
    print(f"time: {elapsed:.1f} s (target under 120 s)")
    print(f"peak memory: {peak_mb:.0f} MB (target under 2048 MB)")


if __name__ == "__main__":
    main()
