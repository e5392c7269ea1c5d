"""Assemble score sets from what the parser found, decide versions and kinds, cross-check."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pandas as pd

from ..checks import AREA_ROUNDING
from ..compare import resolve_municipality
from ..errors import UsageError
from ..instruments import REGISTRY, TOTAL_MAX, VERSIONS, version_for_year
from ..schema import SCORE_SET_KEY
from .catalog import Catalog
from .errors import IngestError
from .parse import (
    _ORDER,
    _PREV,
    YEAR_MIN,
    Area,
    Flag,
    ScoreSet,
    MunicipalityFinder,
    evaluation_year,
    find_rows,
    find_subtables,
    header_columns,
    inspiration_lines,
    is_prose,
    noncomparable,
    prepare_lines,
    prose_areas,
    prose_totals,
    self_years,
    sentences,
    stated_version,
    strip_diacritics,
    year_max,
)

MAIN = "main"  # the column of the report's own evaluation (a table without year columns)

# Named numbers of the parse (report layouts, not instrument facts).
RUN_GAP_LINES = 8  # rows of one table are at most this many lines apart (wrapped labels, page breaks)
HEADER_LOOKBACK_LINES = 8  # a table's column header stands at most this many lines above its first row
AREA_MAX = 100.0  # an area's maximum: a trailing 'Max' column prints it (TOTAL_MAX for the total row)
TIE = 1e-9  # label similarities this close count as equally good matches
MIN_SUBAREAS_FOR_VERSION = 3  # fewer sub-areas than this say nothing about the version
MIN_NUMBERED_AREAS = 4  # a numbered list vouches for loose rows when this many rows are known areas
SCORE_ROUNDING = 0.5  # a sub-area score printed as a whole number
PERCENT_SLACK = 0.05  # beyond rounding, when a sub-area's score is checked against its printed percent
MISREAD_SUM_GAP = 1.5  # a digit is corrected only when the sum as read misses its area by more than this


@dataclass
class Parsed:
    kommunkod: str
    municipality: str
    sets: list[ScoreSet]
    flags: list[Flag]


@dataclass
class _RawArea:
    label: str
    matches: list
    lead: str | None
    value: float
    origin: str  # "table" | "detail" | "prose"


def _fmt(v: float) -> str:
    return f"{v:g}"


def _misread(read: float, value: float) -> bool:
    """True if value could have been OCR-read as read: one digit substituted, dropped or added."""
    if read != int(read) or value != int(value):
        return False
    a, b = str(int(read)), str(int(value))
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if abs(len(a) - len(b)) == 1:
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
    return False


def resolve_kommun(value: str, ds) -> tuple[str, str]:
    """(kommunkod, name) for --kommun: a name or code, resolved as everywhere else (compare)."""
    try:
        code = resolve_municipality(ds, value)
    except UsageError:
        raise IngestError("ingest.error.bad_kommun", value=str(value)) from None
    return code, ds.municipality_names[code]


@dataclass
class _Overrides:
    """The caller's --kommun, --year, --version, checked."""

    kommun: tuple[str, str] | None
    year: int | None
    version: str | None


@dataclass
class _Text:
    """What the text offers before any deciding: lines, table rows, sub-area tables, sentences."""

    text: str
    lines: list[str]
    rows: list
    subtables: list
    consumed: set[int]  # lines that belong to a table
    inspiration: set[int]  # lines that speak of other municipalities' good examples
    sents: list
    prose_sents: list  # sentences outside tables and inspiration sections


@dataclass
class _Raw:
    """Scores found, keyed by column year (or MAIN for the report's own evaluation), not yet placed."""

    areas: dict
    totals: dict
    header_texts: list[str]
    prose_totals: list
    prose_areas: list

    def has_scores(self, subtables) -> bool:
        return bool(any(self.areas.values()) or any(self.totals.values()) or any(t.rows for t in subtables)
                    or self.prose_totals or self.prose_areas)


