"""One filing of a batch, converted inside a worker process.

A worker imports the converter and Arelle once and keeps the mapper's knowledge (the
concept index and evidence arrays) loaded between filings: ``warm_up`` runs when the
worker starts.  ``run_filing`` never raises: every outcome, a bug included, becomes a
``FilingOutcome`` with the exit code the command line would have given.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import time
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from converter import __version__
from converter.errors import EXIT_MEANINGS, INTERNAL_ERROR_EXIT, ConverterError, ValidationFailedError
from converter.limits import DEFAULT_LIMITS, Limits
from converter.validator.arelle_runner import TaxonomyScope


class Status(StrEnum):
    """A filing's outcome in a batch."""

    OK = "ok"  # a valid package
    INVALID = "invalid"  # a package Arelle found errors in (its facts are still written)
    FAILED = "failed"  # no package: the converter said why (exit code and message)
    CRASHED = "crashed"  # the worker died; a rerun tries again

    @property
    def has_facts(self) -> bool:
        return self in (Status.OK, Status.INVALID)


@dataclass(frozen=True)
class Settings:
    """What a batch converts with; a filing converted with other settings is converted again."""

    output_format: str = "xbrl"
    validate: bool = True
    cik: str | None = None  # for filings that carry none and have none listed
    taxonomy_scope: TaxonomyScope = "filing"
    limits: Limits = DEFAULT_LIMITS

    def key(self) -> str:
        raw = json.dumps({"version": __version__, "format": self.output_format, "validate": self.validate,
                          "cik": self.cik,
                          "scope": self.taxonomy_scope, "limits": [str(v) for v in asdict(self.limits).values()]},
                         sort_keys=True)
        return hashlib.sha256(raw.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Job:
    path: Path
    digest: str
    outdir: Path
    settings: Settings
    cik: str | None = None  # from the input list or the filing's filing.json

    @property
    def name(self) -> str:
        """The filing's package name: its file name and a short hash of its bytes (two
        filings both called ``filing.txt`` never share a folder)."""
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", self.path.stem)[:60] or "filing"
        return f"{stem}-{(self.digest or 'unreadable')[:8]}"

    @property
    def key(self) -> tuple[str, str, str]:
        """What the manifest knows a filing by: its path, its bytes and the settings."""
        return str(self.path), self.digest, self.settings.key()

    @property
    def package(self) -> Path:
        return self.outdir / "packages" / self.name

    @property
    def facts_file(self) -> Path:
        return self.outdir / "facts" / f"{self.name}.parquet"


@dataclass
class FilingOutcome:
    """One line of the manifest."""

    input: str
    sha256: str
    settings: str
    status: Status
    exit_code: int
    meaning: str
    package: str | None = None
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    peak_mb: float = 0.0
    worker: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        return self.input, self.sha256, self.settings

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FilingOutcome:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**fields, "status": Status(fields["status"])})


def warm_up() -> None:
    """Load what every filing needs, once per worker process."""
    from arelle.api.Session import Session  # noqa: F401  (Arelle's modules, imported once)

    from converter.mapper.evidence import load_evidence
    from converter.taxonomy.index import load_index

    load_index()
    load_evidence()


def run_filing(job: Job) -> FilingOutcome:
    """Convert (and validate) one filing into its package and its facts file."""
    from converter.batch.facts import fact_rows, write_facts
    from converter.pipeline import convert

    start = time.perf_counter()
    outcome = FilingOutcome(*job.key, Status.FAILED, 0, "", worker=os.getpid())
    try:
        result = convert(job.path, job.package, cik=job.cik or job.settings.cik,
                         validate_package=job.settings.validate,
                         output_format=job.settings.output_format, limits=job.settings.limits,
                         taxonomy_scope=job.settings.taxonomy_scope)
        write_facts(fact_rows(result, job.name, str(job.path)), job.facts_file)
        valid = result.validation is None or result.validation.valid
        outcome.status = Status.OK if valid else Status.INVALID
        outcome.exit_code = 0 if valid else ValidationFailedError.exit_code
        outcome.package = str(job.package)
        outcome.counts = {"statements": len(result.statements), "facts": len(result.model.facts),
                          "extension": result.extension_count, "leftOut": len(result.left_out),
                          "review": len(result.to_review)}
        if result.validation is not None:
            outcome.findings = {"errors": len(result.validation.errors),
                                "inconsistencies": len(result.validation.inconsistencies),
                                "warnings": len(result.validation.warnings)}
    except ConverterError as exc:
        outcome.exit_code, outcome.message = exc.exit_code, str(exc)
    except Exception as exc:  # a bug: recorded, and the batch goes on
        outcome.exit_code, outcome.message = INTERNAL_ERROR_EXIT, f"{type(exc).__name__}: {exc}"
    outcome.meaning = EXIT_MEANINGS[outcome.exit_code]
    outcome.seconds = round(time.perf_counter() - start, 3)
    outcome.peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return outcome
