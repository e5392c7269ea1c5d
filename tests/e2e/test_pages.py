"""Every page of the registry opens from the sidebar without an error and with every chart drawn."""

import pytest

from kompass_data import messages

from .harness import app_pages, nav_links, open_app, problems_on_page, wait_for_app, wait_for_charts

pytestmark = pytest.mark.e2e

PAGES = app_pages()
# Pages that must show at least this many charts with the shipped data and default selections.
MIN_CHARTS = {
    "pages/1_oversikt.py": 1,  # the map
    "pages/2_kommunprofil.py": 1,  # Norsjö's radar
    "pages/3_utveckling.py": 1,  # the trend
    "pages/4_jamfor.py": 1,
    "pages/5_fordelning.py": 1,
    "pages/8_samband.py": 1,  # the scatter, one panel per version
}


def test_sidebar_lists_every_page(page, server):
    open_app(page, server.url, charts=MIN_CHARTS.get(PAGES[0][0], 0) if PAGES else 0)
    titles = [messages.t(key, "sv") for _script, key in PAGES]
    assert list(nav_links(page)) == titles


@pytest.mark.parametrize("script,title_key", PAGES, ids=[s.split("/")[-1].removesuffix(".py") for s, _k in PAGES])
def test_page_renders_without_error(page, server, script, title_key):
    title = messages.t(title_key, "sv")
    open_app(page, server.url)
    href = nav_links(page)[title]
    page.goto(href)
    wait_for_app(page)  # a full load: the script state goes initial -> running -> notRunning
    assert problems_on_page(page, messages.t("ui.error.unexpected", "sv")) == []
    page.get_by_role("heading", level=1, name=title).wait_for(timeout=10_000)
    minimum = MIN_CHARTS.get(script, 0)
    wait_for_charts(page, minimum)
    assert problems_on_page(page, messages.t("ui.error.unexpected", "sv")) == []
    boxes = page.locator('[data-testid="stPlotlyChart"]').count()
    drawn = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').count()
    assert boxes >= minimum
    assert drawn == boxes, f"{boxes} chart elements but {drawn} drawn Plotly plots"
