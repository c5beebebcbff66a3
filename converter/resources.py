"""Where the committed data folders (``taxonomy/``, ``templates/``) are found.

In a source checkout they sit at the project's top level; an installed wheel carries
copies under ``converter/_data`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ data folder is missing from this installation")


def write_gz_json(path: Path, data: object) -> None:
    """Compact JSON, gzipped with mtime=0 so that a rebuild is byte-identical."""
    import gzip
    import json

    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    with path.open("wb") as raw_fh, gzip.GzipFile(filename="", mode="wb", fileobj=raw_fh, mtime=0) as fh:
        fh.write(raw.encode("utf-8"))
