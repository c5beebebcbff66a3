"""The plain-text reader: tab- or space-aligned tables between lines of prose.

A table is a run of lines that have column gaps (a tab, or two or more spaces before a
number).  A line without gaps stays inside the table only when it sits directly between
two table lines (a caption row such as ``Current Assets:``); blank lines inside a table
are allowed when a table line follows.  ``-----`` rows are kept as rules, stray inline
tags (``<i>``) and ``\\$`` escapes are removed, and the lines just above a table become
its caption.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from converter.model.document import Document, Row, Table, TextBlock
from converter.readers.columns import column_edges, layout

_TAG = re.compile(r"</?(?:i|b|u|em|strong|font|sup|sub|span)\b[^>]*>", re.I)
_SPACE_GAP = re.compile(r"\S(?: {2,})(?=[\s(\-$\\]*[\d(—–-])")
_RULE_CELL = re.compile(r"^[-=_—–\s]+$")
_RULE_LINE = re.compile(r"^\s*[-=_]{3,}[-=_\s]*$")
_AMOUNT_CELL = re.compile(r"^\$?\s*\(?\s*\$?\s*-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\s*\)?%?$|^(?:--|—|-)$")
_TRAILING_AMOUNT = re.compile(r"^(.*[A-Za-z].*?)\s+(\$\s*\(?[\d,]+(?:\.\d+)?\)?)$")
CAPTION_LINES = 6
MAX_TEXT_ROWS = 6  # caption rows, or the first lines of a label wrapped over several lines


def clean(text: str) -> str:
    text = _TAG.sub("", text)
    text = text.replace("\\$", "$").replace("\\%", "%").replace("\\&", "&")
    return html.unescape(text)


def _split(line: str) -> list[str] | None:
    """Cells of a table line, or None for a line of prose."""
    if "\t" in line:
        return [clean(c).strip() for c in line.split("\t")]
    stripped = line.rstrip()
    if _RULE_LINE.match(stripped):
        return [p for p in re.split(r"\s{2,}", stripped.strip())]
    if not re.search(r"\S {2,}\S", stripped):
        return None
    cells = _merge_currency([clean(p).strip() for p in re.split(r" {2,}", stripped)])
    numeric = [c for c in cells[1:] if _AMOUNT_CELL.match(c)]
    if numeric:
        if cells[0] == "" and len(cells) > 2 and not _AMOUNT_CELL.match(cells[1]):
            cells = cells[1:]  # an indented label, not an empty label column
        trailing = _TRAILING_AMOUNT.match(cells[0])
        if trailing:  # "Total liabilities and equity $ 2,000" with one space before the amount
            cells[0:1] = [trailing.group(1), trailing.group(2)]
        return cells
    # a header line: short cells separated by wide gaps
    if re.search(r"\S {3,}\S", stripped) and all(len(c) < 45 for c in cells) and len(cells) >= 2:
        return cells
    return None


def _merge_currency(cells: list[str]) -> list[str]:
    """A "$" (or "(") standing alone belongs to the number after it."""
    out: list[str] = []
    for cell in cells:
        if out and out[-1] in ("$", "(", "$(") and cell:
            out[-1] = out[-1] + cell
        else:
            out.append(cell)
    return out


def _is_rule(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and all(_RULE_CELL.match(c) and "-" in c or "=" in c for c in filled)


def read(path: Path, raw: str) -> Document:
    doc = Document(path=path, format="text")
    lines = raw.split("\n")
    split = [_split(line) for line in lines]
    i = 0
    prose: list[str] = []
    prose_start = 0
    while i < len(lines):
        if split[i] is None:
            if lines[i].strip():
                if not prose:
                    prose_start = i
                prose.append(clean(lines[i]).strip())
            elif prose:
                doc.add(TextBlock(" ".join(prose), prose_start + 1))
                prose = []
            i += 1
            continue
        if prose:
            doc.add(TextBlock(" ".join(prose), prose_start + 1))
            prose = []
        end = _table_end(lines, split, i)
        doc.add(_make_table(lines, split, i, end))
        i = end
    if prose:
        doc.add(TextBlock(" ".join(prose), prose_start + 1))
    return doc


def _table_end(lines: list[str], split: list[list[str] | None], start: int) -> int:
    i = start
    while i < len(lines):
        if split[i] is not None:
            i += 1
            continue
        if not lines[i].strip():
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and split[j] is not None and j - i <= 2:
                i = j
                continue
            return i
        # caption rows ("ASSETS", "Current assets:") sit between table lines
        j = i
        while j < len(lines) and split[j] is None and lines[j].strip() and len(lines[j].strip()) < 100 \
                and j - i < MAX_TEXT_ROWS:
            j += 1
        if j < len(lines) and j > i and split[j] is not None and split[i - 1] is not None:
            i = j
            continue
        return i
    return i


def _make_table(lines: list[str], split: list[list[str] | None], start: int, end: int) -> Table:
    rows: list[Row] = []
    body = [clean(lines[n]) for n in range(start, end)]
    # without tabs, columns are found from character positions (see columns.py)
    edges = column_edges(body) if not any("\t" in lines[n] for n in range(start, end)) else []
    for n in range(start, end):
        line = lines[n]
        if not line.strip():
            continue
        cells = split[n] if split[n] is not None else [clean(line).strip()]
        assert cells is not None
        if edges and not _is_rule(cells):
            cells = layout(clean(line), edges)
        indent = len(line) - len(line.lstrip(" "))
        rows.append(Row(cells=cells, line=n + 1, indent=indent, is_rule=_is_rule(cells)))
    caption: list[str] = []
    k = start - 1
    while k >= 0 and len(caption) < CAPTION_LINES:
        if split[k] is not None:
            break
        text = clean(lines[k]).strip()
        if len(text) > 150:  # prose, not a title
            break
        if text:
            caption.insert(0, text)
        elif caption and k > 0 and not lines[k - 1].strip():
            break
        k -= 1
    return Table(rows=rows, caption=caption, line=start + 1)
