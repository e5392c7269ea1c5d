"""`python -m kompass_data`: the commands, their exit codes and their output, as a researcher runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from kompass_data import load_dataset
from kompass_data.cli import main

from .conftest import ROOT, tree_digest

HEADER = "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(capsys, fixture_dir):
    """Run a command on the synthetic folder unless the test names its own --data-dir."""

    def call(*argv):
        if "--data-dir" not in argv:
            argv = (*argv, "--data-dir", str(fixture_dir))
        return run(capsys, *argv)

    return call


def test_every_command_has_help():
    for command in ("info", "validate", "peers", "compare", "trend", "add", "export", "build", "ingest", "outcomes"):
        done = subprocess.run([sys.executable, "-m", "kompass_data", command, "--help"], cwd=ROOT,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "--data-dir" in done.stdout


def test_wrong_usage_exits_2():
    done = subprocess.run([sys.executable, "-m", "kompass_data", "peers", "--lang", "en"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "KOMMUN:YEAR" in done.stderr


def test_info_lists_all_versions(cli):
    code, out, err = cli("info", "--format", "json")
    assert code == 0
    info = json.loads(out)
    assert [v["version"] for v in info["versions"]] == ["pre-2010", "2010", "2016", "2020"]
    v2016 = next(v for v in info["versions"] if v["version"] == "2016")
    assert v2016["rows_subarea"] == 10 and v2016["score_sets"] == 8
    assert info["municipalities_total"] == 290


def test_validate_prints_the_flag(cli):
    code, out, err = cli("validate")
    assert code == 0
    assert "Norsjö 2017" in err and "480" in err and "460" in err


def test_validate_shipped_passes_and_prints_the_norsjo_2017_flag(capsys):
    code, out, err = run(capsys, "validate")  # the shipped datasets/: a fact of the published record
    assert code == 0
    assert "Norsjö 2017" in err and "475" in err and "455" in err


def test_compare_across_versions_exits_2(cli):
    code, out, err = cli("compare", "Norsjö:2015", "Norsjö:2018")
    assert code == 2
    assert "2010" in err and "2016" in err and out == ""


def test_compare_within_version(cli):
    code, out, err = cli("compare", "Norsjo:2018", "1481:2016", "--format", "json")
    assert code == 0
    items = {i["code"]: i["scores"] for i in json.loads(out)["items"]}
    assert items["1"] == {"Norsjö 2018": 70.0, "Mölndal 2016": 50.0}


def test_peers_json(cli):
    code, out, err = cli("peers", "Norsjö:2018", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == "2016" and len(data["areas"]) == 8
    area1 = data["areas"][0]  # Enköping 2018 80, Mölndal 2016 50, Strängnäs 2016 65
    assert area1["code"] == "1" and area1["peer_n"] == 3 and area1["peer_mean"] == 65.0
    assert area1["score"] == 70 and area1["peer_median"] == 65.0
    assert {"code", "label", "score", "peer_n", "peer_mean", "peer_median", "percentile"} <= set(area1)
    assert data["total"]["score"] == 520 and data["total"]["peer_n"] == 4  # 560, 480, 600, 640
    assert {r["score"] for r in data["references"] if r["code"] == "total"} == {470.0}


def test_peers_csv_and_filters(cli):
    code, out, err = cli("peers", "2417:2018", "--kommungrupp", "b5", "--format", "csv")
    assert code == 0
    table = pd.read_csv(io.StringIO(out), dtype={"code": str})
    assert table.set_index("code").loc["1", "peer_n"] == 1  # Enköping 2018 is the only B5 peer with area 1


def test_trend_json(cli):
    code, out, err = cli("trend", "Norsjö", "--format", "json")
    assert code == 0
    segments = json.loads(out)["segments"]
    assert [(s["version"], [p["year"] for p in s["points"]]) for s in segments] == [("2010", [2015, 2017]), ("2016", [2018])]
    assert segments[0]["points"][1]["total_change"] is None  # self-assessment with a flagged total: no change
    assert segments[1]["points"][0]["total_change"] is None


def test_unknown_municipality_exits_2(cli):
    code, out, err = cli("trend", "Atlantis")
    assert code == 2 and "Atlantis" in err


def _write(path, lines, encoding="utf-8", sep=","):
    text = "\n".join([HEADER.replace(",", sep), *lines]) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def test_add_with_one_bad_row_changes_nothing(capsys, data_dir, tmp_path):
    before = tree_digest(data_dir)
    bad = _write(tmp_path / "bad.csv", [
        "1880,Örebro,2019,2016,full,total,total,Totalt,600,800,test,",
        "1880,Örebro,2019,2016,full,area,9,Område nio,60,100,test,",
    ])
    code, out, err = run(capsys, "add", str(bad), "--data-dir", str(data_dir))
    assert code == 1
    assert "bad.csv:3" in err and "[code]" in err and "9" in err
    assert tree_digest(data_dir) == before


def test_add_semicolon_decimal_comma_cp1252_then_refuse_duplicate(capsys, data_dir, tmp_path):
    good = _write(tmp_path / "orebro.csv", [
        "1880;Örebro;2019;2016;full;total;total;Totalt;612,5;800;test source;",
        "1880;Örebro;2019;2016;full;area;1;Offentlighet och demokrati;71;100;test source;",
    ], encoding="cp1252", sep=";")
    before_rows = len(load_dataset(data_dir).scores)
    code, out, err = run(capsys, "add", str(good), "--data-dir", str(data_dir))
    assert code == 0, err
    code, out, err = run(capsys, "trend", "Örebro", "--format", "json", "--data-dir", str(data_dir))
    seg2016 = next(s for s in json.loads(out)["segments"] if s["version"] == "2016")
    assert seg2016["points"][0]["year"] == 2019 and seg2016["points"][0]["total"] == 612.5
    # The previous file is kept as a backup; the new CSV round-trips.
    assert len(list((data_dir / "backups").glob("scores.*.csv"))) == 1
    before = tree_digest(data_dir)
    code, out, err = run(capsys, "add", str(good), "--data-dir", str(data_dir))
    assert code == 1 and "--replace" in err and "Örebro 2019" in err
    assert tree_digest(data_dir) == before
    code, out, err = run(capsys, "add", str(good), "--replace", "--data-dir", str(data_dir))
    assert code == 0 and "Ersatt" in err
    assert len(load_dataset(data_dir).scores) == before_rows + 2


def test_add_utf8_bom(capsys, data_dir, tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "\n0115,Vallentuna,2018,2016,full,total,total,Totalt,580,800,src,\n").encode())
    code, out, err = run(capsys, "add", str(path), "--data-dir", str(data_dir))
    assert code == 0, err


def test_validate_candidate_file(cli, tmp_path):
    bad = _write(tmp_path / "cand.csv", [
        "2417,Norsjö,2019,2016,full,area,1,Offentlighet och demokrati,120,100,src,",
        "24170,Norsjö,2019,2016,full,area,2,Tillgänglighet,50,100,src,",
        "2417,Norsjö,2019,2021,full,area,3,X,50,100,src,",
    ])
    code, out, err = cli("validate", str(bad))
    assert code == 1
    assert "cand.csv:2 [score]" in err and "cand.csv:3 [kommunkod]" in err and "cand.csv:4 [instrument_version]" in err
    good = _write(tmp_path / "ok.csv", [
        "2417,Norsjö,2019,2016,full,total,total,Totalt,600,800,src,",
        *[f"2417,Norsjö,2019,2016,full,area,{i},,{50 + i},100,src," for i in range(1, 9)],
    ])
    code, out, err = cli("validate", str(good))
    assert code == 0 and "FLAG" in err and "436" in err  # 600 published vs 436 summed


def test_export_neutralises_formulas_and_writes_codebook(capsys, data_dir, tmp_path):
    path = data_dir / "scores.csv"
    text = path.read_text(encoding="utf-8").replace(
        "2417,Norsjö,2018,2016,full,area,3,Politisk styrning och kontroll",
        '2417,Norsjö,2018,2016,full,area,3,"=HYPERLINK(""http://x"",""klick"")"',
    ).replace("2417,Norsjö,2018,2016,full,area,4,\"Ledarskap, ansvar och delegation\"",
              "2417,Norsjö,2018,2016,full,area,4,  @SUM(A1)")
    path.write_text(text, encoding="utf-8")
    out_file = tmp_path / "export" / "norsjo.csv"
    out_file.parent.mkdir()
    code, out, err = run(capsys, "export", "--kommun", "Norsjö", "-o", str(out_file), "--data-dir", str(data_dir))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))
    cells = [c for r in rows for c in r]
    assert not any(c.lstrip().startswith(("=", "+", "-", "@")) for c in cells)
    assert "'=HYPERLINK(\"http://x\",\"klick\")" in cells
    frame = pd.read_csv(out_file, encoding="utf-8-sig", dtype={"kommunkod": str})
    assert pd.api.types.is_numeric_dtype(frame["score"]) and len(frame) == 37  # Norsjö 2015, 2017, 2018: 9 + 9 + 19
    assert set(frame["kommunkod"]) == {"2417"}
    package = json.loads((out_file.parent / "datapackage.json").read_text())
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["score"]["type"] == "number" and "flags" in fields
    assert package["resources"][0]["rows"] == 37
    flagged = frame[frame["flags"].fillna("").str.contains("total_vs_areas")]
    assert flagged[["year", "code"]].values.tolist() == [[2017, "total"]]


@pytest.mark.parametrize("fmt", ["xlsx", "parquet"])
def test_export_other_formats(cli, tmp_path, fmt):
    out_file = tmp_path / f"v2016.{fmt}"
    code, out, err = cli("export", "--version", "2016", "--level", "area", "-o", str(out_file))
    assert code == 0, err
    frame = pd.read_excel(out_file) if fmt == "xlsx" else pd.read_parquet(out_file)
    assert len(frame) == 23  # Norsjö 2018 8, Enköping 2016 4 and 2018 8, Mölndal 2, Strängnäs 1 and set(frame["instrument_version"].astype(str)) == {"2016"}
    assert pd.api.types.is_numeric_dtype(frame["score"])


def test_export_never_writes_into_the_data_folder(capsys, data_dir):
    before = tree_digest(data_dir)
    code, out, err = run(capsys, "export", "--version", "2020", "-o", str(data_dir / "scores.csv"), "--data-dir", str(data_dir))
    assert code == 2 and "datakatalogen" in err
    assert tree_digest(data_dir) == before


def test_export_refuses_a_folder_and_a_foreign_codebook(cli, tmp_path):
    code, out, err = cli("export", "-o", str(tmp_path))
    assert code == 2 and "vanlig fil" in err
    (tmp_path / "datapackage.json").write_text('{"name": "someone-elses-package"}')
    code, out, err = cli("export", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and (tmp_path / "datapackage.json").read_text() == '{"name": "someone-elses-package"}'
    code, out, err = cli("export", "-o", str(tmp_path / "new" / "x.csv"))
    assert code == 0 and (tmp_path / "new" / "datapackage.json").is_file()
    assert "\n0381,Enköping,2016,2016,full,area,1,Offentlighet och demokrati,50,100," in (tmp_path / "new" / "x.csv").read_text(encoding="utf-8-sig")


def test_a_broken_number_in_the_data_folder_is_located(capsys, data_dir):
    path = data_dir / "scores.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[4].startswith("2417,Norsjö,2018,2016,full,area,3,Politisk styrning och kontroll,70,100,")
    lines[4] = lines[4].replace(",70,100,", ",70x,100,")
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "validate", "--data-dir", str(data_dir))
    assert code == 1 and "scores.csv:5 [score]" in err and "70x" in err


def test_a_repeated_heading_is_located(capsys, tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("kommunkod,year,score,score\n2417,2019,1,2\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and "dup.csv:1 [score]" in err and "kolumn 3 och 4" in err


def test_unknown_language_falls_back_to_swedish(cli, monkeypatch):
    monkeypatch.setenv("KOMPASS_LANG", "de")
    code, out, err = cli("peers", "Norsjö:2018", "--format", "json")
    assert code == 0 and json.loads(out)["version"] == "2016"


def test_missing_data_folder_is_wrong_usage(capsys, tmp_path):
    code, out, err = run(capsys, "info", "--data-dir", str(tmp_path / "nowhere"))
    assert code == 2 and "scores.csv" in err
