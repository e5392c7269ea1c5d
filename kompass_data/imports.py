"""One import pipeline: a table or a report -> validation report -> staged score sets -> add, or keep for a session.

    staged = stage_file("mina.xlsx", ds)            # or stage_bytes(raw, name, ds) / stage_text(text, ds)
    staged.ok, staged.error, staged.problems        # the validation report: whole-file error, or row/column problems
    staged.scores                                   # typed canonical rows, None unless every row is valid
    staged.findings                                 # reports: findings beside the scores (empty for now)
    add_staged(staged, data_dir)                    # all or nothing, locked, atomic, with backup (store)

The CLI's `add` and `ingest` and the dashboard's Egna data page all go through here, so a file is read,
bounded and validated the same way everywhere; the dashboard keeps the staged rows in its session.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import messages
from .errors import DataValidationError, KompassError, Problem
from .schema import SCORE_SET_KEY
from .store import (
    DEFAULT_DATA_DIR,
    AddResult,
    _atomic_write,
    check_output_target,
    scores_to_csv_text,
    write_score_sets,
)
from .tables import read_table, read_table_bytes
from .validate import validate_scores

TABLE, REPORT = "table", "report"
REPORT_SUFFIXES = (".pdf", ".txt", ".text")
PASTED_NAME = "inklistrad-text"
FIRST_DATA_ROW = 2  # row 1 is the header in a spreadsheet and in the CSV that `ingest` writes
SCORE_SET_COLUMNS = ["score_set_id", "municipality", "year", "instrument_version", "evaluation_kind", "total",
                     "n_areas", "n_subareas", "replaces"]
FINDINGS_COLUMNS = ["kommunkod", "year", "instrument_version", "evaluation_kind", "kind", "text", "source"]


def _no_findings() -> pd.DataFrame:
    return pd.DataFrame(columns=FINDINGS_COLUMNS)


@dataclass
class StagedImport:
    """What one file holds once read and validated: score rows to add, or the problems that stop them."""

    name: str
    kind: str  # TABLE or REPORT
    scores: pd.DataFrame | None = None  # typed canonical rows; None when anything is wrong
    error: KompassError | None = None  # a whole-file problem, or DataValidationError with located problems
    flags: list[dict] = field(default_factory=list)  # reports: cross-check flags (catalogue key + params)
    findings: pd.DataFrame = field(default_factory=_no_findings)  # reports: findings (slot for issue 10)
    report: object | None = None  # reports: ingest's IngestResult (its summary)

    @property
    def ok(self) -> bool:
        return self.error is None and self.scores is not None and not self.scores.empty

    @property
    def problems(self) -> list[Problem]:
        """Every located problem (row, column, message): empty for a whole-file error or a valid file."""
        return list(self.error.problems) if isinstance(self.error, DataValidationError) else []

    def raise_for_problems(self) -> None:
        """Raise the file's error (the CLI turns it into a message and an exit code)."""
        if self.error is not None:
            raise self.error

    def summary(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """A report's summary as ingest words it (municipality, score sets, flags); empty for a table."""
        return self.report.summary(lang) if self.report is not None else ""

    def score_sets(self, ds) -> pd.DataFrame:
        """One row per staged score set: who, when, which version and kind, total, counts, whether it replaces ds's."""
        if self.scores is None or self.scores.empty:
            return pd.DataFrame(columns=SCORE_SET_COLUMNS)
        shipped = set(ds.score_sets["score_set_id"])
        rows = []
        for key, part in self.scores.groupby(SCORE_SET_KEY, observed=True, sort=True):
            level = part["level"].astype(str)
            total = part.loc[level == "total", "score"]
            sid = ":".join(str(k) for k in key)
            rows.append({
                "score_set_id": sid, "municipality": str(part["municipality"].iloc[0]), "year": int(key[1]),
                "instrument_version": str(key[2]), "evaluation_kind": str(key[3]),
                "total": float(total.iloc[0]) if len(total) else None,
                "n_areas": int((level == "area").sum()), "n_subareas": int((level == "subarea").sum()),
                "replaces": sid in shipped,
            })
        return pd.DataFrame(rows, columns=SCORE_SET_COLUMNS)


def looks_like_table(text: str) -> bool:
    """A text is a table when its first non-empty line names the canonical key columns."""
    first = next((line for line in text.splitlines() if line.strip()), "").lower()
    return "kommunkod" in first and "score" in first


def kind_of(raw: bytes, name: str) -> str:
    """TABLE for CSV/XLSX (and text files with the canonical header), REPORT for PDF and report text."""
    lowered = name.lower()
    if lowered.endswith(REPORT_SUFFIXES) or raw[:5] == b"%PDF-":
        if not raw.startswith(b"%PDF") and looks_like_table(raw[:2000].decode("utf-8", errors="ignore")):
            return TABLE
        return REPORT
    return TABLE


def stage_bytes(raw: bytes, name: str, ds, **overrides) -> StagedImport:
    """A file's bytes: a table or a report, read within the limits and validated against ds."""
    if kind_of(raw, name) == TABLE:
        return stage_table(raw, name, ds)
    return stage_report(raw, name, ds, **overrides)


def stage_text(text: str, ds, name: str = PASTED_NAME) -> StagedImport:
    """Pasted text: a table when it has the canonical header, else report text."""
    if looks_like_table(text):
        return stage_table(text.encode("utf-8"), f"{name}.csv", ds)
    return stage_report(text, f"{name}.txt", ds)


def stage_file(path: str | os.PathLike, ds, kind: str | None = None, **overrides) -> StagedImport:
    """A file on disk: reports through ingest's bounded reader, tables through the table reader.

    kind: TABLE or REPORT to read the file as that whatever its name says (`ingest` reads any file as a report).
    """
    path = Path(path)
    name = path.name or str(path)
    if kind is None:
        kind = REPORT if path.suffix.lower() in REPORT_SUFFIXES and not _starts_like_table(path) else TABLE
    if kind == REPORT:
        from .ingest import IngestError
        from .ingest.reader import read_report

        try:
            text = read_report(path)
        except IngestError as exc:
            return StagedImport(name=name, kind=REPORT, error=exc)
        return stage_report(text, name, ds, **overrides)
    return _stage_table(lambda: read_table(path), name, ds)


def _starts_like_table(path: Path) -> bool:
    """A .txt file whose first line is the canonical header is a table, whatever its suffix says."""
    try:
        with path.open("rb") as fh:
            head = fh.read(2000)
    except OSError:
        return False
    return not head.startswith(b"%PDF") and looks_like_table(head.decode("utf-8", errors="ignore"))


def stage_table(raw: bytes, name: str, ds) -> StagedImport:
    """A table in the canonical columns, read as text and validated: every problem with row, column and fix."""
    return _stage_table(lambda: read_table_bytes(raw, name), name, ds)


def _stage_table(read, name: str, ds) -> StagedImport:
    staged = StagedImport(name=name, kind=TABLE)
    try:
        staged.scores = validate_scores(read(), ds.municipalities, ds.instrument_items, name)
    except KompassError as exc:
        staged.error = exc
    return staged


def stage_report(raw: bytes | str, name: str, ds, kommun=None, year=None, version=None) -> StagedImport:
    """Score sets found in a report (PDF bytes or text) by ingest, validated as the rows of a table."""
    from .ingest import IngestError, ingest_text

    staged = StagedImport(name=name, kind=REPORT)
    try:
        result = ingest_text(raw, source_name=name, kommun=kommun, year=year, version=version, data_dir=ds.data_dir)
    except IngestError as exc:
        staged.error = exc
        return staged
    staged.report, staged.flags = result, result.flags
    # Ingest's typed rows, numbered as the rows of the CSV `ingest -o` writes, checked by the same rules as a table.
    rows = result.scores.set_axis(range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(result.scores)))
    try:
        staged.scores = validate_scores(rows, ds.municipalities, ds.instrument_items, name, default_source=name)
    except DataValidationError as exc:
        staged.error = exc
    return staged


