"""The benchmark report: contents, honesty rules, self-containment, CLI and the same file as the dashboard's."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from kompass_data import parse_score_set
from kompass_data.cli import main
from kompass_data.compare import trend
from kompass_data.report import render_report, report_file_name, signed

TODAY = _dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def norsjo(ds):
    return parse_score_set(ds, "Norsjö:2018")


@pytest.fixture(scope="module")
def html_sv(ds, norsjo):
    return render_report(ds, norsjo, lang="sv", made=TODAY)


def test_names_the_score_set_and_its_version(html_sv):
    assert "<title>Kommunkompassen: Norsjö 2018</title>" in html_sv
    assert "2016 (2016–2019)" in html_sv
    assert "27 november 2026" in html_sv


def test_is_self_contained(html_sv):
    # Nothing fetched: no script at all, and no src/href to http(s) for scripts, styles, fonts or images.
    assert "<script" not in html_sv
    assert not re.search(r"""(src|href)\s*=\s*["']https?://[^"']*\.(js|css|woff2?|ttf|png|jpe?g|svg|gif)""", html_sv)
    assert "<link" not in html_sv and "@import" not in html_sv
    assert not re.search(r"url\((?!#)", html_sv)  # only references inside the file (SVG clip paths)
    assert html_sv.count("<svg") == 2  # the radar and the trend, inline


def test_thin_comparators_are_named_not_called_a_mean(html_sv):
    # Area 2's peers are Enköping 2018 (70) and Mölndal 2016 (60): n = 2, named, no difference computed.
    assert "mot Enköping 2018, Mölndal 2016 (för få för ett medelvärde)" in html_sv
    # Area 1 rests on three (Enköping 80, Mölndal 50, Strängnäs 65): a mean of 65, difference +5.
    assert "medelvärde av 3 kommuner" in html_sv
    assert "+5" in html_sv


def test_summary_counts_only_areas_with_enough_peers(html_sv):
    assert "Över jämförelsevärdet i 1 och under i 0 av 1 områden med minst 3 jämförbara kommuner (7 områden med färre räknas inte)." in html_sv


def test_trend_keeps_kinds_and_flags_apart(html_sv):
    # Norsjö 2017 is a self-assessment whose total (480) disagrees with its areas (460): flagged, no change computed.
    assert "Flaggad totalpoäng: ingen förändring räknas till eller från den." in html_sv
    assert "egen analys" in html_sv
    assert re.search(r"480\D+460", html_sv)
    assert "Version 2010" in html_sv and "Version 2016" in html_sv


def test_positions_count_only_their_own_version(ds, html_sv):
    # 2016-version SKR totals: 520 (Norsjö), 560, 480, 500, 600, 640 -> Norsjö is 4th of 6.
    # 2010-version SKR totals: 400 (Norsjö 2015), 440, 480, 528, 560, 600 -> 6th of 6.
    assert "plats 4 av 6 (version 2016)" in html_sv and "plats 6 av 6 (version 2010)" in html_sv
    assert "Totalpoängen är plats 4 av 6 bland SKR:s utvärderingar med version 2016." in html_sv


def test_a_named_peer_group_is_said_with_its_definition(ds, norsjo):
    from kompass_data.peers import PeerGroup

    html = render_report(ds, norsjo, made=TODAY, group=PeerGroup("similar", k=2))
    title = ds.version("2016").peer_comparison(norsjo, group=PeerGroup("similar", k=2)).group
    assert title.title("sv") in html and title.definition("sv") in html


def test_english_report(ds, norsjo):
    html_en = render_report(ds, norsjo, lang="en", made=TODAY)
    assert '<html lang="en">' in html_en
    assert "Main areas" in html_en and "Openness and democracy" in html_en
    assert "against Enköping 2018, Mölndal 2016 (too few for a mean)" in html_en


def test_differences_carry_their_sign_in_the_language():
    assert signed(5.25, "sv") == "+5,3" and signed(-5.25, "en") == "−5.3" and signed(0, "sv") == "±0"
    assert signed(float("nan"), "sv") == "–"


def test_markup_in_data_stays_text(ds, norsjo, monkeypatch):
    from kompass_data import report

    real = report._citations
    monkeypatch.setattr(report, "_citations", lambda frames: real(frames) + [{"text": "<script>alert(1)</script>", "url": None}])
    html = render_report(ds, norsjo, made=TODAY)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_cli_writes_the_same_file(fixture_dir, ds, norsjo, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("kompass_data.report.today", lambda: TODAY)
    target = tmp_path / "r.html"
    assert main(["report", "Norsjö:2018", "-o", str(target), "--data-dir", str(fixture_dir)]) == 0
    assert target.read_text(encoding="utf-8") == render_report(ds, norsjo, made=TODAY)
    assert "r.html" in capsys.readouterr().err


def test_cli_refuses_to_write_into_the_data_folder(fixture_dir, capsys):
    assert main(["report", "Norsjö:2018", "-o", str(fixture_dir / "r.html"), "--data-dir", str(fixture_dir)]) == 2
    assert not (fixture_dir / "r.html").exists()


def test_file_name_is_stable(norsjo):
    assert report_file_name(norsjo) == "kommunkompassen_2417_2018_2016_full.html"
