"""Ingest Kommunkompassen reports (PDF text layer or plain/OCR text) into score sets.

    result = ingest_file("rapport.pdf")            # or ingest_text(text, source_name="…")
    result = ingest_file("rapport.pdf", data_dir="my_datasets")  # catalogue and checks of another folder
    result.scores                                  # DataFrame in the canonical columns of scores.csv
    result.flags                                   # cross-check flags: catalogue key + params
    print(result.summary("sv")); result.to_csv("out.csv")

Every failure is an IngestError (a KompassError, exit code 1) with a catalogue key; a data_dir
without the dataset's tables is the store's UsageError (exit code 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import messages
from ..schema import CANONICAL_COLUMNS
from .errors import IngestError
from .limits import MAX_REPORT_CHARS
from .reader import read_report

__all__ = ["COLUMNS", "IngestError", "IngestResult", "ingest_file", "ingest_text"]

COLUMNS = CANONICAL_COLUMNS  # the columns of scores.csv, in order


@dataclass
class IngestResult:
    """The score sets found in one report: rows in canonical columns, flags, and where they came from."""

    scores: pd.DataFrame
    flags: list[dict] = field(default_factory=list)
    source_name: str = ""

    def summary(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """Municipality, score sets (year, version, kind, what was found per level), then the flags."""
        df = self.scores
        lines: list[str] = []
        if df.empty:
            return messages.t("ingest.error.no_scores", lang, file=self.source_name)
        sets = df.groupby(["year", "instrument_version", "evaluation_kind"], sort=True)
        lines.append(messages.t(
            "ingest.summary.header", lang, file=self.source_name, municipality=df["municipality"].iloc[0],
            kommunkod=df["kommunkod"].iloc[0], sets=sets.ngroups,
        ))
        for (year, version, kind), g in sets:
            tot = g.loc[g["level"] == "total", "score"]
            lines.append(messages.t(
                "ingest.summary.set", lang, year=year, version=version,
                kind=messages.t(f"ingest.kind.{kind}", lang),
                total=f"{tot.iloc[0]:g}" if len(tot) else messages.t("ingest.summary.none", lang),
                areas=int((g["level"] == "area").sum()), subareas=int((g["level"] == "subarea").sum()),
            ))
        if self.flags:
            lines.append(messages.t("ingest.summary.flags", lang, count=len(self.flags)))
            for f in self.flags:
                where = f"{f['year']} {f['instrument_version']} {f['level']} {f['code']}"
                lines.append(f"  [{where}] {messages.t(f['key'], lang, **f['params'])}")
        else:
            lines.append(messages.t("ingest.summary.no_flags", lang))
        return "\n".join(lines)

    def csv_text(self) -> str:
        """The scores as canonical CSV text (numbers as printed: 557, 426.5)."""
        return self.scores.to_csv(index=False, columns=COLUMNS, float_format="%g", lineterminator="\n")

    def to_csv(self, path: str | os.PathLike) -> None:
        """Write the scores (UTF-8, comma) atomically: a temporary file in the same folder, then os.replace."""
        from ..store import _atomic_write

        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = self.csv_text().encode("utf-8")
        _atomic_write(target, lambda fh: fh.write(payload))


def ingest_file(path, kommun=None, year=None, version=None, data_dir=None) -> IngestResult:
    """Read a report (PDF or text) and return its score sets; IngestError for anything else."""
    # data_dir: the dataset folder whose catalogue and municipalities are used (default: datasets/).
    try:
        name = Path(path).name or str(path)
    except TypeError:
        raise IngestError("ingest.error.not_found", file=repr(path)) from None
    text = read_report(path)
    return ingest_text(text, source_name=name, kommun=kommun, year=year, version=version, data_dir=data_dir)


def ingest_text(text, source_name: str = "text", kommun=None, year=None, version=None, data_dir=None) -> IngestResult:
    """Parse report text (plain or OCR) into score sets; options override what the text says."""
    from .build import dataset_flags, parse_report, to_records, total_note
    from .catalog import load_context

    # First, so that a wrong data folder is the store's UsageError (exit 2), whatever the text.
    ds, cat = load_context(data_dir)

    if isinstance(text, bytes):
        from .reader import bytes_to_text

        text = bytes_to_text(text, source_name)
    if not isinstance(text, str) or not text.strip():
        raise IngestError("ingest.error.empty", file=source_name)
    if len(text) > MAX_REPORT_CHARS:
        raise IngestError("ingest.error.too_long", file=source_name, chars=len(text), limit=MAX_REPORT_CHARS)
    try:
        parsed = parse_report(text, source_name, ds, cat, kommun=kommun, year=year, version=version)
        records = to_records(parsed, f"ingested from {source_name}", cat)
        df = pd.DataFrame.from_records(records, columns=COLUMNS)
        for col in COLUMNS:
            if col == "year":
                df[col] = df[col].astype("int64")
            elif col in ("score", "max_score"):
                df[col] = df[col].astype("float64")
            else:
                df[col] = df[col].fillna("").astype(str)
        checked = dataset_flags(ds, df)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError("ingest.error.internal", file=source_name, reason="RecursionError") from None
    except Exception as exc:  # a safety net: the CLI must never show a traceback
        raise IngestError("ingest.error.internal", file=source_name, reason=f"{type(exc).__name__}: {exc}") from None
    # A total that disagrees with its areas by more than rounding gets the note checks.py's rule implies.
    for f in checked:
        if f["key"] == "flag.total_vs_areas":
            row = (df["year"] == f["year"]) & (df["level"] == "total")
            df.loc[row, "note"] = total_note(f)
    flags = []
    by_year = {s.year: s for s in parsed.sets}
    for f in parsed.flags:
        s = by_year.get(f.year)
        flags.append({
            "kommunkod": parsed.kommunkod,
            "year": int(f.year),
            "instrument_version": s.version if s else "",
            "evaluation_kind": s.kind if s else "",
            "level": f.level,
            "code": f.code,
            "key": f.key,
            "params": dict(f.params),
        })
    flags += checked  # after the ingest-only flags: the ones `validate` will also show
    return IngestResult(scores=df, flags=flags, source_name=source_name)
