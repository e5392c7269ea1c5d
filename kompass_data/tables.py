"""Reading user tables (CSV from Swedish spreadsheets, XLSX) as text, before validation; every input bounded."""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import re
import time
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from .errors import DataValidationError, KompassError, Problem, UsageError

# The limits of one table, CSV or XLSX alike (the CLI and the dashboard read through here).
MB = 1024 * 1024  # Streamlit's megabyte, as in the upload cap
MAX_TABLE_BYTES = 20 * MB  # the file; and all text in it, once read or unpacked
MAX_TABLE_ROWS = 20_000  # data rows: 400 score sets with every sub-area; a file usually holds one
MAX_CELL_CHARS = 10_000  # one cell: a long note, not a document
MAX_COLUMNS = 100  # the canonical table has 12
MAX_XLSX_UNPACKED = 100 * MB  # a workbook's XML unpacked (the markup around the text)
MAX_READ_SECONDS = 30  # reading stops here, whatever the file looks like

# ANSI/VT escape sequences (CSI, OSC, two-byte ESC x, 8-bit CSI) whole, then any other control character:
# C0 and C1 except tab, newline and carriage return; DEL; bidirectional overrides (they reorder text).
_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
# A well-formed UTF-8 sequence of two or more bytes: a cp1252 file almost never contains one by chance.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".removesuffix(".0")


def clean_text(value):
    """Text without terminal escapes or control characters (tab and newline kept); other values unchanged."""
    if not isinstance(value, str):
        return value
    # Control characters break Excel files (openpyxl refuses them) and ANSI escapes drive terminals.
    return _UNSAFE.sub("", value)


def decoded(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM or not), UTF-16 with BOM, or a whole file in Windows-1252.

    Windows-1252 is assumed only when the file holds no UTF-8 sequence at all (Excel's "CSV" on
    Windows); a UTF-8 file with a stray byte raises UnicodeDecodeError rather than turning into mojibake.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8"), "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _UTF8_MULTIBYTE.search(raw):
            raise
    return raw.decode("cp1252"), "cp1252"


def decode_text(raw: bytes) -> str:
    """decoded()'s text: UTF-8, UTF-16 with BOM, or a whole file in Windows-1252."""
    return decoded(raw)[0]


def _decode_table(raw: bytes, name: str) -> tuple[str, str]:
    """decoded(), with the line that is not UTF-8 named in a message."""
    try:
        return decoded(raw)
    except UnicodeDecodeError as exc:
        if exc.encoding.startswith("utf-16"):
            raise KompassError("error.unreadable_file", file=name, reason="UTF-16") from None
        start = exc.start + (3 if raw.startswith(codecs.BOM_UTF8) else 0)
        line = raw.count(b"\n", 0, start) + 1
        raise KompassError("error.not_utf8", file=name, line=line, byte=f"0x{raw[start]:02X}") from None


def _sniff_separator(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=counts.get) if max(counts.values()) else ","


