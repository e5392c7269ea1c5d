"""A complete small data folder for tests: real reference tables, SYNTHETIC score sets, built in code.

Unit, CLI and page tests read this folder instead of the shipped `datasets/`, so a new published
score set in `datasets/` cannot change what they assert. Every score here is made up, labelled
synthetic in `source`, and never written to `datasets/`.

What it covers (expected values in the tests are worked out by hand from the numbers below):
- two versions with areas (2010 and 2016) and a third with a few totals (2020);
- a revision: Norsjö has score sets on both sides (2015 and 2017 on 2010, 2018 on 2016);
- a self-assessment: Norsjö 2017 (2010 version, `self`), outside the 2010 period;
- a flagged set: Norsjö 2017's total 480 against areas adding to 460 (4 x 56 + 4 x 59);
- a thin peer group: Norsjö 2018's area peers are n = 3 (area 1), 2 (area 2), 1 (areas 3-8);
- sub-areas: every sub-area of areas 1 and 7 for Norsjö 2018;
- reference profiles: a 2010-version mean (2014) and a 2016-version total (2017).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from kompass_data import build_parquet
from kompass_data.schema import TABLES
from kompass_data.store import DEFAULT_DATA_DIR

SOURCE = "synthetic: tests/fixtures.py (made-up test numbers, not a published figure)"
SCORE_TABLES = ("scores.csv", "reference_profiles.csv", "evaluations_known.csv")

# (kommunkod, name, year, version, kind, total or None, {area: score}, {sub-area: score},
#  note: one text for every row of the set, or {code: text} for some rows)
SCORE_SETS = [
    # 2016 version
    ("2417", "Norsjö", 2018, "2016", "full", 520, dict(zip("12345678", [70, 60, 70, 60, 70, 60, 70, 60])),
     {"1.1": 12, "1.2": 14, "1.3": 18, "1.4": 19, "1.5": 7, "7.1": 12, "7.2": 18, "7.3": 14, "7.4": 14, "7.5": 12},
     {"7.5": "synthetic note: the OCR text reads 2; the area sum gives 12"}),
    ("0381", "Enköping", 2016, "2016", "full", None, {"1": 50, "2": 50, "3": 50, "4": 50}, {}, ""),
    ("0381", "Enköping", 2018, "2016", "full", 560, dict(zip("12345678", [80, 70, 70, 70, 70, 70, 60, 70])), {}, ""),
    ("1481", "Mölndal", 2016, "2016", "full", None, {"1": 50, "2": 61}, {}, ""),
    ("0486", "Strängnäs", 2016, "2016", "full", 480, {"1": 65}, {}, ""),
    ("0115", "Vallentuna", 2017, "2016", "full", 500, {}, {}, ""),
    ("0115", "Vallentuna", 2019, "2016", "full", 600, {}, {}, ""),
    ("1283", "Helsingborg", 2017, "2016", "full", 640, {}, {}, ""),
    # 2010 version
    ("2417", "Norsjö", 2015, "2010", "full", 400, dict.fromkeys("12345678", 50), {}, ""),
    ("2417", "Norsjö", 2017, "2010", "self", 480, dict(zip("12345678", [56, 56, 56, 56, 59, 59, 59, 59])), {},
     "synthetic: areas add to 460, the total says 480"),
    ("2282", "Kramfors", 2011, "2010", "full", 440, dict.fromkeys("12345678", 55), {}, "synthetic note: printed as percent"),
    ("2282", "Kramfors", 2013, "2010", "full", 480, dict.fromkeys("12345678", 60), {}, ""),
    ("1444", "Grästorp", 2014, "2010", "full", 528, dict.fromkeys("12345678", 66), {}, ""),
    ("1880", "Örebro", 2012, "2010", "full", 560, dict.fromkeys("12345678", 70), {}, ""),
    ("1880", "Örebro", 2015, "2010", "full", 600, {}, {}, ""),
    # 2020 version
    ("0860", "Hultsfred", 2022, "2020", "full", 500, {"2": 60}, {}, ""),
    ("1284", "Höganäs", 2020, "2020", "full", 450, {}, {}, ""),
    ("1284", "Höganäs", 2023, "2020", "full", 550, {}, {}, ""),
    ("1881", "Kumla", 2020, "2020", "full", 520, {}, {}, ""),
]

# (version, year, statistic, population, total or None, area score for all eight areas or None)
REFERENCES = [
    ("2010", 2014, "mean", "synthetic: the 40 latest evaluations", 420, 52),
    ("2016", 2017, "mean", "synthetic: national mean, coverage unstated", 470, 55),
]

SCORE_HEADER = ["kommunkod", "municipality", "year", "instrument_version", "evaluation_kind", "level", "code",
                "label_published", "score", "max_score", "source", "note"]
REFERENCE_HEADER = ["instrument_version", "year", "statistic", "population", "level", "code", "label_published",
                    "score", "max_score", "source", "note"]
KNOWN_HEADER = ["municipality", "kommunkod", "year", "month", "instrument_version", "evaluation_kind",
                "scores_published_in_sources", "source_url", "note"]


def _items(folder: Path) -> dict[tuple[str, str], tuple[str, int]]:
    """(version, code) -> (canonical name, max score), from the copied instrument_items.csv."""
    with open(folder / "instrument_items.csv", encoding="utf-8", newline="") as fh:
        return {(r["instrument_version"], r["code"]): (r["name"], int(float(r["max_score"]))) for r in csv.DictReader(fh)}


def score_rows(items: dict) -> list[list]:
    """Every synthetic score row, in the canonical columns."""
    rows = []
    for code, name, year, version, kind, total, areas, subareas, note in SCORE_SETS:
        head = [code, name, year, version, kind]
        note_of = note.get if isinstance(note, dict) else (lambda _item, default="": note)
        if total is not None:
            rows.append(head + ["total", "total", "Totalt", total, 800, SOURCE, note_of("total", "")])
        for area, score in areas.items():
            rows.append(head + ["area", area, items[(version, area)][0], score, 100, SOURCE, note_of(area, "")])
        for sub, score in subareas.items():
            label, maximum = items[(version, sub)]
            rows.append(head + ["subarea", sub, label, score, maximum, SOURCE, note_of(sub, "")])
    return rows


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build_data_dir(target: Path, parquet: bool = True) -> Path:
    """Write the fixture data folder into target (created) and return it."""
    target.mkdir(parents=True, exist_ok=True)
    # Reference tables (municipalities, instrument registry, aliases) are facts, not scores: copy them.
    for csv_name, _columns in TABLES.values():
        if csv_name not in SCORE_TABLES:
            shutil.copyfile(DEFAULT_DATA_DIR / csv_name, target / csv_name)
    items = _items(target)
    _write(target / "scores.csv", SCORE_HEADER, score_rows(items))
    references = []
    for version, year, statistic, population, total, area in REFERENCES:
        head = [version, year, statistic, population]
        if total is not None:
            references.append(head + ["total", "total", "Totalt", total, 800, SOURCE, ""])
        if area is not None:
            references += [head + ["area", a, items[(version, a)][0], area, 100, SOURCE, ""] for a in "12345678"]
    _write(target / "reference_profiles.csv", REFERENCE_HEADER, references)
    known = [[name, code, year, "", version, kind, "yes", SOURCE, "synthetic"]
             for code, name, year, version, kind, *_rest in SCORE_SETS]
    known.append(["Ale", "1440", 2009, "", "pre-2010", "full", "no", SOURCE, "synthetic: known, not scored"])
    _write(target / "evaluations_known.csv", KNOWN_HEADER, known)
    (target / "SOURCES.md").write_text("# Synthetic test data\n\nMade up by tests/fixtures.py; not published.\n",
                                       encoding="utf-8")
    if parquet:
        build_parquet(target)
    return target


def extra_score_set(data_dir: Path) -> list[list]:
    """A synthetic, valid 2016-version score set (total = sum of 8 areas) for a municipality with none yet."""
    with open(data_dir / "scores.csv", encoding="utf-8", newline="") as fh:
        scored = {r["kommunkod"] for r in csv.DictReader(fh)}
    with open(data_dir / "municipalities.csv", encoding="utf-8", newline="") as fh:
        code, name = next((r["kommunkod"], r["name"]) for r in csv.DictReader(fh) if r["kommunkod"] not in scored)
    items = _items(data_dir)
    areas = dict(zip("12345678", [61, 62, 63, 64, 65, 66, 67, 68]))
    head = [code, name, 2019, "2016", "full"]
    note = "synthetic score set appended by a test"
    return ([head + ["total", "total", "Totalt", sum(areas.values()), 800, SOURCE, note]]
            + [head + ["area", a, items[("2016", a)][0], v, 100, SOURCE, note] for a, v in areas.items()])


def append_score_set(data_dir: Path, rows: list[list]) -> None:
    """Append score rows (canonical columns) to data_dir/scores.csv as a hand edit would."""
    with open(data_dir / "scores.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    # python -m tests.fixtures DIR             write the synthetic folder to look at it
    # python -m tests.fixtures --append DIR    append one synthetic valid score set to DIR/scores.csv
    #                                          (the check: then build, run the suite, revert)
    import sys

    if sys.argv[1] == "--append":
        rows = extra_score_set(Path(sys.argv[2]))
        append_score_set(Path(sys.argv[2]), rows)
        print(f"appended {len(rows)} synthetic rows: {rows[0][1]} ({rows[0][0]}) {rows[0][2]}")
    else:
        print(build_data_dir(Path(sys.argv[1])))
