"""A damaged Parquet cache is rebuilt from the CSVs by the loader, and the dashboard says so."""

from __future__ import annotations

import os

import kompass_ui.state as state

from kompass_data import messages
from tests.fixtures import build_data_dir

from .conftest import open_page, unexpected_errors


def test_a_damaged_cache_is_said_on_the_page(tmp_path):
    folder = build_data_dir(tmp_path / "data")
    scores = folder / "parquet" / "scores.parquet"
    scores.write_bytes(scores.read_bytes()[:100])  # truncated: unreadable, while scores.csv is intact
    old = os.environ["KOMPASS_DATA_DIR"]
    os.environ["KOMPASS_DATA_DIR"] = str(folder)
    state.shipped_dataset.clear()
    try:
        at = open_page("pages/2_kommunprofil.py", kommun="2417", ar="2018")
        assert unexpected_errors(at) == []
        expected = messages.t("notice.parquet_rebuilt", "sv", path=str(scores), csv="scores.csv")
        assert expected in [i.value for i in at.info]
    finally:
        os.environ["KOMPASS_DATA_DIR"] = old
        state.shipped_dataset.clear()
