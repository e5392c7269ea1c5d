"""The shipped datasets/ only has to validate; one more valid score set must break no test's assumptions."""

from __future__ import annotations

import shutil

import pandas as pd

from kompass_data import build_parquet, load_dataset, parse_score_set, peer_comparison
from kompass_data.cli import main

from .conftest import DATASETS
from .fixtures import append_score_set, extra_score_set


def _copy_of_shipped(tmp_path):
    target = tmp_path / "datasets"
    shutil.copytree(DATASETS, target, ignore=shutil.ignore_patterns("*.geojson", "backups"))
    return target


def test_shipped_data_validates(capsys):
    assert main(["validate", "--data-dir", str(DATASETS)]) == 0
    capsys.readouterr()


def test_one_more_valid_score_set_changes_no_published_fact(tmp_path, capsys, shipped):
    folder = _copy_of_shipped(tmp_path)
    rows = extra_score_set(folder)
    append_score_set(folder, rows)
    code, name = rows[0][0], rows[0][1]

    # Read as a hand edit leaves it (stale Parquet, CSV wins), and again after a build.
    for step in ("csv", "built"):
        if step == "built":
            build_parquet(folder)
        grown = load_dataset(folder)
        assert len(grown.score_sets) == len(shipped.score_sets) + 1
        new = grown.score_sets.set_index("score_set_id").loc[f"{code}:2019:2016:full"]
        assert new["municipality"] == name and new["total"] == 516 and new["n_areas"] == 8
        # The new set raises no flag; every published flag stays as it was.
        pd.testing.assert_frame_equal(grown.flags.reset_index(drop=True), shipped.flags.reset_index(drop=True))
        # Published facts: Norsjö 2018 is the seed report's 2016 set; its peers now include the new one.
        norsjo = parse_score_set(grown, "Norsjö:2018")
        assert norsjo.instrument_version == "2016"
        result = peer_comparison(grown, norsjo)
        assert name in set(result.peers["municipality"])
        before = peer_comparison(shipped, parse_score_set(shipped, "Norsjö:2018")).table.set_index("code")
        assert (result.table.set_index("code")["peer_n"] == before["peer_n"] + 1).all()

    assert main(["validate", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
