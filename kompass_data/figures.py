"""Plotly figure builders: pure functions of the library's tables (no Streamlit), every label escaped.

Colour never carries meaning alone: traces also differ by marker symbol, dash or pattern, and values
are written on the bars and cells. The palette is Okabe–Ito (safe for the common colour-vision types).
Every text that comes from data is passed through `esc` because Plotly renders a subset of HTML in
names, tick labels and hover text.
"""

from __future__ import annotations

import html
import math
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from .compare import THIN_N, latest_with
from . import formats
from .instruments import AREA_CODES, REGISTRY, TOTAL_MAX
from .messages import PRODUCT, t

OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "pentagon", "star", "hexagon", "cross")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
PATTERNS = ("", "/", "x", ".", "+", "\\", "-", "|")
MISSING_GREY = "#C8C8C8"
SEQUENTIAL = "Viridis"  # says "more or less than others", not "good or bad"; no grey that reads as missing
AREA_MAX = 100.0
TITLE_WIDTH = 48  # characters a chart title line holds at 390 px


def esc(text) -> str:
    """Data text made inert for Plotly's HTML-like labels."""
    return html.escape("" if text is None else str(text))


def fmt(value, lang: str = "sv", digits: int = 1) -> str:
    """54.0 -> '54', 61.25 -> '61,3' in Swedish and '61.3' in English, NaN -> '–'."""
    return formats.number(value, lang, digits)


def _none(values) -> list:
    """Values as a list with NaN as None (a gap in Plotly)."""
    return [None if pd.isna(v) else float(v) for v in values]


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def n_range(ns) -> str | None:
    """How many a set of means rests on, for a legend or a sentence: '3', '1–3'; None when no mean has any."""
    present = [int(n) for n in ns if not pd.isna(n) and int(n) > 0]
    if not present:
        return None
    return str(min(present)) if min(present) == max(present) else f"{min(present)}–{max(present)}"


def area_tick(code: str, label: str, width: int = 18) -> str:
    """'1. Offentlighet och<br>demokrati': escaped, wrapped at spaces only (never inside a word) so axis
    labels stay level and inside the plot; a word longer than `width` gets a line of its own."""
    lines = textwrap.wrap(f"{code}. {label}", width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(esc(line) for line in lines or [""])


def _closed(values: list) -> list:
    """A radar trace's values with the first repeated at the end, so its outline closes."""
    values = list(values)
    return values + values[:1]


def _radar_layout(fig: go.Figure) -> go.Figure:
    """Room for the wrapped area labels at the top and bottom of a radar, and the legend below it."""
    fig.update_layout(
        margin=dict(l=90, r=90, t=60, b=110),
        polar=dict(domain=dict(x=[0.05, 0.95], y=[0.06, 0.94]), angularaxis=dict(tickfont=dict(size=12), rotation=90, direction="clockwise")),
    )
    return fig


LEGENDS = {  # where a horizontal legend goes: under the plot, above it, or at the figure's foot
    "below": dict(orientation="h", yanchor="top", y=-0.08, xanchor="left", x=0),
    "above": dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
    # Under rotated axis labels, and wrapping freely on a phone without reaching the title.
    "foot": dict(orientation="h", yref="container", yanchor="bottom", y=0, xanchor="left", x=0),
}


def _layout(fig: go.Figure, height: int = 520, legend: str = "below", lang: str = "sv") -> go.Figure:
    legend = LEGENDS[legend]
    fig.update_layout(
        height=height,
        margin=dict(l=40, r=40, t=40, b=40),
        legend=legend,
        hoverlabel=dict(align="left"),
        font=dict(size=13),
        # Axis ticks and Plotly's own numbers in the reader's style: decimal comma in Swedish.
        separators=formats.decimal_sign(lang) + "\u00a0",
    )
    return fig


def captioned(fig: go.Figure, title: str, lang: str = "sv") -> go.Figure:
    """The figure with its own title and source line inside it, so a downloaded image says what it shows."""
    source = t("report.source_line", lang, product=PRODUCT)
    # Plotly does not wrap titles: break them at spaces so a phone-wide chart shows them whole.
    lines = textwrap.wrap(title, TITLE_WIDTH) or [""]
    # Plotly places a title of several lines with a subtitle about one line too high when anchored at its top:
    # 22 px down from the edge shows the first line whole (checked in Chromium at 300, 520 and 780 px).
    top = 1 - 22 / (fig.layout.height or 450)
    fig.update_layout(
        title=dict(text="<br>".join(esc(line) for line in lines), x=0, xanchor="left", y=top, yref="container",
                   yanchor="top", font=dict(size=15),
                   subtitle=dict(text="<br>".join(esc(x) for x in textwrap.wrap(source, TITLE_WIDTH + 10)),
                                 font=dict(size=11, color="#444444"))),
    )
    fig.update_layout(margin=dict(t=max(int(fig.layout.margin.t or 0), 40) + 50 + 20 * len(lines)))
    return fig


def image_config(title: str) -> dict:
    """Plotly's config for a chart: the camera button saves a titled PNG named after the chart, at print size."""
    slug = re.sub(r"[^0-9A-Za-zÅÄÖåäö]+", "_", title).strip("_")[:80] or "kommunkompassen"
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": slug, "width": 1200, "height": 800, "scale": 2},
    }


