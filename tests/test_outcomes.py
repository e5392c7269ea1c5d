"""Kolada outcomes beside scores: one point per SKR evaluation of one version, Spearman with n, nearest year marked."""

from __future__ import annotations

import dataclasses
import json
import shutil

import pandas as pd
import pytest

from kompass_data import load_dataset
from kompass_data.cli import main
from kompass_data.errors import UsageError
from kompass_data.figures import outcome_scatter
from kompass_data.outcomes import (
    MIN_N_SPEARMAN, kpi_table, outcome_panels, outcome_points, plotted_table, spearman,
)
from kompass_data.peers import population
from kompass_data.store import optional_table
from kompass_data.schema import SCORE_COLUMNS, apply_types

from .conftest import DATASETS

KPI = "N00090"


def synthetic_sets(rows: list[tuple]) -> pd.DataFrame:
    """Synthetic score rows (kommunkod, year, version, kind, code, score), labelled synthetic: tests only."""
    out = []
    for kod, year, version, kind, code, score in rows:
        out.append({
            "kommunkod": kod, "municipality": "", "year": str(year), "instrument_version": version,
            "evaluation_kind": kind, "level": "total" if code == "total" else "area", "code": code,
            "label_published": "synthetic", "score": str(score), "max_score": "800" if code == "total" else "100",
            "source": "synthetic test data", "note": "",
        })
    return apply_types(pd.DataFrame(out, columns=list(SCORE_COLUMNS)), SCORE_COLUMNS)


def synthetic_values(rows: list[tuple]) -> pd.DataFrame:
    """Synthetic Kolada values (kommunkod, year, value) of KPI, tests only."""
    frame = pd.DataFrame(rows, columns=["kommunkod", "year", "value"]).assign(kpi=KPI)
    return frame.astype({"kommunkod": "string", "year": "int16", "kpi": "string", "value": "float64"})[
        ["kommunkod", "year", "kpi", "value"]]


@pytest.fixture(scope="module")
def base(shipped):
    return shipped


def dataset_with(base, scores: pd.DataFrame, values: pd.DataFrame):
    names = base.municipality_names
    scores = scores.assign(municipality=scores["kommunkod"].map(names).astype("string"))
    return dataclasses.replace(base, scores=scores, kolada_values=values, flags=None, score_sets=None)


CODES = ["0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136"]


def test_one_point_per_evaluation_of_the_version_and_nearest_year_marked(base):
    scores = synthetic_sets(
        [(k, 2012, "2010", "full", "6", 40 + i) for i, k in enumerate(CODES[:4])]
        + [("0114", 2014, "2010", "full", "6", 60)]  # evaluated twice: two points
        + [("0115", 2013, "2010", "self", "6", 99)]  # a self-assessment is never a point
        + [("0117", 2017, "2016", "full", "6", 10)]  # another version is never a point
        + [("0125", 2012, "2010", "full", "total", 500)]  # no area 6: not a point for area 6
    )
    values = synthetic_values([
        ("0114", 2012, 5.0), ("0115", 2012, 6.0),
        ("0117", 2011, 7.0), ("0117", 2013, 9.0),  # 2012 missing: the year before is used
        ("0120", 2010, 8.0),  # two years away: no point, listed as without a value
        ("0114", 2015, 4.0),  # 2014 missing: the year after
        ("0117", 2017, 1.0),
    ])
    result = outcome_points(dataset_with(base, scores, values), "2010", "6", KPI)
    got = result.points[["kommunkod", "year", "score", "kpi_value", "kpi_year", "nearest"]].values.tolist()
    assert got == [
        ["0114", 2012, 40.0, 5.0, 2012, False],
        ["0115", 2012, 41.0, 6.0, 2012, False],
        ["0117", 2012, 42.0, 7.0, 2011, True],
        ["0114", 2014, 60.0, 4.0, 2015, True],
    ]
    assert result.without_kpi[["kommunkod", "year"]].values.tolist() == [["0120", 2012]]
    assert result.n == 4 and result.spearman is None  # below 8: points, no coefficient


def _ranks(values: list[float]) -> list[float]:
    """Average ranks, written out by hand (the test's own recomputation)."""
    order = sorted(values)
    return [sum(i + 1 for i, v in enumerate(order) if v == x) / order.count(x) for x in values]


