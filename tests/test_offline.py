"""No network, proven: a whole conversion, validation and Inline XBRL output with every
attempt to open a connection recorded and refused."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from converter import convert
from tests.conftest import EXAMPLE


def test_conversion_and_validation_open_no_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network access attempted in an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))  # type: ignore[arg-type]
    result = convert(EXAMPLE, tmp_path / "package", cik="0001009759", output_format="ixbrl")
    assert result.valid
    assert attempts == []
