"""Batch conversion: a mixed set of filings, the manifest, the Parquet facts table, reruns,
killed workers, a killed batch, and the same job on a real Dask LocalCluster."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from converter.batch.engines import LocalEngine
from converter.batch.job import Job, Settings
from converter.batch.runner import run_batch
from converter.cli import main
from tests.conftest import EXAMPLE, ROOT, SHARED, read_facts

LEGACY_10K = SHARED / "corpus" / "legacy" / "MSFT-0001193125-09-158735" / "10-K_2009-07-30.html"
NEEDS_LEGACY = pytest.mark.skipif(not LEGACY_10K.exists(), reason="the legacy corpus is not present")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An input list: the example (its CIK on its line), a legacy 10-K (CIK in its
    filing.json), an empty file and a binary one."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "empty.txt").write_text("")
    (folder / "binary.htm").write_bytes(bytes(range(256)) * 50)
    listing = folder / "filings.list"
    listing.write_text(f"# the example and a 10-K\n{EXAMPLE} 0001009759\n{LEGACY_10K}\nempty.txt\nbinary.htm\n")
    return listing


@pytest.fixture(scope="module")
def local_batch(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    assert main(["batch", f"@{inputs}", "-o", str(out), "--workers", "2", "--quiet"]) == 1  # two bad inputs
    return out


def manifest(out: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    return {Path(str(r["input"])).name: r for r in rows}


@NEEDS_LEGACY
def test_a_mixed_batch_records_every_outcome(local_batch: Path) -> None:
    rows = manifest(local_batch)
    assert {name: (r["status"], r["exit_code"]) for name, r in rows.items()} == {
        "filing.txt": ("ok", 0), "10-K_2009-07-30.html": ("ok", 0),
        "empty.txt": ("failed", 2), "binary.htm": ("failed", 2)}
    assert "empty" in str(rows["empty.txt"]["message"]) and rows["binary.htm"]["meaning"] == "unusable input"
    ok = rows["filing.txt"]
    assert ok["counts"]["facts"] == 168 and ok["findings"] == {"errors": 0, "inconsistencies": 0, "warnings": 0}
    assert all(0 < float(str(r["peak_mb"])) < 1024 for r in rows.values())
    assert sorted(p.name for p in (local_batch / "packages").iterdir()) == sorted(
        Path(str(r["package"])).name for r in rows.values() if r["package"])


@NEEDS_LEGACY
def test_the_facts_table_holds_each_package_facts(local_batch: Path) -> None:
    import duckdb

    rows = manifest(local_batch)
    table = duckdb.sql(f"select * from '{local_batch / 'facts.parquet'}'")
    assert table.shape[0] == sum(int(r["counts"]["facts"]) for r in rows.values() if r["counts"])
    package = Path(str(rows["filing.txt"]["package"]))
    expected = {(f.concept, f.period, f.value) for f in read_facts(next(package.glob("cpst-*[0-9].xml")))}
    got = duckdb.sql(f"select concept, period_start, period_end, value from '{local_batch / 'facts.parquet'}' "
                     f"where filing = '{package.name}'").fetchall()
    assert {(c, f"{s}--{e}" if s else str(e), v) for c, s, e, v in got} == expected
    cik, form, label, amount = duckdb.sql(
        f"select cik, form, source_label, amount from '{local_batch / 'facts.parquet'}' "
        f"where concept = 'us-gaap:Assets' and period_end = DATE '2009-06-30'").fetchall()[0]
    assert (cik, form, label, str(amount).rstrip("0").rstrip(".")) == ("0000789019", "10-K", "Total assets",
                                                                       "77888000000")


@NEEDS_LEGACY
def test_a_rerun_skips_what_is_done_and_converts_what_changed(inputs: Path, local_batch: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = (local_batch / "manifest.jsonl").read_text()
    assert main(["batch", f"@{inputs}", "-o", str(local_batch), "--quiet"]) == 1
    assert "4 filings, 4 already done, 0 converted" in capsys.readouterr().out
    assert (local_batch / "manifest.jsonl").read_text() == before
    assert main(["batch", f"@{inputs}", "-o", str(local_batch), "--quiet", "--no-validate"]) == 1
    assert "4 already done" not in capsys.readouterr().out  # other settings: converted again


def test_a_killed_worker_costs_only_its_filing(tmp_path: Path) -> None:
    from tests.batch_tasks import crash_on_marker

    crash = tmp_path / "CRASH.txt"
    crash.write_text(EXAMPLE.read_text())
    settings = Settings(validate=False, cik="1")
    jobs = [Job(p, "0" * 64, tmp_path / "out", settings) for p in (crash, EXAMPLE, EXAMPLE.parent / "missing.txt")]
    outcomes = []
    LocalEngine(2, task=crash_on_marker).run(jobs, outcomes.append)
    by_name = {Path(o.input).name: (o.status, o.exit_code) for o in outcomes}
    assert by_name == {"CRASH.txt": ("crashed", -9), "filing.txt": ("ok", 0), "missing.txt": ("failed", 2)}


def test_a_killed_batch_resumes_without_losing_or_repeating_work(tmp_path: Path) -> None:
    sources = []
    for i in range(6):
        path = tmp_path / "in" / f"f{i}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(EXAMPLE.read_text() + f"\n{i}\n")
        sources.append(path)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "converter", "batch", str(tmp_path / "in"), "-o", str(out), "--cik", "1",
               "--workers", "1", "--quiet"]
    batch = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and not (out / "manifest.jsonl").exists():
        time.sleep(0.05)
    os.killpg(batch.pid, signal.SIGKILL)  # the batch and its workers, mid-filing
    batch.wait()
    first = (out / "manifest.jsonl").read_text().splitlines()
    assert 1 <= len(first) < 6
    assert subprocess.run(command, cwd=ROOT, capture_output=True, timeout=300).returncode == 0
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(Path(r["input"]).name for r in rows) == [f"f{i}.txt" for i in range(6)]  # each once
    assert all(r["status"] == "ok" for r in rows)
    assert not [p for p in (out / "packages").iterdir() if p.name.startswith(".")]
    assert pq.read_table(out / "facts.parquet").num_rows == 6 * 168


@NEEDS_LEGACY
def test_a_dask_local_cluster_gives_the_local_engines_output(inputs: Path, local_batch: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "dask"
    summary = run_batch([f"@{inputs}"], out, Settings(), engine="dask", workers=2, progress=False)
    assert len(summary.outcomes) == 4
    local, distributed = manifest(local_batch), manifest(out)
    for name in local:
        assert (distributed[name]["status"], distributed[name]["counts"]) == \
            (local[name]["status"], local[name]["counts"])
    assert os.getpid() not in {r["worker"] for r in distributed.values()}  # Dask's worker processes did the work
    columns = ["filing", "concept", "period_start", "period_end", "dimensions", "value", "source_label"]
    sort = [(c, "ascending") for c in columns]
    assert pq.read_table(out / "facts.parquet").select(columns).sort_by(sort).equals(
        pq.read_table(local_batch / "facts.parquet").select(columns).sort_by(sort))
