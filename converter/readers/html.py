"""The EDGAR HTML reader, built on lxml.

EDGAR HTML lays a statement out as a grid: a label cell, then for each period a ``$``
cell, a number cell and often a ``)`` or ``%`` cell, with header cells that span several
columns.  The reader expands ``colspan`` so that every row has the same physical columns,
glues a lone ``$`` or ``(`` to the number after it and a lone ``)`` or ``%`` to the number
before it, drops columns that are empty in every row, and moves title rows at the top of
a table into its caption.  Text outside tables becomes one text block per block element.
Layout tables (one column of text, or no numbers and no headers) are read as text.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from converter.errors import InputError
from converter.model.document import Document, Row, Table, TextBlock

BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol center blockquote pre hr tr title body html section".split()
)
SKIP_TAGS = frozenset({"script", "style", "head"})
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_AMOUNT = re.compile(r"^[$(\s]*-?[\d,]*\.?\d+\s*\)?%?$|^[-—–]+$")
CAPTION_LINES = 6
# a footnote mark set as a raised span instead of <sup>: "1", "1,2", "(1)", "(C)", "*", "®"
_RAISED = re.compile(r"vertical-align:\s*super|\btop:\s*-\d", re.I)
_MARK = re.compile(r"^\s*(?:\(?\d{1,2}(?:\s*,\s*\d{1,2})*\)?|\([A-Za-z]\)|\*+|[®©†‡]|SM|TM)"
                   r"(?:\s*\(\d{1,2}\))*\s*$")


_STRING = etree.XPath("string()")  # a cell's text, gathered by libxml2


def _cell_text(cell: etree._Element) -> str:
    """A cell's text, spaces collapsed (footnote marks were emptied when the page was read).

    Lines of a cell set as blocks ("<div>Additional</div><div>Paid-In</div>", Tesla's equity
    headings) are words apart: libxml2's string() would run them together."""
    if not any(isinstance(el.tag, str) and el.tag in BLOCK_TAGS for el in cell.iterdescendants()):
        text = str(_STRING(cell))
    else:
        parts: list[str] = []
        for event, el in etree.iterwalk(cell, events=("start", "end")):
            block = el is not cell and isinstance(el.tag, str) and el.tag in BLOCK_TAGS
            if event == "start":
                parts.append(" " if block else "")
                parts.append(el.text or "" if isinstance(el.tag, str) else "")
            elif el is not cell:
                parts.append(" " if block else "")
                parts.append(el.tail or "")
        text = "".join(parts)
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


def _line(el: etree._Element) -> int:
    """The source line (lxml's stubs do not type it as an int)."""
    line: object = getattr(el, "sourceline", 0)
    return line if isinstance(line, int) else 0


def _grid(table: etree._Element) -> list[tuple[list[str], int]]:
    """Rows as (cells with colspans and rowspans expanded, source line).

    In a header row (no amounts, only text and years) a cell's text fills every column it
    spans, so that each value column finds its header whatever the layout; in other rows
    a number sits in the last column it spans (numbers are right-aligned, so it lands where
    the numbers of rows with a separate "$" cell land) and text in the first.  A cell that
    spans rows below it leaves those rows' columns empty there, so that their cells stay
    under the headers they belong to."""
    rows = []
    below: dict[int, int] = {}  # physical column -> rows below still covered by a rowspan
    for tr in table.iter("tr"):
        if _closest_table(tr) is not table:
            continue  # a row of a nested table
        spans: list[tuple[str, int, int]] = []
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            spans.append((_cell_text(cell), _span(cell, "colspan"), _span(cell, "rowspan")))
        header = not any(_AMOUNT.match(t) and not _YEAR.match(t) for t, _, _ in spans[1:] if t)
        covered = {j for j, n in below.items() if n > 0}
        below = {j: n - 1 for j, n in below.items() if n > 1}
        cells: list[str] = []
        for text, span, rowspan in spans:
            while len(cells) in covered:
                cells.append("")
            if rowspan > 1:
                below.update({j: rowspan - 1 for j in range(len(cells), len(cells) + span)})
            if header and text and cells:
                cells.extend([text] * span)
            elif _AMOUNT.match(text):
                cells.extend([""] * (span - 1) + [text])
            else:
                cells.extend([text] + [""] * (span - 1))
        rows.append((cells, _line(tr)))
    return rows


def _span(cell: etree._Element, attribute: str) -> int:
    value = cell.get(attribute)
    if value is None:
        return 1
    value = str(value).strip()
    return min(max(int(value), 1), 1000) if value.isdigit() else 1


def _closest_table(el: etree._Element) -> etree._Element | None:
    return next(el.iterancestors("table"), None)


def _glue(cells: list[str]) -> list[str]:
    """'$' | '1,234' | ')' -> '' | '$1,234)' | '' (column positions are kept)."""
    out = list(cells)
    for i, cell in enumerate(out):
        if cell in ("$", "(", "$(", "($"):
            for j in range(i + 1, len(out)):
                if out[j]:
                    out[j] = cell + out[j]
                    out[i] = ""
                    break
        elif cell in (")", "%", ")%", "%)"):
            for j in range(i - 1, -1, -1):
                if out[j]:
                    out[j] = out[j] + cell
                    out[i] = ""
                    break
    return out


def _data_table(grid: list[tuple[list[str], int]]) -> bool:
    numeric_rows = sum(1 for cells, _ in grid if any(_NUMBER.search(c) for c in cells[1:]))
    return len(grid) >= 2 and numeric_rows >= 1 and max((len(c) for c, _ in grid), default=0) >= 2


