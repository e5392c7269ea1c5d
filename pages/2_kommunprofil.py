"""Kommunprofil: one score set against the peer mean of its version (the seed report's radar, interactive)."""

import streamlit as st

from kompass_data import peer_comparison
from kompass_data.compare import THIN_N, item_labels
from kompass_data.figures import n_range, radar, subarea_bars
from kompass_data.report import report_download, report_file_name
from kompass_ui.findings_view import show_area_findings
from kompass_ui.layout import lazy_expander
from kompass_ui import urlstate as url
from kompass_ui.charts import cached_chart
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t
from kompass_ui.views import (
    SET_WIDE_CHECKS, counted_sentences, furthest, known_evaluations, localized, md, missing_as, note_line, peers_display,
    profile_table, references_display, set_flags, set_notes, subarea_rows, thin_lines,
)
from kompass_ui.widgets import (
    municipality_picker, peer_filter_text, peer_filter_widgets, peer_group_picker, score_set_picker, seed_peer_filters,
)


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.kommunprofil"))
    cols = st.columns(2)
    with cols[0]:
        kommun = municipality_picker(ds)
    if not (ds.score_sets["kommunkod"] == kommun).any():
        _no_scores(ds, kommun)
        return
    with cols[1]:
        ref = score_set_picker(ds, kommun)
    peer_group = peer_group_picker()
    group = peer_filter_text(ds, seed_peer_filters(ds))
    title = t("ui.profile.peer_filters_active", group=group) if group else t("ui.profile.peer_filters")
    with st.expander(title, expanded=bool(group)):
        peer_filter = peer_filter_widgets(ds)
    group = peer_filter_text(ds, peer_filter)
    # Built once per dataset and choice: going back to a municipality already seen costs nothing here.
    comparison = ds.derived(("peer_comparison", ref, peer_filter, lang(), peer_group),
                            lambda: peer_comparison(ds, ref, peer_filter, lang(), peer_group))
    named = comparison.group

    def once(name: str, build, *extra):
        """build() once per dataset and this view's choices (a return visit to a municipality reuses it)."""
        return ds.derived(("profile", name, ref, peer_filter, peer_group, lang(), group, *extra), build)
    st.caption(md(f"{named.title(lang())}: {named.definition(lang())}"))
    has_refs = not comparison.references.empty
    show_refs = url.widget("ref", st.checkbox, t("ui.profile.show_refs"), key="pick_ref", disabled=not has_refs,
                           help=t("ui.profile.refs_help"))
    if not has_refs:
        url.put("ref", None)  # nothing to show: a link should not promise references

    flags = set_flags(ds, ref.id, lang())
    st.header(md(f"{ref.display(lang())} · {t('ui.fig.version')} {ref.instrument_version}"))
    st.caption(t(f"ui.kind_long.{ref.evaluation_kind}") + (" · " + t("ui.session_data") if ref.id in _session_ids(ds) else ""))
    for message in flags[flags["check"].isin(SET_WIDE_CHECKS)]["message"]:
        st.warning(md(message), icon=":material/flag:")
    # Made on click (deferred), by the same library call as the CLI's `report`: the same file.
    st.download_button(
        t("report.download"), data=report_download(ds, ref, peer_filter, lang(), group, peer_group),
        file_name=report_file_name(ref), mime="text/html", help=t("report.download_help"),
        icon=":material/description:", on_click="ignore",
    )

    table = comparison.table
    areas = table[table["code"] != "total"]
    ns = [int(n) for n in table["peer_n"]]
    if max(ns) == 0 and named.wider:
        wider = t(f"peers.group.{named.wider}")
        st.warning(md(t("peers.empty", group=named.title(lang()), version=ref.instrument_version, wider=wider)))
        st.button(t("ui.peers.use_wider", wider=wider), key="use_wider",
                  on_click=lambda: st.session_state.update(pick_peer_group=named.wider))
    elif max(ns) == 0:
        st.warning(t("ui.profile.no_peers", version=ref.instrument_version))
    elif any(0 < n < THIN_N for n in ns):
        st.warning(t("ui.thin_mean_long", n=THIN_N), icon=":material/warning:")
    st.caption(t("ui.profile.peer_rule", version=ref.instrument_version))

    if areas["score"].notna().sum() == 0:
        st.info(t("ui.profile.only_total"), icon=":material/info:")
    else:
        if areas["score"].notna().sum() < len(areas):
            st.info(t("ui.profile.some_areas", n=int(areas["score"].notna().sum())), icon=":material/info:")
        # Title = the comparator and its n, so the chart (and its PNG) says what it benchmarks against.
        title = t("report.chart_title", name=ref.display(lang()), version=ref.instrument_version,
                  group=named.title(lang()) + (f", {group}" if group else ""))
        peers_n = n_range(areas["peer_n"])
        cached_chart(ds, ("radar", ref, peer_filter, peer_group, show_refs, group),
                     lambda: radar(comparison, comparison.references if show_refs else None, lang(), group),
                     title + (f" (n = {peers_n})" if peers_n else ""), key="radar")
        for sentence in once("sentences", lambda: counted_sentences(comparison, lang(),
                                                                    named.title(lang()) + (f", {group}" if group else ""))):
            st.markdown(md(sentence))
    st.dataframe(localized(once("table", lambda: profile_table(comparison, flags, lang(), set_notes(ds, ref))), lang()),
                 hide_index=True,
                 # Widths that fit item, score, mean, n and difference in a 390 px phone; flags and notes follow.
                 column_config={t("ui.col.item"): st.column_config.TextColumn(width=120),
                                **{t(f"ui.col.{c}"): st.column_config.NumberColumn(width=w) for c, w in
                                   (("score", 56), ("peer_mean", 64), ("n", 40), ("difference", 64))},
                                t("ui.col.flags"): st.column_config.TextColumn(width="large"),
                                t("ui.col.note"): st.column_config.TextColumn(width="large")})
    st.caption(t("ui.profile.percentile_caption", n=THIN_N))
    for code, message in zip(flags["code"], flags["message"]):
        if code in set(table["code"]) and message not in set(flags[flags["check"].isin(SET_WIDE_CHECKS)]["message"]):
            item = t("ui.col.total") if code == "total" else f"{code}. {table.set_index('code').loc[code, 'label']}"
            st.markdown(f"⚠ **{md(item)}:** {md(message)}")

    show_area_findings(ds, ref, item_labels(ds, ref.instrument_version, lang()))

    above, below = once("furthest", lambda: furthest(comparison, lang()))
    if above or below:
        cols = st.columns(2)
        with cols[0]:
            st.markdown("**" + t("ui.profile.above") + "**")
            st.markdown("\n".join(f"- {md(line)}" for line in above) or t("ui.none"))
        with cols[1]:
            st.markdown("**" + t("ui.profile.below") + "**")
            st.markdown("\n".join(f"- {md(line)}" for line in below) or t("ui.none"))
    thin = once("thin", lambda: thin_lines(comparison, lang()))
    if thin:
        st.markdown("**" + t("ui.col.against") + "**")
        st.markdown("\n".join(f"- {md(line)}" for line in thin))

    subs = ds.derived(("profile", "subareas", ref, lang()), lambda: subarea_rows(ds, ref, flags, lang()))  # no peers in it
    if not subs.empty:
        st.header(t("ui.profile.subareas"))
        weakest = url.widget("svagast", st.toggle, t("ui.subareas.sort"), key="pick_weakest")
        if weakest:
            subs = subs.sort_values(["percent", "code"], kind="stable").reset_index(drop=True)
        cached_chart(ds, ("subareas", ref, weakest), lambda: subarea_bars(subs, lang()),
                     t("ui.profile.subareas_alt", label=ref.display(lang())), key="subareas")
        st.caption(t("ui.profile.subareas_caption", n=len(subs)))
        for code, note in zip(subs["code"], subs["note"]):
            if note:
                st.markdown(note_line(code, note, lang()))
        lazy_expander(t("ui.profile.subareas_table"), "open_subareas", lambda: st.dataframe(
            localized(missing_as(subs, lang=lang()).rename(columns={
                "code": t("ui.col.code"), "name": t("ui.col.item"), "score": t("ui.col.score"),
                "max_score": t("ui.col.max"), "percent": "%", "flags": t("ui.col.flags"), "note": t("ui.col.note")}),
                lang()), hide_index=True))

    peers = comparison.peers

    def peers_table() -> None:
        st.caption(t("ui.profile.peers_caption"))
        st.dataframe(localized(peers_display(comparison, lang()), lang()), hide_index=True)

    # The counts beside, not in, the expander's label: Streamlit reads a new label as a new expander and closes it.
    st.caption(t("ui.profile.peers_used", n=peers["kommunkod"].nunique(), sets=len(peers)) + f" · {md(named.title(lang()))}")
    lazy_expander(t("ui.profile.peers_table"), "open_peers", peers_table)
    if has_refs:
        lazy_expander(t("ui.profile.refs_table"), "open_refs", lambda: st.dataframe(
            localized(references_display(comparison.references, lang()), lang()), hide_index=True))


def _no_scores(ds, kommun: str) -> None:
    """A municipality without published scores: say so, list its known evaluations, say what to do."""
    st.warning(t("ui.noscores.title", name=ds.municipality_names.get(kommun, kommun)), icon=":material/info:")
    known = known_evaluations(ds, kommun, lang())
    if known.empty:
        st.markdown(t("ui.noscores.none_known"))
    else:
        st.markdown("**" + t("ui.noscores.known") + "**")
        st.dataframe(known, hide_index=True,
                     column_config={t("ui.col.source"): st.column_config.LinkColumn(t("ui.col.source"))})
    st.info(t("ui.noscores.todo"), icon=":material/upload_file:")


def _session_ids(ds) -> set:
    return set(ds.score_sets.loc[ds.score_sets["origin"] == "session", "score_set_id"])


run_page(main, fragment=True)  # every widget here changes only this page: no app-wide rerun
