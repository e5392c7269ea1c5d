"""Samband: a version's scores beside a Kolada indicator, one panel per version, n and Spearman's rho."""

import streamlit as st

from kompass_data.export import table_bytes
from kompass_data.figures import outcome_scatter
from kompass_data.outcomes import (
    ITEMS, MIN_N_SPEARMAN, kpi_table, outcome_panels, plotted_table, versions_with_evaluations,
)
from kompass_ui.charts import chart
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, t
from kompass_ui import urlstate as url
from kompass_ui.widgets import labelled

DEFAULT_KPI = "N00090"


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.samband"))
    st.markdown(t("ui.samband.intro"))
    kpis = kpi_table(ds).set_index("kpi")
    if kpis.empty:
        st.info(t("error.unknown_kpi", kpi="–", known="–"))
        return
    versions = versions_with_evaluations(ds)
    cols = st.columns([1, 1, 2])
    with cols[0]:
        version = _select("version", ["", *versions], t("ui.pick.version"),
                          lambda v: t("ui.samband.all_versions") if v == "" else v, default="")
    chosen = [version] if version else versions
    labels = {v: ds.version(v).item_labels(lang()) for v in chosen}
    with cols[1]:
        item = _select("omrade", list(ITEMS), t("ui.pick.item"),
                       lambda c: _item_label(labels, version, c), default="total")
    with cols[2]:
        kpi = _select("kpi", list(kpis.index), t("ui.samband.pick_kpi"),
                      lambda k: _kpi_label(kpis.loc[k], k), default=DEFAULT_KPI)

    info = kpis.loc[kpi]
    panels = outcome_panels(ds, chosen, item, kpi)
    chart(outcome_scatter(panels, labels, f"{kpi} ({info['unit']})", lang()), t("ui.samband.alt", kpi=kpi),
          key="samband_scatter")
    for panel in panels:
        item_text = _item_label(labels, panel.version, item)
        if panel.n == 0:
            st.info(t("ui.samband.none", version=panel.version, item=item_text, kpi=kpi))
        elif panel.n < MIN_N_SPEARMAN:
            st.info(t("ui.samband.few", version=panel.version, n=panel.n, min=MIN_N_SPEARMAN))
        nearest = int(panel.points["nearest"].sum()) if panel.n else 0
        if nearest:
            st.caption(f"{panel.version}: " + t("ui.samband.nearest_note", n=nearest))
        if len(panel.without_kpi):
            names = ", ".join(f"{m} {y}" for m, y in panel.without_kpi[["municipality", "year"]].itertuples(index=False))
            st.caption(f"{panel.version}: " + t("ui.samband.without_kpi", names=names))
    st.caption(t("ui.samband.rho_meaning"))

    st.header(t("ui.samband.about_kpi"))
    st.markdown(f"**{kpi} {info['title']}**")
    st.caption(info["description"])
    area = info["proposed_area"]
    st.markdown(t("ui.samband.unit", unit=info["unit"]) + " "
                + (t("ui.samband.proposed", area=area) if area else t("ui.samband.context")))
    st.warning(t("ui.samband.caveats", text=info[f"caveat_{lang()}"]))
    st.caption(t("ui.samband.credit"))

    st.header(t("ui.samband.table"))
    table = plotted_table(panels)
    st.dataframe(table.rename(columns={
        "instrument_version": t("ui.samband.col_version"), "municipality": t("ui.col.municipality"),
        "year": t("ui.col.year"), "score": t("ui.col.score"), "kpi_value": t("ui.samband.col_kpi_value"),
        "kpi_year": t("ui.samband.col_kpi_year")}), hide_index=True)
    st.download_button(
        t("ui.samband.download", rows=len(table)), data=table_bytes(table, "csv"),
        file_name=f"kommunkompassen-samband-{version or 'alla'}-{item}-{kpi}.csv", mime="text/csv",
        on_click="ignore", icon=":material/download:", disabled=table.empty,
    )


def _item_label(labels: dict, version: str, code: str) -> str:
    if code == "total":
        return t("ui.col.total")
    if version:
        return f"{code}. {labels[version].get(code, code)}"
    return t("ui.samband.area_n", code=code)


def _kpi_label(row, kpi: str) -> str:
    area = row["proposed_area"]
    suffix = t("ui.samband.kpi_area", area=area) if area else t("ui.samband.kpi_context")
    return t("ui.samband.kpi_option", kpi=kpi, title=row["title"], area=suffix)


def _select(param: str, options: list, label: str, format_func, default: str) -> str:
    return url.widget(param, st.selectbox, label, options, key=f"samband_{param}", fallback=(default,),
                      format_func=labelled(options, format_func))


run_page(main)
