"""Kolada outcomes beside the scores: one point per SKR evaluation of one version, never pooled across versions."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .compare import PeerFilter
from .errors import UsageError
from .instruments import AREA_CODES
from .store import optional_table

MIN_N_SPEARMAN = 8  # below this many points a rank correlation is not shown: the points speak for themselves
NEAREST_YEARS = (0, -1, 1)  # the evaluation year, else the year before, else the year after
ITEMS = ("total", *AREA_CODES)
POINT_COLUMNS = ["kommunkod", "municipality", "year", "score", "kpi_value", "kpi_year"]


@dataclass(frozen=True)
class OutcomePoints:
    """The points of one version, item and KPI, with Spearman's rho where n allows it."""

    version: str
    item: str
    kpi: str
    points: pd.DataFrame  # POINT_COLUMNS plus score_set_id and nearest (kpi_year differs from year)
    without_kpi: pd.DataFrame  # score sets with the item but no KPI value within ±1 year
    spearman: float | None

    @property
    def n(self) -> int:
        """How many points (score sets with both the item and a KPI value)."""
        return len(self.points)

    def as_dict(self) -> dict:
        """The CLI's JSON shape: version, item, kpi, points, n, spearman."""
        return {
            "version": self.version, "item": self.item, "kpi": self.kpi,
            "points": [
                {"kommunkod": k, "municipality": m, "year": int(y), "score": float(s), "kpi_value": float(v),
                 "kpi_year": int(ky)}
                for k, m, y, s, v, ky in self.points[POINT_COLUMNS].itertuples(index=False)
            ],
            "n": self.n,
            "spearman": None if self.spearman is None else round(float(self.spearman), 4),
        }


def kpi_table(ds) -> pd.DataFrame:
    """The Kolada KPIs of the dataset: id, title, unit, proposed area, caveats, source (empty without Kolada)."""
    return optional_table(ds, "kolada_kpis")


def kpi_info(ds, kpi: str) -> pd.Series:
    """The kolada_kpis row of a KPI, or a UsageError listing the KPIs there are."""
    kpis = kpi_table(ds)
    rows = kpis[kpis["kpi"] == str(kpi).strip().upper()]
    if rows.empty:
        raise UsageError("error.unknown_kpi", kpi=kpi, known=", ".join(kpis["kpi"]) or "–")
    return rows.iloc[0]


def kpi_series(ds, kpi: str) -> pd.DataFrame:
    """kommunkod, year, value of one KPI."""
    values = optional_table(ds, "kolada_values")
    return values.loc[values["kpi"] == kpi, ["kommunkod", "year", "value"]]


def nearest_values(series: pd.DataFrame, wanted: pd.DataFrame) -> pd.DataFrame:
    """For each (kommunkod, year) in wanted: the KPI value of that year, else year-1, else year+1 (kpi_year says which)."""
    return _KpiLookup(series).nearest(wanted)


class _KpiLookup:
    """One KPI's values keyed by one integer per (municipality, year): numpy lookups instead of a MultiIndex per offset."""

    def __init__(self, series: pd.DataFrame):
        self.series = series
        self.municipalities = pd.Index(series["kommunkod"].unique())
        self.keys = pd.Index(self.municipalities.get_indexer(series["kommunkod"]).astype("int64") * _YEARS
                             + series["year"].to_numpy(dtype="int64"))
        # Not one value per municipality and year: the general way, through a (kommunkod, year) index.
        self.general = bool(self.municipalities.hasnans or not self.keys.is_unique)
        self.values = series["value"].to_numpy(dtype="float64")

    def nearest(self, wanted: pd.DataFrame) -> pd.DataFrame:
        """nearest_values() of wanted's (kommunkod, year) rows."""
        out = wanted[["kommunkod", "year"]].copy()
        if self.general:
            return _nearest_values_indexed(self.series, out)
        codes = self.municipalities.get_indexer(out["kommunkod"]).astype("int64")
        years = out["year"].to_numpy(dtype="int64")
        value = np.full(len(out), np.nan)
        kpi_year = np.zeros(len(out), dtype="int16")
        for offset in NEAREST_YEARS:
            todo = np.flatnonzero(np.isnan(value))
            if not todo.size:
                break
            at = self.keys.get_indexer(codes[todo] * _YEARS + years[todo] + offset)
            at[codes[todo] < 0] = -1  # a municipality without any value of this KPI
            found = np.where(at >= 0, self.values[at], np.nan)
            hit = todo[~np.isnan(found)]
            value[hit] = found[~np.isnan(found)]
            kpi_year[hit] = years[hit] + offset
        out["kpi_value"] = value
        out["kpi_year"] = pd.arrays.IntegerArray(kpi_year, np.isnan(value))
        return out


