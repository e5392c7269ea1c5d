"""Every st.cache_* wrapper and all session state: the shipped dataset once per process, uploads per session."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from kompass_data import Dataset, load_dataset, messages
from kompass_data.figures import round_coordinates
from kompass_data.store import DEFAULT_DATA_DIR

LANG_KEY = "_lang"
UPLOADS_KEY = "_session_uploads"  # content hash -> {"name": str, "scores": DataFrame}, in upload order
SESSION_DS_KEY = "_session_dataset"  # (the uploads' hashes in order, Dataset)


def data_dir() -> Path:
    """The data folder: $KOMPASS_DATA_DIR when set (a test or a deployment's own copy), else datasets/."""
    return Path(os.environ.get("KOMPASS_DATA_DIR") or DEFAULT_DATA_DIR)


def _data_file(name: str) -> Path:
    """A file of the data folder, falling back to the shipped one when the folder lacks it."""
    path = data_dir() / name
    return path if path.is_file() else DEFAULT_DATA_DIR / name


@st.cache_resource(show_spinner=False)
def shipped_dataset() -> Dataset:
    """The shipped dataset, loaded and checked once per process and shared by every session."""
    return load_dataset(data_dir())


@st.cache_resource(show_spinner=False)
def geojson() -> dict:
    """The municipality borders (sweden_municipalities.geojson), read and lightened once per process."""
    with open(_data_file("sweden_municipalities.geojson"), encoding="utf-8") as fh:
        return round_coordinates(json.load(fh))


# The borders as a static file (.streamlit/config.toml enables static serving), fetched once by the browser.
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
MAP_FILE = "sweden_municipalities.geojson"
MAP_URL = f"app/static/{MAP_FILE}"


@st.cache_resource(show_spinner=False)
def map_url() -> str | None:
    """The served borders' URL when Streamlit serves static/ and they are the data folder's own, else None: embed them.

    The URL carries the file's hash, so a browser never keeps drawing borders it cached before an update.
    """
    served = STATIC_DIR / MAP_FILE
    mine = _data_file(MAP_FILE)
    if not (st.get_option("server.enableStaticServing") and served.is_file() and mine.is_file()):
        return None
    content = served.read_bytes()
    if content != mine.read_bytes():
        return None
    return f"{MAP_URL}?v={hashlib.sha256(content).hexdigest()[:12]}"


@st.cache_resource(show_spinner=False)
def sources_md() -> str:
    """SOURCES.md of the data folder when there is one, for the export zip."""
    path = _data_file("SOURCES.md")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def uploads() -> dict:
    """This session's accepted uploads (never written to disk, never shared)."""
    return st.session_state.setdefault(UPLOADS_KEY, {})


def content_hash(scores: pd.DataFrame) -> str:
    """A stable hash of a scores table's content."""
    text = scores.to_csv(index=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def add_upload(name: str, scores: pd.DataFrame) -> str:
    """Layer validated score rows over this session's data (the latest upload wins); returns its hash."""
    key = content_hash(scores)
    ups = uploads()
    ups.pop(key, None)  # the same content again moves to the end: it is now the latest
    ups[key] = {"name": name, "scores": scores}
    return key


def remove_upload(key: str) -> None:
    """Drop one upload from this session."""
    uploads().pop(key, None)


def dataset() -> Dataset:
    """The dataset this session sees: shipped, plus its uploads in upload order, so a later one wins.

    Memoised by the uploads' hashes in that order.
    """
    shipped = shipped_dataset()
    ups = uploads()
    if not ups:
        return shipped
    key = tuple(ups)
    memo = st.session_state.get(SESSION_DS_KEY)
    if memo and memo[0] == key:
        return memo[1]
    ds = shipped
    for upload in ups.values():
        ds = ds.with_scores(upload["scores"])
    st.session_state[SESSION_DS_KEY] = (key, ds)
    return ds


def lang() -> str:
    """The UI language of this session ('sv' or 'en'), set by app.py from the URL."""
    value = st.session_state.get(LANG_KEY, messages.DEFAULT_LANGUAGE)
    return value if value in messages.LANGUAGES else messages.DEFAULT_LANGUAGE


def t(key: str, **params) -> str:
    """The catalogue text for key in this session's language."""
    return messages.t(key, lang(), **params)


def tn(key: str, n: int, **params) -> str:
    """The plural form of key for the count n in this session's language ('1 kommun', '2 kommuner')."""
    return messages.tn(key, n, lang(), **params)
