"""The version guard and everything that compares score sets: peers, percentiles, trends, rankings.

The rule "scores are comparable only within one instrument version" is enforced here and only here:
every selection of one version's rows is made by `VersionView` (`dataset.version("2016")`), mixed
inputs are refused by `ensure_same_version`, and trends come back as one segment per version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

from . import messages
from .errors import UsageError, VersionMismatchError
from .instruments import AREA_CODES, LEVELS
from .checks import flag_messages
from .names import fold, swedish_order
from .schema import score_set_ids
from .peers import PeerGroup, ResolvedGroup, resolve
from .regions import in_region

ITEM_CODES: tuple[str, ...] = ("total", *AREA_CODES)


@dataclass(frozen=True)
class ScoreSetRef:
    """One score set: one municipality, one evaluation, one version."""

    kommunkod: str
    municipality: str
    year: int
    instrument_version: str
    evaluation_kind: str

    @property
    def id(self) -> str:
        """'2417:2018:2016:full', the key used in URLs and selections."""
        return f"{self.kommunkod}:{self.year}:{self.instrument_version}:{self.evaluation_kind}"

    @property
    def name_year(self) -> str:
        """'Norsjö 2018': the same in every language."""
        return f"{self.municipality} {self.year}"

    def display(self, lang: str = "sv") -> str:
        """'Norsjö 2018', or 'Norsjö 2017 (egen analys)' / '(self-assessment)' for a self-assessment."""
        if self.evaluation_kind == "self":
            return f"{self.name_year} ({messages.t('ui.kind.self', lang)})"
        return self.name_year


def resolve_municipality(ds, text: str) -> str:
    """The 4-digit code for a name (any case, with or without å/ä/ö, with or without 'kommun') or a code."""
    raw = str(text).strip()
    names = ds.municipality_names
    if re.fullmatch(r"\d{3,4}", raw):
        code = raw.zfill(4)
        if code in names:
            return code
        raise UsageError("error.unknown_municipality", text=raw)
    bare = re.sub(r"\s+(kommun|kommuns|stad|region)$", "", raw.casefold()).strip()
    # Exact spelling first: Habo and Håbo are two municipalities that fold to the same letters.
    exact = [code for code, name in names.items() if name.casefold() == bare]
    if len(exact) == 1:
        return exact[0]
    wanted = fold(bare)
    matches = [code for code, name in names.items() if fold(name) == wanted]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise UsageError("error.ambiguous_municipality", text=raw, candidates=", ".join(matches))
    raise UsageError("error.unknown_municipality", text=raw)


def resolve_lan(ds, text: str | None) -> str | None:
    """A county code for '24', 'Västerbottens län' or 'vasterbotten'; None passes through."""
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip()
    munis = ds.municipalities
    if re.fullmatch(r"\d{1,2}", raw) and raw.zfill(2) in set(munis["lan_kod"]):
        return raw.zfill(2)
    wanted = fold(raw).removesuffix(" lan")
    for code, name in zip(munis["lan_kod"], munis["lan_name"]):
        folded = fold(name).removesuffix(" lan")
        if wanted in (folded, folded.rstrip("s")):
            return code
    raise UsageError("error.unknown_lan", text=raw)


def ref_from_row(row) -> ScoreSetRef:
    """A ScoreSetRef from a row of Dataset.score_sets."""
    return ScoreSetRef(
        str(row["kommunkod"]), str(row["municipality"]), int(row["year"]),
        str(row["instrument_version"]), str(row["evaluation_kind"]),
    )


def score_set(ds, kommun: str, year: int, version: str | None = None, kind: str | None = None) -> ScoreSetRef:
    """The one score set of kommun in year (version and kind narrow it), or a clear error."""
    code = resolve_municipality(ds, kommun)
    sets = ds.score_sets[ds.score_sets["kommunkod"] == code]
    name = ds.municipality_names[code]
    match = sets[sets["year"] == int(year)]
    if version:
        match = match[match["instrument_version"].astype(str) == str(version)]
    if kind:
        match = match[match["evaluation_kind"].astype(str) == str(kind)]
    if match.empty:
        detail = "".join(f" ({x})" for x in (version, kind) if x)
        available = ", ".join(sorted({str(y) for y in sets["year"]})) or "–"
        raise UsageError("error.score_set_not_found", kommun=name, year=year, detail=detail, available=available)
    if len(match) > 1:
        options = ", ".join(f"{r.instrument_version}/{r.evaluation_kind}" for r in match.itertuples())
        raise UsageError("error.score_set_ambiguous", kommun=name, year=year, options=options)
    return ref_from_row(match.iloc[0])


def parse_score_set(ds, text: str) -> ScoreSetRef:
    """'Norsjö:2018', '2417:2018:2016' or '2417:2017:2010:self' -> ScoreSetRef."""
    parts = str(text).split(":")
    if len(parts) < 2 or len(parts) > 4 or not re.fullmatch(r"[0-9]+", parts[1].strip()):
        raise UsageError("error.bad_score_ref", text=text)
    version = parts[2].strip() if len(parts) > 2 else None
    kind = parts[3].strip() if len(parts) > 3 else None
    return score_set(ds, parts[0], int(parts[1]), version or None, kind or None)


def score_set_by_id(ds, score_set_id: str) -> ScoreSetRef:
    """The ScoreSetRef for an id from ScoreSetRef.id."""
    row = ds.score_sets[ds.score_sets["score_set_id"] == score_set_id]
    if row.empty:
        raise UsageError("error.bad_score_ref", text=score_set_id)
    return ref_from_row(row.iloc[0])


def text_is(column: pd.Series, value: str) -> np.ndarray:
    """column.astype(str) == value as a boolean array; a categorical column is compared by its codes, not as text."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        # Categories are unique: at most one code matches, and a missing value (code -1) never does.
        matches = [i for i, category in enumerate(column.cat.categories) if str(category) == value]
        codes = column.cat.codes.to_numpy()
        return codes == matches[0] if matches else np.zeros(len(codes), dtype=bool)
    return (column.astype(str) == value).to_numpy()


