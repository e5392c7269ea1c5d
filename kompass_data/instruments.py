"""The instrument registry: versions, their order and usual periods, areas, sub-areas, maxima and names.

Everything here is read from the dataset's tables (instrument_versions.csv, instrument_items.csv); no
version or year is written in code. `Dataset.registry` is the registry of a loaded dataset;
`REGISTRY` is the one of the shipped tables, read once at import because the categorical dtype of
`instrument_version` (schema.VERSION_DTYPE), the CLI's choices and the report parser need the
version list before any dataset is loaded. Both come from the same `Registry.from_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .names import fold, fold_label

SHIPPED_DATA_DIR = Path(__file__).resolve().parent.parent / "datasets"
KINDS: tuple[str, ...] = ("full", "self")
LEVELS: tuple[str, ...] = ("total", "area", "subarea")
AREA_CODES: tuple[str, ...] = tuple(str(i) for i in range(1, 9))
TOTAL_MAX = 800.0


@dataclass(frozen=True)
class Instrument:
    """One version of the instrument: its name, place in the revision order and usual period."""

    version: str
    order: int
    first_year: int
    last_year: int | None  # None: still in use

    @property
    def period(self) -> str:
        """'2010–2015', or '2020–' while in use."""
        return f"{self.first_year}–" + ("" if self.last_year is None else str(self.last_year))


@dataclass(frozen=True)
class Item:
    """An area or sub-area of one version: canonical (Swedish) name, English name and maximum."""

    version: str
    level: str
    code: str
    name: str
    name_en: str
    max_score: float

    def label(self, lang: str = "sv") -> str:
        """The name in lang; the Swedish one where no English name is recorded."""
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class Registry:
    """Every version in revision order, with its areas and sub-areas: the instrument as data."""

    instruments: tuple[Instrument, ...]
    items: tuple[Item, ...] = ()
    _by_version: dict = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_version", {i.version: i for i in self.instruments})

    @classmethod
    def from_tables(cls, versions: pd.DataFrame | None, items: pd.DataFrame | None = None) -> "Registry":
        """The registry of an instrument_versions table (and an instrument_items table), typed or as text."""
        columns = ["instrument_version", "order", "first_year", "last_year"]
        instruments = sorted(
            (
                Instrument(str(v), int(o), int(f), None if pd.isna(la) or str(la).strip() == "" else int(la))
                for v, o, f, la in ([] if versions is None else versions[columns].itertuples(index=False))
            ),
            key=lambda i: i.order,
        )
        rows = () if items is None else items.itertuples(index=False)
        parsed = tuple(
            Item(str(r.instrument_version), str(r.level), str(r.code), str(r.name),
                 "" if pd.isna(getattr(r, "name_en", "")) else str(getattr(r, "name_en", "")), float(r.max_score))
            for r in rows
        )
        return cls(tuple(instruments), parsed)

    @classmethod
    def from_folder(cls, data_dir: Path) -> "Registry":
        """The registry of the tables in a data folder, read as text."""
        read = lambda name: pd.read_csv(data_dir / name, dtype=str, keep_default_na=False, encoding="utf-8")  # noqa: E731
        return cls.from_tables(read("instrument_versions.csv"), read("instrument_items.csv"))

    # --- versions --------------------------------------------------------------------------------

    @property
    def versions(self) -> tuple[str, ...]:
        """Every version in revision order."""
        return tuple(i.version for i in self.instruments)

    @property
    def latest(self) -> str:
        """The newest version."""
        return self.instruments[-1].version

    @property
    def year_floor(self) -> int:
        """The first year any version was used: no evaluation is older."""
        return min(i.first_year for i in self.instruments)

    def get(self, version: str) -> Instrument | None:
        """The instrument of a version, None for an unknown one."""
        return self._by_version.get(str(version))

    def order(self, version: str) -> int:
        """A version's place in the revision order (0 first); unknown versions sort last."""
        versions = self.versions
        return versions.index(str(version)) if str(version) in versions else len(versions)

    def sort(self, versions) -> list[str]:
        """Versions (any iterable of names) in revision order, each once."""
        return sorted({str(v) for v in versions}, key=self.order)

    def previous(self, version: str) -> str:
        """The version before (the first version: itself)."""
        i = self.order(version)
        return self.versions[max(i - 1, 0)] if i < len(self.versions) else str(version)

    def version_for_year(self, year: int) -> str:
        """The version normally used in year (its period starts at or before year): evidence, never proof."""
        started = [i.version for i in self.instruments if i.first_year <= int(year)]
        return started[-1] if started else self.instruments[0].version

    def period_text(self, version: str) -> str:
        """The years a version is normally used, as printed: '2010–2015', or '2020–' while in use; '' if unknown."""
        instrument = self.get(version)
        return instrument.period if instrument else ""

    def first_years(self) -> dict[str, int]:
        """version -> first year of its usual period, in revision order."""
        return {i.version: i.first_year for i in self.instruments}

    # --- areas and sub-areas -----------------------------------------------------------------------

    def item_names(self, version: str, level: str = "area", lang: str = "sv") -> dict[str, str]:
        """Code -> name in lang of one version's areas (or sub-areas), in catalogue order."""
        return {i.code: i.label(lang) for i in self.items if i.version == str(version) and i.level == level}

    def area_names(self, version: str, lang: str = "sv") -> dict[str, str]:
        """Area code -> name in lang for one version, in area order."""
        return self.item_names(version, "area", lang)

    def newest_area_family(self) -> tuple[str, ...]:
        """The versions since the last revision that renamed every area (today: the 2020 version alone).

        A report's area names tell this family from the older ones; inside a family (the 2010 and 2016
        names are alike) only the year or the text tells the version.
        """
        start = 0
        for i in range(1, len(self.versions)):
            before = {fold(n) for n in self.area_names(self.versions[i - 1]).values()}
            now = {fold(n) for n in self.area_names(self.versions[i]).values()}
            if before and now and not before & now:
                start = i
        return self.versions[start:]


def period_text(versions: pd.DataFrame, version: str) -> str:
    """The years a version is normally used, from an instrument_versions table: '2010–2015', or '2020–'."""
    return Registry.from_tables(versions).period_text(version)


def area_names(items: pd.DataFrame, version: str, lang: str = "sv") -> dict[str, str]:
    """Area code -> name for one version of an instrument_items table, in area order."""
    return Registry.from_tables(None, items).area_names(version, lang)


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


REGISTRY = Registry.from_folder(SHIPPED_DATA_DIR)
VERSIONS: tuple[str, ...] = REGISTRY.versions


def version_for_year(year: int) -> str:
    """The version normally used in year, by the shipped periods: evidence, never proof (see DOMAIN.md)."""
    return REGISTRY.version_for_year(year)


__all__ = ["Registry", "Instrument", "Item", "REGISTRY", "VERSIONS", "KINDS", "LEVELS", "AREA_CODES", "TOTAL_MAX",
           "version_for_year", "fold"]