def parse_report(text: str, source_name: str, ds, cat: Catalog, kommun=None, year=None, version=None) -> Parsed:
    """Everything ingest finds in report text; IngestError when there is nothing to take."""
    # Check the overrides first: they are the caller's mistakes, not the file's.
    wanted = _check_overrides(ds, kommun, year, version)
    found = _read_text(text, cat)
    finder = MunicipalityFinder(cat)
    raw = _raw_scores(found, cat, finder)
    if not raw.has_scores(found.subtables):
        raise IngestError("ingest.error.no_scores", file=source_name)
    named = finder.find(found.lines, text, found.consumed | found.inspiration)
    kommunkod, municipality = _municipality(named, wanted, source_name)
    _attribute_prose(raw, municipality, named)
    main_year, rename = _main_year(raw, found, wanted.year, source_name)
    sets, areas_by_year, totals_by_year = _sets_by_year(raw, found.subtables, main_year, rename)
    flags: list[Flag] = []
    _decide_versions(sets, areas_by_year, found.sents, main_year, wanted.version)
    _decide_kinds(sets, found.sents, raw.header_texts)
    detail_area = _place_scores(sets, areas_by_year, totals_by_year, main_year, flags)
    if main_year in sets:
        _complete_main_set(sets[main_year], found.subtables, detail_area, cat, flags)
    kept = [s for s in sorted(sets.values(), key=lambda x: x.year) if s.total is not None or s.areas or s.subareas]
    if not kept:
        raise IngestError("ingest.error.no_scores", file=source_name)
    for s in kept:
        if s.version_source == "year":
            flags.append(Flag(s.year, "total", "total", "ingest.flag.version_from_year", {"version": s.version, "year": s.year}))
    return Parsed(kommunkod, municipality, kept, flags)


def _check_overrides(ds, kommun, year, version) -> _Overrides:
    """The caller's overrides resolved and checked; IngestError naming a bad one."""
    forced_kommun = None
    if kommun is not None and str(kommun).strip():
        forced_kommun = resolve_kommun(str(kommun), ds)
    if year is not None:
        try:
            year_i = int(str(year).strip())
        except (TypeError, ValueError):
            raise IngestError("ingest.error.bad_year", value=str(year), floor=YEAR_MIN) from None
        if not YEAR_MIN <= year_i <= year_max():
            raise IngestError("ingest.error.bad_year", value=str(year), floor=YEAR_MIN)
        year = year_i
    if version is not None:
        version = str(version).strip()
        if version not in VERSIONS:
            raise IngestError("ingest.error.bad_version", value=version, versions=", ".join(VERSIONS))
    return _Overrides(forced_kommun, year, version)


def _read_text(text: str, cat: Catalog) -> _Text:
    """Find tables, rows and statements."""
    lines = prepare_lines(text)
    rows = find_rows(lines, cat)
    subtables = find_subtables(lines, cat)
    consumed: set[int] = set()
    for r in rows:
        consumed.update(range(r.index, r.end_index + 1))
    for t in subtables:
        consumed.update(range(t.lines[0], t.lines[1] + 1))
    insp = inspiration_lines(lines)
    return _Text(text, lines, rows, subtables, consumed, insp, sentences(lines, consumed), sentences(lines, consumed | insp))


def _table_runs(rows: list) -> list[list]:
    """Rows grouped into runs, one per table: close together and with as many numbers each."""
    runs: list[list] = []
    for r in rows:
        if runs and r.index - runs[-1][-1].end_index <= RUN_GAP_LINES and len(r.numbers) == len(runs[-1][-1].numbers):
            runs[-1].append(r)
        else:
            runs.append([r])
    runs = [_keep_loose_rows_in_lists(run) for run in runs]
    return [run for run in runs if run]


def _run_header(run: list, lines: list[str], prev_end: int) -> tuple[list | None, str | None]:
    """The column header above a run (its year columns) and its line, if any."""
    first = run[0].index
    for k in range(first - 1, max(prev_end, first - HEADER_LOOKBACK_LINES - 1), -1):
        if is_prose(lines[k]):
            break  # the header is between the prose and the table, never above the prose
        cols = header_columns(lines[k])
        if cols:
            return cols, lines[k]
    return None, None


