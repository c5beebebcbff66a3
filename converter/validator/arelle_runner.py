"""Run Arelle in-process, offline, and return its findings as data.

Arelle is embedded through its supported API (``arelle.api.Session``).  One session is
created per process and reused, because starting Arelle is the expensive part and only
one session may run at a time.  Internet connectivity is always off: the official URLs
resolve through the taxonomy packages given (by default the generated stand-in).
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from converter.errors import InputError, TaxonomyError

# The taxonomy a package is validated against: the whole stand-in, or only the concepts the
# package names (the same findings, a tenth of the time; see ``standin.subset_package``).
TaxonomyScope = Literal["full", "filing"]

_ONE_DAY = timedelta(days=1)  # Arelle holds period ends as the next midnight
# Messages Arelle logs about its own progress, not about the document.
_PROGRESS_CODES = frozenset({"info", "", "arelle:info"})
_CALC_PREFIXES = ("calc11e:", "xbrl.5.2.5.2", "calc11:")


@dataclass(frozen=True)
class Finding:
    """One message from Arelle (or from the converter) about a package."""

    code: str
    severity: str  # error, inconsistency, warning, info
    message: str
    concept: str | None = None
    fact: str | None = None
    file: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class LoadedFact:
    """A fact as Arelle read it (from an instance or an Inline XBRL document): what two
    formats of one package must agree on."""

    concept: str
    period: str  # "2006-09-30" or "2006-07-01--2006-09-30"
    dimensions: tuple[tuple[str, str], ...]
    unit: str  # "" for a non-numeric fact
    value: str  # the typed value as text; "" for nil
    decimals: str


@dataclass
class ValidationResult:
    entry: str
    findings: list[Finding] = field(default_factory=list)
    loaded: bool = True
    facts: list[LoadedFact] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def inconsistencies(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "inconsistency"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def valid(self) -> bool:
        return self.loaded and not self.errors and not self.inconsistencies

    def summary(self) -> str:
        verdict = "valid" if self.valid else "INVALID"
        return (
            f"{verdict}: {len(self.errors)} errors, {len(self.inconsistencies)} calculation "
            f"inconsistencies, {len(self.warnings)} warnings"
        )


class _Collector(logging.Handler):
    """Keeps Arelle's log records as structured dicts (never as formatted text)."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_lock = threading.Lock()


def _uuid1_without_sockets() -> None:
    """Arelle names each model with ``uuid.uuid1()``.  Python computes that through
    libuuid, which opens an AF_INET socket to read the machine's MAC address (an ioctl, no
    traffic, but a socket all the same, and it first tries the uuidd daemon's socket).  A
    converter that promises no network use opens no socket: uuid1 is computed in Python,
    with a random node number as RFC 4122 section 4.5 allows."""
    import secrets
    import uuid

    uuid._generate_time_safe = None  # type: ignore[attr-defined]
    uuid._node = secrets.randbits(48) | (1 << 40)  # type: ignore[attr-defined]  # the multicast bit: not a MAC


_uuid1_without_sockets()
_collector = _Collector()


def _new_session() -> Any:
    """A fresh Session per run.

    Arelle's modules are imported once per process; the Session itself is not reused,
    because Arelle 2.x clears its package registry at the start of every run without
    re-initialising it, so a second run with ``packages`` fails inside Arelle.
    """
    from arelle.api.Session import Session

    return Session()


@dataclass(frozen=True)
class EdgarRules:
    """EDGAR's own checks: the EDGAR Filer Manual rules and the DQC rules EDGAR runs,
    through Arelle's EDGAR and XULE plug-ins (not part of arelle-release: the user points
    to the folder that holds ``EDGAR/`` and ``xule/``)."""

    plugins: Path
    form: str  # the submission type: 10-K, 10-Q, 8-K ...
    cik: str

    ENVIRONMENT = "XBRL_CONVERTER_EDGAR_PLUGINS"

    @classmethod
    def find(cls, plugins: Path | None, form: str, cik: str) -> EdgarRules:
        folder = plugins or (Path(os.environ[cls.ENVIRONMENT]) if os.environ.get(cls.ENVIRONMENT) else None)
        if folder is None:
            raise TaxonomyError(f"EDGAR's checks need Arelle's EDGAR and XULE plug-ins: give their folder with "
                                f"--edgar-plugins or {cls.ENVIRONMENT}")
        if not (folder / "EDGAR" / "validate").is_dir() or not (folder / "xule").is_dir():
            raise TaxonomyError(f"{folder} holds no EDGAR/validate and xule plug-ins")
        return cls(folder.resolve(), form, cik)

    def entry(self, path: Path) -> str:
        """Arelle's entry for an EDGAR submission: the file with its CIK and form."""
        document = self.form if path.suffix in (".htm", ".html") else "EX-101.INS"
        return json.dumps([{"file": str(path.resolve()), "cik": self.cik, "submissionType": self.form,
                            "attachmentDocumentType": document, "dqcRuleFilter": "XULE:9999|.*"}])


