"""`python -m kompass_data`: parse arguments, call the library, format the output.

Exit codes: 0 success, 1 invalid data, 2 wrong usage or a refused comparison. Data goes to
stdout, messages to stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import pandas as pd

from . import compare, messages
from .errors import DataValidationError, KompassError
from .export import FORMATS, ExportFilter, filter_scores, write_export
from .instruments import LEVELS, VERSIONS
from .schema import score_set_ids
from .store import DEFAULT_DATA_DIR, add_scores, build_parquet, load_dataset

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _lang(args) -> str:
    wanted = getattr(args, "lang", None) or os.environ.get("KOMPASS_LANG", "")
    return wanted if wanted in messages.LANGUAGES else messages.DEFAULT_LANGUAGE


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _clean(value):
    """JSON-safe: NaN becomes null, numpy scalars become Python numbers."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _emit(frame: pd.DataFrame, fmt: str, payload: dict | None = None) -> None:
    if fmt == "json":
        print(json.dumps(_clean(payload), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False, lineterminator="\n"))
    else:
        print(frame.to_string(index=False, na_rep="–", float_format=lambda x: f"{x:.1f}"))


def cmd_info(args) -> int:
    """Counts per version and level; municipalities covered."""
    ds = load_dataset(args.data_dir)
    sets = ds.score_sets
    rows = []
    for version in ds.registry.versions:
        counts = ds.version(version).overview()
        rows.append(
            {
                "version": version,
                **{k: counts[k] for k in ("score_sets", "full", "self", "municipalities")},
                "years": f"{counts['first_year']}–{counts['last_year']}" if counts["score_sets"] else "–",
                **{f"rows_{lvl}": counts[f"rows_{lvl}"] for lvl in LEVELS},
            }
        )
    table = pd.DataFrame(rows)
    payload = {
        "versions": rows,
        "municipalities_covered": int(sets["kommunkod"].nunique()),
        "municipalities_total": int(len(ds.municipalities)),
        "score_sets": int(len(sets)),
        "reference_profiles": int(len(ds.reference_profiles)),
        "evaluations_known": int(len(ds.evaluations_known)),
        "flags": int(len(ds.flags)),
    }
    _emit(table, args.format, payload)
    if args.format == "table":
        _say(
            f"{payload['municipalities_covered']} / {payload['municipalities_total']} kommuner har poäng; "
            f"{payload['score_sets']} poänguppsättningar; {payload['flags']} flaggor."
            if _lang(args) == "sv" else
            f"{payload['municipalities_covered']} / {payload['municipalities_total']} municipalities have scores; "
            f"{payload['score_sets']} score sets; {payload['flags']} flags."
        )
    return EXIT_OK


def _print_flags(flags: pd.DataFrame, lang: str) -> None:
    col = f"message_{lang}" if f"message_{lang}" in flags else "message_sv"
    for row in flags.itertuples(index=False):
        d = row._asdict()
        _say(f"FLAG {d['municipality']} {d['year']} ({d['instrument_version']}, {d['evaluation_kind']}) "
             f"{d['level']} {d['code']}: {d[col]}")


def cmd_validate(args) -> int:
    """Validate the dataset, or a candidate CSV/XLSX against it; flags are printed, errors exit 1."""
    lang = _lang(args)
    ds = load_dataset(args.data_dir)
    if args.file:
        from .tables import read_table
        from .validate import validate_scores

        candidate = validate_scores(read_table(args.file), ds.municipalities, ds.instrument_items, Path(args.file).name)
        merged = ds.with_scores(candidate)
        keys = {tuple(map(str, k)) for k in merged.session_keys}
        own = merged.flags[score_set_ids(merged.flags).isin({":".join(k) for k in keys})]
        _print_flags(own, lang)
        n_sets = len(keys)
        _say(f"OK: {args.file}: {len(candidate)} rader, {n_sets} poänguppsättningar, {len(own)} flaggor."
             if lang == "sv" else f"OK: {args.file}: {len(candidate)} rows, {n_sets} score sets, {len(own)} flags.")
        return EXIT_OK
    from .schema import municipalities_schema, scores_schema

    problems = []
    for name, schema, frame in (("scores.csv", scores_schema(), ds.scores),
                                ("municipalities.csv", municipalities_schema(), ds.municipalities)):
        try:
            schema.validate(frame, lazy=True)
        except Exception as exc:  # pandera's SchemaErrors: report its cases, exit 1
            cases = getattr(exc, "failure_cases", None)
            detail = cases.to_string() if cases is not None else str(exc)
            problems.append(f"{name}: {detail}")
    # The shipped rows must also pass the same checks as a new file would.
    from .validate import validate_scores

    raw = pd.read_csv(ds.data_dir / "scores.csv", dtype=str, keep_default_na=False)
    raw.index = raw.index + 2
    try:
        validate_scores(raw, ds.municipalities, ds.instrument_items, "scores.csv")
    except DataValidationError as exc:
        problems.append(exc.report(lang))
    _print_flags(ds.flags, lang)
    if problems:
        for p in problems:
            _say(p)
        return EXIT_INVALID
    _say(f"OK: {len(ds.scores)} rader, {len(ds.score_sets)} poänguppsättningar, {len(ds.flags)} flaggor."
         if lang == "sv" else f"OK: {len(ds.scores)} rows, {len(ds.score_sets)} score sets, {len(ds.flags)} flags.")
    return EXIT_OK


