"""Jämför: the version is chosen first and only score sets of that version are offered."""

import pytest

from kompass_data import load_dataset, messages

from .conftest import NORSJO, figures, open_page, unexpected_errors

COMPARE = "pages/4_jamfor.py"


@pytest.mark.parametrize("version", ["2010", "2016", "2020"])
def test_only_score_sets_of_the_chosen_version_are_offered(version):
    at = open_page(COMPARE, version=version)
    assert unexpected_errors(at) == []
    ids = load_dataset().score_sets.set_index("score_set_id")["instrument_version"].astype(str)
    options = at.multiselect(key=f"pick_sets_{version}").options
    assert options and all(ids[sid] == version for sid in at.multiselect(key=f"pick_sets_{version}").value)
    assert len(options) == int((ids == version).sum())
    assert any(messages.t("ui.compare.why", "sv", version=version) == c.value for c in at.caption)


def test_norsjo_2018_is_pinned_first_and_the_others_sorted_by_total():
    at = open_page(COMPARE, **NORSJO)
    assert unexpected_errors(at) == []
    bars, heatmap = figures(at)
    assert [tr["name"] for tr in bars["data"]] == ["Norsjö 2018", "Enköping 2018", "Strängnäs 2016", "Mölndal 2016"]
    assert heatmap["data"][0]["x"] == ["Norsjö 2018", "Enköping 2018", "Strängnäs 2016", "Mölndal 2016"]
    assert len(heatmap["data"][0]["y"]) == 8
    table = at.dataframe[0].value
    assert list(table.columns)[1:] == ["Norsjö 2018", "Enköping 2018", "Strängnäs 2016", "Mölndal 2016"]


def test_a_score_set_of_another_version_in_the_url_is_not_offered():
    at = open_page(COMPARE, version="2016", sets="2417:2018:2016:full,2417:2015:2010:full")
    assert unexpected_errors(at) == []
    assert at.multiselect(key="pick_sets_2016").value == ["2417:2018:2016:full"]


def test_radar_view_from_the_url():
    at = open_page(COMPARE, vy="radar", **NORSJO)
    assert figures(at)[0]["data"][0]["type"] == "scatterpolar"
