"""Reading user tables: limits for CSV and XLSX alike, strict decoding, control characters, digits (issue 15)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompass_data import DataValidationError, KompassError, UsageError, parse_score_set
from kompass_data import tables
from kompass_data.tables import clean_text, read_table, read_table_bytes
from kompass_data.validate import validate_scores

HEADER = ["kommunkod", "municipality", "year", "instrument_version", "evaluation_kind", "level", "code",
          "label_published", "score", "max_score", "source", "note"]
TOTAL = ["2417", "Norsjö", "2018", "2016", "full", "total", "total", "Totalt", "509", "800", "synthetic test row", ""]
UNSAFE = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]] + ["\u202e", "\u2066"]


def _csv(rows, header=HEADER, sep=",") -> bytes:
    def quote(value):
        return '"' + value.replace('"', '""') + '"'

    return ("\n".join([sep.join(header), *(sep.join(quote(c) for c in r) for r in rows)]) + "\n").encode("utf-8")


def _xlsx(rows, header=HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _validate(table, shipped):
    return validate_scores(table, shipped.municipalities, shipped.instrument_items, "input")


def _only_problem(exc: DataValidationError):
    assert len(exc.problems) == 1, exc.report("en")
    return exc.problems[0]


# --- D1: control characters and ANSI escapes ------------------------------------------------------------------

@given(st.text())
def test_clean_text_leaves_no_control_character_and_keeps_the_rest(text):
    cleaned = clean_text(text)
    assert not any(ch in cleaned for ch in UNSAFE)
    assert clean_text(cleaned) == cleaned
    printable = "".join(ch for ch in text if ch not in UNSAFE)
    if printable == text:
        assert cleaned == text  # ordinary text, å ä ö, tabs and newlines pass unchanged


def test_clean_text_removes_whole_escape_sequences():
    assert clean_text("ring\x07 \x1b[31mröd\x1b[0m \x1b]0;titel\x07klar") == "ring röd klar"
    assert clean_text(61.5) == 61.5  # other values as they are


def test_a_bell_and_ansi_escapes_in_a_note_are_stripped_on_import(shipped):
    row = [*TOTAL[:-1], "ring\x07 \x1b[31mred\x1b[0m"]
    for raw in (_csv([row]), _xlsx([row[:-1] + ["ring red"]])):
        scores = _validate(read_table_bytes(raw, "notes"), shipped)
        assert scores["note"].tolist() == ["ring red"]
    # What Excel refuses to hold is gone: the imported note can be written to a workbook.
    openpyxl.Workbook().active.append(scores.astype(str).iloc[0].tolist())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=8), min_size=12, max_size=12),
       sep=st.sampled_from([",", ";"]))
def test_any_unicode_and_control_characters_end_in_rows_or_our_own_errors(shipped, cells, sep):
    raw = _csv([TOTAL, cells], sep=sep)
    try:
        scores = _validate(read_table_bytes(raw, "fuzz.csv"), shipped)
    except KompassError as exc:
        text = exc.report("en") if isinstance(exc, DataValidationError) else exc.message("en")
        assert "\x1b" not in text and "\x07" not in text
    else:
        for column in ("label_published", "source", "note", "municipality"):
            assert not any(ch in value for value in scores[column] for ch in UNSAFE)


# --- D7: digits that are not ASCII ------------------------------------------------------------------------------

def test_a_superscript_year_is_a_located_problem(shipped):
    row = TOTAL.copy()
    row[2] = "²⁰¹⁹"
    with pytest.raises(DataValidationError) as caught:
        _validate(read_table_bytes(_csv([row]), "sup.csv"), shipped)
    problem = _only_problem(caught.value)
    assert (problem.row, problem.column, problem.key) == (2, "year", "problem.bad_year")


def test_digits_of_other_scripts_are_not_numbers(shipped):
    row = TOTAL.copy()
    row[8] = "٥٠٩"  # Arabic-Indic 509: float() would take it
    with pytest.raises(DataValidationError) as caught:
        _validate(read_table_bytes(_csv([row]), "digits.csv"), shipped)
    assert (_only_problem(caught.value).column, _only_problem(caught.value).key) == ("score", "problem.bad_number")
    with pytest.raises(UsageError):
        parse_score_set(shipped, "Norsjö:²⁰¹⁸")


def test_a_thousands_separator_or_three_decimals_is_refused_as_ambiguous(shipped):
    row = TOTAL.copy()
    row[8] = "1,234"
    with pytest.raises(DataValidationError) as caught:
        _validate(read_table_bytes(_csv([row]), "amb.csv"), shipped)
    problem = _only_problem(caught.value)
    assert (problem.row, problem.column, problem.key) == (2, "score", "problem.ambiguous_number")
    assert "1.234" in problem.message("en") and "1234" in problem.message("en")
    row[8] = "61,5"
    row[5:7] = ["area", "1"]
    row[9] = "100"
    assert _validate(read_table_bytes(_csv([row], sep=";"), "ok.csv"), shipped)["score"].tolist() == [61.5]


# --- D8 and UTF-16: decoding -------------------------------------------------------------------------------------

def test_one_stray_windows_byte_in_utf8_names_its_line():
    raw = _csv([TOTAL, [*TOTAL[:7], "Tillgänglighet", *TOTAL[8:]]]).replace("Tillgänglighet".encode(), b"Tillg\xe4nglighet")
    assert "Norsjö".encode() in raw
    with pytest.raises(KompassError) as caught:
        read_table_bytes(raw, "mixed.csv")
    assert caught.value.key == "error.not_utf8" and caught.value.params["line"] == 3
    assert "rad 3" in caught.value.message("sv")


def test_a_whole_windows_1252_file_is_read_and_says_so():
    frame = read_table_bytes(_csv([TOTAL]).decode().encode("cp1252"), "excel.csv")
    assert frame["municipality"].tolist() == ["Norsjö"]
    assert frame.attrs["notices"] == [("notice.read_as_cp1252", {"file": "excel.csv"})]
    assert "notices" not in read_table_bytes(_csv([TOTAL]), "utf8.csv").attrs


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_a_table(encoding):
    text = _csv([TOTAL], sep="\t").decode()
    raw = text.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
    assert read_table_bytes(raw, "u16.txt")["municipality"].tolist() == ["Norsjö"]


# --- D5: limits, the same for CSV and XLSX ------------------------------------------------------------------------

def test_xlsx_cells_read_as_the_user_sees_them(shipped):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([2417, "Norsjö", 2018, 2016, "full", "area", 1, "Offentlighet", 61.5, 100.0, "synthetic", True])
    sheet["A4"] = 381
    sheet["C4"] = dt.datetime(2018, 5, 1)
    sheet["L4"] = "=A4+1"  # a formula without a cached result: no value, never its text
    buf = io.BytesIO()
    book.save(buf)
    frame = read_table_bytes(buf.getvalue(), "book.xlsx")
    assert frame.index.tolist() == [2, 4]  # the rows the spreadsheet shows
    assert frame.loc[2].tolist() == ["2417", "Norsjö", "2018", "2016", "full", "area", "1", "Offentlighet", "61.5",
                                     "100", "synthetic", "TRUE"]
    assert frame.loc[4, "kommunkod"] == "381" and frame.loc[4, "year"] == "2018-05-01" and frame.loc[4, "note"] == ""


def test_xlsx_inline_strings_as_other_programs_write_them():
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>kommunkod</t></is></c><c r="B1" t="inlineStr"><is><r><t>muni</t></r>'
             '<r><t>cipality</t></r><rPh><t>x</t></rPh></is></c></row>'
             '<row r="3"><c r="B3" t="inlineStr"><is><t>Norsjö</t></is></c><c r="A3"><v>2417</v></c></row>'
             '</sheetData></worksheet>')
    frame = read_table_bytes(_replace_part(_xlsx([]), "xl/worksheets/sheet1.xml", sheet), "inline.xlsx")
    assert list(frame.columns) == ["kommunkod", "municipality"] and frame.loc[3].tolist() == ["2417", "Norsjö"]


def _replace_part(raw: bytes, part: str, content: str | bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == part else src.read(info.filename))
    return out.getvalue()


def _with_shared_strings(strings: list[str]) -> bytes:
    """A workbook whose first row's cells are shared strings, as Excel writes them (openpyxl writes inline)."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sst = f'<sst xmlns="{ns}">' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"
    cells = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(len(strings)))
    sheet = f'<worksheet xmlns="{ns}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>'
    raw = _replace_part(_xlsx([]), "xl/worksheets/sheet1.xml", sheet)
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        types = src.read("[Content_Types].xml").decode()
    types = types.replace("</Types>", '<Override PartName="/xl/strings.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    raw = _replace_part(raw, "[Content_Types].xml", types)
    out = io.BytesIO(raw)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("xl/strings.xml", sst)
    return out.getvalue()


def test_an_xlsx_whose_shared_text_inflates_past_the_limit_is_refused_before_reading():
    assert list(read_table_bytes(_with_shared_strings(["kommunkod", "score"]), "ok.xlsx").columns) == ["kommunkod", "score"]
    raw = _with_shared_strings(["kommunkod", "A" * (tables.MAX_TABLE_BYTES + 10)])
    assert len(raw) < 200_000  # a small file: the cost is in the unpacking
    with pytest.raises(KompassError) as caught:
        read_table_bytes(raw, "bomb.xlsx")
    assert caught.value.key == "error.xlsx_too_large_unpacked"
    assert "20 MB" in caught.value.message("en")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_long_cell_is_a_located_problem(kind):
    row = [*TOTAL[:-1], "x" * (tables.MAX_CELL_CHARS + 1)]
    raw = _csv([TOTAL, row]) if kind == "csv" else _xlsx([TOTAL, row])
    with pytest.raises(DataValidationError) as caught:
        read_table_bytes(raw, f"long.{kind}")
    problem = _only_problem(caught.value)
    assert (problem.row, problem.column, problem.key) == (3, "note", "problem.cell_too_long")
    assert str(tables.MAX_CELL_CHARS) in problem.message("sv")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_too_many_rows_stop_with_the_limit_named(monkeypatch, kind):
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 40)
    raw = _csv([TOTAL] * 41) if kind == "csv" else _xlsx([TOTAL] * 41)
    with pytest.raises(KompassError) as caught:
        read_table_bytes(raw, f"many.{kind}")
    assert caught.value.key == "error.table_too_many_rows" and "40" in caught.value.message("sv")
    assert len(read_table_bytes(_csv([TOTAL] * 40), "forty.csv")) == 40


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_reading_stops_at_the_time_limit(monkeypatch, kind):
    monkeypatch.setattr(tables, "MAX_READ_SECONDS", -1)  # every check finds the time used up
    raw = _csv([TOTAL] * 1500) if kind == "csv" else _xlsx([TOTAL] * 10)
    with pytest.raises(KompassError) as caught:
        read_table_bytes(raw, f"slow.{kind}")
    assert caught.value.key == "error.table_too_slow"


