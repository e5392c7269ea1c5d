"""`python -m kompass_data`: parse arguments, call the library, format the output.

Exit codes: 0 success, 1 invalid data, 2 wrong usage or a refused comparison. Data goes to
stdout, messages to stderr.
"""

from __future__ import annotations

import argparse
import errno
import json
import math
import os
import re
import sys
import warnings
from functools import partial
from pathlib import Path

import pandas as pd

from . import compare, formats, imports, messages
from .checks import flag_message
from .errors import DataNotice, DataValidationError, KompassError
from .errors import UsageError as KompassUsageError
from .export import FORMATS, ExportFilter, filter_scores, write_export
from .instruments import LEVELS, VERSIONS
from .peers import DEFAULT_K, DEFAULT_KOMMUNGRUPP_YEAR, GROUPS, KOMMUNGRUPP_YEARS, PeerGroup
from .schema import score_set_ids
from .store import DEFAULT_DATA_DIR, build_parquet, check_output_target, load_dataset, scores_to_csv_text
from .tables import clean_text

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _lang(args) -> str:
    wanted = getattr(args, "lang", None) or os.environ.get("KOMPASS_LANG", "")
    return wanted if wanted in messages.LANGUAGES else messages.DEFAULT_LANGUAGE


def _say(text: str) -> None:
    # Names and cells come from user files: no escape sequence of theirs reaches the terminal.
    print(clean_text(str(text)).replace("\r", ""), file=sys.stderr)


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


def _emit(frame: pd.DataFrame, fmt: str, payload: dict | None = None, lang: str = messages.DEFAULT_LANGUAGE) -> None:
    """JSON and CSV for machines (numbers as numbers, decimal point); the table for people, in lang (61,3 / 61.3)."""
    if fmt == "json":
        print(json.dumps(_clean(payload), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False, lineterminator="\n"))
    else:
        print(frame.to_string(index=False, na_rep=formats.MISSING,
                              float_format=lambda x: formats.number(x, lang, digits=1, fixed=True)))


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
    lang = _lang(args)
    _emit(table, args.format, payload, lang)
    if args.format == "table":
        _say(messages.t("cli.out.info", lang, covered=payload["municipalities_covered"],
                        total=payload["municipalities_total"],
                        score_sets=messages.tn("count.score_sets", payload["score_sets"], lang),
                        flags=messages.tn("count.flags", payload["flags"], lang)))
    return EXIT_OK


def _print_flags(flags: pd.DataFrame, lang: str) -> None:
    for row in flags.itertuples(index=False):
        d = row._asdict()
        where = f"{d['municipality']} {d['year']} ({d['instrument_version']}, {d['evaluation_kind']}) {d['level']} {d['code']}"
        _say(messages.t("cli.out.flag", lang, where=where, message=flag_message(d["key"], d["params"], lang)))


def cmd_validate(args) -> int:
    """Validate the dataset, or a candidate CSV/XLSX against it; flags are printed, errors exit 1."""
    lang = _lang(args)
    ds = load_dataset(args.data_dir)
    if args.file:
        from .tables import read_table
        from .validate import validate_scores

        table = read_table(args.file)
        for key, params in table.attrs.get("notices", []):
            _say(messages.t(key, lang, **params))
        candidate = validate_scores(table, ds.municipalities, ds.instrument_items, Path(args.file).name)
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
        if len(raw):  # an empty dataset is valid: it is waiting to be filled with `add`
            validate_scores(raw, ds.municipalities, ds.instrument_items, "scores.csv")
    except DataValidationError as exc:
        problems.append(exc.report(lang))
    from .findings import FINDINGS_CSV, dataset_findings_problems

    finding_problems = dataset_findings_problems(ds)
    if finding_problems:
        problems.append(DataValidationError(FINDINGS_CSV, finding_problems).report(lang))
    _print_flags(ds.flags, lang)
    if problems:
        for p in problems:
            _say(p)
        return EXIT_INVALID
    _say(f"OK: {len(ds.scores)} rader, {len(ds.score_sets)} poänguppsättningar, {len(ds.flags)} flaggor."
         if lang == "sv" else f"OK: {len(ds.scores)} rows, {len(ds.score_sets)} score sets, {len(ds.flags)} flags.")
    return EXIT_OK


