"""Hardening: any table input ends in a result or a located error; concurrent and killed adds are safe."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompass_data import DataValidationError, KompassError, load_dataset
from kompass_data.tables import read_table_bytes
from kompass_data.validate import validate_scores

from .conftest import ROOT

HEADER = ["kommunkod", "municipality", "year", "instrument_version", "evaluation_kind", "level", "code",
          "label_published", "score", "max_score", "source", "note"]


def _import(raw: bytes, ds):
    """What `add` and the upload page do with a file, up to validation."""
    table = read_table_bytes(raw, "input.csv")
    return validate_scores(table, ds.municipalities, ds.instrument_items, "input.csv")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_end_in_a_result_or_a_clean_error(ds, raw):
    try:
        result = _import(raw, ds)
    except KompassError as exc:
        assert exc.message("sv") and exc.message("en")
    else:
        assert list(result.columns) == HEADER


cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2417", "0381", "2018", "2016", "2010", "full", "self", "area", "total", "1", "7.5",
                     "61", "61,5", "-3", "800", "=1+1", "<script>alert(1)</script>", "", " ", "ä", "9999"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=12, max_size=12), min_size=1, max_size=6),
       sep=st.sampled_from([",", ";"]))
def test_every_problem_names_a_real_row_and_column(ds, rows, sep):
    def quote(value):
        return '"' + value.replace('"', '""') + '"'

    text = "\n".join([sep.join(HEADER), *(sep.join(quote(c) for c in r) for r in rows)]) + "\n"
    try:
        result = _import(text.encode("utf-8"), ds)
    except DataValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.row is None or 1 <= problem.row <= len(rows) + 1
            assert problem.column is None or problem.column in HEADER
            assert problem.message("sv")
    except KompassError as exc:
        assert exc.message("sv")
    else:
        assert len(result) >= 1 and (result["score"] <= result["max_score"]).all()


def _score_set_csv(path, kommunkod, name, year, extra_rows=0):
    lines = [",".join(HEADER)]
    lines.append(f"{kommunkod},{name},{year},2016,full,total,total,Totalt,500,800,test,")
    for area in range(1, 9):
        lines.append(f"{kommunkod},{name},{year},2016,full,area,{area},,{60 + area},100,test,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _add(data_dir, file, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "kompass_data", "add", str(file), "--data-dir", str(data_dir), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def test_concurrent_adds_both_land(data_dir, tmp_path):
    files = [_score_set_csv(tmp_path / f"{code}.csv", code, name, 2019)
             for code, name in (("0114", "Upplands Väsby"), ("0117", "Österåker"), ("0120", "Värmdö"))]
    before = len(load_dataset(data_dir).scores)
    procs = [_add(data_dir, f) for f in files]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0, 0], [r[1].decode() for r in results]
    ds = load_dataset(data_dir)
    assert {"0114", "0117", "0120"} <= set(ds.scores["kommunkod"])
    assert len(ds.scores) == before + 27


def test_concurrent_adds_of_the_same_score_set_one_wins(data_dir, tmp_path):
    files = [_score_set_csv(tmp_path / f"same{i}.csv", "0114", "Upplands Väsby", 2019) for i in range(2)]
    before = len(load_dataset(data_dir).scores)
    procs = [_add(data_dir, f) for f in files]
    codes = sorted(p.wait(timeout=120) for p in procs)
    assert codes == [0, 1]
    assert len(load_dataset(data_dir).scores) == before + 9


def test_killed_add_leaves_a_readable_dataset(data_dir, tmp_path):
    # A larger file (synthetic, generated here) keeps the writer busy long enough to be killed mid-way.
    munis = pd.read_csv(data_dir / "municipalities.csv", dtype=str)
    lines = [",".join(HEADER)]
    for code, name in zip(munis["kommunkod"][:200], munis["name"][:200]):
        for year in (2016, 2017, 2018, 2019):
            lines.append(f"{code},{name},{year},2016,self,total,total,synthetic,400,800,synthetic test data,")
    big = tmp_path / "big.csv"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = len(load_dataset(data_dir).scores)
    rng = random.Random(7)
    outcomes = set()
    for _ in range(6):
        proc = _add(data_dir, big, "--replace")
        time.sleep(rng.uniform(0.3, 2.0))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        ds = load_dataset(data_dir)  # must never raise
        n = len(ds.scores)
        assert n in (before, before + 800), n
        outcomes.add(n)
    # Whatever happened, the CSV parses and every row is a whole row; a finished add cleans up.
    text = (data_dir / "scores.csv").read_text(encoding="utf-8")
    assert text.endswith("\n") and text.startswith("kommunkod,")
    assert _add(data_dir, big, "--replace").wait(timeout=120) == 0
    assert len(load_dataset(data_dir).scores) == before + 800
    assert not list(data_dir.glob(".scores.csv.*")) and not list((data_dir / "parquet").glob(".*"))
