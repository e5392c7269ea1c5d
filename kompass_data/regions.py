"""Counties and SKR municipality groups: which municipalities a filter keeps, and a county at a glance."""

from __future__ import annotations

import pandas as pd

from .names import fold

# The municipality-group classification of the ?grupp= filter. One place, so the SKR 2023 classification
# (peers.DEFAULT_KOMMUNGRUPP_YEAR) replaces it here and every page, filter and label follows; it stays 2017
# while the profile's peer filter (PeerFilter, score_sets' kommungrupp column) reads ?grupp= as 2017.
GROUP_YEAR = "2017"
GROUP_CODE = f"kommungrupp_{GROUP_YEAR}_code"
GROUP_NAME = f"kommungrupp_{GROUP_YEAR}_name"


def lan_names(ds) -> dict[str, str]:
    """County code -> name ('24' -> 'Västerbottens län'), in code order."""
    def build():
        lans = ds.municipalities.drop_duplicates("lan_kod").sort_values("lan_kod")
        return dict(zip(lans["lan_kod"], lans["lan_name"]))

    return ds.derived(("lan_names",), build)


def group_names(ds) -> dict[str, str]:
    """Municipality-group code -> name ('C8' -> 'Landsbygdskommun'), in code order."""
    def build():
        groups = ds.municipalities.dropna(subset=[GROUP_CODE]).drop_duplicates(GROUP_CODE).sort_values(GROUP_CODE)
        return dict(zip(groups[GROUP_CODE], groups[GROUP_NAME]))

    return ds.derived(("group_names",), build)


def group_of(ds) -> dict[str, str]:
    """kommunkod -> municipality-group code of the filter's classification (peers.kommungrupp_of)."""
    from .peers import kommungrupp_of

    return kommungrupp_of(ds, GROUP_YEAR)


def members(ds, lan: str | None = None, kommungrupp: str | None = None) -> tuple[str, ...]:
    """Codes of the municipalities in the county and group (None: no limit), sorted by name."""
    def build():
        munis = ds.municipalities
        keep = pd.Series(True, index=munis.index)
        if lan:
            keep &= munis["lan_kod"] == lan
        if kommungrupp:
            keep &= munis["kommunkod"].map(group_of(ds)) == kommungrupp
        chosen = munis[keep]
        return tuple(code for _name, code in sorted(zip(chosen["name"].map(fold), chosen["kommunkod"])))

    return ds.derived(("members", lan or None, kommungrupp or None), build)


def in_region(table: pd.DataFrame, ds, lan: str | None = None, kommungrupp: str | None = None) -> pd.DataFrame:
    """The rows of a table with a kommunkod column whose municipality is in the county and group."""
    if not lan and not kommungrupp:
        return table
    return table[table["kommunkod"].isin(set(members(ds, lan, kommungrupp)))]


def region_overview(ds, lan: str | None = None, kommungrupp: str | None = None) -> pd.DataFrame:
    """Every municipality of the region: its latest score set per version and its known evaluations.

    Columns kommunkod, municipality, latest (version -> (year, kind, total or NaN), revision order),
    known (evaluations_known rows as (year or None, version, kind), by year), latest_year (its newest
    score set's year, None without one). Missing stays missing: empty dicts and lists, never zeros.
    """
    codes = members(ds, lan, kommungrupp)
    names = ds.municipality_names
    sets = in_region(ds.score_sets, ds, lan, kommungrupp)
    known = in_region(ds.evaluations_known, ds, lan, kommungrupp)
    # One pass over each table, grouped by municipality (a filter per municipality cost ~1 s for Sweden).
    ordered = sets.assign(_full=sets["evaluation_kind"].astype(str) == "full").sort_values(["year", "_full"], kind="stable")
    last = ordered.drop_duplicates(["kommunkod", "instrument_version"], keep="last")
    latest_by_code: dict[str, dict] = {}
    for code, version, year, kind, total in zip(last["kommunkod"], last["instrument_version"].astype(str), last["year"],
                                                 last["evaluation_kind"].astype(str), last["total"]):
        latest_by_code.setdefault(code, {})[version] = (int(year), kind, float(total))
    newest = sets.groupby("kommunkod", observed=True)["year"].max().to_dict()
    known_by_code: dict[str, list] = {}
    for code, y, v, k in zip(known["kommunkod"], known["year"], known["instrument_version"], known["evaluation_kind"]):
        known_by_code.setdefault(code, []).append(((None if pd.isna(y) else int(y)), str(v), str(k)))
    rows = []
    for code in codes:
        found = latest_by_code.get(code, {})
        latest = {version: found[version] for version in ds.registry.sort(found)}
        listed = known_by_code.get(code, [])
        listed.sort(key=lambda e: (e[0] is None, e[0] or 0))  # an evaluation of unknown year last
        rows.append({
            "kommunkod": code, "municipality": names.get(code, code), "latest": latest, "known": listed,
            "latest_year": int(newest[code]) if code in newest else None,
        })
    return pd.DataFrame(rows, columns=["kommunkod", "municipality", "latest", "known", "latest_year"])
