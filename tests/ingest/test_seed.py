"""The seed: SKL's 2018 report on Norsjö (OCR text) must give exactly the Norsjö rows of scores.csv."""

from pathlib import Path

import pandas as pd
import pytest

from kompass_data import messages
from kompass_data.ingest import COLUMNS, IngestError, ingest_file, ingest_text

HERE = Path(__file__).resolve().parent
SEED = HERE / "fixtures" / "norsjo_2018_report.txt"  # a copy of shared/seed/norsjo_2018_report.txt
SCORES = HERE.parents[1] / "datasets" / "scores.csv"
KEY = ["year", "level", "code"]


@pytest.fixture(scope="module")
def seed():
    return ingest_file(SEED)


def _as_text(df):
    out = df.copy()
    out["year"] = out["year"].astype(int).astype(str)
    for col in ("score", "max_score"):
        out[col] = out[col].astype(float).map("{:g}".format)
    return out.astype(str)


def test_seed_gives_exactly_the_norsjo_rows(seed):
    # Every column except `source` is compared: the shipped rows cite the seed report, ingest writes
    # "ingested from <file>".
    shipped = pd.read_csv(SCORES, dtype=str, keep_default_na=False)
    # The report's three score sets; a later Norsjö evaluation added to datasets/ is not in the report.
    shipped = shipped[(shipped["kommunkod"] == "2417") & shipped["year"].isin(["2015", "2017", "2018"])]
    cols = [c for c in COLUMNS if c != "source"]
    want = _as_text(shipped[cols].assign(score=shipped["score"].astype(float), max_score=shipped["max_score"].astype(float)))
    got = _as_text(seed.scores[cols])
    want = want.sort_values(KEY).reset_index(drop=True)
    got = got.sort_values(KEY).reset_index(drop=True)
    assert len(got) == 72
    pd.testing.assert_frame_equal(got, want)


def test_seed_score_sets(seed):
    df = seed.scores
    sets = df.groupby(["year", "instrument_version", "evaluation_kind"]).size().to_dict()
    assert sets == {(2015, "2010", "full"): 9, (2017, "2010", "self"): 9, (2018, "2016", "full"): 54}
    assert (df[(df.year == 2018) & (df.level == "subarea")].shape[0]) == 45
    assert set(df["source"]) == {"ingested from norsjo_2018_report.txt"}
    assert df["year"].dtype.kind == "i" and df["score"].dtype.kind == "f" and df["max_score"].dtype.kind == "f"


def test_seed_flags_the_ocr_digit_of_7_5(seed):
    ocr = [f for f in seed.flags if f["key"] == "ingest.flag.ocr_digit"]
    assert len(ocr) == 1
    f = ocr[0]
    assert (f["kommunkod"], f["year"], f["instrument_version"], f["level"], f["code"]) == ("2417", 2018, "2016", "subarea", "7.5")
    assert f["params"]["read"] == 3 and f["params"]["value"] == 8
    assert "7.5" in messages.t(f["key"], "sv", **f["params"])
    row = seed.scores[(seed.scores.year == 2018) & (seed.scores.code == "7.5")].iloc[0]
    assert row.score == 8.0 and "reads 3" in row.note


def test_seed_flags_the_2017_total(seed):
    keys = {(f["year"], f["key"]) for f in seed.flags}
    assert (2017, "flag.total_vs_areas") in keys
    assert len(seed.flags) == 2  # nothing else is contradicted beyond rounding


def test_summary_names_municipality_sets_and_flags(seed):
    sv = seed.summary("sv")
    assert "Norsjö (2417)" in sv and "2017" in sv and "egen analys" in sv and "7.5" in sv
    en = seed.summary("en")
    assert "self-assessment" in en and "45 sub-areas" in en


def test_to_csv_writes_canonical_columns_atomically(seed, tmp_path):
    out = tmp_path / "out.csv"
    seed.to_csv(out)
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(back.columns) == COLUMNS
    assert len(back) == 72
    assert back.loc[back.code == "7.5", "score"].tolist() == ["8"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_overrides_win_over_the_text():
    text = SEED.read_text(encoding="utf-8")
    r = ingest_text(text, source_name="seed", kommun="0114", year=2019, version="2016")
    df = r.scores
    assert set(df.kommunkod) == {"0114"} and set(df.municipality) == {"Upplands Väsby"}
    assert set(df.instrument_version) == {"2016"}
    assert sorted(set(df.year)) == [2015, 2017, 2019]
    assert df[df.year == 2019].shape[0] == 54


@pytest.mark.parametrize("kw", [{"kommun": "Atlantis"}, {"year": 1850}, {"version": "2012"}])
def test_bad_overrides_are_clean_errors(kw):
    with pytest.raises(IngestError) as err:
        ingest_text(SEED.read_text(encoding="utf-8"), source_name="seed", **kw)
    assert err.value.exit_code == 1
    assert err.value.key.startswith("ingest.error.bad_")
