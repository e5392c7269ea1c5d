"""County and municipality group: the same filter on Översikt, Jämför, Fördelning and Utveckling; the county view; the map."""

import csv

import pandas as pd
import pytest

from kompass_data import load_dataset, messages
from kompass_data.regions import group_names, lan_names, members, region_overview
from kompass_ui.views import clicked_municipality, map_values, region_table

from ..fixtures import SOURCE, build_data_dir, build_parquet
from .conftest import figures, open_page, unexpected_errors

VASTERBOTTEN = {"2401", "2403", "2404", "2409", "2417", "2418", "2421", "2422", "2425", "2460", "2462", "2463",
                "2480", "2481", "2482"}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """The synthetic dataset plus known evaluations without published scores in Västerbotten (synthetic)."""
    folder = build_data_dir(tmp_path_factory.mktemp("county") / "data", parquet=False)
    with open(folder / "evaluations_known.csv", "a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        for name, code, year, version, kind in (("Umeå", "2480", "2005", "pre-2010", "full"),
                                                ("Umeå", "2480", "2007", "pre-2010", "full"),
                                                ("Vännäs", "2460", "2016", "2016", "full"),
                                                ("Skellefteå", "2482", "", "2010", "unknown")):
            writer.writerow([name, code, year, "", version, kind, "no", SOURCE, "synthetic: known, not scored"])
    build_parquet(folder)
    return load_dataset(folder)


def _map_locations(at) -> set[str]:
    return {loc for fig in figures(at) for tr in fig["data"] if tr["type"] == "choroplethmap" for loc in tr["locations"]}


def test_the_map_of_a_county_draws_its_15_municipalities_and_zooms_to_them():
    at = open_page("pages/1_oversikt.py", lan="24")
    assert unexpected_errors(at) == []
    assert _map_locations(at) == VASTERBOTTEN
    layout = figures(at)[-1]["layout"]["map"]
    # Zoomed to the county (Sweden is 3.9), centred on it, so its whole fits a phone's width.
    assert 4.5 < layout["zoom"] < 6 and 63.5 < layout["center"]["lat"] < 66.5 and 14 < layout["center"]["lon"] < 22
    coloured = [tr for tr in figures(at)[-1]["data"] if tr.get("showscale") is not False]
    assert coloured[0]["locations"] == ["2417"] and coloured[0]["z"] == [520.0]  # Norsjö 2018, version 2016
    assert coloured[0]["colorbar"]["title"]["text"].endswith("n = 1")


def test_the_map_of_sweden_is_unchanged_without_a_filter():
    at = open_page("pages/1_oversikt.py")
    assert unexpected_errors(at) == []
    assert len(_map_locations(at)) == 290
    assert figures(at)[-1]["layout"]["map"]["zoom"] == 3.9


def test_the_map_fetches_its_borders_once_from_the_served_copy():
    from kompass_ui.state import DEFAULT_DATA_DIR, MAP_FILE, MAP_URL, STATIC_DIR

    # The served copy is the shipped file, byte for byte (re-copy it when datasets/ gets new borders).
    assert (STATIC_DIR / MAP_FILE).read_bytes() == (DEFAULT_DATA_DIR / MAP_FILE).read_bytes()
    at = open_page("pages/1_oversikt.py")
    traces = figures(at)[-1]["data"]
    assert all(tr["geojson"].startswith(MAP_URL + "?v=") for tr in traces)  # no shapes inside the figure
    assert sum(len(tr["locations"]) for tr in traces) == 290


def test_hover_says_what_is_known_where_no_score_is_published(county):
    values = map_values(county, "total", "2016", "sv", lan="24").set_index("kommunkod")
    assert values.loc["2480", "detail"] == "inga publicerade poäng · kända utvärderingar: 2005 (pre-2010), 2007 (pre-2010)"
    assert values.loc["2401", "detail"] == "inga publicerade poäng · inga kända utvärderingar"
    assert values.loc["2417", "detail"] == "Senaste utvärdering med totalpoäng: 2018, version 2016"
    # A municipality scored only with another version says so instead of looking unknown.
    in_2020 = map_values(county, "total", "2020", "sv", lan="24").set_index("kommunkod")
    assert in_2020.loc["2417", "detail"].startswith("Publicerade poäng: version 2010: 2017, total 480, egen analys; "
                                                     "version 2016: 2018, total 520")


def test_known_evaluations_get_a_legend_of_whole_numbers():
    at = open_page("pages/1_oversikt.py", karta="kanda")
    assert unexpected_errors(at) == []
    coloured = [tr for tr in figures(at)[-1]["data"] if tr.get("showscale") is not False][0]
    ticks = coloured["colorbar"]["tickvals"]
    assert ticks == list(range(1, int(max(coloured["z"])) + 1))
    assert coloured["zmin"] == 0.5 and coloured["zmax"] == max(coloured["z"]) + 0.5  # one colour band per count


