"""The page-body error boundary: people see a message in their language, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from kompass_data.errors import KompassError

from .router import ensure_router
from .state import lang, t

_LOG = logging.getLogger("kompass_ui")


def run_page(body: Callable[[], None], fragment: bool = False) -> None:
    """Run a page body inside the error boundary; fragment: as an st.fragment, so its widgets rerun only the body.

    A fragment's widget change reruns the body alone (not app.py, its sidebar and menu), and the boundary
    is inside the fragment, so a fragment rerun's errors are caught as well.
    """
    if ensure_router():
        return
    # What the data layer noticed while loading (a damaged cache it rebuilt from the CSVs), said once a session.
    from .state import dataset

    try:
        notices = getattr(dataset(), "notices", ())
    except Exception:  # noqa: BLE001 - the body's own boundary reports a dataset that does not load
        notices = ()
    if notices and not st.session_state.get("_notices_said"):
        st.session_state["_notices_said"] = True
        for notice in notices:
            st.info(notice.message(lang()), icon=":material/build:")
    if fragment:
        st.fragment(_bounded(body))()
    else:
        _bounded(body)()


def _bounded(body: Callable[[], None]) -> Callable[[], None]:
    """body inside the boundary: KompassError -> its message, anything else -> a friendly error plus details."""
    def page_body() -> None:
        try:
            body()
        except KompassError as exc:
            st.error(exc.message(lang()))
        except Exception as exc:  # noqa: BLE001 - the boundary: Streamlit's rerun/stop are BaseException
            _LOG.exception("page failed")
            st.error(t("ui.error.unexpected"))
            with st.expander(t("ui.error.details")):
                st.text(f"{type(exc).__name__}: {exc}")

    page_body.__qualname__ = f"page_body.{getattr(body, '__module__', '')}.{getattr(body, '__qualname__', 'body')}"
    return page_body
