"""Shared fixtures: the example converted once per test session, and a fact reader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from converter import Result, convert

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "capstone-2006-q2" / "filing.txt"
SHARED = ROOT.parent / "shared"
XBRLI = "{http://www.xbrl.org/2003/instance}"
XBRLDI = "{http://xbrl.org/2006/xbrldi}"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


@dataclass(frozen=True)
class ReadFact:
    concept: str
    period: str  # "2006-09-30" or "2006-07-01--2006-09-30"
    dims: tuple[tuple[str, str], ...]
    value: str | None
    unit: str | None
    decimals: str | None


def read_facts(instance: Path) -> list[ReadFact]:
    """The facts of an instance as plain tuples, read with lxml (not with our own model)."""
    root = etree.parse(str(instance)).getroot()
    nsmap = {v: k for k, v in root.nsmap.items() if k}
    periods: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}
    for ctx in root.iter(f"{XBRLI}context"):
        instant = ctx.findtext(f".//{XBRLI}instant")
        if instant:
            period = instant
        else:
            period = f"{ctx.findtext(f'.//{XBRLI}startDate')}--{ctx.findtext(f'.//{XBRLI}endDate')}"
        dims = tuple(sorted((m.get("dimension"), m.text.strip()) for m in ctx.iter(f"{XBRLDI}explicitMember")))
        periods[ctx.get("id")] = (period, dims)
    units = {}
    for unit in root.iter(f"{XBRLI}unit"):
        measures = [m.text for m in unit.iter(f"{XBRLI}measure")]
        units[unit.get("id")] = "/".join(measures)
    facts = []
    for el in root:
        if not isinstance(el.tag, str) or el.get("contextRef") is None:
            continue
        qname = etree.QName(el)
        concept = f"{nsmap[qname.namespace]}:{qname.localname}"
        period, dims = periods[el.get("contextRef")]
        value = None if el.get(XSI_NIL) == "true" else (el.text or "").strip()
        facts.append(ReadFact(concept, period, dims, value, units.get(el.get("unitRef")), el.get("decimals")))
    return facts


@pytest.fixture(scope="session")
def example_result(tmp_path_factory: pytest.TempPathFactory) -> Result:
    out = tmp_path_factory.mktemp("capstone") / "package"
    return convert(EXAMPLE, out, cik="0001009759")


@pytest.fixture(scope="session")
def example_facts(example_result: Result) -> list[ReadFact]:
    return read_facts(example_result.output / f"{example_result.model.stem}.xml")


@pytest.fixture
def refused_connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to open a network connection, recorded and refused (the list the
    test then checks is empty)."""
    import socket

    attempts: list[object] = []

    def refuse(self: object, address: object, *args: object, **kwargs: object) -> None:
        attempts.append(address)
        raise OSError("network access attempted in an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return attempts
