"""What the user named on the command line, as a sorted list of filing documents.

An input is a file, a folder (its filings, recursively), a glob, or ``@LIST``: a text file
naming one input per line, optionally followed by the filer's CIK (blank lines and ``#``
comments skipped).  A filing whose document carries no CIK (most HTML filings) takes it
from its list line, else from a ``filing.json`` beside it (EDGAR's filing metadata, with
a ``cik`` field), else from ``--cik``.
"""

from __future__ import annotations

import glob
import hashlib
import json
from pathlib import Path

from converter.errors import UsageError

FILING_SUFFIXES = (".txt", ".htm", ".html", ".xhtml", ".nc")


def expand_inputs(names: list[str]) -> list[tuple[Path, str | None]]:
    """Every filing the inputs name, each once, in a stable order, with the CIK its list
    line or its ``filing.json`` gives (None: the document's own, or ``--cik``)."""
    found: dict[Path, str | None] = {}
    for name in names:
        for path, cik in _expand(name, None):
            resolved = path.resolve()
            if found.get(resolved) is None:
                found[resolved] = cik or _sidecar_cik(resolved)
    return sorted(found.items())


def _sidecar_cik(path: Path) -> str | None:
    meta = path.parent / "filing.json"
    try:
        cik = json.loads(meta.read_text(encoding="utf-8")).get("cik") if meta.is_file() else None
    except (OSError, ValueError, AttributeError):
        return None
    return str(cik) if cik else None


def _expand(name: str, cik: str | None) -> list[tuple[Path, str | None]]:
    if name.startswith("@"):
        listing = Path(name[1:])
        try:
            lines = listing.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"the input list {listing} cannot be read: {exc}") from None
        found = []
        for line in lines:
            entry, _, line_cik = line.strip().partition(" ") if "\t" not in line else line.strip().partition("\t")
            if not entry or entry.startswith("#"):
                continue
            if not (Path(entry).is_absolute() or any(c in entry for c in "*?[")):
                entry = str(listing.parent / entry)
            found.extend(_expand(entry, line_cik.strip() or None))
        return found
    path = Path(name)
    if path.is_dir():
        return [(p, cik) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in FILING_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)]
    if any(c in name for c in "*?["):
        return [(Path(p), cik) for p in sorted(glob.glob(name, recursive=True)) if Path(p).is_file()]
    # a file, or a name that does not exist: the job reports it as a missing input
    return [(path, cik)]


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes ("" when it cannot be read: the job will say why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()
