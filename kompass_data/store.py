"""Reading and writing datasets/: typed tables from Parquet (or CSV when stale), atomic locked adds."""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import fcntl
import hashlib
import io
import json
import os
import shutil
import tempfile
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import checks
from .errors import DataNotice, DataValidationError, KompassError, Problem, UsageError
from .instruments import Registry
from .schema import (
    CANONICAL_COLUMNS, OPTIONAL_TABLES, EAGER_TABLES, REQUIRED_TABLES, SCORE_COLUMNS, SCORE_SET_KEY, TABLES, TEXT, apply_types,
    dataset_package, score_set_ids,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "datasets"
PARQUET_DIR = "parquet"
BACKUP_DIR = "backups"
META_KEY = b"kompass"


@dataclass(frozen=True)
class Dataset:
    """Every shipped table, typed, plus what is derived once: flags and one row per score set."""

    scores: pd.DataFrame
    reference_profiles: pd.DataFrame
    instrument_items: pd.DataFrame
    area_aliases: pd.DataFrame
    instrument_versions: pd.DataFrame
    municipalities: pd.DataFrame
    evaluations_known: pd.DataFrame
    findings: pd.DataFrame
    data_dir: Path
    session_keys: frozenset = frozenset()
    flags: pd.DataFrame = field(default=None)
    score_sets: pd.DataFrame = field(default=None)
    notices: tuple = ()  # DataNotice: what the user should know about this load (a damaged cache rebuilt)
    # Outcome tables, read on first use through optional_table() (most commands never need them).
    kolada_kpis: pd.DataFrame = field(default=None)
    kolada_values: pd.DataFrame = field(default=None)

    def __post_init__(self):
        if self.flags is None:
            object.__setattr__(self, "flags", checks.compute_flags(self))
        if self.score_sets is None:
            object.__setattr__(self, "score_sets", checks.score_set_table(self))

    def with_scores(self, extra: pd.DataFrame) -> "Dataset":
        """A new dataset with extra score sets layered over these (session data); replaces same keys."""
        keys = set(map(tuple, extra[SCORE_SET_KEY].astype(str).drop_duplicates().itertuples(index=False)))
        mine = score_set_ids(self.scores).isin({":".join(k) for k in keys})
        scores = pd.concat([self.scores[~mine], extra[CANONICAL_COLUMNS]], ignore_index=True)
        scores = apply_types(scores, SCORE_COLUMNS)
        return replace(self, scores=scores, session_keys=self.session_keys | frozenset(keys), flags=None, score_sets=None)

    @cached_property
    def registry(self) -> Registry:
        """The instrument as this dataset's tables describe it: versions, order, periods, areas, names."""
        return Registry.from_tables(self.instrument_versions, self.instrument_items)

    def version(self, version: str) -> "VersionView":
        """One version's score sets and every comparison among them (peers, ranking, distribution, compare)."""
        from .compare import VersionView

        if self.registry.get(version) is None:
            raise UsageError("error.unknown_version", value=str(version), versions=", ".join(self.registry.versions))
        # One view per version and dataset, so its tables (cached properties) are cut once, not per call.
        return self.derived(("version", str(version)), lambda: VersionView(self, str(version)))

    def derived(self, key: tuple, compute: Callable[[], object]):
        """compute() once per dataset and key: a dataset never changes once built, so neither does what follows from it.

        The result is shared (every session that sees this dataset gets the same object): treat it as
        read-only. The newest DERIVED_MAX keys are kept.
        """
        memo = self.__dict__.get("_derived")
        if memo is None:
            memo = self.__dict__.setdefault("_derived", _Derived())
        return memo.get(key, compute)

    @cached_property
    def municipality_names(self) -> dict[str, str]:
        """kommunkod -> name (built once per dataset: pages look names up hundreds of times per run)."""
        return dict(zip(self.municipalities["kommunkod"], self.municipalities["name"]))


DERIVED_MAX = 512  # per dataset: a profile costs a handful of keys (options, comparison, figures)


class _Derived:
    """A small thread-safe LRU map for Dataset.derived (sessions run in threads of one process)."""

    def __init__(self, size: int = DERIVED_MAX):
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: tuple, compute: Callable[[], object]):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()  # outside the lock: compute may itself ask for derived values
        with self._lock:
            value = self._items.setdefault(key, value)  # two threads racing keep one answer
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


