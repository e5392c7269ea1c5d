"""Consistency checks that flag, never fail: flags are data, returned as a table."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from . import messages
from .instruments import AREA_CODES, known_labels
from .names import fold_label
from .schema import SCORE_SET_KEY, score_set_ids

# A flag is stored as a catalogue key plus JSON parameters, never as text: it is rendered in the
# reader's language when shown (flag_messages), so another language needs no change here or in the cache.
FLAG_COLUMNS = SCORE_SET_KEY + ["municipality", "level", "code", "check", "key", "params"]
AREA_ROUNDING = 0.5  # points of rounding each printed part may carry


def _flag_rows(frame: pd.DataFrame, check: str, key: str, params) -> list[dict]:
    rows = []
    for record, p in zip(frame.to_dict("records"), params):
        rows.append(
            {
                **{c: record[c] for c in SCORE_SET_KEY + ["municipality", "level", "code"]},
                "check": check,
                "key": key,
                "params": json.dumps(p, ensure_ascii=False),
            }
        )
    return rows


def flag_message(key: str, params: str | dict, lang: str) -> str:
    """One flag's text in lang from its stored key and parameters (a JSON object or a dict)."""
    return messages.t(key, lang, **(json.loads(params) if isinstance(params, str) else dict(params or {})))


def flag_messages(flags: pd.DataFrame, lang: str) -> pd.Series:
    """Each flag's text in lang, aligned with the flags' index."""
    return pd.Series([flag_message(k, p, lang) for k, p in zip(flags["key"], flags["params"])],
                     index=flags.index, dtype="string")


def compute_flags(ds) -> pd.DataFrame:
    """Every consistency flag of the dataset's scores (total vs areas, sub-areas vs area, period, label)."""
    scores = ds.scores
    rows: list[dict] = []
    if scores.empty:  # an empty dataset (header-only scores.csv) has nothing to flag, and must still load
        return _typed_flags(pd.DataFrame(rows, columns=FLAG_COLUMNS), scores)
    keyed = scores.assign(year=scores["year"].astype("int64"))
    areas = keyed[keyed["level"] == "area"]
    totals = keyed[keyed["level"] == "total"]

    # Published total vs the sum of its eight published areas.
    area_sum = areas.groupby(SCORE_SET_KEY, observed=True)["score"].agg(["sum", "count"]).reset_index()
    both = totals.merge(area_sum, on=SCORE_SET_KEY)
    both = both[(both["count"] == len(AREA_CODES))]
    tol = AREA_ROUNDING * len(AREA_CODES)
    off = both[(both["score"] - both["sum"]).abs() > tol]
    rows += _flag_rows(
        off, "total_vs_areas", "flag.total_vs_areas",
        [{"total": t, "sum": s, "diff": t - s} for t, s in zip(off["score"], off["sum"])],
    )

    # Sub-areas vs their area, where every sub-area of the catalogue is published.
    subs = keyed[keyed["level"] == "subarea"]
    if len(subs):
        subs = subs.assign(area_code=subs["code"].str.split(".").str[0])
        catalogue = ds.instrument_items[ds.instrument_items["level"] == "subarea"]
        n_expected = (
            catalogue.assign(area_code=catalogue["code"].str.split(".").str[0])
            .groupby(["instrument_version", "area_code"], observed=True).size().rename("expected").reset_index()
        )
        sub_sum = subs.groupby(SCORE_SET_KEY + ["area_code"], observed=True)["score"].agg(["sum", "count"]).reset_index()
        sub_sum = sub_sum.merge(n_expected, on=["instrument_version", "area_code"])
        sub_sum = sub_sum[sub_sum["count"] == sub_sum["expected"]]
        merged = areas.merge(sub_sum, left_on=SCORE_SET_KEY + ["code"], right_on=SCORE_SET_KEY + ["area_code"])
        merged = merged.assign(tol=AREA_ROUNDING * merged["count"])
        off = merged[(merged["score"] - merged["sum"]).abs() > merged["tol"]]
        rows += _flag_rows(
            off, "subareas_vs_area", "flag.subareas_vs_area",
            [{"code": c, "sum": s, "area": a, "tol": t} for c, s, a, t in zip(off["code"], off["sum"], off["score"], off["tol"])],
        )

    # Year outside the version's usual period (one flag per score set, on its first row).
    periods = ds.instrument_versions.set_index("instrument_version")
    sets = keyed.drop_duplicates(SCORE_SET_KEY)
    first = sets["instrument_version"].astype(str).map(periods["first_year"].astype("float64").set_axis(periods.index.astype(str)))
    last = sets["instrument_version"].astype(str).map(periods["last_year"].astype("Float64").fillna(np.inf).astype("float64").set_axis(periods.index.astype(str)))
    outside = sets[(sets["year"] < first) | (sets["year"] > last)]
    rows += _flag_rows(
        outside.assign(level="total", code="total"), "year_outside_period", "flag.year_outside_period",
        [
            {"year": y, "version": str(v), "period": ds.registry.period_text(v)}
            for y, v in zip(outside["year"], outside["instrument_version"])
        ],
    )

    # A label matching no alias of its area or sub-area (totals are free text in the sources).
    known = known_labels(ds.instrument_items, ds.area_aliases)
    parts = keyed[keyed["level"] != "total"]
    labelled = parts[parts["label_published"] != ""]
    # Fold each distinct label once: labels repeat across score sets, folding is the slow part.
    combos = labelled[["instrument_version", "level", "code", "label_published"]].astype(str).drop_duplicates()
    ok = {
        tuple(c): (c[0], c[1], c[2], fold_label(c[3])) in known
        for c in combos.itertuples(index=False)
    }
    lookup = [
        ok[(str(v), str(lvl), c, lab)]
        for v, lvl, c, lab in labelled[["instrument_version", "level", "code", "label_published"]].itertuples(index=False)
    ]
    # A mask with the index: a plain empty list would select no columns rather than no rows.
    unknown = labelled[pd.Series([not ok for ok in lookup], index=labelled.index, dtype=bool)]
    rows += _flag_rows(
        unknown, "unknown_label", "flag.unknown_label",
        [{"label": lab, "code": c, "version": str(v)} for lab, c, v in zip(unknown["label_published"], unknown["code"], unknown["instrument_version"])],
    )
    return _typed_flags(pd.DataFrame(rows, columns=FLAG_COLUMNS), scores)