def add_staged(staged: StagedImport, data_dir: str | Path | None = None, replace_existing: bool = False) -> AddResult:
    """Write a valid staged import into the data folder: all or nothing, locked, atomic, with a backup."""
    staged.raise_for_problems()
    if staged.scores is None or staged.scores.empty:
        raise DataValidationError(staged.name, [Problem(None, None, "problem.empty", {"column": "score"})])
    return write_score_sets(staged.scores, staged.name, data_dir, replace_existing=replace_existing)


def write_csv(staged: StagedImport, path: str | Path, data_dir: str | Path | None = None) -> Path:
    """Write valid staged rows as a canonical CSV outside the data folder (a regular file), atomically."""
    staged.raise_for_problems()
    path = Path(path)
    check_output_target(path, Path(data_dir) if data_dir else DEFAULT_DATA_DIR, "ingest")
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = scores_to_csv_text(staged.scores).encode("utf-8")
    _atomic_write(path, lambda fh: fh.write(payload))
    return path


def add_scores(file: str | Path, data_dir: str | Path | None = None, replace_existing: bool = False) -> AddResult:
    """Read, validate and add the score sets in a file (table or report) to the data folder."""
    from .store import load_dataset

    staged = stage_file(file, load_dataset(data_dir))
    return add_staged(staged, data_dir, replace_existing=replace_existing)
