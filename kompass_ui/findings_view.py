"""Findings on the pages: an area's strengths and improvement areas, the search results, the named high scorers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kompass_data.findings import area_findings, profile_link
from kompass_ui.layout import lazy_expander
from kompass_ui.state import lang, t
from kompass_ui.views import md


def _bullets(rows: pd.DataFrame) -> str:
    lines = []
    for text, note in zip(rows["text"], rows["note"]):
        mark = f" *({t('ui.profile.uncertain')})*" if note.startswith("column uncertain") else ""
        lines.append(f"- {md(text)}{mark}")
    return "\n".join(lines) or t("ui.none")


def _area_texts(ds, key: tuple, labels: dict[str, str]) -> tuple[list[dict], str]:
    """Per area (report order) its label and the markdown of strengths, improvements, inspiration and sources."""
    per_area = area_findings(ds.findings, key)
    names = ds.municipality_names
    sources, areas = set(), []
    for code in sorted(per_area, key=lambda c: int(c) if c.isdigit() else 99):
        rows = per_area[code]
        sources |= {s.rsplit(", section", 1)[0] for s in rows["source"]}
        named = rows[rows["kind"].isin(["high_scorer", "example"])]
        lines = []
        if not named.empty:
            high = named[named["kind"] == "high_scorer"]
            if not high.empty:
                lines.append(f"- {t('finding.kind.high_scorer')}: {md(', '.join(names.get(c, c) for c in high['named_kommunkod']))}")
            lines += [f"- {t('finding.kind.example')}: {md(text)}"
                      for text in named.loc[named["kind"] == "example", "text"].drop_duplicates()]
        areas.append({
            "code": code,
            "label": md(f"{code}. {labels.get(code, '')}"),
            "strengths": f"**{t('ui.profile.strengths')}**\n\n" + _bullets(rows[rows["kind"] == "strength"]),
            "improvements": f"**{t('ui.profile.improvements')}**\n\n" + _bullets(rows[rows["kind"] == "improvement"]),
            "inspiration": (f"**{t('ui.profile.inspiration')}**\n\n" + "\n".join(lines)) if lines else "",
            "sources": md(", ".join(sorted(set(rows["source"])))),
        })
    return areas, md("; ".join(sorted(sources)))


def show_area_findings(ds, ref, labels: dict[str, str]) -> None:
    """Under the scores: per area, the report's strengths and improvement areas side by side, then its inspiration.

    Each area is an expander whose text is made only while it is open (area 1 opens by itself), and the
    texts are built once per score set and language.
    """
    key = (ref.kommunkod, ref.year, ref.instrument_version, ref.evaluation_kind)
    st.subheader(t("ui.profile.findings"))
    areas, sources = ds.derived(("findings_texts", key, lang(), tuple(labels.items())), lambda: _area_texts(ds, key, labels))
    if not areas:
        st.caption(t("ui.profile.findings_none"))
        return
    for area in areas:
        lazy_expander(area["label"], f"open_findings_{area['code']}", lambda area=area: _show_area(area),
                      expanded=(area["code"] == "1"))
    st.caption(t("ui.findings.as_published", source=sources))


def _show_area(area: dict) -> None:
    cols = st.columns(2)
    cols[0].markdown(area["strengths"])
    cols[1].markdown(area["improvements"])
    if area["inspiration"]:
        st.markdown(area["inspiration"])
    st.caption(area["sources"])


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