def _typed_flags(flags: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    return flags.astype({"year": "int16", "instrument_version": scores["instrument_version"].dtype,
                         "evaluation_kind": scores["evaluation_kind"].dtype})


def score_set_table(ds) -> pd.DataFrame:
    """One row per score set: total, areas 1–8, counts, county, kommungrupp, origin and flag count."""
    scores = ds.scores
    parts = scores[scores["level"] != "subarea"]
    wide = parts.pivot_table(index=SCORE_SET_KEY, columns="code", values="score", aggfunc="first", observed=True)
    wide = wide.reindex(columns=["total", *AREA_CODES])
    counts = scores.groupby(SCORE_SET_KEY + ["level"], observed=True).size().unstack("level", fill_value=0)
    counts = counts.reindex(columns=["area", "subarea"], fill_value=0).rename(columns={"area": "n_areas", "subarea": "n_subareas"})
    table = wide.join(counts, how="left").reset_index()
    table = table.dropna(subset=["total", *AREA_CODES], how="all").copy() if len(table) else table
    table.columns = [str(c) for c in table.columns]
    munis = ds.municipalities.set_index("kommunkod")
    table["municipality"] = table["kommunkod"].map(munis["name"]).astype("string")
    table["lan_kod"] = table["kommunkod"].map(munis["lan_kod"]).astype("string")
    table["kommungrupp"] = table["kommunkod"].map(munis["kommungrupp_2017_code"]).astype("string")
    key_str = score_set_ids(table)
    table["score_set_id"] = key_str
    session = {":".join(map(str, k)) for k in ds.session_keys}
    table["origin"] = np.where(key_str.isin(session), "session", "shipped")
    flag_ids = score_set_ids(ds.flags)
    table["n_flags"] = key_str.map(flag_ids.value_counts()).fillna(0).astype("int64")
    table["year"] = table["year"].astype("int16")
    table["instrument_version"] = table["instrument_version"].astype(scores["instrument_version"].dtype)
    return table.sort_values(["municipality", "year", "instrument_version", "evaluation_kind"]).reset_index(drop=True)
