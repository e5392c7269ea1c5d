"""The page-body error boundary: people see a message in their language, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from kompass_data.errors import KompassError

from .router import ensure_router
from .state import lang, t

_LOG = logging.getLogger("kompass_ui")


def run_page(body: Callable[[], None]) -> None:
    """Run a page body; KompassError -> its message, anything else -> a friendly error plus details."""
    if ensure_router():
        return
    try:
        # What the data layer noticed while loading (a damaged cache it rebuilt from the CSVs), said once a session.
        from .state import dataset

        notices = getattr(dataset(), "notices", ())
        if notices and not st.session_state.get("_notices_said"):
            st.session_state["_notices_said"] = True
            for notice in notices:
                st.info(notice.message(lang()), icon=":material/build:")
        body()
    except KompassError as exc:
        st.error(exc.message(lang()))
    except Exception as exc:  # noqa: BLE001 - the boundary: Streamlit's rerun/stop are BaseException
        _LOG.exception("page failed")
        st.error(t("ui.error.unexpected"))
        with st.expander(t("ui.error.details")):
            st.text(f"{type(exc).__name__}: {exc}")
