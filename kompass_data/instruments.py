"""Instrument versions, areas, aliases and the sub-area catalogue."""

from __future__ import annotations

import pandas as pd

from .names import fold, fold_label

VERSIONS: tuple[str, ...] = ("pre-2010", "2010", "2016", "2020")
KINDS: tuple[str, ...] = ("full", "self")
LEVELS: tuple[str, ...] = ("total", "area", "subarea")
AREA_CODES: tuple[str, ...] = tuple(str(i) for i in range(1, 9))
TOTAL_MAX = 800.0


def version_for_year(year: int) -> str:
    """The version normally used in year: evidence, never proof (see DOMAIN.md)."""
    if year < 2010:
        return "pre-2010"
    if year < 2016:
        return "2010"
    if year < 2020:
        return "2016"
    return "2020"


def period_text(versions: pd.DataFrame, version: str) -> str:
    """The years a version is normally used, as printed: '2010–2015', or '2020–' while in use."""
    rows = versions.loc[versions["instrument_version"].astype(str) == str(version)]
    if rows.empty:
        return ""
    first, last = rows["first_year"].iloc[0], rows["last_year"].iloc[0]
    return f"{int(first)}–" + ("" if pd.isna(last) else str(int(last)))


def area_names(items: pd.DataFrame, version: str) -> dict[str, str]:
    """Area code -> canonical name for one version, in area order."""
    sel = items[(items["instrument_version"] == version) & (items["level"] == "area")]
    return dict(zip(sel["code"], sel["name"]))


def known_labels(items: pd.DataFrame, aliases: pd.DataFrame) -> set[tuple[str, str, str, str]]:
    """Every (version, level, code, folded label) that counts as a known name."""
    known = {
        (v, lvl, c, fold_label(n))
        for v, lvl, c, n in items[["instrument_version", "level", "code", "name"]].itertuples(index=False)
    }
    known |= {
        (v, lvl, c, fold_label(a))
        for v, lvl, c, a in aliases[["instrument_version", "level", "code", "alias"]].itertuples(index=False)
    }
    return known


__all__ = ["VERSIONS", "KINDS", "LEVELS", "AREA_CODES", "TOTAL_MAX", "version_for_year", "fold"]
