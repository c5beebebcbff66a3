"""Writers render the XBRL model to files. Choosing one is a registry look-up: a new
output format is one module and one entry in ``FORMATS``, which also names the file a
processor opens (the entry point Arelle validates)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from converter.model.xbrl import XbrlModel
from converter.writers.inline import write_inline
from converter.writers.package import write_package

Writer = Callable[[XbrlModel, Path, str], list[Path]]


@dataclass(frozen=True)
class OutputFormat:
    write: Writer
    entry_suffix: str  # the entry point is ``<stem><suffix>``

    def entry(self, model: XbrlModel) -> str:
        return f"{model.stem}{self.entry_suffix}"


FORMATS: dict[str, OutputFormat] = {
    "xbrl": OutputFormat(write_package, ".xml"),
    "ixbrl": OutputFormat(write_inline, ".htm"),
}

__all__ = ["FORMATS", "OutputFormat", "Writer"]
