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