def _pearson(a: list[float], b: list[float]) -> float:
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    return cov / (sum((x - ma) ** 2 for x in a) ** 0.5 * sum((y - mb) ** 2 for y in b) ** 0.5)


def test_spearman_from_n_eight_with_ties(base):
    scores_ = [50, 55, 55, 60, 62, 70, 71, 80, 90]
    kpi = [7.0, 6.5, 6.9, 6.0, 6.0, 5.5, 5.9, 5.0, 5.2]
    scores = synthetic_sets([(k, 2013, "2010", "full", "6", s) for k, s in zip(CODES, scores_)])
    values = synthetic_values([(k, 2013, v) for k, v in zip(CODES, kpi)])
    ds = dataset_with(base, scores, values)
    result = outcome_points(ds, "2010", "6", KPI)
    expected = _pearson(_ranks([float(s) for s in scores_]), _ranks(kpi))
    assert result.n == 9 and result.spearman == pytest.approx(expected) and result.spearman < -0.8
    assert spearman(pd.Series(scores_[:MIN_N_SPEARMAN]), pd.Series(kpi[:MIN_N_SPEARMAN])) is not None
    assert spearman(pd.Series(scores_[:7]), pd.Series(kpi[:7])) is None
    flat = synthetic_values([(k, 2013, 5.0) for k in CODES])
    assert outcome_points(dataset_with(base, scores, flat), "2010", "6", KPI).spearman is None  # no spread


def test_versions_are_panels_never_pooled(base):
    scores = synthetic_sets([(k, 2013, "2010", "full", "6", 40 + i) for i, k in enumerate(CODES[:3])]
                            + [(k, 2018, "2016", "full", "6", 50 + i) for i, k in enumerate(CODES[3:5])])
    values = synthetic_values([(k, y, 5.0 + i) for i, k in enumerate(CODES[:5]) for y in (2013, 2018)])
    ds = dataset_with(base, scores, values)
    panels = outcome_panels(ds, ["2010", "2016"], "6", KPI)
    assert [(p.version, p.n) for p in panels] == [("2010", 3), ("2016", 2)]
    table = plotted_table(panels)
    assert table.groupby("instrument_version").size().to_dict() == {"2010": 3, "2016": 2}
    fig = outcome_scatter(panels, {"2010": {"6": "Kommunen som arbetsgivare"}, "2016": {"6": "Arbetsgivare"}}, KPI, "sv")
    fig = fig.to_dict()
    axes = {(tr["xaxis"], tr["yaxis"]) for tr in fig["data"]}
    assert axes == {("x", "y"), ("x2", "y2")}  # one panel each
    by_axis = {tr["xaxis"]: sorted(tr["x"]) for tr in fig["data"]}
    assert by_axis == {"x": [40, 41, 42], "x2": [50, 51]}
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert titles[0] == "Version 2010 · 6. Kommunen som arbetsgivare<br>n = 3 · ingen korrelation under n = 8"
    assert titles[1].startswith("Version 2016 · 6. Arbetsgivare<br>n = 2")
    assert "Norsjö" not in str(fig)  # hover names only these municipalities
    assert any("Upplands Väsby</b> 2013" in h for tr in fig["data"] for h in tr["hovertext"])


def test_unknown_inputs_are_usage_errors(shipped):
    with pytest.raises(UsageError) as exc:
        outcome_points(shipped, "2010", "6", "X999")
    assert "N00090" in exc.value.message("sv")
    with pytest.raises(UsageError):
        outcome_points(shipped, "2010", "9", KPI)
    with pytest.raises(UsageError):
        outcome_points(shipped, "2012", "6", KPI)


def test_population_nearest_year(shipped):
    assert population(shipped, "2417", 2022) == (3947.0, 2022)  # SOURCES.md: Norsjö 2022 3,947
    value, year = population(shipped, "2417", 2030)
    assert year == 2022 and value == 3947.0
    values = synthetic_values([("0114", 2010, 100.0), ("0114", 2012, 120.0)]).assign(kpi="N01951")
    ds = dataclasses.replace(shipped, kolada_values=values)
    assert population(ds, "0114", 2011) == (100.0, 2010)  # a tie goes to the earlier year
    assert population(ds, "0115", 2011) == (None, None)


