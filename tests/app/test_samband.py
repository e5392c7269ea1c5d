"""Samband: scores beside a Kolada indicator, one panel per version, n and Spearman, what is plotted downloadable."""

from __future__ import annotations

import io

import pandas as pd

from kompass_data import messages
from kompass_data.outcomes import MIN_N_SPEARMAN, kpi_table, outcome_points, versions_with_evaluations

from .conftest import figures, open_page, unexpected_errors

PAGE = "pages/8_samband.py"


def test_all_versions_are_separate_panels_with_their_own_n(ds):
    at = open_page(PAGE, kpi="N00090")
    assert unexpected_errors(at) == []
    versions = versions_with_evaluations(ds)
    (fig,) = figures(at)
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert [t.split(" · ")[0] for t in titles] == [f"Version {v}" for v in versions]
    for title, version in zip(titles, versions):
        result = outcome_points(ds, version, "total", "N00090")
        assert f"n = {result.n}" in title
        if result.n < MIN_N_SPEARMAN:
            assert "ingen korrelation" in title
    # Each trace sits on one panel's axes; panel k holds only version k's points.
    for trace in fig["data"]:
        k = int(trace.get("xaxis", "x")[1:] or 1)
        version = versions[k - 1]
        assert trace["name"].startswith(version)
    table = at.dataframe[0].value
    assert len(table) == sum(outcome_points(ds, v, "total", "N00090").n for v in versions)
    assert messages.t("ui.samband.credit", "sv") in [c.value for c in at.caption]


def test_one_version_below_eight_shows_points_and_says_why(ds):
    at = open_page(PAGE, version="2010", omrade="6", kpi="N00090")
    assert unexpected_errors(at) == []
    result = outcome_points(ds, "2010", "6", "N00090")
    (fig,) = figures(at)
    assert len(fig["layout"]["annotations"]) == 1
    xs = sorted(x for tr in fig["data"] for x in tr["x"])
    assert xs == sorted(result.points["score"].tolist())
    hover = [h for tr in fig["data"] for h in tr["hovertext"]]
    first = result.points.iloc[0]
    assert any(f"{first['municipality']}</b> {first['year']}" in h for h in hover)
    if result.n < MIN_N_SPEARMAN:
        assert messages.t("ui.samband.few", "sv", version="2010", n=result.n, min=MIN_N_SPEARMAN) in [
            i.value for i in at.info]
    caveat = kpi_table(ds).set_index("kpi").loc["N00090", "caveat_sv"]
    assert any(caveat in w.value for w in at.warning)
    (button,) = at.get("download_button")
    assert button.proto.label == messages.t("ui.samband.download", "sv", rows=result.n)


def test_english_and_a_caveat_of_a_repeated_series():
    at = open_page(PAGE, version="2016", kpi="N05401", lang="en")
    assert unexpected_errors(at) == []
    assert any("repeated every year until the next election" in w.value for w in at.warning)
    assert at.title[0].value == "Outcomes"


def test_download_is_exactly_the_table(ds):
    from kompass_data.export import table_bytes
    from kompass_data.outcomes import outcome_panels, plotted_table

    table = plotted_table(outcome_panels(ds, ["2010"], "6", "N00090"))
    data = table_bytes(table, "csv").decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(data), dtype={"kommunkod": str, "instrument_version": str, "item": str})
    assert back[["kommunkod", "year", "score", "kpi_value", "kpi_year"]].values.tolist() == \
        table[["kommunkod", "year", "score", "kpi_value", "kpi_year"]].values.tolist()
