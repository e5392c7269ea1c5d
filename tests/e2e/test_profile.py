"""The profile page's state lives in the URL: a deep link opens a score set; a choice updates the link."""

from urllib.parse import parse_qs, urlparse

import pytest

import kompass_data
from kompass_data import messages

from .harness import chart_signature, choose, open_app, page_url, problems_on_page, selectbox_value, wait_for_app, wait_for_chart_change, wait_for_charts

pytestmark = pytest.mark.e2e

PROFILE = "pages/2_kommunprofil.py"


def t(key: str, **params) -> str:
    return messages.t(key, "sv", **params)


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def heading_texts(page) -> list[str]:
    return [s.strip() for s in page.locator('[data-testid="stMain"] :is(h2, h3)').all_inner_texts()]


@pytest.fixture(scope="module")
def other_municipality():
    """A municipality other than Norsjö with a full area profile (so its radar is drawn), and its name."""
    sets = kompass_data.load_dataset().score_sets
    full = sets[(sets["kommunkod"] != "2417") & (sets["n_areas"] == 8)].sort_values(["municipality", "year"])
    row = full.iloc[0]
    return str(row["kommunkod"]), str(row["municipality"])


def test_deep_link_opens_norsjo_2018(page, server):
    open_app(page, page_url(server.url, PROFILE, "?kommun=2417&ar=2018"), charts=1)
    assert problems_on_page(page, t("ui.error.unexpected")) == []
    assert selectbox_value(page, t("ui.pick.kommun")) == "Norsjö (2417)"
    assert selectbox_value(page, t("ui.pick.score_set")).startswith("2018")
    assert any(h.startswith("Norsjö 2018") for h in heading_texts(page)), heading_texts(page)
    assert query(page)["kommun"] == "2417" and query(page)["ar"] == "2018"


def test_choosing_a_municipality_updates_the_url_and_reload_restores_it(page, server, other_municipality):
    code, name = other_municipality
    open_app(page, page_url(server.url, PROFILE, "?kommun=2417&ar=2018"), charts=1)
    norsjo_chart = chart_signature(page)

    choose(page, t("ui.pick.kommun"), f"{name} ({code})")
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("kommun") == [code])
    wait_for_chart_change(page, norsjo_chart)
    wait_for_app(page)
    chosen_set = selectbox_value(page, t("ui.pick.score_set"))
    year = chosen_set.split(" ")[0]
    assert query(page)["kommun"] == code
    assert query(page)["ar"] == year
    assert any(h.startswith(f"{name} {year}") for h in heading_texts(page)), heading_texts(page)
    chosen_chart = chart_signature(page)

    page.reload()
    wait_for_app(page)
    wait_for_charts(page, 1)
    assert selectbox_value(page, t("ui.pick.kommun")) == f"{name} ({code})"
    assert selectbox_value(page, t("ui.pick.score_set")) == chosen_set
    assert query(page)["kommun"] == code and query(page)["ar"] == year
    assert any(h.startswith(f"{name} {year}") for h in heading_texts(page)), heading_texts(page)
    assert chart_signature(page) == chosen_chart
    assert problems_on_page(page, t("ui.error.unexpected")) == []
