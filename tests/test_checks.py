"""Consistency checks flag, never fail, and never fix: on the synthetic folder, and the published cases."""

from __future__ import annotations

import json

from kompass_data import load_dataset
from kompass_data.checks import flag_messages


def _flags(ds, kommunkod, year):
    f = ds.flags
    return f[(f["kommunkod"] == kommunkod) & (f["year"] == year)]


def test_a_total_that_disagrees_with_its_areas_is_flagged_and_kept(ds):
    # Synthetic Norsjö 2017 (self): areas 4 x 55 + 4 x 60 = 460, total 480.
    flags = _flags(ds, "2417", 2017)
    total = flags[flags["check"] == "total_vs_areas"]
    assert len(total) == 1
    assert json.loads(total.iloc[0]["params"]) == {"total": 480.0, "sum": 460.0, "diff": 20.0}
    message = flag_messages(total, "sv").iloc[0]
    assert "460" in message and "480" in message
    row = ds.score_sets.set_index("score_set_id").loc["2417:2017:2010:self"]
    assert row["total"] == 480  # kept as published


def test_a_self_assessment_outside_the_period_is_flagged(ds):
    assert "year_outside_period" in set(_flags(ds, "2417", 2017)["check"])


def test_only_the_built_in_flags_in_the_fixture(ds):
    assert sorted(zip(ds.flags["municipality"], ds.flags["year"], ds.flags["check"])) == [
        ("Norsjö", 2017, "total_vs_areas"),
        ("Norsjö", 2017, "year_outside_period"),
    ]


def test_complete_sub_areas_that_add_up_raise_no_flag(ds):
    assert _flags(ds, "2417", 2018).empty  # areas 1 and 7: sub-areas add to 70, the areas are 70


# The published record: facts that a new valid score set cannot change.

def test_shipped_norsjo_2017_total_disagrees_with_its_areas(shipped):
    flags = _flags(shipped, "2417", 2017)
    total = flags[flags["check"] == "total_vs_areas"]
    assert len(total) == 1
    assert json.loads(total.iloc[0]["params"]) == {"total": 475.0, "sum": 455.0, "diff": 20.0}
    message = flag_messages(total, "sv").iloc[0]
    assert "455" in message and "475" in message
    assert shipped.score_sets.set_index("score_set_id").loc["2417:2017:2010:self", "total"] == 475
    assert "year_outside_period" in set(flags["check"])


def test_shipped_norsjo_2018_and_kramfors_2011_have_no_flags(shipped):
    # Norsjö 2018 area 1's sub-areas add to 70, the area is 69: rounding. Kramfors 2011: 363 vs 359, within ±4.
    assert _flags(shipped, "2417", 2018).empty
    assert _flags(shipped, "2282", 2011).empty


def _edit(data_dir, old, new):
    path = data_dir / "scores.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_subarea_disagreeing_with_area_is_flagged(data_dir):
    # Sub-area 7.5 from 12 to 2: area 7's sub-areas then add to 60, not 70 (beyond 5 x 0.5).
    _edit(data_dir, "7.5,Arbetar kommunen med kreativitet och förbättringar?,12,20",
          "7.5,Arbetar kommunen med kreativitet och förbättringar?,2,20")
    flags = _flags(load_dataset(data_dir), "2417", 2018)
    assert list(flags["check"]) == ["subareas_vs_area"]
    assert flags.iloc[0]["code"] == "7"
    assert json.loads(flags.iloc[0]["params"])["sum"] == 60


def test_unknown_label_is_flagged(data_dir):
    _edit(data_dir, "2417,Norsjö,2018,2016,full,area,3,Politisk styrning och kontroll",
          "2417,Norsjö,2018,2016,full,area,3,Kultur och fritid")
    flags = _flags(load_dataset(data_dir), "2417", 2018)
    assert list(flags["check"]) == ["unknown_label"]
    assert "Kultur och fritid" in flag_messages(flags, "en").iloc[0]


def test_label_aliases_match_without_diacritics_or_numbers(data_dir):
    # "2. Brukarfokus …" is a published alias of 2016 area 2 (area_aliases.csv), here without diacritics.
    _edit(data_dir, "2417,Norsjö,2018,2016,full,area,2,Tillgänglighet och brukarorientering",
          "2417,Norsjö,2018,2016,full,area,2,2. Brukarfokus tillganglighet och bemotande")
    assert _flags(load_dataset(data_dir), "2417", 2018).empty
