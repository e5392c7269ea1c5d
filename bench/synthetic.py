"""Synthetic score sets for the benchmark: real kommunkod values, made-up scores, labelled synthetic.

Written only to a folder the caller gives (a temporary one); never to datasets/.
"""

from __future__ import annotations

import csv
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/run.py` puts bench/, not the repository, on the path
    sys.path.insert(0, str(ROOT))

import kompass_data  # noqa: E402
from kompass_data.instruments import AREA_CODES, version_for_year  # noqa: E402
from kompass_data.schema import CANONICAL_COLUMNS, TABLES  # noqa: E402
from kompass_data.store import DEFAULT_DATA_DIR, format_number  # noqa: E402

SOURCE = "synthetic (bench/synthetic.py): not a published number"
NOTE = "synthetic"
YEARS = range(2002, 2026)
# Around a revision a report may be scored on either version (DOMAIN.md): these alternates are real
# possibilities, so the pool of unique score-set keys includes them.
ALTERNATE_VERSIONS = {2010: "pre-2010", 2020: "2016"}


@dataclass(frozen=True)
class SyntheticInfo:
    """What was written: score sets asked for and reached (the key pool is finite), rows, folder."""

    requested: int
    score_sets: int
    rows: int
    pool: int
    data_dir: Path


def key_pool(kommunkoder: list[str], seed: int = 0) -> list[tuple[str, int, str, str]]:
    """Every unique (kommunkod, year, version, kind) we can invent: external evaluations first, shuffled."""
    rng = random.Random(seed)
    pools = []
    for kind in ("full", "self"):
        keys = []
        for code in kommunkoder:
            for year in YEARS:
                keys.append((code, year, version_for_year(year), kind))
                if year in ALTERNATE_VERSIONS:
                    keys.append((code, year, ALTERNATE_VERSIONS[year], kind))
        rng.shuffle(keys)
        pools.append(keys)
    return pools[0] + pools[1]


def _shapes(ds) -> dict[str, list[list[tuple[str, str]]]]:
    """Per version, the (level, code) layouts of the shipped score sets: total-only, some areas, full profiles."""
    shapes: dict[str, list[list[tuple[str, str]]]] = {}
    key = ["kommunkod", "year", "instrument_version", "evaluation_kind"]
    for (_k, _y, version, _kind), part in ds.scores.groupby(key, observed=True):
        shapes.setdefault(str(version), []).append(list(zip(part["level"].astype(str), part["code"].astype(str))))
    return shapes


def _labels(ds) -> dict[tuple[str, str, str], tuple[str, float]]:
    items = ds.instrument_items
    return {
        (str(v), str(lvl), str(c)): (str(n), float(m))
        for v, lvl, c, n, m in items[["instrument_version", "level", "code", "name", "max_score"]].itertuples(index=False)
    }


def _score_set_rows(key, name, shape, labels, rng) -> list[list[str]]:
    """Rows of one score set whose parts add up (so the consistency checks stay quiet, as for good data)."""
    code, year, version, kind = key
    level_of_area = {a: rng.uniform(0.3, 0.85) for a in AREA_CODES}
    wanted = set(shape)
    sub_scores: dict[str, float] = {}
    sub_sum: dict[str, float] = {}
    for level, item in shape:
        if level == "subarea":
            _label, max_score = labels[(version, "subarea", item)]
            area = item.split(".")[0]
            score = float(min(max_score, round(level_of_area[area] * max_score + rng.uniform(-2, 2))))
            sub_scores[item] = max(score, 0.0)
            sub_sum[area] = sub_sum.get(area, 0.0) + sub_scores[item]
    area_scores = {a: sub_sum.get(a, float(round(level_of_area[a] * 100))) for a in AREA_CODES}
    if all(("area", a) in wanted for a in AREA_CODES):
        total = sum(area_scores.values())
    else:
        total = float(round(sum(level_of_area.values()) / len(AREA_CODES) * 800))
    rows = []
    for level, item in shape:
        if level == "total":
            label, score, max_score = "Totalt", total, 800.0
        elif level == "area":
            label, max_score = labels[(version, "area", item)]
            score = area_scores[item]
        else:
            label, max_score = labels[(version, "subarea", item)]
            score = sub_scores[item]
        rows.append([code, name, str(year), version, kind, level, item, label,
                     format_number(score), format_number(max_score), SOURCE, NOTE])
    return rows


def write_dataset(target: str | Path, n_sets: int, seed: int = 0, source_dir: Path = DEFAULT_DATA_DIR) -> SyntheticInfo:
    """A complete data folder in target: shipped reference tables plus n_sets synthetic score sets."""
    target = Path(target)
    if target.resolve() == Path(source_dir).resolve() or target.resolve() == DEFAULT_DATA_DIR.resolve():
        raise ValueError("synthetic data never goes into datasets/")
    target.mkdir(parents=True, exist_ok=True)
    shipped = kompass_data.load_dataset(source_dir)
    for name, (csv_name, _columns) in TABLES.items():
        if name != "scores":
            shutil.copyfile(Path(source_dir) / csv_name, target / csv_name)
    geojson = Path(source_dir) / "sweden_municipalities.geojson"
    if geojson.exists():
        shutil.copyfile(geojson, target / geojson.name)
    names = shipped.municipality_names
    pool = key_pool(sorted(names), seed)
    keys = pool[:n_sets]
    shapes, labels = _shapes(shipped), _labels(shipped)
    fallback = [("total", "total")] + [("area", a) for a in AREA_CODES]
    rng = random.Random(seed + 1)
    n_rows = 0
    with open(target / "scores.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CANONICAL_COLUMNS)
        for key in keys:
            options = shapes.get(key[2]) or [fallback]
            rows = _score_set_rows(key, names[key[0]], rng.choice(options), labels, rng)
            writer.writerows(rows)
            n_rows += len(rows)
    return SyntheticInfo(n_sets, len(keys), n_rows, len(pool), target)


if __name__ == "__main__":
    import tempfile

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 37
    with tempfile.TemporaryDirectory(prefix="kompass-synthetic-") as tmp:
        info = write_dataset(tmp, n)
        ds = kompass_data.load_dataset(tmp)
        print(info, "flags:", len(ds.flags), "score sets loaded:", len(ds.score_sets))
