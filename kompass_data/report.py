"""The benchmark report: one self-contained, printable HTML file per score set, for a council or a paper.

The CLI (`report`) and the dashboard's download button both call `render_report`, so they give the
same file. Charts are inline SVG (matplotlib), styles inline; nothing is fetched when it is opened.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import messages
from .checks import flag_messages
from .formats import MISSING, is_missing, number
from .formats import date as formats_date
from .compare import THIN_N, PeerComparison, PeerFilter, ScoreSetRef, trend
from .peers import PeerGroup
from .instruments import AREA_CODES
from .schema import score_set_ids

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
PRODUCT = messages.PRODUCT
# Sub-areas are listed weakest first; the list stays short enough for the report's page budget.
SUBAREA_ROWS = 60


def signed(value, lang: str) -> str:
    """+20 / −3,5: a difference with its sign (a real minus sign, as typeset)."""
    if is_missing(value):
        return MISSING
    text = number(abs(float(value)), lang)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def today() -> _dt.date:
    """The date a report is made (one place, so that tests can fix it)."""
    return _dt.date.today()


def _data_version(ds) -> str:
    """A short content hash of the scores the report was made from, and how many score sets they hold."""
    digest = hashlib.sha256(ds.scores.to_csv(index=False).encode("utf-8")).hexdigest()[:12]
    return f"{digest} ({len(ds.score_sets)})"


def _is_url(text: str) -> bool:
    return str(text).startswith(("http://", "https://"))


def _citations(frames: list[pd.DataFrame]) -> list[dict]:
    """Distinct sources of the rows shown, in first-seen order, each a link where it is a URL."""
    seen: dict[str, None] = {}
    for frame in frames:
        for source in frame.get("source", pd.Series(dtype=str)).dropna().astype(str):
            if source.strip():
                seen.setdefault(source.strip())
    return [{"text": s, "url": s if _is_url(s) else None} for s in seen]


def _set_rows(ds, ref: ScoreSetRef) -> pd.DataFrame:
    s = ds.scores
    mine = s[(s["kommunkod"] == ref.kommunkod) & (s["year"] == ref.year)]
    return mine[score_set_ids(mine) == ref.id]


def _set_flags(ds, ref: ScoreSetRef, lang: str) -> pd.DataFrame:
    f = ds.flags
    mine = f[(f["kommunkod"] == ref.kommunkod) & (f["year"] == ref.year)]
    mine = mine[score_set_ids(mine) == ref.id]
    return mine.assign(text=flag_messages(mine, lang).astype(str))


def _comparator(comparison: PeerComparison, lang: str) -> dict[str, str]:
    """What each item's comparator is: 'medelvärde (n = 5)' or, below THIN_N, the peers named."""
    names = dict(zip(comparison.table["code"], comparison.table["peer_names"]))
    out = {}
    for row in comparison.table.itertuples():
        if row.peer_n == 0:
            out[row.code] = messages.t("report.no_comparator", lang)
        elif row.peer_n < THIN_N:
            out[row.code] = messages.t("report.against_named", lang, names=_names_text(names.get(row.code)))
        else:
            out[row.code] = messages.t("report.mean_of_n", lang, n=int(row.peer_n))
    return out


def _names_text(names) -> str:
    """The peers an item rests on, as the data layer names them ('Mölndal 2016'), joined."""
    if isinstance(names, str):
        return names
    return ", ".join(str(n) for n in (names or []))


def _area_rows(comparison: PeerComparison, flags: pd.DataFrame, notes: dict[str, str], lang: str) -> list[dict]:
    by_code: dict[str, list[str]] = {}
    for code, text in zip(flags["code"].astype(str), flags["text"]):
        by_code.setdefault(code, []).append(text)
    comparator = _comparator(comparison, lang)
    rows = []
    for row in comparison.table.itertuples():
        thin = 0 < row.peer_n < THIN_N
        rows.append({
            "code": row.code,
            "label": row.label if row.code == "total" else f"{row.code}. {row.label}",
            "score": number(row.score, lang),
            "mean": number(row.peer_mean, lang) if row.peer_n else "–",
            "n": int(row.peer_n),
            "difference": signed(row.difference, lang) if row.peer_n >= THIN_N else "–",
            "comparator": comparator[row.code],
            "thin": thin,
            "flags": by_code.get(row.code, []),
            "note": notes.get(row.code, ""),
            "is_total": row.code == "total",
        })
    return rows


def _summary(comparison: PeerComparison, lang: str) -> str:
    """Above/below counted over areas whose comparator rests on at least THIN_N municipalities only."""
    areas = comparison.table[comparison.table["code"].isin(AREA_CODES)].dropna(subset=["score"])
    counted = areas[areas["peer_n"] >= THIN_N]
    left_out = len(areas) - len(counted)
    if counted.empty:
        return messages.t("report.summary_none", lang, n=THIN_N)
    return messages.t(
        "report.summary", lang, above=int((counted["difference"] > 0).sum()), below=int((counted["difference"] < 0).sum()),
        counted=len(counted), left_out=left_out, n=THIN_N,
    )