def test_the_county_at_a_glance_lists_every_municipality_with_missing_said(county):
    table = region_table(county, "24", None, "sv")
    assert len(table) == 15
    rows = table.set_index(messages.t("ui.col.municipality", "sv"))
    scores, known = messages.t("ui.region.col_scores", "sv"), messages.t("ui.region.col_known", "sv")
    assert rows.loc["Norsjö", scores] == "version 2010: 2017, total 480, egen analys; version 2016: 2018, total 520"
    assert rows.loc["Norsjö", known] == "2015 (2010), 2017 (2010, egen analys), 2018 (2016)"
    assert rows.loc["Vännäs", scores] == "uppgift saknas" and rows.loc["Vännäs", known] == "2016 (2016)"
    assert rows.loc["Skellefteå", known] == "år okänt (2010)"
    at = open_page("pages/1_oversikt.py", lan="24")
    assert messages.t("ui.region.heading", "sv", region="Västerbottens län") in [h.value for h in at.header]
    links = [(link.proto.label, link.proto.query_string) for link in at.get("page_link")]
    assert ("Norsjö", "kommun=2417&ar=2018") in links


def test_compare_with_a_county_offers_only_its_score_sets():
    at = open_page("pages/4_jamfor.py", version="2016", lan="24")
    assert unexpected_errors(at) == []
    offered = at.multiselect(key="pick_sets_2016").options
    assert offered == ["Norsjö 2018"]
    assert list(at.dataframe[0].value.columns)[1:] == ["Norsjö 2018"]


def test_distribution_with_a_county_shows_only_its_score_sets():
    at = open_page("pages/5_fordelning.py", version="2016", lan="24")
    assert unexpected_errors(at) == []
    hovers = [h for fig in figures(at) for tr in fig["data"] for h in tr.get("hovertext") or []]
    assert hovers and all(h.startswith("<b>Norsjö 2018</b>") for h in hovers)
    ranking = at.dataframe[1].value
    assert ranking[messages.t("ui.col.municipality", "sv")].tolist() == ["Norsjö"]
    assert at.selectbox(key="region_lan").value == "24"
    # n = 1: no "top list" claimed, the list with its n said.
    assert any("för få för en topplista" in w.value for w in at.warning)
    assert any("ingen topp 3" in c.value for c in at.caption)


def test_a_group_filter_keeps_its_group_on_every_page(ds):
    for page in ("pages/4_jamfor.py", "pages/5_fordelning.py"):
        at = open_page(page, version="2010", grupp="C8")
        assert unexpected_errors(at) == []
        assert at.selectbox(key="region_grupp").value == "C8"
    at = open_page("pages/4_jamfor.py", version="2010", grupp="C8")
    assert {o.split(" ")[0] for o in at.multiselect(key="pick_sets_2010").options} == {"Kramfors", "Norsjö"}
    at = open_page("pages/3_utveckling.py", grupp="C8")
    codes = {o.rsplit("(", 1)[1].rstrip(")") for o in at.multiselect(key="pick_kommuner").options}
    assert {"2282", "2417"} <= codes <= set(members(ds, kommungrupp="C8"))  # the group's municipalities only


def test_the_region_filter_reads_the_same_on_every_page():
    labels = set()
    for page in ("pages/1_oversikt.py", "pages/3_utveckling.py", "pages/4_jamfor.py", "pages/5_fordelning.py"):
        at = open_page(page, lan="24")
        labels.add((at.selectbox(key="region_lan").label, at.selectbox(key="region_grupp").label,
                    at.selectbox(key="region_lan").value))
    assert labels == {(messages.t("ui.pick.lan", "sv"), messages.t("ui.pick.grupp", "sv"), "24")}


def test_the_focus_municipality_is_marked_in_the_ranking():
    at = open_page("pages/5_fordelning.py", version="2016", kommun="0381")
    ranking = at.dataframe[1].value
    names = ranking[messages.t("ui.col.municipality", "sv")].tolist()
    assert "★ Enköping" in names and sum(n.startswith("★") for n in names) == 1


def test_a_map_click_names_the_municipality():
    assert clicked_municipality({"selection": {"points": [{"curve_number": 1, "customdata": "2417"}]}}) == "2417"
    assert clicked_municipality({"selection": {"points": [{"location": "0114"}]}}) == "0114"
    assert clicked_municipality({"selection": {"points": []}}) is None
    assert clicked_municipality({"selection": {"points": [{"customdata": "<script>"}]}}) is None
    assert clicked_municipality(None) is None


def test_regions_in_the_data_layer(ds):
    assert lan_names(ds)["24"] == "Västerbottens län" and group_names(ds)["C8"]
    assert set(members(ds, "24")) == VASTERBOTTEN
    assert set(members(ds, "24", "C8")) < VASTERBOTTEN
    view = ds.version("2010").within(kommungrupp="C8")
    assert set(view.score_sets["municipality"]) == {"Kramfors", "Norsjö"}
    assert set(view.ranking("total")["municipality"]) <= {"Kramfors", "Norsjö"}
    assert ds.version("2016").within("24").scores_mask(ds.scores).sum() == len(
        ds.scores[(ds.scores["kommunkod"] == "2417") & (ds.scores["instrument_version"].astype(str) == "2016")])
    overview = region_overview(ds, "24").set_index("kommunkod")
    assert overview.loc["2401", "latest"] == {} and overview.loc["2401", "known"] == []


def test_top_three_carries_its_n(ds):
    top = ds.version("2016").top_per_area(n=3)
    assert (top["n_area"] >= 1).all()
    thin = ds.version("2016").within("24").top_per_area(n=3)
    assert set(thin["n_area"]) == {1} and set(thin["municipality"]) == {"Norsjö"}
    assert pd.api.types.is_integer_dtype(thin["rank"])
