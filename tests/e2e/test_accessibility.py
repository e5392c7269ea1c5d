"""WCAG 2.2 AA in Chromium: axe-core on every page at desktop and phone width, and nothing wider than a phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .harness import app_pages, open_app, page_url

VIEWPORTS = {"desktop": (1400, 1000), "phone": (390, 844)}
PAGES = [script for script, _key in app_pages()]
QUERY = "?kommun=2417&ar=2018"  # Norsjö 2018: the page state with the most on it (radar, sub-areas, notes)
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe():
    return Axe()


def _context_page(browser, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    context.set_default_timeout(30_000)
    return context, context.new_page()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("script", PAGES)
def test_no_serious_axe_violation(browser, server, axe, script, viewport):
    context, page = _context_page(browser, viewport)
    try:
        open_app(page, page_url(server.url, script, QUERY))
        result = axe.run(page)
        blocking = [v for v in result.response["violations"] if v["impact"] in BLOCKING]
        summary = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')}"
                   for v in blocking]
        assert not blocking, "\n".join(summary)
    finally:
        context.close()


@pytest.mark.parametrize("script", PAGES)
def test_phone_width_never_scrolls_sideways(browser, server, script):
    context, page = _context_page(browser, "phone")
    try:
        open_app(page, page_url(server.url, script, QUERY))
        width = VIEWPORTS["phone"][0]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # Every chart lies inside the viewport (Plotly keeps its own width; a fixed-width chart would be cut).
        overflow = page.evaluate(
            """(w) => Array.from(document.querySelectorAll('.js-plotly-plot')).map(g => g.getBoundingClientRect())
                 .filter(r => r.left < -1 || r.right > w + 1).map(r => [r.left, r.right])""",
            width,
        )
        assert overflow == []
    finally:
        context.close()


def test_captions_are_not_faded(page, server):
    """Captions carry the version rule: drawn solid (≥ 4.5:1), not at Streamlit's 60 % opacity."""
    open_app(page, page_url(server.url, "pages/2_kommunprofil.py", QUERY))
    opacities = page.evaluate(
        "Array.from(document.querySelectorAll('[data-testid=stCaptionContainer]')).map(e => getComputedStyle(e).opacity)"
    )
    assert opacities and set(opacities) == {"1"}
