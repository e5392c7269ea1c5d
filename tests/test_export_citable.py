"""Exports a researcher can cite: licences, sources, README, CITATION.cff, Excel-friendly files, flags kept."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pandas as pd
import pytest
import yaml

from kompass_data.cli import main
from kompass_data.export import (
    CITATION, ExportFilter, export_zip, filter_scores, readme_text, strip_control, table_bytes,
)
from kompass_data.sources import is_local_path

from .conftest import DATASETS, ROOT, tree_digest
from .test_cli import HEADER


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_area_export_of_norsjo_carries_the_2017_set_flag(shipped):
    table = filter_scores(shipped, ExportFilter(kommuner=("Norsjö",), level="area"))
    rows_2017 = table[table["year"] == 2017]
    assert len(rows_2017) == 8 and set(rows_2017["level"].astype(str)) == {"area"}
    assert set(rows_2017["set_flags"]) == {"total_vs_areas;year_outside_period"}
    assert all("475" in d and "455" in d for d in rows_2017["set_flag_details"])
    assert set(table.loc[table["year"] != 2017, "set_flags"]) == {""}


def test_csv_sv_is_semicolon_decimal_comma_bom_and_formula_safe(capsys, data_dir, tmp_path):
    path = data_dir / "scores.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    # Synthetic rows (generated here, never shipped): a half point and a formula in the note.
    lines[1:1] = [
        "0114,Upplands Väsby,2012,2010,full,total,total,synthetic,426.5,800,synthetic test data,=1+1",
        "0114,Upplands Väsby,2012,2010,full,area,1,synthetic,53.5,100,synthetic test data,",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out" / "out.csv"
    code, _o, err = run(capsys, "export", "--version", "2010", "--format", "csv-sv", "-o", str(out),
                        "--data-dir", str(data_dir))
    assert code == 0, err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.split(";")[:12] == HEADER.split(",")
    mine = [r.split(";") for r in rows if r.startswith("0114;")]
    assert ["426,5", "800"] == mine[0][8:10] and mine[0][11] == "'=1+1"
    assert ["53,5", "100"] == mine[1][8:10]
    frame = pd.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig", dtype={"kommunkod": str})
    assert frame.loc[frame["kommunkod"] == "0114", "score"].tolist() == [426.5, 53.5]
    package = json.loads((out.parent / "datapackage.json").read_text(encoding="utf-8"))
    resource = package["resources"][0]
    assert resource["dialect"] == {"delimiter": ";"}
    assert {f["name"]: f.get("decimalChar") for f in resource["schema"]["fields"]}["score"] == ","


def test_xlsx_has_data_codebook_and_sources_sheets(capsys, tmp_path):
    out = tmp_path / "out.xlsx"
    code, _o, err = run(capsys, "export", "--version", "2010", "--format", "xlsx", "-o", str(out))
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["scores", "codebook", "sources"]
    data = book["scores"]
    assert data.freeze_panes == "A2" and data.auto_filter.ref == data.dimensions
    header = [c.value for c in data[1]]
    assert header[:12] == HEADER.split(",") and header[-2:] == ["set_flags", "set_flag_details"]
    score_col = header.index("score") + 1
    assert data.cell(row=2, column=score_col).number_format == "0"  # every 2010 score is whole
    assert isinstance(data.cell(row=2, column=score_col).value, (int, float))
    codebook = [[c.value for c in row] for row in book["codebook"].iter_rows()]
    assert codebook[0] == ["column", "type", "meaning"] and [r[0] for r in codebook[1:]] == header
    assert dict((r[0], r[1]) for r in codebook[1:])["score"] == "number"
    sources = [[c.value for c in row] for row in book["sources"].iter_rows()]
    assert sources[0] == ["kind", "source", "rows", "url"]
    shipped = pd.read_csv(DATASETS / "scores.csv", dtype=str, keep_default_na=False)
    v2010 = shipped[shipped["instrument_version"] == "2010"]["source"].value_counts()
    assert {r[1]: r[2] for r in sources if r[0] == "scores"} == v2010.to_dict()
    assert any(r[0] == "dataset" and "Källa: Kolada" in r[1] for r in sources)
    assert sum(v2010) == data.max_row - 1


def test_a_bell_in_a_note_does_not_break_excel(capsys, data_dir, tmp_path):
    path = data_dir / "scores.csv"
    text = path.read_text(encoding="utf-8").replace(
        "areas add to 460, the total says 480", "areas add\x07 to 460, \x1b[31mthe total\x1b[0m says 480")
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "bell.xlsx"
    code, _o, err = run(capsys, "export", "--kommun", "2417", "-o", str(out), "--data-dir", str(data_dir))
    assert code == 0, err
    notes = [c.value for c in openpyxl.load_workbook(out)["scores"]["L"] if c.value]
    assert "synthetic: areas add to 460, the total says 480" in notes
    assert strip_control("a\tb\nc\x00\x1fd\x7f") == "a\tb\ncd"


def test_a_format_that_contradicts_the_name_is_refused(capsys, tmp_path):
    code, _o, err = run(capsys, "export", "--version", "2016", "--format", "xlsx", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and ".xlsx" in err and "x.csv" in err and "Traceback" not in err
    assert tree_digest(tmp_path) == {}
    code, _o, err = run(capsys, "export", "--version", "2016", "--format", "parquet", "-o", str(tmp_path / "x.xlsx"),
                        "--lang", "en")
    assert code == 2 and "Rename the file to end in .parquet" in err
    code, _o, err = run(capsys, "export", "--version", "2016", "-o", str(tmp_path / "x.xlsx"))
    assert code == 0 and zipfile.is_zipfile(tmp_path / "x.xlsx")  # the name chose the format


def test_every_export_carries_licences_sources_and_a_readme(shipped):
    flt = ExportFilter(version="2016", kommuner=("2417",))
    table = filter_scores(shipped, flt)
    for fmt in ("csv", "csv-sv", "xlsx", "parquet"):
        with zipfile.ZipFile(io.BytesIO(export_zip(table, fmt, flt, "sources"))) as zf:
            name = "kommunkompassen." + {"csv-sv": "csv"}.get(fmt, fmt)
            assert set(zf.namelist()) == {name, "datapackage.json", "README.txt", "SOURCES.md"}
            package = json.loads(zf.read("datapackage.json"))
            readme = zf.read("README.txt").decode("utf-8")
        assert {lic["name"] for lic in package["licenses"]} == {"MIT", "CC-BY-4.0"}
        titles = [s["title"] for s in package["sources"]]
        assert any("Källa: Kolada" in t for t in titles)
        assert "Sveriges Kommuner och Landsting (SKL), Kommunkompassen: Analys av Norsjö kommun 2018, report dated 2019-02-08" in titles
        assert "Så citerar du" in readme and "How to cite" in readme
        assert "publicerade fakta" in readme and "published facts" in readme
        assert CITATION["title"] in readme and f"{len(table)} rader / rows" in readme


def test_no_shipped_source_is_a_local_path():
    for name, column in (("scores.csv", "source"), ("reference_profiles.csv", "source"),
                         ("evaluations_known.csv", "source_url")):
        frame = pd.read_csv(DATASETS / name, dtype=str, keep_default_na=False)
        bad = [s for s in frame[column] if s and is_local_path(s)]
        assert bad == [], name
    norsjo = pd.read_csv(DATASETS / "scores.csv", dtype=str, keep_default_na=False).query("kommunkod == '2417'")
    assert set(norsjo["source"]) == {
        "Sveriges Kommuner och Landsting (SKL), Kommunkompassen: Analys av Norsjö kommun 2018, report dated 2019-02-08"}


@pytest.mark.parametrize("source, local", [
    ("shared/seed/norsjo_2018_report.txt", True),
    ("seed: SKL report (dated 2019-02-08), shared/seed/norsjo_2018_report.txt", True),
    ("/home/anna/rapporter/norsjo.pdf", True),
    ("C:\\Users\\anna\\norsjo.pdf", True),
    ("file:///tmp/norsjo.pdf", True),
    ("norsjo.pdf", True),
    ("https://www.gotland.se/kommunkompassen", False),
    ("https://docplayer.se/amp/115973367-Kommunkompassen-analys-av-molndals-kommun-2016.html", False),
    ("SKL (2019). Kommunkompassen: Analys av Norsjö kommun 2018. Listed on https://skl.se/a/b.html", False),
    ("Kommunfullmäktige 2014/2015, protokoll 12", False),
])
def test_local_path_rule(source, local):
    assert is_local_path(source) is local


def test_validation_rejects_a_local_path_source(capsys, tmp_path):
    candidate = tmp_path / "cand.csv"
    candidate.write_text(HEADER + "\n2417,Norsjö,2021,2020,full,total,total,Totalt,500,800,"
                         "C:\\Users\\anna\\norsjo.pdf,\n", encoding="utf-8")
    code, _o, err = run(capsys, "validate", str(candidate))
    assert code == 1 and "cand.csv:2 [source]" in err and "lokal fil" in err


def test_citation_cff_is_cff_1_2_and_matches_the_export():
    import jsonschema

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    # The parts of the CFF 1.2.0 schema this file uses (the full schema was checked with cffconvert 2.0.0).
    person = {"type": "object", "anyOf": [{"required": ["name"]}, {"required": ["family-names"]}]}
    schema = {
        "type": "object",
        "required": ["cff-version", "message", "title", "authors"],
        "properties": {
            "cff-version": {"const": "1.2.0"},
            "message": {"type": "string", "minLength": 1},
            "title": {"type": "string", "minLength": 1},
            "type": {"enum": ["dataset", "software"]},
            "authors": {"type": "array", "minItems": 1, "items": person},
            "version": {"type": "string"},
            "date-released": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "license": {"type": "array", "items": {"enum": ["MIT", "CC-BY-4.0"]}},
            "references": {"type": "array", "items": {
                "type": "object", "required": ["type", "title", "authors"],
                "properties": {"authors": {"type": "array", "minItems": 1, "items": person}}}},
        },
        "additionalProperties": False,
    }
    schema["properties"].update({"abstract": {"type": "string"}, "keywords": {"type": "array"}})
    jsonschema.validate(cff, schema)
    assert cff["title"] == CITATION["title"] and cff["version"] == CITATION["version"]
    assert cff["authors"][0]["name"] == CITATION["authors"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## How to cite" in readme and "CITATION.cff" in readme


def test_readme_text_names_the_filters(shipped):
    flt = ExportFilter(version="2010")
    text = readme_text(filter_scores(shipped, flt), "csv-sv", flt)
    assert "version=2010" in text and "CSV (Excel, svenska)" in text
