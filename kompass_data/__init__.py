"""Kommunkompassen data: version-aware score sets, peer statistics and exports (no Streamlit here)."""

from .compare import (
    PeerComparison,
    PeerFilter,
    ScoreSetRef,
    VersionView,
    compare_score_sets,
    default_version,
    ensure_same_version,
    parse_score_set,
    peer_comparison,
    ranking,
    resolve_municipality,
    score_set,
    score_set_by_id,
    top_per_area,
    trend,
    trend_segments,
    versions_with_scores,
)
from .errors import DataValidationError, KompassError, Problem, UsageError, VersionMismatchError
from .imports import add_scores
from .instruments import REGISTRY, VERSIONS, Registry
from .store import Dataset, build_parquet, load_dataset

__all__ = [
    "Dataset", "load_dataset", "add_scores", "build_parquet", "VERSIONS", "REGISTRY", "Registry",
    "VersionView", "default_version", "versions_with_scores",
    "ScoreSetRef", "PeerFilter", "PeerComparison", "score_set", "score_set_by_id", "parse_score_set",
    "resolve_municipality", "ensure_same_version", "compare_score_sets", "peer_comparison", "trend",
    "trend_segments", "ranking", "top_per_area",
    "KompassError", "UsageError", "VersionMismatchError", "DataValidationError", "Problem",
]