def _row_values(r, cols: list | None) -> dict:
    """A row's numbers by column year (MAIN for a table without year columns); drops a trailing 'Max' column."""
    years = [c for c in (cols or []) if c is not None]
    nums = r.numbers
    if cols and len(nums) == len(cols) + 1 and nums[-1] == (TOTAL_MAX if r.kind == "total" else AREA_MAX):
        nums = nums[:-1]
    r.numbers = nums
    if cols and len(r.numbers) == len(cols):
        return {c: v for c, v in zip(cols, r.numbers) if c is not None}
    if cols and years and len(r.numbers) == len(years):
        return dict(zip(years, r.numbers))
    if not years:
        return {MAIN: r.numbers[0]}
    return {}


def _raw_scores(found: _Text, cat: Catalog, finder: MunicipalityFinder) -> _Raw:
    """Every score the tables, the sub-area tables and the prose state, by column year."""
    raw = _Raw(areas={}, totals={}, header_texts=[], prose_totals=[], prose_areas=[])
    prev_end = -1
    for run in _table_runs(found.rows):
        cols, header = _run_header(run, found.lines, prev_end)
        if header is not None:
            raw.header_texts.append(header)
        prev_end = run[-1].end_index
        for r in run:
            for key, v in _row_values(r, cols).items():
                if r.kind == "total":
                    raw.totals.setdefault(key, []).append((v, "table"))
                else:
                    raw.areas.setdefault(key, []).append(_RawArea(r.label, r.matches, r.lead, v, "table"))
    for t in found.subtables:
        if t.area_total is not None:
            raw.areas.setdefault(MAIN, []).append(
                _RawArea(t.header_label, cat.match_area(t.header_label), t.area, t.area_total, "detail")
            )
    raw.prose_totals = prose_totals(found.prose_sents, set(), finder)
    if not [a for a in raw.areas.get(MAIN, []) if a.origin == "table"]:
        # Area scores in sentences count only where no table gives the report's own areas.
        raw.prose_areas = [x for x in prose_areas(found.prose_sents, cat, set(), finder) if x[2]]
    return raw


def _municipality(named, wanted: _Overrides, source_name: str) -> tuple[str, str]:
    """(kommunkod, name): --kommun, else the one the text is about."""
    if wanted.kommun:
        return wanted.kommun
    if not named:
        raise IngestError("ingest.error.no_municipality", file=source_name)
    return named


def _attribute_prose(raw: _Raw, municipality: str, named) -> None:
    """Statements in prose belong to the report's municipality unless the sentence names another one first."""
    # 'jämfört med Lerum, som fick 512 poäng 2015' is Lerum's, not the report's.
    subjects = {strip_diacritics(municipality)} | ({strip_diacritics(named[1])} if named else set())
    for v, y, owner in raw.prose_totals:
        if owner is None or owner in subjects:
            raw.totals.setdefault(y if y is not None else MAIN, []).append((v, "prose"))
    for label, v, matches, owner in raw.prose_areas:
        if owner is None or owner in subjects:
            raw.areas.setdefault(MAIN, []).append(_RawArea(label, matches, None, v, "prose"))


def _main_year(raw: _Raw, found: _Text, year: int | None, source_name: str) -> tuple[int, dict[int, int]]:
    """The year of the report's own evaluation, and column years renamed by --year."""
    col_years = sorted({k for k in list(raw.areas) + list(raw.totals) if isinstance(k, int)})
    text_year = evaluation_year(found.lines, found.sents)
    if col_years:
        main_col = text_year if text_year in col_years else max(col_years)
        if year is None:
            return main_col, {}
        return year, ({} if year in col_years else {main_col: year})
    if year is not None:
        return year, {}
    if text_year is not None:
        return text_year, {}
    raise IngestError("ingest.error.no_year", file=source_name)


def _sets_by_year(raw: _Raw, subtables, main_year: int, rename: dict[int, int]):
    """One empty score set per year found, and the raw areas and totals under those years."""
    def ykey(k) -> int:
        return main_year if k is MAIN else rename.get(k, k)

    areas_by_year: dict[int, list[_RawArea]] = {}
    totals_by_year: dict[int, list[tuple[float, str]]] = {}
    for k, lst in raw.areas.items():
        if lst:
            areas_by_year.setdefault(ykey(k), []).extend(lst)
    for k, lst in raw.totals.items():
        if lst:
            totals_by_year.setdefault(ykey(k), []).extend(lst)
    years = set(areas_by_year) | set(totals_by_year) | ({main_year} if any(t.rows for t in subtables) else set())
    sets = {y: ScoreSet(year=y) for y in sorted(years)}
    return sets, areas_by_year, totals_by_year


