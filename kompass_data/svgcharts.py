"""Static charts as inline SVG (matplotlib) for the printable report: no script, no browser, text kept as text."""

from __future__ import annotations

import io
import math
import textwrap

import pandas as pd

from .instruments import AREA_CODES

# The dashboard's palette (Okabe–Ito) and its rule: colour never carries meaning alone.
FOCAL = "#0072B2"
PEER = "#D55E00"
REFERENCE = "#009E73"
INK = "#222222"
GRID = "#BBBBBB"


def _new_figure(width: float, height: float):
    """A matplotlib Figure without pyplot: no global figure registry, so reports can be made in threads."""
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams.update({
        "text.parse_math": False,  # a '$' in a municipality's name is text, not mathematics
        "svg.fonttype": "none",  # text stays text: searchable, selectable, and in the printed PDF's text
        "svg.hashsalt": "kommunkompassen",  # the same input gives the same bytes
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.edgecolor": INK,
        "text.color": INK,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
    })
    return Figure(figsize=(width, height))


def _tight_bbox(fig):
    """The box bbox_inches="tight" cuts to (padded as savefig pads it), measured without drawing the figure.

    savefig's "tight" draws the whole figure once to measure it and again to write it, half of a
    chart's time; the extents of our charts' artists are known without that first draw.
    """
    import matplotlib
    from matplotlib.backends.backend_svg import RendererSVG

    dpi = fig.dpi
    try:
        fig.dpi = 72  # as the SVG backend measures: vector output is laid out at 72 dpi
        renderer = RendererSVG(fig.get_figwidth() * 72, fig.get_figheight() * 72, io.StringIO(), image_dpi=72)
        bbox = fig.get_tightbbox(renderer)
    finally:
        fig.dpi = dpi
    pad = matplotlib.rcParams["savefig.pad_inches"]
    return bbox.padded(pad, pad)


def _svg(fig, title: str) -> str:
    """The figure as an <svg> element with an accessible title, without the XML prologue."""
    buf = io.StringIO()
    # dpi=72 as after savefig's measuring draw (SVG is laid out at 72 dpi): the same transforms, the same bytes.
    fig.savefig(buf, format="svg", bbox_inches=_tight_bbox(fig), dpi=72, metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    from html import escape

    head, rest = text.split(">", 1)
    return f'{head} role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>{rest}'


def radar_svg(series: list[tuple[str, list[float | None], str]], labels: list[str], title: str) -> str:
    """A radar of 0–100 area scores: series are (name, values per area, style 'focal'|'peer'|'reference')."""
    n = len(labels)
    angles = [2 * math.pi * i / n for i in range(n)]
    fig = _new_figure(6.4, 5.6)
    ax = fig.add_subplot(projection="polar")
    ax.set_theta_offset(math.pi / 2)  # area 1 at the top, then clockwise, as in SKR's reports
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 100)
    ax.set_rlabel_position(360 / n / 2)
    ax.set_yticks([20, 40, 60, 80, 100])
    ax.set_yticklabels(["20", "40", "60", "80", "100"], fontsize=7, color="#555555")
    ax.tick_params(axis="x", pad=10)
    ax.set_xticks(angles)
    ax.set_xticklabels(["\n".join(textwrap.wrap(lab, 20)) for lab in labels], fontsize=8)
    ax.grid(color=GRID, linewidth=0.6)
    styles = {
        "focal": dict(color=FOCAL, linewidth=2.2, linestyle="-", marker="o", fill=0.15),
        "peer": dict(color=PEER, linewidth=1.6, linestyle="--", marker="s", fill=0.0),
        "reference": dict(color=REFERENCE, linewidth=1.4, linestyle=":", marker="D", fill=0.0),
    }
    for name, values, style in series:
        s = styles[style]
        points = [(a, v) for a, v in zip(angles, values) if v is not None and not pd.isna(v)]
        if not points:
            continue
        closed = points + points[:1] if len(points) == n else points
        ax.plot([p[0] for p in closed], [p[1] for p in closed], color=s["color"], linewidth=s["linewidth"],
                linestyle=s["linestyle"], marker=s["marker"], markersize=4, label=name)
        if s["fill"] and len(points) == n:
            ax.fill([p[0] for p in closed], [p[1] for p in closed], color=s["color"], alpha=s["fill"])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=1, frameon=False, fontsize=8)
    return _svg(fig, title)


def trend_svg(segments: list[tuple[str, list[tuple[int, float, bool]]]], revisions: list[tuple[float, str]],
              title: str, y_label: str) -> str:
    """Totals over the years: one line per version segment, never joined; hollow points for self-assessments."""
    fig = _new_figure(6.4, 2.8)
    ax = fig.add_subplot()
    markers = ("o", "s", "D", "^", "v", "P")
    for i, (name, points) in enumerate(segments):
        # A line joins only evaluations of one kind: an SKR evaluation and a self-assessment are two measurements.
        for is_self_line in (False, True):
            same = [(x, y) for x, y, s in points if y is not None and s == is_self_line]
            if len(same) > 1:
                ax.plot([p[0] for p in same], [p[1] for p in same], color=FOCAL, linewidth=1.6,
                        linestyle=("-", "--", ":")[i % 3])
        ax.plot([], [], color=FOCAL, linewidth=1.6, linestyle=("-", "--", ":")[i % 3],
                marker=markers[i % len(markers)], label=name)
        for x, y, is_self in points:
            if y is None:
                continue
            ax.plot([x], [y], marker=markers[i % len(markers)], markersize=6, color=FOCAL,
                    markerfacecolor="white" if is_self else FOCAL, linestyle="none")
    for x, label in revisions:
        ax.axvline(x, color=INK, linewidth=0.8, linestyle=":")
        ax.annotate(label, (x, 1.0), xycoords=("data", "axes fraction"), fontsize=7, ha="left", va="top",
                    xytext=(3, -2), textcoords="offset points")
    ax.set_ylabel(y_label)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color=GRID, linewidth=0.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=max(1, len(segments)), frameon=False, fontsize=8)
    return _svg(fig, title)


__all__ = ["radar_svg", "trend_svg", "AREA_CODES"]