def test_too_many_columns_and_a_dtd_are_refused():
    with pytest.raises(KompassError) as caught:
        read_table_bytes(_xlsx([TOTAL + ["x"] * 100]), "wide.xlsx")
    assert caught.value.key == "error.table_too_many_columns"
    with pytest.raises(KompassError) as caught:
        read_table_bytes(_csv([], header=[f"c{i}" for i in range(tables.MAX_COLUMNS + 1)]), "wide.csv")
    assert caught.value.key == "error.table_too_many_columns"
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')
    with pytest.raises(KompassError) as caught:
        read_table_bytes(_replace_part(_xlsx([TOTAL]), "xl/worksheets/sheet1.xml", laughs), "dtd.xlsx")
    assert caught.value.key == "error.unreadable_file" and "DTD" in caught.value.message("en")


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.truncate(tables.MAX_TABLE_BYTES + 1)  # sparse: no disk, no memory
    with pytest.raises(KompassError) as caught:
        read_table(big)
    assert caught.value.key == "error.table_too_large" and "20 MB" in caught.value.message("en")


def test_a_folder_is_not_reported_as_missing(tmp_path):
    with pytest.raises(UsageError) as caught:
        read_table(tmp_path)
    assert caught.value.key == "error.file_is_directory"
    with pytest.raises(UsageError) as caught:
        read_table(tmp_path / "nope.csv")
    assert caught.value.key == "error.file_not_found"
