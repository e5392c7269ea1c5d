"""Canonical columns, their types and meaning, and the pandera schemas of the typed tables."""

from __future__ import annotations

import datetime as _dt

import pandas as pd

from .instruments import KINDS, LEVELS, REGISTRY, VERSIONS

VERSION_DTYPE = pd.CategoricalDtype(list(VERSIONS), ordered=True)
KIND_DTYPE = pd.CategoricalDtype(list(KINDS))
LEVEL_DTYPE = pd.CategoricalDtype(list(LEVELS), ordered=True)
TEXT = "string"

# The columns of scores.csv, in order, with their type and meaning (the codebook's source).
SCORE_COLUMNS: dict[str, tuple[object, str]] = {
    "kommunkod": (TEXT, "SCB municipality code, 4 digits with leading zero"),
    "municipality": (TEXT, "Municipality name as in SCB's list (without 'kommun')"),
    "year": ("int16", "Year of the evaluation"),
    "instrument_version": (VERSION_DTYPE, "Kommunkompassen version the score set was scored with: " + ", ".join(VERSIONS)),
    "evaluation_kind": (KIND_DTYPE, "full = SKR's external evaluation; self = the municipality's own analysis"),
    "level": (LEVEL_DTYPE, "total (0-800), area (main area, 0-100) or subarea"),
    "code": (TEXT, "'total', area number 1-8, or sub-area code such as 1.1 (area identity within a version)"),
    "label_published": (TEXT, "The label as printed in the source (an alias; identity is the code)"),
    "score": ("float64", "Points as published"),
    "max_score": ("float64", "Maximum points of this item"),
    "source": (TEXT, "Where the number was published"),
    "note": (TEXT, "Remarks about the published number"),
}
CANONICAL_COLUMNS: list[str] = list(SCORE_COLUMNS)
SCORE_SET_KEY: list[str] = ["kommunkod", "year", "instrument_version", "evaluation_kind"]
ROW_KEY: list[str] = SCORE_SET_KEY + ["level", "code"]


def score_set_ids(frame: pd.DataFrame) -> pd.Series:
    """'2417:2018:2016:full' for each row: the score-set key as one string (URLs, joins, selections)."""
    return (
        frame["kommunkod"].astype(str) + ":" + frame["year"].astype(str) + ":"
        + frame["instrument_version"].astype(str) + ":" + frame["evaluation_kind"].astype(str)
    )

REFERENCE_COLUMNS: dict[str, tuple[object, str]] = {
    "instrument_version": (VERSION_DTYPE, "Version the statistic belongs to"),
    "year": ("int16", "Year the statistic was published for"),
    "statistic": (TEXT, "mean or median"),
    "population": (TEXT, "What the statistic covers, as the source says"),
    "level": (LEVEL_DTYPE, "total or area"),
    "code": (TEXT, "'total' or area number"),
    "label_published": (TEXT, "Label as printed"),
    "score": ("float64", "Published value"),
    "max_score": ("float64", "Maximum points"),
    "source": (TEXT, "Where it was published"),
    "note": (TEXT, "Remarks"),
}

MUNICIPALITY_COLUMNS: dict[str, tuple[object, str]] = {
    "kommunkod": (TEXT, "SCB municipality code"),
    "name": (TEXT, "Municipality name"),
    "lan_kod": (TEXT, "County (län) code"),
    "lan_name": (TEXT, "County name"),
    "kommungrupp_2017_code": (TEXT, "SKR municipality group 2017 (A1 … C9)"),
    "kommungrupp_2017_name": (TEXT, "SKR municipality group 2017, name"),
    "kommungrupp_2023_code": (TEXT, "SKR municipality group 2023 (A1 … C9): the default peer grouping"),
    "kommungrupp_2023_name": (TEXT, "SKR municipality group 2023, name"),
    "population": ("Int64", "Population (not yet filled)"),
    "population_year": ("Int16", "Year of population"),
}

