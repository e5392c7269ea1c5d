"""Containers whose content is made only when someone looks at it."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def lazy_expander(label: str, key: str, fill: Callable[[], None], expanded: bool = False) -> None:
    """An expander whose content (fill) is made only while it is open; opening it reruns the page's fragment.

    A closed expander's tables and text are otherwise computed, sent and laid out on every rerun although
    nobody sees them (the profile's peers, references and sub-area tables, the findings of seven areas).
    """
    box = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    if box.open:
        with box:
            fill()
