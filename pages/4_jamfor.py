"""Jämför: the version first, then score sets of that version only; bars or radar, and a heatmap."""

import streamlit as st

from kompass_data import score_set_by_id
from kompass_data.figures import compare_bars, compare_heatmap, compare_radar
from kompass_data.names import swedish_order
from kompass_ui import urlstate as url
from kompass_ui.charts import chart
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t
from kompass_ui.views import (
    compare_display, compare_sentence, default_compare_selection, left_out_sets, localized, md, ordered_columns, version_of,
)
from kompass_ui.widgets import DEFAULT_KOMMUN, first_code, labelled, region_filter, region_text, version_picker


ITEM_WIDTH = 150  # px: on a 390 px phone the area name leaves room for two score columns
MISSING = "–"  # a score the source does not publish: shown as a dash, never as 0 or "None"


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.jamfor"))
    focus_kommun = first_code() or DEFAULT_KOMMUN
    version = version_picker(ds, default=version_of(ds, focus_kommun, url.get("ar")))
    st.caption(t("ui.compare.why", version=version))
    lan, grupp = region_filter(ds)

    # Every score set below is of this version (and region): the page cannot mix versions.
    view = ds.version(version).within(lan, grupp)
    sets = view.score_sets.sort_values(["municipality", "year"], key=swedish_order)
    if sets.empty:
        st.info(t("ui.region.empty", version=version, region=region_text(ds, lan, grupp)))
        return
    refs = {sid: score_set_by_id(ds, sid) for sid in sets["score_set_id"]}
    options = list(refs)
    with_areas = set(sets.loc[sets["n_areas"] > 0, "score_set_id"])
    default = default_compare_selection(sets, focus_kommun, with_areas)
    left_out = left_out_sets(ds, url.get("sets") or [], version, lang())
    if left_out:  # a link with score sets of several versions: say what is not shown, and why
        st.warning(md(left_out), icon=":material/warning:")
    chosen = url.widget("sets", st.multiselect, t("ui.compare.pick_sets", version=version), options,
                        key=f"pick_sets_{version}", fallback=[default], format_func=lambda s: refs[s].display(lang()),
                        placeholder=t("ui.placeholder.choose"))
    if not chosen:
        st.info(t("ui.compare.pick_some"))
        return

    mine = [s for s in chosen if refs[s].kommunkod == focus_kommun]
    url.seed("pick_focus", chosen, mine[:1] + [chosen[0]])
    focus = st.selectbox(t("ui.compare.focus"), chosen, key="pick_focus", format_func=lambda s: refs[s].display(lang()))
    url.put("kommun", refs[focus].kommunkod)
    url.put("ar", refs[focus].year)

    chosen_refs = [refs[s] for s in chosen]
    table = view.compare(chosen_refs, lang())  # the version guard: refuses a score set of another version
    columns = ordered_columns(table, [r.display(lang()) for r in chosen_refs], refs[focus].display(lang()))
    areas_present = table[table["code"] != "total"][columns].notna().any(axis=None)
    if not areas_present:
        st.info(t("ui.compare.only_totals"))
    else:
        view = url.widget("vy", st.radio, t("ui.compare.view"), ["bars", "radar"], key="pick_view", horizontal=True,
                          format_func=labelled(["bars", "radar"], lambda v: t(f"ui.compare.view_{v}")))
        builder = compare_radar if view == "radar" else compare_bars
        chart(builder(table, columns, lang()), t("ui.compare.alt_chart", version=version), key="compare")
        st.header(t("ui.compare.heatmap"))
        chart(compare_heatmap(table, columns, lang(), columns[0]), t("ui.compare.alt_heatmap"), key="heatmap")
        st.caption(t("ui.compare.heatmap_caption"))
    st.markdown(md(compare_sentence(table, columns, lang())))
    st.dataframe(localized(compare_display(table, columns, lang()), lang()), hide_index=True,
                 placeholder=MISSING, alt=t("ui.compare.alt_table", version=version),
                 column_config={t("ui.col.item"): st.column_config.TextColumn(width=ITEM_WIDTH)})
    st.caption(t("ui.compare.sorted", focus=refs[focus].display(lang())))


run_page(main)
