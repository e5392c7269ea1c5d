"""The map in Chromium: a click on a municipality opens its profile; a county's map fits a phone."""

from __future__ import annotations

from .harness import open_app

NORSJO_LONLAT = (19.75, 64.90)  # inside Norsjö's border (the centroid Plotly reports for it)
MAP_READY = """() => { const gd = document.querySelectorAll('.js-plotly-plot')[1];
  return !!(gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot.map.loaded()); }"""


def _screen_point(page, lon: float, lat: float) -> list[float]:
    """Where a longitude/latitude lies on the screen in the page's map (the second chart on Översikt)."""
    return page.evaluate(
        """([lon, lat]) => { const gd = document.querySelectorAll('.js-plotly-plot')[1];
             const pt = gd._fullLayout.map._subplot.map.project([lon, lat]);
             const r = gd.querySelector('.maplibregl-canvas').getBoundingClientRect();
             return [r.left + pt.x, r.top + pt.y]; }""",
        list((lon, lat)),
    )


def test_a_click_on_a_municipality_opens_its_profile(page, server):
    open_app(page, f"{server.url}/?lan=24", charts=2)
    page.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed()
    page.wait_for_function(MAP_READY)
    point = _screen_point(page, *NORSJO_LONLAT)
    page.mouse.move(*point)  # Plotly's map clicks act on the hovered feature: hover first, as a mouse does
    page.locator(".hovertext").filter(has_text="Norsjö").wait_for()
    page.mouse.click(*point)
    # Streamlit changes pages through the history API: no navigation event to wait for, only the URL.
    page.wait_for_function("location.search.includes('kommun=2417')", timeout=30_000)
    page.get_by_role("heading", name="Kommunprofil").wait_for(timeout=30_000)
    # The profile opened on the clicked municipality: its score set's heading.
    page.get_by_role("heading", name="Norsjö 2018").first.wait_for(timeout=30_000)
    assert "kommunprofil" in page.url


def test_a_countys_map_lies_whole_inside_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    try:
        page = context.new_page()
        open_app(page, f"{server.url}/?lan=24", charts=2)
        gd = page.locator(".js-plotly-plot").nth(1)
        gd.scroll_into_view_if_needed()
        page.wait_for_function(MAP_READY)
        box = gd.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        # Every corner of the county's extent (about 14.3–21.6 E, 63.5–66.3 N) projects inside the map.
        for lon, lat in ((14.4, 64.9), (21.5, 64.0), (16.5, 66.2), (19.7, 63.6)):
            x, y = _screen_point(page, lon, lat)
            assert box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"], (lon, lat)
    finally:
        context.close()


# In a new tab, records when the first chart was drawn and when the map's section (its heading) arrived.
ORDER_JS = """() => { window.__seen = {};
  new MutationObserver(() => {
    const s = window.__seen, now = performance.now();
    if (!s.chart && document.querySelector('.js-plotly-plot .main-svg')) s.chart = now;
    if (!s.map && [...document.querySelectorAll('h2')].some(h => h.textContent.trim() === 'Karta')) s.map = now;
  }).observe(document, { childList: true, subtree: true }); }"""


def test_a_new_tab_draws_the_first_chart_before_the_map_arrives_and_then_the_map_by_itself(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    try:
        page = context.new_page()
        page.add_init_script(f"({ORDER_JS})()")
        open_app(page, f"{server.url}/?lan=24", charts=2)  # waits until no first view is pending
        assert page.locator("[data-kompass-first-view]").count() == 0
        page.locator(".maplibregl-canvas").wait_for(state="attached")
        seen = page.evaluate("window.__seen")
        assert seen["chart"] < seen["map"]
        assert "lan=24" in page.url
        page.get_by_role("heading", name="Västerbottens län i korthet").wait_for()
    finally:
        context.close()