def _peer_filter(ds, args) -> compare.PeerFilter:
    return compare.PeerFilter(
        lan=compare.resolve_lan(ds, args.lan),
        kommungrupp=args.kommungrupp.upper() if args.kommungrupp else None,
        include_self=args.include_self,
        year_from=args.year_from,
        year_to=args.year_to,
    )


def cmd_peers(args) -> int:
    """A score set beside its peer statistics (same version only)."""
    ds = load_dataset(args.data_dir)
    ref = compare.parse_score_set(ds, args.score_set)
    result = compare.peer_comparison(ds, ref, _peer_filter(ds, args), _lang(args))
    table = result.table
    records = table.to_dict("records")
    refs = result.references
    payload = {
        "kommun": ref.municipality,
        "kommunkod": ref.kommunkod,
        "year": ref.year,
        "version": result.version,
        "evaluation_kind": ref.evaluation_kind,
        "peer_filter": {k: v for k, v in vars(result.peer_filter).items()},
        "peers": [
            {"kommunkod": k, "municipality": m, "year": int(y), "evaluation_kind": str(e)}
            | {"used_for": u.split(", ")}
            for k, m, y, e, u in result.peers[["kommunkod", "municipality", "year", "evaluation_kind", "used_for"]]
            .itertuples(index=False)
        ],
        "areas": [r for r in records if r["code"] != "total"],
        "total": next(r for r in records if r["code"] == "total"),
        "references": [
            {c: (str(v) if c in ("instrument_version", "level") else v) for c, v in r.items()}
            for r in refs[["instrument_version", "year", "statistic", "population", "level", "code", "score", "source"]].to_dict("records")
        ],
        "flags": ds.flags[score_set_ids(ds.flags) == ref.id][["level", "code", "check", f"message_{_lang(args)}"]].to_dict("records"),
    }
    _emit(table, args.format, payload)
    if args.format == "table":
        _say(("Kamrater: " if _lang(args) == "sv" else "Peers: ")
             + (", ".join(p["municipality"] + " " + str(p["year"]) for p in payload["peers"])
               or ("inga som matchar filtren" if _lang(args) == "sv" else "none match the filters")))
    return EXIT_OK


def cmd_compare(args) -> int:
    """Score sets side by side; refused (exit 2) across versions."""
    ds = load_dataset(args.data_dir)
    refs = [compare.parse_score_set(ds, text) for text in args.score_sets]
    lang = _lang(args)
    table = compare.compare_score_sets(ds, refs, lang)
    payload = {
        "version": refs[0].instrument_version,
        "score_sets": [{"id": r.id, "label": r.display(lang), "kommunkod": r.kommunkod, "year": r.year,
                        "evaluation_kind": r.evaluation_kind} for r in refs],
        "items": [{"code": row["code"], "label": row["label"],
                   "scores": {r.display(lang): row[r.display(lang)] for r in refs}}
                  for row in table.to_dict("records")],
    }
    _emit(table, args.format, payload)
    return EXIT_OK


def cmd_trend(args) -> int:
    """A municipality's scores over time, one segment per version."""
    ds = load_dataset(args.data_dir)
    code = compare.resolve_municipality(ds, args.kommun)
    table = compare.trend(ds, code)
    segments = compare.trend_segments(table)
    payload = {"kommun": ds.municipality_names[code], "kommunkod": code, "segments": segments}
    cols = ["instrument_version", "segment", "year", "evaluation_kind", "total", "total_change", *compare.AREA_CODES]
    _emit(table[cols], args.format, payload)
    return EXIT_OK


def cmd_add(args) -> int:
    """Add score sets from a CSV/XLSX: all or nothing."""
    lang = _lang(args)
    result = add_scores(args.file, args.data_dir, replace_existing=args.replace)
    names = result.names
    from .store import score_set_label

    for key in result.added:
        _say(("Tillagd: " if lang == "sv" else "Added: ") + score_set_label(key, names))
    for key in result.replaced:
        _say(("Ersatt: " if lang == "sv" else "Replaced: ") + score_set_label(key, names))
    _say((f"{result.rows} rader skrivna; tidigare version sparad som {result.backup}" if lang == "sv"
          else f"{result.rows} rows written; previous version kept as {result.backup}"))
    return EXIT_OK


