"""Named peer groups: who a score set is compared with, by a stated definition, within its own version.

A peer group is chosen, never implied. Each group resolves to a set of municipalities (its members);
the version rule, one score set per municipality and the focal's exclusion stay in
`VersionView.peer_comparison`, which restricts its candidates to these members.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import messages

GROUPS: tuple[str, ...] = ("version", "kommungrupp", "size", "lan", "similar")
WIDER: dict[str, str] = {"kommungrupp": "version", "size": "version", "lan": "version", "similar": "version"}
KOMMUNGRUPP_YEARS: tuple[str, ...] = ("2023", "2017")
DEFAULT_KOMMUNGRUPP_YEAR = "2023"
DEFAULT_K = 5
POPULATION_KPI = "N01951"  # Kolada: invånare totalt 31 december (SCB)
SIZE_FACTOR = 2.0  # the 'size' group: half to double the focal municipality's population


@dataclass(frozen=True)
class PeerGroup:
    """A named peer group: 'version', 'kommungrupp' (2023 or 2017), 'size', 'lan' or 'similar' (k nearest)."""

    name: str = "version"
    k: int = DEFAULT_K
    kommungrupp_year: str = DEFAULT_KOMMUNGRUPP_YEAR

    def __post_init__(self):
        from .errors import UsageError

        if self.name not in GROUPS:
            raise UsageError("error.unknown_peer_group", value=str(self.name), groups=", ".join(GROUPS))
        if self.kommungrupp_year not in KOMMUNGRUPP_YEARS:
            raise UsageError("error.unknown_kommungrupp_year", value=str(self.kommungrupp_year),
                             years=", ".join(KOMMUNGRUPP_YEARS))
        if int(self.k) < 1:
            raise UsageError("error.bad_k", value=str(self.k))


@dataclass(frozen=True)
class ResolvedGroup:
    """A peer group applied to one focal score set: its members and the stated definition with its values."""

    group: PeerGroup
    members: frozenset | None  # kommunkod; None = everyone in the version (the 'version' group)
    params: dict = field(default_factory=dict)  # the values the definition names (group code, population, bounds …)
    distances: dict = field(default_factory=dict)  # 'similar': kommunkod -> distance

    @property
    def name(self) -> str:
        """The group's name ('kommungrupp')."""
        return self.group.name

    @property
    def wider(self) -> str | None:
        """The wider group to offer when this one is empty."""
        return WIDER.get(self.group.name)

    def title(self, lang: str = "sv") -> str:
        """'Samma kommungrupp (SKR 2023)': the group's short name in lang."""
        return messages.t(f"peers.group.{self.group.name}", lang, **self.params)

    def definition(self, lang: str = "sv") -> str:
        """The group's definition with its values filled in, e.g. the 'similar' distance formula."""
        return messages.t(f"peers.definition.{self.group.name}", lang, **self.params)

    def as_dict(self, lang: str = "sv") -> dict:
        """The JSON shape of the group: name, title, definition (text, key and params)."""
        return {"name": self.group.name, "title": self.title(lang), "definition": self.definition(lang),
                "definition_key": f"peers.definition.{self.group.name}", "params": dict(self.params),
                "k": self.group.k if self.group.name == "similar" else None,
                "kommungrupp_year": self.group.kommungrupp_year if self.group.name in ("kommungrupp", "similar") else None}


def populations(ds, year: int) -> pd.DataFrame:
    """Every municipality's population at the year nearest to `year` that has data: kommunkod, population, population_year.

    Read from the KPI N01951 rows of the dataset's `kolada_values` table (SCB via Kolada); ties in
    distance take the earlier year. Empty when the dataset has no such table.
    """
    values = getattr(ds, "kolada_values", None)
    if values is None and getattr(ds, "data_dir", None) is not None:
        from .store import optional_table  # read on first use, as the outcomes do

        values = optional_table(ds, "kolada_values")
    if values is None or len(values) == 0:
        return pd.DataFrame({"kommunkod": pd.Series(dtype="string"), "population": pd.Series(dtype="float64"),
                             "population_year": pd.Series(dtype="int64")})
    rows = _population_rows(values) if not hasattr(ds, "derived") else ds.derived(("population_rows",), lambda: _population_rows(values))
    gaps = np.abs(rows.years - int(year))
    if (rows.codes < 0).any():  # a row without a kommunkod: pandas sorts it last
        frame = rows.frame.assign(_gap=gaps, _year=rows.years)
        first = frame.sort_values(["kommunkod", "_gap", "_year"], kind="stable").drop_duplicates("kommunkod").index
        first = rows.frame.index.get_indexer(first)
    else:
        # By kommunkod, then distance, then the earlier year, stable: numbered codes sort faster than the strings.
        order = np.lexsort((rows.years, gaps, rows.codes))
        first = order[np.r_[True, rows.codes[order][1:] != rows.codes[order][:-1]]] if order.size else order
    return pd.DataFrame({"kommunkod": rows.kommunkod[first], "population": rows.population[first],
                         "population_year": rows.years[first]})


@dataclass(frozen=True)
class _PopulationRows:
    """The population KPI's rows with a value, as arrays: kept once per dataset (64,000 Kolada rows filtered once)."""

    frame: pd.DataFrame
    codes: np.ndarray  # kommunkod numbered in sorted order (-1: none)
    years: np.ndarray
    kommunkod: np.ndarray
    population: np.ndarray


