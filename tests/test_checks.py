"""Consistency checks flag, never fail, and never fix: real cases from the shipped data."""

from __future__ import annotations

import json

from kompass_data import load_dataset
from kompass_data.checks import flag_messages


def _flags(ds, kommunkod, year):
    f = ds.flags
    return f[(f["kommunkod"] == kommunkod) & (f["year"] == year)]


def test_norsjo_2017_total_disagrees_with_its_areas(shipped):
    flags = _flags(shipped, "2417", 2017)
    total = flags[flags["check"] == "total_vs_areas"]
    assert len(total) == 1
    params = json.loads(total.iloc[0]["params"])
    assert params == {"total": 475.0, "sum": 455.0, "diff": 20.0}
    message = flag_messages(total, "sv").iloc[0]
    assert "455" in message and "475" in message
    # The published number is kept as published.
    row = shipped.score_sets.set_index("score_set_id").loc["2417:2017:2010:self"]
    assert row["total"] == 475


def test_norsjo_2018_has_no_flags(shipped):
    # Sub-areas of area 1 add to 70 while the area is 69: rounding, not a disagreement.
    assert _flags(shipped, "2417", 2018).empty


def test_norsjo_2017_self_assessment_is_outside_the_2010_period(shipped):
    flags = _flags(shipped, "2417", 2017)
    assert "year_outside_period" in set(flags["check"])


def test_kramfors_2011_within_rounding(shipped):
    # Areas add to 363, total 359: within half a point per area (±4).
    assert _flags(shipped, "2282", 2011).empty


def test_only_expected_flags_in_shipped_data(shipped):
    assert sorted(zip(shipped.flags["municipality"], shipped.flags["year"], shipped.flags["check"])) == [
        ("Norsjö", 2017, "total_vs_areas"),
        ("Norsjö", 2017, "year_outside_period"),
    ]


def _edit(data_dir, old, new):
    path = data_dir / "scores.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_subarea_disagreeing_with_area_is_flagged(data_dir):
    # Put the OCR digit back (7.5 read as 3): area 7's sub-areas then add to 51, not 55.
    _edit(data_dir, "7.5,Arbetar kommunen med kreativitet och förbättringar?,8,20",
          "7.5,Arbetar kommunen med kreativitet och förbättringar?,3,20")
    flags = _flags(load_dataset(data_dir), "2417", 2018)
    assert list(flags["check"]) == ["subareas_vs_area"]
    assert flags.iloc[0]["code"] == "7"
    assert json.loads(flags.iloc[0]["params"])["sum"] == 51


def test_unknown_label_is_flagged(data_dir):
    _edit(data_dir, "2417,Norsjö,2018,2016,full,area,3,Politisk styrning och kontroll",
          "2417,Norsjö,2018,2016,full,area,3,Kultur och fritid")
    flags = _flags(load_dataset(data_dir), "2417", 2018)
    assert list(flags["check"]) == ["unknown_label"]
    assert "Kultur och fritid" in flag_messages(flags, "en").iloc[0]


def test_label_aliases_match_without_diacritics_or_numbers(data_dir):
    # "1. Offentlighet …" (Strängnäs) and "Kommun som samhällsbyggare" (Grästorp) are aliases.
    _edit(data_dir, "2417,Norsjö,2018,2016,full,area,2,Tillgänglighet och brukarorientering",
          "2417,Norsjö,2018,2016,full,area,2,2. Brukarfokus tillganglighet och bemotande")
    assert _flags(load_dataset(data_dir), "2417", 2018).empty
