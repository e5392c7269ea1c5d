"""Typed loading, the Parquet build agreeing with the CSVs, the schemas: synthetic folder and shipped data."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from kompass_data import build_parquet, load_dataset
from kompass_data.errors import KompassError
from kompass_data.schema import TABLES, municipalities_schema, scores_schema
from kompass_data.store import PARQUET_DIR, _read_csv_typed, scores_to_csv_text

from .conftest import DATASETS


@pytest.mark.parametrize("name", list(TABLES))
def test_shipped_parquet_is_faithful_or_ignored(name):
    """The Parquet beside a CSV is a cache: when its recorded hash matches it must equal the CSV; when a
    CSV was edited by hand (a new score set appended), the loader must ignore it and read the CSV."""
    from kompass_data.store import _recorded_hash, _sha256

    csv_name, columns = TABLES[name]
    from_csv = _read_csv_typed(DATASETS / csv_name, columns)
    parquet_path = DATASETS / PARQUET_DIR / f"{name}.parquet"
    meta = pq.read_schema(parquet_path).metadata[b"kompass"].decode()
    assert csv_name in meta and "codebook" in meta
    if _recorded_hash(parquet_path, "csv_sha256") == _sha256(DATASETS / csv_name):
        from_parquet = pq.read_table(parquet_path).to_pandas().astype({c: d for c, (d, _doc) in columns.items()})
        pd.testing.assert_frame_equal(from_csv, from_parquet, obj=f"{name}.parquet vs {csv_name}")
    else:  # stale after a hand edit: `python -m kompass_data build` refreshes it; until then the CSV wins
        loaded = getattr(load_dataset(DATASETS), name)
        pd.testing.assert_frame_equal(loaded.reset_index(drop=True), from_csv.reset_index(drop=True), obj=f"loaded {name}")


def test_loading_is_typed(ds):
    dtypes = ds.scores.dtypes
    assert str(dtypes["kommunkod"]) == "string"
    assert str(dtypes["year"]) == "int16"
    assert list(dtypes["instrument_version"].categories) == ["pre-2010", "2010", "2016", "2020"]
    assert dtypes["instrument_version"].ordered
    assert str(dtypes["score"]) == "float64"
    assert not (ds.scores.dtypes == object).any()


def test_fixture_counts(ds):
    assert len(ds.scores) == 99 and len(ds.score_sets) == 19
    assert len(ds.municipalities) == 290
    norsjo_2018 = ds.scores[(ds.scores["kommunkod"] == "2417") & (ds.scores["year"] == 2018)]
    assert (norsjo_2018["level"] == "subarea").sum() == 10
    assert ds.score_sets["instrument_version"].astype(str).value_counts().to_dict() == {"2016": 8, "2010": 7, "2020": 4}


def test_shipped_norsjo_2018_is_the_seed_reports_2016_score_set(shipped):
    # Facts of the published record, which a new valid score set cannot change.
    row = shipped.score_sets.set_index("score_set_id").loc["2417:2018:2016:full"]
    assert row["total"] == 509 and row["1"] == 69 and row["7"] == 55
    assert row["n_areas"] == 8 and row["n_subareas"] == 45
    assert len(shipped.municipalities) == 290


@pytest.mark.parametrize("which", ["ds", "shipped"])
def test_tables_pass_their_schemas(request, which):
    data = request.getfixturevalue(which)
    scores_schema().validate(data.scores, lazy=True)
    municipalities_schema().validate(data.municipalities, lazy=True)


def test_csv_round_trip_is_byte_identical(shipped, ds, fixture_dir):
    assert scores_to_csv_text(shipped.scores) == (DATASETS / "scores.csv").read_text(encoding="utf-8")
    assert scores_to_csv_text(ds.scores) == (fixture_dir / "scores.csv").read_text(encoding="utf-8")


def test_stale_parquet_is_ignored(data_dir):
    # Edit the CSV by hand without rebuilding: the loader must notice and read the CSV.
    path = data_dir / "scores.csv"
    text = path.read_text(encoding="utf-8").replace(
        "2417,Norsjö,2018,2016,full,total,total,Totalt,520,", "2417,Norsjö,2018,2016,full,total,total,Totalt,521,"
    )
    path.write_text(text, encoding="utf-8")
    ds = load_dataset(data_dir)
    total = ds.score_sets.set_index("score_set_id").loc["2417:2018:2016:full", "total"]
    assert total == 521
    build_parquet(data_dir)
    assert load_dataset(data_dir).score_sets.set_index("score_set_id").loc["2417:2018:2016:full", "total"] == 521


def test_missing_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(KompassError) as info:
        load_dataset(tmp_path)
    assert "scores.csv" in info.value.message("sv")


def test_score_set_table_norsjo(ds):
    sets = ds.score_sets.set_index("score_set_id")
    row = sets.loc["2417:2018:2016:full"]
    assert row["total"] == 520 and row["1"] == 70 and row["7"] == 70
    assert row["n_areas"] == 8 and row["n_subareas"] == 10
    assert row["lan_kod"] == "24" and row["kommungrupp"] == "C8"
    assert sets.loc["2417:2017:2010:self", "evaluation_kind"] == "self"
    # Mölndal 2016 has areas only: its total stays missing, not zero.
    assert pd.isna(sets.loc["1481:2016:2016:full", "total"])
    assert sets.loc["1481:2016:2016:full", "2"] == 61


def test_datapackage_describes_every_table():
    import json

    from kompass_data.schema import dataset_package

    committed = json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == dataset_package()
    for resource in committed["resources"]:
        assert (DATASETS / resource["path"]).is_file()
        if resource["format"] == "csv":
            header = (DATASETS / resource["path"]).read_text(encoding="utf-8").split("\n", 1)[0]
            assert header.split(",") == [f["name"] for f in resource["schema"]["fields"]]


def test_sources_travel_with_the_data():
    text = (DATASETS / "SOURCES.md").read_text(encoding="utf-8")
    for name in ("scores.csv", "reference_profiles.csv", "municipalities.csv", "sweden_municipalities.geojson"):
        assert name in text


@pytest.mark.parametrize("which", ["ds", "shipped"])
def test_stored_derived_tables_equal_a_fresh_computation(request, which):
    from kompass_data import checks

    # load_dataset took flags and score sets from parquet/_*.parquet (their inputs' hash matched).
    data = request.getfixturevalue(which)
    pd.testing.assert_frame_equal(data.flags, checks.compute_flags(data))
    pd.testing.assert_frame_equal(data.score_sets, checks.score_set_table(data))


def test_derived_tables_follow_an_add(data_dir, tmp_path):
    from kompass_data import add_scores

    path = tmp_path / "new.csv"
    path.write_text(
        "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note\n"
        "0115,Vallentuna,2018,2016,full,total,total,Totalt,580,800,src,\n", encoding="utf-8")
    add_scores(path, data_dir)
    ds = load_dataset(data_dir)
    assert "0115:2018:2016:full" in set(ds.score_sets["score_set_id"])


def test_shipped_derived_tables_are_fresh_or_recomputed():
    """Flags and the score-set table: stored ones are used only while their inputs' hash matches."""
    from kompass_data.checks import compute_flags, score_set_table
    from kompass_data.schema import TABLES as _TABLES
    from kompass_data.store import _derived_key, _recorded_hash, _sha256

    hashes = {name: _sha256(DATASETS / csv_name) for name, (csv_name, _c) in _TABLES.items()}
    ds = load_dataset(DATASETS)
    for name, compute in (("flags", compute_flags), ("score_sets", score_set_table)):
        fresh = _recorded_hash(DATASETS / PARQUET_DIR / f"_{name}.parquet", "inputs_sha256") == _derived_key(hashes)
        # Fresh: what was stored equals what the checks compute now. Stale (a CSV edited by hand, not yet
        # rebuilt with `python -m kompass_data build`): the loader computed them itself, so the same holds.
        recomputed = compute(ds)
        stored = getattr(ds, name)
        assert len(stored) == len(recomputed), (name, fresh)
        assert list(stored.columns) == list(recomputed.columns), (name, fresh)

def test_derived_values_are_built_once_per_dataset_and_key(ds):
    calls = []

    def build():
        calls.append(1)
        return len(ds.score_sets)

    assert ds.derived(("count",), build) == ds.derived(("count",), build) == len(ds.score_sets)
    assert len(calls) == 1
    assert ds.version("2016") is ds.version("2016")  # one view per version: its tables are cut once
    other = ds.with_scores(ds.scores.head(0))  # another dataset (a session's): its own values
    other.derived(("count",), build)
    assert len(calls) == 2


def test_derived_values_keep_only_the_newest_keys(ds):
    from kompass_data.store import DERIVED_MAX

    for i in range(DERIVED_MAX + 5):
        ds.derived(("n", i), lambda i=i: i)
    rebuilt = []
    ds.derived(("n", 0), lambda: rebuilt.append(0) or 0)  # the oldest was dropped: built again
    ds.derived(("n", DERIVED_MAX + 4), lambda: rebuilt.append(1) or 1)  # the newest is kept
    assert rebuilt == [0]
