"""Row-level validation of candidate score rows: every problem located by row and column, with its fix."""

from __future__ import annotations

import datetime as _dt
import re

import pandas as pd

from .errors import DataValidationError, Problem
from .instruments import KINDS, LEVELS, REGISTRY, TOTAL_MAX, VERSIONS
from .names import fold
from .schema import CANONICAL_COLUMNS, ROW_KEY, SCORE_COLUMNS, apply_types
from .sources import is_local_path
from .tables import clean_text

REQUIRED = ["kommunkod", "year", "instrument_version", "evaluation_kind", "level", "code", "score"]
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$", re.ASCII)  # ASCII digits only: float() would take ٦١ and ²
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
# "1,234" or "1.234": a decimal with three places or a number with a thousands separator; scores have neither.
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}[,.]\d{3}$", re.ASCII)


def _cleaned(text: str) -> str:
    return text.strip().replace("\u00a0", "").replace(" ", "")


def _number(text: str, decimal_comma: bool) -> float | None:
    cleaned = _cleaned(text)
    if decimal_comma or ("," in cleaned and "." not in cleaned):
        cleaned = cleaned.replace(",", ".")
    return float(cleaned) if _NUMBER.match(cleaned) else None


def _ambiguous(text: str) -> dict | None:
    """The two readings of a number such as "1,234" (1.234 or 1234), or None when it is not ambiguous."""
    cleaned = _cleaned(text)
    if not _AMBIGUOUS.match(cleaned):
        return None
    return {"value": text.strip(), "small": cleaned.replace(",", "."), "large": re.sub(r"[,.]", "", cleaned)}


def validate_scores(
    raw: pd.DataFrame,
    municipalities: pd.DataFrame,
    items: pd.DataFrame,
    file: str,
    default_source: str | None = None,
) -> pd.DataFrame:
    """Typed canonical rows from a text table, or DataValidationError listing every problem."""
    problems: list[Problem] = []
    columns = {c.strip().lower(): c for c in raw.columns}
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise DataValidationError(file, [Problem(1, c, "problem.missing_column", {"column": c}) for c in missing])
    decimal_comma = bool(raw.attrs.get("decimal_comma"))
    names = dict(zip(municipalities["kommunkod"], municipalities["name"]))
    max_by_item = {
        (str(v), str(lvl), c): float(m)
        for v, lvl, c, m in items[["instrument_version", "level", "code", "max_score"]].itertuples(index=False)
    }
    codes_by = {}
    for (v, lvl, c) in max_by_item:
        codes_by.setdefault((v, lvl), []).append(c)
    this_year = _dt.date.today().year
    out_rows: list[dict] = []
    seen: dict[tuple, int] = {}

    def cell(row, name: str) -> str:
        return str(row[name]).strip() if name in row else ""

    # Plain dicts of the canonical columns: pandas' per-row Series cost 1 ms a row (20 s for 20,000 rows).
    canonical = [name for name in CANONICAL_COLUMNS if name in columns]
    records = raw[[columns[name] for name in canonical]].set_axis(canonical, axis=1).to_dict("records")
    for rownum, row in zip(raw.index, records):
        rownum = int(rownum)
        before = len(problems)

        def bad(where, key, **params):
            problems.append(Problem(rownum, where, key, params))

        for name in REQUIRED:
            if not cell(row, name):
                bad(name, "problem.empty", column=name)
        if len(problems) > before:
            continue
        kod = cell(row, "kommunkod")
        if _DIGITS.fullmatch(kod) and len(kod) == 3:  # a spreadsheet dropped the leading zero
            kod = "0" + kod
        if kod not in names:
            bad("kommunkod", "problem.bad_kommunkod", value=kod)
        name = cell(row, "municipality")
        if kod in names and name and fold(name) != fold(names[kod]):
            bad("municipality", "problem.name_mismatch", code=kod, expected=names[kod], value=name)
        year_text = cell(row, "year")
        year = int(year_text) if _DIGITS.fullmatch(year_text) else None  # "²⁰¹⁹" is isdigit() but no int
        if year is None or not REGISTRY.year_floor <= year <= this_year + 1:
            bad("year", "problem.bad_year", value=year_text, floor=REGISTRY.year_floor)
        version = cell(row, "instrument_version")
        if version not in VERSIONS:
            bad("instrument_version", "problem.bad_version", value=version, versions=", ".join(VERSIONS))
        kind = cell(row, "evaluation_kind")
        if kind not in KINDS:
            bad("evaluation_kind", "problem.bad_kind", value=kind)
        level = cell(row, "level")
        if level not in LEVELS:
            bad("level", "problem.bad_level", value=level)
        code = cell(row, "code")
        expected_max = None
        if version in VERSIONS and level in LEVELS:
            if level == "total":
                valid = ["total"]
                expected_max = TOTAL_MAX if code == "total" else None
            else:
                valid = codes_by.get((version, level), [])
                expected_max = max_by_item.get((version, level, code))
            if code not in valid:
                bad("code", "problem.bad_code", value=code, level=level, version=version,
                    valid=", ".join(valid[:12]) + (" …" if len(valid) > 12 else "") if valid else "–")
        score = _number(cell(row, "score"), decimal_comma)
        if (two := _ambiguous(cell(row, "score"))) is not None:
            score = None
            bad("score", "problem.ambiguous_number", **two)
        elif score is None:
            bad("score", "problem.bad_number", value=cell(row, "score"))
        max_text = cell(row, "max_score")
        max_score = _number(max_text, decimal_comma) if max_text else expected_max
        if max_text and (two := _ambiguous(max_text)) is not None:
            max_score = None
            bad("max_score", "problem.ambiguous_number", **two)
        elif max_text and max_score is None:
            bad("max_score", "problem.bad_number", value=max_text)
        elif expected_max is not None and max_score is not None and max_score != expected_max:
            bad("max_score", "problem.max_mismatch", value=f"{max_score:g}", expected=f"{expected_max:g}")
        if score is not None and max_score is not None and not 0 <= score <= max_score:
            bad("score", "problem.score_range", value=f"{score:g}", max=f"{max_score:g}")
        source = cell(row, "source") or (default_source or "")
        if not source:
            bad("source", "problem.missing_source")
        elif is_local_path(source):
            bad("source", "problem.local_source", value=source)
        if len(problems) > before:
            continue
        key = (kod, year, version, kind, level, code)
        if key in seen:
            bad("code", "problem.duplicate", what=f"{names[kod]} {year} {version} {kind} {level} {code}", other=seen[key])
            continue
        seen[key] = rownum
        out_rows.append(
            {
                "kommunkod": kod,
                "municipality": names[kod],
                "year": str(year),
                "instrument_version": version,
                "evaluation_kind": kind,
                "level": level,
                "code": code,
                "label_published": clean_text(cell(row, "label_published")),
                "score": str(score),
                "max_score": str(max_score),
                "source": clean_text(source),
                "note": clean_text(cell(row, "note")),
            }
        )
    if problems:
        raise DataValidationError(file, problems)
    if not out_rows:
        raise DataValidationError(file, [Problem(None, None, "problem.empty", {"column": "score"})])
    typed = apply_types(pd.DataFrame(out_rows, columns=CANONICAL_COLUMNS), SCORE_COLUMNS)
    assert not typed.duplicated(ROW_KEY).any()
    return typed
