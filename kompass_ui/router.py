"""Make sure every page runs under app.py's router, even when Streamlit starts a page without it."""

from __future__ import annotations

import runpy
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"


def ensure_router() -> bool:
    """Run app.py (and through it this page) if Streamlit started the page in its legacy `pages/` mode.

    With a folder named pages/ beside app.py, Streamlit (1.67) starts each process in its legacy
    multipage mode and leaves it only once some session has run app.py's st.navigation. Until then
    (and in every AppTest run, which resets the mode) a deep link such as
    /kommunprofil?kommun=2417&ar=2018 runs the page script alone: no language switch, no wide layout,
    file names as the menu. Here the page hands over to app.py within the same run (so no widget
    click is lost to a rerun); app.py's st.navigation leaves the legacy mode and runs this page again.
    Returns True when it did so, and the caller must not draw the page a second time.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the legacy mode
        return False
    if not getattr(PagesManager, "uses_pages_directory", False):
        return False
    runpy.run_path(str(APP), run_name="__main__")
    return True
