"""Utveckling: one line per version segment; Norsjö 2015-2017 (2010) and 2018 (2016) are never joined."""

from kompass_data import messages
from kompass_ui.views import md

from .conftest import NORSJO, figures, open_page, unexpected_errors

TREND = "pages/3_utveckling.py"


def trend_traces(at) -> list[dict]:
    (fig,) = figures(at)
    return fig["data"], fig["layout"]


def test_norsjo_trend_is_two_segments_with_the_2016_revision_marked():
    at = open_page(TREND, **NORSJO)
    assert unexpected_errors(at) == []
    data, layout = trend_traces(at)
    by_years = {tuple(tr["x"]): tr for tr in data}
    assert set(by_years) == {(2015,), (2017,), (2018,)}  # the 2017 self-assessment stands apart
    assert by_years[(2015,)]["y"] == [400] and by_years[(2017,)]["y"] == [480] and by_years[(2018,)]["y"] == [520]
    # Nothing is drawn from 2017 to 2018: no trace has points on both sides.
    assert not any(min(tr["x"]) <= 2017 and max(tr["x"]) >= 2018 for tr in data)
    (mark,) = [s for s in layout["shapes"] if s["type"] == "line"]
    # Between Norsjö's segments: its 2017 self-assessment was still scored on the 2010 version.
    assert mark["x0"] == mark["x1"] == 2017.5 and mark["line"]["dash"] == "dash"
    assert [a["text"] for a in layout["annotations"]] == ["Ny version 2016: jämförs inte över linjen"]


def test_self_assessment_is_hollow_and_named_in_the_hover():
    at = open_page(TREND, **NORSJO)
    data, _layout = trend_traces(at)
    full = next(tr for tr in data if tr["x"] == [2015])
    own = next(tr for tr in data if tr["x"] == [2017])
    assert full["marker"]["symbol"] == "circle" and full["mode"] == "lines+markers"
    assert own["marker"]["symbol"] == "circle-open" and own["mode"].startswith("markers")  # no line to 2015
    assert own["name"] == "Norsjö · version 2010 · egen analys"
    assert "egen analys" in own["hovertext"][0] and "version 2010" in own["hovertext"][0]
    assert "+80" not in own["hovertext"][0]
    assert messages.t("trend.note.flagged", "sv") in own["hovertext"][0]
    assert "⚑ Publicerad totalpoäng 480 skiljer sig från summan av områdena 460" in own["hovertext"][0]
    assert own["text"] == ["⚑"]  # the flagged total is marked on the chart
    assert "6 av 6 i version 2010" in full["hovertext"][0]
    new = next(tr for tr in data if tr["x"] == [2018])
    assert "+" not in new["hovertext"][0].split("<br>")[-1]  # no change across the revision


def test_the_table_shows_changes_only_within_a_version():
    at = open_page(TREND, **NORSJO)
    table = at.dataframe[0].value
    assert list(table[messages.t("ui.col.change", "sv")]) == ["", "", ""]
    assert list(table[messages.t("ui.trend.note_col", "sv")]) == [
        messages.t("trend.note.first", "sv"), messages.t("trend.note.flagged", "sv"), messages.t("trend.note.first", "sv")]
    assert list(table[messages.t("ui.trend.position_col", "sv")]) == [
        "6 av 6 i version 2010", "4 av 6 i version 2010", "4 av 6 i version 2016"]
    flags = list(table[messages.t("ui.trend.flag_col", "sv")])
    assert flags[0] == "" and "480" in flags[1] and "460" in flags[1] and flags[2] == ""


def test_several_municipalities_and_an_area_from_the_url():
    at = open_page(TREND, kommun="2417,2282", omrade="1")
    assert unexpected_errors(at) == []
    data, _layout = trend_traces(at)
    assert {tr["name"] for tr in data} == {
        "Norsjö · version 2010: 1. Offentlighet och demokrati", "Norsjö · version 2016: 1. Offentlighet och demokrati",
        "Norsjö · version 2010: 1. Offentlighet och demokrati · egen analys",
        "Kramfors · version 2010: 1. Offentlighet och demokrati"}
    kramfors = next(tr for tr in data if tr["name"].startswith("Kramfors"))
    assert kramfors["x"] == [2011, 2013] and kramfors["y"] == [55, 60]
    assert at.query_params["kommun"] == "2417,2282" and at.query_params["omrade"] == "1"


