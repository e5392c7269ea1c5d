"""What the dashboard drew, drawn again from a recording (bench/replay.py), nothing computed: Streamlit's own cost.

A profile recording: the page per municipality, its picker choosing which. A first-view recording: the start
page's first view with the sidebar and the menu, no pandas and no data layer imported.
"""

import os
import pickle
from pathlib import Path

import streamlit as st

RECORDING = pickle.loads(Path(os.environ["KOMPASS_REPLAY"]).read_bytes())
st.set_page_config(page_title="Kommunkompassen", layout="wide")


def draw(nodes, picked: str) -> None:
    """Draw recorded nodes; the first selectbox is the municipality picker and chooses the recording."""
    for kind, what, children in nodes:
        if kind == "flex_container" and children and children[0][0] == "column":
            cols = st.columns([c[1] for c in children])
            for col, (_k, _w, grand) in zip(cols, children):
                with col:
                    draw(grand, picked)
        elif kind in ("flex_container", "column"):
            draw(children, picked)
        elif kind == "expander":
            keyed = {"key": f"expander-{what[0]}", "on_change": "rerun"} if what[2] else {}
            with st.expander(what[0], expanded=what[1], **keyed):
                draw(children, picked)
        elif kind in ("title", "header", "subheader"):
            getattr(st, kind)(what)
        elif kind in ("markdown", "caption"):
            getattr(st, kind)(what)
        elif kind in ("warning", "info"):
            getattr(st, kind)(what[0], icon=what[1] or None)
        elif kind == "plotly_chart":  # keyed by their order, as the page keys its radar and bar chart
            CHARTS.append(what)
            spec, config, alt = what
            st.plotly_chart(spec, config=config, alt=alt or None, key=f"chart-{len(CHARTS)}")
        elif kind == "dataframe":
            st.dataframe(what, hide_index=True)
        elif kind == "radio":
            st.radio(what[0], what[1], index=what[2], key=f"radio-{what[0]}", horizontal=True)
        elif kind == "selectbox":
            label, options, default = what
            if label == PICKER:
                st.selectbox(label, options, key="picked")
            else:
                st.selectbox(label, options, index=default, key=f"select-{label}")
        elif kind in ("checkbox", "toggle"):
            getattr(st, kind)(what[0], value=what[1], key=f"{kind}-{what[0]}")
        elif kind == "download_button":
            st.download_button(what, data=b"", key="download", on_click="ignore")


def first_selectbox(nodes):
    for kind, what, children in nodes:
        if kind == "selectbox":
            return what
        found = first_selectbox(children)
        if found:
            return found
    return None


CHARTS: list = []


def first_view() -> None:
    draw(RECORDING["main"], "")


PROFILES = RECORDING.get("profile")
if PROFILES:
    FIRST = next(iter(PROFILES))
    PICKER, OPTIONS, _ = first_selectbox(PROFILES[FIRST]["main"])
    st.session_state.setdefault("picked", FIRST)
else:
    PICKER = None


@st.fragment
def profile() -> None:
    """The profile as the page runs it, a fragment: the picked municipality's recording and its URL."""
    CHARTS.clear()
    page = PROFILES.get(st.session_state["picked"], PROFILES[FIRST])
    draw(page["main"], st.session_state["picked"])
    st.query_params.from_dict(page["query"])


# What app.py draws around every page: the style sheet, the sidebar and the menu.
st.html(f"<style>{RECORDING['style']}</style>")
with st.sidebar:
    draw(RECORDING["sidebar"], "")
menu = [st.Page(profile if PROFILES else first_view, title=title, icon=icon, url_path=f"p{i}", default=True) if i == 0
        else st.Page(lambda: None, title=title, icon=icon, url_path=f"p{i}")
        for i, (title, icon) in enumerate(RECORDING["menu"])]
st.navigation(menu, position="sidebar").run()
