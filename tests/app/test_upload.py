"""Egna data: row-level validation report, nothing written to disk, valid sets join this session only."""

import hashlib
from pathlib import Path

from kompass_data import messages
from kompass_ui.views import md

from .conftest import ROOT, figures, open_page, unexpected_errors

DATASETS = ROOT / "datasets"

UPLOAD = "pages/7_egna_data.py"
HEADER = "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note\n"
BAD = HEADER + (
    "2417,Norsjö,2019,2016,full,area,1,x,120,100,src,\n"
    "9999,X,2019,2016,full,total,total,,500,800,src,\n"
    "2417,Norsjö,2019,2016,full,area,9,,50,100,,\n"
)
GOOD = HEADER + (
    "2282,Kramfors,2015,2010,full,total,total,Totalt,512,800,https://example.org/kramfors,\n"
    '2282,Kramfors,2015,2010,full,area,1,"<script>alert(1)</script>",61,100,https://example.org/kramfors,=1+1\n'
)
SEED_REPORT = ROOT / "tests" / "ingest" / "fixtures" / "norsjo_2018_report.txt"


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_processing_a_bad_table_locates_every_problem(ds):
    from kompass_ui.upload import process_text

    outcome = process_text(BAD, ds, "sv")
    assert not outcome.ok and outcome.kind == "table"
    rows = outcome.problems.iloc[:, 0].tolist()
    columns = outcome.problems.iloc[:, 1].tolist()
    assert list(zip(rows, columns)) == [("2", "score"), ("3", "kommunkod"), ("4", "code"), ("4", "source")]
    assert "0–100" in outcome.problems.iloc[0, 2]


def test_a_bad_paste_shows_row_level_errors_and_changes_nothing_on_disk(app_data_dir):
    before = digest(app_data_dir), digest(DATASETS)
    at = open_page(UPLOAD)
    at.text_area(key="upload_text").input(BAD).run()
    assert at.exception == []
    assert [e.value for e in at.error] == [md(messages.t("error.invalid_data", "sv", file="inklistrad-text.csv", count=4))]
    problems = at.dataframe[0].value
    assert len(problems) == 4 and problems.iloc[0, 0] == "2" and problems.iloc[0, 1] == "score"
    assert [b for b in at.button if b.key == "add_text"] == []
    assert (digest(app_data_dir), digest(DATASETS)) == before


def test_a_bad_file_upload_is_reported_the_same_way(app_data_dir):
    before = digest(app_data_dir)
    at = open_page(UPLOAD)
    at.get("file_uploader")[0].set_value(("mina.csv", BAD.encode("utf-8"), "text/csv"))
    at.run()
    assert at.exception == []
    assert at.error[0].value == md(messages.t("error.invalid_data", "sv", file="mina.csv", count=4))
    assert digest(app_data_dir) == before


def test_a_valid_paste_joins_this_session_only_and_never_touches_disk(app_data_dir):
    before = digest(app_data_dir), digest(DATASETS)
    at = open_page(UPLOAD)
    at.text_area(key="upload_text").input(GOOD).run()
    assert unexpected_errors(at) == []
    at.button(key="add_text").click().run()
    assert unexpected_errors(at) == []
    session_sets = at.dataframe[-1].value
    assert list(session_sets["municipality"]) == ["Kramfors"] and list(session_sets["year"]) == [2015]

    # The same session sees the new score set on the trend page...
    at.query_params["kommun"] = "2282"
    at.switch_page("pages/3_utveckling.py").run()
    (fig,) = figures(at)
    assert fig["data"][0]["x"] == [2011, 2013, 2015] and fig["data"][0]["y"] == [440, 480, 512]
    # ...where data text stays text.
    at.switch_page("pages/2_kommunprofil.py").run()
    assert unexpected_errors(at) == []

    # Another session does not, and nothing was written.
    other = open_page("pages/3_utveckling.py", kommun="2282")
    (fig,) = figures(other)
    assert fig["data"][0]["x"] == [2011, 2013]
    assert (digest(app_data_dir), digest(DATASETS)) == before