_YEARS = 100_000  # room for any year in the (municipality, year) integer keys


def _nearest_values_indexed(series: pd.DataFrame, out: pd.DataFrame) -> pd.DataFrame:
    """nearest_values() through a (kommunkod, year) index: for a series with missing codes or repeated years."""
    out["kpi_value"] = float("nan")
    out["kpi_year"] = pd.array([pd.NA] * len(out), dtype="Int16")
    lookup = series.assign(year=series["year"].astype("int64")).set_index(["kommunkod", "year"])["value"]
    for offset in NEAREST_YEARS:
        todo = out["kpi_value"].isna()
        if not todo.any():
            break
        keys = pd.MultiIndex.from_arrays([out.loc[todo, "kommunkod"], out.loc[todo, "year"].astype("int64") + offset])
        found = lookup.reindex(keys).to_numpy()
        hit = ~pd.isna(found)
        index = out.index[todo][hit]
        out.loc[index, "kpi_value"] = found[hit]
        out.loc[index, "kpi_year"] = (out.loc[index, "year"].astype("int64") + offset).astype("int16")
    return out


def spearman(x: pd.Series, y: pd.Series) -> float | None:
    """Spearman's rank correlation (average ranks for ties); None below MIN_N_SPEARMAN points or without spread."""
    if len(x) < MIN_N_SPEARMAN:
        return None
    rho = pd.DataFrame({"x": x.to_numpy(), "y": y.to_numpy()}).corr(method="spearman").iloc[0, 1]
    return None if pd.isna(rho) else float(rho)


def outcome_points(ds, version: str, item: str, kpi: str) -> OutcomePoints:
    """One point per SKR evaluation (full score set) of `version` that has `item`: x the score, y the KPI."""
    view = ds.version(version)  # an unknown version is refused here, by the one version-scoped entry point
    item = str(item).strip().lower()
    if item not in ITEMS:
        raise UsageError("error.unknown_item", value=item, known=", ".join(ITEMS))
    info = kpi_info(ds, kpi)
    kpi = str(info["kpi"])
    # Only this version's SKR evaluations: the version rule holds here, so no caller can pool versions.
    sets = view.peer_candidates(PeerFilter(include_self=False))
    sets = sets[sets[item].notna()]
    # The KPI's 5,000 values are selected from 65,000 and keyed once per dataset; each point is then a lookup.
    matched = ds.derived(("kpi_lookup", kpi), lambda: _KpiLookup(kpi_series(ds, kpi))).nearest(sets)
    table = pd.DataFrame({
        "kommunkod": sets["kommunkod"].to_numpy(),
        "municipality": sets["municipality"].to_numpy(),
        "year": sets["year"].astype("int64").to_numpy(),
        "score": sets[item].astype("float64").to_numpy(),
        "kpi_value": matched["kpi_value"].to_numpy(),
        "kpi_year": matched["kpi_year"].to_numpy(),
        "score_set_id": sets["score_set_id"].to_numpy(),
    })
    table = table.sort_values(["year", "kommunkod"], kind="stable").reset_index(drop=True)
    has_value = table["kpi_value"].notna()
    points = table[has_value].reset_index(drop=True)
    points["kpi_year"] = points["kpi_year"].astype("int64")
    points["nearest"] = points["kpi_year"] != points["year"]
    return OutcomePoints(
        version=version, item=item, kpi=kpi, points=points,
        without_kpi=table[~has_value].drop(columns=["kpi_value", "kpi_year"]).reset_index(drop=True),
        spearman=spearman(points["score"], points["kpi_value"]),
    )


def outcome_panels(ds, versions, item: str, kpi: str) -> list[OutcomePoints]:
    """outcome_points for each version in turn: one panel each, never one pooled set."""
    return [outcome_points(ds, v, item, kpi) for v in versions]


def plotted_table(panels: list[OutcomePoints]) -> pd.DataFrame:
    """Exactly what a scatter draws, one row per point: version, item, the point, the KPI and whether its year differs."""
    columns = ["instrument_version", "item", *POINT_COLUMNS[:4], "kpi", "kpi_value", "kpi_year", "nearest_year"]
    frames = [
        p.points.assign(instrument_version=p.version, item=p.item, kpi=p.kpi, nearest_year=p.points["nearest"])[columns]
        for p in panels if p.n
    ]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def versions_with_evaluations(ds) -> list[str]:
    """Versions that have at least one SKR evaluation (full score set), in the instrument's order."""
    sets = ds.score_sets
    present = set(sets.loc[sets["evaluation_kind"].astype(str) == "full", "instrument_version"].astype(str))
    return [v for v in ds.registry.versions if v in present]
