"""The example's output against the committed expected package (flattened facts, and
every other file byte for byte, since output is deterministic)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from converter import Result
from tests.conftest import EXAMPLE
from tests.golden import EXPECTED, flatten


def test_facts_match_the_golden_dump(example_result: Result) -> None:
    produced = flatten(example_result.output / f"{example_result.model.stem}.xml")
    assert produced == (EXPECTED / "facts.tsv").read_text(encoding="utf-8")


def test_every_expected_file_is_produced_identically(example_result: Result) -> None:
    produced = {p.name for p in example_result.output.iterdir()}
    expected = {p.name for p in EXPECTED.iterdir()} - {"facts.tsv"}
    assert expected == produced, "orphaned or missing expected files"
    for name in sorted(expected - {"validation.json"}):
        assert (example_result.output / name).read_bytes() == (EXPECTED / name).read_bytes(), name


def test_the_mapping_report_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Set order changes with PYTHONHASHSEED; the mapper's scores and the label it names as
    the best match must not (a float summed over a set once picked another tied label)."""
    reports = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "converter", "convert", str(EXAMPLE), "-o", str(out),
                        "--cik", "0001009759", "--no-validate"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        reports.append((out / "mapping-report.json").read_bytes())
    assert reports[0] == reports[1]
