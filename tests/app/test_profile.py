"""Kommunprofil: ?kommun=2417&ar=2018 draws the seed report's radar of Norsjö against its version's peers."""

from kompass_data import messages

from .conftest import NORSJO, figures, open_page, unexpected_errors

PROFILE = "pages/2_kommunprofil.py"


def radar_of(at) -> dict:
    return next(f for f in figures(at) if f["data"] and f["data"][0]["type"] == "scatterpolar")


def test_norsjo_2018_radar_against_the_peer_mean_over_the_same_eight_areas():
    at = open_page(PROFILE, **NORSJO)
    assert unexpected_errors(at) == []
    focal, peer = radar_of(at)["data"][:2]
    assert focal["name"] == "Norsjö 2018"
    assert peer["name"].startswith(messages.t("ui.fig.peer_mean", "sv"))
    assert focal["theta"] == peer["theta"] and len(focal["theta"]) == 8
    assert [th.split(".")[0] for th in focal["theta"]] == [str(i) for i in range(1, 9)]
    assert focal["r"] == [69, 63, 72, 61, 61, 59, 55, 69]
    # Area 1: Enköping 2018 (71), Mölndal 2016 (49), Strängnäs 2016 (63): mean 61 over n = 3.
    assert peer["r"][0] == 61.0 and peer["customdata"][0] == [3]
    assert "n = 3" in peer["hovertext"][0]


def test_the_url_carries_the_state_and_the_table_says_what_the_radar_shows():
    at = open_page(PROFILE, **NORSJO)
    assert at.query_params["kommun"] == "2417" and at.query_params["ar"] == "2018"
    table = at.dataframe[0].value
    row = table[table[messages.t("ui.col.item", "sv")].str.startswith("1.")].iloc[0]
    assert row[messages.t("ui.col.peer_mean", "sv")] == 61.0 and row[messages.t("ui.col.n", "sv")] == 3
    assert row[messages.t("ui.col.difference", "sv")] == 8.0


def test_a_mean_of_one_is_called_no_benchmark():
    at = open_page(PROFILE, **NORSJO)
    assert any("ett medelvärde av 1 är inget riktmärke" in w.value for w in at.warning)


def test_choosing_another_municipality_updates_the_url():
    at = open_page(PROFILE, **NORSJO)
    at.selectbox(key="pick_kommun").set_value("2282").run()
    assert unexpected_errors(at) == []
    assert at.query_params["kommun"] == "2282" and at.query_params["ar"] == "2013"
    assert radar_of(at)["data"][0]["name"] == "Kramfors 2013"


def test_peer_filters_live_in_the_url_and_narrow_the_peers():
    at = open_page(PROFILE, lan="24", **NORSJO)  # Västerbotten: no other evaluated municipality
    assert unexpected_errors(at) == []
    assert at.query_params["lan"] == "24"
    assert any(w.value == messages.t("ui.profile.no_peers", "sv", version="2016") for w in at.warning)


def test_self_assessment_and_its_flags_are_shown_next_to_the_numbers():
    at = open_page(PROFILE, kommun="2417", ar="2017")
    assert unexpected_errors(at) == []
    focal = radar_of(at)["data"][0]
    assert focal["name"] == "Norsjö 2017 (egen analys)" and focal["marker"]["symbol"] == "circle-open"
    table = at.dataframe[0].value
    total_flag = table.iloc[0][messages.t("ui.col.flags", "sv")]
    assert "475" in total_flag and "455" in total_flag  # the published total disagrees with its areas
    assert any("2017" in w.value and "2010" in w.value for w in at.warning)  # year outside the period


def test_a_municipality_with_only_a_total_gets_no_radar_and_an_explanation():
    at = open_page(PROFILE, kommun="1283", ar="2017")  # Helsingborg 2017: total only
    assert unexpected_errors(at) == []
    assert not any(f["data"] and f["data"][0]["type"] == "scatterpolar" for f in figures(at))
    assert any(i.value == messages.t("ui.profile.only_total", "sv") for i in at.info)


def test_reference_profiles_can_be_added_as_a_trace():
    at = open_page(PROFILE, ref="1", **NORSJO)
    names = [d["name"] for d in radar_of(at)["data"]]
    assert len(names) == 3 and names[2].startswith("Publicerat")


def test_sub_area_bars_show_share_of_maximum():
    at = open_page(PROFILE, **NORSJO)
    bars = next(f for f in figures(at) if f["data"][0]["type"] == "bar")["data"][0]
    assert len(bars["y"]) == 45
    i = bars["y"].index("1.1 Finns en plan/strategi för demokratiutveckling och information?")
    assert bars["x"][i] == 87.0 and bars["text"][i] == "13/15 (87 %)"
