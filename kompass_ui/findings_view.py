"""Findings on the pages: an area's strengths and improvement areas, the search results, the named high scorers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kompass_data.findings import area_findings, profile_link
from kompass_ui.state import t
from kompass_ui.views import md


def _bullets(rows: pd.DataFrame) -> str:
    lines = []
    for text, note in zip(rows["text"], rows["note"]):
        mark = f" *({t('ui.profile.uncertain')})*" if note.startswith("column uncertain") else ""
        lines.append(f"- {md(text)}{mark}")
    return "\n".join(lines) or t("ui.none")


def show_area_findings(ds, ref, labels: dict[str, str]) -> None:
    """Under the scores: per area, the report's strengths and improvement areas side by side, then its inspiration."""
    key = (ref.kommunkod, ref.year, ref.instrument_version, ref.evaluation_kind)
    per_area = area_findings(ds.findings, key)
    st.subheader(t("ui.profile.findings"))
    if not per_area:
        st.caption(t("ui.profile.findings_none"))
        return
    names = ds.municipality_names
    sources = set()
    for code in sorted(per_area, key=lambda c: int(c) if c.isdigit() else 99):
        rows = per_area[code]
        sources |= {s.rsplit(", section", 1)[0] for s in rows["source"]}
        with st.expander(md(f"{code}. {labels.get(code, '')}"), expanded=(code == "1")):
            cols = st.columns(2)
            with cols[0]:
                st.markdown("**" + t("ui.profile.strengths") + "**")
                st.markdown(_bullets(rows[rows["kind"] == "strength"]))
            with cols[1]:
                st.markdown("**" + t("ui.profile.improvements") + "**")
                st.markdown(_bullets(rows[rows["kind"] == "improvement"]))
            named = rows[rows["kind"].isin(["high_scorer", "example"])]
            if not named.empty:
                st.markdown("**" + t("ui.profile.inspiration") + "**")
                high = named[named["kind"] == "high_scorer"]
                lines = []
                if not high.empty:
                    who = ", ".join(names.get(c, c) for c in high["named_kommunkod"])
                    lines.append(f"- {t('finding.kind.high_scorer')}: {md(who)}")
                for text in named.loc[named["kind"] == "example", "text"].drop_duplicates():
                    lines.append(f"- {t('finding.kind.example')}: {md(text)}")
                st.markdown("\n".join(lines))
            st.caption(md(", ".join(sorted({s for s in rows["source"]}))))
    st.caption(t("ui.findings.as_published", source=md("; ".join(sorted(sources)))))


def results_table(found: pd.DataFrame, names: dict[str, str], labels: dict[str, dict[str, str]]) -> pd.DataFrame:
    """Search results for display: municipality, year, area, kind, text, named municipality, profile link, source."""
    return pd.DataFrame({
        t("ui.findings.col_municipality"): found["municipality"],
        t("ui.findings.col_year"): found["year"].astype(int),
        t("ui.findings.col_area"): [
            f"{c}. {labels.get(str(v), {}).get(str(c), '')}".rstrip(". ")
            for c, v in zip(found["area_code"], found["instrument_version"])
        ],
        t("ui.findings.col_kind"): found["kind"].map(lambda k: t(f"finding.kind.{k}")),
        t("ui.findings.col_text"): found["text"],
        t("ui.findings.col_named"): found["named_kommunkod"].map(lambda c: names.get(c, "") if c else ""),
        t("ui.findings.col_profile"): [profile_link(k, y) for k, y in zip(found["kommunkod"], found["year"])],
        t("ui.findings.col_source"): found["source"],
    })
