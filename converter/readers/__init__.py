"""Readers turn a file into a ``Document`` (tables and text). Choosing one is a registry
look-up: to add a format, add a module with a ``read`` function and one line here."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from converter.limits import DEFAULT_LIMITS, Limits
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


def read_document(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    loaded = load_text(path, limits.max_input_bytes)
    document = READERS[detect_format(loaded.text)](path, loaded.text)
    document.notes.extend(loaded.notes)
    return document


__all__ = ["READERS", "read_document", "detect_format"]
