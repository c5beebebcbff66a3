"""The resource limits a conversion keeps, decided in one place and carried as data.

A converter is fed whatever people download.  These bounds keep one hostile or broken
file from costing unbounded time or memory, and each is generous for real filings:

- the input size: the largest EDGAR primary documents are some tens of MB (a bank's 10-K
  with all its notes); 256 MiB leaves room for full submissions with exhibits;
- a table's rows and columns: a statement of stockholders' equity, the widest statement,
  has some twenty columns, and the longest statements a few hundred rows.  A table
  beyond either bound is not read as a statement; its numbers are reported as left out
  with the reason, never dropped silently;
- a value's magnitude: the largest balance sheets are about 4 * 10^12 dollars; a number
  at or above 10^15 after scaling is a misprint or a wrong scale, reported, never written.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from converter.model.document import Table

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_input_bytes: int = 256 * MiB
    max_table_rows: int = 5_000
    max_table_columns: int = 200
    max_abs_value: Decimal = Decimal(10) ** 15

    def table_problem(self, table: Table) -> str | None:
        """Why a table is too large to read as a statement; None when it is not."""
        rows = len(table.rows)
        columns = max((len(r.cells) for r in table.rows), default=0)
        if rows > self.max_table_rows:
            return f"a table of {rows} rows, more than the limit of {self.max_table_rows} (--max-table-rows)"
        if columns > self.max_table_columns:
            return (f"a table of {columns} columns, more than the limit of {self.max_table_columns} "
                    f"(--max-table-columns)")
        return None

    def value_problem(self, value: Decimal) -> str | None:
        """Why a scaled value cannot be a filing's figure; None when it can."""
        if abs(value) >= self.max_abs_value:
            return f"{value:.3e} is beyond any real filing's figures (the limit is 1e{self.max_abs_value.adjusted()})"
        return None


DEFAULT_LIMITS = Limits()