def _make_table(grid: list[tuple[list[str], int]], caption: list[str], line: int) -> Table:
    width = max(len(cells) for cells, _ in grid)
    glued = [(_glue(cells + [""] * (width - len(cells))), ln) for cells, ln in grid]
    keep = [j for j in range(width) if j == 0 or any(cells[j] for cells, _ in glued)]
    rows = []
    for cells, ln in glued:
        kept = [cells[j] for j in keep]
        if not any(kept):
            continue
        rows.append(Row(cells=kept, line=ln))
    rows = _join_label_columns(rows)
    caption = list(caption)
    # title rows at the top ("CONSOLIDATED BALANCE SHEETS" in a cell of its own) are captions
    while rows and sum(1 for c in rows[0].cells if c) == 1 and not _NUMBER.search(rows[0].cells[0] or "x") \
            and rows[0].cells[0]:
        caption.append(rows.pop(0).cells[0])
    return Table(rows=rows, caption=caption[-CAPTION_LINES:], line=line, spans_known=True)


def _join_label_columns(rows: list[Row]) -> list[Row]:
    """Labels indented by empty cells ("" | "Cash and cash equivalents" | ... and "" | "" |
    "Total current assets" | ...) into the first column.  Label columns are the leading
    columns that hold no amount in any row and no header text above the first amounts."""
    first_value = next((i for i, r in enumerate(rows) if any(_AMOUNT.match(c) for c in r.cells[1:] if c)),
                       len(rows))
    width = max((len(r.cells) for r in rows), default=0)
    label_cols = [0]
    for j in range(1, width):
        cells = [r.cells[j] if j < len(r.cells) else "" for r in rows]
        if any(c and _AMOUNT.match(c) for c in cells) or any(cells[:first_value]):
            break
        label_cols.append(j)
    if len(label_cols) == 1:
        return rows
    joined = []
    for row in rows:
        label = " ".join(row.cells[j] for j in label_cols if j < len(row.cells) and row.cells[j])
        joined.append(Row(cells=[label, *row.cells[len(label_cols):]], line=row.line))
    return joined


_CHUNK = 1 << 20


def _parse(raw: str) -> etree._Element:
    """The document's tree.  The text is fed to libxml2 a megabyte at a time, so that a
    200 MB filing is never also held as 200 MB of encoded bytes while it is parsed; the
    text is already decoded, so libxml2 (which otherwise assumes Latin-1) is told UTF-8."""
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    for start in range(0, len(raw), _CHUNK):
        parser.feed(raw[start: start + _CHUNK].encode("utf-8"))
    root = parser.close()
    if root is None or root.find("body") is None and not len(root):
        raise ValueError("no HTML elements")
    return root


def read(path: Path, raw: str) -> Document:
    try:
        # the text is already decoded: tell libxml2, which otherwise assumes Latin-1
        root = _parse(raw)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{path} is not readable HTML: {exc}") from None
    for sup in root.iter("sup"):  # footnote marks are not part of a label or a number
        sup.text = ""
    for span in root.iter("span"):  # nor are marks raised by a style ("Per Share<span style=
        if _RAISED.search(span.get("style", "")) and _MARK.match(span.text or ""):  # "top:-3pt">1")
            span.text = ""
    for br in root.iter("br"):  # "Retained<br/>Earnings" is two words
        br.tail = " " + (br.tail or "")
    doc = Document(path=path, format="html")
    lines: list[tuple[str, int]] = []  # recent text lines, for captions
    buffer: list[str] = []
    buffer_line = 0

    def flush() -> None:
        nonlocal buffer, buffer_line
        text = _SPACE.sub(" ", "".join(buffer).replace("\xa0", " ")).strip()
        if text:
            doc.add(TextBlock(text, buffer_line))
            lines.append((text, buffer_line))
        buffer = []

    def enter(el: etree._Element, stack: list[tuple[str, etree._Element]]) -> None:
        nonlocal buffer_line
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIP_TAGS:
            return
        if tag == "table":
            grid = _grid(el)
            if _data_table(grid):
                flush()
                caption = [t for t, _ in lines[-CAPTION_LINES:] if len(t) <= 150]
                doc.add(_make_table(grid, caption, _line(el)))
                lines.clear()
                return
            for cells, ln in grid:  # a layout table: its cells are text lines
                flush()
                buffer_line = ln
                buffer.append(" ".join(c for c in cells if c))
                flush()
            return
        if tag in BLOCK_TAGS:
            flush()
            buffer_line = _line(el) or buffer_line
            stack.append(("exit", el))
        if el.text and tag not in ("sup",):
            if not buffer:
                buffer_line = _line(el) or buffer_line
            buffer.append(el.text)
        for child in reversed(el):
            stack.append(("tail", child))
            stack.append(("enter", child))

    def walk(top: etree._Element) -> None:
        """Depth first, with a stack of our own: no nesting depth can exhaust Python's."""
        stack: list[tuple[str, etree._Element]] = [("enter", top)]
        while stack:
            action, el = stack.pop()
            if action == "enter":
                enter(el, stack)
            elif action == "tail":
                if el.tail:
                    buffer.append(el.tail)
                parent = el.getparent()
                if parent is not None:  # read in full: free its memory now (a 200 MB filing's tree
                    parent.remove(el)   # would otherwise stand beside all its text)
            else:  # the end of a block element
                flush()

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return doc
