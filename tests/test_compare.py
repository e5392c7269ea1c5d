"""The version guard, peers, percentiles and trends, on the synthetic folder of tests/fixtures.py."""

from __future__ import annotations

import math

import pytest

from kompass_data import (
    PeerFilter,
    UsageError,
    VersionMismatchError,
    compare_score_sets,
    load_dataset,
    parse_score_set,
    peer_comparison,
    resolve_municipality,
    trend,
    trend_segments,
)
from kompass_data.compare import percentile_of, ranking, resolve_lan, top_per_area
import numpy as np


@pytest.mark.parametrize("text", ["Norsjö", "norsjo", "NORSJÖ", "Norsjö kommun", "2417", " norsjo "])
def test_municipality_by_name_or_code(ds, text):
    assert resolve_municipality(ds, text) == "2417"


def test_names_that_fold_alike_are_told_apart_by_spelling(ds):
    assert resolve_municipality(ds, "Håbo") == "0305"
    assert resolve_municipality(ds, "habo") == "0643"


@pytest.mark.parametrize("text", ["Narnia", "9999", ""])
def test_unknown_municipality(ds, text):
    with pytest.raises(UsageError) as info:
        resolve_municipality(ds, text)
    assert info.value.exit_code == 2
    assert "kommunkod" in info.value.message("sv")


def test_county_by_code_or_name(ds):
    assert resolve_lan(ds, "24") == resolve_lan(ds, "Västerbottens län") == resolve_lan(ds, "vasterbotten") == "24"


def test_comparison_across_versions_is_refused_in_both_languages(ds):
    refs = [parse_score_set(ds, "Norsjö:2015"), parse_score_set(ds, "Norsjö:2018")]
    with pytest.raises(VersionMismatchError) as info:
        compare_score_sets(ds, refs)
    assert info.value.versions == ("2010", "2016")
    for lang, word in (("sv", "reviderades"), ("en", "revised")):
        text = info.value.message(lang)
        assert "2010" in text and "2016" in text and word in text


def test_comparison_within_a_version(ds):
    table = compare_score_sets(ds, [parse_score_set(ds, "Norsjo:2018"), parse_score_set(ds, "1481:2016")])
    by_code = table.set_index("code")
    assert by_code.loc["1", "Norsjö 2018"] == 70 and by_code.loc["1", "Mölndal 2016"] == 50
    assert math.isnan(by_code.loc["total", "Mölndal 2016"])  # total not published: missing, not zero


def test_norsjo_2018_peers_are_the_latest_of_each_municipality_in_its_version(ds):
    result = peer_comparison(ds, parse_score_set(ds, "Norsjö:2018"))
    assert result.version == "2016"
    area1 = result.table.set_index("code").loc["1"]
    # Enköping 2018 80, Mölndal 2016 50, Strängnäs 2016 65.
    assert area1["peer_n"] == 3 and area1["peer_mean"] == pytest.approx(65.0)
    assert area1["score"] == 70 and area1["difference"] == pytest.approx(5.0)
    with_area1 = result.peers.dropna(subset=["1"])
    assert sorted(zip(with_area1["municipality"], with_area1["year"])) == [
        ("Enköping", 2018), ("Mölndal", 2016), ("Strängnäs", 2016)
    ]
    # Enköping counts once, with its latest score set (2018: 80), not 2016 (50).
    assert "Norsjö" not in set(result.peers["municipality"])
    assert list(result.table["code"]) == ["total", "1", "2", "3", "4", "5", "6", "7", "8"]


def test_self_assessments_are_out_of_peers_unless_asked(ds):
    grastorp = parse_score_set(ds, "Grästorp:2014")
    plain = peer_comparison(ds, grastorp).peers.set_index("municipality")
    assert plain.loc["Norsjö", "year"] == 2015 and plain.loc["Norsjö", "1"] == 50
    with_self = peer_comparison(ds, grastorp, PeerFilter(include_self=True)).peers.set_index("municipality")
    assert with_self.loc["Norsjö", "year"] == 2017 and with_self.loc["Norsjö", "1"] == 56


def test_published_reference_is_beside_never_inside(ds):
    result = peer_comparison(ds, parse_score_set(ds, "Grästorp:2014"))
    refs = result.references
    mean_2014 = refs[(refs["year"] == 2014) & (refs["code"] == "1")]
    assert mean_2014["score"].tolist() == [52]
    assert "40" in mean_2014["population"].iloc[0]
    # Peers for area 1 (2010 version, full): Kramfors 2013 60, Norsjö 2015 50, Örebro 2012 70.
    area1 = result.table.set_index("code").loc["1"]
    assert sorted(result.peers["1"].dropna().tolist()) == [50, 60, 70]
    assert area1["peer_mean"] == pytest.approx(60.0)  # the reference's 52 is not among them


