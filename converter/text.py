"""Small text helpers shared by the extraction and mapping stages."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[^a-z0-9]+")
_PAREN = re.compile(r"\([^)]*\)")


def normalize_label(label: str) -> str:
    """Lower-case words only: the form labels are compared in."""
    text = label.lower().replace("&", " and ")
    text = _PAREN.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def words(label: str) -> list[str]:
    return normalize_label(label).split()
