"""Utveckling: totals and areas over the years, one line segment per instrument version."""

import pandas as pd
import streamlit as st

from kompass_data import trend
from kompass_data.figures import trend_figure
from kompass_data.regions import members
from kompass_ui import urlstate as url
from kompass_ui.charts import chart
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t
from kompass_ui.views import area_labels_by_version, area_names_differ, localized, md, trend_sentences, trend_table_display
from kompass_ui.widgets import item_picker, municipalities_picker, region_filter, region_text


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.utveckling"))
    st.info(t("ui.trend.rule"), icon=":material/info:")
    lan, grupp = region_filter(ds)
    region = members(ds, lan, grupp) if (lan or grupp) else None
    if region is not None and not set(region) & set(ds.score_sets["kommunkod"]):
        st.info(t("ui.region.none_trend", region=region_text(ds, lan, grupp)))
        return
    cols = st.columns([2, 1])
    with cols[0]:
        codes = municipalities_picker(ds, within=region)
    labels = {"total": t("ui.col.total"), **{str(i): t("ui.area_n", code=i) for i in range(1, 9)}}
    with cols[1]:
        item = item_picker(labels)
    year = url.get("ar")
    url.put("ar", year)  # kept so the link back to the profile opens the same score set
    if not codes:
        st.info(t("ui.trend.pick_one"))
        return
    table = pd.concat([trend(ds, code, lang=lang()) for code in codes], ignore_index=True)
    first_years = ds.registry.first_years()
    shown = table.dropna(subset=[item])
    missing = [ds.municipality_names[c] for c in codes if c not in set(shown["kommunkod"])]
    if missing:
        st.warning(t("ui.trend.no_values", names=", ".join(missing), item=labels[item]))
    if shown.empty:
        return
    versions = ds.registry.sort(shown["instrument_version"])
    version_labels = None
    if item != "total":
        version_labels = area_labels_by_version(ds, item, versions, lang())
        differ = area_names_differ(ds, item, versions, lang())
        if differ:
            st.warning(md(differ), icon=":material/warning:")
    chart(trend_figure(table, item, lang(), labels[item], first_years, version_labels), t("ui.trend.alt", item=labels[item]),
          key="trend")
    for sentence in trend_sentences(table, item, lang()):
        st.markdown(md(sentence))
    st.caption(t("ui.trend.legend"))
    display = trend_table_display(table, item, lang())
    st.dataframe(localized(display, lang()), hide_index=True, alt=t("ui.trend.alt_table", item=labels[item]))
    if year:
        st.caption(t("ui.trend.year_note", year=year))


run_page(main)
