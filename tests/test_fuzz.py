"""A bounded fuzz campaign over the readers and the whole conversion.

Hypothesis draws documents of three kinds: HTML built from a grammar of the markup
filings use (nested blocks, tables with numbers, dates, dashes, stray text and broken
tags), plain-text filings with column-aligned tables, and random byte edits of the real
example.  Each is converted through the command line's own entry point, and the outcome
must be one of the documented ones:

- exit 0, a package whose report parses, every file inside the output folder; or
- exit 2, one line on stderr, and no package and no staging folder left behind.

Nothing else: no traceback, no exit 70, no partial package.  ``FUZZ_EXAMPLES`` sets the
number of examples per strategy (CI runs the default, about half a minute; a campaign
offline runs thousands).  An input that ever failed is kept in ``tests/fuzz_regressions/``
and replayed by ``test_every_kept_regression_has_a_documented_outcome``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.cli import main
from tests.conftest import EXAMPLE

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
CAMPAIGN = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("FUZZ_RANDOM"),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])
REGRESSIONS = Path(__file__).parent / "fuzz_regressions"
DOCUMENTED = {0, 2}


def outcome(data: bytes, suffix: str, *extra: str) -> None:
    """Convert ``data`` and check the outcome is a documented one (see the module docstring)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        out = Path(tmp) / "out"
        err, printed = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(printed):
            code = main(["convert", str(source), "--cik", "1", "-o", str(out), "--no-validate", *extra])
        message = err.getvalue()
        leftovers = [p.name for p in Path(tmp).iterdir() if p.name not in ("out", source.name)]
        if code not in DOCUMENTED or leftovers or (code == 0) != out.is_dir() or \
                (code != 0 and (not message.startswith("error: ") or message.count("\n") != 1)):
            _keep(data, suffix)
            pytest.fail(f"undocumented outcome: exit {code}, stderr {message!r}, left {leftovers}")
        if code == 0:
            json.loads((out / "mapping-report.json").read_text(encoding="utf-8"))
            assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))


def _keep(data: bytes, suffix: str) -> None:
    """Save a failing input as a regression case (named by its content, so never twice)."""
    REGRESSIONS.mkdir(exist_ok=True)
    (REGRESSIONS / f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}").write_bytes(data)


# -- a grammar of filing HTML --------------------------------------------------------------------

cell_text = st.one_of(
    st.from_regex(r"\$?\s?\(?[0-9]{1,3}(,[0-9]{3}){0,4}(\.[0-9]{1,2})?\)?%?", fullmatch=True),
    st.sampled_from(["—", "--", "-0-", "n/a", "$", ")", "(", "", " ", "&nbsp;", "*", "NM", "&amp;", "&#8212;"]),
    st.sampled_from(["December 31, 2024", "Three Months Ended June 30, 2025", "2023", "Fiscal 2024",
                     "September 28, 2024", "Year Ended", "Six Months Ended", "(in millions)", "Total",
                     "Cash and cash equivalents", "Total assets", "Net income", "Revenues", "Total liabilities"]),
    st.text(max_size=12),
)
headings = st.sampled_from(["CONSOLIDATED BALANCE SHEETS", "CONSOLIDATED STATEMENTS OF OPERATIONS",
                            "CONSOLIDATED STATEMENTS OF CASH FLOWS", "STATEMENTS OF STOCKHOLDERS' EQUITY",
                            "(In thousands, except per share data)", "Notes to financial statements",
                            "UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "FORM 10-K", ""])


@st.composite
def tables(draw: st.DrawFn) -> str:
    width = draw(st.integers(1, 8))
    rows = draw(st.lists(st.lists(cell_text, min_size=0, max_size=width + 2), min_size=0, max_size=14))
    span = draw(st.sampled_from(["", ' colspan="2"', ' rowspan="3"', ' colspan="0"', ' rowspan="99999"']))
    body = "".join("<tr>" + "".join(f"<td{span if i == 1 else ''}>{c}</td>" for i, c in enumerate(r)) + "</tr>"
                   for r in rows)
    return f"<table>{body}</table>"


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    def part(depth: int) -> st.SearchStrategy[str]:
        leaf = st.one_of(headings.map(lambda h: f"<p>{h}</p>"), tables(), st.text(max_size=30),
                         st.sampled_from(["<br>", "<hr/>", "</td>", "<tr>", "<table>", "</table>", "<!-- x",
                                          "<![CDATA[", "<sup>1</sup>", "<script>x</script>", "&#0;", "&#xD800;"]))
        if depth == 0:
            return leaf
        tag = st.sampled_from(["div", "p", "span", "font", "td", "b", "center"])
        return st.one_of(leaf, st.tuples(tag, st.lists(part(depth - 1), max_size=4)).map(
            lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"))

    parts = draw(st.lists(part(3), min_size=1, max_size=10))
    cut = draw(st.booleans())
    doc = "<html><body>" + "".join(parts) + "</body></html>"
    return doc[: draw(st.integers(1, len(doc)))] if cut else doc


@CAMPAIGN
@given(html_documents(), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_generated_html_has_a_documented_outcome(document: str, encoding: str) -> None:
    outcome(document.encode(encoding, errors="replace"), ".htm")


# -- plain text filings ------------------------------------------------------------------------------

@st.composite
def text_documents(draw: st.DrawFn) -> str:
    lines = [draw(headings), draw(st.sampled_from(["", "(In thousands)", "(unaudited)"]))]
    header = draw(st.lists(st.sampled_from(["2024", "2023", "September 30,", "December 31, 2024", "Three Months",
                                            "Ended"]), max_size=4))
    lines.append("\t".join(["", *header]))
    for _ in range(draw(st.integers(0, 20))):
        label = draw(st.sampled_from(["Cash", "Total assets", "Revenue", "Net loss", "  Inventories", "Total",
                                      "-------", "=======", "", "Other"]))
        cells = draw(st.lists(cell_text, max_size=5))
        sep = draw(st.sampled_from(["\t", "   ", " ", "\t\t"]))
        lines.append(sep.join([label, *cells]))
    return "\n".join(lines)


@CAMPAIGN
@given(text_documents())
def test_generated_text_filings_have_a_documented_outcome(document: str) -> None:
    outcome(document.encode("utf-8"), ".txt")


# -- byte edits of the real example -------------------------------------------------------------------

EXAMPLE_BYTES = EXAMPLE.read_bytes()


@st.composite
def edited_example(draw: st.DrawFn) -> bytes:
    data = bytearray(EXAMPLE_BYTES)
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate"]))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if kind == "insert":
            data[at:at] = chunk
        elif kind == "delete":
            del data[at: at + len(chunk) * 20]
        elif kind == "replace":
            data[at: at + len(chunk)] = chunk
        elif kind == "truncate":
            del data[max(at, 1):]
        else:
            data[at:at] = data[at: at + 2000]
    return bytes(data)


@CAMPAIGN
@given(edited_example())
def test_edited_example_bytes_have_a_documented_outcome(data: bytes) -> None:
    outcome(data, ".txt")


# -- what earlier campaigns found --------------------------------------------------------------------

KEPT = sorted(REGRESSIONS.glob("*")) if REGRESSIONS.is_dir() else []


@pytest.mark.parametrize("path", KEPT, ids=[p.name for p in KEPT])
def test_every_kept_regression_has_a_documented_outcome(path: Path) -> None:
    outcome(path.read_bytes(), path.suffix)