ITEM_COLUMNS: dict[str, tuple[object, str]] = {
    "instrument_version": (VERSION_DTYPE, "Version"),
    "level": (LEVEL_DTYPE, "area or subarea"),
    "code": (TEXT, "Area or sub-area code"),
    "name": (TEXT, "Canonical name (Swedish, as SKR prints it)"),
    "name_en": (TEXT, "English name (this project's translation, for the English UI)"),
    "max_score": ("float64", "Maximum points"),
}

ALIAS_COLUMNS: dict[str, tuple[object, str]] = {
    "instrument_version": (VERSION_DTYPE, "Version"),
    "level": (LEVEL_DTYPE, "area or subarea"),
    "code": (TEXT, "Area code"),
    "alias": (TEXT, "Another published name of the area"),
    "seen_in": (TEXT, "Where the alias was seen"),
}

VERSION_COLUMNS: dict[str, tuple[object, str]] = {
    "instrument_version": (VERSION_DTYPE, "Version"),
    "first_year": ("int16", "First year the version is normally used"),
    "last_year": ("Int16", "Last year (empty: still in use)"),
    "order": ("int8", "Order of versions"),
    "note": (TEXT, "About the version"),
}

EVALUATION_COLUMNS: dict[str, tuple[object, str]] = {
    "municipality": (TEXT, "Municipality"),
    "kommunkod": (TEXT, "SCB code"),
    "year": ("Int16", "Year of the evaluation (empty where unknown)"),
    "month": ("Int8", "Month, where known"),
    "instrument_version": (VERSION_DTYPE, "Version (empty where unknown)"),
    "evaluation_kind": (TEXT, "full, self or unknown"),
    "scores_published_in_sources": (TEXT, "yes/no/partial: whether scores were found"),
    "source_url": (TEXT, "Where the evaluation is listed"),
    "note": (TEXT, "Remarks"),
}

KOLADA_KPI_COLUMNS: dict[str, tuple[object, str]] = {
    "kpi": (TEXT, "Kolada KPI id, e.g. N00090"),
    "title": (TEXT, "Kolada's title of the KPI (Swedish)"),
    "description": (TEXT, "Kolada's definition, naming the producer (SCB, SKR, Valmyndigheten …)"),
    "unit": (TEXT, "Unit of the value"),
    "higher_is_better": (TEXT, "yes, no or unknown: this project's reading, not Kolada's"),
    "proposed_area": (TEXT, "Kommunkompassen area (1-8) this project proposes the KPI sits beside; not SKR's mapping; empty for context"),
    "why": (TEXT, "Why the KPI was chosen (this project's note)"),
    "caveat_sv": (TEXT, "What to keep in mind when reading the KPI beside scores (Swedish)"),
    "caveat_en": (TEXT, "What to keep in mind when reading the KPI beside scores (English)"),
    "first_year": ("int16", "First year with a value"),
    "last_year": ("int16", "Last year with a value"),
    "municipalities_covered": ("int16", "Municipalities with at least one value"),
    "source": (TEXT, "Where the values were taken from (repository, files, commit)"),
}

KOLADA_VALUE_COLUMNS: dict[str, tuple[object, str]] = {
    "kommunkod": (TEXT, "SCB municipality code"),
    "year": ("int16", "Year the value refers to"),
    "kpi": (TEXT, "Kolada KPI id (see kolada_kpis.csv)"),
    "value": ("float64", "Value as in Kolada (gender total, municipality level)"),
}

FINDING_COLUMNS: dict[str, tuple[object, str]] = {
    "kommunkod": (TEXT, "SCB code of the evaluated municipality (the score set the finding belongs to)"),
    "municipality": (TEXT, "Evaluated municipality"),
    "year": ("int16", "Year of the evaluation"),
    "instrument_version": (VERSION_DTYPE, "Version the evaluation was scored with"),
    "evaluation_kind": (KIND_DTYPE, "full or self, as in scores.csv"),
    "area_code": (TEXT, "Main area number 1-8 within the version"),
    "kind": (TEXT, "strength, improvement, high_scorer (a municipality the report names as scoring high in "
                   "the area) or example (a good example in another municipality)"),
    "text": (TEXT, "The finding as published (OCR damage kept, hyphenated line breaks rejoined); "
                   "for high_scorer the name as printed"),
    "named_kommunkod": (TEXT, "SCB code of the municipality a high_scorer or example names (empty otherwise)"),
    "source": (TEXT, "Report and section the finding was read from"),
    "note": (TEXT, "Remarks, e.g. when the column (strength or improvement) could not be decided"),
}