def _sha256(path: Path) -> str:
    if not path.exists():
        return ""  # an optional table the folder does not have
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_csv_typed(path: Path, columns) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        raise DataValidationError(path.name, [Problem(1, c, "problem.missing_column", {"column": c}) for c in missing])
    try:
        return apply_types(raw, columns)
    except (ValueError, TypeError):
        # A hand edit broke a number: name the spreadsheet row and column, not pandas' position.
        raise DataValidationError(path.name, _untypable_cells(raw, columns)) from None


def _untypable_cells(raw: pd.DataFrame, columns) -> list[Problem]:
    """Every cell that cannot take its column's declared number type, located as in a spreadsheet."""
    problems = []
    for name, (dtype, _doc) in columns.items():
        if dtype == TEXT or isinstance(dtype, pd.CategoricalDtype):
            continue
        text = raw[name].astype(str).str.strip()
        bad = pd.to_numeric(text.replace("", pd.NA), errors="coerce").isna() & (text != "")
        if dtype in ("int16", "int8", "float64"):
            bad |= text == ""
        for index in raw.index[bad]:
            problems.append(Problem(int(index) + 2, name, "problem.bad_number", {"value": raw.at[index, name]}))
    return problems or [Problem(None, None, "problem.bad_number", {"value": "?"})]


# What a damaged, truncated or foreign cache file raises: the CSV is read instead.
_DAMAGED_CACHE = (pa.ArrowException, OSError, ValueError, KeyError, TypeError)


def _recorded_hash(parquet_path: Path, field_name: str) -> str | None:
    if not parquet_path.is_file():  # not there, or a folder or FIFO in its place: no cache
        return None
    meta = pq.read_schema(parquet_path).metadata or {}
    return json.loads(meta.get(META_KEY, b"{}")).get(field_name)


def _read_cache(parquet_path: Path, field_name: str, expected: str) -> pa.Table | None:
    """The Parquet cache file's table when the hash it records (field_name) is `expected`; None when absent or stale.

    One open for the check and the read (two opens cost ~1 ms per table, ten tables per load).
    """
    if not parquet_path.is_file():  # not there, or a folder or FIFO in its place: no cache
        return None
    with pq.ParquetFile(parquet_path) as parquet:
        meta = parquet.schema_arrow.metadata or {}
        if json.loads(meta.get(META_KEY, b"{}")).get(field_name) != expected:
            return None
        return parquet.read()


def _declared_dtypes(columns) -> dict:
    """Column -> pandas dtype object of a table's declared types."""
    return {c: pd.api.types.pandas_dtype(d) for c, (d, _doc) in columns.items()}


_DTYPES = {name: _declared_dtypes(columns) for name, (_csv, columns) in TABLES.items()}


def _typed_frame(table: pa.Table, dtypes: dict) -> pd.DataFrame:
    """A table we wrote, in pandas with its declared dtypes; the same frame as to_pandas() then astype(declared).

    Converted column by column into the declared types: pyarrow's to_pandas() rebuilds and validates
    every categorical's categories and reads the pandas metadata, a fixed cost per table that was a
    third of load_dataset.
    """
    if table.column_names != list(dtypes):  # not the layout we write: pyarrow converts, then the types are restated
        frame = table.to_pandas()
        differ = {c: d for c, d in dtypes.items() if frame[c].dtype != d}
        return frame.astype(differ) if differ else frame
    return pd.DataFrame({name: _typed_column(column, dtypes[name]) for name, column in zip(table.column_names, table.columns)})