def validate(
    entry: Path,
    packages: list[Path] | None = None,
    calc: str = "c11r",
    edgar: EdgarRules | None = None,
    save_oim: Path | None = None,
    check: bool = True,
    save_viewer: Path | None = None,
    taxonomy_scope: TaxonomyScope = "full",
) -> ValidationResult:
    """Validate an instance (or a package folder's instance) with Arelle, offline.

    ``packages`` are taxonomy package zips; by default the generated stand-in (with its
    standard labels when EDGAR's rules are checked, which require them).  ``save_oim``:
    also save the instance as xBRL-JSON (``.json``) or xBRL-CSV (``.csv``: ``-facts.csv``
    and ``-metadata.json``) through Arelle's own OIM plug-in, in the same load.  An xBRL-JSON
    or xBRL-CSV metadata file as ``entry`` is loaded through Arelle's OIM loader.
    ``check=False`` only loads (to save the OIM files without validating).  ``save_viewer``:
    a folder for Arelle's Inline XBRL viewer of the document (the ``ixbrl-viewer`` plug-in),
    with its script copied beside it so that it opens with no network.  ``taxonomy_scope``
    "filing": the stand-in restricted to the concepts the package names (a batch validates
    thousands of filings, and checking all 18,000 declarations is most of each validation).
    """
    from arelle.RuntimeOptions import RuntimeOptions

    entry = resolve_entry(entry)
    refuse_entity_declarations(entry)
    if packages is None and taxonomy_scope == "filing":
        from converter.taxonomy.standin import subset_package

        with tempfile.TemporaryDirectory(prefix="xbrl-standin-") as tmp:
            subset = subset_package(entry.parent, Path(tmp) / "standin-subset.zip", labels=edgar is not None)
            return validate(entry, [subset], calc, edgar, save_oim, check, save_viewer)
    if packages is None:
        from converter.taxonomy.standin import standin_package

        packages = [standin_package(labels=edgar is not None)]
    for pkg in packages:
        if not pkg.is_file():
            raise TaxonomyError(f"taxonomy package {pkg} does not exist")
    extra: dict[str, Any] = {}
    plugins: list[str] = []
    if edgar is not None:
        plugins += [str(edgar.plugins / "EDGAR" / "validate"), str(edgar.plugins / "xule")]
        extra["disclosureSystemName"] = "efm-pragmatic"
    if save_oim is not None:
        plugins.append("saveLoadableOIM")
        extra["pluginOptions"] = {"saveLoadableOIM": str(save_oim)}
    if entry.suffix == ".json":
        plugins.append("loadFromOIM")
    if save_viewer is not None:
        plugins.append(_viewer_plugin())
        save_viewer.mkdir(parents=True, exist_ok=True)
        extra.setdefault("pluginOptions", {})["saveViewerDest"] = str(save_viewer)
    if plugins:
        extra["plugins"] = "|".join(plugins)
    options = RuntimeOptions(
        entrypointFile=edgar.entry(entry) if edgar is not None else str(entry),
        **extra,
        packages=[str(p) for p in packages],
        internetConnectivity="offline",
        validate=check,
        calcs=calc,
        keepOpen=True,  # so that findings can name their concepts and facts; closed below
        logLevel="INFO",
        logRefObjectProperties=True,
        disablePersistentConfig=True,
    )
    with _lock:
        _collector.records.clear()
        # Arelle may try to write its user config; keep it inside our cache folder.
        os.environ.setdefault("XDG_CONFIG_HOME", str(_config_home()))
        with _new_session() as session:
            ok = session.run(options, logHandler=_collector)
            models = session.get_models()
            result = ValidationResult(entry=str(entry), loaded=bool(ok))
            for record in _collector.records:
                finding = _to_finding(record, models)
                if finding is not None:
                    result.findings.append(finding)
            result.facts = [_loaded(f) for model in models[:1] for f in getattr(model, "facts", [])]
        _collector.records.clear()
    if not ok and not result.errors:
        result.findings.append(Finding("arelle:runFailed", "error", "Arelle could not load the entry point"))
    return result


def _loaded(fact: Any) -> LoadedFact:
    context = fact.context
    if context.isInstantPeriod:
        period = (context.instantDatetime - _ONE_DAY).date().isoformat()
    else:
        period = f"{context.startDatetime.date().isoformat()}--{(context.endDatetime - _ONE_DAY).date().isoformat()}"
    dims = tuple(sorted((str(axis), str(dim.memberQname)) for axis, dim in context.qnameDims.items()))
    unit = ""
    if fact.unit is not None:
        numerators, denominators = fact.unit.measures
        unit = "/".join(str(m) for m in numerators) + ("/" + "/".join(str(m) for m in denominators)
                                                      if denominators else "")
    value = "" if fact.isNil else str(fact.xValue if fact.xValue is not None else fact.value)
    if fact.unit is not None and value:
        try:
            value = format(Decimal(value).normalize(), "f")  # 0.10 and 0.1 are one number
        except InvalidOperation:
            pass  # not a number (Arelle reported it): kept as written
    return LoadedFact(str(fact.qname), period, dims, unit, value, str(fact.decimals or ""))


