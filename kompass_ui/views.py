"""Tables and sentences the pages show beside their charts: pure functions of the library's tables.

No Streamlit here, so they are tested directly. Every chart on a page has one of these saying the same.
"""

from __future__ import annotations

import numbers
import re

import pandas as pd

from kompass_data import formats
from kompass_data.checks import flag_messages
from kompass_data.compare import ITEM_CODES, THIN_N, latest_with, not_of_version
from kompass_data.figures import fmt, n_range
from kompass_data.instruments import AREA_CODES
from kompass_data.messages import t, tn
from kompass_data.regions import members, region_overview
from kompass_data.schema import score_set_ids

SET_WIDE_CHECKS = ("year_outside_period",)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md(text) -> str:
    """Data text made inert for st.markdown: every markdown/HTML character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def missing_as(frame: pd.DataFrame, text: str = "–", lang: str = "sv") -> pd.DataFrame:
    """A table for display: in every column with a missing value, missing reads `text`, values read as fmt() does.

    st.dataframe prints a missing number as the literal "None" (also through a Styler's na_rep): such a
    column becomes text in lang's style ('61,3'); a column without gaps keeps its numbers (see `localized`).
    """
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if not values.isna().any():
            continue
        out[col] = [text if pd.isna(v) else (fmt(v, lang) if isinstance(v, numbers.Number) else str(v)) for v in values]
    return out


FOCUS_MARK = "★ "  # the focus municipality's row: marked in words as well as colour
FOCUS_BACKGROUND = "background-color: #fdf0c4"  # pale amber: black text on it stays above 15:1


def localized(frame: pd.DataFrame, lang: str, focus_rows=None):
    """The table as st.dataframe should show it: decimal columns read 61,3 in Swedish and 61.3 in English.

    A pandas Styler changes only the shown text, so the columns stay numbers: right-aligned, sorted as numbers.
    focus_rows (booleans, one per row) get a background: the focus municipality in a ranking.
    """
    decimals = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    styler = frame.style.format(lambda v: fmt(v, lang), subset=decimals)
    if focus_rows is not None:
        marks = list(focus_rows)
        styler = styler.apply(lambda row: [FOCUS_BACKGROUND if marks[row.name] else ""] * len(row), axis=1)
    return styler


def mark_focus(frame: pd.DataFrame, column: str, kommunkoder, focus: str | None) -> tuple[pd.DataFrame, list[bool]]:
    """The table with the focus municipality's rows marked '★ ' in `column`, and which rows those are."""
    rows = [focus is not None and k == focus for k in kommunkoder]
    out = frame.reset_index(drop=True).copy()
    out[column] = [f"{FOCUS_MARK}{v}" if mine else v for v, mine in zip(out[column], rows)]
    return out, rows


def set_flags(ds, score_set_id: str, lang: str) -> pd.DataFrame:
    """The flags of one score set (columns level, code, check, message)."""
    flags = ds.flags

    def by_set() -> dict:
        positions: dict[str, list[int]] = {}
        for i, sid in enumerate(score_set_ids(flags)):
            positions.setdefault(sid, []).append(i)
        return positions

    def build() -> pd.DataFrame:
        mine = flags.iloc[ds.derived(("flag_rows_by_set",), by_set).get(score_set_id, [])]
        return pd.DataFrame(
            {
                "level": mine["level"].astype(str),
                "code": mine["code"].astype(str),
                "check": mine["check"].astype(str),
                "message": flag_messages(mine, lang).astype(str),
            }
        ).reset_index(drop=True)

    return ds.derived(("set_flags", score_set_id, lang), build)


def flag_text_by_item(flags: pd.DataFrame) -> dict[str, str]:
    """code -> '⚠ message' for flags that concern one number (not the whole score set)."""
    out: dict[str, list[str]] = {}
    for code, check, message in zip(flags["code"], flags["check"], flags["message"]):
        if check not in SET_WIDE_CHECKS:
            out.setdefault(code, []).append(f"⚠ {message}")
    return {c: " | ".join(m) for c, m in out.items()}


def set_rows(ds, ref) -> pd.DataFrame:
    """The published rows (total, areas, sub-areas) of one score set in ds.scores."""
    s = ds.scores
    mine = s[(s["kommunkod"] == ref.kommunkod) & (s["year"] == ref.year)]
    return mine[score_set_ids(mine) == ref.id]


def set_notes(ds, ref) -> dict[str, str]:
    """code -> the data's note for that number of one score set ('total', '1', '7.5'), where there is one."""
    rows = set_rows(ds, ref)
    return {str(c): str(n) for c, n in zip(rows["code"], rows["note"]) if not pd.isna(n) and str(n).strip()}


def profile_table(comparison, flags: pd.DataFrame, lang: str, notes: dict[str, str] | None = None) -> pd.DataFrame:
    """Score, peer mean, n, difference, percentile, flags and the data's notes per item (total first)."""
    table = comparison.table
    by_item = flag_text_by_item(flags)
    notes = notes or {}
    return missing_as(pd.DataFrame(
        {
            t("ui.col.item", lang): [
                lab if code == "total" else f"{code}. {lab}" for code, lab in zip(table["code"], table["label"])
            ],
            t("ui.col.score", lang): table["score"],
            # Below THIN_N there is no mean to show: the column "compared with" names the score sets instead.
            t("ui.col.peer_mean", lang): table["peer_mean"].round(1).where(table["peer_n"] >= THIN_N),
            t("ui.col.against", lang): [
                t("ui.peers.against", lang, names=f"{names} ({fmt(m, lang)})") if 0 < n < THIN_N else ""
                for names, m, n in zip(table["peer_names"], table["peer_mean"], table["peer_n"])
            ],
            t("ui.col.n", lang): table["peer_n"].astype("int64"),
            t("ui.col.difference", lang): table["difference"].round(1),
            # A percentile among fewer than THIN_N municipalities says nothing: blank, as the caption explains.
            t("ui.col.percentile", lang): table["percentile"].round(0).where(table["peer_n"] >= THIN_N),
            t("ui.col.flags", lang): [by_item.get(code, "") for code in table["code"]],
            t("ui.col.note", lang): [notes.get(code, "") for code in table["code"]],
        }
    ), lang=lang)


def peers_display(comparison, lang: str) -> pd.DataFrame:
    """The peer score sets behind the means: municipality, year, kind, scores and the items each entered."""
    peers = comparison.peers
    total = t("ui.col.total", lang)
    used_for = [
        ", ".join(total if c == "total" else c for c in str(u).split(", ")) for u in peers["used_for"]
    ]
    out = peers[["municipality", "year", "evaluation_kind", "total", *[str(i) for i in range(1, 9)]]].rename(
        columns={"municipality": t("ui.col.municipality", lang), "year": t("ui.col.year", lang),
                 "evaluation_kind": t("ui.col.kind", lang), "total": total}
    )
    out[t("ui.col.kind", lang)] = [t(f"ui.kind.{k}", lang) for k in peers["evaluation_kind"].astype(str)]
    out.insert(3, t("ui.col.used_for", lang), used_for)
    return missing_as(out.reset_index(drop=True), lang=lang)


def furthest(comparison, lang: str, k: int = 3) -> tuple[list[str], list[str]]:
    """Lines naming the areas furthest above and below the peer mean (areas with at least THIN_N peers only)."""
    areas = comparison.table[comparison.table["code"].isin(AREA_CODES)].dropna(subset=["difference"])
    areas = areas[areas["peer_n"] >= THIN_N]
    above = areas[areas["difference"] > 0].sort_values("difference", ascending=False).head(k)
    below = areas[areas["difference"] < 0].sort_values("difference").head(k)

    def line(row) -> str:
        return t("ui.profile.furthest_line", lang, code=row.code, label=row.label,
                 diff=formats.number(row.difference, lang, fixed=True, sign=True),
                 score=fmt(row.score, lang), mean=fmt(row.peer_mean, lang), n=int(row.peer_n))

    return [line(r) for r in above.itertuples()], [line(r) for r in below.itertuples()]


def thin_lines(comparison, lang: str) -> list[str]:
    """Areas compared with fewer than THIN_N score sets, each naming them: '3. … : 72 mot Mölndal 2016 (73, −1)'."""
    areas = comparison.table[comparison.table["code"].isin(AREA_CODES)]
    thin = areas[(areas["peer_n"] > 0) & (areas["peer_n"] < THIN_N)].dropna(subset=["score"])
    return [
        f"{r.code}. {r.label}: {fmt(r.score, lang)} {t('ui.peers.against', lang, names=r.peer_names)} "
        f"({fmt(r.peer_mean, lang)}, {formats.number(r.difference, lang, fixed=True, sign=True)})"
        for r in thin.itertuples()
    ]


def counted_sentences(comparison, lang: str, group_title: str) -> list[str]:
    """How many areas lie above/below the group mean, counting only areas with n ≥ THIN_N; and what was left out."""
    areas = comparison.table[comparison.table["code"].isin(AREA_CODES)].dropna(subset=["score"])
    if int(areas["peer_n"].max() if len(areas) else 0) == 0:
        return []
    counted = areas[areas["peer_n"] >= THIN_N].dropna(subset=["difference"])
    left_out = areas[(areas["peer_n"] > 0) & (areas["peer_n"] < THIN_N)]
    out = []
    if counted.empty:
        out.append(t("ui.profile.none_counted", lang, min=THIN_N))
    else:
        out.append(t(
            "ui.profile.counted_sentence", lang, label=comparison.focal.display(lang), group=group_title,
            version=comparison.version, above=int((counted["difference"] > 0).sum()),
            below=int((counted["difference"] < 0).sum()), same=int((counted["difference"] == 0).sum()),
            compared=len(counted), min=THIN_N,
        ))
    if not left_out.empty:
        out.append(t("ui.profile.left_out", lang, n=len(left_out), min=THIN_N,
                     areas=", ".join(f"{r.code} ({t('ui.peers.against', lang, names=r.peer_names)})"
                                     for r in left_out.itertuples())))
    return out


def known_evaluations(ds, kommunkod: str, lang: str) -> pd.DataFrame:
    """The evaluations known for a municipality (year, version, kind, scores found?, source link)."""
    known = ds.evaluations_known[ds.evaluations_known["kommunkod"].astype(str) == str(kommunkod)]
    return missing_as(pd.DataFrame({
        t("ui.col.year", lang): known["year"].astype("Int64"),
        t("ui.col.version", lang): known["instrument_version"].astype(str).replace("nan", ""),
        t("ui.col.kind", lang): [t(f"ui.kind.{k}", lang) if k in ("full", "self") else str(k)
                                 for k in known["evaluation_kind"].astype(str)],
        t("ui.col.source", lang): known["source_url"].astype(str),
    }).reset_index(drop=True))


def radar_sentence(comparison, lang: str, group: str = "") -> str:
    """The radar in words: how many areas above/below/equal to the peer mean, the peer filters, and n; '' without peers."""
    areas = comparison.table[comparison.table["code"].isin(AREA_CODES)].dropna(subset=["difference"])
    n_text = n_range(areas["peer_n"])
    if n_text is None:
        return ""
    above = int((areas["difference"] > 0).sum())
    below = int((areas["difference"] < 0).sum())
    same = int((areas["difference"] == 0).sum())
    return t(
        "ui.profile.radar_sentence", lang, label=comparison.focal.display(lang), above=above, below=below, same=same,
        compared=len(areas), version=comparison.version, n=n_text, group=f", {group}" if group else "",
    )


def note_line(code: str, note: str, lang: str) -> str:
    """'ℹ **7.5:** Anmärkning i data: the OCR text reads 3 …': the data's note (kept in its own language), labelled."""
    return f"ℹ **{md(code)}:** {md(t('ui.col.note', lang))}: {md(note)}"


def references_display(refs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The published reference values with the catalogue's column headers; 'mean'/'median' and levels translated."""
    statistic = {"mean": t("ui.col.mean", lang), "median": t("ui.col.median", lang)}
    level = {"total": t("ui.export.level_total", lang), "area": t("ui.export.level_area", lang),
             "subarea": t("ui.export.level_subarea", lang)}
    out = pd.DataFrame(
        {
            t("ui.col.year", lang): refs["year"].astype("int64"),
            t("ui.col.statistic", lang): [statistic.get(str(s), str(s)) for s in refs["statistic"]],
            t("ui.col.population", lang): refs["population"].astype(str),
            t("ui.export.level", lang): [level.get(str(v), str(v)) for v in refs["level"]],
            t("ui.col.code", lang): refs["code"].astype(str),
            t("ui.col.score", lang): refs["score"],
            t("ui.col.source", lang): refs["source"].astype(str),
        }
    )
    return missing_as(out.reset_index(drop=True), lang=lang)


def subarea_rows(ds, ref, flags: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """Sub-areas of one score set with catalogue name (in lang), score, max, percent, flags and the data's note."""
    rows = set_rows(ds, ref)
    rows = rows[rows["level"].astype(str) == "subarea"]
    if rows.empty:
        return pd.DataFrame(columns=["code", "name", "score", "max_score", "percent", "flags", "note"])
    name_of = ds.version(ref.instrument_version).subarea_names(lang)
    by_item = flag_text_by_item(flags)
    out = pd.DataFrame(
        {
            "code": rows["code"].astype(str),
            "name": [name_of.get(c) or lab for c, lab in zip(rows["code"], rows["label_published"])],
            "score": rows["score"],
            "max_score": rows["max_score"],
        }
    )
    out["percent"] = (100.0 * out["score"] / out["max_score"]).round(0)
    out["flags"] = [by_item.get(c, "") for c in out["code"]]
    out["note"] = ["" if pd.isna(n) else str(n) for n in rows["note"]]
    out["_order"] = out["code"].map(lambda c: tuple(int(p) for p in c.split(".")))
    return out.sort_values("_order").drop(columns="_order").reset_index(drop=True)


def version_overview(ds, lang: str) -> pd.DataFrame:
    """Per version: usual period, score sets (full/self), municipalities, years, known evaluations."""
    rows = []
    for version in ds.registry.versions:
        view = ds.version(version)
        counts = view.overview()
        rows.append(
            {
                t("ui.col.version", lang): version,
                t("ui.col.period", lang): view.period,
                t("ui.col.score_sets", lang): counts["score_sets"],
                t("ui.col.self_sets", lang): counts["self"],
                t("ui.col.with_areas", lang): counts["with_areas"],
                t("ui.col.municipalities", lang): counts["municipalities"],
                t("ui.col.years", lang): (f"{counts['first_year']}–{counts['last_year']}" if counts["score_sets"] else ""),
                t("ui.col.known", lang): counts["known"],
            }
        )
    return pd.DataFrame(rows)


def _kind_note(kind: str, lang: str) -> str:
    return f", {t('ui.kind.self', lang)}" if kind == "self" else ""


def score_items(latest: dict, lang: str) -> str:
    """A municipality's latest score set per version in words ('version 2016: 2018, total 509'); '' without one."""
    return "; ".join(
        t("ui.region.score_item", lang, version=v, year=y, total=fmt(total, lang)) + _kind_note(k, lang)
        for v, (y, k, total) in latest.items()
    )


def known_items(known: list, lang: str) -> str:
    """A municipality's known evaluations in words ('2015 (2010), 2018 (2016)'); '' without one."""
    return ", ".join(
        f"{y if y is not None else t('ui.region.year_unknown', lang)} ({v}{_kind_note(k, lang)})" for y, v, k in known
    )


def known_text(latest: dict, known: list, lang: str) -> tuple[str, str]:
    """(published scores, known evaluations) of one municipality as hover sentences; missing said as missing."""
    scores = t("ui.region.scores", lang, items=score_items(latest, lang)) if latest else t("ui.region.no_scores", lang)
    evaluations = t("ui.region.known", lang, items=known_items(known, lang)) if known else t("ui.region.none_known", lang)
    return scores, evaluations


def map_values(ds, mode: str, version: str, lang: str, lan: str | None = None, kommungrupp: str | None = None) -> pd.DataFrame:
    """Per municipality of the region (all of Sweden without a filter): the map's value and what is known.

    value: the latest total of a version, or the number of known evaluations; detail: the hover's words
    (the score set behind the value, else what else is known: other versions' scores, known evaluations).
    """
    codes = members(ds, lan, kommungrupp)
    munis = pd.DataFrame({"kommunkod": codes, "name": [ds.municipality_names.get(c, c) for c in codes]})
    overview = region_overview(ds, lan, kommungrupp)
    words = {code: known_text(latest, known, lang)
             for code, latest, known in zip(overview["kommunkod"], overview["latest"], overview["known"])}
    if mode == "total":
        ranked = ds.version(version).within(lan, kommungrupp).latest_totals()
        value = dict(zip(ranked["kommunkod"], ranked["total"]))
        detail = {
            k: t("ui.map.detail_total", lang, year=int(y), version=version) + _kind_note(kind, lang)
            for k, y, kind in zip(ranked["kommunkod"], ranked["year"], ranked["evaluation_kind"].astype(str))
        }
        # Without a total in this version: what else is known, so a grey municipality is not a blank.
        detail = {c: detail.get(c) or " · ".join(words[c]) for c in codes}
    else:
        counts = ds.evaluations_known.groupby("kommunkod").size()
        value = {k: float(n) for k, n in counts.items()}
        detail = {c: " · ".join(words[c]) for c in codes}
    munis["value"] = munis["kommunkod"].map(value).astype("float64")
    munis["detail"] = munis["kommunkod"].map(detail).fillna("")
    return munis


def region_table(ds, lan: str | None, kommungrupp: str | None, lang: str) -> pd.DataFrame:
    """The county at a glance: every municipality, its latest score set per version, its known evaluations."""
    overview = region_overview(ds, lan, kommungrupp)
    rows = []
    for row in overview.itertuples():
        rows.append({
            t("ui.col.municipality", lang): row.municipality,
            t("ui.region.col_scores", lang): score_items(row.latest, lang) or t("ui.missing", lang),
            t("ui.region.col_known", lang): known_items(row.known, lang) or t("ui.missing", lang),
        })
    return pd.DataFrame(rows)


def clicked_municipality(event) -> str | None:
    """The kommunkod of the municipality a map click selected (st.plotly_chart's selection), else None."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or []:
        for field in ("customdata", "location"):
            value = point.get(field) if isinstance(point, dict) else None
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, str) and re.fullmatch(r"[0-9]{4}", value):
                return value
    return None


def map_sentence(values: pd.DataFrame, mode: str, version: str, lang: str) -> str:
    """The map in words: how many have a value, the range, the highest, and that grey means missing."""
    has = values.dropna(subset=["value"]).sort_values("value", ascending=False)
    if has.empty:
        return t("ui.map.sentence_empty", lang, total=len(values))
    top = has.iloc[0]
    key = "ui.map.sentence_total" if mode == "total" else "ui.map.sentence_known"
    return t(
        key, lang, n=len(has), total=len(values), version=version, low=fmt(has["value"].min(), lang),
        high=fmt(has["value"].max(), lang), median=fmt(has["value"].median(), lang), top=top["name"], missing=len(values) - len(has),
    )


def trend_table_display(trend_table: pd.DataFrame, item: str, lang: str) -> pd.DataFrame:
    """The trend as a table: municipality, year, version, kind, value, change within the version."""
    rows = trend_table.dropna(subset=[item])
    return pd.DataFrame(
        {
            t("ui.col.municipality", lang): rows["municipality"].astype(str),
            t("ui.col.year", lang): rows["year"].astype("int64"),
            t("ui.col.version", lang): rows["instrument_version"].astype(str),
            t("ui.col.kind", lang): [t(f"ui.kind.{k}", lang) for k in rows["evaluation_kind"].astype(str)],
            t("ui.col.score", lang): rows[item],
            t("ui.col.change", lang): [
                "" if pd.isna(c) else formats.number(c, lang, sign=True) for c in rows[f"{item}_change"]
            ],
            t("ui.trend.note_col", lang): [
                "" if not pd.isna(c) or not note else t(note, lang)
                for c, note in zip(rows[f"{item}_change"], rows["change_note" if item == "total" else "area_change_note"])
            ],
            t("ui.trend.position_col", lang): [
                "" if item != "total" or pd.isna(r) else t("trend.position", lang, rank=int(r), n=int(n), version=v)
                for r, n, v in zip(rows["position_rank"], rows["position_n"], rows["instrument_version"].astype(str))
            ],
            t("ui.trend.flag_col", lang): [
                "; ".join(f"⚑ {f}" for f in flags) if item == "total" else "" for flags in rows["flags"]
            ],
        }
    ).reset_index(drop=True)


def area_labels_by_version(ds, code: str, versions, lang: str = "sv") -> dict[str, str]:
    """version -> 'code. name' (in lang) of area `code` in each version (area identity is the number within a version)."""
    out = {}
    for version in versions:
        name = ds.registry.area_names(str(version), lang).get(str(code))
        if name:
            out[str(version)] = f"{code}. {name}"
    return out


def area_names_differ(ds, code: str, versions, lang: str) -> str | None:
    """A plain warning when area `code` has different canonical names in the shown versions, else None."""
    by_name: dict[str, list[str]] = {}
    for version in ds.registry.sort(versions):
        name = ds.registry.area_names(version, lang).get(str(code))
        if name:
            by_name.setdefault(name, []).append(version)
    if len(by_name) < 2:
        return None
    names = "; ".join(
        t("ui.trend.area_name_in", lang, name=name, versions=", ".join(vs)) for name, vs in by_name.items()
    )
    return t("ui.trend.area_names_differ", lang, code=code, names=names)


def trend_sentences(trend_table: pd.DataFrame, item: str, lang: str) -> list[str]:
    """Per municipality: each version segment with its years and values; never a change across versions."""
    out = []
    for _kod, part in trend_table.dropna(subset=[item]).groupby("kommunkod", sort=False):
        name = str(part["municipality"].iloc[0])
        segments = []
        for version, seg in part.groupby("instrument_version", observed=True, sort=True):
            points = ", ".join(
                f"{int(y)}: {fmt(v, lang)}" + (f" ({t('ui.kind.self', lang)})" if str(k) == "self" else "")
                + (" ⚑" if item == "total" and bool(fl) else "")
                + (f" [{t('trend.position', lang, rank=int(r), n=int(n), version=version)}]"
                   if item == "total" and not pd.isna(r) else "")
                for y, v, k, r, n, fl in zip(seg["year"], seg[item], seg["evaluation_kind"],
                                             seg.get("position_rank", pd.Series(float("nan"), index=seg.index)),
                                             seg.get("position_n", pd.Series(0, index=seg.index)),
                                             seg.get("total_flagged", pd.Series(False, index=seg.index)))
            )
            segments.append(t("ui.trend.segment_sentence", lang, version=version, points=points))
        key = "ui.trend.sentence_many" if len(segments) > 1 else "ui.trend.sentence_one"
        out.append(t(key, lang, name=name, segments="; ".join(segments)))
    return out


def ordered_columns(table: pd.DataFrame, labels: list[str], focus: str | None) -> list[str]:
    """Score-set columns sorted by total (highest first, missing last) with the focus pinned first."""
    total = table.set_index("code").loc["total"]
    rest = [c for c in labels if c != focus]
    rest.sort(key=lambda c: (pd.isna(total[c]), -(total[c] if pd.notna(total[c]) else 0), c))
    return ([focus] if focus in labels else []) + rest


def compare_display(table: pd.DataFrame, columns: list[str], lang: str) -> pd.DataFrame:
    """compare_score_sets' table with item labels and the columns in display order.

    The scores stay numbers (right-aligned, sorted as numbers); st.dataframe's placeholder shows a gap as '–'.
    """
    out = pd.DataFrame(
        {t("ui.col.item", lang): [lab if c == "total" else f"{c}. {lab}" for c, lab in zip(table["code"], table["label"])]}
    )
    for col in columns:
        out[col] = table[col].to_numpy(dtype="float64")
    return out


def distribution_table(sets: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    """n, mean, median, min and max of each item: each municipality once, its latest score set with the item.

    `sets` are peer candidates (compare.peer_candidates); the selection is compare.latest_with's, the same
    rule as peer means and the ranking, so n counts municipalities.
    """
    rows = []
    for code in ITEM_CODES:
        values = latest_with(sets, code)[code].astype("float64")
        rows.append(
            {
                t("ui.col.item", lang): labels.get(code, code) if code == "total" else f"{code}. {labels.get(code, code)}",
                t("ui.col.n", lang): int(values.size),
                t("ui.col.mean", lang): round(float(values.mean()), 1) if values.size else None,
                t("ui.col.median", lang): float(values.median()) if values.size else None,
                t("ui.col.min", lang): float(values.min()) if values.size else None,
                t("ui.col.max", lang): float(values.max()) if values.size else None,
            }
        )
    return missing_as(pd.DataFrame(rows), lang=lang)


def thin_items(sets: pd.DataFrame) -> list[str]:
    """Items whose one-per-municipality values number more than 0 and fewer than THIN_N."""
    return [c for c in ITEM_CODES if 0 < len(latest_with(sets, c)) < THIN_N]


def empty_items(sets: pd.DataFrame) -> list[str]:
    """Items without a single value (n = 0) among the peer candidates `sets`."""
    return [c for c in ITEM_CODES if len(latest_with(sets, c)) == 0]


def version_of(ds, kommun: str, year: int | str | None) -> str | None:
    """The version of kommun's score set in year (its latest when year is None or has none); None without sets."""
    mine = ds.score_sets[ds.score_sets["kommunkod"] == kommun]
    if year:
        mine = mine[mine["year"].astype(str) == str(year)]
    return str(mine.sort_values("year")["instrument_version"].iloc[-1]) if len(mine) else None


def default_compare_selection(sets: pd.DataFrame, focus_kommun: str | None, with_areas: set) -> list[str]:
    """The focus municipality's latest set of the version plus up to three others with area scores."""
    mine = sets[sets["kommunkod"] == focus_kommun].sort_values("year")
    first = list(mine["score_set_id"].iloc[-1:])
    others = [s for s in sets.sort_values("year", ascending=False).drop_duplicates("kommunkod")["score_set_id"]
              if s in with_areas and s not in first]
    chosen = first + others[: 4 - len(first)]
    return chosen or list(sets["score_set_id"].iloc[:3])


def left_out_sets(ds, wanted: list[str], version: str, lang: str) -> str:
    """The message for a link's score sets of other versions: which were left out and why; '' when none."""
    foreign = not_of_version(wanted, ds.score_sets, version).set_index("score_set_id")
    others = [f"{foreign.at[sid, 'municipality']} {int(foreign.at[sid, 'year'])} "
              f"(version {foreign.at[sid, 'instrument_version']})" for sid in wanted if sid in foreign.index]
    return t("ui.sets.left_out", lang, version=version, names=", ".join(others)) if others else ""


def compare_sentence(table: pd.DataFrame, columns: list[str], lang: str) -> str:
    """The comparison in words: highest and lowest total among the chosen score sets, and how many lack one."""
    total = table.set_index("code").loc["total"]
    have = [(c, float(total[c])) for c in columns if not pd.isna(total[c])]
    if not have:
        return t("ui.compare.sentence_no_total", lang, evaluations=tn("count.evaluations", len(columns), lang))
    best = max(have, key=lambda x: x[1])
    worst = min(have, key=lambda x: x[1])
    return t("ui.compare.sentence", lang, evaluations=tn("count.evaluations", len(columns), lang), best=best[0], best_total=fmt(best[1], lang),
             worst=worst[0], worst_total=fmt(worst[1], lang), missing=len(columns) - len(have))