def _kommungrupp(ds, text: str | None) -> str | None:
    """An SKR municipality group code (A1 … C9) as the reference table has it, or UsageError listing them."""
    if not text:
        return None
    valid = sorted(ds.municipalities["kommungrupp_2017_code"].dropna().astype(str).unique())
    code = text.strip().upper()
    if code not in valid:
        raise KompassUsageError("error.unknown_kommungrupp", text=text, valid=", ".join(valid))
    return code


def _peer_filter(ds, args) -> compare.PeerFilter:
    return compare.PeerFilter(
        lan=compare.resolve_lan(ds, args.lan),
        kommungrupp=_kommungrupp(ds, args.kommungrupp),
        include_self=args.include_self,
        year_from=args.year_from,
        year_to=args.year_to,
    )


def cmd_peers(args) -> int:
    """A score set beside its peer statistics (same version only)."""
    lang = _lang(args)
    ds = load_dataset(args.data_dir)
    ref = compare.parse_score_set(ds, args.score_set)
    group = PeerGroup(args.group, k=args.k, kommungrupp_year=args.kommungrupp_year)
    result = compare.peer_comparison(ds, ref, _peer_filter(ds, args), lang, group)
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
        "group": result.group.as_dict(_lang(args)),
        "peers": [
            {"kommunkod": k, "municipality": m, "year": int(y), "kind": str(e), "evaluation_kind": str(e)}
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
        "flags": [
            {"level": f["level"], "code": f["code"], "check": f["check"], "key": f["key"],
             "params": json.loads(f["params"]), "message": flag_message(f["key"], f["params"], lang)}
            for f in ds.flags[score_set_ids(ds.flags) == ref.id].to_dict("records")
        ],
    }
    # The table keeps its columns for people; thin and peer_names travel in csv and json.
    _emit(table.drop(columns=["thin", "peer_names"]) if args.format == "table" else table, args.format, payload, lang)
    if args.format == "table":
        peers = ", ".join(p["municipality"] + " " + str(p["year"]) for p in payload["peers"])
        _say(messages.t("cli.out.peers", lang, peers=peers or messages.t("cli.out.no_peers", lang)))
        _say(f"{result.group.title(lang)}: {result.group.definition(lang)}")
        if result.empty and result.group.wider:
            _say(messages.t("peers.empty", lang, group=result.group.title(lang), version=result.version,
                            wider=messages.t(f"peers.group.{result.group.wider}", lang)))
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
    _emit(table, args.format, payload, lang)
    return EXIT_OK


def cmd_trend(args) -> int:
    """A municipality's scores over time, one segment per version."""
    ds = load_dataset(args.data_dir)
    code = compare.resolve_municipality(ds, args.kommun)
    lang = _lang(args)
    table = compare.trend(ds, code, lang=lang)
    segments = compare.trend_segments(table, lang)
    payload = {"kommun": ds.municipality_names[code], "kommunkod": code, "segments": segments}
    if table.empty:
        _say(messages.t("ui.noscores.title", lang, name=ds.municipality_names[code]))
    table = table.assign(
        position=[None if pd.isna(r) else messages.t("trend.position", lang, rank=int(r), n=int(n), version=v)
                  for r, n, v in zip(table["position_rank"], table["position_n"], table["instrument_version"].astype(str))],
        change_note=[messages.t(k, lang) if k else "" for k in table["change_note"]],
        flags=["; ".join(f) for f in table["flags"]],
    )
    cols = ["instrument_version", "segment", "year", "evaluation_kind", "total", "total_change", "change_note",
            "position", "flags", *compare.AREA_CODES]
    _emit(table[cols], args.format, payload, lang)
    return EXIT_OK


