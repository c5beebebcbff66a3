"""The whole conversion as one library call: ``convert(path, output) -> Result``.

Stages run in order and hand each other the neutral model.  The package is written to a
temporary folder beside the output, validated there, and moved into place only at the
end, so a failed run never leaves a half-written output folder.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from converter.builder.builder import Builder
from converter.errors import MissingCikError, OutputError, UsageError
from converter.extraction import extract
from converter.limits import DEFAULT_LIMITS, Limits
from converter.mapper.calculations import find_calculations
from converter.mapper.mapper import Mapper
from converter.mapper.overrides import read_mapping_file, read_prior
from converter.model.mapping import MappedStatement
from converter.model.report import ReviewEntry
from converter.model.statements import ExtractedFiling, LeftOut
from converter.model.xbrl import XbrlModel
from converter.readers import read_document
from converter.taxonomy.index import load_index
from converter.validator.arelle_runner import EdgarRules, TaxonomyScope, ValidationResult, validate
from converter.writers import FORMATS
from converter.writers.inline import EVIDENCE_PAGE, evidence_page, link_evidence

T = TypeVar("T")


# Below this confidence the mapper's first choice was the filer's concept less than 60% of
# the time on held-out companies (benchmarks/eval_mapper.py, calibration): worth a look.
REVIEW_BELOW = 0.7


def to_review(statements: list[MappedStatement]) -> list[ReviewEntry]:
    """Line items whose concept a person should check: chosen by the mapper (not a mapping
    file or an earlier filing) with a confidence below ``REVIEW_BELOW``, extensions included."""
    return [ReviewEntry(ms.statement.kind, mi.item.raw_label, mi.mapping.concept, mi.mapping.confidence)
            for ms in statements for mi in ms.items
            if mi.mapping is not None and not mi.mapping.from_user and mi.mapping.confidence < REVIEW_BELOW]


@dataclass
class Result:
    output: Path
    files: list[Path]
    model: XbrlModel
    statements: list[MappedStatement]
    left_out: list[LeftOut]
    validation: ValidationResult | None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.validation is not None and self.validation.valid

    @property
    def scale_not_stated(self) -> list[str]:
        """Statements printed with no scale note: their amounts are taken as printed."""
        return [ms.statement.kind for ms in self.statements if not ms.statement.scale_text]

    @property
    def unbalanced(self) -> list[str]:
        """Statement totals that the printed rows above them do not add up to, as "BS 'Total assets'"."""
        return [f"{s.kind} {label!r}" for s in self.model.report.statements for label in s.unbalanced]

    @property
    def to_review(self) -> list[ReviewEntry]:
        return to_review(self.statements)

    @property
    def standard_count(self) -> int:
        return sum(1 for f in self.model.facts if not f.concept.startswith(self.model.prefix + ":"))

    @property
    def extension_count(self) -> int:
        return len(self.model.facts) - self.standard_count


def normalize_cik(cik: str) -> str:
    digits = cik.strip()
    if not re.fullmatch(r"\d{1,10}", digits):
        raise UsageError(f"CIK {cik!r} is not a number of up to 10 digits")
    return digits.zfill(10)



def convert(
    path: Path | str,
    output: Path | str,
    cik: str | None = None,
    mapping_file: Path | None = None,
    prior: Path | None = None,
    validate_package: bool = True,
    taxonomy_packages: list[Path] | None = None,
    output_format: str = "xbrl",
    edgar: bool = False,
    edgar_plugins: Path | None = None,
    viewer: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    taxonomy_scope: TaxonomyScope = "full",
) -> Result:
    path, output = Path(path), Path(output)
    timings: dict[str, float] = {}

    def timed(stage: str, fn: Callable[[], T]) -> T:
        start = time.perf_counter()
        value = fn()
        timings[stage] = time.perf_counter() - start
        return value

    chosen = FORMATS.get(output_format)
    if chosen is None:
        raise UsageError(f"unknown output format {output_format!r}; choose from {', '.join(FORMATS)}")
    if viewer and output_format != "ixbrl":
        raise UsageError("the viewer shows an Inline XBRL document: use --format ixbrl with --viewer")
    overrides = read_mapping_file(mapping_file, load_index()) if mapping_file else {}
    earlier = read_prior(prior, load_index()) if prior else {}
    extracted, read_notes, header = _read_and_extract(path, limits, timed)
    cik_value = cik or header.get("cik")
    if not cik_value:
        raise MissingCikError(path)
    cik_value = normalize_cik(cik_value)
    rules = None
    if edgar and validate_package:  # EDGAR's checks for the form the cover page names
        form = str(extracted.cover.fields.get("DocumentType") or "")
        if not form:
            raise UsageError("EDGAR's checks need the form type, and the document's cover page names none")
        rules = EdgarRules.find(edgar_plugins, form, cik_value)

    def map_all() -> list[MappedStatement]:
        mapper = Mapper(overrides, prior=earlier)
        mapped = mapper.map_filing(extracted.statements)
        for ms in mapped:
            find_calculations(ms, mapper.index)
        return mapped

    mapped = timed("map", map_all)
    outcome = timed("build", lambda: Builder(load_index(), cik_value, extracted.cover, limits).build(mapped))
    left_out = extracted.left_out + outcome.left_out
    outcome.model.report.left_out = left_out
    outcome.model.report.review = to_review(mapped)
    outcome.model.report.cover_missing = extracted.cover.missing
    outcome.model.report.input_notes = read_notes
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    except OSError as exc:
        raise OutputError(f"cannot write beside {output}: {exc.strerror}") from None
    try:
        files = timed("write", lambda: chosen.write(outcome.model, staging, path.name))
        validation = None
        instance = staging / chosen.entry(outcome.model)
        oim = chosen.oim(outcome.model)
        save_oim = staging / oim if oim else None
        viewer_dir = staging / "viewer" if viewer else None
        if validate_package:
            validation = timed("validate", lambda: validate(instance, taxonomy_packages, edgar=rules,
                                                            save_oim=save_oim, save_viewer=viewer_dir,
                                                            taxonomy_scope=taxonomy_scope))
        elif save_oim is not None or viewer_dir is not None:
            timed("write OIM/viewer", lambda: validate(instance, taxonomy_packages, save_oim=save_oim, check=False,
                                                       save_viewer=viewer_dir))
        if viewer_dir is not None:
            pages = sorted(viewer_dir.glob("*.html"))
            if not pages:
                raise OutputError("Arelle's viewer plug-in wrote no viewer")
            (viewer_dir / EVIDENCE_PAGE).write_text(evidence_page(outcome.model, REVIEW_BELOW), encoding="utf-8")
            for page in pages:
                link_evidence(page)
            files.append(viewer_dir)
        if save_oim is not None:
            written = sorted(staging.glob(f"{outcome.model.stem}*.json")) + \
                sorted(staging.glob(f"{outcome.model.stem}*.csv"))
            if not written:
                raise OutputError(f"Arelle did not write the {oim} file")
            files.extend(written)
        if validation is not None:
            report = staging / "validation.json"
            report.write_text(
                json.dumps({"valid": validation.valid, "findings": [f.as_dict() for f in validation.findings]},
                           indent=2) + "\n", encoding="utf-8")
            files.append(report)
        _move_into_place(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    files = [output / f.name for f in files]
    return Result(output, files, outcome.model, mapped, left_out, validation, timings)


def _read_and_extract(path: Path, limits: Limits, timed: Callable[[str, Callable[[], Any]], Any]
                      ) -> tuple[ExtractedFiling, list[str], dict[str, str]]:
    """The statements and cover, what reading changed, and the SEC header.  The document
    itself (all of a filing's text) is let go here, before mapping and validation."""
    document = timed("read", lambda: read_document(path, limits))
    extracted = timed("extract", lambda: extract(document, limits))
    return extracted, document.notes, document.header


def _move_into_place(staging: Path, output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output} exists and is not a folder")
    old: Path | None = None
    if output.exists():
        old = output.with_name(f".{output.name}.old-{time.time_ns()}")
        output.rename(old)
    try:
        staging.rename(output)
    except OSError as exc:
        if old is not None:
            old.rename(output)
        raise OutputError(f"cannot move the package into {output}: {exc.strerror}") from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def summary(result: Result) -> dict[str, Any]:
    return {
        "statements": [ms.statement.kind for ms in result.statements],
        "facts": len(result.model.facts),
        "standard": result.standard_count,
        "extension": result.extension_count,
        "leftOut": len(result.left_out),
        "scaleNotStated": result.scale_not_stated,
        "review": [r.to_json() for r in result.to_review],
        "coverMissing": result.model.report.cover_missing,
        "totalsThatDoNotAddUp": result.unbalanced,
        "input": result.model.report.input_notes,
        "valid": result.valid,
    }
