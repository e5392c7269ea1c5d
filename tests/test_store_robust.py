"""An empty dataset, a damaged cache, and the CLI's messages for hostile input and system errors (issue 15)."""

from __future__ import annotations

import errno
import warnings

import pandas as pd
import pytest

from kompass_data import load_dataset
from kompass_data import store
from kompass_data.cli import main
from kompass_data.errors import DataNotice

HEADER = "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note"
NORSJO = [
    "2417,Norsjö,2018,2016,full,total,total,Totalt,509,800,synthetic test row,",
    *[f"2417,Norsjö,2018,2016,full,area,{i},,{55 + i},100,synthetic test row," for i in range(1, 9)],
]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _write(path, lines):
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


# --- D2: an empty dataset can be opened, validated and filled -----------------------------------------------------

def test_an_empty_dataset_loads_validates_and_can_be_filled(capsys, data_dir, tmp_path):
    (data_dir / "scores.csv").write_text(HEADER + "\n", encoding="utf-8")
    # Findings belong to score sets: an empty dataset has none (a finding without its score set is an error).
    findings = data_dir / "findings.csv"
    findings.write_text(findings.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    ds = load_dataset(data_dir)
    assert ds.scores.empty and ds.flags.empty and ds.score_sets.empty
    assert str(ds.flags["year"].dtype) == "int16" and str(ds.score_sets["year"].dtype) == "int16"
    code, out, err = run(capsys, "info", "--data-dir", str(data_dir), "--format", "json")
    assert code == 0 and '"score_sets": 0' in out
    code, out, err = run(capsys, "validate", "--data-dir", str(data_dir))
    assert code == 0 and "OK: 0" in err
    code, out, err = run(capsys, "add", str(_write(tmp_path / "norsjo.csv", NORSJO)), "--data-dir", str(data_dir))
    assert code == 0, err
    filled = load_dataset(data_dir)
    assert filled.score_sets["score_set_id"].tolist() == ["2417:2018:2016:full"]
    assert filled.score_sets["total"].tolist() == [509.0]


# --- D9: a damaged Parquet cache ---------------------------------------------------------------------------------

def _truncate(path, keep=600):
    path.write_bytes(path.read_bytes()[:keep])


@pytest.mark.parametrize("cache", ["scores", "municipalities", "_flags", "_score_sets"])
def test_a_truncated_cache_is_rebuilt_from_the_csv_and_said(data_dir, ds, cache):
    # data_dir and ds are the same synthetic folder (tests/fixtures.py): one damaged, one intact.
    _truncate(data_dir / "parquet" / f"{cache}.parquet")
    with pytest.warns(DataNotice, match="rebuilt"):
        loaded = load_dataset(data_dir)
    assert [n.key for n in loaded.notices] == ["notice.parquet_rebuilt"]
    assert f"{cache}.parquet" in loaded.notices[0].message("sv")
    pd.testing.assert_frame_equal(loaded.scores, ds.scores)
    pd.testing.assert_frame_equal(loaded.score_sets, ds.score_sets)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataNotice)
        assert load_dataset(data_dir).notices == ()  # rebuilt: the next load is quiet


def test_a_damaged_cache_in_a_read_only_folder_is_read_around(data_dir, ds, monkeypatch):
    _truncate(data_dir / "parquet" / "scores.parquet")

    def read_only(*_args, **_kw):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store, "_atomic_write", read_only)
    with pytest.warns(DataNotice):
        loaded = load_dataset(data_dir)
    assert [n.key for n in loaded.notices] == ["notice.parquet_damaged"]
    assert "python -m kompass_data build" in loaded.notices[0].message("en")
    pd.testing.assert_frame_equal(loaded.scores, ds.scores)


def test_the_cli_says_the_cache_was_rebuilt(capsys, data_dir):
    _truncate(data_dir / "parquet" / "scores.parquet")
    code, out, err = run(capsys, "info", "--data-dir", str(data_dir))
    assert code == 0 and "scores.parquet var skadad" in err and "Traceback" not in err


# --- D10: the CLI's minor defects ---------------------------------------------------------------------------------

def test_validate_never_echoes_terminal_escapes(capsys, tmp_path):
    bad = tmp_path / "\x1b[31mred.csv"
    _write(bad, ["2417,\x1b[2J\x1b[31mHACK\x07,2018,2016,full,total,total,Totalt,509,800,src,"])
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1 and "HACK" in err
    assert "\x1b" not in err and "\x07" not in err


def test_an_unknown_kommungrupp_is_refused_with_the_valid_groups(capsys):
    code, out, err = run(capsys, "peers", "Norsjö:2018", "--kommungrupp", "Z9")
    assert code == 2 and "Z9" in err and "A1" in err and "C9" in err
    code, out, err = run(capsys, "peers", "Norsjö:2018", "--kommungrupp", "c9", "--format", "json")
    assert code == 0 and '"kommungrupp": "C9"' in out


def test_add_of_a_folder_says_it_is_a_folder(capsys, data_dir, tmp_path):
    code, out, err = run(capsys, "add", str(tmp_path), "--data-dir", str(data_dir), "--lang", "en")
    assert code == 2 and "is a folder" in err and "does not exist" not in err


@pytest.mark.parametrize(("number", "words"), [(errno.EROFS, "read-only"), (errno.EACCES, "read-only"),
                                               (errno.ENOSPC, "disk is full")])
def test_system_errors_name_the_path_and_what_to_do(capsys, monkeypatch, tmp_path, number, words):
    target = tmp_path / "out.csv"

    def fail(*_args, **_kw):
        raise OSError(number, "system says no", str(target))

    monkeypatch.setattr("kompass_data.cli.write_export", fail)
    code, out, err = run(capsys, "export", "-o", str(target), "--lang", "en")
    assert code == 1 and str(target) in err and words in err
    assert "OSError" not in err and "Errno" not in err
