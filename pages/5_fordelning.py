"""Fördelning och topplista: per version, every area's and the total's distribution, a ranking, inspiration."""

import pandas as pd
import streamlit as st

from kompass_data import PeerFilter
from kompass_data.compare import THIN_N
from kompass_data.figures import distribution
from kompass_data.instruments import AREA_CODES
from kompass_data.findings import named_high_scorer_table
from kompass_ui import urlstate as url
from kompass_ui.charts import cached_chart
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t, tn
from kompass_ui.views import distribution_table, empty_items, localized, mark_focus, thin_items
from kompass_ui.widgets import first_code, item_picker, region_filter, region_text, version_picker


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.fordelning"))
    focus = first_code()
    cols = st.columns([2, 1])
    with cols[0]:
        version = version_picker(ds)
    with cols[1]:
        st.write("")
        include_self = url.widget("egen", st.checkbox, t("ui.pick.egen"), key="dist_egen")
    st.caption(t("ui.dist.rule_self" if include_self else "ui.dist.rule", version=version))
    lan, grupp = region_filter(ds)
    region = region_text(ds, lan, grupp)
    view = ds.version(version).within(lan, grupp)  # this version's score sets in the county and group only
    sets = view.peer_candidates(PeerFilter(include_self=include_self))
    labels = view.item_labels(lang())
    if sets.empty:
        st.info(t("ui.region.empty", version=version, region=region) if region else t("ui.dist.empty", version=version))
        return
    if region:
        st.caption(t("ui.region.active", region=region))
    if focus and focus not in set(sets["kommunkod"]):
        focus = None

    st.header(t("ui.dist.areas"))
    n_area_values = int(sets[list(AREA_CODES)].notna().sum().sum())
    if n_area_values == 0:
        st.info(t("ui.dist.no_areas", version=version))
    else:
        cached_chart(ds, ("distribution", "areas", version, include_self, lan, grupp, focus),
                     lambda: distribution(sets, list(AREA_CODES), labels, lang(), focus), t("ui.dist.alt_areas", version=version),
                     key="dist_areas")
    st.header(t("ui.dist.total"))
    if sets["total"].notna().any():
        cached_chart(ds, ("distribution", "total", version, include_self, lan, grupp, focus),
                     lambda: distribution(sets, ["total"], labels, lang(), focus), t("ui.dist.alt_total", version=version),
                     key="dist_total")
    st.caption(t("ui.dist.caption", sets=tn("count.evaluations", len(sets)),
                 munis=tn("count.municipalities", sets["kommunkod"].nunique()), version=version))
    st.dataframe(localized(distribution_table(sets, labels, lang()), lang()), hide_index=True,
                 alt=t("ui.dist.alt_table", version=version))
    thin = thin_items(sets)
    if thin:
        st.warning(t("ui.dist.thin", n=THIN_N, items=", ".join(labels[c] if c == "total" else c for c in thin)))
    empty = empty_items(sets)
    if empty:
        st.warning(t("ui.dist.none", version=version, items=", ".join(labels[c] if c == "total" else c for c in empty)))

    st.header(t("ui.dist.ranking"))
    asked = url.get("omrade")
    offered = {c: lab for c, lab in labels.items() if c not in empty}  # an empty area has no ranking to show
    if asked in empty:
        st.info(t("ui.dist.rank_none", item=f"{asked}. {labels[asked]}", version=version))
    item = item_picker(offered, key="pick_rank_item")
    ranked = view.ranking(item, include_self=include_self, latest_only=True)
    st.caption(t("ui.dist.ranking_caption", municipalities=tn("count.municipalities", len(ranked)), item=labels[item]))
    if len(ranked) < THIN_N:  # a "top list" of one or two is no ranking: the list, with its n said
        st.warning(t("ui.dist.ranking_thin", municipalities=tn("count.municipalities", len(ranked)), min=THIN_N))
    shown, mine = mark_focus(ranked[["rank", "municipality", "year", item]], "municipality", ranked["kommunkod"], focus)
    st.dataframe(
        localized(shown.rename(columns={
            "rank": t("ui.col.rank"), "municipality": t("ui.col.municipality"), "year": t("ui.col.year"),
            item: t("ui.col.score")}), lang(), mine),
        hide_index=True, alt=t("ui.dist.alt_ranking", item=labels[item], version=version),
    )
    if any(mine):
        st.caption(t("ui.dist.focus_marked", name=ds.municipality_names.get(focus, focus)))

    st.header(t("ui.dist.inspiration"))
    top = view.top_per_area(n=3, lang=lang())
    if top.empty:
        st.info(t("ui.dist.no_areas", version=version))
    else:
        columns = {"code": t("ui.col.code"), "label": t("ui.col.item"), "rank": t("ui.col.rank"),
                   "municipality": t("ui.col.municipality"), "year": t("ui.col.year"), "score": t("ui.col.score"),
                   "n_area": t("ui.col.n")}
        full = top[top["n_area"] >= THIN_N]
        thin = top[top["n_area"] < THIN_N]
        if len(full):
            st.caption(t("ui.dist.inspiration_caption"))
            shown, mine = mark_focus(full[list(columns)], "municipality", full["kommunkod"], focus)
            st.dataframe(localized(shown.rename(columns=columns), lang(), mine), hide_index=True,
                         alt=t("ui.dist.inspiration"))
        if len(thin):
            st.caption(t("ui.dist.inspiration_thin", min=THIN_N,
                         items=", ".join(sorted(set(thin["code"]), key=int))))
            shown, mine = mark_focus(thin[list(columns)], "municipality", thin["kommunkod"], focus)
            st.dataframe(localized(shown.rename(columns=columns), lang(), mine), hide_index=True,
                         alt=t("ui.dist.inspiration_thin_alt"))
    # Beside the computed top scorers: the ones SKR's reports name, marked as named (they may have no scores here).
    st.markdown("**" + t("ui.dist.named") + "**")
    named = named_high_scorer_table(ds, version)
    if named.empty:
        st.caption(t("ui.dist.named_none"))
    else:
        st.caption(t("ui.dist.named_caption", version=version))
        st.dataframe(pd.DataFrame({
            t("ui.col.code"): named["code"],
            t("ui.col.item"): named["code"].map(lambda c: labels.get(c, "")),
            t("ui.dist.named"): named["named"],
            t("ui.dist.named_col_report"): named["named_in"],
            t("ui.dist.named_col_scored"): named["scored"].map(lambda s: t("ui.yes") if s else t("ui.no")),
        }), hide_index=True, alt=t("ui.dist.named"))


run_page(main)
