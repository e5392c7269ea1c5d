"""Text from the data is shown as text: a municipality name or label carrying HTML or script never runs.

A second server reads a crafted copy of datasets/ (KOMPASS_DATA_DIR) in which Upplands Väsby's name and
two published labels are hostile markup.
"""

import csv

import pytest

from kompass_data import messages

from .conftest import crafted_data_server
from .harness import open_app, page_url, problems_on_page

pytestmark = pytest.mark.e2e

KOD = "0114"
NAME = '<img src=x onerror="window.__xss=1">Väsby'
LABELS = {"1": "<script>window.__xss=2</script>Offentlighet", "2": "<b onmouseover=\"window.__xss=3\">fet</b>"}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """A server whose data holds markup in a municipality name and in published labels."""

    def add_markup(data_dir):
        munis = (data_dir / "municipalities.csv").read_text(encoding="utf-8")
        quoted = '"' + NAME.replace('"', '""') + '"'
        (data_dir / "municipalities.csv").write_text(munis.replace(f"{KOD},Upplands Väsby,", f"{KOD},{quoted},"),
                                                     encoding="utf-8")
        source = "crafted for the e2e test"
        rows = [[KOD, "Upplands Väsby", 2018, 2016, "full", "total", "total", "Totalt", 500, 800, source, ""]]
        rows += [[KOD, "Upplands Väsby", 2018, 2016, "full", "area", code, label, 60, 100, source, ""]
                 for code, label in LABELS.items()]
        with open(data_dir / "scores.csv", "a", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)

    srv = crafted_data_server(tmp_path_factory, "hostile-datasets", add_markup)
    yield srv
    srv.cleanup()


@pytest.mark.parametrize("script, query", [
    ("pages/2_kommunprofil.py", f"?kommun={KOD}&ar=2018"),
    ("pages/3_utveckling.py", f"?kommun={KOD}"),
    ("pages/6_export.py", f"?kommun={KOD}"),
])
def test_markup_in_the_data_is_shown_as_text(browser, hostile_server, script, query):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        open_app(page, page_url(hostile_server.url, script, query))
        assert problems_on_page(page, messages.t("ui.error.unexpected", "sv")) == []
        page.mouse.move(700, 500)
        assert page.evaluate("window.__xss") is None
        main = page.locator('[data-testid="stMain"]')
        assert main.locator("img[src='x']").count() == 0 and main.locator("script").count() == 0
        assert "Väsby" in main.inner_text()
    finally:
        context.close()
