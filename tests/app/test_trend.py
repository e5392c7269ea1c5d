"""Utveckling: one line per version segment; Norsjö 2015-2017 (2010) and 2018 (2016) are never joined."""

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
    assert set(by_years) == {(2015, 2017), (2018,)}
    assert by_years[(2015, 2017)]["y"] == [401, 475] and by_years[(2018,)]["y"] == [509]
    # Nothing is drawn from 2017 to 2018: no trace has points on both sides.
    assert not any(min(tr["x"]) <= 2017 and max(tr["x"]) >= 2018 for tr in data)
    (mark,) = [s for s in layout["shapes"] if s["type"] == "line"]
    assert mark["x0"] == mark["x1"] == 2016 and mark["line"]["dash"] == "dash"
    assert [a["text"] for a in layout["annotations"]] == ["Version 2016 från 2016"]


def test_self_assessment_is_hollow_and_named_in_the_hover():
    at = open_page(TREND, **NORSJO)
    data, _layout = trend_traces(at)
    old = next(tr for tr in data if tr["x"] == [2015, 2017])
    assert old["marker"]["symbol"] == ["circle", "circle-open"]
    assert "egen analys" in old["hovertext"][1] and "version 2010" in old["hovertext"][1]
    assert "+74" in old["hovertext"][1]
    new = next(tr for tr in data if tr["x"] == [2018])
    assert "+" not in new["hovertext"][0].split("<br>")[-1]  # no change across the revision


def test_the_table_shows_changes_only_within_a_version():
    at = open_page(TREND, **NORSJO)
    table = at.dataframe[0].value
    assert list(table.iloc[:, -1]) == ["", "+74", ""]


def test_several_municipalities_and_an_area_from_the_url():
    at = open_page(TREND, kommun="2417,2282", omrade="1")
    assert unexpected_errors(at) == []
    data, _layout = trend_traces(at)
    assert {tr["name"] for tr in data} == {
        "Norsjö · version 2010", "Norsjö · version 2016", "Kramfors · version 2010"}
    kramfors = next(tr for tr in data if tr["name"].startswith("Kramfors"))
    assert kramfors["x"] == [2011, 2013] and kramfors["y"] == [51, 58]
    assert at.query_params["kommun"] == "2417,2282" and at.query_params["omrade"] == "1"


def _versions_of(trace) -> set[str]:
    return {version for version, _kind in trace["customdata"]}


def test_one_revision_line_per_version_whatever_the_order_of_municipalities():
    for kommun in ("2417,0486,0115", "0115,0486,2417"):
        at = open_page(TREND, kommun=kommun)
        assert unexpected_errors(at) == []
        data, layout = trend_traces(at)
        lines = [s for s in layout["shapes"] if s["type"] == "line"]
        assert [(s["x0"], s["x1"]) for s in lines] == [(2016, 2016)]  # points span 2014-2019
        assert [a["text"] for a in layout["annotations"]] == ["Version 2016 från 2016"]
        assert all(len(_versions_of(tr)) == 1 for tr in data)  # no trace holds two versions
        by_name = {tr["name"]: tr["x"] for tr in data}
        assert by_name["Vallentuna · version 2016"] == [2017, 2019]
        assert by_name["Strängnäs · version 2010"] == [2014] and by_name["Strängnäs · version 2016"] == [2016]


def test_a_2020_score_set_gets_the_2020_revision_line():
    at = open_page(TREND, kommun="2417,0860", omrade="2")
    assert unexpected_errors(at) == []
    data, layout = trend_traces(at)
    assert sorted(s["x0"] for s in layout["shapes"] if s["type"] == "line") == [2016, 2020]
    assert all(len(_versions_of(tr)) == 1 for tr in data)
