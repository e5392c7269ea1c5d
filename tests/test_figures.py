"""Figure builders: pure functions of the library's tables, checked on the synthetic folder and on hostile labels."""

import pandas as pd
import pytest

from kompass_data import peer_comparison, score_set, trend
from kompass_data.compare import PeerComparison, ScoreSetRef
from kompass_data.figures import (
    OKABE_ITO, choropleth, compare_bars, compare_heatmap, distribution, esc, radar, revision_marks, trend_figure,
)


def test_radar_norsjo_2018_against_its_peers(ds):
    pc = peer_comparison(ds, score_set(ds, "2417", 2018))
    fig = radar(pc, lang="sv").to_plotly_json()
    focal, peer = fig["data"]
    assert list(focal["r"]) == [70, 60, 70, 60, 70, 60, 70, 60, 70]  # closed: 9 values, r[0] == r[-1]
    assert list(focal["theta"]) == list(peer["theta"]) and len(focal["theta"]) == 9
    assert focal["theta"][0] == focal["theta"][-1] and peer["r"][0] == peer["r"][-1] == 65.0
    assert peer["customdata"][0] == [3]  # Enköping 80, Mölndal 50, Strängnäs 65
    assert focal["line"]["color"] != peer["line"]["color"] and peer["line"]["dash"] == "dash"
    assert focal["marker"]["symbol"] != peer["marker"]["symbol"]  # not colour alone


def test_radar_adds_published_references_as_their_own_traces(ds):
    pc = peer_comparison(ds, score_set(ds, "2417", 2015))
    fig = radar(pc, pc.references, "en").to_plotly_json()
    assert len(fig["data"]) == 3
    assert list(fig["data"][2]["r"]) == [52] * 9
    assert fig["data"][2]["line"]["dash"] == "dot"


def test_trend_draws_one_trace_per_version_and_marks_the_revision_at_its_first_year(ds):
    table = trend(ds, "2417")
    fig = trend_figure(table, "total", "sv", "Totalt", {"2016": 2016}).to_plotly_json()
    xs = sorted(list(tr["x"]) for tr in fig["data"])
    assert xs == [[2015], [2017], [2018]]  # the 2017 self-assessment stands apart: no line to an SKR evaluation
    # One municipality: the mark stands between its segments (2017 was still scored on the 2010 version).
    assert revision_marks(table, "total", {"2016": 2016}) == [(2017.5, "2016", "ui.fig.revision_between")]
    shapes = fig["layout"]["shapes"]
    assert len(shapes) == 1 and shapes[0]["x0"] == 2017.5
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["Ny version 2016: jämförs inte över linjen"]


def test_revision_marks_do_not_depend_on_which_municipality_comes_first(ds):
    first_years = {"pre-2010": 2002, "2010": 2010, "2016": 2016, "2020": 2020}
    codes = ["2417", "0486", "0115"]
    marks = revision_marks(pd.concat([trend(ds, c) for c in codes]), "total", first_years)
    assert marks == [(2016.0, "2016", "ui.fig.revision")]  # points 2015-2019: only 2016 lies within them
    assert revision_marks(pd.concat([trend(ds, c) for c in reversed(codes)]), "total", first_years) == marks
    # Hultsfred 2022 (2020 version, area 2) beside Norsjö: both the 2016 and the 2020 revision are marked.
    both = pd.concat([trend(ds, "2417"), trend(ds, "0860")])
    assert revision_marks(both, "2", first_years) == [(2016.0, "2016", "ui.fig.revision"), (2020.0, "2020", "ui.fig.revision")]


def test_trend_revision_at_the_revision_year_when_segments_overlap():
    table = pd.DataFrame({
        "kommunkod": ["0001"] * 3, "municipality": ["A"] * 3, "year": [2010, 2010, 2012],
        "instrument_version": ["pre-2010", "2010", "2010"], "evaluation_kind": ["full"] * 3,
        "total": [400.0, 380.0, 420.0], "total_change": [None, None, 40.0],
    })
    assert revision_marks(table, "total", {"2010": 2010}) == [(2010.0, "2010", "ui.fig.revision_between")]
    fig = trend_figure(table, "total", "sv", first_years={"2010": 2010}).to_plotly_json()
    assert sorted(list(tr["x"]) for tr in fig["data"]) == [[2010], [2010, 2012]]