def _versions_of(trace) -> set[str]:
    return {version for version, _kind in trace["customdata"]}


def test_one_revision_line_per_version_whatever_the_order_of_municipalities():
    for kommun in ("2417,0486,0115", "0115,0486,2417"):
        at = open_page(TREND, kommun=kommun)
        assert unexpected_errors(at) == []
        data, layout = trend_traces(at)
        lines = [s for s in layout["shapes"] if s["type"] == "line"]
        assert [(s["x0"], s["x1"]) for s in lines] == [(2016, 2016)]  # points span 2015-2019
        assert [a["text"] for a in layout["annotations"]] == ["Version 2016 från 2016"]
        assert all(len(_versions_of(tr)) == 1 for tr in data)  # no trace holds two versions
        by_name = {tr["name"]: tr["x"] for tr in data}
        assert by_name["Vallentuna · version 2016"] == [2017, 2019]
        assert by_name["Norsjö · version 2010"] == [2015] and by_name["Strängnäs · version 2016"] == [2016]
        assert by_name["Norsjö · version 2010 · egen analys"] == [2017]  # apart: no line to an SKR evaluation


def test_a_2020_score_set_gets_the_2020_revision_line():
    at = open_page(TREND, kommun="2417,0860", omrade="2")
    assert unexpected_errors(at) == []
    data, layout = trend_traces(at)
    assert sorted(s["x0"] for s in layout["shapes"] if s["type"] == "line") == [2016, 2020]
    assert all(len(_versions_of(tr)) == 1 for tr in data)


def test_an_area_is_named_per_version_and_a_name_change_is_said_plainly():
    at = open_page(TREND, kommun="2417,0860", omrade="2")
    assert unexpected_errors(at) == []
    data, _layout = trend_traces(at)
    by_name = {tr["name"]: tr for tr in data}
    assert set(by_name) == {
        "Norsjö · version 2010: 2. Tillgänglighet och brukarorientering",
        "Norsjö · version 2010: 2. Tillgänglighet och brukarorientering · egen analys",
        "Norsjö · version 2016: 2. Tillgänglighet och brukarorientering",
        "Hultsfred · version 2020: 2. Samhällsutveckling",
    }
    hultsfred = by_name["Hultsfred · version 2020: 2. Samhällsutveckling"]
    assert hultsfred["x"] == [2022] and hultsfred["y"] == [60]
    assert "2. Samhällsutveckling: 60" in hultsfred["hovertext"][0]
    assert "2. Tillgänglighet och brukarorientering: 60" in by_name[
        "Norsjö · version 2016: 2. Tillgänglighet och brukarorientering"]["hovertext"][0]
    names = "; ".join([
        messages.t("ui.trend.area_name_in", "sv", name="Tillgänglighet och brukarorientering", versions="2010, 2016"),
        messages.t("ui.trend.area_name_in", "sv", name="Samhällsutveckling", versions="2020"),
    ])
    expected = messages.t("ui.trend.area_names_differ", "sv", code="2", names=names)
    assert expected.startswith("Område 2 heter olika i versionerna: Tillgänglighet och brukarorientering (version 2010, 2016)")
    assert md(expected) in [w.value for w in at.warning]


def test_no_name_warning_when_the_area_keeps_its_name():
    at = open_page(TREND, kommun="2417", omrade="1")
    assert not any("heter olika" in w.value for w in at.warning)


def test_removing_every_municipality_shows_the_pick_one_message_and_stays_empty():
    at = open_page(TREND, kommun="2417,2282")
    at.multiselect(key="pick_kommuner").set_value([]).run()
    assert unexpected_errors(at) == []
    assert at.multiselect(key="pick_kommuner").value == []
    assert messages.t("ui.trend.pick_one", "sv") in [i.value for i in at.info]
    assert at.get("plotly_chart") == [] and "kommun" not in at.query_params
    at.run()  # another rerun does not refill it from the URL or the session's memory
    assert at.multiselect(key="pick_kommuner").value == [] and at.get("plotly_chart") == []
    at.multiselect(key="pick_kommuner").set_value(["2282"]).run()
    assert at.query_params["kommun"] == "2282" and len(at.get("plotly_chart")) == 1
