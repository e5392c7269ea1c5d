"""Charts on the pages: each carries its title and source line on screen and in its image download."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from kompass_data.figures import captioned, image_config

from .state import lang


def chart(fig, title: str, **kwargs):
    """st.plotly_chart of fig with its title (also its accessible name) and source line inside the figure."""
    return _draw(captioned(fig, title, lang()), title, **kwargs)


def _draw(captioned_fig, title: str, **kwargs):
    """A captioned figure on the page: its camera button saves it under its title, which also names it."""
    return st.plotly_chart(captioned_fig, config=image_config(title), alt=title, **kwargs)


def cached_chart(ds, inputs: tuple, build: Callable[[], object], title: str, **kwargs):
    """chart() of a figure built once per dataset, inputs, title and language: a return visit skips building it.

    st.plotly_chart copies the figure (to_dict), so the shared one is never changed by drawing it.
    """
    fig = ds.derived(("figure", inputs, title, lang()), lambda: captioned(build(), title, lang()))
    return _draw(fig, title, **kwargs)
