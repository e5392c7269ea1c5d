"""Shared fixtures: the synthetic data folder of tests/fixtures.py, and the shipped dataset for its own checks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .fixtures import build_data_dir

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory) -> Path:
    """The synthetic data folder, built once per run (read-only use)."""
    return build_data_dir(tmp_path_factory.mktemp("fixture") / "data")


@pytest.fixture(scope="session")
def ds(fixture_dir):
    """The synthetic dataset, loaded once (read-only use)."""
    from kompass_data import load_dataset

    return load_dataset(fixture_dir)


@pytest.fixture(scope="session")
def shipped():
    """The shipped dataset: only for tests of the published record itself (it must validate)."""
    from kompass_data import load_dataset

    return load_dataset(DATASETS)


@pytest.fixture()
def data_dir(tmp_path) -> Path:
    """A writable synthetic data folder of this test's own."""
    return build_data_dir(tmp_path / "datasets")


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below folder -> sha256: a byte-identical check of a whole folder."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
