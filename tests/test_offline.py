"""No network, proven: a whole conversion, validation and Inline XBRL output with every
attempt to open a connection recorded and refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from converter import convert
from tests.conftest import EXAMPLE, ROOT


def test_conversion_and_validation_open_no_connection(tmp_path: Path, refused_connections: list[object]) -> None:
    result = convert(EXAMPLE, tmp_path / "package", cik="0001009759", output_format="ixbrl")
    assert result.valid
    assert refused_connections == []


STRACE = shutil.which("strace")


@pytest.mark.skipif(STRACE is None, reason="strace is not installed (apt-get install strace)")
@pytest.mark.parametrize("hostile", [False, True])
def test_the_command_makes_no_socket_system_call(tmp_path: Path, hostile: bool) -> None:
    """Traced at the system-call level, below Python and inside every C library: a whole
    conversion and validation creates no socket at all (not even the one libuuid opens to
    read a MAC address), and a document declaring external entities reads no other file."""
    source = EXAMPLE
    secret = tmp_path / "secret.txt"
    if hostile:
        secret.write_text("TOPSECRET", encoding="utf-8")
        source = tmp_path / "xxe.html"
        source.write_text(f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">'
                          '<!ENTITY n SYSTEM "http://127.0.0.1:9/x">]><html><body><p>CONSOLIDATED BALANCE SHEETS</p>'
                          "<table><tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>"
                          "<tr><td>Cash &x; &n;</td><td>1</td><td>2</td></tr><tr><td>Total assets</td><td>1</td>"
                          "<td>2</td></tr></table></body></html>", encoding="utf-8")
    trace = tmp_path / "trace.txt"
    proc = subprocess.run([str(STRACE), "-f", "-qq", "-e", "trace=socket,connect,open,openat", "-o", str(trace),
                           sys.executable, "-m", "converter", "convert", str(source), "--cik", "1", "-o",
                           str(tmp_path / "out"), "--format", "ixbrl"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    calls = trace.read_text()
    assert [line for line in calls.splitlines() if " socket(" in line or " connect(" in line] == []
    assert str(secret) not in calls