def cmd_add(args) -> int:
    """Add score sets from a table (CSV/XLSX) or a report (PDF/text): all or nothing."""
    lang = _lang(args)
    result = imports.add_scores(args.file, args.data_dir, replace_existing=args.replace)
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
        _say(messages.t("cli.out.bad_format", _lang(args), format=fmt, formats=", ".join(FORMATS)))
        return EXIT_USAGE
    path, codebook = write_export(table, args.output, fmt, flt, data_dir=args.data_dir)
    lang = _lang(args)
    _say(messages.t("cli.out.export", lang, rows=messages.tn("count.rows", len(table), lang), path=path, codebook=codebook))
    return EXIT_OK


def cmd_report(args) -> int:
    """The benchmark report of one score set: one self-contained, printable HTML file."""
    from .report import render_report, write_report

    ds = load_dataset(args.data_dir)
    ref = compare.parse_score_set(ds, args.score_set)
    group = PeerGroup(args.group, k=args.k, kommungrupp_year=args.kommungrupp_year)
    html_text = render_report(ds, ref, _peer_filter(ds, args), _lang(args), group=group)
    path = write_report(html_text, args.output, data_dir=args.data_dir)
    _say(f"{messages.t('report.written', _lang(args), path=str(path), kb=len(html_text.encode('utf-8')) // 1024)}")
    return EXIT_OK


def cmd_outcomes(args) -> int:
    """One point per SKR evaluation of a version: the score beside a Kolada KPI, with Spearman's rho."""
    from .export import sanitise
    from .outcomes import MIN_N_SPEARMAN, POINT_COLUMNS, outcome_points

    lang = _lang(args)
    ds = load_dataset(args.data_dir)
    result = outcome_points(ds, args.version, args.area, args.kpi)
    table = sanitise(result.points[POINT_COLUMNS])
    if args.format == "csv":
        sys.stdout.write(table.to_csv(index=False, lineterminator="\n", float_format="%.10g"))
    else:
        _emit(table, args.format, result.as_dict(), lang)
    rho = "–" if result.spearman is None else formats.number(result.spearman, lang, digits=3, fixed=True)
    key = "cli.out.outcomes_few" if result.n < MIN_N_SPEARMAN else "cli.out.outcomes"
    _say(messages.t(key, lang, version=result.version, item=result.item, kpi=result.kpi, n=result.n, rho=rho,
                    min=MIN_N_SPEARMAN))
    return EXIT_OK


def cmd_build(args) -> int:
    """Rebuild the typed Parquet files from the CSVs."""
    for path in build_parquet(args.data_dir):
        _say(str(path))
    return EXIT_OK


def cmd_ingest(args) -> int:
    """Read a report (PDF or text) into validated score sets in the canonical columns."""
    lang = _lang(args)
    if args.output:
        check_output_target(Path(args.output), args.data_dir, "ingest")  # before reading: fail fast
    ds = load_dataset(args.data_dir)
    staged = imports.stage_file(args.file, ds, kind=imports.REPORT, kommun=args.kommun, year=args.year,
                                version=args.version)
    staged.raise_for_problems()
    _say(staged.summary(lang))
    if args.output:
        imports.write_csv(staged, args.output, args.data_dir)
        _say(f"-> {args.output}")
    else:
        sys.stdout.write(scores_to_csv_text(staged.scores))
    if args.findings:
        _write_findings(args, staged, lang)
    return EXIT_OK


