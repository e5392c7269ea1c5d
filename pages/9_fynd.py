"""Styrkor och förbättringar: search every report's findings by text, area, kind and version."""

import streamlit as st

from kompass_data.compare import item_labels
from kompass_data.findings import FINDING_KINDS, FindingFilter, search_findings
from kompass_ui import urlstate as url
from kompass_ui.findings_view import results_table
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.fynd"))
    st.caption(t("ui.findings.intro"))
    if ds.findings.empty:
        st.info(t("ui.findings.empty_data"))
        return
    url.declared("q", "fynd_text")
    if "fynd_text" not in st.session_state:
        st.session_state["fynd_text"] = url.get("q") or ""
    text = st.text_input(t("ui.findings.search"), key="fynd_text", help=t("ui.findings.search_help"))
    url.put("q", text.strip())
    any_ = t("ui.findings.any")
    cols = st.columns(3)
    with cols[0]:
        area = url.widget("omrade", st.selectbox, t("ui.findings.area"), ["total", *[str(n) for n in range(1, 9)]],
                          key="fynd_area", format_func=lambda a: any_ if a == "total" else a)
    with cols[1]:
        kind = url.widget("slag", st.selectbox, t("ui.findings.kind"), ["", *FINDING_KINDS], key="fynd_kind",
                          format_func=lambda k: any_ if not k else t(f"finding.kind.{k}"))
    with cols[2]:
        versions = sorted(ds.findings["instrument_version"].astype(str).unique())
        version = url.widget("version", st.selectbox, t("ui.findings.version"), ["", *versions], key="fynd_version",
                             format_func=lambda v: v or any_)

    found = search_findings(ds.findings, FindingFilter(
        text=text, area=None if area == "total" else area, kind=kind or None, version=version or None,
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
