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
from .schema import CANONICAL_COLUMNS, DATA_SOURCES, LICENSES, SCORE_COLUMNS, frictionless_fields, score_set_ids
from .store import _atomic_write, check_output_target

# csv-sv: what Excel with Swedish settings opens as columns (semicolon, decimal comma, UTF-8 with BOM).
FORMATS = ("csv", "csv-sv", "xlsx", "parquet")
MEDIATYPES = {
    "csv": "text/csv",
    "csv-sv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
SUFFIXES = {"csv": ".csv", "csv-sv": ".csv", "xlsx": ".xlsx", "parquet": ".parquet"}
FORMAT_BY_SUFFIX = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
FORMAT_NAMES = {"csv": "CSV", "csv-sv": "CSV (Excel, svenska)", "xlsx": "Excel", "parquet": "Parquet"}
# A spreadsheet runs a cell as a formula when it starts with these, even after leading spaces.
_FORMULA_START = re.compile(r"^[\s]*[=+\-@\t\r]")
# Terminal escape sequences first (so no '[31m' remains), then every control character but tab, LF and CR:
# openpyxl refuses them in a cell, and a spreadsheet or terminal has no use for them.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EXTRA_COLUMNS = {
    "flags": ("string", "Consistency checks that concern this number (see flag_details); empty when none"),
    "flag_details": ("string", "The flags in words"),
    "set_flags": ("string", "Every check flagged anywhere in this number's score set (e.g. total_vs_areas), on every "
                            "row of the set, so a selection of areas keeps the flag that sits on the total"),
    "set_flag_details": ("string", "The score set's flags in words, with the item each concerns"),
}
# Mirrors CITATION.cff at the project root (a test keeps the two in step).
CITATION = {
    "title": "Kommunkompassen analytics: published Kommunkompassen scores compiled with sources",
    "authors": "Kommunkompassen analytics contributors",
    "version": "0.1.0",
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


def strip_control(value):
    """A text without terminal escapes and control characters (tab and line breaks kept)."""
    if isinstance(value, str):
        return _CONTROL.sub("", _ANSI.sub("", value))
    return value


def neutralise_formula(value):
    """Prefix a text that a spreadsheet would run as a formula with an apostrophe (control characters removed)."""
    value = strip_control(value)
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
    """Per score row: the checks that concern it, and every check of its score set (on every row of the set)."""
    empty = pd.Series("", index=scores.index, dtype="string")
    flags = ds.flags.copy()
    if flags.empty:
        return pd.DataFrame({c: empty for c in EXTRA_COLUMNS})
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
    # The whole set's flags: a total that disagrees with its areas concerns the areas too.
    code = flags["code"].astype(str)
    whole = flags.assign(_where=code.where(code == "total", flags["level"].astype(str) + " " + code))
    whole = whole.assign(_text=whole["_where"] + ": " + whole[message])
    in_set = whole.groupby("_key").agg(
        check=("check", lambda c: ";".join(dict.fromkeys(c))), text=("_text", " | ".join))
    return pd.DataFrame(
        {
            "flags": checks_,
            "flag_details": details,
            "set_flags": [in_set["check"].get(k, "") for k in keys],
            "set_flag_details": [in_set["text"].get(k, "") for k in keys],
        },
        index=scores.index, dtype="string",
    )


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


def is_url(text: str) -> bool:
    """A public web address (http or https)."""
    return bool(re.match(r"^https?://\S+$", text.strip()))


def datapackage(table: pd.DataFrame, fmt: str, path_name: str, flt: ExportFilter) -> dict:
    """A Frictionless Data Package describing an exported table: fields, filters, licences, sources, citation."""
    fields = frictionless_fields({c: SCORE_COLUMNS.get(c) or EXTRA_COLUMNS[c] for c in table.columns})
    resource = {
        "name": "scores",
        "path": path_name,
        "format": "csv" if fmt == "csv-sv" else fmt,
        "mediatype": MEDIATYPES[fmt],
        "encoding": "utf-8-sig" if fmt.startswith("csv") else "utf-8",
        "rows": int(len(table)),
        "schema": {"fields": fields, "missingValues": [""]},
    }
    if fmt == "csv-sv":
        resource["dialect"] = {"delimiter": ";"}
        for field in fields:
            if field["type"] == "number":
                field["decimalChar"] = ","
    row_sources = sorted(set(table["source"].astype(str))) if "source" in table else []
    return {
        "profile": "data-package",
        "name": "kommunkompassen-export",
        "title": "Kommunkompassen scores (filtered export)",
        "description": (
            "Published Kommunkompassen scores, one row per published number: published facts, compiled with the "
            "source of every row. Scores are comparable only within one instrument_version. Numbers are as "
            "published; flags mark published figures that disagree with each other and are never corrected "
            "silently (set_flags carries a score set's flags on every row of the set)."
        ),
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "version": CITATION["version"],
        "citation": citation_text("en"),
        "filters": {k: v for k, v in asdict(flt).items() if v not in (None, (), [])},
        "licenses": list(LICENSES),
        "sources": list(DATA_SOURCES)
        + [{"title": s, "path": s} if is_url(s) else {"title": s} for s in row_sources],
        "resources": [resource],
    }


def citation_text(lang: str = "en", date: _dt.date | None = None) -> str:
    """How to cite an export, with the date it was made."""
    date = date or _dt.date.today()
    if lang == "sv":
        return (f"{CITATION['authors']} ({date.year}). {CITATION['title']} (version {CITATION['version']}). "
                f"Dataset och programvara. Uttag {date.isoformat()}.")
    return (f"{CITATION['authors']} ({date.year}). {CITATION['title']} (version {CITATION['version']}). "
            f"Dataset and software. Extracted {date.isoformat()}.")


def readme_text(table: pd.DataFrame, fmt: str, flt: ExportFilter) -> str:
    """README.txt of an export: what it is, how to cite it (Swedish and English), licences and sources."""
    filters = ", ".join(f"{k}={v}" for k, v in asdict(flt).items() if v not in (None, (), [])) or "–"
    licences = "\n".join(f"- {lic['name']}: {lic['title']} <{lic['path']}>" for lic in LICENSES)
    sources = "\n".join(f"- {src['title']} <{src['path']}>" for src in DATA_SOURCES)
    return f"""Kommunkompassen – uttag / export
=================================

Fil / file: kommunkompassen.{SUFFIXES[fmt].lstrip('.')} ({FORMAT_NAMES[fmt]}), {len(table)} rader / rows.
Urval / filters: {filters}

SVENSKA
-------
Poängen är publicerade fakta: de siffror SKR (tidigare SKL) och kommunerna själva har publicerat
från utvärderingar med Kommunkompassen, sammanställda med källa på varje rad (kolumnen source:
en offentlig webbadress eller en fullständig referens). Inget är uppskattat. Poäng är jämförbara
bara inom en version av instrumentet (kolumnen instrument_version). Publicerade siffror som inte
stämmer med varandra står kvar som de publicerades och flaggas (flags, set_flags).

Så citerar du:
  {citation_text("sv")}
Citera också den ursprungliga källan (kolumnen source) för de siffror du använder.
Kodbok: datapackage.json (kolumner, typer, betydelse, urval, licenser, källor).

ENGLISH
-------
The scores are published facts: the figures SKR (formerly SKL) and the municipalities themselves
published from Kommunkompassen evaluations, compiled with a source on every row (column source:
a public web address or a full citation). Nothing is estimated. Scores are comparable only within
one instrument version (column instrument_version). Published figures that disagree are kept as
published and flagged (flags, set_flags).

How to cite:
  {citation_text("en")}
Please also cite the original source (column source) of the figures you use.
Codebook: datapackage.json (columns, types, meaning, filters, licences, sources).

Licences / licenser
-------------------
{licences}

Sources / källor
----------------
{sources}
"""


def codebook_rows(table: pd.DataFrame) -> pd.DataFrame:
    """column, type, meaning for each exported column (the XLSX codebook sheet)."""
    fields = frictionless_fields({c: SCORE_COLUMNS.get(c) or EXTRA_COLUMNS[c] for c in table.columns})
    return pd.DataFrame(
        [(f["name"], f["type"], f["description"] + (f" ({', '.join(f['constraints']['enum'])})"
                                                    if "constraints" in f else "")) for f in fields],
        columns=["column", "type", "meaning"],
    )


def source_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Each row source with how many exported rows cite it, then the dataset-wide sources and licences."""
    counts = table["source"].astype(str).value_counts() if "source" in table else pd.Series(dtype="int64")
    rows = [("scores", src, int(n), src if is_url(src) else "") for src, n in sorted(counts.items())]
    rows += [("dataset", src["title"], None, src["path"]) for src in DATA_SOURCES]
    rows += [("licence", lic["title"], None, lic["path"]) for lic in LICENSES]
    return pd.DataFrame(rows, columns=["kind", "source", "rows", "url"])


def _xlsx_bytes(safe: pd.DataFrame) -> bytes:
    """Data sheet (frozen header, auto-filter, number formats), codebook sheet and sources sheet."""
    from openpyxl.utils import get_column_letter

    buf = io.BytesIO()
    sheets = {"scores": safe, "codebook": sanitise(codebook_rows(safe)), "sources": sanitise(source_rows(safe))}
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, index=False, sheet_name=name)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = sheet.dimensions
            for i, col in enumerate(frame.columns, start=1):
                letter = get_column_letter(i)
                width = max([len(str(col)), *(len(str(v)) for v in frame[col].head(200))]) if len(frame) else len(col)
                sheet.column_dimensions[letter].width = min(60, max(8, width + 2))
                if pd.api.types.is_numeric_dtype(frame[col]):
                    values = frame[col].dropna()
                    integral = bool(((values % 1) == 0).all()) if len(values) else True
                    number_format = "0" if integral else "0.0##"
                    for cell in sheet[letter][1:]:
                        cell.number_format = number_format
    return buf.getvalue()


def table_bytes(table: pd.DataFrame, fmt: str) -> bytes:
    """The sanitised table as CSV (UTF-8 with BOM), Swedish CSV (';', decimal comma, BOM), XLSX or Parquet."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    safe = sanitise(table)
    if fmt == "xlsx":
        return _xlsx_bytes(safe)
    buf = io.BytesIO()
    if fmt == "csv":
        # %.10g: 54 stays 54 (as the sources print it), 426.5 stays 426.5.
        buf.write(safe.to_csv(index=False, lineterminator="\n", float_format="%.10g").encode("utf-8-sig"))
    elif fmt == "csv-sv":
        buf.write(safe.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n", float_format="%.10g")
                  .encode("utf-8-sig"))
    else:
        safe.to_parquet(buf, index=False)
    return buf.getvalue()


def check_format_matches_name(path: Path, fmt: str) -> None:
    """Refuse a file name whose extension promises another format (xlsx bytes in x.csv)."""
    from .errors import UsageError

    expected = SUFFIXES[fmt]
    suffix = path.suffix.lower()
    if suffix != expected:
        raise UsageError("error.export_format_mismatch", path=str(path), suffix=suffix or "–", fmt=fmt,
                         expected=expected)


def check_output_path(path: Path, data_dir: Path | None) -> None:
    """Refuse an output file where writing would destroy something: inside the data folder, a device, a link."""
    check_output_target(path, data_dir, "export")  # the one check; `ingest -o` uses it with its own words


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
    """Write the table and datapackage.json beside it, each atomically, after the target checks."""
    path = Path(path)
    check_export_target(path, data_dir)
    check_format_matches_name(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = table_bytes(table, fmt)
    _atomic_write(path, lambda fh: fh.write(payload))
    package = json.dumps(datapackage(table, fmt, path.name, flt), ensure_ascii=False, indent=2).encode()
    codebook = path.parent / "datapackage.json"
    _atomic_write(codebook, lambda fh: fh.write(package))
    return path, codebook


def export_zip(table: pd.DataFrame, fmt: str, flt: ExportFilter, sources_md: str = "") -> bytes:
    """One download for the dashboard: the table, datapackage.json, README.txt (how to cite) and SOURCES.md."""
    name = f"kommunkompassen{SUFFIXES[fmt]}"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, table_bytes(table, fmt))
        zf.writestr("datapackage.json", json.dumps(datapackage(table, fmt, name, flt), ensure_ascii=False, indent=2))
        zf.writestr("README.txt", readme_text(table, fmt, flt))
        if sources_md:
            zf.writestr("SOURCES.md", sources_md)
    return buf.getvalue()
