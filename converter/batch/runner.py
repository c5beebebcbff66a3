"""A whole batch: expand the inputs, skip what is done, run the rest, record every
outcome, and join the facts into one table."""

from __future__ import annotations

import fcntl
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from converter.batch.engines import DaskEngine, LocalEngine
from converter.batch.facts import consolidate
from converter.batch.inputs import expand_inputs, file_digest
from converter.batch.job import FilingOutcome, Job, Settings, Status
from converter.batch.manifest import Manifest
from converter.errors import OutputError, UsageError

FACTS = "facts.parquet"


@dataclass
class BatchSummary:
    outdir: Path
    filings: int
    skipped: int
    outcomes: list[FilingOutcome] = field(default_factory=list)  # this run's
    latest: list[FilingOutcome] = field(default_factory=list)  # every filing's, this run's or an earlier one's
    facts: int = 0
    seconds: float = 0.0

    @property
    def statuses(self) -> Counter[Status]:
        return Counter(o.status for o in self.outcomes)

    @property
    def all_ok(self) -> bool:
        return all(o.status is Status.OK for o in self.latest)


def run_batch(inputs: list[str], outdir: Path, settings: Settings, engine: str = "local", workers: int = 2,
              scheduler: str | None = None, progress: bool = True) -> BatchSummary:
    start = time.perf_counter()
    outdir = outdir.resolve()
    paths = [(p, cik) for p, cik in expand_inputs(inputs) if not p.is_relative_to(outdir)]  # not our own output
    if not paths:
        raise UsageError(f"no filings found in {' '.join(inputs)}")
    try:
        (outdir / "packages").mkdir(parents=True, exist_ok=True)
        lock = (outdir / ".lock").open("w")
    except OSError as exc:
        raise OutputError(f"cannot write {outdir}: {exc.strerror}") from None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise UsageError(f"another batch is writing {outdir}") from None
    with lock:
        _remove_staging(outdir / "packages")  # what a killed batch was writing
        manifest = Manifest(outdir)
        recorded = manifest.read()
        jobs, kept = [], []
        for path, cik in paths:
            job = Job(path, file_digest(path), outdir, settings, cik)
            if manifest.is_done(recorded.get(job.key)):
                kept.append(job)
            else:
                jobs.append(job)
        summary = BatchSummary(outdir, len(paths), len(kept))
        bar = _progress(len(jobs), progress)

        def done(outcome: FilingOutcome) -> None:
            manifest.append(outcome)
            summary.outcomes.append(outcome)
            if bar is not None:
                bar.set_postfix_str(outcome.status, refresh=False)
                bar.update(1)

        chosen = DaskEngine(workers, scheduler) if engine == "dask" or scheduler else LocalEngine(workers)
        try:
            chosen.run(jobs, done)
        finally:
            if bar is not None:
                bar.close()
        latest = manifest.read()
        summary.latest = [o for job in [*jobs, *kept] if (o := latest.get(job.key)) is not None]
        with_facts = {Path(o.package).name for o in summary.latest if o.status.has_facts and o.package}
        summary.facts = consolidate(outdir / "facts", outdir / FACTS, with_facts)
    summary.seconds = time.perf_counter() - start
    return summary


def _remove_staging(packages: Path) -> None:
    for leftover in packages.glob(".*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)


def _progress(total: int, enabled: bool) -> Any:
    if not enabled or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="filing", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
