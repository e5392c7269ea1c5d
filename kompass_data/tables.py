"""Reading user tables (CSV from Swedish spreadsheets, XLSX) as text, before validation."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from .errors import DataValidationError, KompassError, Problem, UsageError

MAX_TABLE_BYTES = 20 * 1024 * 1024


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252: what Swedish spreadsheets save."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict")


def _sniff_separator(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=counts.get) if max(counts.values()) else ","


def read_table_bytes(raw: bytes, name: str) -> pd.DataFrame:
    """A CSV or XLSX file's cells as text (no type guessing), header row taken as column names."""
    if len(raw) > MAX_TABLE_BYTES:
        raise KompassError("error.unreadable_file", file=name, reason=f"> {MAX_TABLE_BYTES // 1_000_000} MB")
    if raw[:4] == b"PK\x03\x04":
        return _read_xlsx(raw, name)
    if b"\x00" in raw[:4096]:
        raise KompassError("error.unreadable_file", file=name, reason="binary")
    try:
        text = decode_text(raw)
    except UnicodeDecodeError as exc:
        raise KompassError("error.unreadable_file", file=name, reason=str(exc)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise KompassError("error.unreadable_file", file=name, reason="empty")
    sep = _sniff_separator(text)
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    except csv.Error as exc:
        raise KompassError("error.unreadable_file", file=name, reason=str(exc)) from None
    header = [h.strip() for h in rows[0]]
    _refuse_duplicate_headers(header, name)
    width = len(header)
    # Keep spreadsheet row numbers (header is row 1) so every problem names the row the user sees.
    numbered = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(cell.strip() for cell in r)]
    for n, r in numbered:
        if len(r) > width and any(cell.strip() for cell in r[width:]):
            raise KompassError("error.unreadable_file", file=name, reason=f"row {n}: more cells than the header")
    body = [(r + [""] * width)[:width] for _n, r in numbered]
    frame = pd.DataFrame(body, columns=header, dtype="string", index=[n for n, _r in numbered]).fillna("")
    frame.attrs["decimal_comma"] = sep == ";"
    return frame


def _refuse_duplicate_headers(header: list[str], name: str) -> None:
    seen: dict[str, int] = {}
    problems = []
    for position, column in enumerate(header, start=1):
        key = column.lower()
        if key and key in seen:
            problems.append(Problem(1, column, "problem.duplicate_column", {"column": column, "first": seen[key], "again": position}))
        seen.setdefault(key, position)
    if problems:
        raise DataValidationError(name, problems)


def _read_xlsx(raw: bytes, name: str) -> pd.DataFrame:
    try:
        frame = pd.read_excel(io.BytesIO(raw), dtype=str, engine="openpyxl", keep_default_na=False)
    except Exception as exc:  # openpyxl raises many types on a damaged file
        raise KompassError("error.unreadable_file", file=name, reason=type(exc).__name__) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    # pandas renames a repeated header to "score.1": undo that to report the repetition itself.
    _refuse_duplicate_headers([re.sub(r"\.\d+$", "", c) for c in frame.columns], name)
    frame = frame.astype("string").fillna("")
    frame.index = frame.index + 2
    frame = frame[(frame != "").any(axis=1)]
    frame.attrs["decimal_comma"] = True
    return frame


def read_table(path: str | Path) -> pd.DataFrame:
    """read_table_bytes() on a file, with a clear error if it is missing."""
    path = Path(path)
    if not path.is_file():
        raise UsageError("error.file_not_found", file=str(path))
    return read_table_bytes(path.read_bytes(), path.name)