def _subareas(ds, ref: ScoreSetRef, flags: pd.DataFrame, lang: str) -> list[dict]:
    rows = _set_rows(ds, ref)
    rows = rows[rows["level"].astype(str) == "subarea"]
    if rows.empty:
        return []
    names = ds.version(ref.instrument_version).subarea_names(lang)
    flagged = set(flags.loc[flags["level"].astype(str) == "subarea", "code"].astype(str))
    out = []
    for row in rows.itertuples():
        share = float(row.score) / float(row.max_score) if row.max_score else float("nan")
        out.append({
            "code": str(row.code), "name": names.get(str(row.code)) or str(row.label_published),
            "score": number(row.score, lang), "max": number(row.max_score, lang),
            "percent": number(100 * share, lang, 0), "share": share, "bar": max(0.0, min(100.0, 100 * share)),
            "flagged": str(row.code) in flagged, "note": "" if pd.isna(row.note) else str(row.note),
        })
    out.sort(key=lambda r: (r["share"], tuple(int(p) for p in r["code"].split("."))))
    return out[:SUBAREA_ROWS]


def _trend(ds, ref: ScoreSetRef, lang: str) -> tuple[list[dict], list, list]:
    """Segments per version from compare.trend: kind, total, like-for-like change (or why none), flags, position."""
    table = trend(ds, ref.kommunkod, include_self=True, lang=lang)
    segments, chart, revisions = [], [], []
    for _segment, part in table.groupby("segment", sort=True):
        version = str(part["instrument_version"].iloc[0])
        points = []
        for row in part.itertuples():
            # The first point of a series has no change by design: only other reasons are worth a line.
            note = "" if row.change_note in ("", "trend.note.first") else messages.t(row.change_note, lang)
            points.append({
                "year": int(row.year), "kind": messages.t(f"ui.kind.{row.evaluation_kind}", lang),
                "is_self": str(row.evaluation_kind) == "self", "total": number(row.total, lang),
                "change": signed(row.total_change, lang), "change_note": note, "flags": list(row.flags),
                "focal": row.score_set_id == ref.id,
                "position": (messages.t("report.position", lang, rank=int(row.position_rank), n=int(row.position_n),
                                        version=version) if not pd.isna(row.position_rank) else "–"),
            })
        segments.append({"version": version, "points": points})
        chart.append((messages.t("report.version_n", lang, version=version),
                      [(int(r.year), None if pd.isna(r.total) else float(r.total), str(r.evaluation_kind) == "self")
                       for r in part.itertuples()]))
        if len(segments) > 1:
            revisions.append((float(part["year"].min()) - 0.5, messages.t("report.revision", lang, version=version)))
    return segments, chart, revisions, table


def _findings(ds, ref: ScoreSetRef) -> dict[str, dict[str, list[dict]]]:
    """Area code -> kind -> findings of the score set (strengths, improvement areas), where the data has them."""
    findings = getattr(ds, "findings", None)
    if findings is None or findings.empty:
        return {}
    mine = findings[score_set_ids(findings) == ref.id]
    out: dict[str, dict[str, list[dict]]] = {}
    for row in mine.itertuples():
        if str(row.kind) in ("strength", "improvement"):
            out.setdefault(str(row.area_code), {}).setdefault(str(row.kind), []).append(
                {"text": str(row.text), "source": str(row.source)})
    return out


