"""Every chart carries its title and source line inside the figure, and its PNG download is titled too."""

from __future__ import annotations

import json

import pytest

from kompass_data import messages
from kompass_data.figures import captioned, image_config

from .conftest import NORSJO, PAGES, open_page, unexpected_errors

SOURCE_SV = messages.t("report.source_line", "sv", product=messages.PRODUCT)


def _charts(at):
    return [(json.loads(el.proto.spec), json.loads(el.proto.config or "{}")) for el in at.get("plotly_chart")]


def test_the_radar_names_its_comparator_n_and_source():
    at = open_page("pages/2_kommunprofil.py", **NORSJO)
    assert unexpected_errors(at) == []
    spec, config = _charts(at)[0]
    title = spec["layout"]["title"]
    # Norsjö 2018's peers in the synthetic folder: 1 to 3 municipalities per item, the whole version.
    text = title["text"].replace("<br>", " ")
    assert text.startswith("Norsjö 2018 · version 2016 mot ") and text.endswith("(n = 1–3)")
    assert title["subtitle"]["text"].replace("<br>", " ") == SOURCE_SV
    options = config["toImageButtonOptions"]
    assert options["format"] == "png" and options["filename"].startswith("Norsj")
    assert options["width"] >= 1000 and config["displaylogo"] is False


@pytest.mark.parametrize("page", [p for p in PAGES if not p.endswith(("6_export.py", "7_egna_data.py", "9_fynd.py"))])
def test_every_chart_of_every_page_is_captioned(page):
    at = open_page(page, **NORSJO)
    assert unexpected_errors(at) == []
    for spec, config in _charts(at):
        assert spec["layout"]["title"]["text"], page
        assert spec["layout"]["title"]["subtitle"]["text"].replace("<br>", " ") == SOURCE_SV, page
        assert config["toImageButtonOptions"]["filename"], page


def test_captions_are_escaped_and_in_the_language():
    import plotly.graph_objects as go

    fig = captioned(go.Figure(), "<b>x</b> & y", "en")
    assert fig.layout.title.text == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert fig.layout.title.subtitle.text.replace("<br>", " ") == messages.t("report.source_line", "en",
                                                                            product=messages.PRODUCT)
    assert image_config("Norsjö 2018 · version 2016")["toImageButtonOptions"]["filename"] == "Norsjö_2018_version_2016"
