"""Every legacy filing in the shared corpus converts to a package Arelle accepts, or
fails with a one-line input error: never a traceback, never an invalid package."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.cli import main
from tests.conftest import SHARED

LEGACY = SHARED / "corpus" / "legacy"
FILES = sorted(p for p in LEGACY.rglob("*") if p.suffix in (".html", ".htm", ".txt")) if LEGACY.is_dir() else []


@pytest.mark.skipif(not FILES, reason="the legacy corpus is not present")
@pytest.mark.parametrize("path", FILES, ids=[p.parent.name + "/" + p.name for p in FILES])
def test_legacy_filing(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "package"
    code = main(["convert", str(path), "--cik", "0000320193", "-o", str(out)])
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    if code == 0:
        assert "Arelle: valid" in captured.out
    else:
        assert captured.err.startswith("error: ") and captured.err.count("\n") == 1
        assert not out.exists()