# table name -> (csv file, columns); the order is the build order.
TABLES: dict[str, tuple[str, dict[str, tuple[object, str]]]] = {
    "scores": ("scores.csv", SCORE_COLUMNS),
    "reference_profiles": ("reference_profiles.csv", REFERENCE_COLUMNS),
    "instrument_items": ("instrument_items.csv", ITEM_COLUMNS),
    "area_aliases": ("area_aliases.csv", ALIAS_COLUMNS),
    "instrument_versions": ("instrument_versions.csv", VERSION_COLUMNS),
    "municipalities": ("municipalities.csv", MUNICIPALITY_COLUMNS),
    "evaluations_known": ("evaluations_known.csv", EVALUATION_COLUMNS),
    "kolada_kpis": ("kolada_kpis.csv", KOLADA_KPI_COLUMNS),
    "kolada_values": ("kolada_values.csv", KOLADA_VALUE_COLUMNS),
    "findings": ("findings.csv", FINDING_COLUMNS),
}
# Tables a data folder may lack (older folders, other users' data): read as empty. Kolada's are also
# read only on first use (optional_table), since most commands never need 65,000 outcome values.
OPTIONAL_TABLES: frozenset[str] = frozenset({"kolada_kpis", "kolada_values", "findings"})
LAZY_TABLES: frozenset[str] = frozenset({"kolada_kpis", "kolada_values"})
REQUIRED_TABLES: tuple[str, ...] = tuple(name for name in TABLES if name not in OPTIONAL_TABLES)
# What load_dataset reads at once: the required tables and the small optional ones.
EAGER_TABLES: tuple[str, ...] = tuple(name for name in TABLES if name not in LAZY_TABLES)


def apply_types(frame: pd.DataFrame, columns: dict[str, tuple[object, str]]) -> pd.DataFrame:
    """Cast a table read as text to its declared column types (empty text becomes missing)."""
    out = {}
    for name, (dtype, _doc) in columns.items():
        col = frame[name]
        if dtype == TEXT:
            out[name] = col.astype("string").fillna("")
        elif isinstance(dtype, pd.CategoricalDtype):
            out[name] = col.astype("string").replace("", pd.NA).astype(dtype)
        elif dtype in ("float64",):
            out[name] = pd.to_numeric(col, errors="raise").astype("float64")
        else:
            out[name] = pd.to_numeric(col.replace("", pd.NA), errors="raise").astype(dtype)
    return pd.DataFrame(out)


def scores_schema():
    """The pandera schema of the typed scores table (imported lazily: pandera is slow to import)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "kommunkod": pa.Column(TEXT, pa.Check.str_matches(r"^\d{4}$")),
            "municipality": pa.Column(TEXT, pa.Check.str_length(min_value=1)),
            "year": pa.Column("int16", pa.Check.in_range(REGISTRY.year_floor, _dt.date.today().year + 1)),
            "instrument_version": pa.Column(VERSION_DTYPE),
            "evaluation_kind": pa.Column(KIND_DTYPE),
            "level": pa.Column(LEVEL_DTYPE),
            "code": pa.Column(TEXT, pa.Check.str_matches(r"^(total|[1-8](\.\d{1,2})?)$")),
            "label_published": pa.Column(TEXT),
            "score": pa.Column("float64", pa.Check.ge(0)),
            "max_score": pa.Column("float64", pa.Check.gt(0)),
            "source": pa.Column(TEXT, pa.Check.str_length(min_value=1)),
            "note": pa.Column(TEXT),
        },
        checks=[pa.Check(lambda df: df["score"] <= df["max_score"], error="score above max_score")],
        unique=ROW_KEY,
        strict=True,
        ordered=True,
    )


def municipalities_schema():
    """The pandera schema of the municipality reference table."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "kommunkod": pa.Column(TEXT, pa.Check.str_matches(r"^\d{4}$"), unique=True),
            "name": pa.Column(TEXT, pa.Check.str_length(min_value=1)),
            "lan_kod": pa.Column(TEXT, pa.Check.str_matches(r"^\d{2}$")),
            "kommungrupp_2017_code": pa.Column(TEXT, pa.Check.str_matches(r"^[ABC][1-9]$")),
            "kommungrupp_2023_code": pa.Column(TEXT, pa.Check.str_matches(r"^[ABC][1-9]$"), required=False),
        },
        strict=False,
    )


