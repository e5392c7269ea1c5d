"""The version guard, peers, percentiles and trends, with real values from the shipped data."""

from __future__ import annotations

import math

import pytest

from kompass_data import (
    PeerFilter,
    UsageError,
    VersionMismatchError,
    compare_score_sets,
    parse_score_set,
    peer_comparison,
    resolve_municipality,
    trend,
    trend_segments,
)
from kompass_data.compare import percentile_of, ranking, resolve_lan, top_per_area
import numpy as np


@pytest.mark.parametrize("text", ["Norsjö", "norsjo", "NORSJÖ", "Norsjö kommun", "2417", " norsjo "])
def test_municipality_by_name_or_code(shipped, text):
    assert resolve_municipality(shipped, text) == "2417"


def test_names_that_fold_alike_are_told_apart_by_spelling(shipped):
    assert resolve_municipality(shipped, "Håbo") == "0305"
    assert resolve_municipality(shipped, "habo") == "0643"


@pytest.mark.parametrize("text", ["Narnia", "9999", ""])
def test_unknown_municipality(shipped, text):
    with pytest.raises(UsageError) as info:
        resolve_municipality(shipped, text)
    assert info.value.exit_code == 2
    assert "kommunkod" in info.value.message("sv")


def test_county_by_code_or_name(shipped):
    assert resolve_lan(shipped, "24") == resolve_lan(shipped, "Västerbottens län") == resolve_lan(shipped, "vasterbotten") == "24"


def test_comparison_across_versions_is_refused_in_both_languages(shipped):
    refs = [parse_score_set(shipped, "Norsjö:2015"), parse_score_set(shipped, "Norsjö:2018")]
    with pytest.raises(VersionMismatchError) as info:
        compare_score_sets(shipped, refs)
    assert info.value.versions == ("2010", "2016")
    for lang, word in (("sv", "reviderades"), ("en", "revised")):
        text = info.value.message(lang)
        assert "2010" in text and "2016" in text and word in text


def test_comparison_within_a_version(shipped):
    table = compare_score_sets(shipped, [parse_score_set(shipped, "Norsjo:2018"), parse_score_set(shipped, "1481:2016")])
    by_code = table.set_index("code")
    assert by_code.loc["1", "Norsjö 2018"] == 69 and by_code.loc["1", "Mölndal 2016"] == 49
    assert math.isnan(by_code.loc["total", "Mölndal 2016"])  # total not published: missing, not zero


def test_norsjo_2018_peers_match_the_issue(shipped):
    result = peer_comparison(shipped, parse_score_set(shipped, "Norsjö:2018"))
    assert result.version == "2016"
    area1 = result.table.set_index("code").loc["1"]
    assert area1["peer_n"] == 3 and area1["peer_mean"] == pytest.approx(61.0)
    assert area1["score"] == 69 and area1["difference"] == pytest.approx(8.0)
    with_area1 = result.peers.dropna(subset=["1"])
    assert sorted(zip(with_area1["municipality"], with_area1["year"])) == [
        ("Enköping", 2018), ("Mölndal", 2016), ("Strängnäs", 2016)
    ]
    # Enköping counts once, with its latest score set (2018: 71), not 2016 (54).
    assert "Norsjö" not in set(result.peers["municipality"])
    assert list(result.table["code"]) == ["total", "1", "2", "3", "4", "5", "6", "7", "8"]


def test_self_assessments_are_out_of_peers_unless_asked(shipped):
    grastorp = parse_score_set(shipped, "Grästorp:2014")
    plain = peer_comparison(shipped, grastorp).peers.set_index("municipality")
    assert plain.loc["Norsjö", "year"] == 2015 and plain.loc["Norsjö", "1"] == 43
    with_self = peer_comparison(shipped, grastorp, PeerFilter(include_self=True)).peers.set_index("municipality")
    assert with_self.loc["Norsjö", "year"] == 2017 and with_self.loc["Norsjö", "1"] == 48


def test_published_reference_is_beside_never_inside(shipped):
    result = peer_comparison(shipped, parse_score_set(shipped, "Grästorp:2014"))
    refs = result.references
    mean_2014 = refs[(refs["year"] == 2014) & (refs["code"] == "1")]
    assert mean_2014["score"].tolist() == [50]
    assert "40" in mean_2014["population"].iloc[0]
    # Peers for area 1 (2010 version, full): Gotland 61, Kramfors 58, Norsjö 43, Strängnäs 54, Örebro 68 (2012).
    area1 = result.table.set_index("code").loc["1"]
    values = result.peers["1"].dropna().tolist()
    assert area1["peer_mean"] == pytest.approx(sum(values) / len(values))
    assert 50 not in values


