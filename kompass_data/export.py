"""Download what you see: filtered long tables, formula-safe, with a Frictionless codebook."""

from __future__ import annotations

import datetime as _dt
import io
import json
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from .checks import flag_messages
from .compare import resolve_lan, resolve_municipality
from .schema import CANONICAL_COLUMNS, SCORE_COLUMNS, frictionless_fields, score_set_ids
from .store import _atomic_write

FORMATS = ("csv", "xlsx", "parquet")
MEDIATYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
# A spreadsheet runs a cell as a formula when it starts with these, even after leading spaces.
_FORMULA_START = re.compile(r"^[\s]*[=+\-@\t\r]")
EXTRA_COLUMNS = {
    "flags": ("string", "Consistency checks that concern this number (see flag_details); empty when none"),
    "flag_details": ("string", "The flags in words"),
}


@dataclass(frozen=True)
class ExportFilter:
    """The researcher's filters; every field optional."""

    version: str | None = None
    kommuner: tuple[str, ...] = ()
    lan: str | None = None
    kommungrupp: str | None = None
    level: str | None = None
    kind: str | None = None
    year_from: int | None = None
    year_to: int | None = None


def neutralise_formula(value):
    """Prefix a text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def sanitise(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns made formula-safe; numeric columns untouched (they stay numbers)."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_string_dtype(out[col]) or out[col].dtype == object:
            out[col] = out[col].map(neutralise_formula).astype("string")
    return out


def flag_columns(ds, scores: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Per score row: the checks that concern it and their messages (set-wide flags on every row)."""
    flags = ds.flags.copy()
    if flags.empty:
        return pd.DataFrame({"flags": pd.Series("", index=scores.index, dtype="string"),
                             "flag_details": pd.Series("", index=scores.index, dtype="string")})
    flags["_key"] = score_set_ids(flags)
    message = "message"
    flags[message] = flag_messages(flags, lang)
    set_wide = flags[flags["check"] == "year_outside_period"]
    per_row = flags[flags["check"] != "year_outside_period"]
    keys = score_set_ids(scores)
    row_keys = keys + ":" + scores["level"].astype(str) + ":" + scores["code"].astype(str)
    per_row_key = per_row["_key"] + ":" + per_row["level"].astype(str) + ":" + per_row["code"].astype(str)
    by_row = per_row.assign(_rk=per_row_key).groupby("_rk").agg({"check": ";".join, message: " | ".join})
    by_set = set_wide.groupby("_key").agg({"check": ";".join, message: " | ".join})
    checks_ = [
        ";".join(x for x in (by_row["check"].get(rk, ""), by_set["check"].get(k, "")) if x)
        for rk, k in zip(row_keys, keys)
    ]
    details = [
        " | ".join(x for x in (by_row[message].get(rk, ""), by_set[message].get(k, "")) if x)
        for rk, k in zip(row_keys, keys)
    ]
    return pd.DataFrame({"flags": checks_, "flag_details": details}, index=scores.index, dtype="string")


def filter_scores(ds, flt: ExportFilter = ExportFilter(), lang: str = "en") -> pd.DataFrame:
    """The long table (canonical columns plus flags) that the filters select."""
    scores = ds.scores
    mask = pd.Series(True, index=scores.index)
    if flt.version:
        mask &= ds.version(flt.version).scores_mask(scores)
    if flt.kommuner:
        codes = {resolve_municipality(ds, k) for k in flt.kommuner}
        mask &= scores["kommunkod"].isin(codes)
    munis = ds.municipalities.set_index("kommunkod")
    if flt.lan:
        lan = resolve_lan(ds, flt.lan)
        mask &= scores["kommunkod"].map(munis["lan_kod"]) == lan
    if flt.kommungrupp:
        mask &= scores["kommunkod"].map(munis["kommungrupp_2017_code"]) == flt.kommungrupp
    if flt.level:
        mask &= scores["level"].astype(str) == flt.level
    if flt.kind:
        mask &= scores["evaluation_kind"].astype(str) == flt.kind
    if flt.year_from is not None:
        mask &= scores["year"] >= flt.year_from
    if flt.year_to is not None:
        mask &= scores["year"] <= flt.year_to
    selected = scores[mask]
    return pd.concat([selected[CANONICAL_COLUMNS], flag_columns(ds, selected, lang)], axis=1).reset_index(drop=True)


