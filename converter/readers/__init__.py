"""Readers turn a file into a ``Document`` (tables and text). Choosing one is a registry
look-up: to add a format, add a module with a ``read`` function and one line here."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from converter.model.document import Document
from converter.readers import edgar, text
from converter.readers.loading import load_text

Reader = Callable[[Path, str], Document]

READERS: dict[str, Reader] = {
    "edgar": edgar.read,
    "text": text.read,
}


def detect_format(raw: str) -> str:
    """EDGAR submissions and plain text are read; HTML is recognised and refused."""
    if edgar.is_submission(raw):
        return "edgar"
    sample = raw[:200000].lower()
    if "<html" in sample[:4096] or re.search(r"<t[dr][\s>]", sample):
        return "html"
    return "text"


def read_document(path: Path) -> Document:
    raw = load_text(path)
    fmt = detect_format(raw)
    reader = READERS.get(fmt)
    if reader is None:
        from converter.errors import InputError

        raise InputError(f"{path} is {fmt.upper()}; this version reads plain-text filings only")
    return reader(path, raw)


__all__ = ["READERS", "read_document", "detect_format"]
