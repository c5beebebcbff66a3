"""Hostile and broken input: each case has a documented outcome.

Either a one-line error with its exit code and no package (not even a staging folder),
or a valid package whose report says what was left out, changed or does not add up.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from converter.cli import main
from converter.validator.arelle_runner import resolve_entry
from tests.conftest import EXAMPLE, ROOT, read_facts

PRINTED: list[str] = []
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def convert(tmp: Path, source: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, Path]:
    """Run ``convert`` as the command line does; (exit code, stderr, output folder).  What
    it printed stays readable as ``PRINTED[-1]``."""
    out = tmp / "out"
    code = main(["convert", str(source), "--cik", "1", "-o", str(out), *extra])
    printed = capsys.readouterr()
    PRINTED.append(printed.out)
    err = printed.err
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.")], "a staging folder was left behind"
    if code != 0:
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert not out.exists(), "a failed run left a package"
    return code, err, out


def instance(out: Path) -> Path:
    """The package's instance document, as the validator finds it (not a linkbase)."""
    return resolve_entry(out)


def report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "mapping-report.json").read_text(encoding="utf-8"))
    return data


def statement_html(rows: list[tuple[str, str, str]], title: str = "CONSOLIDATED BALANCE SHEETS",
                   headers: tuple[str, str] = ("December 31, 2024", "December 31, 2023")) -> str:
    body = "".join(f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>" for label, a, b in rows)
    return (f"<p>{title}</p><p>(in thousands)</p><table><tr><td></td><td>{headers[0]}</td>"
            f"<td>{headers[1]}</td></tr>{body}</table>")


BALANCE = [("Cash", "1,000", "900"), ("Accounts receivable", "200", "150"), ("Total assets", "1,200", "1,050")]


def html_file(tmp: Path, body: str, name: str = "filing.html") -> Path:
    path = tmp / name
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def example_facts(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    out = tmp_path_factory.mktemp("utf8") / "out"
    assert main(["convert", str(EXAMPLE), "--cik", "1", "-o", str(out), "--no-validate"]) == 0
    return sorted(read_facts(instance(out)), key=repr)


# -- files that are not filings ------------------------------------------------------

def _not_filings(tmp: Path) -> Iterator[tuple[str, Path]]:
    pdf = tmp / "statement.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 40)
    yield "pdf", pdf
    gz = tmp / "filing.txt.gz"
    gz.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    yield "gzip", gz
    png = tmp / "logo.htm"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    yield "png named .htm", png
    utf16_no_bom = tmp / "utf16.txt"
    utf16_no_bom.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("utf-16-le"))
    yield "UTF-16 without a byte order mark", utf16_no_bom


def test_files_that_are_not_filings_are_one_line_and_exit_2(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    for name, path in _not_filings(tmp_path):
        code, err, _ = convert(tmp_path, path, "--no-validate", capsys=capsys)
        assert code == 2, name
        assert "binary" in err, (name, err)


def test_a_file_over_the_input_limit_is_refused_before_it_is_read(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>padding</p>" * 100_000 + b"</body></html>")  # 1.4 MB
    code, err, _ = convert(tmp_path, big, "--no-validate", "--max-input-mb", "1", capsys=capsys)
    assert code == 2 and "the limit is 1 MB" in err


# -- encodings and stray bytes -------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-16-be-bom"])
def test_other_encodings_give_the_same_facts(tmp_path: Path, encoding: str, example_facts: list[Any],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    source = tmp_path / "filing.txt"
    if encoding == "utf-16-be-bom":
        source.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    else:
        source.write_bytes(text.replace("Capstone Turbine", "Capstone Turbine\u00e9").encode(encoding))
    code, _, out = convert(tmp_path, source, "--no-validate", capsys=capsys)
    assert code == 0
    facts = sorted(read_facts(instance(out)), key=repr)
    numbers = [f for f in facts if f.unit]
    assert numbers == [f for f in example_facts if f.unit]


def test_nul_and_control_characters_are_removed_and_reported(tmp_path: Path, example_facts: list[Any],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = EXAMPLE.read_bytes()
    source = tmp_path / "filing.txt"
    source.write_bytes(data[:4000] + b"\x00\x00\x01" + data[4000:].replace(b"\n", b"\n\x0b", 20))
    code, _, out = convert(tmp_path, source, "--no-validate", capsys=capsys)
    assert code == 0
    assert report(out)["input"] == ["23 control characters (such as NUL) removed from the text"]
    facts = sorted(read_facts(instance(out)), key=repr)
    assert [f for f in facts if f.unit] == [f for f in example_facts if f.unit]


# -- broken markup ---------------------------------------------------------------------------

def test_html_cut_off_mid_table_keeps_the_rows_it_has(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = f"<html><body>{statement_html(BALANCE)}</body></html>"
    source = tmp_path / "cut.html"
    source.write_text(whole[: whole.index("<td>1,050")], encoding="utf-8")
    code, _, out = convert(tmp_path, source, capsys=capsys)
    assert code == 0
    values = {(f.concept, f.period, f.value) for f in read_facts(instance(out)) if f.unit}
    assert {(p, v) for _, p, v in values} == {("2024-12-31", "1000000"), ("2023-12-31", "900000"),
                                              ("2024-12-31", "200000"), ("2023-12-31", "150000"),
                                              ("2024-12-31", "1200000")}


def test_a_table_wider_than_the_limit_is_reported_not_read(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    wide_cells = "".join(f"<td>{i}</td>" for i in range(1, 3001))
    wide = (f"<p>Schedule of everything</p><table><tr><td>Item</td>{wide_cells}</tr>"
            f"<tr><td>Values</td>{wide_cells}</tr></table>")
    source = html_file(tmp_path, statement_html(BALANCE) + wide)
    code, _, out = convert(tmp_path, source, "--no-validate", capsys=capsys)
    assert code == 0
    left = [lo for lo in report(out)["leftOut"] if "columns, more than the limit of 200" in lo["reason"]]
    assert len(left) == 2 * 3000  # every number of the wide table, with the limit it broke


def test_columns_that_do_not_line_up_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = ("<p>CONSOLIDATED BALANCE SHEETS</p><p>(in thousands)</p><table><tr><td></td><td>December 31, 2024</td>"
            "<td>December 31, 2023</td></tr><tr><td>Cash</td><td>1</td><td>2</td><td>3</td><td>4</td></tr>"
            "<tr><td>Receivables</td><td>5</td></tr><tr><td>Total assets</td><td></td><td></td><td>6</td><td>7</td>"
            "</tr></table>")
    code, _, out = convert(tmp_path, html_file(tmp_path, body), capsys=capsys)
    assert code == 0
    left = {lo["text"] for lo in report(out)["leftOut"]}
    assert {"3", "4", "6", "7"} <= left


def test_duplicate_period_columns_keep_the_first_number_and_report_the_second(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = statement_html([("Cash", "1", "2"), ("Total assets", "1", "2")],
                          headers=("December 31, 2024", "December 31, 2024"))
    code, _, out = convert(tmp_path, html_file(tmp_path, body), capsys=capsys)
    assert code == 0
    assert {f.value for f in read_facts(instance(out)) if f.unit} == {"1000"}
    assert [lo["reason"] for lo in report(out)["leftOut"]] == ["a second number for the same period in one row"] * 2


def test_the_same_statement_twice_with_another_number_writes_one_and_reports_the_other(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second = [("Cash", "1,000", "900"), ("Accounts receivable", "250", "150"), ("Total assets", "1,250", "1,050")]
    body = statement_html(BALANCE) + "<p>Restated</p>" + statement_html(second)
    code, _, out = convert(tmp_path, html_file(tmp_path, body), capsys=capsys)
    assert code == 0
    facts = read_facts(instance(out))
    receivables_2024 = [f.value for f in facts if f.period == "2024-12-31" and f.value in ("200000", "250000")]
    assert receivables_2024 == ["200000"]
    conflicts = [lo for lo in report(out)["leftOut"] if "already has" in lo["reason"]]
    assert {lo["text"] for lo in conflicts} == {"250000", "1250000"}
    assert all(lo["line"] > 0 for lo in conflicts)


def test_a_total_that_does_not_add_up_is_reported_never_fixed(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    rows = [("Cash", "100", "900"), ("Receivables", "50", "10"), ("Total assets", "999", "910")]
    code, _, out = convert(tmp_path, html_file(tmp_path, statement_html(rows)), capsys=capsys)
    assert code == 0
    assert ("us-gaap:Assets", "2024-12-31", "999000") in {(f.concept, f.period, f.value)
                                                           for f in read_facts(instance(out))}
    assert report(out)["statements"][0]["totalsThatDoNotAddUp"] == ["Total assets"]
    assert "do not add up: BS 'Total assets'" in PRINTED[-1]
    assert not list(out.glob("*_cal.xml")) or "us-gaap_Assets" not in next(out.glob("*_cal.xml")).read_text()


def test_a_number_too_large_for_any_filing_is_reported_not_written(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    huge = "999,999,999,999,999,999,999"
    rows = [("Cash", huge, "900"), ("Receivables", "50", "10"), ("Total assets", "1,050", "910")]
    code, _, out = convert(tmp_path, html_file(tmp_path, statement_html(rows)), capsys=capsys)
    assert code == 0
    assert all(len((f.value or "").lstrip("-")) < 16 for f in read_facts(instance(out)))
    left = [lo for lo in report(out)["leftOut"] if lo["text"] == huge]
    assert len(left) == 1 and "beyond any real filing" in left[0]["reason"]


# -- text that must be escaped, names that must be safe ------------------------------------

SPECIAL = "Cash &amp; equivalents &lt;restricted&gt; &quot;A&quot; &#39;B&#39; Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \u20ac"
SPECIAL_TEXT = "Cash & equivalents <restricted> \"A\" 'B' Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \u20ac"


@pytest.mark.parametrize("fmt", ["xbrl", "ixbrl", "json", "csv"])
def test_markup_characters_and_non_ascii_labels_are_escaped_in_every_format(
        tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [(f"{SPECIAL} (note 1)", "1,000", "900"), ("Total assets", "1,000", "900")]
    cover = "<p>ACME \u00c9nergie &lt;Holdings&gt; &amp; Co. (Exact name of registrant)</p>"
    code, _, out = convert(tmp_path, html_file(tmp_path, cover + statement_html(rows)), "--format", fmt,
                           capsys=capsys)
    assert code == 0  # Arelle validated every file of the package
    for path in out.rglob("*"):
        if path.suffix in (".xml", ".xsd", ".htm"):
            etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))  # well formed
    labels = [i["label"] for i in report(out)["items"]]
    assert f"{SPECIAL_TEXT} (note 1)" in labels  # the report keeps the label exactly as printed
    if fmt == "ixbrl":
        shown = etree.parse(str(next(out.glob("*.htm")))).getroot()
        assert any(SPECIAL_TEXT in "".join(td.itertext()) for td in shown.iter("{*}td"))
    if fmt == "json":
        data = json.loads(instance(out).with_suffix(".json").read_text(encoding="utf-8"))
        assert any(str(f["value"]).startswith("1000000") for f in data["facts"].values())
    if fmt == "csv":
        with next(out.glob("*-facts.csv")).open(encoding="utf-8", newline="") as fh:
            assert len(list(csv.reader(fh))) > 2
    for ext in json.loads((out / "mapping-report.json").read_text())["items"]:
        if ext["extension"]:
            assert NCNAME.match(ext["concept"].split(":", 1)[1]), ext["concept"]


def test_a_hostile_ticker_or_name_cannot_leave_the_output_folder(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    cover = ("<p>../../etc/passwd \u00c9 Corp (Exact name of registrant as specified in its charter)</p>"
             "<p>(NASDAQ: ../X)</p><p>Trading Symbol(s): ../../x y</p><p>www.evil-../..com</p>")
    code, _, out = convert(tmp_path, html_file(tmp_path, cover + statement_html(BALANCE)), capsys=capsys)
    assert code == 0
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "filing.html"]
    assert written and all(p.resolve().is_relative_to(out.resolve()) for p in written)
    root = etree.parse(str(instance(out))).getroot()
    assert all(NCNAME.match(prefix) for prefix in root.nsmap if prefix)


# -- entities: nothing read, nothing fetched, nothing expanded --------------------------------

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' if i > 1 else '<!ENTITY lol1 "&lol;&lol;&lol;">'
    for i in range(1, 10)) + "]>")


def test_entity_declarations_in_a_filing_are_not_expanded_or_fetched(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    doctype = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
               f'<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>')
    for name, head in (("xxe.html", doctype), ("laughs.xhtml", LAUGHS)):
        rows = [("Cash &xxe; &net; &lol9;", "1,000", "900"), ("Total assets", "1,000", "900")]
        source = tmp_path / name
        source.write_text(f'<?xml version="1.0"?>{head}<html><body>{statement_html(rows)}</body></html>',
                          encoding="utf-8")
        code, _, out = convert(tmp_path, source, capsys=capsys)
        assert code == 0
        assert max(p.stat().st_size for p in out.iterdir()) < 1_000_000  # nothing expanded
        assert not [p for p in out.iterdir() if "TOPSECRET" in p.read_text(encoding="utf-8", errors="ignore")]
        shutil.rmtree(out)


def test_validate_refuses_an_instance_that_declares_entities(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pkg"
    assert main(["convert", str(EXAMPLE), "--cik", "1", "-o", str(out), "--no-validate"]) == 0
    document = instance(out)
    text = document.read_text(encoding="utf-8")
    at = text.index("?>") + 2
    document.write_text(text[:at] + '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + text[at:],
                        encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "declares XML entities" in err and err.count("\n") == 1


# -- submissions ---------------------------------------------------------------------------------

def test_a_submission_with_uuencoded_binaries_reads_its_text_documents(tmp_path: Path, example_facts: list[Any],
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    uu = "begin 644 chart.gif\n" + "".join("M" + "".join(chr(33 + (i * 7 + j) % 60) for j in range(60)) + "\n"
                                           for i in range(300)) + "`\nend\n"
    parts = [("GRAPHIC", uu), ("EX-99.1", EXAMPLE.read_text(encoding="utf-8")), ("ZIP", uu)]
    docs = "".join(f"<DOCUMENT>\n<TYPE>{t}\n<TEXT>\n{body}</TEXT>\n</DOCUMENT>\n" for t, body in parts)
    source = tmp_path / "submission.txt"
    source.write_text("<SEC-DOCUMENT>0001-06-000001.txt : 20061109\n<SEC-HEADER>\nCENTRAL INDEX KEY:\t0001009759\n"
                      f"CONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n{docs}</SEC-DOCUMENT>\n", encoding="utf-8")
    code, _, out = convert(tmp_path, source, "--no-validate", capsys=capsys)
    assert code == 0
    facts = sorted(read_facts(instance(out)), key=repr)
    assert [f for f in facts if f.unit] == [f for f in example_facts if f.unit]


# -- mapping files and output folders -------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bad.yaml", "Revenue: us-gaap:Revenues\n  bad: [unclosed\n", "bad.yaml, line 2: not valid YAML"),
    ("bad.json", '{"Revenue": "us-gaap:Revenues",\n "Cash": }', "bad.json, line 2: not valid JSON"),
    ("bad.csv", "label,concept\nRevenue,us-gaap:Revenues\nCash,us-gaap:NoSuchConcept\n",
     "bad.csv, line 3: 'us-gaap:NoSuchConcept'"),
])
def test_a_bad_mapping_file_names_its_line_and_exits_3(tmp_path: Path, name: str, content: str, expected: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / name
    mapping.write_text(content, encoding="utf-8")
    code, err, _ = convert(tmp_path, EXAMPLE, "--no-validate", "--mapping", str(mapping), capsys=capsys)
    assert code == 3 and expected in err


@pytest.mark.parametrize("where", ["a file", "inside a file", "an unwritable place"])
def test_an_output_that_cannot_be_written_is_exit_6(tmp_path: Path, where: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("keep me", encoding="utf-8")
    output = {"a file": blocker, "inside a file": blocker / "sub", "an unwritable place": Path("/proc/xbrl-out")}[where]
    code = main(["convert", str(EXAMPLE), "--cik", "1", "-o", str(output), "--no-validate"])
    err = capsys.readouterr().err
    assert code == 6 and err.startswith("error: ") and err.count("\n") == 1
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


# -- a damaged installation ------------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["missing", "cut short"])
@pytest.mark.parametrize("name", ["concept-index.json.gz", "mapper-evidence.npz"])
def test_a_damaged_taxonomy_folder_is_exit_4(tmp_path: Path, name: str, damage: str) -> None:
    from converter.resources import TAXONOMY_DIR_VARIABLE, data_dir

    folder = tmp_path / "taxonomy"
    shutil.copytree(data_dir("taxonomy"), folder)
    if damage == "missing":
        (folder / name).unlink()
    else:
        (folder / name).write_bytes((folder / name).read_bytes()[:1000])
    proc = subprocess.run([sys.executable, "-m", "converter", "convert", str(EXAMPLE), "--cik", "1", "-o",
                           str(tmp_path / "out"), "--no-validate"], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, TAXONOMY_DIR_VARIABLE: str(folder)}, timeout=120)
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


# -- no network ------------------------------------------------------------------------------------

def test_hostile_documents_open_no_connection(tmp_path: Path, refused_connections: list[object],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    rows = [('Cash <img src="http://127.0.0.1:9/x.png">', "1,000", "900"), ("Total assets", "1,000", "900")]
    body = ('<link rel="stylesheet" href="http://127.0.0.1:9/s.css"><script src="http://127.0.0.1:9/x.js"></script>'
            + statement_html(rows))
    code, _, _ = convert(tmp_path, html_file(tmp_path, body), "--format", "ixbrl", capsys=capsys)
    assert code == 0
    assert refused_connections == []
