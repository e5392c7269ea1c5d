"""Fördelning (every point drawn, ranking, inspiration) and Export (filters, row count, sanitised download)."""

import io
import zipfile

from kompass_data import messages

from .conftest import NORSJO, figures, open_page, unexpected_errors


def test_distribution_draws_each_municipality_once_and_marks_the_focus():
    at = open_page("pages/5_fordelning.py", **NORSJO)
    assert unexpected_errors(at) == []
    areas, total = figures(at)
    assert all(tr["boxpoints"] == "all" for tr in areas["data"] if tr["type"] == "box")
    box_total = total["data"][0]
    # Version 2016, each municipality's latest total: Vallentuna 2019 (600), not also Vallentuna 2017 (500).
    assert sorted(box_total["y"]) == [480, 520, 560, 600, 640]
    assert total["data"][-1]["name"] == "Norsjö" and total["data"][-1]["y"] == [520]
    assert at.dataframe[0].value.iloc[0][messages.t("ui.col.n", "sv")] == 5  # the table counts the same
    ranking = at.dataframe[1].value
    assert ranking.iloc[0][messages.t("ui.col.municipality", "sv")] == "Helsingborg"


def _stats(at, item):
    table = at.dataframe[0].value
    return table[table[messages.t("ui.col.item", "sv")] == item].iloc[0]


def test_distribution_table_is_one_value_per_municipality_with_translated_headers():
    at = open_page("pages/5_fordelning.py", version="2020")
    assert unexpected_errors(at) == []
    table = at.dataframe[0].value
    assert list(table.columns) == [messages.t(f"ui.col.{c}", "sv") for c in ("item", "n", "mean", "median", "min", "max")]
    total = _stats(at, "Totalt")  # Höganäs 2023 550, Kumla 2020 520, Hultsfred 2022 500
    # Some 2020 areas have no values, so these columns are display text with "–" for missing, never "None".
    assert total[messages.t("ui.col.n", "sv")] == 3 and total[messages.t("ui.col.mean", "sv")] == "523,3"  # Swedish UI: decimal comma
    assert total[messages.t("ui.col.min", "sv")] == "500" and total[messages.t("ui.col.max", "sv")] == "550"
    assert total[messages.t("ui.col.median", "sv")] == "520"
    assert not {str(v) for v in table.to_numpy().ravel()} & {"None", "nan", "NaN", "<NA>"}
    empty = table[table[messages.t("ui.col.n", "sv")] == 0]
    assert len(empty) and set(empty[messages.t("ui.col.mean", "sv")]) == {"–"}
    at = open_page("pages/5_fordelning.py", version="2010")
    assert _stats(at, "Totalt")[messages.t("ui.col.n", "sv")] == 4  # Norsjö 2015, Kramfors 2013, Grästorp, Örebro 2015


def test_distribution_can_include_self_assessments_from_the_url():
    at = open_page("pages/5_fordelning.py", version="2010")
    area1 = _stats(at, "1. Offentlighet och demokrati")
    assert area1[messages.t("ui.col.n", "sv")] == 4 and area1[messages.t("ui.col.mean", "sv")] == 61.5  # Norsjö 2015: 50
    assert at.checkbox(key="dist_egen").value is False
    at = open_page("pages/5_fordelning.py", version="2010", egen="1")
    assert unexpected_errors(at) == []
    assert at.checkbox(key="dist_egen").value is True and at.query_params["egen"] == "1"
    area1 = _stats(at, "1. Offentlighet och demokrati")
    assert area1[messages.t("ui.col.n", "sv")] == 4 and area1[messages.t("ui.col.mean", "sv")] == 63.0  # Norsjö 2017 (egen analys): 56
    at.checkbox(key="dist_egen").uncheck().run()
    assert "egen" not in at.query_params


def test_distribution_warns_below_three_municipalities():
    at = open_page("pages/5_fordelning.py", version="2016")
    warning = next(w.value for w in at.warning)
    assert warning == messages.t("ui.dist.thin", "sv", n=3, items="3, 4, 5, 6, 7, 8")  # Enköping and Norsjö only


def test_export_previews_the_filtered_rows_and_offers_a_zip():
    at = open_page("pages/6_export.py", version="2016", kommun="2417", niva="area")
    assert unexpected_errors(at) == []
    assert any(h.value == messages.t("ui.export.preview", "sv", rows=8) for h in at.header)  # H2 under the page title: headings in order
    assert len(at.dataframe[0].value) == 8
    buttons = at.get("download_button")
    assert len(buttons) == 1


def test_export_download_is_the_sanitising_library_export(ds):
    from kompass_data.export import ExportFilter, export_zip, filter_scores

    flt = ExportFilter(version="2016", kommuner=("2417",))
    table = filter_scores(ds, flt)
    table.loc[0, "note"] = "=HYPERLINK(\"http://x\")"
    data = export_zip(table, "csv", flt, "sources")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert set(zf.namelist()) == {"kommunkompassen.csv", "datapackage.json", "README.txt", "SOURCES.md"}
        assert "'=HYPERLINK" in zf.read("kommunkompassen.csv").decode("utf-8-sig")


def test_thin_areas_are_points_only_and_empty_areas_are_named_and_not_ranked():
    at = open_page("pages/5_fordelning.py", version="2020", omrade="1")
    assert unexpected_errors(at) == []
    areas, total = figures(at)
    # 2020: only area 2 has a value (Hultsfred 2022: 60); no box is drawn over one point.
    assert [tr["type"] for tr in areas["data"]] == ["scatter"] * 8
    assert [tr["y"] for tr in areas["data"]][1] == [60] and all(not tr["y"] for i, tr in enumerate(areas["data"]) if i != 1)
    assert len(areas["layout"]["xaxis"]["categoryarray"]) == 8  # empty areas keep their place
    assert total["data"][0]["type"] == "box" and sorted(total["data"][0]["y"]) == [500, 520, 550]
    warnings = [w.value for w in at.warning]
    assert messages.t("ui.dist.none", "sv", version="2020", items="1, 3, 4, 5, 6, 7, 8") in warnings
    assert messages.t("ui.dist.thin", "sv", n=3, items="2") in warnings
    picker = at.selectbox(key="pick_rank_item")
    assert picker.options[0] == "Totalt" and len(picker.options) == 2 and picker.options[1].startswith("2. ")
    assert picker.value == "total"
    item = "1. Samspel mellan förtroendevalda och medborgare"
    assert messages.t("ui.dist.rank_none", "sv", item=item, version="2020") in [i.value for i in at.info]


def test_three_or_more_values_still_get_a_box():
    at = open_page("pages/5_fordelning.py", version="2016")
    areas, _total = figures(at)
    types = {tr["name"].split(".")[0]: tr["type"] for tr in areas["data"]}
    assert types == {"1": "box", "2": "box", "3": "scatter", "4": "scatter", "5": "scatter", "6": "scatter",
                     "7": "scatter", "8": "scatter"}  # areas 1 and 2: 4 and 3 municipalities; the rest 2