def _decide_versions(sets: dict, areas_by_year: dict, sents, main_year: int, version: str | None) -> None:
    """Versions: the year rule, then area names, then what the text says; --version over all."""
    stated = stated_version(sents)
    newest = set(REGISTRY.newest_area_family())  # versions whose area names are their own
    for y, s in sets.items():
        # Votes of the area names: the newest names (today the 2020 version's) against the older family
        # (the 2010 and 2016 names are alike), and the first version's own older names.
        votes_new = votes_fam = votes_pre = 0
        for a in areas_by_year.get(y, []):
            if not a.matches:
                continue
            best = max(m[2] for m in a.matches)
            vs = {m[0] for m in a.matches if m[2] >= best - TIE}
            if vs <= newest:
                votes_new += 1
            elif not vs & newest:
                votes_fam += 1
                if vs == {VERSIONS[0]}:
                    votes_pre += 1
        # Where the version comes from: "names" (area names only one version uses), "text" (a
        # statement), "override" (--version), "year" (the year rule alone: flagged by parse_report).
        base = version_for_year(y)
        if votes_new > votes_fam:
            v, why = (base if base in newest else min(newest, key=_ORDER.get)), "names"
        elif votes_fam:
            v = base if base not in newest else _PREV[min(newest, key=_ORDER.get)]
            why = "year" if v == base else "names"  # the 2010 and 2016 names are alike: only the year tells
            if votes_pre and y <= REGISTRY.instruments[1].first_year:
                v, why = VERSIONS[0], "names"
        else:
            v, why = base, "year"
        if y == main_year and stated:
            if stated in newest and votes_fam <= votes_new:
                v, why = stated, "text"
            elif stated not in newest and votes_new <= votes_fam and _ORDER[stated] <= _ORDER[version_for_year(y)] + 1:
                v, why = stated, "text"
        s.version, s.version_source = v, why
    _apply_noncomparable(sets, sents, main_year)
    if version is not None:
        for s in sets.values():
            s.version, s.version_source = version, "override"


def _apply_noncomparable(sets: dict, sents, main_year: int) -> None:
    """'Not comparable with 2018: the instrument was revised': the older years are on the version before."""
    for olds, rng, newer in noncomparable(sents):
        newer_year = newer if newer in sets else main_year
        if newer_year not in sets:
            continue
        vnew = sets[newer_year].version
        hits = 0
        for y, s in sets.items():
            if y >= newer_year:
                continue
            hit = (rng and rng[0] <= y <= rng[1]) or (not rng and olds and y in olds) or (not rng and not olds)
            if hit and _ORDER[s.version] >= _ORDER[vnew]:
                s.version = _PREV[vnew]
            if hit:
                hits += 1
                if s.version == _PREV[vnew]:
                    s.version_source = "text"
        if hits and sets[newer_year].version_source == "year":
            sets[newer_year].version_source = "text"  # the newer evaluation is on the revised version


def _decide_kinds(sets: dict, sents, header_texts: list[str]) -> None:
    """Years the text calls the municipality's own analysis are self-assessments."""
    selfs = self_years(sents, header_texts)
    for y, s in sets.items():
        if y in selfs:
            s.kind = "self"


def _place_scores(sets: dict, areas_by_year: dict, totals_by_year: dict, main_year: int, flags: list[Flag]) -> dict[str, float]:
    """Areas (by their number in the set's version) and totals into each set; returns the detail tables' areas."""
    detail_area: dict[str, float] = {}
    for y, s in sets.items():
        for a in areas_by_year.get(y, []):
            code = _area_code(a, s.version)
            if code is None:
                continue
            if a.origin == "detail" and y == main_year:
                detail_area[code] = a.value
            if code in s.areas:
                continue
            s.areas[code] = Area(a.value, a.label)
        totals = totals_by_year.get(y, [])
        if totals:
            table_t = [t for t in totals if t[1] == "table"]
            first = (table_t or totals)[0][0]
            s.total = first
            for v, _ in totals:
                if v != first:
                    flags.append(Flag(y, "total", "total", "ingest.flag.total_sources_differ", {"first": first, "second": v}))
                    break
    return detail_area


