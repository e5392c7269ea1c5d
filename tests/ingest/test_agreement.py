"""Ingest agrees with the data layer: the same checks as `validate`, the data folder it is given,
the same year rule, and a flag wherever a version rests on the year alone.

Every text here is SYNTHETIC TEST INPUT: municipality names are real, the numbers are made up.
"""

import datetime as dt
import json
import shutil

import pytest

from kompass_data import UsageError
from kompass_data.checks import AREA_ROUNDING
from kompass_data.ingest import IngestError, ingest_file, ingest_text
from kompass_data.ingest.build import CROSS_CHECKS
from kompass_data.ingest.catalog import load_catalog
from tests.ingest import reportgen as G
from tests.ingest.test_seed import SEED

N16, N20 = G.AREA_NAMES["2016"], G.AREA_NAMES["2020"]
AREAS_509 = [61, 60, 73, 53, 70, 56, 65, 71]
HEAD = "SYNTHETIC TEST INPUT\nAnalys av Kumla kommun 2018\nUtvärderingen av Kumla kommun genomfördes 2018.\n"


def _report(total, statement="", names=N16, areas=AREAS_509):
    rows = "\n".join(f"{i}. {n} {v}" for i, (n, v) in enumerate(zip(names, areas), 1))
    return f"{HEAD}{statement}\n{rows}\nTotalt {total}\n"


def _keys(result):
    return [f["key"] for f in result.flags]


def test_total_within_rounding_of_its_areas_is_not_flagged():
    assert sum(AREAS_509) == 509 and AREA_ROUNDING * 8 == 4
    r = ingest_text(_report(511), source_name="k.txt")
    assert "flag.total_vs_areas" not in _keys(r)
    assert r.scores.loc[r.scores.level == "total", ["score", "note"]].values.tolist() == [[511.0, ""]]


def test_total_beyond_rounding_is_flagged_and_noted():
    r = ingest_text(_report(520), source_name="k.txt")
    flag = [f for f in r.flags if f["key"] == "flag.total_vs_areas"]
    assert [(f["year"], f["level"], f["code"], f["params"]) for f in flag] == [
        (2018, "total", "total", {"total": 520.0, "sum": 509.0, "diff": 11.0})]
    note = r.scores.loc[r.scores.level == "total", "note"].tolist()
    assert note == ["areas sum to 509, the report prints 520"]


SUBS_OFF = """Offentlighet och demokrati
Delområde Uppnått Max Procent
1.1 Plan för demokratiutveckling 13 15 85%
1.2 Information om aktuella frågor 14 20 71%
1.3 Information om resultat 12 25 48%
1.4 Invånardialog 30 30 100%
1.5 Etik 7 10 65%
Summa 69 100 69%
"""


def test_subareas_beyond_rounding_of_their_area_are_flagged_with_the_checks_tolerance():
    text = "SYNTHETIC TEST INPUT\nAnalys av Hörby kommun 2017\nUtvärderingen av Hörby kommun genomfördes 2017.\n\n" + SUBS_OFF
    r = ingest_text(text, source_name="h.txt")
    flag = [f for f in r.flags if f["key"] == "flag.subareas_vs_area"]
    assert [(f["level"], f["code"], f["params"]) for f in flag] == [
        ("area", "1", {"code": "1", "sum": 76.0, "area": 69.0, "tol": AREA_ROUNDING * 5})]


def test_seed_cross_checks_are_the_flags_validate_shows_for_the_shipped_rows(shipped):
    seed = ingest_file(SEED)
    mine = sorted((f["year"], f["key"], tuple(sorted(f["params"].items())))
                  for f in seed.flags if not f["key"].startswith("ingest."))
    flags = shipped.flags[(shipped.flags.kommunkod == "2417") & shipped.flags.check.isin(CROSS_CHECKS)]
    theirs = sorted((int(f.year), f.key, tuple(sorted(json.loads(f.params).items()))) for f in flags.itertuples())
    assert mine == theirs and mine


# --------------------------------------------------------------------------- the data folder


