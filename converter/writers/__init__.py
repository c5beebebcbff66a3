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
    oim_suffix: str | None = None  # also saved as xBRL-JSON (.json) or xBRL-CSV (.csv), by Arelle

    def entry(self, model: XbrlModel) -> str:
        return f"{model.stem}{self.entry_suffix}"

    def oim(self, model: XbrlModel) -> str | None:
        return f"{model.stem}{self.oim_suffix}" if self.oim_suffix else None


FORMATS: dict[str, OutputFormat] = {
    "xbrl": OutputFormat(write_package, ".xml"),
    "ixbrl": OutputFormat(write_inline, ".htm"),
    # the Open Information Model formats are written by Arelle's own serialiser from the
    # instance it has loaded (not by a template of ours), beside the XBRL 2.1 package
    "json": OutputFormat(write_package, ".xml", ".json"),
    "csv": OutputFormat(write_package, ".xml", ".csv"),
}

__all__ = ["FORMATS", "OutputFormat", "Writer"]