def _complete_main_set(main: ScoreSet, subtables, detail_area: dict[str, float], cat: Catalog, flags: list[Flag]) -> None:
    """The report's own evaluation: sub-areas, cross-checks of detail against summary, version from sub-areas."""
    for code, v in detail_area.items():
        if code in main.areas and main.areas[code].score != v:
            flags.append(Flag(main.year, "area", code, "ingest.flag.area_sources_differ", {"code": code, "summary": main.areas[code].score, "detail": v}))
    for t in subtables:  # sub-areas belong to the report's own evaluation
        for code, sub in t.rows.items():
            if code not in main.subareas:
                main.subareas[code] = sub
    _check_subareas(main, detail_area, flags)
    if main.version_source == "year" and _subareas_say_version(main, cat):
        main.version_source = "subareas"


def _subareas_say_version(s: ScoreSet, cat: Catalog) -> bool:
    """True when the sub-areas (codes and maxima) fit the sub-area catalogue of s's version and no other."""
    # Versions revise their sub-areas: a table that is exactly one version's catalogue is evidence of it.
    if len(s.subareas) < MIN_SUBAREAS_FOR_VERSION:
        return False
    fits = {
        v for v in VERSIONS
        if all(cat.subareas.get((v, code), (None, None))[1] == sub.max_score for code, sub in s.subareas.items())
    }
    return fits == {s.version}


def _keep_loose_rows_in_lists(run: list) -> list:
    """A run without the numbered rows whose labels match no area name, unless a numbered list vouches."""
    # A loose row ('8. Chefs- och ledarskap 60', a shortened label) counts only inside a numbered list
    # where at least four rows are known areas under their own number, and only for a number no other
    # row has.
    loose = [r for r in run if getattr(r, "loose", False)]
    if not loose:
        return run
    known = [r for r in run if r.kind == "area" and not r.loose]
    agree = [r for r in known if r.lead and r.lead in {c for _, c, _ in r.matches}]
    taken = {c for r in known for _, c, _ in r.matches[:1]} | {r.lead for r in known if r.lead}
    ok = len(agree) >= MIN_NUMBERED_AREAS and len(agree) == len([r for r in known if r.lead])
    leads = [r.lead for r in loose]
    return [r for r in run if not r.loose or (ok and r.lead not in taken and leads.count(r.lead) == 1)]


def _area_code(a: _RawArea, version: str) -> str | None:
    """The area number within version for a published label."""
    own = [m for m in a.matches if m[0] == version]
    if own:
        return max(own, key=lambda m: m[2])[1]
    newest = set(REGISTRY.newest_area_family())
    fam = [m for m in a.matches if (m[0] in newest) is (version in newest)]
    if fam:
        return max(fam, key=lambda m: m[2])[1]
    if a.lead:
        return a.lead
    return None


def _check_subareas(s: ScoreSet, detail_area: dict[str, float], flags: list[Flag]) -> None:
    """Percent vs achieved, and OCR digits that both the percent and the area sum contradict."""
    # Sums vs areas are kompass_data.checks' (see dataset_flags).
    by_area: dict[str, list[str]] = {}
    for code in s.subareas:
        by_area.setdefault(code.split(".")[0], []).append(code)
    for area, codes in by_area.items():
        area_score = detail_area.get(area, s.areas[area].score if area in s.areas else None)
        tol_sum = AREA_ROUNDING * len(codes)  # as checks.py: a corrected digit must leave the sum within it
        for code in codes:
            sub = s.subareas[code]
            if sub.percent is None or sub.max_score <= 0:
                continue
            expected = sub.percent * sub.max_score / 100
            # The score rounded to a whole point, the printed percent rounded to a whole percent of max, and slack.
            tol_pct = SCORE_ROUNDING + sub.max_score / 200 + PERCENT_SLACK
            if abs(sub.score - expected) <= tol_pct:
                continue
            corrected = None
            if area_score is not None:
                others = sum(s.subareas[c].score for c in codes if c != code)
                diff_read = abs(others + sub.score - area_score)
                cands = [
                    v for v in range(0, int(sub.max_score) + 1)
                    if abs(v - expected) <= tol_pct and _misread(sub.score, v)
                    and abs(others + v - area_score) <= tol_sum and abs(others + v - area_score) < diff_read
                ]
                if diff_read > MISREAD_SUM_GAP and cands:
                    corrected = float(min(cands, key=lambda v: (abs(others + v - area_score), abs(v - expected))))
            if corrected is not None:
                read = sub.score
                sub.note = (
                    f"the OCR text reads {_fmt(read)}; its {_fmt(sub.percent)} % of {_fmt(sub.max_score)} "
                    f"and the area sum give {_fmt(corrected)}"
                )
                sub.score = corrected
                flags.append(Flag(s.year, "subarea", code, "ingest.flag.ocr_digit", {
                    "code": code, "read": read, "value": corrected, "percent": sub.percent, "max": sub.max_score}))
            else:
                flags.append(Flag(s.year, "subarea", code, "ingest.flag.percent_mismatch", {
                    "code": code, "score": sub.score, "max": sub.max_score, "percent": sub.percent}))
        if area not in s.areas and area_score is not None:
            s.areas[area] = Area(area_score, "")