def of_version(table: pd.DataFrame, version: str) -> pd.DataFrame:
    """The rows of any table with an instrument_version column that belong to one version: the one such filter."""
    return table[text_is(table["instrument_version"], str(version))]


def not_of_version(ids: list[str], score_sets: pd.DataFrame, version: str) -> pd.DataFrame:
    """The score sets among ids (score_set_id) that were scored with another version than `version`."""
    sets = score_sets[score_sets["score_set_id"].isin(ids)]
    return sets[sets["instrument_version"].astype(str) != str(version)]


def ensure_same_version(refs: list[ScoreSetRef]) -> str:
    """The common version of refs, or VersionMismatchError naming the first pair that differs."""
    if not refs:
        raise UsageError("error.bad_score_ref", text="")
    first = refs[0]
    for other in refs[1:]:
        if other.instrument_version != first.instrument_version:
            raise VersionMismatchError(first.name_year, first.instrument_version, other.name_year, other.instrument_version)
    return first.instrument_version


def item_labels(ds, version: str, lang: str = "sv") -> dict[str, str]:
    """Item code -> label for a version in lang: 'total' plus the eight areas (English names where recorded)."""
    return {"total": messages.t("ui.col.total", lang), **ds.registry.area_names(version, lang)}


def _row_of(ds, ref: ScoreSetRef) -> pd.Series:
    # The row by position: selecting it by a mask takes every column of the wide table.
    return ds.score_sets.iloc[np.flatnonzero((ds.score_sets["score_set_id"] == ref.id).to_numpy())[0]]


def compare_score_sets(ds, refs: list[ScoreSetRef], lang: str = "sv") -> pd.DataFrame:
    """Items × score sets (same version only): code, label, one column per score set (its display name)."""
    return ds.version(ensure_same_version(refs)).compare(refs, lang)


@dataclass(frozen=True)
class PeerFilter:
    """Which score sets count as peers: same version always; county, group, years, self-assessments."""

    lan: str | None = None
    kommungrupp: str | None = None
    include_self: bool = False
    year_from: int | None = None
    year_to: int | None = None


THIN_N = 3  # a mean of fewer score sets is shown with a warning: "a mean of 2 is not a benchmark"


def _by_recency(sets: pd.DataFrame) -> pd.DataFrame:
    """Score sets ordered so each municipality's most recent comes last (full after self in one year)."""
    full = text_is(sets["evaluation_kind"], "full")
    return sets.assign(_full=full).sort_values(["kommunkod", "year", "_full"], kind="stable").drop(columns="_full")


def _name_years(sets: pd.DataFrame, positions: np.ndarray) -> str:
    """'Mölndal 2016, Enköping 2018': the score sets at positions, named as a thin comparator names them."""
    rows = sets.iloc[positions]
    return ", ".join((rows["municipality"].astype(str) + " " + rows["year"].astype(str)).to_numpy(dtype=object))