FRICTIONLESS_TYPES = {"int16": "integer", "Int16": "integer", "Int8": "integer", "int8": "integer",
                      "Int64": "integer", "float64": "number", TEXT: "string"}


def frictionless_fields(columns: dict[str, tuple[object, str]]) -> list[dict]:
    """Frictionless field descriptors (name, type, description, enum) for declared columns."""
    fields = []
    for name, (dtype, doc) in columns.items():
        field = {"name": name, "type": FRICTIONLESS_TYPES.get(str(dtype), "string"), "description": doc}
        if isinstance(dtype, pd.CategoricalDtype):
            field["constraints"] = {"enum": [str(c) for c in dtype.categories]}
        fields.append(field)
    return fields


# The compilation and the code; the published scores are facts with their sources, Kolada has its own terms.
LICENSES: tuple[dict, ...] = (
    {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
     "title": "Creative Commons Attribution 4.0 (this compilation: selection, structure, flags, codebook)"},
    {"name": "MIT", "path": "https://opensource.org/license/mit",
     "title": "MIT (the code that compiles, checks and exports the data)"},
)
KOLADA_CREDIT = "Källa: Kolada"
DATA_SOURCES: tuple[dict, ...] = (
    {"title": "SKR/SKL Kommunkompassen evaluation reports and the municipalities' own pages, as published "
              "(each score row's source column names its page or report); SKL's list of the reports as cited "
              "in its 2018 report on Norsjö",
     "path": "https://skl.se/demokratiledningstyrning/stodforattstyraochleda/attstyraforresultat/"
             "kommunkompassenutvarderingsverktyg/utvarderingsrapporterkommunkompassen.688.html"},
    {"title": "Kolada (RKA): outcome and context KPIs beside the scores. " + KOLADA_CREDIT + ". Free use with this "
              "credit; processed figures (e.g. correlations, nearest-year matches) are this project's, not Kolada's. "
              "Taken from the open-numbers/ddf--kolada--dump snapshot (commit 57f4d84df127c67a9ecb94a428f062e66191036d).",
     "path": "https://www.kolada.se/"},
    {"title": "Municipality codes and counties: sjbrg/swedish-geodata (CC0 1.0), from SCB; SKR municipality groups 2017",
     "path": "https://github.com/sjbrg/swedish-geodata"},
)


def dataset_package() -> dict:
    """The Frictionless Data Package of the shipped dataset: every table, its fields and sources."""
    return {
        "profile": "data-package",
        "name": "kommunkompassen",
        "title": "Kommunkompassen scores, references, instrument catalogue, municipalities and findings",
        "description": "Published Kommunkompassen scores (SKR), one row per published number, and the reports' "
        "findings (strengths, improvement areas, inspiration), one row per finding. "
        "Comparable only within one instrument_version. See SOURCES.md.",
        "licenses": list(LICENSES),
        "sources": list(DATA_SOURCES),
        "resources": [
            {
                "name": name,
                "path": csv_name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": frictionless_fields(columns), "missingValues": [""]},
            }
            for name, (csv_name, columns) in TABLES.items()
        ]
        + [
            {
                "name": "municipality_boundaries",
                "path": "sweden_municipalities.geojson",
                "format": "geojson",
                "mediatype": "application/geo+json",
                "description": "290 municipalities, WGS84, properties kommunkod and name (see SOURCES.md)",
            }
        ],
    }
