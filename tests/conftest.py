"""Shared fixtures: a private copy of the shipped dataset for tests that write."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"


@pytest.fixture(scope="session")
def shipped():
    """The shipped dataset, loaded once (read-only use)."""
    from kompass_data import load_dataset

    return load_dataset(DATASETS)


@pytest.fixture()
def data_dir(tmp_path) -> Path:
    """A writable copy of datasets/ (without the large GeoJSON, which no write touches)."""
    target = tmp_path / "datasets"
    shutil.copytree(DATASETS, target, ignore=shutil.ignore_patterns("*.geojson", "backups"))
    return target


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below folder -> sha256: a byte-identical check of a whole folder."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
