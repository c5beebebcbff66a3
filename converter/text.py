"""Small text helpers shared by the extraction and mapping stages."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
# a parenthesis says how the row's figure may turn ("(loss)", "(used in)", "(increase)"),
# which one label shares with another; one naming the other way of a cash flow ("Proceeds
# from (repayments of) debt") says the row is the net of both, and is kept
_CASH_WAYS = r"repayments?|payments?|purchases?|proceeds|issuances?|borrowings?|sales?"
_PAREN = re.compile(rf"\((?![^)]*\b(?:{_CASH_WAYS})\b)[^)]*\)")


def normalize_label(label: str) -> str:
    """Lower-case words only: the form labels are compared in."""
    text = label.lower().replace("&", " and ")
    text = _PAREN.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def words(label: str) -> list[str]:
    return normalize_label(label).split()


_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                             "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2026": "...", "\u2022": "*"})


def ascii_text(text: str) -> str:
    """Text EDGAR accepts in a taxonomy file: typographic punctuation as its ASCII form,
    accented letters without their accents, anything else dropped."""
    plain = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHY))
    return " ".join(plain.encode("ascii", "ignore").decode("ascii").split())
