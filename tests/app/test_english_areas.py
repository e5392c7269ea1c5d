"""The English UI names the areas in English (instrument_items.name_en), through the data layer."""

from __future__ import annotations

import json

from .conftest import figures, open_page, unexpected_errors


def test_profile_radar_in_english_names_the_areas_in_english():
    at = open_page("pages/2_kommunprofil.py", kommun="2417", ar="2018", lang="en")
    assert not unexpected_errors(at)
    # Axis labels are wrapped at spaces with <br>: read them as one line each.
    spec = at.get("plotly_chart")[0].proto.spec.replace("\\u003cbr\\u003e", " ")
    assert "Openness and democracy" in spec and "Continuous improvement" in spec
    assert "Offentlighet" not in spec
    theta = [t.replace("<br>", " ") for t in figures(at)[0]["data"][0]["theta"]]
    assert theta[:8] == [
        "1. Openness and democracy", "2. Accessibility and user orientation", "3. Political governance and control",
        "4. Leadership, responsibility and delegation", "5. Results and efficiency", "6. The municipality as employer",
        "7. Continuous improvement", "8. The municipality as community builder",
    ]


def test_profile_radar_in_swedish_keeps_the_swedish_names():
    at = open_page("pages/2_kommunprofil.py", kommun="2417", ar="2018")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["theta"][0].replace("<br>", " ") == "1. Offentlighet och demokrati"


def test_distribution_and_compare_in_english_name_the_areas_in_english():
    at = open_page("pages/5_fordelning.py", version="2016", lang="en")
    assert not unexpected_errors(at)
    assert any("Openness and" in el.proto.spec for el in at.get("plotly_chart"))
    at = open_page("pages/4_jamfor.py", version="2016", sets="2417:2018:2016:full,0115:2019:2016:full", lang="en")
    assert not unexpected_errors(at)
    assert any("Openness and" in el.proto.spec for el in at.get("plotly_chart"))
    assert "1. Openness and democracy" in at.dataframe[0].value.iloc[:, 0].tolist()
