"""The benchmark report in Chromium: opens offline without console errors, prints to at most 8 A4 pages."""

from __future__ import annotations

import io

import pdfplumber

from kompass_data import load_dataset, parse_score_set
from kompass_data.report import render_report

PAGE_BUDGET = 8  # the promise for Norsjö 2018: a report a council reads, not a data dump


def _print(browser, html_path) -> tuple[bytes, list[str]]:
    context = browser.new_context(offline=True)  # nothing may be fetched: a request would fail and show below
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.goto(html_path.as_uri())
    page.wait_for_load_state("load")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    context.close()
    return pdf, problems


def test_norsjo_2018_prints_on_at_most_eight_a4_pages(browser, tmp_path):
    ds = load_dataset()  # the shipped data: the published Norsjö 2018 report with its 45 sub-areas
    ref = parse_score_set(ds, "Norsjö:2018")
    target = tmp_path / "norsjo.html"
    target.write_text(render_report(ds, ref), encoding="utf-8")
    pdf, problems = _print(browser, target)
    assert problems == []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert 1 <= len(doc.pages) <= PAGE_BUDGET
        width, height = doc.pages[0].width, doc.pages[0].height
        assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
    assert "Norsjö" in text and "2018" in text and "Version 2016" in text
    areas = ds.score_sets.set_index("score_set_id").loc[ref.id]
    for code in [str(i) for i in range(1, 9)]:
        assert f"{int(areas[code])}" in text
    assert "Sida 1 /" in text  # the page header and numbers of the print stylesheet
