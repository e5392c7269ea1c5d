"""Jämför: the version is chosen first and only score sets of that version are offered."""

import re

import pandas as pd
import pytest

from kompass_data import messages

from .conftest import NORSJO, figures, open_page, unexpected_errors

COMPARE = "pages/4_jamfor.py"


@pytest.mark.parametrize("version", ["2010", "2016", "2020"])
def test_only_score_sets_of_the_chosen_version_are_offered(ds, version):
    at = open_page(COMPARE, version=version)
    assert unexpected_errors(at) == []
    ids = ds.score_sets.set_index("score_set_id")["instrument_version"].astype(str)
    options = at.multiselect(key=f"pick_sets_{version}").options
    assert options and all(ids[sid] == version for sid in at.multiselect(key=f"pick_sets_{version}").value)
    assert len(options) == int((ids == version).sum()) == {"2010": 7, "2016": 8, "2020": 4}[version]
    assert any(messages.t("ui.compare.why", "sv", version=version) == c.value for c in at.caption)


def test_norsjo_2018_is_pinned_first_and_the_others_sorted_by_total():
    at = open_page(COMPARE, **NORSJO)
    assert unexpected_errors(at) == []
    bars, heatmap = figures(at)
    assert [tr["name"] for tr in bars["data"]] == ["Norsjö 2018", "Enköping 2018", "Strängnäs 2016", "Mölndal 2016"]
    shown = [" ".join(re.sub(r"<[^>]+>", " ", x).split()) for x in heatmap["data"][0]["x"]]
    assert shown == ["Norsjö 2018", "Enköping 2018", "Strängnäs 2016", "Mölndal 2016"]
    assert heatmap["data"][0]["x"][0] == "<b>Norsjö<br>2018</b>"  # the focus column bold, names wrapped for a phone
    assert heatmap["data"][0]["y"] == [str(i) for i in range(1, 9)]  # area numbers; the names are in the table
    table = at.dataframe[0].value
    assert list(table.columns)[1:] == ["Norsjö 2018", "Enköping 2018", "Strängnäs 2016", "Mölndal 2016"]


def test_a_score_set_of_another_version_in_the_url_is_not_offered():
    at = open_page(COMPARE, version="2016", sets="2417:2018:2016:full,2417:2015:2010:full")
    assert unexpected_errors(at) == []
    assert at.multiselect(key="pick_sets_2016").value == ["2417:2018:2016:full"]


def test_radar_view_from_the_url():
    at = open_page(COMPARE, vy="radar", **NORSJO)
    assert figures(at)[0]["data"][0]["type"] == "scatterpolar"


def test_version_of_a_municipality_and_year(ds):
    from kompass_ui.views import version_of

    assert version_of(ds, "2417", "2018") == "2016"
    assert version_of(ds, "2417", "2015") == "2010"
    assert version_of(ds, "2417", None) == "2016"  # the latest: 2018
    assert version_of(ds, "9999", None) is None


def test_default_selection_is_the_focus_then_the_latest_others_with_areas(ds):
    from kompass_ui.views import default_compare_selection

    sets = ds.score_sets[ds.score_sets["instrument_version"].astype(str) == "2016"].sort_values(["municipality", "year"])
    with_areas = set(sets.loc[sets["n_areas"] > 0, "score_set_id"])
    assert default_compare_selection(sets, "2417", with_areas) == [
        "2417:2018:2016:full", "0381:2018:2016:full", "1481:2016:2016:full", "0486:2016:2016:full"]
    # Vallentuna has only totals: it still leads, followed by the others with areas.
    assert default_compare_selection(sets, "0115", with_areas)[:2] == ["0115:2019:2016:full", "0381:2018:2016:full"]


def test_compare_sentence_counts_missing_totals_whatever_the_missing_marker():
    import pandas as pd

    from kompass_ui.views import compare_sentence

    table = pd.DataFrame({"code": ["total", "1"], "A 2018": [509.0, 69.0], "B 2016": [None, 49.0],
                          "C 2018": pd.array([519.0, 71.0], dtype="Float64")})
    table["B 2016"] = table["B 2016"].astype("Float64")  # pd.NA, where `x == x` would raise
    assert compare_sentence(table, ["A 2018", "B 2016", "C 2018"], "sv") == messages.t(
        "ui.compare.sentence", "sv", evaluations="3 utvärderingar", best="C 2018", best_total="519", worst="A 2018", worst_total="509", missing=1)
    assert compare_sentence(table, ["B 2016"], "en") == "1 evaluation, none with a published total."


def _texts(frame) -> set[str]:
    return {str(v) for v in frame.to_numpy().ravel()}


def test_missing_values_read_as_a_dash_and_scores_stay_numbers():
    at = open_page(COMPARE, version="2016", sets="2417:2018:2016:full,0115:2019:2016:full,0486:2016:2016:full")
    assert unexpected_errors(at) == []
    table = at.dataframe[0].value
    # Every score column is numeric (right-aligned, sorted as numbers), gaps included ...
    assert all(str(table[c].dtype) == "float64" for c in table.columns[1:])
    row = table[table[messages.t("ui.col.item", "sv")].str.startswith("2.")].iloc[0]
    assert row["Norsjö 2018"] == 60 and pd.isna(row["Vallentuna 2019"]) and pd.isna(row["Strängnäs 2016"])
    assert table.iloc[0]["Vallentuna 2019"] == 600 and table.iloc[0]["Norsjö 2018"] == 520
    # ... and a gap is drawn as '–', never 'None' or 0, which the caption explains.
    assert at.dataframe[0].proto.placeholder == "–" and at.dataframe[0].proto.alt
    assert any("–: ingen publicerad poäng" in c.value for c in at.caption)


def test_removing_every_score_set_shows_the_pick_some_message():
    at = open_page(COMPARE, **NORSJO)
    at.multiselect(key="pick_sets_2016").set_value([]).run()
    assert unexpected_errors(at) == []
    assert at.multiselect(key="pick_sets_2016").value == []
    assert messages.t("ui.compare.pick_some", "sv") in [i.value for i in at.info]
    assert figures(at) == [] and "sets" not in at.query_params
    at.run()
    assert at.multiselect(key="pick_sets_2016").value == []


def test_a_link_with_score_sets_of_several_versions_names_what_it_left_out():
    from kompass_ui.views import md

    at = open_page("pages/4_jamfor.py", sets="2417:2015:2010:full,2417:2018:2016:full")
    assert unexpected_errors(at) == []
    message = messages.t("ui.sets.left_out", "sv", version="2016", names="Norsjö 2015 (version 2010)")
    assert md(message) in [w.value for w in at.warning]