def _viewer_plugin() -> str:
    """Where the ixbrl-viewer package's Arelle plug-in is (an optional dependency)."""
    try:
        import iXBRLViewerPlugin  # type: ignore[import-untyped]
    except ImportError:
        raise TaxonomyError("the viewer needs the ixbrl-viewer package: pip install \".[viewer]\"") from None
    return str(os.path.dirname(iXBRLViewerPlugin.__file__))


def cik_of(entry: Path) -> str:
    """The entity identifier an instance or Inline XBRL document reports under."""
    text = resolve_entry(entry).read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<(?:xbrli:)?identifier[^>]*>\s*([^<\s]+)\s*<", text)
    if m is None:
        raise TaxonomyError(f"{entry} names no entity identifier; give the CIK with --cik")
    return m.group(1)


def resolve_entry(path: Path) -> Path:
    """A package folder validates through its single instance document (XBRL 2.1, else
    Inline XBRL)."""
    if path.is_dir():
        instances = sorted(
            p for p in path.glob("*.xml")
            if not p.name.endswith(("_cal.xml", "_pre.xml", "_lab.xml", "_def.xml"))
        ) or sorted(path.glob("*.htm"))  # an Inline XBRL package
        if len(instances) != 1:
            raise InputError(f"{path} holds {len(instances)} instance documents; name one")
        return instances[0]
    if not path.exists():
        raise InputError(f"{path} does not exist")
    return path


_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_DOCUMENT_SUFFIXES = (".xml", ".xsd", ".htm", ".html", ".xhtml", ".json")


def refuse_entity_declarations(entry: Path) -> None:
    """Refuse a package whose documents declare entities.  No XBRL filing needs them (EDGAR
    forbids a DOCTYPE), and they are how a document makes its parser read a local file or
    a URL (an external entity) or expand a few bytes into gigabytes ("billion laughs").
    Arelle's parser already refuses both; this refuses them before it is asked, with a
    one-line answer instead of a finding that is easy to miss."""
    for path in sorted({entry, *(p for p in entry.parent.iterdir() if p.suffix.lower() in _DOCUMENT_SUFFIXES)}):
        if not path.is_file():
            continue
        with path.open("rb") as handle:
            head = handle.read(1 << 20)  # a DOCTYPE comes before the root element
        if b"<!DOCTYPE" in head.upper() and _ENTITY_DECLARATION.search(head):
            raise InputError(f"{path} declares XML entities in a DOCTYPE; an XBRL filing never does, and they "
                             f"are not expanded")


def _config_home() -> Path:
    from converter.taxonomy.standin import default_cache_dir

    return default_cache_dir() / "config"


def _to_finding(record: logging.LogRecord, models: list[Any]) -> Finding | None:
    code = str(getattr(record, "messageCode", "") or "")
    level = record.levelname.lower()
    if level in ("info", "debug") or code in _PROGRESS_CODES:
        if not code.startswith(_CALC_PREFIXES):
            return None
    message = record.getMessage()
    if code.startswith(_CALC_PREFIXES) and "inconsisten" in (code + message).lower():
        severity = "inconsistency"
    elif level in ("error", "critical", "fatal"):
        severity = "error"
    elif level == "warning":
        severity = "warning"
    else:
        return None
    concept, fact, file, line = _refs(record, models)
    return Finding(code, severity, message, concept, fact, file, line)


def _refs(record: logging.LogRecord, models: list[Any]) -> tuple[str | None, str | None, str | None, int | None]:
    """Where a message points: the first referenced object's concept and fact, file and line."""
    refs = getattr(record, "refs", None) or []
    concept = fact = file = None
    line = None
    for ref in refs:
        href = ref.get("href")
        if href and file is None:
            file = os.path.basename(href.split("#")[0])
        if ref.get("sourceLine") and line is None:
            try:
                line = int(ref["sourceLine"])
            except (TypeError, ValueError):
                line = None
        obj = _model_object(models, ref.get("objectId"))
        if obj is not None and concept is None:
            qname = getattr(obj, "qname", None)
            if qname is not None:
                concept = str(qname)
            context = getattr(obj, "contextID", None)
            if context is not None:
                fact = getattr(obj, "id", None) or f"{qname}[{context}]"
    if concept is None:
        m = _QNAME_IN_MESSAGE.search(record.getMessage())
        concept = m.group(0) if m else None
    return concept, fact, file, line


_QNAME_IN_MESSAGE = re.compile(r"\b(?:us-gaap|dei|srt|[a-z]{2,6}):[A-Z][A-Za-z0-9]+")


def _model_object(models: list[Any], object_id: object) -> Any:
    if not isinstance(object_id, str):
        return None
    for model in models:
        try:
            obj = model.modelObject(object_id)
        except (AttributeError, KeyError, ValueError, IndexError):
            obj = None
        if obj is not None:
            return obj
    return None


def findings_json(result: ValidationResult) -> str:
    return json.dumps([f.as_dict() for f in result.findings], indent=2)