def read_table_bytes(raw: bytes, name: str) -> pd.DataFrame:
    """A CSV or XLSX file's cells as text (no type guessing), header row taken as column names."""
    if len(raw) > MAX_TABLE_BYTES:
        raise KompassError("error.table_too_large", file=name, size_mb=_mb(len(raw)), limit_mb=_mb(MAX_TABLE_BYTES))
    if raw[:4] == b"PK\x03\x04":
        return _read_xlsx(raw, name)
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise KompassError("error.unreadable_file", file=name, reason="binary")
    text, encoding = _decode_table(raw, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise KompassError("error.unreadable_file", file=name, reason="empty")
    sep = _sniff_separator(text)
    rows = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        frame = _bounded_frame(enumerate(rows, start=1), name)
    except csv.Error as exc:
        if "field larger" in str(exc):  # the csv module's own cap, above ours: the same message
            raise DataValidationError(
                name, [Problem(None, None, "problem.cell_too_long", {"chars": f"> {MAX_CELL_CHARS}", "limit": MAX_CELL_CHARS})]
            ) from None
        raise KompassError("error.unreadable_file", file=name, reason=str(exc)) from None
    frame.attrs["decimal_comma"] = sep == ";"
    if encoding == "cp1252":
        frame.attrs["notices"] = [("notice.read_as_cp1252", {"file": name})]
    return frame


def _bounded_frame(rows: Iterable[tuple[int, list[str]]], name: str) -> pd.DataFrame:
    """Numbered rows (header first) as a text frame, stopping at the first limit reached."""
    started = time.monotonic()
    header: list[str] | None = None
    body: list[list[str]] = []
    index: list[int] = []
    chars = 0
    for count, (n, cells) in enumerate(rows, start=1):
        if count % 1000 == 0 and time.monotonic() - started > MAX_READ_SECONDS:
            raise KompassError("error.table_too_slow", file=name, seconds=MAX_READ_SECONDS)
        for position, cell in enumerate(cells):
            if len(cell) > MAX_CELL_CHARS:
                column = header[position] if header and position < len(header) else f"#{position + 1}"
                raise DataValidationError(
                    name, [Problem(n, column, "problem.cell_too_long", {"chars": len(cell), "limit": MAX_CELL_CHARS})]
                )
            chars += len(cell)
        if chars > MAX_TABLE_BYTES:
            raise KompassError("error.table_too_much_text", file=name, limit_mb=_mb(MAX_TABLE_BYTES))
        cells = [clean_text(cell) for cell in cells]
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            # Keep spreadsheet row numbers (header is row 1) so every problem names the row the user sees.
            header = [h.strip() for h in cells]
            while header and not header[-1]:
                header.pop()
            if len(header) > MAX_COLUMNS:
                raise KompassError("error.table_too_many_columns", file=name, limit=MAX_COLUMNS)
            _refuse_duplicate_headers(header, name, n)
            continue
        width = len(header)
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            raise KompassError("error.unreadable_file", file=name, reason=f"row {n}: more cells than the header")
        if len(body) >= MAX_TABLE_ROWS:
            raise KompassError("error.table_too_many_rows", file=name, limit=MAX_TABLE_ROWS)
        body.append((cells + [""] * width)[:width])
        index.append(n)
    if header is None:
        raise KompassError("error.unreadable_file", file=name, reason="empty")
    return pd.DataFrame(body, columns=header, dtype="string", index=index).fillna("")


def _refuse_duplicate_headers(header: list[str], name: str, row: int = 1) -> None:
    seen: dict[str, int] = {}
    problems = []
    for position, column in enumerate(header, start=1):
        key = column.lower()
        if key and key in seen:
            problems.append(Problem(row, column, "problem.duplicate_column", {"column": column, "first": seen[key], "again": position}))
        seen.setdefault(key, position)
    if problems:
        raise DataValidationError(name, problems)


def _cell_text(value) -> str:
    """A workbook cell as the text a user sees: 2018 not 2018.0, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, _dt.datetime) and value.time() == _dt.time():
        return value.date().isoformat()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def _xlsx_rows(raw: bytes, name: str) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows as text, streamed: the sheet's XML is fed to expat in chunks.

    openpyxl's read-only worksheet first scans the whole sheet for its size when the file does not
    state it (197 s for 200,000 rows); streaming the XML here keeps the cost proportional to the rows
    actually read, so the limits stop a large file early, and memory holds one row at a time.
    openpyxl still reads the workbook's parts (sheets, shared strings, which styles are dates).
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import SHARED_STRINGS

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            # Declared sizes bound what zipfile will inflate (it stops there), so they can be trusted.
            sizes = {info.filename: info.file_size for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise KompassError("error.unreadable_file", file=name, reason=type(exc).__name__) from None
    started = time.monotonic()
    try:
        reader = ExcelReader(io.BytesIO(raw), read_only=True, data_only=True)
        reader.read_manifest()
        # openpyxl holds the shared strings in memory whole (the sheet itself is streamed below).
        strings = reader.package.find(SHARED_STRINGS)
        text = sizes.get(strings.PartName.lstrip("/"), 0) if strings is not None else 0
        if sum(sizes.values()) > MAX_XLSX_UNPACKED or text > MAX_TABLE_BYTES:
            raise KompassError("error.xlsx_too_large_unpacked", file=name, size_mb=_mb(sum(sizes.values())),
                               limit_mb=_mb(MAX_XLSX_UNPACKED), text_mb=_mb(MAX_TABLE_BYTES))
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)  # which styles are dates
        target = next((rel.target for _sheet, rel in reader.parser.find_sheets()
                       if rel.target in reader.valid_files and "chartsheet" not in rel.Type), None)
        if target is None:
            raise KompassError("error.unreadable_file", file=name, reason="no sheet")
        sheet = _SheetReader(reader.shared_strings, reader.wb._date_formats, reader.wb.epoch, name)
        with reader.archive.open(target) as source:
            while chunk := source.read(1 << 16):
                sheet.feed(chunk)
                yield from sheet.take_rows()
                if time.monotonic() - started > MAX_READ_SECONDS:
                    raise KompassError("error.table_too_slow", file=name, seconds=MAX_READ_SECONDS)
            sheet.feed(b"", final=True)
            yield from sheet.take_rows()
    except KompassError:
        raise
    except Exception as exc:  # openpyxl and expat raise many types on a damaged file
        raise KompassError("error.unreadable_file", file=name, reason=type(exc).__name__) from None


_COLUMN_LETTERS = re.compile(r"[A-Z]{1,3}")
MAX_CELLS_PER_ROW = 16_384  # Excel's own column count: more is no spreadsheet


class _SheetReader:
    """expat callbacks turning a worksheet's XML into (row number, cell texts); values as openpyxl's data_only."""

    def __init__(self, shared_strings, date_styles, epoch, name: str):
        from xml.parsers import expat

        self.strings, self.date_styles, self.epoch, self.name = shared_strings, date_styles, epoch, name
        self.parser = expat.ParserCreate(namespace_separator="}")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.StartDoctypeDeclHandler = self._refuse_dtd
        self.rows: list[tuple[int, list[str]]] = []
        self.row_number = self.column = self.cells_in_row = 0
        self.values: dict[int, object] = {}
        self.kind = self.style = None
        self.value: str | None = None
        self.inline: list[str] = []
        self.parts: list[str] | None = None  # collecting the text of a <v> or <t>
        self.phonetic = 0  # inside <rPh>: pronunciation hints, not the value

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self.parser.Parse(chunk, final)

    def take_rows(self) -> list[tuple[int, list[str]]]:
        rows, self.rows = self.rows, []
        return rows

    def _refuse_dtd(self, *_args):
        # A workbook has no DTD; one here could only be an entity expansion attack.
        raise KompassError("error.unreadable_file", file=self.name, reason="DTD")

    def _start(self, tag: str, attrs: dict) -> None:
        local = tag[tag.rfind("}") + 1:]
        if local == "row":
            r = attrs.get("r", "")
            self.row_number = int(r) if r.isascii() and r.isdigit() else self.row_number + 1
            self.column = self.cells_in_row = 0
            self.values = {}
        elif local == "c":
            letters = _COLUMN_LETTERS.match(attrs.get("r", ""))
            self.column = _column_number(letters.group()) if letters else self.column + 1
            self.kind, self.style = attrs.get("t", "n"), attrs.get("s")
            self.value, self.inline = None, []
            self.cells_in_row += 1
            if self.cells_in_row > MAX_CELLS_PER_ROW:
                raise KompassError("error.table_too_many_columns", file=self.name, limit=MAX_COLUMNS)
        elif local == "v" or (local == "t" and not self.phonetic):
            self.parts = []
        elif local == "rPh":
            self.phonetic += 1

    def _text(self, data: str) -> None:
        if self.parts is not None:
            self.parts.append(data)

    def _end(self, tag: str) -> None:
        local = tag[tag.rfind("}") + 1:]
        if local == "v" and self.parts is not None:
            self.value, self.parts = "".join(self.parts), None
        elif local == "t" and self.parts is not None:
            self.inline.append("".join(self.parts))
            self.parts = None
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "c":
            value = self._value()
            if value is not None:
                if self.column > MAX_COLUMNS:
                    raise KompassError("error.table_too_many_columns", file=self.name, limit=MAX_COLUMNS)
                self.values[self.column] = value
        elif local == "row":
            width = max(self.values, default=0)
            self.rows.append((self.row_number, [_cell_text(self.values.get(c)) for c in range(1, width + 1)]))

    def _value(self):
        kind, text = self.kind, self.value
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline else None
        if not text:  # a formula without a cached result, or an empty value
            return None
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return text.strip() not in ("0", "")
        if kind != "n":  # str (a formula's text result), e (an error such as #N/A), d (ISO date)
            return text
        try:
            number = float(text) if any(ch in text for ch in ".eE") else int(text)
        except ValueError:
            return text  # validation says what is wrong with it, in its row and column
        if self.style and self.style.isdigit() and int(self.style) in self.date_styles:
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return text
        return number


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _read_xlsx(raw: bytes, name: str) -> pd.DataFrame:
    frame = _bounded_frame(_xlsx_rows(raw, name), name)
    frame.attrs["decimal_comma"] = True
    return frame


def read_table(path: str | Path) -> pd.DataFrame:
    """read_table_bytes() on a file, with a clear error if it is missing, a folder or too large."""
    path = Path(path)
    if path.is_dir():
        raise UsageError("error.file_is_directory", file=str(path))
    if not path.is_file():
        raise UsageError("error.file_not_found", file=str(path))
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise KompassError("error.table_too_large", file=path.name, size_mb=_mb(size), limit_mb=_mb(MAX_TABLE_BYTES))
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_TABLE_BYTES + 1)  # never more than the limit into memory
    except OSError as exc:
        raise UsageError("error.file_unreadable_os", file=str(path), reason=exc.strerror or type(exc).__name__) from None
    return read_table_bytes(raw, path.name)
