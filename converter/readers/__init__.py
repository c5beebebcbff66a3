"""Readers turn a file into a ``Document`` (tables and text). Choosing one is a registry
look-up: to add a format, add a module with a ``read`` function and one line here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from converter.model.document import Document
from converter.readers import text
from converter.readers.loading import load_text

Reader = Callable[[Path, str], Document]

READERS: dict[str, Reader] = {
    "text": text.read,
}


def detect_format(raw: str) -> str:
    """Plain text is the only format this version reads; HTML is recognised and refused."""
    head = raw[:4096].lower()
    if "<html" in head or "<table" in raw[:200000].lower():
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
