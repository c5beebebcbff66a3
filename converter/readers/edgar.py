"""EDGAR full submissions (.txt with ``<SEC-HEADER>`` and ``<DOCUMENT>`` parts).

The header gives the CIK, company name, form type and period; each ``<DOCUMENT>``'s
``<TEXT>`` is read with the plain-text reader after the old EDGAR table markup
(``<TABLE>``, ``<CAPTION>``, ``<S>``/``<C>`` column-marker lines, ``<PAGE>``) is removed.
HTML documents inside a submission are read with the HTML reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from converter.model.document import Document, TextBlock
from converter.readers import html, text

HEADER_FIELDS = {
    "cik": r"CENTRAL INDEX KEY:\s*(\d+)",
    "company": r"COMPANY CONFORMED NAME:\s*(.+)",
    "form": r"CONFORMED SUBMISSION TYPE:\s*(\S+)",
    "period": r"CONFORMED PERIOD OF REPORT:\s*(\d{8})",
    "fiscal_year_end": r"FISCAL YEAR END:\s*(\d{4})",
    "state_of_incorporation": r"STATE OF INCORPORATION:\s*([A-Z]{2})",
    "ein": r"IRS NUMBER:\s*(\d{9})",
    "file_number": r"SEC FILE NUMBER:\s*(\S+)",
}
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)</DOCUMENT>", re.S | re.I)
_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|$)", re.S | re.I)
_MARKUP_LINE = re.compile(r"^\s*(?:</?(?:TABLE|CAPTION|PAGE|FN)>\s*|<S>.*|<C>.*)$", re.I)


def is_submission(raw: str) -> bool:
    head = raw[:20000]
    return "<SEC-HEADER>" in head or "<SEC-DOCUMENT>" in head or bool(re.search(r"^<DOCUMENT>", head, re.M))


def read(path: Path, raw: str) -> Document:
    header_text = raw.split("</SEC-HEADER>", 1)[0] if "</SEC-HEADER>" in raw else raw[:5000]
    header: dict[str, str] = {}
    for key, pattern in HEADER_FIELDS.items():
        m = re.search(pattern, header_text)
        if m:
            header[key] = m.group(1).strip()
    doc = Document(path=path, format="edgar", header=header)
    for m in _DOCUMENT.finditer(raw):
        part = m.group(1)
        type_match = re.search(r"<TYPE>\s*(\S+)", part)
        kind = type_match.group(1) if type_match else ""
        body_match = _TEXT.search(part)
        body = body_match.group(1) if body_match else part
        if re.search(r"<html|<td\b", body[:100000], re.I):
            part_doc = html.read(path, body)
        else:
            cleaned = "\n".join("" if _MARKUP_LINE.match(line) else line for line in body.split("\n"))
            part_doc = text.read(path, cleaned)
        line_base = raw.count("\n", 0, m.start(1) + (body_match.start(1) if body_match else 0))
        for item in part_doc.parts():
            if isinstance(item, TextBlock):
                doc.add(TextBlock(item.text, item.line + line_base))
                continue
            item.line += line_base
            for row in item.rows:
                row.line += line_base
            item.document_part = kind
            doc.add(item)
    return doc
