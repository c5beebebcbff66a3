"""Which tables are the primary financial statements.

A reader finds them the way a person does:

* **The heading.** A statement carries a heading of its own just above it ("Consolidated
  Balance Sheets", "Condensed Consolidated Statements of Operations (Unaudited)").  A
  sentence that only mentions a statement ("The following table presents ... our
  consolidated statements of earnings:") is not a heading, nor is a consolidating,
  parent-company or pro forma statement.
* **The cluster.** The primary statements stand together (balance sheet, income,
  comprehensive income, equity, cash flows, one after another).  Where a kind has several
  headed tables (an MD&A summary titled like a statement, a parent-company schedule), the
  one among the most other kinds wins.
* **Continuations.** A table right after a statement with no heading of its own, or one
  headed "(continued)", continues it (a balance sheet split over two pages).
* **Parenthetical details.** A table headed "... (Parenthetical)" near its statement holds
  the statement's par values, share counts and allowances: it is read as a statement of
  its own, flagged parenthetical.
* **The shape.** Only a document with no headed statement at all (old text filings) falls
  back to the row labels ("Total assets", "Net cash provided by operating activities").

Every table not taken gets a reason, which extraction reports with its numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.extraction.values import parse_amount
from converter.model.document import Table
from converter.model.statements import StatementKind

WINDOW = 6  # tables either side that count as "standing together"
MIN_VALUE_ROWS = 2

_OF = r"statements?\s+of\s+(?:consolidated\s+)?(?:changes\s+in\s+)?"
_TITLES: tuple[tuple[StatementKind, re.Pattern[str]], ...] = (
    (StatementKind.CI, re.compile(rf"{_OF}comprehensive\s+(?:income|loss|earnings)", re.I)),
    (StatementKind.CF, re.compile(rf"{_OF}cash\s+flows?|cash\s+flows?\s+statements?", re.I)),
    (StatementKind.EQ, re.compile(
        rf"{_OF}(?:(?:redeemable\s+)?(?:non-?controlling|convertible|preferred)[\w\s-]{{0,40}}?\s+and\s+)?"
        r"(?:(?:stockholders|shareholders|shareowners|owners|partners|members)['’]?\s+(?:equity|deficit|"
        r"capital)|equity|deficit)|(?:stockholders|shareholders|shareowners)['’]?\s+equity\s+statements?", re.I)),
    (StatementKind.BS, re.compile(rf"balance\s+sheets?|{_OF}financial\s+(?:position|condition)", re.I)),
    (StatementKind.IS, re.compile(
        rf"{_OF}(?:net\s+)?(?:operations|income|earnings|loss)|income\s+statements?", re.I)),
)
_NOT_A_HEADING = re.compile(
    r"\b(?:following|table|presents?|shows?|summar\w*|below|above|see|refer\w*|includ\w*|discussion|"
    r"reconcil\w*|non-gaap|percentage|selected|pro\s+forma|consolidating|parent\s+company|registrant|"
    r"guarantors?|notes\s+to|index|derived|changes\s+to|off-balance|components|arrangements)\b",
    re.I,
)
_NOTE_TITLE = re.compile(r"^\s*(?:note\s+)?\d{1,2}\s*[.:)\-–—]\s*[A-Za-z]", re.I)  # "3. Balance Sheet Components"
_PARENTHETICAL = re.compile(r"parenthetical", re.I)
_CONTINUED = re.compile(r"\bcontinued\b|\bcont['’]?d\b", re.I)
_ROW_HINTS: dict[StatementKind, tuple[str, ...]] = {
    StatementKind.BS: ("total assets", "total current assets", "total liabilities", "stockholders' equity",
                       "shareholders' equity"),
    StatementKind.IS: ("net income", "net loss", "net earnings", "revenue", "gross profit", "per share",
                       "operating expenses"),
    StatementKind.CF: ("operating activities", "investing activities", "financing activities"),
}


@dataclass(frozen=True)
class Heading:
    kind: StatementKind
    text: str
    parenthetical: bool = False
    continued: bool = False


@dataclass
class Located:
    """A statement: its table, then the tables that continue it."""

    kind: StatementKind
    table: Table
    heading: str  # "" when found by its row labels
    continuations: list[Table] = field(default_factory=list)
    parenthetical: bool = False  # the statement's parenthetical details (par values, shares)


def heading_of(line: str) -> Heading | None:
    """The statement a caption line names, if the line is a statement heading."""
    core = re.sub(r"\s+", " ", re.sub(r"\([^)]*\)?", " ", line)).strip(" :-–—.")
    if not core or len(core) > 120 or _NOT_A_HEADING.search(core) or _NOTE_TITLE.match(core):
        return None
    for kind, pattern in _TITLES:
        m = pattern.search(core)
        if m and m.start() <= 60:
            return Heading(kind, line.strip(), bool(_PARENTHETICAL.search(line)), bool(_CONTINUED.search(line)))
    return None


def table_heading(table: Table) -> Heading | None:
    """The heading nearest above the table: the caption's last heading line, or two lines
    read together ("CONSOLIDATED STATEMENTS OF" / "CASH FLOWS")."""
    lines = table.caption
    for i in range(len(lines) - 1, -1, -1):
        heading = heading_of(lines[i])
        if heading is None and i + 1 < len(lines):
            heading = heading_of(f"{lines[i]} {lines[i + 1]}")
        if heading is not None:
            return heading
    return None


def is_continued(table: Table) -> bool:
    return any(_CONTINUED.search(line) for line in table.caption[-3:])


def value_rows(table: Table) -> int:
    return sum(1 for r in table.rows if any(parse_amount(c) is not None for c in r.cells[1:] if c))


def shape_kind(table: Table) -> StatementKind | None:
    """The kind the row labels alone suggest (two hints at least), or None."""
    labels = " ".join(r.cells[0].lower().replace("’", "'") for r in table.rows if r.cells)
    scores = {k: sum(1 for hint in hints if hint in labels) for k, hints in _ROW_HINTS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else None


def _continuation_caption(table: Table) -> bool:
    """Only page furniture (page numbers, "Table of Contents", the company's name) or a
    "(continued)" heading stands between a statement and this table."""
    if is_continued(table):
        return True
    return all(len(line) <= 60 and not line.rstrip().endswith(":") and heading_of(line) is None
               and not _NOTE_TITLE.match(line) for line in table.caption)


def locate(tables: list[Table]) -> tuple[list[Located], dict[int, str]]:
    """The statements, and for every other table (by position) why it was not taken."""
    headings = [table_heading(t) for t in tables]
    rows = [value_rows(t) for t in tables]
    rejected: dict[int, str] = {}
    headed: list[int] = []
    parentheticals: list[int] = []
    for i, h in enumerate(headings):
        if h is None:
            continue
        if h.parenthetical and rows[i] >= 1:
            parentheticals.append(i)
        elif rows[i] < MIN_VALUE_ROWS:
            rejected[i] = f"headed {h.text!r} but holds fewer than {MIN_VALUE_ROWS} rows of numbers"
        else:
            headed.append(i)
    chosen = _choose_headed(headed, headings, rejected) if headed else _choose_by_shape(tables, rows)
    located: list[tuple[int, Located]] = []
    taken = set(chosen)
    for i in sorted(chosen):
        kind = chosen[i]
        heading = headings[i]
        stmt = Located(kind, tables[i], heading.text if heading else "")
        j = i + 1
        while j < len(tables) and j not in taken and rows[j] >= 1 and _continuation_caption(tables[j]) \
                and (headings[j] is None or (headings[j].kind == kind and headings[j].continued)):  # type: ignore[union-attr]
            stmt.continuations.append(tables[j])
            taken.add(j)
            rejected.pop(j, None)
            j += 1
        located.append((i, stmt))
    for i in parentheticals:
        heading = headings[i]
        assert heading is not None
        if any(chosen[j] == heading.kind and abs(j - i) <= WINDOW for j in chosen):
            located.append((i, Located(heading.kind, tables[i], heading.text, parenthetical=True)))
            taken.add(i)
        else:
            rejected[i] = (f"parenthetical details of a {heading.kind.description} ({heading.text!r}) that stand "
                           f"apart from the primary statements")
    for i, table in enumerate(tables):
        if i not in taken and i not in rejected:
            rejected[i] = _why_not(table, headings[i])
    return [found for _, found in sorted(located, key=lambda pair: pair[0])], rejected


def _choose_headed(headed: list[int], headings: list[Heading | None],
                   rejected: dict[int, str]) -> dict[int, StatementKind]:
    def kind_at(i: int) -> StatementKind:
        h = headings[i]
        assert h is not None
        return h.kind

    cluster = {i: len({kind_at(j) for j in headed if abs(j - i) <= WINDOW}) for i in headed}
    chosen: dict[int, StatementKind] = {}
    for kind in StatementKind:
        of_kind = [i for i in headed if kind_at(i) == kind]
        if not of_kind:
            continue
        best = max(of_kind, key=lambda i: (cluster[i], -i))
        for i in of_kind:
            # a statement shown in two tables of its own (three and nine months) stands beside the first
            if i == best or (cluster[i] == cluster[best] and abs(i - best) <= 2):
                chosen[i] = kind
            else:
                rejected[i] = (f"headed {headings[i].text!r} (a {kind.description}) but stands apart from the "  # type: ignore[union-attr]
                               f"primary statements, which are the tables near the other statement headings")
    return chosen


def _choose_by_shape(tables: list[Table], rows: list[int]) -> dict[int, StatementKind]:
    """No statement headings anywhere: tables whose row labels name a statement."""
    chosen: dict[int, StatementKind] = {}
    for i, table in enumerate(tables):
        kind = shape_kind(table)
        if kind is not None and rows[i] >= MIN_VALUE_ROWS:
            chosen[i] = kind
    return chosen


def _why_not(table: Table, heading: Heading | None) -> str:
    if heading is not None:
        return f"headed {heading.text!r} but not taken"
    mention = next((line for line in reversed(table.caption) if any(p.search(line) for _, p in _TITLES)), None)
    if mention:
        return f"no statement heading: the text above only mentions a statement ({mention[:80]!r})"
    return "no statement heading above it: not a primary financial statement"