def test_labels_from_data_are_escaped_everywhere():
    evil = "<img src=x onerror=alert(1)>"
    ref = ScoreSetRef("0001", evil, 2018, "2016", "full")
    table = pd.DataFrame({
        "code": ["total", *map(str, range(1, 9))], "label": ["Totalt", evil, *[f"A{i}" for i in range(2, 9)]],
        "score": [500.0] + [60.0] * 8, "peer_n": [1] * 9, "peer_mean": [480.0] + [55.0] * 8,
        "peer_median": [0.0] * 9, "peer_min": [0.0] * 9, "peer_max": [0.0] * 9, "difference": [0.0] * 9,
        "percentile": [50.0] * 9,
    })
    pc = PeerComparison(ref, "2016", table, pd.DataFrame(), pd.DataFrame(), None)
    text = radar(pc).to_json()
    assert "<img" not in text and "&lt;img" in text
    compared = pd.DataFrame({"code": table["code"], "label": table["label"], evil: table["score"]})
    for fig in (compare_bars(compared, [evil]), compare_heatmap(compared, [evil])):
        assert "<img" not in fig.to_json()
    sets = pd.DataFrame({"kommunkod": ["0001"], "municipality": [evil], "year": [2018], "evaluation_kind": ["full"],
                         **{c: [60.0] for c in ["total", *map(str, range(1, 9))]}})
    assert "<img" not in distribution(sets, ["1"], {"1": evil}, focus="0001").to_json()
    values = pd.DataFrame({"kommunkod": ["0001", "0002"], "name": [evil, "B"], "value": [1.0, None], "detail": [evil, ""]})
    assert "<img" not in choropleth({"type": "FeatureCollection", "features": []}, values).to_json()


def test_map_shows_missing_as_missing_and_needs_no_internet(ds):
    from kompass_ui.views import map_values

    values = map_values(ds, "total", "2016", "sv")
    fig = choropleth({"type": "FeatureCollection", "features": []}, values, "sv", "Totalt").to_plotly_json()
    missing, known = fig["data"]
    assert len(missing["locations"]) + len(known["locations"]) == len(ds.municipalities)
    assert all(h.split("<br>")[0].endswith(": uppgift saknas") for h in missing["hovertext"])
    assert dict(zip(known["locations"], known["z"]))["2417"] == 520.0
    assert fig["layout"]["map"]["style"] == "white-bg"  # no tiles fetched
    assert all(tr["type"] == "choroplethmap" for tr in fig["data"])


def test_palette_is_okabe_ito():
    assert OKABE_ITO[:2] == ("#0072B2", "#D55E00")
    assert esc("a<b") == "a&lt;b"


def test_holdings_by_year_counts_every_score_set_once(ds):
    from kompass_data.figures import holdings_by_year

    fig = holdings_by_year(ds.score_sets)
    assert sum(sum(trace.y) for trace in fig.data) == len(ds.score_sets) == 19
    self_traces = [tr for tr in fig.data if "egen analys" in tr.name]
    assert [(list(tr.x), list(tr.y)) for tr in self_traces] == [([2017], [1])]  # Norsjö 2017, 2010 version


def test_a_captioned_title_starts_low_enough_to_show_its_first_line_and_the_holdings_legend_stays_below(ds):
    from kompass_data.figures import captioned, holdings_by_year

    # Plotly puts a title of several lines with a subtitle about a line too high (Chromium, 2026-11-27).
    for height in (380, 640):
        fig = captioned(holdings_by_year(ds.score_sets).update_layout(height=height), "Poäng per år " * 8)
        assert "<br>" in fig.layout.title.text
        assert (1 - fig.layout.title.y) * height == pytest.approx(22)
    # On a phone the legend wraps to a row per version: at the foot of the figure it cannot reach the title.
    legend = holdings_by_year(ds.score_sets).layout.legend
    assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom")


