"""Where the committed data folders (``taxonomy/``, ``templates/``) are found.

In a source checkout they sit at the project's top level; an installed wheel carries
copies under ``converter/_data`` (see ``pyproject.toml``).
"""

from __future__ import annotations

import os
from pathlib import Path

from converter.errors import ConverterError, TaxonomyError

_PACKAGE = Path(__file__).resolve().parent

# XBRL_CONVERTER_TAXONOMY_DIR points at another taxonomy/ folder: a rebuilt index, or in
# the tests, a damaged one.
TAXONOMY_DIR_VARIABLE = "XBRL_CONVERTER_TAXONOMY_DIR"


def data_dir(name: str) -> Path:
    override = os.environ.get(TAXONOMY_DIR_VARIABLE) if name == "taxonomy" else None
    candidates = [Path(override)] if override else [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    missing = f"the {name}/ data folder is missing from this installation ({candidates[0]})"
    raise TaxonomyError(missing) if name == "taxonomy" else ConverterError(missing)


def write_gz_json(path: Path, data: object) -> None:
    """Compact JSON, gzipped with mtime=0 so that a rebuild is byte-identical."""
    import gzip
    import json

    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    with path.open("wb") as raw_fh, gzip.GzipFile(filename="", mode="wb", fileobj=raw_fh, mtime=0) as fh:
        fh.write(raw.encode("utf-8"))
