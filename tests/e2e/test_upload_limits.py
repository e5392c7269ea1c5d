"""Egna data: a PDF bomb or a PDF of thousands of pages is refused with the limit named; the server stays small."""

import threading

import psutil
import pytest

from kompass_data import messages
from kompass_data.ingest.limits import MAX_PAGE_CONTENT_MB, MAX_REPORT_PAGES
from tests.ingest import bombs

from .harness import open_app, page_url, problems_on_page, wait_for_app

pytestmark = pytest.mark.e2e

PAGE = "pages/7_egna_data.py"
PEAK_MB = 800  # the server and its children together, while the upload is read (issue 15)
KEPT_MB = 150  # what the server process may keep after the refusal


def rss_mb(proc: psutil.Process, with_children: bool = True) -> float:
    procs = [proc, *proc.children(recursive=True)] if with_children else [proc]
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


CASES = {
    "bomb": (lambda d: bombs.inflation_bomb(d / "bomb.pdf", inflated_mb=600),
             lambda: messages.t("ingest.error.limit_page_content", "sv", file="bomb.pdf", page=1, limit=MAX_PAGE_CONTENT_MB)),
    "pages": (lambda d: bombs.many_pages(d / "many.pdf", pages=2500),
              lambda: messages.t("ingest.error.limit_pages", "sv", file="many.pdf", pages=2500, limit=MAX_REPORT_PAGES)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_pdf_is_refused_and_the_server_stays_within_bounds(page, server, tmp_path, case):
    build, message = CASES[case]
    pdf = build(tmp_path)
    proc = psutil.Process(server.pid())
    open_app(page, page_url(server.url, PAGE))
    before = rss_mb(proc, with_children=False)
    peak, stop = [rss_mb(proc)], threading.Event()

    def watch():
        while not stop.wait(0.05):
            peak.append(rss_mb(proc))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            {"name": pdf.name, "mimeType": "application/pdf", "buffer": pdf.read_bytes()}
        )
        page.locator('[data-testid="stAlert"]').filter(has_text=message()).wait_for(timeout=90_000)
        wait_for_app(page)
    finally:
        stop.set()
        watcher.join()
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text(messages.t("ui.upload.nothing_added", "sv"), exact=True).wait_for()
    assert problems_on_page(page, messages.t("ui.error.unexpected", "sv")) == []
    assert max(peak) <= PEAK_MB, (max(peak), before)
    assert rss_mb(proc, with_children=False) <= before + KEPT_MB, (rss_mb(proc, with_children=False), before)
