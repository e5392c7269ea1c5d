"""Kommunkompassen dashboard: the router. A registry of pages -> st.navigation, plus the language switch."""

import sys
from pathlib import Path

import streamlit as st

from kompass_data import messages
from kompass_ui import urlstate as url
from kompass_ui.state import LANG_KEY

# Contrast, focus and print rules (kompass_ui/style.css), read once per process.
STYLE = (Path(__file__).parent / "kompass_ui" / "style.css").read_text(encoding="utf-8")
ICON = Path(__file__).parent / "kompass_ui" / "icon.svg"

# Streamlit sends a run's output from its event-loop thread while the script thread keeps running our Python.
# With CPython's default 5 ms GIL switch interval each message it sends waits up to 5 ms for the GIL, so the
# radar, 20-odd messages into a rerun, reached the browser ~0.2 s after it was made (websocket frames in
# bench/run.py). A 0.5 ms interval lets the sender take its turn promptly.
sys.setswitchinterval(0.0005)

# (script, title key, icon): the order is the menu's order; the first page is the start page.
PAGES = (
    ("pages/1_oversikt.py", "ui.page.oversikt", ":material/map:"),
    ("pages/2_kommunprofil.py", "ui.page.kommunprofil", ":material/radar:"),
    ("pages/3_utveckling.py", "ui.page.utveckling", ":material/timeline:"),
    ("pages/4_jamfor.py", "ui.page.jamfor", ":material/compare_arrows:"),
    ("pages/5_fordelning.py", "ui.page.fordelning", ":material/leaderboard:"),
    ("pages/6_export.py", "ui.page.export", ":material/download:"),
    ("pages/7_egna_data.py", "ui.page.egna_data", ":material/upload_file:"),
    ("pages/8_samband.py", "ui.page.samband", ":material/scatter_plot:"),
    ("pages/9_fynd.py", "ui.page.fynd", ":material/manage_search:"),
)

# A local SVG favicon: a material one would be fetched from Google, and an emoji costs Streamlit ~0.1 s of
# regular-expression building in the first session (measured with py-spy on a cold start).
st.set_page_config(page_title="Kommunkompassen", page_icon=ICON, layout="wide")
st.html(f"<style>{STYLE}</style>")

# A hostile or stale link (?kommun=<script>, ?ar=abc) is ignored and leaves no trace in the URL.
url.drop_unreadable()

# Language: ?lang=en (Swedish is the default and leaves the URL clean).
url.prepare("lang", "pick_lang", messages.LANGUAGES)
with st.sidebar:
    lang = url.widget(
        "lang", st.radio, messages.t("ui.language", st.session_state["pick_lang"]), messages.LANGUAGES,
        key="pick_lang", horizontal=True, format_func=lambda code: {"sv": "Svenska", "en": "English"}[code],
    )
st.session_state[LANG_KEY] = lang

pages = [
    st.Page(path, title=messages.t(key, lang), icon=icon, default=(i == 0))
    for i, (path, key, icon) in enumerate(PAGES)
]
st.navigation(pages, position="sidebar").run()