def _typed_column(column: pa.ChunkedArray, dtype):
    """One Arrow column as a pandas array of dtype."""
    if isinstance(dtype, pd.CategoricalDtype):
        if not pa.types.is_dictionary(column.type):
            return column.to_pandas().astype(dtype)
        # Codes into the declared categories (a value outside them becomes missing, as astype makes it).
        array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        categories = dtype.categories
        lookup = np.array([categories.get_loc(v) if v in categories else -1 for v in array.dictionary.to_pylist()] + [-1],
                          dtype=np.int64)
        indices = array.indices.fill_null(-1) if array.null_count else array.indices
        return pd.Categorical.from_codes(lookup[indices.to_numpy()], dtype=dtype)
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):
        return dtype.__from_arrow__(column)
    values = column.to_numpy()
    return values if values.dtype == dtype else column.to_pandas().astype(dtype)


def empty_table(name: str) -> pd.DataFrame:
    """A table with its declared columns and types and no rows (an optional table the folder lacks)."""
    _csv, columns = TABLES[name]
    return apply_types(pd.DataFrame({c: pd.Series(dtype="string") for c in columns}), columns)


def _read_table(data_dir: Path, name: str, csv_hash: str | None, damaged: list[str]) -> pd.DataFrame:
    csv_name, columns = TABLES[name]
    if csv_hash is None:
        return empty_table(name)
    parquet_path = data_dir / PARQUET_DIR / f"{name}.parquet"
    try:
        table = _read_cache(parquet_path, "csv_sha256", csv_hash)
        if table is not None:
            # Parquet keeps categories, but not always their order: the declared dtypes are restated.
            return _typed_frame(table, _DTYPES[name])
    except _DAMAGED_CACHE:
        damaged.append(name)  # the CSV is the source of truth: read it, and rebuild the cache below
    return _read_csv_typed(data_dir / csv_name, columns)


def _table_hashes(data_dir: Path) -> dict[str, str]:
    """SHA-256 of each table's CSV that exists (optional tables may be absent)."""
    return {name: _sha256(data_dir / csv_name) for name, (csv_name, _c) in TABLES.items() if (data_dir / csv_name).is_file()}


_DERIVING_CODE = ("checks.py", "schema.py", "instruments.py", "names.py")


def _derived_key(hashes: dict[str, str]) -> str:
    """One hash of every input CSV and of the code that derives from them (flags store keys, not texts)."""
    here = Path(__file__).resolve().parent
    code = {name: _sha256(here / name) for name in _DERIVING_CODE}
    payload = {"data": hashes, "code": code}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


DERIVED = ("flags", "score_sets")


def load_dataset(data_dir: str | Path | None = None) -> Dataset:
    """The dataset in data_dir (default: the shipped datasets/), typed and checked."""
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    missing = [TABLES[n][0] for n in REQUIRED_TABLES if not (data_dir / TABLES[n][0]).is_file()]
    if missing:
        raise UsageError("error.data_dir", path=str(data_dir), missing=", ".join(missing))
    hashes = _table_hashes(data_dir)
    damaged: list[str] = []
    tables = {name: _read_table(data_dir, name, hashes.get(name), damaged) for name in EAGER_TABLES}
    key = _derived_key(hashes)
    derived = {}
    for name in DERIVED:
        path = data_dir / PARQUET_DIR / f"_{name}.parquet"
        try:
            table = _read_cache(path, "inputs_sha256", key)
            if table is not None:
                derived[name] = _derived_frame(table, tables["scores"])
        except _DAMAGED_CACHE:
            damaged.append(f"_{name}")  # computed again from the tables by Dataset
    ds = Dataset(**tables, data_dir=data_dir, **derived)
    if damaged:
        ds = replace(ds, notices=_rebuild_damaged(ds, damaged, key))
    return ds


