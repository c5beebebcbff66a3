"""Writers render the XBRL model to files. Choosing one is a registry look-up: a new
output format is one module and one line in ``WRITERS``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from converter.model.xbrl import XbrlModel
from converter.writers.package import write_package

Writer = Callable[[XbrlModel, Path, str], list[Path]]

WRITERS: dict[str, Writer] = {
    "xbrl": write_package,
}

__all__ = ["WRITERS", "Writer"]
