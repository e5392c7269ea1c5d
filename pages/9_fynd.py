"""Styrkor och förbättringar: search every report's findings by text, area, kind and version."""

import streamlit as st

from kompass_data.compare import item_labels
from kompass_data.findings import FINDING_KINDS, FindingFilter, search_findings
from kompass_ui.findings_view import results_table
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t
from kompass_ui.widgets import get_param, set_param


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.fynd"))
    st.caption(t("ui.findings.intro"))
    if ds.findings.empty:
        st.info(t("ui.findings.empty_data"))
        return
    any_ = t("ui.findings.any")
    versions = [any_] + sorted(ds.findings["instrument_version"].astype(str).unique())
    areas = [any_] + [str(n) for n in range(1, 9)]
    kinds = [any_] + list(FINDING_KINDS)
    for key, param, options in (("fynd_area", "omrade", areas), ("fynd_kind", "typ", kinds), ("fynd_version", "version", versions)):
        if key not in st.session_state:
            st.session_state[key] = get_param(param) if get_param(param) in options else any_
    if "fynd_text" not in st.session_state:
        st.session_state["fynd_text"] = get_param("q") or ""
    text = st.text_input(t("ui.findings.search"), key="fynd_text", help=t("ui.findings.search_help"))
    cols = st.columns(3)
    with cols[0]:
        area = st.selectbox(t("ui.findings.area"), areas, key="fynd_area")
    with cols[1]:
        kind = st.selectbox(t("ui.findings.kind"), kinds, key="fynd_kind",
                            format_func=lambda k: k if k == any_ else t(f"finding.kind.{k}"))
    with cols[2]:
        version = st.selectbox(t("ui.findings.version"), versions, key="fynd_version")
    set_param("q", text.strip() or None)
    set_param("omrade", None if area == any_ else area)
    set_param("typ", None if kind == any_ else kind)
    set_param("version", None if version == any_ else version)

    found = search_findings(ds.findings, FindingFilter(
        text=text, area=None if area == any_ else area, kind=None if kind == any_ else kind,
        version=None if version == any_ else version,
    ))
    if found.empty:
        st.info(t("ui.findings.none"))
        return
    st.caption(t("ui.findings.count", n=len(found)))
    labels = {v: item_labels(ds, v, lang()) for v in found["instrument_version"].astype(str).unique()}
    st.dataframe(
        results_table(found, ds.municipality_names, labels), hide_index=True,
        column_config={
            t("ui.findings.col_text"): st.column_config.TextColumn(width="large"),
            t("ui.findings.col_profile"): st.column_config.LinkColumn(display_text=t("ui.findings.open_profile")),
        },
    )


run_page(main)