def _rebuild_damaged(ds: Dataset, damaged: list[str], key: str) -> tuple:
    """Rewrite damaged cache files from what was just read from the CSVs; a notice for each, warned too."""
    notices = []
    for name in damaged:
        path = ds.data_dir / PARQUET_DIR / f"{name}.parquet"
        csv_name = TABLES[name][0] if name in TABLES else "scores.csv"
        try:
            with dataset_lock(ds.data_dir):
                if name in TABLES:
                    _write_table_parquet(ds.data_dir, name)
                else:
                    _write_derived_table(ds, name.lstrip("_"), key)
            notice = DataNotice("notice.parquet_rebuilt", path=str(path), csv=csv_name)
        except (OSError, pa.ArrowException, KompassError):  # a read-only data folder: say how to rebuild
            notice = DataNotice("notice.parquet_damaged", path=str(path), csv=csv_name)
        warnings.warn(notice, stacklevel=3)
        notices.append(notice)
    return tuple(notices)


def optional_table(ds: Dataset, name: str) -> pd.DataFrame:
    """An optional table of the dataset (Kolada), read once on first use; empty when the folder lacks it."""
    frame = getattr(ds, name)
    if frame is None:
        path = ds.data_dir / TABLES[name][0]
        frame = _read_table(ds.data_dir, name, _sha256(path) if path.is_file() else None, [])
        object.__setattr__(ds, name, frame)
    return frame


def _derived_frame(table: pa.Table, scores: pd.DataFrame) -> pd.DataFrame:
    """A derived table from its Parquet cache with the dtypes the checks produce: _restore_derived(table.to_pandas()).

    The column types come from the pandas metadata we wrote with it and the scores' categories; a file
    that does not read that way goes the long way round (whose errors mark it damaged).
    """
    try:
        kinds = {c["name"]: c["numpy_type"] for c in json.loads(table.schema.metadata[b"pandas"])["columns"]}
        dtypes = {name: scores[name].dtype if name in ("instrument_version", "evaluation_kind")
                  else pd.api.types.pandas_dtype(kinds[name]) for name in table.column_names}
        if any(isinstance(d, pd.CategoricalDtype) for n, d in dtypes.items() if n not in ("instrument_version", "evaluation_kind")):
            raise TypeError("a categorical column outside the scores' own")
        return _typed_frame(table, dtypes)
    except (KeyError, TypeError, ValueError, pa.ArrowException):
        return _restore_derived(table.to_pandas(), scores)


