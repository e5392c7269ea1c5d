"""Fördelning (every point drawn, ranking, inspiration) and Export (filters, row count, sanitised download)."""

import io
import zipfile

from kompass_data import messages

from .conftest import NORSJO, figures, open_page, unexpected_errors


def test_distribution_draws_every_score_set_as_a_point_and_marks_the_focus():
    at = open_page("pages/5_fordelning.py", **NORSJO)
    assert unexpected_errors(at) == []
    areas, total = figures(at)
    assert all(tr["boxpoints"] == "all" for tr in areas["data"] if tr["type"] == "box")
    box_total = total["data"][0]
    assert sorted(box_total["y"]) == sorted([519, 419, 668, 402, 509, 497, 555, 603, 496])
    assert total["data"][-1]["name"] == "Norsjö" and total["data"][-1]["y"] == [509]
    ranking = at.dataframe[1].value
    assert ranking.iloc[0][messages.t("ui.col.municipality", "sv")] == "Helsingborg"


def test_export_previews_the_filtered_rows_and_offers_a_zip():
    at = open_page("pages/6_export.py", version="2016", kommun="2417", niva="area")
    assert unexpected_errors(at) == []
    assert any(h.value == messages.t("ui.export.preview", "sv", rows=8) for h in at.subheader)
    assert len(at.dataframe[0].value) == 8
    buttons = at.get("download_button")
    assert len(buttons) == 1


def test_export_download_is_the_sanitising_library_export():
    from kompass_data import load_dataset
    from kompass_data.export import ExportFilter, export_zip, filter_scores

    ds = load_dataset()
    flt = ExportFilter(version="2016", kommuner=("2417",))
    table = filter_scores(ds, flt)
    table.loc[0, "note"] = "=HYPERLINK(\"http://x\")"
    data = export_zip(table, "csv", flt, "sources")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert set(zf.namelist()) == {"kommunkompassen.csv", "datapackage.json", "SOURCES.md"}
        assert "'=HYPERLINK" in zf.read("kommunkompassen.csv").decode("utf-8-sig")