def _write_findings(args, staged, lang: str) -> None:
    """Findings of the report's own evaluation to args.findings (a header only when the report has none)."""
    from .findings import findings_csv_text
    from .ingest.findings import extract_findings, findings_text_of, main_score_set
    from .ingest.reader import read_bytes
    from .store import _atomic_write

    name = Path(args.file).name
    score_set = main_score_set(staged.scores)
    rows = []
    if score_set is not None:
        ds = load_dataset(args.data_dir)
        try:
            text = findings_text_of(read_bytes(args.file), name)
            rows = extract_findings(text, score_set, ds.municipality_names, source=f"ingested from {name}")
        except (RecursionError, ValueError, TypeError, IndexError, KeyError):  # odd text: no findings, never a traceback
            rows = []
    target = Path(args.findings)
    check_output_target(target, args.data_dir, "ingest")
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = findings_csv_text(rows).encode("utf-8")
    _atomic_write(target, lambda fh: fh.write(payload))
    if not rows:
        _say(messages.t("ingest.findings.none", lang, file=name, out=str(target)))
        return
    counts = {k: sum(r["kind"] == k for r in rows) for k in ("strength", "improvement", "high_scorer", "example")}
    label = f"{score_set['municipality']} {score_set['year']} ({score_set['instrument_version']})"
    _say(messages.t("ingest.findings.summary", lang, score_set=label, areas=len({r["area_code"] for r in rows}), **counts))
    undecided = sum(bool(r["note"]) for r in rows)
    if undecided:
        _say(messages.t("ingest.findings.undecided", lang, n=undecided))
    _say(f"-> {target}")


def cmd_findings(args) -> int:
    """Search the findings: free text (folded, a few sv/en synonyms), area, municipality, kind, version."""
    from .findings import FindingFilter, search_findings

    lang = _lang(args)
    ds = load_dataset(args.data_dir)
    kommunkod = compare.resolve_municipality(ds, args.kommun) if args.kommun else None
    found = search_findings(ds.findings, FindingFilter(
        text=args.search or "", area=args.area, kind=tuple(args.kind) if args.kind else None,
        kommunkod=kommunkod, version=args.version, year=args.year,
    ))
    frame = found.astype({"instrument_version": str, "evaluation_kind": str}).reset_index(drop=True)
    if args.format == "table":
        view = frame[["municipality", "year", "area_code", "kind", "text"]].copy()
        view["text"] = view["text"].str.slice(0, 90)
        _emit(view, "table")
    else:
        _emit(frame, args.format, {"count": len(frame), "findings": frame.to_dict("records")})
    _say(messages.t("cli.findings.count" if len(frame) else "cli.findings.none", lang, n=len(frame)))
    return EXIT_OK


class _Formatter(argparse.HelpFormatter):
    """Help laid out by argparse, with its own words ('usage:') from the catalogue."""

    def __init__(self, prog: str, lang: str = messages.DEFAULT_LANGUAGE, **kwargs):
        super().__init__(prog, **kwargs)
        self._lang = lang

    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes prefix '' when it builds a sub-command's prog: only None means "the usage line".
        super().add_usage(usage, actions, groups, messages.t("cli.usage", self._lang) if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help and section titles are in one language of the catalogue."""

    def __init__(self, *args, lang: str = messages.DEFAULT_LANGUAGE, add_help: bool = True, parents=(), **kwargs):
        super().__init__(*args, add_help=False, formatter_class=partial(_Formatter, lang=lang), **kwargs)
        self._lang = lang
        self._positionals.title = messages.t("cli.section.positionals", lang)
        self._optionals.title = messages.t("cli.section.options", lang)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=messages.t("cli.help.help", lang))
        for parent in parents:  # after -h, which argparse lists first
            self._add_container_actions(parent)
            self.set_defaults(**parent._defaults)

    def error(self, message: str):
        """Usage and the problem on stderr in the parser's language, exit 2."""
        self.print_usage(sys.stderr)
        message = _argparse_message(message, self._lang)
        self.exit(EXIT_USAGE, messages.t("cli.error.usage", self._lang, prog=self.prog, message=message) + "\n")


# argparse's own error sentences (Python 3.11), matched so that they can be said in the catalogue's words.
_ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<args>.+)"), "cli.argparse.required"),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), "cli.argparse.unrecognized"),
    (re.compile(r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
     "cli.argparse.invalid_choice"),
    (re.compile(r"argument (?P<arg>\S+): invalid (?P<type>\w+) value: (?P<value>.+)"), "cli.argparse.invalid_value"),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), "cli.argparse.expected_one"),
)