def test_radar_calls_means_of_fewer_than_three_no_benchmark(ds):
    from kompass_data.compare import THIN_N
    from kompass_data.messages import t

    note = esc(t("ui.thin_mean", "en", n=THIN_N))
    assert note == "n &lt; 3: a mean of fewer than 3 municipalities is no benchmark"
    thin = radar(peer_comparison(ds, score_set(ds, "2417", 2018)), lang="en").to_plotly_json()["data"][1]
    assert [note in h for h in thin["hovertext"]] == [n < 3 for (n,) in thin["customdata"]]
    assert [n for (n,) in thin["customdata"]] == [3, 2, 1, 1, 1, 1, 1, 1, 3] and thin["name"].endswith(note)
    solid = radar(peer_comparison(ds, score_set(ds, "1444", 2014)), lang="en").to_plotly_json()["data"][1]
    assert [n for (n,) in solid["customdata"]] == [3] * 9  # Kramfors 2013, Norsjö 2015, Örebro 2012
    assert not any(note in h for h in solid["hovertext"]) and note not in solid["name"]


def test_distribution_draws_each_municipality_once_per_item(ds):
    from kompass_data import PeerFilter
    from kompass_data.compare import peer_candidates

    sets = peer_candidates(ds, "2020", PeerFilter())
    fig = distribution(sets, ["total"], {"total": "Total"}, "en", focus="1284").to_plotly_json()
    box, star = fig["data"]
    assert sorted(box["y"]) == [500, 520, 550]  # Höganäs 2023, not also Höganäs 2020
    assert star["y"] == [550] and star["name"] == "Höganäs"


def test_sub_area_hover_carries_the_datas_note():
    from kompass_data.figures import subarea_bars

    rows = pd.DataFrame({"code": ["7.4", "7.5"], "name": ["A", "B"], "score": [10.0, 8.0], "max_score": [20.0, 20.0],
                         "note": ["", "the OCR text reads 3 <b>"]})
    bar = subarea_bars(rows, "en").to_plotly_json()["data"][0]
    hover = dict(zip(bar["y"], bar["hovertext"]))
    assert hover["7.5 B"].endswith("<br>Note in the data: the OCR text reads 3 &lt;b&gt;")
    assert "Note" not in hover["7.4 A"]


def _breaks_only_at_spaces(tick: str, code: str, label: str) -> bool:
    return " ".join(tick.split("<br>")) == esc(f"{code}. {label}")


def test_radars_are_closed_and_leave_room_for_their_labels(ds):
    from kompass_data import compare_score_sets
    from kompass_data.figures import compare_radar

    fig = radar(peer_comparison(ds, score_set(ds, "2417", 2018)), lang="sv").to_plotly_json()
    layout = fig["layout"]
    assert layout["margin"]["t"] >= 60 and layout["margin"]["b"] >= 60
    assert layout["polar"]["domain"]["y"][0] > 0 and layout["polar"]["domain"]["y"][1] < 1
    refs = [score_set(ds, "2417", 2018), score_set(ds, "0381", 2018)]
    table = compare_score_sets(ds, refs, "sv")
    columns = [r.display("sv") for r in refs]
    polar = compare_radar(table, columns, "sv").to_plotly_json()
    for trace in polar["data"]:
        assert len(trace["r"]) == 9 and trace["r"][0] == trace["r"][-1] and trace["theta"][0] == trace["theta"][-1]
    assert polar["layout"]["margin"]["t"] >= 60


def test_area_labels_wrap_only_between_words(ds):
    from kompass_data import compare_score_sets
    from kompass_data.figures import area_tick

    assert area_tick("7", "Verksamhetsutveckling") == "7.<br>Verksamhetsutveckling"  # never "Verksamhetsutve<br>ckling"
    assert area_tick("2", "Tillgänglighet och brukarorientering") == "2. Tillgänglighet<br>och<br>brukarorientering"
    pc = peer_comparison(ds, score_set(ds, "2417", 2015))  # version 2010: area 7 Verksamhetsutveckling
    labels = pc.table.set_index("code")["label"]
    for tick in radar(pc, lang="sv").to_plotly_json()["data"][0]["theta"][:8]:
        code = tick.split(".")[0]
        assert _breaks_only_at_spaces(tick, code, labels[code]), tick
    table = compare_score_sets(ds, [score_set(ds, "2417", 2015)], "sv")
    heat = compare_heatmap(table, ["Norsjö 2015"], "sv").to_plotly_json()["data"][0]
    for row, (code, label) in zip(heat["hovertext"], zip(table["code"][1:], table["label"][1:])):
        tick = row[0].split("<br>", 1)[1].rsplit(": ", 1)[0]  # the heatmap names the area in its hover
        assert _breaks_only_at_spaces(tick, code, label), tick
