"""Charts on the pages: each carries its title and source line on screen and in its image download."""

from __future__ import annotations

import streamlit as st

from kompass_data.figures import captioned, image_config

from .state import lang


def chart(fig, title: str, **kwargs):
    """st.plotly_chart of fig with its title (also its accessible name) and source line inside the figure."""
    return st.plotly_chart(captioned(fig, title, lang()), config=image_config(title), alt=title, **kwargs)
