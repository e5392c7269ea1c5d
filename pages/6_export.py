"""Export: the researcher's filters -> preview with row count -> CSV, Excel or Parquet with codebook and sources."""

import streamlit as st

from kompass_data.export import FORMATS, SUFFIXES, ExportFilter, export_zip, filter_scores
from kompass_data.instruments import KINDS, LEVELS
from kompass_ui import urlstate as url
from kompass_ui.safe import run_page
from kompass_ui.state import dataset, lang, sources_md, t
from kompass_ui.widgets import labelled, municipality_label, municipality_options, year_range_picker


def main() -> None:
    ds = dataset()
    st.title(t("ui.page.export"))
    st.markdown(t("ui.export.intro"))
    munis = ds.municipalities
    lans = munis.drop_duplicates("lan_kod").sort_values("lan_kod")
    lan_names = dict(zip(lans["lan_kod"], lans["lan_name"]))
    groups = sorted(set(munis["kommungrupp_2017_code"]))

    cols = st.columns(3)
    with cols[0]:
        version = _select("version", ["", *ds.registry.versions], t("ui.pick.version"),
                          lambda v: t("ui.export.all_versions") if v == "" else v)
        level = _select("niva", ["", *LEVELS], t("ui.export.level"), lambda v: t(f"ui.export.level_{v or 'all'}"))
        kind = _select("typ", ["", *KINDS], t("ui.col.kind"),
                       lambda v: t("ui.export.all_kinds") if v == "" else t(f"ui.kind.{v}"))
    with cols[1]:
        options = municipality_options(ds)
        kommuner = url.widget("kommun", st.multiselect, t("ui.pick.kommuner"), options, key="exp_kommun",
                              format_func=lambda c: municipality_label(ds, c), placeholder=t("ui.export.all_munis"))
        lan = _select("lan", ["", *lan_names], t("ui.pick.lan"),
                      lambda c: t("ui.all_lan") if c == "" else f"{lan_names[c]} ({c})")
        grupp = _select("grupp", ["", *groups], t("ui.pick.grupp"), lambda c: t("ui.all_grupp") if c == "" else c)
    with cols[2]:
        lo, hi = int(ds.scores["year"].min()), int(ds.scores["year"].max())
        years = year_range_picker(t("ui.export.years"), lo, hi, key="exp_years")
        fmt = st.radio(t("ui.export.format"), list(FORMATS), key="exp_fmt", horizontal=True,
                       format_func=labelled(list(FORMATS), _format_name))

    flt = ExportFilter(
        version=version or None, kommuner=tuple(kommuner), lan=lan or None, kommungrupp=grupp or None,
        level=level or None, kind=kind or None,
        year_from=years[0] if years[0] != lo else None, year_to=years[1] if years[1] != hi else None,
    )
    table = filter_scores(ds, flt, lang())
    n_versions = table["instrument_version"].astype(str).nunique()
    st.header(t("ui.export.preview", rows=len(table)))
    if len(table) == 0:
        st.info(t("ui.export.empty"))
        return
    if n_versions > 1:
        st.warning(t("ui.export.mixed_versions", n=n_versions))
    if (ds.score_sets["origin"] == "session").any():
        st.caption(t("ui.export.session_note"))
    st.dataframe(table, hide_index=True, height=360)
    data = export_zip(table, fmt, flt, sources_md())
    st.download_button(
        t("ui.export.download", rows=len(table), fmt=_format_name(fmt)),
        data=data, file_name=f"kommunkompassen-{fmt}.zip", mime="application/zip", on_click="ignore",
        icon=":material/download:", type="primary",
    )
    st.caption(t("ui.export.contents", fmt=SUFFIXES[fmt].lstrip(".")))
    st.caption(t("ui.export.cite"))


def _format_name(fmt: str) -> str:
    return {"csv": "CSV", "csv-sv": t("ui.export.format_csv_sv"), "xlsx": "Excel", "parquet": "Parquet"}[fmt]


def _select(param: str, options: list, label: str, format_func) -> str:
    """A filter whose first option '' means all, bound to its URL parameter."""
    return url.widget(param, st.selectbox, label, options, key=f"exp_{param}", fallback=[""],
                      format_func=labelled(options, format_func))


run_page(main)