def test_peer_filters(ds):
    norsjo = parse_score_set(ds, "Norsjö:2018")
    none_in_county = peer_comparison(ds, norsjo, PeerFilter(lan="24"))
    assert (none_in_county.table["peer_n"] == 0).all()
    assert none_in_county.table["peer_mean"].isna().all()
    b5 = peer_comparison(ds, norsjo, PeerFilter(kommungrupp="B5")).peers
    assert set(b5["kommungrupp"]) == {"B5"} and "Enköping" in set(b5["municipality"])
    recent = peer_comparison(ds, norsjo, PeerFilter(year_from=2018)).peers
    assert set(recent["year"]) <= {2018, 2019}


def test_what_a_caller_changes_stays_with_the_caller(fixture_dir):
    # A dataset keeps its version views (each selects its rows once); the tables they hand out are the caller's own.
    ds = load_dataset(fixture_dir)
    view = ds.version("2016")
    sets = view.score_sets
    sets["total"] = 0.0
    sets.loc[sets.index[0], "1"] = -1.0
    candidates = view.peer_candidates(PeerFilter(include_self=True))
    candidates["municipality"] = "x"
    norsjo = parse_score_set(ds, "Norsjö:2018")
    references = peer_comparison(ds, norsjo).references
    references.loc[:, "score"] = 0.0
    again = peer_comparison(ds, norsjo)
    area1 = again.table.set_index("code").loc["1"]
    assert area1["peer_n"] == 3 and area1["peer_mean"] == pytest.approx(65.0)
    assert "x" not in set(again.peers["municipality"]) and (again.references["score"] > 0).all()
    assert ds.version("2016") is view
    assert sorted(view.score_sets["total"].dropna()) == [480, 500, 520, 560, 600, 640]


def test_percentile_mid_rank():
    assert percentile_of(69.0, np.array([71.0, 49.0, 63.0])) == pytest.approx(100 * 2 / 3)
    assert percentile_of(63.0, np.array([71.0, 49.0, 63.0])) == pytest.approx(50.0)
    assert math.isnan(percentile_of(63.0, np.array([np.nan])))


def test_norsjo_trend_is_two_segments(ds):
    table = trend(ds, "2417")
    segments = trend_segments(table)
    assert [(s["version"], [p["year"] for p in s["points"]]) for s in segments] == [
        ("2010", [2015, 2017]), ("2016", [2018])
    ]
    first, second = segments
    assert first["points"][1]["evaluation_kind"] == "self"
    assert first["points"][1]["total_change"] is None  # SKR evaluation -> self-assessment: not like for like
    assert second["points"][0]["total_change"] is None  # never across the revision
    assert second["points"][0]["areas"]["1"] == 70


def test_trend_without_self_assessments(ds):
    table = trend(ds, "2417", include_self=False)
    assert list(table["year"]) == [2015, 2018]


def test_enkoping_values(ds):
    sets = ds.score_sets.set_index("score_set_id")
    assert sets.loc["0381:2016:2016:full", "1"] == 50
    assert sets.loc["0381:2018:2016:full", "total"] == 560
    table = trend(ds, "0381")
    assert table["1_change"].tolist()[1] == 30  # 50 -> 80, both 2016 version


def test_ranking_and_inspiration(ds):
    top = ranking(ds, "2016", "total")
    assert top.iloc[0]["municipality"] == "Helsingborg" and top.iloc[0]["total"] == 640
    inspiration = top_per_area(ds, "2010", n=1)
    area8 = inspiration[inspiration["code"] == "8"]
    assert area8["municipality"].tolist() == ["Örebro"] and area8["score"].tolist() == [70]


def test_ambiguous_or_missing_score_set(ds):
    with pytest.raises(UsageError) as info:
        parse_score_set(ds, "Norsjö:2016")
    assert "2015" in info.value.message("sv") and "2018" in info.value.message("sv")
    with pytest.raises(UsageError):
        parse_score_set(ds, "Norsjö")


def test_a_later_total_does_not_hide_an_earlier_area_profile(ds):
    # Örebro has all eight areas in 2012 and only a total in 2015 (both 2010 version):
    # area peers use 2012, the total peer uses 2015; Örebro still counts once per item.
    result = peer_comparison(ds, parse_score_set(ds, "Grästorp:2014"))
    by_code = result.table.set_index("code")
    assert by_code.loc["2", "peer_n"] == 3  # Kramfors 2013 60, Norsjö 2015 50, Örebro 2012 70
    assert by_code.loc["2", "peer_mean"] == pytest.approx(60.0)
    assert by_code.loc["total", "peer_mean"] == pytest.approx((480 + 400 + 600) / 3)  # Örebro's total: 2015
    orebro = result.peers[result.peers["municipality"] == "Örebro"].set_index("year")["used_for"]
    assert orebro.loc[2012] == "1, 2, 3, 4, 5, 6, 7, 8" and orebro.loc[2015] == "total"


def test_english_labels(ds):
    ref = parse_score_set(ds, "Norsjö:2017")
    assert ref.display("en") == "Norsjö 2017 (self-assessment)" and ref.display("sv") == "Norsjö 2017 (egen analys)"
    table = peer_comparison(ds, ref, lang="en").table
    assert table.iloc[0]["label"] == "Total"
