"""findings.csv as data: typed loading, validation errors for people, folded search, the `findings` CLI."""

from __future__ import annotations

import json

import pandas as pd

from kompass_data import load_dataset
from kompass_data.cli import main
from kompass_data.findings import FindingFilter, dataset_findings_problems, search_findings
from kompass_data.schema import FINDING_COLUMNS


def test_findings_load_typed_with_the_score_set_key(shipped):
    f = shipped.findings
    assert list(f.columns) == list(FINDING_COLUMNS)
    assert str(f["instrument_version"].dtype) == "category" and f["year"].dtype == "int16"
    assert set(f["kind"]) == {"strength", "improvement", "high_scorer", "example"}
    assert (f["kommunkod"] + ":" + f["year"].astype(str)).unique().tolist() == ["2417:2018"]
    assert dataset_findings_problems(shipped) == []


def test_a_data_folder_without_findings_loads_with_none(data_dir):
    (data_dir / "findings.csv").unlink()
    ds = load_dataset(data_dir)
    assert ds.findings.empty and list(ds.findings.columns) == list(FINDING_COLUMNS)
    assert len(ds.scores) > 0


def _bad_rows(shipped) -> pd.DataFrame:
    raw = pd.read_csv(shipped.data_dir / "findings.csv", dtype=str, keep_default_na=False).head(4)
    raw.loc[0, "area_code"] = "9"  # no area 9 in version 2016
    raw.loc[1, "text"] = "  "
    raw.loc[2, "year"] = "2019"  # Norsjö has no 2019 score set
    raw.loc[3, "kind"] = "weakness"
    return raw


def test_validation_names_row_column_and_fix(shipped):
    problems = dataset_findings_problems(shipped, _bad_rows(shipped))
    where = [(p.row, p.column, p.key) for p in problems]
    assert (2, "area_code", "problem.finding_area") in where
    assert (3, "text", "problem.finding_text") in where
    assert (4, "kommunkod", "problem.finding_score_set") in where
    assert (5, "kind", "problem.finding_kind") in where
    msg = next(p for p in problems if p.key == "problem.finding_score_set").message("en")
    assert "2417 2019 version 2016 (full)" in msg and "Add the scores first" in msg


def test_validate_command_fails_on_a_bad_findings_file(data_dir, shipped, capsys):
    _bad_rows(shipped).to_csv(data_dir / "findings.csv", index=False)
    assert main(["validate", "--data-dir", str(data_dir), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "findings.csv:2 [area_code]: Area \"9\" does not exist in version 2016" in err
    assert "findings.csv:3 [text]: The text is empty" in err


def test_search_is_folded_and_knows_a_few_english_words(shipped):
    f = shipped.findings
    assert len(search_findings(f, FindingFilter(text="FÖRBÄTTRINGAR"))) == len(search_findings(f, FindingFilter(text="forbattringar")))
    whistle = search_findings(f, FindingFilter(text="whistleblower"))
    assert whistle[["area_code", "kind", "text"]].values.tolist() == [["1", "improvement", "En extern whistleblower-funktion"]]
    # "etik" is printed; "ethics" is its listed English partner.
    assert search_findings(f, FindingFilter(text="ethics"))["text"].tolist() == [
        "Utbildning for fortroendevalda, chefer och medarbetare kring etik."]
    # Every word must occur: the two together find less than either alone.
    both = search_findings(f, FindingFilter(text="webbplatsen resultat"))
    assert 0 < len(both) < len(search_findings(f, FindingFilter(text="webbplatsen")))
    named = search_findings(f, FindingFilter(kind="high_scorer", kommunkod="1283", area="1"))
    assert named["text"].tolist() == ["Helsingborg"]


def test_cli_findings_whistleblower_as_json(capsys):
    assert main(["findings", "--search", "whistleblower", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["count"] == 1
    row = payload["findings"][0]
    assert (row["municipality"], row["year"], row["area_code"], row["kind"]) == ("Norsjö", 2018, "1", "improvement")


def test_cli_findings_filters_as_csv(capsys):
    assert main(["findings", "--area", "5", "--kommun", "norsjo", "--kind", "improvement", "--format", "csv"]) == 0
    out = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out), dtype=str)
    assert out["text"].tolist()[-1] == "Utveckla jamforelser av effektivitetsmatt."
    assert len(out) == 4 and set(out["kind"]) == {"improvement"}
    assert main(["findings", "--search", "nothing-like-this", "--lang", "en"]) == 0
    assert "No findings match." in capsys.readouterr().err