def _last_with_value(kommunkod: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Positions of each municipality's last row with a value, in rows already ordered by _by_recency()."""
    rows = np.flatnonzero(~np.isnan(values))
    codes = kommunkod[rows]
    return rows[np.r_[codes[1:] != codes[:-1], True]] if rows.size else rows


def latest_with(sets: pd.DataFrame, code: str) -> pd.DataFrame:
    """Each municipality once: its latest score set that has a published value for code.

    A later publication of the total alone must not hide an earlier published area profile; at equal
    years an external evaluation outranks a self-assessment.
    """
    ordered = _by_recency(sets)
    positions = _last_with_value(ordered["kommunkod"].to_numpy(dtype=object), ordered[code].to_numpy(dtype="float64"))
    return ordered.iloc[positions]


def percentile_of(value: float, peers: np.ndarray) -> float:
    """Mid-rank percentile of value among peers (ties count half); NaN without peers or value."""
    peers = peers[~np.isnan(peers)]
    if np.isnan(value) or peers.size == 0:
        return float("nan")
    below = np.count_nonzero(peers < value)
    equal = np.count_nonzero(peers == value)
    return float(100.0 * (below + 0.5 * equal) / peers.size)


@dataclass(frozen=True)
class PeerComparison:
    """A score set beside the statistics of its peers (same version) and the published references."""

    focal: ScoreSetRef
    version: str
    table: pd.DataFrame  # one row per item: code, label, score, peer_n, peer_mean, peer_median, peer_min, peer_max, difference, percentile
    peers: pd.DataFrame  # the peer score sets used, with used_for: the items each one entered
    references: pd.DataFrame  # published reference profiles of the version, never averaged in
    peer_filter: PeerFilter
    group: ResolvedGroup | None = None  # the named peer group and its members (None: the whole version)

    @property
    def empty(self) -> bool:
        """True when no peer has a value for any item: no mean, say so and offer the wider group."""
        return int(self.table["peer_n"].max()) == 0


@dataclass(frozen=True)
class VersionView:
    """One instrument version of a dataset, and every comparison made among its score sets.

    Built by `Dataset.version("2016")`. Every table it returns holds rows of this version only, and a
    score set of another version is refused (VersionMismatchError), so a comparison across versions
    cannot be written by accident. Selections by version are made here and nowhere else.
    """

    ds: object
    version: str
    lan: str | None = None  # a county: only its municipalities' score sets (see within())
    kommungrupp: str | None = None  # a municipality group, likewise

    def within(self, lan: str | None = None, kommungrupp: str | None = None) -> "VersionView":
        """The same version limited to one county and/or municipality group (None: no limit)."""
        return replace(self, lan=lan or None, kommungrupp=kommungrupp or None)

    def _mine(self, table: pd.DataFrame) -> pd.DataFrame:
        table = of_version(table, self.version)
        if "kommunkod" in table.columns:  # published reference profiles belong to no municipality: kept
            table = in_region(table, self.ds, self.lan, self.kommungrupp)
        return table

    # The dataset keeps its views (Dataset.version), so each selection below is made once per dataset;
    # callers get shallow copies, which pandas copies on write: a caller's change never reaches the view.
    @cached_property
    def _score_sets(self) -> pd.DataFrame:
        return self._mine(self.ds.score_sets)

    @cached_property
    def _ordered(self) -> pd.DataFrame:
        """The score sets ordered so each municipality's most recent comes last (_by_recency), sorted once."""
        return _by_recency(self._score_sets)

    @cached_property
    def _totals(self) -> "_VersionTotals":
        # peer_candidates(PeerFilter()) over the columns needed, the SKR evaluations picked once for every version:
        # a trend touches every version it has points in.
        return _VersionTotals(self._mine(self.ds.derived(("evaluation_totals",), lambda: _evaluation_totals(self.ds))))

    @cached_property
    def _scores(self) -> pd.DataFrame:
        return self._mine(self.ds.scores)

    @cached_property
    def _references(self) -> pd.DataFrame:
        return self._mine(self.ds.reference_profiles).reset_index(drop=True)

    @cached_property
    def _evaluations_known(self) -> pd.DataFrame:
        return self._mine(self.ds.evaluations_known)

    @property
    def score_sets(self) -> pd.DataFrame:
        """One row per score set of this version (Dataset.score_sets' columns)."""
        return self._score_sets.copy(deep=False)

    @property
    def scores(self) -> pd.DataFrame:
        """The published rows of this version (Dataset.scores' columns, index kept)."""
        return self._scores.copy(deep=False)

    @property
    def references(self) -> pd.DataFrame:
        """The published reference profiles of this version, never averaged into peer means."""
        return self._references.copy(deep=False)

    @property
    def evaluations_known(self) -> pd.DataFrame:
        """Evaluations known to have been scored with this version."""
        return self._evaluations_known.copy(deep=False)

    @property
    def period(self) -> str:
        """The version's usual period: '2016–2019'."""
        return self.ds.registry.period_text(self.version)

    def item_labels(self, lang: str = "sv") -> dict[str, str]:
        """'total' plus the eight area names of this version in lang."""
        return item_labels(self.ds, self.version, lang)

    def subarea_names(self, lang: str = "sv") -> dict[str, str]:
        """Sub-area code -> name of this version in lang."""
        return self.ds.registry.item_names(self.version, "subarea", lang)

    def own(self, refs: list[ScoreSetRef]) -> list[ScoreSetRef]:
        """refs, or VersionMismatchError when one of them was scored with another version."""
        for ref in refs:
            if ref.instrument_version != self.version:
                raise VersionMismatchError(ref.name_year, ref.instrument_version, "", self.version,
                                           key="error.not_in_version")
        return list(refs)

    def overview(self) -> dict:
        """Counts for 'what the data holds': score sets (full/self, with areas), municipalities, years, rows per level."""
        sets = self.score_sets
        kinds = sets["evaluation_kind"].astype(str)
        levels = self.scores["level"].astype(str).value_counts()
        years = sorted(int(y) for y in sets["year"].unique())
        return {
            "score_sets": int(len(sets)),
            "full": int((kinds == "full").sum()),
            "self": int((kinds == "self").sum()),
            "with_areas": int((sets["n_areas"] > 0).sum()),
            "municipalities": int(sets["kommunkod"].nunique()),
            "first_year": years[0] if years else None,
            "last_year": years[-1] if years else None,
            "known": int(len(self.evaluations_known)),
            **{f"rows_{lvl}": int(levels.get(lvl, 0)) for lvl in LEVELS},
        }

    def compare(self, refs: list[ScoreSetRef], lang: str = "sv") -> pd.DataFrame:
        """Items × score sets of this version: code, label, one column per score set (its display name)."""
        refs = self.own(refs)
        labels = self.item_labels(lang)
        table = pd.DataFrame({"code": list(ITEM_CODES), "label": [labels.get(c, c) for c in ITEM_CODES]})
        for ref in refs:
            row = _row_of(self.ds, ref)
            table[ref.display(lang)] = [row[c] for c in ITEM_CODES]
        return table

    def peer_candidates(self, peer_filter: PeerFilter = PeerFilter(), exclude: str | None = None) -> pd.DataFrame:
        """Score sets of this version that may serve as peers: filters applied, not yet one per municipality."""
        return self._candidates(self._score_sets, peer_filter, exclude).copy(deep=False)

    @staticmethod
    def _candidates(sets: pd.DataFrame, peer_filter: PeerFilter, exclude: str | None) -> pd.DataFrame:
        """The rows of sets (this version's score sets, in any order) that peer_filter and exclude keep."""
        # One mask, one selection: each selection copies every column of the wide score-set table.
        keep = np.ones(len(sets), dtype=bool)
        if not peer_filter.include_self:
            keep &= text_is(sets["evaluation_kind"], "full")
        for column, value in (("kommunkod", exclude), ("lan_kod", peer_filter.lan), ("kommungrupp", peer_filter.kommungrupp)):
            if value:
                # A missing code (a municipality without a county or group) never matches, as a mask with NA does.
                same = (sets[column] == value).to_numpy(dtype=bool, na_value=False)
                keep &= ~same if column == "kommunkod" else same
        if peer_filter.year_from is not None:
            keep &= (sets["year"] >= peer_filter.year_from).to_numpy()
        if peer_filter.year_to is not None:
            keep &= (sets["year"] <= peer_filter.year_to).to_numpy()
        return sets[keep]

    def peer_comparison(self, ref: ScoreSetRef, peer_filter: PeerFilter = PeerFilter(), lang: str = "sv",
                        group: PeerGroup = PeerGroup()) -> PeerComparison:
        """ref's scores beside mean, median, min, max, n and percentile of its named peer group, item by item.

        Below THIN_N peers an item's `thin` is true and `peer_names` names them ('Mölndal 2016'), so the
        page can say "mot Mölndal 2016" instead of calling one score set a mean.
        """
        (ref,) = self.own([ref])
        # peer_candidates() in _by_recency() order: filtering the version's sets sorted once keeps that order.
        candidates = self._candidates(self._ordered, peer_filter, ref.kommunkod)
        resolved = resolve(self.ds, ref.kommunkod, ref.year, group, candidates)
        if resolved.members is not None:  # a set lookup per row: isin() makes an Arrow scalar of every member
            members = resolved.members
            keep = np.fromiter((k in members for k in candidates["kommunkod"].to_numpy(dtype=object)), bool, len(candidates))
            candidates = candidates[keep]
        kommunkod = candidates["kommunkod"].to_numpy(dtype=object)
        focal = _row_of(self.ds, ref)
        labels = self.item_labels(lang)
        rows = []
        used: dict[int, list[str]] = {}  # position in candidates -> the items that score set entered
        for code in ITEM_CODES:
            column = candidates[code].to_numpy(dtype="float64")
            chosen = _last_with_value(kommunkod, column)  # latest_with(), for all items over one ordering
            for position in chosen.tolist():
                used.setdefault(position, []).append(code)
            values = column[chosen]
            present = values[~np.isnan(values)]
            score = float(focal[code])
            n = int(present.size)
            mean = float(present.mean()) if n else float("nan")
            rows.append(
                {
                    "code": code,
                    "label": labels.get(code, code),
                    "score": score,
                    "peer_n": n,
                    "peer_mean": mean,
                    "peer_median": float(np.median(present)) if n else float("nan"),
                    "peer_min": float(present.min()) if n else float("nan"),
                    "peer_max": float(present.max()) if n else float("nan"),
                    "difference": score - mean if n else float("nan"),
                    "percentile": percentile_of(score, values),
                    "thin": n < THIN_N,
                    "peer_names": _name_years(candidates, chosen[~np.isnan(values)]) if n < THIN_N else "",
                }
            )
        # By position: isin() over the ids converted every id to an Arrow scalar, a third of the comparison.
        positions = sorted(used)
        peers = candidates.iloc[positions]
        peers = peers.assign(used_for=pd.Series([", ".join(used[p]) for p in positions], index=peers.index, dtype="str"))
        peers = peers.reset_index(drop=True)
        return PeerComparison(ref, self.version, pd.DataFrame(rows), peers, self.references, peer_filter, resolved)

    def ranking(self, code: str = "total", include_self: bool = False, latest_only: bool = False) -> pd.DataFrame:
        """Score sets of this version ranked by one item, highest first (ties share a rank); latest_only: latest_with()."""
        sets = self.peer_candidates(PeerFilter(include_self=include_self))
        sets = latest_with(sets, code) if latest_only else sets.dropna(subset=[code])
        sets = sets.sort_values([code, "municipality"], ascending=[False, True], key=swedish_order)
        sets = sets.assign(rank=sets[code].rank(method="min", ascending=False).astype("int64"))
        return sets.reset_index(drop=True)

    def top_per_area(self, n: int = 3, lang: str = "sv") -> pd.DataFrame:
        """The n highest-scoring municipalities per area of this version ('inspiration' in the reports).

        n_area is how many municipalities have a value in the area: a "top 3" of fewer than THIN_N is
        no top list, and pages say so.
        """
        labels = self.item_labels(lang)
        rows = []
        for code in AREA_CODES:
            ranked = self.ranking(code, latest_only=True)
            top = ranked[ranked["rank"] <= n]
            for kod, rank, name, year, score in zip(top["kommunkod"], top["rank"], top["municipality"], top["year"], top[code]):
                rows.append({"code": code, "label": labels.get(code, code), "rank": int(rank), "kommunkod": kod,
                             "municipality": name, "year": int(year), "score": float(score), "n_area": len(ranked)})
        return pd.DataFrame(rows, columns=["code", "label", "rank", "kommunkod", "municipality", "year", "score", "n_area"])

    def latest_totals(self) -> pd.DataFrame:
        """Each municipality once with its latest total of this version (the map's values): ranking() of 'total'."""
        return self.ranking("total", latest_only=True)

    def scores_mask(self, scores: pd.DataFrame) -> pd.Series:
        """True for the rows of a scores-shaped table that belong to this version (and region; export filters)."""
        mask = scores["instrument_version"].astype(str) == self.version
        if self.lan or self.kommungrupp:
            mask &= scores.index.isin(in_region(scores, self.ds, self.lan, self.kommungrupp).index)
        return mask


def versions_with_scores(ds) -> list[str]:
    """The versions that have at least one score set, in revision order."""
    return ds.registry.sort(v for v in ds.score_sets["instrument_version"].dropna().astype(str).unique())


def default_version(ds) -> str | None:
    """The version a page opens on: the latest whose area profiles are a comparison (≥ THIN_N municipalities).

    Falls back to the latest version with any score set; None for a dataset without score sets.
    """
    present = versions_with_scores(ds)
    for version in reversed(present):
        sets = ds.version(version).score_sets
        if sets.loc[sets["n_areas"] > 0, "kommunkod"].nunique() >= THIN_N:
            return version
    return present[-1] if present else None


def peer_candidates(ds, version: str, peer_filter: PeerFilter = PeerFilter(), exclude: str | None = None) -> pd.DataFrame:
    """Score sets of one version that may serve as peers: VersionView.peer_candidates."""
    return ds.version(version).peer_candidates(peer_filter, exclude)


def peer_comparison(ds, ref: ScoreSetRef, peer_filter: PeerFilter = PeerFilter(), lang: str = "sv",
                    group: PeerGroup = PeerGroup()) -> PeerComparison:
    """ref beside its named peer group of the same version: VersionView.peer_comparison."""
    return ds.version(ref.instrument_version).peer_comparison(ref, peer_filter, lang, group)


def ranking(ds, version: str, code: str = "total", include_self: bool = False, latest_only: bool = False) -> pd.DataFrame:
    """Score sets of one version ranked by one item: VersionView.ranking."""
    return ds.version(version).ranking(code, include_self, latest_only)


def top_per_area(ds, version: str, n: int = 3, lang: str = "sv") -> pd.DataFrame:
    """The n highest-scoring municipalities per area of a version: VersionView.top_per_area."""
    return ds.version(version).top_per_area(n, lang)


TOTAL_FLAG_CHECKS = ("total_vs_areas",)  # a total these checks flag is not a base for a change


def trend(ds, kommunkod: str, include_self: bool = True, lang: str = "sv") -> pd.DataFrame:
    """A municipality's score sets over time, one segment per version; changes only like for like.

    A change is computed only between two score sets of the same version and the same kind (SKR
    evaluation to SKR evaluation, self-assessment to self-assessment), never from or to a flagged
    total; where it is not, `change_note` says why. `position` places each total among the SKR
    evaluations of its own version (rank, n, percentile), the honest way across a revision.
    """
    sets = ds.score_sets[ds.score_sets["kommunkod"] == kommunkod]
    if not include_self:
        sets = sets[text_is(sets["evaluation_kind"], "full")]
    sets = sets.assign(segment=sets["instrument_version"].astype(str).map(ds.registry.order))
    sets = sets.sort_values(["segment", "year", "evaluation_kind"]).reset_index(drop=True)
    own_flags = ds.flags[ds.flags["kommunkod"] == kommunkod]  # a score set's id begins with its kommunkod
    own_ids = score_set_ids(own_flags)
    mine = own_ids.isin(set(sets["score_set_id"]))
    set_flags, flag_ids = own_flags[mine], own_ids[mine]
    texts_by_id: dict[str, list[str]] = {}
    for set_id, text in zip(flag_ids, flag_messages(set_flags, lang)):
        texts_by_id.setdefault(set_id, []).append(text)
    sets["flags"] = [list(texts_by_id.get(i, ())) for i in sets["score_set_id"]]
    total_flagged = set(flag_ids[(set_flags["code"] == "total") & set_flags["check"].isin(TOTAL_FLAG_CHECKS)])
    sets["total_flagged"] = sets["score_set_id"].isin(total_flagged)
    chain = sets.groupby(["segment", "evaluation_kind"], observed=True, sort=False)
    # diff() within one version and one kind: the first of each chain has no change, by design.
    changes = chain[list(ITEM_CODES)].diff().add_suffix("_change")
    previous_flagged = chain["total_flagged"].shift(1).fillna(False).astype(bool)
    position = chain.cumcount().to_numpy()
    kinds = sets["evaluation_kind"].astype(str)
    has_full = sets["segment"].isin(set(sets.loc[kinds == "full", "segment"])).to_numpy()
    no_change = (sets["total_flagged"] | previous_flagged).to_numpy()
    changes.loc[no_change, "total_change"] = np.nan
    first_of_kind = (kinds == "self").to_numpy() & has_full & (position == 0)
    notes = np.select(
        [sets["total"].isna().to_numpy(), no_change, first_of_kind, position == 0],
        ["trend.note.no_total", "trend.note.flagged", "trend.note.kind", "trend.note.first"], default="")
    # Areas are not touched by a flagged total: their note is about kind and order only.
    area_notes = np.select([first_of_kind, position == 0], ["trend.note.kind", "trend.note.first"], default="")
    # Each version's SKR evaluations are selected and sorted once per dataset, not once per point (52 points cost 0.4 s at 1000×).
    field = {v: ds.version(v)._totals for v in sets["instrument_version"].astype(str).unique()}
    ranks = [field[str(v)].position(i, t) for v, i, t in zip(sets["instrument_version"], sets["score_set_id"], sets["total"])]
    added = pd.DataFrame({
        "change_note": notes, "area_change_note": area_notes,
        "position_rank": [r[0] for r in ranks], "position_n": [r[1] for r in ranks],
        "position_percentile": [r[2] for r in ranks],
    }, index=sets.index)
    sets = pd.concat([sets, changes, added], axis=1)
    sets["segment"] = sets["segment"].rank(method="dense").astype("int64")
    return sets


def _evaluation_totals(ds) -> pd.DataFrame:
    """The SKR evaluations (full score sets) of every version: the columns that place a total within its version."""
    narrow = ds.score_sets[["kommunkod", "instrument_version", "evaluation_kind", "score_set_id", "total"]]
    return narrow[text_is(narrow["evaluation_kind"], "full")]


class _VersionTotals:
    """The totals of one version's SKR evaluations, sorted, for placing a total among them."""

    def __init__(self, full: pd.DataFrame):
        totals = full["total"].to_numpy(dtype="float64")
        present = ~np.isnan(totals)
        self.sorted = np.sort(totals[present])
        self.ids = set(full["score_set_id"].to_numpy(dtype=object)[present])

    def position(self, score_set_id: str, total: float) -> tuple[float, int, float]:
        """(rank, n, percentile) of a total among the others (the score set itself left out); NaN without a total."""
        n = int(self.sorted.size)
        if pd.isna(total) or n == 0:
            return float("nan"), n, float("nan")
        total = float(total)
        below = int(np.searchsorted(self.sorted, total, side="left"))
        not_above = int(np.searchsorted(self.sorted, total, side="right"))
        equal, size = not_above - below, n
        if score_set_id in self.ids:  # its own total is among them: not its own peer
            equal, size = equal - 1, size - 1
        rank = 1 + (n - not_above)
        # percentile_of()'s mid-rank, from counts in the sorted totals
        percentile = float(100.0 * (below + 0.5 * equal) / size) if size else float("nan")
        return float(rank), n, percentile


def trend_segments(trend_table: pd.DataFrame, lang: str = "sv") -> list[dict]:
    """The trend as a list of {version, points}: the JSON shape of `trend`."""
    segments = []
    for _segment, part in trend_table.groupby("segment", sort=True):
        points = []
        for row in part.to_dict("records"):
            note = str(row["change_note"])
            point = {
                "year": int(row["year"]),
                "evaluation_kind": str(row["evaluation_kind"]),
                "kind": str(row["evaluation_kind"]),
                "total": _num(row["total"]),
                "total_change": _num(row["total_change"]),
                "change": _num(row["total_change"]),
                "change_note": messages.t(note, lang) if note else None,
                "flags": list(row["flags"]),
                "total_flagged": bool(row["total_flagged"]),
                "position": {"rank": None if pd.isna(row["position_rank"]) else int(row["position_rank"]),
                             "n": int(row["position_n"]), "percentile": _num(row["position_percentile"])},
            }
            point["areas"] = {c: _num(row[c]) for c in AREA_CODES}
            point["area_changes"] = {c: _num(row[f"{c}_change"]) for c in AREA_CODES}
            points.append(point)
        segments.append({"version": str(part["instrument_version"].iloc[0]), "points": points})
    return segments


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
