"""Kommunprofil's report download gives the very file `python -m kompass_data report` writes."""

from __future__ import annotations

import streamlit as st

from kompass_data import messages, parse_score_set
from kompass_data.report import render_report

from .conftest import NORSJO, open_page, unexpected_errors

PROFILE = "pages/2_kommunprofil.py"


def test_the_profile_offers_the_report_of_its_score_set(monkeypatch, ds):
    # AppTest has no media server, so a deferred download keeps no data: catch what the page hands over.
    offered = []
    real = st.download_button

    def capture(label, data, *args, **kwargs):
        offered.append((label, data, kwargs))
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", capture)
    at = open_page(PROFILE, **NORSJO)
    assert unexpected_errors(at) == []
    (label, data, kwargs), = [o for o in offered if o[0] == messages.t("report.download", "sv")]
    assert kwargs["file_name"] == "kommunkompassen_2417_2018_2016_full.html"
    assert kwargs["mime"] == "text/html"
    assert data().decode("utf-8") == render_report(ds, parse_score_set(ds, "Norsjö:2018"), lang="sv")  # the default group: version
