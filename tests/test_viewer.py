"""Arelle's Inline XBRL viewer of the example, opened offline in headless Chromium: the
balance sheet renders, a tagged number shows its concept when clicked, and the page of our
own it links to says why the line got that concept.  The screenshot is kept as a test
artifact (test-artifacts/viewer.png)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from converter import convert
from tests.conftest import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not Path(CHROMIUM).exists():
        return "Debian's chromium is not installed (.ci/run installs it where it can)"
    return None


def test_viewer_is_written_beside_the_inline_document(tmp_path: Path) -> None:
    result = convert(EXAMPLE, tmp_path / "package", cik="0001009759", output_format="ixbrl", viewer=True)
    viewer = tmp_path / "package" / "viewer"
    assert (viewer / "xbrlviewer.html").is_file() and (viewer / "ixbrlviewer.js").is_file()
    assert (viewer / "mapping-evidence.html").is_file()
    page = (viewer / "xbrlviewer.html").read_text(encoding="utf-8")
    assert 'src="ixbrlviewer.js"' in page and "https://" not in page.split("<body", 1)[0]  # no CDN
    assert result.valid


@pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))
def test_viewer_in_headless_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    result = convert(EXAMPLE, tmp_path / "package", cik="0001009759", output_format="ixbrl", viewer=True)
    cash_confidence = next(i.confidence for i in result.model.report.items
                           if i.concept == "us-gaap:CashAndCashEquivalentsAtCarryingValue")
    page_file = tmp_path / "package" / "viewer" / "xbrlviewer.html"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("http*://**", lambda route: route.abort())  # offline: any network request fails
            page.goto(page_file.as_uri())
            page.wait_for_selector("text=XBRL facts", timeout=60_000)
            document = next(f for f in page.frames
                            if f.locator("text=CONDENSED CONSOLIDATED BALANCE SHEETS").count())
            cash = document.locator(".ixbrl-element").filter(has_text="39,329").first
            cash.wait_for(state="visible", timeout=30_000)  # the balance sheet renders
            page.wait_for_timeout(1_000)  # the viewer links its facts after the document shows
            cash.click()
            page.wait_for_function("document.body.innerText.includes('us-gaap:CashAndCashEquivalentsAtCarryingValue')",
                                   timeout=30_000)
            assert "US $ 39,329,000" in page.locator("body").inner_text()
            page.screenshot(path=str(ARTIFACTS / "viewer.png"))
            # the page of our own the document links to: why each line got its concept
            assert document.locator("text=How each number got its concept").count() == 1
            evidence = browser.new_page()
            evidence.route("http*://**", lambda route: route.abort())
            evidence.goto((page_file.parent / "mapping-evidence.html").as_uri())
            row = evidence.locator("tr#us-gaap_CashAndCashEquivalentsAtCarryingValue")
            assert "Cash and cash equivalents" in row.inner_text()
            assert row.locator("td.num").inner_text() == f"{cash_confidence:.2f}"  # the report's own figure
        finally:
            browser.close()
