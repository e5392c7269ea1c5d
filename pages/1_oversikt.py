"""Översikt: what the data holds per version, a map of Sweden, the version rule, ways into the pages."""

import streamlit as st

from kompass_data.figures import choropleth, holdings_by_year
from kompass_data.regions import region_overview
from kompass_ui import urlstate as url
from kompass_ui.charts import cached_chart
from kompass_ui.layout import after_first_view, lazy_expander
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, geojson, lang, map_url, t
from kompass_ui.views import clicked_municipality, localized, map_sentence, map_values, md, region_table, version_overview
from kompass_ui.widgets import DEFAULT_KOMMUN, first_code, labelled, region_filter, region_text, version_picker


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.oversikt"))
    st.markdown(t("ui.overview.intro"))
    st.info(t("ui.version_rule"), icon=":material/info:")

    # What the data holds: a small chart first (it is ready before the map), then the same in a table.
    st.header(t("ui.overview.holds"))
    cached_chart(ds, ("holdings",), lambda: holdings_by_year(ds.score_sets, lang()), t("ui.overview.holds_alt"), key="holdings")
    # In a new tab the chart is drawn alone first; the rest follows as soon as it is (kompass_ui/layout.py).
    after_first_view("oversikt", lambda: rest(ds), charts=1)


def rest(ds) -> None:
    """Everything after the first chart: its table, the map, a county at a glance, ways in."""
    st.dataframe(version_overview(ds, lang()), hide_index=True, alt=t("ui.overview.holds"))
    st.caption(t("ui.overview.holds_caption", sets=len(ds.score_sets), munis=ds.score_sets["kommunkod"].nunique()))
    # Map: the whole country, or a county/municipality group zoomed to; a click opens a profile.
    st.header(t("ui.overview.map"))
    lan, grupp = region_filter(ds)
    region = region_text(ds, lan, grupp)
    cols = st.columns([1, 1])
    modes = ["total", "known"]
    with cols[0]:
        mode = url.widget("karta", st.radio, t("ui.map.colour_by"), modes, key="pick_map",
                          format_func=labelled(modes, lambda m: t(f"ui.map.mode_{m}")))
    with cols[1]:
        version = version_picker(ds) if mode == "total" else None
    inputs = (mode, version or "", lan, grupp)
    values = ds.derived(("map_values", *inputs, lang()), lambda: map_values(ds, mode, version or "", lang(), lan, grupp))
    title = t("ui.map.value_total", version=version) if mode == "total" else t("ui.map.value_known")
    n = int(values["value"].notna().sum())
    legend = t("ui.map.value_n", title=title, n=n)
    fit, served = bool(lan or grupp), map_url()
    event = cached_chart(ds, ("map", *inputs), lambda: choropleth(geojson() if (fit or not served) else None, values, lang(),
                                                                  legend, counts=(mode == "known"), fit=fit, url=served),
                         t("ui.map.alt", region=region or t("ui.map.sweden"), value=legend), key="map",
                         on_select="rerun", selection_mode="points")
    st.markdown(md(map_sentence(values, mode, version or "", lang())))
    st.caption(t("ui.map.click"))
    clicked = clicked_municipality(event)
    if clicked:
        if clicked in set(ds.score_sets["kommunkod"]):
            st.session_state.pop("map", None)  # the selection must not reopen the profile on the way back
            st.switch_page("pages/2_kommunprofil.py", query_params=url.query(kommun=clicked, lang=url.get("lang")))
        known = values.set_index("kommunkod")["detail"].get(clicked, "")
        st.info(t("ui.map.no_profile", name=ds.municipality_names.get(clicked, clicked), known=known))
    def map_table() -> None:
        shown = values.dropna(subset=["value"]).sort_values("value", ascending=False)
        st.dataframe(
            localized(shown.rename(columns={"kommunkod": t("ui.col.code"), "name": t("ui.col.municipality"),
                                            "value": title, "detail": t("ui.col.detail")}), lang()),
            hide_index=True,
        )

    lazy_expander(t("ui.map.table"), "open_map_table", map_table)

    # A county (or group) at a glance: every municipality, what is published and known, ways to its profile.
    if lan or grupp:
        st.header(t("ui.region.heading", region=region))
        table = region_table(ds, lan, grupp, lang())
        overview = region_overview(ds, lan, grupp)
        st.dataframe(table, hide_index=True, alt=t("ui.region.table_alt", region=region))
        st.caption(t("ui.region.caption", total=len(overview), with_scores=int(overview["latest"].map(bool).sum()),
                     known=int(overview["known"].map(bool).sum())))
        with_scores = overview[overview["latest"].map(bool)]
        if len(with_scores):
            st.markdown(t("ui.region.profiles"))
            for row in with_scores.itertuples():
                st.page_link("pages/2_kommunprofil.py", label=row.municipality, icon=":material/radar:",
                             query_params=url.query(kommun=row.kommunkod, ar=int(row.latest_year)))

    # Ways in.
    st.header(t("ui.overview.ways_in"))
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
