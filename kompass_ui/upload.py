"""Uploaded tables and reports -> a validation report and score rows for this session (no Streamlit, no disk).

The same readers and validators as the CLI: kompass_data.tables.read_table_bytes and
validate.validate_scores for tables, kompass_data.ingest for report text and PDF (imported only when
a report arrives, so the page stays light).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kompass_data import messages
from kompass_data.errors import DataValidationError, KompassError
from kompass_data.schema import SCORE_SET_KEY
from kompass_data.tables import read_table_bytes
from kompass_data.validate import validate_scores

REPORT_SUFFIXES = (".pdf", ".txt", ".text")
PASTED_NAME = "inklistrad-text"
MAX_MB = 5  # the upload cap; .streamlit/config.toml server.maxUploadSize says the same (a test checks)
MAX_BYTES = MAX_MB * 1024 * 1024  # Streamlit's megabyte; also the paste box's limit, in characters


@dataclass
class UploadOutcome:
    """What an upload holds: valid rows to add, or located problems; for reports, the flags too."""

    name: str
    kind: str  # "table" or "report"
    scores: pd.DataFrame | None = None  # typed canonical rows, None when anything is wrong
    problems: pd.DataFrame = field(default_factory=pd.DataFrame)  # row, column, problem
    error: str | None = None  # a whole-file problem (unreadable, nothing found)
    summary: str = ""  # ingest's own summary for reports
    flags: pd.DataFrame = field(default_factory=pd.DataFrame)  # where, message (reports)
    sets: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per score set found

    @property
    def ok(self) -> bool:
        return self.scores is not None and not self.scores.empty


def looks_like_table(text: str) -> bool:
    """A pasted text is a table when its first non-empty line names the canonical key columns."""
    first = next((line for line in text.splitlines() if line.strip()), "").lower()
    return "kommunkod" in first and "score" in first


def process_bytes(raw: bytes, name: str, ds, lang: str) -> UploadOutcome:
    """An uploaded file: CSV/XLSX as a table, PDF/TXT as a report."""
    lowered = name.lower()
    if lowered.endswith(REPORT_SUFFIXES) or raw[:5] == b"%PDF-":
        if lowered.endswith(".txt") and looks_like_table(raw[:2000].decode("utf-8", errors="ignore")):
            return process_table(raw, name, ds, lang)
        return process_report(raw, name, ds, lang)
    return process_table(raw, name, ds, lang)


def process_text(text: str, ds, lang: str, name: str = PASTED_NAME) -> UploadOutcome:
    """Pasted text: a table when it has the canonical header, else report text."""
    if looks_like_table(text):
        return process_table(text.encode("utf-8"), f"{name}.csv", ds, lang)
    return process_report(text, f"{name}.txt", ds, lang)


def process_table(raw: bytes, name: str, ds, lang: str) -> UploadOutcome:
    """Read and validate a table in the canonical columns; every problem with row, column and fix."""
    outcome = UploadOutcome(name=name, kind="table")
    try:
        frame = read_table_bytes(raw, name)
        outcome.scores = validate_scores(frame, ds.municipalities, ds.instrument_items, name)
    except DataValidationError as exc:
        outcome.error = exc.message(lang)
        outcome.problems = problems_table(exc, lang)
        return outcome
    except KompassError as exc:
        outcome.error = exc.message(lang)
        return outcome
    outcome.sets = sets_table(outcome.scores, ds, lang)
    return outcome


def process_report(raw: bytes | str, name: str, ds, lang: str) -> UploadOutcome:
    """Find score sets in a report (PDF or text) with kompass_data.ingest, then validate them like a table."""
    outcome = UploadOutcome(name=name, kind="report")
    try:
        from kompass_data.ingest import IngestError, ingest_text
    except ImportError:
        outcome.error = messages.t("ui.upload.no_ingest", lang)
        return outcome
    try:
        result = ingest_text(raw, source_name=name)
    except (IngestError, KompassError) as exc:
        outcome.error = exc.message(lang)
        return outcome
    outcome.summary = result.summary(lang)
    outcome.flags = pd.DataFrame(
        [
            {
                "where": f"{f.get('year', '')} {f.get('instrument_version', '')} {f.get('level', '')} {f.get('code', '')}".strip(),
                "message": messages.t(f["key"], lang, **(f.get("params") or {})),
            }
            for f in result.flags
        ],
        columns=["where", "message"],
    )
    text_frame = _as_text(result.scores)
    try:
        outcome.scores = validate_scores(text_frame, ds.municipalities, ds.instrument_items, name, default_source=name)
    except DataValidationError as exc:
        outcome.error = exc.message(lang)
        outcome.problems = problems_table(exc, lang)
        return outcome
    outcome.sets = sets_table(outcome.scores, ds, lang)
    return outcome


def _as_text(scores: pd.DataFrame) -> pd.DataFrame:
    """Ingest's typed rows as the text cells a user's table would have (row numbers as in a CSV)."""
    out = pd.DataFrame(index=range(2, 2 + len(scores)))
    for col in scores.columns:
        values = scores[col].tolist()
        out[col] = ["" if v is None or (isinstance(v, float) and pd.isna(v)) else (f"{v:g}" if isinstance(v, float) else str(v)) for v in values]
    return out


def problems_table(exc: DataValidationError, lang: str) -> pd.DataFrame:
    """One line per problem: row (as in the spreadsheet), column, problem and fix."""
    return pd.DataFrame(
        {
            messages.t("ui.upload.col_row", lang): [p.row if p.row is not None else "" for p in exc.problems],
            messages.t("ui.upload.col_column", lang): [p.column or "" for p in exc.problems],
            messages.t("ui.upload.col_problem", lang): [p.message(lang) for p in exc.problems],
        }
    ).astype("string")


def sets_table(scores: pd.DataFrame, ds, lang: str) -> pd.DataFrame:
    """The score sets in validated rows: year, version, kind, total, counts; whether it replaces shipped data."""
    shipped = set(ds.score_sets["score_set_id"])
    rows = []
    for key, part in scores.groupby(SCORE_SET_KEY, observed=True, sort=True):
        kod, year, version, kind = (str(k) for k in key)
        total = part.loc[part["level"].astype(str) == "total", "score"]
        sid = f"{kod}:{year}:{version}:{kind}"
        rows.append(
            {
                messages.t("ui.col.municipality", lang): str(part["municipality"].iloc[0]),
                messages.t("ui.col.year", lang): int(year),
                messages.t("ui.col.version", lang): version,
                messages.t("ui.col.kind", lang): messages.t(f"ui.kind.{kind}", lang),
                messages.t("ui.col.total", lang): float(total.iloc[0]) if len(total) else None,
                messages.t("ui.upload.col_areas", lang): int((part["level"].astype(str) == "area").sum()),
                messages.t("ui.upload.col_subareas", lang): int((part["level"].astype(str) == "subarea").sum()),
                messages.t("ui.upload.col_replaces", lang): messages.t("ui.yes" if sid in shipped else "ui.no", lang),
            }
        )
    return pd.DataFrame(rows)
