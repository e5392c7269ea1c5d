"""Fördelning och topplista: per version, every area's and the total's distribution, a ranking, inspiration."""

import streamlit as st

from kompass_data import ranking, top_per_area
from kompass_data.compare import ITEM_CODES, item_labels
from kompass_data.figures import distribution
from kompass_data.instruments import AREA_CODES
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t
from kompass_ui.views import distribution_table
from kompass_ui.widgets import get_param, item_picker, version_picker


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.fordelning"))
    focus = (get_param("kommun") or "").split(",")[0] or None
    version = version_picker(ds, default="2016")
    st.caption(t("ui.dist.rule", version=version))
    sets = ds.score_sets[(ds.score_sets["instrument_version"].astype(str) == version)
                         & (ds.score_sets["evaluation_kind"].astype(str) == "full")]
    labels = item_labels(ds, version, lang())
    if sets.empty:
        st.info(t("ui.dist.empty", version=version))
        return
    if focus and focus not in set(sets["kommunkod"]):
        focus = None

    st.subheader(t("ui.dist.areas"))
    n_area_values = int(sets[list(AREA_CODES)].notna().sum().sum())
    if n_area_values == 0:
        st.info(t("ui.dist.no_areas", version=version))
    else:
        st.plotly_chart(distribution(sets, list(AREA_CODES), labels, lang(), focus), key="dist_areas")
    st.subheader(t("ui.dist.total"))
    if sets["total"].notna().any():
        st.plotly_chart(distribution(sets, ["total"], labels, lang(), focus), key="dist_total")
    st.caption(t("ui.dist.caption", sets=len(sets), version=version))
    st.dataframe(distribution_table(sets, labels, lang()), hide_index=True)
    thin = [c for c in ITEM_CODES if 0 < sets[c].notna().sum() < 3]
    if thin:
        st.warning(t("ui.dist.thin", items=", ".join(labels[c] if c == "total" else c for c in thin)))

    st.subheader(t("ui.dist.ranking"))
    item = item_picker(labels, key="pick_rank_item")
    ranked = ranking(ds, version, item, latest_only=True)
    st.caption(t("ui.dist.ranking_caption", n=len(ranked), item=labels[item]))
    st.dataframe(
        ranked[["rank", "municipality", "year", item]].rename(columns={
            "rank": t("ui.col.rank"), "municipality": t("ui.col.municipality"), "year": t("ui.col.year"),
            item: t("ui.col.score")}),
        hide_index=True,
    )

    st.subheader(t("ui.dist.inspiration"))
    top = top_per_area(ds, version, n=3, lang=lang())
    if top.empty:
        st.info(t("ui.dist.no_areas", version=version))
    else:
        st.caption(t("ui.dist.inspiration_caption"))
        st.dataframe(top.rename(columns={
            "code": t("ui.col.code"), "label": t("ui.col.item"), "rank": t("ui.col.rank"),
            "municipality": t("ui.col.municipality"), "year": t("ui.col.year"), "score": t("ui.col.score")}),
            hide_index=True)


run_page(main)
