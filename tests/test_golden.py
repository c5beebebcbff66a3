"""The example's output against the committed expected package (flattened facts, and
every other file byte for byte, since output is deterministic)."""

from __future__ import annotations

from converter import Result
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
