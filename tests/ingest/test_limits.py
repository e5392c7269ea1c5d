"""Report limits: a PDF is read by a bounded child process that stops at the first limit reached (issue 15, D6)."""

import os
import subprocess
import sys

import pytest

from kompass_data import load_dataset, messages
from kompass_data.ingest import IngestError, ingest_file, reader
from kompass_data.ingest.limits import MAX_PAGE_CONTENT_MB, MAX_REPORT_PAGES
from kompass_ui.upload import process_bytes
from tests.conftest import ROOT
from tests.ingest import bombs
from tests.ingest import reportgen as G


def _refusal(path) -> IngestError:
    with pytest.raises(IngestError) as err:
        ingest_file(path)
    return err.value


def test_an_inflation_bomb_is_refused_at_its_first_page(tmp_path):
    bomb = bombs.inflation_bomb(tmp_path / "bomb.pdf", inflated_mb=600)
    assert bomb.stat().st_size < 700_000
    err = _refusal(bomb)
    assert err.key == "ingest.error.limit_page_content"
    assert err.message("sv").startswith(f"Sidan 1 i bomb.pdf packas upp till mer än {MAX_PAGE_CONTENT_MB} MB")
    assert f"more than {MAX_PAGE_CONTENT_MB} MB of drawing instructions" in err.message("en")


def test_a_pdf_with_too_many_pages_is_refused_before_its_pages_are_read(tmp_path):
    pdf = bombs.many_pages(tmp_path / "many.pdf", pages=2500)
    err = _refusal(pdf)
    assert err.key == "ingest.error.limit_pages"
    assert err.message("en") == messages.t("ingest.error.limit_pages", "en", file="many.pdf", pages=2500,
                                           limit=MAX_REPORT_PAGES)
    assert "2500 sidor" in err.message("sv") and f"högst {MAX_REPORT_PAGES} sidor" in err.message("sv")


def test_the_pdf_is_read_by_a_child_process(tmp_path):
    text, _ = G.web_page("Kumla", 2020, "2020", "colon", __import__("random").Random(5))
    pdf = G.to_pdf(text, tmp_path / "k.pdf")
    read = reader.read_pdf(pdf.read_bytes(), "k.pdf")
    assert read.reader_pid != os.getpid() and read.pages == 1
    assert "Kumla" in read.text


def test_reading_stops_at_the_character_limit(tmp_path, monkeypatch):
    rng = __import__("random").Random(21)
    text, _ = G.full_report("Västerås", [(2015, "2010", "full"), (2018, "2016", "full")], rng)
    pdf = G.to_pdf(text, tmp_path / "v.pdf")
    monkeypatch.setattr(reader, "MAX_REPORT_CHARS", 500)
    err = _refusal(pdf)
    assert err.key == "ingest.error.limit_chars" and err.params["page"] == 1
    assert "mer än 500 tecken" in err.message("sv")


def test_reading_stops_at_the_time_limit(tmp_path, monkeypatch):
    text, _ = G.web_page("Kumla", 2020, "2020", "colon", __import__("random").Random(5))
    pdf = G.to_pdf(text, tmp_path / "k.pdf")
    monkeypatch.setattr(reader, "MAX_READ_SECONDS", 0)  # the child's deadline has passed at its first page
    err = _refusal(pdf)
    assert err.key == "ingest.error.limit_time"
    assert "more than 0 seconds" in err.message("en")


def test_a_bomb_past_the_content_check_ends_at_the_memory_cap(tmp_path, monkeypatch):
    bomb = bombs.inflation_bomb(tmp_path / "bomb.pdf", inflated_mb=300)
    monkeypatch.setattr(reader, "MAX_PAGE_CONTENT_MB", 10_000)
    monkeypatch.setattr(reader, "MAX_CONTENT_MB", 10_000)
    monkeypatch.setattr(reader, "MAX_READ_MEMORY_MB", 200)
    err = _refusal(bomb)
    assert err.key == "ingest.error.limit_memory"
    assert "mer än 200 MB minne" in err.message("sv")


def test_the_dashboard_refuses_the_same_bomb_with_the_same_message(tmp_path):
    bomb = bombs.inflation_bomb(tmp_path / "bomb.pdf", inflated_mb=600)
    outcome = process_bytes(bomb.read_bytes(), "bomb.pdf", load_dataset(), "en")
    assert not outcome.ok and outcome.scores is None
    assert outcome.error == messages.t("ingest.error.limit_page_content", "en", file="bomb.pdf", page=1,
                                       limit=MAX_PAGE_CONTENT_MB)


def test_the_cli_names_the_limit_without_a_traceback(tmp_path):
    pdf = bombs.many_pages(tmp_path / "many.pdf", pages=MAX_REPORT_PAGES + 1)
    proc = subprocess.run([sys.executable, "-m", "kompass_data", "ingest", str(pdf), "--lang", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == messages.t("ingest.error.limit_pages", "en", file="many.pdf",
                                             pages=MAX_REPORT_PAGES + 1, limit=MAX_REPORT_PAGES)
