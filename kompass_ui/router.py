"""Make sure every page runs under app.py's router, even on a fresh server's first deep link."""

from __future__ import annotations

import streamlit as st


def ensure_router() -> None:
    """Leave Streamlit's legacy `pages/` mode if this process is still in it, and rerun through app.py.

    With a folder named pages/ beside app.py, Streamlit (1.67) starts in its legacy multipage mode
    and only switches to st.navigation once some session has run app.py. Until then a deep link such
    as /kommunprofil?kommun=2417&ar=2018 runs the page without app.py: no language switch, no wide
    layout, file names as menu. Flipping the flag that app.py's st.navigation flips, then rerunning,
    sends this first request through app.py as well. Later runs never enter the branch.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the legacy mode
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()
