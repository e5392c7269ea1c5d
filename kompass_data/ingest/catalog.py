"""What ingest matches against: area names per version, the 2016 sub-area catalogue, municipalities."""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..names import fold

DATASETS = Path(__file__).resolve().parents[2] / "datasets"

VERSIONS = ("pre-2010", "2010", "2016", "2020")

# Published names seen on pages and in reports that are not in area_aliases.csv. They only help to
# find the area number; the row's label is still the catalogue name. (version, code, name)
_EXTRA_NAMES: tuple[tuple[str, str, str], ...] = (
    # pre-2010 areas, as printed in the first Swedish version
    ("pre-2010", "1", "Offentlighet och demokratisk kontroll"),
    ("pre-2010", "2", "Tillgänglighet, brukar- och medborgarorientering"),
    ("pre-2010", "2", "Tillgänglighet och brukarorientering"),
    ("pre-2010", "3", "Politisk styrning och kontroll"),
    ("pre-2010", "4", "Ledarskap, ansvar och delegation"),
    ("pre-2010", "5", "Resultat och effektivitet"),
    ("pre-2010", "6", "Personalpolitik"),
    ("pre-2010", "6", "Kommunen som arbetsgivare"),
    ("pre-2010", "7", "Verksamhetsutveckling"),
    ("pre-2010", "8", "Kommunen som samhällsbyggare"),
    ("pre-2010", "8", "Kommunen som samhällsutvecklare"),
    # 2010 / 2016 variants
    ("2010", "1", "Offentlighet och dialog"),
    ("2016", "1", "Offentlighet och dialog"),
    ("2010", "2", "Brukarfokus, tillgänglighet och bemötande"),
    ("2010", "6", "Kommunen som arbetsgivare – personalpolitik"),
    ("2010", "6", "Personalpolitik"),
    ("2016", "6", "Personalpolitik"),
    ("2010", "7", "Ständiga förbättringar"),
    ("2010", "8", "Kommunen som samhällsutvecklare"),
    ("2016", "8", "Kommunen som samhällsutvecklare"),
    # 2020 variants
    ("2020", "1", "Samspel mellan förtroendevalda och invånare"),
    ("2020", "1", "Samspel mellan politiker och medborgare"),
    ("2020", "1", "Samspel förtroendevalda och medborgare"),
    ("2020", "5", "Brukarfokus"),
    ("2020", "5", "Brukarens i fokus"),
    ("2020", "5", "Brukaren i fokus"),
    ("2020", "8", "Chefs- och ledarskap samt medarbetarskap"),
    ("2020", "8", "Chefs- och ledarskap, medarbetarskap"),
    ("2020", "8", "Ledarskap och medarbetarskap"),
    ("2020", "8", "Chefskap, ledarskap och medarbetarskap"),
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
        """The catalogue name for the row: the published name if it is itself a catalogue name of this
        area number (as the seed's 'Verksamhetsutveckling' in 2018), else the version's canonical name."""
        if published:
            names = self.catalogue_names(code)
            hit = names.get(fold(published))
            if hit:
                return hit
        return self.area_names.get((version, code), f"Huvudområde {code}")


def _read_csv(name: str) -> list[dict[str, str]]:
    path = DATASETS / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The catalogue from datasets/ (read once)."""
    cat = Catalog()

    def add(version: str, code: str, name: str, kind: str) -> None:
        key = fold(name)
        if not key:
            return
        entries = cat.names.setdefault(key, [])
        if not any(v == version and c == code for v, c, _ in entries):
            entries.append((version, code, kind))

    for row in _read_csv("instrument_items.csv"):
        v, level, code, name = row["instrument_version"], row["level"], row["code"], row["name"]
        if level == "area":
            cat.area_names[(v, code)] = name
            if not name.startswith("Huvudområde"):
                add(v, code, name, "canonical")
        elif level == "subarea":
            try:
                mx = float(row.get("max_score") or "nan")
            except ValueError:
                mx = float("nan")
            cat.subareas[(v, code)] = (name, mx)
    for row in _read_csv("area_aliases.csv"):
        add(row["instrument_version"], row["code"], row["alias"], "alias")
    for v, c, name in _EXTRA_NAMES:
        add(v, c, name, "alias")
    if not cat.area_names:  # datasets/ missing: fall back to the names above
        for v, c, name in _EXTRA_NAMES:
            cat.area_names.setdefault((v, c), name)
    for row in _read_csv("municipalities.csv"):
        cat.municipalities.append((row["kommunkod"].zfill(4), row["name"]))
    return cat
