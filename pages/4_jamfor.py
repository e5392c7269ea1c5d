"""Jämför: the version first, then score sets of that version only; bars or radar, and a heatmap."""

import streamlit as st

from kompass_data import compare_score_sets, score_set_by_id
from kompass_data.figures import compare_bars, compare_heatmap, compare_radar
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t
from kompass_ui.views import compare_display, md, ordered_columns
from kompass_ui.widgets import DEFAULT_KOMMUN, get_param, labelled, seed, set_param, version_picker


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.jamfor"))
    focus_kommun = (get_param("kommun") or DEFAULT_KOMMUN).split(",")[0]
    version = version_picker(ds, default=_version_of(ds, focus_kommun, get_param("ar")))
    st.caption(t("ui.compare.why", version=version))

    sets = ds.score_sets[ds.score_sets["instrument_version"].astype(str) == version]
    sets = sets.sort_values(["municipality", "year"])
    refs = {sid: score_set_by_id(ds, sid) for sid in sets["score_set_id"]}
    options = list(refs)
    with_areas = set(sets.loc[sets["n_areas"] > 0, "score_set_id"])
    default = _default_selection(sets, focus_kommun, with_areas)
    key = f"pick_sets_{version}"
    wanted = [s for s in (get_param("sets") or "").split(",") if s]
    seed(key, options, [wanted, default])
    chosen = st.multiselect(t("ui.compare.pick_sets", version=version), options, key=key,
                            format_func=lambda s: refs[s].display(lang()))
    set_param("sets", ",".join(chosen))
    if not chosen:
        st.info(t("ui.compare.pick_some"))
        return

    mine = [s for s in chosen if refs[s].kommunkod == focus_kommun]
    seed("pick_focus", chosen, mine[:1] + [chosen[0]])
    focus = st.selectbox(t("ui.compare.focus"), chosen, key="pick_focus", format_func=lambda s: refs[s].display(lang()))
    set_param("kommun", refs[focus].kommunkod)
    set_param("ar", str(refs[focus].year))

    chosen_refs = [refs[s] for s in chosen]
    table = compare_score_sets(ds, chosen_refs, lang())  # the version guard: refuses mixed versions
    columns = ordered_columns(table, [r.display(lang()) for r in chosen_refs], refs[focus].display(lang()))
    areas_present = table[table["code"] != "total"][columns].notna().any(axis=None)
    if not areas_present:
        st.info(t("ui.compare.only_totals"))
    else:
        if "pick_view" not in st.session_state:
            st.session_state["pick_view"] = "radar" if get_param("vy") == "radar" else "bars"
        view = st.radio(t("ui.compare.view"), ["bars", "radar"], key="pick_view", horizontal=True,
                        format_func=labelled(["bars", "radar"], lambda v: t(f"ui.compare.view_{v}")))
        set_param("vy", "radar" if view == "radar" else None)
        builder = compare_radar if view == "radar" else compare_bars
        st.plotly_chart(builder(table, columns, lang()), key="compare")
        st.subheader(t("ui.compare.heatmap"))
        st.plotly_chart(compare_heatmap(table, columns, lang()), key="heatmap")
    st.markdown(md(_sentence(table, columns)))
    st.dataframe(compare_display(table, columns, lang()), hide_index=True)
    st.caption(t("ui.compare.sorted", focus=refs[focus].display(lang())))


def _version_of(ds, kommun: str, year: str | None) -> str | None:
    mine = ds.score_sets[ds.score_sets["kommunkod"] == kommun]
    if year:
        mine = mine[mine["year"].astype(str) == year]
    return str(mine.sort_values("year")["instrument_version"].iloc[-1]) if len(mine) else None


def _default_selection(sets, focus_kommun: str, with_areas: set) -> list[str]:
    """The focus municipality's latest set of the version plus up to three others with area scores."""
    mine = sets[sets["kommunkod"] == focus_kommun].sort_values("year")
    first = list(mine["score_set_id"].iloc[-1:])
    others = [s for s in sets.sort_values("year", ascending=False).drop_duplicates("kommunkod")["score_set_id"]
              if s in with_areas and s not in first]
    chosen = first + others[: 4 - len(first)]
    return chosen or list(sets["score_set_id"].iloc[:3])


def _sentence(table, columns) -> str:
    total = table.set_index("code").loc["total"]
    have = [(c, total[c]) for c in columns if total[c] == total[c]]
    if not have:
        return t("ui.compare.sentence_no_total", n=len(columns))
    best = max(have, key=lambda x: x[1])
    worst = min(have, key=lambda x: x[1])
    return t("ui.compare.sentence", n=len(columns), best=best[0], best_total=f"{best[1]:g}",
             worst=worst[0], worst_total=f"{worst[1]:g}", missing=len(columns) - len(have))


run_page(main)
