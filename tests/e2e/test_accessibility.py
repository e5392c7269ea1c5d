"""WCAG 2.2 AA in Chromium: axe-core on every page at desktop and phone width, and nothing wider than a phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .harness import app_pages, open_app, page_url

VIEWPORTS = {"desktop": (1400, 1000), "phone": (390, 844)}
PAGES = [script for script, _key in app_pages()]
QUERY = "?kommun=2417&ar=2018"  # Norsjö 2018: the page state with the most on it (radar, sub-areas, notes)
COUNTY = "?lan=24&kommun=2417"  # Västerbotten: the county map and table, the region filter's state
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


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_county_view_has_no_serious_axe_violation(browser, server, axe, viewport):
    context, page = _context_page(browser, viewport)
    try:
        open_app(page, f"{server.url}/{COUNTY}")
        result = axe.run(page)
        blocking = [v for v in result.response["violations"] if v["impact"] in BLOCKING]
        assert not blocking, "\n".join(f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in blocking)
    finally:
        context.close()


def test_headings_never_skip_a_level(browser, server):
    """H1 (the page title), then H2 sections, then H3 inside them: no H1 → H3 jump on any page."""
    context, page = _context_page(browser, "desktop")
    try:
        for script in PAGES:
            open_app(page, page_url(server.url, script, QUERY))
            levels = page.evaluate(
                "Array.from(document.querySelectorAll('[data-testid=stMain] h1, [data-testid=stMain] h2, "
                "[data-testid=stMain] h3, [data-testid=stMain] h4')).map(h => Number(h.tagName[1]))"
            )
            assert levels and levels[0] == 1, script
            assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (script, levels)
    finally:
        context.close()


def test_every_chart_has_an_accessible_name(browser, server):
    context, page = _context_page(browser, "desktop")
    try:
        for script in PAGES:
            open_app(page, page_url(server.url, script, QUERY))
            unnamed = page.evaluate(
                """Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]'))
                     .filter(el => !(el.getAttribute('aria-label') || el.querySelector('[aria-label]'))).length"""
            )
            assert unnamed == 0, script
    finally:
        context.close()


@pytest.mark.parametrize("query", [QUERY, COUNTY])
@pytest.mark.parametrize("script", PAGES)
def test_phone_width_never_scrolls_sideways(browser, server, script, query):
    context, page = _context_page(browser, "phone")
    try:
        open_app(page, page_url(server.url, script, query))
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
