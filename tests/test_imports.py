"""The one import pipeline: tables and reports staged the same way for `add`, `ingest` and the Egna data page."""

from __future__ import annotations

import os

import pandas as pd

from kompass_data import imports, load_dataset, messages
from kompass_data.cli import main

from .conftest import ROOT, tree_digest

HEADER = "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note"
SEED_REPORT = ROOT / "tests" / "ingest" / "fixtures" / "norsjo_2018_report.txt"
KRAMFORS = HEADER + "\n2282,Kramfors,2015,2010,full,total,total,Totalt,512,800,https://example.org/kramfors,\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_table_is_staged_as_typed_rows_with_its_score_sets(shipped):
    staged = imports.stage_text(KRAMFORS, shipped)
    assert staged.ok and staged.kind == imports.TABLE and staged.error is None
    assert staged.scores[["kommunkod", "year", "score"]].values.tolist() == [["2282", 2015, 512.0]]
    sets = staged.score_sets(shipped)
    assert sets[["score_set_id", "total", "n_areas", "replaces"]].values.tolist() == [["2282:2015:2010:full", 512.0, 0, False]]
    assert staged.findings.empty and "text" in staged.findings.columns  # the slot reports fill (issue 10)


def test_a_report_is_staged_through_the_same_validation_with_its_flags(shipped):
    staged = imports.stage_text(SEED_REPORT.read_text(encoding="utf-8"), shipped)
    assert staged.ok and staged.kind == imports.REPORT
    sets = staged.score_sets(shipped)
    assert sets[["score_set_id", "total", "n_subareas"]].values.tolist() == [
        ["2417:2015:2010:full", 401.0, 0], ["2417:2017:2010:self", 475.0, 0], ["2417:2018:2016:full", 509.0, 45]]
    assert sets["replaces"].tolist() == [True, True, True]  # Norsjö's published sets are shipped
    assert len(staged.flags) == 2 and staged.summary("sv").startswith("inklistrad-text.txt")
    assert str(staged.scores["year"].dtype) == "int16"  # typed once, by the validator


def test_a_report_row_that_breaks_a_rule_is_located_like_a_table_row(shipped, monkeypatch):
    from kompass_data import ingest

    real = ingest.ingest_text

    def with_bad_row(*args, **kwargs):
        result = real(*args, **kwargs)
        result.scores.loc[1, "score"] = 150.0  # above the area's maximum of 100
        return result

    monkeypatch.setattr(ingest, "ingest_text", with_bad_row)
    staged = imports.stage_text(SEED_REPORT.read_text(encoding="utf-8"), shipped)
    assert not staged.ok and staged.scores is None
    assert [(p.row, p.column, p.key) for p in staged.problems] == [(3, "score", "problem.score_range")]


def test_add_takes_a_report_too(capsys, data_dir, tmp_path):
    report = tmp_path / "kramfors.txt"
    report.write_text("Kommunkompassen – Analys av Kramfors kommun 2019\nUtvärderingen av Kramfors kommun "
                      "genomfördes 2019.\nTotalt fick Kramfors kommun 515 poäng.\n", encoding="utf-8")
    code, out, err = run(capsys, "add", str(report), "--data-dir", str(data_dir), "--lang", "en")
    assert code == 0, err
    assert "Added: Kramfors 2019 (2016, full)" in err
    scores = load_dataset(data_dir).scores
    row = scores[(scores["kommunkod"] == "2282") & (scores["year"] == 2019)]
    assert row[["level", "score", "source"]].values.tolist() == [["total", 515.0, "ingested from kramfors.txt"]]


def test_ingest_refuses_to_write_into_the_data_folder(capsys, data_dir):
    before = tree_digest(data_dir)
    code, out, err = run(capsys, "ingest", str(SEED_REPORT), "-o", str(data_dir / "scores.csv"),
                         "--data-dir", str(data_dir), "--lang", "en")
    assert code == 2
    assert err.strip() == messages.t("error.ingest_inside_data_dir", "en", path=str(data_dir / "scores.csv"))
    assert tree_digest(data_dir) == before


def test_ingest_refuses_a_fifo(capsys, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    code, out, err = run(capsys, "ingest", str(SEED_REPORT), "-o", str(fifo), "--lang", "en")
    assert code == 2 and "not a regular file" in err
    assert fifo.exists() and not fifo.is_file()


def test_ingest_writes_validated_rows_elsewhere(capsys, tmp_path):
    out_path = tmp_path / "found" / "norsjo.csv"
    code, out, err = run(capsys, "ingest", str(SEED_REPORT), "-o", str(out_path))
    assert code == 0, err
    frame = pd.read_csv(out_path, dtype=str)
    assert list(frame.columns) == HEADER.split(",") and len(frame) == 72
    assert frame.iloc[0].tolist()[:9] == ["2417", "Norsjö", "2015", "2010", "full", "total", "total", "Totalt", "401"]


def test_add_writes_nothing_when_the_parquet_folder_is_a_file(capsys, data_dir, tmp_path):
    import shutil

    shutil.rmtree(data_dir / "parquet")
    (data_dir / "parquet").write_text("not a folder")
    before = tree_digest(data_dir)
    table = tmp_path / "kramfors.csv"
    table.write_text(KRAMFORS, encoding="utf-8")
    code, out, err = run(capsys, "add", str(table), "--data-dir", str(data_dir), "--lang", "en")
    assert code == 1
    assert "Nothing was written: the data folder is unchanged." in err and "parquet" in err
    assert "Traceback" not in err and "FileExistsError" not in err
    assert tree_digest(data_dir) == before
    assert not list((data_dir / "backups").glob("*")) if (data_dir / "backups").exists() else True


def test_add_over_a_damaged_cache_rebuilds_it_first_and_lands(capsys, data_dir, tmp_path):
    cache = data_dir / "parquet" / "scores.parquet"
    cache.write_bytes(cache.read_bytes()[:100])  # truncated: the loader rebuilds it, under the folder's lock
    table = tmp_path / "kramfors.csv"
    table.write_text(KRAMFORS, encoding="utf-8")
    code, out, err = run(capsys, "add", str(table), "--data-dir", str(data_dir), "--lang", "en")
    assert code == 0, err
    assert "2282:2015:2010:full" in set(load_dataset(data_dir).score_sets["score_set_id"])