def _argparse_message(message: str, lang: str) -> str:
    """argparse's error sentence in lang where the catalogue has it; otherwise as argparse said it."""
    for pattern, key in _ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return messages.t(key, lang, **match.groupdict())
    return message


def language_of(argv: list[str] | None) -> str:
    """The language asked for by --lang in argv, else KOMPASS_LANG, else Swedish: known before parsing,
    so that --help itself is in that language."""
    argv = sys.argv[1:] if argv is None else argv
    wanted = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            wanted = argv[i + 1]
        elif arg.startswith("--lang="):
            wanted = arg.split("=", 1)[1]
    wanted = wanted or os.environ.get("KOMPASS_LANG", "")
    return wanted if wanted in messages.LANGUAGES else messages.DEFAULT_LANGUAGE


def build_parser(lang: str = messages.DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The argument parser of every command, its help in lang."""

    def h(key: str, **params) -> str:
        return messages.t(f"cli.{key}", lang, **params)

    def parser(**kwargs) -> _Parser:
        return _Parser(lang=lang, **kwargs)

    common = parser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, metavar=h("metavar.dir"),
                        help=h("opt.data_dir"))
    common.add_argument("--lang", choices=messages.LANGUAGES, default=None, help=h("opt.lang"))
    fmt = parser(add_help=False)
    fmt.add_argument("--format", choices=("table", "csv", "json"), default="table", help=h("opt.format"))
    peer = parser(add_help=False)
    peer.add_argument("--lan", help=h("opt.lan"))
    peer.add_argument("--kommungrupp", help=h("opt.kommungrupp"))
    peer.add_argument("--include-self", action="store_true", help=h("opt.include_self"))
    peer.add_argument("--year-from", type=int, metavar=h("metavar.year"), help=h("opt.peer_year_from"))
    peer.add_argument("--year-to", type=int, metavar=h("metavar.year"), help=h("opt.peer_year_to"))
    peer.add_argument("--group", choices=GROUPS, default="version", help=h("opt.group"))
    peer.add_argument("--k", type=int, default=DEFAULT_K, metavar="N", help=h("opt.k"))
    peer.add_argument("--kommungrupp-year", choices=KOMMUNGRUPP_YEARS, default=DEFAULT_KOMMUNGRUPP_YEAR,
                      help=h("opt.kommungrupp_year"))

    root = parser(prog="python -m kompass_data", description=h("description"), epilog=h("epilog"))
    sub = root.add_subparsers(dest="command", required=True, metavar=h("metavar.command"), title=h("section.commands"))

    def command(name: str, parents: list, func) -> _Parser:
        p = sub.add_parser(name, parents=parents, help=h(f"cmd.{name}"), description=h(f"cmd.{name}.description"),
                           epilog=h("epilog"), lang=lang)
        p.set_defaults(func=func)
        return p

    command("info", [common, fmt], cmd_info)
    p = command("validate", [common], cmd_validate)
    p.add_argument("file", nargs="?", metavar=h("metavar.file"), help=h("arg.validate_file"))
    p = command("peers", [common, fmt, peer], cmd_peers)
    p.add_argument("score_set", metavar=h("metavar.score_set"), help=h("arg.score_set"))
    p = command("compare", [common, fmt], cmd_compare)
    p.add_argument("score_sets", metavar=h("metavar.score_set"), nargs="+", help=h("arg.score_sets"))
    p = command("trend", [common, fmt], cmd_trend)
    p.add_argument("kommun", metavar=h("metavar.kommun"), help=h("arg.kommun"))
    p = command("add", [common], cmd_add)
    p.add_argument("file", metavar=h("metavar.file"), help=h("arg.add_file"))
    p.add_argument("--replace", action="store_true", help=h("opt.replace"))
    p = command("export", [common], cmd_export)
    p.add_argument("--version", choices=VERSIONS, help=h("opt.export_version"))
    p.add_argument("--kommun", action="append", metavar=h("metavar.kommun"), help=h("opt.export_kommun"))
    p.add_argument("--lan", help=h("opt.lan"))
    p.add_argument("--kommungrupp", help=h("opt.kommungrupp"))
    p.add_argument("--level", choices=LEVELS, help=h("opt.level"))
    p.add_argument("--kind", choices=("full", "self"), help=h("opt.kind"))
    p.add_argument("--year-from", type=int, metavar=h("metavar.year"), help=h("opt.year_from"))
    p.add_argument("--year-to", type=int, metavar=h("metavar.year"), help=h("opt.year_to"))
    p.add_argument("--format", choices=FORMATS, help=h("opt.export_format"))
    p.add_argument("-o", "--output", required=True, metavar=h("metavar.file"), help=h("opt.export_output"))
    p = command("report", [common, peer], cmd_report)
    p.add_argument("score_set", metavar=h("metavar.score_set"), help=h("arg.score_set"))
    p.add_argument("-o", "--output", required=True, metavar=h("metavar.out_html"), help=h("opt.report_output"))
    p = command("outcomes", [common, fmt], cmd_outcomes)
    p.add_argument("--version", required=True, choices=VERSIONS, help=h("opt.outcomes_version"))
    p.add_argument("--area", required=True, metavar="N|total", help=h("opt.outcomes_area"))
    p.add_argument("--kpi", required=True, metavar="ID", help=h("opt.outcomes_kpi"))
    command("build", [common], cmd_build)
    p = command("ingest", [common], cmd_ingest)
    p.add_argument("file", metavar=h("metavar.file"), help=h("arg.report_file"))
    p.add_argument("-o", "--output", metavar=h("metavar.out_csv"), help=h("opt.ingest_output"))
    p.add_argument("--kommun", metavar=h("metavar.kommun"), help=h("opt.ingest_kommun"))
    p.add_argument("--year", type=int, metavar=h("metavar.year"), help=h("opt.ingest_year"))
    p.add_argument("--version", choices=VERSIONS, help=h("opt.ingest_version"))
    p.add_argument("--findings", metavar=h("metavar.findings_csv"), help=h("opt.ingest_findings"))
    p = command("findings", [common, fmt], cmd_findings)
    p.add_argument("--search", metavar=h("metavar.text"), help=h("opt.findings_search"))
    p.add_argument("--area", choices=[str(n) for n in range(1, 9)], help=h("opt.findings_area"))
    p.add_argument("--kommun", metavar=h("metavar.kommun"), help=h("opt.findings_kommun"))
    p.add_argument("--kind", action="append", choices=("strength", "improvement", "high_scorer", "example"),
                   help=h("opt.findings_kind"))
    p.add_argument("--version", choices=VERSIONS, help=h("opt.findings_version"))
    p.add_argument("--year", type=int, metavar=h("metavar.year"), help=h("opt.findings_year"))
    return root


def main(argv: list[str] | None = None) -> int:
    """Run one command; every error becomes a message on stderr and an exit code."""
    parser = build_parser(language_of(argv))
    args = parser.parse_args(argv)
    lang = _lang(args)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", DataNotice)
            warnings.showwarning = _show_notice(lang, warnings.showwarning)
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
    except OSError as exc:
        _say(_os_error_message(exc, lang))
        return EXIT_INVALID
    except ValueError as exc:
        _say(f"{type(exc).__name__}: {exc}")
        return EXIT_INVALID


def _show_notice(lang: str, fallback):
    """warnings.showwarning that prints the data layer's notices (a damaged cache, …) in the user's language."""

    def show(message, category, *rest, **kw):
        if isinstance(message, DataNotice):
            _say(message.message(lang))
        else:
            fallback(message, category, *rest, **kw)

    return show


def _os_error_message(exc: OSError, lang: str) -> str:
    """A read-only folder, a full disk or another system error, naming the path and what to do."""
    path = exc.filename or "?"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return messages.t("error.os_readonly", lang, path=path)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return messages.t("error.os_disk_full", lang, path=path)
    return messages.t("error.os_other", lang, path=path, reason=exc.strerror or type(exc).__name__)