def report_context(ds, ref: ScoreSetRef, peer_filter: PeerFilter = PeerFilter(), lang: str = "sv",
                   made: _dt.date | None = None, group_text: str = "", group: PeerGroup = PeerGroup()) -> dict:
    """Everything the report shows, computed by the data layer and formatted for lang."""
    from .svgcharts import radar_svg, trend_svg

    t = lambda key, **p: messages.t(key, lang, **p)  # noqa: E731 - the template's one translator
    view = ds.version(ref.instrument_version)
    comparison = view.peer_comparison(ref, peer_filter, lang, group)
    flags = _set_flags(ds, ref, lang)
    rows = _set_rows(ds, ref)
    notes = {str(c): str(n) for c, n in zip(rows["code"], rows["note"]) if not pd.isna(n) and str(n).strip()}
    table = comparison.table
    areas = table[table["code"].isin(AREA_CODES)]
    labels = [f"{c}. {lab}" for c, lab in zip(areas["code"], areas["label"])]
    named = comparison.group
    group = (named.title(lang) if named is not None and named.name != "version"
             else t("report.group_version", version=ref.instrument_version)) + (f", {group_text}" if group_text else "")
    definition = named.definition(lang) if named is not None else ""
    series = [(ref.display(lang), [None if pd.isna(v) else float(v) for v in areas["score"]], "focal")]
    if int(areas["peer_n"].max()) > 0:
        series.append((t("report.peer_series", group=group, n=_n_range(areas["peer_n"])),
                       [None if n < 1 else float(v) for v, n in zip(areas["peer_mean"], areas["peer_n"])], "peer"))
    references = comparison.references
    area_refs = references[references["level"].astype(str) == "area"]
    for (year, statistic, population), part in area_refs.groupby(["year", "statistic", "population"], sort=True):
        values = dict(zip(part["code"].astype(str), part["score"]))
        series.append((t("report.reference_series", statistic=t(f"ui.col.{statistic}"), year=int(year), population=population),
                       [values.get(c) for c in areas["code"]], "reference"))
    title = t("report.chart_title", name=ref.display(lang), version=ref.instrument_version, group=group)
    radar = radar_svg(series, labels, title) if areas["score"].notna().any() else ""
    segments, chart, revisions, trend_table = _trend(ds, ref, lang)
    focal = trend_table[trend_table["score_set_id"] == ref.id].iloc[0]
    trend_chart = trend_svg(chart, revisions, t("report.trend_title", name=ref.municipality), t("ui.col.total")) \
        if sum(len(p) for _n, p in chart) > 1 else ""
    peers = comparison.peers
    set_wide = flags[flags["code"].astype(str) == "total"]["text"].tolist()
    return {
        "lang": lang,
        "t": t,
        "title": t("report.title", name=ref.display(lang)),
        "municipality": ref.municipality,
        "year": ref.year,
        "version": ref.instrument_version,
        "period": view.period,
        "kind": t(f"ui.kind_long.{ref.evaluation_kind}"),
        "made": formats_date(made or today(), lang),
        "data_version": _data_version(ds),
        "product": PRODUCT,
        "group": group,
        "group_definition": definition,
        "summary": _summary(comparison, lang),
        "total_position": (None if pd.isna(focal["position_rank"]) else
                           {"rank": int(focal["position_rank"]), "n": int(focal["position_n"])}),
        "radar": radar,
        "areas": _area_rows(comparison, flags, notes, lang),
        "set_flags": set_wide,
        "references": [
            {"year": int(r.year), "statistic": t(f"ui.col.{r.statistic}"), "population": r.population,
             "code": t("ui.col.total") if r.code == "total" else str(r.code), "score": number(r.score, lang),
             "source": r.source}
            for r in references.itertuples()
        ],
        "subareas": _subareas(ds, ref, flags, lang),
        "segments": segments,
        "trend_chart": trend_chart,
        "findings": _findings(ds, ref),
        "area_labels": dict(zip(areas["code"], areas["label"])),
        "peers": [{"name": r.municipality, "year": int(r.year), "kind": t(f"ui.kind.{r.evaluation_kind}")}
                  for r in peers.sort_values(["municipality", "year"]).itertuples()],
        # The findings come from the report the scores cite; their per-row sections stay in findings.csv.
        "citations": _citations([rows, references]),
        "thin_n": THIN_N,
    }


def _n_range(ns) -> str:
    present = [int(n) for n in ns if int(n) > 0]
    return str(min(present)) if min(present) == max(present) else f"{min(present)}–{max(present)}"


def report_file_name(ref: ScoreSetRef) -> str:
    """'kommunkompassen_2417_2018_2016_full.html': stable, ASCII, one per score set."""
    return f"kommunkompassen_{ref.id.replace(':', '_')}.html"


def report_download(ds, ref: ScoreSetRef, peer_filter: PeerFilter = PeerFilter(), lang: str = "sv",
                    group_text: str = "", group: PeerGroup = PeerGroup()):
    """A no-argument callable that renders the report as UTF-8 bytes: for a deferred download button."""
    return lambda: render_report(ds, ref, peer_filter, lang, group_text=group_text, group=group).encode("utf-8")


def write_report(html_text: str, path: str | Path, data_dir: Path | None = None) -> Path:
    """Write the report atomically, refusing targets inside the data folder and non-regular files."""
    from .export import check_output_path
    from .store import _atomic_write

    path = Path(path)
    check_output_path(path, data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = html_text.encode("utf-8")
    _atomic_write(path, lambda fh: fh.write(payload))
    return path


def render_report(ds, ref: ScoreSetRef, peer_filter: PeerFilter = PeerFilter(), lang: str = "sv",
                  made: _dt.date | None = None, group_text: str = "", group: PeerGroup = PeerGroup()) -> str:
    """The report as one self-contained HTML document (str)."""
    import jinja2

    context = report_context(ds, ref, peer_filter, lang, made, group_text, group)
    # The SVGs are our own output from matplotlib (data text escaped there): marked safe to inline.
    context["radar"] = jinja2.utils.markupsafe.Markup(context["radar"])
    context["trend_chart"] = jinja2.utils.markupsafe.Markup(context["trend_chart"])
    return _environment().get_template("report.html").render(**context)


@functools.cache
def _environment():
    """The template environment, one per process: it keeps the compiled template (recompiled when the file changes)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True, lstrip_blocks=True,
    )


__all__ = ["render_report", "write_report", "report_download", "report_file_name", "report_context"]