def test_peer_filters(shipped):
    norsjo = parse_score_set(shipped, "Norsjö:2018")
    none_in_county = peer_comparison(shipped, norsjo, PeerFilter(lan="24"))
    assert (none_in_county.table["peer_n"] == 0).all()
    assert none_in_county.table["peer_mean"].isna().all()
    b5 = peer_comparison(shipped, norsjo, PeerFilter(kommungrupp="B5")).peers
    assert set(b5["kommungrupp"]) == {"B5"} and "Enköping" in set(b5["municipality"])
    recent = peer_comparison(shipped, norsjo, PeerFilter(year_from=2018)).peers
    assert set(recent["year"]) <= {2018, 2019}


def test_percentile_mid_rank():
    assert percentile_of(69.0, np.array([71.0, 49.0, 63.0])) == pytest.approx(100 * 2 / 3)
    assert percentile_of(63.0, np.array([71.0, 49.0, 63.0])) == pytest.approx(50.0)
    assert math.isnan(percentile_of(63.0, np.array([np.nan])))


def test_norsjo_trend_is_two_segments(shipped):
    table = trend(shipped, "2417")
    segments = trend_segments(table)
    assert [(s["version"], [p["year"] for p in s["points"]]) for s in segments] == [
        ("2010", [2015, 2017]), ("2016", [2018])
    ]
    first, second = segments
    assert first["points"][1]["evaluation_kind"] == "self"
    assert first["points"][1]["total_change"] == 74  # 475 - 401, inside the 2010 segment
    assert second["points"][0]["total_change"] is None  # never across the revision
    assert second["points"][0]["areas"]["1"] == 69


def test_trend_without_self_assessments(shipped):
    table = trend(shipped, "2417", include_self=False)
    assert list(table["year"]) == [2015, 2018]


def test_enkoping_values(shipped):
    sets = shipped.score_sets.set_index("score_set_id")
    assert sets.loc["0381:2016:2016:full", "1"] == 54
    assert sets.loc["0381:2018:2016:full", "total"] == 519
    table = trend(shipped, "0381")
    assert table["1_change"].tolist()[1] == 17  # 54 -> 71, both 2016 version


def test_ranking_and_inspiration(shipped):
    top = ranking(shipped, "2016", "total")
    assert top.iloc[0]["municipality"] == "Helsingborg" and top.iloc[0]["total"] == 668
    inspiration = top_per_area(shipped, "2010", n=1)
    area8 = inspiration[inspiration["code"] == "8"]
    assert area8["municipality"].tolist() == ["Örebro"] and area8["score"].tolist() == [87]


def test_ambiguous_or_missing_score_set(shipped):
    with pytest.raises(UsageError) as info:
        parse_score_set(shipped, "Norsjö:2016")
    assert "2015" in info.value.message("sv") and "2018" in info.value.message("sv")
    with pytest.raises(UsageError):
        parse_score_set(shipped, "Norsjö")


def test_a_later_total_does_not_hide_an_earlier_area_profile(shipped):
    # Örebro published all eight areas in 2012 and only a total in 2015 (both 2010 version):
    # area peers use 2012, the total peer uses 2015; Örebro still counts once per item.
    result = peer_comparison(shipped, parse_score_set(shipped, "Grästorp:2014"))
    by_code = result.table.set_index("code")
    assert by_code.loc["2", "peer_n"] == 3  # Kramfors 2013 56, Norsjö 2015 38, Örebro 2012 85
    assert by_code.loc["2", "peer_mean"] == pytest.approx((56 + 38 + 85) / 3)
    orebro = result.peers[result.peers["municipality"] == "Örebro"].set_index("year")["used_for"]
    assert orebro.loc[2012] == "1, 2, 3, 4, 5, 6, 7, 8" and orebro.loc[2015] == "total"


def test_english_labels(shipped):
    ref = parse_score_set(shipped, "Norsjö:2017")
    assert ref.display("en") == "Norsjö 2017 (self-assessment)" and ref.display("sv") == "Norsjö 2017 (egen analys)"
    table = peer_comparison(shipped, ref, lang="en").table
    assert table.iloc[0]["label"] == "Total"
