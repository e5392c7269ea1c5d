"""AppTest helpers: run one page of app.py with URL parameters, read its Plotly figures.

Every page test runs on the synthetic folder of tests/fixtures.py (via KOMPASS_DATA_DIR), never on
the shipped datasets/, so new published rows cannot change what the pages are expected to show.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kompass_ui.layout import DRAWN_KEY

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))
NORSJO = {"kommun": "2417", "ar": "2018"}


@pytest.fixture(scope="session", autouse=True)
def app_data_dir(fixture_dir):
    """Point the app at the synthetic folder for the whole session; the cached dataset follows it."""
    import kompass_ui.state as state

    old = os.environ.get("KOMPASS_DATA_DIR")
    os.environ["KOMPASS_DATA_DIR"] = str(fixture_dir)
    state.shipped_dataset.clear()  # st.cache_resource: it may hold another folder's dataset
    yield fixture_dir
    state.shipped_dataset.clear()
    if old is None:
        os.environ.pop("KOMPASS_DATA_DIR", None)
    else:
        os.environ["KOMPASS_DATA_DIR"] = old


def open_page(page: str, opened: tuple[str, ...] = (), first_view_only: bool = False, **params) -> AppTest:
    """app.py switched to `page` with query parameters, after one run; opened: keys of lazy expanders to open first.

    AppTest has no browser to say that a first view is drawn (kompass_ui/layout.py after_first_view), so the
    whole page is drawn at once, unless first_view_only: then what a new browser tab gets first.
    """
    at = AppTest.from_file(APP, default_timeout=60)
    if not first_view_only:
        at.session_state[DRAWN_KEY] = True
    for key, value in params.items():
        at.query_params[key] = value
    for key in opened:
        at.session_state[key] = True  # what a click on the expander does
    at.switch_page(page)
    return at.run()


def figures(at: AppTest) -> list[dict]:
    """Every Plotly figure on the page as its JSON spec."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def unexpected_errors(at: AppTest) -> list[str]:
    """Exceptions and error boxes on the page."""
    return [str(e.value) for e in at.exception] + [str(e.value) for e in at.error]


@pytest.fixture
def open_app():
    return open_page
