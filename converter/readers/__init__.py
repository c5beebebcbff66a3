"""Readers turn a file into a ``Document`` (tables and text). Choosing one is a registry
look-up: to add a format, add a module with a ``read`` function and one line here."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from converter.model.document import Document
from converter.readers import edgar, html, text
from converter.readers.loading import load_text

Reader = Callable[[Path, str], Document]

READERS: dict[str, Reader] = {
    "edgar": edgar.read,
    "html": html.read,
    "text": text.read,
}


def detect_format(raw: str) -> str:
    """An EDGAR submission, an HTML document, or plain text."""
    if edgar.is_submission(raw):
        return "edgar"
    sample = raw[:200000].lower()
    if "<html" in sample[:4096] or re.search(r"<t[dr][\s>]", sample):
        return "html"
    return "text"


def read_document(path: Path) -> Document:
    raw = load_text(path)
    fmt = detect_format(raw)
    return READERS[fmt](path, raw)


__all__ = ["READERS", "read_document", "detect_format"]
