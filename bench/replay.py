"""Record what the dashboard draws (run under AppTest), for bench/replay_app.py to draw again with nothing computed.

Kommunprofil per municipality (record_profile), and the start page's first view with the sidebar and menu
(record_first_view). The replay draws the same elements (texts, figures, tables, widgets, expanders, columns)
without pandas or the data layer: what Streamlit itself costs for this content, beside ours in bench/run.py.
"""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _node(el) -> tuple:
    """(type, what to draw it with, children) of one AppTest element or block."""
    kind, proto = el.type, el.proto
    children = [_node(ch) for ch in getattr(el, "children", {}).values()]
    if kind == "plotly_chart":
        return kind, (json.loads(proto.spec), json.loads(proto.config or "{}"), proto.alt), children
    if kind == "dataframe":
        import pyarrow as pa

        return kind, pa.ipc.open_stream(io.BytesIO(proto.arrow_data.data)).read_pandas(), children
    if kind == "column":
        return kind, proto.weight, children
    if kind == "expander":  # with an id: a keyed expander that reruns on open (the page's lazy ones)
        return kind, (proto.label, proto.expanded, bool(proto.id)), children
    if kind in ("selectbox", "radio"):
        return kind, (proto.label, list(proto.options), proto.default), children
    if kind in ("checkbox", "toggle"):
        return kind, (proto.label, proto.default), children
    if kind in ("info", "warning"):
        return kind, (proto.body, proto.icon), children
    if kind == "download_button":
        return kind, proto.label, children
    return kind, getattr(proto, "body", ""), children


def record_profile(codes: list[str], out: Path) -> None:
    """Run the profile page for each municipality code (its latest score set) and pickle what it drew."""
    from streamlit.testing.v1 import AppTest

    from kompass_ui.layout import DRAWN_KEY

    pages = {}
    for code in codes:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["kommun"] = code
        at.session_state[DRAWN_KEY] = True
        at.switch_page("pages/2_kommunprofil.py")
        at.run()
        picker = next(el for el in at.selectbox)
        pages[picker.options[picker.index]] = {
            "main": [_node(el) for el in at.main.children.values()],
            "query": {key: at.query_params[key] for key in at.query_params},  # the page keeps its choice in the URL
        }
    out.write_bytes(pickle.dumps({"profile": pages, **_shell(at)}))


def record_first_view(out: Path) -> None:
    """Run the start page as a new tab gets it first (its first view) and pickle it with the sidebar and the menu."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    out.write_bytes(pickle.dumps({"main": [_node(el) for el in at.main.children.values()], **_shell(at)}))


def _shell(at) -> dict:
    """What app.py draws around every page: the sidebar, the menu (titles, icons) and the style sheet."""
    from kompass_data import messages
    from tests.e2e.harness import app_registry

    return {
        "sidebar": [_node(el) for el in at.sidebar.children.values()],
        "menu": [(messages.t(key, "sv"), icon) for _script, key, icon in app_registry()],
        "style": (ROOT / "kompass_ui" / "style.css").read_text(encoding="utf-8"),
    }
