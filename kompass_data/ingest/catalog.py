"""What ingest matches against: area names per version, the 2016 sub-area catalogue, municipalities."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..names import fold
from ..schema import TABLES

__all__ = ["Catalog", "load_catalog", "load_context"]

# Area names are matched against instrument_items.csv and area_aliases.csv (the shipped, sourced
# list). These three older names are added for ingest only: DOMAIN.md gives them as the pre-2010
# version's names, but no shipped source prints them (instrument_versions.csv: "areas are named by
# number"), so they cannot enter the sourced alias list. They only find the area number of a pre-2010
# report's row (the Motala test); the row's label is still the catalogue's. (version, code, name)
_EXTRA_NAMES: tuple[tuple[str, str, str], ...] = (
    ("pre-2010", "1", "Offentlighet och demokratisk kontroll"),
    ("pre-2010", "2", "Tillgänglighet, brukar- och medborgarorientering"),
    ("pre-2010", "6", "Personalpolitik"),
)


@dataclass
class Catalog:
    """Area names per version, sub-area names and maxima, and the municipalities."""

    area_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (version, code) -> canonical
    subareas: dict[tuple[str, str], tuple[str, float]] = field(default_factory=dict)  # -> (name, max)
    # folded name -> list of (version, code, kind) where kind is "canonical" | "alias"
    names: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    municipalities: list[tuple[str, str]] = field(default_factory=list)  # (kommunkod, name)

    def match_area(self, label: str, cutoff: float = 0.82) -> list[tuple[str, str, float]]:
        """(version, code, similarity) for every version whose area names match label, best first."""
        key = fold(label)
        if len(key) < 4:
            return []
        if key in self.names:
            return [(v, c, 1.0) for v, c, _ in self.names[key]]
        best: dict[tuple[str, str], float] = {}
        for name, entries in self.names.items():
            # Cheap length filter before the quadratic ratio.
            if abs(len(name) - len(key)) > max(6, len(key) // 4):
                continue
            sm = difflib.SequenceMatcher(None, key, name)
            if sm.real_quick_ratio() < cutoff or sm.quick_ratio() < cutoff:
                continue
            ratio = sm.ratio()
            if ratio >= cutoff:
                for v, c, _ in entries:
                    if ratio > best.get((v, c), 0):
                        best[(v, c)] = ratio
        return sorted(((v, c, r) for (v, c), r in best.items()), key=lambda x: -x[2])

    def catalogue_names(self, code: str) -> dict[str, str]:
        """Folded canonical names of area code in any version -> the name with diacritics."""
        out = {}
        for (v, c), name in self.area_names.items():
            if c == code and not name.startswith("Huvudområde"):
                out[fold(name)] = name
        return out

    def area_label(self, version: str, code: str, published: str | None) -> str:
        """The catalogue name written on an area row."""
        # The published name if it is itself a catalogue name of this area number (as the seed's
        # 'Verksamhetsutveckling' in 2018), else the version's canonical name.
        if published:
            names = self.catalogue_names(code)
            hit = names.get(fold(published))
            if hit:
                return hit
        return self.area_names.get((version, code), f"Huvudområde {code}")


def _build_catalog(ds) -> Catalog:
    """The catalogue from a loaded dataset: its instrument items, area aliases and municipalities."""
    cat = Catalog()

    def add(version: str, code: str, name: str, kind: str) -> None:
        key = fold(name)
        if not key:
            return
        entries = cat.names.setdefault(key, [])
        if not any(v == version and c == code for v, c, _ in entries):
            entries.append((version, code, kind))

    items = ds.instrument_items
    for v, level, code, name, mx in items[["instrument_version", "level", "code", "name", "max_score"]].itertuples(index=False):
        v, level, code, name = str(v), str(level), str(code), str(name)
        if level == "area":
            cat.area_names[(v, code)] = name
            if not name.startswith("Huvudområde"):
                add(v, code, name, "canonical")
        elif level == "subarea":
            cat.subareas[(v, code)] = (name, float(mx))
    aliases = ds.area_aliases
    for v, code, alias in aliases[["instrument_version", "code", "alias"]].itertuples(index=False):
        add(str(v), str(code), str(alias), "alias")
    for v, c, name in _EXTRA_NAMES:
        add(v, c, name, "alias")
    for code, name in ds.municipalities[["kommunkod", "name"]].itertuples(index=False):
        cat.municipalities.append((str(code).zfill(4), str(name)))
    return cat


def _stamp(data_dir: Path) -> tuple:
    """When and how big each table file is: a changed dataset is read again, an unchanged one is not."""
    out = []
    for csv_name, _columns in TABLES.values():
        try:
            st = (data_dir / csv_name).stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


@lru_cache(maxsize=8)
def _load(data_dir: Path, stamp: tuple):
    from ..store import load_dataset  # lazy: the store imports the whole data layer

    ds = load_dataset(data_dir)
    return ds, _build_catalog(ds)


def load_context(data_dir=None):
    """(dataset, catalogue) of data_dir (default: the shipped datasets/), read once per folder."""
    # A folder without the dataset's tables ends in the store's UsageError (exit code 2).
    from ..store import DEFAULT_DATA_DIR

    path = Path(data_dir).resolve() if data_dir else DEFAULT_DATA_DIR
    return _load(path, _stamp(path))


def load_catalog(data_dir=None) -> Catalog:
    """The catalogue of data_dir (default: the shipped datasets/)."""
    return load_context(data_dir)[1]
