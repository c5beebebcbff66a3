"""A batch task for the tests: it kills its own worker on a filing whose name says CRASH,
as the kernel's out-of-memory killer or a segfault in a parser would."""

from __future__ import annotations

import os

from converter.batch.job import FilingOutcome, Job, run_filing


def crash_on_marker(job: Job) -> FilingOutcome:
    if "CRASH" in job.path.name:
        os._exit(137)
    return run_filing(job)