# --- Översikt ---------------------------------------------------------------------------------


def holdings_by_year(score_sets: pd.DataFrame, lang: str = "sv") -> go.Figure:
    """Score sets per evaluation year, one bar trace per version (colour and pattern), self-assessments apart."""
    fig = go.Figure()
    counts = score_sets.groupby(["instrument_version", "year", "evaluation_kind"], observed=True).size()
    for i, version in enumerate(REGISTRY.versions):
        if version not in counts.index.get_level_values(0):
            continue
        part = counts.loc[version]
        for kind in ("full", "self"):
            if kind not in part.index.get_level_values(1):
                continue
            by_year = part.xs(kind, level=1)
            name = f"{t('ui.fig.version', lang)} {version}" + ("" if kind == "full" else f" ({t('ui.kind.self', lang)})")
            fig.add_trace(
                go.Bar(
                    x=[int(y) for y in by_year.index], y=[int(n) for n in by_year.values], name=name,
                    marker=dict(color=OKABE_ITO[i], pattern=dict(shape=PATTERNS[i] if kind == "full" else "x"),
                                line=dict(color="#000000", width=0.5)),
                    hovertemplate=f"{esc(name)}<br>%{{x}}: %{{y}}<extra></extra>",
                )
            )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(dtick=1, tickangle=-45)
    fig.update_yaxes(title=t("ui.col.score_sets", lang))
    # At the foot: on a phone the legend wraps to five rows, and above the plot it ran into the title (390 px).
    return _layout(fig, 380, legend="foot", lang=lang)


# --- Kommunprofil -----------------------------------------------------------------------------