def test_data_dir_gives_the_catalogue_of_that_folder(data_dir):
    names = ["Demokratiskt öppen kommun", *N16[1:]]
    text = HEAD + "\n".join(f"{n}: {v} poäng" for n, v in zip(names, AREAS_509)) + "\n"
    assert "1" not in set(ingest_text(text, source_name="k.txt").scores.code)
    with (data_dir / "area_aliases.csv").open("a", encoding="utf-8") as fh:
        fh.write("2016,area,1,Demokratiskt öppen kommun,a test alias\n")
    r = ingest_text(text, source_name="k.txt", data_dir=data_dir)
    assert r.scores.loc[r.scores.code == "1", "score"].tolist() == [61.0]
    assert load_catalog(data_dir) is load_catalog(data_dir)  # read once per folder
    assert load_catalog(data_dir) is not load_catalog()


def test_data_dir_municipalities_come_from_that_folder(data_dir):
    path = data_dir / "municipalities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",Kumla,", ",Kumlaby,"), encoding="utf-8")
    r = ingest_text(_report(509).replace("Kumla", "Kumlaby"), source_name="k.txt", data_dir=data_dir)
    assert set(r.scores.municipality) == {"Kumlaby"} and set(r.scores.kommunkod) == {"1881"}


def test_a_missing_data_dir_is_the_stores_usage_error(tmp_path):
    for folder in (tmp_path / "nowhere", tmp_path):
        with pytest.raises(UsageError) as err:
            ingest_text(_report(509), source_name="k.txt", data_dir=folder)
        assert err.value.exit_code == 2 and err.value.key == "error.data_dir"
    with pytest.raises(UsageError):
        ingest_file(SEED, data_dir=tmp_path / "nowhere")


def test_a_data_dir_that_loses_a_table_is_refused_again(data_dir):
    ingest_text(_report(509), source_name="k.txt", data_dir=data_dir)
    shutil.move(data_dir / "instrument_items.csv", data_dir / "moved.csv")
    with pytest.raises(UsageError):
        ingest_text(_report(509), source_name="k.txt", data_dir=data_dir)


# --------------------------------------------------------------------------- years and versions


def test_years_up_to_next_year_as_in_validate():
    nxt = dt.date.today().year + 1
    assert set(ingest_text(_report(509), source_name="k.txt", year=nxt).scores.year) == {nxt}
    with pytest.raises(IngestError) as err:
        ingest_text(_report(509), source_name="k.txt", year=nxt + 1)
    assert err.value.key == "ingest.error.bad_year"


def _version_flags(result):
    return [f for f in result.flags if f["key"] == "ingest.flag.version_from_year"]


def test_a_version_taken_from_the_year_alone_is_flagged_on_the_total():
    r = ingest_text(_report(509), source_name="k.txt")
    flag = _version_flags(r)
    assert [(f["year"], f["instrument_version"], f["level"], f["code"], f["params"]) for f in flag] == [
        (2018, "2016", "total", "total", {"version": "2016", "year": 2018})]
    assert "härledd från året 2018" in r.summary("sv") and "derived from the year 2018" in r.summary("en")


@pytest.mark.parametrize("kw,text", [
    ({}, _report(509, statement="Utvärderingen genomfördes enligt 2016 års version av Kommunkompassen.")),
    ({"version": "2016"}, _report(509)),
    ({}, _report(sum(AREAS_509), names=N20).replace("2018", "2021")),
], ids=["stated", "override", "2020-names"])
def test_a_version_the_text_or_the_caller_states_is_not_flagged(kw, text):
    r = ingest_text(text, source_name="k.txt", **kw)
    assert len(r.scores) == 9
    assert _version_flags(r) == []


def test_the_seed_versions_are_stated_by_its_revision_statement():
    assert _version_flags(ingest_file(SEED)) == []


def test_only_the_year_less_sets_are_flagged():
    # The summary table's older column has no statement: it alone rests on the year rule.
    rows = "\n".join(f"{i}. {n} {a} {b}" for i, (n, a, b) in enumerate(zip(N16, AREAS_509, AREAS_509), 1))
    text = (HEAD + "Utvärderingen genomfördes enligt 2016 års version av Kommunkompassen.\n\n"
            f"Poäng 2015 2018\n{rows}\n")
    r = ingest_text(text, source_name="k.txt")
    assert sorted(set(zip(r.scores.year, r.scores.instrument_version))) == [(2015, "2010"), (2018, "2016")]
    assert [(f["year"], f["params"]["version"]) for f in _version_flags(r)] == [(2015, "2010")]


def test_the_shipped_folder_is_the_default(shipped):
    assert load_catalog() is load_catalog(shipped.data_dir)