def _restore_derived(frame: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """Derived tables back with the dtypes the checks produce (versions ordered as declared)."""
    if "instrument_version" in frame:
        frame["instrument_version"] = frame["instrument_version"].astype(scores["instrument_version"].dtype)
    if "evaluation_kind" in frame:
        frame["evaluation_kind"] = frame["evaluation_kind"].astype(scores["evaluation_kind"].dtype)
    return frame


def _write_derived(data_dir: Path) -> list[Path]:
    """Flags and the score-set table, computed once and stored with the hash of their inputs."""
    ds = load_dataset(data_dir)
    hashes = _table_hashes(data_dir)
    key = _derived_key(hashes)
    return [_write_derived_table(ds, name, key) for name in DERIVED]


def _write_derived_table(ds: Dataset, name: str, key: str) -> Path:
    """One derived table (flags or score_sets) of ds, stored with the hash of its inputs."""
    table = _derived_table(ds, name, key)
    target = ds.data_dir / PARQUET_DIR / f"_{name}.parquet"
    _atomic_write(target, lambda fh: pq.write_table(table, fh))
    return target


def _derived_table(ds: Dataset, name: str, key: str) -> pa.Table:
    """ds's flags or score_sets as Parquet, carrying the hash of their inputs (_derived_key)."""
    table = pa.Table.from_pandas(getattr(ds, name), preserve_index=False)
    meta = {"inputs_sha256": key, "derived_from": sorted(TABLES)}
    return table.replace_schema_metadata({**(table.schema.metadata or {}), META_KEY: json.dumps(meta).encode()})


def _parquet_table(frame: pd.DataFrame, csv_name: str, csv_hash: str, columns) -> pa.Table:
    """A typed table as Parquet, carrying its CSV's name and hash, where the sources are, and its codebook."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    meta = {
        "csv": csv_name,
        "csv_sha256": csv_hash,
        "sources": "See SOURCES.md in the dataset folder; each score row carries its own source.",
        "codebook": {c: doc for c, (_d, doc) in columns.items()},
    }
    return table.replace_schema_metadata({**(table.schema.metadata or {}), META_KEY: json.dumps(meta).encode()})


def build_parquet(data_dir: str | Path | None = None, only: list[str] | None = None) -> list[Path]:
    """Write typed Parquet beside the CSVs, each carrying its CSV's hash, sources and codebook."""
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    out_dir = data_dir / PARQUET_DIR
    out_dir.mkdir(exist_ok=True)
    written = []
    for name in TABLES:
        if only and name not in only:
            continue
        if name in OPTIONAL_TABLES and not (data_dir / TABLES[name][0]).is_file():
            continue
        written.append(_write_table_parquet(data_dir, name))
    if not only:
        package = (json.dumps(dataset_package(), ensure_ascii=False, indent=2) + "\n").encode()
        _atomic_write(data_dir / "datapackage.json", lambda fh: fh.write(package))
        written.append(data_dir / "datapackage.json")
    written += _write_derived(data_dir)
    return written


def _write_table_parquet(data_dir: Path, name: str) -> Path:
    """One table's typed Parquet from its CSV, carrying the CSV's hash, sources and codebook."""
    csv_name, columns = TABLES[name]
    csv_path = data_dir / csv_name
    (data_dir / PARQUET_DIR).mkdir(exist_ok=True)
    table = _parquet_table(_read_csv_typed(csv_path, columns), csv_name, _sha256(csv_path), columns)
    target = data_dir / PARQUET_DIR / f"{name}.parquet"
    _atomic_write(target, lambda fh: pq.write_table(table, fh))
    return target


def _atomic_write(target: Path, write) -> None:
    """Write through a temporary file in the same folder, fsync, then rename over target."""
    tmp = _staged_write(target, write)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _staged_write(target: Path, write) -> str:
    """Write a temporary file beside target (fsynced, target's mode) and return its path; target is untouched."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes 0600 files; keep the target's mode (or the usual 0644) so others can read it.
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def check_output_target(path: Path, data_dir: Path | None, command: str) -> None:
    """Refuse an output file inside the data folder (it would overwrite source data) or one that is no regular file."""
    # command names the messages: error.{command}_inside_data_dir, error.{command}_not_a_file.
    path = Path(path)
    if data_dir is not None and path.resolve().is_relative_to(Path(data_dir).resolve()):
        raise UsageError(f"error.{command}_inside_data_dir", path=str(path))
    if path.exists() and not path.is_file() or path.is_symlink():
        raise UsageError(f"error.{command}_not_a_file", path=str(path))


@contextlib.contextmanager
def dataset_lock(data_dir: Path):
    """An exclusive lock on the data folder itself (flock on its descriptor: no lock file left behind)."""
    fd = os.open(data_dir, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def format_number(value: float) -> str:
    """54.0 -> '54', 426.5 -> '426.5': numbers written as the sources print them."""
    return f"{value:g}" if pd.notna(value) else ""


def scores_to_csv_text(scores: pd.DataFrame) -> str:
    """The canonical CSV text of a scores table (the same format as the shipped file)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CANONICAL_COLUMNS)
    for row in scores[CANONICAL_COLUMNS].itertuples(index=False):
        values = []
        for col, value in zip(CANONICAL_COLUMNS, row):
            if col in ("score", "max_score"):
                values.append(format_number(value))
            else:
                values.append("" if pd.isna(value) else str(value))
        writer.writerow(values)
    return buf.getvalue()


@dataclass
class AddResult:
    """What an add did: score sets added and replaced, and where the backup is."""

    added: list[tuple]
    replaced: list[tuple]
    rows: int
    backup: Path | None
    names: dict[str, str] = field(default_factory=dict)  # kommunkod -> name, for messages about the keys


def score_set_label(key: tuple, names: dict[str, str]) -> str:
    """'Norsjö 2018 (2016, full)' for a score-set key."""
    kod, year, version, kind = key
    return f"{names.get(kod, kod)} {year} ({version}, {kind})"