def reference_profiles(references: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Published reference statistics grouped into profiles: (name, rows), one per year/statistic/population."""
    if references is None or references.empty:
        return []
    out = []
    keys = ["year", "statistic", "population", "source"]
    for (year, stat, population, _source), rows in references.groupby(keys, sort=True, observed=True):
        out.append((f"{stat} {year}: {population}", rows))
    return out


def radar(comparison, references: pd.DataFrame | None = None, lang: str = "sv", group: str = "") -> go.Figure:
    """The focal score set against the peer mean of its version over the 8 areas (plus references).

    group names the active peer filters ('Västerbottens län, C8') in the mean's legend entry.
    """
    table = comparison.table
    areas = table[table["code"].isin(AREA_CODES)].set_index("code").reindex(list(AREA_CODES))
    theta = [area_tick(c, areas.loc[c, "label"]) for c in AREA_CODES]
    focal = comparison.focal
    fig = go.Figure()
    kind = t(f"ui.kind.{focal.evaluation_kind}", lang)
    focal_hover = [
        f"<b>{esc(focal.display(lang))}</b><br>{tick}<br>{t('ui.fig.score', lang)}: {fmt(s, lang)}<br>"
        f"{t('ui.fig.version', lang)} {esc(focal.instrument_version)} · {kind}"
        for tick, s in zip(theta, areas["score"])
    ]
    fig.add_trace(
        go.Scatterpolar(
            r=_closed(_none(areas["score"])), theta=_closed(theta), name=esc(focal.display(lang)), mode="lines+markers",
            fill="toself", fillcolor=_rgba(OKABE_ITO[0], 0.15),
            line=dict(color=OKABE_ITO[0], width=3, dash="solid"),
            marker=dict(symbol="circle" if focal.evaluation_kind == "full" else "circle-open", size=9),
            hovertext=_closed(focal_hover), hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    n_values = [int(n) for n in areas["peer_n"]]
    names = areas["peer_names"] if "peer_names" in areas.columns else [""] * len(areas)
    # Below THIN_N the point is not a mean: the hover names the score sets it is ("mot Mölndal 2016").
    peer_hover = [
        (f"<b>{esc(t('ui.peers.against', lang, names=who))}</b><br>{tick}<br>{fmt(m, lang)} (n = {n})"
         if 0 < n < THIN_N and who else f"<b>{t('ui.fig.peer_mean', lang)}</b><br>{tick}<br>{fmt(m, lang)} (n = {n})")
        + (f"<br>{esc(t('ui.thin_mean', lang, n=THIN_N))}" if 0 < n < THIN_N else "")
        for tick, m, n, who in zip(theta, areas["peer_mean"], n_values, names)
    ]
    n_text = n_range(n_values)
    if n_text is not None:  # no peers: no mean, so no trace and no legend entry claiming one
        peer_name = (t("ui.fig.peer_mean_group_n", lang, group=group, n=n_text) if group
                     else t("ui.fig.peer_mean_n", lang, n=n_text))
        if min(n for n in n_values if n) < THIN_N:
            peer_name += f" · {t('ui.thin_mean', lang, n=THIN_N)}"
        fig.add_trace(
            go.Scatterpolar(
                r=_closed(_none(areas["peer_mean"])), theta=_closed(theta), name=esc(peer_name),
                mode="lines+markers", fill="toself", fillcolor="rgba(0,0,0,0)",
                line=dict(color=OKABE_ITO[1], width=2, dash="dash"), marker=dict(symbol="square", size=8),
                customdata=_closed([[n] for n in n_values]), hovertext=_closed(peer_hover),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    for i, (name, rows) in enumerate(reference_profiles(references)):
        by_code = rows[rows["level"].astype(str) == "area"].set_index("code")["score"]
        values = [by_code.get(c, float("nan")) for c in AREA_CODES]
        if all(pd.isna(v) for v in values):
            continue
        colour = OKABE_ITO[(2 + i) % len(OKABE_ITO)]
        fig.add_trace(
            go.Scatterpolar(
                r=_closed(_none(values)), theta=_closed(theta), name=esc(t("ui.fig.reference", lang, name=name)),
                mode="lines+markers", line=dict(color=colour, width=2, dash="dot"),
                marker=dict(symbol=SYMBOLS[(2 + i) % len(SYMBOLS)], size=9),
                hovertext=_closed([f"{esc(name)}<br>{tick}: {fmt(v, lang)}" for tick, v in zip(theta, values)]),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(polar=dict(radialaxis=dict(range=[0, AREA_MAX], tickvals=[20, 40, 60, 80, 100])))
    return _radar_layout(_layout(fig, 640, lang=lang))


LABEL_PX_PER_CHAR = 6.4  # an 11 px sans-serif character is about 6 px wide on average; a little to spare


def subarea_bars(rows: pd.DataFrame, lang: str = "sv") -> go.Figure:
    """Sub-areas of one score set as % of their maximum (columns code, name, score, max_score; note if any)."""
    rows = rows.copy()
    rows["_order"] = rows["code"].map(lambda c: tuple(int(p) for p in str(c).split(".")))
    rows = rows.sort_values("_order", ascending=False)  # first sub-area on top
    percent = (100.0 * rows["score"] / rows["max_score"]).round(0)
    # Wrapped at spaces (about 26 characters a line), so a question-long name does not push the bars off a phone.
    labels = ["<br>".join(esc(line) for line in textwrap.wrap(f"{c} {n}", 30, break_long_words=False) or [""])
              for c, n in zip(rows["code"], rows["name"])]
    band = 15 * max(label.count("<br>") + 1 for label in labels) + 8  # every row as tall as the longest label
    text = [f"{fmt(s, lang)}/{fmt(m, lang)} ({formats.percent(p, lang)})" for s, m, p in zip(rows["score"], rows["max_score"], percent)]
    area = rows["code"].astype(str).str.split(".").str[0]
    colours = [OKABE_ITO[0] if int(a) % 2 else OKABE_ITO[5] for a in area]
    notes = rows["note"].fillna("").astype(str).tolist() if "note" in rows else [""] * len(rows)
    fig = go.Figure(
        go.Bar(
            x=_none(percent), y=labels, orientation="h", text=text, textposition="auto", insidetextanchor="start",
            textfont=dict(size=12), cliponaxis=False,
            marker=dict(color=colours), name=t("ui.fig.percent_of_max", lang),
            hovertext=[f"{lab}<br>{tx}" + (f"<br>{t('ui.col.note', lang)}: {esc(n)}" if n else "")
                       for lab, tx, n in zip(labels, text, notes)],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 100], title=t("ui.fig.percent_of_max", lang), ticksuffix=" %")
    fig.update_yaxes(tickfont=dict(size=11))
    fig = _layout(fig, max(300, band * len(rows) + 90), lang=lang)
    # Room for the longest label line, computed here: Plotly's automargin would lay the chart out again to
    # find it, which took 60-90 ms of the browser's time on every redraw of Norsjö's 45 bars (measured).
    longest = max((len(line) for label in labels for line in label.split("<br>")), default=0)
    fig.update_layout(margin=dict(l=int(longest * LABEL_PX_PER_CHAR) + 16))
    return fig


# --- Utveckling -----------------------------------------------------------------------------


def revision_marks(trend_table: pd.DataFrame, item: str, first_years: dict[str, int]) -> list[tuple[float, str, str]]:
    """(x, version, label key) of each revision mark among the drawn points.

    One municipality: the mark stands between its two segments (Norsjö: between its last 2010-version
    point, 2017, and its first 2016-version point, 2018), since the year a revision came is evidence of
    the version, not proof. Several municipalities: one mark per version at its first year
    (`instrument_versions.first_year`), whatever their order, where that year lies within the points.
    """
    drawn = trend_table.dropna(subset=[item])
    if drawn.empty:
        return []
    if drawn["kommunkod"].nunique() == 1:
        spans = drawn.groupby(drawn["instrument_version"].astype(str))["year"].agg(["min", "max"])
        spans = spans.loc[REGISTRY.sort(spans.index)]
        return [
            ((float(spans.loc[a, "max"]) + float(spans.loc[b, "min"])) / 2, b, "ui.fig.revision_between")
            for a, b in zip(spans.index[:-1], spans.index[1:])
        ]
    lo, hi = int(drawn["year"].min()), int(drawn["year"].max())
    marks = []
    first = min(first_years.values(), default=None)  # the first version is no revision
    for version, year in first_years.items():
        if int(year) != first and lo <= int(year) <= hi:
            marks.append((float(year), version, "ui.fig.revision"))
    return sorted(marks)


def trend_figure(
    trend_table: pd.DataFrame,
    item: str = "total",
    lang: str = "sv",
    item_label: str | None = None,
    first_years: dict[str, int] | None = None,
    version_labels: dict[str, str] | None = None,
) -> go.Figure:
    """One line per (municipality, version segment); a dashed mark at each revision; self points hollow.

    version_labels (version -> the item's name in that version) names an area per version in the legend
    and the hover: area 2 is "Tillgänglighet och brukarorientering" in 2016 but "Samhällsutveckling" in 2020.

    trend_table is one or more `compare.trend()` tables stacked (columns kommunkod, municipality, year,
    instrument_version, evaluation_kind, the item and `<item>_change`). Lines never cross a revision.
    """
    first_years = first_years or {}
    fig = go.Figure()
    item_label = item_label or item
    change_col = f"{item}_change"
    drawn = trend_table.dropna(subset=[item])
    for i, (kod, part) in enumerate(drawn.groupby("kommunkod", sort=False)):
        colour = OKABE_ITO[i % len(OKABE_ITO)]
        symbol = SYMBOLS[i % len(SYMBOLS)]
        name = str(part["municipality"].iloc[0])
        for version, seg in part.groupby("instrument_version", observed=True, sort=True):
            seg = seg.sort_values(["year", "evaluation_kind"])
            seg_label = (version_labels or {}).get(str(version)) or item_label
            trace_name = t("ui.fig.segment", lang, name=name, version=version)
            if version_labels and str(version) in version_labels:
                trace_name += f": {seg_label}"
            # SKR evaluations are joined by a line; self-assessments stand apart (hollow, named, no line):
            # a change is drawn only like for like.
            for kind, points in seg.groupby(seg["evaluation_kind"].astype(str), sort=True):
                hover = [_trend_hover(row, item, seg_label, lang) for row in points.to_dict("records")]
                flagged = [bool(row.get("total_flagged", False)) and item == "total" for row in points.to_dict("records")]
                fig.add_trace(
                    go.Scatter(
                        x=[int(y) for y in points["year"]], y=_none(points[item]),
                        mode=("lines+markers" if kind == "full" else "markers") + ("+text" if any(flagged) else ""),
                        name=esc(trace_name if kind == "full" else f"{trace_name} · {t('ui.kind.self', lang)}"),
                        legendgroup=str(kod), connectgaps=False,
                        line=dict(color=colour, width=3),
                        marker=dict(symbol=symbol if kind == "full" else f"{symbol}-open", size=13, color=colour,
                                    line=dict(color=colour, width=2)),
                        text=["⚑" if f else "" for f in flagged], textposition="top center",
                        customdata=[[str(version), kind] for _ in range(len(points))],
                        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
                    )
                )
    for x, version, key in revision_marks(drawn, item, first_years):
        fig.add_vline(
            x=x, line_dash="dash", line_color="#555555", line_width=2,
            annotation_text=esc(t(key, lang, version=version, year=first_years.get(version, int(x)))),
            annotation_position="top", annotation_font_size=12,
        )
    top = TOTAL_MAX if item == "total" else AREA_MAX
    fig.update_yaxes(range=[0, top * 1.02], title=esc(item_label))
    fig.update_xaxes(tickformat="d", dtick=1, title=t("ui.fig.year", lang))
    return _layout(fig, 520, lang=lang)


def _trend_hover(row: dict, item: str, label: str, lang: str) -> str:
    """One trend point in words: name, year, version and kind, value, change or why none, position, flags."""
    change = row.get(f"{item}_change")
    note = str(row.get("change_note" if item == "total" else "area_change_note") or "")
    if change is not None and not pd.isna(change):
        change_text = t("ui.fig.change", lang, change=formats.number(change, lang, sign=True))
    elif note:
        change_text = t(note, lang)
    else:
        change_text = t("ui.fig.change_first", lang)
    kind = str(row["evaluation_kind"])
    text = (f"<b>{esc(row['municipality'])} {int(row['year'])}</b><br>{t('ui.fig.version', lang)} "
            f"{esc(row['instrument_version'])} · {t(f'ui.kind.{kind}', lang)}<br>{esc(label)}: {fmt(row[item], lang)}"
            f"<br>{esc(change_text)}")
    rank = row.get("position_rank")
    if item == "total" and rank is not None and not pd.isna(rank):
        text += "<br>" + esc(t("ui.trend.position_col", lang) + ": " + t(
            "trend.position", lang, rank=int(rank), n=int(row["position_n"]), version=row["instrument_version"]))
    if item == "total":
        for flag in row.get("flags") or []:
            text += f"<br>⚑ {esc(flag)}"
    return text


# --- Jämför -----------------------------------------------------------------------------------


def compare_bars(table: pd.DataFrame, columns: list[str], lang: str = "sv") -> go.Figure:
    """Grouped horizontal bars of the 8 areas, one bar per score set in `columns` (labels of compare_score_sets).

    Horizontal, so the wrapped area names stay level and readable beside the bars on a phone instead of
    overlapping under them; area 1 on top, each value written at the end of its bar.
    """
    areas = table[table["code"].isin(AREA_CODES)]
    ticks = [area_tick(c, lab) for c, lab in zip(areas["code"], areas["label"])]
    fig = go.Figure()
    for i, col in enumerate(columns):
        values = areas[col]
        fig.add_trace(
            go.Bar(
                y=ticks, x=_none(values), name=esc(col), orientation="h", text=[fmt(v, lang) for v in values],
                textposition="outside", cliponaxis=False,
                marker=dict(color=OKABE_ITO[i % len(OKABE_ITO)], pattern=dict(shape=PATTERNS[i % len(PATTERNS)])),
                hovertext=[f"<b>{esc(col)}</b><br>{tk}: {fmt(v, lang)}" for tk, v in zip(ticks, values)],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(range=[0, AREA_MAX * 1.12], title=t("ui.fig.points", lang))
    return _layout(fig, 140 + 8 * (18 * len(columns) + 22), legend="above", lang=lang)


def compare_radar(table: pd.DataFrame, columns: list[str], lang: str = "sv") -> go.Figure:
    """Overlaid radar of the 8 areas, one trace per score set (distinct dash and marker each)."""
    areas = table[table["code"].isin(AREA_CODES)]
    theta = [area_tick(c, lab) for c, lab in zip(areas["code"], areas["label"])]
    fig = go.Figure()
    for i, col in enumerate(columns):
        values = areas[col]
        fig.add_trace(
            go.Scatterpolar(
                r=_closed(_none(values)), theta=_closed(theta), name=esc(col), mode="lines+markers", fill="toself",
                fillcolor="rgba(0,0,0,0)",
                line=dict(color=OKABE_ITO[i % len(OKABE_ITO)], width=3 if i == 0 else 2, dash=DASHES[i % len(DASHES)]),
                marker=dict(symbol=SYMBOLS[i % len(SYMBOLS)], size=9),
                hovertext=_closed([f"<b>{esc(col)}</b><br>{tk}: {fmt(v, lang)}" for tk, v in zip(theta, values)]),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(polar=dict(radialaxis=dict(range=[0, AREA_MAX])))
    return _radar_layout(_layout(fig, 640, lang=lang))


def _column_lines(label: str, width: int = 12) -> list[str]:
    """'Norsjö 2018' -> ['Norsjö', '2018']: the year on a line of its own, the name wrapped at spaces."""
    head, _sep, tail = label.rpartition(" ")
    if not head:
        return [label]
    return textwrap.wrap(head, width, break_long_words=False) + [tail]


def compare_heatmap(table: pd.DataFrame, columns: list[str], lang: str = "sv", focus: str | None = None) -> go.Figure:
    """Areas × score sets, each cell with its value written in; missing cells blank and named so.

    Rows are labelled by area number only and columns wrap at spaces, so the cells keep a readable size
    on a phone (the names are in the hover and in the table beside the chart); the focus column is bold.
    """
    areas = table[table["code"].isin(AREA_CODES)]
    names = [area_tick(c, lab) for c, lab in zip(areas["code"], areas["label"])]
    rows = [esc(c) for c in areas["code"]]
    z = [[None if pd.isna(areas[col].iloc[r]) else float(areas[col].iloc[r]) for col in columns] for r in range(len(areas))]
    missing = t("ui.missing", lang)
    text = [["–" if v is None else fmt(v, lang) for v in row] for row in z]
    hover = [
        [f"<b>{esc(col)}</b><br>{names[r]}: {missing if z[r][j] is None else text[r][j]}" for j, col in enumerate(columns)]
        for r in range(len(rows))
    ]
    x = ["<br>".join(esc(part) for part in _column_lines(col)) for col in columns]
    x = [f"<b>{label}</b>" if col == focus else label for label, col in zip(x, columns)]
    fig = go.Figure(
        go.Heatmap(
            z=z, x=x, y=rows, text=text, texttemplate="%{text}", textfont=dict(size=14), colorscale=SEQUENTIAL,
            zmin=0, zmax=AREA_MAX, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            colorbar=dict(title=dict(text=t("ui.fig.points", lang), side="top"), orientation="h", x=0.5, xanchor="center",
                          y=-0.04, yanchor="top", thickness=12, len=0.9),
            xgap=2, ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True, title=t("ui.fig.area", lang))
    fig.update_xaxes(side="top", automargin=True)
    fig = _layout(fig, 160 + 44 * len(rows), lang=lang)
    fig.update_layout(margin=dict(l=40, r=10, t=60, b=70))
    return fig


# --- Fördelning -----------------------------------------------------------------------------


def distribution(
    sets: pd.DataFrame, codes: list[str], labels: dict[str, str], lang: str = "sv", focus: str | None = None
) -> go.Figure:
    """A box per item over each municipality once (its latest score set with the item), every point drawn.

    The same selection as `compare.latest_with`, so the box, its points and the statistics table agree;
    the focus municipality's point is marked with a star. An item with fewer than THIN_N values gets its
    points only (no box), and every item keeps its place on the axis, empty when it has no values.
    """
    fig = go.Figure()
    xs, ys, focus_hover, focus_name, ticks = [], [], [], None, []
    for code in codes:
        part = latest_with(sets, code)
        tick = area_tick(code, labels.get(code, code)) if code != "total" else esc(labels.get(code, code))
        hover = [
            f"<b>{esc(m)} {int(y)}</b> ({t(f'ui.kind.{k}', lang)})<br>{tick}: {fmt(v, lang)}"
            for m, y, k, v in zip(part["municipality"], part["year"], part["evaluation_kind"].astype(str), part[code])
        ]
        ticks.append(tick)
        if len(part) < THIN_N:  # a box of one or two values would draw quartiles that are not there: points only
            fig.add_trace(
                go.Scatter(
                    y=_none(part[code]), x=[tick] * len(part), name=tick, mode="markers",
                    marker=dict(color=OKABE_ITO[0], size=8, symbol="circle"), showlegend=False,
                    hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
                )
            )
        else:
            fig.add_trace(
                go.Box(
                    y=_none(part[code]), x=[tick] * len(part), name=tick, boxpoints="all", jitter=0.4, pointpos=0,
                    marker=dict(color=OKABE_ITO[0], size=8, symbol="circle"), line=dict(color="#333333"),
                    fillcolor="rgba(0,0,0,0.04)", showlegend=False, hovertext=hover, hoveron="points",
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
        for kod, m, v, h in zip(part["kommunkod"], part["municipality"], part[code], hover):
            if focus and kod == focus:
                xs.append(tick)
                ys.append(float(v))
                focus_hover.append(h)
                focus_name = str(m)
    if xs:
        fig.add_trace(
            go.Scatter(
                x=xs, y=ys, mode="markers", name=esc(focus_name),
                marker=dict(symbol="star", size=16, color=OKABE_ITO[1], line=dict(color="#000000", width=1)),
                hovertext=focus_hover, hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    top = TOTAL_MAX if codes == ["total"] else AREA_MAX
    fig.update_yaxes(range=[0, top * 1.02], title=t("ui.fig.points", lang))
    fig.update_xaxes(automargin=True, tickangle=0, categoryorder="array", categoryarray=ticks)
    return _layout(fig, 460 if codes == ["total"] else 560, legend="above", lang=lang)


# --- Översikt ---------------------------------------------------------------------------------


def _features(geojson: dict, codes) -> dict:
    """Only the features a trace draws: each border is sent to the browser once, not once per trace."""
    wanted = set(codes)
    return {"type": "FeatureCollection",
            "features": [f for f in geojson["features"] if f["properties"]["kommunkod"] in wanted]}


def round_coordinates(geojson: dict, decimals: int = 3) -> dict:
    """A lighter copy for drawing: 3 decimals is about 100 m, far below what a national map shows."""

    def walk(coords):
        if isinstance(coords[0], (int, float)):
            return [round(c, decimals) for c in coords]
        return [walk(c) for c in coords]

    return {
        "type": "FeatureCollection",
        "features": [
            {**f, "geometry": {**f["geometry"], "coordinates": walk(f["geometry"]["coordinates"])}}
            for f in geojson["features"]
        ],
    }


def _view_of(geojson: dict, codes, width: int = 360, height: int = 520) -> dict:
    """Centre and zoom that show the municipalities `codes` whole in a width × height map (a phone's width).

    Computed here because Plotly's fitbounds does not act on choropleth maps in Streamlit's bundle.
    """
    wanted = set(codes)
    lons, lats = [], []

    def walk(coords):
        if isinstance(coords[0], (int, float)):
            lons.append(coords[0])
            lats.append(coords[1])
            return
        for c in coords:
            walk(c)

    for feature in geojson["features"]:
        if feature["properties"]["kommunkod"] in wanted:
            walk(feature["geometry"]["coordinates"])
    if not lons:
        return {}
    mercator = [math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) for lat in lats]
    lon_span = max(max(lons) - min(lons), 0.05)
    y_span = max(max(mercator) - min(mercator), 0.001)
    zoom = min(math.log2(width * 360 / (512 * lon_span)), math.log2(height * 2 * math.pi / (512 * y_span))) - 0.15
    centre_y = (max(mercator) + min(mercator)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return {"center": dict(lat=round(centre_lat, 4), lon=round((max(lons) + min(lons)) / 2, 4)),
            "zoom": round(max(2.0, min(zoom, 10.0)), 2)}


def _discrete_scale(top: int) -> tuple[list, list[int]]:
    """A stepped colour scale for counts 1..top (one band per whole number) and its tick values."""
    import plotly.colors as pc

    colours = pc.sample_colorscale(SEQUENTIAL, [i / max(top - 1, 1) for i in range(top)])
    scale = []
    for i, colour in enumerate(colours):
        scale += [[i / top, colour], [(i + 1) / top, colour]]
    return scale, list(range(1, top + 1))


def choropleth(
    geojson: dict | None, values: pd.DataFrame, lang: str = "sv", value_title: str = "", counts: bool = False,
    fit: bool = False, url: str | None = None,
) -> go.Figure:
    """Municipalities coloured by `value` (columns kommunkod, name, value, detail); missing ones grey.

    A MapLibre map on the built-in "white-bg" style: drawn from the GeoJSON alone, with no tiles and no
    request to the internet (go.Choropleth's geo would still fetch a world outline from a CDN).
    counts: whole numbers get a stepped scale and a legend of whole numbers (no 1.5 between 1 and 2).
    fit: zoom to the municipalities drawn (a county) instead of the whole of Sweden.
    Every municipality carries its code as customdata, so a click (a selection event) names it.
    url: where the browser fetches the same borders (fetched once and cached, instead of ~0.4 MB of shapes in
    every figure sent); Plotly draws only the features a trace lists. geojson is then needed only to fit.
    """
    def shapes(codes):
        return url if url else _features(geojson, codes)

    has = values[values["value"].notna()]
    missing = values[values["value"].isna()]
    fig = go.Figure()
    fig.add_trace(
        go.Choroplethmap(
            geojson=shapes(missing["kommunkod"]), featureidkey="properties.kommunkod",
            locations=list(missing["kommunkod"]), customdata=list(missing["kommunkod"]),
            z=[0] * len(missing), colorscale=[[0, MISSING_GREY], [1, MISSING_GREY]], showscale=False,
            marker_line_color="#FFFFFF", marker_line_width=0.4, name=t("ui.missing", lang),
            hovertext=[f"<b>{esc(n)}</b>: {t('ui.missing', lang)}" + (f"<br>{esc(d)}" if d else "")
                       for n, d in zip(missing["name"], missing["detail"])],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    # The legend lies under the map, so the map keeps the full width of a phone.
    bar = dict(title=dict(text=esc(value_title), side="top"), orientation="h", x=0.5, xanchor="center",
               y=0, yanchor="top", thickness=14, len=0.9)
    colour = dict(colorscale=SEQUENTIAL, colorbar=bar)
    if len(has) and has["value"].min() == has["value"].max():  # one value: one tick, not 508,6 … 509,4
        colour["colorbar"] = dict(bar, tickvals=[float(has["value"].iloc[0])],
                                  ticktext=[fmt(has["value"].iloc[0], lang)])
    if counts and len(has):
        top = int(has["value"].max())
        scale, ticks = _discrete_scale(top)
        colour = dict(colorscale=scale, zmin=0.5, zmax=top + 0.5,
                      colorbar=dict(bar, tickvals=ticks, ticktext=[str(v) for v in ticks]))
    fig.add_trace(
        go.Choroplethmap(
            geojson=shapes(has["kommunkod"]), featureidkey="properties.kommunkod",
            locations=list(has["kommunkod"]), customdata=list(has["kommunkod"]),
            z=[float(v) for v in has["value"]], marker_line_color="#000000",
            marker_line_width=1.2, name=esc(value_title), **colour,
            hovertext=[f"<b>{esc(n)}</b><br>{esc(value_title)}: {fmt(v, lang)}<br>{esc(d)}"
                       for n, d, v in zip(has["name"], has["detail"], has["value"])],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    view = dict(style="white-bg", center=dict(lat=62.4, lon=17.0), zoom=3.9)
    if fit and len(values):
        view.update(_view_of(geojson, values["kommunkod"], height=(620 if fit else 780) - 100))
    fig.update_layout(
        map=view, height=780 if not fit else 620, margin=dict(l=0, r=0, t=10, b=90),
        separators=formats.decimal_sign(lang) + "\u00a0",
    )
    return fig


# --- Samband ----------------------------------------------------------------------------------


def panel_title(panel, item_label: str, lang: str = "sv") -> str:
    """'Version 2010 · 6. Kommunen som arbetsgivare<br>n = 12 · Spearman ρ = -0.21' (no ρ below the minimum n)."""
    from .outcomes import MIN_N_SPEARMAN

    item_text = item_label if panel.item == "total" else f"{panel.item}. {item_label}"
    head = f"{t('ui.samband.col_version', lang)} {esc(panel.version)} · {esc(item_text)}"
    if panel.spearman is None:
        stat = t("ui.samband.panel_few", lang, n=panel.n, min=MIN_N_SPEARMAN) if panel.n < MIN_N_SPEARMAN \
            else t("ui.samband.panel_no_rho", lang, n=panel.n)
    else:
        stat = t("ui.samband.panel_rho", lang, n=panel.n, rho=fmt(panel.spearman, 2))
    return f"{head}<br>{esc(stat)}"


def outcome_scatter(panels: list, item_labels: dict[str, dict[str, str]], kpi_label: str, lang: str = "sv") -> go.Figure:
    """Score (x) against a Kolada KPI (y): one panel per version, each with its own n and ρ, never pooled.

    item_labels maps version -> {item code -> label}. Points whose KPI value is from the year before or
    after the evaluation are hollow diamonds, the others filled circles (shape, not only colour).
    """
    from plotly.subplots import make_subplots

    titles = [panel_title(p, item_labels.get(p.version, {}).get(p.item, p.item), lang) for p in panels]
    fig = make_subplots(rows=1, cols=max(1, len(panels)), subplot_titles=titles or [""], horizontal_spacing=0.08)
    for col, panel in enumerate(panels, start=1):
        order = REGISTRY.versions
        colour = OKABE_ITO[(order.index(panel.version) if panel.version in order else col - 1) % len(OKABE_ITO)]
        pts = panel.points
        for nearest in (False, True):
            part = pts[pts["nearest"] == nearest] if len(pts) else pts
            if part.empty:
                continue
            name = t("ui.samband.legend_nearest" if nearest else "ui.samband.legend_exact", lang, version=panel.version)
            hover = [
                f"<b>{esc(m)}</b> {int(y)}<br>{t('ui.fig.score', lang)}: {fmt(s)}<br>"
                f"{esc(kpi_label)}: {fmt(v, 2)} ({int(ky)})"
                + (f"<br>{esc(t('ui.samband.hover_nearest', lang, kpi_year=int(ky), year=int(y)))}" if nearest else "")
                for m, y, s, v, ky in part[["municipality", "year", "score", "kpi_value", "kpi_year"]].itertuples(index=False)
            ]
            fig.add_trace(
                go.Scatter(
                    x=_none(part["score"]), y=_none(part["kpi_value"]), mode="markers", name=esc(name),
                    legendgroup=f"{panel.version}-{nearest}",
                    marker=dict(color=colour, size=10, symbol="diamond-open" if nearest else "circle",
                                line=dict(color=colour if nearest else "#000000", width=1.5 if nearest else 0.5)),
                    hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=1, col=col,
            )
        fig.update_xaxes(title_text=t("ui.fig.score", lang), row=1, col=col)
        if col == 1:
            fig.update_yaxes(title_text=esc(kpi_label), row=1, col=col)
    fig.update_annotations(font=dict(size=13))
    fig = _layout(fig, 480)
    fig.update_layout(margin=dict(l=60, r=30, t=80, b=60))
    return fig