def test_a_pasted_report_is_read_with_its_flags_before_anything_is_added():
    at = open_page(UPLOAD)
    at.text_area(key="upload_text").input(SEED_REPORT.read_text(encoding="utf-8")).run()
    assert unexpected_errors(at) == []
    assert "Norsjö (2417), 3" in at.text[0].value
    assert any(w.value == messages.t("ui.upload.flags", "sv", n=2) for w in at.warning)
    flags = at.dataframe[0].value
    assert any("7.5" in m for m in flags.iloc[:, 1])
    assert len(at.dataframe[1].value) == 3  # the score sets found
    assert [b.key for b in at.button] == ["add_text"]


def test_a_file_name_with_markup_is_shown_as_text_in_heading_error_and_button():
    name = "<b>x</b>.csv"
    at = open_page(UPLOAD)
    at.get("file_uploader")[0].set_value((name, BAD.encode("utf-8"), "text/csv"))
    at.run()
    assert at.exception == []
    heading = next(h.value for h in at.header if h.value.startswith("Granskning"))
    assert heading == "Granskning: \\<b\\>x\\</b\\>\\.csv"  # every markup character escaped
    assert at.error[0].value.startswith("\\<b\\>x\\</b\\>\\.csv\\: 4 fel")

    at.get("file_uploader")[0].set_value((name, GOOD.encode("utf-8"), "text/csv"))
    at.run()
    at.button(key="add_file").click().run()
    assert unexpected_errors(at) == []
    remove = next(b for b in at.button if b.key.startswith("remove_"))
    assert remove.label == "Ta bort \\<b\\>x\\</b\\>\\.csv"


def test_the_paste_box_and_the_upload_share_one_cap():
    import tomllib

    from kompass_ui.upload import MAX_BYTES, MAX_MB

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_MB == 5 and MAX_BYTES == 5 * 1024 * 1024
    at = open_page(UPLOAD)
    assert at.text_area(key="upload_text").max_chars == MAX_BYTES
    assert at.get("file_uploader")[0].proto.max_upload_size_mb == MAX_MB


def test_a_report_is_read_once_while_the_other_source_and_reruns_come_and_go(monkeypatch):
    import kompass_ui.upload as upload

    calls = []
    real = upload.process_report
    monkeypatch.setattr(upload, "process_report", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    at = open_page(UPLOAD)
    at.get("file_uploader")[0].set_value(("norsjo.txt", SEED_REPORT.read_bytes(), "text/plain"))
    at.run()
    at.text_area(key="upload_text").input(GOOD).run()  # the pasted table is validated beside the report
    at.run()
    assert unexpected_errors(at) == []
    assert calls == ["norsjo.txt"]


def test_a_later_upload_of_the_same_score_set_wins():
    from streamlit.testing.v1 import AppTest

    def script():
        import streamlit as st

        from kompass_ui.state import add_upload, dataset, shipped_dataset
        from kompass_ui.upload import process_text

        header = "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note\n"
        for total in st.session_state["totals"]:
            row = f"2282,Kramfors,2015,2010,full,total,total,Totalt,{total},800,https://example.org/k,\n"
            add_upload(f"k{total}.csv", process_text(header + row, shipped_dataset(), "sv").scores)
        sets = dataset().score_sets
        st.markdown(str(float(sets.loc[sets["score_set_id"] == "2282:2015:2010:full", "total"].iloc[0])))

    for totals, expected in (([500, 600], "600.0"), ([600, 500], "500.0")):
        at = AppTest.from_function(script, default_timeout=60)
        at.session_state["totals"] = totals
        at.run()
        assert at.exception == []
        assert at.markdown[-1].value == expected


def test_files_that_are_not_tables_or_reports_are_refused_with_a_message(ds):
    import io
    import zipfile

    from kompass_ui.upload import process_bytes

    fake_xlsx = io.BytesIO()
    with zipfile.ZipFile(fake_xlsx, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    cases = {
        "program.csv": bytes(range(256)) * 4,  # binary behind a .csv name
        "bok.xlsx": fake_xlsx.getvalue(),  # a zip that is no workbook
        "rapport.pdf": b"%PDF-1.4\n" + bytes(200),  # a PDF with no text layer
        "tom.csv": b"",
    }
    for name, raw in cases.items():
        outcome = process_bytes(raw, name, ds, "sv")
        assert not outcome.ok and outcome.scores is None, name
        assert outcome.error and name in outcome.error, (name, outcome.error)
