"""The batch's manifest: one JSON line per filing outcome, appended as each finishes.

Only the batch's own process writes it, one whole line per ``write`` and flushed to disk,
so a batch killed at any moment leaves every finished filing recorded and at most a torn
last line, which ``read`` skips.  A rerun reads it to skip filings already done with the
same bytes and settings; the latest line for a filing wins.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from converter.batch.job import FilingOutcome, Status

MANIFEST = "manifest.jsonl"
RETRIED = frozenset({Status.CRASHED})  # outcomes a rerun tries again (a killed worker may have been bad luck)


class Manifest:
    def __init__(self, outdir: Path) -> None:
        self.path = outdir / MANIFEST

    def read(self) -> dict[tuple[str, str, str], FilingOutcome]:
        """(input, sha256, settings) -> the latest outcome recorded for it."""
        done: dict[tuple[str, str, str], FilingOutcome] = {}
        if not self.path.exists():
            return done
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                outcome = FilingOutcome.from_json(json.loads(line))
            except (ValueError, TypeError, KeyError):
                continue  # the torn last line of a killed batch
            done[outcome.key] = outcome
        return done

    def is_done(self, outcome: FilingOutcome | None) -> bool:
        """Whether a recorded outcome stands: not a crash, and its package still there."""
        if outcome is None or outcome.status in RETRIED:
            return False
        return outcome.package is None or Path(outcome.package).is_dir()

    def append(self, outcome: FilingOutcome) -> None:
        line = (json.dumps(outcome.to_json(), ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if os.fstat(fd).st_size and not self._ends_with_newline():
                os.write(fd, b"\n")  # after a torn line, start a fresh one
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