def _population_rows(values: pd.DataFrame) -> _PopulationRows:
    rows = values[(values["kpi"].astype(str) == POPULATION_KPI) & values["value"].notna()]
    codes, _uniques = pd.factorize(rows["kommunkod"], sort=True)
    return _PopulationRows(rows, codes, rows["year"].to_numpy(dtype="int64"), rows["kommunkod"].astype(str).to_numpy(),
                           rows["value"].astype("float64").to_numpy())


def population(ds, kommunkod: str, year: int) -> tuple[float | None, int | None]:
    """(population, year used) of one municipality nearest to `year`; (None, None) without data."""
    table = populations(ds, year)
    row = table[table["kommunkod"] == str(kommunkod)]
    if row.empty:
        return None, None
    return float(row["population"].iloc[0]), int(row["population_year"].iloc[0])


def kommungrupp_of(ds, kommungrupp_year: str = DEFAULT_KOMMUNGRUPP_YEAR) -> dict[str, str]:
    """kommunkod -> SKR group code (A1 … C9) of the 2023 or 2017 classification."""
    munis = ds.municipalities
    column = f"kommungrupp_{kommungrupp_year}_code"
    if column not in munis.columns:  # a dataset built before 2023 groups were shipped
        return {}
    build = lambda: {k: str(v) for k, v in zip(munis["kommunkod"], munis[column]) if str(v)}  # noqa: E731
    return dict(ds.derived(("kommungrupp_of", column), build)) if hasattr(ds, "derived") else build()


def resolve(ds, focal_kommunkod: str, focal_year: int, group: PeerGroup, candidates: pd.DataFrame) -> ResolvedGroup:
    """The members of `group` for a focal score set, among the candidate score sets of its version."""
    name = group.name
    if name == "version":
        return ResolvedGroup(group, None, {})
    if name == "lan":
        munis = ds.municipalities.set_index("kommunkod")
        lan = str(munis.at[focal_kommunkod, "lan_kod"])
        members = frozenset(munis.index[munis["lan_kod"] == lan]) - {focal_kommunkod}
        return ResolvedGroup(group, members, {"lan": lan, "lan_name": str(munis.at[focal_kommunkod, "lan_name"])})
    groups = kommungrupp_of(ds, group.kommungrupp_year)
    if name == "kommungrupp":
        code = groups.get(focal_kommunkod, "")
        members = frozenset(k for k, g in groups.items() if g == code and code) - {focal_kommunkod}
        name_col = f"kommungrupp_{group.kommungrupp_year}_name"
        munis = ds.municipalities.set_index("kommunkod")
        label = str(munis.at[focal_kommunkod, name_col]) if name_col in munis.columns else ""
        return ResolvedGroup(group, members, {"code": code, "group_name": label, "classification": group.kommungrupp_year})
    pops = populations(ds, focal_year)
    # Plain dicts: a municipality looked up 290 times by pandas' .at cost more than the rest of the comparison.
    population_of = dict(zip(pops["kommunkod"], pops["population"].tolist()))
    if focal_kommunkod not in population_of:
        return ResolvedGroup(group, frozenset(), {"population": "–", "population_year": "–", "year": focal_year,
                                                  "low": "–", "high": "–", "k": group.k,
                                                  "classification": group.kommungrupp_year})
    focal_pop = population_of[focal_kommunkod]
    focal_pop_year = int(pops["population_year"].to_numpy()[pops["kommunkod"].to_numpy() == focal_kommunkod][0])
    base = {"population": f"{focal_pop:,.0f}".replace(",", " "), "population_year": focal_pop_year, "year": focal_year}
    if name == "size":
        low, high = focal_pop / SIZE_FACTOR, focal_pop * SIZE_FACTOR
        inside = pops[(pops["population"] >= low) & (pops["population"] <= high)]
        members = frozenset(inside["kommunkod"]) - {focal_kommunkod}
        return ResolvedGroup(group, members, base | {"low": f"{low:,.0f}".replace(",", " "),
                                                     "high": f"{high:,.0f}".replace(",", " ")})
    # similar: the k nearest municipalities that have a score set in the version.
    focal_group = groups.get(focal_kommunkod, "")
    distances = {}
    for code in sorted(set(candidates["kommunkod"].unique().astype(str)) - {focal_kommunkod}):
        if code not in population_of:
            continue
        distances[code] = similarity_distance(focal_group, focal_pop, groups.get(code, ""), population_of[code])
    names = ds.municipality_names
    ranked = sorted(distances, key=lambda c: (distances[c], names.get(c, c)))[: int(group.k)]
    return ResolvedGroup(group, frozenset(ranked), base | {"k": int(group.k), "code": focal_group,
                                                           "classification": group.kommungrupp_year},
                         {c: round(distances[c], 3) for c in ranked})


def similarity_distance(group_a: str, population_a: float, group_b: str, population_b: float) -> float:
    """d = (1 if the SKR groups differ, else 0) + |ln(population A) − ln(population B)|."""
    if population_a <= 0 or population_b <= 0:
        return math.inf
    return float(group_a != group_b) + abs(math.log(population_a) - math.log(population_b))