def subarea_label(cat: Catalog, version: str, code: str, published: str) -> str:
    """The catalogue name of a sub-area; sub-areas not in the version's catalogue keep their published label."""
    hit = cat.subareas.get((version, code))
    return hit[0] if hit else published


def _sort_code(code: str) -> tuple:
    return tuple(int(x) if x.isdigit() else 0 for x in re.split(r"\.", code))


def to_records(parsed: Parsed, source: str, cat: Catalog) -> list[dict]:
    """Rows in the canonical columns, one per published number."""
    out = []
    for s in parsed.sets:
        base = {
            "kommunkod": parsed.kommunkod,
            "municipality": parsed.municipality,
            "year": int(s.year),
            "instrument_version": s.version,
            "evaluation_kind": s.kind,
        }
        if s.total is not None:
            out.append({**base, "level": "total", "code": "total", "label_published": "Totalt",
                        "score": float(s.total), "max_score": 800.0, "source": source, "note": ""})
        for code in sorted(s.areas, key=_sort_code):
            a = s.areas[code]
            out.append({**base, "level": "area", "code": code, "label_published": cat.area_label(s.version, code, a.label),
                        "score": float(a.score), "max_score": 100.0, "source": source, "note": a.note})
        for code in sorted(s.subareas, key=_sort_code):
            sub = s.subareas[code]
            out.append({**base, "level": "subarea", "code": code,
                        "label_published": subarea_label(cat, s.version, code, sub.label),
                        "score": float(sub.score), "max_score": float(sub.max_score), "source": source, "note": sub.note})
    return out


# The checks of kompass_data.checks that ingest reports (the others, such as a year outside the
# version's usual period, are `validate`'s to show once the rows are in the dataset).
CROSS_CHECKS = ("total_vs_areas", "subareas_vs_area")


def dataset_flags(ds, scores: pd.DataFrame) -> list[dict]:
    """The cross-check flags kompass_data.checks gives the ingested score sets: what `validate` will say."""
    if scores.empty:
        return []
    flags = ds.with_scores(scores).flags  # the rows layered over the dataset, as a session upload is
    if flags.empty:
        return []
    keys = set(map(tuple, scores[SCORE_SET_KEY].astype(str).drop_duplicates().itertuples(index=False)))
    ours = [tuple(k) in keys for k in flags[SCORE_SET_KEY].astype(str).itertuples(index=False)]
    mine = flags[pd.Series(ours, index=flags.index) & flags["check"].isin(CROSS_CHECKS)]
    return [
        {
            "kommunkod": str(f.kommunkod), "year": int(f.year), "instrument_version": str(f.instrument_version),
            "evaluation_kind": str(f.evaluation_kind), "level": str(f.level), "code": str(f.code),
            "key": str(f.key), "params": json.loads(f.params),
        }
        for f in mine.itertuples(index=False)
    ]


def total_note(flag: dict) -> str:
    """The note written on a total row that checks.py flags as disagreeing with its areas."""
    return f"areas sum to {_fmt(flag['params']['sum'])}, the report prints {_fmt(flag['params']['total'])}"
