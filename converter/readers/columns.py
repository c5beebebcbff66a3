"""Columns of a space-aligned text table, found from character positions.

Splitting on runs of spaces loses where a cell stands, and a header such as "Three Months
Ended" centred over two columns would land in the first one only.  Here numbers fix the
columns (they are right-aligned, so their right edges line up), every number goes to the
column of the nearest edge, and every header cell goes to each column whose edge lies
under it (or, failing that, to the nearest column).
"""

from __future__ import annotations

import re

_CELL = re.compile(r"\S+(?: \S+)*")
_NUMBER = re.compile(r"^\$?\s*\(?\s*\$?\s*-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\s*\)?%?$|^(?:--|—|-)$")
_TRAILING_NUMBER = re.compile(r"^(.*[A-Za-z].*?) (\$ ?\(?[\d,]+(?:\.\d+)?\)?)$")
EDGE_TOLERANCE = 2
HEADER_REACH = 6


def _spans(line: str, edges: list[int] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell: text runs separated by two or more spaces.

    With ``edges`` known, a number joined to its label by one space ("Total liabilities
    and equity $ 2,000") is split off when it ends on a column edge; otherwise it stays
    text ("... sales returns of $805 and $858")."""
    spans = []
    for m in _CELL.finditer(line):
        trailing = _TRAILING_NUMBER.match(m.group(0))
        if trailing and edges and any(abs(edge - m.end()) <= EDGE_TOLERANCE for edge in edges):
            cut = m.start() + trailing.start(2)
            spans.append((m.start(), m.start() + len(trailing.group(1)), trailing.group(1)))
            spans.append((cut, m.end(), trailing.group(2)))
        else:
            spans.append((m.start(), m.end(), m.group(0)))
    return _glue_currency(spans)


def _glue_currency(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, end, text in spans:
        if out and out[-1][2] in ("$", "(", "$(") and start - out[-1][1] <= 12:
            s0, _, t0 = out.pop()
            out.append((s0, end, t0 + text))
        elif out and text in (")", "%") and start - out[-1][1] <= 2:
            s0, _, t0 = out.pop()
            out.append((s0, end, t0 + text))
        else:
            out.append((start, end, text))
    return out


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def column_edges(lines: list[str]) -> list[int]:
    """Right edges of the number columns, merged when within a couple of characters."""
    edges = sorted(end for line in lines for start, end, text in _spans(line)[1:] if _is_number(text)
                   and start > 0)
    merged: list[list[int]] = []
    for e in edges:
        if merged and e - merged[-1][-1] <= EDGE_TOLERANCE:
            merged[-1].append(e)
        else:
            merged.append([e])
    return [max(group) for group in merged]


def layout(line: str, edges: list[int]) -> list[str]:
    """The cells of one line: the label, then one cell per column edge."""
    spans = _spans(line, edges)
    cells = [""] * (len(edges) + 1)
    if not spans:
        return cells
    numbers = [(s, e, t) for s, e, t in spans if _is_number(t) and s > 0]
    if numbers:
        first = min(s for s, _, _ in numbers)
        cells[0] = " ".join(t for s, _, t in spans if s < first)
        for _, right, text in numbers:
            j = _nearest(edges, right)
            cells[j + 1] = f"{cells[j + 1]} {text}".strip()
        return cells
    # a header (or caption) line: text over the columns; a text at the left margin that
    # stands over no column is the label cell
    texts = list(spans)
    if texts[0][0] < 4 and not edges_under(texts[0], edges):
        cells[0] = texts.pop(0)[2]
    for j, edge in enumerate(edges):
        covering = [t for s, e, t in texts if s - EDGE_TOLERANCE <= edge <= e + EDGE_TOLERANCE]
        if covering:
            cells[j + 1] = covering[0]
            continue
        near = sorted((min(abs(edge - s), abs(edge - e)), t) for s, e, t in texts)
        if near and near[0][0] <= HEADER_REACH:
            cells[j + 1] = near[0][1]
    return cells


def _nearest(edges: list[int], position: int) -> int:
    distances = [abs(edge - position) for edge in edges]
    return distances.index(min(distances))


def edges_under(span: tuple[int, int, str], edges: list[int]) -> bool:
    s, e, _ = span
    return any(s - EDGE_TOLERANCE <= edge <= e + EDGE_TOLERANCE for edge in edges)