def datapackage(table: pd.DataFrame, fmt: str, path_name: str, flt: ExportFilter) -> dict:
    """A Frictionless Data Package describing an exported table: fields, filters, sources, licence."""
    fields = frictionless_fields({c: SCORE_COLUMNS.get(c) or EXTRA_COLUMNS[c] for c in table.columns})
    sources = sorted(set(table["source"].astype(str))) if "source" in table else []
    return {
        "profile": "data-package",
        "name": "kommunkompassen-export",
        "title": "Kommunkompassen scores (filtered export)",
        "description": (
            "Published Kommunkompassen scores, one row per published number. Scores are comparable only "
            "within one instrument_version. Numbers are as published; flags mark published figures that "
            "disagree with each other and are never corrected silently."
        ),
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "filters": {k: v for k, v in asdict(flt).items() if v not in (None, (), [])},
        "sources": [{"title": s, "path": s} if s.startswith("http") else {"title": s} for s in sources],
        "resources": [
            {
                "name": "scores",
                "path": path_name,
                "format": fmt,
                "mediatype": MEDIATYPES[fmt],
                "encoding": "utf-8",
                "rows": int(len(table)),
                "schema": {"fields": fields, "missingValues": [""]},
            }
        ],
    }


def table_bytes(table: pd.DataFrame, fmt: str) -> bytes:
    """The sanitised table encoded as CSV (UTF-8 with BOM, for Excel), XLSX or Parquet."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    safe = sanitise(table)
    buf = io.BytesIO()
    if fmt == "csv":
        # %.10g: 54 stays 54 (as the sources print it), 426.5 stays 426.5.
        buf.write(safe.to_csv(index=False, lineterminator="\n", float_format="%.10g").encode("utf-8-sig"))
    elif fmt == "xlsx":
        with pd.ExcelWriter(buf, engine="openpyxl") as writer:
            safe.to_excel(writer, index=False, sheet_name="scores")
    else:
        safe.to_parquet(buf, index=False)
    return buf.getvalue()


def check_output_path(path: Path, data_dir: Path | None) -> None:
    """Refuse an output file where writing would destroy something: inside the data folder, a device, a link."""
    from .errors import UsageError

    if data_dir is not None and path.resolve().is_relative_to(Path(data_dir).resolve()):
        raise UsageError("error.export_inside_data_dir", path=str(path))
    if path.exists() and not path.is_file() or path.is_symlink():
        raise UsageError("error.export_not_a_file", path=str(path))


def check_export_target(path: Path, data_dir: Path | None) -> None:
    """check_output_path(), and no overwriting of a datapackage.json that another tool wrote."""
    from .errors import UsageError

    check_output_path(path, data_dir)
    codebook = path.resolve().parent / "datapackage.json"
    if codebook.exists():
        try:
            ours = json.loads(codebook.read_text(encoding="utf-8")).get("name") == "kommunkompassen-export"
        except (OSError, ValueError, AttributeError):
            ours = False
        if not ours:
            raise UsageError("error.export_foreign_codebook", path=str(path))


def write_export(
    table: pd.DataFrame, path: str | Path, fmt: str, flt: ExportFilter, data_dir: Path | None = None
) -> tuple[Path, Path]:
    """Write the table and datapackage.json beside it, each atomically, after check_export_target()."""
    path = Path(path)
    check_export_target(path, data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = table_bytes(table, fmt)
    _atomic_write(path, lambda fh: fh.write(payload))
    package = json.dumps(datapackage(table, fmt, path.name, flt), ensure_ascii=False, indent=2).encode()
    codebook = path.parent / "datapackage.json"
    _atomic_write(codebook, lambda fh: fh.write(package))
    return path, codebook


def export_zip(table: pd.DataFrame, fmt: str, flt: ExportFilter, sources_md: str = "") -> bytes:
    """One download for the dashboard: the table, datapackage.json and SOURCES.md in a zip."""
    name = f"kommunkompassen.{fmt}"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, table_bytes(table, fmt))
        zf.writestr("datapackage.json", json.dumps(datapackage(table, fmt, name, flt), ensure_ascii=False, indent=2))
        if sources_md:
            zf.writestr("SOURCES.md", sources_md)
    return buf.getvalue()