def write_score_sets(
    candidate: pd.DataFrame, file: str, data_dir: str | Path | None = None, replace_existing: bool = False
) -> AddResult:
    """Write validated score rows (kompass_data.imports) into the dataset: all or nothing, locked, atomic, backed up."""
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    file = Path(file).name or str(file)
    current = load_dataset(data_dir)  # before the lock: loading may rebuild a damaged cache, which locks too
    with dataset_lock(data_dir):
        # Temporary files of a writer that was killed mid-way: never renamed, so never part of the data.
        for stale in [*data_dir.glob(".scores.csv.*"), *(data_dir / PARQUET_DIR).glob(".*.parquet.*")]:
            stale.unlink(missing_ok=True)
        # Re-read under the lock: another add may have landed since the file was validated (compare-and-swap).
        scores = _read_csv_typed(data_dir / "scores.csv", SCORE_COLUMNS)
        new_keys = list(dict.fromkeys(map(tuple, candidate[SCORE_SET_KEY].astype(str).itertuples(index=False))))
        existing = set(score_set_ids(scores))
        clash = [k for k in new_keys if ":".join(k) in existing]
        names = current.municipality_names
        if clash and not replace_existing:
            raise DataValidationError(
                file, [Problem(None, None, "error.exists", {"score_set": score_set_label(k, names)}) for k in clash],
            )
        keep = ~score_set_ids(scores).isin({":".join(k) for k in clash})
        merged = apply_types(pd.concat([scores[keep], candidate[CANONICAL_COLUMNS]], ignore_index=True), SCORE_COLUMNS)
        after = replace(current, scores=merged, flags=None, score_sets=None, notices=())
        backup = _commit(data_dir, file, merged, after)
    return AddResult(
        added=[k for k in new_keys if k not in clash], replaced=clash, rows=len(candidate), backup=backup,
        names=names,
    )


def _commit(data_dir: Path, file: str, merged: pd.DataFrame, after: Dataset) -> Path:
    """Stage the backup, scores.csv and its Parquet files, then rename them in place; nothing changes unless all staged."""
    text = scores_to_csv_text(merged).encode("utf-8")
    csv_hash = hashlib.sha256(text).hexdigest()
    hashes = {name: _sha256(data_dir / csv_name) for name, (csv_name, _c) in TABLES.items()} | {"scores": csv_hash}
    key = _derived_key(hashes)
    target = data_dir / "scores.csv"
    parquet = {data_dir / PARQUET_DIR / "scores.parquet": _parquet_table(merged, "scores.csv", csv_hash, SCORE_COLUMNS),
               **{data_dir / PARQUET_DIR / f"_{name}.parquet": _derived_table(after, name, key) for name in DERIVED}}
    staged: dict[Path, str] = {}
    backup = data_dir / BACKUP_DIR / f"scores.{_dt.datetime.now().strftime('%Y%m%dT%H%M%S%f')}.csv"
    try:
        backup.parent.mkdir(exist_ok=True)
        shutil.copy2(target, backup)
        staged[target] = _staged_write(target, lambda fh: fh.write(text))
        (data_dir / PARQUET_DIR).mkdir(exist_ok=True)
        for path, table in parquet.items():
            staged[path] = _staged_write(path, lambda fh, t=table: pq.write_table(t, fh))
    except OSError as exc:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            backup.unlink(missing_ok=True)
        raise KompassError("error.add_not_staged", file=file, path=str(exc.filename or data_dir),
                           reason=exc.strerror or type(exc).__name__) from None
    # Renames within one folder: scores.csv first (the source of truth); a crash between the renames
    # leaves a Parquet cache whose hash no longer matches, which the loader ignores.
    for path, tmp in staged.items():
        try:
            os.replace(tmp, path)
        except OSError as exc:
            for rest in staged.values():
                Path(rest).unlink(missing_ok=True)
            if path == target:
                raise KompassError("error.add_not_staged", file=file, path=str(path),
                                   reason=exc.strerror or type(exc).__name__) from None
            raise KompassError("error.add_cache_stale", file=file, path=str(path),
                               reason=exc.strerror or type(exc).__name__) from None
    return backup