def cmd_export(args) -> int:
    """The filtered long table plus datapackage.json beside it."""
    ds = load_dataset(args.data_dir)
    flt = ExportFilter(
        version=args.version, kommuner=tuple(args.kommun or ()), lan=args.lan,
        kommungrupp=args.kommungrupp.upper() if args.kommungrupp else None,
        level=args.level, kind=args.kind, year_from=args.year_from, year_to=args.year_to,
    )
    table = filter_scores(ds, flt, lang="en")
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if Path(args.output).suffix else "csv")
    if fmt not in FORMATS:
        _say(f"--format: {fmt}? ({', '.join(FORMATS)})")
        return EXIT_USAGE
    path, codebook = write_export(table, args.output, fmt, flt, data_dir=args.data_dir)
    _say(f"{len(table)} rader -> {path}; kodbok: {codebook}" if _lang(args) == "sv"
         else f"{len(table)} rows -> {path}; codebook: {codebook}")
    return EXIT_OK


def cmd_build(args) -> int:
    """Rebuild the typed Parquet files from the CSVs."""
    for path in build_parquet(args.data_dir):
        _say(str(path))
    return EXIT_OK


def cmd_ingest(args) -> int:
    """Read a report (PDF or text) into score sets in the canonical columns."""
    from .ingest import ingest_file

    lang = _lang(args)
    result = ingest_file(args.file, kommun=args.kommun, year=args.year, version=args.version, data_dir=args.data_dir)
    _say(result.summary(lang))
    if args.output:
        result.to_csv(args.output)
        _say(f"-> {args.output}")
    else:
        sys.stdout.write(result.csv_text())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="dataset folder (default: the shipped datasets/)")
    common.add_argument("--lang", choices=messages.LANGUAGES, default=None,
                        help="language of messages: sv (default) or en; also KOMPASS_LANG")
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    peer = argparse.ArgumentParser(add_help=False)
    peer.add_argument("--lan", help="county code or name (e.g. 24 or 'Västerbottens län')")
    peer.add_argument("--kommungrupp", help="SKR municipality group 2017 (A1 … C9)")
    peer.add_argument("--include-self", action="store_true", help="count self-assessments as peers")
    peer.add_argument("--year-from", type=int, help="peers evaluated in or after this year")
    peer.add_argument("--year-to", type=int, help="peers evaluated in or before this year")

    parser = argparse.ArgumentParser(
        prog="python -m kompass_data",
        description="Kommunkompassen scores: validate, compare within one instrument version, export.",
        epilog="KOMMUN is a name (any case, with or without å/ä/ö) or a 4-digit code; KOMMUN:YEAR picks a "
               "score set, e.g. Norsjö:2018 (add :VERSION[:KIND] if a year has several).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("info", parents=[common, fmt], help="counts per version and level")
    p.set_defaults(func=cmd_info)
    p = sub.add_parser("validate", parents=[common], help="validate the dataset or a candidate CSV/XLSX")
    p.add_argument("file", nargs="?", help="candidate file (default: the dataset itself)")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("peers", parents=[common, fmt, peer], help="a score set beside its peer statistics")
    p.add_argument("score_set", metavar="KOMMUN:YEAR")
    p.set_defaults(func=cmd_peers)
    p = sub.add_parser("compare", parents=[common, fmt], help="score sets side by side (one version only)")
    p.add_argument("score_sets", metavar="KOMMUN:YEAR", nargs="+")
    p.set_defaults(func=cmd_compare)
    p = sub.add_parser("trend", parents=[common, fmt], help="a municipality over time, one segment per version")
    p.add_argument("kommun", metavar="KOMMUN")
    p.set_defaults(func=cmd_trend)
    p = sub.add_parser("add", parents=[common], help="add score sets from a CSV/XLSX (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true", help="replace score sets that exist")
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("export", parents=[common], help="filtered long table + datapackage.json codebook")
    p.add_argument("--version", choices=VERSIONS)
    p.add_argument("--kommun", action="append", metavar="KOMMUN", help="repeatable")
    p.add_argument("--lan")
    p.add_argument("--kommungrupp")
    p.add_argument("--level", choices=LEVELS)
    p.add_argument("--kind", choices=("full", "self"))
    p.add_argument("--year-from", type=int)
    p.add_argument("--year-to", type=int)
    p.add_argument("--format", choices=FORMATS, help="default: from the file name, else csv")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("build", parents=[common], help="rebuild the Parquet files from the CSVs")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("ingest", parents=[common], help="read a report (PDF or text) into score sets")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.csv")
    p.add_argument("--kommun")
    p.add_argument("--year", type=int)
    p.add_argument("--version", choices=VERSIONS)
    p.set_defaults(func=cmd_ingest)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; every error becomes a message on stderr and an exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = _lang(args)
    try:
        return args.func(args)
    except DataValidationError as exc:
        _say(exc.report(lang))
        if args.command == "add":
            _say(messages.t("error.nothing_written", lang))
        return EXIT_INVALID
    except KompassError as exc:
        _say(exc.message(lang))
        return exc.exit_code
    except BrokenPipeError:  # `… | head`: the reader has what it wanted
        sys.stderr.close()
        return EXIT_OK
    except (OSError, ValueError) as exc:
        _say(f"{type(exc).__name__}: {exc}")
        return EXIT_INVALID
