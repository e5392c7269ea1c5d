"""Containers whose content is made only when someone looks at it, or once the browser has drawn what came before."""

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


# The first views the browser has drawn in this session (their keys), or True: draw everything at once
# (AppTest has no browser to say so).
DRAWN_KEY = "_first_views_drawn"

# Waits until `charts` Plotly charts are drawn (or 5 s have passed), lets the browser paint, then asks for
# the rest. Until then the element marks the page as not yet complete (tests/e2e/harness.py waits for it).
_FIRST_VIEW_JS = """
export default function ({ data, setTriggerValue }) {
  const started = performance.now();
  let asked = false;
  // Drawn and shown: Plotly makes its SVG before Streamlit shows the chart (hidden until laid out).
  const drawn = () => [...document.querySelectorAll('.js-plotly-plot')].filter((g) =>
    g.querySelector('.main-svg') && g.getBoundingClientRect().height > 0
    && getComputedStyle(g).visibility !== 'hidden').length;
  const ask = () => { if (!asked) { asked = true; setTriggerValue("drawn", true); } };
  const check = () => {
    if (asked) return;
    if (drawn() >= (data?.charts ?? 0) || performance.now() - started > 5000) {
      // After the frame that shows them, once the browser is idle (at most 1 s later; Safari has no idle callback).
      const idle = window.requestIdleCallback || ((f) => setTimeout(f, 0));
      requestAnimationFrame(() => idle(ask, { timeout: 1000 }));
    } else {
      setTimeout(check, 25);
    }
  };
  check();
}
"""
_first_view = st.components.v2.component(
    "kompass_first_view", html='<span data-kompass-first-view="pending" hidden></span>', js=_FIRST_VIEW_JS,
    isolate_styles=False,
)


def after_first_view(key: str, fill: Callable[[], None], charts: int = 1) -> None:
    """fill now, except on a session's first visit: then as soon as the browser has drawn the first view's charts."""
    # In a new tab the first chart waits for Streamlit's chart library (~1 s under software rendering) and
    # then for everything sent with it: on Översikt the map, table and widgets held it back ~1.7 s
    # (bench/README.md). The browser draws the first view alone; its request for the rest reruns the page.
    drawn = st.session_state.setdefault(DRAWN_KEY, set())
    if drawn is True or key in drawn:
        fill()
        return
    _first_view(key=f"_first_view_{key}", data={"charts": charts}, on_drawn_change=lambda: drawn.add(key))
