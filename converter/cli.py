"""The command line: a thin layer over the library.

Each command makes one library call; library errors become a one-line message and the
exit code of their type (see ``converter.errors``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from converter import __version__
from converter.errors import INTERNAL_ERROR_EXIT, ConverterError, UsageError, ValidationFailedError
from converter.limits import Limits, MiB
from converter.writers import FORMATS

EXAMPLES = {
    "convert": "xbrl-converter convert examples/capstone-2006-q2/filing.txt --cik 0001009759 -o out/",
    "validate": "xbrl-converter validate out/",
    "batch": "xbrl-converter batch ../shared/corpus/legacy -o batch-out/ --workers 2",
    "taxonomy": "xbrl-converter taxonomy build --sources ../shared/taxonomy-sources "
    "--fsds ../shared/corpus/fsds-2009q3 --ixbrl ../shared/corpus/ixbrl",
}
EXIT_CODES_HELP = """exit codes:
  0   success (for convert and validate: a valid package)
  1   other converter error
  2   unusable input (empty, binary, too large, undecodable, no statements, no CIK)
  3   bad usage (wrong arguments, a malformed CIK, a bad mapping file)
  4   taxonomy problem (missing index or taxonomy package)
  5   the package is invalid (Arelle errors or calculation inconsistencies)
  6   the output folder cannot be written
  70  internal error (a bug: please report it)
  141 the output pipe was closed early (as by | head); the work itself was done"""


BATCH_EXIT_HELP = """exit codes:
  0   every filing became a valid package
  1   some filings did not (manifest.jsonl says which and why; the batch went on)
  3   bad usage (no filings found, another batch writing the same folder)
  6   the output folder cannot be written"""


PIPE_CLOSED_EXIT = 141  # 128 + SIGPIPE, as the shell reports a command whose output pipe closed


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on bad arguments; here 2 means unusable input, so bad usage
    gets its own code, 3, like every other usage error."""

    def error(self, message: str) -> NoReturn:
        self.exit(UsageError.exit_code, f"error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="xbrl-converter",
        description="Turn the financial statements in SEC filings into XBRL filing packages.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    convert = sub.add_parser("convert", help="convert a filing document into an XBRL package",
                             epilog=f"example:\n  {EXAMPLES['convert']}\n\n{EXIT_CODES_HELP}",
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("input", type=Path,
                         help="the filing: plain text, EDGAR HTML or a full submission (.txt with <DOCUMENT>s)")
    convert.add_argument("-o", "--output", type=Path, required=True, help="the package folder to write")
    convert.add_argument("--cik", help="the filer's CIK, when the document does not carry one")
    convert.add_argument("--mapping", type=Path,
                         help="label -> concept overrides: JSON object, YAML mapping or CSV (label,concept)")
    convert.add_argument("--prior", type=Path, metavar="PACKAGE_OR_REPORT",
                         help="an earlier conversion of the same company: reuse its concepts for the same labels")
    convert.add_argument("--format", dest="output_format", choices=sorted(FORMATS), default="xbrl",
                         help="xbrl: an XBRL 2.1 instance; ixbrl: an Inline XBRL document that shows the "
                              "statements; json, csv: the instance also as xBRL-JSON or xBRL-CSV (all beside "
                              "the company taxonomy; default xbrl)")
    convert.add_argument("--viewer", action="store_true",
                         help="with --format ixbrl: also write Arelle's Inline XBRL viewer into viewer/ "
                              "(it opens offline)")
    convert.add_argument("--no-validate", action="store_true", help="skip Arelle validation")
    convert.add_argument("--json", action="store_true", help="print the summary as JSON")
    convert.add_argument("--taxonomy-scope", choices=["full", "filing"], default="full",
                         help="validate against the full stand-in (default) or the stand-in restricted to the "
                              "concepts the package uses (the same findings, ten times faster)")
    _limit_options(convert)
    _taxonomy_option(convert)
    _edgar_options(convert)

    validate = sub.add_parser("validate", help="validate an XBRL instance or package folder with Arelle",
                              epilog=f"example:\n  {EXAMPLES['validate']}\n\n{EXIT_CODES_HELP}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    validate.add_argument("path", type=Path, help="an instance document or a package folder")
    validate.add_argument("--json", action="store_true", help="print the findings as JSON")
    _taxonomy_option(validate)
    _edgar_options(validate)
    validate.add_argument("--form", help="the submission type for --edgar (10-K, 10-Q, 8-K ...)")
    validate.add_argument("--cik", help="the filer's CIK for --edgar (default: the document's entity identifier)")

    batch = sub.add_parser("batch", help="convert many filings: one package each, a manifest and a facts table",
                           epilog=f"example:\n  {EXAMPLES['batch']}\n\n{BATCH_EXIT_HELP}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    batch.add_argument("inputs", nargs="+", help="filing files, folders, globs, or @LIST (a file naming one per line)")
    batch.add_argument("-o", "--output", type=Path, required=True,
                       help="the batch folder: packages/, facts/, facts.parquet, manifest.jsonl")
    batch.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                       help="worker processes (default: one per core)")
    batch.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="local: worker processes on this machine (default); dask: a Dask LocalCluster")
    batch.add_argument("--dask-scheduler", metavar="tcp://HOST:PORT",
                       help="run on this Dask distributed cluster (inputs and output on shared storage)")
    batch.add_argument("--cik", help="the CIK of filings that carry none and have none listed (a one-company batch)")
    batch.add_argument("--format", dest="output_format", choices=sorted(FORMATS), default="xbrl")
    batch.add_argument("--no-validate", action="store_true", help="skip Arelle validation")
    batch.add_argument("--taxonomy-scope", choices=["filing", "full"], default="filing",
                       help="validate against the stand-in restricted to the concepts each filing uses "
                            "(default, fast) or the full stand-in")
    batch.add_argument("--quiet", action="store_true", help="no progress bar: only the closing summary")
    batch.add_argument("--json", action="store_true", help="print the summary as JSON")
    _limit_options(batch)

    taxonomy = sub.add_parser("taxonomy", help="build or inspect the concept index",
                              epilog=f"example:\n  {EXAMPLES['taxonomy']}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    tsub = taxonomy.add_subparsers(dest="action", required=True)
    build = tsub.add_parser("build", help="rebuild taxonomy/ from the official sources")
    build.add_argument("--sources", type=Path, required=True, help="the taxonomy-sources folder")
    build.add_argument("--fsds", type=Path, help="SEC Financial Statement Data Sets folder (filer labels)")
    build.add_argument("--modern-usage", type=Path,
                       help="edgartools' gaap mappings json (how many companies use each concept today)")
    build.add_argument("--ixbrl", type=Path, help="Inline XBRL filings (modern filer labels, learning fold only)")
    build.add_argument("--deprecated", type=Path,
                       help="the SEC's us-gaap-deprecated-concepts.json (concepts the mapper never chooses)")
    build.add_argument("--out", type=Path, help="where to write (default: the installed taxonomy/ folder)")
    tsub.add_parser("evidence", help="re-derive the mapper's evidence from the committed index and filer labels")
    show = tsub.add_parser("show", help="print what the index knows of a concept")
    show.add_argument("concept", help="a prefixed name such as us-gaap:Assets")
    standin = tsub.add_parser("standin", help="write the offline stand-in taxonomy package (zip)")
    standin.add_argument("-o", "--output", type=Path, required=True)
    standin.add_argument("--no-labels", action="store_true",
                         help="without the standard-label linkbases (faster to load; EDGAR's checks need them)")
    return parser


def _edgar_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--edgar", action="store_true",
                   help="also run EDGAR's checks (EDGAR Filer Manual and DQC rules) through Arelle's EDGAR plug-in")
    p.add_argument("--edgar-plugins", type=Path, metavar="DIR",
                   help="the folder holding Arelle's EDGAR/ and xule/ plug-ins (or set XBRL_CONVERTER_EDGAR_PLUGINS)")


def _limit_options(p: argparse.ArgumentParser) -> None:
    defaults = Limits()
    p.add_argument("--max-input-mb", type=_positive, default=defaults.max_input_bytes // MiB, metavar="MB",
                   help=f"refuse a larger input file (default {defaults.max_input_bytes // MiB})")
    p.add_argument("--max-table-rows", type=_positive, default=defaults.max_table_rows, metavar="N",
                   help=f"report a longer table's numbers as left out instead of reading it "
                        f"(default {defaults.max_table_rows})")
    p.add_argument("--max-table-columns", type=_positive, default=defaults.max_table_columns, metavar="N",
                   help=f"report a wider table's numbers as left out instead of reading it "
                        f"(default {defaults.max_table_columns})")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(max_input_bytes=args.max_input_mb * MiB, max_table_rows=args.max_table_rows,
                  max_table_columns=args.max_table_columns)


def _taxonomy_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--taxonomy-package", type=Path, action="append", dest="packages",
                   help="an official taxonomy package zip to use instead of the stand-in (repeatable)")


