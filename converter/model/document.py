"""What a reader produces: tables and text blocks, in document order, with no accounting
knowledge at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass
class Row:
    """One table row: cell texts as read (cleaned of markup), and where it came from."""

    cells: list[str]
    line: int
    indent: int = 0
    is_rule: bool = False  # a ----- separator row


@dataclass
class Table:
    rows: list[Row]
    caption: list[str]  # the text lines just above the table (titles, scale notes)
    line: int
    document_part: str = ""  # which <DOCUMENT> of a submission it came from
    order: int = 0  # position among the document's tables and text blocks (set by Document.add)
    spans_known: bool = False  # header cells already fill the columns they span (HTML colspan)


@dataclass
class TextBlock:
    text: str
    line: int
    order: int = 0  # position among the document's tables and text blocks (set by Document.add)


@dataclass
class Document:
    path: Path
    format: str
    text_blocks: list[TextBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)  # SEC header fields, if any
    notes: list[str] = field(default_factory=list)  # what reading changed or could not use, for the report

    def add(self, part: Table | TextBlock) -> None:
        """Append a table or text block, numbering it in document order: source lines do
        not order an HTML document whose markup sits on a few long lines."""
        part.order = len(self.tables) + len(self.text_blocks)
        if isinstance(part, Table):
            self.tables.append(part)
        else:
            self.text_blocks.append(part)

    def parts(self) -> list[Table | TextBlock]:
        """Tables and text blocks in document order."""
        return sorted([*self.tables, *self.text_blocks], key=lambda p: p.order)

    @cached_property
    def full_text(self) -> str:
        """All text blocks as one string, joined once (a 200 MB filing's text is 200 MB)."""
        return "\n".join(b.text for b in self.text_blocks)
