"""EDGAR's own checks (EDGAR Filer Manual and DQC rules, through Arelle's EDGAR and XULE
plug-ins from ../shared/tools) on the Inline XBRL packages: no errors, and only the
warnings the README explains; and the Inline XBRL document carries the instance's facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter import convert
from tests.conftest import EXAMPLE, SHARED

PLUGINS = SHARED / "tools" / "arelle-plugins"
MSFT = SHARED / "corpus" / "legacy" / "MSFT-0001193125-09-158735" / "10-K_2009-07-30.html"
needs_plugins = pytest.mark.skipif(not (PLUGINS / "EDGAR").is_dir(), reason="Arelle's EDGAR plug-in is not present")
# what a 2006 8-K's cover page does not print: an emerging growth company box (2017 on) and
# a Section 12(b) class title beside its ticker
EXAMPLE_WARNINGS = {"EFM.6.05.40.entityEmergingGrowthCompanyMissing",
                    "EFM.6.05.46.tradingSymbolNoTradingSymbolFlagSecurity12bTitleSecurity12gTitleExclusiveDependency"}


@needs_plugins
def test_example_as_inline_xbrl_passes_edgar(tmp_path: Path) -> None:
    result = convert(EXAMPLE, tmp_path / "package", cik="0001009759", output_format="ixbrl", edgar=True,
                     edgar_plugins=PLUGINS)
    assert result.validation is not None
    assert not result.validation.errors, result.validation.errors
    assert {f.code for f in result.validation.warnings} <= EXAMPLE_WARNINGS


@needs_plugins
@pytest.mark.skipif(not MSFT.exists(), reason="the legacy corpus is not present")
def test_legacy_10k_as_inline_xbrl(tmp_path: Path) -> None:
    """A 2009 10-K: no EDGAR error; its cover page read (filer category, public float and
    shares outstanding at their own dates); the Inline XBRL facts equal the instance's."""
    inline = convert(MSFT, tmp_path / "inline", cik="0000789019", output_format="ixbrl", edgar=True,
                     edgar_plugins=PLUGINS)
    assert inline.validation is not None and not inline.validation.errors, inline.validation.errors
    facts = {(f.concept, f.period): f.value for f in inline.validation.facts}
    assert facts[("dei:EntityFilerCategory", "2008-07-01--2009-06-30")] == "Large Accelerated Filer"
    assert facts[("dei:DocumentFiscalPeriodFocus", "2008-07-01--2009-06-30")] == "FY"
    assert facts[("dei:EntityPublicFloat", "2008-12-31")] == "149769380603"
    assert facts[("dei:EntityCommonStockSharesOutstanding", "2009-07-27")] == "8910673817"
    instance = convert(MSFT, tmp_path / "instance", cik="0000789019")
    assert instance.validation is not None
    assert set(inline.validation.facts) == set(instance.validation.facts)
