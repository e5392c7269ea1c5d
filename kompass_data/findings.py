"""Findings of the reports (strengths, improvement areas, named high scorers, good examples): check and search."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .compare import of_version
from .errors import Problem
from .names import fold
from .schema import FINDING_COLUMNS, SCORE_SET_KEY

FINDING_KINDS = ("strength", "improvement", "high_scorer", "example")
NAMED_KINDS = ("high_scorer", "example")

# A few query words in English and Swedish that the reports phrase in the other language. Folded;
# each word also finds its partners. Small on purpose: a thesaurus would find what the report does not say.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("whistleblower", "visselblasar"),
    ("ethics", "etik"),
    ("corruption", "korruption", "mutor"),
    ("citizen", "invanar", "medborgar"),
    ("dialogue", "dialog"),
    ("leadership", "ledarskap"),
    ("diversity", "mangfald"),
    ("recruitment", "rekryter"),
    ("complaint", "klagomal", "synpunkt"),
    ("survey", "enkat", "undersokning"),
    ("quality", "kvalitet"),
    ("environment", "miljo"),
    ("culture", "kultur"),
    ("strategy", "strategi"),
    ("efficiency", "effektiv"),
    ("improvement", "forbattring"),
)


def folded_text(text: str) -> str:
    """The text as search sees it: lower-case ASCII, 'Förbättring' -> 'forbattring'."""
    return fold(text)


def _alternatives(word: str) -> set[str]:
    """A folded query word and its partners from SYNONYMS (a query word may be a prefix of a listed one)."""
    out = {word}
    for group in SYNONYMS:
        # "whistle" and "whistleblowers" are the listed word; "forbattringsarbetet" is a word of its own.
        if any(g == word or (len(word) >= 4 and (g.startswith(word) or (word.startswith(g) and len(word) - len(g) <= 2)))
               for g in group):
            out |= set(group)
    return out


@dataclass(frozen=True)
class FindingFilter:
    """What the user searches for: free text, area, kind, municipality, version (empty = any)."""

    text: str = ""
    area: str | None = None
    kind: str | tuple[str, ...] | None = None
    kommunkod: str | None = None
    version: str | None = None
    year: int | None = None


def search_findings(findings: pd.DataFrame, flt: FindingFilter = FindingFilter()) -> pd.DataFrame:
    """The findings matching flt; every word of the text must occur (folded, or as a listed synonym)."""
    out = findings
    if flt.area:
        out = out[out["area_code"].astype(str) == str(flt.area)]
    if flt.kind:
        kinds = (flt.kind,) if isinstance(flt.kind, str) else tuple(flt.kind)
        out = out[out["kind"].isin(kinds)]
    if flt.kommunkod:
        out = out[(out["kommunkod"] == flt.kommunkod) | (out["named_kommunkod"] == flt.kommunkod)]
    if flt.version:
        out = of_version(out, flt.version)
    if flt.year:
        out = out[out["year"].astype(int) == int(flt.year)]
    words = [w for w in fold(flt.text).split() if w]
    if words and len(out):
        haystack = out["text"].map(folded_text) + " " + out["municipality"].map(folded_text)
        keep = pd.Series(True, index=out.index)
        for word in words:
            pattern = "|".join(re.escape(a) for a in sorted(_alternatives(word)))
            keep &= haystack.str.contains(pattern, regex=True)
        out = out[keep]
    return out


def findings_of(findings: pd.DataFrame, key: tuple) -> pd.DataFrame:
    """The findings of one score set (kommunkod, year, version, kind), in report order."""
    mask = pd.Series(True, index=findings.index)
    for col, value in zip(SCORE_SET_KEY, key):
        mask &= findings[col].astype(str) == str(value)
    return findings[mask]


def named_high_scorers(findings: pd.DataFrame, version: str, area: str) -> pd.DataFrame:
    """Municipalities a report of this version names as high scorers in the area, with the report."""
    rows = of_version(findings, version)
    rows = rows[(rows["kind"] == "high_scorer") & (rows["area_code"].astype(str) == str(area))]
    return rows


def validate_findings(raw: pd.DataFrame, score_set_keys: set[tuple[str, str, str, str]],
                      area_codes: dict[str, set[str]], kommunkoder: set[str]) -> list[Problem]:
    """Every problem of a findings table read as text: rows numbered as in a spreadsheet (header = row 1)."""
    problems: list[Problem] = []
    missing = [c for c in FINDING_COLUMNS if c not in raw.columns]
    if missing:
        return [Problem(1, c, "problem.missing_column", {"column": c}) for c in missing]
    for i, row in enumerate(raw.to_dict("records"), start=2):
        row = {k: str(v if v is not None and not (isinstance(v, float) and pd.isna(v)) else "").strip()
               for k, v in row.items()}
        version = row["instrument_version"]
        if row["kind"] not in FINDING_KINDS:
            problems.append(Problem(i, "kind", "problem.finding_kind", {"value": row["kind"], "allowed": ", ".join(FINDING_KINDS)}))
        if row["area_code"] not in area_codes.get(version, set()):
            problems.append(Problem(i, "area_code", "problem.finding_area",
                                    {"value": row["area_code"], "version": version,
                                     "allowed": ", ".join(sorted(area_codes.get(version, set()))) or "–"}))
        if not row["text"]:
            problems.append(Problem(i, "text", "problem.finding_text", {}))
        key = (row["kommunkod"], row["year"], version, row["evaluation_kind"])
        if key not in score_set_keys:
            problems.append(Problem(i, "kommunkod", "problem.finding_score_set",
                                    {"kommunkod": row["kommunkod"], "year": row["year"], "version": version,
                                     "kind": row["evaluation_kind"]}))
        named = row["named_kommunkod"]
        if row["kind"] in NAMED_KINDS and named not in kommunkoder:
            problems.append(Problem(i, "named_kommunkod", "problem.finding_named", {"value": named}))
        if row["kind"] not in NAMED_KINDS and named:
            problems.append(Problem(i, "named_kommunkod", "problem.finding_named_extra", {"value": named}))
        if not row["source"]:
            problems.append(Problem(i, "source", "problem.missing_source", {}))
    return problems


def dataset_findings_problems(ds, raw: pd.DataFrame | None = None) -> list[Problem]:
    """validate_findings against a loaded dataset (its score sets, its areas, its municipalities)."""
    if raw is None:
        path = ds.data_dir / FINDINGS_CSV
        if not path.exists():
            return []
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    keys = set(map(tuple, ds.score_sets[SCORE_SET_KEY].astype(str).itertuples(index=False)))
    items = ds.instrument_items[ds.instrument_items["level"].astype(str) == "area"]
    areas: dict[str, set[str]] = {}
    for version, code in zip(items["instrument_version"].astype(str), items["code"].astype(str)):
        areas.setdefault(version, set()).add(code)
    return validate_findings(raw, keys, areas, set(ds.municipalities["kommunkod"]))


FINDINGS_CSV = "findings.csv"


def findings_csv_text(rows: pd.DataFrame | list[dict]) -> str:
    """Findings as CSV text in the columns of findings.csv (a header only when there are none)."""
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    return frame.to_csv(index=False, lineterminator="\n")


def profile_link(kommunkod: str, year) -> str:
    """The Kommunprofil URL of a score set (relative, so it works under any base path)."""
    return f"./kommunprofil?kommun={kommunkod}&ar={int(year)}"


def area_findings(findings: pd.DataFrame, key: tuple) -> dict[str, pd.DataFrame]:
    """Area code -> that area's findings of one score set (strengths, improvements, inspiration), report order."""
    own = findings_of(findings, key)
    return {code: rows for code, rows in own.groupby(own["area_code"].astype(str), sort=False)}


def named_high_scorer_table(ds, version: str) -> pd.DataFrame:
    """Per area, the municipalities the reports of a version name as high scorers: whom, where named, scored or not."""
    rows = of_version(ds.findings, version)
    rows = rows[rows["kind"] == "high_scorer"]
    names = ds.municipality_names
    scored = set(ds.version(version).score_sets["kommunkod"])
    return pd.DataFrame({
        "code": rows["area_code"].astype(str),
        "named": rows["named_kommunkod"].map(lambda c: names.get(c, c)),
        "named_kommunkod": rows["named_kommunkod"],
        "named_in": rows["municipality"] + " " + rows["year"].astype(str),
        "scored": rows["named_kommunkod"].isin(scored),
        "source": rows["source"],
    }).reset_index(drop=True)
