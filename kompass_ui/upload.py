"""Uploaded tables and reports as the Egna data page shows them (no Streamlit, no disk).

Reading, limits and validation are kompass_data.imports' (the pipeline the CLI's `add` and `ingest`
use too); here the staged result becomes the page's tables in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kompass_data import imports, messages

PASTED_NAME = imports.PASTED_NAME
MAX_MB = 5  # the upload cap; .streamlit/config.toml server.maxUploadSize says the same (a test checks)
MAX_BYTES = MAX_MB * 1024 * 1024  # Streamlit's megabyte; also the paste box's limit, in characters


@dataclass
class UploadOutcome:
    """What an upload holds, ready to show: valid rows to add, or located problems; for reports, the flags too."""

    name: str
    kind: str  # "table" or "report"
    scores: pd.DataFrame | None = None  # typed canonical rows, None when anything is wrong
    problems: pd.DataFrame = field(default_factory=pd.DataFrame)  # row, column, problem
    error: str | None = None  # a whole-file problem (unreadable, a limit reached, nothing found)
    summary: str = ""  # ingest's own summary for reports
    flags: pd.DataFrame = field(default_factory=pd.DataFrame)  # where, message (reports)
    sets: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per score set found

    @property
    def ok(self) -> bool:
        return self.scores is not None and not self.scores.empty


def process_bytes(raw: bytes, name: str, ds, lang: str) -> UploadOutcome:
    """An uploaded file: CSV/XLSX as a table, PDF/TXT as a report."""
    if imports.kind_of(raw, name) == imports.REPORT:
        return process_report(raw, name, ds, lang)
    return process_table(raw, name, ds, lang)


def process_text(text: str, ds, lang: str, name: str = PASTED_NAME) -> UploadOutcome:
    """Pasted text: a table when it has the canonical header, else report text."""
    if imports.looks_like_table(text):
        return process_table(text.encode("utf-8"), f"{name}.csv", ds, lang)
    return process_report(text, f"{name}.txt", ds, lang)


def process_table(raw: bytes, name: str, ds, lang: str) -> UploadOutcome:
    """A table through the import pipeline."""
    return outcome(imports.stage_table(raw, name, ds), ds, lang)


def process_report(raw: bytes | str, name: str, ds, lang: str) -> UploadOutcome:
    """A report (PDF bytes or text) through the import pipeline (PDFs are read by a bounded child process)."""
    return outcome(imports.stage_report(raw, name, ds), ds, lang)


def outcome(staged: imports.StagedImport, ds, lang: str) -> UploadOutcome:
    """The staged import as the page shows it: error, problems, flags and score sets in lang."""
    result = UploadOutcome(name=staged.name, kind=staged.kind, summary=staged.summary(lang))
    if staged.kind == imports.REPORT and staged.report is not None:
        result.flags = flags_table(staged.flags, lang)
    if staged.error is not None:
        result.error = staged.error.message(lang)
        result.problems = problems_table(staged.problems, lang)
        return result
    result.scores = staged.scores
    result.sets = sets_table(staged.score_sets(ds), lang)
    return result


def flags_table(flags: list[dict], lang: str) -> pd.DataFrame:
    """One line per cross-check flag of a report: where (year, version, level, code) and the message."""
    return pd.DataFrame(
        [
            {
                "where": f"{f.get('year', '')} {f.get('instrument_version', '')} {f.get('level', '')} {f.get('code', '')}".strip(),
                "message": messages.t(f["key"], lang, **(f.get("params") or {})),
            }
            for f in flags
        ],
        columns=["where", "message"],
    )


def problems_table(problems, lang: str) -> pd.DataFrame:
    """One line per problem: row (as in the spreadsheet), column, problem and fix."""
    if not problems:
        return pd.DataFrame()
    return pd.DataFrame(
        {
            messages.t("ui.upload.col_row", lang): [p.row if p.row is not None else "" for p in problems],
            messages.t("ui.upload.col_column", lang): [p.column or "" for p in problems],
            messages.t("ui.upload.col_problem", lang): [p.message(lang) for p in problems],
        }
    ).astype("string")


def sets_table(sets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The staged score sets with headings and kinds in lang (imports.StagedImport.score_sets)."""
    return pd.DataFrame(
        {
            messages.t("ui.col.municipality", lang): sets["municipality"].astype(str),
            messages.t("ui.col.year", lang): sets["year"].astype(int),
            messages.t("ui.col.version", lang): sets["instrument_version"].astype(str),
            messages.t("ui.col.kind", lang): [messages.t(f"ui.kind.{k}", lang) for k in sets["evaluation_kind"].astype(str)],
            messages.t("ui.col.total", lang): sets["total"].astype(float),
            messages.t("ui.upload.col_areas", lang): sets["n_areas"].astype(int),
            messages.t("ui.upload.col_subareas", lang): sets["n_subareas"].astype(int),
            messages.t("ui.upload.col_replaces", lang): [messages.t("ui.yes" if r else "ui.no", lang) for r in sets["replaces"]],
        }
    ).reset_index(drop=True)
