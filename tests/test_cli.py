"""The command line: exit codes, one-line errors, no half-written output, documentation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from converter.cli import EXAMPLES, _parser, main
from tests.conftest import EXAMPLE, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_convert_the_example_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run("convert", str(EXAMPLE), "--cik", "0001009759", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "facts: 168 (168 standard, 0 extension)" in proc.stdout
    assert "Arelle: valid: 0 errors, 0 calculation inconsistencies" in proc.stdout
    names = sorted(p.name for p in out.iterdir())
    assert names == ["cpst-20060930.xml", "cpst-20060930.xsd", "cpst-20060930_cal.xml", "cpst-20060930_def.xml",
                     "cpst-20060930_lab.xml", "cpst-20060930_pre.xml", "mapping-report.json", "validation.json"]
    assert run("validate", str(out)).returncode == 0


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    empty = tmp / "empty.txt"
    empty.write_text("")
    binary = tmp / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    prose = tmp / "prose.txt"
    prose.write_text("This filing has no financial statements at all.\n")
    latin = tmp / "truncated.txt"
    latin.write_bytes(EXAMPLE.read_bytes()[:3000])
    return {"empty": empty, "binary": binary, "prose": prose, "truncated": latin,
            "missing": tmp / "does-not-exist.txt", "folder": tmp}


@pytest.mark.parametrize("case", ["empty", "binary", "prose", "truncated", "missing", "folder"])
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path, case: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad_inputs(tmp_path)[case]
    out = tmp_path / "package"
    code = main(["convert", str(path), "--cik", "1", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".package")]


def test_missing_cik_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "package"
    assert main(["convert", str(EXAMPLE), "-o", str(out)]) == 2
    assert "--cik" in capsys.readouterr().err
    assert not out.exists()


def test_bad_cik_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["convert", str(EXAMPLE), "--cik", "CPST", "-o", str(tmp_path / "o")]) == 3


def test_an_existing_output_folder_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "package"
    out.mkdir()
    (out / "stale.txt").write_text("old")
    assert main(["convert", str(EXAMPLE), "--cik", "0001009759", "-o", str(out), "--no-validate"]) == 0
    assert not (out / "stale.txt").exists()
    assert (out / "cpst-20060930.xml").exists()


def test_output_is_byte_identical_between_runs(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert main(["convert", str(EXAMPLE), "--cik", "0001009759", "-o", str(out), "--no-validate"]) == 0
    for file in sorted(a.iterdir()):
        assert file.read_bytes() == (b / file.name).read_bytes(), file.name


def test_validate_reports_an_invalid_instance_with_exit_5(tmp_path: Path) -> None:
    out = tmp_path / "package"
    assert main(["convert", str(EXAMPLE), "--cik", "0001009759", "-o", str(out), "--no-validate"]) == 0
    instance = out / "cpst-20060930.xml"
    text = instance.read_text()
    instance.write_text(text.replace(">72994000</us-gaap:Assets>", ">99994000</us-gaap:Assets>", 1))
    assert main(["validate", str(out)]) == 5


def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = _parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert "example:" in (sub.epilog or ""), name
        assert f"xbrl-converter {name}" in readme, name
    for example in EXAMPLES.values():
        assert example.split(" ")[1] in commands
    for code in ("0", "2", "3", "4", "5", "6", "70"):
        assert f"| {code} |" in readme


def test_utf16_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-16")
    assert main(["convert", str(path), "--cik", "0001009759", "-o", str(tmp_path / "o"), "--no-validate"]) == 0


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    from converter.errors import InputTooLargeError
    from converter.readers.loading import load_text

    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(InputTooLargeError, match="limit"):
        load_text(path, 1000)


def test_a_statement_table_without_periods_is_reported_not_dropped(tmp_path: Path) -> None:
    from converter.extraction import extract
    from converter.readers import read_document

    path = tmp_path / "noperiods.txt"
    path.write_text(EXAMPLE.read_text() + "\nBALANCE SHEETS\n\n\tThis year\tLast year\nCash\t1,000\t900\nTotal assets\t1,000\t900\n")
    filing = extract(read_document(path))
    reasons = {lo.text: lo.reason for lo in filing.left_out}
    assert reasons.get("1,000", "").startswith("a balance sheet whose columns name no period")


def test_validate_with_an_explicit_taxonomy_package(tmp_path: Path) -> None:
    package = tmp_path / "taxonomy.zip"
    assert main(["taxonomy", "standin", "-o", str(package)]) == 0
    expected = ROOT / "examples" / "capstone-2006-q2" / "expected"
    assert main(["validate", str(expected), "--taxonomy-package", str(package), "--json"]) == 0
    assert main(["validate", str(expected), "--taxonomy-package", str(tmp_path / "missing.zip")]) == 4


def test_a_mapping_file_overrides_the_mapper(tmp_path: Path) -> None:
    import json

    from tests.conftest import read_facts

    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"Accrued warranty reserve": "us-gaap:AccruedLiabilitiesCurrent"}))
    out = tmp_path / "out"
    assert main(["convert", str(EXAMPLE), "--cik", "0001009759", "-o", str(out), "--mapping", str(mapping)]) == 0
    facts = {(f.concept, f.period): f.value for f in read_facts(out / "cpst-20060930.xml")}
    assert facts[("us-gaap:AccruedLiabilitiesCurrent", "2006-09-30")] == "6876000"
    assert not any(c == "us-gaap:ProductWarrantyAccrualClassifiedCurrent" for c, _ in facts)
    report = json.loads((out / "mapping-report.json").read_text())
    item = next(i for i in report["items"] if i["label"] == "Accrued warranty reserve")
    assert item["reason"] == "user mapping file (mapping.json, line 1)"


def test_a_mapping_file_naming_an_unknown_concept_is_a_usage_error(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text('{"Revenue": "us-gaap:NoSuchThing"}')
    assert main(["convert", str(EXAMPLE), "--cik", "1", "-o", str(tmp_path / "o"), "--mapping", str(mapping)]) == 3
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("argv", [[], ["convert"], ["convert", "x.txt"], ["frobnicate"], ["convert", "x", "-o"]])
def test_bad_arguments_are_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 3
    assert capsys.readouterr().err.startswith("error: ")


def test_deeply_nested_html_is_read_without_exhausting_the_stack(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Twenty thousand nested elements: a one-line answer, never an internal error."""
    source = tmp_path / "deep.html"
    source.write_text("<html><body>" + "<div>" * 20_000 + "<p>Nothing here</p>" + "</div>" * 20_000
                      + "</body></html>", encoding="utf-8")
    code = main(["convert", str(source), "--cik", "1", "-o", str(tmp_path / "out"), "--no-validate"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()
