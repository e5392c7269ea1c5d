"""Översikt: what the data holds per version, a map of Sweden, the version rule, ways into the pages."""

import streamlit as st

from kompass_data.figures import choropleth, holdings_by_year
from kompass_ui import urlstate as url
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, geojson, lang, t
from kompass_ui.views import localized, map_sentence, map_values, md, version_overview
from kompass_ui.widgets import DEFAULT_KOMMUN, first_code, labelled, version_picker


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.oversikt"))
    st.markdown(t("ui.overview.intro"))
    st.info(t("ui.version_rule"), icon=":material/info:")

    # What the data holds: a small chart first (it is ready before the map), then the same in a table.
    st.subheader(t("ui.overview.holds"))
    st.plotly_chart(holdings_by_year(ds.score_sets, lang()), key="holdings")
    st.dataframe(version_overview(ds, lang()), hide_index=True)
    st.caption(t("ui.overview.holds_caption", sets=len(ds.score_sets), munis=ds.score_sets["kommunkod"].nunique()))

    # Map.
    st.subheader(t("ui.overview.map"))
    cols = st.columns([1, 1, 2])
    modes = ["total", "known"]
    with cols[0]:
        mode = url.widget("karta", st.radio, t("ui.map.colour_by"), modes, key="pick_map",
                          format_func=labelled(modes, lambda m: t(f"ui.map.mode_{m}")))
    with cols[1]:
        version = version_picker(ds) if mode == "total" else None
    values = map_values(ds, mode, version or "", lang())
    title = t("ui.map.value_total", version=version) if mode == "total" else t("ui.map.value_known")
    st.plotly_chart(choropleth(geojson(), values, lang(), title), key="map")
    st.markdown(md(map_sentence(values, mode, version or "", lang())))
    with st.expander(t("ui.map.table")):
        shown = values.dropna(subset=["value"]).sort_values("value", ascending=False)
        st.dataframe(
            localized(shown.rename(columns={"kommunkod": t("ui.col.code"), "name": t("ui.col.municipality"),
                                            "value": title, "detail": t("ui.col.detail")}), lang()),
            hide_index=True,
        )

    # Ways in.
    st.subheader(t("ui.overview.ways_in"))
    kommun = first_code() or DEFAULT_KOMMUN
    name = ds.municipality_names.get(kommun, kommun)
    st.page_link("pages/2_kommunprofil.py", label=t("ui.overview.link_profile", name=name),
                 query_params=url.query(kommun=kommun, ar=url.get("ar")), icon=":material/radar:")
    st.page_link("pages/3_utveckling.py", label=t("ui.overview.link_trend", name=name), query_params=url.query(kommun=kommun),
                 icon=":material/timeline:")
    st.page_link("pages/4_jamfor.py", label=t("ui.overview.link_compare"), icon=":material/compare_arrows:")
    st.page_link("pages/5_fordelning.py", label=t("ui.overview.link_distribution"), icon=":material/leaderboard:")
    st.page_link("pages/6_export.py", label=t("ui.overview.link_export"), icon=":material/download:")
    st.page_link("pages/7_egna_data.py", label=t("ui.overview.link_upload"), icon=":material/upload_file:")


run_page(main)