def test_shipped_kolada_tables(shipped):
    kpis = kpi_table(shipped)
    assert len(kpis) == 14 and "N01951" in set(kpis["kpi"])
    assert kpis.set_index("kpi").loc["N00090", "proposed_area"] == "6"
    assert kpis.set_index("kpi").loc["N00097", "caveat_sv"].startswith("Metodbrott 2015 och 2019")
    assert len(optional_table(shipped, "kolada_values")) == 64685
    assert "Källa: Kolada" in (DATASETS / "SOURCES.md").read_text(encoding="utf-8")


def test_a_folder_without_kolada_still_loads(data_dir):
    # The synthetic folder may or may not carry Kolada's tables: make sure it does not.
    (data_dir / "kolada_kpis.csv").unlink(missing_ok=True)
    (data_dir / "kolada_values.csv").unlink(missing_ok=True)
    ds = load_dataset(data_dir)
    values = optional_table(ds, "kolada_values")
    assert kpi_table(ds).empty and list(values.columns) == ["kommunkod", "year", "kpi", "value"]
    assert len(ds.score_sets) > 0


def _recompute_done_when() -> tuple[list[list], float | None]:
    """The issue's check, from the CSVs alone: full 2010 sets with area 6, N00090 in the year or ±1."""
    scores = pd.read_csv(DATASETS / "scores.csv", dtype=str, keep_default_na=False)
    values = pd.read_csv(DATASETS / "kolada_values.csv", dtype={"kommunkod": str})
    values = values[values["kpi"] == KPI].set_index(["kommunkod", "year"])["value"]
    rows = scores[(scores["instrument_version"] == "2010") & (scores["evaluation_kind"] == "full")
                  & (scores["level"] == "area") & (scores["code"] == "6")]
    points = []
    for kod, year, score in rows[["kommunkod", "year", "score"]].itertuples(index=False):
        for y in (int(year), int(year) - 1, int(year) + 1):
            if (kod, y) in values.index:
                points.append([kod, int(year), float(score), float(values[(kod, y)]), y])
                break
    points.sort(key=lambda p: (p[1], p[0]))
    rho = None
    if len(points) >= MIN_N_SPEARMAN:
        rho = round(_pearson(_ranks([p[2] for p in points]), _ranks([p[3] for p in points])), 4)
    return points, rho


def test_cli_outcomes_done_when(capsys):
    code = main(["outcomes", "--version", "2010", "--area", "6", "--kpi", KPI, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    payload = json.loads(out)
    assert list(payload) == ["version", "item", "kpi", "points", "n", "spearman"]
    assert (payload["version"], payload["item"], payload["kpi"]) == ("2010", "6", KPI)
    points, rho = _recompute_done_when()
    got = [[p["kommunkod"], p["year"], p["score"], p["kpi_value"], p["kpi_year"]] for p in payload["points"]]
    assert got == points and payload["n"] == len(points) and payload["spearman"] == rho
    assert all(set(p) == {"kommunkod", "municipality", "year", "score", "kpi_value", "kpi_year"} for p in payload["points"])
    assert "Källa: Kolada" in err


def test_cli_outcomes_csv_and_errors(capsys):
    code = main(["outcomes", "--version", "2016", "--area", "total", "--kpi", "n05401", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0
    frame = pd.read_csv(pd.io.common.StringIO(out), dtype={"kommunkod": str})
    assert list(frame.columns) == ["kommunkod", "municipality", "year", "score", "kpi_value", "kpi_year"]
    assert (frame["year"] - frame["kpi_year"]).abs().max() <= 1
    code = main(["outcomes", "--version", "2016", "--area", "9", "--kpi", KPI])
    out, err = capsys.readouterr()
    assert code == 2 and "Okänt område" in err and "Traceback" not in err
    code = main(["outcomes", "--version", "2016", "--area", "1", "--kpi", "X1", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 2 and "Unknown indicator" in err


def test_outcomes_without_kolada_files_explains(data_dir, capsys):
    for name in ("kolada_kpis.csv", "kolada_values.csv"):
        (data_dir / name).unlink(missing_ok=True)
    shutil.rmtree(data_dir / "parquet", ignore_errors=True)
    code = main(["outcomes", "--version", "2010", "--area", "6", "--kpi", KPI, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 2 and "N00090" in err