def entry() -> NoReturn:
    """The console command: ``main``, then an immediate exit.

    Everything the command writes is closed by then; what is left is Python tearing down
    Arelle's object graph one object at a time, which takes half a second after a
    validation.  The process skips that (its memory goes back to the system whole)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or PIPE_CLOSED_EXIT
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ConverterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output went away (| head): nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return PIPE_CLOSED_EXIT
    except Exception as exc:  # a bug: say so in one line, never a traceback
        print(f"internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return INTERNAL_ERROR_EXIT


def _run(args: argparse.Namespace) -> int:
    if args.command == "convert":
        return _convert(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "batch":
        return _batch(args)
    return _taxonomy(args)


def _batch(args: argparse.Namespace) -> int:
    from converter.batch.job import Settings, Status
    from converter.batch.runner import run_batch

    settings = Settings(output_format=args.output_format, validate=not args.no_validate, cik=args.cik,
                        taxonomy_scope=args.taxonomy_scope, limits=_limits(args))
    summary = run_batch(args.inputs, args.output, settings, engine=args.engine, workers=args.workers,
                        scheduler=args.dask_scheduler, progress=not args.quiet and not args.json)
    converted = len(summary.outcomes)
    rate = converted / summary.seconds * 60 if summary.seconds else 0.0
    peak = max((o.peak_mb for o in summary.outcomes), default=0.0)
    data = {"output": str(summary.outdir),
            "filings": summary.filings, "skipped": summary.skipped, "converted": converted,
            "statuses": dict(summary.statuses), "facts": summary.facts, "seconds": round(summary.seconds, 2),
            "filingsPerMinute": round(rate, 1), "peakWorkerMB": peak}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary.statuses.items())) or "none"
        print(f"wrote {summary.outdir}/: {summary.filings} filings, {summary.skipped} already done, "
              f"{converted} converted ({statuses})")
        print(f"facts: {summary.facts} rows in {summary.outdir / 'facts.parquet'}")
        print(f"time: {summary.seconds:.1f} s ({rate:.1f} filings a minute), peak worker memory {peak:.0f} MB")
        for o in summary.outcomes:
            if o.status is not Status.OK:
                print(f"  {o.status}: {o.input}: {o.message or o.meaning}")
    earlier = [o for o in summary.latest if o.status is not Status.OK and o not in summary.outcomes]
    if earlier:
        print(f"  and {len(earlier)} filings that did not convert in an earlier run (see manifest.jsonl)")
    return 0 if summary.all_ok else 1


def _convert(args: argparse.Namespace) -> int:
    from converter.pipeline import REVIEW_BELOW, convert, summary

    result = convert(args.input, args.output, cik=args.cik, mapping_file=args.mapping, prior=args.prior,
                     validate_package=not args.no_validate, taxonomy_packages=args.packages,
                     output_format=args.output_format, edgar_plugins=args.edgar_plugins if args.edgar else None,
                     edgar=args.edgar, viewer=args.viewer, limits=_limits(args),
                     taxonomy_scope=args.taxonomy_scope)
    if args.json:
        print(json.dumps(summary(result), indent=2))
    else:
        kinds = ", ".join(ms.statement.kind for ms in result.statements)
        print(f"wrote {result.output}/ ({len(result.files)} files)")
        print(f"statements: {len(result.statements)} ({kinds})")
        if result.scale_not_stated:
            print(f"scale: no scale note found for {', '.join(result.scale_not_stated)}; amounts taken as printed")
        print(f"facts: {len(result.model.facts)} ({result.standard_count} standard, "
              f"{result.extension_count} extension)")
        extensions = [e.name for e in result.model.extensions if not e.abstract]
        if extensions:
            print(f"extension concepts: {', '.join(extensions)}")
        review = result.to_review
        if review:
            print(f"review: {len(review)} line items mapped with confidence below {REVIEW_BELOW} "
                  f"(see mapping-report.json):")
            for row in review[:5]:
                print(f"  {row.statement} {row.label!r} -> {row.concept} ({row.confidence:.2f})")
        if result.left_out:
            print(f"left out: {len(result.left_out)} numbers (see mapping-report.json)")
            for lo in result.left_out[:5]:
                print(f"  line {lo.line}: {lo.text!r}: {lo.reason}")
        else:
            print("left out: none")
        if result.unbalanced:
            print(f"do not add up: {', '.join(result.unbalanced)} (the printed rows above them; reported, "
                  f"not changed)")
        for note in result.model.report.input_notes:
            print(f"input: {note}")
        missing = result.model.report.cover_missing
        if missing:
            one = len(missing) == 1
            print(f"cover page: {len(missing)} {'fact' if one else 'facts'} the form asks for "
                  f"{'is' if one else 'are'} not stated: " + ", ".join(m.split(":", 1)[0] for m in missing))
        if result.validation is None:
            print("validation: skipped")
        else:
            print(f"Arelle: {result.validation.summary()}")
            for finding in (result.validation.errors + result.validation.inconsistencies)[:10]:
                print(f"  [{finding.code}] {finding.message}")
    if result.validation is not None and not result.validation.valid:
        return ValidationFailedError.exit_code
    return 0


def _validate(args: argparse.Namespace) -> int:
    from converter.validator.arelle_runner import EdgarRules, cik_of, findings_json, validate

    edgar = None
    if args.edgar:
        if not args.form:
            raise UsageError("--edgar needs the submission type: --form 10-K (or 10-Q, 8-K ...)")
        edgar = EdgarRules.find(args.edgar_plugins, args.form, args.cik or cik_of(args.path))
    result = validate(args.path, args.packages, edgar=edgar)
    if args.json:
        print(findings_json(result))
    else:
        for f in result.findings:
            where = f" ({f.file}{f':{f.line}' if f.line else ''})" if f.file else ""
            print(f"{f.severity}: [{f.code}] {f.message}{where}")
        print(result.summary())
    return 0 if result.valid else ValidationFailedError.exit_code


def _taxonomy(args: argparse.Namespace) -> int:
    from converter.errors import TaxonomyError

    if args.action == "build":
        from converter.resources import data_dir
        from converter.taxonomy.build import build_index

        if not args.sources.is_dir():
            raise TaxonomyError(f"{args.sources} is not a folder of taxonomy sources")
        out = args.out or data_dir("taxonomy")
        counts = {}
        if args.modern_usage is not None:  # first: the filer-label table reads it
            from converter.taxonomy.modern_usage import build_modern_usage, load_modern_usage

            counts["modern usage"] = build_modern_usage(args.modern_usage, out)
            load_modern_usage.cache_clear()
        counts.update(build_index(args.sources, out, args.fsds, args.ixbrl))
        if args.deprecated is not None:
            from converter.taxonomy.deprecated import build_deprecated

            counts["deprecated"] = build_deprecated(args.deprecated, out)
        counts["evidence rows"] = _build_evidence(out)
        print(f"wrote {out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        return 0
    if args.action == "evidence":
        from converter.resources import data_dir

        out = data_dir("taxonomy")
        print(f"wrote {out}: {_build_evidence(out)} evidence rows")
        return 0
    if args.action == "standin":
        from converter.taxonomy.index import load_index
        from converter.taxonomy.standin import write_package

        path = write_package(load_index(), args.output, labels=not args.no_labels)
        print(f"wrote {path} (a STAND-IN, not the official taxonomy)")
        return 0
    from converter.taxonomy.index import load_index

    concept = load_index().get(args.concept)
    if concept is None:
        raise TaxonomyError(f"{args.concept} is not in the concept index")
    print(json.dumps({k: v for k, v in concept.__dict__.items()}, indent=2, default=list))
    return 0


def _build_evidence(out: Path) -> int:
    """The mapper's tokenised labels, from the index, filer labels and deprecated list in ``out``."""
    from converter.mapper.evidence import build_evidence
    from converter.taxonomy import deprecated
    from converter.taxonomy.index import load_index, load_label_table

    for cached in (load_index, load_label_table):  # the build may have just rewritten them
        cached.cache_clear()
    deprecated.forget()
    return build_evidence(out)


if __name__ == "__main__":
    sys.exit(main())
